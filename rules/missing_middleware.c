/* missing_middleware.c - authkit-nextjs is used but no proxy/middleware runs AuthKit. */
#include <string.h>

#include "routes.h"

/*
 * Only the first use matters, and only when no proxy runs AuthKit: files whose code names
 * one (lint_file_mentions) are parsed on demand (lint_file_parse), most often not at all.
 */
static const char *const mentions[] = { "withAuth", "AuthKitProvider", "handleAuth", NULL };

/* What a use of authkit-nextjs needs from the proxy, best reason first. */
static const struct {
	const char *name;
	const char *module;
} uses[] = {
	{ "withAuth", "@workos-inc/authkit-nextjs" },
	{ "AuthKitProvider", "@workos-inc/authkit-nextjs/components" },
	{ "AuthKitProvider", "@workos-inc/authkit-nextjs" },
	{ "handleAuth", "@workos-inc/authkit-nextjs" },
};

/* The first file (in path order) that imports the most telling AuthKit export. */
static const struct lint_import *find_use(struct lint_app *app, struct lint_file **where)
{
	size_t u, i, k;

	for (u = 0; u < ARRAY_SIZE(uses); u++)
		for (i = 0; i < app->nfiles; i++) {
			struct lint_file *f = app->files[i];

			if ((f->roles & ROLE_CONVEX) || !lint_file_mentions(f, uses[u].name) ||
			    !lint_file_parse(f))
				continue;
			for (k = 0; k < f->nimports; k++) {
				const struct lint_import *imp = &f->imports[k];

				if (!imp->type_only && !strcmp(imp->imported, uses[u].name) &&
				    !strcmp(imp->module, uses[u].module)) {
					*where = f;
					return imp;
				}
			}
		}
	return NULL;
}

/* The file name Next would load, for the help text. */
static const char *want_name(struct lint_ctx *ctx, const struct lint_next *nx, const char *ext)
{
	const char *dir = lint_next_display(ctx, nx->src_root == 1 ? "src/" : "");

	if (nx->next16 == 1)
		return arena_printf(ctx->arena, "%sproxy.%s", dir, ext);
	if (nx->next16 == 0)
		return arena_printf(ctx->arena, "%smiddleware.%s", dir, ext);
	return arena_printf(ctx->arena, "%sproxy.%s (Next.js 16; %smiddleware.%s before)", dir, ext,
			    dir, ext);
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	struct lint_next *nx = lint_next_get(ctx);
	const struct lint_proxy *p = nx->active;
	struct lint_file *f = NULL;
	const struct lint_import *use;
	const char *ext;
	struct lint_diag *d;
	size_t i;

	/* a proxy that runs AuthKit settles it before any file needs a parse */
	if (nx->custom_files || (p && p->authkit != AKU_NONE))
		return;
	use = find_use(app, &f);
	if (!use)
		return;
	ext = ends_with(f->relpath, ".js") || ends_with(f->relpath, ".jsx") ? "js" : "ts";
	if (p) {
		if (p->authkit != AKU_NONE)
			return;
		d = lint_report(ctx, &p->file->src, p->handler_start, p->handler_end,
				"%s runs no AuthKit middleware, but %s uses %s from %s: withAuth() "
				"throws \"You are calling 'withAuth' on a route that isn't covered by the "
				"AuthKit middleware\" and sessions are never refreshed", p->file->src.path,
				f->src.path, use->imported, use->module);
		lint_help(d, "call AuthKit in %s: export default authkitMiddleware() from "
			  "'@workos-inc/authkit-nextjs', or call authkit(request) in your own handler "
			  "and return handleAuthkitHeaders(request, headers)", p->file->src.path);
		return;
	}
	for (i = 0; i < nx->nproxies; i++) {
		const struct lint_proxy *q = &nx->proxies[i];
		bool below16 = nx->next16 == 0;

		/* a misplaced file is middleware-location's finding */
		if (q->place == PLACE_ROUTES || !q->is_proxy || !below16 ||
		    (nx->src_root >= 0 && (int)q->place != (nx->src_root ? PLACE_SRC : PLACE_ROOT)))
			continue;
		d = lint_report(ctx, &q->file->src, q->handler_start, q->handler_end,
				"%s is only loaded by Next.js 16 and later; with %s it never runs, "
				"so withAuth() throws \"You are calling 'withAuth' on a route that isn't "
				"covered by the AuthKit middleware\"", q->file->src.path,
				nx->next_shown);
		lint_help(d, "rename it to %smiddleware.%s (a `proxy` export becomes `middleware`), "
			  "or upgrade next to 16",
			  lint_next_display(ctx, q->place == PLACE_SRC ? "src/" : ""),
			  strrchr(q->file->relpath, '.') + 1);
		return;
	}
	for (i = 0; i < nx->nproxies; i++)
		if (nx->proxies[i].handler_export)
			return;
	if (!strcmp(use->imported, "handleAuth"))
		d = lint_report(ctx, &f->src, use->start, use->end,
				"%s uses handleAuth from %s, but the app has no proxy/middleware that "
				"runs AuthKit: the session the callback saves is never refreshed or "
				"passed on, and any withAuth() call throws \"You are calling 'withAuth' "
				"on a route that isn't covered by the AuthKit middleware\"", f->src.path,
				use->module);
	else
		d = lint_report(ctx, &f->src, use->start, use->end,
				"%s uses %s from %s, but the app has no proxy/middleware that runs "
				"AuthKit: withAuth() throws \"You are calling 'withAuth' on a route that "
				"isn't covered by the AuthKit middleware\" and sessions are never "
				"refreshed", f->src.path, use->imported, use->module);
	lint_help(d, "create %s with `export default authkitMiddleware();` (import it from "
		  "'@workos-inc/authkit-nextjs') and a config.matcher that covers your pages",
		  want_name(ctx, nx, ext));
}

