/* source.h - a loaded file: bytes, display path, line index, text checks. */
#ifndef CWLINT_SOURCE_H
#define CWLINT_SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

struct arena;
struct dotenv_file;
struct lint_supp;

/* Why a file was not linted; LOAD_OK when it was read. */
enum lint_load_status {
	LOAD_OK = 0,
	LOAD_ERROR,		/* open/read failed (errno-style message in load_msg) */
	LOAD_TOO_LARGE,		/* larger than the --max-file-size limit */
	LOAD_BINARY,		/* NUL bytes: not text */
};

struct lint_source {
	const char *path;	/* as shown to the user: relative to the cwd */
	const char *abspath;	/* absolute, for opening sibling files */
	const char *buf;	/* file bytes plus a NUL (an embedded BOM is kept) */
	size_t len;
	uint32_t *lines;	/* byte offset of each line start; lines[0] == 0 */
	uint32_t nlines;
	bool invalid_utf8;	/* some byte sequence is not valid UTF-8 */
	bool ascii;		/* every byte < 0x80: columns are byte offsets (O(1) positions) */
	/* set for env files: code frames mask the values of secret entries structurally */
	const struct dotenv_file *env;
	/* inline `cwlint-ignore` comments found in the file (suppress.c) */
	struct lint_supp *supps;
	size_t nsupps;
};

/* A position in a source: 1-based line, 1-based column in code points. */
struct lint_pos {
	uint32_t line, col;
};

/*
 * Reads path into an arena-owned source. Returns LOAD_OK, or another status with *msg
 * set to an arena string saying why (for the "skipped" note). max_size 0 means no limit.
 */
enum lint_load_status lint_source_load(struct arena *a, struct lint_source *src,
				       const char *display, const char *abspath,
				       size_t max_size, const char **msg);
/*
 * Reads abspath into *buf (malloc'd, grown as needed, *cap bytes; NUL-terminated) with the
 * same checks as lint_source_load(), without making a source: callers that look at the
 * bytes before deciding to keep them reuse one buffer for many files.
 */
enum lint_load_status lint_read_file(struct arena *a, const char *display, const char *abspath,
				     size_t max_size, char **buf, size_t *cap, size_t *len,
				     const char **msg);
/* Builds a source over caller-provided bytes (stdin mode, unit tests); buf is copied. */
void lint_source_from_mem(struct arena *a, struct lint_source *src, const char *display,
			  const char *abspath, const char *buf, size_t len);

/* Byte offset to line and code-point column. Offsets past the end clamp to the end. */
struct lint_pos lint_source_pos(const struct lint_source *src, uint32_t offset);
/* The text of 1-based line n without its line ending; *len receives its length. */
const char *lint_source_line(const struct lint_source *src, uint32_t n, size_t *len);

/* Shared text tests used by the loaders and rules. */
bool lint_is_valid_utf8(const char *s, size_t n);

#endif
