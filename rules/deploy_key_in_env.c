/* deploy_key_in_env.c - CONVEX_DEPLOY_KEY kept in .env or .env.local. */
#include <string.h>

#include "rule.h"
#include "project.h"

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	size_t i, j;

	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *e = app->envs[i];

		/* the files the Convex CLI itself loads from the project folder */
		if (!e->at_root || (strcmp(e->name, ".env") && strcmp(e->name, ".env.local")))
			continue;
		for (j = 0; j < e->env.nentries; j++) {
			const struct dotenv_entry *d = &e->env.entries[j];
			const char *v = lint_env_value(d);
			bool prod = starts_with(v, "prod:");
			struct lint_diag *diag;

			if (strcmp(d->key, "CONVEX_DEPLOY_KEY") || !*v || dotenv_get(&e->env, d->key) != d)
				continue;
			diag = lint_report(ctx, &e->src, d->key_start, d->key_end,
					   "CONVEX_DEPLOY_KEY in %s: the Convex CLI loads this file, so every "
					   "`npx convex` command run here gets admin access to the key's "
					   "deployment%s; local development needs no deploy key", e->name,
					   prod ? " (a prod: key, so production)" : "");
			lint_help(diag, "delete the line (`npx convex dev` writes CONVEX_DEPLOYMENT instead) "
				  "and keep the key in your CI's secret settings");
		}
	}
}

const struct lint_rule rule_deploy_key_in_env = {
	.id = "deploy-key-in-env",
	.severity = SEV_WARNING,
	.family = "env",
	.summary = "CONVEX_DEPLOY_KEY in .env or .env.local",
	.security_severity = "6.5",	/* a deploy key where dev tooling reads it: medium */
	.description =
		"A Convex deploy key grants admin access to one deployment: pushing code, setting\n"
		"environment variables, reading and writing data. It is meant for CI (npx convex\n"
		"deploy), where it lives in the provider's secret store. Developing locally does not\n"
		"need one: `npx convex dev` selects the deployment through CONVEX_DEPLOYMENT. A deploy\n"
		"key in .env or .env.local, the files the Convex CLI loads, points local commands at\n"
		"that deployment (with a prod: key, at production) and spreads the key to every copy\n"
		"of the file.",
	.example =
		"# wrong: .env.local\n"
		"CONVEX_DEPLOY_KEY=prod:happy-otter-123|eyJ2MiI6...\n"
		"# right: .env.local (written by `npx convex dev`)\n"
		"CONVEX_DEPLOYMENT=dev:happy-otter-123",
	.fix =
		"Delete the line, run `npx convex dev` for local work, and set CONVEX_DEPLOY_KEY only\n"
		"in the CI or hosting provider's environment settings. Rotate the key in the Convex\n"
		"dashboard if the file was ever shared.",
	.sources =
		"Convex docs, Deploy keys (\"Developing locally does not require a deploy key\");\n"
		"workos/template-convex-nextjs-authkit PR #6 (removed CONVEX_DEPLOY_KEY from .env.local).",
	.check_app = check,
};
