/* invalid_issuer_url.c - an issuer or domain that Convex's URL check rejects at push time. */
#include <string.h>

#include "authcfg.h"

static void check_url(struct lint_ctx *ctx, const struct authcfg *cfg, const struct lint_prop *k)
{
	const struct lint_value *v;
	const char *why, *shown, *q;
	struct lint_diag *d;
	bool convex_words;

	if (!k || k->value->kind != LV_STRING)
		return;
	v = k->value;
	why = authcfg_url_problem(ctx->arena, v->str, &convex_words);
	if (!why)
		return;
	shown = authcfg_show(ctx->arena, v->str);
	q = strchr(shown, '"') ? "'" : "\"";
	/* the literal, even when a const carries it into several providers */
	if (convex_words)
		d = lint_report(ctx, cfg->src, v->def_start, v->def_end,
				"%s %s%s%s is not a URL Convex accepts: the push fails with \"Invalid "
				"provider domain URL \"%s\": %s\"", k->key, q, shown, q, shown, why);
	else
		d = lint_report(ctx, cfg->src, v->def_start, v->def_end,
				"%s %s%s%s is not a URL Convex accepts (%s): the push fails with "
				"\"Invalid provider domain URL\"", k->key, q, shown, q, why);
	if (v->str[0] == '"' || v->str[0] == '\'' || v->str[0] == '`')
	{
		const char *inner = authcfg_show(ctx->arena, arena_strndup(ctx->arena, v->str + 1,
				v->len > 1 && v->str[v->len - 1] == v->str[0] ? v->len - 2 : v->len - 1));
		const char *lq = strstr(inner, "${") ? "`" : "\"";

		lint_help(d, "remove the quotes inside the string: %s: %s%s%s", k->key, lq, inner, lq);
	}
	else if (authcfg_workos_url(v->str) || strstr(v->str, "workos"))
		lint_help(d, "write the full URL: %s: \"https://api.workos.com/\" (or "
			  "`https://api.workos.com/user_management/${clientId}`)", k->key);
	else
		lint_help(d, "write the full https:// URL of the issuer, e.g. \"https://auth.example.com\"");
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct authcfg *cfg;
	size_t i;

	if (!(cfg = authcfg_get(app)))
		return;
	for (i = 0; i < cfg->n; i++) {
		check_url(ctx, cfg, cfg->p[i].issuer);
		check_url(ctx, cfg, cfg->p[i].domain);
	}
}

const struct lint_rule rule_invalid_issuer_url = {
	.id = "invalid-issuer-url",
	.severity = SEV_ERROR,
	.family = "auth-config",
	.summary = "an issuer or domain is not a URL Convex accepts",
	.description =
		"Convex parses every provider's issuer (customJwt) and domain (OIDC) as a URL when you\n"
		"push, and stops with \"Invalid provider domain URL ...\" when it cannot: a value that\n"
		"starts with a double quote (an env value saved with its quotes: \"starts with a double\n"
		"quote (\\\")\"), a scheme other than https (ftp://, HTTPS:// in capitals), a scheme typed\n"
		"wrong (https//api.workos.com, https:/api.workos.com), or, with no scheme at all, a host\n"
		"that does not end in a top-level domain (\"Does not look like a URL (must have a scheme\n"
		"or end with a top-level domain)\"). Without a scheme Convex prepends https://, so\n"
		"\"api.workos.com\" alone is fine. Only the literal part is judged: a value read from an\n"
		"env variable is the deployment's business.",
	.example =
		"// wrong\n"
		"issuer: \"https//api.workos.com/\",\n"
		"// right\n"
		"issuer: \"https://api.workos.com/\",",
	.fix = "Write the full URL with https:// and no surrounding quotes inside the string.",
	.sources = "Convex backend crates/common/src/auth.rs (deserialize_issuer_url, ends_with_tld).",
	.roles = ROLE_AUTH_CONFIG,
	.check_app = check,
};
