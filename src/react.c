/* react.c - the per-file component model (see react.h). */
#include <stdlib.h>
#include <string.h>

#include "react.h"

/*
 * Caps. Components are top-level statements, so a node a rule asks about sits well under
 * a few hundred levels below its component in real code; anything deeper is "unknown".
 */
#define PATH_MAX_DEPTH	512
#define PATTERN_DEPTH	16	/* nesting of destructuring patterns followed */
#define CHAIN_MAX	64	/* `a.b.c...` links followed to find the base object */
#define WRAP_MAX	8	/* memo(forwardRef(...)) layers */
#define REEXPORT_DEPTH	4	/* files followed through re-exports to find an import's origin */
/* The work budget of a file: a base plus a multiple of its size (see struct lint_react). */
#define FUEL_BASE	(1u << 20)
#define FUEL_PER_BYTE	4

static void *grow(struct arena *a, void *arr, size_t esz, size_t n, size_t *alloc)
{
	void *p;

	if (n < *alloc)
		return arr;
	*alloc = *alloc ? *alloc * 2 : 8;
	p = arena_alloc(a, esz * *alloc);
	if (n)
		memcpy(p, arr, esz * n);
	return p;
}
#define GROW(a, arr, n, alloc) ((arr) = grow((a), (arr), sizeof(*(arr)), (n), &(alloc)))

/* Takes n steps of the budget; false (and an empty budget) when there are not enough. */
static bool spend(const struct lint_react *r, size_t n)
{
	if (*r->fuel < n) {
		*r->fuel = 0;
		return false;
	}
	*r->fuel -= n;
	return true;
}

static const char *src_of(const struct lint_react *r, TSNode n, size_t *len)
{
	uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);

	if (e > r->file->src.len || b > e) {
		*len = 0;
		return "";
	}
	*len = e - b;
	return r->file->src.buf + b;
}

static bool text_is(const struct lint_react *r, TSNode n, const char *s)
{
	return ts_text_eq(&r->file->src, n, s);
}

/* Nodes that open a function scope. */
static bool is_fn(TSNode n)
{
	const char *t = ts_node_type(n);

	return !strcmp(t, "arrow_function") || !strcmp(t, "function_expression") ||
	       !strcmp(t, "function_declaration") || !strcmp(t, "generator_function") ||
	       !strcmp(t, "generator_function_declaration") || !strcmp(t, "method_definition");
}

/* React's own test for a hook name: "use", or "use" and an uppercase letter or digit. */
static bool hook_name(const char *s, size_t n)
{
	if (n < 3 || memcmp(s, "use", 3))
		return false;
	return n == 3 || (s[3] >= 'A' && s[3] <= 'Z') || (s[3] >= '0' && s[3] <= '9');
}

const char *lint_react_import_stem(const char *relpath, size_t *n)
{
	const char *base = strrchr(relpath, '/'), *dir;

	base = base ? base + 1 : relpath;
	*n = strcspn(base, ".");
	if (*n == 5 && !strncmp(base, "index", 5) && base > relpath + 1) {
		for (dir = base - 1; dir > relpath && dir[-1] != '/'; dir--)
			;
		*n = (size_t)(base - 1 - dir);
		return dir;
	}
	return base;
}

bool lint_react_local_module(const char *m)
{
	return m && (m[0] == '.' || ((m[0] == '@' || m[0] == '~') && m[1] == '/'));
}

/* Does statement s (top level) declare `name` itself: a function, class or variable? */
static bool declares_name(const struct lint_source *src, TSNode s, const char *name)
{
	struct ts_kids k;
	TSNode d;
	bool found = false;

	if (ts_is(s, "export_statement"))
		s = ts_field(s, "declaration");
	if (ts_is(s, "function_declaration") || ts_is(s, "class_declaration") ||
	    ts_is(s, "generator_function_declaration"))
		return ts_text_eq(src, ts_field(s, "name"), name);
	if (!ts_is(s, "lexical_declaration") && !ts_is(s, "variable_declaration"))
		return false;
	ts_kids_init(&k, s);
	while (!found && ts_kids_next(&k, &d))
		found = ts_is(d, "variable_declarator") && ts_text_eq(src, ts_field(d, "name"), name);
	ts_kids_end(&k);
	return found;
}

static bool has_type_keyword(TSNode s)
{
	struct ts_kids k;
	TSNode c;

	for (ts_kids_init_all(&k, s); ts_kids_next(&k, &c);) {
		if (ts_is(c, "type")) {
			ts_kids_end(&k);
			return true;
		}
	}
	return false;
}

/*
 * Where file g gets the export `name` from, when it re-exports it: `export { useAuth } from
 * "m"`, `export { x as name } from "m"`, an import exported again (`import { a } from "m";
 * export { a };`), or the file's only `export * from "m"`. Sets *module (relative to g) and
 * *imported and returns true; false when g defines the name itself or says nothing certain.
 */
/* f's tree, parsing a leaf (struct lint_file) that the pipeline has not parsed or released. */
static bool tree_of(struct lint_file *f)
{
	return f->parsed || (f->leaf && lint_file_parse(f));
}

static bool reexport_step(struct lint_file *g, const char *name, const char **module,
			  const char **imported)
{
	const struct lint_source *src = &g->src;
	const char *star = NULL, *m;
	size_t nstar = 0;
	bool found = false, own = false;
	struct ts_kids k;
	TSNode s;

	if (!tree_of(g) || !g->tree)
		return false;
	ts_kids_init(&k, ts_tree_root_node(g->tree));
	while (!found && !own && ts_kids_next(&k, &s)) {
		TSNode source = ts_field(s, "source"), clause = { { 0 } }, c, spec;
		struct ts_kids ks;

		if (declares_name(src, s, name)) {
			own = true;
			break;
		}
		if (!ts_is(s, "export_statement") || has_type_keyword(s))
			continue;
		ts_kids_init(&ks, s);
		while (ts_kids_next(&ks, &c))
			if (ts_is(c, "export_clause") || ts_is(c, "namespace_export"))
				clause = c;
		ts_kids_end(&ks);
		if (ts_node_is_null(clause)) {
			if (!ts_node_is_null(source) && (m = ts_string_value(g->arena, src, source))) {
				star = m;	/* export * from "m" */
				nstar++;
			}
			continue;
		}
		if (!ts_is(clause, "export_clause"))
			continue;
		ts_kids_init(&ks, clause);
		while (!found && !own && ts_kids_next(&ks, &spec)) {
			TSNode sname = ts_field(spec, "name"), alias = ts_field(spec, "alias");
			const struct lint_import *imp;

			if (!ts_is(spec, "export_specifier") || has_type_keyword(spec) ||
			    !ts_text_eq(src, ts_node_is_null(alias) ? sname : alias, name))
				continue;
			if (!ts_node_is_null(source)) {
				m = ts_string_value(g->arena, src, source);
				if (!m) {
					own = true;	/* unreadable: stop here */
					break;
				}
				*module = m;
				*imported = ts_text(g->arena, src, sname);
				found = true;
			} else if ((imp = lint_import_of(g, src->buf + ts_node_start_byte(sname),
							 ts_node_end_byte(sname) -
								 ts_node_start_byte(sname))) &&
				   !imp->type_only) {
				*module = imp->module;
				*imported = imp->imported;
				found = true;
			} else {
				own = true;	/* `const a = ...; export { a };` */
			}
		}
		ts_kids_end(&ks);
	}
	ts_kids_end(&k);
	if (found || own)
		return found;
	if (nstar == 1) {
		*module = star;
		*imported = name;
		return true;
	}
	return false;
}

/*
 * Follows a name that f imports from a file of the app through that file's re-exports; when
 * the chain ends in a package, *module and *imported become that package's. A chain that ends
 * in a file of the app leaves them as f wrote them (the module stays relative to f).
 */
