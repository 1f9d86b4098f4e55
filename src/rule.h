/*
 * rule.h - what a rule module sees: the project model, tree-sitter helpers and the one
 * call that reports a finding. Rules never print, never free and never read files.
 *
 * Lifetimes: everything reachable from a lint_app (files, sources, trees, env files, the
 * evaluated auth config) lives until the app's rules have all run. Strings a rule makes
 * for a finding come from ctx->arena.
 */
#ifndef CWLINT_RULE_H
#define CWLINT_RULE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <tree_sitter/api.h>

#include "util.h"
#include "arena.h"
#include "source.h"
#include "dotenv.h"
#include "eval.h"

enum lint_severity {
	SEV_OFF = 0,
	SEV_INFO,
	SEV_WARNING,
	SEV_ERROR,
};

enum lint_framework {
	FW_OTHER = 0,
	FW_NEXT,
	FW_VITE,
};

/* What an app uses, from package.json dependencies and what the files show. */
#define USES_WORKOS		0x01	/* a @workos-inc, @workos or @convex-dev/workos dep, or WORKOS_ env keys */
#define USES_AUTHKIT_NEXTJS	0x02
#define USES_AUTHKIT_REACT	0x04
#define USES_CONVEX_WORKOS	0x08	/* @convex-dev/workos */
#define USES_CONVEX		0x10

/* Source file kinds; the grammar follows the kind (tsx for .tsx/.js/.jsx/.mjs/.cjs). */
enum lint_file_kind {
	FK_TS = 0,
	FK_TSX,
	FK_JS,
};

/* Roles a source file plays in its app. */
#define ROLE_AUTH_CONFIG	0x0001	/* <functions dir>/auth.config.{ts,js} */
#define ROLE_PROXY		0x0002	/* proxy.{ts,js} at the app root or in src/ */
#define ROLE_MIDDLEWARE		0x0004	/* middleware.{ts,js} anywhere in the app */
#define ROLE_ROUTE		0x0008	/* app/ ** /route.* */
#define ROLE_PAGE		0x0010	/* app/ ** /page.* */
#define ROLE_LAYOUT		0x0020	/* app/ ** /layout.* */
#define ROLE_CONVEX		0x0040	/* inside the Convex functions dir */
#define ROLE_NEXT_CONFIG	0x0080	/* next.config.* */
#define ROLE_VITE_CONFIG	0x0100	/* vite.config.* */

/* One import binding: `import { useAuth as useWorkOSAuth } from "m"` gives local
 * "useWorkOSAuth", module "m", imported "useAuth". Namespace imports have imported "*",
 * default imports "default". Re-exports are not bindings. */
struct lint_import {
	const char *local;
	const char *module;
	const char *imported;
	uint32_t start, end;		/* the specifier */
	bool type_only;
};

struct lint_app;
struct lint_react;

