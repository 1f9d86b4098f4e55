/*
 * server_call_without_token.c - a server-side Convex call (convex/nextjs) made without the
 * user's token in a file that signs the user in with AuthKit's withAuth().
 *
 * preloadQuery, fetchQuery, fetchMutation and fetchAction take the JWT as `{ token }` in their
 * third argument; without it the function runs unauthenticated on the server, however signed
 * in the user is. A file that calls withAuth() has the token at hand (accessToken), so a call
 * there without it is almost always an oversight. Options that are not an object literal, or
 * that spread another object, are not judged.
 */
#include <string.h>

#include "rule.h"
#include "react.h"

#define MAX_CALLS	256	/* Convex calls followed per file */
#define SNIPPET_MAX	48

static const char *const triggers[] = { "convex/nextjs", NULL };

/* what check() resolves: the Convex calls and withAuth() (slice: the rest is not parsed) */
static const char *const convex_nextjs[] = { "convex/nextjs", NULL };
static const char *const authkit_root[] = { "@workos-inc/authkit-nextjs", NULL };
static const struct lint_slice_import slice_imports[] = {
	{ convex_nextjs, NULL }, { authkit_root, "withAuth" }, { NULL, NULL },
};

static const char *const convex_calls[] = {
	"preloadQuery", "fetchQuery", "fetchMutation", "fetchAction", NULL,
};

struct state {
	struct lint_ctx *ctx;
	struct lint_file *f;
	bool with_auth;			/* the file calls AuthKit's withAuth() */
	TSNode calls[MAX_CALLS];
	const char *names[MAX_CALLS];
	size_t ncalls;
};

static bool visit(TSNode n, void *ud)
{
	struct state *st = ud;
	const char *module, *imported;
	const char *const *c;

	if (!ts_is(n, "call_expression") ||
	    !lint_react_resolve(st->f, ts_field(n, "function"), &module, &imported))
		return true;
	if (!strcmp(imported, "withAuth") && (!strcmp(module, "@workos-inc/authkit-nextjs")))
		st->with_auth = true;
	if (strcmp(module, "convex/nextjs") || st->ncalls == MAX_CALLS)
		return true;
	for (c = convex_calls; *c; c++)
		if (!strcmp(imported, *c)) {
			st->calls[st->ncalls] = n;
			st->names[st->ncalls++] = *c;
		}
	return true;
}

/* The arguments of a call, comments left out; false when one is a spread (unknown count). */
static bool args_of(TSNode call, TSNode *out, uint32_t max, uint32_t *n)
{
	TSNode args = ts_field(call, "arguments"), a;
	struct ts_kids k;

	*n = 0;
	for (ts_kids_init(&k, args); ts_kids_next(&k, &a);) {
		if (ts_is(a, "comment"))
			continue;
		if (ts_is(a, "spread_element")) {
			ts_kids_end(&k);
			return false;
		}
		if (*n < max)
			out[*n] = a;
		(*n)++;
	}
	return true;
}

/* Does an options object literal pass a token? Unknown (a spread) counts as yes. */
static bool has_token(const struct lint_source *src, TSNode obj)
{
	struct ts_kids k;
	TSNode p;

	for (ts_kids_init(&k, obj); ts_kids_next(&k, &p);) {
		if (ts_is(p, "spread_element") ||
		    (ts_is(p, "shorthand_property_identifier") && ts_text_eq(src, p, "token")) ||
		    (ts_is(p, "pair") && (ts_text_eq(src, ts_field(p, "key"), "token") ||
					  ts_text_eq(src, ts_field(p, "key"), "\"token\"") ||
					  ts_text_eq(src, ts_field(p, "key"), "'token'")))) {
			ts_kids_end(&k);
			return true;
		}
	}
	return false;
}

static const char *snippet(struct state *st, TSNode n, const char *fallback)
{
	char *s;

	if (ts_node_is_null(n) || ts_node_end_byte(n) - ts_node_start_byte(n) > SNIPPET_MAX)
		return fallback;
	s = ts_text(st->ctx->arena, &st->f->src, n);
	return strpbrk(s, "\r\n") ? fallback : s;
}

