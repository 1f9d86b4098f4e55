/*
 * eval.c - static evaluation of the auth config's default export (see eval.h).
 *
 * Two passes over one tree. A syntactic scan walks everything that runs while the module
 * is evaluated (top-level code, and the bodies of local functions that top-level code
 * calls) to find forbidden globals, environment reads and their fallbacks. Then the
 * default export is evaluated on demand, resolving top-level bindings through an index
 * built once. Recursion is capped at MAX_DEPTH; every loop over children uses a cursor
 * so wide nodes stay linear.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rule.h"

/* deeper values become LV_UNKNOWN: the C stack must survive hostile nesting */
#define MAX_DEPTH	256
/* one string built by + or a template; longer ones are unknown */
#define MAX_CONCAT	((size_t)1 << 20)
/* all such strings in one evaluation, so doubling chains stay bounded */
#define MAX_BUILT	((size_t)64 << 20)
/* members copied by spreads in one evaluation */
#define MAX_COPIED	((size_t)1000000)
/* `const e = process.env; const f = e;` chains followed when looking for env objects */
#define MAX_ALIAS	8
/* candidate conflict-marker lines checked against the tree */
#define MAX_MARKERS	64

enum bkind {
	B_CONST,
	B_LET,		/* let and var: may be reassigned, so never resolved */
	B_FUNC,		/* function and class declarations */
	B_IMPORT,
	B_DESTRUCT,	/* an element of a const object or array pattern */
};

enum bstate {
	BS_NEW = 0,
	BS_BUSY,
	BS_DONE,
};

struct binding {
	const char *name;	/* points into the source */
	size_t nlen;
	enum bkind kind;
	TSNode node;		/* declarator, declaration or import specifier */
	TSNode value;		/* initializer (B_CONST) or destructured source (B_DESTRUCT) */
	TSNode keynode;		/* B_DESTRUCT: the key as written, where an env read is */
	TSNode dflt;		/* B_DESTRUCT: default value, or a null node */
	const char *key;	/* B_DESTRUCT: property name, or NULL for an array index */
	long index;
	struct lint_value **srcval;	/* B_DESTRUCT: the source's value, shared per declarator */
	const char *module;	/* B_IMPORT */
	const char *imported;	/* B_IMPORT: "default", "*" or the exported name */
	bool type_only;
	enum bstate state;
	struct lint_value *val;
	bool scanned;		/* its function body was queued for the scan */
};

struct ectx {
	struct arena *a;
	const struct lint_source *src;
	TSNode root;

	struct binding *b;
	size_t nb, ab;
	size_t *tab;		/* binding index + 1, 0 when empty */
	size_t tabsz;

	struct lint_env_read *reads;
	size_t nreads, areads;
	size_t *rtab;		/* read index + 1, keyed by range */
	size_t rtabsz;

	size_t built, copied;

	bool forbidden;
	uint32_t f_start, f_end;
	const char *f_what;

	TSNode *work;		/* function bodies still to scan */
	size_t nwork, awork;
};

static struct lint_value *eval(struct ectx *x, TSNode n, int depth);

/* --- nodes --- */

struct kids {
	TSNode *v;
	size_t n;
};

/* All children of n, through a cursor: ts_node_child(n, i) is linear in i. */
static void kids_get(TSNode n, struct kids *k)
{
	TSTreeCursor c;
	size_t alloc = 0;

	k->v = NULL;
	k->n = 0;
	if (ts_node_is_null(n))
		return;
	c = ts_tree_cursor_new(n);
	if (ts_tree_cursor_goto_first_child(&c)) {
		do {
			LINT_GROW(k->v, k->n + 1, alloc);
			k->v[k->n++] = ts_tree_cursor_current_node(&c);
		} while (ts_tree_cursor_goto_next_sibling(&c));
	}
	ts_tree_cursor_delete(&c);
}

static void kids_free(struct kids *k)
{
	free(k->v);
	k->v = NULL;
	k->n = 0;
}

static bool is_comment(TSNode n)
{
	return ts_is(n, "comment") || ts_is(n, "html_comment");
}

/* The first (or last) named child that is not a comment. */
static TSNode named_kid(TSNode n, bool last)
{
	struct ts_kids k;
	TSNode c, found = { 0 };

	for (ts_kids_init(&k, n); ts_kids_next(&k, &c);) {
		if (is_comment(c))
			continue;
		found = c;
		if (!last) {
			ts_kids_end(&k);
			break;
		}
	}
	return found;
}

/*
 * Like ts_unwrap(), but skips comments: `( // why\n {...}) satisfies AuthConfig` is a
 * real-world shape and ts_unwrap() would return the comment.
 */
static TSNode unwrap(TSNode n)
{
	for (;;) {
		if (ts_node_is_null(n))
			return n;
		if (ts_is(n, "parenthesized_expression") || ts_is(n, "as_expression") ||
		    ts_is(n, "satisfies_expression") || ts_is(n, "non_null_expression"))
			n = named_kid(n, false);
		else if (ts_is(n, "type_assertion"))
			n = named_kid(n, true);
		else
			return n;
	}
}

/* Null-safe: the 0.20 runtime dereferences a null node's subtree. */
static uint32_t nstart(const struct ectx *x, TSNode n)
{
	uint32_t s;

	if (ts_node_is_null(n))
		return 0;
	s = ts_node_start_byte(n);

	return s > x->src->len ? (uint32_t)x->src->len : s;
}

static uint32_t nend(const struct ectx *x, TSNode n)
{
	uint32_t e;

	if (ts_node_is_null(n))
		return 0;
	e = ts_node_end_byte(n);

	return e > x->src->len ? (uint32_t)x->src->len : e;
}

/* The node's bytes in the source (not NUL-terminated). */
static const char *nbytes(const struct ectx *x, TSNode n, size_t *len)
{
	uint32_t s = nstart(x, n), e = nend(x, n);

	if (e < s)
		e = s;
	*len = e - s;
	return x->src->buf + s;
}

static bool text_is(const struct ectx *x, TSNode n, const char *s)
{
	return !ts_node_is_null(n) && ts_text_eq(x->src, n, s);
}

static bool is_function_like(TSNode n)
{
	static const char *const types[] = {
		"function_declaration", "generator_function_declaration", "function_expression",
		"function", "generator_function", "arrow_function", "method_definition",
	};
	const char *t;

	if (ts_node_is_null(n))
		return false;
	t = ts_node_type(n);
	for (size_t i = 0; i < ARRAY_SIZE(types); i++)
		if (!strcmp(t, types[i]))
			return true;
	return false;
}

/* True when n has an anonymous child whose text is kw (`default`, `type`, `=`). */
static bool has_keyword(const struct ectx *x, TSNode n, const char *kw)
{
	struct kids k;
	bool found = false;

	kids_get(n, &k);
	for (size_t i = 0; i < k.n && !found; i++)
		if (!ts_node_is_named(k.v[i]) && text_is(x, k.v[i], kw))
			found = true;
	kids_free(&k);
	return found;
}

/* --- bindings --- */

static struct binding *lookup(const struct ectx *x, const char *name, size_t len)
{
	size_t i;

	if (!x->tabsz)
		return NULL;
	for (i = hash_bytes(name, len) & (x->tabsz - 1); x->tab[i]; i = (i + 1) & (x->tabsz - 1)) {
		struct binding *b = &x->b[x->tab[i] - 1];

		if (b->nlen == len && !memcmp(b->name, name, len))
			return b;
	}
	return NULL;
}

static struct binding *lookup_node(const struct ectx *x, TSNode ident)
{
	size_t len;
	const char *s = nbytes(x, ident, &len);

	return lookup(x, s, len);
}

/* Adds a binding for the identifier node name; the first declaration of a name wins. */
static struct binding *add_binding(struct ectx *x, TSNode name, enum bkind kind, TSNode node)
{
	struct binding *b;
	size_t len;
	const char *s;

