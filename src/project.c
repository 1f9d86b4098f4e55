/* project.c - env names and values, redirect URLs and dev ports, for the env and project rules. */
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#include "project.h"

/* --- env names and values --- */

static const char *const public_prefixes[] = {
	"NEXT_PUBLIC_", "VITE_", "REACT_APP_", "EXPO_PUBLIC_", "PUBLIC_",
};

const char *lint_env_public_prefix(const char *key)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(public_prefixes); i++)
		if (starts_with(key, public_prefixes[i]))
			return public_prefixes[i];
	return NULL;
}

bool lint_env_prefix_exposed(const char *prefix, enum lint_framework fw)
{
	if (!prefix)
		return false;
	if (fw == FW_NEXT)
		return !strcmp(prefix, "NEXT_PUBLIC_");
	if (fw == FW_VITE)
		return !strcmp(prefix, "VITE_");
	return true;
}

enum lint_secret_kind lint_env_secret_name(const char *key)
{
	if (strstr(key, "COOKIE_PASSWORD"))
		return SECRET_COOKIE_PASSWORD;
	if (strstr(key, "CONVEX_DEPLOY_KEY"))
		return SECRET_DEPLOY_KEY;
	if (strstr(key, "WORKOS") && (strstr(key, "API_KEY") || strstr(key, "SECRET")))
		return SECRET_API_KEY;
	return SECRET_NONE;
}

static struct lint_regex api_key_re = LINT_REGEX("^sk_(test|live)_[A-Za-z0-9]{10,}$");
static struct lint_regex deploy_key_re = LINT_REGEX("^(prod|dev|preview|project):[^|\\s]+\\|\\S{10,}$");

bool lint_api_key_shape(const char *value)
{
	return value && lint_regex_match(&api_key_re, value);
}

enum lint_secret_kind lint_env_secret_kind(const char *key, const char *value)
{
	enum lint_secret_kind k = lint_env_secret_name(key);

	if (k != SECRET_NONE || !value)
		return k;
	if (starts_with(value, "sk_test_") || starts_with(value, "sk_live_"))
		return SECRET_API_KEY;
	if (lint_regex_match(&deploy_key_re, value))
		return SECRET_DEPLOY_KEY;
	return SECRET_NONE;
}

const char *lint_secret_kind_name(enum lint_secret_kind k)
{
	switch (k) {
	case SECRET_API_KEY: return "WorkOS API key";
	case SECRET_COOKIE_PASSWORD: return "cookie password";
	case SECRET_DEPLOY_KEY: return "Convex deploy key";
	case SECRET_NONE: break;
	}
	return "secret";
}

/*
 * Template and guide placeholders. "client_..." and "sk_test_..." come from the official
 * templates' .env.local.example; "YOUR-WORKOS-CLIENT-ID" and "your-convex-url" from the Vite
 * template; the rest are the usual fill-me-in words.
 */
static struct lint_regex placeholder_re = LINT_REGEX(
	"(?i)(^your[-_ ]|^<.+>$|\\.\\.\\.|\xe2\x80\xa6|(?-i:xxxx|XXXX)|\\*\\*\\*|[-_]here$|"
	"^(changeme|change[-_]me|replace[-_]?me|placeholder|todo|tbd)$)");

bool lint_secret_stand_in(const char *v)
{
	size_t n = strlen(v);

	if (strncmp(v, "sk_", 3))
		return false;
	if (n >= 3 && (!strcmp(v + n - 3, "...") || !strcmp(v + n - 3, "\xe2\x80\xa6")))
		n -= 3;
	/* "sk_", "sk_test_", "sk_live_": no key material after the prefix */
	return n == 3 || (n == 8 && (!strncmp(v, "sk_test_", 8) || !strncmp(v, "sk_live_", 8)));
}

bool lint_env_placeholder(const char *value)
{
	return value && *value && lint_regex_match(&placeholder_re, value);
}

