/*
 * workos_hook_gates_query.c - a Convex query, or a store-user effect, started from WorkOS
 * useAuth() state instead of Convex's own auth state.
 *
 * WorkOS's `user` is set as soon as AuthKit has a session; Convex still has to fetch the
 * access token and validate it. Anything keyed on `user` (or AuthKit's loading flag, or a
 * value derived from them) therefore runs in a window where Convex is unauthenticated.
 * The rule works on the component model of react.h: which hook each local comes from,
 * and which conditions decide whether a hook call or a rendered child runs.
 */
#include <string.h>

#include "rule.h"
#include "react.h"

#define MAX_GATES	64	/* conditions followed per hook call or element */
#define SNIPPET_MAX	48	/* longest source text quoted in a fix */
#define NO_ROOT		((TSNode){ { 0 } })	/* gates_of: the whole component */

/*
 * A file can gate a Convex hook on WorkOS auth state only if it names the WorkOS hook (by
 * import or through a re-exporting module) and a Convex hook.
 */
static const char *const triggers[] = { "useAuth", NULL };
static const char *const also[] = {
	"useQuery", "usePaginatedQuery", "useQueries", "useMutation", "useAction", NULL,
};

static const char *const workos_modules[] = {
	"@workos-inc/authkit-react",
	"@workos-inc/authkit-nextjs/components",
	"@workos-inc/authkit-nextjs",		/* older releases exported the client hooks here too */
	NULL,
};
static const char *const convex_react[] = { "convex/react", NULL };
/*
 * A finding needs WorkOS state in the component (or a hook of the file it calls): the code
 * naming WorkOS's hooks, what renders or calls it, and what it calls is all the rule reads.
 */
static const struct lint_slice_import slice_imports[] = {
	{ workos_modules, NULL }, { NULL, NULL },
};
static const char *const query_modules[] = {
	"convex/react",
	"convex-helpers/react/cache",
	"convex-helpers/react/cache/hooks",
	"convex-helpers/react",			/* its useQuery returns { status, data } */
	NULL,
};
static const char *const react_modules[] = { "react", NULL };

static const char *const tail =
	"WorkOS has the user before Convex has validated its token, so the query runs "
	"unauthenticated and ctx.auth.getUserIdentity() returns null on page load";

static bool is_workos_auth(const struct lint_react_call *k)
{
	return lint_react_call_is(k, workos_modules, "useAuth");
}

static bool is_convex_auth(const struct lint_react_call *k)
{
	return lint_react_call_is(k, convex_react, "useConvexAuth");
}

static bool is_query(const struct lint_react_call *k)
{
	return lint_react_call_is(k, query_modules, "useQuery") ||
	       lint_react_call_is(k, query_modules, "usePaginatedQuery") ||
	       lint_react_call_is(k, query_modules, "useQueries");
}

static bool is_effect(const struct lint_react_call *k)
{
	return lint_react_call_is(k, react_modules, "useEffect") ||
	       lint_react_call_is(k, react_modules, "useLayoutEffect");
}

static bool is_str(const char *s, const char *a, const char *b, const char *c)
{
	return s && ((a && !strcmp(s, a)) || (b && !strcmp(s, b)) || (c && !strcmp(s, c)));
}

/* --- what a condition reads --- */

struct cond {
	const struct lint_react_comp *c;
	bool known;			/* every read was resolved */
	bool convex;			/* useConvexAuth().isAuthenticated or .isLoading */
	bool workos;			/* useAuth().user, .isLoading (authkit-react), .loading (nextjs) */
	TSNode ref;			/* the first WorkOS read */
	struct lint_react_src src;
};

static bool cond_src(const struct lint_react_src *s, TSNode ref, void *ud)
{
	struct cond *ci = ud;
	const struct lint_react_call *k = &ci->c->calls[s->call];

	if (is_convex_auth(k) && is_str(s->prop, "isAuthenticated", "isLoading", NULL)) {
		ci->convex = true;
	} else if (!ci->workos && is_workos_auth(k) &&
		   is_str(s->prop, "user", "isLoading", "loading")) {
		ci->workos = true;
		ci->ref = ref;
		ci->src = *s;
	}
	return true;
}

