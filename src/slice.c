/*
 * slice.c - the top-level statements of a JS/TS file that some rules need (slice.h).
 *
 * A lexer that knows strings, templates, comments, regular expressions and brackets (not
 * JSX, whose text may hold a stray quote: such a string ends at its line, which is enough
 * to keep the bracket count) splits the file into chunks: a chunk starts at a line that
 * begins in column 0, outside every bracket, string and comment, with a declaration
 * keyword, or with any word after a `;` or `}`. Formatted code starts each top-level
 * statement so; a statement that does not merely stays in its neighbour's chunk.
 *
 * The lexer is not a parser: it can cut inside something it misread. Whatever it cuts
 * wrong leaves an unbalanced bracket, string or template in the text parsed, which
 * tree-sitter reports as an error; the caller then parses the file whole (lint.c).
 */
#include <stdlib.h>
#include <string.h>

#include "slice.h"
#include "util.h"

#define MAX_TEMPLATE	64	/* nested `${` levels followed; deeper: parse whole */
#define MAX_KEEP_PART	3	/* a slice of more than 3/4 of the file is not worth it */
#define MAX_KEEP_WHOLE	4

struct tok {
	uint32_t off, len;
	uint32_t chunk;
	uint32_t name;		/* index in names */
	int32_t next;		/* the next token of the same name */
};

struct chunk {
	uint32_t start, row;
	uint32_t tok0, ntok;
	uint32_t decl0, ndecl;
	bool keep, fixed, fwd;	/* fixed: kept for the model alone (imports, prologue) */
	bool import;		/* an import declaration */
};

struct name {
	uint32_t hash, off, len;
	int32_t toks, decls;	/* heads of the chains of its tokens, its declarations */
	bool queued;		/* its users are kept (or will be) */
	bool pulled;		/* its declarations are kept: its chain is walked once */
};

struct decl {
	uint32_t name, chunk;
	int32_t next;		/* the next declaration of the same name */
};

struct slicer {
	const char *s;
	size_t n;
	struct tok *tok;
	size_t ntok, atok;
	struct chunk *ch;
	size_t nch, ach;
	struct name *names;
	size_t nnames, tabsize;
	uint32_t *tab;		/* open addressing: 1 + index in names, 0 empty */
	struct decl *decl;
	size_t ndecl, adecl;
	uint32_t *queue;
	size_t nqueue, aqueue;
};

static bool ident_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
}

static bool ident_cont(unsigned char c)
{
	return ident_byte(c) || c >= 0x80;
}

static bool word_is(const char *s, size_t len, const char *w)
{
	return strlen(w) == len && !memcmp(s, w, len);
}

/* Words after which a `/` starts a regular expression, not a division. */
static bool regex_after(const char *s, size_t len)
{
	/* the lexer asks for every word: lengths and first letters first, no strlen() */
	static const struct { const char *w; size_t len; } kw[] = {
		{ "return", 6 }, { "typeof", 6 }, { "instanceof", 10 }, { "in", 2 }, { "of", 2 },
		{ "new", 3 }, { "delete", 6 }, { "void", 4 }, { "throw", 5 }, { "case", 4 },
		{ "do", 2 }, { "else", 4 }, { "yield", 5 }, { "await", 5 },
	};
	size_t k;

	if (len < 2 || len > 10)
		return false;
	for (k = 0; k < ARRAY_SIZE(kw); k++)
		if (kw[k].len == len && kw[k].w[0] == s[0] && !memcmp(kw[k].w, s, len))
			return true;
	return false;
}

static void add_chunk(struct slicer *sl, size_t start, uint32_t row)
{
	struct chunk *c;

	if (sl->nch == sl->ach) {
		sl->ach = sl->ach ? sl->ach * 2 : 64;
		sl->ch = xrealloc(sl->ch, sl->ach * sizeof(*sl->ch));
	}
	c = &sl->ch[sl->nch++];
	memset(c, 0, sizeof(*c));
	c->start = (uint32_t)start;
	c->row = row;
	c->tok0 = (uint32_t)sl->ntok;
}