const struct lint_rule rule_missing_middleware = {
	.id = "missing-middleware",
	.severity = SEV_ERROR,
	.family = "next",
	.summary = "authkit-nextjs is used but no proxy/middleware runs AuthKit",
	.description =
		"authkit-nextjs keeps the session in the proxy (middleware before Next.js 16): it\n"
		"reads and refreshes the cookie on every request and passes the session to\n"
		"withAuth() through request headers. Without a proxy that calls authkitMiddleware(),\n"
		"authkitProxy() or authkit(), every withAuth() call - in a page, a layout, a route\n"
		"handler, or behind AuthKitProvider - throws \"You are calling 'withAuth' on a route\n"
		"that isn't covered by the AuthKit middleware\".\n"
		"Fires when a file imports withAuth, AuthKitProvider or handleAuth and: there is no\n"
		"proxy/middleware file; the one Next loads only imports from next (no AuthKit); or\n"
		"it is a proxy.ts while package.json pins next below 16, which loads only\n"
		"middleware.ts. A proxy that imports a local module may call AuthKit there: silent.",
	.example =
		"// wrong: app/layout.tsx calls withAuth(), and there is no proxy.ts\n"
		"// right: proxy.ts\n"
		"import { authkitMiddleware } from '@workos-inc/authkit-nextjs';\n"
		"export default authkitMiddleware();\n"
		"export const config = { matcher: ['/((?!_next|[^?]*\\\\.(?:css|js|png|svg|ico)).*)'] };",
	.fix =
		"Create proxy.ts (Next.js 16) or middleware.ts (before 16) next to the app folder\n"
		"with `export default authkitMiddleware();` and a config.matcher covering every path\n"
		"that calls withAuth (the official template's matcher does).",
	.sources =
		"authkit-nextjs README (proxy/middleware setup) and src/session.ts\n"
		"getSessionFromHeader (the error text); issues workos/authkit-nextjs #229, #274,\n"
		"#299, #351; WorkOS CLI doctor MISSING_MIDDLEWARE.",
	.applies = APPLIES_NEXT | APPLIES_WORKOS,
	.mentions = mentions,
	.roles = ROLE_PROXY | ROLE_MIDDLEWARE,
	.check_app = check,
};
