/* registry.c - the rule list, expanded from rules/rules.def. */
#include <string.h>

#include "rule.h"

#define RULE(n) extern const struct lint_rule rule_##n;
#include "rules.def"
#undef RULE

const struct lint_rule *const lint_rules[] = {
#define RULE(n) &rule_##n,
#include "rules.def"
#undef RULE
};

const size_t lint_nrules = ARRAY_SIZE(lint_rules);

const struct lint_rule *lint_rule_find(const char *id)
{
	size_t i;

	for (i = 0; i < lint_nrules; i++)
		if (!strcmp(lint_rules[i]->id, id))
			return lint_rules[i];
	return NULL;
}
