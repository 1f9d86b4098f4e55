/* paths.c - lexical path normalisation and cwd-relative display paths (no symlink resolution). */
#include <string.h>
#include <stdlib.h>

#include "core.h"

char *lint_abspath(const char *cwd, const char *path)
{
	struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;
	const char *p;

	if (path[0] != '/') {
		strbuf_adds(&in, cwd);
		strbuf_addch(&in, '/');
	}
	strbuf_adds(&in, path);
	p = strbuf_str(&in);
	while (*p) {
		const char *e;
		size_t n;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		e = strchr(p, '/');
		n = e ? (size_t)(e - p) : strlen(p);
		if (n == 1 && p[0] == '.') {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			char *slash = out.buf ? strrchr(out.buf, '/') : NULL;

			if (slash) {
				out.len = (size_t)(slash - out.buf);
				out.buf[out.len] = '\0';
			}
		} else {
			strbuf_addch(&out, '/');
			strbuf_add(&out, p, n);
		}
		p += n;
	}
	if (!out.len)
		strbuf_addch(&out, '/');
	strbuf_release(&in);
	return strbuf_detach(&out);
}

char *lint_display_path(const char *cwd, const char *abs)
{
	struct strbuf sb = STRBUF_INIT;
	size_t common = 0, i;
	const char *rest;

	if (!strcmp(cwd, abs))
		return xstrdup(".");
	if (!strcmp(cwd, "/"))
		return xstrdup(abs + 1);
	/* the longest common prefix that ends on a component boundary */
	for (i = 0; cwd[i] && cwd[i] == abs[i]; i++)
		if (cwd[i] == '/')
			common = i;
	if (!cwd[i] && (abs[i] == '/' || !abs[i]))
		common = i;
	rest = cwd + common;
	while (*rest) {
		if (*rest == '/') {
			strbuf_adds(&sb, sb.len ? "/.." : "..");
		}
		rest++;
	}
	if (abs[common] == '/' && abs[common + 1]) {
		if (sb.len)
			strbuf_addch(&sb, '/');
		strbuf_adds(&sb, abs + common + 1);
	}
	if (!sb.len)
		strbuf_addch(&sb, '.');
	return strbuf_detach(&sb);
}
