/* incompatible_dependency.c - package versions that do not work together, or with the code. */
#include <string.h>
#include <jansson.h>

#include "rule.h"
#include "semver.h"
#include "jsonpos.h"

static const char *const triggers[] = {
	"authkitProxy", "eagerAuth", "refreshBufferSeconds", "useAccessToken", "AuthConfig",
	"expectAuth", NULL,
};

#define AUTHKIT "@workos-inc/authkit-nextjs"

static bool dep_loc(const struct lint_app *app, const char *name, struct lint_json_loc *loc)
{
	static const char *const tables[] = {
		"dependencies", "devDependencies", "peerDependencies", "optionalDependencies",
	};
	const struct lint_jsonfile *pj = &app->package_json;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(tables); i++)
		if (lint_json_find(pj->src.buf, pj->src.len, loc, tables[i], name, (const char *)NULL))
			return true;
	return false;
}

/* The dependency's versions are all at least (or all below) v; *shown describes them. */
static bool all_at_least(struct lint_ctx *ctx, const char *name, const char *v, const char **shown)
{
	struct semver_range r;
	struct semver s;

	return lint_dep_range(ctx, name, &r, shown) && semver_parse(v, &s) &&
	       semver_range_all_at_least(&r, &s);
}

static bool all_below(struct lint_ctx *ctx, const char *name, const char *v, const char **shown)
{
	struct semver_range r;
	struct semver s;

	return lint_dep_range(ctx, name, &r, shown) && semver_parse(v, &s) &&
	       semver_range_all_below(&r, &s);
}

static struct lint_diag *at_dep(struct lint_ctx *ctx, const char *name, const char *fmt,
				const char *a1, const char *a2)
{
	const struct lint_jsonfile *pj = &ctx->app->package_json;
	struct lint_json_loc loc;

	if (!dep_loc(ctx->app, name, &loc))
		return NULL;
	return lint_report(ctx, &pj->src, loc.key_start, loc.key_end, fmt, a1, a2);
}

/* Node versions an .nvmrc asks for, as a range ("20", "v22.10.0", "lts/iron"). */
static bool nvmrc_range(struct lint_ctx *ctx, const char *s, struct semver_range *r)
{
	static const char *const lts[] = {
		"argon", "4", "boron", "6", "carbon", "8", "dubnium", "10", "erbium", "12", "fermium", "14",
		"gallium", "16", "hydrogen", "18", "iron", "20", "jod", "22", "krypton", "24",
	};
	size_t i;

	if (starts_with(s, "lts/")) {
		for (i = 0; i < ARRAY_SIZE(lts); i += 2)
			if (!strcmp(s + 4, lts[i]))
				return semver_range_parse(arena_printf(ctx->arena, "%s.x", lts[i + 1]), r);
		return false;
	}
	return semver_range_parse(s, r);
}

/* F-1, F-2, F-3: version pairs in package.json (and the lockfile). */
static void check_app(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct lint_jsonfile *pj = &app->package_json;
	const char *shown = NULL, *file = NULL, *nshown = NULL;
	struct lint_diag *d;
	struct semver min;

	if (!pj->json || !lint_app_dep(app, AUTHKIT))
		return;
	semver_parse("22.11.0", &min);
	/* 4.1.4 made @workos-inc/node a peer dependency; a lockfile shows whether it is there */
	if (all_at_least(ctx, AUTHKIT, "4.1.4", &shown) && !lint_app_dep(app, "@workos-inc/node") &&
	    lint_app_installed(ctx, AUTHKIT, &file) && !lint_app_installed(ctx, "@workos-inc/node", NULL)) {
		d = at_dep(ctx, AUTHKIT, "%s needs @workos-inc/node as a peer dependency (since 4.1.4), "
			   "and %s installs none: the app fails when it loads authkit-nextjs", shown, file);
		if (d)
			lint_help(d, "npm install @workos-inc/node");
	}
	if (all_at_least(ctx, AUTHKIT, "4.0.0", &shown)) {
		json_t *eng = json_object_get(pj->json, "engines");
		const char *node = json_string_value(json_is_object(eng) ? json_object_get(eng, "node") : NULL);
		const char *nvmrc = lint_app_nvmrc(ctx);
		struct semver_range r;
		struct lint_json_loc loc;

		if (node && semver_range_parse(node, &r) && semver_range_all_below(&r, &min) &&
		    lint_json_find(pj->src.buf, pj->src.len, &loc, "engines", "node", (const char *)NULL)) {
			d = lint_report(ctx, &pj->src, loc.val_start, loc.val_end,
					"engines.node \"%s\" allows only Node versions below 22.11, but %s "
					"requires Node 22.11 or later", node, shown);
			lint_help(d, "set \"node\": \">=22.11\" and use Node 22.11+ locally, in CI and in "
				  "hosting");
		} else if (nvmrc && nvmrc_range(ctx, nvmrc, &r) && semver_range_all_below(&r, &min)) {
			d = at_dep(ctx, AUTHKIT, "%s requires Node 22.11 or later, but .nvmrc selects Node "
				   "%s", shown, nvmrc);
			if (d)
				lint_help(d, "write 22 (or lts/jod) in .nvmrc");
		}
	}
	if (all_at_least(ctx, "next", "16.0.0", &nshown) && all_below(ctx, AUTHKIT, "2.11.0", &shown)) {
		d = at_dep(ctx, AUTHKIT, "%s predates Next.js 16 support (added in 2.11.0), and the app "
			   "uses %s", shown, nshown);
		if (d)
			lint_help(d, "npm install @workos-inc/authkit-nextjs@latest");
	}
}