static void follow_reexport(struct lint_file *f, const char **module, const char **imported)
{
	const char *m = *module, *name = *imported;
	struct lint_file *cur = f, *g;
	int depth;

	if (!strcmp(name, "*") || !strcmp(name, "default"))
		return;
	for (depth = 0; depth < REEXPORT_DEPTH && lint_react_local_module(m); depth++) {
		g = lint_react_import_file(cur, m);
		if (!g || g == cur || !reexport_step(g, name, &m, &name))
			return;
		cur = g;
	}
	if (!lint_react_local_module(m)) {
		*module = m;
		*imported = name;
	}
}

bool lint_react_reexport_step(struct lint_file *g, const char *name, const char **module,
			      const char **imported)
{
	return reexport_step(g, name, module, imported);
}

struct lint_file *lint_react_defining_file(struct lint_file *f, const char *module,
					  const char *name, bool parse, const char **defname)
{
	struct lint_file *cur = f, *g = NULL;
	const char *m = module;
	int depth;

	*defname = name;
	for (depth = 0; depth <= REEXPORT_DEPTH && lint_react_local_module(m); depth++) {
		const char *m2 = m, *n2 = *defname;

		g = lint_react_import_file(cur, m);
		if (!g || g == cur)
			return g == cur ? NULL : g;
		if (parse && !g->parsed)
			lint_file_parse(g);
		/* a directive makes what the file exports client code or server actions */
		if ((g->parsed && (g->use_client || g->use_server)) ||
		    !strcmp(*defname, "*") || !strcmp(*defname, "default") ||
		    !reexport_step(g, *defname, &m2, &n2) || !lint_react_local_module(m2))
			return g;
		cur = g;
		m = m2;
		*defname = n2;
	}
	return g;
}

bool lint_react_import_origin(struct lint_file *f, const struct lint_import *imp,
			      const char **module, const char **imported)
{
	if (imp->type_only || !strcmp(imp->imported, "*"))
		return false;
	*module = imp->module;
	*imported = imp->imported;
	follow_reexport(f, module, imported);
	return true;
}

bool lint_react_resolve(struct lint_file *f, TSNode n, const char **module, const char **imported)
{
	const struct lint_import *imp;
	uint32_t b, e;

	n = ts_unwrap(n);
	if (ts_is(n, "member_expression")) {
		TSNode obj = ts_unwrap(ts_field(n, "object")), prop = ts_field(n, "property");

		if (!ts_is(obj, "identifier") || !ts_is(prop, "property_identifier"))
			return false;
		b = ts_node_start_byte(obj);
		e = ts_node_end_byte(obj);
		imp = lint_import_of(f, f->src.buf + b, e - b);
		/* `import * as AuthKit` and CommonJS-style `import React from "react"` */
		if (!imp || imp->type_only ||
		    (strcmp(imp->imported, "*") && strcmp(imp->imported, "default")))
			return false;
		*module = imp->module;
		*imported = ts_text(f->arena, &f->src, prop);
		if (!strcmp(imp->imported, "*"))
			follow_reexport(f, module, imported);
		return true;
	}
	if (!ts_is(n, "identifier"))
		return false;
	b = ts_node_start_byte(n);
	e = ts_node_end_byte(n);
	imp = lint_import_of(f, f->src.buf + b, e - b);
	if (!imp || imp->type_only)
		return false;
	*module = imp->module;
	*imported = imp->imported;
	follow_reexport(f, module, imported);
	return true;
}

static bool in_modules(const char *module, const char *const *modules)
{
	if (!module)
		return false;
	for (; *modules; modules++)
		if (!strcmp(module, *modules))
			return true;
	return false;
}

bool lint_react_call_is(const struct lint_react_call *c, const char *const *modules, const char *name)
{
	return c->module && !strcmp(c->name, name) && in_modules(c->module, modules);
}

bool lint_react_elem_is(const struct lint_react_elem *e, const char *const *modules, const char *name)
{
	return e->module && e->imported && !strcmp(e->imported, name) && in_modules(e->module, modules);
}

int lint_react_comp_find(const struct lint_react *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->ncomps; i++)
		if (!strcmp(r->comps[i].name, name))
			return (int)i;
	return -1;
}

int lint_react_call_at(const struct lint_react_comp *c, TSNode n)
{
	uint32_t at = ts_node_start_byte(n);
	size_t lo = 0, hi = c->ncalls;

	/* calls are recorded in pre-order, so their start bytes never decrease */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ts_node_start_byte(c->calls[mid].node) < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < c->ncalls && ts_node_start_byte(c->calls[lo].node) == at; lo++)
		if (ts_node_eq(c->calls[lo].node, n))
			return (int)lo;
	return -1;
}

/* --- paths and gates --- */

static bool contains(TSNode outer, uint32_t b, uint32_t e)
{
	uint32_t ob = ts_node_start_byte(outer), oe = ts_node_end_byte(outer);

	/* a zero-width node (MISSING) contains nothing but an equal zero-width target */
	return ob <= b && e <= oe && (oe > ob || b == e);
}

/* Index of the top-level statement that holds byte offset at (binary search). */
static uint32_t stmt_of(const struct lint_react_comp *c, uint32_t at)
{
	size_t lo = 0, hi = c->nstmts;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ts_node_end_byte(c->stmts[mid]) <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < c->nstmts && ts_node_start_byte(c->stmts[lo]) <= at)
		return (uint32_t)lo;
	return UINT32_MAX;
}

size_t lint_react_path(const struct lint_react *r, TSNode root, TSNode target, TSNode *path,
		       size_t max)
{
	uint32_t b = ts_node_start_byte(target), e = ts_node_end_byte(target);
	TSTreeCursor cur;
	size_t n = 0;

	if (ts_node_is_null(root) || ts_node_is_null(target) || !contains(root, b, e))
		return 0;
	/*
	 * A cursor descent that seeks by byte: ts_node_parent() rescans from the root, and a
	 * sibling-by-sibling scan is quadratic over many children; the seek skips the hidden
	 * subtrees that hold long repetitions.
	 */
	cur = ts_tree_cursor_new(root);
	for (;;) {
		TSNode node = ts_tree_cursor_current_node(&cur);

		if (n == max || !spend(r, 1)) {
			n = 0;
			break;
		}
		path[n++] = node;
		if (ts_node_eq(node, target))
			break;
		if (ts_tree_cursor_goto_first_child_for_byte(&cur, b) < 0) {
			n = 0;
			break;
		}
		/* the first child ending after b; step over a zero-width one */
		while (!contains(ts_tree_cursor_current_node(&cur), b, e))
			if (ts_node_start_byte(ts_tree_cursor_current_node(&cur)) > b || !spend(r, 1) ||
			    !ts_tree_cursor_goto_next_sibling(&cur)) {
				n = 0;
				goto out;
			}
	}
out:
	ts_tree_cursor_delete(&cur);
	return n;
}

size_t lint_react_comp_path(const struct lint_react *r, const struct lint_react_comp *c,
			    TSNode target, TSNode *path, size_t max)
{
	uint32_t b = ts_node_start_byte(target), e = ts_node_end_byte(target), i;
	size_t n;

	/* the body can hold thousands of statements: find the one by binary search */
	if (max > 2 && c->nstmts && !ts_node_eq(target, c->body) && contains(c->body, b, e)) {
		i = stmt_of(c, b);
		if (i != UINT32_MAX && contains(c->stmts[i], b, e)) {
			n = lint_react_path(r, c->stmts[i], target, path + 2, max - 2);
			if (!n)
				return 0;
			path[0] = c->fn;
			path[1] = c->body;
			return n + 2;
		}
	}
	return lint_react_path(r, c->fn, target, path, max);
}

