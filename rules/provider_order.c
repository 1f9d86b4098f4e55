/*
 * provider_order.c - a Convex auth provider fed by AuthKit hooks that is not inside
 * AuthKitProvider.
 *
 * ConvexProviderWithAuthKit (and ConvexProviderWithAuth given an AuthKit-based hook) calls
 * AuthKit's useAuth() while it renders; outside AuthKitProvider that throws "useAuth must be
 * used within an AuthKitProvider" and the whole tree fails to mount. Only cases where the
 * missing wrapper is certain are reported: the same component renders AuthKitProvider in the
 * wrong place, the provider is the root of a createRoot().render() call or of the Next.js root
 * layout, or nothing in the app renders AuthKitProvider at all. A provider split across files
 * (AuthKitProvider in a layout, the Convex provider in a component it renders) is fine.
 */
#include <string.h>

#include "rule.h"
#include "react.h"
#include "providers.h"

#define MAX_RENDERS	16	/* module-scope render calls followed per file */
#define MAX_LEVELS	4	/* components followed down from a root to the provider */

/*
 * The provider itself; the roots it may be rendered from (main.tsx, the root layout); and
 * AuthKitProvider, so that every file that renders one is parsed (a file of the app that is
 * not parsed therefore renders none: see may_wrap()).
 */
static const char *const triggers[] = {
	"ConvexProviderWith", "createRoot(", "hydrateRoot(", "AuthKitProvider", NULL,
};
/* app_has_authkit() looks for it in every source file */
static const char *const mentions[] = { "AuthKitProvider", NULL };
/* every finding is about a ConvexProviderWithAuth(Kit) element: without one, nothing fires */
static const char *const app_words[] = { "ConvexProviderWith", NULL };

enum why {
	WHY_NONE = 0,
	WHY_SWAPPED,		/* AuthKitProvider is inside the Convex provider */
	WHY_SIBLING,		/* AuthKitProvider is rendered next to it, not around it */
	WHY_ROOT,		/* it is the root of createRoot().render() */
	WHY_ROOT_LAYOUT,	/* it is in the Next.js root layout, outside any AuthKitProvider */
	WHY_NOWHERE,		/* no file of the app mentions AuthKitProvider */
};

struct range {
	uint32_t start, end;
};

/* An AuthKit-fed Convex provider that a component renders outside any AuthKitProvider. */
struct need {
	struct lint_file *file;
	const struct lint_react_elem *e;	/* the provider element */
	enum pv_feed feed;
	struct pv_hook hook;
};

/* needs_above() answers, per component (any file of the app). */
struct memo {
	const struct lint_react_comp *comp;
	const struct need *need;		/* NULL: none */
};

/* renders_authkit() answers, per component. */
struct wmemo {
	const struct lint_react_comp *comp;
	bool yes;
};

struct state {
	struct lint_ctx *ctx;
	struct lint_file *f;
	const struct lint_react *r;
	struct wmemo *wmemo;
	size_t nwmemo, alloc_wmemo;
	struct range renders[MAX_RENDERS];	/* arguments of module-scope render calls */
	size_t nrenders;
	int app_has_authkit;			/* -1 not computed yet */
	bool *wrapped;				/* per component: see find_wrapped() */
	struct memo *memo;
	size_t nmemo, alloc_memo;
};

static bool is_authkit_provider(const struct lint_react_elem *e)
{
	return lint_react_elem_is(e, pv_authkit, "AuthKitProvider");
}

/* Is element `inner` of c somewhere inside element `outer`? (Elements nest by byte range.) */
static bool nested_in(const struct lint_react_comp *c, int inner, int outer)
{
	TSNode i = c->elems[inner].node, o = c->elems[outer].node;

	return inner != outer && ts_node_start_byte(o) <= ts_node_start_byte(i) &&
	       ts_node_end_byte(i) <= ts_node_end_byte(o);
}

/* `x.render(...)`, or hydrateRoot/render/hydrate imported from react-dom. */
static bool is_render_call(struct lint_file *f, TSNode call)
{
	TSNode callee = ts_unwrap(ts_field(call, "function"));
	const char *module, *imported;

	if (ts_is(callee, "member_expression"))
		return ts_text_eq(&f->src, ts_field(callee, "property"), "render");
	if (!lint_react_resolve(f, callee, &module, &imported) || strncmp(module, "react-dom", 9))
		return false;
	return !strcmp(imported, "render") || !strcmp(imported, "hydrate") ||
	       !strcmp(imported, "hydrateRoot");
}

