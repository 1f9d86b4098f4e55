/*
 * unstable_use_auth_hook.c - the useAuth hook of a Convex auth provider returns a token
 * function that is new on every render.
 *
 * ConvexProviderWithAuth calls client.setAuth(fetchAccessToken) in an effect that depends on
 * fetchAccessToken; ConvexProviderWithAuthKit builds that function with useCallback over the
 * getAccessToken its useAuth returns. A token function made afresh on each render (an inline
 * arrow, a local function not wrapped in useCallback) re-runs that effect every render: Convex
 * auth drops back to loading and the token is fetched again, in a loop. An inline
 * `useAuth={() => ...}` prop is only reported when it builds such a function itself; one that
 * just calls a stable hook is harmless.
 */
#include <string.h>

#include "rule.h"
#include "react.h"
#include "providers.h"

#define MAX_RETURNS	32	/* return statements looked at per hook */

/* the second: a hook file imported by the provider's file must be parsed too */
static const char *const triggers[] = { "ConvexProviderWith", "fetchAccessToken", NULL };

struct done {
	const struct lint_file *f;
	uint32_t at;
};

struct state {
	struct lint_ctx *ctx;
	struct arena *a;
	struct done *done;		/* reported token functions: one finding each per app */
	size_t ndone, alloc;
	/* the current provider and hook */
	const struct lint_react_elem *e;
	const char *prop;		/* "fetchAccessToken" or "getAccessToken" */
	const struct pv_hook *hook;
	TSNode body;			/* the hook's body */
	size_t nreturns;
};

static bool is_fn(TSNode n)
{
	return ts_is(n, "arrow_function") || ts_is(n, "function_expression") ||
	       ts_is(n, "function_declaration") || ts_is(n, "method_definition") ||
	       ts_is(n, "generator_function") || ts_is(n, "generator_function_declaration");
}

static bool first_report(struct state *st, const struct lint_file *f, uint32_t at)
{
	size_t i;

	for (i = 0; i < st->ndone; i++)
		if (st->done[i].f == f && st->done[i].at == at)
			return false;
	if (st->ndone == st->alloc) {
		size_t n = st->alloc ? st->alloc * 2 : 8;
		struct done *d = ARENA_ARRAY(st->a, struct done, n);

		if (st->ndone)
			memcpy(d, st->done, st->ndone * sizeof(*d));
		st->done = d;
		st->alloc = n;
	}
	st->done[st->ndone].f = f;
	st->done[st->ndone].at = at;
	st->ndone++;
	return true;
}

static const char *hook_desc(struct state *st)
{
	if (st->hook->inline_fn)
		return "the inline useAuth hook";
	return arena_printf(st->a, "the useAuth hook %s", st->hook->name);
}

/* at: the function (or method) made on every render; local: the name it is bound to, or NULL. */
static void report(struct state *st, TSNode at, const char *local)
{
	struct lint_file *hf = st->hook->file;
	struct lint_diag *d;
	uint32_t end;

	if (!first_report(st, hf, ts_node_start_byte(at)))
		return;
	if (local && !strcmp(local, st->prop))
		local = NULL;	/* "fetchAccessToken (`fetchAccessToken`)" says nothing */
	/* underline the function's head, not its whole body */
	end = ts_node_end_byte(at);
	if (is_fn(at) && !ts_node_is_null(ts_field(at, "body")))
		end = ts_node_start_byte(ts_field(at, "body"));
	if (end <= ts_node_start_byte(at))
		end = ts_node_end_byte(at);
	d = lint_report(st->ctx, &hf->src, ts_node_start_byte(at), end,
			"%s%s%s returned by %s of <%s> is a new function on every render: %s, so Convex "
			"auth drops back to loading and fetches the token again on every render",
			st->prop, local ? " (" : "", local ? arena_printf(st->a, "`%s`)", local) : "",
			hook_desc(st), st->e->tag,
			!strcmp(st->prop, "getAccessToken")
				? "ConvexProviderWithAuthKit rebuilds fetchAccessToken from it, and "
				  "ConvexProviderWithAuth re-runs client.setAuth() whenever that changes"
				: "ConvexProviderWithAuth re-runs client.setAuth() whenever it changes");
	if (st->hook->inline_fn)
		lint_help(d, "move the hook out of the JSX to module scope (`function useAuthFromAuthKit() "
			  "{ ... }`) and make %s there with useCallback: `const %s = useCallback(async "
			  "(...) => { ... }, [/* what it reads */]);`", st->prop, st->prop);
	else
		lint_help(d, "wrap it in useCallback: `const %s = useCallback(async (...) => { ... }, "
			  "[/* what it reads */]);` and return that", local ? local : st->prop);
}

