/*
 * authkit_hook_mismatch.c - AuthKit hooks used with the shape of the other AuthKit package.
 *
 * @workos-inc/authkit-react's useAuth() returns { isLoading, user, getAccessToken, ... };
 * @workos-inc/authkit-nextjs's (from /components) returns { loading, user, ... } and has no
 * getAccessToken (that lives on useAccessToken()). ConvexProviderWithAuthKit is written for
 * the first; ConvexProviderWithAuth wants neither, but an adapter returning { isLoading,
 * isAuthenticated, fetchAccessToken }. Each mix-up type-checks loosely enough to ship and
 * leaves Convex without a token.
 */
#include <string.h>

#include "rule.h"
#include "react.h"
#include "providers.h"

/* the second: a provider whose pieces come through a local re-export module */
/* every shape it reports names useAuth, and AuthKit or a Convex provider */
static const char *const triggers[] = { "useAuth", NULL };
static const char *const also[] = { "@workos-inc/authkit", "ConvexProviderWith", NULL };

/* AuthKit's hooks and the Convex providers that take one: what the rule reads (slice) */
static const struct lint_slice_import slice_imports[] = {
	{ pv_authkit, NULL },
	{ pv_convex_react, "ConvexProviderWithAuth" },
	{ pv_convex_workos, NULL },
	{ NULL, NULL },
};

static const char *provider_name(enum pv_provider p)
{
	return p == PV_WITH_AUTH ? "ConvexProviderWithAuth" : "ConvexProviderWithAuthKit";
}

static void check_provider(struct lint_ctx *ctx, struct lint_file *f, const struct lint_react *r,
			   const struct lint_react_comp *c, const struct lint_react_elem *e)
{
	enum pv_provider p = pv_provider_of(f, e);
	struct lint_diag *d;
	struct pv_hook hook;
	enum pv_feed feed;
	TSNode v;

	if (p == PV_NONE)
		return;
	feed = pv_feed_of(f, r, c, e, &v, &hook);
	if (p != PV_WITH_AUTH && feed == FEED_WORKOS_NEXT) {
		d = lint_report(ctx, &f->src, ts_node_start_byte(v), ts_node_end_byte(v),
				"%s is given useAuth from @workos-inc/authkit-nextjs, but it is written for "
				"@workos-inc/authkit-react's useAuth: the Next.js hook returns `loading` (not "
				"`isLoading`) and no getAccessToken, so Convex never gets an access token and "
				"ctx.auth.getUserIdentity() stays null", provider_name(p));
		lint_help(d, "in Next.js render `<ConvexProviderWithAuth client={convex} "
			  "useAuth={useAuthFromAuthKit}>` from convex/react instead, with a "
			  "useAuthFromAuthKit hook built on useAuth() and useAccessToken() from "
			  "@workos-inc/authkit-nextjs/components (the Convex nextjs-authkit template's "
			  "components/ConvexClientProvider.tsx)");
	} else if (p == PV_WITH_AUTH && feed == FEED_WORKOS_REACT) {
		d = lint_report(ctx, &f->src, ts_node_start_byte(v), ts_node_end_byte(v),
				"ConvexProviderWithAuth is given AuthKit's useAuth as is, but it needs a hook "
				"returning { isLoading, isAuthenticated, fetchAccessToken }: authkit-react's "
				"useAuth has neither isAuthenticated nor fetchAccessToken, so Convex never "
				"authenticates");
		lint_help(d, "use the adapter made for it: `<ConvexProviderWithAuthKit client={convex} "
			  "useAuth={useAuth}>` with ConvexProviderWithAuthKit from @convex-dev/workos");
	} else if (p == PV_WITH_AUTH && feed == FEED_WORKOS_NEXT) {
		d = lint_report(ctx, &f->src, ts_node_start_byte(v), ts_node_end_byte(v),
				"ConvexProviderWithAuth is given AuthKit's useAuth as is, but it needs a hook "
				"returning { isLoading, isAuthenticated, fetchAccessToken }: authkit-nextjs's "
				"useAuth returns `loading`, `user` and no token function, so Convex never "
				"authenticates");
		lint_help(d, "pass an adapter hook, as the Convex nextjs-authkit template does: "
			  "`function useAuthFromAuthKit() { const { user, loading } = useAuth(); const "
			  "{ getAccessToken, refresh } = useAccessToken(); const fetchAccessToken = "
			  "useCallback(async ({ forceRefreshToken }) => (forceRefreshToken ? await "
			  "refresh() : await getAccessToken()) ?? null, [getAccessToken, refresh]); return "
			  "{ isLoading: loading, isAuthenticated: !!user, fetchAccessToken }; }`");
	}
}