struct lint_file {
	struct lint_source src;
	struct lint_app *app;
	const char *relpath;		/* relative to the app root, '/' separators */
	TSTree *tree;
	struct lint_import *imports;
	size_t nimports;
	struct arena *arena;		/* lives as long as the tree: for per-file models */
	struct lint_react *react;	/* component model, built on first use (react.h) */
	uint64_t want[2];		/* rules (by registry index) whose byte test selected it */
	/*
	 * Which of the run's mention words (the enabled rules' mentions) its code holds, from the
	 * byte scan: mention_any as a substring, mention_end also followed by a byte that cannot
	 * continue an identifier. Its bytes need not stay for them (lint_file_mentions()).
	 */
	uint64_t mention_any, mention_end;
	/*
	 * When an enabled rule asks for the import graph (struct lint_rule's server_graph):
	 * the app's files this one names in an import, export ... from or require() through a
	 * relative, "@/" or "~/" path, read from its bytes at the scan (a superset: the words
	 * in comments and strings count too). scan_use_client (below) is a leading 'use client'
	 * as the byte scan saw it, known for files never parsed.
	 */
	struct lint_file **deps;
	char *own_bytes;		/* a leaf's own copy of its bytes (malloc'd), let go on release */
	/* the small fields together: an app holds one of these per source file */
	enum lint_file_kind kind;
	unsigned roles;
	uint32_t error_start, error_end;/* the first ERROR or MISSING node (syntax_error) */
	uint32_t ndeps;
	uint32_t index;			/* its place in app->files (lint_app_file_index()) */
	bool parsed;			/* tree is set */
	bool sliced;			/* ... from some statements only (rule.h: slice) */
	bool syntax_error;		/* tree has ERROR or MISSING nodes */
	bool conflict_marker;		/* ... and it is a git merge conflict marker line */
	bool use_client;		/* a 'use client' directive before any statement */
	bool use_server;
	bool tried_parse;		/* lint_file_parse() was called */
	/*
	 * Only rules with a per-file check (and no check_app, or one that does not need the
	 * tree: app_reparses) selected it: it is parsed, checked and released before the app's
	 * other rules run (the flags stay, and of f->imports its value imports of the app's own
	 * files: lint_react_local_module()), so that its tree
	 * does not stay in memory with the app's (lint_file_parse() still parses it sooner for
	 * a rule that needs it, and again after the release).
	 */
	bool leaf;
	bool leaf_done;			/* its checks ran */
	bool supp_scanned;		/* its suppression comments are read (once) */
	bool scan_use_client;		/* see deps */
	bool named;			/* the run names it (see lint_file_reported()) */
	/*
	 * Its bytes were let go (a file no rule selected, a released leaf): src.buf is NULL,
	 * and lint_file_parse() and lint_file_bytes() read it again.
	 */
	bool reread;
	bool keep_bytes;		/* app-level models read its bytes: never let go */
};

enum lint_env_scope {
	ENV_DEVELOPMENT = 0,
	ENV_PRODUCTION,
	ENV_TEST,
	ENV_OTHER,			/* .env.<mode> with another mode */
	ENV_TEMPLATE,			/* *.example, *.sample, *.template, .env.defaults */
};

struct lint_envfile {
	struct lint_source src;
	const char *name;		/* basename: ".env.local" */
	enum lint_env_scope scope;
	bool local;			/* a *.local file */
	bool at_root;			/* in the app root (the only place frameworks load from) */
	struct dotenv_file env;
};

/* package.json or convex.json of an app. */
struct lint_jsonfile {
	bool present;			/* the file exists (src is loaded) */
	struct lint_source src;
	void *json;			/* jansson json_t * of the top-level object; NULL if absent or malformed */
	const char *error;		/* why it did not load as an object (arena), or NULL */
	uint32_t error_offset;		/* byte offset of the JSON error in src */
};

struct lint_app {
	const char *root;		/* display path of the app root ("." for the cwd) */
	const char *absroot;
	enum lint_framework fw;
	unsigned uses;			/* USES_* */
	const char *functions_dir;	/* display path of the Convex functions dir, NULL if none */
	struct lint_file **files;
	size_t nfiles;
	struct lint_envfile **envs;
	size_t nenvs;
	struct lint_file *auth_config;	/* the auth config (.ts preferred), or NULL */
	struct lint_eval *auth_eval;	/* its evaluation, when parsed */
	void *pkg;			/* package.json's object (== package_json.json), or NULL */
	void *loader;			/* the pipeline, for lint_file_parse() */
	struct lint_jsonfile package_json;
	struct lint_jsonfile convex_json;
	const char *fdir_rel;		/* functions dir relative to the app root ("convex") */
	struct lint_lock *lock;		/* lockfile versions (semver.h), loaded on first use */
	struct authcfg *authcfg;	/* auth_eval as the auth-config rules read it (authcfg.h),
					 * built on first use in auth_config->arena */
	struct lint_next *next;		/* Next.js routes and proxy model (routes.h), built on first use */
	struct lint_file_index *file_index;	/* files by relpath for import lookups (react.c),
						 * built on first use */
	struct arena *arena;		/* lives as long as the app: for such caches (NULL outside
					 * the pipeline: then the asking file's arena) */
	size_t est_sources;		/* sources counted when the app was found: apps linted
					 * side by side go largest first */
};

struct lint_rule;
struct lint_run;
struct lint_diag;

struct lint_ctx {
	struct lint_run *run;
	const struct lint_rule *rule;
	struct lint_app *app;
	struct arena *arena;		/* for strings that go into findings */
};

