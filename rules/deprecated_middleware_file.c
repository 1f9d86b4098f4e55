/* deprecated_middleware_file.c - Next.js 16 or later still using the middleware file convention. */
#include <string.h>

#include "routes.h"

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	struct lint_next *nx = lint_next_get(ctx);
	const struct lint_proxy *p = nx->active;
	struct lint_diag *d;

	(void)app;	/* lint_next_get() reads ctx->app */
	if (nx->next16 != 1 || !p || p->is_proxy)
		return;
	d = lint_report(ctx, &p->file->src, p->handler_start, p->handler_end,
			"Next.js 16 deprecates the middleware file convention, and this app is on "
			"%s: %s still runs, but is meant to be renamed proxy%s", nx->next_shown,
			p->file->src.path, strrchr(p->file->relpath, '.'));
	lint_help(d, "rename %s to %s (a `middleware` export becomes `proxy`), or run "
		  "npx @next/codemod@canary middleware-to-proxy .", p->file->src.path,
		  lint_next_display(ctx, arena_printf(ctx->arena, "%sproxy%s",
						      p->place == PLACE_SRC ? "src/" : "",
						      strrchr(p->file->relpath, '.'))));
}

const struct lint_rule rule_deprecated_middleware_file = {
	.id = "deprecated-middleware-file",
	.severity = SEV_INFO,
	.family = "next",
	.summary = "Next.js 16 or later with middleware.* instead of proxy.*",
	.description =
		"Next.js 16 renamed middleware to proxy: middleware.ts still runs but is deprecated,\n"
		"and the official Convex + AuthKit template uses proxy.ts. authkit-nextjs works the\n"
		"same in either file (authkitMiddleware is kept as an alias of authkitProxy).\n"
		"Fires only when every next version package.json allows is 16 or later.",
	.example =
		"// before: middleware.ts\n"
		"export default authkitMiddleware();\n"
		"// after: proxy.ts\n"
		"export default authkitMiddleware();",
	.fix =
		"Rename middleware.ts to proxy.ts (a named `middleware` export becomes `proxy`), or\n"
		"run `npx @next/codemod@canary middleware-to-proxy .`.",
	.sources =
		"Next.js docs, middleware-to-proxy message and file conventions: proxy;\n"
		"get-convex/templates PR #250 (middleware.ts renamed proxy.ts).",
	.applies = APPLIES_NEXT,
	.check_app = check,
};
