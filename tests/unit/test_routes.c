/*
 * test_routes.c - the Next.js model (src/routes.c, src/nextproxy.c): URLs from folders, Next's
 * route precedence, route handler exports, AuthKit calls, the proxy files Next loads, their
 * config.matcher and authkit options, and every value a redirectUri option can take.
 */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "core.h"
#include "routes.h"
#include "semver.h"
#include "unit.h"

const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);

static struct arena A = ARENA_INIT;
static TSParser *P;

struct fake {
	struct lint_app app;
	size_t alloc;
};

static struct fake *app_new(const char *next_range)
{
	struct fake *fk = arena_alloc(&A, sizeof(*fk));

	if (next_range)
		fk->app.pkg = json_pack("{s:{s:s}}", "dependencies", "next", next_range);
	fk->app.fw = FW_NEXT;
	/* an empty lockfile model: versions come from package.json alone, no file is read */
	fk->app.lock = ARENA_NEW(&A, struct lint_lock);
	fk->app.absroot = "/nonexistent";
	return fk;
}

static struct lint_next *next_of(struct fake *fk)
{
	struct lint_ctx ctx = { NULL, NULL, &fk->app, &A };

	return lint_next_get(&ctx);
}

static struct lint_file *add(struct fake *fk, const char *rel, const char *text)
{
	struct lint_app *app = &fk->app;
	struct lint_file *f = ARENA_NEW(&A, struct lint_file);

	f->app = app;
	f->arena = &A;
	f->relpath = rel;
	f->kind = ends_with(rel, ".ts") ? FK_TS : FK_TSX;
	if (starts_with(rel, "next.config."))
		f->roles |= ROLE_NEXT_CONFIG;
	lint_source_from_mem(&A, &f->src, rel, rel, text, strlen(text));
	if (text[0]) {
		ts_parser_set_language(P, f->kind == FK_TS ? tree_sitter_typescript() : tree_sitter_tsx());
		f->tree = ts_parser_parse_string(P, NULL, f->src.buf, (uint32_t)f->src.len);
		f->parsed = true;
		lint_model_file(&A, f);
	}
	if (app->nfiles == fk->alloc) {
		size_t n = fk->alloc ? fk->alloc * 2 : 8;
		struct lint_file **arr = ARENA_ARRAY(&A, struct lint_file *, n);

		if (app->nfiles)
			memcpy(arr, app->files, app->nfiles * sizeof(*arr));
		app->files = arr;
		fk->alloc = n;
	}
	app->files[app->nfiles++] = f;
	return f;
}

static void app_free(struct fake *fk)
{
	size_t i;

	lint_next_release(fk->app.next);
	for (i = 0; i < fk->app.nfiles; i++)
		if (fk->app.files[i]->tree)
			ts_tree_delete(fk->app.files[i]->tree);
	json_decref(fk->app.pkg);
}

static const struct lint_route *route_of(const struct lint_next *nx, const char *rel)
{
	size_t i;

	for (i = 0; i < nx->nroutes; i++)
		if (!strcmp(nx->routes[i].file->relpath, rel))
			return &nx->routes[i];
	return NULL;
}

/* --- folders to URLs --- */

