/* invalid_suppression.c - a cwlint-ignore comment that names no or unknown rules, gives no reason, or only the placeholder. */
#include "rule.h"

static void check_source(struct lint_ctx *ctx, const struct lint_source *src)
{
	size_t i;

	for (i = 0; i < src->nsupps; i++) {
		const struct lint_supp *s = &src->supps[i];
		struct lint_diag *d;

		if (s->placeholder && !s->invalid) {
			d = lint_report(ctx, src, s->start, s->end,
					"this cwlint-ignore comment still gives the placeholder reason '%s': "
					"it suppresses the finding, but nobody has said why",
					LINT_SUPP_PLACEHOLDER);
			lint_help(d, "replace '%s' with the reason the finding does not apply here",
				  LINT_SUPP_PLACEHOLDER);
			continue;
		}
		if (!s->invalid)
			continue;
		d = lint_report(ctx, src, s->start, s->end,
				"this cwlint-ignore comment %s, so it suppresses nothing", s->invalid);
		lint_help(d, "write `cwlint-ignore RULE[,RULE]: reason` (see cwlint --list-rules for ids)");
	}
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	lint_app_each_source(ctx, app, check_source);
}

const struct lint_rule rule_invalid_suppression = {
	.id = "invalid-suppression",
	.severity = SEV_ERROR,
	.family = "core",
	.summary = "a cwlint-ignore comment that names an unknown rule, has no reason (or the placeholder one), or does not parse",
	.description =
		"Suppressions are part of the code review: each one says which finding it silences and\n"
		"why. A comment that names no rule, a misspelt or unknown rule, or gives no reason after\n"
		"a colon suppresses nothing, and cwlint says so rather than fail silently. The editor's\n"
		"\"ignore\" action writes the reason '" LINT_SUPP_PLACEHOLDER "': that comment suppresses the\n"
		"finding at once, and is itself reported until the placeholder is replaced.",
	.example =
		"// wrong: no reason, misspelt id\n"
		"// cwlint-ignore hardcoded-clientid\n"
		"// right\n"
		"// cwlint-ignore hardcoded-client-id: a fixture for the login e2e test",
	.fix =
		"Name the rule exactly as cwlint --list-rules prints it and give a reason after a colon:\n"
		"  // cwlint-ignore RULE[,RULE...]: reason        (next statement; or this line, trailing)\n"
		"  // cwlint-ignore-file RULE: reason             (whole file)\n"
		"  # cwlint-ignore RULE: reason                   (env files: the next entry)",
	.sources = "Biome and ruff suppression design (required reasons, no blanket ignores).",
	.check_app = check,
	.last = true,
};
