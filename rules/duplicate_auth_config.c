/* duplicate_auth_config.c - both auth.config.ts and auth.config.js in the functions dir. */
#include "rule.h"

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	struct lint_file *ts = NULL, *js = NULL, *at;
	struct lint_diag *d;
	size_t i;

	for (i = 0; i < app->nfiles; i++) {
		struct lint_file *f = app->files[i];

		if (!(f->roles & ROLE_AUTH_CONFIG))
			continue;
		if (ends_with(f->relpath, ".ts"))
			ts = f;
		else
			js = f;
	}
	if (!ts || !js)
		return;
	at = js->src.buf ? js : ts;
	if (!at->src.buf)
		return;
	d = lint_report(ctx, &at->src, 0, 0,
			"both %s and %s exist: npx convex dev and npx convex deploy stop with "
			"\"Found both %s and %s, choose one.\"", js->relpath, ts->relpath, js->relpath,
			ts->relpath);
	lint_help(d, "delete one of them (cwlint checks %s, the one the official templates use)",
		  ts->relpath);
}

const struct lint_rule rule_duplicate_auth_config = {
	.id = "duplicate-auth-config",
	.severity = SEV_ERROR,
	.family = "auth-config",
	.summary = "both auth.config.ts and auth.config.js exist in the functions dir",
	.description =
		"The Convex CLI looks for auth.config.ts and auth.config.js in the functions dir (convex/\n"
		"or what convex.json \"functions\" names). When both exist it refuses to choose: every\n"
		"`npx convex dev` and `npx convex deploy` stops with \"Found both convex/auth.config.js\n"
		"and convex/auth.config.ts, choose one.\" This usually follows a migration to\n"
		"TypeScript that left the old file behind. cwlint lints the .ts one.",
	.example =
		"// wrong: convex/auth.config.js and convex/auth.config.ts side by side\n"
		"// right: only convex/auth.config.ts",
	.fix = "Delete one of the two files (keep auth.config.ts, as the official templates do).",
	.sources = "convex-js src/bundler/index.ts (bundleAuthConfig).",
	.roles = ROLE_AUTH_CONFIG,
	.check_app = check,
};
