/* placeholder_env_value.c - a real env file still holding a template's placeholder. */
#include <string.h>

#include "rule.h"
#include "project.h"

/* short-cookie-password reports these (and short or one-character values) itself. */
static const char *const cookie_placeholders[] = {
	"your_32_char_minimum_password_here",
	"your_secure_password_here_must_be_at_least_32_characters_long",
};

static bool cookie_rule_covers(const char *key, const char *v)
{
	size_t i;

	if (strcmp(key, "WORKOS_COOKIE_PASSWORD"))
		return false;
	if (lint_js_length(v) < 32)
		return true;
	for (i = 0; i < ARRAY_SIZE(cookie_placeholders); i++)
		if (!strcmp(v, cookie_placeholders[i]))
			return true;
	for (i = 1; v[i] && v[i] == v[0]; i++)
		;
	return !v[i];
}

/* Keys the WorkOS and Convex setup fills in; other tools' variables are not ours to judge. */
static bool our_key(const char *key, const char *v)
{
	return strstr(key, "WORKOS") || strstr(key, "CONVEX") || starts_with(v, "client_") ||
	       starts_with(v, "sk_test_") || starts_with(v, "sk_live_");
}

/* What a placeholder in this variable breaks, and where the real value comes from. */
static void effect_of(const char *key, const char **breaks, const char **where)
{
	if (strstr(key, "CONVEX_URL")) {
		*breaks = "the Convex client cannot connect";
		*where = "run `npx convex dev`, which writes the deployment URL into .env.local";
	} else if (strstr(key, "CLIENT_ID")) {
		*breaks = "WorkOS does not know this client id, so sign-in fails";
		*where = "copy the client id from the WorkOS dashboard (API Keys), or let `npx convex dev` "
			 "provision it through convex.json's authKit section";
	} else if (strstr(key, "API_KEY")) {
		*breaks = "WorkOS rejects every API call made with it";
		*where = "copy the sk_test_ key from the WorkOS dashboard (API Keys)";
	} else if (strstr(key, "REDIRECT_URI")) {
		*breaks = "WorkOS rejects it as a redirect URI, so sign-in fails";
		*where = "set the callback URL of this app, e.g. http://localhost:3000/callback";
	} else if (strstr(key, "COOKIE_PASSWORD")) {
		*breaks = "anyone who read the same template can forge session cookies";
		*where = "generate one with `openssl rand -base64 32`";
	} else {
		*breaks = "the app starts with a value that cannot work";
		*where = "replace it with the real value";
	}
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	size_t i, j;

	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *e = app->envs[i];

		if (e->scope == ENV_TEMPLATE)
			continue;
		for (j = 0; j < e->env.nentries; j++) {
			const struct dotenv_entry *d = &e->env.entries[j];
			const char *v = d->value, *breaks, *where;
			struct lint_diag *diag;

			if (!lint_env_placeholder(v) || !our_key(d->key, v) || cookie_rule_covers(d->key, v))
				continue;
			effect_of(d->key, &breaks, &where);
			/* a placeholder is no secret, but a secret-named value is never quoted back */
			if (lint_env_secret_kind(d->key, v) == SECRET_NONE && strlen(v) <= 60)
				diag = lint_report(ctx, &e->src, d->value_start, d->value_end,
						   "%s in %s is still the template placeholder \"%s\": %s", d->key,
						   e->name, v, breaks);
			else
				diag = lint_report(ctx, &e->src, d->value_start, d->value_end,
						   "%s in %s is still a template placeholder: %s", d->key,
						   e->name, breaks);
			lint_help(diag, "%s", where);
		}
	}
}

const struct lint_rule rule_placeholder_env_value = {
	.id = "placeholder-env-value",
	.severity = SEV_ERROR,
	.family = "env",
	.summary = "an env file that is not a template still holds a template placeholder",
	.description =
		"The official templates ship .env.local.example files with placeholders such as\n"
		"client_..., sk_test_..., YOUR-WORKOS-CLIENT-ID and your-convex-url. Copied to\n"
		"`.env.local` and never filled in, they reach the app as real values: the Convex client\n"
		"cannot connect, WorkOS rejects the client id or the key, and sign-in fails with errors\n"
		"that do not mention the env file. Templates themselves (*.example, *.sample,\n"
		"*.template, .env.defaults) are meant to hold placeholders and are not reported; only\n"
		"WorkOS and Convex variables are judged.",
	.example =
		"# wrong: .env.local (copied from .env.local.example)\n"
		"VITE_WORKOS_CLIENT_ID=YOUR-WORKOS-CLIENT-ID\n"
		"VITE_CONVEX_URL=your-convex-url\n"
		"# right\n"
		"VITE_WORKOS_CLIENT_ID=client_01HZX4Q2M7V8K9J0ABCDEFGHJK\n"
		"VITE_CONVEX_URL=https://happy-otter-123.convex.cloud",
	.fix =
		"Run `npx convex dev` (it writes the Convex URL, and with convex.json's authKit section\n"
		"the WorkOS values) or copy the values from the WorkOS dashboard.",
	.sources =
		"get-convex/templates: template-nextjs-authkit and template-react-vite-authkit\n"
		".env.local.example.",
	.check_app = check,
};
