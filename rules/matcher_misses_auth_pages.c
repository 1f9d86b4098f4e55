/* matcher_misses_auth_pages.c - withAuth() runs on a path the AuthKit proxy's matcher skips. */
#include <string.h>

#include "routes.h"

/*
 * Only pages, layouts and route handlers that call withAuth matter (components do not), and
 * only where the matcher misses them: their bytes are kept, and check() parses one only
 * then. Most apps match every page, so their hundreds of route files are never parsed here.
 */
static const char *const mentions[] = { "withAuth", NULL };

#define TEMPLATE_MATCHER "'/((?!_next|[^?]*\\\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|" \
	"ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)'"

#define MAX_WORDS 32

/*
 * Whether the matcher's source text has a backslash JavaScript drops: in a string literal
 * "\." is just "." (only \n, \x, \u, quotes and the like are escapes), so a pattern
 * copied from a regex tester matches any character where a dot was meant.
 */
static bool lost_backslash(const struct lint_source *src, uint32_t start, uint32_t end)
{
	uint32_t i;

	/* String.raw`...` keeps its backslashes */
	if (end > start && end <= src->len && memmem(src->buf + start, end - start, "String.raw", 10))
		return false;
	for (i = start; i + 1 < end && i + 1 < src->len; i++) {
		if (src->buf[i] != '\\')
			continue;
		if (src->buf[i + 1] && strchr(".dDwWsS()[]{}?*+|^$-", src->buf[i + 1]))
			return true;
		i++;	/* an escape of its own ("\\", "\n"): skip the escaped byte */
	}
	return false;
}

/* Sample values for parameters: "1", "x" and the words of the matcher's sources. */
struct samples {
	const char *v[MAX_WORDS + 2];
	size_t n;
};

static void add_words(struct lint_ctx *ctx, struct samples *sm, const struct lint_value *src)
{
	const char *p;

	if (!src || src->kind != LV_STRING)
		return;
	for (p = src->str; *p && sm->n < ARRAY_SIZE(sm->v);) {
		size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
		size_t i;

		if (n >= 2) {
			for (i = 0; i < sm->n && (strlen(sm->v[i]) != n || strncmp(sm->v[i], p, n)); i++)
				;
			if (i == sm->n)
				sm->v[sm->n++] = arena_strndup(ctx->arena, p, n);
		}
		p += n ? n : 1;
	}
}

/*
 * A parameter can take values a matcher singles out ('/(de|en)/:path*' for a [locale]
 * folder), so the matcher's own words are tried besides "1" and "x".
 */
static void collect_samples(struct lint_ctx *ctx, const struct lint_value *m, struct samples *sm)
{
	size_t i;

	sm->v[0] = "1";
	sm->v[1] = "x";
	sm->n = 2;
	if (m->kind == LV_STRING)
		add_words(ctx, sm, m);
	for (i = 0; m->kind == LV_ARRAY && i < m->nitems; i++) {
		const struct lint_value *e = m->items[i];
		const struct lint_prop *src = lint_value_get(e, "source");

		add_words(ctx, sm, e->kind == LV_STRING ? e : src ? src->value : NULL);
	}
}

/* 1: the proxy runs on some path of the route, 0: on none, -1: cannot tell. */
static int covered(struct lint_ctx *ctx, const struct lint_next *nx, const struct lint_route *t,
		   const struct samples *sm)
{
	bool dynamic = false, unknown = false;
	size_t i;
	int r;

	for (i = 0; i < t->nsegs; i++)
		if (t->segs[i].kind != SEG_STATIC)
			dynamic = true;
	r = lint_proxy_runs_on(nx, nx->active, lint_route_sample(ctx->arena, t, NULL));
	if (r == 1)
		return 1;
	unknown = r < 0;
	for (i = 0; dynamic && i < sm->n; i++) {
		r = lint_proxy_runs_on(nx, nx->active, lint_route_sample(ctx->arena, t, sm->v[i]));
		if (r == 1)
			return 1;
		unknown |= r < 0;
	}
	return unknown ? -1 : 0;
}

/* A matcher source for the route: "/blog/:slug", or "/dashboard/:path*" for a layout. */
static const char *matcher_for(struct lint_ctx *ctx, const struct lint_route *r, bool subtree)
{
	struct strbuf sb = STRBUF_INIT;
	const char *ret;
	size_t i;

	for (i = 0; i < r->nsegs; i++) {
		const struct lint_route_seg *s = &r->segs[i];

		strbuf_addch(&sb, '/');
		if (s->kind == SEG_STATIC)
			strbuf_adds(&sb, s->name);
		else
			strbuf_addf(&sb, ":%s%s", s->name, s->kind == SEG_CATCHALL ? "+" :
					  s->kind == SEG_OPTIONAL ? "*" : "");
	}
	if (subtree)
		strbuf_adds(&sb, "/:path*");
	ret = arena_strdup(ctx->arena, sb.len ? strbuf_str(&sb) : "/");
	strbuf_release(&sb);
	return ret;
}

static bool under(const struct lint_route *layout, const struct lint_route *t)
{
	size_t n = strlen(layout->dir);

	return !n || (!strncmp(t->dir, layout->dir, n) && (t->dir[n] == '/' || !t->dir[n]));
}

/* Whether the routes that r's withAuth() would guard include one the proxy does not run on. */
static bool misses_some(struct lint_ctx *ctx, const struct lint_next *nx, const struct lint_route *r,
			const struct samples *sm)
{
	size_t j;

	for (j = 0; j < nx->nroutes; j++) {
		const struct lint_route *t = &nx->routes[j];

		if (t->intercepting)
			continue;
		if (r->kind == ROUTE_LAYOUT ? (t->kind != ROUTE_PAGE || !under(r, t)) : t != r)
			continue;
		if (covered(ctx, nx, t, sm) == 0)
			return true;
	}
	return false;
}