static bool one_repeated_char(const char *s)
{
	size_t i;

	for (i = 1; s[i]; i++)
		if (s[i] != s[0])
			return false;
	return s[0] != '\0';
}

bool lint_env_real_secret(const char *key, const char *value)
{
	enum lint_secret_kind k = lint_env_secret_kind(key, value);
	size_t n;

	if (k == SECRET_NONE || !value || !*value || lint_env_placeholder(value) ||
	    one_repeated_char(value))
		return false;
	n = strlen(value);
	switch (k) {
	case SECRET_API_KEY:
		/* a WorkOS key is sk_test_/sk_live_ + base62; another shape under the name is a guess */
		return lint_api_key_shape(value) || (n >= 16 && !strpbrk(value, " \t"));
	case SECRET_COOKIE_PASSWORD:
		return n >= 8;
	case SECRET_DEPLOY_KEY:
		return lint_regex_match(&deploy_key_re, value) || n >= 20;
	case SECRET_NONE:
		break;
	}
	return false;
}

size_t lint_js_length(const char *s)
{
	size_t n = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c & 0xC0) == 0x80)
			continue;
		n += c >= 0xF0 ? 2 : 1;
	}
	return n;
}

/* --- URLs --- */

bool lint_url_parse(const char *s, struct lint_url *u)
{
	const char *p, *host, *hend, *c;

	memset(u, 0, sizeof(*u));
	u->port = -1;
	if (!s)
		return false;
	if (!strncasecmp(s, "https://", 8)) {
		u->scheme_len = 5;
		u->port = 443;
	} else if (!strncasecmp(s, "http://", 7)) {
		u->scheme_len = 4;
		u->port = 80;
	} else {
		return false;
	}
	u->scheme = s;
	host = s + u->scheme_len + 3;
	if (*host == '[') {
		hend = strchr(host, ']');
		if (!hend)
			return false;
		hend++;
	} else {
		hend = host + strcspn(host, ":/?#");
	}
	if (hend == host || memchr(host, '$', (size_t)(hend - host)) || memchr(host, '@', (size_t)(hend - host)))
		return false;
	for (c = host; c < hend; c++)
		if (*c == ' ' || *c == '{' || *c == '}')
			return false;
	u->host = host;
	u->host_len = (size_t)(hend - host);
	p = hend;
	if (*p == ':') {
		char *end;
		long port = strtol(p + 1, &end, 10);

		if (end == p + 1 || port <= 0 || port > 65535 || (*end && !strchr("/?#", *end)))
			return false;
		u->port = port;
		u->port_explicit = true;
		p = end;
	}
	if (*p == '/') {
		u->path = p;
		u->path_len = strcspn(p, "?#");
	} else {
		u->path = "";
	}
	return true;
}

bool lint_url_is_local(const struct lint_url *u)
{
	static const char *const hosts[] = { "localhost", "127.0.0.1", "0.0.0.0", "[::1]" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(hosts); i++)
		if (u->host_len == strlen(hosts[i]) && !strncasecmp(u->host, hosts[i], u->host_len))
			return true;
	return false;
}

char *lint_url_origin(struct arena *a, const struct lint_url *u)
{
	if (u->port_explicit)
		return arena_printf(a, "%.*s://%.*s:%ld", (int)u->scheme_len, u->scheme,
				    (int)u->host_len, u->host, u->port);
	return arena_printf(a, "%.*s://%.*s", (int)u->scheme_len, u->scheme, (int)u->host_len, u->host);
}

char *lint_url_norm_path(struct arena *a, const struct lint_url *u)
{
	size_t n = u->path_len;

	if (!n)
		return arena_strdup(a, "/");
	if (n > 1 && u->path[n - 1] == '/')
		n--;
	return arena_strndup(a, u->path, n);
}

/* --- the app --- */

