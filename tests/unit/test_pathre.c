/*
 * test_pathre.c - path-to-regexp v6.3.0 semantics (src/pathre.c), and the pattern handling
 * of authkit-nextjs unauthenticatedPaths and Next.js config.matcher. Expected regexp
 * sources and messages were taken from path-to-regexp 6.3.0 itself under Node 20.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pathre.h"
#include "unit.h"
#include "util.h"

/* the official Next.js template matcher (Clerk style), as the JS string value */
#define TEMPLATE_MATCHER "/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|" \
	"woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)"

static struct arena A = ARENA_INIT;

/* v6 pathToRegexp(p).source, or "ERR <message>" */
static const char *src(const char *p)
{
	const char *err = NULL;
	size_t idx;
	const char *r = pathre_source(&A, p, NULL, &err, &idx);

	return r ? r : arena_printf(&A, "ERR %s", err);
}

static const char *src_opts(const char *p, const struct pathre_opts *o)
{
	const char *err = NULL;
	size_t idx;
	const char *r = pathre_source(&A, p, o, &err, &idx);

	return r ? r : arena_printf(&A, "ERR %s", err);
}

static const char *auth(const char *glob)
{
	const char *err = NULL;
	size_t idx;
	const char *r = pathre_authkit_path_regex(&A, glob, &err, &idx);

	return r ? r : arena_printf(&A, "ERR %s", err);
}

static const char *next(const char *source)
{
	const char *err = NULL;
	size_t idx;
	const char *r = pathre_next_matcher_regex(&A, source, NULL, &err, &idx);

	return r ? r : arena_printf(&A, "ERR %s", err);
}

static int m(const char *pattern, const char *path)
{
	return pathre_matches(pattern, NULL, path);
}

static int am(const char *glob, const char *path)
{
	return pathre_authkit_matches(glob, path);
}

static int nm(const char *source, const char *path)
{
	return pathre_next_matcher_matches(source, NULL, path);
}

static void test_fact_p14(void)
{
	const char *err = NULL;
	size_t idx = 99;

	/* '/' matches only '/' */
	UNIT_OK(am("/", "/") == 1, "p14: '/' matches /");
	UNIT_OK(am("/", "/about") == 0, "p14: '/' does not match /about");
	UNIT_OK(am("/", "/sign-in") == 0, "p14: '/' does not match /sign-in");
	UNIT_STREQ(auth("/"), "^\\/[\\/#\\?]?$", "p14: '/' regex");

	/* '/about' matches /about and /about/ but not /about/team */
	UNIT_OK(am("/about", "/about") == 1, "p14: '/about' matches /about");
	UNIT_OK(am("/about", "/about/") == 1, "p14: '/about' matches /about/");
	UNIT_OK(am("/about", "/about/team") == 0, "p14: '/about' does not match /about/team");

	/* '/api/:path*' matches /api and /api/a/b */
	UNIT_OK(am("/api/:path*", "/api") == 1, "p14: '/api/:path*' matches /api");
	UNIT_OK(am("/api/:path*", "/api/a/b") == 1, "p14: '/api/:path*' matches /api/a/b");
	UNIT_OK(am("/api/:path*", "/apix") == 0, "p14: '/api/:path*' does not match /apix");
	UNIT_STREQ(auth("/api/:path*"),
		   "^\\/api(?:\\/((?:[^\\/#\\?]+?)(?:\\/(?:[^\\/#\\?]+?))*))?[\\/#\\?]?$",
		   "p14: '/api/:path*' regex");

	/* these throw */
	UNIT_STREQ(auth("/api/*"), "ERR Unexpected MODIFIER at 5, expected END",
		   "p14: '/api/*' throws in authkit");
	UNIT_STREQ(src("/api/*"), "ERR Unexpected MODIFIER at 5, expected END",
		   "p14: '/api/*' throws in plain v6");
	UNIT_OK(pathre_parse(&A, "/api/*", &(struct pathre_tokens){ 0 }, &err, &idx) == -1 &&
		idx == 5, "p14: '/api/*' error index is 5");
	UNIT_STREQ(auth("/public/**"), "ERR Unexpected MODIFIER at 8, expected END",
		   "p14: '/public/**' throws");
	/* authkit's URL step turns "{" "}" into %7B %7D before v6 sees them */
	UNIT_STREQ(auth("/{*path}"), "ERR Unexpected MODIFIER at 4, expected END",
		   "p14: '/{*path}' (v8 syntax) throws in authkit");
	UNIT_STREQ(src("/{*path}"), "ERR Unexpected MODIFIER at 2, expected CLOSE",
		   "p14: '/{*path}' throws in plain v6");
	/* the URL step cuts at "?", leaving "/((" */
	UNIT_STREQ(auth("/((?!_next).*)"), "ERR Capturing groups are not allowed at 2",
		   "p14: '/((?!_next).*)' throws in authkit");
	UNIT_STREQ(src("/((?!_next).*)"), "^(?:\\/((?!_next).*))[\\/#\\?]?$",
		   "p14: '/((?!_next).*)' is fine in plain v6 (so in Next)");
	UNIT_OK(am("/api/*", "/api/x") == -1, "p14: authkit_matches reports a throwing entry as -1");
	UNIT_STREQ(PATHRE_AUTHKIT_ERROR_PREFIX, "Error parsing routes for middleware auth. Reason: ",
		   "p14: authkit error prefix");
}

