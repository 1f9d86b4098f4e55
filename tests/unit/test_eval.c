/* test_eval.c - the auth config evaluator: value, status and env reads per source. */
#include <stdlib.h>
#include <string.h>

#include "rule.h"
#include "unit.h"

const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);

struct run {
	struct arena a;
	struct lint_source src;
	TSTree *tree;
	struct lint_eval ev;
};

static void run_eval(struct run *r, bool tsx, const char *code, size_t len)
{
	TSParser *p = ts_parser_new();

	memset(r, 0, sizeof(*r));
	lint_source_from_mem(&r->a, &r->src, tsx ? "convex/auth.config.js" : "convex/auth.config.ts",
			     NULL, code, len);
	ts_parser_set_language(p, tsx ? tree_sitter_tsx() : tree_sitter_typescript());
	r->tree = ts_parser_parse_string(p, NULL, r->src.buf, (uint32_t)r->src.len);
	ts_parser_delete(p);
	lint_eval_auth_config(&r->a, &r->src, r->tree, &r->ev);
}

static void run_free(struct run *r)
{
	ts_tree_delete(r->tree);
	arena_release(&r->a);
}

static const char *status_name(enum lint_eval_status s)
{
	switch (s) {
	case EVAL_OK: return "ok";
	case EVAL_NO_DEFAULT_EXPORT: return "no-default";
	case EVAL_SYNTAX_ERROR: return "syntax";
	case EVAL_FORBIDDEN: return "forbidden";
	}
	return "?";
}

/* "A,B(fb)": every env read in source order, fallbacks marked. */
static const char *reads_str(struct run *r)
{
	struct strbuf sb = STRBUF_INIT;
	char *ret;

	for (size_t i = 0; i < r->ev.nenv_reads; i++)
		strbuf_addf(&sb, "%s%s%s", i ? "," : "", r->ev.env_reads[i].name,
			    r->ev.env_reads[i].fallback ? "(fb)" : "");
	ret = arena_strdup(&r->a, strbuf_str(&sb));
	strbuf_release(&sb);
	return ret;
}

#define TS	false
#define JS	true

struct tcase {
	const char *name;
	bool tsx;
	const char *src;
	enum lint_eval_status status;
	const char *value;	/* lint_value_render() of the config, "(null)" for none */
	const char *reads;
};

#define CID "${env:WORKOS_CLIENT_ID}"

