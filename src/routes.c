/*
 * routes.c - the Next.js route table of an app (see routes.h): URLs from the file system,
 * route handler exports, AuthKit calls, and Next's precedence when it picks a route.
 */
#include <stdlib.h>
#include <string.h>

#include "routes.h"
#include "pathre.h"
#include "react.h"
#include "semver.h"

#define AUTHKIT_NEXTJS "@workos-inc/authkit-nextjs"

/* --- folders and URLs --- */

/* A file Next treats as a route file: stem.{ts,tsx,js,jsx} with nothing else in the name. */
static bool route_ext(const char *ext)
{
	return !strcmp(ext, "ts") || !strcmp(ext, "tsx") || !strcmp(ext, "js") || !strcmp(ext, "jsx");
}

static const char *basename_of(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* "[[...slug]]", "[...slug]", "[id]" */
static bool bracket_seg(const char *s, size_t n, struct lint_route_seg *seg, struct arena *a)
{
	if (n >= 7 && !strncmp(s, "[[...", 5) && !strncmp(s + n - 2, "]]", 2)) {
		seg->kind = SEG_OPTIONAL;
		seg->name = arena_strndup(a, s + 5, n - 7);
		return true;
	}
	if (n >= 5 && !strncmp(s, "[...", 4) && s[n - 1] == ']') {
		seg->kind = SEG_CATCHALL;
		seg->name = arena_strndup(a, s + 4, n - 5);
		return true;
	}
	if (n >= 3 && s[0] == '[' && s[n - 1] == ']') {
		seg->kind = SEG_DYNAMIC;
		seg->name = arena_strndup(a, s + 1, n - 2);
		return true;
	}
	return false;
}

bool lint_route_parse(struct arena *a, const char *dir, bool pages, struct lint_route *out)
{
	struct lint_route_seg segs[128];
	struct strbuf url = STRBUF_INIT;
	size_t n = 0, i;
	const char *p = dir;

	out->intercepting = false;
	out->slot = false;
	while (*p) {
		const char *e = strchr(p, '/');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		struct lint_route_seg seg;

		if (len == 0)
			goto next;
		if (n == ARRAY_SIZE(segs)) {
			strbuf_release(&url);
			return false;
		}
		if (!pages && p[0] == '_') {
			/* a private folder opts out of routing */
			strbuf_release(&url);
			return false;
		}
		if (!pages && p[0] == '(') {
			/* (.)x, (..)x and (...)x intercept another URL; a (group) is left out of it */
			if (len >= 3 && p[1] == '.') {
				out->intercepting = true;
				goto next;
			}
			if (p[len - 1] == ')')
				goto next;
		}
		if (!pages && p[0] == '@') {
			out->slot = true;
			goto next;
		}
		if (pages && !e && len == 5 && !strncmp(p, "index", 5))
			goto next;
		if (!bracket_seg(p, len, &seg, a)) {
			seg.kind = SEG_STATIC;
			seg.name = arena_strndup(a, p, len);
		}
		segs[n++] = seg;
next:
		if (!e)
			break;
		p = e + 1;
	}
	out->segs = ARENA_ARRAY(a, struct lint_route_seg, n ? n : 1);
	memcpy(out->segs, segs, n * sizeof(*segs));
	out->nsegs = n;
	for (i = 0; i < n; i++) {
		strbuf_addch(&url, '/');
		switch (segs[i].kind) {
		case SEG_STATIC: strbuf_adds(&url, segs[i].name); break;
		case SEG_DYNAMIC: strbuf_addf(&url, "[%s]", segs[i].name); break;
		case SEG_CATCHALL: strbuf_addf(&url, "[...%s]", segs[i].name); break;
		case SEG_OPTIONAL: strbuf_addf(&url, "[[...%s]]", segs[i].name); break;
		}
	}
	out->url = arena_strdup(a, n ? strbuf_str(&url) : "/");
	strbuf_release(&url);
	return true;
}

/* Splits a concrete path into its non-empty segments (pointers into a copy). */
static size_t split_path(char *copy, const char **segs, size_t max)
{
	size_t n = 0;
	char *p = copy, *e;

	while (*p && n < max) {
		e = strchr(p, '/');
		if (e)
			*e = '\0';
		if (*p)
			segs[n++] = p;
		if (!e)
			break;
		p = e + 1;
	}
	return n;
}

static bool segs_match(const struct lint_route *r, const char *const *ps, size_t np)
{
	size_t i;

	for (i = 0; i < r->nsegs; i++) {
		const struct lint_route_seg *s = &r->segs[i];

		switch (s->kind) {
		case SEG_STATIC:
			if (i >= np || strcmp(ps[i], s->name))
				return false;
			break;
		case SEG_DYNAMIC:
			if (i >= np)
				return false;
			break;
		case SEG_CATCHALL:
			return i < np;
		case SEG_OPTIONAL:
			return true;
		}
	}
	return i == np;
}

bool lint_route_matches(const struct lint_route *r, const char *path)
{
	const char *ps[256];
	char *copy = xstrdup(path ? path : "");
	size_t np = split_path(copy, ps, ARRAY_SIZE(ps));
	bool ret = !r->intercepting && segs_match(r, ps, np);

	free(copy);
	return ret;
}

/* <0 when a is more specific than b (Next tries it first). */
static int specificity_cmp(const struct lint_route *a, const struct lint_route *b)
{
	size_t i;

	for (i = 0; i < a->nsegs && i < b->nsegs; i++)
		if (a->segs[i].kind != b->segs[i].kind)
			return (int)a->segs[i].kind - (int)b->segs[i].kind;
	return (int)a->nsegs - (int)b->nsegs;
}

const struct lint_route *lint_next_resolve(const struct lint_next *nx, const char *path)
{
	const struct lint_route *best = NULL;
	const char *ps[256];
	char *copy = xstrdup(path ? path : "");
	size_t np = split_path(copy, ps, ARRAY_SIZE(ps)), i;

	for (i = 0; i < nx->nroutes; i++) {
		const struct lint_route *r = &nx->routes[i];

		if (r->kind == ROUTE_LAYOUT || r->intercepting || r->slot)
			continue;
		if (!segs_match(r, ps, np))
			continue;
		if (!best || specificity_cmp(r, best) < 0)
			best = r;
	}
	free(copy);
	return best;
}

char *lint_route_sample(struct arena *a, const struct lint_route *r, const char *value)
{
	struct strbuf sb = STRBUF_INIT;
	char *ret;
	size_t i;

	for (i = 0; i < r->nsegs; i++) {
		const struct lint_route_seg *s = &r->segs[i];

		if (s->kind == SEG_OPTIONAL && !value)
			continue;
		strbuf_addch(&sb, '/');
		strbuf_adds(&sb, s->kind == SEG_STATIC ? s->name : value ? value : "1");
	}
	ret = arena_strdup(a, sb.len ? strbuf_str(&sb) : "/");
	strbuf_release(&sb);
	return ret;
}

const char *lint_next_display(struct lint_ctx *ctx, const char *rel)
{
	const char *root = ctx->app->root;

	if (!root || !*root || !strcmp(root, "."))
		return rel;
	return arena_printf(ctx->arena, "%s/%s", root, rel);
}

char *lint_url_path(struct arena *a, const char *url)
{
	const char *p, *end;

	if (!url)
		return NULL;
	if (starts_with(url, "http://"))
		p = url + 7;
	else if (starts_with(url, "https://"))
		p = url + 8;
	else
		return NULL;
	/* the host: up to the first '/', '?' or '#' outside an ${env:...} part */
	while (*p && *p != '/' && *p != '?' && *p != '#') {
		if (starts_with(p, "${env:")) {
			const char *close = strchr(p, '}');

			if (!close)
				return NULL;
			p = close + 1;
			continue;
		}
		p++;
	}
	if (p == url + 7 || p == url + 8)
		return NULL;
	if (*p != '/')
		return arena_strdup(a, "/");
	end = p + strcspn(p, "?#");
	if (memchr(p, '$', (size_t)(end - p)) && strstr(p, "${env:") && strstr(p, "${env:") < end)
		return NULL;	/* the path itself comes from the environment */
	return arena_strndup(a, p, (size_t)(end - p));
}

/* --- what a route file exports and calls --- */

struct call_scan {
	struct lint_file *f;
	struct lint_route *r;
};

static const struct {
	const char *module, *name;
	enum lint_ak_call call;
} known_calls[] = {
	{ AUTHKIT_NEXTJS, "withAuth", AK_WITH_AUTH },
	{ AUTHKIT_NEXTJS, "handleAuth", AK_HANDLE_AUTH },
	{ AUTHKIT_NEXTJS, "getSignInUrl", AK_SIGN_IN_URL },
	{ AUTHKIT_NEXTJS, "getSignUpUrl", AK_SIGN_UP_URL },
	{ AUTHKIT_NEXTJS, "signOut", AK_SIGN_OUT },
	{ "convex/react", "Unauthenticated", AK_UNAUTHENTICATED },
};

static void note_call(struct lint_route *r, TSNode callee, TSNode at, struct lint_file *f,
		      bool jsx)
{
	const char *module, *imported;
	size_t i;

	if (!lint_react_resolve(f, callee, &module, &imported))
		return;
	for (i = 0; i < ARRAY_SIZE(known_calls); i++) {
		enum lint_ak_call c = known_calls[i].call;

		if ((c == AK_UNAUTHENTICATED) != jsx || strcmp(module, known_calls[i].module) ||
		    strcmp(imported, known_calls[i].name))
			continue;
		if (!(r->calls & AK_BIT(c))) {
			r->calls |= AK_BIT(c);
			r->call_start[c] = ts_node_start_byte(at);
			r->call_end[c] = ts_node_end_byte(at);
		}
	}
}

static bool call_visit(TSNode n, void *ud)
{
	struct call_scan *s = ud;
	const char *t = ts_node_type(n);

	if (!strcmp(t, "call_expression"))
		note_call(s->r, ts_field(n, "function"), n, s->f, false);
	else if (!strcmp(t, "jsx_opening_element") || !strcmp(t, "jsx_self_closing_element"))
		note_call(s->r, ts_field(n, "name"), n, s->f, true);
	return true;
}

static unsigned method_bit(const struct lint_source *src, TSNode name)
{
	static const struct { const char *name; unsigned bit; } methods[] = {
		{ "GET", HTTP_GET }, { "HEAD", HTTP_HEAD }, { "POST", HTTP_POST },
		{ "PUT", HTTP_PUT }, { "PATCH", HTTP_PATCH }, { "DELETE", HTTP_DELETE },
		{ "OPTIONS", HTTP_OPTIONS },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(methods); i++)
		if (ts_text_eq(src, name, methods[i].name))
			return methods[i].bit;
	return 0;
}

static void add_method(struct lint_route *r, const struct lint_source *src, TSNode name)
{
	unsigned bit = method_bit(src, name);

	if (bit == HTTP_GET && !(r->methods & HTTP_GET)) {
		r->get_start = ts_node_start_byte(name);
		r->get_end = ts_node_end_byte(name);
	}
	r->methods |= bit;
}

static bool has_token(TSNode n, const char *type)
{
	struct ts_kids k;
	TSNode c;

	for (ts_kids_init_all(&k, n); ts_kids_next(&k, &c);) {
		if (!ts_node_is_named(c) && ts_is(c, type)) {
			ts_kids_end(&k);
			return true;
		}
	}
	return false;
}

/* export function GET, export const GET = ..., export { h as GET }, export { GET } from "x" */
static void read_exports(struct lint_file *f, struct lint_route *r)
{
	TSNode root = ts_tree_root_node(f->tree), st, c;
	struct ts_kids ks, k;

	r->exports_known = !f->syntax_error;
	for (ts_kids_init(&ks, root); ts_kids_next(&ks, &st);) {
		TSNode decl, clause = { 0 };

		if (!ts_is(st, "export_statement"))
			continue;
		decl = ts_field(st, "declaration");
		if (!ts_node_is_null(decl)) {
			if (has_token(st, "default"))
				continue;
			if (ts_is(decl, "function_declaration") ||
			    ts_is(decl, "generator_function_declaration")) {
				add_method(r, &f->src, ts_field(decl, "name"));
			} else if (ts_is(decl, "lexical_declaration") ||
				   ts_is(decl, "variable_declaration")) {
				for (ts_kids_init(&k, decl); ts_kids_next(&k, &c);)
					if (ts_is(c, "variable_declarator"))
						add_method(r, &f->src, ts_field(c, "name"));
			}
			continue;
		}
		for (ts_kids_init(&k, st); ts_kids_next(&k, &c);)
			if (ts_is(c, "export_clause"))
				clause = c;
		if (ts_node_is_null(clause)) {
			/* export * from "x": anything may come through */
			if (has_token(st, "*"))
				r->exports_known = false;
			continue;
		}
		for (ts_kids_init(&k, clause); ts_kids_next(&k, &c);) {
			TSNode alias;

			if (!ts_is(c, "export_specifier"))
				continue;
			alias = ts_field(c, "alias");
			add_method(r, &f->src, ts_node_is_null(alias) ? ts_field(c, "name") : alias);
		}
	}
}

/*
 * Whether an import of f can bring in one of known_calls[]: else no call in f resolves to
 * one, and its tree need not be walked (most pages import none).
 */
static bool imports_known(struct lint_file *f)
{
	size_t i, j;

	for (i = 0; i < f->nimports; i++) {
		const struct lint_import *imp = &f->imports[i];
		const char *module, *imported;

		if (imp->type_only)
			continue;
		if (!strcmp(imp->imported, "*") || !strcmp(imp->imported, "default")) {
			/* AuthKit.withAuth(): a local namespace is followed only at each use */
			if (lint_react_local_module(imp->module)) {
				if (!strcmp(imp->imported, "*"))
					return true;
				continue;
			}
			for (j = 0; j < ARRAY_SIZE(known_calls); j++)
				if (!strcmp(imp->module, known_calls[j].module))
					return true;
			continue;
		}
		if (!lint_react_import_origin(f, imp, &module, &imported))
			continue;
		for (j = 0; j < ARRAY_SIZE(known_calls); j++)
			if (!strcmp(module, known_calls[j].module) &&
			    !strcmp(imported, known_calls[j].name))
				return true;
	}
	return false;
}

/* What the parsed file of r calls and, for a route handler, exports. */
static void read_route_file(struct lint_route *r)
{
	struct call_scan s = { r->file, r };

	if (imports_known(r->file))
		ts_walk(ts_tree_root_node(r->file->tree), call_visit, &s);
	if (r->kind == ROUTE_HANDLER)
		read_exports(r->file, r);
}

bool lint_route_load(struct lint_route *r)
{
	if (r->file->parsed || !lint_file_parse(r->file))
		return false;
	read_route_file(r);
	return true;
}

/* --- building the table --- */

static bool dir_used(const struct lint_app *app, const char *prefix)
{
	size_t i, n = strlen(prefix);

	for (i = 0; i < app->nfiles; i++)
		if (!strncmp(app->files[i]->relpath, prefix, n) && app->files[i]->relpath[n] == '/')
			return true;
	return false;
}

static void add_route(struct arena *a, struct lint_next *nx, size_t *alloc,
		      const struct lint_route *r)
{
	if (nx->nroutes == *alloc) {
		size_t n = *alloc ? *alloc * 2 : 16;
		struct lint_route *arr = ARENA_ARRAY(a, struct lint_route, n);

		if (nx->nroutes)
			memcpy(arr, nx->routes, nx->nroutes * sizeof(*arr));
		nx->routes = arr;
		*alloc = n;
	}
	nx->routes[nx->nroutes++] = *r;
}

/* The route a file under the app dir defines, if it is a route, page or layout file. */
static bool app_route(struct arena *a, const char *rel, struct lint_route *r)
{
	const char *base = basename_of(rel), *dot = strchr(base, '.');
	char *dir;
	bool ok;

	if (!dot || !route_ext(dot + 1))
		return false;
	if ((size_t)(dot - base) == 5 && !strncmp(base, "route", 5))
		r->kind = ROUTE_HANDLER;
	else if ((size_t)(dot - base) == 4 && !strncmp(base, "page", 4))
		r->kind = ROUTE_PAGE;
	else if ((size_t)(dot - base) == 6 && !strncmp(base, "layout", 6))
		r->kind = ROUTE_LAYOUT;
	else
		return false;
	dir = arena_strndup(a, rel, base > rel ? (size_t)(base - rel - 1) : 0);
	ok = lint_route_parse(a, dir, false, r);
	r->dir = dir;
	return ok;
}

static bool pages_route(struct arena *a, const char *rel, struct lint_route *r)
{
	const char *base = basename_of(rel), *dot = strrchr(base, '.');
	char *noext;

	if (!dot || !route_ext(dot + 1) || strchr(base, '.') != dot)
		return false;
	/* _app, _document, _error and friends at the top are not pages */
	if (base == rel && base[0] == '_')
		return false;
	noext = arena_strndup(a, rel, (size_t)(dot - rel));
	r->kind = ROUTE_PAGES;
	r->dir = noext;
	return lint_route_parse(a, noext, true, r);
}

static void build_routes(struct arena *a, struct lint_app *app, struct lint_next *nx)
{
	size_t i, alloc = 0;
	size_t alen = nx->app_dir ? strlen(nx->app_dir) : 0;
	size_t plen = nx->pages_dir ? strlen(nx->pages_dir) : 0;

	for (i = 0; i < app->nfiles; i++) {
		struct lint_file *f = app->files[i];
		struct lint_route r;
		bool ok = false;

		memset(&r, 0, sizeof(r));
		if (nx->app_dir && !strncmp(f->relpath, nx->app_dir, alen) && f->relpath[alen] == '/')
			ok = app_route(a, f->relpath + alen + 1, &r);
		else if (nx->pages_dir && !strncmp(f->relpath, nx->pages_dir, plen) &&
			 f->relpath[plen] == '/')
			ok = pages_route(a, f->relpath + plen + 1, &r);
		if (!ok)
			continue;
		r.file = f;
		if (f->parsed)
			read_route_file(&r);
		add_route(a, nx, &alloc, &r);
	}
}

/* --- the app's Next.js facts --- */

/* Whether the app's next is 16 or later (proxy.* exists from 16.0.0, canaries included). */
static void next_version(struct lint_ctx *ctx, struct lint_next *nx)
{
	struct semver v16pre = { 16, 0, 0, "0" }, v16 = { 16, 0, 0, "" };
	struct semver_range r;

	nx->next16 = -1;
	if (!lint_dep_range(ctx, "next", &r, &nx->next_shown))
		return;
	/* 16.0.0 canaries already have proxy.*; "^15.3.0" ends below 16.0.0 */
	if (semver_range_all_at_least(&r, &v16pre))
		nx->next16 = 1;
	else if (semver_range_all_below(&r, &v16))
		nx->next16 = 0;
}

static void read_next_config(struct lint_app *app, struct lint_next *nx)
{
	static const char *const words[] = { "basePath", "i18n", "rewrites" };
	size_t i, k;

	for (i = 0; i < app->nfiles; i++) {
		const struct lint_file *f = app->files[i];

		if (!(f->roles & ROLE_NEXT_CONFIG) || !f->src.buf)
			continue;
		for (k = 0; k < ARRAY_SIZE(words); k++)
			if (memmem(f->src.buf, f->src.len, words[k], strlen(words[k])))
				nx->urls_rewritten = true;
		if (memmem(f->src.buf, f->src.len, "pageExtensions", 14))
			nx->custom_files = true;
	}
}

struct lint_next *lint_next_get(struct lint_ctx *ctx)
{
	static struct lint_next empty = { .src_root = -1, .next16 = -1 };
	struct lint_app *app = ctx->app;
	struct lint_next *nx;
	struct arena *a;
	const char *pages, *appd;

	if (app->next)
		return app->next;
	if (!app->nfiles)
		return &empty;
	a = app->files[0]->arena;
	nx = ARENA_NEW(a, struct lint_next);
	/* Next takes app/ and pages/ at the root first, then under src/ (findPagesDir) */
	pages = dir_used(app, "pages") ? "pages" : dir_used(app, "src/pages") ? "src/pages" : NULL;
	appd = dir_used(app, "app") ? "app" : dir_used(app, "src/app") ? "src/app" : NULL;
	nx->app_dir = appd;
	nx->pages_dir = pages;
	/* isSrcDir: the pages dir (else the app dir) lies in src/ */
	nx->src_root = (pages || appd) ? starts_with(pages ? pages : appd, "src/") : -1;
	next_version(ctx, nx);
	read_next_config(app, nx);
	if (!nx->custom_files) {
		build_routes(a, app, nx);
		lint_next_build_proxies(a, app, nx);
	}
	app->next = nx;
	return nx;
}

/* --- matchers --- */

const struct lint_prop *lint_proxy_matcher(const struct lint_proxy *p)
{
	if (!p->has_config || !p->config || p->config->kind != LV_OBJECT)
		return NULL;
	return lint_value_get(p->config, "matcher");
}

/* The compiled regexp of one matcher entry (a string, or an object's source), or NULL. */
static void *compile_entry(const struct lint_value *e)
{
	struct pathre_next_config cfg = { NULL, false, false, false };
	const struct lint_prop *src, *loc;
	struct arena a = ARENA_INIT;
	const char *re;
	void *code = NULL;

	if (e && e->kind == LV_OBJECT && !(e->flags & LV_PARTIAL)) {
		src = lint_value_get(e, "source");
		loc = lint_value_get(e, "locale");
		if (loc && loc->value->kind != LV_BOOL)
			return NULL;
		cfg.locale_false = loc && !loc->value->b;
		e = src ? src->value : NULL;
	}
	if (!e || e->kind != LV_STRING || (e->flags & LV_HAS_ENV))
		return NULL;
	re = pathre_next_matcher_regex(&a, e->str, &cfg, NULL, NULL);
	/* Next builds `new RegExp(matcher.regexp)`: no flags, so case-sensitive */
	if (re)
		code = pathre_regex_compile(re, false, NULL, 0);
	arena_release(&a);
	return code;
}

void lint_next_compile_matchers(struct arena *a, struct lint_proxy *p)
{
	const struct lint_prop *mp = lint_proxy_matcher(p);
	const struct lint_value *m = mp ? mp->value : NULL;
	size_t i;

	if (!m || (m->kind != LV_STRING && m->kind != LV_ARRAY))
		return;
	p->nmatchers = m->kind == LV_STRING ? 1 : m->nitems;
	p->matchers = ARENA_ARRAY(a, void *, p->nmatchers ? p->nmatchers : 1);
	for (i = 0; i < p->nmatchers; i++)
		p->matchers[i] = compile_entry(m->kind == LV_STRING ? m : m->items[i]);
}

void lint_next_release(struct lint_next *nx)
{
	size_t i, k;

	if (!nx)
		return;
	for (i = 0; i < nx->nproxies; i++) {
		struct lint_proxy *p = &nx->proxies[i];

		for (k = 0; k < p->nmatchers; k++)
			pcre2_code_free(p->matchers[k]);
		p->nmatchers = 0;
	}
}

int lint_proxy_runs_on(const struct lint_next *nx, const struct lint_proxy *p, const char *path)
{
	const struct lint_prop *mp;
	const struct lint_value *m;
	int ret = 0;
	size_t i;

	if (nx->urls_rewritten || !p->config_known)
		return -1;
	if (!p->has_config)
		return 1;
	if (!p->config || p->config->kind != LV_OBJECT)
		return -1;
	mp = lint_value_get(p->config, "matcher");
	if (!mp)
		return (p->config->flags & LV_PARTIAL) ? -1 : 1;
	m = mp->value;
	if ((m->kind != LV_STRING && m->kind != LV_ARRAY) || !p->nmatchers)
		return -1;
	for (i = 0; i < p->nmatchers; i++) {
		int r = p->matchers[i] ? pathre_regex_exec(p->matchers[i], path) : -1;

		if (r == 1)
			return 1;
		if (r < 0)
			ret = -1;
	}
	if (m->kind == LV_ARRAY && (m->flags & LV_PARTIAL))
		return -1;
	return ret;
}
