/*
 * pathre.h - path-to-regexp v6.3.0 semantics in C: parse a route pattern, compile it to the
 * same regexp source v6 produces, and match it with PCRE2. Also replicates what
 * authkit-nextjs (unauthenticatedPaths) and Next.js (config.matcher) do to a pattern
 * before they hand it to path-to-regexp, so a rule can say exactly which paths match.
 */
#ifndef CWLINT_PATHRE_H
#define CWLINT_PATHRE_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* v6 defaults for the delimiter and prefixes options */
#define PATHRE_DEFAULT_DELIMITER "/#?"
#define PATHRE_DEFAULT_PREFIXES "./"

/*
 * Options of v6 parse() and tokensToRegexp(). A NULL opts pointer anywhere below means
 * PATHRE_OPTS_INIT, which equals v6's defaults. The encode option is not supported
 * (v6's default is the identity).
 */
struct pathre_opts {
	bool sensitive;		/* case-sensitive match; v6 default false (RegExp flag "i") */
	bool strict;		/* no optional trailing delimiter; default false */
	bool end;		/* must match to the end of the path; default true */
	bool start;		/* must match from the start ("^"); default true */
	const char *delimiter;	/* characters that end a segment; NULL = "/#?" */
	const char *prefixes;	/* characters that become a parameter's prefix; NULL = "./" */
	const char *ends_with;	/* characters that also count as the end; NULL = "" */
};
#define PATHRE_OPTS_INIT { false, false, true, true, NULL, NULL, NULL }

enum pathre_token_type {
	PATHRE_TEXT,		/* literal text */
	PATHRE_KEY,		/* a parameter, a custom pattern, or a {...} group */
};

/* One element of v6 parse()'s result: a string, or a key object. */
struct pathre_token {
	enum pathre_token_type type;
	const char *text;	/* PATHRE_TEXT: the text, escapes resolved; NULL for a key */
	const char *name;	/* key name; "0", "1"... for unnamed patterns; "" for a group without one */
	bool numbered;		/* name is v6's numeric index (an unnamed pattern) */
	const char *prefix;	/* text matched before the value, e.g. "/" in "/:id" */
	const char *suffix;	/* text matched after it, only from {...} groups */
	const char *pattern;	/* regexp source (JS syntax) for the value; "" for a plain group */
	char modifier;		/* '\0', '?', '*' or '+' */
};

/* A parsed pattern; the array and every string in it live in the arena given to the parser. */
struct pathre_tokens {
	struct pathre_token *v;
	size_t n;
};

/*
 * Tokenizes like v6 `parse(pattern)` with default options. Returns 0, or -1 with *err set to
 * v6's own message (e.g. "Unexpected MODIFIER at 5, expected END", allocated in the arena)
 * and *err_index to the 0-based position in UTF-16 code units, as v6 counts. v6's "Must
 * have text between two parameters" message has no position; *err_index is then the
 * position of the second parameter. err and err_index may be NULL.
 */
int pathre_parse(struct arena *a, const char *pattern, struct pathre_tokens *out,
		 const char **err, size_t *err_index);

/* As pathre_parse(), honouring opts->delimiter and opts->prefixes (NULL opts = defaults). */
int pathre_parse_opts(struct arena *a, const char *pattern, const struct pathre_opts *opts,
		      struct pathre_tokens *out, const char **err, size_t *err_index);

/*
 * Compiles tokens like v6 `tokensToRegexp(tokens, keys, opts)` and returns the RegExp's
 * `.source`, character for character, allocated in the arena. The case flag is not part of
 * the source: pass !opts->sensitive to pathre_regex_compile(). Returns NULL with *err set
 * on v6's "Can not repeat "x" without a prefix and suffix" or when the result is not a valid
 * regular expression (v6's `new RegExp` would throw; the reason then comes from PCRE2).
 */
char *pathre_to_pcre(struct arena *a, const struct pathre_tokens *t,
		     const struct pathre_opts *opts, const char **err);

/* v6 `pathToRegexp(pattern, [], opts).source` for a string pattern; NULL with *err on error. */
char *pathre_source(struct arena *a, const char *pattern, const struct pathre_opts *opts,
		    const char **err, size_t *err_index);

/*
 * Compiles a regexp source made by this module with PCRE2 options that make it behave like
 * a JS RegExp without the "u" flag (empty classes, "$" only at the very end, \u escapes,
 * unset backreferences match empty). Invalid UTF-8 in subjects is allowed. Returns NULL
 * on failure with the PCRE2 message copied into msg (size msgsz, may be 0). The caller
 * frees the result with pcre2_code_free().
 */
pcre2_code *pathre_regex_compile(const char *re, bool caseless, char *msg, size_t msgsz);

/*
 * Runs a compiled regexp on a path like RegExp.prototype.exec: 1 on a match, 0 on none,
 * -1 if PCRE2 gave up (backtracking limit).
 */
int pathre_regex_exec(const pcre2_code *code, const char *path);