/* -p N, --port N, --port=N after a command in one script segment. */
static struct lint_regex port_flag_re = LINT_REGEX("(?:^|\\s)(?:-p|--port)(?:\\s+|=)([0-9]{1,5})(?![0-9])");
static struct lint_regex next_dev_re = LINT_REGEX("(?:^|[\\s;&|'\"(])next\\s+dev(?![\\w-])([^&;|'\"]*)");
static struct lint_regex vite_re = LINT_REGEX(
	"(?:^|[\\s;&|'\"(])vite(?:\\s+(?:dev|serve))?(?!\\s+(?:build|preview|optimize))(?![\\w.:/-])"
	"([^&;|'\"]*)");
/* script_port()'s answer for a command that runs without a port flag */
#define NO_FLAG 1

/*
 * The port one kind of script command asks for: 0 when no script runs it, the port, or -1
 * when scripts disagree or leave it to $PORT.
 */
static long script_port(const struct lint_app *app, struct lint_regex *cmd, long dflt)
{
	json_t *scripts = app->pkg ? json_object_get(app->pkg, "scripts") : NULL, *v;
	const char *k;
	long port = 0;

	if (!json_is_object(scripts))
		return 0;
	json_object_foreach(scripts, k, v) {
		const char *s = json_string_value(v);
		size_t from = 0, ms, me;

		(void)k;
		if (!s)
			continue;
		while (lint_regex_search(cmd, s, strlen(s), from, &ms, &me)) {
			char *seg = xstrndup(s + ms, me - ms);
			size_t ps, pe;
			long p = dflt;

			if (strstr(s, "PORT"))
				p = -1;	/* PORT=4000 next dev, --port $PORT */
			else if (lint_regex_search(&port_flag_re, seg, strlen(seg), 0, &ps, &pe))
				p = strtol(seg + ps + strcspn(seg + ps, "0123456789"), NULL, 10);
			free(seg);
			if (port && port != p)
				return -1;
			port = p;
			from = me > ms ? me : ms + 1;
		}
	}
	return port;
}

struct port_scan {
	struct lint_ctx *ctx;
	struct lint_file *f;
	struct lint_module *m;
	long port;			/* 0 none seen, -1 unknown */
};

static bool key_is(const struct lint_source *src, TSNode key, const char *name)
{
	char buf[32];
	uint32_t s = ts_node_start_byte(key), e = ts_node_end_byte(key);

	if (ts_is(key, "property_identifier"))
		return ts_text_eq(src, key, name);
	if (ts_is(key, "string") && e - s < sizeof(buf) && e - s >= 2) {
		memcpy(buf, src->buf + s + 1, e - s - 2);
		buf[e - s - 2] = '\0';
		return !strcmp(buf, name);
	}
	return false;
}

/* `server: { port: N }` anywhere in vite.config (inside defineConfig or a returned object). */
static bool port_visit(TSNode n, void *ud)
{
	struct port_scan *ps = ud;
	const struct lint_source *src = &ps->f->src;
	TSNode val, p;
	struct ts_kids k;

	if (ps->port < 0)
		return false;
	if (!ts_is(n, "pair") || !key_is(src, ts_field(n, "key"), "server"))
		return true;
	val = ts_unwrap(ts_field(n, "value"));
	if (!ts_is(val, "object")) {
		ps->port = -1;	/* server options built elsewhere */
		return false;
	}
	for (ts_kids_init(&k, val); ts_kids_next(&k, &p);) {
		struct lint_value *v;
		long port;

		if (ts_is(p, "spread_element")) {
			ps->port = -1;
			ts_kids_end(&k);
			return false;
		}
		if (!ts_is(p, "pair") && !ts_is(p, "shorthand_property_identifier"))
			continue;
		if (ts_is(p, "shorthand_property_identifier")) {
			if (ts_text_eq(src, p, "port"))
				ps->port = -1;
			continue;
		}
		if (!key_is(src, ts_field(p, "key"), "port"))
			continue;
		if (!ps->m)
			ps->m = lint_module_new(ps->ctx->arena, src, ps->f->tree);
		v = lint_module_eval(ps->m, ts_field(p, "value"));
		port = v && v->kind == LV_NUMBER && v->num > 0 && v->num < 65536 ? (long)v->num : -1;
		if (port < 0 || (ps->port > 0 && ps->port != port)) {
			ps->port = -1;
			ts_kids_end(&k);
			return false;
		}
		ps->port = port;
	}
	return false;
}

