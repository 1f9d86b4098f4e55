/* providers.c - Convex auth providers and the hooks they are given (see providers.h). */
#include <string.h>

#include "providers.h"

const char *const pv_convex_react[] = { "convex/react", NULL };
const char *const pv_convex_workos[] = { "@convex-dev/workos", NULL };
const char *const pv_authkit_react[] = { "@workos-inc/authkit-react", NULL };
const char *const pv_authkit_next[] = {
	"@workos-inc/authkit-nextjs/components",
	"@workos-inc/authkit-nextjs",
	NULL,
};
const char *const pv_authkit[] = {
	"@workos-inc/authkit-react",
	"@workos-inc/authkit-nextjs/components",
	"@workos-inc/authkit-nextjs",
	NULL,
};

bool pv_comp_renders(const struct lint_react_comp *c, const char *const *modules, const char *name)
{
	size_t i;

	for (i = 0; c && i < c->nelems; i++)
		if (lint_react_elem_is(&c->elems[i], modules, name))
			return true;
	return false;
}

enum pv_provider pv_provider_of(struct lint_file *f, const struct lint_react_elem *e)
{
	const struct lint_react_comp *k = NULL;
	struct lint_react *rf = NULL;

	if (lint_react_elem_is(e, pv_convex_react, "ConvexProviderWithAuth"))
		return PV_WITH_AUTH;
	if (lint_react_elem_is(e, pv_convex_workos, "ConvexProviderWithAuthKit"))
		return PV_WITH_AUTHKIT;
	if (e->comp >= 0 && f->react)
		k = &f->react->comps[e->comp];
	else if (lint_react_local_module(e->module) && !ts_node_is_null(e->name))
		/* only a component of that name can be one: parse its file for no other */
		k = e->imported && !strcmp(e->imported, "ConvexProviderWithAuthKit")
			? lint_react_imported_comp_parse(f, e->name, &rf)
			: lint_react_imported_comp(f, e->name, &rf);
	if (k && !strcmp(k->name, "ConvexProviderWithAuthKit") &&
	    pv_comp_renders(k, pv_convex_react, "ConvexProviderWithAuth"))
		return PV_WITH_AUTHKIT_LOCAL;
	return PV_NONE;
}

/*
 * r->authkit for every component at once: the ones that call a WorkOS hook, then, from callee
 * to caller through the file's hook calls, every component that calls one of those. One
 * worklist pass over the call graph, so asking for each of many providers stays linear.
 */
static void find_authkit(struct lint_react *r)
{
	struct arena *a = r->file->arena;
	size_t n = r->ncomps, i, j, nedges = 0, nwl = 0;
	size_t *start = ARENA_ARRAY(a, size_t, n + 2), *pos = ARENA_ARRAY(a, size_t, n + 1);
	size_t *wl = ARENA_ARRAY(a, size_t, n + 1), *callers;
	bool *uses = ARENA_ARRAY(a, bool, n + 1);

	for (i = 0; i < n; i++) {
		const struct lint_react_comp *c = &r->comps[i];

		for (j = 0; j < c->ncalls; j++) {
			const struct lint_react_call *k = &c->calls[j];

			if (k->module && lint_react_call_is(k, pv_authkit, k->name) && !uses[i]) {
				uses[i] = true;
				wl[nwl++] = i;
			} else if (k->local_hook >= 0 && (size_t)k->local_hook != i) {
				start[k->local_hook + 1]++;
				nedges++;
			}
		}
	}
	/* the callers of hook h are callers[start[h] .. start[h + 1]) */
	for (i = 0; i < n; i++) {
		start[i + 1] += start[i];
		pos[i] = start[i];
	}
	callers = ARENA_ARRAY(a, size_t, nedges + 1);
	for (i = 0; i < n; i++)
		for (j = 0; j < r->comps[i].ncalls; j++) {
			int h = r->comps[i].calls[j].local_hook;

			if (h >= 0 && (size_t)h != i && !(r->comps[i].calls[j].module))
				callers[pos[h]++] = i;
		}
	while (nwl) {
		size_t h = wl[--nwl], e;

		for (e = start[h]; e < pos[h]; e++)
			if (!uses[callers[e]]) {
				uses[callers[e]] = true;
				wl[nwl++] = callers[e];
			}
	}
	r->authkit = uses;
}