static void test_parse(void)
{
	static const struct {
		const char *dir;
		bool pages;
		const char *url;	/* NULL: serves no URL */
		bool intercepting, slot;
	} cases[] = {
		{ "", false, "/", false, false },
		{ "callback", false, "/callback", false, false },
		{ "(auth)/callback", false, "/callback", false, false },
		{ "(marketing)/(en)/about", false, "/about", false, false },
		{ "blog/[slug]", false, "/blog/[slug]", false, false },
		{ "docs/[...slug]", false, "/docs/[...slug]", false, false },
		{ "shop/[[...filters]]", false, "/shop/[[...filters]]", false, false },
		{ "dashboard/@analytics/views", false, "/dashboard/views", false, true },
		{ "feed/(.)photo/[id]", false, "/feed/[id]", true, false },
		{ "(..)(..)settings", false, "/", true, false },
		{ "_components/button", false, NULL, false, false },
		{ "blog/_lib", false, NULL, false, false },
		{ "index", true, "/", false, false },
		{ "blog/index", true, "/blog", false, false },
		{ "api/auth/[...auth]", true, "/api/auth/[...auth]", false, false },
		{ "about", true, "/about", false, false },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct lint_route r;
		bool ok;

		memset(&r, 0, sizeof(r));
		ok = lint_route_parse(&A, cases[i].dir, cases[i].pages, &r);
		if (!cases[i].url) {
			UNIT_OK(!ok, "parse '%s': serves no URL", cases[i].dir);
			continue;
		}
		UNIT_OK(ok, "parse '%s': routable", cases[i].dir);
		if (!ok)
			continue;
		UNIT_STREQ(r.url, cases[i].url, "parse '%s%s': url", cases[i].pages ? "pages:" : "",
			   cases[i].dir);
		UNIT_OK(r.intercepting == cases[i].intercepting && r.slot == cases[i].slot,
			"parse '%s': intercepting %d slot %d", cases[i].dir, r.intercepting, r.slot);
	}
}

/* --- precedence, matching and samples --- */

static void test_resolve(void)
{
	struct fake *fk = app_new("^16.3.0");
	struct lint_next *nx;
	const struct lint_route *r;
	static const struct { const char *path, *file; } cases[] = {
		{ "/callback", "app/callback/route.ts" },
		{ "/callback/", "app/callback/route.ts" },
		{ "/about", "app/[slug]/page.tsx" },
		{ "/a/b", "app/[...all]/page.tsx" },
		{ "/docs", "app/docs/[[...p]]/page.tsx" },
		{ "/docs/a/b", "app/docs/[[...p]]/page.tsx" },
		{ "/", "app/(home)/page.tsx" },
		{ "/sign-in", "app/(auth)/sign-in/route.ts" },
		{ "/photo/1", "app/[...all]/page.tsx" },
	};
	size_t i;

	add(fk, "app/layout.tsx", "");
	add(fk, "app/(home)/page.tsx", "");
	add(fk, "app/[slug]/page.tsx", "");
	add(fk, "app/[...all]/page.tsx", "");
	add(fk, "app/callback/route.ts", "");
	add(fk, "app/docs/[[...p]]/page.tsx", "");
	add(fk, "app/(auth)/sign-in/route.ts", "");
	add(fk, "app/(.)photo/[id]/page.tsx", "");
	add(fk, "app/_lib/page.tsx", "");
	add(fk, "app/page.test.tsx", "");
	add(fk, "app/about/page.mdx.ts", "");
	add(fk, "src/app/ignored/page.tsx", "");
	nx = next_of(fk);
	UNIT_OK(nx == next_of(fk), "the model is cached per app");
	UNIT_STREQ(nx->app_dir, "app", "app dir at the root wins over src/app");
	UNIT_OK(nx->nroutes == 8, "8 route files (private, test and other-dir files left out): %zu",
		nx->nroutes);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		r = lint_next_resolve(nx, cases[i].path);
		UNIT_STREQ(r ? r->file->relpath : NULL, cases[i].file, "resolve %s", cases[i].path);
	}
	r = route_of(nx, "app/[...all]/page.tsx");
	UNIT_OK(r && lint_route_matches(r, "/x/y") && !lint_route_matches(r, "/"),
		"[...all] needs at least one segment");
	r = route_of(nx, "app/docs/[[...p]]/page.tsx");
	UNIT_STREQ(r ? lint_route_sample(&A, r, NULL) : NULL, "/docs", "optional catch-all left out");
	UNIT_STREQ(r ? lint_route_sample(&A, r, "x") : NULL, "/docs/x", "optional catch-all filled");
	r = route_of(nx, "app/[slug]/page.tsx");
	UNIT_STREQ(r ? lint_route_sample(&A, r, NULL) : NULL, "/1", "dynamic parameter sample");
	r = route_of(nx, "app/layout.tsx");
	UNIT_OK(r && r->kind == ROUTE_LAYOUT && !strcmp(r->url, "/") && !strcmp(r->dir, ""),
		"root layout: kind, url and dir");
	app_free(fk);

	fk = app_new(NULL);
	add(fk, "src/pages/index.tsx", "");
	add(fk, "src/pages/_app.tsx", "");
	add(fk, "src/pages/api/auth/callback.ts", "");
	add(fk, "src/app/dashboard/page.tsx", "");
	nx = next_of(fk);
	UNIT_STREQ(nx->pages_dir, "src/pages", "pages dir under src");
	UNIT_OK(nx->src_root == 1, "src/pages makes src/ the proxy's folder");
	r = lint_next_resolve(nx, "/api/auth/callback");
	UNIT_OK(r && r->kind == ROUTE_PAGES, "a Pages Router API route serves its path");
	UNIT_OK(!lint_next_resolve(nx, "/_app"), "_app is not a page");
	r = lint_next_resolve(nx, "/");
	UNIT_STREQ(r ? r->file->relpath : NULL, "src/pages/index.tsx", "pages index serves /");
	app_free(fk);
}

