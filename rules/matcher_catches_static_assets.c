/* matcher_catches_static_assets.c - the AuthKit proxy also runs on /_next/static files. */
#include <string.h>

#include "routes.h"
#include "pathre.h"

#define TEMPLATE_MATCHER "'/((?!_next|[^?]*\\\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|" \
	"ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)'"

static const char *const assets[] = {
	"/_next/static/chunks/main.js", "/_next/static/css/app.css",
};

/* A static file path the matcher source runs on, or NULL. */
static const char *catches(const char *source)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(assets); i++)
		if (pathre_next_matcher_matches(source, NULL, assets[i]) == 1)
			return assets[i];
	return NULL;
}

static void report(struct lint_ctx *ctx, const struct lint_proxy *p, const struct lint_value *at,
		   const char *source, const char *asset)
{
	struct lint_diag *d;

	d = lint_report(ctx, &p->file->src, at->start, at->end,
			"matcher '%s' also matches %s: the AuthKit proxy runs on every script, style "
			"and image request (with middlewareAuth on, signed-out visitors get redirects "
			"instead of CSS and JS)", source, asset);
	lint_help(d, "exclude Next.js internals and static files, as the official template does: %s",
		  TEMPLATE_MATCHER);
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	struct lint_next *nx = lint_next_get(ctx);
	const struct lint_proxy *p = nx->active;
	const struct lint_prop *mp;
	const struct lint_value *m;
	const char *hit;
	size_t i;

	(void)app;	/* lint_next_get() reads ctx->app */
	if (!p || (p->authkit != AKU_MIDDLEWARE && p->authkit != AKU_COMPOSABLE) || nx->urls_rewritten ||
	    !p->config_known)
		return;
	if (!p->has_config) {
		struct lint_diag *d = lint_report(ctx, &p->file->src, p->call_start, p->call_end,
						  "%s exports no config.matcher, so Next.js runs the "
						  "AuthKit proxy on every request, /_next/static files "
						  "included", p->file->src.path);

		lint_help(d, "export const config = { matcher: [%s, '/(api|trpc)(.*)'] };",
			  TEMPLATE_MATCHER);
		return;
	}
	mp = lint_proxy_matcher(p);
	if (!mp)
		return;
	m = mp->value;
	if (m->kind == LV_STRING && !(m->flags & LV_HAS_ENV)) {
		if ((hit = catches(m->str)))
			report(ctx, p, m, m->str, hit);
		return;
	}
	if (m->kind != LV_ARRAY)
		return;
	for (i = 0; i < m->nitems; i++) {
		const struct lint_value *e = m->items[i];

		/* { source, has, missing }: conditional entries are left alone */
		if (e->kind == LV_OBJECT && !lint_value_get(e, "has") && !lint_value_get(e, "missing") &&
		    !(e->flags & LV_PARTIAL)) {
			const struct lint_prop *src = lint_value_get(e, "source");

			e = src ? src->value : NULL;
		}
		if (e && e->kind == LV_STRING && !(e->flags & LV_HAS_ENV) && (hit = catches(e->str)))
			report(ctx, p, e, e->str, hit);
	}
}

const struct lint_rule rule_matcher_catches_static_assets = {
	.id = "matcher-catches-static-assets",
	.severity = SEV_WARNING,
	.family = "next",
	.summary = "the AuthKit proxy's matcher also runs it on /_next/static files",
	.description =
		"Next.js runs the proxy (middleware) before it serves files, /_next/static included,\n"
		"unless config.matcher excludes them. A catch-all such as '/(.*)' or '/:path*', or no\n"
		"matcher at all, makes the AuthKit proxy decrypt and refresh the session for every\n"
		"script, stylesheet and font; with middlewareAuth enabled, signed-out visitors get a\n"
		"redirect to AuthKit instead of CSS and JS, and pages render unstyled (authkit-nextjs's\n"
		"README warns about this, especially with Tailwind 4). Each matcher entry is compiled\n"
		"as Next.js does and tried on /_next/static paths.",
	.example =
		"// wrong\n"
		"export const config = { matcher: ['/(.*)'] };\n"
		"// right\n"
		"export const config = { matcher: ['/((?!_next|[^?]*\\\\.(?:css|js(?!on)|png|svg|ico)).*)', "
		"'/(api|trpc)(.*)'] };",
	.fix =
		"Use the official template's matcher: it skips _next and files with static\n"
		"extensions, and still runs on every page and API route.",
	.sources =
		"authkit-nextjs README matcher warning (commit 9af5faf); Next.js docs, proxy matcher\n"
		"(\"Match all request paths except ... _next/static\"); get-convex/templates proxy.ts.",
	.applies = APPLIES_NEXT | APPLIES_WORKOS,
	.roles = ROLE_PROXY | ROLE_MIDDLEWARE,
	.check_app = check,
};
