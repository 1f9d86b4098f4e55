/*
 * missing_use_client.c - client-only React code in a file that Next.js runs as a Server
 * Component.
 *
 * A file is a Server Component when it is an App Router entry (page, layout, template,
 * loading, not-found, default) without 'use client', or when such a file imports it, directly
 * or through other files without the directive. The directive is a boundary: a 'use client'
 * file and everything below it are client code. Rendering a client component from a server
 * one is correct (AuthKitProvider from @workos-inc/authkit-nextjs/components is one, as is a
 * local ConvexClientProvider with 'use client'); the rule fires only on client-only work
 * written in the server file itself: React state/effect hooks, Convex or AuthKit hooks, a
 * ConvexReactClient made in a component, or a Convex provider given a client instance and a
 * useAuth function, which cannot cross from server to client.
 */
#include <stdlib.h>
#include <string.h>

#include "rule.h"
#include "react.h"
#include "providers.h"

static const char *const triggers[] = {
	"ConvexProvider",		/* ConvexProvider, ConvexProviderWithAuth(Kit) */
	"ConvexReactClient",
	"@workos-inc/authkit",		/* AuthKit's client hooks */
	NULL,
};

/* React hooks that need a Client Component (the react-server build leaves them out). */
static const char *const react_client_hooks[] = {
	"useState", "useEffect", "useLayoutEffect", "useInsertionEffect", "useReducer", "useRef",
	"useContext", "useTransition", "useDeferredValue", "useSyncExternalStore",
	"useImperativeHandle", "useOptimistic", "useActionState", "useEffectEvent", NULL,
};
static const char *const react[] = { "react", NULL };
/*
 * Pages and layouts are parsed up front only when their bytes show client-only code of
 * their own: a React client hook by name (aliases keep the name in the import), Convex's or
 * AuthKit's modules, or a Convex client/provider. The others matter only as importers of a
 * provider file; walk_graph() parses those on demand.
 */
static const char *const route_words[] = {
	"useState", "useEffect", "useLayoutEffect", "useInsertionEffect", "useReducer", "useRef",
	"useContext", "useTransition", "useDeferredValue", "useSyncExternalStore",
	"useImperativeHandle", "useOptimistic", "useActionState", "useEffectEvent",
	"convex/react", "@workos-inc/authkit", "@convex-dev/workos", "ConvexReactClient",
	"ConvexProvider", NULL,
};
/*
 * check_entry() reads the default export and what it renders or calls, and client code
 * anywhere (React's hooks, Convex's and AuthKit's modules); a late 'use client' statement
 * too. A report reads every export (add_fix()): the file is parsed whole first.
 */
static const struct lint_slice_import slice_imports[] = {
	{ react, NULL }, { pv_convex_react, NULL }, { pv_authkit, NULL }, { pv_convex_workos, NULL },
	{ NULL, NULL },
};
static const char *const slice_words[] = {
	"export default", "as default", "use client", NULL,
};

/* Modules that are never components: what they hold is no Server Component's business. */
#define NOT_COMPONENT (ROLE_ROUTE | ROLE_PROXY | ROLE_MIDDLEWARE | ROLE_AUTH_CONFIG | \
		       ROLE_CONVEX | ROLE_NEXT_CONFIG | ROLE_VITE_CONFIG)

static const char *const entry_names[] = {
	"page", "layout", "template", "loading", "not-found", "default", NULL,
};

/* The first client-only thing a server file does. */
struct usage {
	TSNode at;
	const char *what;		/* "calls useState() (react)" */
	const char *why;		/* why a Server Component cannot do it */
	const char *comp;
};

/* App Router files Next.js renders as Server Components unless they say 'use client'. */
static bool is_entry(const struct lint_file *f)
{
	const char *p = f->relpath, *base, *dot;
	const char *const *n;
	size_t len;

	if (f->roles & (ROLE_PAGE | ROLE_LAYOUT))
		return true;
	if (!starts_with(p, "app/") && !starts_with(p, "src/app/"))
		return false;
	base = strrchr(p, '/') + 1;
	dot = strrchr(base, '.');
	len = dot ? (size_t)(dot - base) : strlen(base);
	for (n = entry_names; *n; n++)
		if (strlen(*n) == len && !memcmp(base, *n, len))
			return true;
	return false;
}

