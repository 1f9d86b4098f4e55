/*
 * authcfg.h - the evaluated auth config as the auth-config rules read it: its providers,
 * the shape each one has (or was meant to have), and the WorkOS URLs in them.
 *
 * Only what the evaluator fully knows is listed: a provider object with an unknown spread
 * or a computed key is left out, and a provider list that is not a known array gives no
 * list at all. Values are the evaluator's (eval.h); a key whose value is `undefined` counts
 * as absent, because JSON.stringify drops it before Convex looks (F7).
 *
 * Lifetime: everything points into app->auth_eval or lives in the auth config's arena.
 */
#ifndef CWLINT_AUTHCFG_H
#define CWLINT_AUTHCFG_H

#include "rule.h"

/* What a provider is, or was evidently meant to be. */
enum authcfg_kind {
	AK_UNKNOWN = 0,		/* a type cwlint cannot read, or no telling keys */
	AK_CUSTOM_JWT,		/* type "customJwt"; or an issuer/jwks/algorithm with the type
				 * missing or misspelled */
	AK_OIDC,		/* a domain without issuer, type absent or "oidc" */
};

struct authcfg_provider {
	const struct lint_value *obj;	/* the provider object */
	long index;			/* position in the providers array; -1 when an unknown
					 * spread makes it unknowable */
	enum authcfg_kind kind;
	bool type_exact;		/* type is exactly "customJwt" or "oidc" (or absent for OIDC) */
	/* present keys (exact spelling), NULL when absent or undefined */
	const struct lint_prop *type, *issuer, *domain, *jwks, *algorithm, *app_id;
	bool workos;			/* an issuer, domain or jwks on *.workos.com */
	bool um_issuer;			/* issuer https://api.workos.com/user_management/<id> */
	bool shared_issuer;		/* issuer exactly https://api.workos.com[/] (F11) */
	bool legacy;			/* an OIDC-style (domain:) provider pointing at workos.com */
};

struct authcfg {
	struct lint_app *app;
	const struct lint_source *src;	/* the auth config file */
	const struct lint_eval *ev;
	const struct lint_value *config;
	const struct lint_prop *providers;	/* the providers key, NULL when absent */
	bool complete;			/* the list holds only fully known provider objects */
	struct authcfg_provider *p;	/* the fully known provider objects, in order */
	size_t n;
};

/*
 * The app's auth config as the rules read it, or NULL when it did not evaluate (EVAL_OK) to
 * an object. Built on first use into app->auth_config->arena and kept in app->authcfg, so
 * every rule of the app shares it; cfg->n is 0 when there is no provider array.
 */
const struct authcfg *authcfg_get(struct lint_app *app);

/* The string a key holds (env parts as ${env:NAME}), or NULL when it is not a string. */
const char *authcfg_str(const struct lint_prop *p);
/* True when the key holds a string with no environment part. */
bool authcfg_known(const struct lint_prop *p);
/* The variable name when the key is exactly one env read, else NULL (arena string). */
const char *authcfg_env_only(struct arena *a, const char *s);

/* s for a message: each ${env:NAME} written as ${process.env.NAME}. */
const char *authcfg_show(struct arena *a, const char *s);

/* True when the URL's host (scheme optional) is workos.com or a subdomain of it. */
bool authcfg_workos_url(const char *s);
/*
 * Why Convex's URL check (deserialize_issuer_url) rejects an issuer or domain, or NULL when
 * it passes or depends on the environment. *convex_words says the reason is Convex's own
 * text, as printed after `Invalid provider domain URL "<value>": `.
 */
const char *authcfg_url_problem(struct arena *a, const char *s, bool *convex_words);
/* The client id part of https://api.workos.com/user_management/<id>, or NULL. */
const char *authcfg_um_client(struct arena *a, const char *s);
/* The client id part of https://api.workos.com/sso/jwks/<id>, or NULL. */
const char *authcfg_jwks_client(struct arena *a, const char *s);

/*
 * The provider key that `key` is a near miss of ("applicationId" -> "applicationID",
 * "jwksUri" -> "jwks"), or NULL. Exact keys are not near misses.
 */
const char *authcfg_near_miss(const char *key);
/* Edit distance (adjacent swaps count once) ignoring case, '_' and '-'; huge for long keys. */
size_t authcfg_typo_distance(const char *a, const char *b);
/* The first key of p that is a near miss of valid, or NULL. */
const struct lint_prop *authcfg_miss_of(const struct authcfg_provider *p, const char *valid);

/*
 * Why the applicationID of a WorkOS shared-issuer provider cannot be the client id
 * ("a literal", "a secret"), or NULL when it may be. Other providers give NULL.
 */
const char *authcfg_bad_app_id(struct arena *a, const struct authcfg_provider *p);

/* "Provider at index 2" as Convex words it ("Provider at index N" when unknown). */
const char *authcfg_at_index(struct arena *a, const struct authcfg_provider *p);
/* Where to point at a whole provider: its type key, else its opening brace. */
void authcfg_provider_range(const struct authcfg_provider *p, uint32_t *start, uint32_t *end);

/*
 * Real configs have a handful of providers and findings. Generated or hostile ones can have
 * millions, and each finding costs a copy of its source line (one line can be the whole
 * file): providers past this many are not listed, and a rule reports at most this many.
 */
#define AUTHCFG_MAX	64

/* The two providers of the official template, for help texts. */
#define AUTHCFG_TEMPLATE \
	"{ type: \"customJwt\", issuer: \"https://api.workos.com/\", algorithm: \"RS256\", " \
	"applicationID: clientId, jwks: `https://api.workos.com/sso/jwks/${clientId}` } and " \
	"{ type: \"customJwt\", issuer: `https://api.workos.com/user_management/${clientId}`, " \
	"algorithm: \"RS256\", jwks: `https://api.workos.com/sso/jwks/${clientId}` }, with " \
	"const clientId = process.env.WORKOS_CLIENT_ID;"

#endif
