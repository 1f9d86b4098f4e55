/* hardcoded_client_id.c - a WorkOS client id written into source instead of read from env. */
#include <string.h>

#include "rule.h"

/*
 * WorkOS client ids are "client_" plus a 26-character ULID (uppercase Crockford base32).
 * The rule takes 10 or more such characters with at least one digit, so OAuth words like
 * "client_credentials" or "client_SECRET" never match.
 */
static struct lint_regex client_id =
	LINT_REGEX("(?<![A-Za-z0-9_])client_(?=[A-Z]*[0-9])[0-9A-HJKMNP-TV-Z]{10,}(?![A-Za-z0-9_])");

static const char *const triggers[] = { "client_", NULL };
/* the literal and what it sits in are all the rule reads (slice) */
static const char *const slice_words[] = { "client_", NULL };

/* The env name the app should read the id from, by framework. */
static const char *env_name(const struct lint_app *app, const struct lint_file *f)
{
	if (f->roles & (ROLE_AUTH_CONFIG | ROLE_CONVEX))
		return "process.env.WORKOS_CLIENT_ID";
	if (app->fw == FW_VITE)
		return "import.meta.env.VITE_WORKOS_CLIENT_ID";
	return "process.env.WORKOS_CLIENT_ID";
}

static bool is_env_read(const struct lint_source *src, TSNode n)
{
	char buf[64];
	uint32_t s, e;

	n = ts_unwrap(n);
	if (!ts_is(n, "member_expression") && !ts_is(n, "subscript_expression"))
		return false;
	s = ts_node_start_byte(n);
	e = ts_node_end_byte(n);
	if (e - s < 8)
		return false;
	memcpy(buf, src->buf + s, e - s < sizeof(buf) - 1 ? e - s : sizeof(buf) - 1);
	buf[e - s < sizeof(buf) - 1 ? e - s : sizeof(buf) - 1] = '\0';
	return starts_with(buf, "process.env") || starts_with(buf, "import.meta.env") ||
	       starts_with(buf, "env.");
}

/* The string node's role: an `env || "client_..."` fallback, a JSX clientId, or plain. */
enum shape { PLAIN, FALLBACK, PROVIDER_PROP };

static enum shape shape_of(const struct lint_source *src, TSNode str)
{
	TSNode p = ts_node_parent(str);

	while (!ts_node_is_null(p) && (ts_is(p, "parenthesized_expression") ||
				       ts_is(p, "as_expression") || ts_is(p, "satisfies_expression")))
		p = ts_node_parent(p);
	if (ts_is(p, "binary_expression")) {
		TSNode op = ts_field(p, "operator");

		if ((ts_text_eq(src, op, "||") || ts_text_eq(src, op, "??")) &&
		    is_env_read(src, ts_field(p, "left")))
			return FALLBACK;
	}
	if (ts_is(p, "ternary_expression") && is_env_read(src, ts_field(p, "condition")))
		return FALLBACK;
	if (ts_is(p, "jsx_expression"))
		p = ts_node_parent(p);
	if (ts_is(p, "jsx_attribute") && ts_text_eq(src, ts_node_named_child(p, 0), "clientId"))
		return PROVIDER_PROP;
	return PLAIN;
}

struct scan {
	struct lint_ctx *ctx;
	struct lint_file *f;
};

/*
 * Fixes exist only in the auth config, where the fact base is clear about what is right;
 * elsewhere the variable depends on the framework and where the code runs (a Vite client
 * needs import.meta.env.VITE_..., a server module its own env), so there is none.
 */

/* The env read the auth config uses: `env.X` when it reads through _generated/server. */
static const char *config_env(const struct lint_file *f)
{
	const struct lint_eval *ev = f->app->auth_eval;

	/* the evaluation is of the auth config the app uses (the .ts one when both exist) */
	if (f == f->app->auth_config && ev && ev->nenv_reads &&
	    ev->env_reads[0].start + 4 <= f->src.len &&
	    !strncmp(f->src.buf + ev->env_reads[0].start, "env.", 4))
		return "env.WORKOS_CLIENT_ID";
	return "process.env.WORKOS_CLIENT_ID";
}

/*
 * The fallback's fix keeps only the env read: `process.env.WORKOS_CLIENT_ID ?? "client_..."`
 * becomes `process.env.WORKOS_CLIENT_ID`. Safe: in the auth config the fallback can never
 * apply, because Convex fails the push when the variable is unset (F9), and when it is set
 * the read alone gives the same value.
 */
