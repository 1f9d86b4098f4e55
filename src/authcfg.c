/* authcfg.c - the auth config's providers as the auth-config rules read them (authcfg.h). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "authcfg.h"

#define SHARED_ISSUER	"https://api.workos.com"
#define UM_PREFIX	"https://api.workos.com/user_management/"
#define JWKS_PREFIX	"https://api.workos.com/sso/jwks/"

/* The value of key in obj, NULL when absent or undefined (JSON.stringify drops it). */
static const struct lint_prop *present(const struct lint_value *obj, const char *key)
{
	const struct lint_prop *p = lint_value_get(obj, key);

	return p && p->value->kind != LV_UNDEFINED ? p : NULL;
}

const char *authcfg_str(const struct lint_prop *p)
{
	return p && p->value->kind == LV_STRING ? p->value->str : NULL;
}

bool authcfg_known(const struct lint_prop *p)
{
	return p && p->value->kind == LV_STRING && !(p->value->flags & LV_HAS_ENV) &&
	       strlen(p->value->str) == p->value->len;
}

const char *authcfg_env_only(struct arena *a, const char *s)
{
	size_t n;

	if (!s || !starts_with(s, "${env:"))
		return NULL;
	n = strcspn(s + 6, "}");
	if (!n || strcmp(s + 6 + n, "}"))
		return NULL;
	return arena_strndup(a, s + 6, n);
}

const char *authcfg_show(struct arena *a, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p, *ret;

	if (!strstr(s, "${env:"))
		return s;
	while ((p = strstr(s, "${env:"))) {
		strbuf_add(&sb, s, (size_t)(p - s));
		strbuf_adds(&sb, "${process.env.");
		s = p + 6;
	}
	strbuf_adds(&sb, s);
	ret = arena_strdup(a, strbuf_str(&sb));
	strbuf_release(&sb);
	return ret;
}

bool authcfg_workos_url(const char *s)
{
	const char *p = s, *host;
	size_t n;

	if (!s)
		return false;
	if (isalpha((unsigned char)*p)) {
		const char *q = p;

		while (isalnum((unsigned char)*q) || *q == '+' || *q == '.' || *q == '-')
			q++;
		if (starts_with(q, "://"))
			p = q + 3;
	}
	host = p;
	n = strcspn(host, "/:?#");
	if (memmem(host, n, "${", 2))
		return false;
	if (n == 10 && !strncasecmp(host, "workos.com", 10))
		return true;
	return n > 11 && !strncasecmp(host + n - 11, ".workos.com", 11);
}

const char *authcfg_url_problem(struct arena *a, const char *s, bool *convex_words)
{
	const char *p = s, *host;
	size_t n, i;

	*convex_words = true;
	if (starts_with(s, "${env:"))
		return NULL;	/* the deployment's value decides */
	if (*s == '"')
		return "starts with a double quote (\")";
	*convex_words = false;
	if (*s == '\'' || *s == '`')
		return "it starts with a quote";
	/* Convex: a scheme is ^\w+:// ; without one it prepends https:// */
	while (isalnum((unsigned char)*p) || *p == '_')
		p++;
	if (p > s && starts_with(p, "://")) {
		if (strncmp(s, "https://", 8) && strncmp(s, "http://", 7))
			return arena_printf(a, "the scheme \"%.*s\" is not https", (int)(p - s), s);
		host = p + 3;
		if (!*host || strchr("/?#", *host))
			return "it has no host";
		return NULL;
	}
	/*
	 * https//x, https:/x, http:x: a scheme typed wrong becomes the host of
	 * https://https//x, which has no top-level domain (or, after a lone ':', no valid port)
	 */
	if ((!strncasecmp(s, "http", 4) && (p - s == 4 || (p - s == 5 && tolower(s[4]) == 's'))) &&
	    (p[0] == ':' || starts_with(p, "//"))) {
		*convex_words = starts_with(p, "//") || starts_with(p, ":/");
		if (*convex_words)
			return "Does not look like a URL (must have a scheme or end with a top-level domain)";
		return "the scheme is malformed: it needs \"https://\"";
	}
	*convex_words = true;
	host = s;
	n = strcspn(host, "/:?#");
	if (memmem(host, n, "${", 2))
		return NULL;
	if (n == 9 && !strncmp(host, "localhost", 9))
		return NULL;
	/* the last label must be a top-level domain: letters, or punycode */
	for (i = n; i > 0 && host[i - 1] != '.'; i--)
		;
	if (i == 0 || i == n)
		return "Does not look like a URL (must have a scheme or end with a top-level domain)";
	if (n - i >= 4 && !strncasecmp(host + i, "xn--", 4))
		return NULL;
	/* bytes of a Unicode TLD count as letters: only the ASCII cases are certain */
	for (size_t j = i; j < n; j++)
		if (!isalpha((unsigned char)host[j]) && (unsigned char)host[j] < 0x80)
			return "Does not look like a URL (must have a scheme or end with a top-level "
			       "domain)";
	return NULL;
}

