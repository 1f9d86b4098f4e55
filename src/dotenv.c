/* dotenv.c - parse .env files as dotenv 16/17 does and expand ${VAR} as dotenv-expand does. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dotenv.h"
#include "arena.h"
#include "util.h"

/*
 * The reference is dotenv's LINE regex (lib/main.js, unchanged from 15.0 through 17.x, and the
 * copy bundled in @next/env):
 *
 *   (?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"
 *   |\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)       flags: m, g
 *
 * run over the text after "\r\n?" became "\n", then: trim, strip one pair of matching outer
 * quotes, and for a value whose first character was '"' turn "\n" and "\r" into LF and CR
 * (no other escape: \" \\ \t stay as written). The scanner below follows the order in which
 * that regex backtracks, so every line yields exactly the key and value dotenv would:
 *
 *  - "#" ends an unquoted value anywhere, not only after a blank: "K=abc#def" is "abc".
 *  - "K: v" is accepted (colon, then at least one blank); "K:v" and "K : v" are not.
 *  - keys are [A-Za-z0-9_.-]+, so "MY-KEY", "1KEY" and "a.b" are accepted.
 *  - single, double and backtick quotes may all span lines; a quoted value ends at the first
 *    unescaped quote that is followed only by blanks or a "#" comment before the line end,
 *    else at an earlier escaped quote that is; failing both, the value is read unquoted and
 *    keeps its opening quote ("unterminated").
 *  - "\s" is JavaScript's: it takes in NBSP, U+2000..U+200A, U+FEFF (so a BOM anywhere is a
 *    blank) and the line ends themselves, which lets "K=" pick up a quoted value from the
 *    next line and "export" / ":" / "=" sit on another line than the key.
 */

/* Expanded values stop growing here, so "A=$B$B", "B=$C$C", ... cannot eat the memory. */
#define EXPAND_MAX_VALUE (1024 * 1024)
/* Bytes all substitutions of one dotenv_expand() call may insert, for the same reason. */
#define EXPAND_BUDGET (64 * 1024 * 1024)
/* References followed through other entries; real files chain two or three. */
#define EXPAND_MAX_DEPTH 200

struct parser {
	struct arena *a;
	const unsigned char *s;
	size_t len;
	size_t lpos;			/* line cursor: lline is the line of byte lpos */
	uint32_t lline;
	struct dotenv_entry *ent;
	size_t nent, aent;
	struct dotenv_error *err;
	size_t nerr, aerr;
	struct dotenv_comment *com;
	size_t ncom, acom;
};

static int is_key_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-';
}

/* $NAME takes [A-Za-z_][A-Za-z0-9_]*, unlike keys and ${NAME} */
static int is_name_char(unsigned char c)
{
	return is_key_char(c) && c != '.' && c != '-';
}

static int is_quote(unsigned char c)
{
	return c == '\'' || c == '"' || c == '`';
}

static int is_nl(unsigned char c)
{
	return c == '\n' || c == '\r';
}

/* Length of the JavaScript "\s" character at s[i], 0 if there is none. */
static size_t ws_at(const unsigned char *s, size_t len, size_t i)
{
	unsigned char c, b1, b2;

	if (i >= len)
		return 0;
	c = s[i];
	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return 1;
	if (c == 0xc2)
		return i + 1 < len && s[i + 1] == 0xa0 ? 2 : 0;
	if (c < 0xe1 || c > 0xef || len - i < 3)
		return 0;
	b1 = s[i + 1];
	b2 = s[i + 2];
	switch (c) {
	case 0xe1:
		return b1 == 0x9a && b2 == 0x80 ? 3 : 0;
	case 0xe2:
		if (b1 == 0x80 && ((b2 >= 0x80 && b2 <= 0x8a) || b2 == 0xa8 || b2 == 0xa9 ||
				   b2 == 0xaf))
			return 3;
		return b1 == 0x81 && b2 == 0x9f ? 3 : 0;
	case 0xe3:
		return b1 == 0x80 && b2 == 0x80 ? 3 : 0;
	case 0xef:
		return b1 == 0xbb && b2 == 0xbf ? 3 : 0;
	}
	return 0;
}