/* --- exports and calls --- */

static void test_exports_and_calls(void)
{
	struct fake *fk = app_new("^16.3.0");
	struct lint_next *nx;
	const struct lint_route *r;

	add(fk, "app/a/route.ts",
	    "import { handleAuth as cb } from '@workos-inc/authkit-nextjs';\n"
	    "export async function GET() {}\n"
	    "export const POST = cb(), PUT = 1;\n"
	    "const h = () => 1;\n"
	    "export { h as DELETE, h as helper };\n"
	    "export { PATCH } from './other';\n"
	    "export default function ignored() {}\n");
	add(fk, "app/b/route.ts", "export * from './handlers';\nexport const GET = 1;\n");
	add(fk, "app/c/route.ts", "export const POST = () => 1;\nexport const GET = ;\n");
	add(fk, "app/d/page.tsx",
	    "import * as AuthKit from '@workos-inc/authkit-nextjs';\n"
	    "import { Unauthenticated as SignedOut } from 'convex/react';\n"
	    "export default async function P() {\n"
	    "  const { user } = await AuthKit.withAuth();\n"
	    "  return <SignedOut>{String(user)}</SignedOut>;\n"
	    "}\n");
	add(fk, "app/e/page.tsx",
	    "function withAuth() { return {}; }\n"
	    "const getSignInUrl = () => '';\n"
	    "export default function P() { withAuth(); getSignInUrl(); return <Unauthenticated />; }\n");
	add(fk, "app/f/route.js",
	    "const { getSignUpUrl, signOut } = require('@workos-inc/authkit-nextjs');\n"
	    "export async function GET() { await signOut(); return getSignUpUrl(); }\n");
	nx = next_of(fk);

	r = route_of(nx, "app/a/route.ts");
	UNIT_OK(r && r->exports_known &&
		r->methods == (HTTP_GET | HTTP_POST | HTTP_PUT | HTTP_DELETE | HTTP_PATCH),
		"function, const, alias and re-export methods: %#x", r ? r->methods : 0);
	UNIT_OK(r && r->get_start == (uint32_t)(strstr(r->file->src.buf, "GET()") - r->file->src.buf) &&
		r->get_end == r->get_start + 3, "GET's position is its name");
	UNIT_OK(r && (r->calls & AK_BIT(AK_HANDLE_AUTH)), "aliased handleAuth import is resolved");
	r = route_of(nx, "app/b/route.ts");
	UNIT_OK(r && !r->exports_known && (r->methods & HTTP_GET), "export * makes exports open");
	r = route_of(nx, "app/c/route.ts");
	UNIT_OK(r && !r->exports_known, "a syntax error makes exports unknown");
	r = route_of(nx, "app/d/page.tsx");
	UNIT_OK(r && r->calls == (AK_BIT(AK_WITH_AUTH) | AK_BIT(AK_UNAUTHENTICATED)),
		"namespace withAuth and aliased <Unauthenticated>: %#x", r ? r->calls : 0);
	r = route_of(nx, "app/e/page.tsx");
	UNIT_OK(r && r->calls == 0, "local functions and unimported JSX are not AuthKit's");
	r = route_of(nx, "app/f/route.js");
	UNIT_OK(r && r->calls == (AK_BIT(AK_SIGN_UP_URL) | AK_BIT(AK_SIGN_OUT)) &&
		(r->methods & HTTP_GET), "require() bindings are resolved");
	app_free(fk);
}

