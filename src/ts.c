/* ts.c - small tree-sitter helpers shared by the model, the evaluator and the rules. */
#include <string.h>
#include <stdlib.h>

#include "rule.h"

bool ts_is(TSNode n, const char *type)
{
	return !ts_node_is_null(n) && strcmp(ts_node_type(n), type) == 0;
}

TSNode ts_field(TSNode n, const char *field)
{
	if (ts_node_is_null(n))
		return n;
	return ts_node_child_by_field_name(n, field, (uint32_t)strlen(field));
}

char *ts_text(struct arena *a, const struct lint_source *src, TSNode n)
{
	uint32_t s, e;

	/* the 0.20 runtime dereferences a null node's tree: check first */
	if (ts_node_is_null(n))
		return arena_strdup(a, "");
	s = ts_node_start_byte(n);
	e = ts_node_end_byte(n);
	if (e > src->len)
		e = (uint32_t)src->len;
	if (s > e)
		s = e;
	return arena_strndup(a, src->buf + s, e - s);
}

bool ts_text_eq(const struct lint_source *src, TSNode n, const char *s)
{
	uint32_t b, e;
	size_t len = strlen(s);

	if (ts_node_is_null(n))
		return false;
	b = ts_node_start_byte(n);
	e = ts_node_end_byte(n);
	return e >= b && e <= src->len && e - b == len && memcmp(src->buf + b, s, len) == 0;
}

void ts_kids_init(struct ts_kids *k, TSNode n)
{
	k->started = false;
	k->all = false;
	/* the 0.20 runtime dereferences a null node's tree */
	k->live = !ts_node_is_null(n);
	if (k->live)
		k->cur = ts_tree_cursor_new(n);
}

void ts_kids_init_all(struct ts_kids *k, TSNode n)
{
	ts_kids_init(k, n);
	k->all = true;
}

bool ts_kids_next(struct ts_kids *k, TSNode *out)
{
	while (k->live) {
		bool ok = k->started ? ts_tree_cursor_goto_next_sibling(&k->cur)
				     : ts_tree_cursor_goto_first_child(&k->cur);

		k->started = true;
		if (!ok)
			break;
		*out = ts_tree_cursor_current_node(&k->cur);
		if (k->all || ts_node_is_named(*out))
			return true;
	}
	ts_kids_end(k);
	return false;
}

void ts_kids_end(struct ts_kids *k)
{
	if (k->live)
		ts_tree_cursor_delete(&k->cur);
	k->live = false;
}

TSNode ts_call_arg(TSNode call, uint32_t n)
{
	TSNode none = { { 0 } }, a;
	struct ts_kids k;

	for (ts_kids_init(&k, ts_field(call, "arguments")); ts_kids_next(&k, &a);) {
		if (ts_is(a, "comment"))
			continue;
		if (!n--) {
			ts_kids_end(&k);
			return a;
		}
	}
	return none;
}