static void classify(const struct lint_react *r, const struct lint_react_comp *c, TSNode expr,
		     struct cond *ci)
{
	memset(ci, 0, sizeof(*ci));
	ci->c = c;
	ci->known = ts_node_is_null(expr) || lint_react_expr_srcs(r, c, expr, cond_src, ci);
}

/* --- the conditions around a node --- */

struct gate {
	TSNode cond, node;
	enum lint_react_gate kind;
};

struct gates {
	struct gate g[MAX_GATES];
	size_t n;
	bool known;			/* every condition around the node was seen */
};

static bool add_gate(TSNode cond, TSNode node, enum lint_react_gate kind, void *ud)
{
	struct gates *gs = ud;

	if (gs->n == MAX_GATES) {
		gs->known = false;	/* an unseen one could be the Convex check */
		return false;
	}
	gs->g[gs->n].cond = cond;
	gs->g[gs->n].node = node;
	gs->g[gs->n].kind = kind;
	gs->n++;
	return true;
}

/* Gates of node in c (below root when root is not null); for a query call, its "skip"
 * ternaries too. */
static void gates_of(const struct lint_react *r, const struct lint_react_comp *c, TSNode root,
		     TSNode node, const struct lint_react_call *query, struct gates *gs)
{
	bool known = true;

	gs->n = 0;
	gs->known = true;
	if (query)
		known = lint_react_skip_gates(r, c, query, add_gate, gs);
	if (ts_node_is_null(root))
		known &= lint_react_comp_gates(r, c, node, add_gate, gs);
	else
		known &= lint_react_gates(r, root, node, add_gate, gs);
	gs->known &= known;
}

/* True when a Convex auth check decides too, or when too little is known to judge. */
static bool convex_guarded(const struct lint_react *r, const struct lint_react_comp *c,
			   const struct gates *gs)
{
	struct cond ci;
	size_t i;

	if (!gs->known)
		return true;
	for (i = 0; i < gs->n; i++) {
		classify(r, c, gs->g[i].cond, &ci);
		if (ci.convex || !ci.known)
			return true;
	}
	return false;
}

/* --- per-file state --- */

struct state {
	struct lint_ctx *ctx;
	struct lint_file *f;
	const struct lint_react *r;
	int *queries;			/* index+1 of a call of the comp that runs a query unguarded */
	bool *authed;			/* only ever runs once Convex is authenticated */
	uint32_t *done;			/* start/end pairs of gates already reported */
	size_t ndone, alloc_done;
};

static bool first_report(struct state *st, TSNode gate)
{
	uint32_t b = ts_node_start_byte(gate), e = ts_node_end_byte(gate);
	size_t i;

	for (i = 0; i < st->ndone; i++)
		if (st->done[2 * i] == b && st->done[2 * i + 1] == e)
			return false;
	if (st->ndone == st->alloc_done) {
		size_t n = st->alloc_done ? st->alloc_done * 2 : 16;
		uint32_t *d = ARENA_ARRAY(st->f->arena, uint32_t, 2 * n);

		if (st->ndone)
			memcpy(d, st->done, 2 * st->ndone * sizeof(*d));
		st->done = d;
		st->alloc_done = n;
	}
	st->done[2 * st->ndone] = b;
	st->done[2 * st->ndone + 1] = e;
	st->ndone++;
	return true;
}

/* A worklist of component indices; each is pushed at most once. */
struct worklist {
	size_t *v;
	size_t n;
};

/*
 * queries[i]: component or hook i runs a Convex query that no Convex auth check of its own
 * guards, directly or through a custom hook of this file. Followed from callee to caller
 * with a worklist, so a long chain of hooks costs one pass.
 */
