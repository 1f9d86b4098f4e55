/* invalid_convex_authkit_config.c - convex.json that the Convex CLI rejects or reads differently. */
#include <string.h>
#include <strings.h>
#include <jansson.h>

#include "rule.h"
#include "jsonpos.h"
#include "project.h"

static const char *const sections[] = { "dev", "preview", "prod", NULL };
static const char *const section_keys[] = { "environmentType", "configure", "localEnvVars", NULL };
static const char *const configure_keys[] = { "redirectUris", "appHomepageUrl", "corsOrigins", NULL };
static const char *const env_types[] = { "development", "staging", "production", NULL };

/* The allowed key a misspelt one most likely means: same letters ignoring case, or one edit. */
static const char *closest(const char *key, const char *const *list)
{
	size_t kl = strlen(key);

	for (; *list; list++) {
		size_t l = strlen(*list), i = 0, j = 0, diff = 0;

		if (!strcasecmp(key, *list))
			return *list;
		if (kl + 1 < l || l + 1 < kl)
			continue;
		while (i < kl && j < l) {
			if (key[i] == (*list)[j]) {
				i++, j++;
				continue;
			}
			diff++;
			if (kl > l)
				i++;
			else if (l > kl)
				j++;
			else
				i++, j++;
		}
		diff += (kl - i) + (l - j);
		if (diff <= 1)
			return *list;
	}
	return NULL;
}

struct cfg {
	struct lint_ctx *ctx;
	const struct lint_jsonfile *cj;
};

/* Reports at the key (or value) at path authKit[.a[.b[.c]]]. */
static struct lint_diag *at(struct cfg *c, bool value, const char *a, const char *b, const char *k,
			    const char *fmt, const char *arg1, const char *arg2)
{
	const char *path[4] = { "authKit", a, b, k };
	size_t n = 1 + (a != NULL) + (a && b) + (a && b && k);
	struct lint_json_loc loc;
	uint32_t s = 0, e = 0;

	if (lint_json_locate(c->cj->src.buf, c->cj->src.len, path, n, &loc)) {
		s = value || !loc.has_key ? loc.val_start : loc.key_start;
		e = value || !loc.has_key ? loc.val_end : loc.key_end;
	}
	return lint_report(c->ctx, &c->cj->src, s, e, fmt, arg1, arg2);
}

static const char *path_of(struct cfg *c, const char *a, const char *b)
{
	return b ? arena_printf(c->ctx->arena, "authKit.%s.%s", a, b)
		 : arena_printf(c->ctx->arena, "authKit.%s", a);
}

static void unknown_key(struct cfg *c, const char *a, const char *b, const char *key,
			const char *const *allowed, const char *where)
{
	const char *near = closest(key, allowed);
	struct lint_diag *d;

	static const char *const fmt = "unknown key \"%s\" in %s: the Convex CLI ignores it, so what "
				       "it says is never configured";

	if (!a)
		d = at(c, false, key, NULL, NULL, fmt, key, where);
	else if (!b)
		d = at(c, false, a, key, NULL, fmt, key, where);
	else
		d = at(c, false, a, b, key, fmt, key, where);
	if (near)
		lint_help(d, "did you mean \"%s\"?", near);
	else
		lint_help(d, "remove it; the keys here are %s", allowed == configure_keys ?
			  "redirectUris, appHomepageUrl and corsOrigins" : allowed == section_keys ?
			  "environmentType (prod only), configure and localEnvVars" : "dev, preview and prod");
}

static bool string_array(json_t *v)
{
	size_t i;
	json_t *x;

	if (!json_is_array(v))
		return false;
	json_array_foreach(v, i, x)
		if (!json_is_string(x))
			return false;
	return true;
}