static void find_renders(struct state *st)
{
	TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(st->f->tree));
	bool ok;

	for (ok = ts_tree_cursor_goto_first_child(&cur); ok && st->nrenders < MAX_RENDERS;
	     ok = ts_tree_cursor_goto_next_sibling(&cur)) {
		TSNode s = ts_tree_cursor_current_node(&cur), x;

		if (!ts_is(s, "expression_statement"))
			continue;
		x = ts_unwrap(ts_node_named_child(s, 0));
		if (ts_is(x, "await_expression"))
			x = ts_unwrap(ts_node_named_child(x, 0));
		if (!ts_is(x, "call_expression") || !is_render_call(st->f, x))
			continue;
		x = ts_field(x, "arguments");
		st->renders[st->nrenders].start = ts_node_start_byte(x);
		st->renders[st->nrenders].end = ts_node_end_byte(x);
		st->nrenders++;
	}
	ts_tree_cursor_delete(&cur);
}

/* Is element idx of r->top part of a tree handed straight to a render call? */
static bool root_rendered(const struct state *st, int idx)
{
	const struct lint_react_comp *top = st->r->top;
	uint32_t at;
	size_t i;

	while (top->elems[idx].parent >= 0)
		idx = top->elems[idx].parent;
	at = ts_node_start_byte(top->elems[idx].node);
	for (i = 0; i < st->nrenders; i++)
		if (st->renders[i].start <= at && at < st->renders[i].end)
			return true;
	return false;
}

static bool root_layout(const struct lint_file *f, const struct lint_react_comp *c)
{
	return f->app && f->app->fw == FW_NEXT && (f->roles & ROLE_LAYOUT) &&
	       (starts_with(f->relpath, "app/layout.") || starts_with(f->relpath, "src/app/layout.")) &&
	       lint_react_export_default(c->decl);
}

/*
 * wrapped[i]: component i is rendered somewhere in this file under AuthKitProvider, directly
 * or inside a component of the file that is. Then its provider is wrapped, whatever else
 * holds. One worklist pass from the direct sites outwards.
 */
static void find_wrapped(struct state *st)
{
	const struct lint_react *r = st->r;
	size_t *wl = ARENA_ARRAY(st->f->arena, size_t, r->ncomps + 1), n = 0, i, j;

	st->wrapped = ARENA_ARRAY(st->f->arena, bool, r->ncomps + 1);
	for (i = 0; i <= r->ncomps; i++) {
		const struct lint_react_comp *c = i < r->ncomps ? &r->comps[i] : r->top;

		for (j = 0; j < c->nelems; j++) {
			int k = c->elems[j].comp;

			if (k < 0 || (size_t)k == i || st->wrapped[k] ||
			    lint_react_elem_within(c, (int)j, pv_authkit, "AuthKitProvider") < 0)
				continue;
			st->wrapped[k] = true;
			wl[n++] = (size_t)k;
		}
	}
	while (n) {
		const struct lint_react_comp *c = &r->comps[wl[--n]];

		for (j = 0; j < c->nelems; j++) {
			int k = c->elems[j].comp;

			if (k >= 0 && !st->wrapped[k]) {
				st->wrapped[k] = true;
				wl[n++] = (size_t)k;
			}
		}
	}
}

static bool app_has_authkit(struct state *st)
{
	if (st->app_has_authkit < 0)
		st->app_has_authkit = lint_app_mentions(st->f->app, "AuthKitProvider");
	return st->app_has_authkit;
}

/* The AuthKitProvider elements of c, once per component (akp[-1] is the count). */
static const int *akp_of(struct state *st, const struct lint_react_comp *c)
{
	int *v = ARENA_ARRAY(st->ctx->arena, int, c->nelems + 1) + 1;
	size_t k;

	for (k = 0; k < c->nelems; k++)
		if (is_authkit_provider(&c->elems[k]))
			v[v[-1]++] = (int)k;
	return v;
}