/* A statement that always leaves the function: return/throw, or a block holding one. */
static bool exits(TSNode s)
{
	struct ts_kids k;
	TSNode c;
	bool ret = false;

	if (ts_is(s, "return_statement") || ts_is(s, "throw_statement"))
		return true;
	if (!ts_is(s, "statement_block"))
		return false;
	ts_kids_init(&k, s);
	while (!ret && ts_kids_next(&k, &c))
		ret = ts_is(c, "return_statement") || ts_is(c, "throw_statement");
	ts_kids_end(&k);
	return ret;
}

/* Early exits among block's statements before child. *known turns false when out of budget. */
static bool early_exits(const struct lint_react *r, TSNode block, TSNode child,
			lint_react_gate_fn fn, void *ud, bool *known)
{
	struct ts_kids k;
	TSNode s;
	bool go = true;

	ts_kids_init(&k, block);
	while (go && ts_kids_next(&k, &s)) {
		if (ts_node_eq(s, child))
			break;
		if (!spend(r, 1)) {
			*known = false;
			go = false;
		} else if (ts_is(s, "if_statement") && exits(ts_field(s, "consequence"))) {
			go = fn(ts_unwrap(ts_field(s, "condition")), s, GATE_EARLY_EXIT, ud);
		}
	}
	ts_kids_end(&k);
	return go;
}

static bool gates_on_path(const struct lint_react *r, const struct lint_react_comp *c,
			  const TSNode *path, size_t n, lint_react_gate_fn fn, void *ud)
{
	bool known = true, go = true;
	size_t i;

	for (i = n - 1; go && i > 0; i--) {
		TSNode child = path[i], parent = path[i - 1];
		const char *t = ts_node_type(parent);

		if (!strcmp(t, "if_statement")) {
			TSNode cond = ts_unwrap(ts_field(parent, "condition"));

			if (ts_node_eq(child, ts_field(parent, "consequence")))
				go = fn(cond, parent, GATE_IF, ud);
			else if (ts_is(child, "else_clause"))
				go = fn(cond, parent, GATE_ELSE, ud);
		} else if (!strcmp(t, "ternary_expression")) {
			if (!ts_node_eq(child, ts_field(parent, "condition")))
				go = fn(ts_unwrap(ts_field(parent, "condition")), parent, GATE_TERNARY, ud);
		} else if (!strcmp(t, "binary_expression")) {
			TSNode op = ts_field(parent, "operator");

			if (ts_node_eq(child, ts_field(parent, "right"))) {
				if (!strcmp(ts_node_type(op), "&&"))
					go = fn(ts_unwrap(ts_field(parent, "left")), parent, GATE_AND, ud);
				else if (!strcmp(ts_node_type(op), "||"))
					go = fn(ts_unwrap(ts_field(parent, "left")), parent, GATE_OR, ud);
			}
		} else if (c && ts_node_eq(parent, c->body)) {
			/* the component's own early returns are indexed once */
			uint32_t at = stmt_of(c, ts_node_start_byte(child));
			size_t j;

			for (j = 0; go && j < c->nexits && c->exits[j] < at; j++) {
				TSNode s = c->stmts[c->exits[j]];

				go = fn(ts_unwrap(ts_field(s, "condition")), s, GATE_EARLY_EXIT, ud);
			}
		} else if (!strcmp(t, "statement_block")) {
			go = early_exits(r, parent, child, fn, ud, &known);
		}
	}
	return known;
}

bool lint_react_gates(const struct lint_react *r, TSNode root, TSNode node, lint_react_gate_fn fn,
		      void *ud)
{
	TSNode path[PATH_MAX_DEPTH];
	size_t n = lint_react_path(r, root, node, path, PATH_MAX_DEPTH);

	return n && gates_on_path(r, NULL, path, n, fn, ud);
}

bool lint_react_comp_gates(const struct lint_react *r, const struct lint_react_comp *c, TSNode node,
			   lint_react_gate_fn fn, void *ud)
{
	TSNode path[PATH_MAX_DEPTH];
	size_t n = lint_react_comp_path(r, c, node, path, PATH_MAX_DEPTH);

	return n && gates_on_path(r, c, path, n, fn, ud);
}

/* --- scopes --- */

struct name_find {
	const struct lint_react *r;
	const char *name;
	size_t len;
	bool found, broke;	/* broke: out of budget */
};

/* Binding identifiers in a parameter list or pattern (default values count too: erring
 * towards "shadowed" only makes a rule quieter). */
static bool find_binding(TSNode n, void *ud)
{
	struct name_find *nf = ud;
	const char *s;
	size_t len;

	if (nf->found || nf->broke)
		return false;
	if (!spend(nf->r, 1)) {
		nf->broke = true;
		return false;
	}
	if (ts_is(n, "type_annotation") || is_fn(n))
		return false;
	if (ts_is(n, "identifier") || ts_is(n, "shorthand_property_identifier_pattern")) {
		s = src_of(nf->r, n, &len);
		if (len == nf->len && !memcmp(s, nf->name, len))
			nf->found = true;
		return false;
	}
	return true;
}

static bool binds(struct name_find *nf, TSNode pattern_or_params)
{
	if (ts_node_is_null(pattern_or_params))
		return false;
	ts_walk(pattern_or_params, find_binding, nf);
	return nf->found;
}

/* Does a declaration statement (let/const/var) declare the name? */
static bool declares(struct name_find *nf, TSNode stmt)
{
	struct ts_kids k;
	TSNode d;

	if (!ts_is(stmt, "lexical_declaration") && !ts_is(stmt, "variable_declaration"))
		return false;
	ts_kids_init(&k, stmt);
	while (!nf->found && !nf->broke && ts_kids_next(&k, &d))
		if (ts_is(d, "variable_declarator"))
			binds(nf, ts_field(d, "name"));
	ts_kids_end(&k);
	return nf->found;
}

/* Is the name rebound anywhere on the path strictly between the body and the reference?
 * nf->broke tells "out of budget". */
static bool shadowed(struct name_find *nf, const TSNode *path, size_t n, TSNode body)
{
	size_t i;

	for (i = 1; i + 1 < n && !nf->found && !nf->broke; i++) {
		TSNode p = path[i];

		if (ts_node_eq(p, body))
			continue;
		if (is_fn(p)) {
			binds(nf, ts_field(p, "parameters"));
			binds(nf, ts_field(p, "parameter"));
			if (ts_is(p, "function_declaration"))
				binds(nf, ts_field(p, "name"));
		} else if (ts_is(p, "statement_block")) {
			struct ts_kids k;
			TSNode s;

			ts_kids_init(&k, p);
			while (!nf->found && !nf->broke && ts_kids_next(&k, &s))
				if (spend(nf->r, 1))
					declares(nf, s);
				else
					nf->broke = true;
			ts_kids_end(&k);
		} else if (ts_is(p, "catch_clause")) {
			binds(nf, ts_field(p, "parameter"));
		} else if (ts_is(p, "for_statement")) {
			declares(nf, ts_field(p, "initializer"));
		} else if (ts_is(p, "for_in_statement")) {
			binds(nf, ts_field(p, "left"));
		}
	}
	return nf->found;
}

/* The local ident reads; *unknown when the question could not be answered. */
static const struct lint_react_var *lookup(const struct lint_react *r, const struct lint_react_comp *c,
					   TSNode ident, bool *unknown)
{
	const struct lint_react_var *v = NULL;
	TSNode path[PATH_MAX_DEPTH];
	struct name_find nf;
	uint32_t at = ts_node_start_byte(ident);
	size_t len, i, n;
	const char *s = src_of(r, ident, &len);

	for (i = 0; i < c->nvars; i++) {
		const struct lint_react_var *cand = &c->vars[i];

		if (strlen(cand->name) == len && !memcmp(cand->name, s, len) &&
		    ts_node_start_byte(cand->id) < at)
			v = cand;
	}
	if (!v)
		return NULL;
	n = lint_react_comp_path(r, c, ident, path, PATH_MAX_DEPTH);
	if (!n) {
		*unknown = true;
		return NULL;
	}
	nf.r = r;
	nf.name = s;
	nf.len = len;
	nf.found = nf.broke = false;
	shadowed(&nf, path, n, c->body);
	if (nf.broke)
		*unknown = true;
	return nf.found || nf.broke ? NULL : v;
}

