/* middleware_location.c - a proxy/middleware file where Next.js never looks for it. */
#include <string.h>

#include "routes.h"

static const char *base_of(const char *rel)
{
	return strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	struct lint_next *nx = lint_next_get(ctx);
	const char *home = nx->pages_dir ? nx->pages_dir : nx->app_dir ? nx->app_dir : "app";
	size_t i;

	(void)app;	/* lint_next_get() reads ctx->app */
	home = lint_next_display(ctx, home);
	for (i = 0; i < nx->nproxies; i++) {
		const struct lint_proxy *p = &nx->proxies[i];
		const char *rel = p->file->relpath, *base = base_of(rel), *shown = p->file->src.path;
		const char *kind = p->is_proxy ? "proxy" : "middleware";
		const char *want = nx->src_root == 1 ? "src/" : "";
		struct lint_diag *d;

		/* a file that does not look like a proxy may be an ordinary module of that name */
		if (!p->handler_export)
			continue;
		if (p->place == PLACE_ROUTES) {
			const char *dir = lint_next_display(ctx, arena_strndup(ctx->arena, rel,
									       (size_t)(base - rel)));

			d = lint_report(ctx, &p->file->src, p->handler_start, p->handler_end,
					"%s is inside %s, where Next.js never loads a %s: it does not "
					"run, so nothing it does (AuthKit sessions, withAuth's headers, "
					"redirects) happens", shown, dir, kind);
		} else if (p->place == PLACE_ROOT && nx->src_root == 1) {
			d = lint_report(ctx, &p->file->src, p->handler_start, p->handler_end,
					"%s is at the app's root, but the app lives in %s/: Next.js "
					"then loads the %s from src/ only, and this file never runs",
					shown, home, kind);
		} else if (p->place == PLACE_SRC && nx->src_root == 0) {
			d = lint_report(ctx, &p->file->src, p->handler_start, p->handler_end,
					"%s is in src/, but the app lives in %s/ at the app's root: "
					"Next.js then loads the %s from the root only, and this file "
					"never runs", shown, home, kind);
		} else {
			continue;
		}
		lint_help(d, "move it to %s, next to %s/",
			  lint_next_display(ctx, arena_printf(ctx->arena, "%s%s", want, base)), home);
	}
}

const struct lint_rule rule_middleware_location = {
	.id = "middleware-location",
	.severity = SEV_ERROR,
	.family = "next",
	.summary = "a proxy/middleware file where Next.js does not load it",
	.description =
		"Next.js loads middleware.ts (proxy.ts from Next 16) from one place only: the\n"
		"project root, or src/ when the app's pages/ or app/ folder is under src/. A file\n"
		"inside app/ or pages/, at the root of an app that lives in src/app, or in src/ while\n"
		"app/ is at the root is silently ignored. With AuthKit that means no session\n"
		"handling at all: withAuth() then throws \"You are calling 'withAuth' on a route that\n"
		"isn't covered by the AuthKit middleware\".\n"
		"Only files that look like a proxy (a default export, a `middleware`/`proxy` export or\n"
		"a `config` export) are reported.",
	.example =
		"// wrong: the app is in src/app\n"
		"middleware.ts        export default authkitMiddleware();\n"
		"// right\n"
		"src/middleware.ts    export default authkitMiddleware();",
	.fix =
		"Move the file next to the app (or pages) folder: to the project root, or to src/\n"
		"when that folder is src/app (src/pages).",
	.sources =
		"Next.js docs, src directory (\"If you're using Middleware, ensure it is placed inside\n"
		"the src directory\"); Next.js 16 docs, file conventions: proxy; WorkOS CLI doctor\n"
		"checkMiddlewareWrongLocation.",
	.applies = APPLIES_NEXT,
	.check_app = check,
};
