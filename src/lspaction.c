/*
 * lspaction.c - the language server's text work: positions in the client's encoding, and
 * code actions that insert a cwlint-ignore comment where suppress.c will read it.
 */
#include <stdlib.h>
#include <string.h>

#include "lsp_p.h"
#include "output.h"

const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);

/* --- positions --- */

void lsp_text_init(struct lsp_text *t, const char *buf, size_t len)
{
	size_t i, n = 1;

	t->buf = buf;
	t->len = len;
	for (i = 0; i < len; i++)
		if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 >= len || buf[i + 1] != '\n')))
			n++;
	t->lines = xmalloc(n * sizeof(*t->lines));
	t->lines[0] = 0;
	n = 1;
	for (i = 0; i < len; i++)
		if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 >= len || buf[i + 1] != '\n')))
			t->lines[n++] = (uint32_t)(i + 1);
	t->nlines = (uint32_t)n;
}

void lsp_text_release(struct lsp_text *t)
{
	free(t->lines);
	t->lines = NULL;
	t->nlines = 0;
}

size_t lsp_text_line_end(const struct lsp_text *t, uint32_t n)
{
	size_t s = t->lines[n], e = n + 1 < t->nlines ? t->lines[n + 1] : t->len;

	while (e > s && (t->buf[e - 1] == '\n' || t->buf[e - 1] == '\r'))
		e--;
	return e;
}

/*
 * Bytes of the UTF-8 sequence at s[i] (a stray or cut byte counts as one), and how many
 * units of enc it takes. Both directions of the conversion step with it, so they agree
 * on any bytes.
 */
static size_t step(const char *s, size_t i, size_t end, enum lsp_encoding enc, uint32_t *units)
{
	unsigned char c = (unsigned char)s[i];
	size_t k = c < 0x80 ? 1 : c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
	size_t j;

	if (k > 1 && (i + k > end))
		k = 1;
	for (j = 1; j < k; j++)
		if (((unsigned char)s[i + j] & 0xC0) != 0x80) {
			k = 1;
			break;
		}
	*units = enc == LSP_UTF8 ? (uint32_t)k : enc == LSP_UTF32 ? 1 : k == 4 ? 2 : 1;
	return k;
}

size_t lsp_text_offset(const struct lsp_text *t, uint32_t line, uint32_t col)
{
	size_t i, e;
	uint32_t c = 1;

	if (line < 1)
		line = 1;
	if (line > t->nlines)
		return t->len;
	i = t->lines[line - 1];
	e = lsp_text_line_end(t, line - 1);
	/* cwlint counts a column per byte that does not continue a UTF-8 sequence */
	while (i < e && c < col) {
		i++;
		while (i < e && ((unsigned char)t->buf[i] & 0xC0) == 0x80)
			i++;
		c++;
	}
	return i;
}

void lsp_text_position(const struct lsp_text *t, enum lsp_encoding enc, size_t off,
		       uint32_t *line, uint32_t *character)
{
	uint32_t lo = 0, hi = t->nlines - 1, ch = 0, u;
	size_t i;

	if (off > t->len)
		off = t->len;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo + 1) / 2;

		if (t->lines[mid] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	for (i = t->lines[lo]; i < off;) {
		size_t k = step(t->buf, i, t->len, enc, &u);

		/* an offset inside a sequence counts from the sequence's start */
		if (i + k > off)
			break;
		ch += u;
		i += k;
	}
	*line = lo;
	*character = ch;
}

size_t lsp_text_from_position(const struct lsp_text *t, enum lsp_encoding enc, uint32_t line,
			      uint32_t character)
{
	size_t i, e;
	uint32_t u, ch = 0;

	if (line >= t->nlines)
		return t->len;
	i = t->lines[line];
	e = lsp_text_line_end(t, line);
	while (i < e) {
		size_t k = step(t->buf, i, e, enc, &u);

		if (ch + u > character)
			break;
		ch += u;
		i += k;
	}
	return i;
}

static json_t *pos_json(uint32_t line, uint32_t character)
{
	json_t *p = json_object();

	json_object_set_new(p, "line", json_integer(line));
	json_object_set_new(p, "character", json_integer(character));
	return p;
}

json_t *lsp_range_json(const struct lsp_text *t, enum lsp_encoding enc, size_t start, size_t end)
{
	json_t *r = json_object();
	uint32_t l, c;

	lsp_text_position(t, enc, start, &l, &c);
	json_object_set_new(r, "start", pos_json(l, c));
	lsp_text_position(t, enc, end, &l, &c);
	json_object_set_new(r, "end", pos_json(l, c));
	return r;
}