/* Rule applicability: the core calls a rule only for apps that match all of these. */
#define APPLIES_NEXT	0x01	/* Next.js apps only */
#define APPLIES_VITE	0x02	/* Vite apps only */
#define APPLIES_WORKOS	0x04	/* apps that use WorkOS */

/* Imports whose bindings root a rule's slice: from one of modules, named name (NULL: any). */
struct lint_slice_import {
	const char *const *modules;
	const char *name;
};

struct lint_rule {
	const char *id;			/* stable kebab-case id, never reused */
	enum lint_severity severity;	/* default; config and --rule override it */
	const char *family;		/* "auth-config", "providers", "next", "env", "project", "core" */
	const char *summary;		/* one line, lowercase, no full stop */
	const char *description;	/* what it checks and why it matters (--explain) */
	const char *example;		/* wrong code, then the fix ("// wrong" / "// right") */
	const char *fix;		/* how to fix it, concretely */
	const char *sources;		/* where the facts come from */
	/*
	 * For rules about leaked or weak secrets: SARIF's security-severity, "0.1" to "10.0"
	 * (GitHub: 9.0+ critical, 7.0+ high, 4.0+ medium). NULL for the others.
	 */
	const char *security_severity;
	unsigned applies;		/* APPLIES_* */
	/*
	 * Byte strings that make a source file worth parsing for this rule: a file is parsed
	 * when it holds one of any enabled rule's triggers or plays one of its roles.
	 */
	const char *const *triggers;
	unsigned roles;
	/*
	 * A second byte test: when set, a file holding a trigger is worth parsing for this rule
	 * only if it also holds one of these (a WorkOS import and a Convex query hook, say).
	 */
	const char *const *also;
	/*
	 * Strings check_app looks for in any source file, parsed or not, through
	 * lint_file_mentions(), lint_app_mentions() and lint_app_source_mentions(): the byte
	 * scan records which ones each file's code holds, so that no file keeps its bytes for
	 * them.
	 */
	const char *const *mentions;
	/*
	 * check_file runs on every parsed file of the app. Otherwise it runs only on the files
	 * this rule's own triggers and roles selected.
	 */
	bool every_file;
	/*
	 * Route handlers, pages and layouts (there can be hundreds) that the roles select are
	 * parsed for this rule only when their bytes or their path hold one of these words.
	 */
	const char *const *route_words;
	/*
	 * The rule can fire only in an app whose source (code, not line comments) holds one of
	 * these somewhere: in any other app the files that only this rule's per-file check
	 * wanted are not parsed (decided once the whole app is scanned).
	 */
	const char *const *app_words;
	/*
	 * Only files without a leading 'use client' directive can matter to this rule (it is
	 * about server code), whether its triggers or its roles select them.
	 */
	bool server_only;
	/*
	 * Files playing one of these roles are never selected by this rule's triggers (a route
	 * handler is no component, whatever words it holds); its own roles still select.
	 */
	unsigned skip_roles;
	/*
	 * What this rule finds in a file depends only on that file and its neighbours (the
	 * local files it imports, the files that import it). A run that reports named files
	 * only (--stdin-filename, file arguments, the editor) then parses other files for this
	 * rule only when they are such neighbours.
	 */
	bool local;
	/*
	 * check_app reads the files this rule selected without needing their trees alive: it
	 * goes through f->imports and the flags, and through lint_react_get() and
	 * lint_file_parse(), which parse a released file again. Then those files can still be
	 * leaves (struct lint_file), parsed, checked and released one at a time.
	 */
	bool app_reparses;
	/*
	 * check_app follows imports among files never parsed: the scan records each file's
	 * local imports from its bytes (lint_file's deps), so that the rule can find which
	 * files lie on an import path it must parse.
	 */
	bool server_graph;
	/*
	 * check_file reads only part of a leaf (struct lint_file): its import declarations and
	 * directive prologue, and the top-level statements that name a root (a binding imported
	 * as slice_imports says, or imported from a file of the app some rule selected, whose
	 * re-exports may bring anything) or hold one of slice_words, together with the
	 * statements naming what those declare (a component's renderers, a hook's callers) and
	 * what any of them uses from the top level (a local hook, a helper, a type). A long leaf
	 * that only such rules want is parsed in those statements alone (lint.c, slice.c): a
	 * syntax error elsewhere in it then goes unreported, as in a file never parsed.
	 */
	bool slice;
	const struct lint_slice_import *slice_imports;	/* ends with { NULL, NULL } */
	const char *const *slice_words;
	/* Called for every parsed source file of an app the rule applies to; may be NULL. */
	void (*check_file)(struct lint_ctx *ctx, struct lint_file *f);
	/* Called once per app after check_file has run on all its files; may be NULL. */
	void (*check_app)(struct lint_ctx *ctx, struct lint_app *app);
	/* Runs after every other rule of the app (it looks at what they reported). */
	bool last;
};

