/*
 * nextproxy.c - the proxy/middleware files of a Next.js app (see routes.h): where each sits,
 * which one Next loads, how it uses AuthKit, its evaluated `config` and authkit options, and
 * every value the redirectUri option can take.
 */
#include <string.h>

#include "routes.h"
#include "react.h"

#define AUTHKIT_NEXTJS "@workos-inc/authkit-nextjs"
/* outcomes of a redirectUri expression followed before it counts as unknown */
#define MAX_OUTCOMES 32
#define MAX_DEPTH 24

static struct lint_regex handler_re = LINT_REGEX(
	"\\bexport\\s+(?:default\\b|(?:async\\s+)?function\\s*\\*?\\s*(?:middleware|proxy)\\b|"
	"(?:const|let|var)\\s+(?:middleware|proxy)\\b|\\{[^}]*\\b(?:middleware|proxy|default)\\b)");
static struct lint_regex config_re = LINT_REGEX(
	"\\bexport\\s+(?:(?:const|let|var)\\s+config\\b|\\{[^}]*\\bconfig\\b)");

/* Where a proxy/middleware file sits, or -1 when Next would not look there at all. */
int lint_next_proxy_place(const char *rel, bool *is_proxy)
{
	static const char *const route_dirs[] = { "app/", "pages/", "src/app/", "src/pages/" };
	const char *base = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel, *dot = strchr(base, '.');
	size_t stem, i;

	if (!dot || (strcmp(dot, ".ts") && strcmp(dot, ".tsx") && strcmp(dot, ".js") &&
		     strcmp(dot, ".jsx")))
		return -1;
	stem = (size_t)(dot - base);
	if (stem == 5 && !strncmp(base, "proxy", 5))
		*is_proxy = true;
	else if (stem == 10 && !strncmp(base, "middleware", 10))
		*is_proxy = false;
	else
		return -1;
	if (base == rel)
		return PLACE_ROOT;
	if ((size_t)(base - rel) == 4 && !strncmp(rel, "src/", 4))
		return PLACE_SRC;
	for (i = 0; i < ARRAY_SIZE(route_dirs); i++)
		if ((size_t)(base - rel) == strlen(route_dirs[i]) && starts_with(rel, route_dirs[i]))
			return PLACE_ROUTES;
	return -1;
}

/* --- syntax helpers --- */

static uint32_t nargs(TSNode call)
{
	TSNode args = ts_field(call, "arguments"), c;
	struct ts_kids k;
	uint32_t n = 0;

	for (ts_kids_init(&k, args); ts_kids_next(&k, &c);)
		if (!ts_is(c, "comment"))
			n++;
	return n;
}

static bool is_const_decl(TSNode decl)
{
	uint32_t i;

	if (!ts_is(decl, "lexical_declaration"))
		return false;
	for (i = 0; i < ts_node_child_count(decl); i++) {
		TSNode c = ts_node_child(decl, i);

		if (!ts_node_is_named(c))
			return ts_is(c, "const");
	}
	return false;
}

/*
 * The top-level definition of name: a const's initializer, or a function declaration.
 * Null when there is none (or it is a let/var, a parameter or an import).
 */
static TSNode top_def(const struct lint_file *f, TSNode ident)
{
	TSNode root = ts_tree_root_node(f->tree), none = { 0 }, st, d;
	struct ts_kids ks, kd;

	for (ts_kids_init(&ks, root); ts_kids_next(&ks, &st);) {
		if (ts_is(st, "export_statement") && !ts_node_is_null(ts_field(st, "declaration")))
			st = ts_field(st, "declaration");
		if (ts_is(st, "function_declaration") &&
		    ts_text_eq(&f->src, ts_field(st, "name"),
			       ts_text(f->arena, &f->src, ident))) {
			ts_kids_end(&ks);
			return st;
		}
		if (!is_const_decl(st))
			continue;
		for (ts_kids_init(&kd, st); ts_kids_next(&kd, &d);) {
			TSNode name = ts_field(d, "name");

			if (ts_is(d, "variable_declarator") && ts_is(name, "identifier") &&
			    ts_text_eq(&f->src, name, ts_text(f->arena, &f->src, ident))) {
				ts_kids_end(&kd);
				ts_kids_end(&ks);
				return ts_field(d, "value");
			}
		}
	}
	return none;
}

