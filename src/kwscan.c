/* kwscan.c - multi-word presence scan: a 4-byte hash filter, then exact compares. */
#include <stdlib.h>
#include <string.h>

#include "kwscan.h"
#include "util.h"

#define HASH_BITS 16

/*
 * Words of four bytes or more are found through the hash of their first four bytes; the
 * few shorter ones (none today, but rules may declare them) fall back to memmem.
 */

struct kwset {
	uint64_t filter[(1u << HASH_BITS) / 64];	/* 8 KiB: stays in L1 */
	/*
	 * Wu-Manber skipping: m is the shortest long word; shift[] by the hash of two bytes
	 * says how far a window of m bytes ending with those two can move before a word can
	 * start in it (0: a word's first m bytes may end here, so test the window's start).
	 */
	size_t m;
	/*
	 * by the two bytes themselves: a hashed, smaller table mixes pairs of code with the
	 * words' pairs, and every false 0 costs a hash4 and a step of one byte
	 */
	uint8_t shift[1u << 16];
	/* words by hash bucket: bucket_start[h]..bucket_start[h + 1] in order[] */
	uint32_t *bucket_start;
	uint16_t *order;
	char **words;
	size_t *lens;
	size_t n;
	uint16_t *shorts;		/* indexes of words under four bytes */
	size_t nshorts;
};