const struct lint_react_var *lint_react_var_at(const struct lint_react *r,
					       const struct lint_react_comp *c, TSNode ident)
{
	bool unknown = false;

	return lookup(r, c, ident, &unknown);
}

/* --- sources an expression reads --- */

struct srcwalk {
	const struct lint_react *r;
	const struct lint_react_comp *c;
	TSNode root;
	lint_react_src_fn fn;
	void *ud;
	bool stop;
	bool incomplete;
	TSNode chain_base;		/* the base object of the member chain last seen */
	uint32_t chain_end;		/* and where that chain ends */
};

static void walk_srcs(struct srcwalk *w, TSNode root);

static bool emit(struct srcwalk *w, const struct lint_react_src *s, TSNode ref)
{
	if (!w->stop && !w->fn(s, ref, w->ud))
		w->stop = true;
	return !w->stop;
}

static bool is_use_memo(const struct lint_react_call *k)
{
	static const char *const react[] = { "react", NULL };

	return lint_react_call_is(k, react, "useMemo");
}

/* The property name of a member expression as an arena string, or NULL. */
static const char *prop_name(const struct lint_react *r, TSNode member)
{
	TSNode p = ts_field(member, "property");

	if (!ts_is(p, "property_identifier"))
		return NULL;
	return ts_text(r->file->arena, &r->file->src, p);
}

static void emit_var(struct srcwalk *w, TSNode ident, TSNode ref, const char *prop)
{
	bool unknown = false;
	const struct lint_react_var *v = lookup(w->r, w->c, ident, &unknown);
	size_t i;

	if (unknown)
		w->incomplete = true;
	for (i = 0; v && i < v->nsrcs; i++) {
		struct lint_react_src s = v->srcs[i];

		if (!s.prop)
			s.prop = prop;
		if (!emit(w, &s, ref))
			break;
	}
}

static bool srcs_visit(TSNode n, void *ud)
{
	struct srcwalk *w = ud;
	const char *t;

	if (w->stop || w->incomplete)
		return false;
	if (!spend(w->r, 1)) {
		w->incomplete = true;
		return false;
	}
	t = ts_node_type(n);
	if (!ts_node_eq(n, w->root) && is_fn(n))
		return false;
	if (!strcmp(t, "type_annotation") || !strcmp(t, "type_arguments") ||
	    !strcmp(t, "jsx_closing_element"))
		return false;
	if (!strcmp(t, "call_expression")) {
		int k = lint_react_call_at(w->c, n);

		if (k < 0)
			return true;
		if (is_use_memo(&w->c->calls[k])) {
			/* the memoised value is what its callback reads */
			TSNode cb = ts_unwrap(ts_node_named_child(ts_field(n, "arguments"), 0));

			if (ts_is(cb, "arrow_function") || ts_is(cb, "function_expression"))
				walk_srcs(w, ts_field(cb, "body"));
		} else {
			struct lint_react_src s = { (uint32_t)k, NULL };

			emit(w, &s, n);
		}
		return false;
	}
	if (!strcmp(t, "member_expression")) {
		TSNode base = n, first = n;
		int links = 0;

		/* a link of the chain last looked at: its base is known to be unresolved */
		if (!ts_node_is_null(w->chain_base) && !ts_node_eq(n, w->chain_base) &&
		    contains(n, ts_node_start_byte(w->chain_base), ts_node_end_byte(w->chain_base)) &&
		    ts_node_end_byte(n) <= w->chain_end)
			return true;
		while (ts_is(base, "member_expression") && links++ < CHAIN_MAX) {
			first = base;
			base = ts_unwrap(ts_field(base, "object"));
		}
		w->chain_base = base;
		w->chain_end = ts_node_end_byte(n);
		if (ts_is(base, "identifier")) {
			const char *p = prop_name(w->r, first);

			/* `auth.user` names a property of a whole result; `user.id` stays `user` */
			emit_var(w, base, first, p);
			return false;
		}
		if (ts_is(base, "call_expression")) {
			int k = lint_react_call_at(w->c, base);

			if (k >= 0 && !is_use_memo(&w->c->calls[k])) {
				struct lint_react_src s = { (uint32_t)k, prop_name(w->r, first) };

				emit(w, &s, first);
				return false;
			}
		}
		return true;
	}
	if (!strcmp(t, "identifier") || !strcmp(t, "shorthand_property_identifier")) {
		emit_var(w, n, n, NULL);
		return false;
	}
	return true;
}

static void walk_srcs(struct srcwalk *w, TSNode root)
{
	TSNode saved = w->root;

	if (ts_node_is_null(root))
		return;
	w->root = root;
	ts_walk(root, srcs_visit, w);
	w->root = saved;
}

bool lint_react_expr_srcs(const struct lint_react *r, const struct lint_react_comp *c,
			  TSNode expr, lint_react_src_fn fn, void *ud)
{
	struct srcwalk w;

	memset(&w, 0, sizeof(w));
	w.r = r;
	w.c = c;
	w.root = expr;
	w.fn = fn;
	w.ud = ud;
	walk_srcs(&w, expr);
	return !w.incomplete;
}

/* --- skip gates --- */

struct skipwalk {
	const struct lint_react *r;
	TSNode root;
	lint_react_gate_fn fn;
	void *ud;
	bool stop, broke;
};

static bool is_skip(const struct lint_react *r, TSNode n)
{
	n = ts_unwrap(n);
	return ts_is(n, "string") && (text_is(r, n, "\"skip\"") || text_is(r, n, "'skip'"));
}

static bool skip_visit(TSNode n, void *ud)
{
	struct skipwalk *w = ud;

	if (w->stop || w->broke)
		return false;
	if (!spend(w->r, 1)) {
		w->broke = true;
		return false;
	}
	if (!ts_node_eq(n, w->root) && is_fn(n))
		return false;
	if (ts_is(n, "ternary_expression") &&
	    (is_skip(w->r, ts_field(n, "consequence")) || is_skip(w->r, ts_field(n, "alternative"))) &&
	    !w->fn(ts_unwrap(ts_field(n, "condition")), n, GATE_SKIP, w->ud))
		w->stop = true;
	return !w->stop;
}

bool lint_react_skip_gates(const struct lint_react *r, const struct lint_react_comp *c,
			   const struct lint_react_call *call, lint_react_gate_fn fn, void *ud)
{
	TSNode args = ts_field(call->node, "arguments"), a;
	struct skipwalk w = { r, args, fn, ud, false, false };
	struct ts_kids k;

	if (ts_node_is_null(args))
		return true;
	ts_kids_init(&k, args);
	while (!w.stop && !w.broke && ts_kids_next(&k, &a)) {
		a = ts_unwrap(a);
		if (ts_is(a, "identifier")) {
			bool unknown = false;
			const struct lint_react_var *v = lookup(r, c, a, &unknown);

			if (unknown)
				w.broke = true;
			if (!v || ts_node_is_null(v->value))
				continue;
			a = v->value;
		}
		w.root = a;
		ts_walk(a, skip_visit, &w);
	}
	ts_kids_end(&k);
	return !w.broke;
}

/* --- building --- */

struct offsets {
	uint32_t *at;
	size_t n;
	bool all;		/* too many words to list: every subtree may hold one */
};