static void find_queries(struct state *st)
{
	const struct lint_react *r = st->r;
	struct arena *a = st->f->arena;
	size_t *start = ARENA_ARRAY(a, size_t, r->ncomps + 1);
	size_t *pos = ARENA_ARRAY(a, size_t, r->ncomps + 1);
	struct worklist wl = { ARENA_ARRAY(a, size_t, r->ncomps + 1), 0 };
	size_t i, j, nedges = 0, *callers;
	uint32_t *callsite;
	struct gates gs;

	for (i = 0; i < r->ncomps; i++) {
		const struct lint_react_comp *c = &r->comps[i];

		for (j = 0; j < c->ncalls; j++) {
			int h = c->calls[j].local_hook;

			if (h >= 0 && (size_t)h != i) {
				start[h + 1]++;
				nedges++;
			}
			if (st->queries[i] || !is_query(&c->calls[j]))
				continue;
			gates_of(r, c, NO_ROOT, c->calls[j].node, &c->calls[j], &gs);
			if (!convex_guarded(r, c, &gs)) {
				st->queries[i] = (int)j + 1;
				wl.v[wl.n++] = i;
			}
		}
	}
	/* the callers of hook h are callers[start[h] .. start[h + 1]) */
	for (i = 0; i < r->ncomps; i++) {
		start[i + 1] += start[i];
		pos[i] = start[i];
	}
	callers = ARENA_ARRAY(a, size_t, nedges + 1);
	callsite = ARENA_ARRAY(a, uint32_t, nedges + 1);
	for (i = 0; i < r->ncomps; i++) {
		const struct lint_react_comp *c = &r->comps[i];

		for (j = 0; j < c->ncalls; j++) {
			int h = c->calls[j].local_hook;

			if (h < 0 || (size_t)h == i)
				continue;
			callers[pos[h]] = i;
			callsite[pos[h]++] = (uint32_t)j;
		}
	}
	while (wl.n) {
		size_t h = wl.v[--wl.n], e;

		for (e = start[h]; e < start[h + 1]; e++)
			if (!st->queries[callers[e]]) {
				st->queries[callers[e]] = (int)callsite[e] + 1;
				wl.v[wl.n++] = callers[e];
			}
	}
}

/* Where a component is rendered, or a hook called, in this file. */
struct site {
	size_t target, in;
	bool ok;			/* under <Authenticated> or a Convex auth check there */
};

static struct site *new_site(struct state *st, struct site **sites, size_t *n, size_t *alloc)
{
	if (*n == *alloc) {
		size_t m = *alloc ? *alloc * 2 : 16;
		struct site *s = ARENA_ARRAY(st->f->arena, struct site, m);

		if (*n)
			memcpy(s, *sites, *n * sizeof(*s));
		*sites = s;
		*alloc = m;
	}
	return &(*sites)[(*n)++];
}

/*
 * authed[i]: every place this file renders component i (or calls hook i) is under
 * <Authenticated>, behind a Convex auth check, or inside a component that is authed; and
 * there is at least one. Such code only runs once Convex has the token. Sites are made in
 * the order of the component that holds them, so each component's sites are one slice; a
 * count of not-yet-good sites per target drives a worklist.
 */
static void find_authed(struct state *st)
{
	const struct lint_react *r = st->r;
	struct arena *a = st->f->arena;
	size_t *from = ARENA_ARRAY(a, size_t, r->ncomps + 1);
	size_t *nsites_of = ARENA_ARRAY(a, size_t, r->ncomps + 1);
	size_t *pending = ARENA_ARRAY(a, size_t, r->ncomps + 1);
	struct worklist wl = { ARENA_ARRAY(a, size_t, r->ncomps + 1), 0 };
	struct site *sites = NULL, *s;
	size_t nsites = 0, alloc = 0, i, j;
	struct gates gs;

	for (i = 0; i < r->ncomps; i++) {
		const struct lint_react_comp *c = &r->comps[i];

		from[i] = nsites;
		for (j = 0; j < c->nelems; j++) {
			const struct lint_react_elem *e = &c->elems[j];

			if (e->comp < 0 || (size_t)e->comp == i)
				continue;
			s = new_site(st, &sites, &nsites, &alloc);
			s->target = (size_t)e->comp;
			s->in = i;
			s->ok = lint_react_elem_within(c, (int)j, convex_react, "Authenticated") >= 0;
			if (!s->ok) {
				gates_of(r, c, NO_ROOT, e->node, NULL, &gs);
				s->ok = convex_guarded(r, c, &gs);
			}
		}
		for (j = 0; j < c->ncalls; j++) {
			int h = c->calls[j].local_hook;

			if (h < 0 || (size_t)h == i)
				continue;
			s = new_site(st, &sites, &nsites, &alloc);
			s->target = (size_t)h;
			s->in = i;
			gates_of(r, c, NO_ROOT, c->calls[j].node, NULL, &gs);
			s->ok = convex_guarded(r, c, &gs);
		}
	}
	from[r->ncomps] = nsites;
	for (j = 0; j < nsites; j++) {
		nsites_of[sites[j].target]++;
		pending[sites[j].target] += !sites[j].ok;
	}
	for (i = 0; i < r->ncomps; i++)
		if (nsites_of[i] && !pending[i]) {
			st->authed[i] = true;
			wl.v[wl.n++] = i;
		}
	while (wl.n) {
		size_t p = wl.v[--wl.n];

		/* every not-yet-good site inside p is good now */
		for (j = from[p]; j < from[p + 1]; j++) {
			size_t t = sites[j].target;

			if (sites[j].ok)
				continue;
			sites[j].ok = true;
			if (!--pending[t] && !st->authed[t]) {
				st->authed[t] = true;
				wl.v[wl.n++] = t;
			}
		}
	}
}