static void fallback_fix(struct scan *s, struct lint_diag *d, TSNode str)
{
	const struct lint_source *src = &s->f->src;
	TSNode p = ts_node_parent(str), keep;
	struct lint_edit e;

	while (ts_is(p, "parenthesized_expression") || ts_is(p, "as_expression") ||
	       ts_is(p, "satisfies_expression"))
		p = ts_node_parent(p);
	if (ts_is(p, "binary_expression")) {
		keep = ts_field(p, "left");
		if (ts_node_start_byte(str) < ts_node_end_byte(keep))
			return;
	} else if (ts_is(p, "ternary_expression")) {
		/* env ? env : "client_..." */
		TSNode c = ts_field(p, "condition"), t = ts_field(p, "consequence");
		char *ct = ts_text(s->ctx->arena, src, c);

		if (ts_node_start_byte(str) < ts_node_start_byte(ts_field(p, "alternative")) ||
		    !ts_text_eq(src, t, ct))
			return;
		keep = c;
	} else {
		return;
	}
	e.start = ts_node_start_byte(p);
	e.end = ts_node_end_byte(p);
	e.text = ts_text(s->ctx->arena, src, keep);
	lint_fix(s->ctx, d, src, true, "drop the fallback: the auth config reads the variable only",
		 &e, 1);
}

/* Where a string may become an env read: a value, never a key, a type or a module name. */
static bool value_position(TSNode str)
{
	TSNode p = ts_node_parent(str);
	static const char *const ok[] = {
		"variable_declarator", "binary_expression", "array", "parenthesized_expression",
		"as_expression", "satisfies_expression", "ternary_expression", "arguments",
		"assignment_expression", "return_statement", "template_substitution",
	};

	if (ts_is(p, "pair"))
		return ts_node_eq(ts_field(p, "value"), str);
	if (ts_is(p, "variable_declarator"))
		return ts_node_eq(ts_field(p, "value"), str);
	for (size_t i = 0; i < ARRAY_SIZE(ok); i++)
		if (ts_is(p, ok[i]))
			return true;
	return false;
}

/*
 * The literal's fix reads the variable instead: the whole literal becomes
 * process.env.WORKOS_CLIENT_ID, a URL holding the id becomes a template literal around it.
 * Unsafe: the auth config then reads the Convex deployment's variable, which .env.local does
 * not set; a deployment without it fails the push (F9), and one that holds another WorkOS
 * environment's id starts trusting that environment instead of this one (W9).
 */
static void literal_fix(struct scan *s, struct lint_diag *d, TSNode str, size_t ms, size_t me)
{
	const struct lint_source *src = &s->f->src;
	const char *env = config_env(s->f);
	uint32_t b = ts_node_start_byte(str), e = ts_node_end_byte(str);
	struct lint_edit ed = { (uint32_t)ms, (uint32_t)me, NULL };
	const char *title = arena_printf(s->ctx->arena, "read the client id from %s", env);

	if (!value_position(str))
		return;
	if (ts_is(str, "template_string")) {
		ed.text = arena_printf(s->ctx->arena, "${%s}", env);
		lint_fix(s->ctx, d, src, false, title, &ed, 1);
		return;
	}
	if (!ts_is(str, "string") || e - b < 2)
		return;
	if (ms == b + 1 && me == e - 1) {
		ed.start = b;
		ed.end = e;
		ed.text = env;
		lint_fix(s->ctx, d, src, false, title, &ed, 1);
		return;
	}
	/* the text around the id moves into a template literal unchanged: no escapes in it */
	if (memchr(src->buf + b, '\\', e - b) || memchr(src->buf + b, '`', e - b) ||
	    memmem(src->buf + b, e - b, "${", 2))
		return;
	ed.start = b;
	ed.end = e;
	ed.text = arena_printf(s->ctx->arena, "`%.*s${%s}%.*s`", (int)(ms - b - 1), src->buf + b + 1,
			       env, (int)(e - 1 - me), src->buf + me);
	lint_fix(s->ctx, d, src, false, title, &ed, 1);
}

static void report(struct scan *s, TSNode str, size_t ms, size_t me)
{
	struct lint_file *f = s->f;
	const char *env = env_name(s->ctx->app, f);
	struct lint_diag *d;

	switch (shape_of(&f->src, str)) {
	case FALLBACK:
		if (f->roles & ROLE_AUTH_CONFIG) {
			/* Convex fails the push on an unset variable: the fallback only hides the id */
			d = lint_report(s->ctx, &f->src, (uint32_t)ms, (uint32_t)me,
					"hardcoded WorkOS client id as an env fallback in the auth config: it "
					"never applies (Convex fails the push when the variable is unset) and "
					"ties the file to one WorkOS environment");
			lint_help(d, "drop the fallback: `const clientId = process.env.WORKOS_CLIENT_ID;`, "
				  "and set it per deployment with `npx convex env set WORKOS_CLIENT_ID "
				  "client_...`");
			fallback_fix(s, d, str);
			return;
		}
		d = lint_report(s->ctx, &f->src, (uint32_t)ms, (uint32_t)me,
				"hardcoded WorkOS client id as an env fallback: when the variable is unset the "
				"app silently talks to this WorkOS environment instead of failing");
		lint_help(d, "drop the fallback and read only %s; set the id in .env.local (and on each "
			  "Convex deployment with `npx convex env set WORKOS_CLIENT_ID client_...`)", env);
		return;
	case PROVIDER_PROP:
		d = lint_report(s->ctx, &f->src, (uint32_t)ms, (uint32_t)me,
				"hardcoded WorkOS client id passed to AuthKitProvider: every build, dev and "
				"prod, signs users in to this one WorkOS environment");
		lint_help(d, "write clientId={%s} and set the variable in .env.local and in your "
			  "production build environment", env);
		return;
	case PLAIN:
		break;
	}
	if (f->roles & ROLE_AUTH_CONFIG) {
		d = lint_report(s->ctx, &f->src, (uint32_t)ms, (uint32_t)me,
				"hardcoded WorkOS client id in the auth config: dev and prod deployments then "
				"accept tokens from the same WorkOS environment");
		lint_help(d, "write `const clientId = process.env.WORKOS_CLIENT_ID;` and set it per "
			  "deployment: `npx convex env set WORKOS_CLIENT_ID client_...` (add --prod for "
			  "production)");
		literal_fix(s, d, str, ms, me);
		return;
	}
	d = lint_report(s->ctx, &f->src, (uint32_t)ms, (uint32_t)me,
			"hardcoded WorkOS client id in source: it ties every environment to one WorkOS "
			"environment and cannot differ between dev and prod");
	lint_help(d, "read it from %s and set the value in .env.local", env);
}