/* --- where an ignore comment goes --- */

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* First byte of line n that is not a blank (the line end when there is none). */
static size_t line_text_start(const struct lsp_text *t, uint32_t n)
{
	size_t b = t->lines[n], e = lsp_text_line_end(t, n);

	while (b < e && blank(t->buf[b]))
		b++;
	return b;
}

static uint32_t line_of(const struct lsp_text *t, size_t off)
{
	uint32_t l, c;

	lsp_text_position(t, LSP_UTF8, off, &l, &c);
	return l;
}

/* True when only blanks precede byte off on its line. */
static bool starts_line(const struct lsp_text *t, size_t off)
{
	return line_text_start(t, line_of(t, off)) == off;
}

static bool node_is(TSNode n, const char *type)
{
	return !ts_node_is_null(n) && !strcmp(ts_node_type(n), type);
}

/*
 * The line above which an own-line comment suppresses findings on line n of a TS/JS source,
 * and whether that spot is among JSX children, where only a block comment in braces is a
 * comment (a `//` line there would be text on the page). suppress.c gives an own-line comment the lines of its next sibling
 * node, so the comment goes right before the largest node that starts a line and holds n.
 */
static uint32_t source_spot(const struct lsp_text *t, TSTree *tree, uint32_t n, bool *jsx)
{
	size_t b = line_text_start(t, n);
	TSNode root, m, p;

	*jsx = false;
	if (!tree || b >= lsp_text_line_end(t, n))
		return n;
	root = ts_tree_root_node(tree);
	m = ts_node_descendant_for_byte_range(root, (uint32_t)b, (uint32_t)b + 1);
	/*
	 * A line that starts inside a token (a template literal, JSX text, a block comment):
	 * the comment goes above the innermost node around it that starts a line of its own.
	 */
	while (!ts_node_is_null(m) && !ts_node_eq(m, root) && !starts_line(t, ts_node_start_byte(m)))
		m = ts_node_parent(m);
	if (ts_node_is_null(m) || ts_node_eq(m, root))
		return n;
	for (;;) {
		p = ts_node_parent(m);
		if (ts_node_is_null(p) || ts_node_eq(p, root) || ts_node_start_byte(p) != ts_node_start_byte(m))
			break;
		m = p;
	}
	p = ts_node_parent(m);
	*jsx = node_is(p, "jsx_element") && !node_is(m, "jsx_opening_element");
	return line_of(t, ts_node_start_byte(m));
}

/* For an env file: the line of the entry that covers line n, or -1 when no entry does. */
static long env_spot(const struct lsp_text *t, uint32_t n)
{
	struct arena a = ARENA_INIT;
	struct dotenv_file env;
	long ret = -1;
	size_t i;

	dotenv_parse(&a, t->buf, t->len, &env);
	for (i = 0; i < env.nentries; i++) {
		const struct dotenv_entry *e = &env.entries[i];
		uint32_t from = line_of(t, e->start), to = line_of(t, e->end);

		if (from <= n && n <= to) {
			ret = from;
			break;
		}
	}
	arena_release(&a);
	return ret;
}

/* The line break the document uses after line n (or its first one; LF by default). */
static const char *line_break(const struct lsp_text *t, uint32_t n)
{
	size_t e = lsp_text_line_end(t, n);

	if (e >= t->len) {
		const char *nl = memchr(t->buf, '\n', t->len);

		return nl && nl > t->buf && nl[-1] == '\r' ? "\r\n" : "\n";
	}
	if (t->buf[e] == '\r')
		return e + 1 < t->len && t->buf[e + 1] == '\n' ? "\r\n" : "\r";
	return "\n";
}

/* --- code actions --- */

struct candidate {
	const struct lint_rule *rule;
	uint32_t line;			/* 0-based line of the finding */
	json_t *diag;			/* borrowed */
};

struct action_ctx {
	const struct lsp_doc *doc;
	enum lsp_encoding enc;
	struct lsp_text text;
	TSTree *tree;
	TSParser *parser;
	bool parsed;
	size_t max_nesting;
	uint32_t *done_lines;		/* insertion lines already offered, per rule pointer below */
	const struct lint_rule **done_rules;
	size_t ndone, alloc_lines, alloc_rules;
};

