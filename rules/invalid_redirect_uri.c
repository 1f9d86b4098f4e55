/*
 * invalid_redirect_uri.c - authkit-react's AuthKitProvider given a redirectUri that is not an
 * absolute URL.
 *
 * AuthKit sends redirectUri to WorkOS as redirect_uri, and when the browser comes back with
 * ?code= it compares the current path with new URL(redirectUri).pathname. A relative or empty
 * value makes new URL() throw; a host without a scheme ("localhost:5173/callback") parses with
 * "localhost:" as the scheme, so the path never matches. Either way sign-in never completes.
 * The value is checked where it is written: the JSX literal, a const it names, or the env
 * files behind import.meta.env.X / process.env.X (each scope's winning value, and templates).
 * Leaving redirectUri out is fine (it defaults to window.origin).
 */
#include <string.h>

#include "rule.h"
#include "react.h"
#include "providers.h"

#define RESOLVE_DEPTH	4	/* const-to-const links followed */

static const char *const triggers[] = { "redirectUri", NULL };

enum shape {
	URI_OK,
	URI_EMPTY,
	URI_RELATIVE,		/* new URL() throws */
	URI_NO_SCHEME,		/* "localhost:5173/cb": the host becomes the scheme */
};

struct state {
	struct lint_ctx *ctx;
	struct lint_file *f;
	const struct lint_react *r;
	const struct lint_react_comp *c;
	const struct lint_react_elem *e;
	const void **done;	/* env entries already reported */
	size_t ndone, alloc;
};

static enum shape shape_of(const char *s)
{
	const char *p = s;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return URI_EMPTY;
	if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
		const char *q = p + 1;

		while ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') ||
		       *q == '+' || *q == '.' || *q == '-')
			q++;
		if (q[0] == ':' && q[1] == '/' && q[2] == '/' && q[3] && !strchr("/?# \t", q[3]))
			return URI_OK;
		if (q[0] == ':')
			return URI_NO_SCHEME;
	}
	return URI_RELATIVE;
}

static const char *port_for(const struct lint_app *app)
{
	return app && app->fw == FW_NEXT ? "3000" : "5173";
}

/* The path part of a bad value, to build the suggested URL from: "/callback" by default. */
static const char *path_of(struct arena *a, const char *s)
{
	const char *slash;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '.')
		s++;
	slash = strchr(s, '/');
	if (!slash || strpbrk(slash, " \t\"'`"))
		return "/callback";
	return arena_strdup(a, slash);
}

static const char *consequence(enum shape sh)
{
	if (sh == URI_NO_SCHEME)
		return "new URL() reads its host as the scheme, so AuthKit never recognises the "
		       "callback path and sign-in never completes";
	return "AuthKit sends it to WorkOS as redirect_uri and, back on the callback, runs new "
	       "URL(redirectUri), which throws a TypeError (invalid URL), so sign-in never completes";
}

static const char *describe(struct arena *a, const char *v, enum shape sh)
{
	if (sh == URI_EMPTY)
		return "is empty";
	if (sh == URI_NO_SCHEME)
		return arena_printf(a, "\"%s\" has no http:// or https:// scheme", v);
	return arena_printf(a, "\"%s\" is not an absolute URL", v);
}

static void check_literal(struct state *st, TSNode at, const char *v)
{
	enum shape sh = shape_of(v);
	struct lint_diag *d;

	if (sh == URI_OK)
		return;
	d = lint_report(st->ctx, &st->f->src, ts_node_start_byte(at), ts_node_end_byte(at),
			"AuthKitProvider redirectUri %s: %s", describe(st->ctx->arena, v, sh),
			consequence(sh));
	lint_help(d, "write the full URL of the callback route, e.g. \"http://localhost:%s%s\" in "
		  "development, and read it from an env variable so production can use its own "
		  "(https://...)", port_for(st->f->app), path_of(st->ctx->arena, v));
}

