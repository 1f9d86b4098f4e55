/* missing_workos_issuer.c - the auth config lacks one of WorkOS's two JWT issuers. */
#include <string.h>

#include "authcfg.h"

/* Provider A: WorkOS's shared issuer, tokens carry aud = client id. Trailing slash optional (F14). */
static bool shared_issuer(const char *s)
{
	return !strcmp(s, "https://api.workos.com/") || !strcmp(s, "https://api.workos.com");
}

/* Provider B: the per-client AuthKit issuer, tokens carry no aud. */
static bool user_mgmt_issuer(const char *s)
{
	static const char prefix[] = "https://api.workos.com/user_management/";

	return starts_with(s, prefix) && s[sizeof(prefix) - 1] && s[sizeof(prefix) - 1] != '/';
}

static const struct lint_value *str_prop(const struct lint_value *p, const char *key)
{
	const struct lint_prop *pr = lint_value_get(p, key);

	return pr ? pr->value : NULL;
}

/* An OIDC-style provider (domain:, no issuer) that points at workos.com. */
static bool legacy_domain(const struct lint_value *p)
{
	const struct lint_value *d = str_prop(p, "domain"), *t = str_prop(p, "type");

	return d && d->kind == LV_STRING && authcfg_workos_url(d->str) && !str_prop(p, "issuer") &&
	       (!t || t->kind == LV_UNDEFINED || lint_value_is_str(t, "oidc"));
}

/* A provider whose issuer or domain key is misspelled (issuerUrl): misspelled-provider-key's. */
static bool misspelled_issuer(const struct lint_value *p)
{
	for (size_t i = 0; i < p->nprops; i++) {
		const char *m = authcfg_near_miss(p->props[i].key);

		if (m && (!strcmp(m, "issuer") || !strcmp(m, "domain")) && !str_prop(p, m))
			return true;
	}
	return false;
}

/*
 * The client id expression the config already uses, for the help text: the part after
 * "/user_management/" or "/sso/jwks/" in a known provider, else ${clientId}.
 */
static const char *client_expr(struct lint_ctx *ctx, const struct lint_value *providers)
{
	size_t i;

	for (i = 0; i < providers->nitems; i++) {
		const struct lint_value *p = providers->items[i];
		const struct lint_value *v[2] = { str_prop(p, "issuer"), str_prop(p, "jwks") };
		const char *marks[2] = { "/user_management/", "/sso/jwks/" };

		if (p->kind != LV_OBJECT)
			continue;
		for (int k = 0; k < 2; k++) {
			const char *at;

			if (!v[k] || v[k]->kind != LV_STRING || !(at = strstr(v[k]->str, marks[k])))
				continue;
			at += strlen(marks[k]);
			if (starts_with(at, "${env:") && strchr(at, '}'))
				return arena_printf(ctx->arena, "${process.env.%.*s}",
						    (int)(strchr(at, '}') - at - 6), at + 6);
		}
	}
	return "${clientId}";
}

/* --- the fix: the missing provider, written like the one that is there --- */

#define SHARED_ISSUER	"https://api.workos.com/"
#define UM_PREFIX	"https://api.workos.com/user_management/"
#define JWKS_PREFIX	"https://api.workos.com/sso/jwks/"

/* How the client id is written in a URL: an expression, or the id itself. */
struct client_id {
	const char *expr;		/* `clientId`, `process.env.WORKOS_CLIENT_ID`, or NULL */
	const char *lit;		/* the id of a plain literal URL, or NULL */
	bool concat;			/* "prefix" + expr rather than `prefix${expr}` */
};

static bool id_expr(TSNode n)
{
	n = ts_unwrap(n);
	return ts_is(n, "identifier") || ts_is(n, "member_expression") ||
	       ts_is(n, "subscript_expression");
}