/* U+2028 / U+2029: JavaScript's "$" matches before them as before "\n". */
static int is_js_sep(const unsigned char *s, size_t len, size_t i)
{
	return len - i >= 3 && s[i] == 0xe2 && s[i + 1] == 0x80 &&
	       (s[i + 2] == 0xa8 || s[i + 2] == 0xa9);
}

/* Like ws_at() but never a line end. */
static size_t hws_at(const unsigned char *s, size_t len, size_t i)
{
	size_t k = ws_at(s, len, i);

	if ((k == 1 && is_nl(s[i])) || (k == 3 && is_js_sep(s, len, i)))
		return 0;
	return k;
}

/* Length of a whitespace character that ends just before s[i], not reaching below lo. */
static size_t ws_before(const unsigned char *s, size_t len, size_t lo, size_t i)
{
	if (i > lo && ws_at(s, len, i - 1) == 1)
		return 1;
	if (i - lo >= 2 && ws_at(s, len, i - 2) == 2)
		return 2;
	if (i - lo >= 3 && ws_at(s, len, i - 3) == 3)
		return 3;
	return 0;
}

static size_t skip_ws(const struct parser *p, size_t i)
{
	size_t k;

	while ((k = ws_at(p->s, p->len, i)))
		i += k;
	return i;
}

static size_t skip_hws(const struct parser *p, size_t i)
{
	size_t k;

	while ((k = hws_at(p->s, p->len, i)))
		i += k;
	return i;
}

static size_t trim_back(const struct parser *p, size_t lo, size_t i)
{
	size_t k;

	while ((k = ws_before(p->s, p->len, lo, i)))
		i -= k;
	return i;
}

static size_t line_end(const struct parser *p, size_t i)
{
	while (i < p->len && !is_nl(p->s[i]))
		i++;
	return i;
}

static size_t next_line(const struct parser *p, size_t i)
{
	i = line_end(p, i);
	if (i < p->len && p->s[i] == '\r')
		return i + 1 < p->len && p->s[i + 1] == '\n' ? i + 2 : i + 1;
	return i < p->len ? i + 1 : i;
}

/* Line ends in [a, b): LF, lone CR, and CRLF once (counted at its LF). */
static uint32_t count_nl(const struct parser *p, size_t a, size_t b)
{
	uint32_t n = 0;

	for (; a < b; a++)
		if (p->s[a] == '\n' || (p->s[a] == '\r' && (a + 1 >= p->len || p->s[a + 1] != '\n')))
			n++;
	return n;
}

/* Positions asked for mostly grow, so a moving cursor keeps this linear. */
static uint32_t line_of(struct parser *p, size_t pos)
{
	if (pos >= p->lpos)
		p->lline += count_nl(p, p->lpos, pos);
	else
		p->lline -= count_nl(p, pos, p->lpos);
	p->lpos = pos;
	return p->lline;
}

static int has_nl(const struct parser *p, size_t a, size_t b)
{
	for (; a < b; a++)
		if (is_nl(p->s[a]))
			return 1;
	return 0;
}

static void add_error(struct parser *p, size_t start, size_t end, const char *msg)
{
	struct dotenv_error *e;

	LINT_GROW(p->err, p->nerr + 1, p->aerr);
	e = &p->err[p->nerr++];
	memset(e, 0, sizeof(*e));
	e->line = line_of(p, start);
	e->start = (uint32_t)start;
	e->end = (uint32_t)(end > start ? end : start);
	e->msg = msg;
}

static void add_comment(struct parser *p, size_t hash)
{
	struct dotenv_comment *c;
	size_t start = skip_hws(p, hash + 1);
	size_t end = trim_back(p, start, line_end(p, hash));

	LINT_GROW(p->com, p->ncom + 1, p->acom);
	c = &p->com[p->ncom++];
	c->line = line_of(p, hash);
	c->start = (uint32_t)start;
	c->end = (uint32_t)end;
}