static const struct tcase cases[] = {
	{ "official template (W1, satisfies AuthConfig)", TS,
	  "import { AuthConfig } from \"convex/server\";\n"
	  "\n"
	  "const clientId = process.env.WORKOS_CLIENT_ID;\n"
	  "\n"
	  "export default {\n"
	  "  providers: [\n"
	  "    {\n"
	  "      type: \"customJwt\",\n"
	  "      issuer: \"https://api.workos.com/\",\n"
	  "      algorithm: \"RS256\",\n"
	  "      jwks: `https://api.workos.com/sso/jwks/${clientId}`,\n"
	  "      applicationID: clientId,\n"
	  "    },\n"
	  "    {\n"
	  "      type: \"customJwt\",\n"
	  "      issuer: `https://api.workos.com/user_management/${clientId}`,\n"
	  "      algorithm: \"RS256\",\n"
	  "      jwks: `https://api.workos.com/sso/jwks/${clientId}`,\n"
	  "    },\n"
	  "  ],\n"
	  "} satisfies AuthConfig;\n",
	  EVAL_OK,
	  "{providers:[{type:\"customJwt\",issuer:\"https://api.workos.com/\",algorithm:\"RS256\","
	  "jwks:\"https://api.workos.com/sso/jwks/" CID "\",applicationID:\"" CID "\"},"
	  "{type:\"customJwt\",issuer:\"https://api.workos.com/user_management/" CID "\","
	  "algorithm:\"RS256\",jwks:\"https://api.workos.com/sso/jwks/" CID "\"}]}",
	  "WORKOS_CLIENT_ID" },
	{ "older form: const authConfig then export default authConfig", TS,
	  "const authConfig = {\n"
	  "  providers: [{ domain: `https://api.workos.com/user_management/${process.env.WORKOS_CLIENT_ID}`,\n"
	  "                applicationID: process.env.WORKOS_CLIENT_ID }],\n"
	  "};\n"
	  "export default authConfig;\n",
	  EVAL_OK,
	  "{providers:[{domain:\"https://api.workos.com/user_management/" CID "\",applicationID:\"" CID "\"}]}",
	  "WORKOS_CLIENT_ID,WORKOS_CLIENT_ID" },
	{ "export default of a const defined below", TS,
	  "export default authConfig;\nconst authConfig = { providers: [] };\n",
	  EVAL_OK, "{providers:[]}", "" },
	{ "export { authConfig as default }", TS,
	  "const authConfig = { providers: [{ issuer: 'x' }] };\nexport { authConfig as default };\n",
	  EVAL_OK, "{providers:[{issuer:\"x\"}]}", "" },
	{ "js: module.exports", JS,
	  "const clientId = process.env.WORKOS_CLIENT_ID;\n"
	  "module.exports = { providers: [{ type: 'customJwt', applicationID: clientId }] };\n",
	  EVAL_OK, "{providers:[{type:\"customJwt\",applicationID:\"" CID "\"}]}", "WORKOS_CLIENT_ID" },
	{ "js: export default with a JSX-grammar parse", JS,
	  "export default { providers: [{ issuer: \"https://api.workos.com/\" }] };\n",
	  EVAL_OK, "{providers:[{issuer:\"https://api.workos.com/\"}]}", "" },
	{ "shorthand properties", TS,
	  "const issuer = \"https://api.workos.com/\";\nconst type = \"customJwt\";\n"
	  "export default { providers: [{ type, issuer }] };\n",
	  EVAL_OK, "{providers:[{type:\"customJwt\",issuer:\"https://api.workos.com/\"}]}", "" },
	{ "string and number keys", TS,
	  "export default { \"applicationID\": 'a', 'issuer': \"b\", 1: true, 0x10: 2 };\n",
	  EVAL_OK, "{applicationID:\"a\",issuer:\"b\",\"1\":true,\"16\":2}", "" },
	{ "computed key makes the object partial", TS,
	  "const k = 'issuer';\nexport default { [k]: 'x', a: 1 };\n",
	  EVAL_OK, "{a:1,...?}", "" },
	{ "methods and getters are unknown", TS,
	  "export default { get issuer() { return 'x'; }, jwks() { return 1; }, a: 1 };\n",
	  EVAL_OK, "{issuer:?,jwks:?,a:1}", "" },
	{ "nested literals of every kind", TS,
	  "export default { a: [1, 2.5, -3, 0x10, 1_000], b: true, c: false, d: null, e: undefined,\n"
	  "  f: { g: 'h' }, i: void 0, j: !0 };\n",
	  EVAL_OK, "{a:[1,2.5,-3,16,1000],b:true,c:false,d:null,e:undefined,f:{g:\"h\"},i:undefined,j:true}",
	  "" },
	{ "array holes", TS,
	  "export default [1,,2,];\n", EVAL_OK, "[1,undefined,2]", "" },
	{ "string escapes", TS,
	  "export default { a: \"q\\\"\\n\\u0041\\x42\", b: `t\\t${'x'}` };\n",
	  EVAL_OK, "{a:\"q\\\"\\nAB\",b:\"t\\tx\"}", "" },
	{ "template with a direct env read", TS,
	  "export default { jwks: `https://api.workos.com/sso/jwks/${process.env.WORKOS_CLIENT_ID}` };\n",
	  EVAL_OK, "{jwks:\"https://api.workos.com/sso/jwks/" CID "\"}", "WORKOS_CLIENT_ID" },
	{ "template with an unknown substitution is unknown", TS,
	  "import { id } from './id';\nexport default { jwks: `https://x/${id}`, n: `${1}-${true}` };\n",
	  EVAL_OK, "{jwks:?,n:\"1-true\"}", "" },
	{ "concatenation with env", TS,
	  "export default { issuer: \"https://api.workos.com/user_management/\" + process.env.WORKOS_CLIENT_ID };\n",
	  EVAL_OK, "{issuer:\"https://api.workos.com/user_management/" CID "\"}", "WORKOS_CLIENT_ID" },
	{ "concatenation with numbers", TS,
	  "export default ['a' + 1 + 2, 1 + 2 + 'a', 1 + 2, 'a' - 1];\n",
	  EVAL_OK, "[\"a12\",\"3a\",3,?]", "" },
	{ "let and var stay unknown", TS,
	  "let a = 'x';\nvar b = 'y';\nexport default { a, b };\n", EVAL_OK, "{a:?,b:?}", "" },
	{ "non-null env read in a const", TS,
	  "const clientId = process.env.WORKOS_CLIENT_ID!;\nexport default { applicationID: clientId };\n",
	  EVAL_OK, "{applicationID:\"" CID "\"}", "WORKOS_CLIENT_ID" },
	{ "process.env[\"X\"]", TS,
	  "export default { applicationID: process.env[\"WORKOS_CLIENT_ID\"] };\n",
	  EVAL_OK, "{applicationID:\"" CID "\"}", "WORKOS_CLIENT_ID" },
	{ "dynamic process.env[name] is unknown", TS,
	  "const name = 'X';\nexport default { a: process.env[name] };\n", EVAL_OK, "{a:?}", "" },
	{ "destructuring process.env", TS,
	  "const { WORKOS_CLIENT_ID, OTHER: other } = process.env;\n"
	  "export default { a: WORKOS_CLIENT_ID, b: other };\n",
	  EVAL_OK, "{a:\"" CID "\",b:\"${env:OTHER}\"}", "WORKOS_CLIENT_ID,OTHER" },
	{ "destructuring process.env with a default", TS,
	  "const { WORKOS_CLIENT_ID = 'client_x' } = process.env;\nexport default { a: WORKOS_CLIENT_ID };\n",
	  EVAL_OK, "{a:fb:\"" CID "\"}", "WORKOS_CLIENT_ID(fb)" },
	{ "destructuring a local object and array", TS,
	  "const { a, b: { c } = {}, d = 4 } = { a: 1, d: undefined };\nconst [x, , y] = ['p', 'q', 'r'];\n"
	  "export default { a, c, d, x, y };\n",
	  EVAL_OK, "{a:1,c:?,d:4,x:\"p\",y:\"r\"}", "" },
	{ "as const, as AuthConfig, non-null, parentheses", TS,
	  "export default (({ a: ('b' as const), c: (1)! }) as AuthConfig);\n",
	  EVAL_OK, "{a:\"b\",c:1}", "" },
	{ "<AuthConfig> type assertion (ts grammar)", TS,
	  "export default <AuthConfig>{ a: <string>'b' };\n", EVAL_OK, "{a:\"b\"}", "" },
	{ "satisfies with a comment inside the parentheses", TS,
	  "export default (\n  // the providers\n  { providers: [] }\n) satisfies AuthConfig;\n",
	  EVAL_OK, "{providers:[]}", "" },
	{ "spread of a local array", TS,
	  "const base = [{ a: 1 }];\nconst more = [...base, { b: 2 }];\n"
	  "export default { providers: [...more, ...base] };\n",
	  EVAL_OK, "{providers:[{a:1},{b:2},{a:1}]}", "" },
	{ "spread of a local object, later keys win", TS,
	  "const common = { type: 'customJwt', algorithm: 'RS256' };\n"
	  "export default { providers: [{ ...common, issuer: 'x', algorithm: 'ES256' }] };\n",
	  EVAL_OK, "{providers:[{type:\"customJwt\",algorithm:\"RS256\",issuer:\"x\",algorithm:\"ES256\"}]}",
	  "" },
	{ "spread of an imported array is partial", TS,
	  "import { providers } from './providers';\nexport default { providers: [...providers, { a: 1 }] };\n",
	  EVAL_OK, "{providers:[{a:1},...?]}", "" },
	{ "spread of a call is partial", TS,
	  "export default { ...make(), a: 1, ...null };\n", EVAL_OK, "{a:1,...?}", "" },
	{ "env.X from ./_generated/server", TS,
	  "import { env } from \"./_generated/server\";\nexport default { applicationID: env.WORKOS_CLIENT_ID };\n",
	  EVAL_OK, "{applicationID:\"" CID "\"}", "WORKOS_CLIENT_ID" },
	{ "env aliased and namespace imports of _generated/server", TS,
	  "import { env as e } from '../convex/_generated/server.js';\nimport * as srv from './_generated/server';\n"
	  "export default [e.A, srv.env.B];\n",
	  EVAL_OK, "[\"${env:A}\",\"${env:B}\"]", "A,B" },
	{ "an env imported from elsewhere is unknown", TS,
	  "import { env } from './env';\nexport default { applicationID: env.WORKOS_CLIENT_ID };\n",
	  EVAL_OK, "{applicationID:?}", "" },
	{ "a local alias of process.env", TS,
	  "const e = process.env;\nexport default { a: e.X };\n", EVAL_OK, "{a:\"${env:X}\"}", "X" },
	{ "?? fallback", TS,
	  "export default { applicationID: process.env.WORKOS_CLIENT_ID ?? \"convex\" };\n",
	  EVAL_OK, "{applicationID:fb:\"" CID "\"}", "WORKOS_CLIENT_ID(fb)" },
	{ "|| fallback inside a template", TS,
	  "export default { issuer: `https://${process.env.HOST || 'api.workos.com'}/` };\n",
	  EVAL_OK, "{issuer:fb:\"https://${env:HOST}/\"}", "HOST(fb)" },
	{ "ternary on an env read", TS,
	  "export default { a: process.env.X ? process.env.X : 'dflt' };\n",
	  EVAL_OK, "{a:fb:\"${env:X}\"}", "X(fb),X" },
	{ "ternary with an env branch and a literal", TS,
	  "export default { a: isProd ? process.env.X : 'dflt', b: isProd ? process.env.Y : process.env.Z };\n",
	  EVAL_OK, "{a:fb:\"${env:X}\",b:?}", "X(fb),Y,Z" },
	{ "fallback on a const holding an env read", TS,
	  "const id = process.env.WORKOS_CLIENT_ID;\nexport default { a: id ?? 'x', b: id };\n",
	  EVAL_OK, "{a:fb:\"" CID "\",b:\"" CID "\"}", "WORKOS_CLIENT_ID(fb)" },
	{ "known logical operators", TS,
	  "const a = null ?? 'x';\nconst b = '' || 'y';\nconst c = 0 && 'z';\nexport default [a, b, c];\n",
	  EVAL_OK, "[\"x\",\"y\",0]", "" },
	{ "getAuthConfigProviders() is unknown", TS,
	  "import { authKit } from './auth';\nexport default { providers: authKit.getAuthConfigProviders() };\n",
	  EVAL_OK, "{providers:?}", "" },
	{ "member access on local objects", TS,
	  "const p = { a: { b: 'c' }, l: [1, 2] };\n"
	  "export default { x: p.a.b, y: p['a'], z: p.q, n: p.l.length, i: p.l[1], o: p.l[5] };\n",
	  EVAL_OK, "{x:\"c\",y:{b:\"c\"},z:undefined,n:2,i:2,o:undefined}", "" },
	{ "named exports only", TS,
	  "import { AuthConfig } from 'convex/server';\nexport const authConfig = { providers: [] };\n",
	  EVAL_NO_DEFAULT_EXPORT, "(null)", "" },
	{ "empty file", TS, "", EVAL_NO_DEFAULT_EXPORT, "(null)", "" },
	{ "default export of undefined", TS,
	  "const c = undefined;\nexport default c;\n", EVAL_NO_DEFAULT_EXPORT, "undefined", "" },
	{ "default export of a function", TS,
	  "export default function config() { return {}; }\n", EVAL_OK, "?", "" },
	{ "re-exported default", TS,
	  "export { default } from './real';\n", EVAL_OK, "?", "" },
	{ "typescript export =", TS,
	  "export = { providers: [] };\n", EVAL_OK, "{providers:[]}", "" },
	{ "syntax error keeps a best-effort value", TS,
	  "export default { providers: [{ issuer: 'x' }], a: 1 +, b: 2 };\n",
	  EVAL_SYNTAX_ERROR, NULL, "" },
	{ "conflict markers", TS,
	  "export default {\n<<<<<<< HEAD\n  a: 1,\n=======\n  a: 2,\n>>>>>>> branch\n};\n",
	  EVAL_SYNTAX_ERROR, NULL, "" },
	{ "a marker-like line inside a comment is fine", TS,
	  "/*\n=======\n*/\nexport default { a: 1 };\n", EVAL_OK, "{a:1}", "" },
	{ "Math.random at the top level", TS,
	  "const r = Math.random();\nexport default { providers: [] };\n",
	  EVAL_FORBIDDEN, "{providers:[]}", "" },
	{ "Date inside a function that is never called", TS,
	  "function stamp() { return Date.now() + Math.random(); }\n"
	  "const later = () => fetch('x');\nexport default { providers: [] };\n",
	  EVAL_OK, "{providers:[]}", "" },
	{ "Date inside a function that the config calls", TS,
	  "function stamp() { return Date.now(); }\nexport default { providers: [], t: stamp() };\n",
	  EVAL_FORBIDDEN, "{providers:[],t:?}", "" },
	{ "new Date in the export", TS,
	  "export default { t: new Date().toString() };\n", EVAL_FORBIDDEN, "{t:?}", "" },
	{ "fetch at the top level", TS,
	  "const keys = fetch('https://api.workos.com/sso/jwks/x');\nexport default {};\n",
	  EVAL_FORBIDDEN, "{}", "" },
	{ "dynamic import", TS,
	  "const m = import('./other');\nexport default {};\n", EVAL_FORBIDDEN, "{}", "" },
	{ "crypto in an arrow const that is called", TS,
	  "const id = () => crypto.randomUUID();\nconst x = id();\nexport default {};\n",
	  EVAL_FORBIDDEN, "{}", "" },
	{ "performance in an IIFE", TS,
	  "const t = (() => performance.now())();\nexport default {};\n", EVAL_FORBIDDEN, "{}", "" },
	{ "Date in a type position is fine", TS,
	  "type T = typeof Date.now;\nconst d: Date | null = null;\nexport default { d };\n",
	  EVAL_OK, "{d:null}", "" },
	{ "binding cycle", TS,
	  "const a = b;\nconst b = a;\nconst s = s;\nexport default { a, b, s };\n",
	  EVAL_OK, "{a:?,b:?,s:?}", "" },
	{ "env reads anywhere evaluated, not in uncalled functions", TS,
	  "const unused = process.env.NEXT_PUBLIC_X;\nlet b = process.env.B ?? 'x';\n"
	  "function never() { return process.env.HIDDEN; }\nexport default {};\n",
	  EVAL_OK, "{}", "NEXT_PUBLIC_X,B(fb)" },
	{ "export const, then export default of it", TS,
	  "export const authConfig = { providers: [{ issuer: 'x' }] };\nexport default authConfig;\n",
	  EVAL_OK, "{providers:[{issuer:\"x\"}]}", "" },
	{ "a type-only env import is not env", TS,
	  "import type { env } from './_generated/server';\nexport default { a: env.X };\n",
	  EVAL_OK, "{a:?}", "" },
	{ "crypto through globalThis", TS,
	  "const buf = globalThis.crypto.getRandomValues(new Uint8Array(4));\nexport default {};\n",
	  EVAL_FORBIDDEN, "{}", "" },
	{ "duplicate keys are all kept", TS,
	  "export default { a: 1, a: 2 };\n", EVAL_OK, "{a:1,a:2}", "" },
};

