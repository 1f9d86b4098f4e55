/* missing_cors_origin.c - a browser-only AuthKit app whose origin WorkOS does not allow. */
#include <string.h>
#include <strings.h>
#include <jansson.h>

#include "rule.h"
#include "project.h"
#include "jsonpos.h"

/*
 * The origin of a URL as written: scheme://host[:port], also for "https://${buildEnv.X}/cb"
 * templates (compared as text). NULL when s has no scheme.
 */
/* looked for in every source file (lint_app_source_mentions()) */
static const char *const mentions[] = { "@workos-inc/authkit-react", NULL };

static char *origin_of(struct arena *a, const char *s)
{
	const char *p = s ? strstr(s, "://") : NULL;
	size_t n;

	if (!p || p == s)
		return NULL;
	p += 3;
	n = (size_t)(p - s) + strcspn(p, "/?#");
	return arena_strndup(a, s, n);
}

static bool same_origin(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	/* "http://localhost:5173/" in corsOrigins still means the origin */
	if (lb && b[lb - 1] == '/')
		lb--;
	return la == lb && !strncasecmp(a, b, la);
}

static bool in_origins(json_t *list, const char *origin)
{
	size_t i;
	json_t *v;

	json_array_foreach(list, i, v)
		if (json_is_string(v) && same_origin(origin, json_string_value(v)))
			return true;
	return false;
}

/* The origin of the winning redirect URI variable of a scope, or NULL. */
static const char *env_origin(struct lint_ctx *ctx, const struct lint_app *app,
			      enum lint_env_scope scope, const struct lint_envfile **where,
			      const struct dotenv_entry **entry)
{
	const struct dotenv_entry *d = lint_app_env(app, scope, "VITE_WORKOS_REDIRECT_URI", where);
	struct lint_url u;

	if (!d || !lint_url_parse(lint_env_value(d), &u))
		return NULL;
	if (entry)
		*entry = d;
	return lint_url_origin(ctx->arena, &u);
}

static void check_section(struct lint_ctx *ctx, const struct lint_app *app, const char *sec, json_t *cfg)
{
	const struct lint_jsonfile *cj = &app->convex_json;
	json_t *uris = json_object_get(cfg, "redirectUris"), *cors = json_object_get(cfg, "corsOrigins"), *v;
	const char *missing[8], *list = NULL, *add = NULL;
	struct lint_json_loc loc;
	struct lint_diag *d;
	size_t n = 0, i, k;

	if (cors && !json_is_array(cors))
		return;		/* a schema error: invalid-convex-authkit-config */
	if (json_is_array(uris)) {
		json_array_foreach(uris, i, v) {
			char *o = origin_of(ctx->arena, json_string_value(v));

			if (!o || (cors && in_origins(cors, o)))
				continue;
			for (k = 0; k < n && strcmp(missing[k], o); k++)
				;
			if (k == n && n < ARRAY_SIZE(missing))
				missing[n++] = o;
		}
	}
	if (!strcmp(sec, "dev")) {
		const char *o = env_origin(ctx, app, ENV_DEVELOPMENT, NULL, NULL);

		for (k = 0; o && k < n && strcmp(missing[k], o); k++)
			;
		if (o && k == n && (!cors || !in_origins(cors, o)) && n < ARRAY_SIZE(missing))
			missing[n++] = o;
	}
	if (!n)
		return;
	for (i = 0; i < n; i++) {
		list = list ? arena_printf(ctx->arena, "%s, %s", list, missing[i]) : missing[i];
		add = add ? arena_printf(ctx->arena, "%s, \"%s\"", add, missing[i])
			  : arena_printf(ctx->arena, "\"%s\"", missing[i]);
	}
	if (cors ? !lint_json_find(cj->src.buf, cj->src.len, &loc, "authKit", sec, "configure",
				   "corsOrigins", (const char *)NULL)
		 : !lint_json_find(cj->src.buf, cj->src.len, &loc, "authKit", sec, "configure",
				   (const char *)NULL))
		return;
	d = lint_report(ctx, &cj->src, loc.key_start, loc.key_end,
			"authKit.%s.configure %s %s, the %s: AuthKit in the browser calls WorkOS from "
			"there, and unless the origin was added by hand in the WorkOS dashboard, token "
			"refreshes fail CORS and users are signed out", sec,
			cors ? "has corsOrigins without" : "sets no corsOrigins for", list,
			n == 1 ? "origin of its redirect URI" : "origins of its redirect URIs");
	if (cors)
		lint_help(d, "add %s to \"corsOrigins\"", add);
	else
		lint_help(d, "add \"corsOrigins\": [%s] next to \"redirectUris\"", add);
}

