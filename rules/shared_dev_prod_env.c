/* shared_dev_prod_env.c - development and production pointed at one WorkOS environment. */
#include <string.h>

#include "rule.h"

static const char *const client_keys[] = {
	"WORKOS_CLIENT_ID", "VITE_WORKOS_CLIENT_ID", "NEXT_PUBLIC_WORKOS_CLIENT_ID", NULL,
};
static const char *const redirect_keys[] = {
	"NEXT_PUBLIC_WORKOS_REDIRECT_URI", "VITE_WORKOS_REDIRECT_URI", "WORKOS_REDIRECT_URI", NULL,
};

/* Real-looking values only: template placeholders such as "client_01..." never compare equal. */
static struct lint_regex real_client = LINT_REGEX("^client_[0-9A-HJKMNP-TV-Z]{10,}$");
static struct lint_regex real_key = LINT_REGEX("^sk_(test|live)_[A-Za-z0-9]{10,}$");
static struct lint_regex local_url =
	LINT_REGEX("^[a-zA-Z][a-zA-Z0-9+.-]*://(localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1\\])([:/?#]|$)");

static const char *val(const struct dotenv_entry *d)
{
	return d->expanded ? d->expanded : d->value;
}

static bool workos_key(const char *key)
{
	return strstr(key, "WORKOS") != NULL;
}

static bool scoped(const struct lint_envfile *e)
{
	return e->scope == ENV_DEVELOPMENT || e->scope == ENV_PRODUCTION;
}

/* The same client id or API key in a development file and a production file. */
static void same_values(struct lint_ctx *ctx, struct lint_app *app)
{
	size_t i, j, k, l;

	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *prod = app->envs[i];

		if (prod->scope != ENV_PRODUCTION)
			continue;
		for (j = 0; j < prod->env.nentries; j++) {
			const struct dotenv_entry *p = &prod->env.entries[j];
			bool is_client = in_list(p->key, client_keys);
			bool done = false;

			if (dotenv_get(&prod->env, p->key) != p)
				continue;	/* an earlier duplicate: the last one is what loads */
			/*
			 * An equal API key is sk_test_ (reported in the production file) or sk_live_
			 * (reported in the development file) by one_file(): one finding is enough.
			 */
			if (!is_client || !lint_regex_match(&real_client, val(p)))
				continue;
			for (k = 0; k < app->nenvs && !done; k++) {
				const struct lint_envfile *dev = app->envs[k];

				if (dev->scope != ENV_DEVELOPMENT)
					continue;
				for (l = 0; l < dev->env.nentries && !done; l++) {
					const struct dotenv_entry *d = &dev->env.entries[l];
					struct lint_diag *diag;

					if (strcmp(val(d), val(p)) || !in_list(d->key, client_keys))
						continue;
					diag = lint_report(ctx, &prod->src, p->value_start, p->value_end,
							   "%s in %s is the same client id as %s in %s: development "
							   "and production share one WorkOS environment (its users, "
							   "redirect URIs and sessions)", p->key, prod->name,
							   d->key, dev->name);
					lint_help(diag, "use the production environment's client id from the "
						  "WorkOS dashboard here, and on the production deployment: `npx "
						  "convex env set --prod WORKOS_CLIENT_ID client_...`");
					done = true;
				}
			}
		}
	}
}

/* The development file that holds value under any key, for "the same key as" notes. */
static const struct lint_envfile *dev_with_value(const struct lint_app *app, const char *value)
{
	size_t i, j;

	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *e = app->envs[i];

		if (e->scope != ENV_DEVELOPMENT)
			continue;
		for (j = 0; j < e->env.nentries; j++)
			if (!strcmp(val(&e->env.entries[j]), value))
				return e;
	}
	return NULL;
}