static inline uint32_t load4(const char *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static inline uint32_t hash4(uint32_t v)
{
	return (v * 2654435761u) >> (32 - HASH_BITS);
}

static inline uint32_t pair(const char *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return v;
}

struct kwset *kwset_new(const char *const *words, size_t n)
{
	struct kwset *ks = xcalloc(1, sizeof(*ks));
	uint32_t *count;
	size_t i;

	if (n > KW_MAX)
		BUG("%zu keywords, at most %d", n, KW_MAX);
	ks->n = n;
	ks->words = xcalloc(n ? n : 1, sizeof(*ks->words));
	ks->lens = xcalloc(n ? n : 1, sizeof(*ks->lens));
	ks->order = xcalloc(n ? n : 1, sizeof(*ks->order));
	ks->shorts = xcalloc(n ? n : 1, sizeof(*ks->shorts));
	ks->bucket_start = xcalloc((1u << HASH_BITS) + 1, sizeof(*ks->bucket_start));
	count = xcalloc((1u << HASH_BITS) + 1, sizeof(*count));
	for (i = 0; i < n; i++) {
		ks->words[i] = xstrdup(words[i]);
		ks->lens[i] = strlen(words[i]);
		if (!ks->lens[i])
			BUG("empty keyword");
		if (ks->lens[i] < 4) {
			ks->shorts[ks->nshorts++] = (uint16_t)i;
			continue;
		}
		count[hash4(load4(words[i])) + 1]++;
	}
	/* counting sort of the long words into buckets */
	for (i = 1; i <= (1u << HASH_BITS); i++)
		ks->bucket_start[i] = ks->bucket_start[i - 1] + count[i];
	memcpy(count, ks->bucket_start, ((1u << HASH_BITS) + 1) * sizeof(*count));
	for (i = 0; i < n; i++) {
		uint32_t h;

		if (ks->lens[i] < 4)
			continue;
		h = hash4(load4(words[i]));
		ks->filter[h / 64] |= (uint64_t)1 << (h % 64);
		ks->order[count[h]++] = (uint16_t)i;
	}
	free(count);
	/* the skip table over the first m bytes of every long word */
	ks->m = 0;
	for (i = 0; i < n; i++)
		if (ks->lens[i] >= 4 && (!ks->m || ks->lens[i] < ks->m))
			ks->m = ks->lens[i];
	if (ks->m) {
		size_t q;

		memset(ks->shift, (int)(ks->m - 1), sizeof(ks->shift));
		for (i = 0; i < n; i++) {
			if (ks->lens[i] < 4)
				continue;
			for (q = 0; q + 2 <= ks->m; q++) {
				uint32_t h = pair(ks->words[i] + q);
				size_t sh = ks->m - 2 - q;

				if (sh < ks->shift[h])
					ks->shift[h] = (uint8_t)sh;
			}
		}
	}
	return ks;
}

void kwset_free(struct kwset *ks)
{
	size_t i;

	if (!ks)
		return;
	for (i = 0; i < ks->n; i++)
		free(ks->words[i]);
	free(ks->words);
	free(ks->lens);
	free(ks->order);
	free(ks->shorts);
	free(ks->bucket_start);
	free(ks);
}

/* Marks the words that start at buf + at and end by to. */
static inline void verify(const struct kwset *ks, const char *buf, size_t at, size_t to,
			  struct kw_hits *hits)
{
	uint32_t h = hash4(load4(buf + at)), b, e;

	if (!((ks->filter[h / 64] >> (h % 64)) & 1))
		return;
	e = ks->bucket_start[h + 1];
	for (b = ks->bucket_start[h]; b < e; b++) {
		unsigned k = ks->order[b];

		if (ks->lens[k] <= to - at && !memcmp(buf + at, ks->words[k], ks->lens[k]))
			kw_set(hits, k);
	}
}

/* One skip step of the window starting at *pos: test it when the table says a word may. */
static inline void step(const struct kwset *ks, const char *buf, size_t to, size_t *pos,
			struct kw_hits *hits)
{
	size_t at = *pos, sh = ks->shift[pair(buf + at + ks->m - 2)];

	*pos = at + (sh ? sh : 1);
	if (!sh)
		verify(ks, buf, at, to, hits);
}

/* Windows moved side by side over a long range (scan_range()), and the least part each gets. */
#define LANES 4
#define LANE_MIN 256

/* Marks the words that start in buf[from, to) and end by to. */
static void scan_range(const struct kwset *ks, const char *buf, size_t from, size_t to,
		       struct kw_hits *hits)
{
	size_t pos[LANES], stop[LANES], part, i, j, m = ks->m;
	unsigned l;

	for (j = 0; j < ks->nshorts; j++) {
		unsigned k = ks->shorts[j];

		if (!kw_has(hits, k) && memmem(buf + from, to - from, ks->words[k], ks->lens[k]))
			kw_set(hits, k);
	}
	if (!m || to - from < m)
		return;
	part = (to - from) / LANES;
	if (part < LANE_MIN || part < m) {
		for (i = from; i + m <= to;)
			step(ks, buf, to, &i, hits);
		return;
	}
	/*
	 * Each step waits for the table entry of the bytes the step before it reached, so
	 * one window is bound by load latency: LANES windows, each over its own part of the
	 * range, move in turn and their loads overlap. A window may start anywhere up to its
	 * part's end and read on into the next part (part >= m keeps it inside the range).
	 */
	for (l = 0; l < LANES; l++) {
		pos[l] = from + l * part;
		stop[l] = l + 1 < LANES ? from + (l + 1) * part : to - m + 1;
	}
	while (pos[0] < stop[0] && pos[1] < stop[1] && pos[2] < stop[2] && pos[3] < stop[3]) {
		step(ks, buf, to, &pos[0], hits);
		step(ks, buf, to, &pos[1], hits);
		step(ks, buf, to, &pos[2], hits);
		step(ks, buf, to, &pos[3], hits);
	}
	for (l = 0; l < LANES; l++)
		while (pos[l] < stop[l])
			step(ks, buf, to, &pos[l], hits);
}

void kwset_scan(const struct kwset *ks, const char *buf, size_t len, struct kw_hits *hits)
{
	memset(hits, 0, sizeof(*hits));
	scan_range(ks, buf, 0, len, hits);
}

void kwset_scan_code(const struct kwset *ks, const char *buf, size_t len, struct kw_hits *hits)
{
	size_t seg = 0, p = 0;
	const char *q;

	memset(hits, 0, sizeof(*hits));
	/* only a '/' can start a comment: look at those, not at every line */
	while (p + 1 < len && (q = memchr(buf + p, '/', len - p - 1))) {
		size_t i = (size_t)(q - buf), j = i;

		p = i + 1;
		if (buf[i + 1] != '/' && buf[i + 1] != '*')
			continue;
		while (j > seg && (buf[j - 1] == ' ' || buf[j - 1] == '\t'))
			j--;
		/* after code, or after a block comment that ends on this line: code goes on */
		if (j > 0 && buf[j - 1] != '\n')
			continue;
		scan_range(ks, buf, seg, i, hits);
		p = seg = js_comment_end(buf, len, i);
	}
	scan_range(ks, buf, seg, len, hits);
}