	if (ts_node_is_null(name))
		return NULL;
	s = nbytes(x, name, &len);
	if (!len)
		return NULL;
	LINT_GROW(x->b, x->nb + 1, x->ab);
	b = &x->b[x->nb++];
	memset(b, 0, sizeof(*b));
	b->name = s;
	b->nlen = len;
	b->kind = kind;
	b->node = node;
	return b;
}

/* The key of a pair or pattern key node: identifier, string or number; NULL otherwise. */
static const char *key_name(struct ectx *x, TSNode k);

typedef void (*pattern_fn)(struct ectx *x, TSNode name, TSNode keynode, const char *key,
			   long index, TSNode dflt, void *ud);

/*
 * Calls fn for each simple element of an object or array pattern. Nested patterns and
 * rest elements are skipped: the names they bind stay unresolved, hence unknown.
 */
static void each_pattern(struct ectx *x, TSNode pat, pattern_fn fn, void *ud)
{
	struct kids k;
	TSNode none = { 0 };
	long index = 0;
	size_t i;

	kids_get(pat, &k);
	for (i = 0; i < k.n; i++) {
		TSNode c = k.v[i], v, name = none, dflt = none;
		const char *key;

		if (ts_is(pat, "array_pattern")) {
			if (!ts_node_is_named(c)) {
				if (text_is(x, c, ","))
					index++;
				continue;
			}
			if (ts_is(c, "assignment_pattern")) {
				name = ts_field(c, "left");
				dflt = ts_field(c, "right");
			} else {
				name = c;
			}
			if (ts_is(name, "identifier"))
				fn(x, name, c, NULL, index, dflt, ud);
			continue;
		}
		if (ts_is(c, "shorthand_property_identifier_pattern")) {
			fn(x, c, c, key_name(x, c), 0, none, ud);
		} else if (ts_is(c, "object_assignment_pattern")) {
			name = ts_field(c, "left");
			if (ts_is(name, "shorthand_property_identifier_pattern"))
				fn(x, name, name, key_name(x, name), 0, ts_field(c, "right"), ud);
		} else if (ts_is(c, "pair_pattern")) {
			TSNode kn = ts_field(c, "key");

			key = key_name(x, kn);
			v = ts_field(c, "value");
			if (ts_is(v, "assignment_pattern")) {
				dflt = ts_field(v, "right");
				v = ts_field(v, "left");
			}
			if (key && ts_is(v, "identifier"))
				fn(x, v, kn, key, 0, dflt, ud);
		}
	}
	kids_free(&k);
}

struct destruct_ud {
	TSNode decl, value;
	enum bkind kind;
	struct lint_value **srcval;
};

static void bind_pattern_elem(struct ectx *x, TSNode name, TSNode keynode, const char *key,
			      long index, TSNode dflt, void *ud)
{
	struct destruct_ud *d = ud;
	struct binding *b = add_binding(x, name, d->kind, d->decl);

	if (!b)
		return;
	b->value = d->value;
	b->keynode = keynode;
	b->key = key;
	b->index = index;
	b->dflt = dflt;
	b->srcval = d->srcval;
}

static void index_declarators(struct ectx *x, TSNode decl, bool is_const)
{
	struct kids k;
	size_t i;

	kids_get(decl, &k);
	for (i = 0; i < k.n; i++) {
		TSNode d = k.v[i], name, value;
		struct binding *b;

		if (!ts_is(d, "variable_declarator"))
			continue;
		name = ts_field(d, "name");
		value = ts_field(d, "value");
		if (ts_is(name, "identifier")) {
			b = add_binding(x, name, is_const ? B_CONST : B_LET, d);
			if (b)
				b->value = value;
		} else if (ts_is(name, "object_pattern") || ts_is(name, "array_pattern")) {
			struct destruct_ud ud = { d, value, is_const ? B_DESTRUCT : B_LET, NULL };

			/* `const { a, b } = {...}` evaluates the literal once, not once per name */
			ud.srcval = ARENA_NEW(x->a, struct lint_value *);

			if (ts_node_is_null(value))
				ud.kind = B_LET;
			each_pattern(x, name, bind_pattern_elem, &ud);
		}
	}
	kids_free(&k);
}

static void index_import(struct ectx *x, TSNode imp)
{
	TSNode clause = { 0 }, srcn = ts_field(imp, "source");
	const char *module = ts_string_value(x->a, x->src, srcn);
	bool type_only = has_keyword(x, imp, "type");
	struct kids k, s;
	size_t i, j;

	if (!module)
		return;
	kids_get(imp, &k);
	for (i = 0; i < k.n; i++)
		if (ts_is(k.v[i], "import_clause"))
			clause = k.v[i];
	kids_free(&k);
	kids_get(clause, &k);
	for (i = 0; i < k.n; i++) {
		TSNode c = k.v[i];
		struct binding *b;

		if (ts_is(c, "identifier")) {
			b = add_binding(x, c, B_IMPORT, c);
			if (b) {
				b->module = module;
				b->imported = "default";
				b->type_only = type_only;
			}
		} else if (ts_is(c, "namespace_import")) {
			b = add_binding(x, named_kid(c, false), B_IMPORT, c);
			if (b) {
				b->module = module;
				b->imported = "*";
				b->type_only = type_only;
			}
		} else if (ts_is(c, "named_imports")) {
			kids_get(c, &s);
			for (j = 0; j < s.n; j++) {
				TSNode sp = s.v[j], name, alias;

				if (!ts_is(sp, "import_specifier"))
					continue;
				name = ts_field(sp, "name");
				alias = ts_field(sp, "alias");
				b = add_binding(x, ts_node_is_null(alias) ? name : alias, B_IMPORT, sp);
				if (!b)
					continue;
				b->module = module;
				b->imported = key_name(x, name);
				if (!b->imported)
					b->imported = "";
				b->type_only = type_only || has_keyword(x, sp, "type");
			}
			kids_free(&s);
		}
	}
	kids_free(&k);
}

static void index_declaration(struct ectx *x, TSNode d)
{
	if (ts_is(d, "lexical_declaration"))
		index_declarators(x, d, has_keyword(x, d, "const"));
	else if (ts_is(d, "variable_declaration"))
		index_declarators(x, d, false);
	else if (ts_is(d, "function_declaration") || ts_is(d, "generator_function_declaration") ||
		 ts_is(d, "class_declaration") || ts_is(d, "abstract_class_declaration"))
		add_binding(x, ts_field(d, "name"), B_FUNC, d);
}

static void build_index(struct ectx *x)
{
	struct kids k;
	size_t i, j;

	kids_get(x->root, &k);
	for (i = 0; i < k.n; i++) {
		TSNode c = k.v[i];

		if (ts_is(c, "import_statement"))
			index_import(x, c);
		else if (ts_is(c, "export_statement"))
			index_declaration(x, ts_field(c, "declaration"));
		else
			index_declaration(x, c);
	}
	kids_free(&k);

	for (x->tabsz = 16; x->tabsz < x->nb * 2; x->tabsz *= 2)
		;
	x->tab = xcalloc(x->tabsz, sizeof(*x->tab));
	for (i = 0; i < x->nb; i++) {
		struct binding *b = &x->b[i];

		if (lookup(x, b->name, b->nlen))
			continue;
		for (j = hash_bytes(b->name, b->nlen) & (x->tabsz - 1); x->tab[j];
		     j = (j + 1) & (x->tabsz - 1))
			;
		x->tab[j] = i + 1;
	}
}

/* --- environment reads --- */

static bool generated_server(const char *module)
{
	return ends_with(module, "_generated/server") || ends_with(module, "_generated/server.js");
}

/*
 * True when n denotes the environment object: process.env, `env` imported from
 * _generated/server (convex >= 1.44), ns.env for a namespace import of it, or a const
 * alias of one of these.
 */
