/* missing_env_var.c - a variable the app's AuthKit setup needs is in no development env file. */
#include <string.h>
#include <jansson.h>

#include "rule.h"
#include "project.h"

/* Tools that inject the environment themselves: their apps' env files are not the whole story. */
static const char *const injectors[] = {
	"doppler ", "op run", "infisical ", "env-cmd", "dotenvx", "dotenv -e", "dotenv-cli",
	"varlock", "teller ", "chamber exec", "vercel env run",
};

static bool env_injected(const struct lint_app *app)
{
	json_t *scripts = app->pkg ? json_object_get(app->pkg, "scripts") : NULL, *v;
	const char *k;
	size_t i;

	/* a config that loads env files itself (dotenv in next.config) or moves them (envDir) */
	for (i = 0; i < app->nfiles; i++) {
		const struct lint_file *f = app->files[i];

		if ((f->roles & (ROLE_NEXT_CONFIG | ROLE_VITE_CONFIG)) && f->src.buf &&
		    (memmem(f->src.buf, f->src.len, "dotenv", 6) ||
		     memmem(f->src.buf, f->src.len, "loadEnvConfig", 13) ||
		     memmem(f->src.buf, f->src.len, "envDir", 6)))
			return true;
	}
	if (!json_is_object(scripts))
		return false;
	json_object_foreach(scripts, k, v) {
		const char *s = json_string_value(v);

		(void)k;
		for (i = 0; s && i < ARRAY_SIZE(injectors); i++)
			if (strstr(s, injectors[i]))
				return true;
	}
	return false;
}

/* The development file to point at: the .local one that wins, or NULL when there is none. */
static const struct lint_envfile *dev_local_file(const struct lint_app *app)
{
	const struct lint_envfile *best = NULL;
	size_t i;

	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *e = app->envs[i];

		if (e->scope != ENV_DEVELOPMENT || !e->at_root || !e->local)
			continue;
		if (!best || lint_env_rank(e, app->fw) < lint_env_rank(best, app->fw))
			best = e;
	}
	return best;
}

/* "<name> (.env.local, .env)": the development files that were read. */
static const char *dev_files(struct lint_ctx *ctx, const struct lint_app *app)
{
	const char *list = NULL;
	int rank;
	size_t i;

	for (rank = 0; rank < 4; rank++)
		for (i = 0; i < app->nenvs; i++) {
			const struct lint_envfile *e = app->envs[i];

			if (e->scope == ENV_DEVELOPMENT && e->at_root && lint_env_rank(e, app->fw) == rank)
				list = list ? arena_printf(ctx->arena, "%s, %s", list, e->name) : e->name;
		}
	return list ? list : "";
}

static bool defined(const struct lint_app *app, const char *key)
{
	return lint_app_env(app, ENV_DEVELOPMENT, key, NULL) != NULL;
}

/* The line to add for a missing variable. */
static const char *line_for(struct lint_ctx *ctx, const char *key)
{
	long port = lint_dev_port(ctx, NULL);

	if (strstr(key, "CLIENT_ID"))
		return arena_printf(ctx->arena, "%s=client_... (WorkOS dashboard, API Keys)", key);
	if (!strcmp(key, "WORKOS_API_KEY"))
		return "WORKOS_API_KEY=sk_test_... (WorkOS dashboard, API Keys)";
	if (!strcmp(key, "WORKOS_COOKIE_PASSWORD"))
		return "WORKOS_COOKIE_PASSWORD=<output of `openssl rand -base64 32`>";
	if (strstr(key, "REDIRECT_URI"))
		return arena_printf(ctx->arena, "%s=http://localhost:%ld/callback", key,
				    port > 0 ? port : ctx->app->fw == FW_VITE ? 5173L : 3000L);
	if (strstr(key, "CONVEX_URL"))
		return arena_printf(ctx->arena, "%s (run `npx convex dev`, which writes it)", key);
	return key;
}

struct missing {
	const char *keys[8];
	size_t n;
};

static void add(struct missing *m, const char *key)
{
	if (m->n < ARRAY_SIZE(m->keys))
		m->keys[m->n++] = key;
}