static bool hook_name(const char *s)
{
	return !strncmp(s, "use", 3) && (!s[3] || (s[3] >= 'A' && s[3] <= 'Z'));
}

/* A client-only hook call: React's state/effect hooks, any Convex or AuthKit hook. */
static bool client_hook(const struct lint_react_call *k)
{
	if (!k->module || !hook_name(k->name))
		return false;
	if (lint_react_call_is(k, react, k->name))
		return in_list(k->name, react_client_hooks);
	return lint_react_call_is(k, pv_convex_react, k->name) ||
	       lint_react_call_is(k, pv_authkit, k->name);
}

struct newwalk {
	struct lint_file *f;
	TSNode found;
};

static bool new_visit(TSNode n, void *ud)
{
	struct newwalk *w = ud;
	const char *module, *imported;

	if (!ts_node_is_null(w->found))
		return false;
	if (ts_is(n, "new_expression") &&
	    lint_react_resolve(w->f, ts_field(n, "constructor"), &module, &imported) &&
	    !strcmp(module, "convex/react") && !strcmp(imported, "ConvexReactClient"))
		w->found = n;
	return true;
}

static void consider(struct usage *u, TSNode at, const char *what, const char *why,
		     const char *comp)
{
	if (!ts_node_is_null(u->at) && ts_node_start_byte(u->at) <= ts_node_start_byte(at))
		return;
	u->at = at;
	u->what = what;
	u->why = why;
	u->comp = comp;
}

/*
 * The first client-only thing f does. React's client hooks count anywhere in the file (Next.js
 * rejects a server module that imports them); the rest only in live components, the ones the
 * server side renders: live[i] (NULL: all).
 */
static bool first_usage(struct lint_ctx *ctx, struct lint_file *f, const bool *live,
			struct usage *u)
{
	const struct lint_react *r = lint_react_get(f);
	size_t i, j;

	memset(u, 0, sizeof(*u));
	if (!r || r->partial)
		return false;
	for (i = 0; i < r->ncomps; i++) {
		const struct lint_react_comp *c = &r->comps[i];
		bool on = !live || live[i];
		struct newwalk w = { f, { { 0 } } };

		for (j = 0; j < c->ncalls; j++) {
			const struct lint_react_call *k = &c->calls[j];

			if (!client_hook(k) || (!on && !lint_react_call_is(k, react, k->name)))
				continue;
			consider(u, k->node, arena_printf(ctx->arena, "calls %s() (%s)", k->callee, k->module),
				 "such hooks run only in Client Components, so Next.js fails to build or "
				 "render the page", c->name);
			break;
		}
		if (!on)
			continue;
		ts_walk(c->fn, new_visit, &w);
		if (!ts_node_is_null(w.found))
			consider(u, w.found, "creates a ConvexReactClient",
				 "the client belongs in the browser; a Server Component can neither "
				 "keep it nor pass it to a client component as a prop", c->name);
		for (j = 0; j < c->nelems; j++) {
			const struct lint_react_elem *e = &c->elems[j];
			bool plain = lint_react_elem_is(e, pv_convex_react, "ConvexProvider");

			if (plain || lint_react_elem_is(e, pv_convex_react, "ConvexProviderWithAuth") ||
			    lint_react_elem_is(e, pv_convex_workos, "ConvexProviderWithAuthKit")) {
				consider(u, e->name, arena_printf(ctx->arena, "renders <%s>", e->tag),
					 plain ? "its client prop (a class instance) cannot be passed from a "
						 "Server Component to a client component"
					       : "its client (a class instance) and useAuth (a function) "
						 "props cannot be passed from a Server Component to a client "
						 "component", c->name);
				break;
			}
		}
	}
	return !ts_node_is_null(u->at);
}

