/* missing_workos_issuer.c - the auth config lacks one of WorkOS's two JWT issuers. */
#include <string.h>

#include "authcfg.h"

/* Provider A: WorkOS's shared issuer, tokens carry aud = client id. Trailing slash optional (F14). */
static bool shared_issuer(const char *s)
{
	return !strcmp(s, "https://api.workos.com/") || !strcmp(s, "https://api.workos.com");
}

/* Provider B: the per-client AuthKit issuer, tokens carry no aud. */
static bool user_mgmt_issuer(const char *s)
{
	static const char prefix[] = "https://api.workos.com/user_management/";

	return starts_with(s, prefix) && s[sizeof(prefix) - 1] && s[sizeof(prefix) - 1] != '/';
}

static const struct lint_value *str_prop(const struct lint_value *p, const char *key)
{
	const struct lint_prop *pr = lint_value_get(p, key);

	return pr ? pr->value : NULL;
}

/* An OIDC-style provider (domain:, no issuer) that points at workos.com. */
static bool legacy_domain(const struct lint_value *p)
{
	const struct lint_value *d = str_prop(p, "domain"), *t = str_prop(p, "type");

	return d && d->kind == LV_STRING && authcfg_workos_url(d->str) && !str_prop(p, "issuer") &&
	       (!t || t->kind == LV_UNDEFINED || lint_value_is_str(t, "oidc"));
}

/* A provider whose issuer or domain key is misspelled (issuerUrl): misspelled-provider-key's. */
static bool misspelled_issuer(const struct lint_value *p)
{
	for (size_t i = 0; i < p->nprops; i++) {
		const char *m = authcfg_near_miss(p->props[i].key);

		if (m && (!strcmp(m, "issuer") || !strcmp(m, "domain")) && !str_prop(p, m))
			return true;
	}
	return false;
}

/*
 * The client id expression the config already uses, for the help text: the part after
 * "/user_management/" or "/sso/jwks/" in a known provider, else ${clientId}.
 */
static const char *client_expr(struct lint_ctx *ctx, const struct lint_value *providers)
{
	size_t i;

	for (i = 0; i < providers->nitems; i++) {
		const struct lint_value *p = providers->items[i];
		const struct lint_value *v[2] = { str_prop(p, "issuer"), str_prop(p, "jwks") };
		const char *marks[2] = { "/user_management/", "/sso/jwks/" };

		if (p->kind != LV_OBJECT)
			continue;
		for (int k = 0; k < 2; k++) {
			const char *at;

			if (!v[k] || v[k]->kind != LV_STRING || !(at = strstr(v[k]->str, marks[k])))
				continue;
			at += strlen(marks[k]);
			if (starts_with(at, "${env:") && strchr(at, '}'))
				return arena_printf(ctx->arena, "${process.env.%.*s}",
						    (int)(strchr(at, '}') - at - 6), at + 6);
		}
	}
	return "${clientId}";
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct lint_eval *ev = app->auth_eval;
	const struct lint_source *src;
	const struct lint_prop *prov;
	const struct lint_value *list;
	bool has_a = false, has_b = false, workos = false;
	struct lint_diag *d;
	const char *cid;
	bool cw;
	size_t i;

	if (!ev || !ev->config || ev->status != EVAL_OK || ev->config->kind != LV_OBJECT)
		return;
	src = &app->auth_config->src;
	prov = lint_value_get(ev->config, "providers");
	if (!prov || prov->value->kind != LV_ARRAY || (prov->value->flags & LV_PARTIAL))
		return;
	list = prov->value;
	for (i = 0; i < list->nitems; i++) {
		const struct lint_value *p = list->items[i];
		static const char *const keys[] = { "issuer", "domain", "jwks" };

		/* a provider we cannot see could be the missing one: say nothing */
		if (p->kind != LV_OBJECT || (p->flags & LV_PARTIAL))
			return;
		/* one finding per root cause: the rule that names it gives the fix */
		if (legacy_domain(p) && lint_rule_enabled(ctx, "legacy-oidc-workos-provider"))
			return;
		if (misspelled_issuer(p) && lint_rule_enabled(ctx, "misspelled-provider-key"))
			return;
		/*
		 * A WorkOS JWKS behind an issuer on another host is a custom Authentication API
		 * domain (tokens then carry that host as iss): whether both issuers are covered
		 * cannot be judged from here.
		 */
		{
			const struct lint_value *iss = str_prop(p, "issuer"), *jw = str_prop(p, "jwks");

			if (iss && jw && iss->kind == LV_STRING && jw->kind == LV_STRING &&
			    strstr(jw->str, "api.workos.com/") && !strstr(iss->str, "workos.com"))
				return;
		}
		for (size_t k = 0; k < ARRAY_SIZE(keys); k++) {
			const struct lint_value *v = str_prop(p, keys[k]);

			if (!v)
				continue;
			if (v->kind != LV_STRING)
				return;
			/* a host from the environment (a custom auth domain) cannot be judged */
			if (k < 2 && (starts_with(v->str, "https://${env:") || starts_with(v->str, "${env:")))
				return;
			/* a mistyped WorkOS URL is invalid-issuer-url's finding */
			if (k < 2 && strstr(v->str, "workos") && authcfg_url_problem(ctx->arena, v->str, &cw) &&
			    lint_rule_enabled(ctx, "invalid-issuer-url"))
				return;
			if (strstr(v->str, "workos.com"))
				workos = true;
			if (k < 2 && shared_issuer(v->str))
				has_a = true;
			if (k < 2 && user_mgmt_issuer(v->str))
				has_b = true;
		}
	}
	for (i = 0; i < ev->nenv_reads; i++)
		if (starts_with(ev->env_reads[i].name, "WORKOS_"))
			workos = true;
	if (!workos || (has_a && has_b))
		return;
	cid = client_expr(ctx, list);
	if (has_a) {
		d = lint_report(ctx, src, prov->key_start, prov->key_end,
				"the auth config lacks WorkOS's user-management issuer "
				"(https://api.workos.com/user_management/<clientId>): AuthKit access tokens "
				"from it carry no aud claim and fail with \"No auth provider found matching "
				"the given token\"");
		lint_help(d, "add { type: \"customJwt\", issuer: `https://api.workos.com/user_management/%s`, "
			  "algorithm: \"RS256\", jwks: `https://api.workos.com/sso/jwks/%s` } (no applicationID)",
			  cid, cid);
	} else if (has_b) {
		d = lint_report(ctx, src, prov->key_start, prov->key_end,
				"the auth config lacks WorkOS's shared issuer (https://api.workos.com/): "
				"tokens issued with iss https://api.workos.com (aud = your client id) fail with "
				"\"No auth provider found matching the given token\"");
		lint_help(d, "add { type: \"customJwt\", issuer: \"https://api.workos.com/\", algorithm: "
			  "\"RS256\", applicationID: clientId, jwks: `https://api.workos.com/sso/jwks/%s` }",
			  cid);
	} else {
		d = lint_report(ctx, src, prov->key_start, prov->key_end,
				"the auth config uses WorkOS but has neither of its two JWT issuers: no "
				"WorkOS token is accepted and every Convex call runs unauthenticated");
		lint_help(d, "add both customJwt providers: issuer \"https://api.workos.com/\" with "
			  "applicationID: clientId, and issuer `https://api.workos.com/user_management/%s` "
			  "without applicationID; both with algorithm \"RS256\" and jwks "
			  "`https://api.workos.com/sso/jwks/%s`", cid, cid);
	}
}