static void test_next_template(void)
{
	static const char *const yes[] = { "/", "/dashboard", "/api/x", "/sign-in", "/robots.txt",
					   "/_next/data/abc/dashboard.json", "/api/data.json" };
	static const char *const no[] = { "/_next/static/chunks/main.js", "/favicon.ico",
					  "/logo.png", "/x.js", "/_next/image" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(yes); i++)
		UNIT_OK(nm(TEMPLATE_MATCHER, yes[i]) == 1, "next template catch-all matches %s", yes[i]);
	for (i = 0; i < ARRAY_SIZE(no); i++)
		UNIT_OK(nm(TEMPLATE_MATCHER, no[i]) == 0, "next template catch-all skips %s", no[i]);
	UNIT_STREQ(next(TEMPLATE_MATCHER),
		   "^(?:\\/(_next\\/data\\/[^/]{1,}))?(?:\\/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|"
		   "jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*))"
		   "(\\.json|\\.rsc|\\.segments\\/.+\\.segment\\.rsc)?[\\/#\\?]?$",
		   "next template catch-all regexp");
	UNIT_OK(nm("/(api|trpc)(.*)", "/api/x") == 1, "next '/(api|trpc)(.*)' matches /api/x");
	UNIT_OK(nm("/(api|trpc)(.*)", "/trpc/post.list") == 1,
		"next '/(api|trpc)(.*)' matches /trpc/post.list");
	UNIT_OK(nm("/(api|trpc)(.*)", "/dashboard") == 0,
		"next '/(api|trpc)(.*)' does not match /dashboard");
	UNIT_STREQ(next("/(api|trpc)(.*)"),
		   "^(?:\\/(_next\\/data\\/[^/]{1,}))?(?:\\/(api|trpc))(.*)"
		   "(\\.json|\\.rsc|\\.segments\\/.+\\.segment\\.rsc)?[\\/#\\?]?$",
		   "next '/(api|trpc)(.*)' regexp");
	/* authkit cannot take the template matcher: its URL step cuts at "?" */
	UNIT_STREQ(auth(TEMPLATE_MATCHER), "ERR Capturing groups are not allowed at 2",
		   "the template matcher is not a valid unauthenticatedPaths entry");
}

