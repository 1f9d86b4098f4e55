/* invalid_provider_shape.c - a provider that is neither a valid customJwt nor a valid OIDC one. */
#include <string.h>

#include "authcfg.h"

/* The customJwt keys p lacks (and has no near miss of), as "jwks and algorithm". */
static const char *missing_custom(struct lint_ctx *ctx, const struct authcfg_provider *p,
				  const char **fix)
{
	const struct lint_prop *have[3] = { p->issuer, p->jwks, p->algorithm };
	static const char *const names[3] = { "issuer", "jwks", "algorithm" };
	const char *miss[3], *adds[3];
	int n = 0;

	for (int i = 0; i < 3; i++) {
		if (have[i] || authcfg_miss_of(p, names[i]))
			continue;
		/* a customJwt's domain is its issuer misnamed: one finding, "rename domain" */
		if (i == 0 && p->domain)
			continue;
		miss[n] = names[i];
		if (i == 0)
			adds[n] = p->workos ? "issuer: \"https://api.workos.com/\" (or "
					      "`https://api.workos.com/user_management/${clientId}`)" :
					      "issuer: \"<the iss claim of your tokens>\"";
		else if (i == 1)
			adds[n] = p->workos ? "jwks: `https://api.workos.com/sso/jwks/${clientId}`" :
					      "jwks: \"<the JWKS URL of your issuer>\"";
		else
			adds[n] = "algorithm: \"RS256\"";
		n++;
	}
	switch (n) {
	case 0:
		return NULL;
	case 1:
		*fix = adds[0];
		return miss[0];
	case 2:
		*fix = arena_printf(ctx->arena, "%s, %s", adds[0], adds[1]);
		return arena_printf(ctx->arena, "%s and %s", miss[0], miss[1]);
	default:
		*fix = arena_printf(ctx->arena, "%s, %s, %s", adds[0], adds[1], adds[2]);
		return "issuer, jwks and algorithm";
	}
}

static void check_type(struct lint_ctx *ctx, const struct authcfg *cfg,
		       const struct authcfg_provider *p)
{
	const char *t = p->type->value->str, *miss, *add = NULL;
	struct lint_diag *d;

	d = lint_report(ctx, cfg->src, p->type->value->start, p->type->value->end,
			"type \"%s\" is neither \"customJwt\" nor \"oidc\" (case matters): the push "
			"fails with \"%s has unexpected 'type' value '%s'\"", t,
			authcfg_at_index(ctx->arena, p), t);
	if (p->kind == AK_CUSTOM_JWT) {
		miss = missing_custom(ctx, p, &add);
		if (miss)
			lint_help(d, "write type: \"customJwt\" and add %s", add);
		else
			lint_help(d, "write type: \"customJwt\"");
	} else if (p->kind == AK_OIDC) {
		lint_help(d, "write type: \"oidc\" (or leave type out) for a domain provider");
	} else {
		lint_help(d, "write type: \"customJwt\" (with issuer, jwks and algorithm) or \"oidc\" "
			  "(with domain and applicationID)");
	}
}

static void check_issuer_on_oidc(struct lint_ctx *ctx, const struct authcfg *cfg,
				 const struct authcfg_provider *p)
{
	const char *miss, *add = NULL;
	struct lint_diag *d;

	d = lint_report(ctx, cfg->src, p->issuer->key_start, p->issuer->key_end,
			"issuer without type: \"customJwt\": Convex reads this provider as OIDC and "
			"the push fails with \"%s is oidc so cannot have an 'issuer' specified.\"",
			authcfg_at_index(ctx->arena, p));
	miss = missing_custom(ctx, p, &add);
	if (miss)
		lint_help(d, "write type: \"customJwt\" in this provider and add %s", add);
	else
		lint_help(d, "write type: \"customJwt\" in this provider");
}

static void check_algorithm(struct lint_ctx *ctx, const struct authcfg *cfg,
			    const struct authcfg_provider *p)
{
	const struct lint_value *v = p->algorithm->value;
	struct lint_diag *d;

	if (v->kind == LV_STRING) {
		if (v->flags & LV_HAS_ENV)
			return;
		if (!strcmp(v->str, "RS256") || (!strcmp(v->str, "ES256") && !p->workos))
			return;
		if (!strcmp(v->str, "ES256"))
			d = lint_report(ctx, cfg->src, v->start, v->end,
					"algorithm \"ES256\" on a WorkOS provider: WorkOS signs its "
					"access tokens with RS256, so Convex cannot verify them and "
					"every login fails");
		else
			d = lint_report(ctx, cfg->src, v->start, v->end,
					"algorithm \"%s\" is not \"RS256\" or \"ES256\" (case matters): "
					"the push fails with \"Invalid signature algorithm (only RS256 and "
					"ES256 are supported)\"", v->str);
	} else if (v->kind == LV_ARRAY || v->kind == LV_NUMBER || v->kind == LV_BOOL ||
		   v->kind == LV_NULL || v->kind == LV_OBJECT) {
		d = lint_report(ctx, cfg->src, v->start, v->end,
				"algorithm must be one string, \"RS256\" or \"ES256\": Convex rejects "
				"the push");
	} else {
		return;
	}
	lint_help(d, "write algorithm: \"RS256\"%s", p->workos ? " (WorkOS signs with RS256)" : "");
}

