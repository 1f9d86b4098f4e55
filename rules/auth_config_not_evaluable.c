/* auth_config_not_evaluable.c - what stops Convex from evaluating the auth config at push time. */
#include <string.h>

#include "rule.h"

/* Convex's own words for a sandbox violation, when cwlint knows them. */
static const char *convex_says(const char *what)
{
	if (!strcmp(what, "Math.random"))
		return "Math.random unsupported when evaluating auth config file";
	if (starts_with(what, "Date"))
		return "Date unsupported when evaluating auth config file";
	if (!strcmp(what, "crypto.getRandomValues") || !strcmp(what, "crypto.randomUUID"))
		return "Cannot use cryptographic randomness when evaluating auth config file";
	return NULL;
}

static void forbidden(struct lint_ctx *ctx, const struct lint_source *src,
		      const struct lint_eval *ev)
{
	const char *msg = ev->err_msg ? ev->err_msg : "", *q = strchr(msg, '\''), *said;
	const char *what = "a browser or Node API";
	struct lint_diag *d;

	/* err_msg is "uses 'Math.random' while the config is evaluated" */
	if (q && strchr(q + 1, '\''))
		what = arena_strndup(ctx->arena, q + 1, (size_t)(strchr(q + 1, '\'') - q - 1));
	said = convex_says(what);
	d = lint_report(ctx, src, ev->err_start, ev->err_end,
			"the auth config uses %s while it is evaluated: Convex evaluates this file in "
			"a sandbox without it, so the push fails%s%s%s", what,
			said ? " with \"" : "", said ? said : "", said ? "\"" : "");
	lint_help(d, "keep auth.config.ts to literals, consts and env reads (process.env.X); compute "
		  "anything else elsewhere");
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct lint_eval *ev = app->auth_eval;
	const struct lint_source *src;
	const char *what;
	struct lint_diag *d;

	if (!ev || !app->auth_config || ev->status == EVAL_OK)
		return;
	src = &app->auth_config->src;
	switch (ev->status) {
	case EVAL_NO_DEFAULT_EXPORT:
		what = !ev->err_msg ? "no default export" :
		       strstr(ev->err_msg, "named") ? "only named exports, no default export" :
		       strstr(ev->err_msg, "null") ? "a default export that is null" :
		       strstr(ev->err_msg, "undefined") ? "a default export that is undefined" :
		       "no default export";
		d = lint_report(ctx, src, ev->err_start, ev->err_end,
				"the auth config has %s: the push fails with AuthConfigMissingExportError "
				"\"auth config file is missing default export.\"", what);
		lint_help(d, "export the config as the default: export default { providers: [ ... ] } "
			  "satisfies AuthConfig; (or export default authConfig;)");
		break;
	case EVAL_SYNTAX_ERROR:
		if (ev->err_msg && strstr(ev->err_msg, "conflict")) {
			d = lint_report(ctx, src, ev->err_start, ev->err_end,
					"unresolved merge conflict in the auth config: npx convex dev and "
					"npx convex deploy cannot bundle it, so nothing is pushed and the "
					"deployment keeps its old auth providers");
			lint_help(d, "keep one side of the conflict and delete the <<<<<<<, ======= and "
				  ">>>>>>> lines");
		} else {
			d = lint_report(ctx, src, ev->err_start, ev->err_end,
					"%s in the auth config: npx convex dev and npx convex deploy stop "
					"while bundling it, so nothing is pushed and the deployment keeps "
					"its old auth providers", ev->err_msg ? ev->err_msg : "syntax error");
			lint_help(d, "fix the syntax here; npx convex dev prints the bundler's exact error");
		}
		break;
	case EVAL_FORBIDDEN:
		forbidden(ctx, src, ev);
		break;
	case EVAL_OK:
		break;
	}
}

const struct lint_rule rule_auth_config_not_evaluable = {
	.id = "auth-config-not-evaluable",
	.severity = SEV_ERROR,
	.family = "auth-config",
	.summary = "the auth config cannot be evaluated when pushed: no default export, a syntax error, "
		   "or a sandboxed API",
	.description =
		"Every `npx convex dev` and `npx convex deploy` bundles convex/auth.config.ts and runs it\n"
		"in a restricted sandbox to read its default export. The push stops, and the\n"
		"deployment keeps its old providers, when the file does not bundle (a syntax error, a\n"
		"git conflict marker), when it has no default export (AuthConfigMissingExportError\n"
		"\"auth config file is missing default export.\", e.g. only `export const authConfig`),\n"
		"or when evaluating it touches what the sandbox lacks: Math.random (\"Math.random\n"
		"unsupported when evaluating auth config file\"), Date, crypto randomness,\n"
		"performance, fetch or a dynamic import(). Static imports are bundled into the file and\n"
		"are fine, as is code in functions that the config never calls. parse-error reports\n"
		"the same syntax error for cwlint's own sake (findings may be incomplete); this rule\n"
		"says what it does to the deployment.",
	.example =
		"// wrong: a named export only\n"
		"export const authConfig = { providers: [ /* ... */ ] };\n"
		"// right\n"
		"export default { providers: [ /* ... */ ] } satisfies AuthConfig;",
	.fix =
		"Give the file one default export of a plain object built from literals, consts and\n"
		"env reads, and resolve any merge conflict.",
	.sources =
		"Convex backend crates/isolate/src/environment/auth_config.rs (AuthConfigEnvironment,\n"
		"missing_export_error); convex-js src/bundler/index.ts (bundleAuthConfig).",
	.roles = ROLE_AUTH_CONFIG,
	.check_app = check,
};