/*
 * The value between from and to with line ends made "\n" (dotenv normalises them before it
 * parses) and, when dq, "\n" / "\r" escapes applied; left to right, so "\\n" is "\" + LF as
 * in dotenv's replace(/\\n/g).
 */
static char *copy_value(struct parser *p, size_t from, size_t to, int dq, size_t *outlen)
{
	char *v = arena_alloc(p->a, to - from + 1);
	size_t i = from, n = 0;

	while (i < to) {
		unsigned char c = p->s[i];

		if (c == '\r') {
			v[n++] = '\n';
			i += (i + 1 < to && p->s[i + 1] == '\n') ? 2 : 1;
		} else if (dq && c == '\\' && i + 1 < to && (p->s[i + 1] == 'n' || p->s[i + 1] == 'r')) {
			v[n++] = p->s[i + 1] == 'n' ? '\n' : '\r';
			i += 2;
		} else {
			v[n++] = (char)c;
			i++;
		}
	}
	v[n] = '\0';
	*outlen = n;
	return v;
}

static size_t key_run(const struct parser *p, size_t i)
{
	while (i < p->len && is_key_char(p->s[i]))
		i++;
	return i;
}

/* "\s*=" or ":\s" right after the key; *q is where the value may start. */
static int separator(const struct parser *p, size_t ke, size_t *q)
{
	size_t i = skip_ws(p, ke), k;

	if (i < p->len && p->s[i] == '=') {
		*q = i + 1;
		return 1;
	}
	/* "\s+?" is lazy: it takes one blank and leaves the rest to the value */
	if (ke < p->len && p->s[ke] == ':' && (k = ws_at(p->s, p->len, ke + 1))) {
		/* dotenv made CRLF one "\n" before it matched */
		if (p->s[ke + 1] == '\r' && ke + 2 < p->len && p->s[ke + 2] == '\n')
			k = 2;
		*q = ke + 1 + k;
		return 1;
	}
	return 0;
}

/* What dotenv's "\s*(?:#.*)?$" needs after a closing quote. */
static int tail_ok(const struct parser *p, size_t i)
{
	i = skip_hws(p, i);
	return i >= p->len || is_nl(p->s[i]) || p->s[i] == '#' || is_js_sep(p->s, p->len, i);
}

/* Says why dotenv skipped the line starting at byte at; its key run stopped at ke. */
static void line_error(struct parser *p, size_t at, size_t ke)
{
	size_t le = line_end(p, at);
	size_t te = trim_back(p, at, le);
	const unsigned char *eq = memchr(p->s + at, '=', le - at);

	if (eq && (size_t)(eq - p->s) == at)
		add_error(p, at, at + 1, "missing key before '='");
	else if (eq)
		add_error(p, at, trim_back(p, at, (size_t)(eq - p->s)), "invalid character in key");
	else if (ke > at && ke < le && p->s[ke] == ':')
		add_error(p, at, te, "missing space after ':'");
	else if (ke > at)
		add_error(p, at, te, "missing '=' after key");
	else
		add_error(p, at, te, "not a KEY=value line");
}

static const char *unterminated_msg(unsigned char q)
{
	if (q == '"')
		return "unterminated double-quoted value";
	if (q == '\'')
		return "unterminated single-quoted value";
	return "unterminated backtick-quoted value";
}