static void check_configure(struct cfg *c, const char *sec, json_t *v)
{
	const char *k;
	json_t *x;

	if (json_is_false(v))
		return;
	if (!json_is_object(v)) {
		struct lint_diag *d = at(c, true, sec, "configure", NULL,
					 "%s.configure must be false or an object: the Convex CLI stops "
					 "with a schema error%s", path_of(c, sec, NULL), "");

		lint_help(d, "write \"configure\": { \"redirectUris\": [...], \"appHomepageUrl\": \"...\", "
			  "\"corsOrigins\": [...] } or \"configure\": false");
		return;
	}
	json_object_foreach(v, k, x) {
		if (!in_list(k, configure_keys)) {
			unknown_key(c, sec, "configure", k, configure_keys, path_of(c, sec, "configure"));
		} else if (!strcmp(k, "appHomepageUrl") ? !json_is_string(x) : !string_array(x)) {
			struct lint_diag *d;

			d = at(c, true, sec, "configure", k, "%s must be %s: the Convex CLI stops with a "
			       "schema error", arena_printf(c->ctx->arena, "%s.configure.%s", path_of(c, sec, NULL), k),
			       !strcmp(k, "appHomepageUrl") ? "a string" : "an array of strings");
			lint_help(d, "write \"%s\": %s", k, !strcmp(k, "appHomepageUrl") ?
				  "\"http://localhost:3000\"" : "[\"http://localhost:3000/callback\"]");
		}
	}
}

static void check_section(struct cfg *c, const char *sec, json_t *v)
{
	const char *k;
	json_t *x;

	json_object_foreach(v, k, x) {
		struct lint_diag *d;

		if (!in_list(k, section_keys)) {
			unknown_key(c, sec, NULL, k, section_keys, path_of(c, sec, NULL));
		} else if (!strcmp(k, "environmentType")) {
			if (strcmp(sec, "prod")) {
				d = at(c, false, sec, k, NULL, "environmentType in %s: the Convex CLI stops "
				       "with \"authKit.environmentType is only allowed in the prod section\"%s",
				       path_of(c, sec, NULL), "");
				lint_help(d, "move \"environmentType\" to authKit.prod, or delete it");
			} else if (!json_is_string(x) || !in_list(json_string_value(x), env_types)) {
				d = at(c, true, sec, k, NULL, "%s.environmentType must be \"development\", "
				       "\"staging\" or \"production\": the Convex CLI stops with a schema "
				       "error%s", path_of(c, sec, NULL), "");
				lint_help(d, "write \"environmentType\": \"production\"");
			}
		} else if (!strcmp(k, "configure")) {
			check_configure(c, sec, x);
		} else if (!json_is_false(x) && strcmp(sec, "dev")) {
			d = at(c, false, sec, k, NULL, "localEnvVars in %s: the Convex CLI stops with "
			       "\"authKit.localEnvVars is only supported for dev deployments\"%s",
			       path_of(c, sec, NULL), "");
			lint_help(d, "delete it and set the %s deployment's variables in its hosting "
				  "platform (e.g. Vercel's project settings)", sec);
		} else if (!json_is_false(x)) {
			const char *vk;
			json_t *vv;
			bool bad = !json_is_object(x);

			if (!bad)
				json_object_foreach(x, vk, vv)
					bad |= !json_is_string(vv);
			if (bad) {
				d = at(c, true, sec, k, NULL, "%s.localEnvVars must be false or an object of "
				       "strings: the Convex CLI stops with a schema error%s",
				       path_of(c, sec, NULL), "");
				lint_help(d, "write \"localEnvVars\": { \"WORKOS_CLIENT_ID\": "
					  "\"${authEnv.WORKOS_CLIENT_ID}\" }");
			}
		}
	}
}

/*
 * A file that is not JSON registered no secrets, and the code frame shows the error's line:
 * register the values of secret-named members on that line ("KEY": "value" or KEY: value).
 */
static void register_line_secrets(struct lint_ctx *ctx, const struct lint_jsonfile *cj)
{
	struct lint_pos pos = lint_source_pos(&cj->src, cj->error_offset);
	size_t len, i = 0;
	const char *l = lint_source_line(&cj->src, pos.line, &len);

	while (l && i < len) {
		size_t ks, ke, vs, ve;
		char key[128];

		while (i < len && !(l[i] == '"' || (l[i] >= 'A' && l[i] <= 'Z')))
			i++;
		ks = i + (i < len && l[i] == '"');
		ke = ks;
		while (ke < len && l[ke] != '"' && l[ke] != ':' && l[ke] != ' ')
			ke++;
		vs = ke + (ke < len && l[ke] == '"');
		while (vs < len && (l[vs] == ' ' || l[vs] == '\t'))
			vs++;
		if (vs >= len || l[vs] != ':' || ke - ks >= sizeof(key)) {
			i = ke > i ? ke : i + 1;
			continue;
		}
		memcpy(key, l + ks, ke - ks);
		key[ke - ks] = '\0';
		vs++;
		while (vs < len && (l[vs] == ' ' || l[vs] == '\t' || l[vs] == '"'))
			vs++;
		ve = vs;
		while (ve < len && l[ve] != '"' && l[ve] != ',' && l[ve] != '}' && l[ve] != ' ')
			ve++;
		if (ve > vs && (lint_secret_key(key) || lint_env_secret_name(key) != SECRET_NONE))
			lint_secret(ctx->run, l + vs, ve - vs);
		i = ve > i ? ve : i + 1;
	}
}