/* A 'use client' written as a statement after the directive prologue (after an import). */
static bool late_directive(const struct lint_file *f)
{
	TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(f->tree));
	bool found = false, ok;

	for (ok = ts_tree_cursor_goto_first_child(&cur); ok && !found;
	     ok = ts_tree_cursor_goto_next_sibling(&cur)) {
		TSNode s = ts_tree_cursor_current_node(&cur), str = ts_node_named_child(s, 0);

		found = ts_is(s, "expression_statement") && ts_is(str, "string") &&
			(ts_text_eq(&f->src, str, "'use client'") ||
			 ts_text_eq(&f->src, str, "\"use client\""));
	}
	ts_tree_cursor_delete(&cur);
	return found;
}

/* A late 'use client' statement at the top level (see late_directive()), or a null node. */
static TSNode late_directive_node(const struct lint_file *f)
{
	TSNode root = ts_tree_root_node(f->tree), none;
	uint32_t i, n = ts_node_named_child_count(root);

	memset(&none, 0, sizeof(none));
	for (i = 0; i < n; i++) {
		TSNode s = ts_node_named_child(root, i), str = ts_node_named_child(s, 0);

		if (ts_is(s, "expression_statement") && ts_is(str, "string") &&
		    (ts_text_eq(&f->src, str, "'use client'") ||
		     ts_text_eq(&f->src, str, "\"use client\"")))
			return s;
	}
	return none;
}

static const char *const server_modules[] = {
	"server-only", "next/headers", "next/cache", "convex/nextjs",
	"@workos-inc/authkit-nextjs",	/* its root exports withAuth, signOut, ...: server code */
	NULL,
};

/* Exports only a Server Component module may have (metadata, route segment config). */
static const char *const server_exports[] = {
	"metadata", "generateMetadata", "generateStaticParams", "generateViewport", "viewport",
	"revalidate", "dynamic", "dynamicParams", "fetchCache", "runtime", "preferredRegion",
	"maxDuration", NULL,
};

struct exports {
	const struct lint_source *src;
	bool server;			/* something 'use client' would break */
	bool plain;			/* an export that is neither a component nor a hook */
};

static void export_name(struct exports *x, TSNode name)
{
	char buf[64];
	uint32_t s, e;

	if (ts_node_is_null(name))
		return;
	s = ts_node_start_byte(name);
	e = ts_node_end_byte(name);
	if (e <= s || e > x->src->len)
		return;
	/* the names that matter are short; a long one is judged by its first letters */
	if (e - s >= sizeof(buf))
		e = s + sizeof(buf) - 1;
	memcpy(buf, x->src->buf + s, e - s);
	buf[e - s] = '\0';
	if (in_list(buf, server_exports))
		x->server = true;
	else if (!(buf[0] >= 'A' && buf[0] <= 'Z') && !hook_name(buf))
		x->plain = true;
}

static bool async_fn(TSNode n)
{
	return (ts_is(n, "function_declaration") || ts_is(n, "function_expression") ||
		ts_is(n, "arrow_function") || ts_is(n, "function")) &&
	       ts_is(ts_node_child(n, 0), "async");
}