static void test_table(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct tcase *c = &cases[i];
		struct run r;

		run_eval(&r, c->tsx, c->src, strlen(c->src));
		UNIT_STREQ(status_name(r.ev.status), status_name(c->status), "%s: status (%s)",
			   c->name, r.ev.err_msg ? r.ev.err_msg : "");
		if (c->value)
			UNIT_STREQ(lint_value_render(&r.a, r.ev.config), c->value, "%s: value", c->name);
		UNIT_STREQ(reads_str(&r), c->reads, "%s: env reads", c->name);
		run_free(&r);
	}
}

static uint32_t off(const char *src, const char *needle)
{
	const char *p = strstr(src, needle);

	return p ? (uint32_t)(p - src) : (uint32_t)-1;
}

static const struct lint_value *provider0(const struct run *r)
{
	const struct lint_prop *p = lint_value_get(r->ev.config, "providers");

	return p && p->value->kind == LV_ARRAY && p->value->nitems ? p->value->items[0] : NULL;
}

static void test_ranges(void)
{
	static const char src[] =
		"const issuer = \"https://api.workos.com/\";\n"
		"export default { providers: [{ issuer, applicationID: process.env.WORKOS_CLIENT_ID ?? \"convex\" }] };\n";
	const struct lint_prop *pi, *pa;
	const struct lint_value *p;
	const struct lint_env_read *rd;
	uint32_t use = off(src, "issuer, "), lit = off(src, "\"https");
	struct run r;

	run_eval(&r, TS, src, strlen(src));
	p = provider0(&r);
	pi = lint_value_get(p, "issuer");
	pa = lint_value_get(p, "applicationID");
	UNIT_OK(pi && pi->key_start == use && pi->key_end == use + 6, "ranges: shorthand key range");
	UNIT_OK(pi && pi->value->start == use && pi->value->end == use + 6,
		"ranges: const-resolved value starts at the use");
	UNIT_OK(pi && pi->value->def_start == lit &&
		pi->value->def_end == lit + strlen("\"https://api.workos.com/\""),
		"ranges: const-resolved value's def range is the literal");
	UNIT_OK(pi && (pi->value->flags & LV_FROM_CONST), "ranges: LV_FROM_CONST set");
	UNIT_OK(pi && lint_value_is_str(pi->value, "https://api.workos.com/"), "ranges: is_str");
	UNIT_OK(pa && !lint_value_is_str(pa->value, CID) && (pa->value->flags & LV_HAS_ENV) &&
		(pa->value->flags & LV_FALLBACK), "ranges: env value is not a known string");
	UNIT_OK(r.ev.nenv_reads == 1, "ranges: one read");
	rd = r.ev.nenv_reads ? &r.ev.env_reads[0] : NULL;
	UNIT_OK(rd && rd->start == off(src, "process.env") &&
		rd->end == off(src, " ?? "), "ranges: read covers process.env.X");
	UNIT_OK(rd && rd->fallback && rd->fb_start == off(src, "\"convex\"") &&
		rd->fb_end == off(src, "\"convex\"") + 8, "ranges: fallback range is the literal");
	UNIT_OK(pa && pa->value->start == off(src, "process.env") && pa->value->end == off(src, " }]"),
		"ranges: fallback value covers the whole ?? expression");
	run_free(&r);
}

