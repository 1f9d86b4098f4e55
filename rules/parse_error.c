/* parse_error.c - a linted TS/JS file that does not parse: say so once, at the first error. */
#include "rule.h"

static void check(struct lint_ctx *ctx, struct lint_file *f)
{
	struct lint_diag *d;

	if (!f->syntax_error)
		return;
	if (f->conflict_marker) {
		d = lint_report(ctx, &f->src, f->error_start, f->error_end,
				"unresolved git merge conflict marker: the file does not parse, so "
				"findings in it may be incomplete");
		lint_help(d, "resolve the conflict (keep one side, delete the <<<<<<<, ======= and >>>>>>> lines)");
		return;
	}
	d = lint_report(ctx, &f->src, f->error_start, f->error_end,
			"syntax error: cwlint cannot read this file past here, so findings in it may be incomplete");
	lint_help(d, "fix the syntax (a stray character, an unclosed bracket or a merge conflict marker), then lint again");
}

/*
 * package.json that is not JSON: every rule that needs the framework or a dependency version
 * is blind for this app (npm and Next.js fail on it too). convex.json has its own rule.
 */
static void check_package_json(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct lint_jsonfile *pj = &app->package_json;
	struct lint_diag *d;

	if (!pj->present || !pj->error)
		return;
	d = lint_report(ctx, &pj->src, pj->error_offset, pj->error_offset + 1,
			"package.json is not valid JSON (%s): npm, Next.js and Vite fail on it, and cwlint "
			"cannot tell this app's framework or versions, so findings may be incomplete",
			pj->error);
	lint_help(d, "fix the JSON at this point (a missing comma, quote or brace; no comments or "
		  "trailing commas), e.g. check it with `node -e 'require(\"./package.json\")'`");
}

const struct lint_rule rule_parse_error = {
	.id = "parse-error",
	.severity = SEV_WARNING,
	.family = "core",
	.summary = "a linted TS/JS file or package.json has syntax errors, so findings may be incomplete",
	.description =
		"cwlint parses a source file when its bytes show some rule can fire in it (WorkOS\n"
		"or Convex imports, an auth config, a proxy). When the parser meets text it cannot read it\n"
		"recovers and goes on, but whatever sits inside the broken part is invisible to every\n"
		"rule. This finding marks the first error once per file so a clean result is never\n"
		"mistaken for a checked one. A package.json that is not JSON is reported the same way:\n"
		"without it cwlint cannot tell the app's framework or dependency versions.\n"
		"A long file that only some rules read may be parsed in part: its imports and the\n"
		"top-level statements those rules can fire in. An error in a statement left out is not\n"
		"reported (no rule looks there); unbalanced brackets anywhere make cwlint parse the\n"
		"whole file, and report them.",
	.example =
		"// wrong: a half-typed object\n"
		"export default { providers: [ { type: \"customJwt\", }\n"
		"// right\n"
		"export default { providers: [ { type: \"customJwt\" } ] };",
	.fix = "Fix the syntax error; merge conflict markers (<<<<<<<, =======, >>>>>>>) count as errors.",
	.sources = "tree-sitter error recovery (ERROR and MISSING nodes).",
	/*
	 * No triggers of its own: a file no other rule parses cannot hide a finding, so its
	 * syntax does not matter to cwlint. The auth config, proxy and middleware always do.
	 */
	.roles = ROLE_AUTH_CONFIG | ROLE_PROXY | ROLE_MIDDLEWARE,
	.every_file = true,
	.check_file = check,
	.check_app = check_package_json,
};