static const char *module_of(const struct lint_react_call *k)
{
	return k->module ? k->module : "@workos-inc/authkit-nextjs/components";
}

static void report_key(struct lint_ctx *ctx, struct lint_file *f, const struct lint_react_call *k,
		       TSNode at, const char *key, bool destructured)
{
	struct lint_diag *d;

	if (!strcmp(key, "getAccessToken")) {
		d = lint_report(ctx, &f->src, ts_node_start_byte(at), ts_node_end_byte(at),
				"getAccessToken %s %s() (%s), which has none (that is authkit-react's "
				"API): it is undefined, and calling it throws a TypeError",
				destructured ? "destructured from" : "read from", k->callee, module_of(k));
		lint_help(d, "take it from useAccessToken(): `const { getAccessToken } = "
			  "useAccessToken();` (from @workos-inc/authkit-nextjs/components)");
	} else {
		d = lint_report(ctx, &f->src, ts_node_start_byte(at), ts_node_end_byte(at),
				"isLoading %s %s() (%s), which returns `loading` (isLoading is "
				"authkit-react's name): it is always undefined, so Convex and your UI treat "
				"auth as already loaded", destructured ? "destructured from" : "read from",
				k->callee, module_of(k));
		lint_help(d, "rename on the way out: `const { loading: isLoading } = %s();`", k->callee);
	}
}

static bool wrong_key(const struct lint_source *src, TSNode key, const char **name)
{
	if (ts_text_eq(src, key, "getAccessToken"))
		*name = "getAccessToken";
	else if (ts_text_eq(src, key, "isLoading"))
		*name = "isLoading";
	else
		return false;
	return true;
}

/* const { getAccessToken, isLoading: x } = useAuth(); on authkit-nextjs's useAuth */
static void check_destructuring(struct lint_ctx *ctx, struct lint_file *f,
				const struct lint_react_comp *c)
{
	struct ts_kids kd, kp;
	TSNode d, p;
	size_t i;

	for (i = 0; i < c->nstmts; i++) {
		TSNode s = c->stmts[i];

		if (!ts_is(s, "lexical_declaration") && !ts_is(s, "variable_declaration"))
			continue;
		for (ts_kids_init(&kd, s); ts_kids_next(&kd, &d);) {
			TSNode pat = ts_field(d, "name");
			TSNode val = ts_unwrap(ts_field(d, "value"));
			int k = ts_is(val, "call_expression") ? lint_react_call_at(c, val) : -1;

			if (k < 0 || !ts_is(pat, "object_pattern") ||
			    !lint_react_call_is(&c->calls[k], pv_authkit_next, "useAuth"))
				continue;
			for (ts_kids_init(&kp, pat); ts_kids_next(&kp, &p);) {
				TSNode key = p;
				const char *name;

				if (ts_is(p, "pair_pattern"))
					key = ts_field(p, "key");
				else if (ts_is(p, "object_assignment_pattern"))
					key = ts_field(p, "left");
				if (wrong_key(&f->src, key, &name))
					report_key(ctx, f, &c->calls[k], key, name, true);
			}
		}
	}
}

struct member_walk {
	struct lint_ctx *ctx;
	struct lint_file *f;
	const struct lint_react *r;
	const struct lint_react_comp *c;
};

/* auth.getAccessToken / useAuth().isLoading, with auth = useAuth() of authkit-nextjs */
static bool member_visit(TSNode n, void *ud)
{
	struct member_walk *w = ud;
	TSNode obj, prop;
	const struct lint_react_var *v;
	const char *name;
	int k = -1;

	if (!ts_is(n, "member_expression"))
		return true;
	prop = ts_field(n, "property");
	if (!wrong_key(&w->f->src, prop, &name))
		return true;
	obj = ts_unwrap(ts_field(n, "object"));
	if (ts_is(obj, "call_expression")) {
		k = lint_react_call_at(w->c, obj);
	} else if (ts_is(obj, "identifier") && (v = lint_react_var_at(w->r, w->c, obj)) &&
		   v->nsrcs == 1 && !v->derived && !v->srcs[0].prop) {
		k = (int)v->srcs[0].call;
	}
	if (k >= 0 && lint_react_call_is(&w->c->calls[k], pv_authkit_next, "useAuth"))
		report_key(w->ctx, w->f, &w->c->calls[k], prop, name, false);
	return true;
}