static void test_err_ranges(void)
{
	static const char named[] = "// c\nconst x = 1;\nexport const authConfig = {};\n";
	static const char rnd[] = "const a = 1;\nconst r = Math.random();\nexport default {};\n";
	static const char conflict[] = "export default {\n  a: 1,\n<<<<<<< HEAD\r\n};\n";
	static const char missing[] = "export default { a: [1, 2 };\n";
	struct run r;

	run_eval(&r, TS, named, strlen(named));
	UNIT_OK(r.ev.err_start == off(named, "export") && r.ev.err_end == strlen(named) - 1,
		"err range: first named export");
	run_free(&r);

	run_eval(&r, TS, rnd, strlen(rnd));
	UNIT_OK(r.ev.err_start == off(rnd, "Math") && r.ev.err_end == off(rnd, "()"),
		"err range: Math.random");
	UNIT_STREQ(r.ev.err_msg, "uses 'Math.random' while the config is evaluated",
		   "err msg: Math.random");
	run_free(&r);

	/* the called function is scanned after the top level, yet it comes first in the file */
	{
		static const char two[] = "function f() { return Math.random(); }\n"
					  "const x = Date.now();\nconst y = f();\nexport default {};\n";

		run_eval(&r, TS, two, strlen(two));
		UNIT_OK(r.ev.status == EVAL_FORBIDDEN && r.ev.err_start == off(two, "Math"),
			"err range: the first forbidden use in the file wins");
		run_free(&r);
	}

	run_eval(&r, TS, conflict, strlen(conflict));
	UNIT_OK(r.ev.status == EVAL_SYNTAX_ERROR && r.ev.err_start == off(conflict, "<<<") &&
		r.ev.err_end == off(conflict, "\r\n"), "err range: conflict marker line");
	UNIT_STREQ(r.ev.err_msg, "git conflict marker", "err msg: conflict marker");
	UNIT_OK(r.ev.config && r.ev.config->kind == LV_OBJECT, "conflict marker: best-effort config");
	run_free(&r);

	run_eval(&r, TS, missing, strlen(missing));
	UNIT_OK(r.ev.status == EVAL_SYNTAX_ERROR && r.ev.err_start >= off(missing, "2") &&
		r.ev.err_start <= strlen(missing), "err range: missing bracket");
	UNIT_OK(r.ev.config != NULL, "syntax error: best-effort config");
	run_free(&r);
}