static void add_tok(struct slicer *sl, size_t off, size_t len)
{
	struct tok *t;

	if (sl->ntok == sl->atok) {
		sl->atok = sl->atok ? sl->atok * 2 : 1024;
		sl->tok = xrealloc(sl->tok, sl->atok * sizeof(*sl->tok));
	}
	t = &sl->tok[sl->ntok++];
	t->off = (uint32_t)off;
	t->len = (uint32_t)len;
	t->chunk = (uint32_t)sl->nch - 1;
	sl->ch[sl->nch - 1].ntok++;
}

static size_t skip_blank(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* A line of seven '<', '=', '>' or '|': git's conflict markers. */
static bool conflict_line(const char *s, size_t n, size_t p)
{
	size_t k;

	if (p + 7 > n || !s[p] || !strchr("<=>|", s[p]))
		return false;
	for (k = 1; k < 7; k++)
		if (s[p + k] != s[p])
			return false;
	return true;
}

/*
 * Whether the line at p (column 0, top level) starts a statement, given the last
 * significant byte before it. False answers are safe (the line joins the chunk before).
 */
static bool starts_statement(const char *s, size_t n, size_t p, char last)
{
	static const char *const decl_kw[] = {
		"import", "export", "function", "const", "var", "class", NULL,
	};
	/* contextual words: a statement only when another word or a pattern follows */
	static const char *const soft_kw[] = {
		"let", "type", "interface", "enum", "declare", "abstract", "namespace", "module",
		"async", NULL,
	};
	const char *const *k;
	size_t e = p, q;

	if (!ident_start((unsigned char)s[p]))
		return false;
	/* the line goes on an expression the one before left open */
	if (last && strchr("=,:?|&+-*/%.<>!~^", last))
		return false;
	while (e < n && ident_cont((unsigned char)s[e]))
		e++;
	for (k = decl_kw; *k; k++)
		if (word_is(s + p, e - p, *k)) {
			q = skip_blank(s, n, e);
			/* import(...) and import.meta are expressions */
			return !(word_is(s + p, e - p, "import") && q < n && (s[q] == '(' || s[q] == '.'));
		}
	for (k = soft_kw; *k; k++)
		if (word_is(s + p, e - p, *k)) {
			q = skip_blank(s, n, e);
			return q > e && q < n && (ident_start((unsigned char)s[q]) || s[q] == '{' ||
						  s[q] == '[');
		}
	return last == ';' || last == '}';
}

/*
 * Pass 1: chunks and identifier tokens. False when the text is something the lexer does
 * not follow to its end (the file is then parsed whole).
 */
static bool lex(struct slicer *sl)
{
	const char *s = sl->s;
	size_t n = sl->n, i = 0, j;
	int depth = 0, tstack[MAX_TEMPLATE], nt = 0;
	bool in_tpl = false, value = false;
	uint32_t row = 0;
	char last = 0;

	add_chunk(sl, 0, 0);
	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;	/* a byte order mark */
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (in_tpl) {
			if (c == '\\' && i + 1 < n) {
				row += s[i + 1] == '\n';
				i += 2;
			} else if (c == '`') {
				in_tpl = false;
				value = true;
				last = '`';
				i++;
			} else if (c == '$' && i + 1 < n && s[i + 1] == '{') {
				if (nt == MAX_TEMPLATE)
					return false;
				tstack[nt++] = depth++;
				in_tpl = false;
				value = false;
				last = '{';
				i += 2;
			} else {
				row += c == '\n';
				i++;
			}
			continue;
		}
		switch (c) {
		case '\n':
			row++;
			i++;
			if (depth == 0 && nt == 0 && i < n) {
				if (conflict_line(s, n, i))
					return false;
				if (starts_statement(s, n, i, last))
					add_chunk(sl, i, row);
			}
			continue;
		case ' ': case '\t': case '\r': case '\f': case '\v':
			i++;
			continue;
		case '/':
			if (i + 1 < n && s[i + 1] == '/') {
				while (i < n && s[i] != '\n')
					i++;
				continue;
			}
			if (i + 1 < n && s[i + 1] == '*') {
				const char *e = memmem(s + i + 2, n - i - 2, "*/", 2);

				if (!e)
					return false;
				for (j = i; j < (size_t)(e - s); j++)
					row += s[j] == '\n';
				i = (size_t)(e - s) + 2;
				continue;
			}
			/* a regular expression, unless a JSX closing tag (`</div>`) */
			if (!value && last != '<') {
				bool cls = false;

				for (j = i + 1; j < n && s[j] != '\n'; j++) {
					if (s[j] == '\\')
						j++;
					else if (s[j] == '[')
						cls = true;
					else if (s[j] == ']')
						cls = false;
					else if (s[j] == '/' && !cls)
						break;
				}
				if (j < n && s[j] == '/') {
					for (i = j + 1; i < n && ident_cont((unsigned char)s[i]); i++)
						;
					value = true;
					last = '/';
					continue;
				}
			}
			value = false;
			last = '/';
			i++;
			continue;
		case '\'': case '"':
			/* to the quote or the line end (JSX text: "don't" opens no string) */
			for (j = i + 1; j < n && s[j] != (char)c && s[j] != '\n'; j++)
				if (s[j] == '\\' && j + 1 < n) {
					row += s[j + 1] == '\n';
					j++;
				}
			i = j < n && s[j] == (char)c ? j + 1 : j;
			value = true;
			last = (char)c;
			continue;
		case '`':
			in_tpl = true;
			i++;
			continue;
		case '(': case '[': case '{':
			depth++;
			value = false;
			last = (char)c;
			i++;
			continue;
		case ')': case ']': case '}':
			if (depth == 0)
				return false;
			depth--;
			i++;
			if (c == '}' && nt && depth == tstack[nt - 1]) {
				nt--;
				in_tpl = true;
				continue;
			}
			value = true;
			last = (char)c;
			continue;
		default:
			break;
		}
		if (ident_start(c)) {
			for (j = i + 1; j < n && ident_cont((unsigned char)s[j]); j++)
				;
			add_tok(sl, i, j - i);
			value = !regex_after(s + i, j - i);
			last = 'a';
			i = j;
		} else if (c >= '0' && c <= '9') {
			for (j = i + 1; j < n && (ident_cont((unsigned char)s[j]) || s[j] == '.'); j++)
				;
			value = true;
			last = '0';
			i = j;
		} else {
			value = false;
			last = (char)c;
			i++;
		}
	}
	return depth == 0 && nt == 0 && !in_tpl;
}