/* A renamed variable: `have` is set where `want` is needed. Reports at `have`'s line. */
static bool renamed(struct lint_ctx *ctx, const struct lint_app *app, const char *have,
		    const char *want, const char *why)
{
	const struct lint_envfile *where = NULL;
	const struct dotenv_entry *d = lint_app_env(app, ENV_DEVELOPMENT, have, &where);
	struct lint_diag *diag;

	if (!d)
		return false;
	diag = lint_report(ctx, &where->src, d->key_start, d->key_end,
			   "%s is set in %s but %s is not: %s", have, where->name, want, why);
	lint_help(diag, "set %s=<the same value> in %s", want, where->name);
	return true;
}

static void report_missing(struct lint_ctx *ctx, const struct lint_app *app,
			   const struct lint_envfile *at, const struct missing *m, const char *effect)
{
	const char *names = NULL, *lines = NULL;
	struct lint_diag *d;
	size_t i;

	if (!m->n)
		return;
	for (i = 0; i < m->n; i++) {
		const char *sep = i == 0 ? "" : i + 1 == m->n ? " and " : ", ";

		names = arena_printf(ctx->arena, "%s%s%s", names ? names : "", sep, m->keys[i]);
		lines = arena_printf(ctx->arena, "%s%s%s", lines ? lines : "", i ? "; " : "",
				     line_for(ctx, m->keys[i]));
	}
	d = lint_report(ctx, &at->src, 0, 0, "%s %s set in no development env file (%s): %s", names,
			m->n == 1 ? "is" : "are", dev_files(ctx, app), effect);
	lint_help(d, "add to %s: %s", at->name, lines);
}

static void check_next(struct lint_ctx *ctx, const struct lint_app *app,
		       const struct lint_envfile *at)
{
	struct missing m = { { 0 }, 0 };
	bool redirect_in_code = false;
	size_t i;

	if (!lint_app_source_mentions(app, "@workos-inc/authkit-nextjs"))
		return;
	/* a redirectUri passed to authkitMiddleware/authkitProxy replaces the env variable */
	for (i = 0; i < app->nfiles; i++) {
		const struct lint_file *f = app->files[i];

		if ((f->roles & (ROLE_PROXY | ROLE_MIDDLEWARE)) && f->src.buf &&
		    memmem(f->src.buf, f->src.len, "redirectUri", 11))
			redirect_in_code = true;
	}
	if (!defined(app, "WORKOS_CLIENT_ID") &&
	    !renamed(ctx, app, "NEXT_PUBLIC_WORKOS_CLIENT_ID", "WORKOS_CLIENT_ID",
		     "authkit-nextjs reads the client id from WORKOS_CLIENT_ID only, on the server"))
		add(&m, "WORKOS_CLIENT_ID");
	if (!defined(app, "WORKOS_API_KEY"))
		add(&m, "WORKOS_API_KEY");
	if (!defined(app, "WORKOS_COOKIE_PASSWORD"))
		add(&m, "WORKOS_COOKIE_PASSWORD");
	if (!redirect_in_code && !defined(app, "NEXT_PUBLIC_WORKOS_REDIRECT_URI") &&
	    !renamed(ctx, app, "WORKOS_REDIRECT_URI", "NEXT_PUBLIC_WORKOS_REDIRECT_URI",
		     "authkit-nextjs reads the redirect URI from NEXT_PUBLIC_WORKOS_REDIRECT_URI only, "
		     "and fails with \"You must provide a redirect URI in the AuthKit middleware or in "
		     "the environment variables\""))
		add(&m, "NEXT_PUBLIC_WORKOS_REDIRECT_URI");
	report_missing(ctx, app, at, &m, m.n == 1 ?
		       "authkit-nextjs reads it on every request and fails without it" :
		       "authkit-nextjs reads them on every request and fails without them");
}

/* What the code reads, in the order of check_vite()'s keys: looked for in every source. */
static const char *const vite_reads[] = {
	"import.meta.env.VITE_WORKOS_CLIENT_ID", "import.meta.env.VITE_CONVEX_URL",
	"import.meta.env.VITE_WORKOS_REDIRECT_URI",
};
static const char *const mentions[] = {
	"@workos-inc/authkit-nextjs", "import.meta.env.VITE_WORKOS_CLIENT_ID",
	"import.meta.env.VITE_CONVEX_URL", "import.meta.env.VITE_WORKOS_REDIRECT_URI", NULL,
};

