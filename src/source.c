/* source.c - load a file with limits, index its lines, map offsets to positions. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source.h"
#include "arena.h"
#include "util.h"

bool lint_is_valid_utf8(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t k;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			k = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			k = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			k = 3, cp = c & 0x07;
		else
			return false;
		if (n - i <= k)
			return false;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		/* overlong forms, surrogates and values past U+10FFFF */
		if ((k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += k + 1;
	}
	return true;
}

static void index_lines(struct arena *a, struct lint_source *src)
{
	size_t i, n = 1;
	uint32_t *lines;
	unsigned char high = 0;

	for (i = 0; i < src->len; i++) {
		char c = src->buf[i];

		high |= (unsigned char)c;
		if (c == '\n' || (c == '\r' && (i + 1 >= src->len || src->buf[i + 1] != '\n')))
			n++;
	}
	src->ascii = !(high & 0x80);
	lines = ARENA_ARRAY(a, uint32_t, n);
	n = 1;
	for (i = 0; i < src->len; i++) {
		char c = src->buf[i];

		if (c == '\n' || (c == '\r' && (i + 1 >= src->len || src->buf[i + 1] != '\n')))
			lines[n++] = (uint32_t)(i + 1);
	}
	src->lines = lines;
	src->nlines = (uint32_t)n;
}

void lint_source_from_mem(struct arena *a, struct lint_source *src, const char *display,
			  const char *abspath, const char *buf, size_t len)
{
	memset(src, 0, sizeof(*src));
	src->path = arena_strdup(a, display);
	src->abspath = arena_strdup(a, abspath ? abspath : display);
	src->buf = arena_strndup(a, buf, len);
	src->len = len;
	src->arena = a;
}

enum lint_load_status lint_read_file(struct arena *a, const char *display, const char *abspath,
				     size_t max_size, char **buf, size_t *cap, size_t *len,
				     const char **msg)
{
	enum lint_load_status ret = LOAD_ERROR;
	struct stat st;
	size_t want;
	int fd;

	*len = 0;
	/* O_NONBLOCK so a FIFO named like a source file cannot hang the run */
	fd = open(abspath, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		int err = errno;

		/* the callers saw the file a moment ago: say so when the name itself is gone
		 * (not for a link to a missing file, which lstat still finds) */
		if (err == ENOENT && lstat(abspath, &st) != 0 && errno == ENOENT)
			*msg = arena_printf(a, "'%s': vanished while cwlint ran (deleted or moved "
					    "after it was listed)", display);
		else
			*msg = arena_printf(a, "cannot open '%s': %s", display, strerror(err));
		return LOAD_ERROR;
	}
	if (fstat(fd, &st) < 0) {
		*msg = arena_printf(a, "cannot stat '%s': %s", display, strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		*msg = arena_printf(a, "'%s' is not a regular file", display);
		goto out;
	}
	if (max_size && (size_t)st.st_size > max_size) {
		*msg = arena_printf(a, "'%s' is larger than %zu bytes (raise --max-file-size to lint it)",
				    display, max_size);
		ret = LOAD_TOO_LARGE;
		goto out;
	}
	want = (size_t)st.st_size;
	if (!*buf || *cap < want + 1) {
		free(*buf);
		*cap = want + 1 > 4096 ? want + 1 : 4096;
		*buf = xmalloc(*cap);
	}
	while (*len < want) {
		ssize_t r = read(fd, *buf + *len, want - *len);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*msg = arena_printf(a, "cannot read '%s': %s", display, strerror(errno));
			goto out;
		}
		if (r == 0)
			break;	/* the file shrank while we read it */
		*len += (size_t)r;
	}
	(*buf)[*len] = '\0';
	if (memchr(*buf, '\0', *len)) {
		*msg = arena_printf(a, "'%s' looks binary (it holds NUL bytes)", display);
		ret = LOAD_BINARY;
		goto out;
	}
	ret = LOAD_OK;
out:
	close(fd);
	return ret;
}

enum lint_load_status lint_source_load(struct arena *a, struct lint_source *src,
				       const char *display, const char *abspath,
				       size_t max_size, const char **msg)
{
	enum lint_load_status ret;
	char *buf = NULL;
	size_t cap = 0, len = 0;

	ret = lint_read_file(a, display, abspath, max_size, &buf, &cap, &len, msg);
	if (ret == LOAD_OK) {
		lint_source_from_mem(a, src, display, abspath, buf, len);
	} else {
		memset(src, 0, sizeof(*src));
		src->path = arena_strdup(a, display);
		src->abspath = arena_strdup(a, abspath);
	}
	free(buf);
	return ret;
}

/* Builds the line index the first time a position is asked for (one thread per file). */
static void need_lines(const struct lint_source *csrc)
{
	struct lint_source *src = (struct lint_source *)csrc;

	if (!src->lines && src->buf && src->arena)
		index_lines(src->arena, src);
}

uint32_t lint_source_nlines(const struct lint_source *src)
{
	need_lines(src);
	return src->nlines;
}

struct lint_pos lint_source_pos(const struct lint_source *src, uint32_t offset)
{
	struct lint_pos pos = { 1, 1 };
	uint32_t lo = 0, hi, i, col = 1;

	need_lines(src);
	if (!src->lines || !src->nlines)
		return pos;
	if (offset > src->len)
		offset = (uint32_t)src->len;
	hi = src->nlines - 1;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo + 1) / 2;

		if (src->lines[mid] <= offset)
			lo = mid;
		else
			hi = mid - 1;
	}
	/* many findings on one long line would otherwise cost the line each */
	if (src->ascii)
		col += offset - src->lines[lo];
	else
		for (i = src->lines[lo]; i < offset; i++)
			if (((unsigned char)src->buf[i] & 0xC0) != 0x80)
				col++;
	pos.line = lo + 1;
	pos.col = col;
	return pos;
}

const char *lint_source_line(const struct lint_source *src, uint32_t n, size_t *len)
{
	uint32_t s, e;

	need_lines(src);
	if (!src->nlines || n < 1 || n > src->nlines) {
		*len = 0;
		return "";
	}
	s = src->lines[n - 1];
	e = n < src->nlines ? src->lines[n] : (uint32_t)src->len;
	while (e > s && (src->buf[e - 1] == '\n' || src->buf[e - 1] == '\r'))
		e--;
	*len = e - s;
	return src->buf + s;
}
