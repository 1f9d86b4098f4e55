/* redirect_uri_mismatch.c - a redirect URI whose port or path disagrees with the rest of the app. */
#include <string.h>
#include <jansson.h>

#include "rule.h"
#include "project.h"

static const char *const next_keys[] = { "NEXT_PUBLIC_WORKOS_REDIRECT_URI", "WORKOS_REDIRECT_URI", NULL };
static const char *const vite_keys[] = { "VITE_WORKOS_REDIRECT_URI", NULL };
static const char *const any_keys[] = {
	"NEXT_PUBLIC_WORKOS_REDIRECT_URI", "VITE_WORKOS_REDIRECT_URI", "WORKOS_REDIRECT_URI", NULL,
};

/* The redirect URI variables an app of this framework has, its own first. */
static const char *const *keys_for(const struct lint_app *app)
{
	return app->fw == FW_NEXT ? next_keys : app->fw == FW_VITE ? vite_keys : any_keys;
}

/* Port and path agree (hosts are left alone: localhost and 127.0.0.1 are a matter of taste). */
static bool same_target(struct lint_ctx *ctx, const struct lint_url *a, const struct lint_url *b)
{
	return a->port == b->port &&
	       !strcmp(lint_url_norm_path(ctx->arena, a), lint_url_norm_path(ctx->arena, b));
}

/* Entries already reported: one finding per line is enough. */
struct seen {
	const struct dotenv_entry *d[16];
	size_t n;
};

static bool was_seen(const struct seen *s, const struct dotenv_entry *d)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->d[i] == d)
			return true;
	return false;
}

static void mark(struct seen *s, const struct dotenv_entry *d)
{
	if (s->n < ARRAY_SIZE(s->d))
		s->d[s->n++] = d;
}

/* A localhost redirect URI on another port than the dev server's. */
static void check_port(struct lint_ctx *ctx, struct seen *seen, const struct lint_envfile *e,
		       const struct dotenv_entry *d, long port, const char *how)
{
	struct lint_url u;
	struct lint_diag *diag;

	if (!d || port <= 0 || was_seen(seen, d) || !lint_url_parse(lint_env_value(d), &u) ||
	    !lint_url_is_local(&u) || u.port == port)
		return;
	mark(seen, d);
	diag = lint_report(ctx, &e->src, d->value_start, d->value_end,
			   "%s in %s points at port %ld, but %s: after sign-in WorkOS sends the browser "
			   "to a port nothing listens on", d->key, e->name, u.port, how);
	lint_help(diag, "set %s=%.*s://%.*s:%ld%s and register that URI in WorkOS", d->key,
		  (int)u.scheme_len, u.scheme, (int)u.host_len, u.host, port,
		  u.path_len ? arena_strndup(ctx->arena, u.path, u.path_len) : "/callback");
}

/*
 * The literal redirect URIs convex.json registers in WorkOS for the dev deployment
 * (authKit.dev.configure.redirectUris, else the value localEnvVars writes for key).
 * Returns how many; 0 when there are none or one is a ${...} template.
 */
static size_t convex_uris(const struct lint_app *app, const char *key, const char **uris,
			  size_t max, const char **where)
{
	json_t *ak = app->convex_json.json ? json_object_get(app->convex_json.json, "authKit") : NULL;
	json_t *dev = json_is_object(ak) ? json_object_get(ak, "dev") : NULL;
	json_t *cfg = json_is_object(dev) ? json_object_get(dev, "configure") : NULL;
	json_t *list = json_is_object(cfg) ? json_object_get(cfg, "redirectUris") : NULL, *v;
	json_t *vars = json_is_object(dev) ? json_object_get(dev, "localEnvVars") : NULL;
	size_t n = 0, i;

	if (json_is_array(list) && json_array_size(list)) {
		json_array_foreach(list, i, v) {
			const char *s = json_string_value(v);

			if (!s || strstr(s, "${"))
				return 0;
			if (n < max)
				uris[n++] = s;
		}
		*where = "authKit.dev.configure.redirectUris";
		return n;
	}
	v = json_is_object(vars) ? json_object_get(vars, key) : NULL;
	if (json_is_string(v) && !strstr(json_string_value(v), "${") && max) {
		uris[0] = json_string_value(v);
		*where = "authKit.dev.localEnvVars";
		return 1;
	}
	return 0;
}

/* The effective development value against what convex.json registers in WorkOS. */
static void check_convex_json(struct lint_ctx *ctx, struct seen *seen, const struct lint_app *app,
			      const char *key)
{
	const struct lint_envfile *e = NULL;
	const struct dotenv_entry *d = lint_app_env(app, ENV_DEVELOPMENT, key, &e);
	const char *uris[16], *where = NULL, *list = NULL;
	struct lint_url u, c;
	struct lint_diag *diag;
	size_t n, i;

	if (!d || was_seen(seen, d) || !lint_url_parse(lint_env_value(d), &u))
		return;
	n = convex_uris(app, key, uris, ARRAY_SIZE(uris), &where);
	for (i = 0; i < n; i++) {
		if (!lint_url_parse(uris[i], &c) || same_target(ctx, &u, &c))
			return;
		list = list ? arena_printf(ctx->arena, "%s, %s", list, uris[i]) : uris[i];
	}
	if (!n)
		return;
	mark(seen, d);
	diag = lint_report(ctx, &e->src, d->value_start, d->value_end,
			   "%s in %s differs in port or path from the redirect URI%s convex.json "
			   "registers in WorkOS (%s: %s): WorkOS rejects the sign-in with an invalid "
			   "redirect URI error", key, e->name, n == 1 ? "" : "s", where, list);
	lint_help(diag, "make them agree: set %s=%s, or add this URI to %s in convex.json", key,
		  uris[0], where);
}

