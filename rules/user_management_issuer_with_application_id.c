/* user_management_issuer_with_application_id.c - an aud check on tokens that have no aud. */
#include <string.h>

#include "authcfg.h"

/*
 * The fix removes the key (its line, when it has one). Unsafe: a project whose WorkOS JWT
 * template adds an aud claim has working logins today, and for it the removal drops an aud
 * check: tokens minted for another audience of the same client would then be accepted.
 */
static void remove_fix(struct lint_ctx *ctx, const struct authcfg *cfg, struct lint_diag *d,
		       const struct authcfg_provider *p)
{
	TSNode key = ts_node_at(cfg->app->auth_config->tree, p->app_id->key_start,
				p->app_id->key_end), member;
	struct lint_edit e;

	if (ts_node_is_null(key))
		return;
	member = ts_is(key, "shorthand_property_identifier") ? key : ts_node_parent(key);
	if (!ts_is(ts_node_parent(member), "object"))
		return;
	e = lint_edit_remove_item(cfg->src, member);
	lint_fix(ctx, d, cfg->src, false, "remove applicationID from the user_management provider",
		 &e, 1);
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct authcfg *cfg;
	size_t i;

	if (!(cfg = authcfg_get(app)))
		return;
	for (i = 0; i < cfg->n; i++) {
		const struct authcfg_provider *p = &cfg->p[i];
		const char *issuer = authcfg_str(p->issuer);
		struct lint_diag *d;

		/* a custom auth domain (W7) carries the same path */
		if (p->kind != AK_CUSTOM_JWT || !p->app_id || p->app_id->value->kind != LV_STRING ||
		    !(p->um_issuer || (p->workos && issuer && strstr(issuer, "/user_management/"))))
			continue;
		d = lint_report(ctx, cfg->src, p->app_id->key_start, p->app_id->key_end,
				"applicationID on the user_management issuer's provider: AuthKit access "
				"tokens from that issuer (.../user_management/<clientId>) carry no aud "
				"claim, so this provider never matches them and login fails with \"No auth "
				"provider found matching the given token\" (unless a WorkOS JWT template adds "
				"an aud claim)");
		lint_help(d, "remove applicationID from this provider; keep it only on the provider "
			  "with issuer \"https://api.workos.com/\"");
		remove_fix(ctx, cfg, d, p);
	}
}

const struct lint_rule rule_user_management_issuer_with_application_id = {
	.id = "user-management-issuer-with-application-id",
	.severity = SEV_WARNING,
	.family = "auth-config",
	.summary = "the user_management issuer's provider has an applicationID its tokens cannot match",
	.description =
		"AuthKit's access tokens are issued by https://api.workos.com/user_management/<clientId>\n"
		"and carry no aud claim: the issuer is unique to your client, so no audience is needed.\n"
		"Convex matches a token to a provider only when, for a provider with applicationID, the\n"
		"token's aud holds that id. With applicationID on this provider, AuthKit tokens match\n"
		"nothing, every Convex call runs unauthenticated and the client logs \"No auth provider\n"
		"found matching the given token\". The official templates removed it for this reason\n"
		"(get-convex/templates PR #193). It is a warning, not an error, because a WorkOS JWT\n"
		"template can add an aud claim; if yours does, suppress it with a reason.",
	.example =
		"// wrong\n"
		"{ type: \"customJwt\", issuer: `https://api.workos.com/user_management/${clientId}`,\n"
		"  algorithm: \"RS256\", applicationID: clientId,\n"
		"  jwks: `https://api.workos.com/sso/jwks/${clientId}` },\n"
		"// right\n"
		"{ type: \"customJwt\", issuer: `https://api.workos.com/user_management/${clientId}`,\n"
		"  algorithm: \"RS256\", jwks: `https://api.workos.com/sso/jwks/${clientId}` },",
	.fix =
		"Remove applicationID from the user_management provider. Keep it on the provider with\n"
		"issuer \"https://api.workos.com/\", whose tokens do carry aud = your client id.\n"
		"`cwlint --fix --unsafe-fixes` removes it: the fix is unsafe because with a JWT template\n"
		"that adds aud the provider works today, and removing the key drops that aud check.",
	.sources =
		"get-convex/templates PR #193 (\"the only one with an extra applicationID\");\n"
		"workos/template-convex-nextjs-authkit PR #13; Convex backend crates/common/src/auth.rs\n"
		"(AuthInfo::matches_token).",
	.applies = APPLIES_WORKOS,
	.roles = ROLE_AUTH_CONFIG,
	.check_app = check,
};