static bool is_env_object(const struct ectx *x, TSNode n, int alias)
{
	struct binding *b;

	n = unwrap(n);
	if (ts_is(n, "member_expression")) {
		TSNode o = unwrap(ts_field(n, "object"));

		if (!text_is(x, ts_field(n, "property"), "env"))
			return false;
		if (ts_is(o, "identifier") && text_is(x, o, "process"))
			return true;
		b = ts_is(o, "identifier") ? lookup_node(x, o) : NULL;
		return b && b->kind == B_IMPORT && !b->type_only && !strcmp(b->imported, "*") &&
		       generated_server(b->module);
	}
	if (!ts_is(n, "identifier") || !(b = lookup_node(x, n)))
		return false;
	if (b->kind == B_IMPORT)
		return !b->type_only && !strcmp(b->imported, "env") && generated_server(b->module);
	if (b->kind == B_CONST && alias < MAX_ALIAS && !ts_node_is_null(b->value))
		return is_env_object(x, b->value, alias + 1);
	return false;
}

/* The variable name when n (already unwrapped) reads one variable of the environment. */
static const char *env_read_name(struct ectx *x, TSNode n)
{
	TSNode p;

	if (ts_is(n, "member_expression")) {
		p = ts_field(n, "property");
		if (ts_is(p, "property_identifier") && is_env_object(x, ts_field(n, "object"), 0))
			return ts_text(x->a, x->src, p);
	} else if (ts_is(n, "subscript_expression")) {
		p = unwrap(ts_field(n, "index"));
		if ((ts_is(p, "string") || ts_is(p, "template_string")) &&
		    is_env_object(x, ts_field(n, "object"), 0))
			return ts_string_value(x->a, x->src, p);
	}
	return NULL;
}

static size_t range_hash(uint32_t s, uint32_t e)
{
	return (size_t)((s * 2654435761u) ^ (e * 40503u));
}

static long find_read(const struct ectx *x, uint32_t s, uint32_t e)
{
	size_t i;

	if (!x->rtabsz)
		return -1;
	for (i = range_hash(s, e) & (x->rtabsz - 1); x->rtab[i]; i = (i + 1) & (x->rtabsz - 1)) {
		const struct lint_env_read *r = &x->reads[x->rtab[i] - 1];

		if (r->start == s && r->end == e)
			return (long)(x->rtab[i] - 1);
	}
	return -1;
}

static void rtab_put(struct ectx *x, size_t idx)
{
	const struct lint_env_read *r = &x->reads[idx];
	size_t i;

	for (i = range_hash(r->start, r->end) & (x->rtabsz - 1); x->rtab[i];
	     i = (i + 1) & (x->rtabsz - 1))
		;
	x->rtab[i] = idx + 1;
}

/* Records a read at the range of node at (once per range); returns its index. */
static long record_read(struct ectx *x, const char *name, TSNode at)
{
	uint32_t s = nstart(x, at), e = nend(x, at);
	long idx = find_read(x, s, e);
	size_t i;

	if (idx >= 0)
		return idx;
	if ((x->nreads + 1) * 2 > x->rtabsz) {
		free(x->rtab);
		x->rtabsz = x->rtabsz ? x->rtabsz * 2 : 32;
		x->rtab = xcalloc(x->rtabsz, sizeof(*x->rtab));
		for (i = 0; i < x->nreads; i++)
			rtab_put(x, i);
	}
	LINT_GROW(x->reads, x->nreads + 1, x->areads);
	memset(&x->reads[x->nreads], 0, sizeof(x->reads[0]));
	x->reads[x->nreads].name = name;
	x->reads[x->nreads].start = s;
	x->reads[x->nreads].end = e;
	rtab_put(x, x->nreads);
	return (long)x->nreads++;
}

static void mark_fallback(struct ectx *x, long idx, TSNode fb)
{
	struct lint_env_read *r;

	if (idx < 0 || ts_node_is_null(fb))
		return;
	r = &x->reads[idx];
	if (r->fallback)
		return;
	r->fallback = true;
	r->fb_start = nstart(x, fb);
	r->fb_end = nend(x, fb);
}

/* The read n (unwrapped) is, recorded, or -1 when n is not a read. */
static long read_at(struct ectx *x, TSNode n)
{
	const char *name;

	n = unwrap(n);
	name = env_read_name(x, n);
	return name ? record_read(x, name, n) : -1;
}

/* --- forbidden globals --- */

/* The global a callee or member object names: `Date`, or `globalThis.Date`. */
static bool global_is(const struct ectx *x, TSNode n, const char *name)
{
	TSNode o;

	n = unwrap(n);
	if (ts_is(n, "identifier"))
		return text_is(x, n, name);
	if (!ts_is(n, "member_expression"))
		return false;
	o = unwrap(ts_field(n, "object"));
	return ts_is(o, "identifier") &&
	       (text_is(x, o, "globalThis") || text_is(x, o, "window") ||
		text_is(x, o, "self") || text_is(x, o, "global")) &&
	       text_is(x, ts_field(n, "property"), name);
}

static void forbid(struct ectx *x, TSNode at, const char *what)
{
	uint32_t s = nstart(x, at);

	if (x->forbidden && x->f_start <= s)
		return;
	x->forbidden = true;
	x->f_start = s;
	x->f_end = nend(x, at);
	x->f_what = what;
}

static void check_forbidden(struct ectx *x, TSNode n)
{
	static const char *const objects[] = { "Date", "crypto", "performance" };

	if (ts_is(n, "member_expression")) {
		TSNode o = ts_field(n, "object"), p = ts_field(n, "property");

		if (global_is(x, o, "Math") && text_is(x, p, "random")) {
			forbid(x, n, "Math.random");
			return;
		}
		for (size_t i = 0; i < ARRAY_SIZE(objects); i++)
			if (global_is(x, o, objects[i]) && ts_is(p, "property_identifier")) {
				size_t len;
				const char *s = nbytes(x, p, &len);

				forbid(x, n, arena_printf(x->a, "%s.%.*s", objects[i], (int)len, s));
				return;
			}
	} else if (ts_is(n, "new_expression")) {
		if (global_is(x, ts_field(n, "constructor"), "Date"))
			forbid(x, n, "Date");
	} else if (ts_is(n, "call_expression")) {
		TSNode f = ts_field(n, "function");

		if (ts_is(f, "import"))
			forbid(x, n, "import()");
		else if (global_is(x, f, "fetch"))
			forbid(x, n, "fetch");
		else if (global_is(x, f, "Date"))
			forbid(x, n, "Date");
	}
}

/* --- the scan of evaluated code --- */

static bool is_literal(TSNode n)
{
	static const char *const types[] = {
		"string", "number", "true", "false", "null", "undefined",
	};

	n = unwrap(n);
	if (ts_is(n, "template_string")) {
		struct ts_kids k;
		TSNode c;

		for (ts_kids_init(&k, n); ts_kids_next(&k, &c);) {
			if (ts_is(c, "template_substitution")) {
				ts_kids_end(&k);
				return false;
			}
		}
		return true;
	}
	for (size_t i = 0; i < ARRAY_SIZE(types); i++)
		if (ts_is(n, types[i]))
			return true;
	return false;
}

/* Queues the body of a local function that evaluated code calls. */
static void follow_call(struct ectx *x, TSNode call)
{
	TSNode f = unwrap(ts_field(call, "function"));
	struct binding *b;

	if (is_function_like(f)) {
		LINT_GROW(x->work, x->nwork + 1, x->awork);
		x->work[x->nwork++] = f;
		return;
	}
	if (!ts_is(f, "identifier") || !(b = lookup_node(x, f)) || b->scanned)
		return;
	if (b->kind == B_FUNC && !ts_is(b->node, "class_declaration") &&
	    !ts_is(b->node, "abstract_class_declaration"))
		f = b->node;
	else if (b->kind == B_CONST && is_function_like(unwrap(b->value)))
		f = unwrap(b->value);
	else
		return;
	b->scanned = true;
	LINT_GROW(x->work, x->nwork + 1, x->awork);
	x->work[x->nwork++] = f;
}

static void scan_pattern_read(struct ectx *x, TSNode name, TSNode keynode, const char *key,
			      long index, TSNode dflt, void *ud)
{
	(void)name;
	(void)index;
	(void)ud;
	if (key)
		mark_fallback(x, record_read(x, key, keynode), dflt);
}

