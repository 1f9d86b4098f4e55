/* shared_issuer_without_application_id.c - WorkOS's shared issuer without applicationID. */
#include "authcfg.h"

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct authcfg *cfg;
	size_t i;

	if (!(cfg = authcfg_get(app)))
		return;
	for (i = 0; i < cfg->n; i++) {
		const struct authcfg_provider *p = &cfg->p[i];
		struct lint_diag *d;

		/* a misspelled applicationID is misspelled-provider-key's finding */
		if (!p->shared_issuer || p->app_id || authcfg_miss_of(p, "applicationID"))
			continue;
		d = lint_report(ctx, cfg->src, p->issuer->value->start, p->issuer->value->end,
				"WorkOS's shared issuer %s without applicationID: the push fails with "
				"InsecureConfiguration \"This auth configuration appears potentially "
				"insecure: %s has an issuer that is shared among many applications, so "
				"must to specify an ApplicationID to check against an `aud` field of a "
				"JWT.\"", p->issuer->value->str, authcfg_at_index(ctx->arena, p));
		lint_help(d, "add applicationID: clientId to this provider (with const clientId = "
			  "process.env.WORKOS_CLIENT_ID;) and set the variable on each deployment: "
			  "npx convex env set WORKOS_CLIENT_ID client_...");
	}
}

const struct lint_rule rule_shared_issuer_without_application_id = {
	.id = "shared-issuer-without-application-id",
	.severity = SEV_ERROR,
	.family = "auth-config",
	.summary = "a provider with WorkOS's shared issuer https://api.workos.com/ has no applicationID",
	.description =
		"Tokens from WorkOS's shared issuer (iss https://api.workos.com) are issued for every\n"
		"WorkOS customer; only their aud claim, your client id, says they are meant for your\n"
		"app. Convex therefore refuses a provider with that issuer and no applicationID:\n"
		"`npx convex dev` and `npx convex deploy` stop with InsecureConfiguration \"This auth\n"
		"configuration appears potentially insecure: Provider at index N has an issuer that\n"
		"is shared among many applications, so must to specify an ApplicationID to check\n"
		"against an `aud` field of a JWT.\" The issuer must be written exactly\n"
		"\"https://api.workos.com/\" or \"https://api.workos.com\" for this check to apply, as\n"
		"in Convex. A misspelled key (applicationId) is reported by misspelled-provider-key.",
	.example =
		"// wrong\n"
		"{ type: \"customJwt\", issuer: \"https://api.workos.com/\", algorithm: \"RS256\",\n"
		"  jwks: `https://api.workos.com/sso/jwks/${clientId}` },\n"
		"// right\n"
		"{ type: \"customJwt\", issuer: \"https://api.workos.com/\", algorithm: \"RS256\",\n"
		"  applicationID: clientId, jwks: `https://api.workos.com/sso/jwks/${clientId}` },",
	.fix =
		"Add applicationID: clientId to the shared-issuer provider, where\n"
		"const clientId = process.env.WORKOS_CLIENT_ID; and set the variable on each\n"
		"deployment: npx convex env set WORKOS_CLIENT_ID client_... (add --prod for\n"
		"production). Do not add it to the user_management provider (see\n"
		"user-management-issuer-with-application-id).",
	.sources =
		"Convex backend crates/isolate/src/environment/auth_config.rs\n"
		"(check_for_common_confusions, InsecureConfiguration); get-convex/templates\n"
		"template-*-authkit/convex/auth.config.ts.",
	.applies = APPLIES_WORKOS,
	.roles = ROLE_AUTH_CONFIG,
	.check_app = check,
};