static void one_file(struct lint_ctx *ctx, const struct lint_envfile *e)
{
	const struct dotenv_entry *live = NULL, *local_redirect = NULL;
	struct lint_diag *d;
	size_t i;

	for (i = 0; i < e->env.nentries; i++) {
		const struct dotenv_entry *x = &e->env.entries[i];
		const char *v = val(x);

		if (dotenv_get(&e->env, x->key) != x)
			continue;
		if (workos_key(x->key) && starts_with(v, "sk_live_") && lint_regex_match(&real_key, v)) {
			live = x;
			if (e->scope == ENV_DEVELOPMENT) {
				d = lint_report(ctx, &e->src, x->value_start, x->value_end,
						"a live WorkOS API key (sk_live_) in the development file %s: local "
						"runs then act on production users and data", e->name);
				lint_help(d, "use the staging environment's sk_test_ key here and keep the "
					  "sk_live_ key in the production environment only");
			}
		}
		if (workos_key(x->key) && e->scope == ENV_PRODUCTION && starts_with(v, "sk_test_") &&
		    lint_regex_match(&real_key, v)) {
			const struct lint_envfile *dev = dev_with_value(ctx->app, v);

			d = lint_report(ctx, &e->src, x->value_start, x->value_end,
					"a test WorkOS API key (sk_test_) in the production file %s%s%s%s: "
					"production would sign users in to the staging environment", e->name,
					dev ? " (the same key as in " : "", dev ? dev->name : "", dev ? ")" : "");
			lint_help(d, "use the production environment's sk_live_ key from the WorkOS dashboard");
		}
		if (in_list(x->key, redirect_keys) && lint_regex_match(&local_url, v)) {
			local_redirect = x;
			if (e->scope == ENV_PRODUCTION) {
				d = lint_report(ctx, &e->src, x->value_start, x->value_end,
						"%s in the production file %s points at localhost: after sign-in "
						"WorkOS sends production users to their own machine", x->key, e->name);
				lint_help(d, "set it to the deployed callback, e.g. https://your-domain.com/callback, "
					  "and register that URI in the production WorkOS environment");
			}
		}
	}
	if (live && local_redirect && e->scope != ENV_DEVELOPMENT && e->scope != ENV_PRODUCTION) {
		d = lint_report(ctx, &e->src, live->value_start, live->value_end,
				"%s pairs a live WorkOS API key (sk_live_) with the localhost redirect URI "
				"in %s: one file mixes the production and development environments",
				e->name, local_redirect->key);
		lint_help(d, "keep sk_live_ keys with production URLs and sk_test_ keys with localhost");
	}
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	size_t i;

	for (i = 0; i < app->nenvs; i++)
		if (scoped(app->envs[i]) || app->envs[i]->scope == ENV_OTHER)
			one_file(ctx, app->envs[i]);
	same_values(ctx, app);
}

const struct lint_rule rule_shared_dev_prod_env = {
	.id = "shared-dev-prod-env",
	.severity = SEV_ERROR,
	.family = "env",
	.summary = "development and production use the same WorkOS environment",
	.description =
		"WorkOS gives each environment (staging, production) its own client id, API key, users\n"
		"and redirect URIs. When development and production point at the same one, test\n"
		"accounts and localhost redirect URIs live next to real users, and a key leaked from a\n"
		"laptop is a production key. cwlint compares the env files by scope (.env.development*,\n"
		".env and .env.local are development; .env.production* is production; templates are\n"
		"neither) and reports:\n"
		"- the same WORKOS_CLIENT_ID / VITE_WORKOS_CLIENT_ID / WORKOS_API_KEY value in a\n"
		"  development file and a production file;\n"
		"- an sk_live_ key in a development file, an sk_test_ key in a production file;\n"
		"- a localhost redirect URI in a production file;\n"
		"- an sk_live_ key next to a localhost redirect URI in one file.",
	.example =
		"# wrong: .env.production\n"
		"WORKOS_CLIENT_ID=client_01HZX4Q2M7V8K9J0ABCDEFGHJK   # same as .env.local\n"
		"NEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback\n"
		"# right\n"
		"WORKOS_CLIENT_ID=client_01J0PRODUCTIONENVIRONMENT1\n"
		"NEXT_PUBLIC_WORKOS_REDIRECT_URI=https://app.example.com/callback",
	.fix =
		"Create (or use) the production environment in the WorkOS dashboard, put its client id,\n"
		"sk_live_ key and https redirect URI in the production configuration, and set its client\n"
		"id on the production Convex deployment: npx convex env set --prod WORKOS_CLIENT_ID ...",
	.sources =
		"Convex docs, \"Configuring dev and prod instances\" (separate WORKOS_CLIENT_ID per\n"
		"deployment); WorkOS API keys sk_test_ (staging) vs sk_live_ (production); WorkOS CLI\n"
		"doctor checkMixedEnvironmentCredentials.",
	.check_app = check,
};