/* Tries the entry whose first byte is at; returns where parsing goes on. */
static size_t parse_entry(struct parser *p, size_t at)
{
	const unsigned char *s = p->s;
	size_t len = p->len;
	size_t ks = at, ke, q = 0, r, vs, ve, cs, ce, z = len, j;
	int exported = 0, quoted = 0, zfound = 0;
	unsigned char qc = 0, quote = 0, first;
	struct dotenv_entry *e;

	/* "(?:export\s+)?" is greedy, and gives "export" back as the key if the rest fails */
	if (len - at > 6 && !memcmp(s + at, "export", 6) && ws_at(s, len, at + 6)) {
		size_t k = skip_ws(p, at + 6);

		ke = key_run(p, k);
		if (ke > k && separator(p, ke, &q)) {
			exported = 1;
			ks = k;
		}
	}
	if (!exported) {
		ke = key_run(p, at);
		if (ke == at || !separator(p, ke, &q)) {
			line_error(p, at, ke);
			return next_line(p, at);
		}
	}

	/* the quoted alternatives come first and start with their own "\s*" */
	r = skip_ws(p, q);
	if (r < len && is_quote(s[r])) {
		qc = s[r];
		for (j = r + 1; j < len; j++) {
			if (s[j] == '\\' && j + 1 < len && s[j + 1] == qc) {
				j++;
			} else if (s[j] == qc) {
				z = j;
				zfound = 1;
				break;
			}
		}
		if (zfound && tail_ok(p, z + 1)) {
			quoted = 1;
			ce = z;
		} else {
			/* backtracking: an escaped quote may close the value after all */
			for (j = z; j-- > r + 2;) {
				if (s[j] == qc && s[j - 1] == '\\' && tail_ok(p, j + 1)) {
					quoted = 1;
					ce = j;
					break;
				}
			}
		}
	}

	LINT_GROW(p->ent, p->nent + 1, p->aent);
	e = &p->ent[p->nent];
	memset(e, 0, sizeof(*e));

	if (quoted) {
		vs = r;
		ve = ce + 1;
		cs = r + 1;
		quote = qc;
		first = qc;
	} else {
		/* "[^#\r\n]+" from right after the separator, then trim */
		ve = q;
		while (ve < len && s[ve] != '#' && !is_nl(s[ve]))
			ve++;
		vs = q;
		while (vs < ve && ws_at(s, len, vs))
			vs += ws_at(s, len, vs);
		ve = trim_back(p, vs, ve);
		/*
		 * An empty value sits right after the separator: skipping blanks first left it
		 * past e->end ("A=\t" gave value 3-3, end 2), out of the entry that fingerprints
		 * and suppressions look it up by, and pointing at a trailing comment.
		 */
		if (vs == ve)
			vs = ve = q;
		first = vs < ve ? s[vs] : 0;
		cs = vs;
		ce = ve;
		if (ve - vs >= 2 && is_quote(first) && s[ve - 1] == first) {
			quote = first;
			cs = vs + 1;
			ce = ve - 1;
		}
	}
	e->value = copy_value(p, cs, ce, first == '"', &e->value_len);
	e->expanded = e->value;
	e->key = arena_strndup(p->a, (const char *)s + ks, ke - ks);
	e->quote = (char)quote;
	e->exported = exported;
	e->line = line_of(p, ks);
	e->start = (uint32_t)at;
	e->key_start = (uint32_t)ks;
	e->key_end = (uint32_t)ke;
	e->value_start = (uint32_t)vs;
	e->value_end = (uint32_t)ve;
	e->end = (uint32_t)(vs < ve ? ve : q);
	p->nent++;

	if (!quoted && vs < ve && is_quote(first) && !quote) {
		/* dotenv keeps the quote in the value; nobody means that */
		if (zfound && first == qc && !has_nl(p, vs, z))
			add_error(p, skip_hws(p, z + 1), ve, "unexpected text after the closing quote");
		else
			add_error(p, vs, ve, unterminated_msg(first));
	}
	if (vs < ve && has_nl(p, ke, vs))
		add_error(p, vs, ve, "value starts on the line after its key");
	return next_line(p, vs < ve ? ve : q);
}

