/* misspelled_provider_key.c - a provider key Convex does not read, next to the one it needs. */
#include <string.h>

#include "authcfg.h"

/* What the missing key costs, for the message. */
static const char *consequence(const struct authcfg_provider *p, const char *valid)
{
	if (!strcmp(valid, "applicationID"))
		return p->shared_issuer ? "this provider has no applicationID and the push fails "
					  "with InsecureConfiguration" :
		       p->kind == AK_OIDC ? "this provider has no applicationID and the push fails" :
					    "this provider has no applicationID and the token's aud "
					    "is never checked";
	if (!strcmp(valid, "type"))
		return "this provider has no type and Convex reads it as OIDC";
	return NULL;
}

/* The real key, as the provider has it (undefined counts as absent). */
static bool has_key(const struct authcfg_provider *p, const char *valid)
{
	static const char *const names[] = {
		"type", "issuer", "domain", "jwks", "algorithm", "applicationID",
	};
	const struct lint_prop *have[] = { p->type, p->issuer, p->domain, p->jwks, p->algorithm,
					   p->app_id };

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(valid, names[i]))
			return have[i] != NULL;
	return false;
}

/*
 * Whether renaming to valid can only fix the provider, never break one that works: true when
 * Convex rejects the provider as it is, because the key is applicationId/applicationid (F10)
 * or because the provider lacks a key it requires (F11, F12). A rename that merely starts
 * checking something (an aud check on a provider that works without one) is unsafe.
 */
static bool rename_is_safe(const struct authcfg_provider *p, const char *key, const char *valid)
{
	if (!strcmp(key, "applicationId") || !strcmp(key, "applicationid"))
		return true;
	/* without its type a provider with an issuer is OIDC, which may not have one (F10) */
	if (p->kind == AK_CUSTOM_JWT)
		return !strcmp(valid, "issuer") || !strcmp(valid, "jwks") || !strcmp(valid, "algorithm") ||
		       (!strcmp(valid, "applicationID") && p->shared_issuer) ||
		       (!strcmp(valid, "type") && p->issuer && !p->domain);
	if (p->kind == AK_OIDC)
		return !strcmp(valid, "domain") || !strcmp(valid, "applicationID");
	return false;
}

/* The key's new text: quotes kept; a shorthand `{ applicationId }` keeps its variable. */
static const char *renamed(struct lint_ctx *ctx, const struct lint_source *src, TSNode key,
			   const char *old, const char *valid)
{
	char q = src->buf[ts_node_start_byte(key)];

	if (ts_is(key, "shorthand_property_identifier"))
		return arena_printf(ctx->arena, "%s: %s", valid, old);
	if (!ts_is(ts_node_parent(key), "pair"))
		return NULL;
	if (ts_is(key, "string") && (q == '"' || q == '\''))
		return arena_printf(ctx->arena, "%c%s%c", q, valid, q);
	return ts_is(key, "property_identifier") ? valid : NULL;
}

/* The fix: the key renamed, and a one-string `algorithms: ["RS256"]` unwrapped. */
static void rename_fix(struct lint_ctx *ctx, const struct authcfg *cfg, struct lint_diag *d,
		       const struct lint_prop *k, const char *valid, bool safe)
{
	const struct lint_source *src = cfg->src;
	TSTree *tree = cfg->app->auth_config->tree;
	TSNode key = ts_node_at(tree, k->key_start, k->key_end);
	struct lint_edit e[2];
	size_t n = 1;

	if (ts_node_is_null(key))
		return;
	e[0].start = k->key_start;
	e[0].end = k->key_end;
	if (!(e[0].text = renamed(ctx, src, key, k->key, valid)))
		return;
	if (!strcmp(valid, "algorithm") && k->value->kind == LV_ARRAY) {
		TSNode arr = ts_node_at(tree, k->value->start, k->value->end), only;

		/* only the literal list written right there, holding one string */
		if (!ts_is(arr, "array") || ts_node_named_child_count(arr) != 1 ||
		    k->value->nitems != 1 || k->value->items[0]->kind != LV_STRING ||
		    ts_is(key, "shorthand_property_identifier"))
			return;
		only = ts_node_named_child(arr, 0);
		if (!ts_is(only, "string"))
			return;
		e[1].start = ts_node_start_byte(arr);
		e[1].end = ts_node_end_byte(arr);
		e[1].text = ts_text(ctx->arena, src, only);
		n = 2;
	}
	lint_fix(ctx, d, src, safe, arena_printf(ctx->arena, "rename `%s` to `%s`%s", k->key, valid,
						 n == 2 ? " and make it one string" : ""), e, n);
}