/* The first (or last) named child that is not a comment. */
static TSNode named_non_comment(TSNode n, bool last)
{
	struct ts_kids k;
	TSNode c, found = { 0 };

	for (ts_kids_init(&k, n); ts_kids_next(&k, &c);) {
		if (ts_is(c, "comment"))
			continue;
		found = c;
		if (!last) {
			ts_kids_end(&k);
			break;
		}
	}
	return found;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void put_utf8(struct strbuf *sb, unsigned long cp)
{
	char b[4];

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		strbuf_addch(sb, (int)cp);
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(sb, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(sb, b, 3);
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		strbuf_add(sb, b, 4);
	}
}

void ts_cook_escape(struct strbuf *sb, const char *s, size_t n)
{
	unsigned long cp = 0;
	size_t i;

	if (n < 2)
		return;
	switch (s[1]) {
	case 'n': strbuf_addch(sb, '\n'); return;
	case 't': strbuf_addch(sb, '\t'); return;
	case 'r': strbuf_addch(sb, '\r'); return;
	case 'b': strbuf_addch(sb, '\b'); return;
	case 'f': strbuf_addch(sb, '\f'); return;
	case 'v': strbuf_addch(sb, '\v'); return;
	case '0':
		if (n == 2) {
			strbuf_addch(sb, '\0');
			return;
		}
		break;
	case '\r': case '\n':
		return;		/* line continuation */
	case 'x':
	case 'u':
		for (i = 2; i < n; i++) {
			int h = hexval((unsigned char)s[i]);

			if (h >= 0 && cp <= 0x10FFFF)
				cp = cp * 16 + (unsigned long)h;
		}
		put_utf8(sb, cp);
		return;
	default:
		break;
	}
	strbuf_add(sb, s + 1, n - 1);
}

char *ts_string_value(struct arena *a, const struct lint_source *src, TSNode n)
{
	struct strbuf sb = STRBUF_INIT;
	struct ts_kids k;
	TSNode c;
	char *ret;

	n = ts_unwrap(n);
	if (!ts_is(n, "string") && !ts_is(n, "template_string"))
		return NULL;
	for (ts_kids_init_all(&k, n); ts_kids_next(&k, &c);) {
		const char *t = ts_node_type(c);
		uint32_t b = ts_node_start_byte(c), e = ts_node_end_byte(c);

		if (!strcmp(t, "template_substitution") || ts_node_is_missing(c) ||
		    !strcmp(t, "ERROR")) {
			ts_kids_end(&k);
			strbuf_release(&sb);
			return NULL;
		}
		if (!strcmp(t, "string_fragment"))
			strbuf_add(&sb, src->buf + b, e - b);
		else if (!strcmp(t, "escape_sequence"))
			ts_cook_escape(&sb, src->buf + b, e - b);
	}
	ret = arena_strndup(a, strbuf_str(&sb), sb.len);
	strbuf_release(&sb);
	return ret;
}

TSNode ts_unwrap(TSNode n)
{
	for (;;) {
		const char *t;

		if (ts_node_is_null(n))
			return n;
		t = ts_node_type(n);
		if (!strcmp(t, "parenthesized_expression")) {
			n = named_non_comment(n, false);
		} else if (!strcmp(t, "as_expression") || !strcmp(t, "satisfies_expression") ||
			   !strcmp(t, "non_null_expression")) {
			/* the expression comes first; comments may sit anywhere */
			n = named_non_comment(n, false);
		} else if (!strcmp(t, "type_assertion")) {
			/* <T>x: the type arguments first, the expression last */
			n = named_non_comment(n, true);
		} else {
			return n;
		}
	}
}

void ts_walk(TSNode root, bool (*visit)(TSNode n, void *ud), void *ud)
{
	TSTreeCursor c;

	if (ts_node_is_null(root))
		return;
	c = ts_tree_cursor_new(root);
	for (;;) {
		TSNode n = ts_tree_cursor_current_node(&c);

		if (visit(n, ud) && ts_tree_cursor_goto_first_child(&c))
			continue;
		for (;;) {
			if (ts_node_eq(ts_tree_cursor_current_node(&c), root))
				goto out;
			if (ts_tree_cursor_goto_next_sibling(&c))
				break;
			if (!ts_tree_cursor_goto_parent(&c))
				goto out;
		}
	}
out:
	ts_tree_cursor_delete(&c);
}

struct walk_at {
	const uint32_t *at;
	size_t n, from;
	bool (*visit)(TSNode n, void *ud);
	void *ud;
};

/* A pre-order walk meets nodes by their start: offsets before it are behind it for good. */
static bool at_visit(TSNode n, void *ud)
{
	struct walk_at *w = ud;
	uint32_t start = ts_node_start_byte(n);

	while (w->from < w->n && w->at[w->from] < start)
		w->from++;
	return w->from < w->n && w->at[w->from] < ts_node_end_byte(n) && w->visit(n, w->ud);
}

void ts_walk_at(TSNode root, const uint32_t *at, size_t n, bool (*visit)(TSNode n, void *ud),
		void *ud)
{
	struct walk_at w = { at, n, 0, visit, ud };

	ts_walk(root, at_visit, &w);
}

uint32_t *ts_name_offsets(struct arena *a, const struct lint_source *src,
			  const char *const *names, size_t n, size_t *nout)
{
	const char *end = src->buf + src->len;
	uint32_t *at = NULL, *grown;
	size_t count = 0, alloc = 0, k;

	for (k = 0; k < n; k++) {
		size_t len = strlen(names[k]);
		const char *p = src->buf;

		if (!len)
			continue;
		while ((p = memmem(p, (size_t)(end - p), names[k], len))) {
			if ((p == src->buf || !ident_byte((unsigned char)p[-1])) &&
			    (p + len == end || !ident_byte((unsigned char)p[len]))) {
				if (count == alloc) {
					alloc = alloc ? 2 * alloc : 16;
					grown = ARENA_ARRAY(a, uint32_t, alloc);
					if (count)
						memcpy(grown, at, count * sizeof(*at));
					at = grown;
				}
				at[count++] = (uint32_t)(p - src->buf);
				p += len;
			} else {
				p++;
			}
		}
	}
	if (count > 1)
		qsort(at, count, sizeof(*at), u32_cmp);
	*nout = count;
	return at;
}

TSTree *ts_parse_bounded(TSParser *p, const char *buf, uint32_t len)
{
	uint64_t us = (uint64_t)TS_PARSE_SECONDS * 1000000u;
	TSTree *t;

	/* a clock, not a count: tree-sitter offers no other bound; real files take a fraction */
	us += us * len / (1024u * 1024u);
	ts_parser_set_timeout_micros(p, us);
	t = ts_parser_parse_string(p, NULL, buf, len);
	if (!t)
		ts_parser_reset(p);
	return t;
}