/* --- versions --- */

static void test_versions(void)
{
	static const struct { const char *range; int next16; } cases[] = {
		{ "^16.3.0", 1 }, { "~15.5.2", 0 }, { "16", 1 }, { "16.x", 1 }, { "15.2.4", 0 }, { "^15.3.0", 0 },
		{ ">=15.0.0", -1 }, { ">=15 <17", -1 }, { "<16", 0 }, { "<=15.9", 0 },
		{ "latest", -1 }, { "canary", -1 }, { "15.x || 16.x", -1 }, { "*", -1 },
		{ "workspace:*", -1 }, { "16.0.0-canary.3", 1 }, { ">=16.0.0", 1 },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct fake *fk = app_new(cases[i].range);
		struct lint_next *nx;

		add(fk, "app/page.tsx", "");
		nx = next_of(fk);
		UNIT_OK(nx->next16 == cases[i].next16, "next '%s': 16 or later %d (want %d)",
			cases[i].range, nx->next16, cases[i].next16);
		app_free(fk);
	}
}

/* --- proxies --- */

#define TEMPLATE_PROXY \
	"import { authkitMiddleware } from '@workos-inc/authkit-nextjs';\n" \
	"\n" \
	"const redirectUri = (() => {\n" \
	"  if (process.env.VERCEL_ENV === 'preview' && process.env.VERCEL_BRANCH_URL) {\n" \
	"    return `https://${process.env.VERCEL_BRANCH_URL}/callback`;\n" \
	"  }\n" \
	"  if (process.env.VERCEL_ENV === 'production' && process.env.VERCEL_PROJECT_PRODUCTION_URL) {\n" \
	"    return `https://${process.env.VERCEL_PROJECT_PRODUCTION_URL}/callback`;\n" \
	"  }\n" \
	"  return undefined;\n" \
	"})();\n" \
	"\n" \
	"export default authkitMiddleware({\n" \
	"  eagerAuth: true,\n" \
	"  middlewareAuth: {\n" \
	"    enabled: true,\n" \
	"    unauthenticatedPaths: ['/', '/sign-in', '/sign-up'],\n" \
	"  },\n" \
	"  redirectUri,\n" \
	"});\n" \
	"\n" \
	"export const config = {\n" \
	"  matcher: [\n" \
	"    '/((?!_next|[^?]*\\\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)',\n" \
	"    '/(api|trpc)(.*)',\n" \
	"  ],\n" \
	"};\n"

static const char *outcomes_str(const struct lint_proxy *p)
{
	struct strbuf sb = STRBUF_INIT;
	const char *ret;
	size_t i;

	if (p->redirect != REDIRECT_KNOWN)
		return p->redirect == REDIRECT_ABSENT ? "absent" : "unknown";
	for (i = 0; i < p->noutcomes; i++)
		strbuf_addf(&sb, "%s%s", i ? "|" : "", p->outcomes[i].value ? p->outcomes[i].value
									 : "undefined");
	ret = arena_strdup(&A, strbuf_str(&sb));
	strbuf_release(&sb);
	return ret;
}