/* Pass 2: the names, each with the chain of its tokens. */
static void index_names(struct slicer *sl)
{
	size_t i, want = 64;
	int32_t *tail;

	while (want < sl->ntok * 2)
		want *= 2;
	sl->tabsize = want;
	sl->tab = xcalloc(want, sizeof(*sl->tab));
	sl->names = xmalloc((sl->ntok + 1) * sizeof(*sl->names));
	tail = xmalloc((sl->ntok + 1) * sizeof(*tail));
	for (i = 0; i < sl->ntok; i++) {
		struct tok *t = &sl->tok[i];
		uint32_t h = hash_bytes(sl->s + t->off, t->len);
		size_t slot = h & (want - 1);
		struct name *nm;

		for (;;) {
			uint32_t k = sl->tab[slot];

			if (!k) {
				nm = &sl->names[sl->nnames];
				nm->hash = h;
				nm->off = t->off;
				nm->len = t->len;
				nm->toks = -1;
				nm->decls = -1;
				nm->queued = false;
				nm->pulled = false;
				sl->tab[slot] = (uint32_t)++sl->nnames;
				break;
			}
			nm = &sl->names[k - 1];
			if (nm->hash == h && nm->len == t->len &&
			    !memcmp(sl->s + nm->off, sl->s + t->off, t->len))
				break;
			slot = (slot + 1) & (want - 1);
		}
		t->name = (uint32_t)(nm - sl->names);
		t->next = -1;
		if (nm->toks < 0)
			nm->toks = (int32_t)i;
		else
			sl->tok[tail[t->name]].next = (int32_t)i;
		tail[t->name] = (int32_t)i;
	}
	free(tail);
}

static void add_decl(struct slicer *sl, uint32_t chunk, uint32_t name)
{
	struct decl *d;

	if (sl->ndecl == sl->adecl) {
		sl->adecl = sl->adecl ? sl->adecl * 2 : 256;
		sl->decl = xrealloc(sl->decl, sl->adecl * sizeof(*sl->decl));
	}
	d = &sl->decl[sl->ndecl++];
	d->name = name;
	d->chunk = chunk;
	d->next = sl->names[name].decls;
	sl->names[name].decls = (int32_t)(sl->ndecl - 1);
	sl->ch[chunk].ndecl++;
}

