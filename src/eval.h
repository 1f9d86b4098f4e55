/*
 * eval.h - static evaluation of convex/auth.config.{ts,js}'s default export.
 *
 * The evaluator resolves what a push would compute without running anything: object and
 * array literals, string/template literals, `+` concatenation, const bindings in the file,
 * `satisfies`/`as`/`!`/parentheses, `export default <identifier>`, spreads of local arrays
 * and objects, and environment reads (`process.env.X`, `process.env["X"]`, `env.X` from
 * "./_generated/server"). Environment reads stay symbolic: inside strings they are written
 * "${env:NAME}". Anything else becomes LV_UNKNOWN, and rules that would need it stay silent.
 *
 * Ownership: all results live in the arena passed to lint_eval_auth_config().
 */
#ifndef CWLINT_EVAL_H
#define CWLINT_EVAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <tree_sitter/api.h>

struct arena;
struct lint_source;

enum lint_vkind {
	LV_UNKNOWN = 0,		/* cannot be known statically */
	LV_UNDEFINED,
	LV_NULL,
	LV_BOOL,
	LV_NUMBER,
	LV_STRING,
	LV_ARRAY,
	LV_OBJECT,
};

/* Flags on a value. */
#define LV_HAS_ENV	0x01	/* a string with at least one ${env:NAME} part */
#define LV_PARTIAL	0x02	/* array/object with an unknown spread: members may be missing */
#define LV_FALLBACK	0x04	/* came from `env ?? x`, `env || x` or a ternary on an env read */
#define LV_FROM_CONST	0x08	/* reached through a const binding */

struct lint_value;

struct lint_prop {
	const char *key;		/* property name; computed keys are skipped (object gets LV_PARTIAL) */
	uint32_t key_start, key_end;	/* byte range of the key in the source */
	struct lint_value *value;
};

struct lint_value {
	enum lint_vkind kind;
	unsigned flags;
	uint32_t start, end;		/* byte range of the expression it was evaluated from */
	/*
	 * Where the value was written: for a value reached through a const binding this is the
	 * binding's initializer, so a rule can point at the literal as well as at the use.
	 */
	uint32_t def_start, def_end;
	const char *str;		/* LV_STRING: NUL-terminated, env parts as ${env:NAME} */
	size_t len;
	double num;			/* LV_NUMBER */
	bool b;				/* LV_BOOL */
	struct lint_prop *props;	/* LV_OBJECT, source order, later duplicates kept */
	size_t nprops;
	struct lint_value **items;	/* LV_ARRAY */
	size_t nitems;
};

/* One read of an environment variable anywhere in the evaluated expressions. */
struct lint_env_read {
	const char *name;		/* "WORKOS_CLIENT_ID" */
	uint32_t start, end;		/* the whole read: process.env.X or env.X */
	bool fallback;			/* used with ??, || or as a ternary condition/branch default */
	uint32_t fb_start, fb_end;	/* the fallback expression (when fallback) */
};

enum lint_eval_status {
	EVAL_OK = 0,
	EVAL_NO_DEFAULT_EXPORT,		/* no `export default` (named exports only, or nothing) */
	EVAL_SYNTAX_ERROR,		/* ERROR/MISSING node or a git conflict marker */
	EVAL_FORBIDDEN,			/* Date, Math.random, fetch, crypto, dynamic import(), ... */
};

struct lint_eval {
	enum lint_eval_status status;
	uint32_t err_start, err_end;	/* where (status != EVAL_OK) */
	const char *err_msg;		/* what, e.g. "uses 'Math.random'" (arena or static) */
	struct lint_value *config;	/* the default export's value (never NULL when EVAL_OK) */
	struct lint_env_read *env_reads;
	size_t nenv_reads;
};

/*
 * Evaluates the default export of an auth config parsed into tree. Always fills *out; on a
 * non-OK status config may still be set to the best partial value (or NULL).
 */
void lint_eval_auth_config(struct arena *a, const struct lint_source *src, TSTree *tree,
			   struct lint_eval *out);

/*
 * Evaluating other expressions of a file with the same rules (a proxy's authkitMiddleware
 * options, `config.matcher`): a module indexes the file's top-level const bindings once;
 * lint_module_eval() evaluates any expression node of that tree. Values live in the arena
 * given to lint_module_new(); lint_module_free() releases the index (not the values).
 */
struct lint_module;
struct lint_module *lint_module_new(struct arena *a, const struct lint_source *src, TSTree *tree);
struct lint_value *lint_module_eval(struct lint_module *m, TSNode expr);
void lint_module_free(struct lint_module *m);

/* The value of property key in an object, or NULL (last duplicate wins, as in JS). */
const struct lint_prop *lint_value_get(const struct lint_value *obj, const char *key);
/* True when v is a fully known string (no env part) equal to s. */
bool lint_value_is_str(const struct lint_value *v, const char *s);
/*
 * A compact one-line rendering for tests and debugging: JSON-like, keys bare when they are
 * identifiers, `?` for unknown, `fb:` before a fallback value, `...?` closing a partial
 * array or object, e.g. {providers:[{issuer:"https://api.workos.com/",applicationID:"${env:X}"}]}.
 */
char *lint_value_render(struct arena *a, const struct lint_value *v);

#endif
