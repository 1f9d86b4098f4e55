/*
 * routes.h - the Next.js side of an app, for the "next" rules: the URL each route, page and
 * layout file serves (App Router and Pages Router), what a route handler exports and which
 * AuthKit functions a route file calls; the proxy/middleware files with their evaluated
 * `config` and authkit options; and the facts that decide which of them Next loads.
 *
 * Built once per app on first use (lint_next_get) into the app's arena and cached in
 * app->next; valid while the app's trees are. Rules read it and never change it. Everything
 * is syntactic: what the model cannot know is marked so, and rules then stay silent.
 */
#ifndef CWLINT_ROUTES_H
#define CWLINT_ROUTES_H

#include "rule.h"

enum lint_route_kind {
	ROUTE_HANDLER,		/* app/ ** /route.{ts,tsx,js,jsx} */
	ROUTE_PAGE,		/* app/ ** /page.* */
	ROUTE_LAYOUT,		/* app/ ** /layout.* */
	ROUTE_PAGES,		/* a Pages Router file: pages/ ** /x.* (not _app, _document, _error) */
};

enum lint_seg_kind {
	SEG_STATIC,		/* "blog" */
	SEG_DYNAMIC,		/* [id]: exactly one segment */
	SEG_CATCHALL,		/* [...slug]: one or more segments */
	SEG_OPTIONAL,		/* [[...slug]]: zero or more segments */
};

struct lint_route_seg {
	enum lint_seg_kind kind;
	const char *name;	/* the static text, or the parameter name */
};

/* HTTP methods a route handler exports. */
#define HTTP_GET	0x01
#define HTTP_HEAD	0x02
#define HTTP_POST	0x04
#define HTTP_PUT	0x08
#define HTTP_PATCH	0x10
#define HTTP_DELETE	0x20
#define HTTP_OPTIONS	0x40

/* Calls (and one JSX element) a route file makes, resolved through its imports. */
enum lint_ak_call {
	AK_WITH_AUTH,		/* withAuth() from @workos-inc/authkit-nextjs */
	AK_HANDLE_AUTH,		/* handleAuth() */
	AK_SIGN_IN_URL,		/* getSignInUrl() */
	AK_SIGN_UP_URL,		/* getSignUpUrl() */
	AK_SIGN_OUT,		/* signOut() */
	AK_UNAUTHENTICATED,	/* <Unauthenticated> from convex/react */
	AK_NCALLS,
};
#define AK_BIT(c)	(1u << (c))

struct lint_route {
	struct lint_file *file;
	enum lint_route_kind kind;
	const char *dir;	/* its folder inside the app (or pages) dir as on disk: "(auth)/callback" */
	const char *url;	/* "/callback", "/blog/[slug]", "/"; groups and @slots left out */
	struct lint_route_seg *segs;
	size_t nsegs;
	bool intercepting;	/* under a (.), (..) or (...) folder: lookups skip it */
	bool slot;		/* under a parallel-route @slot folder */
	/* ROUTE_HANDLER: exports; known when the file parsed without errors */
	bool exports_known;
	unsigned methods;	/* HTTP_* */
	uint32_t get_start, get_end;	/* where GET is exported (its name) */
	/* calls; `calls` is 0 for a file that was not parsed */
	unsigned calls;		/* AK_BIT(...) */
	uint32_t call_start[AK_NCALLS], call_end[AK_NCALLS];	/* the first of each */
};

/* How a proxy/middleware file uses AuthKit. */
enum lint_authkit_use {
	AKU_NONE,		/* no AuthKit call, and nothing it imports could hold one */
	AKU_UNKNOWN,		/* not parsed, or it may reach AuthKit through an import or re-export */
	AKU_MIDDLEWARE,		/* calls authkitMiddleware() or authkitProxy() */
	AKU_COMPOSABLE,		/* calls authkit() or handleAuthkitProxy() (a hand-written proxy) */
};

/* Where a proxy/middleware file sits. */
enum lint_proxy_place {
	PLACE_ROOT,		/* the app root */
	PLACE_SRC,		/* src/ */
	PLACE_ROUTES,		/* directly inside app/, pages/, src/app/ or src/pages/ */
};

/* What the authkit call's redirectUri can be (each outcome is one way the code can go). */
enum lint_redirect_state {
	REDIRECT_ABSENT,	/* no redirectUri option: NEXT_PUBLIC_WORKOS_REDIRECT_URI is used */
	REDIRECT_KNOWN,		/* outcomes[] lists every value it can take */
	REDIRECT_UNKNOWN,	/* cannot be known: rules that need it stay silent */
};

struct lint_redirect_outcome {
	const char *value;	/* the string (env parts as ${env:NAME}); NULL: undefined, so the env var */
	uint32_t start, end;	/* where it is written */
};