/* --- redirectUri outcomes --- */

struct outs {
	struct arena *a;
	struct lint_file *f;
	struct lint_module *m;
	struct lint_redirect_outcome *v;
	size_t n, alloc;
	bool unknown;
	int depth;
};

static void out_add(struct outs *o, const char *value, TSNode at)
{
	if (o->n == MAX_OUTCOMES) {
		o->unknown = true;
		return;
	}
	if (o->n == o->alloc) {
		size_t n = o->alloc ? o->alloc * 2 : 4;
		struct lint_redirect_outcome *arr = ARENA_ARRAY(o->a, struct lint_redirect_outcome, n);

		if (o->n)
			memcpy(arr, o->v, o->n * sizeof(*arr));
		o->v = arr;
		o->alloc = n;
	}
	o->v[o->n].value = value ? arena_strdup(o->a, value) : NULL;
	o->v[o->n].start = ts_node_start_byte(at);
	o->v[o->n].end = ts_node_end_byte(at);
	o->n++;
}

static void outcomes(struct outs *o, TSNode n);

static bool is_function_like(TSNode n)
{
	return ts_is(n, "arrow_function") || ts_is(n, "function_expression") ||
	       ts_is(n, "function_declaration") || ts_is(n, "function") ||
	       ts_is(n, "method_definition") || ts_is(n, "class_declaration") || ts_is(n, "class");
}

struct ret_scan {
	struct outs *o;
	TSNode fn;
};

static bool return_visit(TSNode n, void *ud)
{
	struct ret_scan *s = ud;
	TSNode arg = { 0 }, c;
	struct ts_kids k;

	if (s->o->unknown)
		return false;
	if (!ts_node_eq(n, s->fn) && is_function_like(n))
		return false;
	if (!ts_is(n, "return_statement"))
		return true;
	for (ts_kids_init(&k, n); ts_kids_next(&k, &c);) {
		if (!ts_is(c, "comment")) {
			arg = c;
			ts_kids_end(&k);
			break;
		}
	}
	if (ts_node_is_null(arg))
		out_add(s->o, NULL, n);
	else
		outcomes(s->o, arg);
	return false;
}

/* What calling a parameterless function can return. */
static void body_outcomes(struct outs *o, TSNode fn)
{
	TSNode body = ts_field(fn, "body"), last = { 0 }, c;
	struct ret_scan s = { o, fn };
	struct ts_kids k;

	if (!ts_is(body, "statement_block")) {
		outcomes(o, body);
		return;
	}
	ts_walk(body, return_visit, &s);
	/* the last statement; comments after it do not count */
	for (ts_kids_init(&k, body); ts_kids_next(&k, &c);)
		if (!ts_is(c, "comment"))
			last = c;
	/* falling off the end returns undefined */
	if (!ts_is(last, "return_statement") && !ts_is(last, "throw_statement"))
		out_add(o, NULL, body);
}