const struct lint_rule rule_missing_workos_issuer = {
	.id = "missing-workos-issuer",
	.severity = SEV_ERROR,
	.family = "auth-config",
	.summary = "the auth config uses WorkOS but lacks one of its two customJwt issuers",
	.description =
		"WorkOS issues access tokens in two shapes: iss https://api.workos.com with aud set to\n"
		"the client id (older environments), and iss\n"
		"https://api.workos.com/user_management/<clientId> with no aud (AuthKit user\n"
		"management). Convex accepts a token only when some provider's issuer matches its iss,\n"
		"so convex/auth.config.ts needs one customJwt provider for each. Without the matching\n"
		"one, every login ends in \"No auth provider found matching the given token\" and\n"
		"ctx.auth.getUserIdentity() returns null. cwlint evaluates the default export\n"
		"statically; when the provider list is built by a function or spreads an imported value,\n"
		"it stays silent rather than guess.",
	.example =
		"// wrong: only one issuer\n"
		"export default { providers: [\n"
		"  { type: \"customJwt\", issuer: \"https://api.workos.com/\", algorithm: \"RS256\",\n"
		"    applicationID: clientId, jwks: `https://api.workos.com/sso/jwks/${clientId}` },\n"
		"] };\n"
		"// right: add the user-management issuer (no applicationID)\n"
		"  { type: \"customJwt\", issuer: `https://api.workos.com/user_management/${clientId}`,\n"
		"    algorithm: \"RS256\", jwks: `https://api.workos.com/sso/jwks/${clientId}` },",
	.fix =
		"Keep both providers of the official templates: issuer \"https://api.workos.com/\" with\n"
		"applicationID: clientId, and issuer `https://api.workos.com/user_management/${clientId}`\n"
		"without applicationID, both algorithm \"RS256\" and jwks\n"
		"`https://api.workos.com/sso/jwks/${clientId}`, where\n"
		"const clientId = process.env.WORKOS_CLIENT_ID;",
	.sources =
		"get-convex/templates template-*-authkit/convex/auth.config.ts; Convex docs\n"
		"auth/authkit (_auth_config_ts.mdx); WorkOS template commit \"account for both JWT types\n"
		"in auth.config.ts\"; Convex backend crates/authentication (issuer matching).",
	.roles = ROLE_AUTH_CONFIG,
	.check_app = check,
};
