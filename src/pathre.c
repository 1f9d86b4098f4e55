/*
 * pathre.c - a re-implementation of path-to-regexp v6.3.0 (lexer, parse, tokensToRegexp),
 * the WHATWG URL path processing authkit-nextjs applies first, and Next.js's matcher wrapping.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pathre.h"
#include "util.h"

static const struct pathre_opts default_opts = PATHRE_OPTS_INIT;

/*
 * The byte length of the UTF-8 sequence at s (1 for a bad byte) and the UTF-16 code units
 * it stands for: v6 runs on JS strings, so its error positions count UTF-16 units.
 */
static size_t u8_step(const char *s, size_t *units)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n, i;

	*units = 1;
	if (u[0] < 0x80)
		return 1;
	if (u[0] >= 0xc2 && u[0] <= 0xdf)
		n = 2;
	else if (u[0] >= 0xe0 && u[0] <= 0xef)
		n = 3;
	else if (u[0] >= 0xf0 && u[0] <= 0xf4)
		n = 4;
	else
		return 1;
	for (i = 1; i < n; i++)
		if ((u[i] & 0xc0) != 0x80)
			return 1;
	/* overlong forms, surrogates and values past U+10FFFF are not UTF-8 either */
	if ((u[0] == 0xe0 && u[1] < 0xa0) || (u[0] == 0xed && u[1] > 0x9f) ||
	    (u[0] == 0xf0 && u[1] < 0x90) || (u[0] == 0xf4 && u[1] > 0x8f))
		return 1;
	if (n == 4)
		*units = 2;
	return n;
}

static size_t u16_len(const char *s)
{
	size_t units, total = 0;

	while (*s) {
		s += u8_step(s, &units);
		total += units;
	}
	return total;
}

/* Empties sb but keeps its buffer. */
static void sb_clear(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

static void set_err(const char **err, size_t *err_index, const char *msg, size_t index)
{
	if (err)
		*err = msg;
	if (err_index)
		*err_index = index;
}

/* --- lexer: v6's lexer() --- */

enum lex_type { LEX_MODIFIER, LEX_ESCAPED_CHAR, LEX_OPEN, LEX_CLOSE, LEX_NAME, LEX_PATTERN,
		LEX_CHAR, LEX_END };

static const char *const lex_names[] = {
	"MODIFIER", "ESCAPED_CHAR", "OPEN", "CLOSE", "NAME", "PATTERN", "CHAR", "END",
};

struct lex_token {
	enum lex_type type;
	size_t index;		/* UTF-16 position, as in v6's messages */
	const char *value;	/* NULL for a "\" at the very end (v6's value is undefined) */
	size_t len;
};

static bool is_name_char(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       c == '_';
}

static int lex(struct arena *a, const char *s, struct lex_token **out, size_t *nout,
	       const char **err, size_t *err_index)
{
	struct lex_token *t = ARENA_ARRAY(a, struct lex_token, strlen(s) + 1);
	size_t n = 0, pos = 0, idx = 0, units, len;

	while (s[pos]) {
		char c = s[pos];
		struct lex_token *tok = &t[n++];

		tok->index = idx;
		tok->value = s + pos;
		if (c == '*' || c == '+' || c == '?') {
			tok->type = LEX_MODIFIER;
			tok->len = 1;
			pos++;
			idx++;
		} else if (c == '\\') {
			tok->type = LEX_ESCAPED_CHAR;
			pos++;
			idx++;
			if (s[pos]) {
				tok->value = s + pos;
				tok->len = u8_step(s + pos, &units);
				pos += tok->len;
				idx += units;
			} else {
				/* v6 reads past the end here: the value is undefined, the index runs on */
				tok->value = NULL;
				tok->len = 0;
				idx++;
			}
		} else if (c == '{' || c == '}') {
			tok->type = c == '{' ? LEX_OPEN : LEX_CLOSE;
			tok->len = 1;
			pos++;
			idx++;
		} else if (c == ':') {
			size_t j = pos + 1;

			while (is_name_char(s[j]))
				j++;
			if (j == pos + 1) {
				set_err(err, err_index,
					arena_printf(a, "Missing parameter name at %zu", idx), idx);
				return -1;
			}
			tok->type = LEX_NAME;
			tok->value = s + pos + 1;
			tok->len = j - pos - 1;
			idx += j - pos;
			pos = j;
		} else if (c == '(') {
			size_t j = pos + 1, jidx = idx + 1;
			int count = 1;

			if (s[j] == '?') {
				set_err(err, err_index, arena_printf(a,
					"Pattern cannot start with \"?\" at %zu", jidx), jidx);
				return -1;
			}
			while (s[j]) {
				if (s[j] == '\\') {
					/* an escaped character never opens or closes a group */
					j++;
					jidx++;
					if (s[j]) {
						j += u8_step(s + j, &units);
						jidx += units;
					}
					continue;
				}
				if (s[j] == ')') {
					if (--count == 0) {
						j++;
						jidx++;
						break;
					}
				} else if (s[j] == '(') {
					count++;
					if (s[j + 1] != '?') {
						set_err(err, err_index, arena_printf(a,
							"Capturing groups are not allowed at %zu", jidx),
							jidx);
						return -1;
					}
				}
				j += u8_step(s + j, &units);
				jidx += units;
			}
			if (count) {
				set_err(err, err_index,
					arena_printf(a, "Unbalanced pattern at %zu", idx), idx);
				return -1;
			}
			if (j - pos == 2) {
				set_err(err, err_index,
					arena_printf(a, "Missing pattern at %zu", idx), idx);
				return -1;
			}
			tok->type = LEX_PATTERN;
			tok->value = s + pos + 1;
			tok->len = j - pos - 2;
			pos = j;
			idx = jidx;
		} else {
			tok->type = LEX_CHAR;
			len = u8_step(s + pos, &units);
			tok->len = len;
			pos += len;
			idx += units;
		}
	}
	t[n].type = LEX_END;
	t[n].index = idx;
	t[n].value = "";
	t[n].len = 0;
	*out = t;
	*nout = n + 1;
	return 0;
}

/* --- parser: v6's parse() --- */

struct parser {
	struct arena *a;
	const struct lex_token *tok;
	size_t ntok, i;
	const char *delimiter, *prefixes;
	struct pathre_token *res;
	size_t nres, allocres;
	unsigned key;		/* v6's counter for unnamed patterns */
	const char **err;
	size_t *err_index;
};

/* v6 tryConsume(): the token if it has this type (value may be NULL), else no token. */
static const struct lex_token *try_consume(struct parser *p, enum lex_type type)
{
	if (p->i < p->ntok && p->tok[p->i].type == type)
		return &p->tok[p->i++];
	return NULL;
}

static int must_consume(struct parser *p, enum lex_type type, const struct lex_token **out)
{
	const struct lex_token *t = try_consume(p, type);

	if (t) {
		*out = t;
		return 0;
	}
	t = &p->tok[p->i];
	set_err(p->err, p->err_index, arena_printf(p->a, "Unexpected %s at %zu, expected %s",
		lex_names[t->type], t->index, lex_names[type]), t->index);
	return -1;
}

/* v6 consumeText(): CHARs and ESCAPED_CHARs; a valueless escape ends it, consumed. */
static char *consume_text(struct parser *p)
{
	struct strbuf sb = STRBUF_INIT;
	const struct lex_token *t;
	char *ret;

	for (;;) {
		t = try_consume(p, LEX_CHAR);
		if (!t)
			t = try_consume(p, LEX_ESCAPED_CHAR);
		if (!t || !t->value)
			break;
		strbuf_add(&sb, t->value, t->len);
	}
	ret = arena_strdup(p->a, strbuf_str(&sb));
	strbuf_release(&sb);
	return ret;
}

/* Appends to out what v6's escapeString() makes of s. */
static void escape_re(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		if (strchr(".+*?=^!:${}()[]|/\\", *s))
			strbuf_addch(out, '\\');
		strbuf_addch(out, *s);
	}
}

