/* dynamic_public_env_access.c - NEXT_PUBLIC_ variables read in ways Next.js does not inline. */
#include <string.h>

#include "rule.h"

static const char *const triggers[] = {
	"process.env[", "= process.env", "=process.env", NULL,
};

/*
 * What the rule reads (slice): every name it reports is spelled NEXT_PUBLIC_ somewhere in the
 * statement it is in or in the constant it comes from, and every read goes through
 * process.env or an alias whose statement names it.
 */
static const char *const slice_words[] = { "process.env", "NEXT_PUBLIC_", NULL };

struct scan {
	struct lint_ctx *ctx;
	struct lint_file *f;
	const char *aliases[8];		/* locals bound to process.env: `const env = process.env` */
	size_t naliases;
};

static bool is_process_env(const struct lint_source *src, TSNode n)
{
	return ts_text_eq(src, ts_unwrap(n), "process.env");
}

static void report(struct scan *s, TSNode at, const char *name, const char *how)
{
	struct lint_diag *d;

	d = lint_report(s->ctx, &s->f->src, ts_node_start_byte(at), ts_node_end_byte(at),
			"%s is read %s in a client component: Next.js inlines only the literal "
			"process.env.%s, so in the browser this is undefined", name, how, name);
	lint_help(d, "write process.env.%s where the value is used", name);
}

/* process.env[`NEXT_PUBLIC_${x}`]: no single name to suggest. */
static void report_computed(struct scan *s, TSNode at, const char *expr)
{
	struct lint_diag *d;

	d = lint_report(s->ctx, &s->f->src, ts_node_start_byte(at), ts_node_end_byte(at),
			"a NEXT_PUBLIC_ variable is looked up by a computed name (%s) in a client "
			"component: Next.js inlines only literal process.env.NEXT_PUBLIC_... reads, so in "
			"the browser this is undefined", expr);
	lint_help(d, "read each variable literally (process.env.NEXT_PUBLIC_CONVEX_URL, ...) and "
		  "choose between the values");
}

/* The string a key expression stands for when it is certain to start with NEXT_PUBLIC_. */
static const char *public_name(struct scan *s, TSNode idx)
{
	const struct lint_source *src = &s->f->src;
	char *v;

	idx = ts_unwrap(idx);
	if (ts_is(idx, "template_string")) {
		TSNode first = ts_node_named_child(idx, 0);

		/* `NEXT_PUBLIC_${name}` */
		if (ts_is(first, "string_fragment") &&
		    mem_starts_with(src->buf + ts_node_start_byte(first),
				    ts_node_end_byte(first) - ts_node_start_byte(first), "NEXT_PUBLIC_"))
			return ts_text(s->ctx->arena, src, idx);
		return NULL;
	}
	if (ts_is(idx, "binary_expression") && ts_text_eq(src, ts_field(idx, "operator"), "+")) {
		v = ts_string_value(s->ctx->arena, src, ts_field(idx, "left"));
		return v && starts_with(v, "NEXT_PUBLIC_") ? ts_text(s->ctx->arena, src, idx) : NULL;
	}
	return NULL;
}

/* const NAME = "NEXT_PUBLIC_..." at the top of the file: the constant's value. */
static const char *const_string(struct scan *s, TSNode ident)
{
	const struct lint_source *src = &s->f->src;
	TSNode root = ts_tree_root_node(s->f->tree), st, d;
	struct ts_kids ks, kd;

	for (ts_kids_init(&ks, root); ts_kids_next(&ks, &st);) {
		if (ts_is(st, "export_statement"))
			st = ts_field(st, "declaration");
		if (!ts_is(st, "lexical_declaration") || !ts_text_eq(src, ts_node_child(st, 0), "const"))
			continue;
		for (ts_kids_init(&kd, st); ts_kids_next(&kd, &d);) {
			TSNode name = ts_field(d, "name");
			uint32_t b = ts_node_start_byte(ident), e = ts_node_end_byte(ident);

			if (ts_is(d, "variable_declarator") && ts_is(name, "identifier") &&
			    ts_node_end_byte(name) - ts_node_start_byte(name) == e - b &&
			    !memcmp(src->buf + ts_node_start_byte(name), src->buf + b, e - b)) {
				ts_kids_end(&kd);
				ts_kids_end(&ks);
				return ts_string_value(s->ctx->arena, src, ts_field(d, "value"));
			}
		}
	}
	return NULL;
}

static bool is_alias(const struct scan *s, TSNode ident)
{
	size_t i;

	for (i = 0; i < s->naliases; i++)
		if (ts_text_eq(&s->f->src, ident, s->aliases[i]))
			return true;
	return false;
}

