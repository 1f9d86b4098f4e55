/* test_authcfg.c - how the auth-config rules read providers, keys and URLs (authcfg.h). */
#include <stdlib.h>
#include <string.h>

#include "authcfg.h"
#include "unit.h"

const TSLanguage *tree_sitter_typescript(void);

static void test_near_miss(void)
{
	static const struct {
		const char *key, *want;
	} cases[] = {
		{ "applicationID", NULL }, { "issuer", NULL }, { "jwks", NULL }, { "type", NULL },
		{ "applicationId", "applicationID" }, { "applicationid", "applicationID" },
		{ "ApplicationID", "applicationID" }, { "application_id", "applicationID" },
		{ "appId", "applicationID" }, { "audience", "applicationID" }, { "aud", "applicationID" },
		{ "clientId", "applicationID" }, { "applicatonID", "applicationID" },
		{ "jwksUri", "jwks" }, { "jwksUrl", "jwks" }, { "jwks_uri", "jwks" }, { "JWKS", "jwks" },
		{ "jwk", "jwks" }, { "algorithms", "algorithm" }, { "alg", "algorithm" },
		{ "algoritm", "algorithm" }, { "issuerUrl", "issuer" }, { "iss", "issuer" },
		{ "Issuer", "issuer" }, { "issuers", "issuer" }, { "domains", "domain" },
		{ "Type", "type" }, { "typ", "type" },
		/* unrelated keys people add stay unrelated */
		{ "label", NULL }, { "name", NULL }, { "kind", NULL }, { "comment", NULL },
		{ "jwksCacheTtl", NULL }, { "origin", NULL }, { "", NULL },
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		UNIT_STREQ(authcfg_near_miss(cases[i].key), cases[i].want, "near miss: %s", cases[i].key);
	UNIT_OK(authcfg_typo_distance("Providers", "providers") == 0, "distance ignores case");
	UNIT_OK(authcfg_typo_distance("provider", "providers") == 1, "distance: a missing letter");
	UNIT_OK(authcfg_typo_distance("porviders", "providers") == 1, "distance: a swap counts once");
}

static void test_urls(void)
{
	static const struct {
		const char *url;
		const char *want;	/* substring of the reason, NULL when Convex accepts it */
		bool convex_words;
	} cases[] = {
		{ "https://api.workos.com/", NULL, false },
		{ "https://api.workos.com/user_management/${env:WORKOS_CLIENT_ID}", NULL, false },
		{ "http://localhost:3211", NULL, false },
		{ "api.workos.com", NULL, false },
		{ "clerk.acme.dev/", NULL, false },
		{ "localhost:3211", NULL, false },
		{ "${env:CLERK_JWT_ISSUER_DOMAIN}", NULL, false },
		{ "https://${env:HOST}/", NULL, false },
		{ "${env:HOST}.example.com", NULL, false },
		{ "auth.example.xn--p1ai", NULL, false },
		{ "auth.example.\xd1\x80\xd1\x84", NULL, false },
		{ "\"https://api.workos.com/\"", "starts with a double quote", true },
		{ "'https://api.workos.com/'", "starts with a quote", false },
		{ "https//api.workos.com/", "Does not look like a URL", true },
		{ "https:/api.workos.com/", "Does not look like a URL", true },
		{ "https:api.workos.com", "malformed", false },
		{ "ftp://auth.acme.dev", "\"ftp\" is not https", false },
		{ "HTTPS://api.workos.com/", "\"HTTPS\" is not https", false },
		{ "https://", "no host", false },
		{ "clerk-issuer", "Does not look like a URL", true },
		{ "10.0.0.7:8443", "Does not look like a URL", true },
		{ "example.", "Does not look like a URL", true },
	};
	struct arena a = ARENA_INIT;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		bool cw = false;
		const char *why = authcfg_url_problem(&a, cases[i].url, &cw);

		if (!cases[i].want) {
			UNIT_STREQ(why, NULL, "url accepted: %s", cases[i].url);
			continue;
		}
		UNIT_OK(why && strstr(why, cases[i].want) && cw == cases[i].convex_words,
			"url rejected: %s (%s)", cases[i].url, why ? why : "accepted");
	}

	UNIT_OK(authcfg_workos_url("https://api.workos.com/") && authcfg_workos_url("api.workos.com") &&
		authcfg_workos_url("https://API.WorkOS.com/sso/jwks/x") &&
		authcfg_workos_url("https://workos.com"), "workos urls");
	UNIT_OK(!authcfg_workos_url("https://notworkos.com/") && !authcfg_workos_url("https://workos.com.evil.dev/") &&
		!authcfg_workos_url("https://${env:WORKOS_API_HOSTNAME}/") && !authcfg_workos_url(NULL) &&
		!authcfg_workos_url("https://auth.example.com/?next=api.workos.com"), "not workos urls");

	UNIT_STREQ(authcfg_um_client(&a, "https://api.workos.com/user_management/${env:X}"), "${env:X}",
		   "user_management id");
	UNIT_STREQ(authcfg_um_client(&a, "https://api.workos.com/user_management/client_1/"), "client_1",
		   "user_management id, trailing slash");
	UNIT_STREQ(authcfg_um_client(&a, "https://api.workos.com/user_management/"), NULL,
		   "user_management without id");
	UNIT_STREQ(authcfg_jwks_client(&a, "https://api.workos.com/sso/jwks/${env:X}"), "${env:X}", "jwks id");
	UNIT_STREQ(authcfg_jwks_client(&a, "https://api.workos.com/sso/jwks"), NULL, "jwks without id");
	UNIT_STREQ(authcfg_jwks_client(&a, "https://api.workos.com/sso/jwks/a/b"), NULL, "jwks with a path");
	UNIT_STREQ(authcfg_env_only(&a, "${env:WORKOS_CLIENT_ID}"), "WORKOS_CLIENT_ID", "one env read");
	UNIT_STREQ(authcfg_env_only(&a, "${env:A}${env:B}"), NULL, "two env reads");
	UNIT_STREQ(authcfg_env_only(&a, "x${env:A}"), NULL, "env read with text");
	UNIT_STREQ(authcfg_show(&a, "https://h/${env:A}/${env:B}"), "https://h/${process.env.A}/${process.env.B}",
		   "show env parts");
	arena_release(&a);
}