static enum why why_outside(struct state *st, size_t ci, const struct lint_react_comp *c, int idx,
			    const int *akp)
{
	enum why why = WHY_NONE;
	int k;

	for (k = 0; k < akp[-1] && why != WHY_SWAPPED; k++)
		why = nested_in(c, akp[k], idx) ? WHY_SWAPPED : WHY_SIBLING;
	if (why != WHY_NONE)
		return why;
	if (c->kind == REACT_MODULE)
		why = root_rendered(st, idx) ? WHY_ROOT : WHY_NONE;
	else if (st->wrapped[ci])
		return WHY_NONE;
	else if (root_layout(st->f, c))
		why = WHY_ROOT_LAYOUT;
	if (why == WHY_NONE && !app_has_authkit(st))
		why = WHY_NOWHERE;
	return why;
}

static bool is_local(const char *m)
{
	return m && (m[0] == '.' || ((m[0] == '@' || m[0] == '~') && m[1] == '/'));
}

static bool renders_authkit(struct state *st, struct lint_file *f, const struct lint_react *r,
			    const struct lint_react_comp *c, int level);

/*
 * May element e (of f) put what it is given inside an AuthKitProvider? Plain DOM elements,
 * fragments and other packages' components do not; a component of the app may, when it (or
 * one it renders) renders AuthKitProvider; a name that cannot be followed may.
 */
static bool elem_may_wrap(struct state *st, struct lint_file *f, const struct lint_react *r,
			  const struct lint_react_elem *e, int level)
{
	const struct lint_react_comp *k;
	struct lint_react *rf = NULL;
	struct lint_file *other;

	if (ts_node_is_null(e->name) || is_authkit_provider(e))
		return false;	/* a fragment; AuthKitProvider is handled by its callers */
	if (e->comp >= 0)
		return renders_authkit(st, f, r, &r->comps[e->comp], level + 1);
	if (!e->module)
		return !(e->tag[0] >= 'a' && e->tag[0] <= 'z' && !strchr(e->tag, '.'));
	if (!is_local(e->module))
		return false;	/* another package's component */
	k = lint_react_imported_comp(f, e->name, &rf);
	if (k)
		return renders_authkit(st, rf->file, rf, k, level + 1);
	/* a file the triggers did not parse holds no AuthKitProvider of its own */
	other = lint_react_import_file(f, e->module);
	return !other || other->parsed || other->leaf;
}

/* Does component c render AuthKitProvider, itself or through components it renders? */
static bool renders_authkit(struct state *st, struct lint_file *f, const struct lint_react *r,
			    const struct lint_react_comp *c, int level)
{
	bool yes = false;
	size_t i, j;

	if (level > MAX_LEVELS)
		return true;	/* too deep to know: it may */
	for (i = 0; i < st->nwmemo; i++)
		if (st->wmemo[i].comp == c)
			return st->wmemo[i].yes;
	if (st->nwmemo == st->alloc_wmemo) {
		size_t n = st->alloc_wmemo ? st->alloc_wmemo * 2 : 16;
		struct wmemo *m = ARENA_ARRAY(st->ctx->arena, struct wmemo, n);

		if (st->nwmemo)
			memcpy(m, st->wmemo, st->nwmemo * sizeof(*m));
		st->wmemo = m;
		st->alloc_wmemo = n;
	}
	/* while it is being answered, a cycle back to it says "may" */
	i = st->nwmemo++;
	st->wmemo[i].comp = c;
	st->wmemo[i].yes = true;
	for (j = 0; j < c->nelems && !yes; j++)
		yes = is_authkit_provider(&c->elems[j]) ||
		      elem_may_wrap(st, f, r, &c->elems[j], level);
	st->wmemo[i].yes = yes;
	return yes;
}

/*
 * May something around element idx of c (in f) be an AuthKitProvider after all: an
 * enclosing component of the app that wraps its children in one, or a parent that receives
 * the element as a prop and renders it who knows where?
 */
static bool ancestor_may_wrap(struct state *st, struct lint_file *f, const struct lint_react *r,
			      const struct lint_react_comp *c, int idx)
{
	int cur = idx;

	while (cur >= 0 && (size_t)cur < c->nelems) {
		int p = c->elems[cur].parent;

		if (p < 0)
			return false;
		if (c->elems[cur].in_props || elem_may_wrap(st, f, r, &c->elems[p], 0))
			return true;
		cur = p;
	}
	return false;
}

static bool fed_by_authkit(enum pv_feed feed, const struct pv_hook *hook)
{
	return feed == FEED_WORKOS_REACT || feed == FEED_WORKOS_NEXT ||
	       (feed == FEED_HOOK && hook->authkit);
}

