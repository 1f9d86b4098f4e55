/*
 * project.h - what the env and project rules share: which env names a bundler exposes, which
 * values are secrets or template placeholders, redirect URLs, and the dev server's port.
 *
 * Everything here judges text only; nothing reads files. Strings a function returns live in
 * the arena passed to it, or are static.
 */
#ifndef CWLINT_PROJECT_H
#define CWLINT_PROJECT_H

#include "rule.h"

/* --- env names and values --- */

/* The bundler prefix that exposes key to browser code ("NEXT_PUBLIC_", "VITE_", ...), or NULL. */
const char *lint_env_public_prefix(const char *key);
/*
 * True when an app of framework fw inlines variables with that prefix into client code:
 * NEXT_PUBLIC_ in Next.js, VITE_ in Vite; in an app of neither kind every known prefix counts
 * (REACT_APP_, EXPO_PUBLIC_, PUBLIC_ included).
 */
bool lint_env_prefix_exposed(const char *prefix, enum lint_framework fw);

enum lint_secret_kind {
	SECRET_NONE = 0,
	SECRET_API_KEY,			/* WORKOS_API_KEY, or any sk_test_/sk_live_ value */
	SECRET_COOKIE_PASSWORD,		/* WORKOS_COOKIE_PASSWORD and other *COOKIE_PASSWORD */
	SECRET_DEPLOY_KEY,		/* CONVEX_DEPLOY_KEY */
};

/* What secret an env name holds, by its name alone (a public prefix is looked through). */
enum lint_secret_kind lint_env_secret_name(const char *key);
/* By name, or failing that by value (an sk_test_/sk_live_ key, a Convex deploy key). */
enum lint_secret_kind lint_env_secret_kind(const char *key, const char *value);
/* "WorkOS API key", "cookie password", "Convex deploy key". */
const char *lint_secret_kind_name(enum lint_secret_kind k);
/* sk_test_/sk_live_ followed by 10 or more letters and digits: the shape of a real key. */
bool lint_api_key_shape(const char *value);
/*
 * A value a template or guide puts where the real one goes: "client_...", "sk_test_...",
 * "YOUR-WORKOS-CLIENT-ID", "your-convex-url", "<client id>", "changeme", runs of x, ...
 */
bool lint_env_placeholder(const char *value);
/*
 * An API key's shape without a key: "sk_test_", "sk_live_...", "sk_test_…", as templates
 * and docs write them. Not registered as secrets: that would blank those words out of
 * every message that names the shape.
 */
bool lint_secret_stand_in(const char *value);
/* A value of key that looks like a live secret: a secret kind, set, and not a placeholder. */
bool lint_env_real_secret(const char *key, const char *value);
/* Length as JavaScript counts it (UTF-16 code units). */
size_t lint_js_length(const char *s);

/* The value of an env entry as the app sees it (expanded). */
static inline const char *lint_env_value(const struct dotenv_entry *d)
{
	return d->expanded ? d->expanded : d->value;
}

/* --- URLs --- */

struct lint_url {
	const char *scheme;		/* "http" (not NUL-terminated: use the lengths) */
	size_t scheme_len;
	const char *host;		/* "localhost", "[::1]" */
	size_t host_len;
	long port;			/* as written, else the scheme's default (80, 443); -1 unknown */
	bool port_explicit;
	const char *path;		/* from the first '/' to '?' or '#'; "" when there is none */
	size_t path_len;
};

/* Parses an absolute http(s) URL; false for anything else (relative, other scheme, ${...}). */
bool lint_url_parse(const char *s, struct lint_url *u);
/* localhost, 127.0.0.1, 0.0.0.0 or [::1]. */
bool lint_url_is_local(const struct lint_url *u);
/* "http://localhost:5173": scheme, host and port as the browser sends them in Origin. */
char *lint_url_origin(struct arena *a, const struct lint_url *u);
/* The path with "" read as "/" and one trailing '/' dropped, for comparisons. */
char *lint_url_norm_path(struct arena *a, const struct lint_url *u);

/* --- the app --- */

/*
 * The port the app's dev server listens on: `next dev` (3000) or `vite` (5173) in a
 * package.json script, with its -p/--port flag, or Vite's server.port in vite.config when the
 * file was parsed. Returns -1 when it cannot be known (no such script, $PORT, a non-literal
 * port, scripts that disagree). *how (may be NULL) says where the port comes from.
 */
long lint_dev_port(struct lint_ctx *ctx, const char **how);

/*
 * True when a source file of the app holds needle followed by a byte that cannot continue an
 * identifier; needle is one of the calling rule's mentions (see lint_file_mentions()).
 */
bool lint_app_source_mentions(const struct lint_app *app, const char *needle);

/*
 * Registers the secret values of convex.json's authKit.*.localEnvVars (secret names, sk_
 * values; not ${...} templates) so no output shows them.
 */
void lint_register_json_secrets(struct lint_run *run, const struct lint_app *app);
/*
 * Calls fn for every entry of convex.json's authKit.<env>.localEnvVars (env "dev", "preview"
 * or "prod"; value is the entry's json_t *, of any type), in file order.
 */
void lint_convex_local_env(const struct lint_app *app,
			   void (*fn)(void *ud, const char *env, const char *key, void *value),
			   void *ud);

#endif