struct scan {
	struct ectx *x;
	TSNode root;
};

static bool scan_visit(TSNode n, void *ud)
{
	static const char *const skip[] = {
		"comment", "import_statement", "class_body", "type_annotation", "type_arguments",
		"type_parameters", "type_alias_declaration", "interface_declaration",
		"type_query", "ambient_declaration", "function_signature",
	};
	struct scan *s = ud;
	struct ectx *x = s->x;
	const char *t;

	if (!ts_node_is_named(n))
		return false;
	if (is_function_like(n))
		return ts_node_eq(n, s->root);
	t = ts_node_type(n);
	for (size_t i = 0; i < ARRAY_SIZE(skip); i++)
		if (!strcmp(t, skip[i]))
			return false;

	if (!strcmp(t, "member_expression") || !strcmp(t, "subscript_expression")) {
		if (read_at(x, n) >= 0)
			return false;
		check_forbidden(x, n);
	} else if (!strcmp(t, "call_expression")) {
		check_forbidden(x, n);
		follow_call(x, n);
	} else if (!strcmp(t, "new_expression")) {
		check_forbidden(x, n);
	} else if (!strcmp(t, "binary_expression")) {
		TSNode op = ts_field(n, "operator");

		if (text_is(x, op, "??") || text_is(x, op, "||"))
			mark_fallback(x, read_at(x, ts_field(n, "left")), ts_field(n, "right"));
	} else if (!strcmp(t, "ternary_expression")) {
		TSNode c = ts_field(n, "consequence"), a = ts_field(n, "alternative");
		long r = read_at(x, ts_field(n, "condition"));

		if (r >= 0) {
			mark_fallback(x, r, a);
		} else {
			if (is_literal(a))
				mark_fallback(x, read_at(x, c), a);
			if (is_literal(c))
				mark_fallback(x, read_at(x, a), c);
		}
	} else if (!strcmp(t, "variable_declarator")) {
		TSNode name = ts_field(n, "name"), value = ts_field(n, "value");

		if (ts_is(name, "object_pattern") && !ts_node_is_null(value) &&
		    is_env_object(x, value, 0))
			each_pattern(x, name, scan_pattern_read, NULL);
	}
	return true;
}

static void scan_module(struct ectx *x)
{
	struct scan s = { x, x->root };
	size_t i;

	ts_walk(x->root, scan_visit, &s);
	for (i = 0; i < x->nwork; i++) {
		s.root = x->work[i];
		ts_walk(s.root, scan_visit, &s);
	}
}

/* --- values --- */

static struct lint_value *mkval(struct ectx *x, enum lint_vkind kind, TSNode n)
{
	struct lint_value *v = ARENA_NEW(x->a, struct lint_value);

	v->kind = kind;
	if (!ts_node_is_null(n)) {
		v->start = v->def_start = nstart(x, n);
		v->end = v->def_end = nend(x, n);
	}
	return v;
}

static struct lint_value *unknown(struct ectx *x, TSNode n)
{
	return mkval(x, LV_UNKNOWN, n);
}

/* A shallow copy of v seen at n: its own range moves, where it was written stays. */
static struct lint_value *vcopy(struct ectx *x, const struct lint_value *v, TSNode n)
{
	struct lint_value *c = ARENA_NEW(x->a, struct lint_value);

	*c = *v;
	c->start = nstart(x, n);
	c->end = nend(x, n);
	return c;
}

static struct lint_value *mkstr(struct ectx *x, TSNode n, const char *s, size_t len)
{
	struct lint_value *v = mkval(x, LV_STRING, n);

	v->str = arena_strndup(x->a, s, len);
	v->len = len;
	return v;
}

static struct lint_value *env_value(struct ectx *x, const char *name, TSNode n)
{
	struct lint_value *v = mkval(x, LV_STRING, n);

	v->str = arena_printf(x->a, "${env:%s}", name);
	v->len = strlen(v->str);
	v->flags = LV_HAS_ENV;
	return v;
}

/* The read a value is exactly (a string that is one env part), or -1. */
static long pure_read(const struct ectx *x, const struct lint_value *v)
{
	long idx;
	const struct lint_env_read *r;
	size_t nlen;

	if (!v || v->kind != LV_STRING || !(v->flags & LV_HAS_ENV))
		return -1;
	idx = find_read(x, v->def_start, v->def_end);
	if (idx < 0)
		return -1;
	r = &x->reads[idx];
	nlen = strlen(r->name);
	if (v->len != nlen + 7 || memcmp(v->str, "${env:", 6) ||
	    memcmp(v->str + 6, r->name, nlen) || v->str[6 + nlen] != '}')
		return -1;
	return idx;
}

/* JavaScript's Number::toString for the common cases. */
static void fmt_number(double d, char *buf, size_t n)
{
	double a = d < 0 ? -d : d;

	if (isnan(d)) {
		snprintf(buf, n, "NaN");
	} else if (isinf(d)) {
		snprintf(buf, n, d < 0 ? "-Infinity" : "Infinity");
	} else if (d == 0) {
		snprintf(buf, n, "0");
	} else if (a < 1e21 && (a >= 9007199254740992.0 || d == (double)(long long)d)) {
		snprintf(buf, n, "%.0f", d);
	} else {
		for (int p = 1; p <= 17; p++) {
			snprintf(buf, n, "%.*g", p, d);
			if (strtod(buf, NULL) == d)
				break;
		}
	}
}

/* 1 truthy, 0 falsy, -1 unknown. An env read is a non-empty string once the push runs. */
static int truthy(const struct lint_value *v)
{
	switch (v->kind) {
	case LV_UNDEFINED:
	case LV_NULL:
		return 0;
	case LV_BOOL:
		return v->b;
	case LV_NUMBER:
		return !(v->num == 0 || isnan(v->num));
	case LV_STRING:
		return (v->flags & LV_HAS_ENV) || v->len > 0;
	case LV_ARRAY:
	case LV_OBJECT:
		return 1;
	default:
		return -1;
	}
}

/* Appends v as String(v) would; false when that cannot be known. */
static bool to_string(struct strbuf *sb, const struct lint_value *v)
{
	char buf[40];

	switch (v->kind) {
	case LV_STRING:
		strbuf_add(sb, v->str, v->len);
		return true;
	case LV_NUMBER:
		fmt_number(v->num, buf, sizeof(buf));
		strbuf_adds(sb, buf);
		return true;
	case LV_BOOL:
		strbuf_adds(sb, v->b ? "true" : "false");
		return true;
	case LV_NULL:
		strbuf_adds(sb, "null");
		return true;
	case LV_UNDEFINED:
		strbuf_adds(sb, "undefined");
		return true;
	default:
		return false;
	}
}

/* Turns a built string into a value, unless it breaks the size budget. */
static struct lint_value *built_string(struct ectx *x, TSNode n, struct strbuf *sb,
				       unsigned flags)
{
	struct lint_value *v;

	if (sb->len > MAX_CONCAT || x->built + sb->len > MAX_BUILT) {
		strbuf_release(sb);
		return unknown(x, n);
	}
	x->built += sb->len;
	v = mkstr(x, n, strbuf_str(sb), sb->len);
	v->flags = flags;
	strbuf_release(sb);
	return v;
}

static struct lint_value *eval_number(struct ectx *x, TSNode n)
{
	char small[64], *buf, *end;
	size_t len, i, j = 0;
	const char *s = nbytes(x, n, &len);
	struct lint_value *v;
	double d;

	buf = len < sizeof(small) ? small : arena_alloc(x->a, len + 1);
	for (i = 0; i < len; i++)
		if (s[i] != '_')
			buf[j++] = s[i];
	buf[j] = '\0';
	if (!j || buf[j - 1] == 'n')
		return unknown(x, n);	/* BigInt: JSON.stringify throws on it */
	if (buf[0] == '0' && j > 1 && strchr("xXoObB", buf[1])) {
		int base = strchr("xX", buf[1]) ? 16 : strchr("oO", buf[1]) ? 8 : 2;

		d = (double)strtoull(buf + 2, &end, base);
	} else if (buf[0] == '0' && j > 1 && buf[1] >= '0' && buf[1] <= '9') {
		return unknown(x, n);	/* legacy octal */
	} else {
		d = strtod(buf, &end);
	}
	if (*end)
		return unknown(x, n);
	v = mkval(x, LV_NUMBER, n);
	v->num = d;
	return v;
}


