/*
 * fuzz_react.c - the component model (react.h) and the rule built on it,
 * workos-hook-gates-query, on one parsed file of a one-file WorkOS app. Input: one flag
 * byte (bit 0: TypeScript grammar as for a .ts hook file, else TSX; bit 1: a Vite app,
 * else Next.js), then the source. Besides the rule, every query of react.h runs on every
 * call, local and element the model records (each bounded by the model's work budget).
 */
#include "fuzz.h"
#include "core.h"
#include "react.h"

#define MAX_PATH 64

static const char *const any_module[] = { "convex/react", "@workos-inc/authkit-react",
					  "@workos-inc/authkit-nextjs", "react", NULL };

static bool count_gate(TSNode cond, TSNode gate, enum lint_react_gate kind, void *ud)
{
	(void)cond;
	(void)gate;
	(void)kind;
	return ++*(size_t *)ud < 100;
}

static bool count_src(const struct lint_react_src *s, TSNode ref, void *ud)
{
	(void)ref;
	FUZZ_CHECK(s != NULL);
	return ++*(size_t *)ud < 100;
}

/* top: c is r->top, which has only elements (and no statement index to ask about). */
static void query_comp(struct lint_file *f, const struct lint_react *r,
		       const struct lint_react_comp *c, bool top)
{
	TSNode path[MAX_PATH], value;
	struct lint_react *other;
	size_t i, n = 0;

	for (i = 0; i < c->ncalls; i++) {
		const struct lint_react_call *k = &c->calls[i];

		FUZZ_CHECK(k->callee && k->name);
		FUZZ_CHECK(lint_react_call_at(c, k->node) >= 0);
		(void)lint_react_call_is(k, any_module, "useAuth");
		(void)lint_react_comp_gates(r, c, k->node, count_gate, &n);
		(void)lint_react_gates(r, c->fn, k->node, count_gate, &n);
		(void)lint_react_skip_gates(r, c, k, count_gate, &n);
		(void)lint_react_expr_srcs(r, c, k->node, count_src, &n);
		(void)lint_react_comp_path(r, c, k->node, path, MAX_PATH);
		(void)lint_react_path(r, c->fn, k->node, path, MAX_PATH);
		if (k->module)
			(void)lint_react_import_file(f, k->module);
		(void)lint_react_imported_comp(f, ts_field(k->node, "function"), &other);
	}
	for (i = 0; i < c->nvars; i++) {
		const struct lint_react_var *v = &c->vars[i];

		FUZZ_CHECK(v->name != NULL);
		(void)lint_react_var_at(r, c, v->id);
		if (!ts_node_is_null(v->value))
			(void)lint_react_expr_srcs(r, c, v->value, count_src, &n);
	}
	for (i = 0; i < c->nelems; i++) {
		const struct lint_react_elem *e = &c->elems[i];

		FUZZ_CHECK(e->tag != NULL);
		FUZZ_CHECK(e->parent < (int)i);
		(void)lint_react_elem_is(e, any_module, "Authenticated");
		(void)lint_react_elem_within(c, (int)i, any_module, "Authenticated");
		(void)lint_react_attr(r, e, "client", &value);
		(void)lint_react_attr(r, e, "useAuth", &value);
		if (top)
			(void)lint_react_gates(r, c->fn, e->node, count_gate, &n);
		else
			(void)lint_react_comp_gates(r, c, e->node, count_gate, &n);
		if (!ts_node_is_null(e->name))
			(void)lint_react_imported_comp(f, e->name, &other);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct lint_run run;
	struct lint_app app;
	struct lint_file file, *files[1];
	const struct lint_rule *rule;
	struct lint_react *r;
	bool ts_grammar;
	size_t i;

	if (size < 1)
		return 0;
	ts_grammar = data[0] & 1;
	lint_run_init(&run);
	memset(&app, 0, sizeof(app));
	memset(&file, 0, sizeof(file));
	app.root = ".";
	app.absroot = "/fuzz";
	app.fw = (data[0] & 2) ? FW_VITE : FW_NEXT;
	app.uses = USES_WORKOS | USES_CONVEX | USES_AUTHKIT_REACT | USES_AUTHKIT_NEXTJS;
	files[0] = &file;
	app.files = files;
	app.nfiles = 1;
	lint_source_from_mem(&a, &file.src, ts_grammar ? "src/App.ts" : "src/App.tsx",
			     ts_grammar ? "/fuzz/src/App.ts" : "/fuzz/src/App.tsx",
			     (const char *)data + 1, size - 1);
	file.app = &app;
	file.relpath = ts_grammar ? "src/App.ts" : "src/App.tsx";
	file.kind = ts_grammar ? FK_TS : FK_TSX;
	file.arena = &a;
	file.tree = fuzz_parse(file.src.buf, file.src.len, !ts_grammar);
	if (!file.tree)
		goto out;
	file.parsed = true;
	lint_model_file(&a, &file);
	lint_suppress_scan_file(&run, &a, &file);

	r = lint_react_get(&file);
	FUZZ_CHECK(r != NULL && r->top != NULL);
	FUZZ_CHECK(lint_react_get(&file) == r);
	for (i = 0; i < r->ncomps; i++) {
		FUZZ_CHECK(r->comps[i].name != NULL);
		FUZZ_CHECK(lint_react_comp_find(r, r->comps[i].name) >= 0);
	}
	rule = lint_rule_find("workos-hook-gates-query");
	FUZZ_CHECK(rule && rule->check_file);
	{
		struct lint_ctx ctx = { &run, rule, &app, &run.arena };

		rule->check_file(&ctx, &file);
	}
	/* the queries after the rule, so the rule sees a full budget as in the pipeline */
	for (i = 0; i < r->ncomps; i++)
		query_comp(&file, r, &r->comps[i], false);
	query_comp(&file, r, r->top, true);
	lint_finish(&run);
	ts_tree_delete(file.tree);
out:
	lint_run_release(&run);
	arena_release(&a);
	return 0;
}