/* No authKit section: WorkOS's dashboard is the only place; say which origins to add there. */
static void advise(struct lint_ctx *ctx, const struct lint_app *app)
{
	const struct lint_envfile *dw = NULL, *pw = NULL;
	const struct dotenv_entry *de = NULL, *pe = NULL;
	const char *dev = env_origin(ctx, app, ENV_DEVELOPMENT, &dw, &de);
	const char *prod = env_origin(ctx, app, ENV_PRODUCTION, &pw, &pe);
	const char *list;
	struct lint_diag *d;

	/* advice only for an app whose code really signs in from the browser */
	if ((!dev && !prod) || !lint_app_source_mentions(app, "@workos-inc/authkit-react"))
		return;
	bool two = dev && prod && !same_origin(dev, prod);

	list = two ? arena_printf(ctx->arena, "%s and %s", dev, prod) : dev ? dev : prod;
	d = lint_report(ctx, dev ? &dw->src : &pw->src, dev ? de->value_start : pe->value_start,
			dev ? de->value_end : pe->value_end,
			"AuthKit runs in the browser here and calls WorkOS from %s; nothing in this "
			"project (no authKit section in convex.json) allows %s, so %s must be "
			"listed in the WorkOS dashboard or token refreshes fail CORS", list,
			two ? "those origins" : "that origin", two ? "they" : "it");
	lint_help(d, "add %s under Authentication > Sessions > CORS in the WorkOS dashboard, or add "
		  "authKit.dev.configure.corsOrigins to convex.json", list);
	lint_lower_severity(d, SEV_INFO);
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	static const char *const secs[] = { "dev", "preview", "prod" };
	const struct lint_jsonfile *cj = &app->convex_json;
	json_t *ak;
	size_t i;

	/* authkit-nextjs refreshes on the server; only a browser-only app needs CORS */
	if (!(app->uses & USES_AUTHKIT_REACT) || (app->uses & USES_AUTHKIT_NEXTJS))
		return;
	if (cj->present && !cj->json)
		return;		/* not JSON: invalid-convex-authkit-config */
	ak = cj->json ? json_object_get(cj->json, "authKit") : NULL;
	if (!ak) {
		advise(ctx, app);
		return;
	}
	if (!json_is_object(ak))
		return;
	for (i = 0; i < ARRAY_SIZE(secs); i++) {
		json_t *sec = json_object_get(ak, secs[i]);
		json_t *cfg = json_is_object(sec) ? json_object_get(sec, "configure") : NULL;

		if (json_is_object(cfg))
			check_section(ctx, app, secs[i], cfg);
	}
}

const struct lint_rule rule_missing_cors_origin = {
	.id = "missing-cors-origin",
	.severity = SEV_WARNING,
	.family = "project",
	.summary = "a browser-only AuthKit app whose origin is not among WorkOS's allowed CORS origins",
	.description =
		"With @workos-inc/authkit-react the browser itself talks to WorkOS (sign-in code\n"
		"exchange, token refresh), so WorkOS must allow the app's origin: Authentication >\n"
		"Sessions > CORS in the dashboard, which convex.json's authKit.<env>.configure.corsOrigins\n"
		"fills in when `npx convex dev`/`deploy` provisions WorkOS. When a section lists\n"
		"redirectUris but corsOrigins misses their origin (or the origin of\n"
		"VITE_WORKOS_REDIRECT_URI for dev), token refreshes fail CORS and users are signed out:\n"
		"a warning. Without an authKit section nothing in the repository can say whether the\n"
		"dashboard is set up, so cwlint names the origins to add there as advice (info).\n"
		"Next.js apps (authkit-nextjs) refresh on the server and are not judged.",
	.example =
		"// wrong: convex.json of a Vite app\n"
		"\"configure\": { \"redirectUris\": [\"http://localhost:5173/callback\"] }\n"
		"// right\n"
		"\"configure\": { \"redirectUris\": [\"http://localhost:5173/callback\"],\n"
		"               \"corsOrigins\": [\"http://localhost:5173\"] }",
	.fix =
		"List every origin that serves the app (scheme, host and port, no path) in\n"
		"authKit.<env>.configure.corsOrigins, or in the WorkOS dashboard under\n"
		"Authentication > Sessions > CORS.",
	.sources =
		"Convex docs, AuthKit add-to-app (\"Set up CORS in the WorkOS Dashboard\"); authkit-react\n"
		"README; get-convex/templates template-react-vite-authkit/convex.json (corsOrigins).",
	.applies = APPLIES_WORKOS,
	.mentions = mentions,
	.check_app = check,
};
