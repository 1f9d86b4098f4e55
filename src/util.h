/* util.h - allocation that never fails, git-style diagnostics for the tool itself. */
#ifndef CWLINT_UTIL_H
#define CWLINT_UTIL_H

#include <stddef.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Allocation: every x* function dies with "out of memory" rather than return NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A byte that can continue a JavaScript identifier, as far as ASCII goes (a-z A-Z 0-9 _ $). */
static inline bool ident_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '$';
}

/* Whether s is one of the strings of a NULL-ended list (NULL: none). */
static inline bool in_list(const char *s, const char *const *list)
{
	for (; list && *list; list++)
		if (!strcmp(s, *list))
			return true;
	return false;
}

/* FNV-1a of n bytes: the hash of the small name tables (eval.c, slice.c, lint.c). */
static inline uint32_t hash_bytes(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* qsort() order of uint32_t values. */
static inline int u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Grow *arr (element size esz) so it holds at least want elements; *alloc tracks capacity. */
void *lint_grow(void *arr, size_t esz, size_t want, size_t *alloc);
#define LINT_GROW(arr, want, alloc) ((arr) = lint_grow((arr), sizeof(*(arr)), (want), &(alloc)))

/*
 * Operational messages on stderr, git style: lowercase, no full stop, subject quoted.
 * error() prints "cwlint: error: ..." and returns -1; warning() prints "cwlint: warning: ...";
 * die() prints "cwlint: fatal: ..." and exits 3; BUG() aborts with file and line.
 */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void lint_bug(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4), noreturn));
#define BUG(...) lint_bug(__FILE__, __LINE__, __VA_ARGS__)

/* Count of error() calls that mean results may be incomplete (exit status 3). */
extern int lint_io_errors;

/* String helpers. */
bool starts_with(const char *s, const char *prefix);
bool ends_with(const char *s, const char *suffix);
bool mem_starts_with(const char *s, size_t n, const char *prefix);
/*
 * Where the JavaScript comment that starts at s[i] ("//" or "/" "*") ends: at the newline
 * of a line comment, after the closing "*" "/" of a block comment, or n when unclosed.
 */
size_t js_comment_end(const char *s, size_t n, size_t i);

/* A growable string buffer; buf is always NUL-terminated once anything is added. */
struct strbuf {
	char *buf;
	size_t len, alloc;
};
#define STRBUF_INIT { NULL, 0, 0 }
void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* Returns the buffer ("" if empty) and leaves sb empty; the caller frees the result. */
char *strbuf_detach(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
const char *strbuf_str(const struct strbuf *sb);

#endif