static void test_best_effort(void)
{
	static const char bad[] = "export default { providers: [{ issuer: 'x' }], a: 1 +, b: 2 };\n";
	const struct lint_value *p;
	struct run r;

	run_eval(&r, TS, bad, strlen(bad));
	p = provider0(&r);
	UNIT_OK(p && lint_value_is_str(lint_value_get(p, "issuer")->value, "x"),
		"best effort: providers survive a later syntax error");
	run_free(&r);
}

static void test_get(void)
{
	static const char src[] = "export default { a: 1, b: 'x', a: 'last', s: 'a\\0b' };\n";
	const struct lint_prop *p;
	struct run r;

	run_eval(&r, TS, src, strlen(src));
	p = lint_value_get(r.ev.config, "a");
	UNIT_OK(p && lint_value_is_str(p->value, "last"), "get: last duplicate wins");
	UNIT_OK(!lint_value_get(r.ev.config, "zz"), "get: missing key");
	UNIT_OK(!lint_value_get(NULL, "a") && !lint_value_is_str(NULL, "a"), "get: NULL safe");
	p = lint_value_get(r.ev.config, "s");
	UNIT_OK(p && p->value->len == 3 && p->value->str[1] == '\0' && !lint_value_is_str(p->value, "a"),
		"string with \\0 keeps its length");
	run_free(&r);
}