/* What a file's top-level exports say about giving it 'use client'. */
static void read_exports(const struct lint_file *f, struct exports *x)
{
	TSNode root = ts_tree_root_node(f->tree);
	uint32_t i, j, n = ts_node_named_child_count(root);

	memset(x, 0, sizeof(*x));
	x->src = &f->src;
	for (i = 0; i < n; i++) {
		TSNode s = ts_node_named_child(root, i), decl, val;

		/* an async component: Client Components cannot be async */
		if (async_fn(s))
			x->server = true;
		if (!ts_is(s, "export_statement"))
			continue;
		if (ts_node_child_count(s) > 1 && ts_is(ts_node_child(s, 1), "type"))
			continue;	/* export type { ... } */
		val = ts_field(s, "value");
		if (async_fn(ts_unwrap(val)))
			x->server = true;
		decl = ts_field(s, "declaration");
		if (ts_is(decl, "function_declaration") || ts_is(decl, "class_declaration") ||
		    ts_is(decl, "generator_function_declaration")) {
			export_name(x, ts_field(decl, "name"));
			x->server |= async_fn(decl);
		} else if (ts_is(decl, "lexical_declaration") || ts_is(decl, "variable_declaration")) {
			for (j = 0; j < ts_node_named_child_count(decl); j++) {
				TSNode v = ts_node_named_child(decl, j);

				if (!ts_is(v, "variable_declarator"))
					continue;
				export_name(x, ts_field(v, "name"));
				x->server |= async_fn(ts_unwrap(ts_field(v, "value")));
			}
		} else if (ts_is(decl, "enum_declaration")) {
			x->plain = true;
		} else if (ts_node_is_null(decl) && ts_node_is_null(val)) {
			/* export { a, b as c } (from "m") */
			for (j = 0; j < ts_node_named_child_count(s); j++) {
				TSNode c = ts_node_named_child(s, j);
				uint32_t k;

				if (!ts_is(c, "export_clause"))
					continue;
				for (k = 0; k < ts_node_named_child_count(c); k++) {
					TSNode sp = ts_node_named_child(c, k);
					TSNode nm = ts_field(sp, "alias");

					if (ts_node_is_null(nm))
						nm = ts_field(sp, "name");
					if (!ts_text_eq(&f->src, nm, "default"))
						export_name(x, nm);
				}
			}
		}
	}
	for (i = 0; i < f->nimports; i++)
		if (!f->imports[i].type_only && (in_list(f->imports[i].module, server_modules) ||
						 starts_with(f->imports[i].module, "node:")))
			x->server = true;
}

static bool root_layout(const struct lint_file *f)
{
	const char *p = f->relpath;

	if (starts_with(p, "src/"))
		p += 4;
	return (f->roles & ROLE_LAYOUT) && starts_with(p, "app/layout.");
}

/*
 * The fix puts 'use client' before the first statement (after a shebang or license
 * comments), in the file's quote style, and removes a late one. When it is safe:
 * - a component file that a server file imports: it cannot run as a Server Component (the
 *   hooks or props it uses fail to build or render), so the directive cannot break a page
 *   that works; the templates' ConvexClientProvider.tsx is exactly this. Unsafe when it also
 *   exports plain values (a server importer calling a helper would get a client reference);
 * - a misplaced directive: the author asked for a client file, the fix makes it count;
 * - unsafe for a page or layout written without one: the whole entry turns client (its data
 *   loading and imports move to the browser); moving the client part out is often better.
 * No fix where the directive breaks the build: metadata or route segment exports, an async
 * component, server-only imports, or the root layout (it cannot be a Client Component).
 */
static void add_fix(struct lint_ctx *ctx, struct lint_file *f, struct lint_diag *d, bool via,
		    bool misplaced)
{
	const struct lint_source *src = &f->src;
	TSNode root = ts_tree_root_node(f->tree), first, late;
	uint32_t i, n = ts_node_named_child_count(root), at, line;
	struct lint_edit e[2];
	struct exports x;
	const char *dir, *nl;
	bool safe;
	char q;

	read_exports(f, &x);
	if (x.server || root_layout(f) || f->syntax_error)
		return;
	safe = misplaced || (via && !x.plain);
	memset(&first, 0, sizeof(first));
	for (i = 0; i < n; i++) {
		first = ts_node_named_child(root, i);
		if (!ts_is(first, "comment") && !ts_is(first, "hash_bang_line"))
			break;
	}
	if (i == n)
		return;
	at = ts_node_start_byte(first);
	nl = lint_newline(src, at);
	late = late_directive_node(f);
	if (misplaced && !ts_node_is_null(late)) {
		dir = ts_text(ctx->arena, src, late);
	} else {
		q = lint_quote_of(src, f->tree);
		/* no semicolons only where the file has none and the next line cannot join it */
		dir = arena_printf(ctx->arena, "%cuse client%c%s", q, q,
				   ts_is(first, "import_statement") &&
				   src->buf[ts_node_end_byte(first) - 1] != ';' ? "" : ";");
	}
	/* its own line, before the first statement's; a byte order mark stays the first bytes */
	line = lint_line_start(src, at);
	if (!line && at >= 3 && !memcmp(src->buf, "\xef\xbb\xbf", 3))
		line = 3;
	e[0].start = e[0].end = at;
	if (line == at || lint_first_on_line(src, at)) {
		e[0].start = e[0].end = line;
		e[0].text = arena_printf(ctx->arena, "%s%s%s", dir, nl, nl);
	} else {
		e[0].text = arena_printf(ctx->arena, "%s ", dir);
	}
	if (misplaced) {
		if (ts_node_is_null(late))
			return;
		e[1] = lint_edit_remove_item(src, late);
		lint_fix(ctx, d, src, safe, "move 'use client' to the top of the file", e, 2);
		return;
	}
	lint_fix(ctx, d, src, safe, "add 'use client' at the top of the file", e, 1);
}