static char *escape_re_arena(struct arena *a, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	char *ret;

	escape_re(&sb, s);
	ret = arena_strdup(a, strbuf_str(&sb));
	strbuf_release(&sb);
	return ret;
}

/* Does s contain any of the characters of set (compared as whole UTF-8 sequences)? */
static bool has_any_char(const char *s, const char *set)
{
	size_t units, n;
	char one[5];

	while (*set) {
		n = u8_step(set, &units);
		memcpy(one, set, n);
		one[n] = '\0';
		if (strstr(s, one))
			return true;
		set += n;
	}
	return false;
}

static struct pathre_token *push_token(struct parser *p)
{
	struct pathre_token *t;

	LINT_GROW(p->res, p->nres + 1, p->allocres);
	t = &p->res[p->nres++];
	memset(t, 0, sizeof(*t));
	return t;
}

static void push_text(struct parser *p, struct strbuf *path)
{
	struct pathre_token *t;

	if (!path->len)
		return;
	t = push_token(p);
	t->type = PATHRE_TEXT;
	t->text = arena_strdup(p->a, strbuf_str(path));
	sb_clear(path);
}

/*
 * v6 safePattern(): a parameter without its own pattern matches up to the next delimiter,
 * and must not run into the literal text just before it (so "/a-:b" cannot eat "a-").
 */
static const char *safe_pattern(struct parser *p, const char *prefix, size_t index)
{
	const struct pathre_token *prev = p->nres ? &p->res[p->nres - 1] : NULL;
	const char *prev_text = *prefix ? prefix :
		(prev && prev->type == PATHRE_TEXT ? prev->text : "");
	struct strbuf sb = STRBUF_INIT;
	const char *ret;

	if (prev && !*prev_text) {
		set_err(p->err, p->err_index, arena_printf(p->a,
			"Must have text between two parameters, missing text after \"%s\"",
			prev->name), index);
		return NULL;
	}
	if (!*prev_text || has_any_char(prev_text, p->delimiter)) {
		strbuf_adds(&sb, "[^");
		escape_re(&sb, p->delimiter);
		strbuf_adds(&sb, "]+?");
	} else {
		strbuf_adds(&sb, "(?:(?!");
		escape_re(&sb, prev_text);
		strbuf_adds(&sb, ")[^");
		escape_re(&sb, p->delimiter);
		strbuf_adds(&sb, "])+?");
	}
	ret = arena_strdup(p->a, strbuf_str(&sb));
	strbuf_release(&sb);
	return ret;
}

