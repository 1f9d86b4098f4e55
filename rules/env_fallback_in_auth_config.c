/* env_fallback_in_auth_config.c - a default for an env read that the push never reaches. */
#include <string.h>

#include "authcfg.h"

/* What hardcoded-client-id reports: its finding covers such a fallback. */
static struct lint_regex client_id =
	LINT_REGEX("(?<![A-Za-z0-9_])client_(?=[A-Z]*[0-9])[0-9A-HJKMNP-TV-Z]{10,}(?![A-Za-z0-9_])");

static bool is_wrapper(TSNode n)
{
	return ts_is(n, "parenthesized_expression") || ts_is(n, "non_null_expression") ||
	       ts_is(n, "as_expression") || ts_is(n, "satisfies_expression");
}

/* True when some env read lies inside n (reads are sorted by start). */
static bool has_read(const struct lint_eval *ev, TSNode n)
{
	uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
	size_t lo = 0, hi = ev->nenv_reads;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ev->env_reads[mid].start < s)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* reads starting inside n: nested ones end first, so the first one decides */
	return lo < ev->nenv_reads && ev->env_reads[lo].start < e && ev->env_reads[lo].end <= e;
}

/*
 * A real fallback: `read ?? x`, `read || x`, `read ? a : x`, or a destructuring default.
 * A branch of a ternary on something else (`isProd ? process.env.X : "dev"`) is a choice,
 * not a fallback.
 */
static bool real_fallback(const struct lint_source *src, const struct lint_eval *ev, TSNode root,
			  const struct lint_env_read *r)
{
	TSNode n = ts_node_descendant_for_byte_range(root, r->fb_start, r->fb_end), p;

	if (ts_node_is_null(n) || ts_node_start_byte(n) != r->fb_start ||
	    ts_node_end_byte(n) != r->fb_end)
		return false;
	/* a node can share its range with its only child: start from the outermost one */
	for (p = ts_node_parent(n); !ts_node_is_null(p) && ts_node_start_byte(p) == r->fb_start &&
	     ts_node_end_byte(p) == r->fb_end; p = ts_node_parent(p))
		n = p;
	for (p = ts_node_parent(n); is_wrapper(p); p = ts_node_parent(p))
		n = p;
	if (ts_is(p, "binary_expression")) {
		TSNode op = ts_field(p, "operator");

		return (ts_text_eq(src, op, "??") || ts_text_eq(src, op, "||")) &&
		       ts_node_eq(ts_field(p, "right"), n);
	}
	if (ts_is(p, "ternary_expression"))
		return has_read(ev, ts_field(p, "condition"));
	if (ts_is(p, "object_assignment_pattern") || ts_is(p, "assignment_pattern"))
		return ts_node_eq(ts_field(p, "right"), n);
	return false;
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct lint_eval *ev = app->auth_eval;
	const struct lint_source *src;
	bool hcid = lint_rule_enabled(ctx, "hardcoded-client-id");
	TSNode root;
	size_t i, nrep = 0;

	if (!ev || !app->auth_config || !app->auth_config->tree || ev->status == EVAL_SYNTAX_ERROR)
		return;
	src = &app->auth_config->src;
	root = ts_tree_root_node(app->auth_config->tree);
	for (i = 0; i < ev->nenv_reads; i++) {
		const struct lint_env_read *r = &ev->env_reads[i];
		size_t ms, me;
		struct lint_diag *d;

		if (!r->fallback || r->fb_end <= r->fb_start || r->fb_end > src->len ||
		    !real_fallback(src, ev, root, r))
			continue;
		if (hcid && lint_regex_search(&client_id, src->buf, r->fb_end, r->fb_start, &ms, &me))
			continue;
		if (++nrep > AUTHCFG_MAX)
			return;
		d = lint_report(ctx, src, r->fb_start, r->fb_end,
				"the fallback for %s never takes effect: Convex fails the push as soon as "
				"the auth config reads an unset variable (\"Environment variable %s is used "
				"in auth config file but its value was not set\"), so the default only hides "
				"that the variable must be set on the deployment", r->name, r->name);
		lint_help(d, "drop the fallback and set the variable on each deployment: npx convex env "
			  "set %s %s", r->name, strstr(r->name, "CLIENT_ID") ? "client_..." : "<value>");
	}
}

const struct lint_rule rule_env_fallback_in_auth_config = {
	.id = "env-fallback-in-auth-config",
	.severity = SEV_WARNING,
	.family = "auth-config",
	.summary = "an env read in the auth config has a fallback (??, ||, a ternary) that cannot apply",
	.description =
		"In the auth config, reading an environment variable that is not set on the Convex\n"
		"deployment is itself an error: the push stops with \"Environment variable X is used in\n"
		"auth config file but its value was not set\" before `??`, `||` or a ternary can pick\n"
		"the default. So process.env.WORKOS_CLIENT_ID ?? \"client_...\" never uses its fallback;\n"
		"it only suggests the variable is optional, and the default is dead code that drifts\n"
		"out of date. A ternary that chooses between two variables on some other condition is\n"
		"not a fallback and is left alone. A client id literal as the fallback is reported by\n"
		"hardcoded-client-id instead.",
	.example =
		"// wrong\n"
		"const clientId = process.env.WORKOS_CLIENT_ID ?? \"convex\";\n"
		"// right\n"
		"const clientId = process.env.WORKOS_CLIENT_ID;\n"
		"// and once per deployment:\n"
		"//   npx convex env set WORKOS_CLIENT_ID client_...",
	.fix = "Drop the fallback and set the variable on every deployment with npx convex env set.",
	.sources =
		"Convex backend crates/isolate/src/environment/auth_config.rs (get_environment_variable\n"
		"fails on the read); hackerai-tech/hackerai PR #981.",
	.roles = ROLE_AUTH_CONFIG,
	.check_app = check,
};
