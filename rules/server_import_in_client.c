/*
 * server_import_in_client.c - @workos-inc/authkit-nextjs imported from the wrong entry point.
 *
 * The package root is server code (it reads cookies, holds the API key, imports node:crypto
 * and server-only); the client pieces live in @workos-inc/authkit-nextjs/components since
 * v1.0. A 'use client' file that imports the root pulls server code into the browser bundle,
 * and a client export imported from the root no longer exists there.
 */
#include <string.h>

#include "rule.h"
#include "react.h"
#include "semver.h"

static const char *const triggers[] = { "@workos-inc/authkit-nextjs", NULL };
/* a 'use client' file, or a client export taken from the package root */
static const char *const also[] = {
	"use client", "AuthKitProvider", "useAuth", "useAccessToken", "useTokenClaims",
	"useRecentAuth", "Impersonation", NULL,
};

static const char *const root = "@workos-inc/authkit-nextjs";
/* files that may pass the root's exports on (check_app) */
static const char *const mentions[] = { "@workos-inc/authkit-nextjs", NULL };

/* The package root's server exports (authkit-nextjs src/index.ts). */
static const char *const server_exports[] = {
	"authkitProxy", "authkitMiddleware", "authkit", "handleAuthkitHeaders", "handleAuthkitProxy",
	"partitionAuthkitHeaders", "applyResponseHeaders", "handleAuth", "withAuth", "getSignInUrl",
	"getSignUpUrl", "signOut", "switchToOrganization", "refreshSession", "saveSession",
	"getTokenClaims", "checkRecentAuth", "validateApiKey", "getWorkOS",
	"getFeatureFlagsRuntimeClient", "getUser", NULL,
};

/* What moved to /components in v1.0. */
static const char *const client_exports[] = {
	"AuthKitProvider", "useAuth", "useAccessToken", "useTokenClaims", "useRecentAuth",
	"Impersonation", NULL,
};

/* True when every authkit-nextjs version the app's range allows is older than 1.0. */
static bool before_components(const struct lint_app *app)
{
	const char *spec = lint_app_dep(app, root);
	struct semver_range r;
	struct semver v1 = { 1, 0, 0, "" };

	return spec && semver_range_parse(spec, &r) && semver_range_all_below(&r, &v1);
}

static const char *server_fix(const char *name)
{
	if (!strcmp(name, "withAuth") || !strcmp(name, "getUser") || !strcmp(name, "getTokenClaims"))
		return "call it in a Server Component (page or layout) and pass what this file needs as "
		       "props, or read the session here with useAuth() from "
		       "@workos-inc/authkit-nextjs/components";
	if (!strcmp(name, "getSignInUrl") || !strcmp(name, "getSignUpUrl"))
		return "link to a route handler instead (app/sign-in/route.ts: `export async function "
		       "GET() { return redirect(await getSignInUrl()); }`) with a plain <a href=\"/sign-in\">";
	if (!strcmp(name, "signOut"))
		return "use signOut from useAuth() of @workos-inc/authkit-nextjs/components, or call "
		       "signOut() in a server action ('use server' file) invoked from here";
	if (!strcmp(name, "switchToOrganization") || !strcmp(name, "refreshSession"))
		return "use the client hooks of @workos-inc/authkit-nextjs/components "
		       "(useAuth().switchToOrganization, refreshAuth), or wrap the call in a server "
		       "action ('use server' file) invoked from here";
	return "keep it in server code (proxy.ts, a route handler or a server action) and call that "
	       "from here";
}

static void check(struct lint_ctx *ctx, struct lint_file *f)
{
	struct lint_diag *d;
	int old = -1;		/* before_components(), computed when first needed */
	size_t i;

	for (i = 0; i < f->nimports; i++) {
		const struct lint_import *imp = &f->imports[i];

		if (imp->type_only || strcmp(imp->module, root))
			continue;
		if (in_list(imp->imported, client_exports)) {
			if (old < 0)
				old = before_components(f->app);
			if (old)
				continue;
			d = lint_report(ctx, &f->src, imp->start, imp->end,
					"%s is imported from %s, which has not exported it since v1.0: the "
					"package root is server code, and %s lives in "
					"@workos-inc/authkit-nextjs/components", imp->imported, root,
					imp->imported);
			lint_help(d, "import { %s } from '@workos-inc/authkit-nextjs/components';",
				  imp->imported);
		} else if (f->use_client &&
			   (in_list(imp->imported, server_exports) || !strcmp(imp->imported, "*"))) {
			const char *what = strcmp(imp->imported, "*")
				? arena_printf(ctx->arena, "imports %s from", imp->imported)
				: arena_printf(ctx->arena, "imports all of");
			d = lint_report(ctx, &f->src, imp->start, imp->end,
					"this 'use client' file %s %s, the package's server entry: its code "
					"needs Node and the WorkOS API key, so the client build fails with "
					"\"Reading from \"node:crypto\" is not handled by plugins\"", what, root);
			lint_help(d, "%s", strcmp(imp->imported, "*")
				  ? server_fix(imp->imported)
				  : "import only client pieces, from @workos-inc/authkit-nextjs/components");
		}
	}
}

/*
 * Whether the name a client file imports from a file of the app is, through that file's
 * re-exports (parsed on the way), a server export of the package root. A file with a
 * directive ends the chain: 'use server' makes its exports server actions, which a client
 * may import, and a 'use client' file is judged itself.
 */