static char *next_key_name(struct parser *p)
{
	return arena_printf(p->a, "%u", p->key++);
}

static char modifier_of(const struct lex_token *t)
{
	return t ? t->value[0] : '\0';
}

/* Is the one-character prefix (possibly "") in the prefixes option, as indexOf sees it? */
static bool in_prefixes(const char *prefixes, const char *ch)
{
	return !*ch || strstr(prefixes, ch) != NULL;
}

int pathre_parse_opts(struct arena *a, const char *pattern, const struct pathre_opts *opts,
		      struct pathre_tokens *out, const char **err, size_t *err_index)
{
	struct parser p = { 0 };
	struct strbuf path = STRBUF_INIT;
	struct lex_token *toks;
	size_t ntoks;
	int ret = -1;

	if (!opts)
		opts = &default_opts;
	out->v = NULL;
	out->n = 0;
	if (lex(a, pattern, &toks, &ntoks, err, err_index))
		return -1;
	p.a = a;
	p.tok = toks;
	p.ntok = ntoks;
	p.delimiter = opts->delimiter ? opts->delimiter : PATHRE_DEFAULT_DELIMITER;
	p.prefixes = opts->prefixes ? opts->prefixes : PATHRE_DEFAULT_PREFIXES;
	p.err = err;
	p.err_index = err_index;

	while (p.i < p.ntok) {
		const struct lex_token *ch = try_consume(&p, LEX_CHAR);
		const struct lex_token *name = try_consume(&p, LEX_NAME);
		const struct lex_token *pat = try_consume(&p, LEX_PATTERN);
		const struct lex_token *t;

		if (name || pat) {
			const char *prefix = ch ? arena_strndup(a, ch->value, ch->len) : "";
			size_t index = (name ? name : pat)->index;
			struct pathre_token *k;
			const char *kpat;

			if (!in_prefixes(p.prefixes, prefix)) {
				strbuf_adds(&path, prefix);
				prefix = "";
			}
			push_text(&p, &path);
			if (pat) {
				kpat = arena_strndup(a, pat->value, pat->len);
			} else {
				kpat = safe_pattern(&p, prefix, index);
				if (!kpat)
					goto out;
			}
			k = push_token(&p);
			k->type = PATHRE_KEY;
			if (name) {
				k->name = arena_strndup(a, name->value, name->len);
			} else {
				k->name = next_key_name(&p);
				k->numbered = true;
			}
			k->prefix = prefix;
			k->suffix = "";
			k->pattern = kpat;
			k->modifier = modifier_of(try_consume(&p, LEX_MODIFIER));
			continue;
		}

		t = ch ? ch : try_consume(&p, LEX_ESCAPED_CHAR);
		if (t && t->value) {
			strbuf_add(&path, t->value, t->len);
			continue;
		}
		push_text(&p, &path);

		if (try_consume(&p, LEX_OPEN)) {
			size_t index = p.tok[p.i].index;
			const char *prefix = consume_text(&p);
			const struct lex_token *gname = try_consume(&p, LEX_NAME);
			const struct lex_token *gpat = try_consume(&p, LEX_PATTERN);
			const char *suffix = consume_text(&p);
			struct pathre_token *k;
			const char *kpat = gpat ? arena_strndup(a, gpat->value, gpat->len) : "";
			const char *kname = gname ? arena_strndup(a, gname->value, gname->len) : "";
			bool numbered = false;

			if (must_consume(&p, LEX_CLOSE, &t))
				goto out;
			if (!gname && gpat) {
				kname = next_key_name(&p);
				numbered = true;
			}
			if (gname && !gpat) {
				kpat = safe_pattern(&p, prefix, index);
				if (!kpat)
					goto out;
			}
			k = push_token(&p);
			k->type = PATHRE_KEY;
			k->name = kname;
			k->numbered = numbered;
			k->prefix = prefix;
			k->suffix = suffix;
			k->pattern = kpat;
			k->modifier = modifier_of(try_consume(&p, LEX_MODIFIER));
			continue;
		}
		if (must_consume(&p, LEX_END, &t))
			goto out;
	}

	out->v = ARENA_ARRAY(a, struct pathre_token, p.nres ? p.nres : 1);
	if (p.nres)
		memcpy(out->v, p.res, p.nres * sizeof(*p.res));
	out->n = p.nres;
	ret = 0;
out:
	free(p.res);
	strbuf_release(&path);
	return ret;
}

