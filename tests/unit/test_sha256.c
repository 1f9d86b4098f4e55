/*
 * test_sha256.c - the SHA-256 behind fingerprints: the FIPS 180-4 / NIST example vectors,
 * the padding edge lengths (55, 56, 63, 64, 65, 119, 120 bytes, checked against coreutils'
 * sha256sum) and streaming in uneven pieces.
 */
#include <stdlib.h>

#include "sha256.h"
#include "util.h"
#include "unit.h"

static const char *hex_of(const void *data, size_t n)
{
	static char out[2 * SHA256_SIZE + 1];
	unsigned char d[SHA256_SIZE];

	sha256(data, n, d);
	sha256_hex(d, sizeof(d), out);
	return out;
}

static const char *hex_streamed(const char *data, size_t n, size_t step)
{
	static char out[2 * SHA256_SIZE + 1];
	unsigned char d[SHA256_SIZE];
	struct sha256 c;
	size_t i;

	sha256_init(&c);
	for (i = 0; i < n; i += step)
		sha256_update(&c, data + i, n - i < step ? n - i : step);
	sha256_final(&c, d);
	sha256_hex(d, sizeof(d), out);
	return out;
}

int main(void)
{
	static const struct { size_t n; const char *hex; } edges[] = {
		{ 55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072" },
		{ 56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e" },
		{ 63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2" },
		{ 64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c" },
		{ 65, "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9" },
		{ 119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c" },
		{ 120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98" },
	};
	const char *two_block = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	const char *long_msg = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
			       "klmnopqrlmnopqrsmnopqrstnopqrstu";
	size_t million = 1000000, i;
	char *a = malloc(million), x[128];

	UNIT_STREQ(hex_of("abc", 3),
		   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "sha256(\"abc\")");
	UNIT_STREQ(hex_of("", 0),
		   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "sha256(\"\")");
	UNIT_STREQ(hex_of(two_block, strlen(two_block)),
		   "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
		   "sha256 of the 448-bit two-block message");
	UNIT_STREQ(hex_of(long_msg, strlen(long_msg)),
		   "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
		   "sha256 of the 896-bit message");
	memset(a, 'a', million);
	UNIT_STREQ(hex_of(a, million),
		   "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
		   "sha256 of one million 'a'");
	UNIT_STREQ(hex_streamed(a, million, 4093),
		   "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
		   "sha256 of one million 'a' streamed in 4093-byte pieces");
	UNIT_STREQ(hex_streamed(long_msg, strlen(long_msg), 1),
		   "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
		   "sha256 streamed one byte at a time");
	memset(x, 'x', sizeof(x));
	for (i = 0; i < ARRAY_SIZE(edges); i++) {
		UNIT_STREQ(hex_of(x, edges[i].n), edges[i].hex, "sha256 of %zu bytes (padding edge)",
			   edges[i].n);
		UNIT_STREQ(hex_streamed(x, edges[i].n, 7), edges[i].hex,
			   "sha256 of %zu bytes streamed in 7-byte pieces", edges[i].n);
	}
	free(a);
	UNIT_DONE();
}