static bool reexported_server(struct lint_file *c, const struct lint_import *imp,
			      const char **name)
{
	struct lint_file *g = lint_react_defining_file(c, imp->module, imp->imported, true, name);
	const char *m;

	return g && g->parsed && !g->use_client && !g->use_server &&
	       lint_react_reexport_step(g, *name, &m, name) && !strcmp(m, root) &&
	       in_list(*name, server_exports);
}

/*
 * A client file can reach the root through a file of the app that re-exports it
 * (lib/auth.ts: `export { signOut } from "@workos-inc/authkit-nextjs"`): the same server
 * code ends up in the browser bundle. Such a client file names no part of the package, so
 * the byte test did not choose it: the scan's import lists (lint_file's deps) find the
 * client files that import a server file which mentions the package, or imports one that
 * does, and those are parsed here.
 */
static void check_app(struct lint_ctx *ctx, struct lint_app *app)
{
	size_t n = app->nfiles, i, j;
	bool *pass = ARENA_ARRAY(ctx->arena, bool, n + 1);
	bool *server = ARENA_ARRAY(ctx->arena, bool, n + 1);

	/* server files that mention the package, then those importing them */
	for (i = 0; i < n; i++) {
		server[i] = !app->files[i]->scan_use_client;
		pass[i] = server[i] && lint_file_mentions(app->files[i], root);
	}
	lint_app_importers(app, pass, server);
	for (i = 0; i < n; i++) {
		struct lint_file *c = app->files[i];
		bool near = false;

		if (!c->scan_use_client || !lint_file_reported(c))
			continue;
		for (j = 0; !near && j < c->ndeps; j++) {
			size_t k = lint_app_file_index(app, c->deps[j]);

			near = k < n && pass[k];
		}
		if (!near || (!c->parsed && !lint_file_parse(c)) || !c->use_client)
			continue;
		for (j = 0; j < c->nimports; j++) {
			const struct lint_import *imp = &c->imports[j];
			const char *name;
			struct lint_diag *d;

			if (imp->type_only || !lint_react_local_module(imp->module) ||
			    !reexported_server(c, imp, &name))
				continue;
			d = lint_report(ctx, &c->src, imp->start, imp->end,
					"this 'use client' file imports %s from %s, which passes on %s of "
					"%s, the package's server entry: its code needs Node and the WorkOS "
					"API key, so the client build fails with \"Reading from "
					"\"node:crypto\" is not handled by plugins\"", imp->imported,
					imp->module, name, root);
			lint_help(d, "%s", server_fix(name));
		}
	}
}

const struct lint_rule rule_server_import_in_client = {
	.id = "server-import-in-client",
	.severity = SEV_ERROR,
	.family = "providers",
	.summary = "@workos-inc/authkit-nextjs server code in a client file, or client code from its root",
	.description =
		"@workos-inc/authkit-nextjs has two entry points. The package root is server code:\n"
		"withAuth, getSignInUrl, getSignUpUrl, signOut, handleAuth, authkitMiddleware/authkitProxy\n"
		"and friends read cookies, hold the WorkOS API key and import node:crypto and server-only.\n"
		"@workos-inc/authkit-nextjs/components holds the client pieces: AuthKitProvider, useAuth,\n"
		"useAccessToken, useTokenClaims, useRecentAuth, Impersonation.\n"
		"The rule fires when a 'use client' file imports a server export (or the whole root\n"
		"namespace): the browser build then fails with \"Reading from \"node:crypto\" is not\n"
		"handled by plugins\". That holds too when the import goes through files of the app\n"
		"that re-export it (lib/auth.ts: `export { signOut } from ...`), unless one of them is\n"
		"a 'use server' module (its exports are server actions, which clients may import).\n"
		"It also fires, in any file, when a client export is imported from the root: it moved\n"
		"to /components in v1.0 and the root no longer exports it (silent when package.json\n"
		"pins authkit-nextjs below 1.0). Type-only imports are ignored.",
	.example =
		"// wrong: 'use client' component\n"
		"import { withAuth, useAuth } from \"@workos-inc/authkit-nextjs\";\n"
		"// right\n"
		"import { useAuth } from \"@workos-inc/authkit-nextjs/components\";\n"
		"// and withAuth() in a server layout or page, passing values down as props",
	.fix =
		"Import client pieces from @workos-inc/authkit-nextjs/components. Keep server functions\n"
		"in Server Components, route handlers, server actions and proxy.ts; hand their results to\n"
		"client components as props, or use a sign-in route (app/sign-in/route.ts) instead of\n"
		"calling getSignInUrl() in the browser.",
	.sources =
		"@workos-inc/authkit-nextjs src/index.ts (server exports), src/components/index.ts (client\n"
		"exports), README Troubleshooting (\"Reading from \"node:crypto\" is not handled by\n"
		"plugins\"), CHANGELOG v1.0.0; workos/authkit-nextjs issue #84.",
	.applies = APPLIES_NEXT,
	.triggers = triggers,
	.also = also,
	.mentions = mentions,
	.local = true,
	.app_reparses = true,
	.slice = true,		/* check() reads the imports alone */
	.server_graph = true,
	.check_file = check,
	.check_app = check_app,
};
