/* mixed_authkit_packages.c - two AuthKit session systems, or the Vite-side provider in Next.js. */
#include <string.h>

#include "rule.h"
#include "jsonpos.h"

/* The package.json member declaring dependency name; false when none is found. */
static bool dep_loc(const struct lint_app *app, const char *name, struct lint_json_loc *loc)
{
	static const char *const tables[] = {
		"dependencies", "devDependencies", "peerDependencies", "optionalDependencies",
	};
	const struct lint_jsonfile *pj = &app->package_json;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(tables); i++)
		if (lint_json_find(pj->src.buf, pj->src.len, loc, tables[i], name, (const char *)NULL))
			return true;
	return false;
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct lint_jsonfile *pj = &app->package_json;
	bool react = lint_app_dep(app, "@workos-inc/authkit-react") != NULL;
	bool nextjs = lint_app_dep(app, "@workos-inc/authkit-nextjs") != NULL;
	struct lint_json_loc loc;
	struct lint_diag *d;

	if (!pj->json)
		return;
	if (react && nextjs) {
		/* point at the package that does not belong to the framework */
		const char *odd = app->fw == FW_VITE ? "@workos-inc/authkit-nextjs" : "@workos-inc/authkit-react";

		if (dep_loc(app, odd, &loc)) {
			d = lint_report(ctx, &pj->src, loc.key_start, loc.key_end,
					"@workos-inc/authkit-react and @workos-inc/authkit-nextjs are both "
					"dependencies: they are two separate session systems (tokens in the "
					"browser, or in an encrypted cookie), and hooks of one never see a "
					"sign-in made with the other");
			if (app->fw == FW_VITE || app->fw == FW_NEXT)
				lint_help(d, "keep the one for this %s app: `npm uninstall %s`",
					  app->fw == FW_VITE ? "Vite" : "Next.js", odd);
			else
				lint_help(d, "keep authkit-nextjs in a Next.js app and authkit-react in a "
					  "browser-only app, and uninstall the other");
		}
	}
	if (app->fw == FW_NEXT && nextjs && lint_app_dep(app, "@convex-dev/workos") &&
	    dep_loc(app, "@convex-dev/workos", &loc)) {
		d = lint_report(ctx, &pj->src, loc.key_start, loc.key_end,
				"@convex-dev/workos in a Next.js app that uses authkit-nextjs: it is built on "
				"authkit-react (a dependency it installs, a second session system), and its "
				"ConvexProviderWithAuthKit expects authkit-react's useAuth (isLoading, "
				"getAccessToken), which authkit-nextjs's useAuth does not return");
		lint_help(d, "`npm uninstall @convex-dev/workos` and use ConvexProviderWithAuth from "
			  "convex/react with a hook built on useAuth and useAccessToken from "
			  "@workos-inc/authkit-nextjs/components (the nextjs-authkit template's "
			  "ConvexClientProvider)");
	}
}

const struct lint_rule rule_mixed_authkit_packages = {
	.id = "mixed-authkit-packages",
	.severity = SEV_WARNING,
	.family = "project",
	.summary = "both AuthKit SDKs in one app, or @convex-dev/workos in a Next.js authkit-nextjs app",
	.description =
		"@workos-inc/authkit-react keeps the session in the browser (authkit-js, refresh\n"
		"tokens), @workos-inc/authkit-nextjs in an encrypted cookie handled by the proxy and\n"
		"server code. An app with both has two independent session systems: a sign-in through\n"
		"one is invisible to the other's hooks, and it is easy to import useAuth from the wrong\n"
		"one. @convex-dev/workos is built on authkit-react (it depends on it): its\n"
		"ConvexProviderWithAuthKit needs authkit-react's useAuth (isLoading, getAccessToken),\n"
		"while authkit-nextjs's useAuth returns loading and no getAccessToken. Given that\n"
		"useAuth directly, Convex never receives a token (authkit-hook-mismatch reports the\n"
		"element); given an adapter hook it works, but authkit-react comes along with it.",
	.example =
		"// wrong: package.json of a Next.js app\n"
		"\"@workos-inc/authkit-nextjs\": \"^2.17.0\", \"@convex-dev/workos\": \"^0.0.3\"\n"
		"// right\n"
		"\"@workos-inc/authkit-nextjs\": \"^2.17.0\"   (with ConvexProviderWithAuth, as in the template)",
	.fix =
		"Next.js: keep @workos-inc/authkit-nextjs only and wire Convex with ConvexProviderWithAuth\n"
		"and a hook over useAuth/useAccessToken from @workos-inc/authkit-nextjs/components. Vite:\n"
		"keep @workos-inc/authkit-react (and @convex-dev/workos, if used).",
	.sources =
		"convex-backend npm-packages/@convex-dev/workos (depends on authkit-react);\n"
		"get-convex/templates nextjs-authkit ConvexClientProvider.tsx; authkit-nextjs\n"
		"components/useAuth (loading, no getAccessToken).",
	.check_app = check,
};