/* jansson's message without its "near '...'" part, which may quote the file's text. */
static const char *json_error(struct lint_ctx *ctx, const char *msg)
{
	const char *near = strstr(msg, " near ");

	return near ? arena_strndup(ctx->arena, msg, (size_t)(near - msg)) : msg;
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct lint_jsonfile *cj = &app->convex_json;
	struct cfg c = { ctx, cj };
	json_t *ak, *v;
	const char *k;

	if (!cj->present)
		return;
	if (cj->error) {
		struct lint_diag *d;

		register_line_secrets(ctx, cj);
		d = lint_report(ctx, &cj->src, cj->error_offset, cj->error_offset + 1,
				"convex.json is not valid JSON (%s): every `npx convex` command stops "
				"before it reads the functions folder or the authKit section",
				json_error(ctx, cj->error));
		lint_help(d, "fix the JSON at this position (JSON allows no comments and no trailing "
			  "commas)");
		return;
	}
	ak = json_object_get(cj->json, "authKit");
	if (!ak)
		return;
	if (!json_is_object(ak)) {
		struct lint_diag *d = at(&c, true, NULL, NULL, NULL, "authKit in convex.json must be an "
					 "object with dev, preview and prod sections: the Convex CLI "
					 "stops with a schema error%s%s", "", "");

		lint_help(d, "write \"authKit\": { \"dev\": { \"configure\": { ... } } }");
		return;
	}
	json_object_foreach(ak, k, v) {
		if (!in_list(k, sections)) {
			unknown_key(&c, NULL, NULL, k, sections, "authKit");
		} else if (!json_is_object(v)) {
			struct lint_diag *d = at(&c, true, k, NULL, NULL, "%s must be an object: the Convex "
						 "CLI stops with a schema error%s", path_of(&c, k, NULL), "");

			lint_help(d, "write \"%s\": { \"configure\": { ... } }", k);
		} else {
			check_section(&c, k, v);
		}
	}
}

const struct lint_rule rule_invalid_convex_authkit_config = {
	.id = "invalid-convex-authkit-config",
	.severity = SEV_ERROR,
	.family = "project",
	.summary = "convex.json is not valid JSON or its authKit section breaks the CLI's schema",
	.description =
		"`npx convex dev` and `npx convex deploy` read convex.json first: invalid JSON stops\n"
		"them outright. Its authKit section drives WorkOS auto-provisioning, and the CLI\n"
		"checks it: environmentType (development, staging or production) is allowed only in\n"
		"prod; localEnvVars only in dev (\"Preview and prod deployments must configure\n"
		"environment variables directly in the deployment platform\"); configure is false or\n"
		"{ redirectUris, appHomepageUrl, corsOrigins }, and localEnvVars false or a map of\n"
		"strings. Keys it does not know (\"redirectURIs\", \"corsOrigin\", \"development\") are\n"
		"dropped without a word, so the redirect URIs or CORS origins they were meant to set\n"
		"are never configured in WorkOS.",
	.example =
		"// wrong: convex.json\n"
		"{ \"authKit\": { \"dev\": { \"environmentType\": \"development\",\n"
		"                           \"configure\": { \"redirectURIs\": [\"http://localhost:3000/callback\"] } } } }\n"
		"// right\n"
		"{ \"authKit\": { \"dev\": { \"configure\": { \"redirectUris\": [\"http://localhost:3000/callback\"] } } } }",
	.fix =
		"Keep environmentType in authKit.prod and localEnvVars in authKit.dev, spell the\n"
		"configure keys redirectUris, appHomepageUrl and corsOrigins, and make the file valid\n"
		"JSON (no comments, no trailing commas).",
	.sources =
		"convex npm package src/cli/lib/config.ts (AuthKitConfigSchema and its refinements)\n"
		"and schemas/convex.schema.json; Convex docs, AuthKit auto-provisioning.",
	.check_app = check,
};