void dotenv_parse(struct arena *a, const char *buf, size_t len, struct dotenv_file *out)
{
	struct parser p;
	size_t i = 0, at;

	memset(&p, 0, sizeof(p));
	memset(out, 0, sizeof(*out));
	/* offsets are 32-bit; the source loader refuses files anywhere near this size */
	if (len > UINT32_MAX)
		len = UINT32_MAX;
	p.a = a;
	p.s = (const unsigned char *)buf;
	p.len = buf ? len : 0;
	p.lline = 1;

	for (;;) {
		/* the leading "\s*" also steps over blank lines and a BOM (U+FEFF is "\s") */
		at = skip_ws(&p, i);
		if (at >= p.len)
			break;
		if (p.s[at] == '#') {
			add_comment(&p, at);
			i = next_line(&p, at);
		} else {
			i = parse_entry(&p, at);
		}
	}

	out->nentries = p.nent;
	out->entries = ARENA_ARRAY(a, struct dotenv_entry, p.nent ? p.nent : 1);
	if (p.nent)
		memcpy(out->entries, p.ent, p.nent * sizeof(*p.ent));
	out->nerrors = p.nerr;
	out->errors = ARENA_ARRAY(a, struct dotenv_error, p.nerr ? p.nerr : 1);
	if (p.nerr)
		memcpy(out->errors, p.err, p.nerr * sizeof(*p.err));
	out->ncomments = p.ncom;
	out->comments = ARENA_ARRAY(a, struct dotenv_comment, p.ncom ? p.ncom : 1);
	if (p.ncom)
		memcpy(out->comments, p.com, p.ncom * sizeof(*p.com));
	free(p.ent);
	free(p.err);
	free(p.com);
}

const struct dotenv_entry *dotenv_get(const struct dotenv_file *f, const char *key)
{
	size_t i;

	if (!f || !key)
		return NULL;
	for (i = f->nentries; i-- > 0;)
		if (!strcmp(f->entries[i].key, key))
			return &f->entries[i];
	return NULL;
}

/*
 * Expansion. The loaders disagree in corners (see tests/unit/dotenv-cases.md); this follows
 * the rules they share, dotenv-expand 12's grammar and dotenv-expand 11's name resolution
 * (12 only sees names defined earlier in the merged file order, an accident of its rewrite):
 *  - every value is expanded, single-quoted ones too: dotenv's parse() drops the quote
 *    before dotenv-expand sees the value, so 'pa$$word' loses "$word" in the real app;
 *  - "\$" is a literal "$"; "$" not followed by "{" or [A-Za-z_] stays as written;
 *  - ${A:-d} and ${A-d} both give d when A is unset or empty, ${A:+x} and ${A+x} give x
 *    when A is set and non-empty; ${...} nests, innermost first;
 *  - a name resolves to the value that wins in the load set, itself expanded; a "$NAME"
 *    still in that value (written "\$NAME") is expanded again, as in 10, 11 and 12;
 *  - a reference back into a name being expanded (A=$A, A=$B + B=$A) counts as unset, where
 *    dotenv-expand 10/11 overflow the stack (Next.js then drops the whole file).
 */

enum { X_NEW, X_BUSY, X_DONE };

struct xslot {
	const char *key;		/* NULL: free */
	size_t klen;
	uint32_t file, idx;
};

struct xctx {
	struct arena *a;
	struct dotenv_file *const *files;
	size_t nfiles;
	int next_visibility;
	size_t *base;			/* global index of each file's first entry */
	unsigned char *state;
	size_t *xlen;
	struct xslot *slots;
	size_t mask;
	size_t budget;
	unsigned depth;
};

static size_t hash_key(const char *k, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)k[i];
		h *= 1099511628211ULL;
	}
	return (size_t)h;
}

static struct xslot *find_slot(struct xctx *x, const char *k, size_t n)
{
	size_t i = hash_key(k, n) & x->mask;

	while (x->slots[i].key &&
	       (x->slots[i].klen != n || memcmp(x->slots[i].key, k, n)))
		i = (i + 1) & x->mask;
	return &x->slots[i];
}

static void expand_entry(struct xctx *x, size_t f, size_t i);

/* The expanded winning value of name, or NULL when it counts as unset. */
static const char *lookup(struct xctx *x, const char *name, size_t n, size_t from_file,
			  size_t *vlen, size_t *gidx)
{
	struct xslot *sl = find_slot(x, name, n);
	size_t g;

	if (!sl->key)
		return NULL;
	/* @next/env expands file by file, so it only sees its own file and those before it */
	if (x->next_visibility && sl->file > from_file)
		return NULL;
	g = x->base[sl->file] + sl->idx;
	if (x->state[g] == X_BUSY)
		return NULL;
	if (x->state[g] == X_NEW) {
		if (x->depth >= EXPAND_MAX_DEPTH)
			return NULL;
		expand_entry(x, sl->file, sl->idx);
	}
	*vlen = x->xlen[g];
	*gidx = g;
	return x->files[sl->file]->entries[sl->idx].expanded;
}