static void outcomes(struct outs *o, TSNode n)
{
	struct lint_value *v;
	const char *t;

	n = ts_unwrap(n);
	if (o->unknown)
		return;
	if (ts_node_is_null(n) || o->depth > MAX_DEPTH) {
		o->unknown = true;
		return;
	}
	o->depth++;
	t = ts_node_type(n);
	if (!strcmp(t, "ternary_expression")) {
		outcomes(o, ts_field(n, "consequence"));
		outcomes(o, ts_field(n, "alternative"));
	} else if (!strcmp(t, "binary_expression") &&
		   (ts_text_eq(&o->f->src, ts_field(n, "operator"), "??") ||
		    ts_text_eq(&o->f->src, ts_field(n, "operator"), "||"))) {
		outcomes(o, ts_field(n, "left"));
		outcomes(o, ts_field(n, "right"));
	} else if (!strcmp(t, "undefined") ||
		   (!strcmp(t, "identifier") && ts_text_eq(&o->f->src, n, "undefined")) ||
		   (!strcmp(t, "unary_expression") &&
		    ts_text_eq(&o->f->src, ts_field(n, "operator"), "void"))) {
		out_add(o, NULL, n);
	} else if ((!strcmp(t, "identifier") || !strcmp(t, "shorthand_property_identifier")) &&
		   !ts_node_is_null(top_def(o->f, n)) &&
		   !ts_is(top_def(o->f, n), "function_declaration")) {
		outcomes(o, top_def(o->f, n));
	} else if (!strcmp(t, "call_expression") && nargs(n) == 0) {
		TSNode fn = ts_unwrap(ts_field(n, "function"));

		if (ts_is(fn, "identifier"))
			fn = ts_unwrap(top_def(o->f, fn));
		if (ts_is(fn, "arrow_function") || ts_is(fn, "function_expression") ||
		    ts_is(fn, "function_declaration"))
			body_outcomes(o, fn);
		else
			o->unknown = true;
	} else {
		v = lint_module_eval(o->m, n);
		if (v->kind == LV_STRING)
			out_add(o, v->str, n);
		else if (v->kind == LV_UNDEFINED || v->kind == LV_NULL)
			out_add(o, NULL, n);
		else
			o->unknown = true;
	}
	o->depth--;
}

/* The value node of property key in an object literal (a shorthand gives the identifier). */
static TSNode prop_node(const struct lint_file *f, TSNode obj, const char *key, bool *spread)
{
	TSNode none = { 0 }, found = { 0 }, c;
	struct ts_kids ki;

	*spread = false;
	for (ts_kids_init(&ki, obj); ts_kids_next(&ki, &c);) {
		if (ts_is(c, "spread_element")) {
			*spread = true;
		} else if (ts_is(c, "shorthand_property_identifier")) {
			if (ts_text_eq(&f->src, c, key))
				found = c;
		} else if (ts_is(c, "pair")) {
			TSNode k = ts_field(c, "key");
			char *name = ts_is(k, "property_identifier") ? ts_text(f->arena, &f->src, k)
								     : ts_string_value(f->arena, &f->src, k);

			if (name && !strcmp(name, key))
				found = ts_field(c, "value");
			else if (ts_is(k, "computed_property_name"))
				*spread = true;
		}
	}
	return ts_node_is_null(found) ? none : found;
}

static void read_redirect(struct arena *a, struct lint_proxy *p, struct lint_module *m, TSNode opts)
{
	struct outs o = { a, p->file, m, NULL, 0, 0, false, 0 };
	TSNode obj = ts_unwrap(opts), val;
	bool spread;

	if (ts_node_is_null(opts)) {
		p->redirect = REDIRECT_ABSENT;
		return;
	}
	if (ts_is(obj, "identifier"))
		obj = ts_unwrap(top_def(p->file, obj));
	if (!ts_is(obj, "object")) {
		p->redirect = REDIRECT_UNKNOWN;
		return;
	}
	val = prop_node(p->file, obj, "redirectUri", &spread);
	if (ts_node_is_null(val)) {
		p->redirect = spread ? REDIRECT_UNKNOWN : REDIRECT_ABSENT;
		return;
	}
	outcomes(&o, val);
	if (o.unknown || !o.n) {
		p->redirect = REDIRECT_UNKNOWN;
		return;
	}
	p->redirect = REDIRECT_KNOWN;
	p->outcomes = o.v;
	p->noutcomes = o.n;
}

/* --- AuthKit calls and exports --- */