/* The client id part of prefix + id written at bytes [start, end) (a URL expression). */
static bool url_id(struct lint_ctx *ctx, const struct lint_file *cf, uint32_t start, uint32_t end,
		   const char *prefix, struct client_id *out)
{
	const struct lint_source *src = &cf->src;
	TSNode n = ts_unwrap(ts_node_at(cf->tree, start, end));
	size_t plen = strlen(prefix);

	memset(out, 0, sizeof(*out));
	if (ts_is(n, "template_string")) {
		/* exactly `prefix${expr}` */
		TSNode frag = ts_node_named_child(n, 0), sub = ts_node_named_child(n, 1);

		if (ts_node_named_child_count(n) != 2 || !ts_is(frag, "string_fragment") ||
		    !ts_text_eq(src, frag, prefix) || !ts_is(sub, "template_substitution") ||
		    ts_node_named_child_count(sub) != 1 || !id_expr(ts_node_named_child(sub, 0)))
			return false;
		out->expr = ts_text(ctx->arena, src, ts_node_named_child(sub, 0));
		return true;
	}
	if (ts_is(n, "binary_expression") && ts_text_eq(src, ts_field(n, "operator"), "+")) {
		const char *left = ts_string_value(ctx->arena, src, ts_field(n, "left"));

		if (!left || strcmp(left, prefix) || !id_expr(ts_field(n, "right")))
			return false;
		out->expr = ts_text(ctx->arena, src, ts_field(n, "right"));
		out->concat = true;
		return true;
	}
	if (ts_is(n, "string")) {
		const char *v = ts_string_value(ctx->arena, src, n);

		/* a plain literal (no escapes) holding prefix + one path segment */
		if (!v || !starts_with(v, prefix) || !v[plen] || strchr(v + plen, '/') ||
		    strlen(v) + 2 != ts_node_end_byte(n) - ts_node_start_byte(n))
			return false;
		out->lit = v + plen;
		return true;
	}
	return false;
}

/* The bytes [start, end) of the auth config. */
static const char *text(struct lint_ctx *ctx, const struct lint_source *src, uint32_t s, uint32_t e)
{
	return arena_strndup(ctx->arena, src->buf + s, e - s);
}

/* How the model provider object is laid out. */
struct layout {
	bool multiline;
	const char *unit;		/* one level of indentation */
	bool own_close;			/* its '}' starts a line */
	bool trailing_comma;
	bool inner_space;		/* one line: "{ " and " }" */
};

static void read_layout(struct lint_ctx *ctx, const struct lint_source *src, TSNode obj,
			struct layout *l)
{
	uint32_t s = ts_node_start_byte(obj), e = ts_node_end_byte(obj), i, p;
	const char *base = lint_indent(ctx->arena, src, s);

	memset(l, 0, sizeof(*l));
	l->unit = "  ";
	l->inner_space = s + 1 < e && src->buf[s + 1] == ' ';
	for (p = e - 1; p > s && strchr(" \t\r\n", src->buf[p - 1]); p--)
		;
	l->trailing_comma = p > s && src->buf[p - 1] == ',';
	if (!memchr(src->buf + s, '\n', e - s))
		return;
	/* the first member that starts a line gives the indentation */
	for (i = 0; i < ts_node_named_child_count(obj); i++) {
		TSNode m = ts_node_named_child(obj, i);
		const char *ind;

		if (ts_is(m, "comment") || !lint_first_on_line(src, ts_node_start_byte(m)))
			continue;
		ind = lint_indent(ctx->arena, src, ts_node_start_byte(m));
		if (strlen(ind) > strlen(base) && starts_with(ind, base))
			l->unit = ind + strlen(base);
		l->multiline = true;
		break;
	}
	l->own_close = lint_first_on_line(src, e - 1);
}

struct member {
	const char *key, *value;
};