static void check_call(struct state *st, TSNode call, const char *name)
{
	TSNode a[3], fn = ts_unwrap(ts_field(call, "function")), at;
	struct lint_diag *d;
	uint32_t n;

	if (!args_of(call, a, 3, &n))
		return;
	if (n >= 3) {
		TSNode opts = ts_unwrap(a[2]);

		if (!ts_is(opts, "object") || has_token(&st->f->src, opts))
			return;
		at = opts;
	} else {
		at = fn;
	}
	d = lint_report(st->ctx, &st->f->src, ts_node_start_byte(at), ts_node_end_byte(at),
			"%s %s without the user's token, though this file signs the user in with "
			"withAuth(): Convex runs it unauthenticated and ctx.auth.getUserIdentity() returns "
			"null", name, n >= 3 ? "is given options" : "is called");
	lint_help(d, "pass AuthKit's access token: `const { accessToken } = await withAuth();` then "
		  "`%s(%s, %s, { token: accessToken })`", snippet(st, fn, name),
		  n >= 1 ? snippet(st, a[0], "api.x.y") : "api.x.y",
		  n >= 2 ? snippet(st, a[1], "args") : "{}");
}

static void check(struct lint_ctx *ctx, struct lint_file *f)
{
	struct state st;
	const char *names[64];
	size_t i, nnames = 0, nat;
	uint32_t *at;

	if (!memmem(f->src.buf, f->src.len, "convex/nextjs", 13) ||
	    !memmem(f->src.buf, f->src.len, "withAuth", 8))
		return;
	memset(&st, 0, sizeof(st));
	st.ctx = ctx;
	st.f = f;
	/*
	 * A call visit() records names an import in its callee, so the walk enters only the
	 * subtrees holding one: the imports that can bring convex/nextjs or withAuth, and
	 * namespace or default imports (`cx.fetchQuery`), whatever their module.
	 */
	for (i = 0; i < f->nimports; i++) {
		const struct lint_import *imp = &f->imports[i];
		const char *module, *imported;

		if (!*imp->local || imp->type_only)
			continue;
		if (!strcmp(imp->imported, "*") || !strcmp(imp->imported, "default") ||
		    (lint_react_import_origin(f, imp, &module, &imported) &&
		     (!strcmp(module, "convex/nextjs") ||
		      !strcmp(module, "@workos-inc/authkit-nextjs"))))
			names[nnames++] = imp->local;
		if (nnames == ARRAY_SIZE(names))
			break;
	}
	if (nnames == ARRAY_SIZE(names)) {
		ts_walk(ts_tree_root_node(f->tree), visit, &st);
	} else {
		at = ts_name_offsets(ctx->arena, &f->src, names, nnames, &nat);
		ts_walk_at(ts_tree_root_node(f->tree), at, nat, visit, &st);
	}
	if (!st.with_auth)
		return;
	for (i = 0; i < st.ncalls; i++)
		check_call(&st, st.calls[i], st.names[i]);
}

const struct lint_rule rule_server_call_without_token = {
	.id = "server-call-without-token",
	.severity = SEV_WARNING,
	.family = "providers",
	.summary = "a convex/nextjs server call without { token } in a file that calls withAuth()",
	.description =
		"On the server, convex/nextjs's preloadQuery, fetchQuery, fetchMutation and fetchAction\n"
		"have no browser session to borrow: they authenticate only with the JWT passed as\n"
		"`{ token }` in their third argument. Without it the function runs unauthenticated,\n"
		"ctx.auth.getUserIdentity() returns null, and a query that needs a user throws or returns\n"
		"nothing, even though the user is signed in.\n"
		"The rule fires in files that call withAuth() from @workos-inc/authkit-nextjs (so the\n"
		"access token is at hand) on each such call (recognised by import, aliases and namespaces\n"
		"included) that has no third argument, or whose third argument is an object literal\n"
		"without a token property. Options held in a variable or spread from another object are\n"
		"not judged.",
	.example =
		"// wrong\n"
		"const { user } = await withAuth();\n"
		"const tasks = await fetchQuery(api.tasks.list, {});\n"
		"// right\n"
		"const { accessToken } = await withAuth();\n"
		"const tasks = await fetchQuery(api.tasks.list, {}, { token: accessToken });",
	.fix =
		"Read accessToken from withAuth() and pass it: fetchQuery(api.x.y, args, { token:\n"
		"accessToken }). The same goes for preloadQuery, fetchMutation and fetchAction.",
	.sources =
		"Convex docs, Next.js server rendering (\"pass the JWT as the token option\"); Convex docs,\n"
		"Debugging authentication; get-convex/templates template-nextjs-authkit\n"
		"app/server/page.tsx.",
	.applies = APPLIES_NEXT | APPLIES_WORKOS,
	.triggers = triggers,
	.local = true,
	.slice = true,
	.slice_imports = slice_imports,
	.check_file = check,
};