/* Like ts_string_value(), but keeps the length of strings with a "\0" escape. */
static struct lint_value *eval_string(struct ectx *x, TSNode n)
{
	struct strbuf sb = STRBUF_INIT;
	struct lint_value *v;
	struct kids k;
	bool ok = true;
	size_t i, len;

	kids_get(n, &k);
	for (i = 0; i < k.n && ok; i++) {
		TSNode c = k.v[i];
		const char *s = nbytes(x, c, &len);

		if (ts_node_is_missing(c))
			ok = false;
		else if (ts_is(c, "string_fragment"))
			strbuf_add(&sb, s, len);
		else if (ts_is(c, "escape_sequence"))
			ts_cook_escape(&sb, s, len);
		else if (ts_node_is_named(c))
			ok = false;
	}
	kids_free(&k);
	v = ok ? mkstr(x, n, strbuf_str(&sb), sb.len) : unknown(x, n);
	strbuf_release(&sb);
	return v;
}

static struct lint_value *eval_template(struct ectx *x, TSNode n, int depth)
{
	struct strbuf sb = STRBUF_INIT;
	unsigned flags = 0;
	struct kids k;
	size_t i, len;

	kids_get(n, &k);
	for (i = 0; i < k.n; i++) {
		TSNode c = k.v[i];
		const char *s = nbytes(x, c, &len);

		if (ts_is(c, "string_fragment")) {
			/* template literals normalise CRLF and CR to LF */
			for (size_t j = 0; j < len; j++) {
				if (s[j] == '\r') {
					strbuf_addch(&sb, '\n');
					if (j + 1 < len && s[j + 1] == '\n')
						j++;
				} else {
					strbuf_addch(&sb, s[j]);
				}
			}
		} else if (ts_is(c, "escape_sequence")) {
			ts_cook_escape(&sb, s, len);
		} else if (ts_is(c, "template_substitution")) {
			struct lint_value *v = eval(x, named_kid(c, false), depth + 1);

			if (!to_string(&sb, v))
				goto unknown;
			flags |= v->flags & (LV_HAS_ENV | LV_FALLBACK);
		} else if (ts_node_is_named(c) || ts_node_is_missing(c)) {
			goto unknown;
		}
		if (sb.len > MAX_CONCAT)
			goto unknown;
	}
	kids_free(&k);
	return built_string(x, n, &sb, flags);
unknown:
	kids_free(&k);
	strbuf_release(&sb);
	return unknown(x, n);
}

static struct lint_value *binding_value(struct ectx *x, struct binding *b, int depth)
{
	struct lint_value *v = NULL, *src;
	long r;

	if (b->state == BS_BUSY)
		return NULL;	/* a cycle: const a = b; const b = a; */
	if (b->state == BS_DONE)
		return b->val;
	b->state = BS_BUSY;
	if (b->kind == B_CONST) {
		v = eval(x, b->value, depth + 1);
	} else if (b->key && is_env_object(x, b->value, 0)) {
		r = record_read(x, b->key, b->keynode);
		v = env_value(x, b->key, b->keynode);
		if (!ts_node_is_null(b->dflt)) {
			mark_fallback(x, r, b->dflt);
			v->flags |= LV_FALLBACK;
		}
	} else {
		if (!*b->srcval)
			*b->srcval = eval(x, b->value, depth + 1);
		src = *b->srcval;
		if (b->key && src->kind == LV_OBJECT) {
			const struct lint_prop *p = lint_value_get(src, b->key);

			v = p ? p->value : (src->flags & LV_PARTIAL) ? NULL :
				mkval(x, LV_UNDEFINED, b->keynode);
		} else if (!b->key && src->kind == LV_ARRAY && !(src->flags & LV_PARTIAL)) {
			v = (size_t)b->index < src->nitems ? src->items[b->index] :
				mkval(x, LV_UNDEFINED, b->keynode);
		}
		if (v && v->kind == LV_UNDEFINED && !ts_node_is_null(b->dflt))
			v = eval(x, b->dflt, depth + 1);
		if (!v)
			v = unknown(x, b->keynode);
	}
	b->val = v;
	b->state = BS_DONE;
	return v;
}

static struct lint_value *eval_ident(struct ectx *x, TSNode n, int depth)
{
	struct binding *b = lookup_node(x, n);
	struct lint_value *v;

	if (!b) {
		if (text_is(x, n, "undefined"))
			return mkval(x, LV_UNDEFINED, n);
		if (text_is(x, n, "NaN") || text_is(x, n, "Infinity")) {
			v = mkval(x, LV_NUMBER, n);
			v->num = text_is(x, n, "NaN") ? NAN : INFINITY;
			return v;
		}
		return unknown(x, n);
	}
	if ((b->kind != B_CONST && b->kind != B_DESTRUCT) || ts_node_is_null(b->value))
		return unknown(x, n);
	v = binding_value(x, b, depth);
	if (!v)
		return unknown(x, n);
	v = vcopy(x, v, n);
	v->flags |= LV_FROM_CONST;
	return v;
}

static const char *key_name(struct ectx *x, TSNode k)
{
	char buf[40];
	struct lint_value *v;

	if (ts_is(k, "property_identifier") || ts_is(k, "shorthand_property_identifier") ||
	    ts_is(k, "shorthand_property_identifier_pattern") || ts_is(k, "identifier"))
		return ts_text(x->a, x->src, k);
	if (ts_is(k, "string"))
		return ts_string_value(x->a, x->src, k);
	if (ts_is(k, "number")) {
		v = eval_number(x, k);
		if (v->kind != LV_NUMBER)
			return NULL;
		fmt_number(v->num, buf, sizeof(buf));
		return arena_strdup(x->a, buf);
	}
	return NULL;
}

struct props {
	struct lint_prop *v;
	size_t n, alloc;
};

static void props_add(struct props *p, const char *key, uint32_t ks, uint32_t ke,
		      struct lint_value *val)
{
	LINT_GROW(p->v, p->n + 1, p->alloc);
	p->v[p->n].key = key;
	p->v[p->n].key_start = ks;
	p->v[p->n].key_end = ke;
	p->v[p->n].value = val;
	p->n++;
}

static struct lint_value *eval_object(struct ectx *x, TSNode n, int depth)
{
	struct lint_value *v = mkval(x, LV_OBJECT, n), *sv;
	struct props p = { NULL, 0, 0 };
	struct kids k;
	size_t i;

	kids_get(n, &k);
	for (i = 0; i < k.n; i++) {
		TSNode c = k.v[i], kn;
		const char *key;

		if (!ts_node_is_named(c) || is_comment(c)) {
			if (ts_node_is_missing(c))
				v->flags |= LV_PARTIAL;
			continue;
		}
		if (ts_is(c, "pair") || ts_is(c, "method_definition")) {
			kn = ts_field(c, ts_is(c, "pair") ? "key" : "name");
			key = key_name(x, kn);
			if (!key) {
				v->flags |= LV_PARTIAL;	/* computed key */
				continue;
			}
			/* a method or accessor: nothing JSON-safe we can know */
			sv = ts_is(c, "pair") ? eval(x, ts_field(c, "value"), depth + 1) :
			     unknown(x, c);
			props_add(&p, key, nstart(x, kn), nend(x, kn), sv);
		} else if (ts_is(c, "shorthand_property_identifier")) {
			props_add(&p, ts_text(x->a, x->src, c), nstart(x, c), nend(x, c),
				  eval_ident(x, c, depth + 1));
		} else if (ts_is(c, "spread_element")) {
			sv = eval(x, named_kid(c, false), depth + 1);
			if (sv->kind == LV_OBJECT) {
				if (x->copied + sv->nprops > MAX_COPIED)
					goto unknown;
				x->copied += sv->nprops;
				for (size_t j = 0; j < sv->nprops; j++)
					props_add(&p, sv->props[j].key, sv->props[j].key_start,
						  sv->props[j].key_end, sv->props[j].value);
				v->flags |= sv->flags & LV_PARTIAL;
			} else if (sv->kind != LV_NULL && sv->kind != LV_UNDEFINED &&
				   sv->kind != LV_BOOL && sv->kind != LV_NUMBER) {
				v->flags |= LV_PARTIAL;
			}
		} else {
			v->flags |= LV_PARTIAL;	/* ERROR and anything newer than this code */
		}
	}
	kids_free(&k);
	if (p.n) {
		v->props = ARENA_ARRAY(x->a, struct lint_prop, p.n);
		memcpy(v->props, p.v, p.n * sizeof(*p.v));
		v->nprops = p.n;
	}
	free(p.v);
	return v;
unknown:
	kids_free(&k);
	free(p.v);
	return unknown(x, n);
}