static void test_next_rules(void)
{
	struct pathre_next_config base = { "/docs", false, false };
	struct pathre_next_config i18n = { NULL, true, false };
	struct pathre_next_config i18n_off = { NULL, true, true };
	struct pathre_next_config old_next = { NULL, false, false, true };
	char *long_src;

	UNIT_OK(nm("/dashboard", "/Dashboard") == 0, "next matchers are case-sensitive");
	UNIT_OK(m("/dashboard", "/Dashboard") == 1, "plain v6 is case-insensitive by default");
	UNIT_OK(nm("/", "/") == 1 && nm("/", "/index") == 1 && nm("/", "/index.rsc") == 1 &&
		nm("/", "/about") == 0, "next root matcher matches /, /index, /index.rsc only");
	UNIT_OK(nm("/dashboard", "/dashboard.rsc") == 1 &&
		nm("/dashboard", "/dashboard.segments/$c$children/__PAGE__.segment.rsc") == 1 &&
		nm("/dashboard", "/_next/data/build/dashboard.json") == 1,
		"next 16.3+ matchers take the .json, .rsc and .segments forms of a page");
	UNIT_OK(pathre_next_matcher_matches("/dashboard", &old_next, "/dashboard.rsc") == 0 &&
		pathre_next_matcher_matches("/dashboard", &old_next, "/dashboard.json") == 1,
		"next 16.0 matchers only take the .json form");
	UNIT_STREQ(next("dashboard"), "ERR source must start with /", "next source must start with /");
	UNIT_STREQ(next("/api/*"), "ERR Invalid source '/api/*': Unexpected MODIFIER at 5, expected END",
		   "next rejects '/api/*'");
	UNIT_STREQ(next("/:a:b"),
		   "ERR Invalid source '/:a:b': Must have text between two parameters, missing text "
		   "after \"a\"", "next rejects adjacent parameters");
	/* Next retries with prefix "/" where v6 refuses to repeat */
	UNIT_STREQ(src("/api:path*"), "ERR Can not repeat \"path\" without a prefix and suffix",
		   "v6 cannot repeat a parameter without prefix");
	UNIT_OK(nm("/api:path*", "/api/x/y") == 1 && nm("/api:path*", "/apix") == 0,
		"next normalizes a repeat without prefix to prefix /");
	UNIT_OK(pathre_next_matcher_matches("/about", &base, "/docs/about") == 1 &&
		pathre_next_matcher_matches("/about", &base, "/about") == 0,
		"next basePath goes in front of the matcher");
	UNIT_OK(pathre_next_matcher_matches("/about", &i18n, "/en/about") == 1 &&
		pathre_next_matcher_matches("/about", &i18n, "/about") == 0,
		"next i18n matcher expects a locale segment");
	UNIT_OK(pathre_next_matcher_matches("/about", &i18n_off, "/about") == 1,
		"next i18n with locale: false matches without a locale");
	/* 4061 characters: fine alone, 4138 once Next adds its 77 */
	long_src = arena_alloc(&A, 4062);
	long_src[0] = '/';
	memset(long_src + 1, 'a', 4060);
	UNIT_STREQ(next(long_src), "ERR exceeds max built length of 4096 for route",
		   "next rejects a matcher that passes 4096 once wrapped");
}