static void report(struct lint_ctx *ctx, struct lint_file *f, const struct lint_file *via,
		   const struct usage *u)
{
	bool misplaced = late_directive(f);
	const char *reason;
	struct lint_diag *d;

	if (via)
		reason = arena_printf(ctx->arena, "the Server Component %s imports it, and it has no "
				      "'use client' directive%s", via->relpath,
				      misplaced ? " before its first statement" : "");
	else
		reason = arena_printf(ctx->arena, "it is an App Router file without a 'use client' "
				      "directive%s", misplaced ? " before its first statement" : "");
	d = lint_report(ctx, &f->src, ts_node_start_byte(u->at), ts_node_end_byte(u->at),
			"%s runs as a Server Component (%s) but %s in %s: %s", f->relpath, reason,
			u->what, u->comp, u->why);
	if ((f->roles & ROLE_LAYOUT) && !via)
		lint_help(d, "move this part into a 'use client' component (as the Convex templates do "
			  "with components/ConvexClientProvider.tsx) and render that from %s", f->relpath);
	else if (misplaced)
		lint_help(d, "move 'use client' to the top of %s: a directive counts only before every "
			  "import and statement (comments may come first)", f->relpath);
	else
		lint_help(d, "add 'use client'; as the first statement of %s (comments may come first)",
			  f->relpath);
	add_fix(ctx, f, d, via != NULL, misplaced);
}

/* The app's files by address, to find a file's index from the pointer an import resolves to. */
/* One import of a server file that resolves to another file of the server graph. */
struct edge {
	size_t from, to;
	const char *imported;		/* "default", "*" or an export name */
};

struct graph {
	struct lint_ctx *ctx;
	struct lint_app *app;
	size_t *order, norder;		/* server files in discovery order, entries first */
	bool *server;
	struct edge *edges;
	size_t nedges, alloc_edges;
	bool **live;			/* per file: its live components, or NULL (none yet) */
};

static void add_edge(struct graph *g, size_t from, size_t to, const char *imported)
{
	if (g->nedges == g->alloc_edges) {
		size_t n = g->alloc_edges ? g->alloc_edges * 2 : 32;
		struct edge *e = ARENA_ARRAY(g->ctx->arena, struct edge, n);

		if (g->nedges)
			memcpy(e, g->edges, g->nedges * sizeof(*e));
		g->edges = e;
		g->alloc_edges = n;
	}
	g->edges[g->nedges].from = from;
	g->edges[g->nedges].to = to;
	g->edges[g->nedges].imported = imported;
	g->nedges++;
}

/* A directive at f's top, from the parse or, for a file never parsed, the byte scan. */
static bool boundary(const struct lint_file *f)
{
	return f->parsed ? f->use_client || f->use_server : f->scan_use_client;
}

static bool names_client_code(const struct lint_file *f)
{
	const char *const *w;

	for (w = route_words; *w; w++)
		if (lint_file_mentions(f, *w))
			return true;
	return false;
}

/*
 * A component without the directive that uses client-only code is often reached from a
 * page through other server components that hold no such code, so the byte test chose
 * neither the page nor those in between, and walk_graph() would stop at them. The scan
 * recorded every file's local imports (lint_file's deps); this parses each file on such a
 * path: from a server entry through files without a directive to one that names client
 * code. In a correct app the paths are few (server files import client components, which
 * carry the directive), so little is parsed.
 */