static bool tok_is(const struct slicer *sl, size_t t, const char *w)
{
	return word_is(sl->s + sl->tok[t].off, sl->tok[t].len, w);
}

/* The end of chunk k. */
static size_t chunk_end(const struct slicer *sl, size_t k)
{
	return k + 1 < sl->nch ? sl->ch[k + 1].start : sl->n;
}

/*
 * The names a `const`/`let`/`var` chunk binds, from byte p after the keyword: the words of
 * each declarator's pattern, before its type annotation and its `=`. Angle brackets count
 * as brackets after the pattern, so that `new Map<string, Row>()` starts no declarator; a
 * comparison there can hide the declarators after it, which only keeps less.
 */
static void var_names(struct slicer *sl, size_t k, size_t p, size_t t)
{
	const char *s = sl->s;
	size_t end = chunk_end(sl, k), t1 = sl->ch[k].tok0 + sl->ch[k].ntok;
	enum { VN_PATTERN, VN_TYPE, VN_INIT } state = VN_PATTERN;
	int depth = 0, angle = 0;

	while (p < end) {
		char c = s[p];

		while (t < t1 && sl->tok[t].off < p)
			t++;
		if (t < t1 && sl->tok[t].off == p) {
			if (state == VN_PATTERN)
				add_decl(sl, (uint32_t)k, sl->tok[t].name);
			p += sl->tok[t].len;
			continue;
		}
		if (c == '"' || c == '\'' || c == '`') {
			for (p++; p < end && s[p] != c; p++)
				if (s[p] == '\\')
					p++;
			p++;
			continue;
		}
		if (c == '/' && p + 1 < end && (s[p + 1] == '/' || s[p + 1] == '*')) {
			p = js_comment_end(s, end, p);
			continue;
		}
		p++;
		if (c == '(' || c == '[' || c == '{') {
			depth++;
			continue;
		}
		if (c == ')' || c == ']' || c == '}') {
			if (--depth < 0)
				break;
			continue;
		}
		if (depth)
			continue;
		if (state != VN_PATTERN && c == '<') {
			angle++;
		} else if (state != VN_PATTERN && c == '>' && s[p - 2] != '=') {
			angle -= angle > 0;
		} else if (angle) {
			continue;
		} else if (c == ';') {
			break;
		} else if (c == ',') {
			state = VN_PATTERN;
		} else if (state == VN_PATTERN && c == ':') {
			state = VN_TYPE;
		} else if (state != VN_INIT && c == '=' && (p >= end || (s[p] != '=' && s[p] != '>')) &&
			   !(s[p - 2] && strchr("=!<>", s[p - 2]))) {
			state = VN_INIT;
		}
	}
}

/* Pass 3: what each chunk declares at its head. */
static void declare(struct slicer *sl, size_t k)
{
	static const char *const mods[] = { "export", "default", "declare", "async", "abstract", NULL };
	static const char *const one[] = {
		"function", "class", "interface", "type", "enum", "namespace", "module", NULL,
	};
	struct chunk *c = &sl->ch[k];
	size_t t = c->tok0, t1 = c->tok0 + c->ntok;
	const char *const *m;

	c->decl0 = (uint32_t)sl->ndecl;
	for (;;) {
		for (m = mods; t < t1 && *m && !tok_is(sl, t, *m); m++)
			;
		if (t >= t1 || !*m)
			break;
		t++;
	}
	if (t >= t1 || sl->tok[t].off > c->start + 256)
		return;
	if (tok_is(sl, t, "const") || tok_is(sl, t, "let") || tok_is(sl, t, "var")) {
		var_names(sl, k, sl->tok[t].off + sl->tok[t].len, t + 1);
		return;
	}
	for (m = one; *m; m++)
		if (tok_is(sl, t, *m)) {
			if (t + 1 < t1)
				add_decl(sl, (uint32_t)k, sl->tok[t + 1].name);
			return;
		}
}

static void enqueue(struct slicer *sl, uint32_t name)
{
	if (sl->names[name].queued)
		return;
	sl->names[name].queued = true;
	if (sl->nqueue == sl->aqueue) {
		sl->aqueue = sl->aqueue ? sl->aqueue * 2 : 64;
		sl->queue = xrealloc(sl->queue, sl->aqueue * sizeof(*sl->queue));
	}
	sl->queue[sl->nqueue++] = name;
}

