/* signout_get_handler.c - a sign-out/logout route handler that signs out on GET. */
#include <string.h>

#include "routes.h"

/* handlers that call signOut, or sit at a sign-out path (paths are matched in lower case) */
static const char *const route_words[] = {
	"signOut", "signout", "sign-out", "sign_out", "logout", "log-out", "log_out", NULL,
};

static struct lint_regex out_seg = LINT_REGEX("(?i)^(?:sign[-_]?out|log[-_]?out)$");

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	struct lint_next *nx = lint_next_get(ctx);
	size_t i;

	(void)app;	/* lint_next_get() reads ctx->app */
	for (i = 0; i < nx->nroutes; i++) {
		const struct lint_route *r = &nx->routes[i];
		const struct lint_route_seg *last = r->nsegs ? &r->segs[r->nsegs - 1] : NULL;
		bool named = last && last->kind == SEG_STATIC && lint_regex_match(&out_seg, last->name);
		struct lint_diag *d;

		if (r->kind != ROUTE_HANDLER || !(r->methods & HTTP_GET))
			continue;
		if (!named && !(r->calls & AK_BIT(AK_SIGN_OUT)))
			continue;
		d = lint_report(ctx, &r->file->src, r->get_start, r->get_end,
				"GET %s signs the user out: a <Link> prefetch, a crawler or a cross-site "
				"<img src=\"%s\"> is enough to end a session", r->url, r->url);
		lint_help(d, "export POST instead of GET and sign out from a <form method=\"post\" "
			  "action=\"%s\">, or call signOut() in a server action", r->url);
	}
}

const struct lint_rule rule_signout_get_handler = {
	.id = "signout-get-handler",
	.severity = SEV_WARNING,
	.family = "next",
	.summary = "a sign-out route handler exports GET",
	.description =
		"Signing out changes state, so it should not happen on a GET: browsers and Next.js\n"
		"fetch GET URLs on their own. A <Link> to the route is prefetched when it scrolls\n"
		"into view, link previews and crawlers follow it, and any other site can sign your\n"
		"users out with <img src=\"https://your.app/sign-out\"> (logout CSRF).\n"
		"Fires on route handlers (app/**/route.*) that export GET and whose last path\n"
		"segment is sign-out, signout, sign_out, logout or log-out, or that call signOut()\n"
		"from @workos-inc/authkit-nextjs. (An authkit-nextjs maintainer once suggested a GET\n"
		"route for this; WorkOS's own doctor now flags it.)",
	.example =
		"// wrong: app/sign-out/route.ts\n"
		"export async function GET() { await signOut(); }\n"
		"// right\n"
		"export async function POST() { await signOut(); }\n"
		"// and in the page: <form action=\"/sign-out\" method=\"post\"><button>Sign out</button></form>",
	.fix =
		"Export POST instead of GET and submit it from a form, or drop the route and call\n"
		"signOut() from a server action.",
	.sources =
		"WorkOS CLI doctor SIGNOUT_GET_HANDLER; workos/authkit-nextjs issue #99; OWASP, logout\n"
		"CSRF.",
	.applies = APPLIES_NEXT,
	.roles = ROLE_ROUTE,
	.route_words = route_words,
	.check_app = check,
};