struct scan {
	struct lint_ctx *ctx;
	struct lint_file *f;
};

static const char *const authkit_root[] = { AUTHKIT, NULL };
static const char *const authkit_components[] = { AUTHKIT "/components", NULL };
static const char *const convex_react[] = { "convex/react", NULL };

static void too_old(struct scan *s, TSNode at, const char *pkg, const char *need, const char *what)
{
	const char *shown = NULL;
	struct lint_diag *d;

	if (!all_below(s->ctx, pkg, need, &shown))
		return;
	d = lint_report(s->ctx, &s->f->src, ts_node_start_byte(at), ts_node_end_byte(at),
			"%s needs %s %s or later, but the app has %s", what, pkg, need, shown);
	lint_help(d, "npm install %s@^%s", pkg, need);
}

/* The call an options object is the first argument of: authkitMiddleware({ ... }). */
static bool options_of(struct scan *s, TSNode obj, const char *name)
{
	TSNode args = ts_node_parent(obj), call;

	/*
	 * Error recovery can put a pair straight under the root (obj is then the root and
	 * args null), and the 0.20 runtime crashes on the parent of a null node: check first.
	 */
	if (!ts_is(args, "arguments"))
		return false;
	call = ts_node_parent(args);
	return ts_is(call, "call_expression") &&
	       lint_ident_imports(s->f, ts_field(call, "function"), authkit_root, name);
}

static bool visit(TSNode n, void *ud)
{
	struct scan *s = ud;
	const struct lint_source *src = &s->f->src;

	if (ts_is(n, "pair")) {
		TSNode key = ts_field(n, "key"), obj = ts_node_parent(n);
		bool mw = options_of(s, obj, "authkitMiddleware") || options_of(s, obj, "authkitProxy");

		if (mw && ts_text_eq(src, key, "eagerAuth"))
			too_old(s, key, AUTHKIT, "2.7.0", "the eagerAuth option");
		else if (mw && ts_text_eq(src, key, "refreshBufferSeconds"))
			too_old(s, key, AUTHKIT, "4.3.0", "the refreshBufferSeconds option");
		else if (ts_text_eq(src, key, "expectAuth")) {
			TSNode args = ts_node_parent(obj), nw;

			/* args is null when obj is the root (see options_of()) */
			nw = ts_is(args, "arguments") ? ts_node_parent(args) : args;
			if (ts_is(args, "arguments") && ts_is(nw, "new_expression") &&
			    lint_ident_imports(s->f, ts_field(nw, "constructor"), convex_react, "ConvexReactClient"))
				too_old(s, key, "convex", "1.26.0", "ConvexReactClient's expectAuth option");
		}
		return true;
	}
	if (ts_is(n, "variable_declarator")) {
		TSNode name = ts_field(n, "name"), val = ts_unwrap(ts_field(n, "value")), p;
		struct ts_kids k;

		if (!ts_is(name, "object_pattern") || !ts_is(val, "call_expression") ||
		    !lint_ident_imports(s->f, ts_field(val, "function"), authkit_components, "useAccessToken"))
			return true;
		for (ts_kids_init(&k, name); ts_kids_next(&k, &p);) {
			TSNode key = ts_is(p, "pair_pattern") ? ts_field(p, "key") : p;

			if (ts_text_eq(src, key, "getAccessToken"))
				too_old(s, key, AUTHKIT, "2.5.0", "getAccessToken from useAccessToken()");
		}
	}
	return true;
}