static const struct need *needs_above(struct state *st, struct lint_file *f,
				      const struct lint_react *r, const struct lint_react_comp *c,
				      int level);

/* The component element e of c (in f) names: of the same file, or imported from the app. */
static const struct lint_react_comp *comp_of(struct lint_file *f, const struct lint_react *r,
					     const struct lint_react_elem *e, struct lint_react **rf)
{
	*rf = (struct lint_react *)r;
	if (e->comp >= 0)
		return &r->comps[e->comp];
	if (!e->module || ts_node_is_null(e->name) ||
	    !(e->module[0] == '.' || ((e->module[0] == '@' || e->module[0] == '~') && e->module[1] == '/')))
		return NULL;
	return lint_react_imported_comp(f, e->name, rf);
}

/* What element j of c (in f) needs above it: itself as a provider, or through its component. */
static const struct need *elem_needs(struct state *st, struct lint_file *f, const struct lint_react *r,
				     const struct lint_react_comp *c, size_t j, int level)
{
	const struct lint_react_elem *e = &c->elems[j];
	const struct lint_react_comp *k;
	struct lint_react *rf;
	struct need *nd;
	struct pv_hook hook;
	enum pv_feed feed;
	TSNode v;

	if (pv_provider_of(f, e) != PV_NONE) {
		feed = pv_feed_of(f, r, c, e, &v, &hook);
		if (!fed_by_authkit(feed, &hook))
			return NULL;
		nd = ARENA_NEW(st->ctx->arena, struct need);
		nd->file = f;
		nd->e = e;
		nd->feed = feed;
		nd->hook = hook;
		return nd;
	}
	k = comp_of(f, r, e, &rf);
	return k && k != c ? needs_above(st, rf->file, rf, k, level + 1) : NULL;
}

/*
 * The AuthKit-fed Convex provider that component c renders outside any AuthKitProvider of
 * its own, directly or through components it renders (followed MAX_LEVELS deep), or NULL.
 */
static const struct need *needs_above(struct state *st, struct lint_file *f,
				      const struct lint_react *r, const struct lint_react_comp *c,
				      int level)
{
	const struct need *found = NULL;
	size_t i, j;

	if (level > MAX_LEVELS || !c || c->kind == REACT_MODULE)
		return NULL;
	/* one that renders AuthKitProvider itself answers for its own order (WHY_SWAPPED...) */
	for (j = 0; j < c->nelems; j++)
		if (is_authkit_provider(&c->elems[j]))
			return NULL;
	for (i = 0; i < st->nmemo; i++)
		if (st->memo[i].comp == c)
			return st->memo[i].need;
	/* reserve the entry first: a cycle of components then ends here */
	if (st->nmemo == st->alloc_memo) {
		size_t n = st->alloc_memo ? st->alloc_memo * 2 : 16;
		struct memo *m = ARENA_ARRAY(st->ctx->arena, struct memo, n);

		if (st->nmemo)
			memcpy(m, st->memo, st->nmemo * sizeof(*m));
		st->memo = m;
		st->alloc_memo = n;
	}
	i = st->nmemo++;
	st->memo[i].comp = c;
	st->memo[i].need = NULL;
	for (j = 0; j < c->nelems && !found; j++)
		if (lint_react_elem_within(c, (int)j, pv_authkit, "AuthKitProvider") < 0 &&
		    !ancestor_may_wrap(st, f, r, c, (int)j))
			found = elem_needs(st, f, r, c, j, level);
	st->memo[i].need = found;
	return found;
}

static void report_site(struct state *st, const struct lint_react_elem *site, const struct need *nd,
			bool swapped, bool layout)
{
	struct lint_diag *d;
	const char *hook = nd->feed == FEED_HOOK && *nd->hook.name
		? arena_printf(st->ctx->arena, " (its useAuth hook %s calls AuthKit hooks)", nd->hook.name)
		: "";

	d = lint_report(st->ctx, &st->f->src, ts_node_start_byte(site->name), ts_node_end_byte(site->name),
			"<%s> %s, but it renders <%s>%s in %s outside any AuthKitProvider of its own: "
			"AuthKit's hooks throw \"useAuth must be used within an AuthKitProvider\" and the "
			"app fails to mount", site->tag,
			swapped ? "wraps the <AuthKitProvider> instead of sitting inside it"
				: layout ? "is in the root layout with no <AuthKitProvider> around it"
					 : "is rendered at the root with no <AuthKitProvider> around it",
			nd->e->tag, hook, nd->file->relpath);
	lint_help(d, "render it inside: `<AuthKitProvider ...><%s>...</%s></AuthKitProvider>`",
		  site->tag, site->tag);
}