static bool first_report(struct state *st, const void *entry)
{
	size_t i;

	for (i = 0; i < st->ndone; i++)
		if (st->done[i] == entry)
			return false;
	if (st->ndone == st->alloc) {
		size_t n = st->alloc ? st->alloc * 2 : 8;
		const void **d = ARENA_ARRAY(st->ctx->arena, const void *, n);

		if (st->ndone)
			memcpy(d, st->done, st->ndone * sizeof(*d));
		st->done = d;
		st->alloc = n;
	}
	st->done[st->ndone++] = entry;
	return true;
}

static void check_entry(struct state *st, const struct lint_envfile *e, const struct dotenv_entry *d,
			TSNode read)
{
	const char *v = d->expanded ? d->expanded : d->value;
	enum shape sh = shape_of(v);
	struct lint_diag *diag;
	uint32_t line = ts_node_start_point(read).row + 1;

	if (sh == URI_OK || !first_report(st, d))
		return;
	diag = lint_report(st->ctx, &e->src, d->value_start, d->value_end,
			   "%s %s, and AuthKitProvider (%s:%u) passes it as redirectUri: %s", d->key,
			   describe(st->ctx->arena, v, sh), st->f->relpath, line, consequence(sh));
	lint_help(diag, "set %s=%s://%s%s (the callback URL registered in the WorkOS dashboard)",
		  d->key, e->scope == ENV_PRODUCTION ? "https" : "http",
		  e->scope == ENV_PRODUCTION ? "your-app.example.com"
					     : arena_printf(st->ctx->arena, "localhost:%s",
							    port_for(st->f->app)),
		  path_of(st->ctx->arena, v));
}

static void check_env(struct state *st, const char *key, TSNode read)
{
	const struct lint_app *app = st->f->app;
	const struct lint_envfile *where;
	const struct dotenv_entry *d;
	int scope;
	size_t i;

	if (!app)
		return;
	for (scope = ENV_DEVELOPMENT; scope <= ENV_OTHER; scope++) {
		where = NULL;
		d = lint_app_env(app, (enum lint_env_scope)scope, key, &where);
		if (d && where)
			check_entry(st, where, d, read);
	}
	/* templates teach the value too */
	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *e = app->envs[i];

		if (e->scope == ENV_TEMPLATE && e->at_root && (d = dotenv_get(&e->env, key)))
			check_entry(st, e, d, read);
	}
}

/*
 * The env variable a member expression reads, when the bundler puts its env-file value into
 * the browser code: import.meta.env.VITE_* in Vite, process.env.NEXT_PUBLIC_* in Next.js,
 * process.env.REACT_APP_* elsewhere. Any other read is undefined in the browser (AuthKit then
 * falls back to window.origin), so it is not judged here.
 */
static const char *env_key(struct state *st, TSNode n)
{
	TSNode obj = ts_unwrap(ts_field(n, "object")), prop = ts_field(n, "property");
	enum lint_framework fw = st->f->app ? st->f->app->fw : FW_OTHER;
	bool meta = ts_text_eq(&st->f->src, obj, "import.meta.env");
	const char *key;

	if (!ts_is(prop, "property_identifier") ||
	    (!meta && !ts_text_eq(&st->f->src, obj, "process.env")))
		return NULL;
	key = ts_text(st->ctx->arena, &st->f->src, prop);
	if (meta)
		return fw != FW_NEXT && starts_with(key, "VITE_") ? key : NULL;
	if (fw == FW_NEXT)
		return starts_with(key, "NEXT_PUBLIC_") ? key : NULL;
	return fw != FW_VITE && starts_with(key, "REACT_APP_") ? key : NULL;
}