static void check_vite(struct lint_ctx *ctx, const struct lint_app *app,
		       const struct lint_envfile *at)
{
	static const char *const keys[] = {
		"VITE_WORKOS_CLIENT_ID", "VITE_CONVEX_URL", "VITE_WORKOS_REDIRECT_URI",
	};
	struct missing m = { { 0 }, 0 };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		const char *read = vite_reads[i];

		/* names are the app's choice: only what the code reads is needed */
		if (!lint_app_source_mentions(app, read) || defined(app, keys[i]))
			continue;
		if (renamed(ctx, app, keys[i] + 5, keys[i],
			    "Vite gives browser code only VITE_ variables, so the code reads undefined"))
			continue;
		add(&m, keys[i]);
	}
	report_missing(ctx, app, at, &m, m.n == 1 ?
		       "the code reads it with import.meta.env and gets undefined" :
		       "the code reads them with import.meta.env and gets undefined");
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct lint_envfile *at = dev_local_file(app);

	/* CI checkouts have no .local file: there the variables come from the environment */
	if (!at || env_injected(app))
		return;
	if (app->fw == FW_NEXT && (app->uses & USES_AUTHKIT_NEXTJS))
		check_next(ctx, app, at);
	else if (app->fw == FW_VITE && (app->uses & USES_AUTHKIT_REACT))
		check_vite(ctx, app, at);
}

const struct lint_rule rule_missing_env_var = {
	.id = "missing-env-var",
	.severity = SEV_ERROR,
	.family = "env",
	.summary = "a variable the app's AuthKit setup needs is set in no development env file",
	.description =
		"authkit-nextjs reads WORKOS_CLIENT_ID, WORKOS_API_KEY, WORKOS_COOKIE_PASSWORD and\n"
		"NEXT_PUBLIC_WORKOS_REDIRECT_URI (unless the proxy passes redirectUri) and fails on\n"
		"every request when one is missing; it never reads WORKOS_REDIRECT_URI or\n"
		"NEXT_PUBLIC_WORKOS_CLIENT_ID. A Vite app with authkit-react gets undefined for every\n"
		"import.meta.env.VITE_* name its code reads (VITE_WORKOS_CLIENT_ID, VITE_CONVEX_URL,\n"
		"VITE_WORKOS_REDIRECT_URI) that no env file sets.\n"
		"cwlint looks at the development files (.env.development.local, .env.local,\n"
		".env.development, .env) and only when a .local one exists: a CI checkout has none and\n"
		"gets its variables from the environment. Apps whose scripts inject the environment\n"
		"(doppler, op run, infisical, env-cmd, dotenvx, ...) or whose next.config/vite.config\n"
		"loads env files itself (dotenv, loadEnvConfig, envDir) are not judged.",
	.example =
		"# wrong: .env.local of a Next.js app\n"
		"WORKOS_CLIENT_ID=client_01H...\n"
		"WORKOS_REDIRECT_URI=http://localhost:3000/callback\n"
		"# right\n"
		"WORKOS_CLIENT_ID=client_01H...\n"
		"WORKOS_API_KEY=sk_test_...\n"
		"WORKOS_COOKIE_PASSWORD=<openssl rand -base64 32>\n"
		"NEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback",
	.fix =
		"Add the variables to .env.local (the client id and API key from the WorkOS dashboard,\n"
		"the cookie password from `openssl rand -base64 32`, VITE_CONVEX_URL from `npx convex\n"
		"dev`), or let `npx convex dev` write the WorkOS ones through convex.json's\n"
		"authKit.dev.localEnvVars.",
	.sources =
		"authkit-nextjs src/env-variables.ts and session.ts (\"You must provide a redirect URI\n"
		"...\"); get-convex/templates .env.local.example files; Vite env docs (only VITE_\n"
		"variables reach client code).",
	.applies = APPLIES_WORKOS,
	.mentions = mentions,
	.check_app = check,
};
