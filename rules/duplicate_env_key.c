/* duplicate_env_key.c - the same key twice in one env file. */
#include <string.h>

#include "rule.h"
#include "project.h"

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	size_t i, j, k;

	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *e = app->envs[i];

		for (j = 1; j < e->env.nentries; j++) {
			const struct dotenv_entry *d = &e->env.entries[j], *prev = NULL;
			struct lint_diag *diag;

			for (k = j; k-- > 0;)
				if (!strcmp(e->env.entries[k].key, d->key)) {
					prev = &e->env.entries[k];
					break;
				}
			if (!prev)
				continue;
			if (!strcmp(lint_env_value(prev), lint_env_value(d)))
				diag = lint_report(ctx, &e->src, d->key_start, d->key_end,
						   "%s is set twice in %s with the same value (first on line %u)",
						   d->key, e->name, prev->line);
			else
				diag = lint_report(ctx, &e->src, d->key_start, d->key_end,
						   "%s is set again in %s: this value wins and the one on line %u "
						   "is ignored, so whoever edits that line changes nothing",
						   d->key, e->name, prev->line);
			lint_help(diag, "keep one %s line in %s: delete line %u or this one", d->key,
				  e->name, prev->line);
		}
	}
}

const struct lint_rule rule_duplicate_env_key = {
	.id = "duplicate-env-key",
	.severity = SEV_WARNING,
	.family = "env",
	.summary = "the same key twice in one env file",
	.description =
		"dotenv keeps the last of several lines with the same key, so an earlier line is dead\n"
		"text: someone who updates it (a rotated key, a new redirect URI) changes nothing and\n"
		"the app keeps the other value. Across files precedence is intended; inside one file\n"
		"a repeated key is almost always a leftover.",
	.example =
		"# wrong: .env.local\n"
		"WORKOS_CLIENT_ID=client_01HOLDENVIRONMENT00000000\n"
		"WORKOS_CLIENT_ID=client_01NEWENVIRONMENT000000000\n"
		"# right\n"
		"WORKOS_CLIENT_ID=client_01NEWENVIRONMENT000000000",
	.fix = "Delete all but one line for the key, keeping the value you mean.",
	.sources = "dotenv parse(): later lines overwrite earlier ones (lib/main.js).",
	.check_app = check,
};
