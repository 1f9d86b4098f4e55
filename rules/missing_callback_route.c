/* missing_callback_route.c - the redirect URI's path has no GET route handler to run handleAuth. */
#include <string.h>
#include <jansson.h>

#include "routes.h"
#include "jsonpos.h"

#define REDIRECT_ENV "NEXT_PUBLIC_WORKOS_REDIRECT_URI"
#define MAX_CANDS 16


/*
 * Route handlers that run handleAuth, or sit at a callback path (paths are matched in
 * lower case); other handlers need no parse to be told apart from the callback.
 */
static const char *const route_words[] = { "handleAuth", "callback", NULL };

/* One place that sets a redirect URI the app can use. */
struct cand {
	const char *uri;
	const char *path;		/* its URL path */
	const struct lint_source *src;
	uint32_t start, end;
	const char *from;		/* for the message: "NEXT_PUBLIC_WORKOS_REDIRECT_URI in .env.local" */
};

struct cands {
	struct cand v[MAX_CANDS];
	size_t n;
};

static void add(struct lint_ctx *ctx, struct cands *c, const char *uri, const struct lint_source *src,
		uint32_t start, uint32_t end, const char *from)
{
	char *path = lint_url_path(ctx->arena, uri);
	size_t i;

	if (!path || c->n == MAX_CANDS)
		return;
	for (i = 0; i < c->n; i++)
		if (!strcmp(c->v[i].path, path))
			return;
	c->v[c->n++] = (struct cand){ uri, path, src, start, end, from };
}

/* The env files' values of name (development first, then production). */
static void add_env(struct lint_ctx *ctx, struct lint_app *app, struct cands *c, const char *name)
{
	static const enum lint_env_scope scopes[] = { ENV_DEVELOPMENT, ENV_PRODUCTION };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(scopes); i++) {
		const struct lint_envfile *where = NULL;
		const struct dotenv_entry *e = lint_app_env(app, scopes[i], name, &where);

		if (e)
			add(ctx, c, e->expanded, &where->src, e->value_start, e->value_end,
			    arena_printf(ctx->arena, "%s in %s", name, where->name));
	}
}

/* convex.json authKit.dev.localEnvVars: `npx convex dev` writes these into .env.local. */
static void add_convex_json(struct lint_ctx *ctx, struct lint_app *app, struct cands *c)
{
	json_t *v = app->convex_json.json;
	struct lint_json_loc loc;
	const char *s;

	v = json_object_get(v, "authKit");
	v = json_object_get(v, "dev");
	v = json_object_get(v, "localEnvVars");
	v = json_object_get(v, REDIRECT_ENV);
	if (!json_is_string(v) || strstr((s = json_string_value(v)), "${"))
		return;
	if (!lint_json_find(app->convex_json.src.buf, app->convex_json.src.len, &loc, "authKit",
			    "dev", "localEnvVars", REDIRECT_ENV, NULL))
		return;
	add(ctx, c, s, &app->convex_json.src, loc.val_start, loc.val_end,
	    "convex.json authKit.dev.localEnvVars");
}

/* Every redirect URI the app can run with; false when one cannot be known. */
static bool collect(struct lint_ctx *ctx, struct lint_app *app, const struct lint_next *nx,
		    struct cands *c)
{
	const struct lint_proxy *p = nx->active;
	bool env = true;
	size_t i;

	if (p && p->redirect == REDIRECT_UNKNOWN)
		return false;
	if (p && p->redirect == REDIRECT_KNOWN) {
		env = false;
		for (i = 0; i < p->noutcomes; i++) {
			const struct lint_redirect_outcome *o = &p->outcomes[i];
			size_t n = o->value ? strlen(o->value) : 0;

			if (!o->value) {
				env = true;
			} else if (starts_with(o->value, "${env:") && o->value[n - 1] == '}' &&
				   !strchr(o->value + 6, '$')) {
				/* the option is an env variable itself: look it up */
				char *name = arena_strndup(ctx->arena, o->value + 6, n - 7);

				if (!strcmp(name, REDIRECT_ENV))
					env = true;
				else
					add_env(ctx, app, c, name);
			} else {
				add(ctx, c, o->value, &p->file->src, o->start, o->end,
				    arena_printf(ctx->arena, "redirectUri in %s", p->file->src.path));
			}
		}
	}
	if (env) {
		add_env(ctx, app, c, REDIRECT_ENV);
		add_convex_json(ctx, app, c);
	}
	return true;
}

static const char *route_file_for(struct lint_ctx *ctx, const struct lint_next *nx, const char *path)
{
	return lint_next_display(ctx, arena_printf(ctx->arena, "%s%s/route.ts",
						       nx->app_dir ? nx->app_dir : "app",
						       strcmp(path, "/") ? path : ""));
}

/* A GET route handler at a fixed path that calls handleAuth, if the app has one. */
static const struct lint_route *handler_elsewhere(const struct lint_next *nx)
{
	size_t i, k;

	for (i = 0; i < nx->nroutes; i++) {
		const struct lint_route *r = &nx->routes[i];

		if (r->kind != ROUTE_HANDLER || !(r->calls & AK_BIT(AK_HANDLE_AUTH)) ||
		    !(r->methods & HTTP_GET) || r->intercepting || r->slot)
			continue;
		for (k = 0; k < r->nsegs && r->segs[k].kind == SEG_STATIC; k++)
			;
		if (k == r->nsegs)
			return r;
	}
	return NULL;
}

