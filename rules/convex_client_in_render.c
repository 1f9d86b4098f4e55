/*
 * convex_client_in_render.c - `new ConvexReactClient(...)` that runs as a component renders.
 *
 * The client must be made once: at module scope, in a lazy useState/useRef initializer, or
 * in a useMemo whose deps never change. Anywhere else in a component or hook body it runs on
 * every render (or every time a dep changes): the provider gets a new client, queries
 * re-subscribe over a new connection, the old client is never closed, and
 * ConvexProviderWithAuth's setAuth effect (which depends on `client`) starts auth over.
 * Code in callbacks (effects, handlers) does not run during render and is left alone.
 */
#include <string.h>

#include "rule.h"
#include "react.h"
#include "providers.h"

#define PATH_MAX_DEPTH	256	/* nodes from a component's function down to the `new` */
#define CONST_DEPTH	4	/* const-to-const links followed to prove a dep constant */

static const char *const triggers[] = { "ConvexReactClient", NULL };
static const char *const react[] = { "react", NULL };
/* what check() reads of a leaf: the `new` of Convex's client and the components around it */
static const struct lint_slice_import slice_imports[] = {
	{ pv_convex_react, "ConvexReactClient" },
	{ NULL, NULL },
};

enum verdict {
	V_OK,			/* made once, or not during render, or unknown */
	V_RENDER,		/* in the render path itself */
	V_MEMO_NO_DEPS,		/* in a useMemo without a dependency list */
	V_MEMO_DEPS,		/* in a useMemo with a dep that can change */
};

struct state {
	struct lint_ctx *ctx;
	struct lint_file *f;
	const struct lint_react *r;
	const struct lint_react_comp *c;
};

static bool is_fn(TSNode n)
{
	return ts_is(n, "arrow_function") || ts_is(n, "function_expression") ||
	       ts_is(n, "function_declaration") || ts_is(n, "method_definition") ||
	       ts_is(n, "generator_function") || ts_is(n, "generator_function_declaration");
}

/* The hook call (of the component) at node call, when it is one of react's `name`. */
static bool react_call_is(const struct state *st, TSNode call, const char *name)
{
	int k = ts_is(call, "call_expression") ? lint_react_call_at(st->c, call) : -1;

	return k >= 0 && lint_react_call_is(&st->c->calls[k], react, name);
}

static bool is_env_read(const struct lint_source *src, TSNode n)
{
	uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);

	if (!ts_is(n, "member_expression") || e > src->len)
		return false;
	return mem_starts_with(src->buf + b, e - b, "process.env.") ||
	       mem_starts_with(src->buf + b, e - b, "import.meta.env.");
}

/* Can the value of a useMemo dep never change between renders? */
static bool constant(const struct state *st, TSNode n, int depth)
{
	const struct lint_source *src = &st->f->src;
	const char *name;
	TSNode decl, part;
	struct ts_kids k;

	n = ts_unwrap(n);
	if (depth > CONST_DEPTH || ts_node_is_null(n))
		return false;
	if (ts_is(n, "string") || ts_is(n, "number") || ts_is(n, "true") || ts_is(n, "false") ||
	    ts_is(n, "null") || ts_is(n, "undefined") || is_env_read(src, n))
		return true;
	if (ts_is(n, "template_string")) {
		for (ts_kids_init(&k, n); ts_kids_next(&k, &part);) {
			if (ts_is(part, "template_substitution") &&
			    !constant(st, ts_node_named_child(part, 0), depth + 1)) {
				ts_kids_end(&k);
				return false;
			}
		}
		return true;
	}
	if (ts_is(n, "binary_expression"))
		return constant(st, ts_field(n, "left"), depth + 1) &&
		       constant(st, ts_field(n, "right"), depth + 1);
	if (!ts_is(n, "identifier"))
		return false;
	name = ts_text(st->f->arena, src, n);
	if (!strcmp(name, "undefined"))
		return true;
	if (pv_binds_param(src, st->c->fn, name))
		return false;		/* a prop: the parent may change it */
	if (pv_find_decl(src, st->c->stmts, st->c->nstmts, st->c->fn, name, strlen(name), &decl))
		return constant(st, decl, depth + 1);	/* a local: constant if its value is */
	return true;			/* module scope or a global */
}