static void check(struct lint_ctx *ctx, struct lint_file *f)
{
	const struct lint_react *r;
	size_t i, j;

	/* every shape names useAuth: the prop, the call, or the import an alias renames */
	if (!memmem(f->src.buf, f->src.len, "useAuth", 7))
		return;
	r = lint_react_get(f);
	if (!r || r->partial)
		return;
	for (i = 0; i <= r->ncomps; i++) {
		const struct lint_react_comp *c = i < r->ncomps ? &r->comps[i] : r->top;

		for (j = 0; j < c->nelems; j++)
			check_provider(ctx, f, r, c, &c->elems[j]);
		if (c->kind != REACT_MODULE) {
			struct member_walk w = { ctx, f, r, c };

			check_destructuring(ctx, f, c);
			/* member_visit() reports only on a call of authkit-nextjs's useAuth in c */
			for (j = 0; j < c->ncalls; j++)
				if (lint_react_call_is(&c->calls[j], pv_authkit_next, "useAuth"))
					break;
			if (j < c->ncalls)
				ts_walk(c->fn, member_visit, &w);
		}
	}
}

const struct lint_rule rule_authkit_hook_mismatch = {
	.id = "authkit-hook-mismatch",
	.severity = SEV_ERROR,
	.family = "providers",
	.summary = "an AuthKit hook used with the other AuthKit package's shape, so Convex gets no token",
	.description =
		"The two AuthKit packages have different useAuth() hooks. @workos-inc/authkit-react's\n"
		"returns { isLoading, user, getAccessToken, ... }; @workos-inc/authkit-nextjs's (from\n"
		"/components) returns { loading, user, ... } and has no getAccessToken: in Next.js the\n"
		"token comes from useAccessToken(). ConvexProviderWithAuthKit (@convex-dev/workos, or the\n"
		"Vite template's local copy) is written for authkit-react's hook, and ConvexProviderWithAuth\n"
		"(convex/react) needs an adapter returning { isLoading, isAuthenticated, fetchAccessToken }.\n"
		"The rule fires when:\n"
		"  - ConvexProviderWithAuthKit is given useAuth from @workos-inc/authkit-nextjs: Convex\n"
		"    never gets a token;\n"
		"  - ConvexProviderWithAuth is given either package's useAuth as is: isAuthenticated and\n"
		"    fetchAccessToken are undefined, so Convex never authenticates;\n"
		"  - getAccessToken or isLoading is destructured from (or read off) authkit-nextjs's\n"
		"    useAuth(): both are undefined there.\n"
		"Hooks are recognised by import (aliases and namespaces included), never by name alone.",
	.example =
		"// wrong (Next.js)\n"
		"import { useAuth } from \"@workos-inc/authkit-nextjs/components\";\n"
		"<ConvexProviderWithAuthKit client={convex} useAuth={useAuth}>\n"
		"const { isLoading, getAccessToken } = useAuth();\n"
		"// right\n"
		"<ConvexProviderWithAuth client={convex} useAuth={useAuthFromAuthKit}>\n"
		"const { loading: isLoading } = useAuth();\n"
		"const { getAccessToken } = useAccessToken();",
	.fix =
		"Match the hook to the package. React + Vite (authkit-react): <ConvexProviderWithAuthKit\n"
		"client={convex} useAuth={useAuth}> from @convex-dev/workos. Next.js (authkit-nextjs):\n"
		"<ConvexProviderWithAuth client={convex} useAuth={useAuthFromAuthKit}> from convex/react,\n"
		"where useAuthFromAuthKit reads `loading` and `user` from useAuth() and the token from\n"
		"useAccessToken(), as in the Convex nextjs-authkit template.",
	.sources =
		"@convex-dev/workos src/index.tsx (the useAuth shape it requires; \"must be wrapped by a\n"
		"configured AuthKitProvider, from @workos-inc/authkit-react\"); @workos-inc/authkit-nextjs\n"
		"src/components (useAuth returns `loading`, no getAccessToken; useAccessToken); convex/react\n"
		"ConvexProviderWithAuth; get-convex/templates template-nextjs-authkit\n"
		"components/ConvexClientProvider.tsx.",
	.applies = APPLIES_WORKOS,
	.triggers = triggers,
	.also = also,
	.local = true,
	.slice = true,
	.slice_imports = slice_imports,
	.check_file = check,
};
