/* legacy_oidc_workos_provider.c - the 2025 OIDC-style (domain:) WorkOS provider. */
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

		if (!p->legacy)
			continue;
		d = lint_report(ctx, cfg->src, p->domain->key_start, p->domain->key_end,
				"OIDC-style WorkOS provider (domain: %s): Convex accepts a token for a "
				"domain provider only when its aud equals applicationID, and AuthKit access "
				"tokens carry no aud claim, so every login fails with \"No auth provider "
				"found matching the given token\"", authcfg_show(ctx->arena, p->domain->value->str));
		lint_help(d, "replace it with the two customJwt providers of the official template: %s",
			  AUTHCFG_TEMPLATE);
	}
}

const struct lint_rule rule_legacy_oidc_workos_provider = {
	.id = "legacy-oidc-workos-provider",
	.severity = SEV_ERROR,
	.family = "auth-config",
	.summary = "an OIDC-style provider (domain:) points at WorkOS, whose tokens it can never accept",
	.description =
		"The first Convex + WorkOS template (July 2025) configured WorkOS as an OIDC provider:\n"
		"{ domain: `https://api.workos.com/user_management/${clientId}`, applicationID: clientId }.\n"
		"Convex validates OIDC providers through discovery and requires the token's aud claim\n"
		"to equal applicationID; AuthKit access tokens have no aud, so none is ever accepted\n"
		"and ctx.auth.getUserIdentity() returns null. The template moved to two customJwt\n"
		"providers a week later (\"ApplicationID and aud claim are no longer required with this\n"
		"setup\"), but the old shape is still common in public code, often with a Clerk-style\n"
		"applicationID: \"convex\". This one finding covers the provider: cwlint does not also\n"
		"report its applicationID or the issuers it lacks.",
	.example =
		"// wrong\n"
		"{ domain: `https://api.workos.com/user_management/${clientId}`, applicationID: clientId },\n"
		"// right\n"
		"{ type: \"customJwt\", issuer: \"https://api.workos.com/\", algorithm: \"RS256\",\n"
		"  applicationID: clientId, jwks: `https://api.workos.com/sso/jwks/${clientId}` },\n"
		"{ type: \"customJwt\", issuer: `https://api.workos.com/user_management/${clientId}`,\n"
		"  algorithm: \"RS256\", jwks: `https://api.workos.com/sso/jwks/${clientId}` },",
	.fix =
		"Replace the domain provider with the two customJwt providers of the official\n"
		"templates (see the example), with const clientId = process.env.WORKOS_CLIENT_ID;",
	.sources =
		"workos/template-convex-nextjs-authkit history of convex/auth.config.ts (f593fe2 ->\n"
		"d1addb4); Convex backend crates/authentication (OIDC requires an audience match).",
	.applies = APPLIES_WORKOS,
	.roles = ROLE_AUTH_CONFIG,
	.check_app = check,
};
