/* workos_jwks_mismatch.c - a WorkOS provider's jwks that is not its client's JWKS URL. */
#include <string.h>

#include "authcfg.h"

/*
 * Two client id expressions cwlint can compare: both literal, or both one variable whose
 * name says it holds a client id (WORKOS_AUDIENCE may well hold the same value).
 */
static bool comparable(struct arena *a, const char *x, const char *y)
{
	const char *ex = authcfg_env_only(a, x), *ey = authcfg_env_only(a, y);

	if (ex && ey)
		return strstr(ex, "CLIENT_ID") && strstr(ey, "CLIENT_ID");
	return !strstr(x, "${") && !strstr(y, "${");
}

/* How a client id expression reads in a message. */
static const char *show(struct arena *a, const char *id)
{
	const char *env = authcfg_env_only(a, id);

	return env ? arena_printf(a, "process.env.%s", env) : arena_printf(a, "\"%s\"", id);
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct authcfg *cfg;
	size_t i;

	if (!(cfg = authcfg_get(app)))
		return;
	for (i = 0; i < cfg->n; i++) {
		const struct authcfg_provider *p = &cfg->p[i];
		const char *js = authcfg_str(p->jwks), *cid, *other = NULL, *what = NULL;
		const struct lint_value *v;
		struct lint_diag *d;

		if (p->kind != AK_CUSTOM_JWT || p->legacy || !p->workos || !js)
			continue;
		v = p->jwks->value;
		/* another host (a custom auth domain, a data: URL) is not judged */
		if (strcmp(js, "https://api.workos.com") && !starts_with(js, "https://api.workos.com/"))
			continue;
		cid = authcfg_jwks_client(ctx->arena, js);
		if (!cid) {
			d = lint_report(ctx, cfg->src, v->start, v->end,
					"jwks \"%s\" is not WorkOS's JWKS URL "
					"(https://api.workos.com/sso/jwks/<clientId>): Convex cannot fetch the "
					"keys that sign AuthKit tokens, so every login fails (\"Could not "
					"fetch JWKS from URL ...\" or no key matching the token's kid)",
					authcfg_show(ctx->arena, js));
			lint_help(d, "write jwks: `https://api.workos.com/sso/jwks/${clientId}` with "
				  "const clientId = process.env.WORKOS_CLIENT_ID;");
			continue;
		}
		if (p->um_issuer) {
			other = authcfg_um_client(ctx->arena, authcfg_str(p->issuer));
			what = "the issuer";
		} else if (p->shared_issuer && authcfg_str(p->app_id) &&
			   !authcfg_bad_app_id(ctx->arena, p)) {
			other = authcfg_str(p->app_id);
			what = "applicationID";
		}
		if (!other || !comparable(ctx->arena, cid, other) || !strcmp(cid, other))
			continue;
		d = lint_report(ctx, cfg->src, v->start, v->end,
				"jwks uses the client id %s but %s uses %s: the tokens this provider "
				"accepts are signed with the other client's keys, so Convex finds no "
				"matching key and the login fails", show(ctx->arena, cid), what,
				show(ctx->arena, other));
		lint_help(d, "use one client id for issuer, applicationID and jwks: "
			  "jwks: `https://api.workos.com/sso/jwks/${clientId}` with "
			  "const clientId = process.env.WORKOS_CLIENT_ID;");
	}
}

const struct lint_rule rule_workos_jwks_mismatch = {
	.id = "workos-jwks-mismatch",
	.severity = SEV_WARNING,
	.family = "auth-config",
	.summary = "a WorkOS provider's jwks is not its client's https://api.workos.com/sso/jwks/<clientId>",
	.description =
		"Convex verifies a customJwt token with the keys it downloads from the provider's jwks\n"
		"URL. For WorkOS that URL is https://api.workos.com/sso/jwks/<clientId> (what WorkOS's\n"
		"userManagement.getJwksUrl(clientId) returns); other paths on api.workos.com, such as\n"
		"/.well-known/jwks.json or /sso/jwks without the id, do not serve AuthKit's keys, and\n"
		"the JWKS of another client id holds the wrong keys. Either way no token verifies\n"
		"(\"Could not fetch JWKS from URL\" or \"Could not decode token ... does this key match\n"
		"any key in the provider's JWKS?\"). cwlint compares the id in jwks with the issuer's\n"
		"(user_management provider) or applicationID (shared-issuer provider) when both are\n"
		"literals or both are single variables. A jwks on another host (a custom auth domain,\n"
		"a data: URL) is not judged.",
	.example =
		"// wrong\n"
		"{ type: \"customJwt\", issuer: `https://api.workos.com/user_management/${clientId}`,\n"
		"  algorithm: \"RS256\", jwks: \"https://api.workos.com/.well-known/jwks.json\" },\n"
		"// right\n"
		"{ type: \"customJwt\", issuer: `https://api.workos.com/user_management/${clientId}`,\n"
		"  algorithm: \"RS256\", jwks: `https://api.workos.com/sso/jwks/${clientId}` },",
	.fix =
		"Write jwks: `https://api.workos.com/sso/jwks/${clientId}` in both WorkOS providers,\n"
		"with the same const clientId = process.env.WORKOS_CLIENT_ID; as the issuer and\n"
		"applicationID.",
	.sources =
		"WorkOS session-token reference (JWKS URL); workos/authkit-nextjs src/session.ts\n"
		"(getJwksUrl); Convex backend crates/authentication (JWKS fetch and kid errors).",
	.applies = APPLIES_WORKOS,
	.roles = ROLE_AUTH_CONFIG,
	.check_app = check,
};