static void test_template_proxy(void)
{
	struct fake *fk = app_new("^16.3.0");
	struct lint_next *nx;
	const struct lint_proxy *p;
	const struct lint_value *ma;

	add(fk, "proxy.ts", TEMPLATE_PROXY);
	add(fk, "app/layout.tsx", "");
	nx = next_of(fk);
	p = nx->active;
	UNIT_OK(nx->nproxies == 1 && p && p->is_proxy && p->place == PLACE_ROOT,
		"template: proxy.ts at the root is the active one");
	if (!p) {
		app_free(fk);
		return;
	}
	UNIT_OK(p->authkit == AKU_MIDDLEWARE && !strcmp(p->authkit_fn, "authkitMiddleware"),
		"template: authkitMiddleware");
	ma = p->options ? lint_value_get(p->options, "middlewareAuth")->value : NULL;
	UNIT_STREQ(ma ? lint_value_render(&A, ma) : NULL,
		   "{enabled:true,unauthenticatedPaths:[\"/\",\"/sign-in\",\"/sign-up\"]}",
		   "template: middlewareAuth evaluated");
	UNIT_STREQ(outcomes_str(p), "https://${env:VERCEL_BRANCH_URL}/callback|"
		   "https://${env:VERCEL_PROJECT_PRODUCTION_URL}/callback|undefined",
		   "template: the IIFE's redirectUri outcomes");
	UNIT_OK(p->has_config && p->config_known && lint_proxy_matcher(p),
		"template: config.matcher found");
	UNIT_OK(lint_proxy_runs_on(nx, p, "/") == 1 && lint_proxy_runs_on(nx, p, "/about") == 1 &&
		lint_proxy_runs_on(nx, p, "/api/x") == 1, "template matcher runs on pages and API");
	UNIT_OK(lint_proxy_runs_on(nx, p, "/_next/static/chunks/main.js") == 0 &&
		lint_proxy_runs_on(nx, p, "/logo.png") == 0, "template matcher skips static files");
	app_free(fk);
}

struct pcase {
	const char *name;
	const char *next;		/* next range, NULL for none */
	const char *files[4][2];	/* relpath, text */
	const char *active;		/* relpath of nx->active, NULL */
	enum lint_authkit_use use;
	const char *outcomes;
	int runs_about;			/* lint_proxy_runs_on(active, "/about") */
};