static void parse_server_paths(struct graph *g)
{
	struct lint_app *app = g->app;
	size_t n = app->nfiles, *stack = ARENA_ARRAY(g->ctx->arena, size_t, n + 1), top = 0, i, j;
	bool *reach = ARENA_ARRAY(g->ctx->arena, bool, n + 1);
	bool *on = ARENA_ARRAY(g->ctx->arena, bool, n + 1);

	for (i = 0; i < n; i++)
		if (is_entry(app->files[i]) && !boundary(app->files[i])) {
			reach[i] = true;
			stack[top++] = i;
		}
	while (top) {
		const struct lint_file *f = app->files[stack[--top]];

		for (j = 0; j < f->ndeps; j++) {
			size_t k = lint_app_file_index(app, f->deps[j]);

			if (k < n && !reach[k] && !boundary(app->files[k])) {
				reach[k] = true;
				stack[top++] = k;
			}
		}
	}
	/*
	 * Paths end at files that name client code, and at server files some rule parsed
	 * anyway (their code is known without a guess); a run that names files reports only
	 * theirs, so only paths to them matter. Then back to the entries.
	 */
	for (i = 0; i < n; i++) {
		const struct lint_file *f = app->files[i];

		on[i] = reach[i] && lint_file_reported(f) && !is_entry(f) &&
			(names_client_code(f) || f->parsed || f->leaf);
	}
	lint_app_importers(app, on, reach);
	/* a leaf (parsed for its own checks, maybe released) is parsed again when reached */
	for (i = 0; i < n; i++)
		if (on[i] && !app->files[i]->parsed && !app->files[i]->leaf)
			lint_file_parse(app->files[i]);
}

/* The server module graph: entries, then what they import, up to 'use client' files. */
static void walk_graph(struct graph *g)
{
	struct lint_app *app = g->app;
	size_t i, j;

	parse_server_paths(g);
	for (i = 0; i < app->nfiles; i++) {
		struct lint_file *f = app->files[i];

		if ((f->parsed || f->leaf_done) && !f->use_client && !f->use_server && is_entry(f)) {
			g->server[i] = true;
			g->order[g->norder++] = i;
		}
	}
	for (i = 0; i < g->norder; i++) {
		size_t from = g->order[i];
		struct lint_file *s = app->files[from];

		for (j = 0; j < s->nimports; j++) {
			const struct lint_import *imp = &s->imports[j];
			const char *name;
			struct lint_file *t;
			size_t k;

			if (imp->type_only || !lint_react_local_module(imp->module))
				continue;
			/* through a barrel (components/index.ts) to the file that defines it */
			t = lint_react_defining_file(s, imp->module, imp->imported, false, &name);
			k = lint_app_file_index(app, t);
			if (k == app->nfiles || k == from || (!t->parsed && !(t->leaf && lint_file_parse(t))) ||
			    t->use_client || t->use_server)
				continue;
			add_edge(g, from, k, name);
			if (!g->server[k]) {
				g->server[k] = true;
				g->order[g->norder++] = k;
			}
		}
	}
}

/* Marks component c of r live in live[], and what it renders or calls in its file. */
static void mark_from(struct arena *a, const struct lint_react *r, bool *live,
		      const struct lint_react_comp *c)
{
	size_t *wl, n = 0, i;

	if (!c || live[c - r->comps])
		return;
	wl = ARENA_ARRAY(a, size_t, r->ncomps + 1);
	live[c - r->comps] = true;
	wl[n++] = (size_t)(c - r->comps);
	while (n) {
		const struct lint_react_comp *x = &r->comps[wl[--n]];

		for (i = 0; i < x->nelems; i++)
			if (x->elems[i].comp >= 0 && !live[x->elems[i].comp]) {
				live[x->elems[i].comp] = true;
				wl[n++] = (size_t)x->elems[i].comp;
			}
		for (i = 0; i < x->ncalls; i++)
			if (x->calls[i].local_hook >= 0 && !live[x->calls[i].local_hook]) {
				live[x->calls[i].local_hook] = true;
				wl[n++] = (size_t)x->calls[i].local_hook;
			}
	}
}

/* Marks component c of file k live in the graph. */
static void mark_live(struct graph *g, size_t k, const struct lint_react *r,
		      const struct lint_react_comp *c)
{
	if (!c)
		return;
	if (!g->live[k])
		g->live[k] = ARENA_ARRAY(g->ctx->arena, bool, r->ncomps + 1);
	mark_from(g->ctx->arena, r, g->live[k], c);
}