/* Close to "providers": a case slip, the singular, a typo. */
static bool near_providers(const char *key)
{
	return strcmp(key, "providers") && authcfg_typo_distance(key, "providers") <= 2 &&
	       strlen(key) >= 7;
}

static void check_top(struct lint_ctx *ctx, const struct authcfg *cfg)
{
	const struct lint_value *c = cfg->config;
	struct lint_diag *d;
	size_t i;

	if (cfg->providers)
		return;
	for (i = 0; i < c->nprops; i++) {
		const struct lint_prop *k = &c->props[i];

		if (!near_providers(k->key))
			continue;
		d = lint_report(ctx, cfg->src, k->key_start, k->key_end,
				"the auth config has `%s` instead of `providers`: Convex reads only "
				"`providers`, so none of these providers is configured", k->key);
		lint_help(d, "rename `%s` to `providers` (a list: providers: [ ... ])", k->key);
		/*
		 * Unsafe: Convex has never read these providers; once it does, the next push
		 * validates them (and may fail) and the deployment starts accepting their tokens.
		 */
		if (k->value->kind == LV_ARRAY) {
			TSNode key = ts_node_at(cfg->app->auth_config->tree, k->key_start, k->key_end);
			struct lint_edit e = { k->key_start, k->key_end, NULL };

			if (!ts_node_is_null(key) &&
			    (e.text = renamed(ctx, cfg->src, key, k->key, "providers")))
				lint_fix(ctx, d, cfg->src, false, arena_printf(ctx->arena,
					 "rename `%s` to `providers`", k->key), &e, 1);
		}
		return;
	}
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct authcfg *cfg;
	uint32_t seen[64];
	size_t nseen = 0, nrep = 0, i, j, k;

	if (!(cfg = authcfg_get(app)))
		return;
	check_top(ctx, cfg);
	for (i = 0; i < cfg->n; i++) {
		const struct authcfg_provider *p = &cfg->p[i];

		for (j = 0; j < p->obj->nprops; j++) {
			const struct lint_prop *k2 = &p->obj->props[j];
			const char *valid = authcfg_near_miss(k2->key);
			bool convex_checks;
			struct lint_diag *d;

			if (!valid || k2->value->kind == LV_UNDEFINED)
				continue;
			/* one provider object can be listed twice through a const */
			for (k = 0; k < nseen && seen[k] != k2->key_start; k++)
				;
			if (k < nseen)
				continue;
			convex_checks = !strcmp(k2->key, "applicationId") || !strcmp(k2->key, "applicationid");
			if (!convex_checks) {
				/* harmless next to the real key; and the user_management provider
				 * must not have an applicationID at all */
				if (has_key(p, valid))
					continue;
				if (!strcmp(valid, "applicationID") &&
				    (p->um_issuer || (authcfg_str(p->issuer) &&
						      strstr(authcfg_str(p->issuer), "/user_management/"))))
					continue;
				/*
				 * applicationID is optional on a customJwt: another name for it
				 * (clientId, audience) may be the app's own data; a spelling of it
				 * (ApplicationID, applicatonID) is not
				 */
				if (!strcmp(valid, "applicationID") && p->kind == AK_CUSTOM_JWT &&
				    !p->shared_issuer && authcfg_typo_distance(k2->key, valid) > 2)
					continue;
			}
			if (nseen < ARRAY_SIZE(seen))
				seen[nseen++] = k2->key_start;
			if (++nrep > AUTHCFG_MAX)
				return;
			if (convex_checks) {
				d = lint_report(ctx, cfg->src, k2->key_start, k2->key_end,
						"`%s` must be spelled applicationID: the push fails with "
						"\"%s must have applicationID property spelled lowercase "
						"'application', capital I, capital D.\"", k2->key,
						authcfg_at_index(ctx->arena, p));
			} else {
				const char *what = consequence(p, valid);

				d = lint_report(ctx, cfg->src, k2->key_start, k2->key_end,
						"`%s` is not a key Convex reads: it ignores unknown keys, so "
						"%s (the key is `%s`)", k2->key, what ? what :
						arena_printf(ctx->arena, "this provider has no %s and the "
							     "push fails", valid), valid);
			}
			if (!strcmp(valid, "algorithm") && k2->value->kind == LV_ARRAY)
				lint_help(d, "write algorithm: \"RS256\" (one string, not a list)");
			else
				lint_help(d, "rename `%s` to `%s`", k2->key, valid);
			rename_fix(ctx, cfg, d, k2, valid, rename_is_safe(p, k2->key, valid));
		}
	}
}

