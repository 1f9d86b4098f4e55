/* public_secret.c - a secret under a name the bundler inlines into browser code. */
#include <string.h>
#include <jansson.h>

#include "rule.h"
#include "project.h"
#include "jsonpos.h"

static const char *const triggers[] = {
	"_API_KEY", "COOKIE_PASSWORD", "DEPLOY_KEY", "WORKOS_SECRET", NULL,
};
/* source only leaks through a public name: NEXT_PUBLIC_, EXPO_PUBLIC_, PUBLIC_, VITE_, REACT_APP_ */
static const char *const also[] = { "PUBLIC_", "VITE_", "REACT_APP_", NULL };

static const char *bundler(const char *prefix)
{
	if (!strcmp(prefix, "NEXT_PUBLIC_"))
		return "Next.js";
	if (!strcmp(prefix, "VITE_"))
		return "Vite";
	if (!strcmp(prefix, "REACT_APP_"))
		return "Create React App";
	if (!strcmp(prefix, "EXPO_PUBLIC_"))
		return "Expo";
	return "SvelteKit and Astro";
}

/* "WorkOS API key", or "secret API key" for an sk_ value under a name that is not WorkOS's. */
static const char *label(const char *key, enum lint_secret_kind k)
{
	if (k == SECRET_API_KEY && !strstr(key, "WORKOS"))
		return "secret API key";
	return lint_secret_kind_name(k);
}

/* The name the secret should have: the key without its public prefix. */
static const char *private_name(const char *key, const char *prefix)
{
	return key + strlen(prefix);
}

/* What to do instead, by the kind of secret and the app. */
static void help_for(struct lint_diag *d, const struct lint_app *app, const char *key,
		     const char *prefix, enum lint_secret_kind k)
{
	if (k == SECRET_DEPLOY_KEY) {
		lint_help(d, "delete %s: a deploy key belongs only in CI's secret settings as "
			  "CONVEX_DEPLOY_KEY; rotate it in the Convex dashboard if a build shipped it", key);
		return;
	}
	if (app->fw == FW_VITE && k == SECRET_API_KEY) {
		lint_help(d, "delete %s: a browser app with authkit-react needs no API key; rotate the "
			  "key if a build shipped it", key);
		return;
	}
	lint_help(d, "rename it to %s and read it only in server code (route handlers, the proxy, "
		  "Convex functions); rotate the %s if a build shipped it", private_name(key, prefix),
		  label(key, k));
}

/* The kind of secret a public name holds in the app's env files, or SECRET_NONE. */
static enum lint_secret_kind kind_of(const struct lint_app *app, const char *key, const char *value)
{
	const char *prefix = lint_env_public_prefix(key);
	enum lint_secret_kind k;
	size_t i;

	if (!prefix || !lint_env_prefix_exposed(prefix, app->fw))
		return SECRET_NONE;
	k = lint_env_secret_kind(key, value);
	if (k != SECRET_NONE || value)
		return k;
	/* a source read: what the env files put under that name */
	for (i = 0; i < app->nenvs; i++) {
		const struct dotenv_entry *d = dotenv_get(&app->envs[i]->env, key);

		if (d && (k = lint_env_secret_kind(key, lint_env_value(d))) != SECRET_NONE)
			return k;
	}
	return SECRET_NONE;
}

static void check_envs(struct lint_ctx *ctx, struct lint_app *app)
{
	size_t i, j;

	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *e = app->envs[i];

		for (j = 0; j < e->env.nentries; j++) {
			const struct dotenv_entry *d = &e->env.entries[j];
			const char *prefix = lint_env_public_prefix(d->key);
			enum lint_secret_kind k = kind_of(app, d->key, lint_env_value(d));
			struct lint_diag *diag;

			if (k == SECRET_NONE || dotenv_get(&e->env, d->key) != d)
				continue;
			diag = lint_report(ctx, &e->src, d->key_start, d->key_end,
					   "%s in %s puts the %s in a %s variable: %s inlines every %s value "
					   "into the JavaScript it sends to browsers, where anyone can read it",
					   d->key, e->name, label(d->key, k), prefix, bundler(prefix), prefix);
			help_for(diag, app, d->key, prefix, k);
		}
	}
}

static void check_local_env(void *ud, const char *env, const char *k, void *value)
{
	struct lint_ctx *ctx = ud;
	struct lint_app *app = ctx->app;
	const struct lint_jsonfile *cj = &app->convex_json;
	const char *s = json_string_value(value), *prefix = lint_env_public_prefix(k);
	enum lint_secret_kind kind;
	struct lint_json_loc loc;
	struct lint_diag *d;

	if (!s || !prefix || !lint_env_prefix_exposed(prefix, app->fw))
		return;
	kind = lint_env_secret_kind(k, s);
	/* "${authEnv.WORKOS_API_KEY}": the CLI writes the provisioned key there */
	if (kind == SECRET_NONE && strstr(s, "WORKOS_API_KEY"))
		kind = SECRET_API_KEY;
	if (kind == SECRET_NONE ||
	    !lint_json_find(cj->src.buf, cj->src.len, &loc, "authKit", env, "localEnvVars", k,
			    (const char *)NULL))
		return;
	d = lint_report(ctx, &cj->src, loc.key_start, loc.key_end,
			"convex.json authKit.%s.localEnvVars writes the %s into %s: %s inlines every %s "
			"value into the JavaScript it sends to browsers", env, label(k, kind), k,
			bundler(prefix), prefix);
	help_for(d, app, k, prefix, kind);
}