static void test_params(void)
{
	struct pathre_tokens t;
	const char *err = NULL;
	size_t idx;

	UNIT_STREQ(src("/user/:id(\\d+)"), "^\\/user(?:\\/(\\d+))[\\/#\\?]?$", "custom pattern regexp");
	UNIT_OK(m("/user/:id(\\d+)", "/user/123") == 1, "custom pattern matches digits");
	UNIT_OK(m("/user/:id(\\d+)", "/user/abc") == 0, "custom pattern rejects letters");
	UNIT_OK(m("/user/:id?", "/user") == 1 && m("/user/:id?", "/user/1") == 1 &&
		m("/user/:id?", "/user/1/2") == 0, "optional ? parameter");
	UNIT_OK(m("/user/:id+", "/user") == 0 && m("/user/:id+", "/user/1/2") == 1,
		"one-or-more + parameter");
	UNIT_OK(m("/user/:id*", "/user") == 1 && m("/user/:id*", "/user/1/2/3") == 1,
		"zero-or-more * parameter");
	UNIT_STREQ(src("/:a-:b"), "^(?:\\/([^\\/#\\?]+?))-((?:(?!-)[^\\/#\\?])+?)[\\/#\\?]?$",
		   "second parameter may not run into the text before it");
	UNIT_OK(m("/:a-:b", "/x-y") == 1 && m("/:a-:b", "/x") == 0, "two parameters in a segment");
	UNIT_STREQ(src("/file.:ext?"), "^\\/file(?:\\.((?:(?!\\.)[^\\/#\\?])+?))?[\\/#\\?]?$",
		   "'.' is a prefix");
	UNIT_OK(m("/file.:ext?", "/file") == 1 && m("/file.:ext?", "/file.txt") == 1,
		"optional extension");
	UNIT_OK(m("/file.txt", "/fileXtxt") == 0 && m("/file.txt", "/file.txt") == 1,
		"'.' is a literal dot");
	UNIT_STREQ(src("/(\\d+)*"), "^(?:\\/((?:\\d+)(?:\\/(?:\\d+))*))?[\\/#\\?]?$",
		   "unnamed repeated pattern");
	UNIT_OK(pathre_parse(&A, "/:foo(\\d+)?-{x:bar}+", &t, &err, &idx) == 0 && t.n == 3 &&
		!strcmp(t.v[0].name, "foo") && !strcmp(t.v[0].prefix, "/") &&
		!strcmp(t.v[0].pattern, "\\d+") && t.v[0].modifier == '?' &&
		t.v[1].type == PATHRE_TEXT && !strcmp(t.v[1].text, "-") &&
		!strcmp(t.v[2].name, "bar") && !strcmp(t.v[2].prefix, "x") &&
		!strcmp(t.v[2].pattern, "(?:(?!x)[^\\/#\\?])+?") && t.v[2].modifier == '+',
		"tokens of '/:foo(\\\\d+)?-{x:bar}+'");
	UNIT_OK(pathre_parse(&A, "/(\\d+)/(\\w+)", &t, &err, &idx) == 0 && t.n == 2 &&
		t.v[0].numbered && !strcmp(t.v[0].name, "0") && t.v[1].numbered &&
		!strcmp(t.v[1].name, "1"), "unnamed patterns are numbered from 0");
}

static void test_groups_escapes(void)
{
	UNIT_STREQ(src("/{-:a-}+"),
		   "^\\/(?:-((?:(?:(?!-)[^\\/#\\?])+?)(?:--(?:(?:(?!-)[^\\/#\\?])+?))*)-)[\\/#\\?]?$",
		   "group with prefix and suffix, repeated");
	UNIT_OK(m("/{-:a-}+", "/-x-") == 1 && m("/{-:a-}+", "/-x--y-") == 1 &&
		m("/{-:a-}+", "/x") == 0, "group prefix/suffix matching");
	UNIT_OK(m("/{abc}?", "/") == 1 && m("/{abc}?", "/abc") == 1 && m("/{abc}?", "/ab") == 0,
		"optional literal group");
	UNIT_OK(m("/book{s}?", "/book") == 1 && m("/book{s}?", "/books") == 1,
		"optional suffix group");
	UNIT_STREQ(src("/a\\:b"), "^\\/a\\:b[\\/#\\?]?$", "escaped colon is text");
	UNIT_OK(m("/a\\:b", "/a:b") == 1, "escaped colon matches a literal colon");
	UNIT_OK(m("/\\(x\\)", "/(x)") == 1, "escaped parentheses are text");
	UNIT_OK(m("/a\\", "/a") == 1, "a trailing backslash is dropped, as in v6");
	UNIT_STREQ(src("{/a"), "ERR Unexpected END at 3, expected CLOSE", "unclosed group");
	UNIT_STREQ(src("/a}/"), "ERR Unexpected CLOSE at 2, expected END", "stray close brace");
}

