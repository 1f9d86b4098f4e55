/* util.c - allocation that never fails, diagnostics for the tool itself, strbuf. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int lint_io_errors;

static void __attribute__((noreturn)) oom(void)
{
	fputs("cwlint: fatal: out of memory\n", stderr);
	exit(3);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *lint_grow(void *arr, size_t esz, size_t want, size_t *alloc)
{
	size_t n;

	if (want <= *alloc)
		return arr;
	n = *alloc ? *alloc : 8;
	while (n < want) {
		if (n > ((size_t)-1) / 2 / esz)
			oom();
		n *= 2;
	}
	*alloc = n;
	return xrealloc(arr, n * esz);
}

static void vreport(const char *prefix, const char *fmt, va_list ap)
{
	char msg[4096];
	size_t i;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	fprintf(stderr, "cwlint: %s", prefix);
	/*
	 * Messages quote paths and config keys from the repository: in GitHub Actions a line
	 * break or a "##[" there would start a workflow command (same rule as output.c).
	 */
	for (i = 0; msg[i]; i++) {
		unsigned char c = (unsigned char)msg[i];

		if (c == '[' && i >= 2 && msg[i - 1] == '#' && msg[i - 2] == '#')
			fputs("\xef\xbc\xbb", stderr);
		else if ((c < ' ' && c != '\t') || c == 0x7f)
			putc('?', stderr);
		else
			putc(c, stderr);
	}
	putc('\n', stderr);
}

int error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("error: ", fmt, ap);
	va_end(ap);
	return -1;
}

void warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("warning: ", fmt, ap);
	va_end(ap);
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("fatal: ", fmt, ap);
	va_end(ap);
	exit(3);
}

void lint_bug(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "cwlint: BUG: %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

bool mem_starts_with(const char *s, size_t n, const char *prefix)
{
	size_t m = strlen(prefix);

	return n >= m && memcmp(s, prefix, m) == 0;
}

void strbuf_add(struct strbuf *sb, const char *s, size_t n)
{
	LINT_GROW(sb->buf, sb->len + n + 1, sb->alloc);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addch(struct strbuf *sb, int c)
{
	char ch = (char)c;

	strbuf_add(sb, &ch, 1);
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		BUG("bad format '%s'", fmt);
	LINT_GROW(sb->buf, sb->len + (size_t)n + 1, sb->alloc);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

char *strbuf_detach(struct strbuf *sb)
{
	char *s = sb->buf ? sb->buf : xstrdup("");

	sb->buf = NULL;
	sb->len = sb->alloc = 0;
	return s;
}

void strbuf_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->alloc = 0;
}

const char *strbuf_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

size_t js_comment_end(const char *s, size_t n, size_t i)
{
	const char *e;

	if (s[i + 1] == '/') {
		e = memchr(s + i, '\n', n - i);
		return e ? (size_t)(e - s) : n;
	}
	e = i + 2 <= n ? memmem(s + i + 2, n - i - 2, "*/", 2) : NULL;
	return e ? (size_t)(e - s) + 2 : n;
}