struct ak_scan {
	struct lint_file *f;
	TSNode mw, comp;		/* first authkitMiddleware/authkitProxy call, first authkit() */
	const char *mw_fn, *comp_fn;
	int nmw;
};

static bool ak_visit(TSNode n, void *ud)
{
	struct ak_scan *s = ud;
	const char *module, *imported;

	if (!ts_is(n, "call_expression") ||
	    !lint_react_resolve(s->f, ts_field(n, "function"), &module, &imported) ||
	    strcmp(module, AUTHKIT_NEXTJS))
		return true;
	if (!strcmp(imported, "authkitMiddleware") || !strcmp(imported, "authkitProxy")) {
		if (!s->nmw++) {
			s->mw = n;
			s->mw_fn = imported;
		}
	} else if ((!strcmp(imported, "authkit") || !strcmp(imported, "handleAuthkitProxy")) &&
		   ts_node_is_null(s->comp)) {
		s->comp = n;
		s->comp_fn = imported;
	}
	return true;
}

/* True when every import and re-export of f comes from next itself. */
static bool only_next_imports(const struct lint_file *f)
{
	TSNode root = ts_tree_root_node(f->tree), st;
	struct ts_kids ki;
	size_t k;

	for (k = 0; k < f->nimports; k++) {
		const char *m = f->imports[k].module;

		if (strcmp(m, "next") && !starts_with(m, "next/") && strcmp(m, "server-only"))
			return false;
	}
	for (ts_kids_init(&ki, root); ts_kids_next(&ki, &st);) {
		if (ts_is(st, "export_statement") && !ts_node_is_null(ts_field(st, "source"))) {
			ts_kids_end(&ki);
			return false;
		}
	}
	return true;
}

static void read_config(struct lint_proxy *p, struct lint_module *m)
{
	struct lint_file *f = p->file;
	TSNode root = ts_tree_root_node(f->tree), st, c;
	struct ts_kids ks, k;

	p->config_known = !f->syntax_error;
	for (ts_kids_init(&ks, root); ts_kids_next(&ks, &st);) {
		TSNode decl, clause = { 0 };

		if (!ts_is(st, "export_statement"))
			continue;
		decl = ts_field(st, "declaration");
		if (ts_is(decl, "lexical_declaration") || ts_is(decl, "variable_declaration")) {
			for (ts_kids_init(&k, decl); ts_kids_next(&k, &c);) {
				if (ts_is(c, "variable_declarator") &&
				    ts_text_eq(&f->src, ts_field(c, "name"), "config")) {
					p->has_config = true;
					p->config = lint_module_eval(m, ts_field(c, "value"));
				}
			}
			continue;
		}
		for (ts_kids_init(&k, st); ts_kids_next(&k, &c);)
			if (ts_is(c, "export_clause"))
				clause = c;
		if (ts_node_is_null(clause)) {
			if (!ts_node_is_null(ts_field(st, "source")))
				p->config_known = false;	/* export * from "x" */
			continue;
		}
		for (ts_kids_init(&k, clause); ts_kids_next(&k, &c);) {
			TSNode name = ts_field(c, "name"), alias = ts_field(c, "alias");

			if (!ts_text_eq(&f->src, ts_node_is_null(alias) ? name : alias, "config"))
				continue;
			p->has_config = true;
			if (!ts_node_is_null(ts_field(st, "source")))
				p->config_known = false;
			else
				p->config = lint_module_eval(m, name);
		}
	}
}