static void test_errors(void)
{
	UNIT_STREQ(src("/:"), "ERR Missing parameter name at 1", "empty parameter name");
	UNIT_STREQ(src("/:-x"), "ERR Missing parameter name at 1", "parameter name of no name chars");
	UNIT_STREQ(src("/("), "ERR Unbalanced pattern at 1", "unbalanced parenthesis");
	UNIT_STREQ(src("/a(b"), "ERR Unbalanced pattern at 2", "unbalanced parenthesis after text");
	UNIT_STREQ(src("/()"), "ERR Missing pattern at 1", "empty pattern");
	UNIT_STREQ(src("/(?x)"), "ERR Pattern cannot start with \"?\" at 2", "pattern starting with ?");
	UNIT_STREQ(src("/:id(a(b))"), "ERR Capturing groups are not allowed at 6",
		   "capturing group inside a pattern");
	UNIT_STREQ(src("/:id(a(?:b))"), "^(?:\\/(a(?:b)))[\\/#\\?]?$",
		   "non-capturing group inside a pattern is fine");
	UNIT_STREQ(src("/:a:b"),
		   "ERR Must have text between two parameters, missing text after \"a\"",
		   "adjacent parameters");
	UNIT_STREQ(src("/a(\\d+)*"), "ERR Can not repeat \"0\" without a prefix and suffix",
		   "repeat of an unnamed pattern without prefix");
	UNIT_OK(starts_with(src("/([)])"),
			    "ERR Invalid regular expression: /^(?:\\/([))\\]\\)[\\/#\\?]?$/i: "),
		"a custom pattern that is not a regexp is an error");
	UNIT_STREQ(src("/*"), "ERR Unexpected MODIFIER at 1, expected END", "bare star");
}

static void test_options(void)
{
	struct pathre_opts o = PATHRE_OPTS_INIT;

	UNIT_OK(m("/about", "/about/") == 1, "trailing slash allowed when strict is false");
	o.strict = true;
	UNIT_OK(pathre_matches("/about", &o, "/about/") == 0 &&
		pathre_matches("/about", &o, "/about") == 1, "strict refuses the trailing slash");
	o = (struct pathre_opts)PATHRE_OPTS_INIT;
	o.end = false;
	UNIT_STREQ(src_opts("/a/:b", &o),
		   "^\\/a(?:\\/([^\\/#\\?]+?))(?:[\\/#\\?](?=[]|$))?(?=[\\/#\\?]|[]|$)",
		   "end: false regexp");
	UNIT_OK(pathre_matches("/api", &o, "/api/x") == 1 && pathre_matches("/api", &o, "/apix") == 0,
		"end: false matches a prefix up to a delimiter");
	o = (struct pathre_opts)PATHRE_OPTS_INIT;
	UNIT_OK(m("/About", "/about") == 1 && m("/about", "/ABOUT") == 1,
		"case-insensitive by default");
	o.sensitive = true;
	UNIT_OK(pathre_matches("/About", &o, "/about") == 0, "sensitive: true");
	o = (struct pathre_opts)PATHRE_OPTS_INIT;
	o.delimiter = "/";
	o.prefixes = "/";
	UNIT_STREQ(src_opts("/file.:ext", &o), "^\\/file\\.([^\\/]+?)[\\/]?$",
		   "custom delimiter and prefixes");
}