/* Whether some offset lies in [start, end). */
static bool offsets_within(const struct offsets *o, uint32_t start, uint32_t end)
{
	size_t lo = 0, hi = o->n;

	if (o->all)
		return true;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (o->at[mid] < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < o->n && o->at[lo] < end;
}

/*
 * Every offset where one of the n words starts in src, ascending. A word that is "use"
 * counts only where a hook name can start: "use" then an uppercase letter, a digit or the
 * end of the identifier ("user" is no hook); "<" only where a JSX tag can start.
 */
static void find_offsets(struct arena *a, const struct lint_source *src, const char *const *words,
			 const size_t *lens, size_t n, struct offsets *o)
{
	size_t alloc = 0, k;

	memset(o, 0, sizeof(*o));
	for (k = 0; k < n; k++) {
		const char *p = src->buf, *end = src->buf + src->len;
		bool hook = lens[k] == 3 && !memcmp(words[k], "use", 3);
		bool tag = lens[k] == 1 && words[k][0] == '<';

		while ((p = memmem(p, (size_t)(end - p), words[k], lens[k]))) {
			const char *after = p + lens[k];

			/* a tag: "<" then a name or ">" (a fragment); "a < b" opens none */
			if (tag ? after < end && ((ident_byte((unsigned char)*after) && !(*after >= '0' && *after <= '9')) ||
						  *after == '>') :
			    (!hook || after == end || (*after >= 'A' && *after <= 'Z') ||
			     (*after >= '0' && *after <= '9') || !ident_byte((unsigned char)*after))) {
				GROW(a, o->at, o->n, alloc);
				o->at[o->n++] = (uint32_t)(p - src->buf);
			}
			p++;
		}
	}
	if (n > 1)
		qsort(o->at, o->n, sizeof(*o->at), u32_cmp);
}


struct builder {
	struct lint_react *r;
	struct arena *a;
	size_t alloc_comps;
	/*
	 * Where the file's bytes can start what the walks below look for: every '<' (a JSX
	 * element starts with one) and every hook name (a "use" or the local name of an import
	 * that brings in a hook under another name). A subtree with none holds no element or no
	 * hook call, and the walks do not enter it. Ascending offsets.
	 */
	struct offsets lt, hooks;
};

/* The '<' and hook-name offsets of the file (struct builder). */
static void find_markers(struct builder *b)
{
	struct lint_file *f = b->r->file;
	const char *words[64];
	size_t lens[64], n = 0, i;

	words[0] = "<";
	lens[0] = 1;
	find_offsets(b->a, &f->src, words, lens, 1, &b->lt);
	words[n] = "use";
	lens[n++] = 3;
	for (i = 0; i < f->nimports; i++) {
		const struct lint_import *imp = &f->imports[i];
		const char *module, *imported;

		if (!*imp->local || hook_name(imp->local, strlen(imp->local)) ||
		    !lint_react_import_origin(f, imp, &module, &imported) ||
		    !hook_name(imported, strlen(imported)))
			continue;
		if (n == ARRAY_SIZE(words)) {
			memset(&b->hooks, 0, sizeof(b->hooks));
			b->hooks.all = true;
			return;
		}
		words[n] = imp->local;
		lens[n++] = strlen(imp->local);
	}
	find_offsets(b->a, &f->src, words, lens, n, &b->hooks);
}

static void add_comp(struct builder *b, const char *name, TSNode fn, TSNode decl)
{
	struct lint_react_comp *c;
	enum lint_react_kind kind;

	if (hook_name(name, strlen(name)))
		kind = REACT_HOOK;
	else if ((name[0] >= 'A' && name[0] <= 'Z') || !strcmp(name, "default"))
		kind = REACT_COMPONENT;
	else
		return;		/* a plain helper function */
	GROW(b->a, b->r->comps, b->r->ncomps, b->alloc_comps);
	c = &b->r->comps[b->r->ncomps++];
	memset(c, 0, sizeof(*c));
	c->name = name;
	c->kind = kind;
	c->fn = fn;
	c->decl = decl;
	c->body = ts_field(fn, "body");
}

/* memo(), forwardRef(), React.memo(), React.forwardRef(): from "react", or React's UMD global. */
static bool is_wrapper(struct builder *b, TSNode call)
{
	struct lint_file *f = b->r->file;
	TSNode callee = ts_unwrap(ts_field(call, "function"));
	const char *module, *imported;

	if (lint_react_resolve(f, callee, &module, &imported))
		return !strcmp(module, "react") &&
		       (!strcmp(imported, "memo") || !strcmp(imported, "forwardRef"));
	return text_is(b->r, callee, "memo") || text_is(b->r, callee, "forwardRef") ||
	       text_is(b->r, callee, "React.memo") || text_is(b->r, callee, "React.forwardRef");
}

static void add_value(struct builder *b, const char *name, TSNode v, TSNode decl)
{
	int i;

	for (i = 0; i < WRAP_MAX; i++) {
		v = ts_unwrap(v);
		if (ts_is(v, "arrow_function") || ts_is(v, "function_expression")) {
			add_comp(b, name, v, decl);
			return;
		}
		if (!ts_is(v, "call_expression") || !is_wrapper(b, v))
			return;
		v = ts_node_named_child(ts_field(v, "arguments"), 0);
	}
}

static void add_decl(struct builder *b, TSNode d, TSNode stmt)
{
	const struct lint_source *src = &b->r->file->src;
	struct ts_kids k;
	TSNode dec;

	if (ts_is(d, "function_declaration")) {
		TSNode name = ts_field(d, "name");

		if (!ts_node_is_null(name))
			add_comp(b, ts_text(b->a, src, name), d, stmt);
		return;
	}
	if (!ts_is(d, "lexical_declaration") && !ts_is(d, "variable_declaration"))
		return;
	ts_kids_init(&k, d);
	while (ts_kids_next(&k, &dec)) {
		TSNode name = ts_field(dec, "name");

		if (ts_is(dec, "variable_declarator") && ts_is(name, "identifier"))
			add_value(b, ts_text(b->a, src, name), ts_field(dec, "value"), stmt);
	}
	ts_kids_end(&k);
}

static void find_comps(struct builder *b)
{
	struct ts_kids k;
	TSNode s;

	ts_kids_init(&k, ts_tree_root_node(b->r->file->tree));
	while (ts_kids_next(&k, &s)) {
		if (ts_is(s, "export_statement")) {
			TSNode d = ts_field(s, "declaration"), v = ts_field(s, "value");

			if (!ts_node_is_null(d))
				add_decl(b, d, s);
			else if (!ts_node_is_null(v))
				add_value(b, "default", v, s);
		} else {
			add_decl(b, s, s);
		}
	}
	ts_kids_end(&k);
}

static void find_stmts(struct builder *b, struct lint_react_comp *c)
{
	uint32_t n;
	struct ts_kids k;
	TSNode s;

	if (!ts_is(c->body, "statement_block"))
		return;
	n = ts_node_named_child_count(c->body);
	c->stmts = ARENA_ARRAY(b->a, TSNode, n ? n : 1);
	ts_kids_init(&k, c->body);
	while (c->nstmts < n && ts_kids_next(&k, &s)) {
		if (ts_is(s, "comment"))
			continue;
		if (ts_is(s, "if_statement") && exits(ts_field(s, "consequence"))) {
			if (!c->exits)
				c->exits = ARENA_ARRAY(b->a, uint32_t, n);
			c->exits[c->nexits++] = (uint32_t)c->nstmts;
		}
		c->stmts[c->nstmts++] = s;
	}
	ts_kids_end(&k);
}

struct callwalk {
	struct builder *b;
	struct lint_react_comp *c;
	TSNode root;
	size_t alloc;
};

static bool call_visit(TSNode n, void *ud)
{
	struct callwalk *w = ud;
	struct lint_file *f = w->b->r->file;
	struct lint_react_call *k;
	TSNode callee, last;
	const char *module = NULL, *imported = NULL, *s;
	size_t len;
	bool resolved;

	if (!offsets_within(&w->b->hooks, ts_node_start_byte(n), ts_node_end_byte(n)))
		return false;	/* no hook name in it: no hook call either */
	if (!ts_node_eq(n, w->root) && is_fn(n))
		return false;	/* hooks in callbacks are not the component's hooks */
	if (!ts_is(n, "call_expression"))
		return true;
	callee = ts_unwrap(ts_field(n, "function"));
	if (ts_is(callee, "identifier"))
		last = callee;
	else if (ts_is(callee, "member_expression"))
		last = ts_field(callee, "property");
	else
		return true;
	resolved = lint_react_resolve(f, callee, &module, &imported);
	s = src_of(w->b->r, last, &len);
	/* an alias that hides the hook name (`useAuth as workosAuth`) still is the hook */
	if (!hook_name(s, len) && !(resolved && hook_name(imported, strlen(imported))))
		return true;
	GROW(w->b->a, w->c->calls, w->c->ncalls, w->alloc);
	k = &w->c->calls[w->c->ncalls++];
	k->node = n;
	k->callee = ts_text(w->b->a, &f->src, callee);
	k->module = resolved ? module : NULL;
	k->name = resolved ? imported : arena_strndup(w->b->a, s, len);
	k->stmt = stmt_of(w->c, ts_node_start_byte(n));
	k->local_hook = -1;
	return true;
}

static void find_calls(struct builder *b, struct lint_react_comp *c)
{
	struct callwalk w = { b, c, c->body, 0 };
	size_t i;

	ts_walk(c->body, call_visit, &w);
	for (i = 0; i < c->ncalls; i++) {
		struct lint_react_call *k = &c->calls[i];
		int h;

		if (k->module || !ts_is(ts_unwrap(ts_field(k->node, "function")), "identifier"))
			continue;
		h = lint_react_comp_find(b->r, k->name);
		if (h >= 0 && b->r->comps[h].kind == REACT_HOOK)
			k->local_hook = h;
	}
}

/* Collects the sources a value reads into a growable, de-duplicated list. */
struct srclist {
	struct arena *a;
	struct lint_react_src *v;
	size_t n, alloc;
};

static bool collect_src(const struct lint_react_src *s, TSNode ref, void *ud)
{
	struct srclist *l = ud;
	size_t i;

	(void)ref;
	for (i = 0; i < l->n; i++)
		if (l->v[i].call == s->call &&
		    (l->v[i].prop == s->prop ||
		     (l->v[i].prop && s->prop && !strcmp(l->v[i].prop, s->prop))))
			return true;
	GROW(l->a, l->v, l->n, l->alloc);
	l->v[l->n++] = *s;
	return true;
}

struct varbuild {
	struct builder *b;
	struct lint_react_comp *c;
	size_t alloc;
	uint32_t stmt;
};

static void add_var(struct varbuild *vb, TSNode id, TSNode value, bool derived,
		    const struct lint_react_src *srcs, size_t nsrcs)
{
	struct lint_react_var *v;

	if (!nsrcs || (!ts_is(id, "identifier") && !ts_is(id, "shorthand_property_identifier_pattern")))
		return;
	GROW(vb->b->a, vb->c->vars, vb->c->nvars, vb->alloc);
	v = &vb->c->vars[vb->c->nvars++];
	v->name = ts_text(vb->b->a, &vb->b->r->file->src, id);
	v->id = id;
	v->value = value;
	v->stmt = vb->stmt;
	v->derived = derived;
	v->srcs = srcs;
	v->nsrcs = nsrcs;
}

/* The sources a destructured property `key` of a value with sources srcs holds. */
static const struct lint_react_src *project(struct varbuild *vb, const struct lint_react_src *srcs,
					    size_t n, const char *key)
{
	struct lint_react_src *out = ARENA_ARRAY(vb->b->a, struct lint_react_src, n ? n : 1);
	size_t i;

	for (i = 0; i < n; i++) {
		out[i] = srcs[i];
		if (!out[i].prop)
			out[i].prop = key;
	}
	return out;
}

static void bind_pattern(struct varbuild *vb, TSNode pat, TSNode value, bool derived,
			 const struct lint_react_src *srcs, size_t n, int depth);

static void bind_object(struct varbuild *vb, TSNode pat, bool derived,
			const struct lint_react_src *srcs, size_t n, int depth)
{
	struct lint_file *f = vb->b->r->file;
	const TSNode none = { { 0 } };
	struct ts_kids kd;
	TSNode p;

	ts_kids_init(&kd, pat);
	while (ts_kids_next(&kd, &p)) {
		TSNode target = p, key = p;

		if (ts_is(p, "object_assignment_pattern")) {	/* { user = null } */
			target = ts_field(p, "left");
			key = target;
		} else if (ts_is(p, "pair_pattern")) {		/* { loading: isLoading } */
			key = ts_field(p, "key");
			target = ts_field(p, "value");
			if (ts_is(target, "assignment_pattern"))
				target = ts_field(target, "left");
		} else if (ts_is(p, "rest_pattern")) {		/* { ...rest }: the whole */
			bind_pattern(vb, ts_node_named_child(p, 0), none, derived, srcs, n, depth + 1);
			continue;
		} else if (!ts_is(p, "shorthand_property_identifier_pattern")) {
			continue;
		}
		if (!ts_is(key, "property_identifier") &&
		    !ts_is(key, "shorthand_property_identifier_pattern"))
			continue;	/* computed or string keys: unknown */
		bind_pattern(vb, target, none, derived,
			     project(vb, srcs, n, ts_text(vb->b->a, &f->src, key)), n, depth + 1);
	}
	ts_kids_end(&kd);
}

static void bind_pattern(struct varbuild *vb, TSNode pat, TSNode value, bool derived,
			 const struct lint_react_src *srcs, size_t n, int depth)
{
	const TSNode none = { { 0 } };

	if (depth > PATTERN_DEPTH || ts_node_is_null(pat))
		return;
	if (ts_is(pat, "identifier") || ts_is(pat, "shorthand_property_identifier_pattern")) {
		add_var(vb, pat, value, derived, srcs, n);
	} else if (ts_is(pat, "object_pattern")) {
		bind_object(vb, pat, derived, srcs, n, depth);
	} else if (ts_is(pat, "array_pattern")) {
		/* [a, b] = useState(...) etc.: each element holds the whole result */
		struct ts_kids k;
		TSNode e;

		ts_kids_init(&k, pat);
		while (ts_kids_next(&k, &e)) {
			if (ts_is(e, "assignment_pattern"))
				e = ts_field(e, "left");
			else if (ts_is(e, "rest_pattern"))
				e = ts_node_named_child(e, 0);
			bind_pattern(vb, e, none, derived, srcs, n, depth + 1);
		}
		ts_kids_end(&k);
	}
}

static void find_vars(struct builder *b, struct lint_react_comp *c)
{
	struct varbuild vb = { b, c, 0, 0 };
	size_t i;

	for (i = 0; i < c->nstmts && !b->r->partial; i++) {
		TSNode s = c->stmts[i], d;
		struct ts_kids k;

		if (!ts_is(s, "lexical_declaration") && !ts_is(s, "variable_declaration"))
			continue;
		vb.stmt = (uint32_t)i;
		ts_kids_init(&k, s);
		while (ts_kids_next(&k, &d)) {
			TSNode name = ts_field(d, "name"), value = ts_field(d, "value"), u;
			struct srclist l = { b->a, NULL, 0, 0 };
			bool derived;
			int call;

			if (!ts_is(d, "variable_declarator") || ts_node_is_null(value))
				continue;
			if (!lint_react_expr_srcs(b->r, c, value, collect_src, &l)) {
				/* a taint we could not follow could hide a Convex check: judge nothing */
				b->r->partial = true;
				break;
			}
			if (!l.n)
				continue;
			u = ts_unwrap(value);
			call = ts_is(u, "call_expression") ? lint_react_call_at(c, u) : -1;
			derived = !(ts_is(u, "identifier") || ts_is(u, "member_expression") ||
				    (call >= 0 && !is_use_memo(&c->calls[call])));
			bind_pattern(&vb, name, value, derived, l.v, l.n, 0);
		}
		ts_kids_end(&k);
	}
}

/* JSX elements, with their parents found by byte containment in one pre-order pass. */
struct open_elem {
	int idx;
	uint32_t end, open_end;
};

struct elemwalk {
	struct builder *b;
	struct lint_react_comp *c;
	size_t alloc;
	struct open_elem *stack;
	size_t depth, stack_alloc;
	bool skip_comps;	/* r->top: leave the components' functions out */
};

/* Is n the function of one of r's components? They are in source order: binary search. */
static bool is_comp_fn(const struct lint_react *r, TSNode n)
{
	uint32_t at = ts_node_start_byte(n);
	size_t lo = 0, hi = r->ncomps;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ts_node_start_byte(r->comps[mid].fn) < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->ncomps && ts_node_eq(r->comps[lo].fn, n);
}

static bool elem_visit(TSNode n, void *ud)
{
	struct elemwalk *w = ud;
	struct lint_file *f = w->b->r->file;
	struct lint_react_elem *e;
	uint32_t at = ts_node_start_byte(n);
	bool self = ts_is(n, "jsx_self_closing_element");
	TSNode open;

	if (!offsets_within(&w->b->lt, at, ts_node_end_byte(n)))
		return false;	/* no '<' in it: no element either */
	if (w->skip_comps && is_fn(n) && is_comp_fn(w->b->r, n))
		return false;
	if (!self && !ts_is(n, "jsx_element"))
		return true;
	while (w->depth && w->stack[w->depth - 1].end <= at)
		w->depth--;
	GROW(w->b->a, w->c->elems, w->c->nelems, w->alloc);
	e = &w->c->elems[w->c->nelems];
	memset(e, 0, sizeof(*e));
	e->node = n;
	open = self ? n : ts_field(n, "open_tag");
	e->name = ts_field(open, "name");
	e->tag = ts_node_is_null(e->name) ? "" : ts_text(w->b->a, &f->src, e->name);
	if (!ts_node_is_null(e->name))
		lint_react_resolve(f, e->name, &e->module, &e->imported);
	e->parent = w->depth ? w->stack[w->depth - 1].idx : -1;
	e->in_props = w->depth && at < w->stack[w->depth - 1].open_end;
	e->comp = -1;
	if (ts_is(e->name, "identifier") && !e->module) {
		int k = lint_react_comp_find(w->b->r, e->tag);

		if (k >= 0 && w->b->r->comps[k].kind == REACT_COMPONENT)
			e->comp = k;
	}
	LINT_GROW(w->stack, w->depth + 1, w->stack_alloc);
	w->stack[w->depth].idx = (int)w->c->nelems;
	w->stack[w->depth].end = ts_node_end_byte(n);
	w->stack[w->depth].open_end = ts_node_end_byte(open);
	w->depth++;
	w->c->nelems++;
	return true;
}

static void find_elems(struct builder *b, struct lint_react_comp *c)
{
	struct elemwalk w = { b, c, 0, NULL, 0, 0, false };

	ts_walk(c->fn, elem_visit, &w);
	free(w.stack);
}

/* r->top: the elements outside every component and hook. */
static void find_top(struct builder *b)
{
	struct lint_react_comp *c = ARENA_NEW(b->a, struct lint_react_comp);
	struct elemwalk w = { b, c, 0, NULL, 0, 0, true };
	TSNode root = ts_tree_root_node(b->r->file->tree);

	c->name = "<module>";
	c->kind = REACT_MODULE;
	c->fn = root;
	c->decl = root;
	ts_walk(root, elem_visit, &w);
	free(w.stack);
	b->r->top = c;
}

int lint_react_elem_within(const struct lint_react_comp *c, int elem, const char *const *modules,
			   const char *name)
{
	int cur = elem;

	while (cur >= 0 && (size_t)cur < c->nelems) {
		int p = c->elems[cur].parent;

		if (p < 0)
			return -1;
		if (!c->elems[cur].in_props && lint_react_elem_is(&c->elems[p], modules, name))
			return p;
		cur = p;
	}
	return -1;
}

struct lint_react *lint_react_get(struct lint_file *f)
{
	struct builder b;
	size_t i;

	if (f->react)
		return f->react;
	if (!tree_of(f) || !f->tree || !f->arena)
		return NULL;
	b.a = f->arena;
	b.r = ARENA_NEW(b.a, struct lint_react);
	b.r->file = f;
	b.r->fuel = ARENA_NEW(b.a, size_t);
	*b.r->fuel = FUEL_BASE + FUEL_PER_BYTE * f->src.len;
	b.alloc_comps = 0;
	find_markers(&b);
	find_comps(&b);
	/* every component is known before any call or element refers to one by name */
	for (i = 0; i < b.r->ncomps; i++) {
		struct lint_react_comp *c = &b.r->comps[i];

		find_stmts(&b, c);
		find_calls(&b, c);
		find_vars(&b, c);
		find_elems(&b, c);
	}
	find_top(&b);
	f->react = b.r;
	return b.r;
}

/* --- attributes --- */

enum lint_react_attr lint_react_attr(const struct lint_react *r, const struct lint_react_elem *e,
				     const char *name, TSNode *value)
{
	TSNode open = ts_is(e->node, "jsx_element") ? ts_field(e->node, "open_tag") : e->node;
	const TSNode none = { { 0 } };
	enum lint_react_attr ret = ATTR_ABSENT;
	struct ts_kids k;
	TSNode a;

	*value = none;
	ts_kids_init(&k, open);
	while (ts_kids_next(&k, &a)) {
		if (ts_is(a, "jsx_expression")) {	/* {...props} */
			if (ret == ATTR_SET || ret == ATTR_ABSENT)
				ret = ATTR_UNKNOWN;
			*value = none;
		} else if (ts_is(a, "jsx_attribute") && text_is(r, ts_node_named_child(a, 0), name)) {
			TSNode v = ts_node_named_child(a, 1);

			ret = ATTR_SET;
			*value = none;
			if (ts_is(v, "jsx_expression")) {
				TSNode x = ts_node_named_child(v, 0);

				if (!ts_node_is_null(x) && !ts_is(x, "comment"))
					*value = x;
			} else if (!ts_node_is_null(v)) {
				*value = v;
			}
		}
	}
	ts_kids_end(&k);
	return ret;
}

/* --- other files of the app --- */

/* Joins dir and a relative specifier, resolving "." and ".."; NULL when it leaves the root. */
/*
 * spec (path segments, "." and ".." among them) joined onto dir[0..dirlen) into out, which
 * holds dirlen + strlen(spec) + 2 bytes; NULL when ".." climbs above the root.
 */
static char *join_rel_into(char *out, const char *dir, size_t dirlen, const char *spec)
{
	size_t n = 0;
	const char *p = spec;

	if (dirlen) {
		memcpy(out, dir, dirlen);
		n = dirlen;
	}
	while (*p) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);

		if (len == 0 || (len == 1 && p[0] == '.')) {
			/* nothing */
		} else if (len == 2 && p[0] == '.' && p[1] == '.') {
			if (!n)
				return NULL;
			while (n && out[n - 1] != '/')
				n--;
			if (n)
				n--;	/* the slash */
		} else {
			if (n)
				out[n++] = '/';
			memcpy(out + n, p, len);
			n += len;
		}
		p += len;
		if (*p == '/')
			p++;
	}
	out[n] = '\0';
	return out;
}