static void check_provider(struct lint_ctx *ctx, const struct authcfg *cfg,
			   const struct authcfg_provider *p)
{
	const char *t = authcfg_known(p->type) ? p->type->value->str : NULL;
	bool oidc_type = !p->type || (t && !strcmp(t, "oidc"));
	const char *miss, *add = NULL;
	struct lint_diag *d;
	uint32_t s, e;

	if (t && strcmp(t, "customJwt") && strcmp(t, "oidc"))
		check_type(ctx, cfg, p);
	if (t && !strcmp(t, "customJwt") && p->domain) {
		d = lint_report(ctx, cfg->src, p->domain->key_start, p->domain->key_end,
				"domain on a customJwt provider: the push fails with \"%s is a "
				"customJwt so cannot have a 'domain' specified\"",
				authcfg_at_index(ctx->arena, p));
		lint_help(d, p->issuer ? "remove domain (issuer says where tokens come from)" :
			  "rename domain to issuer");
	}
	/* a misspelled type (Type, typ) is misspelled-provider-key's finding */
	if (oidc_type && p->issuer && !(!p->type && authcfg_miss_of(p, "type")))
		check_issuer_on_oidc(ctx, cfg, p);
	if (t && !strcmp(t, "customJwt") && (miss = missing_custom(ctx, p, &add))) {
		authcfg_provider_range(p, &s, &e);
		d = lint_report(ctx, cfg->src, s, e,
				"customJwt provider without %s: Convex rejects the push (a customJwt "
				"provider needs issuer, jwks and algorithm)", miss);
		lint_help(d, "add %s", add);
	}
	if (p->algorithm)
		check_algorithm(ctx, cfg, p);
	/* the WorkOS domain provider is legacy-oidc-workos-provider's finding */
	if (p->kind != AK_OIDC || !oidc_type || p->legacy || p->issuer)
		return;
	if (p->domain && !p->app_id && !authcfg_miss_of(p, "applicationID")) {
		d = lint_report(ctx, cfg->src, p->domain->key_start, p->domain->key_end,
				"OIDC provider (domain:) without applicationID: Convex rejects the push "
				"(an OIDC provider needs domain and applicationID)");
		lint_help(d, "add applicationID: \"<the aud claim your tokens carry>\"");
	} else if (!p->domain && !authcfg_miss_of(p, "domain") && !authcfg_miss_of(p, "issuer") &&
		   !authcfg_miss_of(p, "jwks") && !authcfg_miss_of(p, "type")) {
		authcfg_provider_range(p, &s, &e);
		d = lint_report(ctx, cfg->src, s, e,
				"provider with neither issuer (customJwt) nor domain (oidc): Convex "
				"rejects the push");
		lint_help(d, "for WorkOS use the two customJwt providers of the official template: %s",
			  AUTHCFG_TEMPLATE);
	}
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct authcfg *cfg;
	size_t i;

	if (!(cfg = authcfg_get(app)))
		return;
	for (i = 0; i < cfg->n; i++)
		check_provider(ctx, cfg, &cfg->p[i]);
}

const struct lint_rule rule_invalid_provider_shape = {
	.id = "invalid-provider-shape",
	.severity = SEV_ERROR,
	.family = "auth-config",
	.summary = "a provider is neither a valid customJwt nor a valid OIDC provider",
	.description =
		"Convex knows two provider shapes: customJwt { type: \"customJwt\", issuer, jwks,\n"
		"algorithm, applicationID? } and OIDC { domain, applicationID } (type absent or\n"
		"\"oidc\"). At push time it rejects, in its words: a type other than those two\n"
		"(\"has unexpected 'type' value 'customJWT'\"), a domain on a customJwt (\"is a customJwt\n"
		"so cannot have a 'domain' specified\"), an issuer without type: \"customJwt\" (\"is oidc\n"
		"so cannot have an 'issuer' specified.\"), a customJwt without issuer, jwks or\n"
		"algorithm, an algorithm other than exactly \"RS256\" or \"ES256\" (\"Invalid signature\n"
		"algorithm (only RS256 and ES256 are supported)\"), and an OIDC provider without\n"
		"domain or applicationID. WorkOS signs its access tokens with RS256, so \"ES256\" on a\n"
		"WorkOS provider is reported too: the push succeeds but no token verifies. A key that\n"
		"is only misspelled is misspelled-provider-key's finding, and the old WorkOS domain\n"
		"provider is legacy-oidc-workos-provider's.",
	.example =
		"// wrong: no type, so Convex reads an OIDC provider with an issuer\n"
		"{ issuer: \"https://api.workos.com/\", applicationID: clientId },\n"
		"// right\n"
		"{ type: \"customJwt\", issuer: \"https://api.workos.com/\", algorithm: \"RS256\",\n"
		"  applicationID: clientId, jwks: `https://api.workos.com/sso/jwks/${clientId}` },",
	.fix =
		"For WorkOS write the two customJwt providers of the official template: type\n"
		"\"customJwt\" (exactly), issuer, jwks `https://api.workos.com/sso/jwks/${clientId}`\n"
		"and algorithm \"RS256\"; applicationID only on the https://api.workos.com/ provider.",
	.sources =
		"Convex backend crates/isolate/src/environment/auth_config.rs\n"
		"(check_for_common_confusions) and crates/common/src/auth.rs (SerializedAuthInfo,\n"
		"signature algorithms); convex-js src/server/authentication.ts (AuthProvider).",
	.roles = ROLE_AUTH_CONFIG,
	.check_app = check,
};