/* Vite's server.port from vite.config: 0 when it sets none, -1 when it cannot be read. */
static long vite_config_port(struct lint_ctx *ctx)
{
	const struct lint_app *app = ctx->app;
	long port = 0;
	size_t i;

	for (i = 0; i < app->nfiles; i++) {
		struct lint_file *f = app->files[i];
		struct port_scan ps = { ctx, f, NULL, 0 };

		if (!(f->roles & ROLE_VITE_CONFIG))
			continue;
		if (!f->parsed) {
			/* not parsed: only a config that never mentions a port is certain */
			if (f->src.buf && memmem(f->src.buf, f->src.len, "port", 4))
				return -1;
			continue;
		}
		ts_walk(ts_tree_root_node(f->tree), port_visit, &ps);
		if (ps.m)
			lint_module_free(ps.m);
		if (ps.port < 0 || (port && ps.port && ps.port != port))
			return -1;
		if (ps.port)
			port = ps.port;
	}
	return port;
}

long lint_dev_port(struct lint_ctx *ctx, const char **how)
{
	const struct lint_app *app = ctx->app;
	long port, cfg;

	if (how)
		*how = NULL;
	if (app->fw == FW_NEXT) {
		port = script_port(app, &next_dev_re, 3000);
		if (port > 0 && how)
			*how = port == 3000 ? "`next dev` serves on 3000" :
					      arena_printf(ctx->arena, "`next dev` serves on %ld", port);
		return port > 0 ? port : -1;
	}
	if (app->fw == FW_VITE) {
		port = script_port(app, &vite_re, NO_FLAG);
		if (port <= 0)
			return -1;
		/* the --port flag beats server.port, which beats the default */
		if (port != NO_FLAG) {
			if (how)
				*how = arena_printf(ctx->arena, "`vite --port %ld` serves on %ld", port, port);
			return port;
		}
		cfg = vite_config_port(ctx);
		if (cfg < 0)
			return -1;
		if (cfg > 0) {
			if (how)
				*how = arena_printf(ctx->arena, "vite.config sets server.port %ld", cfg);
			return cfg;
		}
		if (how)
			*how = "Vite serves on 5173";
		return 5173;
	}
	return -1;
}

void lint_convex_local_env(const struct lint_app *app,
			   void (*fn)(void *ud, const char *env, const char *key, void *value),
			   void *ud)
{
	static const char *const envs[] = { "dev", "preview", "prod" };
	json_t *ak = app->convex_json.json ? json_object_get(app->convex_json.json, "authKit") : NULL;
	size_t i;

	if (!json_is_object(ak))
		return;
	for (i = 0; i < ARRAY_SIZE(envs); i++) {
		json_t *sec = json_object_get(ak, envs[i]), *vars, *v;
		const char *k;

		vars = json_is_object(sec) ? json_object_get(sec, "localEnvVars") : NULL;
		if (!json_is_object(vars))
			continue;
		json_object_foreach(vars, k, v)
			fn(ud, envs[i], k, v);
	}
}

static void register_one(void *ud, const char *env, const char *k, void *value)
{
	const char *s = json_string_value(value);

	(void)env;
	if (s && !strstr(s, "${") && lint_env_secret_kind(k, s) != SECRET_NONE)
		lint_secret(ud, s, strlen(s));
}

void lint_register_json_secrets(struct lint_run *run, const struct lint_app *app)
{
	lint_convex_local_env(app, register_one, run);
}