/* The first dep of an array literal that can change, or a null node when all are constant. */
static TSNode changing_dep(const struct state *st, TSNode deps)
{
	const TSNode none = { { 0 } };
	struct ts_kids k;
	TSNode d;

	for (ts_kids_init(&k, deps); ts_kids_next(&k, &d);) {
		if (!ts_is(d, "comment") && !constant(st, d, 0)) {
			ts_kids_end(&k);
			return d;
		}
	}
	return none;
}

/* Is the assignment's target a cache that outlives the render (a ref, a module variable)? */
static bool cache_target(const struct state *st, TSNode left)
{
	const char *name;
	TSNode decl;

	left = ts_unwrap(left);
	if (ts_is(left, "member_expression") || ts_is(left, "subscript_expression"))
		return true;
	if (!ts_is(left, "identifier"))
		return false;
	name = ts_text(st->f->arena, &st->f->src, left);
	return !pv_binds_param(&st->f->src, st->c->fn, name) &&
	       !pv_find_decl(&st->f->src, st->c->stmts, st->c->nstmts, st->c->fn, name, strlen(name),
			     &decl);
}

static enum verdict judge(struct state *st, TSNode node, TSNode *dep)
{
	TSNode path[PATH_MAX_DEPTH];
	size_t n = lint_react_comp_path(st->r, st->c, node, path, PATH_MAX_DEPTH), i;
	bool conditional = false;
	TSNode assign = { { 0 } };

	if (n < 2)
		return V_OK;		/* not reached: unknown */
	for (i = 1; i + 1 < n; i++) {
		TSNode p = path[i], child = path[i + 1];

		if (ts_is(p, "call_expression") && ts_is(child, "arguments") &&
		    (react_call_is(st, p, "useState") || react_call_is(st, p, "useRef")))
			return V_OK;	/* the initial value: kept from the first render */
		if (is_fn(p)) {
			TSNode call = i >= 2 ? path[i - 2] : path[0];
			TSNode deps;

			if (i < 2 || !ts_is(path[i - 1], "arguments") || !react_call_is(st, call, "useMemo") ||
			    !ts_node_eq(ts_unwrap(ts_call_arg(call, 0)), p))
				return V_OK;	/* runs later (an effect, a handler) or unknown */
			deps = ts_unwrap(ts_call_arg(call, 1));
			if (ts_node_is_null(deps))
				return V_MEMO_NO_DEPS;
			if (!ts_is(deps, "array"))
				return V_OK;
			*dep = changing_dep(st, deps);
			return ts_node_is_null(*dep) ? V_OK : V_MEMO_DEPS;
		}
		if (ts_is(p, "if_statement") || ts_is(p, "ternary_expression") ||
		    (ts_is(p, "binary_expression") && ts_node_eq(child, ts_field(p, "right"))))
			conditional = true;
		if ((ts_is(p, "assignment_expression") || ts_is(p, "augmented_assignment_expression")) &&
		    ts_node_eq(child, ts_field(p, "right")))
			assign = p;
	}
	if (!ts_node_is_null(assign) && cache_target(st, ts_field(assign, "left"))) {
		/* `ref.current ??= new ...`, `if (!ref.current) ref.current = new ...` */
		if (ts_is(assign, "augmented_assignment_expression") || conditional)
			return V_OK;
	}
	return V_RENDER;
}

static void report(struct state *st, TSNode node, enum verdict v, TSNode dep)
{
	TSNode ctor = ts_field(node, "constructor");
	const char *where = st->c->kind == REACT_HOOK ? "hook" : "component";
	const char *tail = "components re-subscribe through a new connection, the old client is "
			   "never closed, and ConvexProviderWithAuth's setAuth effect (it depends on "
			   "`client`) starts auth over";
	struct lint_diag *d;
	uint32_t end = ts_node_is_null(ctor) ? ts_node_end_byte(node) : ts_node_end_byte(ctor);

	if (v == V_RENDER)
		d = lint_report(st->ctx, &st->f->src, ts_node_start_byte(node), end,
				"new ConvexReactClient(...) in the body of %s %s runs on every render: "
				"each render makes another client, %s", where, st->c->name, tail);
	else if (v == V_MEMO_NO_DEPS)
		d = lint_report(st->ctx, &st->f->src, ts_node_start_byte(node), end,
				"new ConvexReactClient(...) in a useMemo without a dependency list runs on "
				"every render of %s: each render makes another client, %s", st->c->name, tail);
	else
		d = lint_report(st->ctx, &st->f->src, ts_node_start_byte(node), end,
				"useMemo in %s makes a new ConvexReactClient whenever `%s` changes: %s",
				st->c->name, ts_text(st->ctx->arena, &st->f->src, dep), tail);
	if (v == V_MEMO_DEPS)
		lint_help(d, "make the client once with constant deps (`[]`) or at module scope; pass "
			  "what changes (a token, the user) through the auth hook given to "
			  "ConvexProviderWithAuth, not through the client");
	else
		lint_help(d, "make it once: at module scope (`const convex = new ConvexReactClient(url);` "
			  "outside the %s) or lazily with `const [convex] = useState(() => new "
			  "ConvexReactClient(url));`", where);
}