/*
 * Roots: the trees handed to createRoot().render() and the Next.js root layout. Nothing can
 * wrap them, so a component rendered there that needs AuthKitProvider above must have one
 * around it right there.
 */
static void check_root_sites(struct state *st, const struct lint_react_comp *c, bool layout)
{
	/* below[j]: an ancestor of element j was reported (parents come before children) */
	bool *below = ARENA_ARRAY(st->ctx->arena, bool, c->nelems + 1);
	size_t j, k;

	for (j = 0; j < c->nelems; j++) {
		const struct lint_react_elem *e = &c->elems[j];
		const struct lint_react_comp *comp;
		const struct need *nd;
		struct lint_react *rf;
		bool swapped = false;

		if (e->parent >= 0 && below[e->parent])
			below[j] = true;
		if (below[j] || (c->kind == REACT_MODULE && !root_rendered(st, (int)j)) ||
		    pv_provider_of(st->f, e) != PV_NONE ||
		    lint_react_elem_within(c, (int)j, pv_authkit, "AuthKitProvider") >= 0 ||
		    ancestor_may_wrap(st, st->f, st->r, c, (int)j))
			continue;
		comp = comp_of(st->f, st->r, e, &rf);
		if (!comp || !(nd = needs_above(st, rf->file, rf, comp, 1)))
			continue;
		/* the elements inside j follow it (pre-order) until its end */
		for (k = j + 1; k < c->nelems && !swapped &&
		     ts_node_start_byte(c->elems[k].node) < ts_node_end_byte(e->node); k++)
			swapped = is_authkit_provider(&c->elems[k]);
		below[j] = true;
		report_site(st, e, nd, swapped, layout);
	}
}

static void report(struct state *st, const struct lint_react_elem *e, enum pv_feed feed,
		   const struct pv_hook *hook, enum why why)
{
	const char *what, *where;
	struct lint_diag *d;

	if (feed == FEED_HOOK && *hook->name)
		what = arena_printf(st->ctx->arena, "its useAuth hook %s calls AuthKit hooks, which throw",
				    hook->name);
	else if (feed == FEED_HOOK)
		what = "its useAuth hook calls AuthKit hooks, which throw";
	else
		what = "it calls AuthKit's useAuth() as it renders, which throws";
	switch (why) {
	case WHY_SWAPPED:
		where = "wraps the <AuthKitProvider> instead of sitting inside it";
		break;
	case WHY_SIBLING:
		where = "is rendered next to <AuthKitProvider>, not inside it";
		break;
	case WHY_ROOT:
		where = "is rendered at the root with no <AuthKitProvider> around it";
		break;
	case WHY_ROOT_LAYOUT:
		where = "is in the root layout with no <AuthKitProvider> around it";
		break;
	default:
		where = "is never inside an <AuthKitProvider> (no file of this app renders one)";
		break;
	}
	d = lint_report(st->ctx, &st->f->src, ts_node_start_byte(e->name), ts_node_end_byte(e->name),
			"<%s> %s: %s \"useAuth must be used within an AuthKitProvider\" and the app "
			"fails to mount", e->tag, where, what);
	if (why == WHY_SWAPPED || why == WHY_SIBLING)
		lint_help(d, "nest it inside: `<AuthKitProvider ...><%s ...>{children}</%s></AuthKitProvider>`",
			  e->tag, e->tag);
	else
		lint_help(d, "wrap it: `<AuthKitProvider ...><%s ...>{children}</%s></AuthKitProvider>`, "
			  "with AuthKitProvider from %s", e->tag, e->tag,
			  st->f->app && st->f->app->fw == FW_NEXT ? "@workos-inc/authkit-nextjs/components"
								  : "@workos-inc/authkit-react");
}