static bool visit(TSNode n, void *ud)
{
	struct scan *s = ud;
	const struct lint_source *src = &s->f->src;
	size_t from, ms, me, end;

	if (!ts_is(n, "string_fragment"))
		return true;
	from = ts_node_start_byte(n);
	end = ts_node_end_byte(n);
	while (from < end && lint_regex_search(&client_id, src->buf, end, from, &ms, &me)) {
		report(s, ts_node_parent(n), ms, me);
		from = me;
	}
	return false;
}

static void check(struct lint_ctx *ctx, struct lint_file *f)
{
	struct scan s = { ctx, f };
	const char *p = f->src.buf, *end = f->src.buf + f->src.len;
	uint32_t at[256];
	size_t n = 0;

	/* every id starts "client_": the walk enters only the subtrees that hold one */
	while (n < ARRAY_SIZE(at) && (p = memmem(p, (size_t)(end - p), "client_", 7))) {
		at[n++] = (uint32_t)(p - f->src.buf);
		p++;
	}
	if (!n)
		return;
	if (n == ARRAY_SIZE(at))
		ts_walk(ts_tree_root_node(f->tree), visit, &s);
	else
		ts_walk_at(ts_tree_root_node(f->tree), at, n, visit, &s);
}

const struct lint_rule rule_hardcoded_client_id = {
	.id = "hardcoded-client-id",
	.severity = SEV_ERROR,
	.family = "auth-config",
	.summary = "a WorkOS client id literal in TS/JS source instead of an environment variable",
	.description =
		"A WorkOS client id identifies one WorkOS environment (staging or production). Written\n"
		"into code, the same id ships to every deployment: development and production then\n"
		"share users, redirect URIs and sessions, and switching environments means a code\n"
		"change. In convex/auth.config.ts it also makes every Convex deployment trust tokens\n"
		"from that one environment. A `|| \"client_...\"` fallback is worse: a missing variable\n"
		"no longer fails, it silently points at the wrong environment.\n"
		"Only string literals count (comments do not). Client ids are not secret; env files\n"
		"are where they belong.",
	.example =
		"// wrong: convex/auth.config.ts\n"
		"const clientId = \"client_01HZX4Q2M7V8K9J0ABCDEFGHJK\";\n"
		"// right\n"
		"const clientId = process.env.WORKOS_CLIENT_ID;\n"
		"\n"
		"// wrong: src/main.tsx (Vite)\n"
		"<AuthKitProvider clientId=\"client_01HZX4Q2M7V8K9J0ABCDEFGHJK\">\n"
		"// right\n"
		"<AuthKitProvider clientId={import.meta.env.VITE_WORKOS_CLIENT_ID}>",
	.fix =
		"Read the id from the environment: process.env.WORKOS_CLIENT_ID in the auth config and\n"
		"Next.js server code, import.meta.env.VITE_WORKOS_CLIENT_ID in a Vite app. Put the value\n"
		"in .env.local, and set it on each Convex deployment:\n"
		"  npx convex env set WORKOS_CLIENT_ID client_...          (dev)\n"
		"  npx convex env set --prod WORKOS_CLIENT_ID client_...   (production)\n"
		"In the auth config, `cwlint --fix` drops a fallback (`process.env.WORKOS_CLIENT_ID ??\n"
		"\"client_...\"`: it can never apply, Convex fails the push when the variable is unset),\n"
		"and `cwlint --fix --unsafe-fixes` replaces a literal with process.env.WORKOS_CLIENT_ID\n"
		"(unsafe: set the variable on every deployment first). Elsewhere there is no fix: the\n"
		"right variable depends on the framework and on where the code runs.",
	.sources =
		"Convex + WorkOS integration guide (\"Hardcode the client ID (use env var)\"); WorkOS\n"
		"client id format client_<ULID>; Convex docs, Configuring dev and prod instances.",
	.triggers = triggers,
	.local = true,
	.slice = true,
	.slice_words = slice_words,
	.check_file = check,
};
