/*
 * fuzz_slice.c - the statement lexer and slicer (slice.h), and tree-sitter parsing the
 * ranges it returns. Input: one flag byte (bit 0: every binding roots the slice, else
 * none; bit 1: the word "client_" roots too; bit 2: TypeScript grammar, else TSX; bit 3:
 * keep small slices only, as the pipeline does), then the source.
 * Invariants: the ranges are ordered, disjoint, non-empty and inside the source; each
 * starts at a line start, and its points agree with its bytes.
 */
#include "fuzz.h"
#include "core.h"
#include "slice.h"

static bool root_all(void *ud, const struct slice_binding *b)
{
	FUZZ_CHECK(b->module && b->imported && b->ilen);
	return *(const bool *)ud && !b->type_only;
}

/* The row and column of byte off. */
static TSPoint point_of(const char *s, uint32_t off)
{
	TSPoint p = { 0, 0 };
	uint32_t i;

	for (i = 0; i < off; i++) {
		if (s[i] == '\n') {
			p.row++;
			p.column = 0;
		} else {
			p.column++;
		}
	}
	return p;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const words[] = { "client_", NULL };
	static TSParser *parser;
	struct fuzz_parts ps;
	const char *src;
	size_t len, n, i;
	TSRange *r;
	TSTree *t;
	uint8_t flags;
	bool all;

	if (size < 1)
		return 0;
	flags = data[0];
	all = flags & 1;
	fuzz_split(data + 1, size - 1, 1, &ps);
	src = fuzz_part(&ps, 0, &len);
	n = lint_slice(src, len, root_all, &all, (flags & 2) ? words : NULL, !(flags & 8), &r);
	for (i = 0; i < n; i++) {
		TSPoint a = point_of(src, r[i].start_byte), b = point_of(src, r[i].end_byte);

		FUZZ_CHECK(r[i].start_byte < r[i].end_byte && r[i].end_byte <= len);
		FUZZ_CHECK(i == 0 || r[i - 1].end_byte < r[i].start_byte);
		FUZZ_CHECK(r[i].start_byte == 0 || src[r[i].start_byte - 1] == '\n');
		FUZZ_CHECK(a.row == r[i].start_point.row && a.column == r[i].start_point.column);
		FUZZ_CHECK(b.row == r[i].end_point.row && b.column == r[i].end_point.column);
	}
	/* the pipeline's own limit keeps deeper text from tree-sitter (fuzz/README.md) */
	if (n && lint_nesting_depth(src, len, 10000) <= 10000) {
		if (!parser)
			parser = ts_parser_new();
		ts_parser_set_language(parser, (flags & 4) ? tree_sitter_typescript()
							  : tree_sitter_tsx());
		FUZZ_CHECK(ts_parser_set_included_ranges(parser, r, (uint32_t)n));
		t = ts_parse_bounded(parser, src, (uint32_t)len);
		ts_parser_set_included_ranges(parser, NULL, 0);
		if (t) {
			TSNode root = ts_tree_root_node(t);

			FUZZ_CHECK(ts_node_end_byte(root) <= len);
			ts_tree_delete(t);
		}
	}
	free(r);
	fuzz_parts_free(&ps);
	return 0;
}
