/*
 * glob.c - path globs for the config file's `ignore`, `env` and `apps` keys: `*` (within a
 * segment), `**` (any number of segments), `?`, `[a-z]`/`[!a-z]` classes and `\` escapes.
 * A pattern without a slash matches the basename at any depth, as in .gitignore.
 */
#include <string.h>

#include "core.h"

static bool class_match(const char **pp, char c)
{
	const char *p = *pp + 1;
	bool neg = false, hit = false;

	if (*p == '!' || *p == '^') {
		neg = true;
		p++;
	}
	if (*p == ']') {
		hit = c == ']';
		p++;
	}
	for (; *p && *p != ']'; p++) {
		if (p[1] == '-' && p[2] && p[2] != ']') {
			if (c >= p[0] && c <= p[2])
				hit = true;
			p += 2;
		} else if (*p == c) {
			hit = true;
		}
	}
	if (!*p)
		return false;	/* an unclosed class matches nothing */
	*pp = p + 1;
	return hit != neg;
}

/* Matches pattern p against string s; `*` never crosses '/'. Iterative with one backtrack
 * point per star, so hostile patterns stay linear-ish. */
static bool match_segmentwise(const char *p, const char *s)
{
	const char *star_p = NULL, *star_s = NULL;

	for (;;) {
		if (p[0] == '*' && p[1] == '*' && (p[2] == '/' || !p[2])) {
			/* a "**" segment: any number of whole segments */
			const char *rest = p[2] ? p + 3 : p + 2;

			if (!*rest)
				return true;
			for (const char *t = s;; t++) {
				if ((t == s || t[-1] == '/') && match_segmentwise(rest, t))
					return true;
				if (!*t)
					return false;
			}
		}
		if (*p == '*') {
			star_p = ++p;
			star_s = s;
			continue;
		}
		if (!*s)
			return !*p;
		if (*p == '?' && *s != '/') {
			p++;
			s++;
			continue;
		}
		if (*p == '[' && *s != '/') {
			const char *q = p;

			if (class_match(&q, *s)) {
				p = q;
				s++;
				continue;
			}
		} else if (*p == '\\' && p[1] && p[1] == *s) {
			p += 2;
			s++;
			continue;
		} else if (*p && *p != '?' && *p != '[' && *p == *s) {
			p++;
			s++;
			continue;
		}
		/* mismatch: let the last star eat one more character, never a '/' */
		if (star_p && *star_s && *star_s != '/') {
			p = star_p;
			s = ++star_s;
			continue;
		}
		return false;
	}
}

bool lint_glob_match(const char *pattern, const char *path)
{
	const char *base;

	if (pattern[0] == '/')
		return match_segmentwise(pattern + 1, path);
	if (!strchr(pattern, '/')) {
		base = strrchr(path, '/');
		return match_segmentwise(pattern, base ? base + 1 : path);
	}
	/* a trailing slash means "this folder and everything in it" */
	if (pattern[strlen(pattern) - 1] == '/') {
		size_t n = strlen(pattern);
		char buf[4096];

		if (n + 3 > sizeof(buf))
			return false;
		memcpy(buf, pattern, n);
		memcpy(buf + n, "**", 3);
		return match_segmentwise(buf, path);
	}
	return match_segmentwise(pattern, path);
}
