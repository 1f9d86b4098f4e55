/* quoted_env_value.c - an env value that still carries quote characters after dotenv unquotes it. */
#include <string.h>

#include "rule.h"
#include "project.h"

/* The quote layer a value kept: '"', '\'' or '\\' for \"...\"; 0 when there is none. */
static char extra_layer(const char *v)
{
	size_t n = strlen(v);

	if (n >= 4 && v[0] == '\\' && v[1] == '"' && v[n - 2] == '\\' && v[n - 1] == '"') {
		/* \"...\" (dotenv keeps the backslashes of escaped quotes) */
		const char *in = v + 2, *q = strchr(in, '"');

		return q == v + n - 1 ? '\\' : 0;
	}
	if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0]) {
		/* a value such as "a" and "b" is quoted text, not a wrapped value */
		const char *q = memchr(v + 1, v[0], n - 2);

		return q ? 0 : v[0];
	}
	return 0;
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	size_t i, j;

	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *e = app->envs[i];

		for (j = 0; j < e->env.nentries; j++) {
			const struct dotenv_entry *d = &e->env.entries[j];
			char q = extra_layer(d->value);
			struct lint_diag *diag;

			if (!q)
				continue;
			diag = lint_report(ctx, &e->src, d->value_start, d->value_end,
					   "%s in %s keeps a literal pair of %s in its value: the app reads "
					   "the quote characters as part of it, so a URL, id or key no longer "
					   "matches (Convex rejects an issuer that starts with a quote)", d->key,
					   e->name, q == '\'' ? "single quotes" :
					   q == '\\' ? "escaped double quotes" : "double quotes");
			lint_help(diag, "keep one layer of quotes at most: %s=value or %s=\"value\"", d->key,
				  d->key);
		}
	}
}

const struct lint_rule rule_quoted_env_value = {
	.id = "quoted-env-value",
	.severity = SEV_WARNING,
	.family = "env",
	.summary = "an env value wrapped in an extra layer of literal quotes",
	.description =
		"dotenv removes one pair of quotes around a value. A value written with two layers,\n"
		"KEY='\"value\"' or KEY=\"\\\"value\\\"\", keeps the inner quotes, and so does a value\n"
		"pasted with quotes into a platform's env settings and then copied back. The app then\n"
		"compares, sends or parses a value that starts and ends with a quote: a client id\n"
		"WorkOS does not know, a URL that does not parse, and, in Convex's auth config, an\n"
		"issuer the backend rejects with \"starts with a double quote\".",
	.example =
		"# wrong\n"
		"WORKOS_CLIENT_ID='\"client_01HZX4Q2M7V8K9J0ABCDEFGHJK\"'\n"
		"# right\n"
		"WORKOS_CLIENT_ID=client_01HZX4Q2M7V8K9J0ABCDEFGHJK",
	.fix = "Remove the inner quotes, leaving KEY=value or KEY=\"value\".",
	.sources =
		"dotenv parse() strips one pair of matching quotes; Convex backend auth.rs\n"
		"deserialize_issuer_url (\"starts with a double quote\").",
	.check_app = check,
};
