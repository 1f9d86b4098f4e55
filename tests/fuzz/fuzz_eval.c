/*
 * fuzz_eval.c - the auth-config evaluator on arbitrary TS and JS. Input: one flag byte
 * (bit 0: the TSX grammar, as for .js/.jsx/.tsx; else TypeScript), then the source.
 * Each input runs lint_eval_auth_config() and renders the result, then evaluates a
 * handful of expression nodes through the module API (lint_module_new/eval).
 */
#include "fuzz.h"
#include "rule.h"

#define MAX_MODULE_EVALS 48

static const char *const expr_types[] = {
	"object", "array", "call_expression", "member_expression", "subscript_expression",
	"binary_expression", "ternary_expression", "unary_expression", "template_string",
	"identifier", "string", "number", "parenthesized_expression", "as_expression",
	"satisfies_expression", "non_null_expression", "spread_element", "arrow_function",
	NULL,
};

static bool is_expr(TSNode n)
{
	const char *t = ts_node_type(n);

	for (size_t i = 0; expr_types[i]; i++)
		if (!strcmp(t, expr_types[i]))
			return true;
	return false;
}

struct walk {
	struct lint_module *m;
	struct arena *a;
	const struct lint_source *src;
	size_t n;
};

/* Ranges inside the source and strings NUL-terminated at len, all the way down. */
static void check_value(const struct lint_value *v, const struct lint_source *src, int depth)
{
	size_t i;

	if (!v || depth > 200)
		return;
	FUZZ_CHECK(v->start <= v->end && v->end <= src->len);
	FUZZ_CHECK(v->def_start <= v->def_end && v->def_end <= src->len);
	if (v->kind == LV_STRING)
		FUZZ_CHECK(v->str && v->str[v->len] == '\0');
	if (v->kind == LV_OBJECT)
		for (i = 0; i < v->nprops; i++) {
			FUZZ_CHECK(v->props[i].key != NULL);
			check_value(v->props[i].value, src, depth + 1);
		}
	if (v->kind == LV_ARRAY)
		for (i = 0; i < v->nitems; i++)
			check_value(v->items[i], src, depth + 1);
}

static bool visit(TSNode n, void *ud)
{
	struct walk *w = ud;
	struct lint_value *v;

	if (w->n >= MAX_MODULE_EVALS)
		return false;
	if (!ts_node_is_named(n) || !is_expr(n))
		return true;
	w->n++;
	v = lint_module_eval(w->m, n);
	FUZZ_CHECK(v != NULL);
	check_value(v, w->src, 0);
	FUZZ_CHECK(lint_value_render(w->a, v) != NULL);
	(void)lint_value_get(v, "providers");
	(void)lint_value_is_str(v, "https://api.workos.com/");
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct lint_source src;
	struct lint_eval ev;
	struct walk w;
	TSTree *tree;
	bool tsx;
	size_t i;

	if (size < 1)
		return 0;
	tsx = data[0] & 1;
	lint_source_from_mem(&a, &src, tsx ? "convex/auth.config.js" : "convex/auth.config.ts",
			     "/fuzz/convex/auth.config.ts", (const char *)data + 1, size - 1);
	tree = fuzz_parse(src.buf, src.len, tsx);
	if (!tree) {
		arena_release(&a);
		return 0;
	}
	memset(&ev, 0, sizeof(ev));
	lint_eval_auth_config(&a, &src, tree, &ev);
	if (ev.status == EVAL_OK)
		FUZZ_CHECK(ev.config != NULL);
	if (ev.status != EVAL_OK)
		FUZZ_CHECK(ev.err_start <= ev.err_end && ev.err_end <= src.len);
	if (ev.config) {
		check_value(ev.config, &src, 0);
		FUZZ_CHECK(lint_value_render(&a, ev.config) != NULL);
	}
	for (i = 0; i < ev.nenv_reads; i++) {
		FUZZ_CHECK(ev.env_reads[i].name != NULL);
		FUZZ_CHECK(ev.env_reads[i].start <= ev.env_reads[i].end && ev.env_reads[i].end <= src.len);
	}
	w.m = lint_module_new(&a, &src, tree);
	w.a = &a;
	w.src = &src;
	w.n = 0;
	ts_walk(ts_tree_root_node(tree), visit, &w);
	lint_module_free(w.m);
	ts_tree_delete(tree);
	arena_release(&a);
	return 0;
}