/* --- messages --- */

/* Short, one-line source text of n, or NULL. */
static const char *snippet(struct state *st, TSNode n)
{
	char *s;

	if (ts_node_is_null(n) || ts_node_end_byte(n) - ts_node_start_byte(n) > SNIPPET_MAX)
		return NULL;
	s = ts_text(st->ctx->arena, &st->f->src, n);
	return strpbrk(s, "\r\n") ? NULL : s;
}

/* "WorkOS useAuth().user", or "`signedIn` (derived from WorkOS useAuth().user)". */
static const char *what(struct state *st, const struct lint_react_comp *c, const struct cond *ci)
{
	const char *hook = c->calls[ci->src.call].callee, *prop = ci->src.prop;

	if (ts_is(ci->ref, "identifier") || ts_is(ci->ref, "shorthand_property_identifier")) {
		const struct lint_react_var *v = lint_react_var_at(st->r, c, ci->ref);

		if (v && v->derived)
			return arena_printf(st->ctx->arena, "`%s` (derived from WorkOS %s().%s)", v->name,
					    hook, prop);
		if (v && strcmp(v->name, prop))
			return arena_printf(st->ctx->arena, "`%s` (WorkOS %s().%s)", v->name, hook, prop);
	}
	return arena_printf(st->ctx->arena, "WorkOS %s().%s", hook, prop);
}

/* The query call rewritten to skip on Convex's isAuthenticated. */
static const char *fixed_call(struct state *st, const struct lint_react_comp *c,
			      const struct lint_react_call *k, const struct gate *g)
{
	TSNode fn = ts_call_arg(k->node, 0), arg = ts_call_arg(k->node, 1), opts = ts_call_arg(k->node, 2);
	const char *fs = snippet(st, fn), *as, *os = NULL;
	struct cond ci;

	if (!strcmp(k->name, "useQueries")) {
		as = snippet(st, fn);
		return arena_printf(st->ctx->arena, "%s(isAuthenticated ? %s : {})", k->callee,
				    as ? as : "queries");
	}
	if (g && g->kind == GATE_SKIP) {
		TSNode cons = ts_field(g->node, "consequence"), alt = ts_field(g->node, "alternative");
		TSNode u = ts_unwrap(cons);

		arg = ts_text_eq(&st->f->src, u, "\"skip\"") || ts_text_eq(&st->f->src, u, "'skip'")
			? alt : cons;
	}
	as = ts_node_is_null(arg) ? "{}" : snippet(st, ts_unwrap(arg));
	if (as && !ts_node_is_null(arg)) {
		/* `user.id` in the args would not type-check once the gate is isAuthenticated */
		classify(st->r, c, arg, &ci);
		if (ci.workos)
			as = NULL;
	}
	if (!ts_node_is_null(opts))
		os = snippet(st, opts);
	return arena_printf(st->ctx->arena, "%s(%s, isAuthenticated ? %s : \"skip\"%s%s)", k->callee,
			    fs ? fs : "api.x.y", as ? as : "args", ts_node_is_null(opts) ? "" : ", ",
			    ts_node_is_null(opts) ? "" : (os ? os : "options"));
}