static char *repeat(const char *head, const char *unit, size_t n, const char *mid,
		    const char *unit2, size_t n2, const char *tail, size_t *len)
{
	size_t lh = strlen(head), lu = strlen(unit), lm = strlen(mid), lu2 = strlen(unit2);
	size_t lt = strlen(tail), total = lh + lu * n + lm + lu2 * n2 + lt, i;
	char *s = xmalloc(total + 1), *p = s;

	memcpy(p, head, lh), p += lh;
	for (i = 0; i < n; i++)
		memcpy(p, unit, lu), p += lu;
	memcpy(p, mid, lm), p += lm;
	for (i = 0; i < n2; i++)
		memcpy(p, unit2, lu2), p += lu2;
	memcpy(p, tail, lt), p += lt;
	*p = '\0';
	*len = total;
	return s;
}

static void test_deep(void)
{
	size_t len, i, open = 0, close = 0;
	struct run r;
	char *s, *out;

	s = repeat("export default ", "[", 100000, "", "]", 100000, ";\n", &len);
	run_eval(&r, TS, s, len);
	out = lint_value_render(&r.a, r.ev.config);
	for (i = 0; out[i]; i++) {
		open += out[i] == '[';
		close += out[i] == ']';
	}
	UNIT_OK(r.ev.config && r.ev.config->kind == LV_ARRAY && open == close && open > 100 &&
		open < 1000 && strchr(out, '?'), "deep: 100000 nested arrays are cut off (%zu)", open);
	run_free(&r);
	free(s);

	s = repeat("export default { a: ", "(", 100000, "'x'", ")", 100000, " };\n", &len);
	run_eval(&r, TS, s, len);
	UNIT_STREQ(lint_value_render(&r.a, r.ev.config), "{a:\"x\"}", "deep: 100000 parentheses");
	run_free(&r);
	free(s);

	s = repeat("export default { a: 'x'", " + 'x'", 100000, "", "", 0, " };\n", &len);
	run_eval(&r, TS, s, len);
	UNIT_STREQ(lint_value_render(&r.a, r.ev.config), "{a:?}", "deep: 100000-term concatenation");
	run_free(&r);
	free(s);

	s = repeat("export default ", "{a:", 100000, "1", "}", 100000, ";\n", &len);
	run_eval(&r, TS, s, len);
	UNIT_OK(r.ev.config && r.ev.config->kind == LV_OBJECT, "deep: 100000 nested objects");
	run_free(&r);
	free(s);

	/* a 100000-long chain of const aliases, then a cycle back to its start */
	{
		struct strbuf sb = STRBUF_INIT;

		strbuf_adds(&sb, "const c0 = c99999;\n");
		for (i = 1; i < 100000; i++)
			strbuf_addf(&sb, "const c%zu = c%zu;\n", i, i - 1);
		strbuf_adds(&sb, "export default { a: c99999, b: 'ok' };\n");
		run_eval(&r, TS, sb.buf, sb.len);
		UNIT_STREQ(lint_value_render(&r.a, r.ev.config), "{a:?,b:\"ok\"}",
			   "deep: 100000-long const chain with a cycle");
		run_free(&r);
		strbuf_release(&sb);
	}
}

