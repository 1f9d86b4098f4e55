/* placeholder, replaced by the real rule */
#include "rule.h"
const struct lint_rule rule_workos_hook_gates_query = {
	.id = "workos-hook-gates-query",
	.severity = SEV_ERROR,
	.family = "providers",
	.summary = "a Convex query gated on WorkOS useAuth() state instead of useConvexAuth()",
};