static void check_convex_json(struct lint_ctx *ctx, struct lint_app *app)
{
	(void)app;	/* ctx->app */
	lint_convex_local_env(ctx->app, check_local_env, ctx);
}

static void check_app(struct lint_ctx *ctx, struct lint_app *app)
{
	check_envs(ctx, app);
	check_convex_json(ctx, app);
}

struct scan {
	struct lint_ctx *ctx;
	struct lint_file *f;
};

/* process.env.X, process.env["X"], import.meta.env.X: the name X, or NULL. */
static const char *env_read(struct arena *a, const struct lint_source *src, TSNode n)
{
	TSNode obj = ts_field(n, "object");

	if (!ts_text_eq(src, obj, "process.env") && !ts_text_eq(src, obj, "import.meta.env"))
		return NULL;
	if (ts_is(n, "member_expression")) {
		TSNode p = ts_field(n, "property");

		return ts_is(p, "property_identifier") ? ts_text(a, src, p) : NULL;
	}
	return ts_string_value(a, src, ts_field(n, "index"));
}

static bool visit(TSNode n, void *ud)
{
	struct scan *s = ud;
	const struct lint_source *src = &s->f->src;
	const char *name, *prefix;
	enum lint_secret_kind k;
	struct lint_diag *d;

	if (!ts_is(n, "member_expression") && !ts_is(n, "subscript_expression"))
		return true;
	name = env_read(s->ctx->arena, src, n);
	if (!name)
		return true;
	prefix = lint_env_public_prefix(name);
	k = prefix ? kind_of(s->ctx->app, name, NULL) : SECRET_NONE;
	if (k == SECRET_NONE)
		return false;
	if (s->f->use_client || s->ctx->app->fw == FW_VITE)
		d = lint_report(s->ctx, src, ts_node_start_byte(n), ts_node_end_byte(n),
				"this browser code reads the %s from %s: %s replaces the expression with "
				"the value itself, so it ships in the bundle", label(name, k), name,
				bundler(prefix));
	else
		d = lint_report(s->ctx, src, ts_node_start_byte(n), ts_node_end_byte(n),
				"reads the %s from the public variable %s: %s inlines %s values into the "
				"build, and any client code that reads it ships the value to browsers",
				label(name, k), name, bundler(prefix), prefix);
	help_for(d, s->ctx->app, name, prefix, k);
	return false;
}

static void check_file(struct lint_ctx *ctx, struct lint_file *f)
{
	struct scan s = { ctx, f };

	/* Convex functions read the deployment's env, config files run in Node */
	if ((f->roles & (ROLE_CONVEX | ROLE_VITE_CONFIG | ROLE_NEXT_CONFIG)) ||
	    !memmem(f->src.buf, f->src.len, ".env", 4))
		return;
	ts_walk(ts_tree_root_node(f->tree), visit, &s);
}

const struct lint_rule rule_public_secret = {
	.id = "public-secret",
	.severity = SEV_ERROR,
	.family = "env",
	.summary = "a WorkOS API key, cookie password or deploy key under a public (browser) env name",
	.security_severity = "9.0",	/* published to every visitor: critical */
	.description =
		"Next.js inlines every NEXT_PUBLIC_ variable, and Vite every VITE_ variable, into the\n"
		"JavaScript it sends to browsers (REACT_APP_, EXPO_PUBLIC_ and PUBLIC_ do the same in\n"
		"Create React App, Expo, SvelteKit and Astro). A WorkOS API key (sk_test_/sk_live_), a\n"
		"WORKOS_COOKIE_PASSWORD or a CONVEX_DEPLOY_KEY under such a name is published with the\n"
		"site: anyone can call the WorkOS API as the app, forge session cookies or deploy to\n"
		"Convex. cwlint checks env files (templates too: they teach the name), convex.json's\n"
		"authKit.*.localEnvVars, and source reads such as process.env.NEXT_PUBLIC_WORKOS_API_KEY\n"
		"or import.meta.env.VITE_WORKOS_API_KEY. The client id is public by design and is not\n"
		"reported. A prefix counts only in the framework that exposes it.",
	.example =
		"# wrong: .env.local\n"
		"NEXT_PUBLIC_WORKOS_API_KEY=sk_test_...\n"
		"# right\n"
		"WORKOS_API_KEY=sk_test_...        # read in server code only",
	.fix =
		"Rename the variable without the public prefix and read it only in server code (route\n"
		"handlers, the proxy, Convex functions). A browser-only app (authkit-react) needs no\n"
		"API key at all. If a build with the key was ever deployed, rotate the key in the\n"
		"WorkOS (or Convex) dashboard.",
	.sources =
		"Convex docs, AuthKit (\"Take care to not expose your WORKOS_API_KEY in a public\n"
		"environment variable\"); Next.js and Vite env docs (NEXT_PUBLIC_/VITE_ inlined at\n"
		"build); WorkOS CLI doctor checkApiKeyLeakedToClient.",
	.triggers = triggers,
	.also = also,
	.check_file = check_file,
	.check_app = check_app,
};
