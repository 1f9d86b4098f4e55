/*
 * fuzz.h - helpers shared by the libFuzzer harnesses of tests/fuzz/ (see README.md there).
 *
 * Inputs that hold several files or strings are split on FUZZ_SEP (the ASCII record
 * separator): it is rare in real files, so a seed made of real files stays readable, and
 * libFuzzer's byte mutations find and move it easily.
 */
#ifndef CWLINT_FUZZ_H
#define CWLINT_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tree_sitter/api.h>

#include "rule.h"		/* ts_parse_bounded() */

#define FUZZ_SEP	'\x1e'
#define FUZZ_MAX_PARTS	8

const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);

/* A harness's own invariant broke: report it the way a sanitizer would (libFuzzer saves the input). */
#define FUZZ_CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/*
 * Parts of an input split on FUZZ_SEP. Each part is its own malloc'd buffer of exactly its
 * length plus a NUL, so ASan sees a read past the part's end (the code under test gets
 * (ptr, len) and must not rely on more than the NUL the source loader adds).
 */
struct fuzz_parts {
	char *p[FUZZ_MAX_PARTS];
	size_t len[FUZZ_MAX_PARTS];
	size_t n;
};

/* Splits data into at most max parts (the last part keeps any further separators). */
static inline void fuzz_split(const uint8_t *data, size_t size, size_t max, struct fuzz_parts *out)
{
	size_t start = 0, i;

	if (max > FUZZ_MAX_PARTS)
		max = FUZZ_MAX_PARTS;
	memset(out, 0, sizeof(*out));
	for (i = 0; i <= size && out->n < max; i++) {
		if (i < size && (data[i] != (uint8_t)FUZZ_SEP || out->n + 1 == max))
			continue;
		out->len[out->n] = i - start;
		out->p[out->n] = malloc(i - start + 1);
		if (!out->p[out->n])
			abort();
		if (i > start)
			memcpy(out->p[out->n], data + start, i - start);
		out->p[out->n][i - start] = '\0';
		out->n++;
		start = i + 1;
	}
}

static inline void fuzz_parts_free(struct fuzz_parts *ps)
{
	for (size_t i = 0; i < ps->n; i++)
		free(ps->p[i]);
	ps->n = 0;
}

/* The part at index i, or "" when the input had fewer parts. */
static inline const char *fuzz_part(const struct fuzz_parts *ps, size_t i, size_t *len)
{
	if (i >= ps->n) {
		if (len)
			*len = 0;
		return "";
	}
	if (len)
		*len = ps->len[i];
	return ps->p[i];
}

/*
 * The pipeline's guard (nesting_depth() in src/lint.c, same counting): tree-sitter 0.20.7
 * double-frees a tree with more than 65,535 unclosed brackets or tags, a known runtime bug
 * the pipeline avoids by never parsing a file nested deeper than --max-nesting (default
 * 10000). Harnesses that call the parser directly skip such inputs the same way, so the
 * runtime's bug is not reported over and over as if it were ours.
 */
#define FUZZ_MAX_NESTING 10000

static inline bool fuzz_too_nested(const char *s, size_t n)
{
	size_t i, depth = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '(' || c == '[' || c == '{' ||
		    (c == '<' && i + 1 < n && (s[i + 1] == '>' || (s[i + 1] | 0x20) >= 'a') &&
		     (s[i + 1] | 0x20) <= 'z')) {
			if (++depth > FUZZ_MAX_NESTING)
				return true;
		} else if ((c == ')' || c == ']' || c == '}' ||
			    (c == '<' && i + 1 < n && s[i + 1] == '/') ||
			    (c == '/' && i + 1 < n && s[i + 1] == '>')) && depth) {
			depth--;
		}
	}
	return false;
}

/* Parses buf with the TSX grammar (tsx true) or the TypeScript one; NULL when too nested. */
static inline TSTree *fuzz_parse(const char *buf, size_t len, bool tsx)
{
	static TSParser *parser;
	TSTree *t;

	if (len > UINT32_MAX || fuzz_too_nested(buf, len))
		return NULL;
	if (!parser)
		parser = ts_parser_new();
	ts_parser_set_language(parser, tsx ? tree_sitter_tsx() : tree_sitter_typescript());
	/* the pipeline's bound: a runaway error recovery is tree-sitter's, and cwlint skips it */
	t = ts_parse_bounded(parser, buf, (uint32_t)len);
	ts_parser_reset(parser);
	return t;
}

#endif