/* The app's files sorted by relpath (app->file_index), for import lookups by bsearch. */
struct lint_file_index {
	struct lint_file **files;
	size_t n;
};

static int relpath_cmp(const void *a, const void *b)
{
	return strcmp((*(struct lint_file *const *)a)->relpath, (*(struct lint_file *const *)b)->relpath);
}

static const struct lint_file_index *file_index(struct lint_app *app, struct arena *a)
{
	struct lint_file_index *x = app->file_index;

	if (x)
		return x;
	/* not the asking file's arena: a leaf's goes away with its tree */
	if (app->arena)
		a = app->arena;
	x = ARENA_NEW(a, struct lint_file_index);
	x->n = app->nfiles;
	x->files = ARENA_ARRAY(a, struct lint_file *, x->n + 1);
	if (x->n)
		memcpy(x->files, app->files, x->n * sizeof(*x->files));
	qsort(x->files, x->n, sizeof(*x->files), relpath_cmp);
	app->file_index = x;
	return x;
}

static struct lint_file *lookup_path(const struct lint_file_index *x, const char *path)
{
	size_t lo = 0, hi = x->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(x->files[mid]->relpath, path);

		if (!c)
			return x->files[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* base with each extension bundlers try, in buf (strlen(base) + 16 bytes), looked up in x. */
static struct lint_file *find_in(const struct lint_file_index *x, const char *base, char *buf)
{
	static const char *const tails[] = {
		"", ".tsx", ".ts", ".jsx", ".js", ".mjs", ".cjs",
		"/index.tsx", "/index.ts", "/index.jsx", "/index.js",
	};
	size_t i, n = strlen(base);
	struct lint_file *hit;

	for (i = 0; i < ARRAY_SIZE(tails); i++) {
		memcpy(buf, base, n);
		strcpy(buf + n, tails[i]);
		if ((hit = lookup_path(x, buf)))
			return hit;
	}
	/* TypeScript's ESM style names the emitted file: "./x.js" is x.ts or x.tsx */
	if (n > 3 && !strcmp(base + n - 3, ".js")) {
		strcpy(buf + n - 3, ".ts");
		if ((hit = lookup_path(x, buf)))
			return hit;
		strcpy(buf + n - 3, ".tsx");
		return lookup_path(x, buf);
	}
	return NULL;
}

struct lint_file *lint_react_module_file(const struct lint_app *app, const char *relpath,
					 const char *module, char *scratch, size_t cap)
{
	const struct lint_file_index *x = app ? app->file_index : NULL;
	size_t dirlen, need;
	const char *slash;
	struct lint_file *hit;
	char *base, *buf;

	if (!x || !module)
		return NULL;
	slash = strrchr(relpath, '/');
	dirlen = module[0] == '.' ? (slash ? (size_t)(slash - relpath) : 0) : 3;
	/* the joined path, then room for it with an extension */
	need = 2 * (dirlen + strlen(module) + 2) + 16;
	if (need > cap)
		return NULL;
	if (module[0] == '.') {
		base = join_rel_into(scratch, relpath, dirlen, module);
		buf = scratch + dirlen + strlen(module) + 2;
		return base && *base ? find_in(x, base, buf) : NULL;
	}
	if ((module[0] != '@' && module[0] != '~') || module[1] != '/')
		return NULL;
	buf = scratch + dirlen + strlen(module) + 2;
	base = join_rel_into(scratch, "", 0, module + 2);
	if (!base || !*base)
		return NULL;
	hit = find_in(x, base, buf);
	if (!hit) {
		base = join_rel_into(scratch, "src", 3, module + 2);
		hit = base ? find_in(x, base, buf) : NULL;
	}
	return hit;
}

struct lint_file *lint_react_import_file(const struct lint_file *f, const char *module)
{
	size_t cap;

	if (!f->app || !module)
		return NULL;
	file_index(f->app, f->arena);
	cap = 2 * (strlen(f->relpath) + strlen(module) + 5) + 16;
	return lint_react_module_file(f->app, f->relpath, module, arena_alloc(f->arena, cap), cap);
}

void lint_react_index_files(struct lint_app *app, struct arena *a)
{
	file_index(app, a);
}

bool lint_react_export_default(TSNode decl)
{
	struct ts_kids k;
	TSNode c;

	if (!ts_is(decl, "export_statement"))
		return false;
	for (ts_kids_init_all(&k, decl); ts_kids_next(&k, &c);) {
		if (ts_is(c, "default")) {
			ts_kids_end(&k);
			return true;
		}
	}
	return false;
}

const struct lint_react_comp *lint_react_default_comp(const struct lint_react *r)
{
	const struct lint_source *src = &r->file->src;
	struct ts_kids k;
	TSNode s;
	size_t i;
	int found = -1;

	for (i = 0; i < r->ncomps; i++)
		if (lint_react_export_default(r->comps[i].decl))
			return &r->comps[i];
	ts_kids_init(&k, ts_tree_root_node(r->file->tree));
	while (found < 0 && ts_kids_next(&k, &s)) {
		TSNode v = ts_unwrap(ts_field(s, "value"));

		if (lint_react_export_default(s) && ts_is(v, "identifier")) {
			char *name = ts_text(r->file->arena, src, v);

			found = lint_react_comp_find(r, name);
		}
	}
	ts_kids_end(&k);
	return found >= 0 ? &r->comps[found] : NULL;
}

/* lint_react_imported_comp(), parsing the files on the way when parse is set. */
static const struct lint_react_comp *imported_comp(struct lint_file *f, TSNode n,
						   struct lint_react **rf, bool parse)
{
	const char *module, *imported;
	const struct lint_import *imp;
	struct lint_file *cur = f, *other;
	struct lint_react *r;
	uint32_t b, e;
	int depth, i;

	*rf = NULL;
	n = ts_unwrap(n);
	if (ts_is(n, "member_expression")) {
		TSNode obj = ts_unwrap(ts_field(n, "object"));

		if (!ts_is(obj, "identifier") || !ts_is(ts_field(n, "property"), "property_identifier"))
			return NULL;
		b = ts_node_start_byte(obj);
		e = ts_node_end_byte(obj);
		imp = lint_import_of(f, f->src.buf + b, e - b);
		if (!imp || imp->type_only || strcmp(imp->imported, "*"))
			return NULL;
		imported = ts_text(f->arena, &f->src, ts_field(n, "property"));
	} else if (ts_is(n, "identifier")) {
		b = ts_node_start_byte(n);
		e = ts_node_end_byte(n);
		imp = lint_import_of(f, f->src.buf + b, e - b);
		if (!imp || imp->type_only || !strcmp(imp->imported, "*"))
			return NULL;
		imported = imp->imported;
	} else {
		return NULL;
	}
	module = imp->module;
	/* the defining file, through re-exports of other files of the app */
	for (depth = 0; depth < REEXPORT_DEPTH && lint_react_local_module(module); depth++) {
		other = lint_react_import_file(cur, module);
		if (!other || other == cur)
			return NULL;
		/* the file the name comes from, parsed now if no rule's byte test selected it */
		if (parse && !other->parsed && !other->leaf)
			lint_file_parse(other);
		if (!(r = lint_react_get(other)) || r->partial)
			return NULL;
		if (!strcmp(imported, "default")) {
			*rf = r;
			return lint_react_default_comp(r);
		}
		if ((i = lint_react_comp_find(r, imported)) >= 0) {
			*rf = r;
			return &r->comps[i];
		}
		if (!reexport_step(other, imported, &module, &imported))
			return NULL;
		cur = other;
	}
	return NULL;
}

const struct lint_react_comp *lint_react_imported_comp(struct lint_file *f, TSNode n,
						       struct lint_react **rf)
{
	return imported_comp(f, n, rf, false);
}

const struct lint_react_comp *lint_react_imported_comp_parse(struct lint_file *f, TSNode n,
							     struct lint_react **rf)
{
	return imported_comp(f, n, rf, true);
}
