/* auth_link_prefetch.c - a next/link <Link> to a sign-in/sign-up/sign-out route handler. */
#include <string.h>

#include "routes.h"
#include "react.h"

/*
 * Every Next.js component imports next/link, so that is no filter: a link to an auth route
 * spells the route in the file (an href the rule cannot read is not judged anyway).
 */
static const char *const triggers[] = {
	"sign-in", "signin", "sign_in", "sign-up", "signup", "sign_up", "sign-out", "signout",
	"sign_out", "login", "log-in", "log_in", "logout", "log-out", "log_out", "SignIn", "SignUp",
	"SignOut", "Login", "Logout", NULL,
};

/* what check() reads of a leaf: the elements named by next/link's default export (slice) */
static const char *const next_link[] = { "next/link", NULL };
static const struct lint_slice_import slice_imports[] = {
	{ next_link, "default" },
	{ NULL, NULL },
};

/* route handlers a link can point at by mistake: by their calls or their path */
static const char *const route_words[] = {
	"getSignInUrl", "getSignUpUrl", "signOut", "sign-in", "signin", "sign_in", "sign-up",
	"signup", "sign_up", "sign-out", "signout", "sign_out", "login", "log-in", "log_in",
	"logout", "log-out", "log_out", NULL,
};

/* sign-in, signin, sign_in, sign-up, login, log-in, sign-out, logout ... as one path segment */
static struct lint_regex auth_seg = LINT_REGEX("(?i)^(?:sign[-_]?(?:in|up|out)|log[-_]?(?:in|out))$");
static struct lint_regex out_seg = LINT_REGEX("(?i)^(?:sign[-_]?out|log[-_]?out)$");

/* The href's path: a string, a template without ${}, or { pathname: "..." }. */
static char *href_path(struct lint_file *f, TSNode value)
{
	char *s = NULL;

	if (ts_is(value, "jsx_expression"))
		value = ts_unwrap(ts_node_named_child(value, 0));
	if (ts_is(value, "object")) {
		struct ts_kids k;
		TSNode pair;

		for (ts_kids_init(&k, value); ts_kids_next(&k, &pair);) {
			if (ts_is(pair, "pair") && ts_text_eq(&f->src, ts_field(pair, "key"), "pathname"))
				s = ts_string_value(f->arena, &f->src, ts_field(pair, "value"));
		}
	} else {
		s = ts_string_value(f->arena, &f->src, value);
	}
	/* only paths of this app: not "https://...", "//host/..." or "#top" */
	if (!s || s[0] != '/' || s[1] == '/')
		return NULL;
	s[strcspn(s, "?#")] = '\0';
	return s;
}

/* Which path segment names an auth route; *out when it is a sign-out one. */
static bool auth_path(const char *path, bool *out)
{
	const char *p = path;

	*out = false;
	while (*p) {
		size_t n = strcspn(p, "/");
		char seg[64];

		if (n && n < sizeof(seg)) {
			memcpy(seg, p, n);
			seg[n] = '\0';
			if (lint_regex_match(&auth_seg, seg)) {
				*out = lint_regex_match(&out_seg, seg);
				return true;
			}
		}
		p += n;
		if (*p)
			p++;
	}
	return false;
}

struct scan {
	struct lint_ctx *ctx;
	struct lint_file *f;
	const struct lint_next *nx;
};