static void check_path(struct lint_ctx *ctx, const struct lint_next *nx, const struct cand *c)
{
	const struct lint_route *r = lint_next_resolve(nx, c->path);
	struct lint_diag *d;

	if (!r) {
		d = lint_report(ctx, c->src, c->start, c->end,
				"no route handler serves %s, the path of the redirect URI (%s): after "
				"sign-in WorkOS sends the browser to %s?code=..., Next.js answers 404 and "
				"no session is created", c->path, c->from, c->path);
		if ((r = handler_elsewhere(nx)))
			lint_help(d, "%s runs handleAuth at %s: point the redirect URI there (env, "
				  "WorkOS dashboard, convex.json), or move that route to %s",
				  r->file->src.path, r->url, route_file_for(ctx, nx, c->path));
		else
			lint_help(d, "create %s with: import { handleAuth } from "
				  "'@workos-inc/authkit-nextjs'; export const GET = handleAuth();",
				  route_file_for(ctx, nx, c->path));
	} else if (r->kind == ROUTE_PAGE) {
		bool exact = !strcmp(r->url, c->path);

		d = lint_report(ctx, c->src, c->start, c->end,
				"%s, the path of the redirect URI (%s), is served by the page %s: "
				"handleAuth() only works in a GET route handler, so the code is never "
				"exchanged and users come back signed out", c->path, c->from,
				r->file->src.path);
		if (exact)
			lint_help(d, "replace %s with a route.ts next to it that exports `GET = "
				  "handleAuth()` (one folder cannot hold both)", r->file->src.path);
		else
			lint_help(d, "create %s with: import { handleAuth } from "
				  "'@workos-inc/authkit-nextjs'; export const GET = handleAuth(); (it "
				  "takes precedence over %s)", route_file_for(ctx, nx, c->path),
				  r->file->src.path);
	} else if (r->kind == ROUTE_HANDLER && r->exports_known && !(r->methods & HTTP_GET)) {
		d = lint_report(ctx, c->src, c->start, c->end,
				"%s, the route at the redirect URI's path %s (%s), exports no GET "
				"handler: WorkOS redirects there with a GET, which Next.js answers with "
				"405 Method Not Allowed", r->file->src.path, c->path, c->from);
		lint_help(d, "export const GET = handleAuth(); in %s", r->file->src.path);
	}
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	struct lint_next *nx = lint_next_get(ctx);
	struct cands c = { .n = 0 };
	size_t i;

	if (!(app->uses & USES_AUTHKIT_NEXTJS) || (!nx->app_dir && !nx->pages_dir))
		return;
	/* a basePath, rewrites or a rewriting proxy serve URLs from other folders */
	if (nx->urls_rewritten || (nx->active && nx->active->rewrites))
		return;
	if (!collect(ctx, app, nx, &c))
		return;
	for (i = 0; i < c.n; i++)
		check_path(ctx, nx, &c.v[i]);
}

const struct lint_rule rule_missing_callback_route = {
	.id = "missing-callback-route",
	.severity = SEV_ERROR,
	.family = "next",
	.summary = "the redirect URI's path has no GET route handler running handleAuth",
	.description =
		"After sign-in, WorkOS sends the browser to the redirect URI with ?code=. In an\n"
		"authkit-nextjs app that URL must be served by a route handler exporting\n"
		"`GET = handleAuth()`, which exchanges the code and sets the session cookie. With no\n"
		"route there the user gets a 404; a page.tsx cannot set cookies or run handleAuth;\n"
		"a route.ts without GET answers 405. Either way nobody ever gets signed in.\n"
		"The redirect URI is read where authkit-nextjs reads it: the proxy's redirectUri\n"
		"option (each value it can take), else NEXT_PUBLIC_WORKOS_REDIRECT_URI in the env\n"
		"files, and convex.json authKit.dev.localEnvVars (which `npx convex dev` writes into\n"
		"env). Routes are matched as Next.js does: route groups like (auth) are not part of\n"
		"the URL, [param] and catch-all folders match. Silent when next.config sets\n"
		"basePath, i18n or rewrites, when the proxy rewrites, or when the redirectUri option\n"
		"cannot be evaluated.",
	.example =
		"// wrong: .env.local has NEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback\n"
		"//        but there is only app/auth/callback/route.ts\n"
		"// right: app/callback/route.ts\n"
		"import { handleAuth } from '@workos-inc/authkit-nextjs';\n"
		"export const GET = handleAuth();",
	.fix =
		"Create app/<path>/route.ts (the redirect URI's path; a route group folder may wrap\n"
		"it) with `export const GET = handleAuth();`, or change the redirect URI - in the env\n"
		"file, in the WorkOS dashboard and in convex.json - to the route you have.",
	.sources =
		"authkit-nextjs README \"Callback route\", src/session.ts (redirectUri option, then\n"
		"NEXT_PUBLIC_WORKOS_REDIRECT_URI); WorkOS CLI doctor CALLBACK_ROUTE_MISSING;\n"
		"workos/next-authkit-example issue #6; get-convex/templates app/callback/route.ts.",
	.applies = APPLIES_NEXT | APPLIES_WORKOS,
	.roles = ROLE_PROXY | ROLE_MIDDLEWARE | ROLE_ROUTE,
	.route_words = route_words,
	.check_app = check,
};