static void report_query(struct state *st, const struct lint_react_comp *c,
			 const struct lint_react_call *k, const struct gate *g, const struct cond *ci)
{
	const char *w = what(st, c, ci);
	TSNode at = g->kind == GATE_SKIP ? g->node : ci->ref;
	struct lint_diag *d;

	if (!first_report(st, g->node))
		return;
	if (g->kind == GATE_SKIP)
		d = lint_report(st->ctx, &st->f->src, ts_node_start_byte(at), ts_node_end_byte(at),
				"%s skipped on %s instead of Convex's auth state: %s", k->name, w, tail);
	else if (g->kind == GATE_EARLY_EXIT)
		d = lint_report(st->ctx, &st->f->src, ts_node_start_byte(at), ts_node_end_byte(at),
				"early return on %s before %s instead of Convex's auth state: %s", w,
				k->name, tail);
	else
		d = lint_report(st->ctx, &st->f->src, ts_node_start_byte(at), ts_node_end_byte(at),
				"%s called only when %s allows it instead of Convex's auth state: %s",
				k->name, w, tail);
	lint_help(d, "gate on Convex: `const { isAuthenticated } = useConvexAuth();` then `%s`, "
		  "or render this component under <Authenticated> from convex/react",
		  fixed_call(st, c, k, g));
}

static void report_render(struct state *st, const struct lint_react_comp *c,
			  const struct lint_react_elem *e, const struct gate *g, const struct cond *ci)
{
	const struct lint_react_comp *child = &st->r->comps[e->comp];
	const struct lint_react_call *q = &child->calls[st->queries[e->comp] - 1];
	TSNode at = g->kind == GATE_AND ? g->node : ci->ref;
	struct lint_diag *d;

	if (!first_report(st, g->node))
		return;
	d = lint_report(st->ctx, &st->f->src, ts_node_start_byte(at), ts_node_end_byte(at),
			"<%s> runs a Convex query (%s) but is rendered on %s instead of Convex's auth "
			"state: %s", e->tag, q->local_hook >= 0 ? q->callee : q->name, what(st, c, ci),
			tail);
	lint_help(d, "render it under Convex's auth state: `<Authenticated><%s /></Authenticated>` "
		  "(Authenticated from convex/react), or gate on `const { isAuthenticated } = "
		  "useConvexAuth();`", e->tag);
}

/* --- the shapes --- */

static void check_queries(struct state *st, const struct lint_react_comp *c)
{
	struct gates gs;
	struct cond ci;
	size_t j, i;

	for (j = 0; j < c->ncalls; j++) {
		const struct lint_react_call *k = &c->calls[j];

		if (!is_query(k))
			continue;
		gates_of(st->r, c, NO_ROOT, k->node, k, &gs);
		if (convex_guarded(st->r, c, &gs))
			continue;
		for (i = 0; i < gs.n; i++) {
			classify(st->r, c, gs.g[i].cond, &ci);
			if (ci.workos)
				report_query(st, c, k, &gs.g[i], &ci);
		}
	}
}

static void check_renders(struct state *st, const struct lint_react_comp *c, size_t self)
{
	struct gates gs;
	struct cond ci;
	size_t j, i;

	for (j = 0; j < c->nelems; j++) {
		const struct lint_react_elem *e = &c->elems[j];

		if (e->comp < 0 || (size_t)e->comp == self || !st->queries[e->comp])
			continue;
		if (lint_react_elem_within(c, (int)j, convex_react, "Authenticated") >= 0)
			continue;
		gates_of(st->r, c, NO_ROOT, e->node, NULL, &gs);
		if (convex_guarded(st->r, c, &gs))
			continue;
		for (i = 0; i < gs.n; i++) {
			classify(st->r, c, gs.g[i].cond, &ci);
			if (ci.workos)
				report_render(st, c, e, &gs.g[i], &ci);
		}
	}
}

struct effect {
	struct state *st;
	const struct lint_react_comp *c;
	TSNode callback;
};

