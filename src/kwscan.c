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

/* Marks the words that start in buf[from, to) and end by to. */
static void scan_range(const struct kwset *ks, const char *buf, size_t from, size_t to,
		       struct kw_hits *hits)
{
	size_t i, j;

	for (j = 0; j < ks->nshorts; j++) {
		unsigned k = ks->shorts[j];

		if (!kw_has(hits, k) && memmem(buf + from, to - from, ks->words[k], ks->lens[k]))
			kw_set(hits, k);
	}
	if (to - from < 4)
		return;
	for (i = from; i + 4 <= to; i++) {
		uint32_t h = hash4(load4(buf + i));
		uint32_t b, e;

		if (!((ks->filter[h / 64] >> (h % 64)) & 1))
			continue;
		e = ks->bucket_start[h + 1];
		for (b = ks->bucket_start[h]; b < e; b++) {
			unsigned k = ks->order[b];

			if (ks->lens[k] <= to - i && !memcmp(buf + i, ks->words[k], ks->lens[k]))
				kw_set(hits, k);
		}
	}
}

void kwset_scan(const struct kwset *ks, const char *buf, size_t len, struct kw_hits *hits)
{
	memset(hits, 0, sizeof(*hits));
	scan_range(ks, buf, 0, len, hits);
}

void kwset_scan_code(const struct kwset *ks, const char *buf, size_t len, struct kw_hits *hits)
{
	size_t seg = 0, p = 0;

	memset(hits, 0, sizeof(*hits));
	while (p < len) {
		size_t q = p;
		const char *nl;

		/* p is at the start of a line */
		while (q < len && (buf[q] == ' ' || buf[q] == '\t'))
			q++;
		if (q + 1 < len && buf[q] == '/' && (buf[q + 1] == '/' || buf[q + 1] == '*')) {
			scan_range(ks, buf, seg, q, hits);
			p = seg = js_comment_end(buf, len, q);
			/* the rest of a line after a block comment is code */
			if (p < len && buf[p] != '\n') {
				nl = memchr(buf + p, '\n', len - p);
				p = nl ? (size_t)(nl - buf) + 1 : len;
			} else if (p < len) {
				p++;
			}
			continue;
		}
		nl = memchr(buf + q, '\n', len - q);
		p = nl ? (size_t)(nl - buf) + 1 : len;
	}
	scan_range(ks, buf, seg, len, hits);
}
