/* unused_suppression.c - a cwlint-ignore comment that suppressed nothing. */
#include "rule.h"

static void check_source(struct lint_ctx *ctx, const struct lint_source *src)
{
	size_t i, k;

	for (i = 0; i < src->nsupps; i++) {
		const struct lint_supp *s = &src->supps[i];

		if (s->invalid)
			continue;
		for (k = 0; k < s->nrules; k++) {
			struct lint_diag *d;

			/* a rule that is off or does not apply here cannot have fired */
			if (s->used[k] || !lint_rule_enabled(ctx, s->rules[k]))
				continue;
			d = lint_report(ctx, src, s->start, s->end,
					"this cwlint-ignore comment names '%s', which reports nothing here",
					s->rules[k]);
			lint_help(d, s->nrules > 1 ? "remove '%s' from the list" :
				  "remove the comment (the code it excused has changed)", s->rules[k]);
		}
	}
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	lint_app_each_source(ctx, app, check_source);
}

const struct lint_rule rule_unused_suppression = {
	.id = "unused-suppression",
	.severity = SEV_WARNING,
	.family = "core",
	.summary = "a cwlint-ignore comment that suppressed nothing",
	.description =
		"A suppression outlives the finding it excused: once the code is fixed or moved, the\n"
		"comment silently excuses whatever appears there next. cwlint reports suppressions whose\n"
		"rule reported nothing in the lines they cover.",
	.example =
		"# wrong: the password is long now\n"
		"# cwlint-ignore short-cookie-password: local only\n"
		"WORKOS_COOKIE_PASSWORD=Zk3h0qP2vX9sL7mN4bR8tY6wA1cE5gJ0uI2oQ7xW3k=\n"
		"# right: no comment",
	.fix = "Delete the comment, or the rule id that no longer applies.",
	.sources = "ruff RUF100 (unused noqa), ESLint --report-unused-disable-directives.",
	.check_app = check,
	.last = true,
};