static const struct pcase pcases[] = {
	{ "ternary const via shorthand", "^16.3.0",
	  { { "proxy.ts",
	      "import { authkitMiddleware } from '@workos-inc/authkit-nextjs';\n"
	      "const redirectUri =\n"
	      "  process.env.VERCEL_ENV === 'production'\n"
	      "    ? `https://${process.env.VERCEL_PROJECT_PRODUCTION_URL}/auth/callback`\n"
	      "    : 'http://localhost:3000/auth/callback';\n"
	      "export default authkitMiddleware({ redirectUri });\n" } },
	  "proxy.ts", AKU_MIDDLEWARE,
	  "https://${env:VERCEL_PROJECT_PRODUCTION_URL}/auth/callback|http://localhost:3000/auth/callback", 1 },
	{ "env read and ?? fallback", "^16.3.0",
	  { { "proxy.ts",
	      "import { authkitProxy } from '@workos-inc/authkit-nextjs';\n"
	      "export default authkitProxy({ redirectUri: process.env.MY_URI ?? 'http://x.test/cb' });\n"
	      "export const config = { matcher: '/dashboard/:path*' };\n" } },
	  "proxy.ts", AKU_MIDDLEWARE, "${env:MY_URI}|http://x.test/cb", 0 },
	{ "options through a const, function declaration call", "^16.3.0",
	  { { "proxy.ts",
	      "import { authkitMiddleware } from '@workos-inc/authkit-nextjs';\n"
	      "function uri() { if (process.env.CI) return 'https://ci.test/callback'; }\n"
	      "const options = { redirectUri: uri(), debug: true };\n"
	      "export default authkitMiddleware(options);\n"
	      "export { conf as config };\n"
	      "const conf = { matcher: ['/about'] };\n" } },
	  "proxy.ts", AKU_MIDDLEWARE, "https://ci.test/callback|undefined", 1 },
	{ "imported helper: unknown", "^16.3.0",
	  { { "proxy.ts",
	      "import { authkitMiddleware } from '@workos-inc/authkit-nextjs';\n"
	      "import { uri } from './uri';\n"
	      "export default authkitMiddleware({ redirectUri: uri() });\n" } },
	  "proxy.ts", AKU_MIDDLEWARE, "unknown", 1 },
	{ "spread options: unknown", "^16.3.0",
	  { { "proxy.ts",
	      "import { authkitMiddleware } from '@workos-inc/authkit-nextjs';\n"
	      "import base from './base';\n"
	      "export default authkitMiddleware({ ...base, debug: true });\n" } },
	  "proxy.ts", AKU_MIDDLEWARE, "unknown", 1 },
	{ "no options: absent", "^16.3.0",
	  { { "src/proxy.ts",
	      "import { authkitMiddleware } from '@workos-inc/authkit-nextjs';\n"
	      "export default authkitMiddleware();\n" },
	    { "src/app/page.tsx", "" } },
	  "src/proxy.ts", AKU_MIDDLEWARE, "absent", 1 },
	{ "composable authkit() with options", "^16.3.0",
	  { { "proxy.ts",
	      "import { authkit, handleAuthkitHeaders } from '@workos-inc/authkit-nextjs';\n"
	      "export default async function proxy(req) {\n"
	      "  const { headers } = await authkit(req, { redirectUri: 'http://localhost:3000/cb' });\n"
	      "  return handleAuthkitHeaders(req, headers);\n"
	      "}\n" } },
	  "proxy.ts", AKU_COMPOSABLE, "http://localhost:3000/cb", 1 },
	{ "plain proxy: no AuthKit", "^16.3.0",
	  { { "proxy.ts",
	      "import { NextResponse } from 'next/server';\n"
	      "export function proxy() { return NextResponse.next(); }\n" } },
	  "proxy.ts", AKU_NONE, "absent", 1 },
	{ "local import: unknown use", "^16.3.0",
	  { { "proxy.ts", "export { default } from './lib/mw';\n" } },
	  "proxy.ts", AKU_UNKNOWN, "unknown", 1 },
	{ "next 15 ignores proxy.ts", "^15.3.0",
	  { { "proxy.ts", "export default function proxy() {}\n" },
	    { "middleware.ts",
	      "import { authkitMiddleware } from '@workos-inc/authkit-nextjs';\n"
	      "export default authkitMiddleware();\n"
	      "export const config = { matcher: [{ source: '/about', locale: false }] };\n" } },
	  "middleware.ts", AKU_MIDDLEWARE, "absent", 1 },
	{ "next 15 with only proxy.ts: none active", "^15.3.0",
	  { { "proxy.ts", "export default function proxy() {}\n" } },
	  NULL, AKU_NONE, NULL, 0 },
	{ "next 16 with both: proxy.ts", "^16.0.0",
	  { { "middleware.ts", "export default function middleware() {}\n" },
	    { "proxy.ts", "export default function proxy() {}\n" } },
	  "proxy.ts", AKU_NONE, "absent", 1 },
	{ "src/app: the root file is not loaded", "^16.0.0",
	  { { "proxy.ts", "export default function proxy() {}\n" },
	    { "src/app/page.tsx", "" } },
	  NULL, AKU_NONE, NULL, 0 },
	{ "a proxy inside app/ is never active", "^16.0.0",
	  { { "app/proxy.ts", "export default function proxy() {}\n" },
	    { "app/page.tsx", "" } },
	  NULL, AKU_NONE, NULL, 0 },
	{ "basePath in next.config: matcher unknown", "^16.0.0",
	  { { "proxy.ts", "export default function proxy() {}\nexport const config = { matcher: '/x' };\n" },
	    { "next.config.ts", "export default { basePath: '/docs' };\n" } },
	  "proxy.ts", AKU_NONE, "absent", -1 },
	{ "conditional matcher entry counts as running", "^16.0.0",
	  { { "proxy.ts", "export default function proxy() {}\n"
			  "export const config = { matcher: [{ source: '/about', has: [{ type: 'header', key: 'x' }] }] };\n" } },
	  "proxy.ts", AKU_NONE, "absent", 1 },
	{ "matcher from an import: unknown", "^16.0.0",
	  { { "proxy.ts", "import { m } from './m';\nexport default function proxy() {}\n"
			  "export const config = { matcher: m };\n" } },
	  "proxy.ts", AKU_UNKNOWN, "unknown", -1 },
};