/*
 * Does the v6 pattern match the concrete path, as `pathToRegexp(pattern, [], opts)
 * .exec(path)` would? 1 yes, 0 no, -1 if the pattern is invalid or matching failed.
 */
int pathre_matches(const char *pattern, const struct pathre_opts *opts, const char *path);

/* --- authkit-nextjs: middlewareAuth.unauthenticatedPaths and signUpPaths --- */

/* authkit-nextjs puts this before the v6 message when it throws */
#define PATHRE_AUTHKIT_ERROR_PREFIX "Error parsing routes for middleware auth. Reason: "

/*
 * What `new URL(input, 'https://example.com')` gives as `pathname + hash`: leading and
 * trailing controls and spaces dropped, tabs and newlines removed, "\" read as "/",
 * "." and ".." segments resolved, the query dropped, and the WHATWG path and fragment
 * percent-encode sets applied ("/{*p}" becomes "/%7B*p%7D", "/中" becomes "/%E4%B8%AD").
 * Returns the arena string, or NULL with *err = "Invalid URL" where Node throws. Host
 * checks are approximate: no IDNA mapping and no IPv4 number validation; file: URLs
 * ignore Windows drive letters.
 */
char *pathre_url_path(struct arena *a, const char *input, const char **err);

/*
 * authkit-nextjs `getMiddlewareAuthPathRegex(pathGlob)`: pathre_url_path(), then v6
 * parse() and tokensToRegexp() with default options, and `new RegExp(regex.source)`.
 * Returns the source (arena). The RegExp is built from `.source` without flags, so it is
 * matched case-sensitively although v6's default is not. On failure returns NULL with
 * *err set to the reason authkit reports after PATHRE_AUTHKIT_ERROR_PREFIX; *err_index is
 * the position in the URL-processed path (0 for "Invalid URL").
 */
char *pathre_authkit_path_regex(struct arena *a, const char *path_glob, const char **err,
				size_t *err_index);

/*
 * Does an unauthenticatedPaths entry let authkit-nextjs through on pathname (the request's
 * nextUrl.pathname)? 1 yes, 0 no, -1 if authkit would throw for the entry.
 */
int pathre_authkit_matches(const char *path_glob, const char *pathname);

/* --- Next.js: middleware / proxy config.matcher --- */

/* The parts of next.config and of a matcher object that change how a matcher compiles. */
struct pathre_next_config {
	const char *base_path;	/* next.config basePath; NULL or "" for none */
	bool i18n;		/* next.config has i18n (locales) */
	bool locale_false;	/* the matcher object has `locale: false` */
	bool json_suffix_only;	/* Next 15 to 16.0: no .rsc / .segments suffix (16.3+ has it) */
};

/*
 * Next's `tryToParsePath(route)`: v6 parse() and tokensToRegexp() with default options and
 * no URL processing; if tokensToRegexp throws, keys with a repeat modifier and an empty
 * prefix and suffix get prefix "/" and it is tried again (normalizeTokensForRegexp).
 * Returns the regexp source (arena) or NULL with the v6 message in *err.
 */
char *pathre_next_parse_path(struct arena *a, const char *route, const char **err,
			     size_t *err_index);

/*
 * Next `getMiddlewareMatchers()` for one matcher source (checked against next 16.0.0,
 * 16.3.0 and 16.4.6): the source must be at most 4096 UTF-16 units, start with "/" and
 * parse; it is then wrapped as "/:nextData(_next/data/[^/]{1,})?" SOURCE SUFFIX, where
 * SUFFIX (pattern text as it reaches v6) is "{(\.json|\.rsc|\.segments/.+\.segment\.rsc)}?"
 * (16.3+; "{(\.json)}?" with json_suffix_only) and, for the source "/",
 * "(/?index|/?index\.json|/?index(?:\.rsc|\.segments/.+\.segment\.rsc))?" (with i18n
 * "|\.json|" first in the group). With i18n on and no `locale: false`,
 * "/:nextInternalLocale((?!_next/)[^/.]{1,})" goes in front of the source (replaces "/"),
 * and basePath in front of all. The result is checked again (so the 4096 limit applies to
 * it too) and compiled with pathre_next_parse_path(). cfg may be NULL (no basePath, no
 * i18n, 16.3+ suffixes). Returns the regexp source (arena); Next matches it with
 * `new RegExp(source)`, so case-sensitively. On failure returns NULL with *err = "source
 * must start with /", "exceeds max built length of 4096 for route" or "Invalid source
 * '<source>': <v6 message>".
 */
char *pathre_next_matcher_regex(struct arena *a, const char *source,
				const struct pathre_next_config *cfg, const char **err,
				size_t *err_index);

/*
 * Does a config.matcher source run the middleware/proxy for pathname? 1 yes, 0 no, -1 if
 * Next would reject the matcher. has/missing conditions are not evaluated.
 */
int pathre_next_matcher_matches(const char *source, const struct pathre_next_config *cfg,
				const char *pathname);

#endif