static TSTree *action_tree(struct action_ctx *c)
{
	const struct lsp_doc *d = c->doc;

	if (c->parsed)
		return c->tree;
	c->parsed = true;
	/* the pipeline's limits: too deep for the parser runtime, or not text */
	if (d->len > UINT32_MAX || memchr(d->text, '\0', d->len) ||
	    lint_nesting_depth(d->text, d->len, c->max_nesting) > c->max_nesting)
		return NULL;
	c->parser = ts_parser_new();
	ts_parser_set_language(c->parser, d->kind == FK_TS ? tree_sitter_typescript() : tree_sitter_tsx());
	c->tree = ts_parse_bounded(c->parser, d->text, (uint32_t)d->len);
	return c->tree;
}

static bool offered(struct action_ctx *c, const struct lint_rule *r, uint32_t line)
{
	size_t i;

	for (i = 0; i < c->ndone; i++)
		if (c->done_rules[i] == r && c->done_lines[i] == line)
			return true;
	LINT_GROW(c->done_lines, c->ndone + 1, c->alloc_lines);
	LINT_GROW(c->done_rules, c->ndone + 1, c->alloc_rules);
	c->done_lines[c->ndone] = line;
	c->done_rules[c->ndone++] = r;
	return false;
}

/* A WorkspaceEdit of edits (consumed) to doc. */
static json_t *workspace_edit(const struct lsp_doc *d, json_t *edits)
{
	json_t *changes = json_object(), *edit = json_object();

	json_object_set_new(changes, d->uri, edits);
	json_object_set_new(edit, "changes", changes);
	return edit;
}

static json_t *quickfix(json_t *title, json_t *diag, bool preferred, json_t *edit)
{
	json_t *action = json_object(), *diags = json_array();

	if (diag)
		json_array_append(diags, diag);
	json_object_set_new(action, "title", title);
	json_object_set_new(action, "kind", json_string("quickfix"));
	json_object_set_new(action, "diagnostics", diags);
	json_object_set_new(action, "isPreferred", json_boolean(preferred));
	json_object_set_new(action, "edit", edit);
	return action;
}

/* "Ignore RULE here": a WorkspaceEdit that inserts the comment above the finding's statement. */
static json_t *ignore_action(struct action_ctx *c, const struct candidate *k)
{
	const struct lsp_doc *d = c->doc;
	const struct lsp_text *t = &c->text;
	struct strbuf sb = STRBUF_INIT;
	json_t *edit, *edits, *range;
	size_t s, b;
	uint32_t at;
	bool jsx = false;

	if (k->line >= t->nlines)
		return NULL;
	if (d->env) {
		long l = env_spot(t, k->line);

		/* a line that is no entry (a syntax error) cannot be suppressed in an env file */
		if (l < 0)
			return NULL;
		at = (uint32_t)l;
	} else {
		at = source_spot(t, action_tree(c), k->line, &jsx);
	}
	if (offered(c, k->rule, at))
		return NULL;
	s = t->lines[at];
	b = line_text_start(t, at);
	strbuf_add(&sb, t->buf + s, b - s);
	if (d->env)
		strbuf_addf(&sb, "# cwlint-ignore %s: %s", k->rule->id, LSP_IGNORE_REASON);
	else if (jsx)
		strbuf_addf(&sb, "{/* cwlint-ignore %s: %s */}", k->rule->id, LSP_IGNORE_REASON);
	else
		strbuf_addf(&sb, "// cwlint-ignore %s: %s", k->rule->id, LSP_IGNORE_REASON);
	strbuf_adds(&sb, line_break(t, at));

	range = json_object();
	json_object_set_new(range, "start", pos_json(at, 0));
	json_object_set_new(range, "end", pos_json(at, 0));
	edits = json_array();
	edit = json_object();
	json_object_set_new(edit, "range", range);
	json_object_set_new(edit, "newText", lint_json_text(strbuf_str(&sb)));
	json_array_append_new(edits, edit);
	strbuf_release(&sb);
	return quickfix(json_sprintf("Ignore %s here (cwlint-ignore comment)", k->rule->id), k->diag,
			false, workspace_edit(d, edits));
}

/*
 * The rule's own fix for finding f: its byte edits against the text the lint read (the
 * document's text now) as TextEdits. A safe fix is the preferred action; an unsafe one can
 * change what a working app does, and says so.
 */
static json_t *fix_action(struct action_ctx *c, const struct lsp_finding *f)
{
	json_t *edits = json_array();
	size_t k;

	for (k = 0; k < f->nedits; k++) {
		json_t *e = json_object();

		json_object_set_new(e, "range", lsp_range_json(&c->text, c->enc, f->edits[k].start,
							       f->edits[k].end));
		json_object_set_new(e, "newText", lint_json_text(f->edits[k].text));
		json_array_append_new(edits, e);
	}
	return quickfix(json_sprintf("Fix %s: %s%s", f->rule->id, f->fix_title,
				     f->fix_safe ? "" : " (unsafe: check the result)"),
			f->diag, f->fix_safe, workspace_edit(c->doc, edits));
}