static void test_proxies(void)
{
	size_t i, k;

	for (i = 0; i < ARRAY_SIZE(pcases); i++) {
		const struct pcase *c = &pcases[i];
		struct fake *fk = app_new(c->next);
		struct lint_next *nx;
		const struct lint_proxy *p;

		for (k = 0; k < 4 && c->files[k][0]; k++)
			add(fk, c->files[k][0], c->files[k][1]);
		nx = next_of(fk);
		p = nx->active;
		UNIT_STREQ(p ? p->file->relpath : NULL, c->active, "%s: active file", c->name);
		if (p && c->active) {
			UNIT_OK(p->authkit == c->use, "%s: AuthKit use %d", c->name, p->authkit);
			UNIT_STREQ(outcomes_str(p), c->outcomes, "%s: redirectUri", c->name);
			UNIT_OK(lint_proxy_runs_on(nx, p, "/about") == c->runs_about,
				"%s: runs on /about: %d", c->name, lint_proxy_runs_on(nx, p, "/about"));
		}
		app_free(fk);
	}
}

static void test_custom_page_extensions(void)
{
	struct fake *fk = app_new("^16.0.0");
	struct lint_next *nx;

	add(fk, "next.config.js", "module.exports = { pageExtensions: ['page.tsx', 'api.ts'] };\n");
	add(fk, "proxy.ts", "export default function proxy() {}\n");
	add(fk, "app/page.tsx", "");
	nx = next_of(fk);
	UNIT_OK(nx->custom_files && !nx->nroutes && !nx->nproxies && !nx->active,
		"pageExtensions: file conventions unknown, no routes or proxies");
	app_free(fk);
}

static void test_url_path(void)
{
	static const struct { const char *url, *path; } cases[] = {
		{ "http://localhost:3000/callback", "/callback" },
		{ "https://app.example.com/api/auth/callback?x=1#y", "/api/auth/callback" },
		{ "https://app.example.com", "/" },
		{ "https://${env:VERCEL_URL}/callback", "/callback" },
		{ "https://${env:HOST}:${env:PORT}/cb", "/cb" },
		{ "https://example.com/${env:PATH}", NULL },
		{ "/callback", NULL },
		{ "localhost:3000/callback", NULL },
		{ "https://", NULL },
		{ "${env:NEXT_PUBLIC_WORKOS_REDIRECT_URI}", NULL },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		UNIT_STREQ(lint_url_path(&A, cases[i].url), cases[i].path, "url path of '%s'",
			   cases[i].url);
}

int main(void)
{
	P = ts_parser_new();
	test_parse();
	test_resolve();
	test_exports_and_calls();
	test_versions();
	test_template_proxy();
	test_proxies();
	test_custom_page_extensions();
	test_url_path();
	ts_parser_delete(P);
	arena_release(&A);
	UNIT_DONE();
}