/* Evaluates src as convex/auth.config.ts and describes each provider authcfg lists. */
static char *describe(struct arena *out, const char *code)
{
	struct arena a = ARENA_INIT;
	struct lint_file f = { 0 };
	struct lint_app app = { 0 };
	struct lint_eval ev;
	const struct authcfg *cfg;
	struct strbuf sb = STRBUF_INIT;
	TSParser *p = ts_parser_new();
	static const char *const kinds[] = { "unknown", "custom", "oidc" };
	char *ret;

	lint_source_from_mem(&a, &f.src, "convex/auth.config.ts", NULL, code, strlen(code));
	ts_parser_set_language(p, tree_sitter_typescript());
	f.tree = ts_parser_parse_string(p, NULL, f.src.buf, (uint32_t)f.src.len);
	f.parsed = true;
	lint_eval_auth_config(&a, &f.src, f.tree, &ev);
	f.arena = &a;
	app.auth_config = &f;
	app.auth_eval = &ev;
	if (!(cfg = authcfg_get(&app))) {
		strbuf_adds(&sb, "(none)");
	} else {
		strbuf_addf(&sb, "%s", cfg->complete ? "complete" : "partial");
		for (size_t i = 0; i < cfg->n; i++) {
			const struct authcfg_provider *pv = &cfg->p[i];

			strbuf_addf(&sb, " [%ld %s%s%s%s%s%s]", pv->index, kinds[pv->kind],
				    pv->type_exact ? " exact" : "", pv->workos ? " workos" : "",
				    pv->shared_issuer ? " shared" : "", pv->um_issuer ? " um" : "",
				    pv->legacy ? " legacy" : "");
		}
	}
	ret = arena_strdup(out, strbuf_str(&sb));
	strbuf_release(&sb);
	ts_tree_delete(f.tree);
	ts_parser_delete(p);
	arena_release(&a);
	return ret;
}

static void test_providers(void)
{
	static const struct {
		const char *name, *src, *want;
	} cases[] = {
		{ "official template",
		  "const clientId = process.env.WORKOS_CLIENT_ID;\n"
		  "export default { providers: [\n"
		  " { type: 'customJwt', issuer: 'https://api.workos.com/', algorithm: 'RS256', applicationID: clientId,"
		  "   jwks: `https://api.workos.com/sso/jwks/${clientId}` },\n"
		  " { type: 'customJwt', issuer: `https://api.workos.com/user_management/${clientId}`, algorithm: 'RS256',"
		  "   jwks: `https://api.workos.com/sso/jwks/${clientId}` },\n"
		  "] } satisfies AuthConfig;\n",
		  "complete [0 custom exact workos shared] [1 custom exact workos um]" },
		{ "legacy OIDC and Clerk",
		  "export default { providers: [\n"
		  " { domain: `https://api.workos.com/user_management/${process.env.WORKOS_CLIENT_ID}`, applicationID: 'x' },\n"
		  " { type: 'oidc', domain: process.env.CLERK_JWT_ISSUER_DOMAIN, applicationID: 'convex' },\n"
		  "] };\n",
		  "complete [0 oidc exact workos legacy] [1 oidc exact]" },
		{ "intended customJwt: missing or misspelled type",
		  "export default { providers: [\n"
		  " { issuer: 'https://api.workos.com', applicationID: 'x' },\n"
		  " { type: 'customJWT', issuer: 'https://auth.acme.dev', jwks: 'https://auth.acme.dev/jwks' },\n"
		  " { type: 'oidc', issuer: 'https://auth.acme.dev' },\n"
		  " { jwks: 'https://auth.acme.dev/jwks' },\n"
		  "] };\n",
		  "complete [0 custom workos shared] [1 custom] [2 custom] [3 custom]" },
		{ "undefined keys are absent, unknown types unknown",
		  "import { t } from './t';\n"
		  "export default { providers: [\n"
		  " { type: undefined, domain: 'clerk.acme.dev', applicationID: undefined },\n"
		  " { type: t, issuer: 'https://api.workos.com/' },\n"
		  " {},\n"
		  "] };\n",
		  "complete [0 oidc exact] [1 unknown workos shared] [2 oidc exact]" },
		{ "an unknown spread hides indices and leaves the object out",
		  "import { more, extra } from './more';\n"
		  "export default { providers: [...more, { ...extra, type: 'customJwt' }, { domain: 'a.dev', applicationID: 'b' }] };\n",
		  "partial [-1 oidc exact]" },
		{ "providers from a function call",
		  "import { authKit } from './auth';\nexport default { providers: authKit.getAuthConfigProviders() };\n",
		  "partial" },
		{ "no default export", "export const authConfig = { providers: [] };\n", "(none)" },
	};
	struct arena a = ARENA_INIT;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		UNIT_STREQ(describe(&a, cases[i].src), cases[i].want, "providers: %s", cases[i].name);
	arena_release(&a);
}

int main(void)
{
	test_near_miss();
	test_urls();
	test_providers();
	UNIT_DONE();
}