/* F-4, F-5: what the code uses, against the installed versions. */
static void check_file(struct lint_ctx *ctx, struct lint_file *f)
{
	struct scan s = { ctx, f };
	size_t i;

	for (i = 0; i < f->nimports; i++) {
		const struct lint_import *imp = &f->imports[i];
		struct lint_diag *d;
		const char *shown = NULL, *what = NULL, *pkg = NULL, *need = NULL;

		if (!strcmp(imp->module, AUTHKIT) && !strcmp(imp->imported, "authkitProxy"))
			what = "authkitProxy", pkg = AUTHKIT, need = "3.0.0";
		else if (!strcmp(imp->module, AUTHKIT "/components") && !strcmp(imp->imported, "useAccessToken"))
			what = "useAccessToken", pkg = AUTHKIT, need = "2.3.0";
		else if (!strcmp(imp->module, "convex/server") && !strcmp(imp->imported, "AuthConfig"))
			what = "the AuthConfig type", pkg = "convex", need = "1.27.5";
		else if (ends_with(imp->module, "_generated/server") && !strcmp(imp->imported, "env"))
			what = "env from _generated/server", pkg = "convex", need = "1.44.0";
		if (!what || !all_below(ctx, pkg, need, &shown))
			continue;
		d = lint_report(ctx, &f->src, imp->start, imp->end, "%s needs %s %s or later, but the app "
				"has %s", what, pkg, need, shown);
		lint_help(d, "npm install %s@^%s", pkg, need);
	}
	if (lint_app_dep(ctx->app, AUTHKIT) || lint_app_dep(ctx->app, "convex"))
		ts_walk(ts_tree_root_node(f->tree), visit, &s);
}

const struct lint_rule rule_incompatible_dependency = {
	.id = "incompatible-dependency",
	.severity = SEV_WARNING,
	.family = "project",
	.summary = "package versions that do not work together or lack what the code uses",
	.description =
		"Judged only where the versions are certain: the version the lockfile\n"
		"(package-lock.json, pnpm-lock.yaml, yarn.lock) installed when it satisfies\n"
		"package.json, else a range that pins them down (\"~1.26.0\", \"1.26.3\"); \"^1.20.0\"\n"
		"alone, dist-tags and git URLs say nothing.\n"
		"- authkit-nextjs >= 4.1.4 declares @workos-inc/node as a peer dependency: installed by\n"
		"  nobody, the app fails to load (reported when the lockfile shows it missing);\n"
		"- authkit-nextjs >= 4 needs Node 22.11+: engines.node or .nvmrc below that;\n"
		"- Next.js 16 with authkit-nextjs < 2.11 (no Next 16 support);\n"
		"- code that uses what an older version lacks: authkitProxy (authkit-nextjs 3.0),\n"
		"  eagerAuth (2.7), refreshBufferSeconds (4.3), useAccessToken (2.3) and its\n"
		"  getAccessToken (2.5); the AuthConfig type (convex 1.27.5), ConvexReactClient's\n"
		"  expectAuth (convex 1.26), env from _generated/server (convex 1.44).",
	.example =
		"// wrong: package.json  \"convex\": \"~1.26.0\"  with convex/auth.config.ts\n"
		"import { AuthConfig } from \"convex/server\";\n"
		"// right: package.json\n"
		"\"convex\": \"^1.27.5\"",
	.fix = "Upgrade the package (`npm install <package>@latest`) or drop the newer API.",
	.sources =
		"authkit-nextjs CHANGELOG.md and package.json (peerDependencies, engines); convex\n"
		"CHANGELOG.md (1.26.0 expectAuth, 1.27.5 AuthConfig, 1.44.0 env).",
	.triggers = triggers,
	.check_file = check_file,
	.check_app = check_app,
};