/* The Convex mutation or action a call inside an effect runs, or NULL. */
static const char *convex_write(struct effect *ef, TSNode call, const char **kind)
{
	TSNode callee = ts_unwrap(ts_field(call, "function")), base = callee;
	const struct lint_react_var *v;
	bool member = ts_is(callee, "member_expression");
	size_t i;

	if (member) {
		/* convex.mutation(api.x.y) on `const convex = useConvex()` */
		TSNode prop = ts_field(callee, "property");

		if (!ts_text_eq(&ef->st->f->src, prop, "mutation") &&
		    !ts_text_eq(&ef->st->f->src, prop, "action"))
			return NULL;
		base = ts_unwrap(ts_field(callee, "object"));
	}
	if (!ts_is(base, "identifier"))
		return NULL;
	v = lint_react_var_at(ef->st->r, ef->c, base);
	for (i = 0; v && i < v->nsrcs; i++) {
		const struct lint_react_call *k = &ef->c->calls[v->srcs[i].call];

		if (v->srcs[i].prop)
			continue;
		if (!member && lint_react_call_is(k, convex_react, "useMutation"))
			*kind = "mutation";
		else if (!member && lint_react_call_is(k, convex_react, "useAction"))
			*kind = "action";
		else if (member && lint_react_call_is(k, convex_react, "useConvex"))
			*kind = ts_text_eq(&ef->st->f->src, ts_field(callee, "property"), "mutation")
				? "mutation" : "action";
		else
			continue;
		return ts_text(ef->st->ctx->arena, &ef->st->f->src, callee);
	}
	return NULL;
}

static bool effect_visit(TSNode n, void *ud)
{
	struct effect *ef = ud;
	struct state *st = ef->st;
	const char *name, *kind = NULL;
	struct gates gs;
	struct cond ci;
	size_t i;

	if (!ts_is(n, "call_expression"))
		return true;
	name = convex_write(ef, n, &kind);
	if (!name)
		return true;
	gates_of(st->r, ef->c, ef->callback, n, NULL, &gs);
	if (convex_guarded(st->r, ef->c, &gs))
		return true;
	for (i = 0; i < gs.n; i++) {
		struct lint_diag *d;

		classify(st->r, ef->c, gs.g[i].cond, &ci);
		if (!ci.workos || !first_report(st, gs.g[i].node))
			continue;
		d = lint_report(st->ctx, &st->f->src, ts_node_start_byte(ci.ref), ts_node_end_byte(ci.ref),
				"effect calls the Convex %s %s once %s %s: it races Convex's own "
				"authentication, so it can run before Convex has the token and "
				"ctx.auth.getUserIdentity() returns null", kind, name, what(st, ef->c, &ci),
				strcmp(ci.src.prop, "user") ? "allows it" : "is set");
		lint_help(d, "call `const { isAuthenticated } = useConvexAuth();` in the component, start "
			  "the effect with `if (!isAuthenticated) return;` and add isAuthenticated to its "
			  "dependencies");
	}
	return true;
}

static void check_effects(struct state *st, const struct lint_react_comp *c)
{
	size_t j;

	for (j = 0; j < c->ncalls; j++) {
		struct effect ef = { st, c, { { 0 } } };
		TSNode cb;

		if (!is_effect(&c->calls[j]))
			continue;
		cb = ts_unwrap(ts_node_named_child(ts_field(c->calls[j].node, "arguments"), 0));
		if (!ts_is(cb, "arrow_function") && !ts_is(cb, "function_expression"))
			continue;
		ef.callback = cb;
		ts_walk(ts_field(cb, "body"), effect_visit, &ef);
	}
}

static bool uses_workos_auth(const struct lint_react_comp *c)
{
	size_t j;

	for (j = 0; j < c->ncalls; j++)
		if (is_workos_auth(&c->calls[j]))
			return true;
	return false;
}

static void check(struct lint_ctx *ctx, struct lint_file *f)
{
	const struct lint_react *r;
	struct state st = { 0 };
	size_t i;
	bool any = false;

	if (!memmem(f->src.buf, f->src.len, "@workos-inc/", 12))
		return;
	r = lint_react_get(f);
	if (!r || r->partial)
		return;
	for (i = 0; i < r->ncomps && !any; i++)
		any = uses_workos_auth(&r->comps[i]);
	if (!any)
		return;
	st.ctx = ctx;
	st.f = f;
	st.r = r;
	st.queries = ARENA_ARRAY(f->arena, int, r->ncomps);
	st.authed = ARENA_ARRAY(f->arena, bool, r->ncomps);
	find_queries(&st);
	find_authed(&st);
	for (i = 0; i < r->ncomps; i++) {
		const struct lint_react_comp *c = &r->comps[i];

		if (st.authed[i] || !uses_workos_auth(c))
			continue;
		check_queries(&st, c);
		check_renders(&st, c, i);
		check_effects(&st, c);
	}
}

