/*
 * kwscan.h - which of a fixed set of byte strings occur in a buffer, in one pass.
 *
 * The pipeline asks this of every source file before deciding whether to parse it, so it
 * must run near memory speed: a 4-byte rolling hash tested against a small bitmap, and a
 * memcmp only where the bitmap says a word may start.
 */
#ifndef CWLINT_KWSCAN_H
#define CWLINT_KWSCAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define KW_MAX 256			/* words in one set */
#define KW_WORDS (KW_MAX / 64)

/* A bitset over a set's word indexes. */
struct kw_hits {
	uint64_t w[KW_WORDS];
};

struct kwset;

/* Builds a set from n words of at least one byte; the words are copied. */
struct kwset *kwset_new(const char *const *words, size_t n);
void kwset_free(struct kwset *ks);
/* Sets in *hits (cleared first) the index of every word that occurs in buf[0..len). */
void kwset_scan(const struct kwset *ks, const char *buf, size_t len, struct kw_hits *hits);
/*
 * The same for JavaScript or TypeScript source, leaving out comments that begin a line
 * (line comments and block comments that start after nothing but blanks): a word only a comment holds cannot
 * make a rule fire, and such comments are the usual home of words like "useAuth". Comments
 * after code on a line are scanned like code: telling them from "//" inside a string would
 * need a lexer, and scanning too much only costs a parse.
 */
void kwset_scan_code(const struct kwset *ks, const char *buf, size_t len, struct kw_hits *hits);

static inline bool kw_has(const struct kw_hits *h, unsigned i)
{
	return (h->w[i / 64] >> (i % 64)) & 1;
}
static inline void kw_set(struct kw_hits *h, unsigned i)
{
	h->w[i / 64] |= (uint64_t)1 << (i % 64);
}
/* True when a and b share a set bit. */
static inline bool kw_any(const struct kw_hits *a, const struct kw_hits *b)
{
	uint64_t x = 0;

	for (unsigned i = 0; i < KW_WORDS; i++)
		x |= a->w[i] & b->w[i];
	return x != 0;
}
static inline bool kw_empty(const struct kw_hits *a)
{
	uint64_t x = 0;

	for (unsigned i = 0; i < KW_WORDS; i++)
		x |= a->w[i];
	return x == 0;
}

#endif
