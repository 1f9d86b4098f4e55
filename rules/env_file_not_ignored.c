/* env_file_not_ignored.c - an env file with secrets that git tracks or would add. */
#include <string.h>

#include "rule.h"
#include "project.h"
#include "git.h"

/* The first entry of e that holds a real-looking secret (the last one of its key wins). */
static const struct dotenv_entry *secret_entry(const struct lint_envfile *e)
{
	size_t j;

	for (j = 0; j < e->env.nentries; j++) {
		const struct dotenv_entry *d = &e->env.entries[j];

		if (dotenv_get(&e->env, d->key) != d)
			continue;
		if (e->scope == ENV_TEMPLATE) {
			/* templates are committed on purpose: only a key with a real key's shape counts */
			if (lint_api_key_shape(d->value) && strlen(d->value) >= 28 &&
			    !lint_env_placeholder(d->value))
				return d;
			continue;
		}
		/* the value as written: a ${REF} is not itself the secret */
		if (lint_env_real_secret(d->key, d->value))
			return d;
	}
	return NULL;
}

/* e's path relative to the app root. */
static const char *rel_path(struct lint_ctx *ctx, const struct lint_envfile *e)
{
	const char *root = ctx->app->absroot, *abs = e->src.abspath;
	size_t n = strlen(root);

	if (!strncmp(abs, root, n) && abs[n] == '/')
		return abs + n + 1;
	return arena_strdup(ctx->arena, e->name);
}

/* The .gitignore line that covers the file: ".env*.local" for local files, else the name. */
static const char *ignore_line(const struct lint_envfile *e)
{
	return e->local ? ".env*.local" : e->name;
}

static void report(struct lint_ctx *ctx, const struct lint_envfile *e, const char *rel,
		   enum lint_git_state st, const struct dotenv_entry *sec)
{
	const char *kind = sec ? lint_secret_kind_name(lint_env_secret_kind(sec->key, sec->value)) : NULL;
	struct lint_diag *d;

	if (st == LINT_GIT_TRACKED && sec && e->scope == ENV_TEMPLATE) {
		d = lint_report(ctx, &e->src, sec->key_start, sec->key_end,
				"the template %s holds a real-looking %s in %s, and git tracks it: everyone "
				"with the repository has the key", e->name, kind, sec->key);
		lint_help(d, "replace the value with a placeholder (%s=sk_test_...), and rotate the key "
			  "in the WorkOS dashboard: it is in git history", sec->key);
	} else if (st == LINT_GIT_EXPOSED && sec && e->scope == ENV_TEMPLATE) {
		d = lint_report(ctx, &e->src, sec->key_start, sec->key_end,
				"the template %s holds a real-looking %s in %s: templates are committed, "
				"so the key would be too", e->name, kind, sec->key);
		lint_help(d, "replace the value with a placeholder: %s=sk_test_...", sec->key);
	} else if (st == LINT_GIT_TRACKED && sec) {
		d = lint_report(ctx, &e->src, sec->key_start, sec->key_end,
				"%s is tracked by git and holds a %s (%s): once committed, everyone with the "
				"repository has it, in every clone and in the history", e->name, kind, sec->key);
		lint_help(d, "run `git rm --cached %s`, make sure .gitignore lists `%s`, and rotate the %s: it "
			  "stays in git history", rel, ignore_line(e), kind);
	} else if (st == LINT_GIT_EXPOSED && sec) {
		d = lint_report(ctx, &e->src, sec->key_start, sec->key_end,
				"%s holds a %s (%s) and no .gitignore covers it: the next `git add .` "
				"commits it", e->name, kind, sec->key);
		if (e->local)
			lint_help(d, "add `.env*.local` to .gitignore");
		else
			lint_help(d, "move %s to .env.local and add `.env*.local` to .gitignore (Vite and "
				  "Next.js expect %s itself to be committed with public values only)",
				  sec->key, e->name);
	} else if (st == LINT_GIT_TRACKED && e->local && e->scope != ENV_TEMPLATE) {
		d = lint_report(ctx, &e->src, 0, 0,
				"%s is tracked by git: .local env files hold one machine's settings and "
				"secrets (Next.js and Vite expect them untracked), so the next key written "
				"here is committed", e->name);
		lint_help(d, "run `git rm --cached %s` and add `.env*.local` to .gitignore", rel);
		lint_lower_severity(d, SEV_WARNING);
	}
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const char **paths = ARENA_ARRAY(ctx->arena, const char *, app->nenvs + 1);
	const struct dotenv_entry **secs = ARENA_ARRAY(ctx->arena, const struct dotenv_entry *, app->nenvs + 1);
	const struct lint_envfile **files = ARENA_ARRAY(ctx->arena, const struct lint_envfile *, app->nenvs + 1);
	enum lint_git_state *st;
	size_t i, n = 0;

	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *e = app->envs[i];
		const struct dotenv_entry *sec = secret_entry(e);

		if (!sec && !(e->local && e->scope != ENV_TEMPLATE))
			continue;
		files[n] = e;
		secs[n] = sec;
		paths[n] = rel_path(ctx, e);
		n++;
	}
	if (!n)
		return;
	st = ARENA_ARRAY(ctx->arena, enum lint_git_state, n);
	lint_app_git_states(ctx, paths, n, st, NULL);
	for (i = 0; i < n; i++)
		report(ctx, files[i], paths[i], st[i], secs[i]);
}

const struct lint_rule rule_env_file_not_ignored = {
	.id = "env-file-not-ignored",
	.severity = SEV_ERROR,
	.family = "env",
	.summary = "an env file with a real-looking secret that git tracks or would commit",
	.security_severity = "8.0",	/* a secret on its way into git: high */
	.description =
		"WORKOS_API_KEY, WORKOS_COOKIE_PASSWORD and CONVEX_DEPLOY_KEY belong in .env.local (or\n"
		"the hosting provider's settings), and .env.local belongs in .gitignore: the official\n"
		"templates ignore .env.local (Next.js) or *.local (Vite). cwlint asks git itself\n"
		"(`git ls-files`, `git check-ignore`) whether each env file holding a real-looking\n"
		"secret is tracked or ignored; outside a git work tree it reads the .gitignore files\n"
		"instead (and says nothing when there are none). It reports:\n"
		"- an env file with a secret that git tracks (error): the secret is in every clone\n"
		"  and in history;\n"
		"- an env file with a secret that no .gitignore covers (error): `git add .` adds it;\n"
		"- a template (.env.example ...) holding a key with a real key's shape (error);\n"
		"- a tracked .env*.local file even without secrets (warning). Committed .env and\n"
		"  .env.<mode> files with public values are what Vite and Next.js expect, and are fine.\n"
		"Placeholders (sk_test_..., your_..._here) are not secrets.",
	.example =
		"# wrong: .gitignore without a line for .env.local, and .env.local holding\n"
		"WORKOS_API_KEY=sk_test_a1B2c3...\n"
		"# right: .gitignore\n"
		".env*.local",
	.fix =
		"Add `.env*.local` to .gitignore. If the file is already tracked, run\n"
		"`git rm --cached .env.local` and rotate every secret in it (WorkOS dashboard, API\n"
		"Keys; a new cookie password with `openssl rand -base64 32`): git history keeps the\n"
		"old values.",
	.sources =
		"Next.js env docs (\"You almost never want to commit these files\"); get-convex/templates\n"
		".gitignore files; WorkOS CLI doctor ENV_FILE_NOT_GITIGNORED.",
	.check_app = check,
};