const struct lint_rule rule_workos_hook_gates_query = {
	.id = "workos-hook-gates-query",
	.severity = SEV_ERROR,
	.family = "providers",
	.summary = "a Convex query gated on WorkOS useAuth() state instead of useConvexAuth()",
	.description =
		"AuthKit's useAuth() reports a user as soon as WorkOS has a session. Convex only\n"
		"becomes authenticated later, once ConvexProviderWithAuthKit (or ConvexProviderWithAuth)\n"
		"has fetched the access token and the backend has validated it. A Convex query started\n"
		"because WorkOS's `user` is set therefore runs unauthenticated: ctx.auth.getUserIdentity()\n"
		"returns null and a query that requires a user throws on page load.\n"
		"The rule fires when a component or custom hook decides whether useQuery,\n"
		"usePaginatedQuery or useQueries (convex/react, convex-helpers) runs from WorkOS\n"
		"useAuth() state (user, isLoading, loading, or a local derived from them): a\n"
		"`cond ? args : \"skip\"` argument, an early return before the hook, a conditional call,\n"
		"or `user && <Child />` where Child, defined in the same file, queries. It also fires on\n"
		"an effect that calls a Convex mutation or action once `user` is set (the store-user\n"
		"effect), which races Convex's own authentication.\n"
		"It stays silent when the same gate (or another one around the call) checks\n"
		"useConvexAuth().isAuthenticated or .isLoading, and when the component is only ever\n"
		"rendered under <Authenticated> in the same file. Hooks are recognised by import:\n"
		"useAuth from @workos-inc/authkit-react or @workos-inc/authkit-nextjs(/components),\n"
		"under any alias or namespace; a useAuth from another module is not WorkOS's.",
	.example =
		"// wrong\n"
		"const { user } = useAuth(); // @workos-inc/authkit-react\n"
		"const tasks = useQuery(api.tasks.list, user ? {} : \"skip\");\n"
		"// right\n"
		"const { isAuthenticated } = useConvexAuth(); // convex/react\n"
		"const tasks = useQuery(api.tasks.list, isAuthenticated ? {} : \"skip\");\n"
		"\n"
		"// wrong\n"
		"{user && <TaskList />}\n"
		"// right\n"
		"<Authenticated><TaskList /></Authenticated>\n"
		"\n"
		"// wrong\n"
		"useEffect(() => { if (user) storeUser(); }, [user]);\n"
		"// right\n"
		"const { isAuthenticated } = useConvexAuth();\n"
		"useEffect(() => { if (isAuthenticated) storeUser(); }, [isAuthenticated, storeUser]);",
	.fix =
		"Gate Convex work on Convex's auth state. In the component:\n"
		"  const { isAuthenticated } = useConvexAuth();   // from convex/react\n"
		"  const data = useQuery(api.x.y, isAuthenticated ? args : \"skip\");\n"
		"or render the querying component under <Authenticated> (and the signed-out UI under\n"
		"<Unauthenticated>), both from convex/react. Keep AuthKit's useAuth() for what only\n"
		"WorkOS knows: the user's profile, signIn() and signOut().",
	.sources =
		"Convex docs, AuthKit integration (\"important to use the useConvexAuth() hook instead\n"
		"of AuthKit's useAuth()\"; \"Make sure that the component calling this query is a child of\n"
		"<Authenticated>... Otherwise, it will throw on page load\"); Convex docs, Debugging\n"
		"authentication; get-convex/templates issue #245; convex-workos skill (\"Use WorkOS auth\n"
		"hooks to gate Convex queries\" under DON'T).",
	.triggers = triggers,
	.also = also,
	.local = true,
	.slice = true,
	.slice_imports = slice_imports,
	.check_file = check,
};
