/* invalid_path_pattern.c - an unauthenticatedPaths/signUpPaths entry path-to-regexp v6 rejects. */
#include <string.h>

#include "routes.h"
#include "pathre.h"

static const struct lint_value *prop(const struct lint_value *obj, const char *key)
{
	const struct lint_prop *p = lint_value_get(obj, key);

	return p ? p->value : NULL;
}

/*
 * The v6 spelling of the usual mistakes: a trailing glob (a star or two after a slash, a
 * "(.*)" group, v8's "{*path}") becomes a ":path*" parameter. NULL when no rewrite parses.
 */
static const char *suggest(struct lint_ctx *ctx, const char *glob)
{
	static const char *const tails[] = { "/**", "/*", "/(.*)", "/(.+)", "*", "(.*)" };
	const char *brace = strstr(glob, "/{*");
	const char *err;
	size_t idx, i, n = strlen(glob);
	char *s = NULL;

	for (i = 0; i < ARRAY_SIZE(tails) && !s; i++) {
		size_t t = strlen(tails[i]);

		if (n >= t && !strcmp(glob + n - t, tails[i]))
			s = arena_printf(ctx->arena, "%.*s/:path*", (int)(n - t - (n > t &&
					 glob[n - t - 1] == '/' ? 1 : 0)), glob);
	}
	if (!s && brace && ends_with(glob, "}") && !strchr(brace + 3, '/'))
		s = arena_printf(ctx->arena, "%.*s/:%.*s*", (int)(brace - glob), glob,
				 (int)(strlen(brace + 3) - 1), brace + 3);
	if (s && pathre_authkit_path_regex(ctx->arena, s, &err, &idx))
		return s;
	return NULL;
}

static void check_list(struct lint_ctx *ctx, const struct lint_proxy *p, const struct lint_value *list,
		       const char *what)
{
	size_t i;

	if (!list || list->kind != LV_ARRAY)
		return;
	for (i = 0; i < list->nitems; i++) {
		const struct lint_value *e = list->items[i];
		const char *err = NULL, *fix;
		struct lint_diag *d;
		size_t idx;

		if (e->kind != LV_STRING || (e->flags & LV_HAS_ENV))
			continue;
		if (pathre_authkit_path_regex(ctx->arena, e->str, &err, &idx))
			continue;
		d = lint_report(ctx, &p->file->src, e->start, e->end,
				"%s entry '%s' is not a path-to-regexp v6 pattern: every request the "
				"proxy handles fails with \"" PATHRE_AUTHKIT_ERROR_PREFIX "%s\"", what,
				e->str, err);
		fix = suggest(ctx, e->str);
		if (fix)
			lint_help(d, "write '%s' (path-to-regexp v6: a parameter with a modifier, "
				  "':path*' for any depth)", fix);
		else
			lint_help(d, "use path-to-regexp v6 syntax: '/about' (that path), '/blog/:slug' "
				  "(one segment), '/docs/:path*' (any depth); no bare '*', no '{*x}', no "
				  "capturing groups");
	}
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	struct lint_next *nx = lint_next_get(ctx);
	size_t i;

	(void)app;	/* lint_next_get() reads ctx->app */
	for (i = 0; i < nx->nproxies; i++) {
		const struct lint_proxy *p = &nx->proxies[i];
		const struct lint_value *ma;

		if (p->authkit != AKU_MIDDLEWARE || !p->options || p->options->kind != LV_OBJECT)
			continue;
		ma = prop(p->options, "middlewareAuth");
		if (ma && ma->kind == LV_OBJECT)
			check_list(ctx, p, prop(ma, "unauthenticatedPaths"),
				   "middlewareAuth.unauthenticatedPaths");
		check_list(ctx, p, prop(p->options, "signUpPaths"), "signUpPaths");
	}
}

const struct lint_rule rule_invalid_path_pattern = {
	.id = "invalid-path-pattern",
	.severity = SEV_ERROR,
	.family = "next",
	.summary = "an unauthenticatedPaths or signUpPaths entry that path-to-regexp v6 rejects",
	.description =
		"authkit-nextjs turns every middlewareAuth.unauthenticatedPaths and signUpPaths entry\n"
		"into a regular expression with path-to-regexp v6 on each request, and throws when\n"
		"one does not parse: every page then fails with \"Error parsing routes for middleware\n"
		"auth. Reason: ...\". v6 is not a glob language: '/api/*' and '/public/**' (a\n"
		"modifier with nothing to repeat), '/{*path}' (v8 syntax) and '/((?!_next).*)'\n"
		"(capturing groups) are all rejected. The check runs the same tokenizer and\n"
		"compiler, including authkit's `new URL()` step, and quotes v6's own message.",
	.example =
		"// wrong\n"
		"unauthenticatedPaths: ['/', '/api/*', '/docs/{*path}']\n"
		"// right\n"
		"unauthenticatedPaths: ['/', '/api/:path*', '/docs/:path*']",
	.fix =
		"Write each entry in path-to-regexp v6 syntax: '/about' for one path, '/blog/:slug' for\n"
		"one segment, '/docs/:path*' for a path and everything below it.",
	.sources =
		"authkit-nextjs src/session.ts getMiddlewareAuthPathRegex (path-to-regexp ^6.3.0) and\n"
		"getScreenHint; path-to-regexp 6.3.0 parse() error messages, checked locally.",
	.applies = APPLIES_NEXT | APPLIES_WORKOS,
	.roles = ROLE_PROXY | ROLE_MIDDLEWARE,
	.check_app = check,
};
