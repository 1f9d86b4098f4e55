/*
 * sha256.h - SHA-256 (FIPS 180-4) for fingerprints: findings are keyed by a hash of what they
 * point at, so no secret ever leaves cwlint unhashed. Streaming and one-shot forms.
 */
#ifndef CWLINT_SHA256_H
#define CWLINT_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_SIZE 32			/* digest bytes */

struct sha256 {
	uint32_t h[8];			/* the running hash value */
	uint64_t nbytes;		/* message length so far */
	unsigned char block[64];	/* a partial block */
	size_t nblock;			/* bytes in it */
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *data, size_t n);
/* Writes the digest; c must be initialised again before reuse. */
void sha256_final(struct sha256 *c, unsigned char out[SHA256_SIZE]);
void sha256(const void *data, size_t n, unsigned char out[SHA256_SIZE]);
/* Lowercase hex of n bytes into out (2n + 1 bytes, NUL-terminated). */
void sha256_hex(const unsigned char *bytes, size_t n, char *out);

#endif