bool pv_comp_uses_authkit(const struct lint_react *r, const struct lint_react_comp *c)
{
	size_t i;

	if (!c || c->kind == REACT_MODULE || c < r->comps || c >= r->comps + r->ncomps)
		return false;
	i = (size_t)(c - r->comps);
	if (!r->authkit)
		find_authkit((struct lint_react *)r);
	return r->authkit[i];
}

/* --- declarations --- */

static bool decl_in(const struct lint_source *src, TSNode s, const char *name, size_t len,
		    TSNode *value)
{
	struct ts_kids k;
	TSNode d;

	if (ts_is(s, "export_statement"))
		s = ts_field(s, "declaration");
	if (ts_is(s, "function_declaration")) {
		TSNode id = ts_field(s, "name");

		if (ts_node_end_byte(id) - ts_node_start_byte(id) == len &&
		    !memcmp(src->buf + ts_node_start_byte(id), name, len)) {
			*value = s;
			return true;
		}
		return false;
	}
	if (!ts_is(s, "lexical_declaration") && !ts_is(s, "variable_declaration"))
		return false;
	for (ts_kids_init(&k, s); ts_kids_next(&k, &d);) {
		TSNode id = ts_field(d, "name");

		if (!ts_is(d, "variable_declarator") || !ts_is(id, "identifier") ||
		    ts_node_end_byte(id) - ts_node_start_byte(id) != len ||
		    memcmp(src->buf + ts_node_start_byte(id), name, len))
			continue;
		*value = ts_field(d, "value");	/* null for `let x;`: declared, value unknown */
		ts_kids_end(&k);
		return true;
	}
	return false;
}

bool pv_find_decl(const struct lint_source *src, const TSNode *stmts, size_t n, TSNode root,
		  const char *name, size_t len, TSNode *value)
{
	TSTreeCursor cur;
	bool found = false, ok;
	size_t i;

	if (stmts) {
		for (i = 0; i < n; i++)
			if (decl_in(src, stmts[i], name, len, value))
				return true;
		return false;
	}
	if (ts_node_is_null(root))
		return false;
	cur = ts_tree_cursor_new(root);
	for (ok = ts_tree_cursor_goto_first_child(&cur); ok && !found;
	     ok = ts_tree_cursor_goto_next_sibling(&cur))
		found = decl_in(src, ts_tree_cursor_current_node(&cur), name, len, value);
	ts_tree_cursor_delete(&cur);
	return found;
}

/* --- what useAuth is given --- */

static bool is_fn_node(TSNode n)
{
	return ts_is(n, "arrow_function") || ts_is(n, "function_expression") ||
	       ts_is(n, "function_declaration") || ts_is(n, "method_definition");
}

struct authkit_walk {
	struct lint_file *f;
	const struct lint_react *r;
	TSNode root;
	bool found;
};

/* Calls to WorkOS hooks, or to hooks of the file that make them, in an inline hook's body. */
static bool authkit_visit(TSNode n, void *ud)
{
	struct authkit_walk *w = ud;
	const char *module, *imported;
	TSNode callee;

	if (w->found)
		return false;
	if (!ts_node_eq(n, w->root) && is_fn_node(n))
		return false;
	if (!ts_is(n, "call_expression"))
		return true;
	callee = ts_unwrap(ts_field(n, "function"));
	if (lint_react_resolve(w->f, callee, &module, &imported)) {
		const char *const *m;

		for (m = pv_authkit; *m; m++)
			if (!strcmp(module, *m))
				w->found = true;
	} else if (ts_is(callee, "identifier")) {
		char *name = ts_text(w->f->arena, &w->f->src, callee);
		int k = lint_react_comp_find(w->r, name);

		if (k >= 0 && w->r->comps[k].kind == REACT_HOOK)
			w->found = pv_comp_uses_authkit(w->r, &w->r->comps[k]);
	}
	return true;
}

static bool fn_uses_authkit(struct lint_file *f, const struct lint_react *r, TSNode fn)
{
	struct authkit_walk w = { f, r, fn, false };

	ts_walk(fn, authkit_visit, &w);
	return w.found;
}

struct param_find {
	const struct lint_source *src;
	const char *name;
	bool found;
};

