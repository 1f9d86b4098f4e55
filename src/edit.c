/* edit.c - what rules use to shape a fix's edits: lines, indentation, list items, quotes. */
#include <string.h>

#include "rule.h"

uint32_t lint_line_start(const struct lint_source *src, uint32_t off)
{
	struct lint_pos p = lint_source_pos(src, off);

	return src->nlines ? src->lines[p.line - 1] : 0;
}

uint32_t lint_line_end(const struct lint_source *src, uint32_t off)
{
	while (off < src->len && src->buf[off] != '\n' && src->buf[off] != '\r')
		off++;
	return off;
}

/* The start of the next line after off's line (or the end of the file). */
static uint32_t next_line(const struct lint_source *src, uint32_t off)
{
	off = lint_line_end(src, off);
	if (off < src->len && src->buf[off] == '\r')
		off++;
	if (off < src->len && src->buf[off] == '\n')
		off++;
	return off;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

bool lint_first_on_line(const struct lint_source *src, uint32_t off)
{
	uint32_t i = lint_line_start(src, off);

	while (i < off && blank(src->buf[i]))
		i++;
	return i == off;
}

bool lint_rest_blank(const struct lint_source *src, uint32_t off)
{
	while (off < src->len && blank(src->buf[off]))
		off++;
	return off >= src->len || src->buf[off] == '\n' || src->buf[off] == '\r' ||
	       (off + 1 < src->len && src->buf[off] == '/' && src->buf[off + 1] == '/');
}

const char *lint_indent(struct arena *a, const struct lint_source *src, uint32_t off)
{
	uint32_t s = lint_line_start(src, off), e = s;

	while (e < src->len && blank(src->buf[e]))
		e++;
	return arena_strndup(a, src->buf + s, e - s);
}

const char *lint_newline(const struct lint_source *src, uint32_t off)
{
	off = lint_line_end(src, off);
	return off + 1 < src->len && src->buf[off] == '\r' && src->buf[off + 1] == '\n' ? "\r\n"
											  : "\n";
}

TSNode ts_node_at(TSTree *tree, uint32_t start, uint32_t end)
{
	TSNode n = ts_node_descendant_for_byte_range(ts_tree_root_node(tree), start, end), none;

	memset(&none, 0, sizeof(none));
	if (ts_node_is_null(n))
		return none;
	/* the smallest node may be a lone token; the widest one of that span is the expression */
	while (ts_node_start_byte(n) == start && ts_node_end_byte(n) == end) {
		TSNode p = ts_node_parent(n);

		if (ts_node_is_null(p) || ts_node_start_byte(p) != start || ts_node_end_byte(p) != end)
			break;
		n = p;
	}
	if (ts_node_start_byte(n) != start || ts_node_end_byte(n) != end)
		return none;
	return n;
}

struct lint_edit lint_edit_remove_item(const struct lint_source *src, TSNode item)
{
	uint32_t s = ts_node_start_byte(item), e = ts_node_end_byte(item), p = e, after;
	struct lint_edit ed = { s, e, "" };
	bool comma;

	while (p < src->len && blank(src->buf[p]))
		p++;
	comma = p < src->len && src->buf[p] == ',';
	after = comma ? p + 1 : e;
	/* on a line of its own: the whole line goes, the trailing comment about it too */
	if (lint_first_on_line(src, s) && lint_rest_blank(src, after)) {
		ed.start = lint_line_start(src, s);
		ed.end = next_line(src, after);
		return ed;
	}
	if (comma) {
		if (lint_rest_blank(src, after)) {
			/* last on its line: take the blanks before it, keep the line end */
			while (ed.start > 0 && blank(src->buf[ed.start - 1]))
				ed.start--;
			ed.end = after;
		} else {
			while (after < src->len && blank(src->buf[after]))
				after++;
			ed.end = after;
		}
		return ed;
	}
	/* the last item written inline: its comma comes before it */
	p = s;
	while (p > 0 && (blank(src->buf[p - 1]) || src->buf[p - 1] == '\n' || src->buf[p - 1] == '\r'))
		p--;
	if (p > 0 && src->buf[p - 1] == ',')
		ed.start = p - 1;
	return ed;
}

struct quote_walk {
	const struct lint_source *src;
	char q;
};

static bool quote_visit(TSNode n, void *ud)
{
	struct quote_walk *w = ud;

	if (w->q)
		return false;
	if (ts_is(n, "string")) {
		char c = w->src->buf[ts_node_start_byte(n)];

		if (c == '"' || c == '\'')
			w->q = c;
		return false;
	}
	return true;
}

char lint_quote_of(const struct lint_source *src, TSTree *tree)
{
	struct quote_walk w = { src, 0 };

	ts_walk(ts_tree_root_node(tree), quote_visit, &w);
	return w.q ? w.q : '"';
}