struct items {
	struct lint_value **v;
	size_t n, alloc;
};

static void items_add(struct items *it, struct lint_value *v)
{
	LINT_GROW(it->v, it->n + 1, it->alloc);
	it->v[it->n++] = v;
}

static struct lint_value *eval_array(struct ectx *x, TSNode n, int depth)
{
	struct lint_value *v = mkval(x, LV_ARRAY, n), *sv;
	struct items it = { NULL, 0, 0 };
	bool after_sep = true;
	struct kids k;
	size_t i;

	kids_get(n, &k);
	for (i = 0; i < k.n; i++) {
		TSNode c = k.v[i];

		if (!ts_node_is_named(c)) {
			if (ts_node_is_missing(c))
				v->flags |= LV_PARTIAL;
			if (text_is(x, c, ",")) {
				if (after_sep)
					items_add(&it, mkval(x, LV_UNDEFINED, c));	/* a hole */
				after_sep = true;
			}
			continue;
		}
		if (is_comment(c))
			continue;
		after_sep = false;
		if (ts_is(c, "spread_element")) {
			sv = eval(x, named_kid(c, false), depth + 1);
			if (sv->kind != LV_ARRAY) {
				v->flags |= LV_PARTIAL;
				continue;
			}
			if (x->copied + sv->nitems > MAX_COPIED)
				goto unknown;
			x->copied += sv->nitems;
			for (size_t j = 0; j < sv->nitems; j++)
				items_add(&it, sv->items[j]);
			v->flags |= sv->flags & LV_PARTIAL;
		} else if (ts_is(c, "ERROR")) {
			v->flags |= LV_PARTIAL;
		} else {
			items_add(&it, eval(x, c, depth + 1));
		}
	}
	kids_free(&k);
	if (it.n) {
		v->items = ARENA_ARRAY(x->a, struct lint_value *, it.n);
		memcpy(v->items, it.v, it.n * sizeof(*it.v));
		v->nitems = it.n;
	}
	free(it.v);
	return v;
unknown:
	kids_free(&k);
	free(it.v);
	return unknown(x, n);
}

/* obj.key or obj[key] on an evaluated object, array or string. */
static struct lint_value *eval_member(struct ectx *x, TSNode n, int depth)
{
	struct lint_value *o, *iv = NULL, *v;
	const char *key = NULL;
	char buf[40];

	if (ts_is(n, "member_expression")) {
		TSNode p = ts_field(n, "property");

		if (!ts_is(p, "property_identifier"))
			return unknown(x, n);
		key = ts_text(x->a, x->src, p);
	} else {
		iv = eval(x, ts_field(n, "index"), depth + 1);
		if (iv->kind == LV_STRING && !(iv->flags & LV_HAS_ENV)) {
			key = iv->str;
		} else if (iv->kind == LV_NUMBER) {
			fmt_number(iv->num, buf, sizeof(buf));
			key = arena_strdup(x->a, buf);
		} else {
			return unknown(x, n);
		}
	}
	o = eval(x, ts_field(n, "object"), depth + 1);
	if (o->kind == LV_OBJECT) {
		const struct lint_prop *p = lint_value_get(o, key);

		if (p)
			return vcopy(x, p->value, n);
		return (o->flags & LV_PARTIAL) ? unknown(x, n) : mkval(x, LV_UNDEFINED, n);
	}
	if ((o->kind == LV_ARRAY && !(o->flags & LV_PARTIAL)) ||
	    (o->kind == LV_STRING && !(o->flags & LV_HAS_ENV))) {
		size_t len = o->kind == LV_ARRAY ? o->nitems : o->len;

		if (!strcmp(key, "length")) {
			v = mkval(x, LV_NUMBER, n);
			v->num = (double)len;
			return v;
		}
		/* the range test comes first: casting a huge double to size_t is undefined */
		if (o->kind == LV_ARRAY && iv && iv->kind == LV_NUMBER && iv->num >= 0 &&
		    iv->num < 1e15 && iv->num == (double)(size_t)iv->num) {
			if ((size_t)iv->num < len)
				return vcopy(x, o->items[(size_t)iv->num], n);
			return mkval(x, LV_UNDEFINED, n);
		}
	}
	return unknown(x, n);
}

/* `??` and `||`; `&&` only for values whose truthiness is known. */
static struct lint_value *eval_logical(struct ectx *x, TSNode n, const char *op, int depth)
{
	struct lint_value *l = eval(x, ts_field(n, "left"), depth + 1), *v;
	long r = pure_read(x, l);
	int t;

	if (r >= 0 && strcmp(op, "&&")) {
		/* an unset variable fails the push before the fallback is reached */
		mark_fallback(x, r, ts_field(n, "right"));
		v = vcopy(x, l, n);
		v->flags |= LV_FALLBACK;
		return v;
	}
	if (!strcmp(op, "??")) {
		if (l->kind == LV_UNKNOWN)
			return unknown(x, n);
		if (l->kind != LV_NULL && l->kind != LV_UNDEFINED)
			return l;
		return eval(x, ts_field(n, "right"), depth + 1);
	}
	t = r >= 0 ? -1 : truthy(l);
	if (t < 0)
		return unknown(x, n);
	/* `a || b` is a when a is truthy, `a && b` is a when a is falsy */
	if ((op[0] == '|') == (t == 1))
		return l;
	return eval(x, ts_field(n, "right"), depth + 1);
}

static struct lint_value *eval_binary(struct ectx *x, TSNode n, int depth)
{
	TSNode opn = ts_field(n, "operator");
	struct strbuf sb = STRBUF_INIT;
	struct lint_value *l, *r, *v;
	size_t oplen;
	const char *ops = nbytes(x, opn, &oplen);
	char op[4] = "";

	if (ts_node_is_null(opn) || oplen >= sizeof(op))
		return unknown(x, n);
	memcpy(op, ops, oplen);
	if (!strcmp(op, "??") || !strcmp(op, "||") || !strcmp(op, "&&"))
		return eval_logical(x, n, op, depth);
	if (strcmp(op, "+"))
		return unknown(x, n);
	l = eval(x, ts_field(n, "left"), depth + 1);
	r = eval(x, ts_field(n, "right"), depth + 1);
	if (l->kind == LV_NUMBER && r->kind == LV_NUMBER) {
		v = mkval(x, LV_NUMBER, n);
		v->num = l->num + r->num;
		return v;
	}
	if (l->kind != LV_STRING && r->kind != LV_STRING)
		return unknown(x, n);
	if (l->len + r->len > MAX_CONCAT || !to_string(&sb, l) || !to_string(&sb, r)) {
		strbuf_release(&sb);
		return unknown(x, n);
	}
	return built_string(x, n, &sb, (l->flags | r->flags) & (LV_HAS_ENV | LV_FALLBACK));
}

static struct lint_value *eval_ternary(struct ectx *x, TSNode n, int depth)
{
	TSNode cn = ts_field(n, "consequence"), an = ts_field(n, "alternative");
	struct lint_value *c = eval(x, ts_field(n, "condition"), depth + 1), *a, *b, *v;
	long r = pure_read(x, c);
	int t;