/* The statements a name is looked up in: the hook's own top level. */
static bool hook_decl(struct state *st, const char *name, TSNode *value)
{
	const struct lint_source *src = &st->hook->file->src;
	const struct lint_react_comp *k = st->hook->comp;

	if (k)
		return pv_find_decl(src, k->stmts, k->nstmts, k->fn, name, strlen(name), value);
	return ts_is(st->body, "statement_block") &&
	       pv_find_decl(src, NULL, 0, st->body, name, strlen(name), value);
}

/* The value given for the token function; report it when it is made on every render. */
static void check_value(struct state *st, TSNode v)
{
	const struct lint_source *src = &st->hook->file->src;
	const struct lint_react_comp *owner = st->hook->owner;
	char *name;
	TSNode decl;

	v = ts_unwrap(v);
	if (ts_is(v, "arrow_function") || ts_is(v, "function_expression")) {
		report(st, v, NULL);
		return;
	}
	if (!ts_is(v, "identifier") && !ts_is(v, "shorthand_property_identifier"))
		return;		/* a call (useCallback, useMemo, ...) or anything else: not judged */
	name = ts_text(st->a, src, v);
	if (pv_binds_param(src, st->hook->fn, name))
		return;
	if (!hook_decl(st, name, &decl)) {
		/* a hook declared inside the rendering component closes over its locals */
		if (!owner || pv_binds_param(src, owner->fn, name) ||
		    !pv_find_decl(src, owner->stmts, owner->nstmts, owner->fn, name, strlen(name), &decl))
			return;		/* module scope: made once */
	}
	decl = ts_unwrap(decl);
	if (ts_is(decl, "arrow_function") || ts_is(decl, "function_expression") ||
	    ts_is(decl, "function_declaration"))
		report(st, decl, name);
}

static bool key_is(const struct lint_source *src, TSNode key, const char *name)
{
	if (ts_is(key, "property_identifier"))
		return ts_text_eq(src, key, name);
	if (ts_is(key, "string")) {
		size_t n = strlen(name);
		uint32_t b = ts_node_start_byte(key), e = ts_node_end_byte(key);

		return e - b == n + 2 && !memcmp(src->buf + b + 1, name, n);
	}
	return false;
}

/* The returned object: find the token function in it. */
static void check_object(struct state *st, TSNode obj)
{
	const struct lint_source *src = &st->hook->file->src;
	TSNode found = { { 0 } }, p;
	bool method = false;
	struct ts_kids k;

	for (ts_kids_init(&k, obj); ts_kids_next(&k, &p);) {
		if (ts_is(p, "spread_element")) {
			found = (TSNode){ { 0 } };	/* a later spread may replace it */
		} else if (ts_is(p, "pair") && key_is(src, ts_field(p, "key"), st->prop)) {
			found = ts_field(p, "value");
			method = false;
		} else if (ts_is(p, "shorthand_property_identifier") && ts_text_eq(src, p, st->prop)) {
			found = p;
			method = false;
		} else if (ts_is(p, "method_definition") && key_is(src, ts_field(p, "name"), st->prop)) {
			found = p;
			method = true;
		}
	}
	if (ts_node_is_null(found))
		return;
	if (method)
		report(st, found, NULL);
	else
		check_value(st, found);
}

/* What a return statement (or an expression body) gives back. */
static void check_returned(struct state *st, TSNode x)
{
	TSNode decl;

	x = ts_unwrap(x);
	if (ts_is(x, "identifier") &&
	    hook_decl(st, ts_text(st->a, &st->hook->file->src, x), &decl))
		x = ts_unwrap(decl);
	/* anything else, useMemo(() => ({ ... }), deps) included, is not judged */
	if (ts_is(x, "object"))
		check_object(st, x);
}

static bool return_visit(TSNode n, void *ud)
{
	struct state *st = ud;

	if (st->nreturns >= MAX_RETURNS)
		return false;
	if (!ts_node_eq(n, st->body) && is_fn(n))
		return false;
	if (ts_is(n, "return_statement")) {
		st->nreturns++;
		check_returned(st, ts_node_named_child(n, 0));
		return false;
	}
	return true;
}