/* The new provider object: members in the model's order, laid out like it. */
static const char *render(struct lint_ctx *ctx, const struct layout *l, const struct member *m,
			  size_t n, const char *base, const char *nl)
{
	struct strbuf sb = STRBUF_INIT;
	const char *ret;
	size_t i;

	strbuf_addch(&sb, '{');
	for (i = 0; i < n; i++) {
		if (l->multiline)
			strbuf_addf(&sb, "%s%s%s", nl, base, l->unit);
		else if (i || l->inner_space)
			strbuf_addch(&sb, ' ');
		strbuf_addf(&sb, "%s: %s", m[i].key, m[i].value);
		if (i + 1 < n || l->trailing_comma)
			strbuf_addch(&sb, ',');
	}
	if (l->multiline && l->own_close)
		strbuf_addf(&sb, "%s%s}", nl, base);
	else
		strbuf_adds(&sb, l->multiline || l->inner_space ? " }" : "}");
	ret = arena_strdup(ctx->arena, strbuf_str(&sb));
	strbuf_release(&sb);
	return ret;
}

/* A WorkOS customJwt provider written out in full: the model for the missing one. */
static const struct authcfg_provider *model(const struct authcfg *cfg, bool want_um)
{
	size_t i;

	for (i = 0; i < cfg->n; i++) {
		const struct authcfg_provider *p = &cfg->p[i];

		if (p->kind != AK_CUSTOM_JWT || !p->type_exact || !authcfg_str(p->issuer) ||
		    !authcfg_known(p->algorithm) || strcmp(p->algorithm->value->str, "RS256") ||
		    !p->jwks || !authcfg_jwks_client(cfg->app->auth_config->arena, authcfg_str(p->jwks)))
			continue;
		if (want_um ? p->shared_issuer : p->um_issuer)
			return p;
	}
	return NULL;
}

/*
 * The fix adds the missing provider to the providers array, after its last element: a copy
 * of the WorkOS provider that is there (its key order, quotes, layout, its jwks expression)
 * with the other issuer, with applicationID set to the client id expression the config
 * already uses for the shared issuer and without it for the user_management one. Safe: it
 * makes the config the official templates' (W1); the provider it adds accepts only tokens
 * WorkOS issues for this client (the shared issuer checks aud, the other issuer is the
 * client's own), and it reads nothing the config does not read already.
 */