/* True when the request's context.only (a kind or a list of kinds) admits quick fixes. */
static bool wants_quickfix(json_t *only)
{
	size_t i;

	if (!only || json_is_null(only))
		return true;
	if (json_is_string(only))
		return !strcmp(json_string_value(only), "quickfix") || !*json_string_value(only);
	for (i = 0; json_is_array(only) && i < json_array_size(only); i++) {
		const char *k = json_string_value(json_array_get(only, i));

		if (k && (!strcmp(k, "quickfix") || !*k))
			return true;
	}
	return false;
}

/* A 0-based line from a JSON position, or -1. */
static long json_line(json_t *pos)
{
	json_t *l = json_is_object(pos) ? json_object_get(pos, "line") : NULL;

	if (!json_is_integer(l) || json_integer_value(l) < 0 || json_integer_value(l) > UINT32_MAX)
		return -1;
	return (long)json_integer_value(l);
}

/* Findings no comment can hide: the suppression rules themselves (see lint_report()). */
static bool suppressible(const struct lint_rule *r)
{
	return !r->last && strcmp(r->id, "invalid-suppression");
}

json_t *lsp_code_actions(const struct lsp_doc *doc, enum lsp_encoding enc, size_t max_nesting,
			 json_t *params)
{
	json_t *out = json_array(), *range = json_object_get(params, "range");
	json_t *context = json_object_get(params, "context"), *list;
	struct action_ctx c = { 0 };
	struct candidate *cands = NULL;
	size_t ncands = 0, alloc = 0, i, j;
	long from = json_line(json_object_get(range, "start")), to = json_line(json_object_get(range, "end"));

	if (!wants_quickfix(json_is_object(context) ? json_object_get(context, "only") : NULL))
		return out;
	/* the diagnostics the client shows for the range: ours carry the rule id as their code */
	list = json_is_object(context) ? json_object_get(context, "diagnostics") : NULL;
	for (i = 0; json_is_array(list) && i < json_array_size(list); i++) {
		json_t *dg = json_array_get(list, i);
		const char *code = json_string_value(json_object_get(dg, "code"));
		const char *src = json_string_value(json_object_get(dg, "source"));
		const struct lint_rule *r = code ? lint_rule_find(code) : NULL;
		long line = json_line(json_object_get(json_object_get(dg, "range"), "start"));

		if (!r || line < 0 || (src && strcmp(src, "cwlint")))
			continue;
		LINT_GROW(cands, ncands + 1, alloc);
		cands[ncands].rule = r;
		cands[ncands].line = (uint32_t)line;
		cands[ncands++].diag = dg;
	}
	/* and the findings of the last lint that touch the range */
	for (i = 0; from >= 0 && i < doc->nfindings; i++) {
		const struct lsp_finding *f = &doc->findings[i];
		bool seen = false;

		if (f->end_line < (uint32_t)from || (to >= 0 && f->line > (uint32_t)to))
			continue;
		for (j = 0; j < ncands && !seen; j++)
			seen = cands[j].rule == f->rule && cands[j].line == f->line;
		if (seen)
			continue;
		LINT_GROW(cands, ncands + 1, alloc);
		cands[ncands].rule = f->rule;
		cands[ncands].line = f->line;
		cands[ncands++].diag = f->diag;
	}
	if (!ncands)
		goto out;
	c.doc = doc;
	c.enc = enc;
	c.max_nesting = max_nesting;
	lsp_text_init(&c.text, doc->text, doc->len);
	/* the fixes first, each once: they are what the user most likely wants */
	for (i = 0; i < doc->nfindings; i++) {
		const struct lsp_finding *f = &doc->findings[i];

		if (!f->nedits)
			continue;
		for (j = 0; j < ncands; j++)
			if (cands[j].rule == f->rule && cands[j].line == f->line) {
				json_array_append_new(out, fix_action(&c, f));
				break;
			}
	}
	for (i = 0; i < ncands; i++) {
		json_t *a;

		if (!suppressible(cands[i].rule))
			continue;
		a = ignore_action(&c, &cands[i]);
		if (a)
			json_array_append_new(out, a);
	}
	lsp_text_release(&c.text);
	if (c.tree)
		ts_tree_delete(c.tree);
	if (c.parser)
		ts_parser_delete(c.parser);
	free(c.done_lines);
	free(c.done_rules);
out:
	free(cands);
	return out;
}
