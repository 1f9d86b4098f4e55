/* missing_auth_config.c - WorkOS tokens go to Convex, but the functions dir has no auth config. */
#include <string.h>

#include "authcfg.h"

static const char *const triggers[] = { "ConvexProviderWithAuth", NULL };

struct find {
	struct lint_file *f;
	bool authkit;		/* the file imports an AuthKit package */
	bool with_auth;		/* ... and ConvexProviderWithAuth from convex/react */
	bool found;
	TSNode at;
};

static bool visit(TSNode n, void *ud)
{
	struct find *s = ud;
	TSNode name;

	if (s->found)
		return false;
	if (!ts_is(n, "jsx_opening_element") && !ts_is(n, "jsx_self_closing_element"))
		return true;
	name = ts_field(n, "name");
	if (!ts_is(name, "identifier"))
		return true;
	if (ts_text_eq(&s->f->src, name, "ConvexProviderWithAuthKit")) {
		s->found = true;
	} else if (s->with_auth && ts_text_eq(&s->f->src, name, "ConvexProviderWithAuth")) {
		s->found = true;
	}
	if (s->found)
		s->at = name;
	return true;
}

/* The JSX element that hands WorkOS tokens to Convex in f, if any. */
static bool wires_workos(struct lint_file *f, TSNode *at)
{
	struct find s = { .f = f };
	const struct lint_import *imp;

	if (!memmem(f->src.buf, f->src.len, "ConvexProviderWithAuth", 22))
		return false;
	for (size_t i = 0; i < f->nimports; i++)
		if (!f->imports[i].type_only && starts_with(f->imports[i].module, "@workos-inc/authkit"))
			s.authkit = true;
	imp = lint_import_of(f, "ConvexProviderWithAuth", 22);
	s.with_auth = s.authkit && imp && !imp->type_only && !strcmp(imp->module, "convex/react") &&
		      !strcmp(imp->imported, "ConvexProviderWithAuth");
	ts_walk(ts_tree_root_node(f->tree), visit, &s);
	*at = s.at;
	return s.found;
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	bool backend = false;
	struct lint_diag *d;
	size_t i;

	/* only a functions dir of this very app: in a monorepo the backend may be elsewhere */
	if (!app->functions_dir)
		return;
	for (i = 0; i < app->nfiles; i++) {
		if (app->files[i]->roles & ROLE_AUTH_CONFIG)
			return;
		if (app->files[i]->roles & ROLE_CONVEX)
			backend = true;
	}
	if (!backend)
		return;
	for (i = 0; i < app->nfiles; i++) {
		struct lint_file *f = app->files[i];
		TSNode at;

		if (!f->parsed || (f->roles & ROLE_CONVEX) || !wires_workos(f, &at))
			continue;
		d = lint_report(ctx, &f->src, ts_node_start_byte(at), ts_node_end_byte(at),
				"the app passes WorkOS tokens to Convex (<%s>) but %s/ has no "
				"auth.config.ts: the deployment has no auth providers, so every token is "
				"rejected (\"No auth provider found matching the given token (no providers "
				"configured). Check convex/auth.config.ts.\") and "
				"ctx.auth.getUserIdentity() returns null",
				ts_text(ctx->arena, &f->src, at), app->functions_dir);
		lint_help(d, "create %s/auth.config.ts with the official template's two customJwt "
			  "providers (issuer \"https://api.workos.com/\" with applicationID: clientId, and "
			  "issuer `https://api.workos.com/user_management/${clientId}`; both algorithm "
			  "\"RS256\" and jwks `https://api.workos.com/sso/jwks/${clientId}`; const clientId = "
			  "process.env.WORKOS_CLIENT_ID;), then run npx convex env set WORKOS_CLIENT_ID "
			  "client_...", app->functions_dir);
		return;
	}
}

const struct lint_rule rule_missing_auth_config = {
	.id = "missing-auth-config",
	.severity = SEV_ERROR,
	.family = "auth-config",
	.summary = "the app sends WorkOS tokens to Convex but its functions dir has no auth config",
	.description =
		"ConvexProviderWithAuthKit (or ConvexProviderWithAuth fed by AuthKit's hooks) hands\n"
		"every WorkOS access token to Convex. Convex accepts a token only when\n"
		"convex/auth.config.ts lists a provider for its issuer; without the file the CLI just\n"
		"notes \"Found no auth config file ... so there are no configured auth providers\", the\n"
		"client logs \"No auth provider found matching the given token (no providers\n"
		"configured). Check convex/auth.config.ts.\", useConvexAuth() never becomes\n"
		"authenticated and ctx.auth.getUserIdentity() returns null.\n"
		"In a monorepo the client app and the Convex backend are often separate packages\n"
		"(apps/web and packages/backend/convex). cwlint therefore only reports when the app\n"
		"that renders the provider has its own functions dir with Convex functions in it and\n"
		"no auth.config.ts or .js there; an app without a functions dir is never judged. (An\n"
		"auth config that the cwlint config's `ignore` leaves out counts as absent.)",
	.example =
		"// src/main.tsx renders\n"
		"<ConvexProviderWithAuthKit client={convex} useAuth={useAuth}>\n"
		"// but convex/ holds schema.ts and tasks.ts and no auth.config.ts\n"
		"// right: add convex/auth.config.ts\n"
		"export default { providers: [ /* the two WorkOS customJwt providers */ ] }\n"
		"  satisfies AuthConfig;",
	.fix =
		"Create convex/auth.config.ts with the two customJwt providers of the official\n"
		"template (issuer \"https://api.workos.com/\" with applicationID: clientId, and issuer\n"
		"`https://api.workos.com/user_management/${clientId}`; both algorithm \"RS256\" and jwks\n"
		"`https://api.workos.com/sso/jwks/${clientId}`), then set the client id on each\n"
		"deployment: npx convex env set WORKOS_CLIENT_ID client_...",
	.sources =
		"convex-js src/bundler/index.ts (bundleAuthConfig); Convex backend\n"
		"crates/authentication (NoAuthProvider); @convex-dev/workos ConvexProviderWithAuthKit.",
	.applies = APPLIES_WORKOS,
	.triggers = triggers,
	.check_app = check,
};
