/*
 * jsonpos.h - where a key or value sits in JSON text. jansson parses package.json and
 * convex.json but keeps no positions; rules use this to point a finding at the member
 * they mean.
 *
 * The scanner reads the same grammar jansson accepts (RFC 8259 text, any value at the top)
 * and treats a duplicated key as jansson does: the last occurrence wins. It never allocates
 * and stops at 128 levels of nesting (jansson's parse of such a file already failed).
 */
#ifndef CWLINT_JSONPOS_H
#define CWLINT_JSONPOS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* Byte ranges of one member: its key (when it is an object member) and its value. */
struct lint_json_loc {
	bool has_key;			/* false for the top-level value and array items */
	uint32_t key_start, key_end;	/* the key string, quotes included */
	uint32_t val_start, val_end;	/* the value: a string with its quotes, a whole {...} */
};

/*
 * Finds the value at path in buf[0..len): object keys, or decimal indices for arrays
 * ("authKit", "dev", "configure", "redirectUris", "0"). An empty path is the top-level
 * value. Returns false when the path does not exist or the text is not valid JSON.
 */
bool lint_json_locate(const char *buf, size_t len, const char *const *path, size_t npath,
		      struct lint_json_loc *out);

/* lint_json_locate() with the path given as NULL-terminated arguments. */
bool lint_json_find(const char *buf, size_t len, struct lint_json_loc *out, ...);

#endif