struct lint_proxy {
	struct lint_file *file;
	bool is_proxy;		/* proxy.* (else middleware.*) */
	enum lint_proxy_place place;
	bool handler_export;	/* by its bytes: exports default, `middleware`/`proxy` or `config` */
	bool rewrites;		/* its bytes mention rewrite( : it may serve other URLs than asked */
	enum lint_authkit_use authkit;
	const char *authkit_fn;	/* "authkitMiddleware", "authkitProxy", "authkit", ... or NULL */
	uint32_t call_start, call_end;	/* the first AuthKit call */
	struct lint_value *options;	/* its options argument, NULL when it has none */
	enum lint_redirect_state redirect;
	struct lint_redirect_outcome *outcomes;
	size_t noutcomes;
	bool has_config;	/* exports `config` (or may: config_known false) */
	bool config_known;	/* the file parsed and its exports could be read */
	struct lint_value *config;	/* the exported config's value when has_config */
	uint32_t handler_start, handler_end;	/* the default/middleware/proxy export, or 0,0 */
	/* config.matcher entries compiled once (lint_proxy_runs_on); lint_next_release frees them */
	void **matchers;	/* pcre2_code * per entry of a known matcher, NULL for an unknown one */
	size_t nmatchers;
};

struct lint_next {
	const char *app_dir;	/* "app" or "src/app": the App Router folder Next uses, or NULL */
	const char *pages_dir;	/* "pages" or "src/pages", or NULL */
	int src_root;		/* 1: Next looks for proxy/middleware in src/; 0: at the root; -1: unknown */
	int next16;		/* 1: every next version the app allows (or has installed) is 16 or
				 * later; 0: every one is below 16; -1: unknown, or both */
	const char *next_shown;	/* the version for messages: "next \"^15.3.0\" (package.json)" */
	bool urls_rewritten;	/* next.config sets basePath, i18n or rewrites: URL lookups unknown */
	bool custom_files;	/* next.config sets pageExtensions: route and proxy file names are
				 * not the defaults, so routes[] and proxies[] are left empty */
	struct lint_route *routes;
	size_t nroutes;
	struct lint_proxy *proxies;	/* every proxy/middleware file at a place above */
	size_t nproxies;
	struct lint_proxy *active;	/* the one Next runs, or NULL */
	bool active_known;	/* false when which one runs cannot be told */
};

/* The model of ctx->app, built on first use and cached in app->next. Never NULL. */
struct lint_next *lint_next_get(struct lint_ctx *ctx);
/*
 * Parses the file of a route that was left unparsed (its bytes kept by a rule's mentions)
 * and fills in what it calls and exports; for rules that need a route file only in some
 * case (a path the matcher misses). True when r changed.
 */
bool lint_route_load(struct lint_route *r);
/* Frees what the model holds outside the arena (compiled matchers); NULL-safe. The core
 * calls it once the app's rules have run. */
void lint_next_release(struct lint_next *nx);
/* Internal to lint_next_get(): fills nx->proxies and nx->active (nextproxy.c), compiling each
 * proxy's matcher (routes.c). */
void lint_next_build_proxies(struct arena *a, struct lint_app *app, struct lint_next *nx);
/*
 * Where relpath (relative to the app root) is a file named proxy or middleware that
 * lint_next_build_proxies() considers, as an enum lint_proxy_place (*is_proxy: named proxy);
 * -1 when it is none.
 */
int lint_next_proxy_place(const char *relpath, bool *is_proxy);
void lint_next_compile_matchers(struct arena *a, struct lint_proxy *p);

/*
 * Splits a folder path inside the app dir ("(shop)/blog/[slug]") into URL segments. Sets
 * *url ("/blog/[slug]"), the flags, and returns false for folders that serve no URL
 * (private `_x` folders). For Pages Router paths pass pages=true and the path without its
 * extension ("blog/[slug]", "index").
 */
bool lint_route_parse(struct arena *a, const char *dir, bool pages, struct lint_route *out);

/* Does the route serve the concrete URL path ("/blog/hello")? Query and hash must be stripped. */
bool lint_route_matches(const struct lint_route *r, const char *path);

/*
 * The route handler, page or Pages Router file Next would pick for a concrete path
 * (static segments win over [param], over [...catch-all], over [[...optional]]); layouts
 * and intercepting routes are never returned. NULL when nothing serves it.
 */
const struct lint_route *lint_next_resolve(const struct lint_next *nx, const char *path);

/*
 * A concrete path the route serves, for testing matchers: every parameter (and each
 * catch-all, as one segment) becomes value; with value NULL parameters become "1" and
 * optional catch-alls are left out. Arena string.
 */
char *lint_route_sample(struct arena *a, const struct lint_route *r, const char *value);

/*
 * Does proxy p run on path? 1 yes (or maybe: a has/missing condition), 0 no, -1 unknown (a
 * matcher that is not a known literal, or next.config changes URLs).
 */
int lint_proxy_runs_on(const struct lint_next *nx, const struct lint_proxy *p, const char *path);

/* The config.matcher value of p, or NULL (no config, no matcher, or unknown). */
const struct lint_prop *lint_proxy_matcher(const struct lint_proxy *p);

/* An app-relative path as the user sees it (prefixed with the app's display root), for
 * messages that name a file to create or move to. Arena string, or rel itself. */
const char *lint_next_display(struct lint_ctx *ctx, const char *rel);

/* The path of an absolute http(s) URL ("http://localhost:3000/callback?x" -> "/callback"),
 * allowing ${env:NAME} in the host; NULL when url is not one. Arena string. */
char *lint_url_path(struct arena *a, const char *url);

#endif