/* The token that starts at off, or -1. */
static long tok_at(const struct slicer *sl, size_t off)
{
	size_t lo = 0, hi = sl->ntok;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sl->tok[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sl->ntok && sl->tok[lo].off == off ? (long)lo : -1;
}

static size_t skip_space(const char *s, size_t n, size_t i)
{
	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
			i++;
		if (i + 1 < n && s[i] == '/' && (s[i + 1] == '/' || s[i + 1] == '*'))
			i = js_comment_end(s, n, i);
		else
			return i;
	}
}

static size_t read_word(const char *s, size_t n, size_t i)
{
	while (i < n && ident_cont((unsigned char)s[i]))
		i++;
	return i;
}

/* The quoted string at i: its body in *q, *ql; the index after it, or 0. */
static size_t read_quoted(const char *s, size_t n, size_t i, const char **q, size_t *ql)
{
	size_t j;

	if (i >= n || (s[i] != '"' && s[i] != '\''))
		return 0;
	for (j = i + 1; j < n && s[j] != s[i] && s[j] != '\n'; j++)
		;
	if (j >= n || s[j] != s[i])
		return 0;
	*q = s + i + 1;
	*ql = j - i - 1;
	return j + 1;
}

/* One specifier of an import clause, as read before the module is known. */
struct spec {
	size_t imp, ilen, local;	/* the exported name; the local name's offset */
	bool type;
};

/*
 * An import declaration at chunk k: its bindings whose local names are roots go on the
 * queue. False when its shape is not one this reads (the caller then roots every word).
 */
static bool read_import(struct slicer *sl, size_t k, slice_root_fn *root, void *ud)
{
	const char *s = sl->s;
	size_t n = chunk_end(sl, k), i = sl->tok[sl->ch[k].tok0].off + 6, e, ns = 0;
	struct spec sp[64];
	struct slice_binding b;
	bool type_only = false;

	i = skip_space(s, n, i);
	e = read_word(s, n, i);
	if (word_is(s + i, e - i, "type")) {
		size_t j = skip_space(s, n, e), je = read_word(s, n, j);

		if (j < n && (s[j] == '{' || s[j] == '*' || (je > j && !word_is(s + j, je - j, "from")))) {
			type_only = true;
			i = j;
			e = je;
		}
	}
	if (i < n && (s[i] == '"' || s[i] == '\''))
		return true;	/* import "m": binds nothing */
	if (e > i) {		/* import X ... */
		sp[ns++] = (struct spec){ 0, 0, i, false };	/* ilen 0: the default export */
		i = skip_space(s, n, e);
		if (i < n && s[i] == '=')
			return false;	/* import X = require(...) */
		if (i < n && s[i] == ',')
			i = skip_space(s, n, i + 1);
	}
	if (i < n && s[i] == '*') {
		i = skip_space(s, n, i + 1);
		e = read_word(s, n, i);
		if (!word_is(s + i, e - i, "as"))
			return false;
		i = skip_space(s, n, e);
		e = read_word(s, n, i);
		if (e == i)
			return false;
		sp[ns++] = (struct spec){ SIZE_MAX, 0, i, false };
		i = skip_space(s, n, e);
	} else if (i < n && s[i] == '{') {
		i = skip_space(s, n, i + 1);
		while (i < n && s[i] != '}') {
			size_t a, ae, l;
			bool ty = false;
			const char *q;
			size_t ql;

			if (ns == ARRAY_SIZE(sp))
				return false;
			if ((ae = read_quoted(s, n, i, &q, &ql))) {	/* { "a-b" as x } */
				a = (size_t)(q - s);
				ae = a + ql;
				i = skip_space(s, n, ae + 1);
			} else {
				a = i;
				ae = read_word(s, n, i);
				if (ae == a)
					return false;
				i = skip_space(s, n, ae);
				if (word_is(s + a, ae - a, "type") && i < n && ident_start((unsigned char)s[i])) {
					size_t w = read_word(s, n, i);

					if (!word_is(s + i, w - i, "as") ||
					    ident_start((unsigned char)s[skip_space(s, n, w)])) {
						ty = true;
						a = i;
						ae = w;
						i = skip_space(s, n, ae);
					}
				}
			}
			l = a;
			e = read_word(s, n, i);
			if (word_is(s + i, e - i, "as")) {
				i = skip_space(s, n, e);
				l = i;
				e = read_word(s, n, i);
				if (e == i)
					return false;
				i = skip_space(s, n, e);
			}
			sp[ns++] = (struct spec){ a, ae - a, l, ty };
			if (i < n && s[i] == ',')
				i = skip_space(s, n, i + 1);
			else if (i < n && s[i] != '}')
				return false;
		}
		if (i >= n)
			return false;
		i = skip_space(s, n, i + 1);
	}
	e = read_word(s, n, i);
	if (!word_is(s + i, e - i, "from") ||
	    !read_quoted(s, n, skip_space(s, n, e), &b.module, &b.mlen))
		return false;
	for (i = 0; i < ns; i++) {
		long t = tok_at(sl, sp[i].local);

		if (sp[i].imp == SIZE_MAX) {
			b.imported = "*";
			b.ilen = 1;
		} else if (!sp[i].ilen) {
			b.imported = "default";
			b.ilen = 7;
		} else {
			b.imported = s + sp[i].imp;
			b.ilen = sp[i].ilen;
		}
		b.type_only = type_only || sp[i].type;
		if (t < 0)
			return false;
		if (root(ud, &b))
			enqueue(sl, sl->tok[t].name);
	}
	return true;
}