static void test_blowup(void)
{
	struct strbuf sb = STRBUF_INIT;
	const struct lint_prop *p;
	struct run r;
	size_t i;

	/* each const doubles the one before: 2^60 bytes or items if nothing stopped it */
	strbuf_adds(&sb, "const s0 = 'xxxxxxxxxxxxxxxx';\nconst a0 = [1, 2, 3, 4];\n");
	for (i = 1; i <= 60; i++) {
		strbuf_addf(&sb, "const s%zu = s%zu + s%zu;\n", i, i - 1, i - 1);
		strbuf_addf(&sb, "const a%zu = [...a%zu, ...a%zu];\n", i, i - 1, i - 1);
	}
	strbuf_adds(&sb, "export default { s: s60, a: a60, t: s10, n: a10 };\n");
	run_eval(&r, TS, sb.buf, sb.len);
	p = lint_value_get(r.ev.config, "s");
	UNIT_OK(p && p->value->kind == LV_UNKNOWN, "blowup: doubled string becomes unknown");
	p = lint_value_get(r.ev.config, "a");
	UNIT_OK(p && (p->value->kind == LV_UNKNOWN || (p->value->flags & LV_PARTIAL)) &&
		p->value->nitems <= 1000000, "blowup: doubled array is cut off");
	p = lint_value_get(r.ev.config, "t");
	UNIT_OK(p && p->value->kind == LV_STRING && p->value->len == 16 << 10,
		"blowup: small doublings stay known");
	p = lint_value_get(r.ev.config, "n");
	UNIT_OK(p && p->value->kind == LV_ARRAY && p->value->nitems == 4 << 10,
		"blowup: small array doublings stay known");
	run_free(&r);
	strbuf_release(&sb);
}

