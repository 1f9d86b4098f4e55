/* explain.c - rule documentation from the rule structs: --list-rules and --explain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "core.h"

static size_t edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b), i, j;
	size_t prev[128], cur[128];

	if (m >= ARRAY_SIZE(prev))
		return (size_t)-1;
	for (j = 0; j <= m; j++)
		prev[j] = j;
	for (i = 1; i <= n; i++) {
		cur[0] = i;
		for (j = 1; j <= m; j++) {
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);

			cur[j] = del < ins ? del : ins;
			if (sub < cur[j])
				cur[j] = sub;
		}
		memcpy(prev, cur, (m + 1) * sizeof(*prev));
	}
	return prev[m];
}

const char *lint_rule_suggest(const char *id)
{
	size_t i, best = (size_t)-1;
	const char *ret = NULL;

	for (i = 0; i < lint_nrules; i++) {
		size_t d = edit_distance(id, lint_rules[i]->id);

		if (d < best) {
			best = d;
			ret = lint_rules[i]->id;
		}
	}
	/* only suggest what is plausibly a typo */
	return best <= strlen(id) / 3 + 2 ? ret : NULL;
}

void lint_list_rules(enum lint_list_format fmt)
{
	size_t i;

	if (fmt == LIST_JSON) {
		json_t *arr = json_array();
		char *s;

		for (i = 0; i < lint_nrules; i++) {
			const struct lint_rule *r = lint_rules[i];
			json_t *o = json_object();

			json_object_set_new(o, "id", json_string(r->id));
			json_object_set_new(o, "severity", json_string(lint_severity_name(r->severity)));
			json_object_set_new(o, "family", json_string(r->family));
			json_object_set_new(o, "summary", json_string(r->summary));
			json_array_append_new(arr, o);
		}
		s = json_dumps(arr, JSON_PRESERVE_ORDER | JSON_INDENT(2));
		puts(s);
		free(s);
		json_decref(arr);
		return;
	}
	if (fmt == LIST_MARKDOWN) {
		puts("| rule | severity | family | what it catches |");
		puts("|---|---|---|---|");
		for (i = 0; i < lint_nrules; i++) {
			const struct lint_rule *r = lint_rules[i];

			printf("| `%s` | %s | %s | %s |\n", r->id, lint_severity_name(r->severity),
			       r->family, r->summary);
		}
		return;
	}
	for (i = 0; i < lint_nrules; i++) {
		const struct lint_rule *r = lint_rules[i];

		printf("%-44s %-8s %-12s %s\n", r->id, lint_severity_name(r->severity), r->family,
		       r->summary);
	}
}

static void section(const char *title, const char *text)
{
	if (!text || !*text)
		return;
	printf("\n%s\n", title);
	for (const char *p = text; *p;) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		printf("%s%.*s\n", n ? "  " : "", (int)n, p);
		p += n + (e ? 1 : 0);
	}
}

int lint_explain(const char *id)
{
	const struct lint_rule *r = lint_rule_find(id);
	static const char *const applies[] = { "Next.js apps", "Vite apps", "apps that use WorkOS" };

	if (!r) {
		const char *s = lint_rule_suggest(id);

		if (s)
			return error("unknown rule '%s'; did you mean '%s'?", id, s);
		return error("unknown rule '%s' (see cwlint --list-rules)", id);
	}
	printf("%s (%s, %s)\n\n  %s\n", r->id, lint_severity_name(r->severity), r->family, r->summary);
	section("What it checks and why:", r->description);
	if (r->applies) {
		printf("\nApplies to:\n  ");
		for (unsigned b = 0, first = 1; b < 3; b++)
			if (r->applies & (1u << b)) {
				printf("%s%s", first ? "" : "; ", applies[b]);
				first = 0;
			}
		putchar('\n');
	}
	section("Example:", r->example);
	section("How to fix:", r->fix);
	section("Sources:", r->sources);
	printf("\nSuppress one finding (a reason is required):\n  // cwlint-ignore %s: <why this is fine>\n",
	       r->id);
	return 0;
}