static int expand_text(struct xctx *x, const char *s, size_t n, size_t from_file,
		       struct strbuf *out);

/*
 * Appends the expanded value v of entry g. A "$" left in it (it was "\$" in the file) is
 * expanded again, as dotenv-expand 10-12 all do, with g itself unset meanwhile so that
 * "A=\$A" cannot loop. Returns 0 when a cap is reached: the caller then keeps the rest of
 * its text as written, a bounded answer being worth more to a linter than an exact one.
 */
static int insert_value(struct xctx *x, size_t g, const char *v, size_t vlen, size_t from_file,
			size_t base, struct strbuf *out)
{
	int ok;

	/* base: the value's length before v, the "${...}" that v replaces not counted */
	if (base + vlen > EXPAND_MAX_VALUE || vlen >= x->budget)
		return 0;
	/* every lookup costs one unit too, so chains of empty values stay bounded */
	x->budget -= vlen + 1;
	if (!memchr(v, '$', vlen)) {
		strbuf_add(out, v, vlen);
		return 1;
	}
	if (x->depth >= EXPAND_MAX_DEPTH)
		return 0;
	x->state[g] = X_BUSY;
	x->depth++;
	ok = expand_text(x, v, vlen, from_file, out);
	x->depth--;
	x->state[g] = X_DONE;
	return ok;
}

static int expand_text(struct xctx *x, const char *s, size_t n, size_t from_file,
		       struct strbuf *out)
{
	size_t *frames = NULL, nframes = 0, aframes = 0;
	size_t i = 0;
	int ok = 1;

	strbuf_add(out, "", 0);
	while (i < n) {
		char c = s[i];

		if (c == '\\' && i + 1 < n && s[i + 1] == '$') {
			strbuf_addch(out, '$');
			i += 2;
		} else if (c == '$' && i + 1 < n && s[i + 1] == '{') {
			LINT_GROW(frames, nframes + 1, aframes);
			frames[nframes++] = out->len;
			strbuf_add(out, "${", 2);
			i += 2;
		} else if (c == '$' && i + 1 < n && is_name_char((unsigned char)s[i + 1]) &&
			   !(s[i + 1] >= '0' && s[i + 1] <= '9')) {
			size_t j = i + 1, vlen = 0, g = 0, at = out->len;
			const char *v;

			while (j < n && is_name_char((unsigned char)s[j]))
				j++;
			v = lookup(x, s + i + 1, j - i - 1, from_file, &vlen, &g);
			if (v && !insert_value(x, g, v, vlen, from_file, at, out)) {
				out->len = at;
				out->buf[at] = '\0';
				goto stop;
			}
			i = j;
		} else if (c == '{') {
			/* dotenv-expand's ${([^{}]+)} cannot close over a bare brace */
			nframes = 0;
			strbuf_addch(out, c);
			i++;
		} else if (c == '}' && nframes) {
			size_t at = frames[--nframes], elen = out->len - at - 2, op = 0, oplen = 0;
			size_t vlen = 0, dlen, g = 0, end = out->len;
			char *expr = out->buf + at + 2;
			const char *v, *dflt;
			int plus;

			if (!elen) {
				strbuf_addch(out, c);
				i++;
				continue;
			}
			/* the first of ":+", "+", ":-", "-" splits name from default */
			for (op = 0; op < elen; op++) {
				if (expr[op] == ':' && op + 1 < elen &&
				    (expr[op + 1] == '+' || expr[op + 1] == '-')) {
					oplen = 2;
					break;
				}
				if (expr[op] == '+' || expr[op] == '-') {
					oplen = 1;
					break;
				}
			}
			plus = oplen && expr[op + oplen - 1] == '+';
			dflt = expr + op + oplen;
			dlen = oplen ? elen - op - oplen : 0;
			v = lookup(x, expr, op, from_file, &vlen, &g);
			i++;
			if (v && vlen && !plus) {
				/* behind the reference first, so that a stop can keep it as written */
				if (!insert_value(x, g, v, vlen, from_file, at, out)) {
					out->len = end;
					out->buf[end] = '\0';
					goto stop_brace;
				}
				memmove(out->buf + at, out->buf + end, out->len - end);
				out->len -= end - at;
				out->buf[out->len] = '\0';
			} else if (plus && !(v && vlen)) {
				out->len = at;
				out->buf[at] = '\0';
			} else {
				memmove(out->buf + at, dflt, dlen);
				out->len = at + dlen;
				out->buf[out->len] = '\0';
			}
		} else {
			strbuf_addch(out, c);
			i++;
		}
	}
	goto out;
stop_brace:
	strbuf_addch(out, '}');
stop:
	strbuf_add(out, s + i, n - i);
	ok = 0;
out:
	free(frames);
	return ok;
}