static void check_link(struct scan *s, TSNode el)
{
	const struct lint_route *r;
	const char *module, *imported;
	char *path = NULL;
	TSNode href = { 0 };
	bool named, out, no_prefetch = false;
	struct lint_diag *d;
	struct ts_kids k;
	TSNode a;

	if (!lint_react_resolve(s->f, ts_field(el, "name"), &module, &imported) ||
	    strcmp(module, "next/link") || strcmp(imported, "default"))
		return;
	for (ts_kids_init(&k, el); ts_kids_next(&k, &a);) {
		TSNode name = ts_node_named_child(a, 0), v = ts_node_named_child(a, 1);

		if (!ts_is(a, "jsx_attribute"))
			continue;
		if (ts_text_eq(&s->f->src, name, "href")) {
			href = v;
			path = ts_node_is_null(href) ? NULL : href_path(s->f, href);
		} else if (ts_text_eq(&s->f->src, name, "prefetch") && ts_is(v, "jsx_expression") &&
			   ts_is(ts_node_named_child(v, 0), "false")) {
			no_prefetch = true;
		}
	}
	if (!path)
		return;
	r = lint_next_resolve(s->nx, path);
	if (!r || r->kind != ROUTE_HANDLER)
		return;	/* a page is what <Link> is for */
	named = auth_path(path, &out);
	if (r->calls & AK_BIT(AK_SIGN_OUT))
		out = true;
	if (!named && !(r->calls & (AK_BIT(AK_SIGN_IN_URL) | AK_BIT(AK_SIGN_UP_URL) |
				    AK_BIT(AK_SIGN_OUT))))
		return;
	if (r->exports_known && !(r->methods & HTTP_GET)) {
		d = lint_report(s->ctx, &s->f->src, ts_node_start_byte(href), ts_node_end_byte(href),
				"<Link> to %s sends a GET, but %s exports no GET handler: following the "
				"link answers 405 Method Not Allowed", path, r->file->src.path);
		lint_help(d, out ? "sign out with a <form action=\"%s\" method=\"post\"> or a server "
			  "action that calls signOut(), not a link" : "use a plain <a href=\"%s\"> and "
			  "export GET from the route", path);
	} else if (out && !no_prefetch) {
		d = lint_report(s->ctx, &s->f->src, ts_node_start_byte(href), ts_node_end_byte(href),
				"<Link> to %s, the route handler that signs users out (%s): Next.js "
				"prefetches links as they scroll into view, so rendering this link can "
				"sign the user out", path, r->file->src.path);
		lint_help(d, "sign out with a <form action=\"%s\" method=\"post\"> (a POST handler) or "
			  "a server action that calls signOut(), not a link", path);
	} else {
		d = lint_report(s->ctx, &s->f->src, ts_node_start_byte(href), ts_node_end_byte(href),
				"<Link> to %s, a route handler that redirects to %s (%s): Next.js "
				"%s with fetch(), follows the redirect to WorkOS and fails with a CORS "
				"error", path, out ? "WorkOS's logout" : "AuthKit", r->file->src.path,
				no_prefetch ? "navigates (prefetch={false} does not change that)"
					    : "prefetches and navigates");
		lint_help(d, out ? "sign out with a <form action=\"%s\" method=\"post\"> or a server "
			  "action that calls signOut(), not a link" : "use a plain <a href=\"%s\"> for "
			  "auth routes (the official template does)", path);
	}
}

static bool visit(TSNode n, void *ud)
{
	if (ts_is(n, "jsx_opening_element") || ts_is(n, "jsx_self_closing_element"))
		check_link(ud, n);
	return true;
}

static void check(struct lint_ctx *ctx, struct lint_file *f)
{
	struct scan s = { ctx, f, NULL };
	size_t i;

	for (i = 0; i < f->nimports; i++)
		if (!strcmp(f->imports[i].module, "next/link"))
			break;
	if (i == f->nimports)
		return;
	s.nx = lint_next_get(ctx);
	if (s.nx->urls_rewritten)
		return;
	ts_walk(ts_tree_root_node(f->tree), visit, &s);
}

const struct lint_rule rule_auth_link_prefetch = {
	.id = "auth-link-prefetch",
	.severity = SEV_WARNING,
	.family = "next",
	.summary = "a next/link <Link> points at a sign-in, sign-up or sign-out route handler",
	.description =
		"<Link> from next/link prefetches its target when it scrolls into view and navigates\n"
		"with fetch() instead of a full page load. Auth route handlers are not pages: a\n"
		"sign-in or sign-up handler answers with a redirect to WorkOS, which fetch() follows\n"
		"cross-origin and the browser blocks (CORS errors in the console, a button that does\n"
		"nothing); a sign-out handler that accepts GET is run by the prefetch itself and\n"
		"signs the user out. The template uses plain <a> tags for these buttons.\n"
		"Fires only when the href (a literal path) resolves to a route handler in the app\n"
		"whose path names an auth action (sign-in, signup, login, sign-out, logout, ...) or\n"
		"that calls getSignInUrl, getSignUpUrl or signOut. Links to pages are fine.",
	.example =
		"// wrong\n"
		"<Link href=\"/sign-in\">Sign in</Link>\n"
		"// right\n"
		"<a href=\"/sign-in\">Sign in</a>",
	.fix =
		"Use a plain <a href> for sign-in and sign-up routes; sign out with a form that POSTs\n"
		"or a server action calling signOut().",
	.sources =
		"workos/template-convex-nextjs-authkit PR #9 \"Fix CORS errors on auth buttons by\n"
		"using anchor tags\" (bc89abe); WorkOS CLI doctor SIGNOUT_LINK_PREFETCH; Next.js docs,\n"
		"Link prefetching.",
	.applies = APPLIES_NEXT,
	.triggers = triggers,
	.roles = ROLE_ROUTE,
	.route_words = route_words,
	.check_file = check,
	.slice = true,
	.slice_imports = slice_imports,
};