/* An unparsed route file whose code names withAuth. */
static bool may_call(const struct lint_route *r)
{
	const struct lint_file *f = r->file;

	return !f->parsed && lint_file_mentions(f, "withAuth");
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	struct lint_next *nx = lint_next_get(ctx);
	const struct lint_proxy *p = nx->active;
	const struct lint_route *first = NULL, *caller = NULL;
	const struct lint_prop *mp;
	bool *seen;
	size_t i, j, count = 0;
	struct lint_diag *d;
	const char *more;
	struct samples sm;

	(void)app;	/* lint_next_get() reads ctx->app */
	if (!p || (p->authkit != AKU_MIDDLEWARE && p->authkit != AKU_COMPOSABLE))
		return;
	mp = lint_proxy_matcher(p);
	if (!mp)
		return;	/* no matcher: it runs everywhere (or the config is unknown) */
	collect_samples(ctx, mp->value, &sm);
	seen = arena_alloc(ctx->arena, nx->nroutes ? nx->nroutes : 1);
	for (i = 0; i < nx->nroutes; i++) {
		struct lint_route *r = &nx->routes[i];

		if (r->intercepting || r->kind == ROUTE_PAGES)
			continue;
		if (may_call(r) && misses_some(ctx, nx, r, &sm))
			lint_route_load(r);
		if (!(r->calls & AK_BIT(AK_WITH_AUTH)))
			continue;
		for (j = 0; j < nx->nroutes; j++) {
			const struct lint_route *t = &nx->routes[j];

			if (seen[j] || t->intercepting)
				continue;
			if (r->kind == ROUTE_LAYOUT ? (t->kind != ROUTE_PAGE || !under(r, t)) : t != r)
				continue;
			if (covered(ctx, nx, t, &sm) != 0)
				continue;
			seen[j] = true;
			if (!count++) {
				first = t;
				caller = r;
			}
		}
	}
	if (!count)
		return;
	more = count == 1 ? "" : arena_printf(ctx->arena, " (%zu more such path%s not matched)",
					      count - 1, count == 2 ? " is" : "s are");
	if (caller == first)
		d = lint_report(ctx, &p->file->src, mp->value->start, mp->value->end,
				"config.matcher does not match %s, where %s calls withAuth()%s: it "
				"throws \"You are calling 'withAuth' on a route that isn't covered by the "
				"AuthKit middleware\"", first->url, caller->file->src.path, more);
	else
		d = lint_report(ctx, &p->file->src, mp->value->start, mp->value->end,
				"config.matcher does not match %s (%s), where the layout %s calls "
				"withAuth()%s: the page throws \"You are calling 'withAuth' on a route "
				"that isn't covered by the AuthKit middleware\"", first->url,
				first->file->src.path, caller->file->src.path, more);
	lint_help(d, "%sadd '%s' to the matcher, or match every page like the official template: %s",
		  lost_backslash(&p->file->src, mp->value->start, mp->value->end) ?
		  "JavaScript drops the backslash of an unknown escape in a string (\\. is read as "
		  "., any character): write \\\\. for a literal dot; or " : "",
		  matcher_for(ctx, caller->kind == ROUTE_LAYOUT && caller->nsegs ? caller : first,
			      caller->kind == ROUTE_LAYOUT && caller->nsegs),
		  TEMPLATE_MATCHER);
}

const struct lint_rule rule_matcher_misses_auth_pages = {
	.id = "matcher-misses-auth-pages",
	.severity = SEV_ERROR,
	.family = "next",
	.summary = "config.matcher skips a page, layout or route handler that calls withAuth",
	.description =
		"withAuth() reads the session the AuthKit proxy put in the request headers. On a path\n"
		"the proxy's config.matcher does not match, the proxy never runs and withAuth()\n"
		"throws \"You are calling 'withAuth' on a route that isn't covered by the AuthKit\n"
		"middleware\". A layout that calls withAuth() - the template's root layout does - needs\n"
		"every page below it matched; the root layout means every page of the app.\n"
		"The matcher is compiled as Next.js does (path-to-regexp v6 with Next's wrapping) and\n"
		"tried on each page's path (parameters filled with sample values). Silent when the\n"
		"matcher is not a literal, when next.config sets basePath, i18n or rewrites, and for\n"
		"withAuth calls outside route files (a component's pages are not known).",
	.example =
		"// wrong: app/layout.tsx calls withAuth(), proxy.ts has\n"
		"export const config = { matcher: ['/dashboard/:path*'] };\n"
		"// right\n"
		"export const config = { matcher: ['/((?!_next|[^?]*\\\\.(?:css|js|png|svg|ico)).*)'] };",
	.fix =
		"Add the paths to config.matcher, or use the official template's matcher, which runs\n"
		"the proxy on every page and API route and skips only Next.js internals and static\n"
		"files.",
	.sources =
		"authkit-nextjs src/session.ts getSessionFromHeader (the error), README \"Middleware\";\n"
		"issues workos/authkit-nextjs #229, #274, #299, #351; get-convex/templates\n"
		"template-nextjs-authkit app/layout.tsx and proxy.ts; Next.js docs, proxy matcher.",
	.applies = APPLIES_NEXT | APPLIES_WORKOS,
	.roles = ROLE_PROXY | ROLE_MIDDLEWARE,
	.mentions = mentions,
	.check_app = check,
};
