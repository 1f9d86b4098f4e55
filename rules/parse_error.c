/* parse_error.c - a linted TS/JS file that does not parse: say so once, at the first error. */
#include "rule.h"

/*
 * Files that wire auth: WorkOS and server-side Convex imports. Plain `convex/react` users
 * (most components of a Convex app) are parsed only when another rule asks for them.
 */
static const char *const triggers[] = {
	"@workos-inc/", "@workos/", "@convex-dev/workos", "convex/nextjs", NULL,
};

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

const struct lint_rule rule_parse_error = {
	.id = "parse-error",
	.severity = SEV_WARNING,
	.family = "core",
	.summary = "a linted TS/JS file has syntax errors, so findings in it may be incomplete",
	.description =
		"cwlint parses a source file when its bytes show it can matter (WorkOS or Convex\n"
		"imports, an auth config, a proxy). When the parser meets text it cannot read it\n"
		"recovers and goes on, but whatever sits inside the broken part is invisible to every\n"
		"rule. This finding marks the first error once per file so a clean result is never\n"
		"mistaken for a checked one.",
	.example =
		"// wrong: a half-typed object\n"
		"export default { providers: [ { type: \"customJwt\", }\n"
		"// right\n"
		"export default { providers: [ { type: \"customJwt\" } ] };",
	.fix = "Fix the syntax error; merge conflict markers (<<<<<<<, =======, >>>>>>>) count as errors.",
	.sources = "tree-sitter error recovery (ERROR and MISSING nodes).",
	.triggers = triggers,
	.roles = ROLE_AUTH_CONFIG | ROLE_PROXY | ROLE_MIDDLEWARE,
	.check_file = check,
};