static void resolve(struct state *st, TSNode v, int depth)
{
	const struct lint_source *src = &st->f->src;
	const char *s;
	TSNode decl;

	v = ts_unwrap(v);
	if (depth > RESOLVE_DEPTH || ts_node_is_null(v))
		return;
	if (ts_is(v, "string") || ts_is(v, "template_string")) {
		s = ts_string_value(st->ctx->arena, src, v);
		if (s)
			check_literal(st, v, s);
		return;
	}
	if (ts_is(v, "member_expression")) {
		s = env_key(st, v);
		if (s)
			check_env(st, s, v);
		return;
	}
	if (!ts_is(v, "identifier"))
		return;		/* a call, a ternary, a fallback: not judged */
	s = ts_text(st->ctx->arena, src, v);
	if (st->c->kind != REACT_MODULE) {
		if (pv_binds_param(src, st->c->fn, s))
			return;
		if (pv_find_decl(src, st->c->stmts, st->c->nstmts, st->c->fn, s, strlen(s), &decl)) {
			resolve(st, decl, depth + 1);
			return;
		}
	}
	if (pv_find_decl(src, NULL, 0, ts_tree_root_node(st->f->tree), s, strlen(s), &decl))
		resolve(st, decl, depth + 1);
}

static void check(struct lint_ctx *ctx, struct lint_file *f)
{
	struct state st;
	size_t i, j;

	if (!memmem(f->src.buf, f->src.len, "redirectUri", 11))
		return;
	memset(&st, 0, sizeof(st));
	st.ctx = ctx;
	st.f = f;
	st.r = lint_react_get(f);
	if (!st.r || st.r->partial)
		return;
	for (i = 0; i <= st.r->ncomps; i++) {
		st.c = i < st.r->ncomps ? &st.r->comps[i] : st.r->top;
		for (j = 0; j < st.c->nelems; j++) {
			TSNode v;

			st.e = &st.c->elems[j];
			if (!lint_react_elem_is(st.e, pv_authkit_react, "AuthKitProvider") ||
			    lint_react_attr(st.r, st.e, "redirectUri", &v) != ATTR_SET || ts_node_is_null(v))
				continue;
			resolve(&st, v, 0);
		}
	}
}

const struct lint_rule rule_invalid_redirect_uri = {
	.id = "invalid-redirect-uri",
	.severity = SEV_ERROR,
	.family = "providers",
	.summary = "AuthKitProvider's redirectUri (or the env value it reads) is not an absolute URL",
	.description =
		"@workos-inc/authkit-react sends redirectUri to WorkOS as redirect_uri, and when the\n"
		"browser returns with ?code= it handles the callback only if the current path equals\n"
		"new URL(redirectUri).pathname. A relative value (\"/callback\") or an empty one makes\n"
		"new URL() throw a TypeError; a host without a scheme (\"localhost:5173/callback\")\n"
		"parses with the host as the scheme, so the path never matches. Sign-in then never\n"
		"completes.\n"
		"The rule checks the redirectUri prop of AuthKitProvider (from @workos-inc/authkit-react):\n"
		"a string literal, a const it names, or the env variable it reads (import.meta.env.VITE_*\n"
		"in Vite, process.env.NEXT_PUBLIC_* in Next.js, process.env.REACT_APP_* elsewhere), whose\n"
		"value it looks up in the app's env files (the winning value of each scope, and templates\n"
		"such as .env.local.example). A missing prop is fine: AuthKit then uses window.origin.\n"
		"Values it cannot know stay unjudged.",
	.example =
		"# wrong: .env.local\n"
		"VITE_WORKOS_REDIRECT_URI=/callback\n"
		"# right\n"
		"VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback",
	.fix =
		"Use the full callback URL, scheme and host included, as registered in the WorkOS\n"
		"dashboard: http://localhost:5173/callback in development, https://<your domain>/callback\n"
		"in production (set per environment, e.g. in .env.local and the host's env settings).",
	.sources =
		"@workos-inc/authkit-js src/utils/is-redirect-callback.ts (new URL(redirectUri).pathname)\n"
		"and src/create-client.ts (redirectUri defaults to window.origin); get-convex/templates\n"
		"template-react-vite-authkit .env.local.example.",
	.applies = APPLIES_WORKOS,
	.triggers = triggers,
	.local = true,
	.check_file = check,
};