static void check(struct lint_ctx *ctx, struct lint_file *f)
{
	bool provider = memmem(f->src.buf, f->src.len, "ConvexProviderWith", 18) != NULL;
	struct state st;
	size_t i, j;

	memset(&st, 0, sizeof(st));
	st.ctx = ctx;
	st.f = f;
	st.app_has_authkit = -1;
	if (!provider && !(f->roles & ROLE_LAYOUT) && !memmem(f->src.buf, f->src.len, "Root(", 5))
		return;
	st.r = lint_react_get(f);
	if (!st.r || st.r->partial)
		return;
	find_renders(&st);
	find_wrapped(&st);
	for (i = 0; provider && i <= st.r->ncomps; i++) {
		const struct lint_react_comp *c = i < st.r->ncomps ? &st.r->comps[i] : st.r->top;
		const int *akp = NULL;

		for (j = 0; j < c->nelems; j++) {
			const struct lint_react_elem *e = &c->elems[j];
			struct pv_hook hook;
			enum pv_feed feed;
			enum why why;
			TSNode v;

			if (pv_provider_of(f, e) == PV_NONE)
				continue;
			feed = pv_feed_of(f, st.r, c, e, &v, &hook);
			if (!fed_by_authkit(feed, &hook) ||
			    lint_react_elem_within(c, (int)j, pv_authkit, "AuthKitProvider") >= 0 ||
			    (app_has_authkit(&st) && ancestor_may_wrap(&st, f, st.r, c, (int)j)))
				continue;
			if (!akp)
				akp = akp_of(&st, c);
			why = why_outside(&st, i, c, (int)j, akp);
			if (why != WHY_NONE)
				report(&st, e, feed, &hook, why);
		}
	}
	/* with no AuthKitProvider anywhere, the providers themselves were reported */
	if (!app_has_authkit(&st))
		return;
	if (st.nrenders)
		check_root_sites(&st, st.r->top, false);
	for (i = 0; i < st.r->ncomps; i++)
		if (root_layout(f, &st.r->comps[i]))
			check_root_sites(&st, &st.r->comps[i], true);
}

const struct lint_rule rule_provider_order = {
	.id = "provider-order",
	.severity = SEV_ERROR,
	.family = "providers",
	.summary = "a Convex auth provider fed by AuthKit hooks that is not inside AuthKitProvider",
	.description =
		"ConvexProviderWithAuthKit, and ConvexProviderWithAuth given a hook built on AuthKit's\n"
		"useAuth()/useAccessToken(), call those hooks while they render. AuthKit's hooks read\n"
		"AuthKitProvider's context and throw \"useAuth must be used within an AuthKitProvider\"\n"
		"without it, so the provider must sit inside <AuthKitProvider>.\n"
		"The rule fires only where the missing wrapper is certain: the same component renders\n"
		"<AuthKitProvider> inside or beside the Convex provider instead of around it; the provider,\n"
		"or a component that renders it (followed into the files that relative and \"@/\" imports\n"
		"name), sits at the root of a createRoot(...).render(...) call or of the Next.js root\n"
		"layout with no AuthKitProvider around it; or no file of the app renders AuthKitProvider at\n"
		"all. A provider split across files in the right order (AuthKitProvider in a layout or\n"
		"main.tsx, the Convex provider in a component rendered inside it) stays silent.",
	.example =
		"// wrong\n"
		"<ConvexProviderWithAuthKit client={convex} useAuth={useAuth}>\n"
		"  <AuthKitProvider clientId={...}><App /></AuthKitProvider>\n"
		"</ConvexProviderWithAuthKit>\n"
		"// right\n"
		"<AuthKitProvider clientId={...}>\n"
		"  <ConvexProviderWithAuthKit client={convex} useAuth={useAuth}>\n"
		"    <App />\n"
		"  </ConvexProviderWithAuthKit>\n"
		"</AuthKitProvider>",
	.fix =
		"Render AuthKitProvider outside: <AuthKitProvider> first, the Convex provider as its child,\n"
		"then the app. In React + Vite that is main.tsx; in Next.js a 'use client' provider\n"
		"component (components/ConvexClientProvider.tsx in the template) rendered by app/layout.tsx.",
	.sources =
		"@convex-dev/workos src/index.tsx (\"must be wrapped by a configured AuthKitProvider\");\n"
		"@workos-inc/authkit-react src/hook.ts and @workos-inc/authkit-nextjs\n"
		"src/components/authkit-provider.tsx (\"useAuth must be used within an AuthKitProvider\");\n"
		"get-convex/templates (both AuthKit templates).",
	.applies = APPLIES_WORKOS,
	.triggers = triggers,
	.roles = ROLE_LAYOUT,
	.app_words = app_words,
	.mentions = mentions,
	.check_file = check,
};