	if (r >= 0) {
		/* `process.env.X ? x : y`: with X set, as the push requires, x is what counts */
		mark_fallback(x, r, an);
		v = vcopy(x, eval(x, cn, depth + 1), n);
		v->flags |= LV_FALLBACK;
		return v;
	}
	t = truthy(c);
	if (t >= 0)
		return eval(x, t ? cn : an, depth + 1);
	a = eval(x, cn, depth + 1);
	b = eval(x, an, depth + 1);
	if ((r = pure_read(x, a)) >= 0 && !(b->flags & LV_HAS_ENV) && b->kind != LV_UNKNOWN) {
		mark_fallback(x, r, an);
		v = vcopy(x, a, n);
	} else if ((r = pure_read(x, b)) >= 0 && !(a->flags & LV_HAS_ENV) &&
		   a->kind != LV_UNKNOWN) {
		mark_fallback(x, r, cn);
		v = vcopy(x, b, n);
	} else {
		return unknown(x, n);
	}
	v->flags |= LV_FALLBACK;
	return v;
}

static struct lint_value *eval_unary(struct ectx *x, TSNode n, int depth)
{
	TSNode op = ts_field(n, "operator");
	struct lint_value *a, *v;
	int t;

	if (text_is(x, op, "void"))
		return mkval(x, LV_UNDEFINED, n);
	a = eval(x, ts_field(n, "argument"), depth + 1);
	if ((text_is(x, op, "-") || text_is(x, op, "+")) && a->kind == LV_NUMBER) {
		v = mkval(x, LV_NUMBER, n);
		v->num = text_is(x, op, "-") ? -a->num : a->num;
		return v;
	}
	if (text_is(x, op, "!") && (t = truthy(a)) >= 0) {
		v = mkval(x, LV_BOOL, n);
		v->b = !t;
		return v;
	}
	return unknown(x, n);
}

static struct lint_value *eval(struct ectx *x, TSNode n, int depth)
{
	const char *name, *t;
	struct lint_value *v;

	n = unwrap(n);
	if (ts_node_is_null(n) || ts_node_is_missing(n) || depth > MAX_DEPTH)
		return unknown(x, n);
	t = ts_node_type(n);
	if (!strcmp(t, "string"))
		return eval_string(x, n);
	if (!strcmp(t, "template_string"))
		return eval_template(x, n, depth);
	if (!strcmp(t, "number"))
		return eval_number(x, n);
	if (!strcmp(t, "true") || !strcmp(t, "false")) {
		v = mkval(x, LV_BOOL, n);
		v->b = t[0] == 't';
		return v;
	}
	if (!strcmp(t, "null"))
		return mkval(x, LV_NULL, n);
	if (!strcmp(t, "undefined"))
		return mkval(x, LV_UNDEFINED, n);
	if (!strcmp(t, "identifier"))
		return eval_ident(x, n, depth);
	if (!strcmp(t, "object"))
		return eval_object(x, n, depth);
	if (!strcmp(t, "array"))
		return eval_array(x, n, depth);
	if (!strcmp(t, "member_expression") || !strcmp(t, "subscript_expression")) {
		name = env_read_name(x, n);
		if (!name)
			return eval_member(x, n, depth);
		record_read(x, name, n);
		return env_value(x, name, n);
	}
	if (!strcmp(t, "binary_expression"))
		return eval_binary(x, n, depth);
	if (!strcmp(t, "ternary_expression"))
		return eval_ternary(x, n, depth);
	if (!strcmp(t, "unary_expression"))
		return eval_unary(x, n, depth);
	return unknown(x, n);
}

/* --- syntax checks --- */

static bool marker_at(const char *p, size_t n)
{
	static const char *const marks[] = { "<<<<<<<", ">>>>>>>", "|||||||", "=======" };

	for (size_t i = 0; i < ARRAY_SIZE(marks); i++) {
		if (n < 7 || memcmp(p, marks[i], 7))
			continue;
		if (n == 7 || p[7] == '\n' || p[7] == '\r')
			return true;
		/* "=======" stands alone; the others carry a label */
		if (i < 3 && p[7] == ' ')
			return true;
	}
	return false;
}

/* The first conflict-marker line that is not inside a comment. */
static bool find_conflict(const struct ectx *x, uint32_t *s, uint32_t *e)
{
	const char *buf = x->src->buf, *nl;
	size_t len = x->src->len, pos = 0, tried = 0;

	while (pos < len && tried < MAX_MARKERS) {
		size_t end;

		nl = memchr(buf + pos, '\n', len - pos);
		end = nl ? (size_t)(nl - buf) : len;
		if (marker_at(buf + pos, len - pos)) {
			TSNode at = ts_node_descendant_for_byte_range(x->root, (uint32_t)pos,
								      (uint32_t)pos);

			tried++;
			if (!is_comment(at)) {
				*s = (uint32_t)pos;
				*e = (uint32_t)(end > pos && buf[end - 1] == '\r' ? end - 1 : end);
				return true;
			}
		}
		pos = end + 1;
	}
	return false;
}

struct errfind {
	bool found;
	TSNode at;
};

static bool err_visit(TSNode n, void *ud)
{
	struct errfind *f = ud;

	if (f->found)
		return false;
	if (ts_node_is_missing(n) || ts_is(n, "ERROR")) {
		f->found = true;
		f->at = n;
		return false;
	}
	return ts_node_has_error(n);
}

/* --- the default export --- */

struct export {
	TSNode node;		/* the expression, declaration or identifier exported */
	TSNode stmt;		/* the statement that exports it */
	bool found, opaque;	/* opaque: a re-export or a declaration, value unknown */
};

static void find_default(struct ectx *x, struct export *ex, struct export *cjs,
			 TSNode *first_named)
{
	struct kids k, s;
	size_t i, j;

	kids_get(x->root, &k);
	for (i = 0; i < k.n; i++) {
		TSNode c = k.v[i];

		if (ts_is(c, "export_statement")) {
			TSNode clause = { 0 };

			if (has_keyword(x, c, "default")) {
				if (ex->found)
					continue;
				ex->found = true;
				ex->stmt = c;
				ex->node = ts_field(c, "value");
				if (ts_node_is_null(ex->node)) {
					ex->node = ts_field(c, "declaration");
					ex->opaque = true;
				}
				continue;
			}
			if (has_keyword(x, c, "=")) {	/* TypeScript's `export = x` */
				cjs->found = true;
				cjs->stmt = c;
				cjs->node = named_kid(c, false);
				continue;
			}
			kids_get(c, &s);
			for (j = 0; j < s.n; j++)
				if (ts_is(s.v[j], "export_clause"))
					clause = s.v[j];
			kids_free(&s);
			kids_get(clause, &s);
			for (j = 0; j < s.n && !ex->found; j++) {
				TSNode sp = s.v[j], name = ts_field(sp, "name"), alias;
				const char *as;

				if (!ts_is(sp, "export_specifier"))
					continue;
				alias = ts_field(sp, "alias");
				if (ts_node_is_null(alias))
					alias = name;
				as = key_name(x, alias);
				if (!as || strcmp(as, "default"))
					continue;
				ex->found = true;
				ex->stmt = c;
				ex->node = name;
				ex->opaque = !ts_node_is_null(ts_field(c, "source")) ||
					     !ts_is(name, "identifier");
			}
			kids_free(&s);
			if (!ex->found && ts_node_is_null(*first_named))
				*first_named = c;
		} else if (ts_is(c, "expression_statement")) {
			TSNode as = named_kid(c, false), left, o;

			if (!ts_is(as, "assignment_expression"))
				continue;
			left = unwrap(ts_field(as, "left"));
			o = ts_field(left, "object");
			if (ts_is(left, "member_expression") && text_is(x, o, "module") &&
			    text_is(x, ts_field(left, "property"), "exports")) {
				cjs->found = true;
				cjs->stmt = c;
				cjs->node = ts_field(as, "right");
			}
		}
	}
	kids_free(&k);
}

