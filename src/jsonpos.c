/* jsonpos.c - a non-allocating JSON scanner that finds the byte range of a key path. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "jsonpos.h"

#define MAX_DEPTH 128
#define MAX_PATH 32
#define KEY_MAX 256		/* longer keys never equal a path component */

struct jp {
	const unsigned char *s;
	size_t n, i;
};

/* What one scan looks for: the rest of the path, and where to store the answer. */
struct want {
	const char *const *path;
	size_t npath;
	struct lint_json_loc *out;
};

static void skip_ws(struct jp *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' ||
			       p->s[p->i] == '\r'))
		p->i++;
}

static int hex4(const unsigned char *s)
{
	int v = 0, k;

	for (k = 0; k < 4; k++) {
		int c = s[k], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static void put(char *out, size_t cap, size_t *len, unsigned char c)
{
	if (out && *len < cap)
		out[*len] = (char)c;
	(*len)++;
}

static void put_cp(char *out, size_t cap, size_t *len, unsigned long cp)
{
	if (cp < 0x80) {
		put(out, cap, len, (unsigned char)cp);
	} else if (cp < 0x800) {
		put(out, cap, len, (unsigned char)(0xC0 | (cp >> 6)));
		put(out, cap, len, (unsigned char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		put(out, cap, len, (unsigned char)(0xE0 | (cp >> 12)));
		put(out, cap, len, (unsigned char)(0x80 | ((cp >> 6) & 0x3F)));
		put(out, cap, len, (unsigned char)(0x80 | (cp & 0x3F)));
	} else {
		put(out, cap, len, (unsigned char)(0xF0 | (cp >> 18)));
		put(out, cap, len, (unsigned char)(0x80 | ((cp >> 12) & 0x3F)));
		put(out, cap, len, (unsigned char)(0x80 | ((cp >> 6) & 0x3F)));
		put(out, cap, len, (unsigned char)(0x80 | (cp & 0x3F)));
	}
}

/* A string at p->i (its opening quote); decoded into out[0..cap) when out is set. */
static bool scan_string(struct jp *p, char *out, size_t cap, size_t *len)
{
	size_t n = 0;

	p->i++;
	while (p->i < p->n) {
		unsigned char c = p->s[p->i];

		if (c == '"') {
			p->i++;
			if (len)
				*len = n;
			return true;
		}
		if (c < 0x20)
			return false;
		if (c != '\\') {
			put(out, cap, &n, c);
			p->i++;
			continue;
		}
		if (p->i + 1 >= p->n)
			return false;
		c = p->s[p->i + 1];
		p->i += 2;
		switch (c) {
		case '"': case '\\': case '/': put(out, cap, &n, c); break;
		case 'b': put(out, cap, &n, '\b'); break;
		case 'f': put(out, cap, &n, '\f'); break;
		case 'n': put(out, cap, &n, '\n'); break;
		case 'r': put(out, cap, &n, '\r'); break;
		case 't': put(out, cap, &n, '\t'); break;
		case 'u': {
			int hi, lo;

			if (p->n - p->i < 4 || (hi = hex4(p->s + p->i)) < 0)
				return false;
			p->i += 4;
			if (hi >= 0xD800 && hi <= 0xDBFF && p->n - p->i >= 6 && p->s[p->i] == '\\' &&
			    p->s[p->i + 1] == 'u' && (lo = hex4(p->s + p->i + 2)) >= 0xDC00 &&
			    lo <= 0xDFFF) {
				p->i += 6;
				put_cp(out, cap, &n, 0x10000 + (((unsigned long)hi - 0xD800) << 10) +
						     ((unsigned long)lo - 0xDC00));
			} else {
				put_cp(out, cap, &n, (unsigned long)hi);
			}
			break;
		}
		default:
			return false;
		}
	}
	return false;
}

static bool scan_literal(struct jp *p, const char *word)
{
	size_t k = strlen(word);

	if (p->n - p->i < k || memcmp(p->s + p->i, word, k))
		return false;
	p->i += k;
	return true;
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool scan_number(struct jp *p)
{
	size_t start = p->i;

	if (p->i < p->n && p->s[p->i] == '-')
		p->i++;
	if (p->i >= p->n || !is_digit(p->s[p->i]))
		return false;
	while (p->i < p->n && is_digit(p->s[p->i]))
		p->i++;
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (p->i >= p->n || !is_digit(p->s[p->i]))
			return false;
		while (p->i < p->n && is_digit(p->s[p->i]))
			p->i++;
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (p->i >= p->n || !is_digit(p->s[p->i]))
			return false;
		while (p->i < p->n && is_digit(p->s[p->i]))
			p->i++;
	}
	return p->i > start;
}

static bool scan_value(struct jp *p, int depth, const struct want *w, bool *found);

/* Descends into the member or item that matches the head of w's path. */
static bool scan_child(struct jp *p, int depth, const struct want *w, bool match, bool *found,
		       uint32_t kstart, uint32_t kend, bool has_key)
{
	struct want sub = { w ? w->path + 1 : NULL, w ? w->npath - 1 : 0, w ? w->out : NULL };
	bool sub_found = false;

	if (!match)
		return scan_value(p, depth + 1, NULL, NULL);
	if (!scan_value(p, depth + 1, &sub, &sub_found))
		return false;
	/* a later duplicate replaces an earlier one, found or not: the last wins, as in jansson */
	*found = sub_found;
	if (sub_found && sub.npath == 0) {
		w->out->has_key = has_key;
		w->out->key_start = kstart;
		w->out->key_end = kend;
	}
	return true;
}

static bool scan_object(struct jp *p, int depth, const struct want *w, bool *found)
{
	p->i++;
	skip_ws(p);
	if (p->i < p->n && p->s[p->i] == '}') {
		p->i++;
		return true;
	}
	for (;;) {
		char key[KEY_MAX];
		size_t klen = 0;
		uint32_t ks;
		bool match;

		skip_ws(p);
		if (p->i >= p->n || p->s[p->i] != '"')
			return false;
		ks = (uint32_t)p->i;
		if (!scan_string(p, key, sizeof(key), &klen))
			return false;
		match = w && w->npath > 0 && klen < sizeof(key) && strlen(w->path[0]) == klen &&
			!memcmp(key, w->path[0], klen);
		{
			uint32_t ke = (uint32_t)p->i;

			skip_ws(p);
			if (p->i >= p->n || p->s[p->i] != ':')
				return false;
			p->i++;
			if (!scan_child(p, depth, w, match, found, ks, ke, true))
				return false;
		}
		skip_ws(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->n && p->s[p->i] == '}') {
			p->i++;
			return true;
		}
		return false;
	}
}

/* The array index a path component names, or -1. */
static long index_of(const char *c)
{
	char *end;
	long v;

	if (!*c || !is_digit((unsigned char)*c))
		return -1;
	v = strtol(c, &end, 10);
	return *end ? -1 : v;
}

static bool scan_array(struct jp *p, int depth, const struct want *w, bool *found)
{
	long want_idx = w && w->npath > 0 ? index_of(w->path[0]) : -1, k = 0;

	p->i++;
	skip_ws(p);
	if (p->i < p->n && p->s[p->i] == ']') {
		p->i++;
		return true;
	}
	for (;; k++) {
		if (!scan_child(p, depth, w, k == want_idx, found, 0, 0, false))
			return false;
		skip_ws(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->n && p->s[p->i] == ']') {
			p->i++;
			return true;
		}
		return false;
	}
}

/* Scans one value; when w's path is empty this value is the one asked for. */
static bool scan_value(struct jp *p, int depth, const struct want *w, bool *found)
{
	size_t start;
	bool ok;

	if (depth > MAX_DEPTH)
		return false;
	skip_ws(p);
	if (p->i >= p->n)
		return false;
	start = p->i;
	switch (p->s[p->i]) {
	case '{':
		ok = scan_object(p, depth, w && w->npath ? w : NULL, found);
		break;
	case '[':
		ok = scan_array(p, depth, w && w->npath ? w : NULL, found);
		break;
	case '"':
		ok = scan_string(p, NULL, 0, NULL);
		break;
	case 't':
		ok = scan_literal(p, "true");
		break;
	case 'f':
		ok = scan_literal(p, "false");
		break;
	case 'n':
		ok = scan_literal(p, "null");
		break;
	default:
		ok = scan_number(p);
		break;
	}
	if (ok && w && w->npath == 0) {
		w->out->val_start = (uint32_t)start;
		w->out->val_end = (uint32_t)p->i;
		*found = true;
	}
	return ok;
}

bool lint_json_locate(const char *buf, size_t len, const char *const *path, size_t npath,
		      struct lint_json_loc *out)
{
	struct jp p = { (const unsigned char *)buf, len, 0 };
	struct lint_json_loc loc;
	struct want w = { path, npath, &loc };
	bool found = false;

	memset(&loc, 0, sizeof(loc));
	if (!buf || len > UINT32_MAX)
		return false;
	if (!scan_value(&p, 0, &w, &found))
		return false;
	skip_ws(&p);
	if (p.i != p.n || !found)
		return false;
	if (out)
		*out = loc;
	return true;
}

bool lint_json_find(const char *buf, size_t len, struct lint_json_loc *out, ...)
{
	const char *path[MAX_PATH];
	size_t n = 0;
	const char *c;
	va_list ap;

	va_start(ap, out);
	while ((c = va_arg(ap, const char *)) && n < MAX_PATH)
		path[n++] = c;
	va_end(ap);
	return lint_json_locate(buf, len, path, n, out);
}