static void destructured(struct scan *s, TSNode pattern)
{
	const struct lint_source *src = &s->f->src;
	struct ts_kids k;
	TSNode p;

	for (ts_kids_init(&k, pattern); ts_kids_next(&k, &p);) {
		TSNode key;
		char *name;

		if (ts_is(p, "shorthand_property_identifier_pattern"))
			key = p;
		else if (ts_is(p, "pair_pattern"))
			key = ts_field(p, "key");
		else if (ts_is(p, "object_assignment_pattern"))
			key = ts_field(p, "left");
		else
			continue;
		name = ts_is(key, "string") ? ts_string_value(s->ctx->arena, src, key)
					    : ts_text(s->ctx->arena, src, key);
		if (name && starts_with(name, "NEXT_PUBLIC_"))
			report(s, key, name, "by destructuring process.env");
	}
}

static bool visit(TSNode n, void *ud)
{
	struct scan *s = ud;
	const struct lint_source *src = &s->f->src;

	if (ts_is(n, "variable_declarator") && is_process_env(src, ts_field(n, "value"))) {
		TSNode name = ts_field(n, "name");

		if (ts_is(name, "object_pattern"))
			destructured(s, name);
		else if (ts_is(name, "identifier") && s->naliases < ARRAY_SIZE(s->aliases))
			s->aliases[s->naliases++] = ts_text(s->ctx->arena, src, name);
		return true;
	}
	if (ts_is(n, "subscript_expression") && is_process_env(src, ts_field(n, "object"))) {
		TSNode idx = ts_field(n, "index");
		const char *expr = public_name(s, idx);

		if (expr) {
			report_computed(s, n, expr);
		} else if (ts_is(ts_unwrap(idx), "identifier")) {
			const char *v = const_string(s, ts_unwrap(idx));

			if (v && starts_with(v, "NEXT_PUBLIC_"))
				report(s, n, v, "through process.env[...]");
		}
		return true;
	}
	if (ts_is(n, "member_expression") && s->naliases && is_alias(s, ts_field(n, "object"))) {
		TSNode p = ts_field(n, "property");
		char *name = ts_is(p, "property_identifier") ? ts_text(s->ctx->arena, src, p) : NULL;

		if (name && starts_with(name, "NEXT_PUBLIC_"))
			report(s, n, name, "through an alias of process.env");
	}
	return true;
}

static void check(struct lint_ctx *ctx, struct lint_file *f)
{
	struct scan s = { ctx, f, { 0 }, 0 };

	/* server code reads process.env at run time, where every variable is there */
	if (!f->use_client || !memmem(f->src.buf, f->src.len, "NEXT_PUBLIC_", 12))
		return;
	ts_walk(ts_tree_root_node(f->tree), visit, &s);
}

const struct lint_rule rule_dynamic_public_env_access = {
	.id = "dynamic-public-env-access",
	.severity = SEV_WARNING,
	.family = "env",
	.summary = "a NEXT_PUBLIC_ variable read through process.env[...], destructuring or an alias",
	.description =
		"Next.js puts NEXT_PUBLIC_ values into client code by replacing each literal\n"
		"process.env.NEXT_PUBLIC_X expression at build time; in the browser there is no\n"
		"process.env to look things up in. So in a 'use client' file,\n"
		"`const { NEXT_PUBLIC_CONVEX_URL } = process.env`, `process.env[name]` with a\n"
		"NEXT_PUBLIC_ name, or `const env = process.env; env.NEXT_PUBLIC_X` yield undefined, and\n"
		"`new ConvexReactClient(undefined)` or AuthKit fail at run time although the variable\n"
		"is set. Server code is not reported: it reads the real environment at run time.\n"
		"Only names known to start with NEXT_PUBLIC_ are judged.",
	.example =
		"// wrong: a 'use client' file\n"
		"const { NEXT_PUBLIC_CONVEX_URL } = process.env;\n"
		"// right\n"
		"const url = process.env.NEXT_PUBLIC_CONVEX_URL;",
	.fix = "Write process.env.NEXT_PUBLIC_X literally where each value is used.",
	.sources =
		"Next.js docs, Environment Variables (\"dynamic lookups will not be inlined\" and\n"
		"\"Trying to destructure process.env variables won't work\").",
	.applies = APPLIES_NEXT,
	.triggers = triggers,
	.local = true,
	.slice = true,
	.slice_words = slice_words,
	.check_file = check,
};
