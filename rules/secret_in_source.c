/* secret_in_source.c - an sk_test_/sk_live_ key written into TS/JS source. */
#include <string.h>

#include "rule.h"
#include "project.h"

static struct lint_regex key_re =
	LINT_REGEX("(?<![A-Za-z0-9_])sk_(test|live)_[A-Za-z0-9]{10,}(?![A-Za-z0-9_])");

static const char *const triggers[] = { "sk_test_", "sk_live_", NULL };

struct scan {
	struct lint_ctx *ctx;
	struct lint_file *f;
};

/* Code the browser receives: a 'use client' file, or a Vite app's source outside Convex. */
static bool browser_code(const struct lint_ctx *ctx, const struct lint_file *f)
{
	if (f->roles & (ROLE_CONVEX | ROLE_VITE_CONFIG | ROLE_NEXT_CONFIG))
		return false;
	return f->use_client || ctx->app->fw == FW_VITE;
}

static bool visit(TSNode n, void *ud)
{
	struct scan *s = ud;
	const struct lint_source *src = &s->f->src;
	size_t from, end, ms, me;

	if (!ts_is(n, "string_fragment"))
		return true;
	from = ts_node_start_byte(n);
	end = ts_node_end_byte(n);
	while (from < end && lint_regex_search(&key_re, src->buf, end, from, &ms, &me)) {
		char *key = arena_strndup(s->ctx->arena, src->buf + ms, me - ms);
		bool live = !strncmp(key, "sk_live_", 8);
		struct lint_diag *d;

		from = me;
		if (lint_env_placeholder(key))
			continue;
		lint_secret(s->ctx->run, key, me - ms);
		d = lint_report(s->ctx, src, (uint32_t)ms, (uint32_t)me,
				"a secret API key (%s...) written into source: it ships with every copy of "
				"the code and stays in git history%s", live ? "sk_live_" : "sk_test_",
				browser_code(s->ctx, s->f) ? ", and this file is bundled for the browser" : "");
		lint_help(d, "read it from process.env.WORKOS_API_KEY in server code, put the value in "
			  ".env.local, and rotate this key in the WorkOS dashboard (API Keys)");
	}
	return false;
}

static void check(struct lint_ctx *ctx, struct lint_file *f)
{
	struct scan s = { ctx, f };

	if (!memmem(f->src.buf, f->src.len, "sk_", 3))
		return;
	ts_walk(ts_tree_root_node(f->tree), visit, &s);
}

const struct lint_rule rule_secret_in_source = {
	.id = "secret-in-source",
	.severity = SEV_ERROR,
	.family = "env",
	.summary = "an sk_test_/sk_live_ API key literal in TS/JS source",
	.security_severity = "8.5",	/* an API key in the repository: high */
	.description =
		"A WorkOS API key (sk_test_ for staging, sk_live_ for production) written into a\n"
		"string literal is in every clone of the repository and in its history for good, and\n"
		"in a client component or a Vite app it is also shipped to every browser. A\n"
		"`process.env.WORKOS_API_KEY || \"sk_test_...\"` fallback is the same leak. Only string\n"
		"and template literals count (comments do not), and placeholders such as\n"
		"sk_test_... or sk_test_xxxx are left alone.",
	.example =
		"// wrong\n"
		"const workos = new WorkOS(\"sk_live_a1B2c3D4e5F6...\");\n"
		"// right\n"
		"const workos = new WorkOS(process.env.WORKOS_API_KEY);",
	.fix =
		"Read the key from process.env.WORKOS_API_KEY in server code and keep the value in\n"
		".env.local (and in the hosting provider's secret settings). The key in the source is\n"
		"burnt: rotate it in the WorkOS dashboard under API Keys.",
	.sources =
		"WorkOS API keys sk_test_/sk_live_ (Convex AuthKit docs); WorkOS CLI doctor\n"
		"checkApiKeyInSource (sk_(test|live)_[A-Za-z0-9]{10,}).",
	.triggers = triggers,
	.local = true,
	.check_file = check,
};