static int cmp_read(const void *a, const void *b)
{
	const struct lint_env_read *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

static void set_status(struct lint_eval *out, enum lint_eval_status st, uint32_t s, uint32_t e,
		       const char *msg)
{
	out->status = st;
	out->err_start = s;
	out->err_end = e;
	out->err_msg = msg;
}

void lint_eval_auth_config(struct arena *a, const struct lint_source *src, TSTree *tree,
			   struct lint_eval *out)
{
	struct ectx x = { 0 };
	struct export ex = { 0 }, cjs = { 0 };
	TSNode first_named = { 0 };
	struct errfind ef = { 0 };
	uint32_t s, e;

	memset(out, 0, sizeof(*out));
	if (!tree) {
		set_status(out, EVAL_SYNTAX_ERROR, 0, 0, "the file could not be parsed");
		return;
	}
	x.a = a;
	x.src = src;
	x.root = ts_tree_root_node(tree);
	build_index(&x);
	scan_module(&x);
	find_default(&x, &ex, &cjs, &first_named);
	if (!ex.found)
		ex = cjs;

	if (ex.found) {
		out->config = ex.opaque ? unknown(&x, ex.node) : eval(&x, ex.node, 0);
		if (out->config->kind == LV_NULL || out->config->kind == LV_UNDEFINED)
			set_status(out, EVAL_NO_DEFAULT_EXPORT, nstart(&x, ex.stmt),
				   nend(&x, ex.stmt), out->config->kind == LV_NULL ?
				   "the default export is null" : "the default export is undefined");
	} else if (!ts_node_is_null(first_named)) {
		set_status(out, EVAL_NO_DEFAULT_EXPORT, nstart(&x, first_named),
			   nend(&x, first_named), "only named exports, no default export");
	} else {
		set_status(out, EVAL_NO_DEFAULT_EXPORT, 0, 0, "no default export");
	}
	/* in push order: the bundle must parse, evaluate, then have a default export */
	if (x.forbidden)
		set_status(out, EVAL_FORBIDDEN, x.f_start, x.f_end,
			   arena_printf(a, "uses '%s' while the config is evaluated", x.f_what));
	if (ts_node_has_error(x.root))
		ts_walk(x.root, err_visit, &ef);
	if (find_conflict(&x, &s, &e)) {
		set_status(out, EVAL_SYNTAX_ERROR, s, e, "git conflict marker");
	} else if (ef.found) {
		const char *msg = "syntax error";

		if (ts_node_is_missing(ef.at))
			msg = ts_node_is_named(ef.at) ?
				arena_printf(a, "missing %s", ts_node_type(ef.at)) :
				arena_printf(a, "missing '%s'", ts_node_type(ef.at));
		set_status(out, EVAL_SYNTAX_ERROR, nstart(&x, ef.at), nend(&x, ef.at), msg);
	}

	if (x.nreads) {
		qsort(x.reads, x.nreads, sizeof(*x.reads), cmp_read);
		out->env_reads = ARENA_ARRAY(a, struct lint_env_read, x.nreads);
		memcpy(out->env_reads, x.reads, x.nreads * sizeof(*x.reads));
		out->nenv_reads = x.nreads;
	}
	free(x.b);
	free(x.tab);
	free(x.reads);
	free(x.rtab);
	free(x.work);
}

struct lint_module {
	struct ectx x;
};

struct lint_module *lint_module_new(struct arena *a, const struct lint_source *src, TSTree *tree)
{
	struct lint_module *m = xcalloc(1, sizeof(*m));

	m->x.a = a;
	m->x.src = src;
	if (tree) {
		m->x.root = ts_tree_root_node(tree);
		build_index(&m->x);
	}
	return m;
}

struct lint_value *lint_module_eval(struct lint_module *m, TSNode expr)
{
	if (ts_node_is_null(expr) || ts_node_is_null(m->x.root))
		return unknown(&m->x, expr);
	return eval(&m->x, expr, 0);
}

void lint_module_free(struct lint_module *m)
{
	if (!m)
		return;
	free(m->x.b);
	free(m->x.tab);
	free(m->x.reads);
	free(m->x.rtab);
	free(m->x.work);
	free(m);
}

const struct lint_prop *lint_value_get(const struct lint_value *obj, const char *key)
{
	size_t i;

	if (!obj || obj->kind != LV_OBJECT || !key)
		return NULL;
	for (i = obj->nprops; i-- > 0;)
		if (!strcmp(obj->props[i].key, key))
			return &obj->props[i];
	return NULL;
}

bool lint_value_is_str(const struct lint_value *v, const char *s)
{
	return v && s && v->kind == LV_STRING && !(v->flags & LV_HAS_ENV) && v->str &&
	       v->len == strlen(s) && !memcmp(v->str, s, v->len);
}

/* --- rendering --- */

static bool bare_key(const char *k)
{
	if (!*k || (*k >= '0' && *k <= '9'))
		return false;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') ||
		      (*k >= '0' && *k <= '9') || *k == '_' || *k == '$'))
			return false;
	return true;
}

static void render_str(struct strbuf *sb, const char *s, size_t n)
{
	strbuf_addch(sb, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			strbuf_addch(sb, '\\');
			strbuf_addch(sb, c);
		} else if (c == '\n') {
			strbuf_adds(sb, "\\n");
		} else if (c == '\t') {
			strbuf_adds(sb, "\\t");
		} else if (c < 0x20 || c == 0x7f) {
			strbuf_addf(sb, "\\u%04x", c);
		} else {
			strbuf_addch(sb, c);
		}
	}
	strbuf_addch(sb, '"');
}

/* Values can share members (spreads, consts), so a budget keeps output finite. */
static void render(struct strbuf *sb, const struct lint_value *v, size_t *budget)
{
	char buf[40];
	size_t i;

	if (!v) {
		strbuf_adds(sb, "(null)");
		return;
	}
	if (!*budget) {
		strbuf_adds(sb, "...");
		return;
	}
	--*budget;
	if (v->flags & LV_FALLBACK)
		strbuf_adds(sb, "fb:");
	switch (v->kind) {
	case LV_UNKNOWN:
		strbuf_addch(sb, '?');
		break;
	case LV_UNDEFINED:
		strbuf_adds(sb, "undefined");
		break;
	case LV_NULL:
		strbuf_adds(sb, "null");
		break;
	case LV_BOOL:
		strbuf_adds(sb, v->b ? "true" : "false");
		break;
	case LV_NUMBER:
		fmt_number(v->num, buf, sizeof(buf));
		strbuf_adds(sb, buf);
		break;
	case LV_STRING:
		render_str(sb, v->str, v->len);
		break;
	case LV_ARRAY:
		strbuf_addch(sb, '[');
		for (i = 0; i < v->nitems; i++) {
			if (i)
				strbuf_addch(sb, ',');
			render(sb, v->items[i], budget);
		}
		if (v->flags & LV_PARTIAL)
			strbuf_adds(sb, v->nitems ? ",...?" : "...?");
		strbuf_addch(sb, ']');
		break;
	case LV_OBJECT:
		strbuf_addch(sb, '{');
		for (i = 0; i < v->nprops; i++) {
			if (i)
				strbuf_addch(sb, ',');
			if (bare_key(v->props[i].key))
				strbuf_adds(sb, v->props[i].key);
			else
				render_str(sb, v->props[i].key, strlen(v->props[i].key));
			strbuf_addch(sb, ':');
			render(sb, v->props[i].value, budget);
		}
		if (v->flags & LV_PARTIAL)
			strbuf_adds(sb, v->nprops ? ",...?" : "...?");
		strbuf_addch(sb, '}');
		break;
	}
}

char *lint_value_render(struct arena *a, const struct lint_value *v)
{
	struct strbuf sb = STRBUF_INIT;
	size_t budget = 100000;
	char *ret;

	render(&sb, v, &budget);
	ret = arena_strndup(a, strbuf_str(&sb), sb.len);
	strbuf_release(&sb);
	return ret;
}