/* Live components: an entry's default export, and what the server files import by name. */
static void find_live(struct graph *g)
{
	size_t i, j;

	for (i = 0; i < g->norder; i++) {
		size_t k = g->order[i];
		struct lint_file *f = g->app->files[k];
		const struct lint_react *r;

		/* check_entry() judged the entries this rule selected, from their own files */
		if (!is_entry(f) || lint_rule_wants(g->ctx, f))
			continue;
		r = lint_react_get(f);
		if (r && !r->partial)
			mark_live(g, k, r, lint_react_default_comp(r));
	}
	for (i = 0; i < g->nedges; i++) {
		const struct edge *e = &g->edges[i];
		const struct lint_react *r = lint_react_get(g->app->files[e->to]);
		int c;

		if (!r || r->partial)
			continue;
		if (!strcmp(e->imported, "*")) {
			for (j = 0; j < r->ncomps; j++)
				mark_live(g, e->to, r, &r->comps[j]);
		} else if (!strcmp(e->imported, "default")) {
			mark_live(g, e->to, r, lint_react_default_comp(r));
		} else if ((c = lint_react_comp_find(r, e->imported)) >= 0) {
			mark_live(g, e->to, r, &r->comps[c]);
		}
	}
}

/*
 * An App Router entry this rule selected, judged from its own file: what it renders from its
 * default export, and React's client hooks anywhere. Per file, so that the pipeline can
 * release its tree before the module graph below is walked (app_reparses).
 */
static void check_entry(struct lint_ctx *ctx, struct lint_file *f)
{
	const struct lint_react *r;
	struct usage u;
	bool *live;

	if (f->use_client || f->use_server || !is_entry(f))
		return;
	r = lint_react_get(f);
	if (!r || r->partial)
		return;
	live = ARENA_ARRAY(ctx->arena, bool, r->ncomps + 1);
	mark_from(ctx->arena, r, live, lint_react_default_comp(r));
	if (!first_usage(ctx, f, live, &u))
		return;
	if (f->sliced) {
		/* judged again on the whole file, which the report and its fix read */
		if (lint_file_unslice(f))
			check_entry(ctx, f);
		return;
	}
	report(ctx, f, NULL, &u);
}

static void check_app(struct lint_ctx *ctx, struct lint_app *app)
{
	bool *reported = ARENA_ARRAY(ctx->arena, bool, app->nfiles + 1);
	size_t *first, *in, *pos, i, j;
	struct graph g;
	struct usage u;

	memset(&g, 0, sizeof(g));
	g.ctx = ctx;
	g.app = app;
	g.order = ARENA_ARRAY(ctx->arena, size_t, app->nfiles + 1);
	g.server = ARENA_ARRAY(ctx->arena, bool, app->nfiles + 1);
	g.live = ARENA_ARRAY(ctx->arena, bool *, app->nfiles + 1);
	walk_graph(&g);
	find_live(&g);
	/* incoming edges per file: in[first[k] .. first[k + 1]) */
	first = ARENA_ARRAY(ctx->arena, size_t, app->nfiles + 2);
	in = ARENA_ARRAY(ctx->arena, size_t, g.nedges + 1);
	for (j = 0; j < g.nedges; j++)
		first[g.edges[j].to + 1]++;
	for (i = 0; i < app->nfiles; i++)
		first[i + 1] += first[i];
	pos = ARENA_ARRAY(ctx->arena, size_t, app->nfiles + 1);
	memcpy(pos, first, app->nfiles * sizeof(*pos));
	for (j = 0; j < g.nedges; j++)
		in[pos[g.edges[j].to]++] = g.edges[j].from;
	for (i = 0; i < g.norder; i++) {
		size_t k = g.order[i];
		struct lint_file *f = app->files[k];
		const struct lint_file *via = NULL;
		bool entry = is_entry(f);
		const bool *live;

		if (entry && lint_rule_wants(ctx, f))
			continue;	/* check_entry() judged it */
		/*
		 * A file reached only through files already reported turns client code once those
		 * get their directive: report the first one in the chain, not the whole chain.
		 */
		for (j = first[k]; !entry && !via && j < first[k + 1]; j++)
			if (!reported[in[j]])
				via = app->files[in[j]];
		if (!entry && !via)
			continue;
		live = g.live[k];
		if (!live) {
			const struct lint_react *r = lint_react_get(f);

			if (!r)
				continue;
			live = ARENA_ARRAY(ctx->arena, bool, r->ncomps + 1);	/* none */
		}
		if (!first_usage(ctx, f, live, &u))
			continue;
		report(ctx, f, via, &u);
		reported[k] = !entry;
	}
}

