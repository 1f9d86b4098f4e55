/* frontend_env_in_auth_config.c - the auth config reads a browser-bundle variable. */
#include <stdlib.h>
#include <string.h>

#include "authcfg.h"

static const char *const prefixes[] = { "VITE_", "NEXT_PUBLIC_", "REACT_APP_", "EXPO_PUBLIC_" };

static size_t prefix_len(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(prefixes); i++)
		if (starts_with(name, prefixes[i]) && name[strlen(prefixes[i])])
			return strlen(prefixes[i]);
	return 0;
}

/* By name, then by position: the first read of each name leads its group. */
static int cmp_read(const void *a, const void *b)
{
	const struct lint_env_read *x = *(const struct lint_env_read *const *)a;
	const struct lint_env_read *y = *(const struct lint_env_read *const *)b;
	int c = strcmp(x->name, y->name);

	if (c)
		return c;
	return x->start < y->start ? -1 : x->start > y->start;
}

static void report(struct lint_ctx *ctx, const struct lint_source *src,
		   const struct lint_env_read *r, size_t more)
{
	const char *base = r->name + prefix_len(r->name), *how, *value;
	struct lint_diag *d;

	how = mem_starts_with(src->buf + r->start, r->end - r->start, "env.") ? "env" :
	      "process.env";
	value = strstr(base, "CLIENT_ID") ? "client_..." : "<value>";
	d = lint_report(ctx, src, r->start, r->end,
			"the auth config reads %s, a frontend build variable%s: Convex evaluates "
			"this file on the deployment, which only has the variables set with `npx "
			"convex env set`, so the push fails with \"Environment variable %s is used "
			"in auth config file but its value was not set\"", r->name,
			more ? arena_printf(ctx->arena, " (here and %zu more time%s)", more,
					    more == 1 ? "" : "s") : "", r->name);
	lint_help(d, "read %s.%s instead and set it on each deployment: npx convex env set %s %s",
		  how, base, base, value);
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct lint_eval *ev = app->auth_eval;
	const struct lint_env_read **reads;
	size_t n = 0, i, j;

	if (!ev || !app->auth_config || !app->auth_config->arena || ev->status == EVAL_SYNTAX_ERROR)
		return;
	reads = ARENA_ARRAY(app->auth_config->arena, const struct lint_env_read *, ev->nenv_reads + 1);
	for (i = 0; i < ev->nenv_reads; i++)
		if (prefix_len(ev->env_reads[i].name))
			reads[n++] = &ev->env_reads[i];
	/* one finding per variable, at its first read */
	qsort(reads, n, sizeof(*reads), cmp_read);
	for (i = 0; i < n && i < AUTHCFG_MAX; i = j) {
		for (j = i + 1; j < n && !strcmp(reads[j]->name, reads[i]->name); j++)
			;
		report(ctx, &app->auth_config->src, reads[i], j - i - 1);
	}
}

const struct lint_rule rule_frontend_env_in_auth_config = {
	.id = "frontend-env-in-auth-config",
	.severity = SEV_ERROR,
	.family = "auth-config",
	.summary = "the auth config reads a VITE_, NEXT_PUBLIC_, REACT_APP_ or EXPO_PUBLIC_ variable",
	.description =
		"convex/auth.config.ts does not run in your frontend build: Convex evaluates it on the\n"
		"deployment when you push, where process.env holds only the variables set on that\n"
		"deployment (npx convex env set, or the dashboard). .env.local and the frontend's\n"
		"public variables are not there, so reading VITE_WORKOS_CLIENT_ID stops the push with\n"
		"\"Environment variable VITE_WORKOS_CLIENT_ID is used in auth config file but its value\n"
		"was not set\". Every read counts, even one outside the exported object, because the\n"
		"whole file is evaluated. One finding per variable, at its first read.",
	.example =
		"// wrong\n"
		"const clientId = process.env.VITE_WORKOS_CLIENT_ID;\n"
		"// right\n"
		"const clientId = process.env.WORKOS_CLIENT_ID;\n"
		"// and once per deployment:\n"
		"//   npx convex env set WORKOS_CLIENT_ID client_...",
	.fix =
		"Read the backend name (process.env.WORKOS_CLIENT_ID, or env.WORKOS_CLIENT_ID from\n"
		"./_generated/server) and set it on each Convex deployment:\n"
		"  npx convex env set WORKOS_CLIENT_ID client_...          (dev)\n"
		"  npx convex env set --prod WORKOS_CLIENT_ID client_...   (production)",
	.sources =
		"Convex backend crates/isolate/src/environment/auth_config.rs (get_environment_variable,\n"
		"AuthConfigMissingEnvironmentVariable); convex-js src/cli/lib/config.ts.",
	.roles = ROLE_AUTH_CONFIG,
	.check_app = check,
};
