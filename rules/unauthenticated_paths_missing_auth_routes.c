/*
 * unauthenticated_paths_missing_auth_routes.c - middlewareAuth is on but the sign-in/sign-up
 * routes or the signed-out home page are not in unauthenticatedPaths.
 */
#include <string.h>

#include "routes.h"
#include "pathre.h"

/* the route handlers that start sign-in, and a home page that renders <Unauthenticated> */
static const char *const route_words[] = {
	"getSignInUrl", "getSignUpUrl", "Unauthenticated", NULL,
};

static const struct lint_value *prop(const struct lint_value *obj, const char *key)
{
	const struct lint_prop *p = lint_value_get(obj, key);

	return p ? p->value : NULL;
}

/* True when an entry lets path through; *bad when an entry cannot be judged. */
static bool allowed(const struct lint_value *paths, const char *path)
{
	size_t i;

	for (i = 0; i < paths->nitems; i++)
		if (pathre_authkit_matches(paths->items[i]->str, path) == 1)
			return true;
	return false;
}

static void report(struct lint_ctx *ctx, const struct lint_proxy *p, const struct lint_value *paths,
		   const struct lint_route *r, const char *path)
{
	struct lint_diag *d;

	if (!r->nsegs && (r->calls & AK_BIT(AK_UNAUTHENTICATED)) && r->kind == ROUTE_PAGE)
		d = lint_report(ctx, &p->file->src, paths->start, paths->end,
				"unauthenticatedPaths leaves out '/', but %s renders <Unauthenticated>: "
				"with middlewareAuth enabled, signed-out visitors are redirected to AuthKit "
				"before the home page renders, so that content is never shown",
				r->file->src.path);
	else
		d = lint_report(ctx, &p->file->src, paths->start, paths->end,
				"unauthenticatedPaths leaves out '%s', the route handler that calls %s "
				"(%s): with middlewareAuth enabled, signed-out visitors are redirected to "
				"AuthKit's sign-in page before it runs%s", path,
				(r->calls & AK_BIT(AK_SIGN_UP_URL)) ? "getSignUpUrl" : "getSignInUrl",
				r->file->src.path,
				(r->calls & AK_BIT(AK_SIGN_UP_URL)) ? ", so 'Sign up' shows the sign-in "
				"screen" : "");
	lint_help(d, "add '%s' to middlewareAuth.unauthenticatedPaths (the official template lists "
		  "['/', '/sign-in', '/sign-up']); the callback path needs no entry, authkit adds it",
		  path);
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	struct lint_next *nx = lint_next_get(ctx);
	const struct lint_proxy *p = nx->active;
	const struct lint_value *ma, *en, *paths;
	size_t i;

	(void)app;	/* lint_next_get() reads ctx->app */
	if (!p || p->authkit != AKU_MIDDLEWARE || !p->options || p->options->kind != LV_OBJECT)
		return;
	ma = prop(p->options, "middlewareAuth");
	if (!ma || ma->kind != LV_OBJECT)
		return;
	en = prop(ma, "enabled");
	paths = prop(ma, "unauthenticatedPaths");
	if (!en || en->kind != LV_BOOL || !en->b || !paths || paths->kind != LV_ARRAY ||
	    (paths->flags & LV_PARTIAL))
		return;
	for (i = 0; i < paths->nitems; i++) {
		const struct lint_value *e = paths->items[i];

		/* an invalid entry fails every request (invalid-path-pattern): nothing else matters */
		if (e->kind != LV_STRING || (e->flags & LV_HAS_ENV) ||
		    pathre_authkit_matches(e->str, "/") < 0)
			return;
	}
	for (i = 0; i < nx->nroutes; i++) {
		const struct lint_route *r = &nx->routes[i], *best;
		bool home = r->kind == ROUTE_PAGE && !r->nsegs &&
			    (r->calls & AK_BIT(AK_UNAUTHENTICATED));
		bool auth = r->kind == ROUTE_HANDLER &&
			    (r->calls & (AK_BIT(AK_SIGN_IN_URL) | AK_BIT(AK_SIGN_UP_URL))) &&
			    !(r->calls & AK_BIT(AK_HANDLE_AUTH));
		size_t k;

		if ((!home && !auth) || r->intercepting || r->slot)
			continue;
		for (k = 0; k < r->nsegs; k++)
			if (r->segs[k].kind != SEG_STATIC)
				break;
		if (k < r->nsegs)
			continue;
		/* the path must really reach this file, and the proxy must run there */
		best = lint_next_resolve(nx, r->url);
		if (best != r || lint_proxy_runs_on(nx, p, r->url) != 1)
			continue;
		if (!allowed(paths, r->url))
			report(ctx, p, paths, r, r->url);
	}
}

const struct lint_rule rule_unauthenticated_paths_missing_auth_routes = {
	.id = "unauthenticated-paths-missing-auth-routes",
	.severity = SEV_WARNING,
	.family = "next",
	.summary = "middlewareAuth.unauthenticatedPaths leaves out the sign-in/sign-up routes or the home page",
	.description =
		"With middlewareAuth.enabled, the AuthKit proxy redirects every signed-out request to\n"
		"AuthKit's hosted sign-in unless its path matches an unauthenticatedPaths entry. The\n"
		"app's own sign-in and sign-up route handlers (the ones calling getSignInUrl and\n"
		"getSignUpUrl) then never run - 'Sign up' lands on the sign-in screen - and a home\n"
		"page that renders <Unauthenticated> content for signed-out visitors never shows it.\n"
		"The library adds the redirect URI's path (the callback) on its own, so it is never\n"
		"demanded. Entries are matched the way authkit-nextjs does (path-to-regexp v6), and\n"
		"only paths the proxy's matcher actually runs on are checked.",
	.example =
		"// wrong: app/sign-in/route.ts and app/sign-up/route.ts exist\n"
		"middlewareAuth: { enabled: true, unauthenticatedPaths: ['/'] }\n"
		"// right\n"
		"middlewareAuth: { enabled: true, unauthenticatedPaths: ['/', '/sign-in', '/sign-up'] }",
	.fix =
		"Add the missing paths to middlewareAuth.unauthenticatedPaths; the official template\n"
		"lists ['/', '/sign-in', '/sign-up'].",
	.sources =
		"authkit-nextjs src/session.ts updateSessionMiddleware (the allow-list and the\n"
		"redirect-URI auto-add, PR #49 for issue #40); get-convex/templates\n"
		"template-nextjs-authkit proxy.ts, app/sign-in/route.ts, app/sign-up/route.ts.",
	.applies = APPLIES_NEXT | APPLIES_WORKOS,
	.roles = ROLE_PROXY | ROLE_MIDDLEWARE | ROLE_ROUTE | ROLE_PAGE,
	.route_words = route_words,
	.check_app = check,
};