/* Two redirect variables of one scope that point at different places. */
static void check_scope(struct lint_ctx *ctx, struct seen *seen, const struct lint_app *app,
			enum lint_env_scope scope, const char *const *keys)
{
	const struct lint_envfile *e0 = NULL, *e1 = NULL;
	const struct dotenv_entry *d0, *d1;
	struct lint_url u0, u1;
	struct lint_diag *diag;
	size_t i, j;

	for (i = 0; keys[i]; i++)
		for (j = i + 1; keys[j]; j++) {
			d0 = lint_app_env(app, scope, keys[i], &e0);
			d1 = lint_app_env(app, scope, keys[j], &e1);
			if (!d0 || !d1 || was_seen(seen, d1) || !lint_url_parse(lint_env_value(d0), &u0) ||
			    !lint_url_parse(lint_env_value(d1), &u1) || same_target(ctx, &u0, &u1))
				continue;
			mark(seen, d1);
			diag = lint_report(ctx, &e1->src, d1->value_start, d1->value_end,
					   "%s in %s and %s in %s name different callbacks (port or path): "
					   "code that reads one sends WorkOS a redirect URI the other side does "
					   "not handle", keys[j], e1->name, keys[i], e0->name);
			lint_help(diag, "give both the same URI, or delete %s if nothing reads it", keys[j]);
		}
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const char *const *keys = keys_for(app);
	const char *how = NULL;
	long port = lint_dev_port(ctx, &how);
	struct seen seen = { { 0 }, 0 };
	size_t i, k;

	for (k = 0; keys[k]; k++) {
		const struct lint_envfile *e = NULL;
		const struct dotenv_entry *d = lint_app_env(app, ENV_DEVELOPMENT, keys[k], &e);

		check_port(ctx, &seen, e, d, port, how);
	}
	/* a template teaches the port too */
	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *e = app->envs[i];

		if (e->scope != ENV_TEMPLATE || !e->at_root ||
		    (!strstr(e->name, ".local") && !strstr(e->name, "development") &&
		     strcmp(e->name, ".env.example") && strcmp(e->name, ".env.sample") &&
		     strcmp(e->name, ".env.template")))
			continue;
		for (k = 0; keys[k]; k++)
			check_port(ctx, &seen, e, dotenv_get(&e->env, keys[k]), port, how);
	}
	for (k = 0; keys[k]; k++)
		check_convex_json(ctx, &seen, app, keys[k]);
	check_scope(ctx, &seen, app, ENV_DEVELOPMENT, keys);
	check_scope(ctx, &seen, app, ENV_PRODUCTION, keys);
}

const struct lint_rule rule_redirect_uri_mismatch = {
	.id = "redirect-uri-mismatch",
	.severity = SEV_WARNING,
	.family = "env",
	.summary = "a redirect URI whose port or path disagrees with the dev server or convex.json",
	.description =
		"After sign-in WorkOS redirects the browser to the redirect URI, which must be one\n"
		"registered in the WorkOS environment and must reach the app's callback. A development\n"
		"redirect URI on localhost with another port than the dev server's (`next dev` 3000,\n"
		"Vite 5173, or the -p/--port flag in package.json, or vite.config's server.port) lands\n"
		"on a port nothing listens on. One that differs in port or path from what convex.json\n"
		"registers (authKit.dev.configure.redirectUris, or the value localEnvVars writes) is\n"
		"rejected by WorkOS. And two redirect variables of one scope (NEXT_PUBLIC_ and\n"
		"unprefixed) that disagree send different code paths to different callbacks.\n"
		"Unknown ports ($PORT, a computed server.port) and ${...} templates are not judged.",
	.example =
		"# wrong: .env.local of a Vite app (Vite serves on 5173)\n"
		"VITE_WORKOS_REDIRECT_URI=http://localhost:3000/callback\n"
		"# right\n"
		"VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback",
	.fix =
		"Use one callback URL everywhere: the dev server's port and the callback route's path,\n"
		"in the env file, in convex.json's authKit.dev.configure.redirectUris and in the WorkOS\n"
		"dashboard's Redirects list.",
	.sources =
		"get-convex/templates convex.json (authKit.dev.configure.redirectUris with ports 3000\n"
		"and 5173); workos/next-authkit-example issue #6; authkit-js is-redirect-callback.ts.",
	.applies = APPLIES_WORKOS,
	.roles = ROLE_VITE_CONFIG,
	.check_app = check,
};
