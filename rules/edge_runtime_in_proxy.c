/* edge_runtime_in_proxy.c - proxy.* asks for the Edge runtime, which proxies do not support. */
#include <string.h>

#include "routes.h"

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	struct lint_next *nx = lint_next_get(ctx);
	size_t i;

	(void)app;	/* lint_next_get() reads ctx->app */
	/* before Next 16 proxy.* is an ordinary file */
	if (nx->next16 == 0)
		return;
	for (i = 0; i < nx->nproxies; i++) {
		const struct lint_proxy *p = &nx->proxies[i];
		const struct lint_prop *rt;
		struct lint_diag *d;

		if (!p->is_proxy || p->place == PLACE_ROUTES || !p->has_config || !p->config ||
		    p->config->kind != LV_OBJECT)
			continue;
		rt = lint_value_get(p->config, "runtime");
		if (!rt || (!lint_value_is_str(rt->value, "edge") &&
			    !lint_value_is_str(rt->value, "experimental-edge")))
			continue;
		d = lint_report(ctx, &p->file->src, rt->value->start, rt->value->end,
				"%s sets config.runtime '%s', but the proxy file runs on Node.js only: "
				"Next.js 16 fails with \"Proxy does not support Edge runtime.\"",
				p->file->src.path, rt->value->str);
		lint_help(d, "remove runtime from config (the proxy always runs on Node.js; "
			  "authkit-nextjs works there)");
	}
}

const struct lint_rule rule_edge_runtime_in_proxy = {
	.id = "edge-runtime-in-proxy",
	.severity = SEV_ERROR,
	.family = "next",
	.summary = "proxy.* sets config.runtime to 'edge'",
	.description =
		"Next.js 16's proxy file (the successor of middleware) runs on the Node.js runtime\n"
		"only. A config copied from an old middleware.ts with `runtime: 'edge'` makes the\n"
		"build fail with \"Proxy does not support Edge runtime.\" middleware.ts itself may\n"
		"still choose the Edge runtime, so only proxy files are checked.",
	.example =
		"// wrong: proxy.ts\n"
		"export const config = { runtime: 'edge', matcher: ['/((?!_next).*)'] };\n"
		"// right\n"
		"export const config = { matcher: ['/((?!_next).*)'] };",
	.fix =
		"Remove `runtime` from the proxy's config. If the code really needs the Edge runtime,\n"
		"keep it in middleware.ts (deprecated in Next.js 16).",
	.sources =
		"vercel/next.js test/e2e/app-dir/proxy-runtime (\"Proxy does not support Edge\n"
		"runtime.\"); Next.js 16 docs, file conventions: proxy.",
	.applies = APPLIES_NEXT,
	.roles = ROLE_PROXY,
	.check_app = check,
};
