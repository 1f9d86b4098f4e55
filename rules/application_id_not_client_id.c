/* application_id_not_client_id.c - a WorkOS provider's applicationID that is not the client id. */
#include "authcfg.h"

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct authcfg *cfg;
	size_t i;

	if (!(cfg = authcfg_get(app)))
		return;
	for (i = 0; i < cfg->n; i++) {
		const struct authcfg_provider *p = &cfg->p[i];
		const char *why = authcfg_bad_app_id(ctx->arena, p);
		struct lint_diag *d;

		if (!why)
			continue;
		d = lint_report(ctx, cfg->src, p->app_id->value->start, p->app_id->value->end,
				"applicationID %s: WorkOS puts your client id in the aud claim of tokens "
				"from its shared issuer, so this provider never matches them and login fails "
				"with \"No auth provider found matching the given token\"", why);
		lint_help(d, "write applicationID: clientId with const clientId = "
			  "process.env.WORKOS_CLIENT_ID; and set it on each deployment: "
			  "npx convex env set WORKOS_CLIENT_ID client_...");
	}
}

const struct lint_rule rule_application_id_not_client_id = {
	.id = "application-id-not-client-id",
	.severity = SEV_ERROR,
	.family = "auth-config",
	.summary = "applicationID on a WorkOS provider is not the WorkOS client id",
	.description =
		"For tokens from WorkOS's shared issuer (iss https://api.workos.com) the aud claim is\n"
		"your WorkOS client id, and Convex uses a provider only when its applicationID is one of\n"
		"the token's aud values. Any other value makes the provider dead: Clerk's habit\n"
		"applicationID: \"convex\", a project name, or a variable that holds something else\n"
		"(the API key, a URL). cwlint flags a literal that is not a client_ id, and an env\n"
		"variable whose name says it holds a secret, a URL or a host. A variable it cannot\n"
		"judge (WORKOS_AUDIENCE) is left alone. The user_management provider should have no\n"
		"applicationID at all (user-management-issuer-with-application-id), and a hardcoded\n"
		"client_ literal is hardcoded-client-id's finding.",
	.example =
		"// wrong\n"
		"{ type: \"customJwt\", issuer: \"https://api.workos.com/\", algorithm: \"RS256\",\n"
		"  applicationID: \"convex\", jwks: `https://api.workos.com/sso/jwks/${clientId}` },\n"
		"// right\n"
		"{ type: \"customJwt\", issuer: \"https://api.workos.com/\", algorithm: \"RS256\",\n"
		"  applicationID: clientId, jwks: `https://api.workos.com/sso/jwks/${clientId}` },",
	.fix =
		"Write applicationID: clientId with const clientId = process.env.WORKOS_CLIENT_ID; and\n"
		"set the variable on each deployment: npx convex env set WORKOS_CLIENT_ID client_...",
	.sources =
		"Convex backend crates/common/src/auth.rs (a provider's applicationID must be in the\n"
		"token's aud); workos/template-convex-nextjs-authkit \"account for both JWT types\";\n"
		"public configs with applicationID: \"convex\".",
	.applies = APPLIES_WORKOS,
	.roles = ROLE_AUTH_CONFIG,
	.check_app = check,
};
