/*
 * test_lsp.c - the language server's text work without a client: positions in UTF-8,
 * UTF-16 and UTF-32 on mixed line ends and broken UTF-8, where the "ignore" code action puts
 * its comment (statements, JSX children and attributes, template literals, env entries),
 * and the Content-Length reader on messages in pieces and after framing errors.
 */
#include <stdlib.h>

#include "lsp_p.h"
#include "unit.h"

static void positions(void)
{
	/* line 0 "a" (CRLF), line 1 "é🎉x" (a lone CR), line 2 "z" */
	static const char text[] = "a\r\n\xc3\xa9\xf0\x9f\x8e\x89x\rz";
	struct lsp_text t;
	uint32_t l, c;
	size_t x = strlen("a\r\n\xc3\xa9\xf0\x9f\x8e\x89");

	lsp_text_init(&t, text, strlen(text));
	UNIT_OK(t.nlines == 3, "CRLF and a lone CR both end a line (%u lines)", t.nlines);
	lsp_text_position(&t, LSP_UTF16, x, &l, &c);
	UNIT_OK(l == 1 && c == 3, "UTF-16: é is one unit, the emoji two (%u:%u)", l, c);
	lsp_text_position(&t, LSP_UTF8, x, &l, &c);
	UNIT_OK(l == 1 && c == 6, "UTF-8: bytes (%u:%u)", l, c);
	lsp_text_position(&t, LSP_UTF32, x, &l, &c);
	UNIT_OK(l == 1 && c == 2, "UTF-32: code points (%u:%u)", l, c);
	UNIT_OK(lsp_text_from_position(&t, LSP_UTF16, 1, 3) == x, "UTF-16 position back to the byte");
	UNIT_OK(lsp_text_from_position(&t, LSP_UTF16, 1, 2) == 5,
		"a position inside a surrogate pair is the start of the emoji");
	UNIT_OK(lsp_text_from_position(&t, LSP_UTF8, 1, 4) == 5, "a byte inside a sequence is its start");
	UNIT_OK(lsp_text_from_position(&t, LSP_UTF16, 1, 99) == x + 1, "past the line end clamps before the CR");
	UNIT_OK(lsp_text_from_position(&t, LSP_UTF16, 9, 0) == t.len, "a line past the end is the end");
	UNIT_OK(lsp_text_offset(&t, 2, 3) == x, "cwlint column 3 (code points) is the byte after the emoji");
	UNIT_OK(lsp_text_offset(&t, 2, 99) == x + 1, "a column past the line clamps to its end");
	UNIT_OK(lsp_text_offset(&t, 7, 1) == t.len, "a line past the end is the end of the text");
	lsp_text_position(&t, LSP_UTF16, 999, &l, &c);
	UNIT_OK(l == 2 && c == 1, "an offset past the end clamps (%u:%u)", l, c);
	lsp_text_release(&t);

	/* broken UTF-8: a stray continuation byte and a cut 3-byte sequence count one each */
	lsp_text_init(&t, "\x80x\xe2\x82", 4);
	lsp_text_position(&t, LSP_UTF16, 4, &l, &c);
	UNIT_OK(l == 0 && c == 4, "invalid bytes count one unit each (%u:%u)", l, c);
	UNIT_OK(lsp_text_from_position(&t, LSP_UTF16, 0, 2) == 2, "and convert back the same way");
	lsp_text_release(&t);
}

/* The one ignore action offered for a finding of rule on line of text, or NULL. */
static char *ignore_text(const char *text, bool env, enum lint_file_kind kind, const char *rule,
			 int line, int *at)
{
	struct lsp_doc d = { 0 };
	json_t *params, *actions, *edit;
	char *ret = NULL;

	d.uri = "file:///t/src/a.tsx";
	d.env = env;
	d.kind = kind;
	d.text = (char *)text;
	d.len = strlen(text);
	params = json_pack("{s:{s:s}, s:{s:{s:i,s:i}, s:{s:i,s:i}}, s:{s:[{s:s, s:s, s:{s:{s:i,s:i}}}]}}",
			   "textDocument", "uri", d.uri,
			   "range", "start", "line", line, "character", 0, "end", "line", line, "character", 0,
			   "context", "diagnostics", "code", rule, "source", "cwlint",
			   "range", "start", "line", line, "character", 0);
	actions = lsp_code_actions(&d, LSP_UTF16, 10000, params);
	if (json_array_size(actions) == 1) {
		edit = json_array_get(json_object_get(json_object_get(json_object_get(
			json_array_get(actions, 0), "edit"), "changes"), d.uri), 0);
		ret = strdup(json_string_value(json_object_get(edit, "newText")));
		*at = (int)json_integer_value(json_object_get(json_object_get(json_object_get(edit,
			"range"), "start"), "line"));
	}
	json_decref(actions);
	json_decref(params);
	return ret;
}

static void expect_ignore(const char *name, const char *text, bool env, const char *rule, int line,
			  const char *want, int want_at)
{
	int at = -1;
	char *got = ignore_text(text, env, FK_TSX, rule, line, &at);

	UNIT_STREQ(got, want, "ignore: %s", name);
	if (want)
		UNIT_OK(at == want_at, "ignore: %s: inserted above line %d (got %d)", name, want_at, at);
	free(got);
}

