/* test_edit.c - the helpers rules shape fixes with (edit.c): item removal, lines, nodes, quotes. */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "unit.h"

const TSLanguage *tree_sitter_tsx(void);

struct doc {
	struct arena a;
	struct lint_source src;
	TSTree *tree;
};

static void doc_init(struct doc *d, const char *code)
{
	TSParser *p = ts_parser_new();

	memset(d, 0, sizeof(*d));
	ts_parser_set_language(p, tree_sitter_tsx());
	lint_source_from_mem(&d->a, &d->src, "x.tsx", "/x.tsx", code, strlen(code));
	d->tree = ts_parser_parse_string(p, NULL, d->src.buf, (uint32_t)d->src.len);
	ts_parser_delete(p);
}

static void doc_free(struct doc *d)
{
	ts_tree_delete(d->tree);
	arena_release(&d->a);
}

/* The code with the member whose text starts with `member` removed. */
static char *removed(const char *code, const char *member)
{
	struct doc d;
	const char *at = strstr(code, member);
	uint32_t s = (uint32_t)(at - code);
	TSNode n;
	struct lint_edit e;
	char *out;

	doc_init(&d, code);
	n = ts_node_descendant_for_byte_range(ts_tree_root_node(d.tree), s, s);
	while (!ts_is(ts_node_parent(n), "object") && !ts_is(ts_node_parent(n), "array"))
		n = ts_node_parent(n);
	e = lint_edit_remove_item(&d.src, n);
	out = malloc(strlen(code) + 1);
	memcpy(out, code, e.start);
	strcpy(out + e.start, code + e.end);
	doc_free(&d);
	return out;
}

static void test_remove_item(void)
{
	char *s;

	s = removed("x = {\n  a: 1,\n  b: 2, // why\n  c: 3,\n};\n", "b:");
	UNIT_STREQ(s, "x = {\n  a: 1,\n  c: 3,\n};\n", "an item on its own line goes with its line and comment");
	free(s);
	s = removed("x = {\n  a: 1,\n  b: 2\n};\n", "b:");
	UNIT_STREQ(s, "x = {\n  a: 1,\n};\n", "the last item's line goes; the comma before it stays (trailing)");
	free(s);
	s = removed("x = { a: 1, b: 2, c: 3 };\n", "b:");
	UNIT_STREQ(s, "x = { a: 1, c: 3 };\n", "an inline item goes with its comma and blanks");
	free(s);
	s = removed("x = { a: 1, b: 2 };\n", "b:");
	UNIT_STREQ(s, "x = { a: 1 };\n", "the last inline item takes the comma before it");
	free(s);
	s = removed("x = { b: 2 };\n", "b:");
	UNIT_STREQ(s, "x = {  };\n", "the only item goes alone");
	free(s);
	s = removed("x = { a: 1, b: 2,\n  c: 3 };\n", "b:");
	UNIT_STREQ(s, "x = { a: 1,\n  c: 3 };\n", "an item last on its line keeps the line end");
	free(s);
	s = removed("x = {\r\n  a: 1,\r\n  b: 2,\r\n};\r\n", "b:");
	UNIT_STREQ(s, "x = {\r\n  a: 1,\r\n};\r\n", "a CRLF line goes whole");
	free(s);
}

static void test_lines(void)
{
	struct doc d;
	const char *code = "a;\n\tb; // c\r\nd";

	doc_init(&d, code);
	UNIT_OK(lint_line_start(&d.src, 5) == 3, "line start");
	UNIT_OK(lint_line_end(&d.src, 4) == 11, "line end stops before \\r\\n");
	UNIT_OK(lint_first_on_line(&d.src, 4), "after a tab is first on the line");
	UNIT_OK(!lint_first_on_line(&d.src, 6), "after code is not");
	UNIT_OK(lint_rest_blank(&d.src, 6), "a // comment counts as blank");
	UNIT_OK(!lint_rest_blank(&d.src, 3), "code does not");
	UNIT_STREQ(lint_indent(&d.a, &d.src, 5), "\t", "indentation");
	UNIT_STREQ(lint_newline(&d.src, 4), "\r\n", "a CRLF line");
	UNIT_STREQ(lint_newline(&d.src, 0), "\n", "an LF line");
	doc_free(&d);
}

static void test_node_at_and_quotes(void)
{
	struct doc d;
	TSNode n;

	doc_init(&d, "import x from 'm';\nconst y = (\"s\");\n");
	n = ts_node_at(d.tree, 30, 33);
	UNIT_OK(ts_is(n, "string"), "ts_node_at finds the string (%s)", ts_node_is_null(n) ? "null" : ts_node_type(n));
	n = ts_node_at(d.tree, 29, 34);
	UNIT_OK(ts_is(n, "parenthesized_expression"), "ts_node_at finds the widest node of a span");
	UNIT_OK(ts_node_is_null(ts_node_at(d.tree, 30, 32)), "ts_node_at: no node spans it exactly");
	UNIT_OK(lint_quote_of(&d.src, d.tree) == '\'', "the first string's quote");
	doc_free(&d);
}

int main(void)
{
	test_remove_item();
	test_lines();
	test_node_at_and_quotes();
	UNIT_DONE();
}