/* --- inline suppressions (src/suppress.c) --- */

/*
 * The reason the editor's "ignore" action writes. Such a comment suppresses the finding at
 * once (so the editor stops showing it) but is itself reported until someone says why.
 */
#define LINT_SUPP_PLACEHOLDER "TODO explain why"

/* One `cwlint-ignore` comment. */
struct lint_supp {
	uint32_t start, end;		/* the comment text */
	uint32_t from_line, to_line;	/* lines it covers (whole file: 1..UINT32_MAX) */
	bool file_wide;
	const char **rules;		/* rule ids it names */
	bool *used;			/* per named rule: it suppressed a finding */
	size_t nrules;
	const char *reason;
	const char *invalid;		/* why it is not a valid suppression, or NULL */
	bool placeholder;		/* the reason is LINT_SUPP_PLACEHOLDER, not yet written */
};

/* The registry, in rules/rules.def order. */
extern const struct lint_rule *const lint_rules[];
extern const size_t lint_nrules;
const struct lint_rule *lint_rule_find(const char *id);

/*
 * Reports a finding of ctx->rule at bytes [start, end) of src with a printf-style message
 * (what is wrong and what breaks). Returns the finding so help text can be attached.
 * The message must not contain secret values; the core redacts known secrets anyway.
 */