static void test_huge_and_odd(void)
{
	const struct lint_prop *p;
	struct run r;
	size_t len;
	char *s;

	s = repeat("export default { a: '", "x", 3 << 20, "', b: `${'", "y", 2 << 20, "'}!` };\n", &len);
	run_eval(&r, TS, s, len);
	p = lint_value_get(r.ev.config, "a");
	UNIT_OK(p && p->value->kind == LV_STRING && p->value->len == 3 << 20, "huge: 3 MiB literal");
	p = lint_value_get(r.ev.config, "b");
	UNIT_OK(p && p->value->kind == LV_UNKNOWN, "huge: 2 MiB template result is unknown");
	run_free(&r);
	free(s);

	{
		static const char bad[] = "export default { a: '\xff\xfe\xc3', b: process.env.\xe9X };\n";

		run_eval(&r, TS, bad, sizeof(bad) - 1);
		p = lint_value_get(r.ev.config, "a");
		UNIT_OK(p && p->value->kind == LV_STRING && p->value->len == 3 &&
			!memcmp(p->value->str, "\xff\xfe\xc3", 3), "invalid utf-8: bytes kept");
		run_free(&r);
	}

	{
		static const char nul[] = "export default { a: 1 };\n\0\0garbage";

		run_eval(&r, TS, nul, sizeof(nul) - 1);
		UNIT_OK(r.ev.status != EVAL_OK || r.ev.config, "embedded NUL: no crash");
		run_free(&r);
	}

	run_eval(&r, TS, "export default", 14);
	UNIT_OK(r.ev.status == EVAL_SYNTAX_ERROR, "truncated export: syntax error");
	run_free(&r);

	{
		struct lint_eval ev;
		struct arena a = ARENA_INIT;
		struct lint_source src;

		lint_source_from_mem(&a, &src, "x.ts", NULL, "", 0);
		lint_eval_auth_config(&a, &src, NULL, &ev);
		UNIT_OK(ev.status == EVAL_SYNTAX_ERROR && !ev.config, "no tree: syntax error");
		arena_release(&a);
	}

	{
		static const char many[] = "export default { a: process.env.A, b: process.env.A, c: process.env.A ?? 1 };\n";

		run_eval(&r, TS, many, strlen(many));
		UNIT_STREQ(reads_str(&r), "A,A,A(fb)", "reads: one per range, in source order");
		run_free(&r);
	}
}

int main(void)
{
	test_table();
	test_ranges();
	test_err_ranges();
	test_best_effort();
	test_get();
	test_deep();
	test_blowup();
	test_huge_and_odd();
	UNIT_DONE();
}