/* `export * from`, `export { ... } from`: what the model reads of re-exports. */
static bool reexport(const struct slicer *sl, size_t k)
{
	const char *s = sl->s;
	size_t n = chunk_end(sl, k), i = skip_space(s, n, sl->tok[sl->ch[k].tok0].off + 6), e;
	int depth = 0;

	e = read_word(s, n, i);
	if (word_is(s + i, e - i, "type"))
		i = skip_space(s, n, e);
	if (i < n && s[i] == '*')
		return true;
	if (i >= n || s[i] != '{')
		return false;
	for (; i < n; i++) {
		if (s[i] == '{')
			depth++;
		else if (s[i] == '}' && --depth == 0)
			break;
	}
	i = skip_space(s, n, i + 1);
	e = read_word(s, n, i);
	return word_is(s + i, e - i, "from");
}

/*
 * Keeps chunk k for what it names, and queues what it declares. An import keeps its place
 * among the fixed chunks: its words are the roots themselves.
 */
static void keep(struct slicer *sl, size_t k)
{
	struct chunk *c = &sl->ch[k];
	size_t d;

	if (c->keep && (!c->fixed || c->import))
		return;
	c->keep = true;
	c->fixed = false;
	for (d = c->decl0; d < c->decl0 + c->ndecl; d++)
		enqueue(sl, sl->decl[d].name);
}

/*
 * Whether chunk k holds an import declaration other than at its head (an indented one, or
 * one sharing a line): its bindings would go unread, so the file is parsed whole.
 */
static bool stray_import(const struct slicer *sl, size_t k, bool head)
{
	const struct chunk *c = &sl->ch[k];
	size_t t, end = chunk_end(sl, k);

	for (t = c->tok0 + head; t < c->tok0 + c->ntok; t++) {
		size_t q = sl->tok[t].off + sl->tok[t].len;

		if (!tok_is(sl, t, "import"))
			continue;
		/* `import x`, `import {`, `import *`, `import "m"`; not import(), import.meta, `import:` */
		q = skip_space(sl->s, end, q);
		if (q < end && (ident_start((unsigned char)sl->s[q]) || strchr("{*\"'", sl->s[q])) &&
		    sl->s[q])
			return true;
	}
	return false;
}