static void ignore_actions(void)
{
	static const char jsx[] =
		"export const A = () => (\n"		/* 0 */
		"  <Outer\n"				/* 1 */
		"    clientId=\"x\"\n"			/* 2 */
		"  >\n"					/* 3 */
		"    <Inner a={1} />\n"			/* 4 */
		"    {cond && <B />}\n"			/* 5 */
		"  </Outer>\n"				/* 6 */
		");\n"					/* 7 */
		"const t = `\n"				/* 8 */
		"   inside ${x}`;\n";			/* 9 */

	expect_ignore("a statement", "const a = 1;\n  const b = 2;\n", false, "hardcoded-client-id", 1,
		      "  // cwlint-ignore hardcoded-client-id: TODO explain why\n", 1);
	expect_ignore("the element that starts the expression", jsx, false, "hardcoded-client-id", 1,
		      "  // cwlint-ignore hardcoded-client-id: TODO explain why\n", 1);
	expect_ignore("an attribute line", jsx, false, "hardcoded-client-id", 2,
		      "    // cwlint-ignore hardcoded-client-id: TODO explain why\n", 2);
	expect_ignore("a JSX child element", jsx, false, "provider-order", 4,
		      "    {/* cwlint-ignore provider-order: TODO explain why */}\n", 4);
	expect_ignore("a JSX child expression", jsx, false, "provider-order", 5,
		      "    {/* cwlint-ignore provider-order: TODO explain why */}\n", 5);
	expect_ignore("a closing tag among children", jsx, false, "provider-order", 6,
		      "  {/* cwlint-ignore provider-order: TODO explain why */}\n", 6);
	expect_ignore("inside a template literal: above its statement", jsx, false, "hardcoded-client-id", 9,
		      "// cwlint-ignore hardcoded-client-id: TODO explain why\n", 8);
	expect_ignore("CRLF line ends are kept", "a();\r\n\tb();\r\n", false, "secret-in-source", 1,
		      "\t// cwlint-ignore secret-in-source: TODO explain why\r\n", 1);
	expect_ignore("the last line without a line end", "a();\nb();", false, "secret-in-source", 1,
		      "// cwlint-ignore secret-in-source: TODO explain why\n", 1);
	expect_ignore("an env entry", "A=1\nVITE_KEY=sk_test_x\n", true, "public-secret", 1,
		      "# cwlint-ignore public-secret: TODO explain why\n", 1);
	expect_ignore("the second line of a multi-line env value: above the entry", "A=1\nB=\"one\ntwo\"\n",
		      true, "quoted-env-value", 2, "# cwlint-ignore quoted-env-value: TODO explain why\n", 1);
	expect_ignore("an env line that is no entry cannot be suppressed", "A=1\n=broken\n", true,
		      "env-syntax", 1, NULL, 0);
	expect_ignore("suppression findings cannot be suppressed", "// cwlint-ignore x: y\na();\n", false,
		      "unused-suppression", 0, NULL, 0);
	expect_ignore("an unknown rule id gets nothing", "a();\n", false, "no-such-rule", 0, NULL, 0);
	expect_ignore("a line past the end gets nothing", "a();\n", false, "secret-in-source", 7, NULL, 0);
}

struct sink {
	struct strbuf out;
};

static int sink_write(void *ud, const char *buf, size_t len)
{
	strbuf_add(&((struct sink *)ud)->out, buf, len);
	return 0;
}

static void frame(struct strbuf *sb, const char *body)
{
	strbuf_addf(sb, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
}

static void reader(void)
{
	struct lsp_options o = { 0 };
	struct sink k = { STRBUF_INIT };
	struct strbuf in = STRBUF_INIT;
	struct lsp_server *s;
	size_t i, stopped = 0;

	o.cwd = "/";
	o.no_config = true;
	s = lsp_server_new(&o, sink_write, &k);
	frame(&in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
	strbuf_adds(&in, "content-length:  5\n\n[1,2]");	/* lower case, LF only */
	strbuf_adds(&in, "Content-Length: 12x\r\n\r\n");
	frame(&in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"x\"}");
	for (i = 0; i < in.len; i++)
		stopped += !lsp_server_feed(s, in.buf + i, 1);
	UNIT_OK(!stopped, "a stream fed byte by byte never stops the server");
	UNIT_OK(strstr(strbuf_str(&k.out), "\"id\":1,\"result\":{\"capabilities\"") != NULL,
		"byte by byte: initialize answered");
	UNIT_OK(strstr(strbuf_str(&k.out), "\"code\":-32600") != NULL,
		"a lower-case header with LF line ends frames a batch, which is refused");
	UNIT_OK(strstr(strbuf_str(&k.out), "invalid Content-Length '12x'") != NULL,
		"a bad length is a framing error that names it");
	UNIT_OK(strstr(strbuf_str(&k.out), "\"id\":2,\"error\":{\"code\":-32601") != NULL,
		"after it the reader finds the next message");
	UNIT_OK(!lsp_server_truncated(s), "nothing left over");
	UNIT_OK(lsp_server_feed(s, "Content-Length: 10\r\n\r\n{", 23) && lsp_server_truncated(s),
		"a message cut short is noticed");
	UNIT_OK(lsp_server_status(s) == 1, "no shutdown: status 1");
	lsp_server_free(s);
	strbuf_release(&in);
	strbuf_release(&k.out);
}

int main(void)
{
	positions();
	ignore_actions();
	reader();
	UNIT_DONE();
}