static void check_hook(struct state *st)
{
	st->body = ts_field(st->hook->fn, "body");
	st->nreturns = 0;
	if (ts_node_is_null(st->body))
		return;
	if (ts_is(st->body, "statement_block"))
		ts_walk(st->body, return_visit, st);
	else
		check_returned(st, st->body);
}

static void check_file(struct state *st, struct lint_file *f)
{
	const struct lint_react *r = lint_react_get(f);
	size_t i, j;

	if (!r || r->partial)
		return;
	for (i = 0; i <= r->ncomps; i++) {
		const struct lint_react_comp *c = i < r->ncomps ? &r->comps[i] : r->top;

		for (j = 0; j < c->nelems; j++) {
			const struct lint_react_elem *e = &c->elems[j];
			enum pv_provider p = pv_provider_of(f, e);
			struct pv_hook hook;
			TSNode v;

			if (p == PV_NONE || pv_feed_of(f, r, c, e, &v, &hook) != FEED_HOOK)
				continue;
			st->e = e;
			st->prop = p == PV_WITH_AUTH ? "fetchAccessToken" : "getAccessToken";
			st->hook = &hook;
			check_hook(st);
		}
	}
}

static void check_app(struct lint_ctx *ctx, struct lint_app *app)
{
	struct state st;
	size_t i;

	memset(&st, 0, sizeof(st));
	st.ctx = ctx;
	st.a = ctx->arena;
	for (i = 0; i < app->nfiles; i++) {
		struct lint_file *f = app->files[i];

		if (f->parsed && memmem(f->src.buf, f->src.len, "ConvexProviderWith", 18))
			check_file(&st, f);
	}
}

const struct lint_rule rule_unstable_use_auth_hook = {
	.id = "unstable-use-auth-hook",
	.severity = SEV_WARNING,
	.family = "providers",
	.summary = "a Convex provider's useAuth hook returns a token function that is new every render",
	.description =
		"ConvexProviderWithAuth calls client.setAuth(fetchAccessToken) in an effect that depends\n"
		"on fetchAccessToken; its docs warn that when the useAuth prop's result changes, \"auth\n"
		"state will transition to loading and the fetchAccessToken() function called again\".\n"
		"ConvexProviderWithAuthKit derives fetchAccessToken (with useCallback) from the\n"
		"getAccessToken its useAuth returns. A token function created afresh on every render\n"
		"therefore re-authenticates on every render: useConvexAuth() flickers to loading, the\n"
		"token is refetched, and the re-render that causes starts it again.\n"
		"The rule follows the hook given as useAuth (an inline arrow, a hook of the same file, a\n"
		"hook declared in the rendering component, or one imported from a local file) to the\n"
		"object it returns, and fires when fetchAccessToken (getAccessToken for\n"
		"ConvexProviderWithAuthKit) is an inline function, a method, or a local function not\n"
		"wrapped in useCallback. Values from useCallback, useMemo, other hooks or module scope are\n"
		"stable and stay silent, as does an inline `useAuth={() => useStableHook()}`.",
	.example =
		"// wrong\n"
		"function useAuthFromAuthKit() {\n"
		"  const { user, loading } = useAuth();\n"
		"  const { getAccessToken } = useAccessToken();\n"
		"  const fetchAccessToken = async () => (await getAccessToken()) ?? null;\n"
		"  return { isLoading: loading, isAuthenticated: !!user, fetchAccessToken };\n"
		"}\n"
		"// right\n"
		"  const fetchAccessToken = useCallback(async () => (await getAccessToken()) ?? null,\n"
		"                                       [getAccessToken]);",
	.fix =
		"Define the auth hook at module scope and wrap the token function in useCallback with the\n"
		"values it reads as deps, as the Convex nextjs-authkit template's useAuthFromAuthKit does.",
	.sources =
		"convex/react ConvexAuthState.tsx (ConvexProviderWithAuth docs; the setAuth effect's\n"
		"deps); @convex-dev/workos src/index.tsx (useCallback over getAccessToken);\n"
		"get-convex/templates template-nextjs-authkit components/ConvexClientProvider.tsx.",
	.applies = APPLIES_WORKOS,
	.triggers = triggers,
	.check_app = check_app,
};