int pathre_parse(struct arena *a, const char *pattern, struct pathre_tokens *out,
		 const char **err, size_t *err_index)
{
	return pathre_parse_opts(a, pattern, NULL, out, err, err_index);
}

/* --- tokensToRegexp --- */

/* The last character of s (a whole UTF-8 sequence) as a string. */
static const char *last_char(struct arena *a, const char *s)
{
	const char *last = s;
	size_t units;

	while (*s) {
		last = s;
		s += u8_step(s, &units);
	}
	return arena_strdup(a, last);
}

/*
 * What RegExp.prototype.source gives for a pattern string (V8's EscapeRegExpSource): "/"
 * outside a class and line terminators are escaped, "" becomes "(?:)". authkit and Next
 * only keep `.source`, so this is the text they compile again.
 */
static char *js_source(struct arena *a, const char *src)
{
	static const char *const lt_names[] = { "n", "r", "u2028", "u2029" };
	struct strbuf sb = STRBUF_INIT;
	bool in_class = false, escaped;
	size_t units, n;
	char *ret;
	int lt;

	if (!*src)
		return arena_strdup(a, "(?:)");
	for (; *src; src += n) {
		escaped = false;
		if (src[0] == '\\' && src[1]) {
			strbuf_addch(&sb, '\\');
			src++;
			escaped = true;
		}
		n = u8_step(src, &units);
		lt = *src == '\n' ? 0 : *src == '\r' ? 1 :
		     !strncmp(src, "\xe2\x80\xa8", 3) ? 2 : !strncmp(src, "\xe2\x80\xa9", 3) ? 3 : -1;
		if (lt >= 0) {
			strbuf_addf(&sb, "%s%s", escaped ? "" : "\\", lt_names[lt]);
			continue;
		}
		if (!escaped && *src == '/' && !in_class)
			strbuf_addch(&sb, '\\');
		else if (!escaped && *src == '[')
			in_class = true;
		else if (!escaped && *src == ']')
			in_class = false;
		strbuf_add(&sb, src, n);
	}
	ret = arena_strdup(a, strbuf_str(&sb));
	strbuf_release(&sb);
	return ret;
}

/* Builds v6's regexp source; NULL with *err only for the repeat-without-prefix error. */
static char *tokens_to_source(struct arena *a, const struct pathre_tokens *t,
			      const struct pathre_opts *opts, const char **err)
{
	const char *delimiter = opts->delimiter ? opts->delimiter : PATHRE_DEFAULT_DELIMITER;
	const char *ends_with = opts->ends_with ? opts->ends_with : "";
	struct strbuf re = STRBUF_INIT, delim_re = STRBUF_INIT, ends_re = STRBUF_INIT;
	char *ret = NULL;
	size_t i;

	strbuf_addch(&delim_re, '[');
	escape_re(&delim_re, delimiter);
	strbuf_addch(&delim_re, ']');
	strbuf_addch(&ends_re, '[');
	escape_re(&ends_re, ends_with);
	strbuf_adds(&ends_re, "]|$");

	strbuf_adds(&re, opts->start ? "^" : "");
	for (i = 0; i < t->n; i++) {
		const struct pathre_token *k = &t->v[i];
		char *prefix, *suffix;
		char mod[2] = { k->modifier, '\0' };

		if (k->type == PATHRE_TEXT) {
			escape_re(&re, k->text);
			continue;
		}
		prefix = escape_re_arena(a, k->prefix);
		suffix = escape_re_arena(a, k->suffix);
		if (!*k->pattern) {
			strbuf_addf(&re, "(?:%s%s)%s", prefix, suffix, mod);
			continue;
		}
		if (*prefix || *suffix) {
			if (k->modifier == '+' || k->modifier == '*')
				strbuf_addf(&re, "(?:%s((?:%s)(?:%s%s(?:%s))*)%s)%s", prefix,
					    k->pattern, suffix, prefix, k->pattern, suffix,
					    k->modifier == '*' ? "?" : "");
			else
				strbuf_addf(&re, "(?:%s(%s)%s)%s", prefix, k->pattern, suffix, mod);
			continue;
		}
		if (k->modifier == '+' || k->modifier == '*') {
			*err = arena_printf(a, "Can not repeat \"%s\" without a prefix and suffix",
					    k->name);
			goto out;
		}
		strbuf_addf(&re, "(%s)%s", k->pattern, mod);
	}

	if (opts->end) {
		if (!opts->strict)
			strbuf_addf(&re, "%s?", strbuf_str(&delim_re));
		if (*ends_with)
			strbuf_addf(&re, "(?=%s)", strbuf_str(&ends_re));
		else
			strbuf_addch(&re, '$');
	} else {
		const struct pathre_token *last = t->n ? &t->v[t->n - 1] : NULL;
		bool end_delimited;

		/*
		 * v6 looks the last character up in the class text "[...]" itself, so a
		 * trailing "[", "]" or "\" also counts as delimited; keep that quirk
		 */
		if (!last)
			end_delimited = true;
		else if (last->type == PATHRE_TEXT)
			end_delimited = strstr(strbuf_str(&delim_re), last_char(a, last->text)) != NULL;
		else
			end_delimited = false;
		if (!opts->strict)
			strbuf_addf(&re, "(?:%s(?=%s))?", strbuf_str(&delim_re), strbuf_str(&ends_re));
		if (!end_delimited)
			strbuf_addf(&re, "(?=%s|%s)", strbuf_str(&delim_re), strbuf_str(&ends_re));
	}
	ret = js_source(a, strbuf_str(&re));
out:
	strbuf_release(&re);
	strbuf_release(&delim_re);
	strbuf_release(&ends_re);
	return ret;
}