/* The id after prefix: non-empty, one path segment, one trailing slash allowed. */
static const char *id_after(struct arena *a, const char *s, const char *prefix)
{
	size_t n;

	if (!s || !starts_with(s, prefix))
		return NULL;
	s += strlen(prefix);
	n = strcspn(s, "/?#");
	if (!n || (s[n] && strcmp(s + n, "/")))
		return NULL;
	return arena_strndup(a, s, n);
}

const char *authcfg_um_client(struct arena *a, const char *s)
{
	return id_after(a, s, UM_PREFIX);
}

const char *authcfg_jwks_client(struct arena *a, const char *s)
{
	return id_after(a, s, JWKS_PREFIX);
}

/* --- near misses --- */

static const char *const valid_keys[] = {
	"type", "applicationID", "issuer", "jwks", "algorithm", "domain",
};

/* Other names people give these keys, lowercased with '_' and '-' left out. */
static const struct {
	const char *valid;
	const char *const names[10];
} aliases[] = {
	{ "applicationID", { "appid", "audience", "aud", "clientid", "applicationids", NULL } },
	{ "jwks", { "jwk", "jwksuri", "jwksurl", "jwkuri", "jwkurl", "jwkset", "jwkseturi",
		    "jwkseturl", "jwksendpoint", NULL } },
	{ "algorithm", { "algorithms", "alg", "algo", "algs", "signingalgorithm", NULL } },
	{ "issuer", { "issuerurl", "issueruri", "iss", "issuerbaseurl", NULL } },
	{ "domain", { "domainurl", NULL } },
	{ "type", { "typ", NULL } },
};

/* Lowercase, without '_' and '-'; false when it does not fit. */
static bool fold(const char *s, char *out, size_t n)
{
	size_t j = 0;

	for (; *s; s++) {
		if (*s == '_' || *s == '-')
			continue;
		if (j + 1 >= n)
			return false;
		out[j++] = (char)tolower((unsigned char)*s);
	}
	out[j] = '\0';
	return true;
}

/* Optimal string alignment distance (adjacent swaps count once), both short. */
static size_t osa(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b), i, j;
	size_t d[40][40];

	if (n >= 40 || m >= 40)
		return (size_t)-1;
	for (i = 0; i <= n; i++)
		d[i][0] = i;
	for (j = 0; j <= m; j++)
		d[0][j] = j;
	for (i = 1; i <= n; i++)
		for (j = 1; j <= m; j++) {
			size_t c = a[i - 1] != b[j - 1], v = d[i - 1][j] + 1;

			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + c < v)
				v = d[i - 1][j - 1] + c;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m];
}

const char *authcfg_near_miss(const char *key)
{
	char k[40], v[40];
	size_t i, j;

	if (!key || !fold(key, k, sizeof(k)) || !*k)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(valid_keys); i++)
		if (!strcmp(key, valid_keys[i]))
			return NULL;
	for (i = 0; i < ARRAY_SIZE(valid_keys); i++) {
		fold(valid_keys[i], v, sizeof(v));
		if (!strcmp(k, v))
			return valid_keys[i];
	}
	for (i = 0; i < ARRAY_SIZE(aliases); i++)
		for (j = 0; aliases[i].names[j]; j++)
			if (!strcmp(k, aliases[i].names[j]))
				return aliases[i].valid;
	/* typos: one edit for the six-letter keys, two for the long ones */
	for (i = 0; i < ARRAY_SIZE(valid_keys); i++) {
		size_t len = strlen(valid_keys[i]), klen = strlen(k), d;

		/* more letters apart than edits allowed: not worth the table */
		if (len < 6 || klen + 2 < len || klen > len + 2)
			continue;
		fold(valid_keys[i], v, sizeof(v));
		d = osa(k, v);
		if (d <= (len >= 9 ? 2u : 1u))
			return valid_keys[i];
	}
	return NULL;
}

size_t authcfg_typo_distance(const char *a, const char *b)
{
	char fa[40], fb[40];

	if (!fold(a, fa, sizeof(fa)) || !fold(b, fb, sizeof(fb)))
		return (size_t)-1;
	return osa(fa, fb);
}

const struct lint_prop *authcfg_miss_of(const struct authcfg_provider *p, const char *valid)
{
	const struct lint_value *o = p->obj;
	size_t i;

	for (i = 0; i < o->nprops; i++) {
		const char *m = authcfg_near_miss(o->props[i].key);

		if (m && !strcmp(m, valid) && o->props[i].value->kind != LV_UNDEFINED)
			return &o->props[i];
	}
	return NULL;
}

/* --- providers --- */