const struct lint_rule rule_misspelled_provider_key = {
	.id = "misspelled-provider-key",
	.severity = SEV_ERROR,
	.family = "auth-config",
	.summary = "a provider key is misspelled (applicationId, jwksUri, algorithms, issuerUrl, ...)",
	.description =
		"Convex reads exactly these provider keys: type, applicationID, issuer, jwks, algorithm\n"
		"and domain, and ignores any other. Two spellings it rejects outright: applicationId\n"
		"and applicationid fail the push with \"Provider at index N must have applicationID\n"
		"property spelled lowercase 'application', capital I, capital D.\" Every other near\n"
		"miss (jwksUri, jwksUrl, algorithms, alg, issuerUrl, audience, clientId, Issuer, a\n"
		"one-letter typo) is silently dropped, so the provider lacks the real key: the push\n"
		"fails for a missing jwks, issuer or algorithm, or the aud check silently disappears.\n"
		"A near miss next to the real key is harmless and not reported, and neither is a stray\n"
		"clientId on the user_management provider (it must have no applicationID) or, on a\n"
		"customJwt whose issuer is not WorkOS's shared one, another name for applicationID\n"
		"(clientId, audience: there it is optional, and the key may be the app's own data).\n"
		"`provider` or `Providers` instead of the top-level `providers` is reported too.",
	.example =
		"// wrong\n"
		"{ type: \"customJwt\", issuer: \"https://api.workos.com/\", algorithms: [\"RS256\"],\n"
		"  applicationId: clientId, jwksUri: `https://api.workos.com/sso/jwks/${clientId}` },\n"
		"// right\n"
		"{ type: \"customJwt\", issuer: \"https://api.workos.com/\", algorithm: \"RS256\",\n"
		"  applicationID: clientId, jwks: `https://api.workos.com/sso/jwks/${clientId}` },",
	.fix = "Rename the key to the one Convex reads: applicationID, jwks, algorithm, issuer, domain\n"
	       "or type (algorithm is one string: \"RS256\"). `cwlint --fix` renames it when Convex\n"
	       "rejects the provider as it is (applicationId, or a key the provider requires); other\n"
	       "renames, which would start an aud check or enable a `provider` list Convex never read,\n"
	       "need --unsafe-fixes.",
	.sources =
		"Convex backend crates/isolate/src/environment/auth_config.rs\n"
		"(check_for_common_confusions) and crates/common/src/auth.rs (serde field names);\n"
		"convex-js src/server/authentication.ts (the AuthConfig type).",
	.roles = ROLE_AUTH_CONFIG,
	.check_app = check,
};