static bool param_visit(TSNode n, void *ud)
{
	struct param_find *pf = ud;

	if (pf->found || ts_is(n, "type_annotation") || is_fn_node(n))
		return false;
	if ((ts_is(n, "identifier") || ts_is(n, "shorthand_property_identifier_pattern")) &&
	    ts_text_eq(pf->src, n, pf->name))
		pf->found = true;
	return !pf->found;
}

bool pv_binds_param(const struct lint_source *src, TSNode fn, const char *name)
{
	struct param_find pf = { src, name, false };
	TSNode p = ts_field(fn, "parameters");

	if (ts_node_is_null(p))
		p = ts_field(fn, "parameter");
	if (!ts_node_is_null(p))
		ts_walk(p, param_visit, &pf);
	return pf.found;
}

static bool is_fn_value(TSNode v)
{
	return ts_is(v, "arrow_function") || ts_is(v, "function_expression") ||
	       ts_is(v, "function_declaration");
}

enum pv_feed pv_feed_of(struct lint_file *f, const struct lint_react *r,
			const struct lint_react_comp *c, const struct lint_react_elem *e, TSNode *value,
			struct pv_hook *hook)
{
	const struct lint_react_comp *k;
	const char *module, *imported;
	struct lint_react *rf;
	TSNode v, decl;
	int i;

	memset(hook, 0, sizeof(*hook));
	if (lint_react_attr(r, e, "useAuth", value) != ATTR_SET || ts_node_is_null(*value))
		return FEED_UNKNOWN;
	v = ts_unwrap(*value);
	hook->file = f;
	hook->r = (struct lint_react *)r;
	hook->name = "";
	if (ts_is(v, "arrow_function") || ts_is(v, "function_expression")) {
		hook->fn = v;
		hook->inline_fn = true;
		hook->authkit = fn_uses_authkit(f, r, v);
		return FEED_HOOK;
	}
	if (!ts_is(v, "identifier") && !ts_is(v, "member_expression"))
		return FEED_UNKNOWN;
	if (c && c->kind != REACT_MODULE && ts_is(v, "identifier") &&
	    pv_binds_param(&f->src, c->fn, ts_text(f->arena, &f->src, v)))
		return FEED_UNKNOWN;	/* a prop: whatever the parent passes */
	if (lint_react_resolve(f, v, &module, &imported)) {
		if (!strcmp(imported, "useAuth") && !strcmp(module, pv_authkit_react[0]))
			return FEED_WORKOS_REACT;
		if (!strcmp(imported, "useAuth") &&
		    (!strcmp(module, pv_authkit_next[0]) || !strcmp(module, pv_authkit_next[1])))
			return FEED_WORKOS_NEXT;
		if (!lint_react_local_module(module))
			return FEED_OTHER;
		/* the hook's file, parsed if need be: what it calls decides the provider's fate */
		k = lint_react_imported_comp_parse(f, v, &rf);
		if (!k || k->kind != REACT_HOOK)
			return FEED_UNKNOWN;
		hook->file = rf->file;
		hook->r = rf;
		hook->comp = k;
		hook->fn = k->fn;
		hook->name = k->name;
		hook->authkit = pv_comp_uses_authkit(rf, k);
		return FEED_HOOK;
	}
	if (!ts_is(v, "identifier"))
		return FEED_UNKNOWN;
	hook->name = ts_text(f->arena, &f->src, v);
	/* declared inside the rendering component: a new function on every render */
	if (c && c->kind != REACT_MODULE &&
	    pv_find_decl(&f->src, c->stmts, c->nstmts, c->fn, hook->name, strlen(hook->name), &decl)) {
		if (!is_fn_value(ts_unwrap(decl)))
			return FEED_UNKNOWN;	/* a value computed in render: not followed */
		hook->fn = ts_unwrap(decl);
		hook->in_render = true;
		hook->owner = c;
		hook->authkit = fn_uses_authkit(f, r, hook->fn);
		return FEED_HOOK;
	}
	i = lint_react_comp_find(r, hook->name);
	if (i < 0 || r->comps[i].kind != REACT_HOOK)
		return FEED_UNKNOWN;
	hook->comp = &r->comps[i];
	hook->fn = hook->comp->fn;
	hook->authkit = pv_comp_uses_authkit(r, hook->comp);
	return FEED_HOOK;
}
