/*
 * convex_provider_without_auth.c - a plain <ConvexProvider> in an app that signs users in
 * with WorkOS AuthKit: Convex is never given the access token.
 *
 * Judged per app: the plain provider is only wrong when nothing in the app hands Convex a
 * token some other way (a ConvexProviderWith* component, another auth provider built on it,
 * or a manual client.setAuth()). Those are looked for in every source file of the app, parsed
 * or not, so anything that might be one keeps the rule silent.
 */
#include <string.h>

#include "rule.h"
#include "react.h"
#include "providers.h"

static const char *const triggers[] = { "ConvexProvider", NULL };

/* Any of these in the app means Convex may get its token some other way. */
static const char *const token_paths[] = {
	"ConvexProviderWith",		/* ConvexProviderWithAuth, ...WithAuthKit, ...WithClerk */
	"ConvexAuthProvider",		/* @convex-dev/auth */
	"ConvexAuthNextjsProvider",
	"ConvexBetterAuthProvider",
	".setAuth(",			/* a hand-rolled client.setAuth(fetchToken) */
	NULL,
};
/* what check() reads of a leaf: the elements named by Convex's plain provider (slice) */
static const struct lint_slice_import slice_imports[] = {
	{ pv_convex_react, "ConvexProvider" },
	{ NULL, NULL },
};
/* check() looks for these in every source file of the app (lint_app_mentions()) */
static const char *const mentions[] = {
	"ConvexProviderWith", "ConvexAuthProvider", "ConvexAuthNextjsProvider",
	"ConvexBetterAuthProvider", ".setAuth(", "@workos-inc/authkit", NULL,
};

static void report(struct lint_ctx *ctx, struct lint_app *app, struct lint_file *f,
		   const struct lint_react_elem *e)
{
	bool next = (app->uses & USES_AUTHKIT_NEXTJS) && !(app->uses & USES_AUTHKIT_REACT);
	struct lint_diag *d;

	d = lint_report(ctx, &f->src, ts_node_start_byte(e->name), ts_node_end_byte(e->name),
			"plain <%s> in an app that signs in with WorkOS AuthKit: it never gives Convex "
			"the access token, so useConvexAuth() never becomes authenticated and "
			"ctx.auth.getUserIdentity() is always null", e->tag);
	if (next)
		lint_help(d, "replace it with `<ConvexProviderWithAuth client={convex} "
			  "useAuth={useAuthFromAuthKit}>` from convex/react, where useAuthFromAuthKit "
			  "adapts useAuth() and useAccessToken() of @workos-inc/authkit-nextjs/components "
			  "(the Convex nextjs-authkit template's components/ConvexClientProvider.tsx)");
	else
		lint_help(d, "replace it with `<ConvexProviderWithAuthKit client={convex} "
			  "useAuth={useAuth}>` (ConvexProviderWithAuthKit from @convex-dev/workos, useAuth "
			  "from @workos-inc/authkit-react), rendered inside <AuthKitProvider>");
}

/*
 * Per file, though the verdict is the app's: what it reads of the app (its dependencies and
 * the words its files hold) is known once the files are scanned, so a file with a plain
 * provider is checked and let go like any other, not kept parsed until the app's end.
 */
static void check(struct lint_ctx *ctx, struct lint_file *f)
{
	struct lint_app *app = f->app;
	const struct lint_react *r;
	const char *const *t;
	size_t j, k;

	if (!memmem(f->src.buf, f->src.len, "ConvexProvider", 14))
		return;
	if (!(app->uses & (USES_AUTHKIT_NEXTJS | USES_AUTHKIT_REACT | USES_CONVEX_WORKOS)) &&
	    !lint_app_mentions(app, "@workos-inc/authkit"))
		return;
	for (t = token_paths; *t; t++)
		if (lint_app_mentions(app, *t))
			return;
	r = lint_react_get(f);
	if (!r || r->partial)
		return;
	for (j = 0; j <= r->ncomps; j++) {
		const struct lint_react_comp *c = j < r->ncomps ? &r->comps[j] : r->top;

		for (k = 0; k < c->nelems; k++)
			if (lint_react_elem_is(&c->elems[k], pv_convex_react, "ConvexProvider"))
				report(ctx, app, f, &c->elems[k]);
	}
}

const struct lint_rule rule_convex_provider_without_auth = {
	.id = "convex-provider-without-auth",
	.severity = SEV_ERROR,
	.family = "providers",
	.summary = "a plain ConvexProvider in an AuthKit app, so Convex never gets the access token",
	.description =
		"<ConvexProvider> from convex/react connects to Convex without authentication. In an app\n"
		"that signs users in with WorkOS AuthKit, the WorkOS session then never reaches Convex:\n"
		"useConvexAuth() stays unauthenticated, <Authenticated> never renders, and every Convex\n"
		"function sees ctx.auth.getUserIdentity() === null. The Convex auth debugging guide lists\n"
		"this first (\"You're not using ConvexProviderWithAuth...\").\n"
		"The rule fires on each <ConvexProvider> (recognised by its import from convex/react) when\n"
		"the app uses AuthKit (an @workos-inc/authkit-* or @convex-dev/workos dependency or import)\n"
		"and nothing in the app passes Convex a token another way: no ConvexProviderWith*\n"
		"component, no Convex Auth or Better Auth provider, no client.setAuth() call.",
	.example =
		"// wrong\n"
		"<AuthKitProvider clientId={...}>\n"
		"  <ConvexProvider client={convex}><App /></ConvexProvider>\n"
		"</AuthKitProvider>\n"
		"// right (React + Vite)\n"
		"<AuthKitProvider clientId={...}>\n"
		"  <ConvexProviderWithAuthKit client={convex} useAuth={useAuth}>\n"
		"    <App />\n"
		"  </ConvexProviderWithAuthKit>\n"
		"</AuthKitProvider>",
	.fix =
		"React + Vite: render <ConvexProviderWithAuthKit client={convex} useAuth={useAuth}>\n"
		"(@convex-dev/workos, useAuth from @workos-inc/authkit-react) inside <AuthKitProvider>.\n"
		"Next.js: render <ConvexProviderWithAuth client={convex} useAuth={useAuthFromAuthKit}> from\n"
		"convex/react with the template's useAuthFromAuthKit hook, inside <AuthKitProvider>.",
	.sources =
		"Convex docs, Debugging authentication (step: ConvexProviderWithAuth); Convex docs, AuthKit\n"
		"integration; get-convex/templates template-react-vite-authkit src/main.tsx and\n"
		"template-nextjs-authkit components/ConvexClientProvider.tsx.",
	.applies = APPLIES_WORKOS,
	.triggers = triggers,
	.mentions = mentions,
	.check_file = check,
	.slice = true,
	.slice_imports = slice_imports,
};