struct lint_diag *lint_report(struct lint_ctx *ctx, const struct lint_source *src,
			      uint32_t start, uint32_t end, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* The concrete fix: the line to write or the command to run. */
void lint_help(struct lint_diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/*
 * Caps one finding's severity at most (a rule's milder variant, e.g. a warning where the rule
 * is an error); config and --rule overrides that already lowered it further still hold.
 */
void lint_lower_severity(struct lint_diag *d, enum lint_severity most);

/*
 * Fixes. An edit replaces bytes [start, end) of the finding's source file (as cwlint read
 * it) with text; start == end inserts. A fix is one or more edits in that same file, applied
 * together or not at all, never in another file.
 */
struct lint_edit {
	uint32_t start, end;
	const char *text;
};
/*
 * Attaches a fix to finding d (from lint_report() on src). safe: `cwlint --fix` applies it;
 * an unsafe fix (one that can change what a working app does) needs --unsafe-fixes too.
 * title says what it does ("rename applicationId to applicationID"). Title and texts are
 * copied into the run's arena; edits may come in any order, and a fix whose edits overlap
 * is dropped. A fix on an env file, or one whose text or replaced bytes hold a secret, is
 * dropped too: secrets are never rewritten. A finding that is not reported (suppressed, outside the named paths) keeps none.
 */
void lint_fix(struct lint_ctx *ctx, struct lint_diag *d, const struct lint_source *src,
	      bool safe, const char *title, const struct lint_edit *edits, size_t nedits);

/* True when rule id is enabled and applies to ctx->app. */
bool lint_rule_enabled(const struct lint_ctx *ctx, const char *id);
/* True when the byte test of ctx->rule selected f (its triggers, roles or route words). */
bool lint_rule_wants(const struct lint_ctx *ctx, const struct lint_file *f);
/* True for env key names that hold secrets (API keys, passwords, deploy keys, tokens). */
bool lint_secret_key(const char *key);
/* Registers a secret value so no output ever shows it (prefix + length instead). */
void lint_secret(struct lint_run *run, const char *value, size_t len);

/*
 * Parses f now (reading it again if its bytes were let go) when no rule's byte test asked
 * for a parse: for app-level checks that need a tree only for the first file that matters,
 * and for imports followed into files no rule selected. True when f has a tree afterwards.
 * Rules after this one see the file as parsed.
 */
bool lint_file_parse(struct lint_file *f);
/*
 * f parsed whole when a slice of it is all there is (rule.h: slice): for a rule whose
 * report or fix reads more of the file than its test did. Its model is rebuilt (trees and
 * react models taken before are stale). False when the parse failed.
 */
bool lint_file_unslice(struct lint_file *f);
/*
 * f's bytes for a look at its text: the kept ones, or (src.buf NULL, f->reread) read again
 * into *buf, grown as needed (*cap; the caller frees it). NULL when it has none to give.
 */
const char *lint_file_bytes(struct lint_file *f, char **buf, size_t *cap, size_t *len);
/*
 * True when f's code holds word, one of the calling rule's mentions (comment lines do not
 * count, as in the byte test). Outside the pipeline, or for a word no enabled rule
 * mentions, it looks in f's kept bytes, if any.
 */
bool lint_file_mentions(const struct lint_file *f, const char *word);
/*
 * Whether findings in f reach the output: false only in a run that names files (file
 * arguments, --stdin-filename, the editor) for a file it does not name. A rule can skip
 * work whose findings would all land in such files.
 */
bool lint_file_reported(const struct lint_file *f);
/*
 * Import paths, from the byte scan's deps (needs a rule with server_graph): grows on[]
 * (one flag per file of app->files) with every file i that may join (through[i]) and
 * imports a file already in on[], until nothing joins. Afterwards on[] holds the files
 * that reach a marked one through files that may join.
 */
void lint_app_importers(const struct lint_app *app, bool *on, const bool *through);
/* f's place in app->files, or app->nfiles when f is not one of them. */
static inline size_t lint_app_file_index(const struct lint_app *app, const struct lint_file *f)
{
	return f && f->index < app->nfiles && app->files[f->index] == f ? f->index : app->nfiles;
}
/* True when some source file of app mentions word (lint_file_mentions()). */
bool lint_app_mentions(const struct lint_app *app, const char *word);

/* --- tree-sitter helpers (src/ts.c) --- */

bool ts_is(TSNode n, const char *type);
TSNode ts_field(TSNode n, const char *field);
/* The node's bytes as an arena string. */
char *ts_text(struct arena *a, const struct lint_source *src, TSNode n);
/* True when the node's bytes equal s exactly. */
bool ts_text_eq(const struct lint_source *src, TSNode n, const char *s);
/* The cooked value of a string literal, or of a template literal with no ${}: NULL otherwise. */
char *ts_string_value(struct arena *a, const struct lint_source *src, TSNode n);
/* Appends the cooked value of one JS escape sequence s[0..n) (from its backslash) to sb. */
void ts_cook_escape(struct strbuf *sb, const char *s, size_t n);
/* Strips parentheses, `as`, `satisfies` and non-null `!` wrappers. */
TSNode ts_unwrap(TSNode n);
/* The n-th (0-based) argument of a call or new expression, comments left out; or a null node. */
TSNode ts_call_arg(TSNode call, uint32_t n);
/*
 * Pre-order walk without recursion (safe on deeply nested input). visit returns false to
 * skip the node's children.
 */
/*
 * Parses len bytes with a time budget (TS_PARSE_SECONDS, and as much again per MiB): on
 * some broken text tree-sitter's error recovery grows without bound. NULL when the budget
 * ran out (the parser is reset for its next use).
 */
#define TS_PARSE_SECONDS 5
TSTree *ts_parse_bounded(TSParser *p, const char *buf, uint32_t len);
void ts_walk(TSNode root, bool (*visit)(TSNode n, void *ud), void *ud);
/*
 * ts_walk() restricted to the nodes that hold one of the byte offsets at[0..n) (ascending):
 * for visitors that look only at nodes around some word the bytes hold, and so need not
 * enter subtrees without one.
 */
void ts_walk_at(TSNode root, const uint32_t *at, size_t n, bool (*visit)(TSNode n, void *ud),
		void *ud);
/*
 * Where one of the n names starts as a whole word in src (no ASCII identifier character
 * either side), ascending: the offsets ts_walk_at() takes. A byte above 0x7f counts as a
 * boundary, so a name is never missed (at worst an offset too many). NULL when none.
 */
uint32_t *ts_name_offsets(struct arena *a, const struct lint_source *src,
			  const char *const *names, size_t n, size_t *nout);
/*
 * Named children one at a time, through a cursor. ts_node_named_child(n, i) walks the
 * children from the first on every call, so an index loop is quadratic, and tree-sitter
 * keeps a run of comments flat in one node: 10,000 comments in a row took seconds.
 *	struct ts_kids k;
 *	TSNode c;
 *	for (ts_kids_init(&k, n); ts_kids_next(&k, &c);)
 * ts_kids_next() frees the cursor when it returns false; a loop left early (break, return)
 * calls ts_kids_end(), which may be called again. ts_kids_init_all() visits the anonymous
 * children (keywords, punctuation) too.
 */
struct ts_kids {
	TSTreeCursor cur;
	bool started;
	bool live;
	bool all;
};
void ts_kids_init(struct ts_kids *k, TSNode n);
void ts_kids_init_all(struct ts_kids *k, TSNode n);
bool ts_kids_next(struct ts_kids *k, TSNode *out);
void ts_kids_end(struct ts_kids *k);

/* --- shaping a fix's edits (src/edit.c) --- */

/* Byte offset where the line holding off starts; where its text ends (before \r\n or \n). */
uint32_t lint_line_start(const struct lint_source *src, uint32_t off);
uint32_t lint_line_end(const struct lint_source *src, uint32_t off);
/* True when only blanks come between the start of off's line and off. */
bool lint_first_on_line(const struct lint_source *src, uint32_t off);
/* True when only blanks, or a // comment, come after off on its line. */
bool lint_rest_blank(const struct lint_source *src, uint32_t off);
/* The blanks the line holding off starts with (arena string). */
const char *lint_indent(struct arena *a, const struct lint_source *src, uint32_t off);
/* "\r\n" when the line holding off ends with it, else "\n": inserted lines match the file. */
const char *lint_newline(const struct lint_source *src, uint32_t off);
/* The outermost node spanning exactly bytes [start, end), or a null node. */
TSNode ts_node_at(TSTree *tree, uint32_t start, uint32_t end);
/*
 * The edit that removes a list item (an object member, an array element) with its comma;
 * with its whole line when the item has the line to itself.
 */
struct lint_edit lint_edit_remove_item(const struct lint_source *src, TSNode item);
/* The quote the file writes strings with (its first string literal's), else '"'. */
char lint_quote_of(const struct lint_source *src, TSTree *tree);

/* --- PCRE2 patterns (src/regex.c) --- */

/*
 * A pattern a rule declares as static data; compiled (with JIT) on first use and kept for
 * the process. A pattern that does not compile is a bug in the rule and aborts.
 */
struct lint_regex {
	const char *pattern;
	uint32_t options;		/* PCRE2_* compile options */
	void *code;			/* pcre2_code *, set on first use */
};
#define LINT_REGEX(pat) { (pat), 0, NULL }
/* Searches s[from..n); on a match stores its byte range and returns true. */
bool lint_regex_search(struct lint_regex *re, const char *s, size_t n, size_t from,
		       size_t *mstart, size_t *mend);
bool lint_regex_match(struct lint_regex *re, const char *s);	/* anywhere in NUL-terminated s */

/* --- model queries (src/model.c) --- */

/* The import binding of local name in f, or NULL. */
const struct lint_import *lint_import_of(const struct lint_file *f, const char *local, size_t len);
/* True when the identifier node is bound by an import of export `name` from a module that
 * matches one of the NULL-terminated modules (exact names). */
bool lint_ident_imports(const struct lint_file *f, TSNode ident, const char *const *modules,
			const char *name);
/* Calls fn for every parsed source and every env file of the app (suppression rules). */
void lint_app_each_source(struct lint_ctx *ctx, struct lint_app *app,
			  void (*fn)(struct lint_ctx *ctx, const struct lint_source *src));
/* Version range string of a dependency in package.json (any dependency table), or NULL. */
const char *lint_app_dep(const struct lint_app *app, const char *name);
/* Load precedence of an env file in its scope for the framework: 0 wins over 3. */
int lint_env_rank(const struct lint_envfile *e, enum lint_framework fw);
/* The env entry that wins for key among the app's env files of the given scope, or NULL. */
const struct dotenv_entry *lint_app_env(const struct lint_app *app, enum lint_env_scope scope,
					const char *key, const struct lint_envfile **where);

#endif