static void add_fix(struct lint_ctx *ctx, struct lint_app *app, struct lint_diag *d,
		    const struct lint_prop *prov, bool want_um)
{
	const struct authcfg *cfg = authcfg_get(app);
	const struct lint_file *cf = app->auth_config;
	const struct lint_source *src = &cf->src;
	const struct authcfg_provider *p;
	struct client_id id;
	struct member m[8];
	struct layout l;
	TSNode obj, arr, last = { { 0 } };
	const char *issuer, *app_id, *nl, *base, *neu, *akey = "applicationID";
	struct lint_edit e[2];
	size_t n = 0, i, ne;
	uint32_t end, at;
	bool own_line, comma;
	char q;

	if (!cfg || !(p = model(cfg, want_um)))
		return;
	obj = ts_unwrap(ts_node_at(cf->tree, p->obj->def_start, p->obj->def_end));
	arr = ts_unwrap(ts_node_at(cf->tree, prov->value->def_start, prov->value->def_end));
	if (!ts_is(obj, "object") || !ts_is(arr, "array"))
		return;
	/* the client id expression, from the URL the new provider shares, else applicationID */
	if (!(want_um ? url_id(ctx, cf, p->jwks->value->def_start, p->jwks->value->def_end,
			       JWKS_PREFIX, &id) :
			url_id(ctx, cf, p->issuer->value->def_start, p->issuer->value->def_end,
			       UM_PREFIX, &id) ||
			url_id(ctx, cf, p->jwks->value->def_start, p->jwks->value->def_end,
			       JWKS_PREFIX, &id))) {
		if (!want_um || !p->app_id ||
		    !id_expr(ts_node_at(cf->tree, p->app_id->value->start, p->app_id->value->end)))
			return;
		memset(&id, 0, sizeof(id));
		id.expr = text(ctx, src, p->app_id->value->start, p->app_id->value->end);
	}
	q = src->buf[p->type->value->start];
	if (q != '"' && q != '\'')
		q = lint_quote_of(src, cf->tree);
	if (!want_um)
		issuer = arena_printf(ctx->arena, "%c%s%c", q, SHARED_ISSUER, q);
	else if (id.lit)
		issuer = arena_printf(ctx->arena, "%c%s%s%c", q, UM_PREFIX, id.lit, q);
	else if (id.concat)
		issuer = arena_printf(ctx->arena, "%c%s%c + %s", q, UM_PREFIX, q, id.expr);
	else
		issuer = arena_printf(ctx->arena, "`%s${%s}`", UM_PREFIX, id.expr);
	app_id = id.lit ? arena_printf(ctx->arena, "%c%s%c", q, id.lit, q) : id.expr;
	if (src->buf[p->type->key_start] == '"' || src->buf[p->type->key_start] == '\'')
		akey = arena_printf(ctx->arena, "%capplicationID%c", src->buf[p->type->key_start],
				    src->buf[p->type->key_start]);
	/* the model's members in its order; applicationID goes before jwks when it has none */
	for (i = 0; i < p->obj->nprops && n + 2 < ARRAY_SIZE(m); i++) {
		const struct lint_prop *k = &p->obj->props[i];
		const char *key = text(ctx, src, k->key_start, k->key_end);
		size_t j;

		for (j = 0; j < n && strcmp(m[j].key, key); j++)
			;
		if (j < n)
			continue;
		if (!strcmp(k->key, "type") || !strcmp(k->key, "algorithm")) {
			m[n].key = key;
			m[n++].value = text(ctx, src, k->value->start, k->value->end);
		} else if (!strcmp(k->key, "issuer")) {
			m[n].key = key;
			m[n++].value = issuer;
		} else if (!strcmp(k->key, "applicationID") && !want_um) {
			m[n].key = key;
			m[n++].value = app_id;
		} else if (!strcmp(k->key, "jwks")) {
			if (!want_um && !p->app_id) {
				m[n].key = akey;
				m[n++].value = app_id;
			}
			m[n].key = key;
			m[n++].value = text(ctx, src, k->value->start, k->value->end);
		}
	}
	/* after the array's last element: on a line of its own when the elements have theirs */
	for (i = ts_node_named_child_count(arr); i > 0; i--) {
		last = ts_node_named_child(arr, (uint32_t)i - 1);
		if (!ts_is(last, "comment"))
			break;
	}
	if (!i)
		return;
	end = ts_node_end_byte(last);
	nl = lint_newline(src, ts_node_start_byte(last));
	own_line = lint_first_on_line(src, ts_node_start_byte(last)) &&
		   (memchr(src->buf + end, '\n', ts_node_end_byte(arr) - 1 - end) ||
		    memchr(src->buf + end, '\r', ts_node_end_byte(arr) - 1 - end));
	for (at = end; at < src->len && (src->buf[at] == ' ' || src->buf[at] == '\t'); at++)
		;
	comma = at < src->len && src->buf[at] == ',';
	at = comma ? at + 1 : end;
	read_layout(ctx, src, obj, &l);
	base = lint_indent(ctx->arena, src, ts_node_start_byte(last));
	neu = render(ctx, &l, m, n, base, nl);
	ne = 1;
	if (own_line) {
		if (lint_rest_blank(src, at))
			at = lint_line_end(src, at);
		e[0].start = e[0].end = at;
		if (comma) {
			e[0].text = arena_printf(ctx->arena, "%s%s%s,", nl, base, neu);
		} else if (at == end) {
			e[0].text = arena_printf(ctx->arena, ",%s%s%s", nl, base, neu);
		} else {
			e[0].text = arena_printf(ctx->arena, "%s%s%s", nl, base, neu);
			e[1].start = e[1].end = end;
			e[1].text = ",";
			ne = 2;
		}
	} else {
		e[0].start = e[0].end = at;
		e[0].text = arena_printf(ctx->arena, comma ? " %s," : ", %s", neu);
	}
	lint_fix(ctx, d, src, true, want_um ? "add the provider for the user_management issuer" :
		 "add the provider for the shared issuer https://api.workos.com/", e, ne);
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct lint_eval *ev = app->auth_eval;
	const struct lint_source *src;
	const struct lint_prop *prov;
	const struct lint_value *list;
	bool has_a = false, has_b = false, workos = false;
	struct lint_diag *d;
	const char *cid;
	bool cw;
	size_t i;

	if (!ev || !ev->config || ev->status != EVAL_OK || ev->config->kind != LV_OBJECT)
		return;
	src = &app->auth_config->src;
	prov = lint_value_get(ev->config, "providers");
	if (!prov || prov->value->kind != LV_ARRAY || (prov->value->flags & LV_PARTIAL))
		return;
	list = prov->value;
	for (i = 0; i < list->nitems; i++) {
		const struct lint_value *p = list->items[i];
		static const char *const keys[] = { "issuer", "domain", "jwks" };

		/* a provider we cannot see could be the missing one: say nothing */
		if (p->kind != LV_OBJECT || (p->flags & LV_PARTIAL))
			return;
		/* one finding per root cause: the rule that names it gives the fix */
		if (legacy_domain(p) && lint_rule_enabled(ctx, "legacy-oidc-workos-provider"))
			return;
		if (misspelled_issuer(p) && lint_rule_enabled(ctx, "misspelled-provider-key"))
			return;
		/*
		 * A WorkOS JWKS behind an issuer on another host is a custom Authentication API
		 * domain (tokens then carry that host as iss): whether both issuers are covered
		 * cannot be judged from here.
		 */
		{
			const struct lint_value *iss = str_prop(p, "issuer"), *jw = str_prop(p, "jwks");

			if (iss && jw && iss->kind == LV_STRING && jw->kind == LV_STRING &&
			    strstr(jw->str, "api.workos.com/") && !strstr(iss->str, "workos.com"))
				return;
		}
		for (size_t k = 0; k < ARRAY_SIZE(keys); k++) {
			const struct lint_value *v = str_prop(p, keys[k]);

			if (!v)
				continue;
			if (v->kind != LV_STRING)
				return;
			/* a host from the environment (a custom auth domain) cannot be judged */
			if (k < 2 && (starts_with(v->str, "https://${env:") || starts_with(v->str, "${env:")))
				return;
			/* a mistyped WorkOS URL is invalid-issuer-url's finding */
			if (k < 2 && strstr(v->str, "workos") && authcfg_url_problem(ctx->arena, v->str, &cw) &&
			    lint_rule_enabled(ctx, "invalid-issuer-url"))
				return;
			if (strstr(v->str, "workos.com"))
				workos = true;
			if (k < 2 && shared_issuer(v->str))
				has_a = true;
			if (k < 2 && user_mgmt_issuer(v->str))
				has_b = true;
		}
	}
	for (i = 0; i < ev->nenv_reads; i++)
		if (starts_with(ev->env_reads[i].name, "WORKOS_"))
			workos = true;
	if (!workos || (has_a && has_b))
		return;
	cid = client_expr(ctx, list);
	if (has_a) {
		d = lint_report(ctx, src, prov->key_start, prov->key_end,
				"the auth config lacks WorkOS's user-management issuer "
				"(https://api.workos.com/user_management/<clientId>): AuthKit access tokens "
				"from it carry no aud claim and fail with \"No auth provider found matching "
				"the given token\"");
		lint_help(d, "add { type: \"customJwt\", issuer: `https://api.workos.com/user_management/%s`, "
			  "algorithm: \"RS256\", jwks: `https://api.workos.com/sso/jwks/%s` } (no applicationID)",
			  cid, cid);
		add_fix(ctx, app, d, prov, true);
	} else if (has_b) {
		d = lint_report(ctx, src, prov->key_start, prov->key_end,
				"the auth config lacks WorkOS's shared issuer (https://api.workos.com/): "
				"tokens issued with iss https://api.workos.com (aud = your client id) fail with "
				"\"No auth provider found matching the given token\"");
		lint_help(d, "add { type: \"customJwt\", issuer: \"https://api.workos.com/\", algorithm: "
			  "\"RS256\", applicationID: clientId, jwks: `https://api.workos.com/sso/jwks/%s` }",
			  cid);
		add_fix(ctx, app, d, prov, false);
	} else {
		d = lint_report(ctx, src, prov->key_start, prov->key_end,
				"the auth config uses WorkOS but has neither of its two JWT issuers: no "
				"WorkOS token is accepted and every Convex call runs unauthenticated");
		lint_help(d, "add both customJwt providers: issuer \"https://api.workos.com/\" with "
			  "applicationID: clientId, and issuer `https://api.workos.com/user_management/%s` "
			  "without applicationID; both with algorithm \"RS256\" and jwks "
			  "`https://api.workos.com/sso/jwks/%s`", cid, cid);
	}
}