static bool visit(TSNode n, void *ud)
{
	struct state *st = ud;
	const char *module, *imported;
	TSNode dep = { { 0 } };
	enum verdict v;

	if (!ts_is(n, "new_expression"))
		return true;
	if (!lint_react_resolve(st->f, ts_field(n, "constructor"), &module, &imported) ||
	    strcmp(module, "convex/react") || strcmp(imported, "ConvexReactClient"))
		return true;
	v = judge(st, n, &dep);
	if (v != V_OK)
		report(st, n, v, dep);
	return true;
}

static void check(struct lint_ctx *ctx, struct lint_file *f)
{
	struct state st = { ctx, f, NULL, NULL };
	size_t i;

	if (!memmem(f->src.buf, f->src.len, "ConvexReactClient", 17))
		return;
	st.r = lint_react_get(f);
	if (!st.r || st.r->partial)
		return;
	for (i = 0; i < st.r->ncomps; i++) {
		st.c = &st.r->comps[i];
		ts_walk(st.c->fn, visit, &st);
	}
}

const struct lint_rule rule_convex_client_in_render = {
	.id = "convex-client-in-render",
	.severity = SEV_WARNING,
	.family = "providers",
	.summary = "new ConvexReactClient(...) that runs on every render of a component or hook",
	.description =
		"A ConvexReactClient owns the connection to the deployment, the query subscriptions and\n"
		"the auth state, so an app makes one and keeps it. Constructed in a component or hook\n"
		"body, it is made again on every render: the provider hands children a new client, their\n"
		"queries re-subscribe over a new connection, the old client is never closed, and\n"
		"ConvexProviderWithAuth (whose setAuth effect depends on `client`) starts authentication\n"
		"over, so the app flickers between loading and signed in.\n"
		"The rule fires on `new ConvexReactClient` (recognised by its import from convex/react)\n"
		"that runs while a component or custom hook renders, including inside a useMemo with no\n"
		"dependency list or with a dependency that can change (a prop, state, a hook result). It\n"
		"stays silent at module scope, in a useState or useRef initial value, in `ref.current ?\?=`\n"
		"or `if (!ref.current) ref.current = ...`, in a useMemo whose deps are constants (literals,\n"
		"env reads, module-scope values), and inside callbacks such as effects.",
	.example =
		"// wrong\n"
		"function Providers({ children }) {\n"
		"  const convex = new ConvexReactClient(import.meta.env.VITE_CONVEX_URL);\n"
		"  ...\n"
		"// right\n"
		"const convex = new ConvexReactClient(import.meta.env.VITE_CONVEX_URL);\n"
		"function Providers({ children }) { ...\n"
		"// also right (Next.js template)\n"
		"const [convex] = useState(() => new ConvexReactClient(process.env.NEXT_PUBLIC_CONVEX_URL!));",
	.fix =
		"Create the client once: at module scope, or lazily with\n"
		"`const [convex] = useState(() => new ConvexReactClient(url))`. Do not rebuild it when the\n"
		"user or token changes; ConvexProviderWithAuth's useAuth hook carries auth changes.",
	.sources =
		"convex/react ConvexAuthState.tsx (setAuth effect depends on client and fetchAccessToken);\n"
		"Convex docs, Next.js App Router (\"Share a single ConvexReactClient instance\");\n"
		"get-convex/templates (module-scope client in the Vite template, useState initializer in\n"
		"the Next.js template).",
	.triggers = triggers,
	.local = true,
	.check_file = check,
	.slice = true,
	.slice_imports = slice_imports,
};