const struct lint_rule rule_missing_use_client = {
	.id = "missing-use-client",
	.severity = SEV_ERROR,
	.family = "providers",
	.summary = "client-only React, Convex or AuthKit code in a file Next.js runs as a Server Component",
	.description =
		"In the App Router every file is a Server Component unless it, or a file that imports it,\n"
		"starts with 'use client'. Server Components cannot hold state or effects, call Convex's\n"
		"or AuthKit's hooks, or pass a class instance (a ConvexReactClient) or a function (a\n"
		"useAuth hook) as props to a client component, so the Convex provider must live in a\n"
		"'use client' file: components/ConvexClientProvider.tsx in the Convex templates.\n"
		"The rule follows the server module graph: App Router entries (page, layout, template,\n"
		"loading, not-found, default) without 'use client', and the files they import through\n"
		"relative or \"@/\" paths (however deep, and through index files that re-export them),\n"
		"stopping at files that have the directive. In those files it fires once, at the first\n"
		"client-only thing a component does: React's state and effect hooks (useState,\n"
		"useEffect, useRef, useContext, ...), any hook of convex/react or @workos-inc/authkit-*,\n"
		"`new ConvexReactClient`, or rendering ConvexProvider, ConvexProviderWithAuth or\n"
		"ConvexProviderWithAuthKit. Rendering a client component from a server file is correct\n"
		"and stays silent: a local 'use client' provider component, or AuthKitProvider from\n"
		"@workos-inc/authkit-nextjs/components (a client component itself).\n"
		"The directive may follow comments (a license header); after an import it does not count.",
	.example =
		"// wrong: components/ConvexClientProvider.tsx, imported by app/layout.tsx\n"
		"import { ConvexProviderWithAuth, ConvexReactClient } from \"convex/react\";\n"
		"// right\n"
		"'use client';\n"
		"import { ConvexProviderWithAuth, ConvexReactClient } from \"convex/react\";",
	.fix =
		"Put 'use client' as the first statement of the provider file (comments may precede it),\n"
		"and render that component from the server layout. Keep server work (withAuth()) in the\n"
		"layout and pass plain values down as props.\n"
		"`cwlint --fix` adds the directive to a component file that a server file imports (it\n"
		"cannot work as a Server Component anyway) and moves a misplaced one to the top. For a\n"
		"page or layout, or a file that also exports plain values, the fix needs --unsafe-fixes;\n"
		"there is none where the directive itself breaks the build (metadata exports, an async\n"
		"component, server-only imports, the root layout).",
	.sources =
		"Next.js docs, 'use client' directive; Convex docs, Next.js quickstart (\"Create a client\n"
		"component for the Convex provider\"); get-convex/templates template-nextjs-authkit\n"
		"components/ConvexClientProvider.tsx and app/layout.tsx; @workos-inc/authkit-nextjs\n"
		"src/components (its AuthKitProvider is a 'use client' module).",
	.applies = APPLIES_NEXT,
	.triggers = triggers,
	.roles = ROLE_LAYOUT | ROLE_PAGE,
	.route_words = route_words,
	/* the server module graph never enters a 'use client' file */
	.server_only = true,
	.skip_roles = NOT_COMPONENT,
	.local = true,
	.slice = true,
	.slice_imports = slice_imports,
	.slice_words = slice_words,
	.app_reparses = true,
	.server_graph = true,
	.mentions = route_words,
	.check_file = check_entry,
	.check_app = check_app,
};