static void test_unicode_and_url(void)
{
	UNIT_OK(m("/é/:x", "/é/y") == 1, "unicode literal segment");
	UNIT_OK(m("/:x", "/日本語") == 1, "unicode parameter value");
	UNIT_STREQ(src("/😀/:"), "ERR Missing parameter name at 4",
		   "error positions count UTF-16 units like v6");
	UNIT_STREQ(src("/é/("), "ERR Unbalanced pattern at 3", "error position after a BMP char");
	UNIT_OK(m("/:x", "/\xff\xfe") == 1 && m("/:x", "/\xff/\xfe") == 0,
		"invalid UTF-8 in a path matches like U+FFFD");
	/* authkit's `new URL()` step */
	UNIT_STREQ(auth("/é"), "^\\/%C3%A9[\\/#\\?]?$", "authkit percent-encodes unicode");
	UNIT_OK(am("/é", "/%C3%A9") == 1 && am("/é", "/é") == 0,
		"authkit unicode entry matches the encoded pathname");
	UNIT_STREQ(auth("/:id(\\d+)"), "^(?:\\/(\\/d+))[\\/#\\?]?$",
		   "authkit turns a backslash into a slash");
	UNIT_OK(am("/user/:id?", "/user/1") == 1 && am("/user/:id?", "/user") == 0,
		"authkit drops '?' and what follows (query)");
	UNIT_OK(am("sign-in", "/sign-in") == 1, "authkit resolves a relative entry against /");
	UNIT_OK(am("/a/../b", "/b") == 1, "authkit resolves dot segments");
	UNIT_STREQ(auth("//@/x"), "ERR Invalid URL", "authkit: new URL() throws");
	UNIT_STREQ(pathre_url_path(&A, "/x#a b", NULL), "/x#a%20b", "url: fragment is kept, encoded");
	UNIT_STREQ(pathre_url_path(&A, "  /a\tb?q ", NULL), "/ab", "url: trimmed, tab removed, query dropped");
	UNIT_STREQ(pathre_url_path(&A, "https://other.example/x/y", NULL), "/x/y",
		   "url: absolute URL keeps only its path");
}

static void test_big_and_garbage(void)
{
	struct strbuf pat = STRBUF_INIT, path = STRBUF_INIT, nest = STRBUF_INIT;
	uint32_t seed = 12345;
	const char *r;
	char buf[64];
	int i, j, bad = 0;

	for (i = 0; pat.len < 10 * 1024; i++) {
		strbuf_addf(&pat, "/seg%04d", i);
		strbuf_addf(&path, "/seg%04d", i);
	}
	strbuf_adds(&pat, "/:rest*");
	strbuf_adds(&path, "/x/y");
	r = src(strbuf_str(&pat));
	UNIT_OK(pat.len > 10 * 1024 && r && strncmp(r, "ERR", 3), "a 10 KB pattern compiles");
	UNIT_OK(m(strbuf_str(&pat), strbuf_str(&path)) == 1, "a 10 KB pattern matches its path");
	path.buf[5] = 'X';
	UNIT_OK(m(strbuf_str(&pat), strbuf_str(&path)) == 0, "a 10 KB pattern rejects a changed path");
	/* JS accepts deep (?: nesting; PCRE2 stops at 250 levels: an error, not a crash */
	strbuf_adds(&nest, "/(");
	for (i = 0; i < 3000; i++)
		strbuf_adds(&nest, "(?:");
	strbuf_addch(&nest, 'a');
	for (i = 0; i < 3000; i++)
		strbuf_addch(&nest, ')');
	strbuf_addch(&nest, ')');
	UNIT_OK(m(strbuf_str(&nest), "/a") == -1, "deeply nested pattern fails cleanly");

	for (i = 0; i < 3000; i++) {
		int len = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 40;

		for (j = 0; j < len; j++) {
			seed = seed * 1103515245u + 12345u;
			buf[j] = (char)(((seed >> 16) % 255) + 1);
		}
		buf[len] = '\0';
		bad += m(buf, buf) < -1 || m(buf, "/x") > 1;
		bad += am(buf, "/x") < -1 || nm(buf, "/x") < -1;
		(void)pathre_url_path(&A, buf, NULL);
	}
	UNIT_OK(bad == 0, "3000 garbage patterns go through every entry point");
	strbuf_release(&pat);
	strbuf_release(&path);
	strbuf_release(&nest);
}

int main(void)
{
	test_fact_p14();
	test_next_template();
	test_next_rules();
	test_params();
	test_groups_escapes();
	test_errors();
	test_options();
	test_unicode_and_url();
	test_big_and_garbage();
	arena_release(&A);
	UNIT_DONE();
}