char *pathre_to_pcre(struct arena *a, const struct pathre_tokens *t,
		     const struct pathre_opts *opts, const char **err)
{
	const char *dummy;
	pcre2_code *code;
	char msg[256];
	char *src;

	if (!opts)
		opts = &default_opts;
	if (!err)
		err = &dummy;
	src = tokens_to_source(a, t, opts, err);
	if (!src)
		return NULL;
	/* v6 ends with `new RegExp(route, flags)`, which throws on a bad custom pattern */
	code = pathre_regex_compile(src, !opts->sensitive, msg, sizeof(msg));
	if (!code) {
		*err = arena_printf(a, "Invalid regular expression: /%s/%s: %s", src,
				    opts->sensitive ? "" : "i", msg);
		return NULL;
	}
	pcre2_code_free(code);
	return src;
}

char *pathre_source(struct arena *a, const char *pattern, const struct pathre_opts *opts,
		    const char **err, size_t *err_index)
{
	struct pathre_tokens t;

	if (pathre_parse_opts(a, pattern, opts, &t, err, err_index))
		return NULL;
	if (err_index)
		*err_index = 0;
	return pathre_to_pcre(a, &t, opts, err);
}

/* --- PCRE2 with JS RegExp behaviour --- */

pcre2_code *pathre_regex_compile(const char *re, bool caseless, char *msg, size_t msgsz)
{
	uint32_t js = PCRE2_ALT_BSUX | PCRE2_ALLOW_EMPTY_CLASS | PCRE2_DOLLAR_ENDONLY |
		      PCRE2_MATCH_UNSET_BACKREF | (caseless ? PCRE2_CASELESS : 0);
	pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
	pcre2_code *code = NULL;
	PCRE2_SIZE off;
	int errcode;

	if (!cc)
		die("out of memory");
	/* JS "." stops at CR as well as LF */
	pcre2_set_newline(cc, PCRE2_NEWLINE_ANYCRLF);
	code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
			     js | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &errcode, &off, cc);
	/* a pattern that is not UTF-8 itself still compiles, byte by byte */
	if (!code && errcode >= PCRE2_ERROR_UTF8_ERR21 && errcode <= PCRE2_ERROR_UTF8_ERR1)
		code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED, js, &errcode,
				     &off, cc);
	if (!code && msg && msgsz) {
		PCRE2_UCHAR buf[256];

		pcre2_get_error_message(errcode, buf, sizeof(buf));
		snprintf(msg, msgsz, "%s at offset %zu", (char *)buf, (size_t)off);
	}
	pcre2_compile_context_free(cc);
	return code;
}

/*
 * A JS string cannot hold invalid UTF-8: decoding gives U+FFFD. Do the same, so that
 * "[^\/]+" still matches such a byte (PCRE2 never matches an invalid sequence).
 */
static char *valid_utf8(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n, units;

	for (; *s; s += n) {
		n = u8_step(s, &units);
		if (n == 1 && (unsigned char)*s >= 0x80)
			strbuf_adds(&sb, "\xef\xbf\xbd");
		else
			strbuf_add(&sb, s, n);
	}
	return strbuf_detach(&sb);
}

int pathre_regex_exec(const pcre2_code *code, const char *path)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
	pcre2_match_context *mc = pcre2_match_context_create(NULL);
	char *subject = valid_utf8(path);
	int rc, ret = -1;

	if (!md || !mc)
		die("out of memory");
	/* a linter must not hang on a catastrophic custom pattern */
	pcre2_set_match_limit(mc, 10 * 1000 * 1000);
	pcre2_set_depth_limit(mc, 100 * 1000);
	rc = pcre2_match(code, (PCRE2_SPTR)subject, strlen(subject), 0, 0, md, mc);
	if (rc >= 0)
		ret = 1;
	else if (rc == PCRE2_ERROR_NOMATCH)
		ret = 0;
	pcre2_match_context_free(mc);
	pcre2_match_data_free(md);
	free(subject);
	return ret;
}

/* Compiles and runs re on path; -1 if either step fails. */
static int regex_test(const char *re, bool caseless, const char *path)
{
	pcre2_code *code = pathre_regex_compile(re, caseless, NULL, 0);
	int ret;

	if (!code)
		return -1;
	ret = pathre_regex_exec(code, path);
	pcre2_code_free(code);
	return ret;
}