/* Pass 4: what to keep; false when the file is to be parsed whole. */
static bool choose(struct slicer *sl, slice_root_fn *root, void *ud, const char *const *words)
{
	size_t k, q, t;
	uint32_t *work;
	size_t nwork = 0;

	for (k = 0; k < sl->nch; k++) {
		struct chunk *c = &sl->ch[k];
		size_t end = chunk_end(sl, k), lead = c->start;
		const char *const *w;
		bool head;

		if (k == 0) {
			c->keep = c->fixed = true;
			if (sl->n >= 3 && !memcmp(sl->s, "\xEF\xBB\xBF", 3))
				lead = 3;
		}
		head = c->ntok && tok_is(sl, c->tok0, "import") &&
		       sl->tok[c->tok0].off == skip_space(sl->s, end, lead);
		if (stray_import(sl, k, head))
			return false;
		if (head) {
			c->keep = c->fixed = c->import = true;
			if (!read_import(sl, k, root, ud))
				for (t = c->tok0; t < c->tok0 + c->ntok; t++)
					enqueue(sl, sl->tok[t].name);
		} else if (k > 0 && c->ntok && tok_is(sl, c->tok0, "export") && reexport(sl, k)) {
			c->keep = c->fixed = true;
		}
		for (w = words; w && *w; w++)
			if (memmem(sl->s + c->start, end - c->start, *w, strlen(*w)))
				keep(sl, k);
	}
	/* the statements naming a root, then those naming what they declare, and so on */
	for (q = 0; q < sl->nqueue; q++) {
		int32_t x;

		for (x = sl->names[sl->queue[q]].toks; x >= 0; x = sl->tok[x].next)
			keep(sl, sl->tok[x].chunk);
	}
	/* then what the kept statements use from the top level, and what that uses */
	work = xmalloc((sl->nch + 1) * sizeof(*work));
	for (k = 0; k < sl->nch; k++)
		if (sl->ch[k].keep && !sl->ch[k].fixed) {
			sl->ch[k].fwd = true;
			work[nwork++] = (uint32_t)k;
		}
	while (nwork) {
		struct chunk *c = &sl->ch[work[--nwork]];

		for (t = c->tok0; t < c->tok0 + c->ntok; t++) {
			struct name *nm = &sl->names[sl->tok[t].name];
			int32_t d;

			/* once per name: a name declared by many statements is not walked again */
			if (nm->pulled)
				continue;
			nm->pulled = true;
			for (d = nm->decls; d >= 0; d = sl->decl[d].next) {
				struct chunk *o = &sl->ch[sl->decl[d].chunk];

				if (o->fwd)
					continue;
				o->fwd = o->keep = true;
				work[nwork++] = sl->decl[d].chunk;
			}
		}
	}
	free(work);
	return true;
}

/* The row and column of byte off, counted from chunk k's start. */
static TSPoint point_at(const struct slicer *sl, size_t k, size_t off)
{
	TSPoint p = { sl->ch[k].row, 0 };
	size_t i;

	for (i = sl->ch[k].start; i < off; i++) {
		if (sl->s[i] == '\n') {
			p.row++;
			p.column = 0;
		} else {
			p.column++;
		}
	}
	return p;
}

size_t lint_slice(const char *buf, size_t len, slice_root_fn *root, void *ud,
		  const char *const *words, bool most, TSRange **out)
{
	struct slicer sl;
	TSRange *r = NULL;
	size_t k, nr = 0, kept = 0;

	*out = NULL;
	if (len >= UINT32_MAX)
		return 0;
	memset(&sl, 0, sizeof(sl));
	sl.s = buf;
	sl.n = len;
	if (!lex(&sl) || sl.nch < 2)
		goto out;
	index_names(&sl);
	for (k = 0; k < sl.nch; k++)
		declare(&sl, k);
	if (!choose(&sl, root, ud, words))
		goto out;
	for (k = 0; k < sl.nch; k++)
		if (sl.ch[k].keep)
			kept += chunk_end(&sl, k) - sl.ch[k].start;
	if (kept == len || (!most && kept * MAX_KEEP_WHOLE > len * MAX_KEEP_PART))
		goto out;
	r = xmalloc(sl.nch * sizeof(*r));
	for (k = 0; k < sl.nch; k++) {
		size_t e;

		if (!sl.ch[k].keep)
			continue;
		for (e = k; e + 1 < sl.nch && sl.ch[e + 1].keep; e++)
			;
		r[nr].start_byte = sl.ch[k].start;
		r[nr].start_point = (TSPoint){ sl.ch[k].row, 0 };
		r[nr].end_byte = (uint32_t)chunk_end(&sl, e);
		r[nr].end_point = e + 1 < sl.nch ? (TSPoint){ sl.ch[e + 1].row, 0 }
						  : point_at(&sl, e, len);
		nr++;
		k = e;
	}
	*out = r;
out:
	free(sl.tok);
	free(sl.ch);
	free(sl.names);
	free(sl.tab);
	free(sl.decl);
	free(sl.queue);
	return nr;
}