static void classify(struct authcfg_provider *p)
{
	const struct lint_value *o = p->obj;
	const char *t, *issuer, *domain;
	bool custom_keys;

	p->type = present(o, "type");
	p->issuer = present(o, "issuer");
	p->domain = present(o, "domain");
	p->jwks = present(o, "jwks");
	p->algorithm = present(o, "algorithm");
	p->app_id = present(o, "applicationID");
	custom_keys = p->issuer || p->jwks || p->algorithm;
	t = authcfg_known(p->type) ? p->type->value->str : NULL;

	if (p->type && !t) {
		p->kind = AK_UNKNOWN;
	} else if (t && !strcmp(t, "customJwt")) {
		p->kind = AK_CUSTOM_JWT;
		p->type_exact = true;
	} else if (t && !strcmp(t, "oidc")) {
		p->kind = p->issuer && !p->domain ? AK_CUSTOM_JWT : AK_OIDC;
		p->type_exact = p->kind == AK_OIDC;
	} else if (t) {
		p->kind = custom_keys ? AK_CUSTOM_JWT : p->domain ? AK_OIDC : AK_UNKNOWN;
	} else if (p->issuer && !p->domain) {
		p->kind = AK_CUSTOM_JWT;
	} else if (p->domain || !custom_keys) {
		/* no type: Convex reads it as OIDC */
		p->kind = AK_OIDC;
		p->type_exact = true;
	} else {
		p->kind = AK_CUSTOM_JWT;
	}

	issuer = authcfg_str(p->issuer);
	domain = authcfg_str(p->domain);
	p->workos = authcfg_workos_url(issuer) || authcfg_workos_url(domain) ||
		    authcfg_workos_url(authcfg_str(p->jwks));
	p->um_issuer = issuer && starts_with(issuer, UM_PREFIX) &&
		       issuer[strlen(UM_PREFIX)] && issuer[strlen(UM_PREFIX)] != '/';
	p->shared_issuer = authcfg_known(p->issuer) &&
			   (!strcmp(issuer, SHARED_ISSUER) || !strcmp(issuer, SHARED_ISSUER "/"));
	p->legacy = p->kind == AK_OIDC && !p->issuer && authcfg_workos_url(domain);
}

const struct authcfg *authcfg_get(struct lint_app *app)
{
	const struct lint_eval *ev = app->auth_eval;
	const struct lint_value *list;
	struct authcfg *cfg;
	struct arena *a;
	size_t i;

	if (app->authcfg)
		return app->authcfg;
	if (!ev || ev->status != EVAL_OK || !ev->config || ev->config->kind != LV_OBJECT ||
	    !app->auth_config || !app->auth_config->arena)
		return NULL;
	a = app->auth_config->arena;
	cfg = ARENA_NEW(a, struct authcfg);
	app->authcfg = cfg;
	cfg->app = app;
	cfg->src = &app->auth_config->src;
	cfg->ev = ev;
	cfg->config = ev->config;
	cfg->providers = lint_value_get(ev->config, "providers");
	list = cfg->providers ? cfg->providers->value : NULL;
	if (!list || list->kind != LV_ARRAY)
		return cfg;
	cfg->complete = !(list->flags & LV_PARTIAL);
	cfg->p = ARENA_ARRAY(a, struct authcfg_provider,
			     list->nitems < AUTHCFG_MAX ? list->nitems + 1 : AUTHCFG_MAX);
	for (i = 0; i < list->nitems; i++) {
		const struct lint_value *v = list->items[i];
		struct authcfg_provider *p;

		if (cfg->n == AUTHCFG_MAX) {
			cfg->complete = false;
			break;
		}
		if (v->kind != LV_OBJECT || (v->flags & LV_PARTIAL)) {
			cfg->complete = false;
			continue;
		}
		p = &cfg->p[cfg->n++];
		p->obj = v;
		p->index = (list->flags & LV_PARTIAL) ? -1 : (long)i;
		classify(p);
	}
	return cfg;
}

const char *authcfg_bad_app_id(struct arena *a, const struct authcfg_provider *p)
{
	static const char *const not_ids[] = {
		"URL", "URI", "DOMAIN", "ISSUER", "HOST", "REDIRECT", "JWKS",
	};
	const char *issuer = authcfg_str(p->issuer), *s, *name;

	if (p->kind != AK_CUSTOM_JWT || p->legacy || !p->workos || p->um_issuer || !p->app_id ||
	    (issuer && strstr(issuer, "/user_management/")))
		return NULL;
	if (authcfg_known(p->app_id)) {
		s = p->app_id->value->str;
		if (starts_with(s, "client_"))
			return NULL;
		return arena_printf(a, "\"%s\" is not a WorkOS client id", s);
	}
	name = authcfg_env_only(a, authcfg_str(p->app_id));
	if (!name)
		return NULL;
	if (lint_secret_key(name))
		return arena_printf(a, "%s holds a secret, not the WorkOS client id", name);
	for (size_t i = 0; i < ARRAY_SIZE(not_ids); i++)
		if (strstr(name, not_ids[i]))
			return arena_printf(a, "%s holds a URL or host name, not the WorkOS client id",
					    name);
	return NULL;
}

const char *authcfg_at_index(struct arena *a, const struct authcfg_provider *p)
{
	if (p->index < 0)
		return "Provider at index N";
	return arena_printf(a, "Provider at index %ld", p->index);
}

void authcfg_provider_range(const struct authcfg_provider *p, uint32_t *start, uint32_t *end)
{
	if (p->type) {
		*start = p->type->key_start;
		*end = p->type->key_end;
		return;
	}
	*start = p->obj->def_start;
	*end = p->obj->def_start + 1;
}