const struct lint_rule rule_missing_workos_issuer = {
	.id = "missing-workos-issuer",
	.severity = SEV_ERROR,
	.family = "auth-config",
	.summary = "the auth config uses WorkOS but lacks one of its two customJwt issuers",
	.description =
		"WorkOS issues access tokens in two shapes: iss https://api.workos.com with aud set to\n"
		"the client id (older environments), and iss\n"
		"https://api.workos.com/user_management/<clientId> with no aud (AuthKit user\n"
		"management). Convex accepts a token only when some provider's issuer matches its iss,\n"
		"so convex/auth.config.ts needs one customJwt provider for each. Without the matching\n"
		"one, every login ends in \"No auth provider found matching the given token\" and\n"
		"ctx.auth.getUserIdentity() returns null. cwlint evaluates the default export\n"
		"statically; when the provider list is built by a function or spreads an imported value,\n"
		"it stays silent rather than guess.",
	.example =
		"// wrong: only one issuer\n"
		"export default { providers: [\n"
		"  { type: \"customJwt\", issuer: \"https://api.workos.com/\", algorithm: \"RS256\",\n"
		"    applicationID: clientId, jwks: `https://api.workos.com/sso/jwks/${clientId}` },\n"
		"] };\n"
		"// right: add the user-management issuer (no applicationID)\n"
		"  { type: \"customJwt\", issuer: `https://api.workos.com/user_management/${clientId}`,\n"
		"    algorithm: \"RS256\", jwks: `https://api.workos.com/sso/jwks/${clientId}` },",
	.fix =
		"Keep both providers of the official templates: issuer \"https://api.workos.com/\" with\n"
		"applicationID: clientId, and issuer `https://api.workos.com/user_management/${clientId}`\n"
		"without applicationID, both algorithm \"RS256\" and jwks\n"
		"`https://api.workos.com/sso/jwks/${clientId}`, where\n"
		"const clientId = process.env.WORKOS_CLIENT_ID;\n"
		"`cwlint --fix` adds the missing one after the providers that are there, written like\n"
		"the WorkOS provider the config has (same key order, quotes, layout and client id\n"
		"expression).",
	.sources =
		"get-convex/templates template-*-authkit/convex/auth.config.ts; Convex docs\n"
		"auth/authkit (_auth_config_ts.mdx); WorkOS template commit \"account for both JWT types\n"
		"in auth.config.ts\"; Convex backend crates/authentication (issuer matching).",
	.roles = ROLE_AUTH_CONFIG,
	.check_app = check,
};
