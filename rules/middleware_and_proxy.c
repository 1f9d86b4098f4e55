/* middleware_and_proxy.c - middleware.* and proxy.* side by side: Next.js 16 refuses to build. */
#include "routes.h"

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	struct lint_next *nx = lint_next_get(ctx);
	size_t i, j;

	(void)app;	/* lint_next_get() reads ctx->app */
	/* before Next 16 proxy.* is an ordinary file (missing-middleware covers that case) */
	if (nx->next16 == 0)
		return;
	for (i = 0; i < nx->nproxies; i++) {
		const struct lint_proxy *mw = &nx->proxies[i];
		struct lint_diag *d;

		if (mw->is_proxy || mw->place == PLACE_ROUTES)
			continue;
		for (j = 0; j < nx->nproxies; j++) {
			const struct lint_proxy *px = &nx->proxies[j];

			if (px->is_proxy && px->place == mw->place)
				break;
		}
		if (j == nx->nproxies)
			continue;
		d = lint_report(ctx, &mw->file->src, mw->handler_start, mw->handler_end,
				"%s and %s both exist: Next.js 16 stops the build with \"Both middleware "
				"file \"./%s\" and proxy file \"./%s\" are detected. Please use \"./%s\" "
				"only.\"", mw->file->src.path, nx->proxies[j].file->src.path,
				mw->file->relpath, nx->proxies[j].file->relpath,
				nx->proxies[j].file->relpath);
		lint_help(d, "move what %s does into %s (its `middleware` export becomes `proxy`, a "
			  "default export stays) and delete %s", mw->file->src.path,
			  nx->proxies[j].file->src.path, mw->file->src.path);
	}
}

const struct lint_rule rule_middleware_and_proxy = {
	.id = "middleware-and-proxy",
	.severity = SEV_ERROR,
	.family = "next",
	.summary = "both middleware.* and proxy.* exist at the same level",
	.description =
		"Next.js 16 renamed the middleware file convention to proxy. It still loads a\n"
		"middleware.ts, but when a middleware file and a proxy file sit in the same folder\n"
		"(the project root, or src/) the build stops with: Both middleware file\n"
		"\"./middleware.ts\" and proxy file \"./proxy.ts\" are detected. Please use\n"
		"\"./proxy.ts\" only. This usually happens half-way through the migration, or when a\n"
		"template's proxy.ts is copied into an app that already had middleware.ts.\n"
		"Silent when package.json pins next below 16 (proxy.ts is then an ordinary file).",
	.example =
		"// wrong: both files at the root\n"
		"middleware.ts   export default authkitMiddleware();\n"
		"proxy.ts        export default authkitMiddleware({ middlewareAuth: { ... } });\n"
		"// right: only proxy.ts\n"
		"proxy.ts        export default authkitMiddleware({ middlewareAuth: { ... } });",
	.fix =
		"Keep one file. Move whatever middleware.ts does into proxy.ts (a named `middleware`\n"
		"export becomes `proxy`; a default export stays as it is), then delete middleware.ts.\n"
		"`npx @next/codemod@canary middleware-to-proxy .` does the rename.",
	.sources =
		"Next.js 16 docs, file conventions: proxy (\"middleware\" renamed to \"proxy\");\n"
		"vercel/next.js test/e2e/app-dir/proxy-with-middleware (the build error text).",
	.applies = APPLIES_NEXT,
	.check_app = check,
};