int pathre_matches(const char *pattern, const struct pathre_opts *opts, const char *path)
{
	struct arena a = ARENA_INIT;
	const char *src;
	int ret = -1;

	if (!opts)
		opts = &default_opts;
	src = pathre_source(&a, pattern, opts, NULL, NULL);
	if (!src)
		goto out;
	ret = regex_test(src, !opts->sensitive, path);
out:
	arena_release(&a);
	return ret;
}

/* --- WHATWG URL: pathname + hash of new URL(input, 'https://example.com') --- */

struct url_path {
	char **seg;
	size_t n, alloc;
};

static void seg_push(struct url_path *p, const char *s)
{
	LINT_GROW(p->seg, p->n + 1, p->alloc);
	p->seg[p->n++] = xstrdup(s);
}

static void seg_pop(struct url_path *p)
{
	if (p->n)
		free(p->seg[--p->n]);
}

static void seg_release(struct url_path *p)
{
	while (p->n)
		seg_pop(p);
	free(p->seg);
	p->seg = NULL;
	p->alloc = 0;
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The WHATWG percent-encode sets this needs (controls and non-ASCII are in all three). */
enum encode_set { ENC_C0, ENC_FRAGMENT, ENC_PATH };

static void percent_encode(struct strbuf *sb, unsigned char c, enum encode_set set)
{
	bool enc = c < 0x20 || c >= 0x7f;

	if (set != ENC_C0 && strchr(" \"<>`", c))
		enc = true;
	if (set == ENC_PATH && strchr("#?{}", c))
		enc = true;
	if (enc)
		strbuf_addf(sb, "%%%02X", c);
	else
		strbuf_addch(sb, c);
}

static bool seg_is(const char *buf, const char *const *forms)
{
	for (; *forms; forms++)
		if (!strcasecmp(buf, *forms))
			return true;
	return false;
}

static bool single_dot(const char *buf)
{
	static const char *const forms[] = { ".", "%2e", NULL };

	return seg_is(buf, forms);
}

static bool double_dot(const char *buf)
{
	static const char *const forms[] = { "..", ".%2e", "%2e.", "%2e%2e", NULL };

	return seg_is(buf, forms);
}

/*
 * The path state: segments up to "?" or "#", dot segments resolved. Returns where it
 * stopped. special: "\" separates segments too.
 */
static const char *url_path_state(const char *s, bool special, struct url_path *path)
{
	struct strbuf buf = STRBUF_INIT;

	for (;; s++) {
		char c = *s;
		bool slash = c == '/' || (special && c == '\\');

		if (c && !slash && c != '?' && c != '#') {
			percent_encode(&buf, (unsigned char)c, ENC_PATH);
			continue;
		}
		if (double_dot(strbuf_str(&buf))) {
			seg_pop(path);
			if (!slash)
				seg_push(path, "");
		} else if (single_dot(strbuf_str(&buf))) {
			if (!slash)
				seg_push(path, "");
		} else {
			seg_push(path, strbuf_str(&buf));
		}
		sb_clear(&buf);
		if (!slash)
			break;
	}
	strbuf_release(&buf);
	return s;
}

static bool forbidden_host_char(unsigned char c, bool domain)
{
	if (c == 0 || c == '\t' || c == '\n' || c == '\r' || c == ' ' || strchr("#/:<>?@[\\]^|", c))
		return true;
	return domain && (c < 0x20 || c == '%' || c == 0x7f);
}

/*
 * A host without port, [host, end). Only checked roughly: an IPv6 literal may only hold hex
 * digits, ":" and "."; a domain is percent-decoded (special URLs) and must not contain a
 * forbidden code point. No IDNA mapping, no IPv4 number validation.
 */
static bool host_ok(const char *host, const char *end, bool special, bool allow_empty)
{
	struct strbuf dec = STRBUF_INIT;
	const char *p;
	bool ok = false;

	if (host < end && *host == '[') {
		for (p = host + 1; p < end - 1; p++)
			if (!is_hex(*p) && *p != ':' && *p != '.')
				return false;
		return end - host >= 2 && end[-1] == ']';
	}
	for (p = host; p < end; p++) {
		if (special && *p == '%' && p + 2 < end && is_hex(p[1]) && is_hex(p[2])) {
			char hex[3] = { p[1], p[2], '\0' };

			strbuf_addch(&dec, (int)strtol(hex, NULL, 16));
			p += 2;
			continue;
		}
		strbuf_addch(&dec, *p);
	}
	if (!dec.len && !allow_empty)
		goto out;
	for (p = strbuf_str(&dec); *p; p++)
		if (forbidden_host_char((unsigned char)*p, special))
			goto out;
	ok = true;
out:
	strbuf_release(&dec);
	return ok;
}

/*
 * Authority: [userinfo@]host[:port], up to "/", "?", "#" (or "\" when special). Returns the
 * end, or NULL where the URL parser fails.
 */
static const char *url_authority(const char *s, bool special, bool allow_empty_host)
{
	const char *end = s, *host, *at = NULL, *colon = NULL, *p;
	unsigned long port = 0;

	while (*end && *end != '/' && *end != '?' && *end != '#' && !(special && *end == '\\')) {
		if (*end == '@')
			at = end;
		end++;
	}
	host = at ? at + 1 : s;
	if (at && host == end)
		return NULL;
	p = host;
	if (*p == '[')
		while (p < end && *p != ']')
			p++;
	for (; p < end; p++)
		if (*p == ':') {
			colon = p;
			break;
		}
	if (!host_ok(host, colon ? colon : end, special, allow_empty_host))
		return NULL;
	if (colon)
		for (p = colon + 1; p < end; p++) {
			if (*p < '0' || *p > '9')
				return NULL;
			port = port * 10 + (unsigned long)(*p - '0');
			if (port > 65535)
				return NULL;
		}
	return end;
}

static bool is_special_scheme(const char *scheme)
{
	static const char *const special[] = { "http", "https", "ws", "wss", "ftp", "file" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(special); i++)
		if (!strcmp(scheme, special[i]))
			return true;
	return false;
}

char *pathre_url_path(struct arena *a, const char *input, const char **err)
{
	struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;
	struct url_path path = { 0 };
	const char *s, *end, *frag = NULL;
	char *scheme = NULL, *ret = NULL;
	bool opaque = false;
	size_t i;

	/* strip leading/trailing C0 controls and spaces, then drop tabs and newlines */
	s = input;
	while (*s && (unsigned char)*s <= 0x20)
		s++;
	end = s + strlen(s);
	while (end > s && (unsigned char)end[-1] <= 0x20)
		end--;
	for (; s < end; s++)
		if (*s != '\t' && *s != '\n' && *s != '\r')
			strbuf_addch(&in, *s);
	s = strbuf_str(&in);

	if (is_alpha(*s)) {
		const char *q = s + 1;

		while (is_alpha(*q) || (*q >= '0' && *q <= '9') || *q == '+' || *q == '-' ||
		       *q == '.')
			q++;
		if (*q == ':') {
			scheme = xstrndup(s, (size_t)(q - s));
			for (i = 0; scheme[i]; i++)
				if (scheme[i] >= 'A' && scheme[i] <= 'Z')
					scheme[i] = (char)(scheme[i] - 'A' + 'a');
			s = q + 1;
		}
	}

	if (scheme && !strcmp(scheme, "file")) {
		/* approximate: Windows drive letters get no special treatment */
		if ((s[0] == '/' || s[0] == '\\') && (s[1] == '/' || s[1] == '\\')) {
			const char *host = s + 2;

			s = host;
			while (*s && *s != '/' && *s != '\\' && *s != '?' && *s != '#')
				s++;
			if (!host_ok(host, s, true, true))
				goto fail;
		}
		if (*s == '/' || *s == '\\')
			s++;
		s = url_path_state(s, true, &path);
	} else if (scheme && !is_special_scheme(scheme)) {
		if (s[0] == '/' && s[1] == '/') {
			s = url_authority(s + 2, false, true);
			if (!s)
				goto fail;
			if (*s == '/')
				s = url_path_state(s + 1, false, &path);
		} else if (s[0] == '/') {
			s = url_path_state(s + 1, false, &path);
		} else {
			opaque = true;
			for (; *s && *s != '?' && *s != '#'; s++)
				percent_encode(&out, (unsigned char)*s, ENC_C0);
		}
	} else {
		bool authority = false;

		if (scheme && strcmp(scheme, "https")) {
			/* another special scheme than the base's: what follows is the authority */
			authority = true;
		} else if ((s[0] == '/' || s[0] == '\\') && (s[1] == '/' || s[1] == '\\')) {
			authority = true;
		} else if (s[0] == '/' || s[0] == '\\') {
			s = url_path_state(s + 1, true, &path);
		} else if (!*s || *s == '?' || *s == '#') {
			/* the base's path "/" */
			seg_push(&path, "");
		} else {
			/* the base path "/" minus its last segment, then the input */
			s = url_path_state(s, true, &path);
		}
		if (authority) {
			while (*s == '/' || *s == '\\')
				s++;
			s = url_authority(s, true, false);
			if (!s)
				goto fail;
			s = url_path_state(*s == '/' || *s == '\\' ? s + 1 : s, true, &path);
		}
	}

	/* the query is not part of pathname + hash */
	if (*s == '?')
		s += strcspn(s, "#");
	if (*s == '#')
		frag = s + 1;

	if (!opaque)
		for (i = 0; i < path.n; i++) {
			strbuf_addch(&out, '/');
			strbuf_adds(&out, path.seg[i]);
		}
	if (frag && *frag) {
		strbuf_addch(&out, '#');
		for (; *frag; frag++)
			percent_encode(&out, (unsigned char)*frag, ENC_FRAGMENT);
	}
	ret = arena_strdup(a, strbuf_str(&out));
	goto out;
fail:
	if (err)
		*err = "Invalid URL";
out:
	seg_release(&path);
	free(scheme);
	strbuf_release(&in);
	strbuf_release(&out);
	return ret;
}

/* --- authkit-nextjs --- */

char *pathre_authkit_path_regex(struct arena *a, const char *path_glob, const char **err,
				size_t *err_index)
{
	const char *path = pathre_url_path(a, path_glob, err);

	if (!path) {
		if (err_index)
			*err_index = 0;
		return NULL;
	}
	return pathre_source(a, path, NULL, err, err_index);
}

int pathre_authkit_matches(const char *path_glob, const char *pathname)
{
	struct arena a = ARENA_INIT;
	const char *src = pathre_authkit_path_regex(&a, path_glob, NULL, NULL);
	int ret = -1;

	/* `new RegExp(regex.source)` drops v6's "i" flag */
	if (src)
		ret = regex_test(src, false, pathname);
	arena_release(&a);
	return ret;
}

/* --- Next.js --- */

/* v6 tokensToRegexp() only throws for a repeat without prefix and suffix; Next retries. */
char *pathre_next_parse_path(struct arena *a, const char *route, const char **err,
			     size_t *err_index)
{
	struct pathre_tokens t;
	const char *first_err;
	char *src;
	size_t i;

	if (pathre_parse(a, route, &t, err, err_index))
		return NULL;
	if (err_index)
		*err_index = 0;
	src = pathre_to_pcre(a, &t, NULL, &first_err);
	if (src)
		return src;
	/* normalizeTokensForRegexp(): the tokens are arena copies, safe to change */
	for (i = 0; i < t.n; i++) {
		struct pathre_token *k = &t.v[i];

		if (k->type == PATHRE_KEY && (k->modifier == '*' || k->modifier == '+') &&
		    !*k->prefix && !*k->suffix)
			k->prefix = "/";
	}
	return pathre_to_pcre(a, &t, NULL, err);
}

/* App Router request forms: RSC_SUFFIX, RSC_SEGMENTS_DIR_SUFFIX/.+RSC_SEGMENT_SUFFIX, escaped */
#define NEXT_TRANSPORT_SUFFIX "\\.rsc|\\.segments/.+\\.segment\\.rsc"

/* Next's SourceSchema: max 4096, starts with "/", tryToParsePath() succeeds. */
static int next_check_source(struct arena *a, const char *source, const char **err,
			     size_t *err_index)
{
	const char *why;

	if (err_index)
		*err_index = 0;
	if (u16_len(source) > 4096) {
		if (err)
			*err = "exceeds max built length of 4096 for route";
		return -1;
	}
	if (source[0] != '/') {
		if (err)
			*err = "source must start with /";
		return -1;
	}
	if (!pathre_next_parse_path(a, source, &why, err_index)) {
		if (err)
			*err = arena_printf(a, "Invalid source '%s': %s", source, why);
		return -1;
	}
	return 0;
}

char *pathre_next_matcher_regex(struct arena *a, const char *source,
				const struct pathre_next_config *cfg, const char **err,
				size_t *err_index)
{
	static const struct pathre_next_config none = { NULL, false, false, false };
	bool is_root = !strcmp(source, "/");
	const char *built, *suffix;

	if (!cfg)
		cfg = &none;
	if (next_check_source(a, source, err, err_index))
		return NULL;
	built = source;
	if (cfg->i18n && !cfg->locale_false)
		built = arena_printf(a, "/:nextInternalLocale((?!_next/)[^/.]{1,})%s",
				     is_root ? "" : built);
	/*
	 * Next also runs the middleware for the data and transport forms of a page:
	 * /_next/data/<build>/x.json, and since 16.x x.rsc and x.segments/...segment.rsc
	 */
	if (is_root)
		suffix = arena_printf(a, "(%s/?index|/?index\\.json%s)?",
				      cfg->i18n ? "|\\.json|" : "",
				      cfg->json_suffix_only ? "" :
				      "|/?index(?:" NEXT_TRANSPORT_SUFFIX ")");
	else
		suffix = cfg->json_suffix_only ? "{(\\.json)}?" :
			 "{(\\.json|" NEXT_TRANSPORT_SUFFIX ")}?";
	built = arena_printf(a, "/:nextData(_next/data/[^/]{1,})?%s%s", built, suffix);
	if (cfg->base_path && *cfg->base_path)
		built = arena_printf(a, "%s%s", cfg->base_path, built);
	if (next_check_source(a, built, err, err_index))
		return NULL;
	return pathre_next_parse_path(a, built, err, err_index);
}

int pathre_next_matcher_matches(const char *source, const struct pathre_next_config *cfg,
				const char *pathname)
{
	struct arena a = ARENA_INIT;
	const char *src = pathre_next_matcher_regex(&a, source, cfg, NULL, NULL);
	int ret = -1;

	/* Next builds `new RegExp(matcher.regexp)`: no flags, so case-sensitive */
	if (src)
		ret = regex_test(src, false, pathname);
	arena_release(&a);
	return ret;
}
