/* malformed_workos_credential.c - a client id or API key that does not look like one. */
#include <string.h>

#include "rule.h"
#include "project.h"

static bool client_key(const char *key)
{
	const char *p = lint_env_public_prefix(key);

	return !strcmp(p ? key + strlen(p) : key, "WORKOS_CLIENT_ID");
}

/* Empty and quoted values belong to other rules; placeholders too, unless they show a swap. */
static bool judged(const char *v)
{
	return *v && !strchr("\"'`\\", v[0]);
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	size_t i, j;

	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *e = app->envs[i];
		const struct dotenv_entry *key = dotenv_get(&e->env, "WORKOS_API_KEY");
		bool tmpl = e->scope == ENV_TEMPLATE;
		bool key_is_id = key && starts_with(lint_env_value(key), "client_");

		for (j = 0; j < e->env.nentries; j++) {
			const struct dotenv_entry *d = &e->env.entries[j];
			const char *v = lint_env_value(d);
			struct lint_diag *diag;

			if (dotenv_get(&e->env, d->key) != d || !judged(v))
				continue;
			if (client_key(d->key)) {
				if (starts_with(v, "sk_") && key_is_id && !strcmp(d->key, "WORKOS_CLIENT_ID")) {
					diag = lint_report(ctx, &e->src, d->value_start, d->value_end,
							   "WORKOS_CLIENT_ID and WORKOS_API_KEY in %s are swapped: "
							   "WORKOS_CLIENT_ID holds the API key (sk_...), so WorkOS does "
							   "not know the client id and the secret key goes wherever "
							   "the id is used", e->name);
					lint_help(diag, "put the client_... value in WORKOS_CLIENT_ID and the "
						  "sk_... key in WORKOS_API_KEY");
				} else if (starts_with(v, "sk_")) {
					diag = lint_report(ctx, &e->src, d->value_start, d->value_end,
							   "%s in %s holds an API key (sk_...) instead of a client "
							   "id: WorkOS does not know it, and the secret key goes "
							   "wherever the id is used", d->key, e->name);
					lint_help(diag, "put the client_... value from the WorkOS dashboard in "
						  "%s and the sk_... key in WORKOS_API_KEY", d->key);
				} else if (!tmpl && !starts_with(v, "client_") && !lint_env_placeholder(v)) {
					diag = lint_report(ctx, &e->src, d->value_start, d->value_end,
							   "%s in %s does not start with client_: WorkOS client ids "
							   "look like client_01H..., and WorkOS rejects anything else",
							   d->key, e->name);
					lint_help(diag, "copy the client id from the WorkOS dashboard (API Keys)");
				}
			} else if (!strcmp(d->key, "WORKOS_API_KEY")) {
				bool id_is_key = false;
				const struct dotenv_entry *id = dotenv_get(&e->env, "WORKOS_CLIENT_ID");

				if (id && starts_with(lint_env_value(id), "sk_"))
					id_is_key = true;
				if (starts_with(v, "client_")) {
					/* the swap is reported once, at the client id */
					if (id_is_key)
						continue;
					diag = lint_report(ctx, &e->src, d->value_start, d->value_end,
							   "WORKOS_API_KEY in %s holds a client id (client_...): "
							   "every WorkOS API call fails with 401", e->name);
					lint_help(diag, "put the sk_test_... or sk_live_... key from the WorkOS "
						  "dashboard (API Keys) in WORKOS_API_KEY");
				} else if (!tmpl && !starts_with(v, "sk_test_") && !starts_with(v, "sk_live_") &&
					   !lint_env_placeholder(v)) {
					diag = lint_report(ctx, &e->src, d->value_start, d->value_end,
							   "WORKOS_API_KEY in %s does not start with sk_test_ or "
							   "sk_live_: it is not a WorkOS API key, and every WorkOS API "
							   "call fails with 401", e->name);
					lint_help(diag, "copy the API key from the WorkOS dashboard (API Keys)");
				}
			}
		}
	}
}

const struct lint_rule rule_malformed_workos_credential = {
	.id = "malformed-workos-credential",
	.severity = SEV_WARNING,
	.family = "env",
	.summary = "a WorkOS client id or API key in an env file that does not have its shape",
	.description =
		"WorkOS client ids start with client_ (client_ plus a 26-character ULID) and API keys\n"
		"with sk_test_ (staging) or sk_live_ (production); WorkOS's own tooling checks the same\n"
		"prefixes. A WORKOS_CLIENT_ID or VITE_/NEXT_PUBLIC_WORKOS_CLIENT_ID without client_,\n"
		"or a WORKOS_API_KEY without sk_test_/sk_live_, is some other value pasted into the\n"
		"wrong place, and swapping the two also puts the secret key where public values go.\n"
		"Templates are checked only for a swap; empty values and placeholders are left to\n"
		"other rules.",
	.example =
		"# wrong\n"
		"WORKOS_CLIENT_ID=sk_test_a1B2c3D4...\n"
		"WORKOS_API_KEY=client_01HZX4Q2M7V8K9J0ABCDEFGHJK\n"
		"# right\n"
		"WORKOS_CLIENT_ID=client_01HZX4Q2M7V8K9J0ABCDEFGHJK\n"
		"WORKOS_API_KEY=sk_test_a1B2c3D4...",
	.fix = "Copy both values again from the WorkOS dashboard's API Keys page.",
	.sources =
		"Convex docs, AuthKit (client_01XXXXXXXXXXXXXXXXXXXXXXXX, sk_test_/sk_live_); WorkOS\n"
		"CLI credential-discovery.ts (startsWith('client_'), startsWith('sk_')).",
	.applies = APPLIES_WORKOS,
	.check_app = check,
};