static void expand_entry(struct xctx *x, size_t f, size_t i)
{
	struct dotenv_entry *e = &x->files[f]->entries[i];
	size_t g = x->base[f] + i;
	struct strbuf out = STRBUF_INIT;

	x->state[g] = X_BUSY;
	if (!memchr(e->value, '$', e->value_len)) {
		e->expanded = e->value;
		x->xlen[g] = e->value_len;
	} else {
		x->depth++;
		expand_text(x, e->value, e->value_len, f, &out);
		x->depth--;
		e->expanded = arena_strndup(x->a, out.buf, out.len);
		x->xlen[g] = out.len;
		strbuf_release(&out);
	}
	x->state[g] = X_DONE;
}

static void expand_files(struct arena *a, struct dotenv_file *const *files, size_t nfiles,
			 int next_visibility)
{
	struct xctx x;
	size_t total = 0, f, i, cap = 16;

	memset(&x, 0, sizeof(x));
	x.a = a;
	x.files = files;
	x.nfiles = nfiles;
	x.next_visibility = next_visibility;
	x.budget = EXPAND_BUDGET;
	x.base = xcalloc(nfiles ? nfiles : 1, sizeof(*x.base));
	for (f = 0; f < nfiles; f++) {
		x.base[f] = total;
		if (files[f])
			total += files[f]->nentries;
	}
	if (!total)
		goto out;
	x.state = xcalloc(total, 1);
	x.xlen = xcalloc(total, sizeof(*x.xlen));
	while (cap < 2 * total)
		cap *= 2;
	x.slots = xcalloc(cap, sizeof(*x.slots));
	x.mask = cap - 1;

	/* the first file to define a name wins; inside it, its last duplicate */
	for (f = 0; f < nfiles; f++) {
		if (!files[f])
			continue;
		for (i = 0; i < files[f]->nentries; i++) {
			const char *k = files[f]->entries[i].key;
			size_t n = strlen(k);
			struct xslot *sl = find_slot(&x, k, n);

			if (!sl->key) {
				sl->key = k;
				sl->klen = n;
				sl->file = (uint32_t)f;
				sl->idx = (uint32_t)i;
			} else if (sl->file == f) {
				sl->idx = (uint32_t)i;
			}
		}
	}
	for (f = 0; f < nfiles; f++) {
		if (!files[f])
			continue;
		for (i = 0; i < files[f]->nentries; i++)
			if (x.state[x.base[f] + i] == X_NEW)
				expand_entry(&x, f, i);
	}
out:
	free(x.base);
	free(x.state);
	free(x.xlen);
	free(x.slots);
}

void dotenv_expand(struct arena *a, struct dotenv_file *const *files, size_t nfiles)
{
	expand_files(a, files, nfiles, 0);
}

void dotenv_expand_next(struct arena *a, struct dotenv_file *const *files, size_t nfiles)
{
	expand_files(a, files, nfiles, 1);
}