static void analyse(struct arena *a, struct lint_proxy *p)
{
	struct lint_file *f = p->file;
	struct ak_scan s = { .f = f };
	struct lint_module *m = lint_module_new(a, &f->src, f->tree);
	TSNode call, opts = { 0 };

	ts_walk(ts_tree_root_node(f->tree), ak_visit, &s);
	if (s.nmw) {
		p->authkit = AKU_MIDDLEWARE;
		call = s.mw;
		p->authkit_fn = s.mw_fn;
		opts = ts_call_arg(call, 0);
	} else if (!ts_node_is_null(s.comp)) {
		p->authkit = AKU_COMPOSABLE;
		call = s.comp;
		p->authkit_fn = s.comp_fn;
		if (!strcmp(s.comp_fn, "authkit"))
			opts = ts_call_arg(call, 1);
	} else {
		p->authkit = (!f->syntax_error && only_next_imports(f)) ? AKU_NONE : AKU_UNKNOWN;
		p->redirect = p->authkit == AKU_NONE ? REDIRECT_ABSENT : REDIRECT_UNKNOWN;
	}
	if (p->authkit >= AKU_MIDDLEWARE) {
		p->call_start = ts_node_start_byte(call);
		p->call_end = ts_node_end_byte(call);
		p->options = ts_node_is_null(opts) ? NULL : lint_module_eval(m, opts);
		if (s.nmw > 1) {
			/* two configurations in one file: which one runs is not ours to guess */
			p->options = ARENA_NEW(a, struct lint_value);	/* LV_UNKNOWN */
			p->redirect = REDIRECT_UNKNOWN;
		} else if (p->authkit == AKU_COMPOSABLE && strcmp(p->authkit_fn, "authkit")) {
			p->redirect = REDIRECT_UNKNOWN;
		} else {
			read_redirect(a, p, m, opts);
		}
	}
	read_config(p, m);
	lint_module_free(m);
	lint_next_compile_matchers(a, p);
}

/* --- the app's proxy files --- */

void lint_next_build_proxies(struct arena *a, struct lint_app *app, struct lint_next *nx)
{
	size_t i, n = 0;
	int want;
	bool below16 = nx->next16 == 0;

	for (i = 0; i < app->nfiles; i++) {
		bool is_proxy;

		if (lint_next_proxy_place(app->files[i]->relpath, &is_proxy) >= 0)
			n++;
	}
	nx->proxies = ARENA_ARRAY(a, struct lint_proxy, n ? n : 1);
	for (i = 0; i < app->nfiles; i++) {
		struct lint_file *f = app->files[i];
		struct lint_proxy *p;
		size_t ms, me;
		bool is_proxy = false;
		int place = lint_next_proxy_place(f->relpath, &is_proxy);

		if (place < 0)
			continue;
		p = &nx->proxies[nx->nproxies++];
		p->file = f;
		p->is_proxy = is_proxy;
		p->place = (enum lint_proxy_place)place;
		p->authkit = AKU_UNKNOWN;
		p->redirect = REDIRECT_UNKNOWN;
		if (f->src.buf) {
			p->rewrites = memmem(f->src.buf, f->src.len, "rewrite(", 8) != NULL;
			if (lint_regex_search(&handler_re, f->src.buf, f->src.len, 0, &ms, &me)) {
				p->handler_export = true;
				p->handler_start = (uint32_t)ms;
				p->handler_end = (uint32_t)me;
			}
			if (lint_regex_search(&config_re, f->src.buf, f->src.len, 0, &ms, &me))
				p->handler_export = true;
		}
		if (f->parsed)
			analyse(a, p);
	}
	/* Next looks in src/ when its pages (else app) folder is there, at the root otherwise */
	want = nx->src_root == 1 ? PLACE_SRC : PLACE_ROOT;
	if (nx->src_root < 0) {
		want = PLACE_SRC;
		for (i = 0; i < nx->nproxies; i++)
			if (nx->proxies[i].place == PLACE_ROOT)
				want = PLACE_ROOT;
	}
	nx->active_known = true;
	/* before Next 16 only middleware.* is loaded; from 16 proxy.* wins (both: the build fails) */
	for (i = 0; i < nx->nproxies; i++) {
		struct lint_proxy *p = &nx->proxies[i];

		if ((int)p->place != want || (below16 && p->is_proxy))
			continue;
		if (!nx->active || (p->is_proxy && !nx->active->is_proxy))
			nx->active = p;
	}
}
