/* test_kwscan.c - the word-presence scan against a plain memmem oracle. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "kwscan.h"

/* The words every rule could declare, from short to long, sharing prefixes on purpose. */
static const char *const words[] = {
	"use", "useAuth", "useAuthFromAuthKit", "@workos-inc/", "@workos-inc/authkit",
	"@workos-inc/authkit-nextjs", "sign-in", "signin", "login", "log", "withAuth", "client_",
	"process.env[", "= process.env", "ab", "abab", "x", "'use client'",
};

static void oracle(const char *buf, size_t len, struct kw_hits *want)
{
	size_t i;

	memset(want, 0, sizeof(*want));
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (memmem(buf, len, words[i], strlen(words[i])))
			kw_set(want, (unsigned)i);
}

/*
 * The code scan's meaning, line by line: a line whose first non-blank bytes open a comment
 * loses that comment (a block comment may run over lines; after it, the line is code).
 */
static void code_oracle(const char *buf, size_t len, struct kw_hits *want)
{
	char *code = malloc(len + 1);
	size_t p = 0, i;

	memcpy(code, buf, len);
	while (p < len) {
		size_t q = p;

		while (q < len && (buf[q] == ' ' || buf[q] == '\t'))
			q++;
		if (q + 1 < len && buf[q] == '/' && (buf[q + 1] == '/' || buf[q + 1] == '*')) {
			const char *e = buf[q + 1] == '/' ? memchr(buf + q, '\n', len - q)
							  : memmem(buf + q + 2, len - q - 2, "*/", 2);
			size_t end = !e ? len : buf[q + 1] == '/' ? (size_t)(e - buf) : (size_t)(e - buf) + 2;

			for (i = q; i < end; i++)
				code[i] = '\n';	/* no word spans it */
			p = end;
			if (p < len && buf[p] != '\n') {
				const char *nl = memchr(buf + p, '\n', len - p);

				p = nl ? (size_t)(nl - buf) + 1 : len;
			} else if (p < len) {
				p++;
			}
			continue;
		}
		{
			const char *nl = memchr(buf + q, '\n', len - q);

			p = nl ? (size_t)(nl - buf) + 1 : len;
		}
	}
	oracle(code, len, want);
	free(code);
}

/*
 * Pieces of the words (cut at random) up to cap - 40 bytes, a random printable byte after
 * one piece in sep, ending early with a chance of one in stop; returns the length.
 */
static size_t random_text(char *buf, size_t cap, unsigned *seed, unsigned sep, unsigned stop)
{
	const size_t n = sizeof(words) / sizeof(words[0]);
	size_t len = 0;

	while (len < cap - 40) {
		const char *w;
		size_t wl, cut;

		*seed = *seed * 1103515245u + 12345u;
		w = words[(*seed >> 8) % n];
		wl = strlen(w);
		cut = (*seed >> 20) % (wl + 1);
		memcpy(buf + len, w, cut);
		len += cut;
		if ((*seed >> 4) % sep == 0)
			buf[len++] = (char)(' ' + (*seed >> 12) % 90);
		if ((*seed >> 16) % stop == 0)
			break;
	}
	return len;
}

static int same(const struct kw_hits *a, const struct kw_hits *b)
{
	return !memcmp(a, b, sizeof(*a));
}

int main(void)
{
	const size_t n = sizeof(words) / sizeof(words[0]);
	struct kwset *ks = kwset_new(words, n);
	static const char *const cases[] = {
		"", "u", "us", "use", "useAuth", "xuseAuthFromAuthKit", "import x from '@workos-inc/authkit-nextjs';",
		"@workos-inc", "sign-i", "sign-in", "a sign-in at the end sign-in", "abab", "aba",
		"'use client';\nimport { useAuth } from \"@workos-inc/authkit-react\";",
		"clientclient_", "= process.env", "=process.env", "process.env[x]", "lo", "log",
	};
	char buf[512];
	struct kw_hits got, want;
	unsigned seed = 12345;
	size_t i, k, fails = 0;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		kwset_scan(ks, cases[i], strlen(cases[i]), &got);
		oracle(cases[i], strlen(cases[i]), &want);
		UNIT_OK(same(&got, &want), "kwscan: case '%s'", cases[i]);
	}
	/* a word that ends exactly at the buffer's end, with no NUL after it */
	memcpy(buf, "xx@workos-inc/", 14);
	kwset_scan(ks, buf, 14, &got);
	UNIT_OK(kw_has(&got, 3), "kwscan: a word at the very end of the buffer");
	kwset_scan(ks, buf, 13, &got);
	UNIT_OK(!kw_has(&got, 3), "kwscan: a word cut by the buffer's end is not found");

	/* random texts built from pieces of the words, checked against the oracle */
	for (k = 0; k < 20000; k++) {
		size_t len = random_text(buf, sizeof(buf), &seed, 3, 17);

		kwset_scan(ks, buf, len, &got);
		oracle(buf, len, &want);
		if (!same(&got, &want))
			fails++;
	}
	UNIT_OK(fails == 0, "kwscan: 20000 random texts agree with memmem (%zu differ)", fails);
	/*
	 * long texts are scanned in four parts side by side: words across every part's
	 * border and at the very end, on lengths around the smallest split
	 */
	{
		static char big[4100];
		size_t lens[] = { 1023, 1024, 1025, 1031, 2048, 4099 }, li, at;

		fails = 0;
		for (li = 0; li < sizeof(lens) / sizeof(lens[0]); li++) {
			size_t len = lens[li], q, back;

			for (k = 0; k < n; k++) {
				size_t wl = strlen(words[k]);

				/* starting at every offset around each part's border, and ending the text */
				for (q = 1; q <= 4; q++) {
					for (back = 0; back <= wl + 1; back++) {
						/* q == 4: the last part ends with the text */
						at = (q < 4 ? q * (len / 4) : len) - back;
						if (at + wl > len)
							continue;
						memset(big, '.', len);
						memcpy(big + at, words[k], wl);
						kwset_scan(ks, big, len, &got);
						oracle(big, len, &want);
						if (!same(&got, &want))
							fails++;
					}
				}
			}
		}
		UNIT_OK(fails == 0, "kwscan: words across the borders of a long text's parts (%zu differ)",
			fails);
		fails = 0;
		for (k = 0; k < 3000; k++) {
			size_t len = random_text(big, sizeof(big), &seed, 1, 701);

			kwset_scan(ks, big, len, &got);
			oracle(big, len, &want);
			if (!same(&got, &want))
				fails++;
		}
		UNIT_OK(fails == 0, "kwscan: 3000 random long texts agree with memmem (%zu differ)", fails);
	}
	UNIT_OK(kw_empty(&(struct kw_hits){ { 0 } }), "kw_empty on a cleared set");

	/* the code scan: comments that begin a line are left out, the rest is code */
	{
		static const struct { const char *text; int word; bool found; } code[] = {
			{ "// import { useAuth } from x\nconst a = 1;\n", 1, false },
			{ "  \t// useAuth\n", 1, false },
			{ "/* useAuth\n * withAuth */\n", 10, false },
			{ "/* a */ useAuth();\n", 1, true },
			{ "const u = 'https://x'; // useAuth\n", 1, true },
			{ "x();\n// withAuth\nuseAuth();", 1, true },
			{ "x();\n// withAuth\nuseAuth();", 10, false },
			{ "/* unclosed useAuth", 1, false },
			{ "//", 1, false },
			{ "/", 1, false },
			{ "useAuth", 1, true },
			{ "a\n  /** @see withAuth */ withAuth()", 10, true },
		};

		for (i = 0; i < sizeof(code) / sizeof(code[0]); i++) {
			kwset_scan_code(ks, code[i].text, strlen(code[i].text), &got);
			UNIT_OK(kw_has(&got, (unsigned)code[i].word) == code[i].found,
				"kwscan code: '%s' %s word %d", code[i].text,
				code[i].found ? "holds" : "does not hold", code[i].word);
		}
		/* random texts without a comment agree with the plain scan */
		seed = 777;
		for (k = 0, fails = 0; k < 2000; k++) {
			size_t len = 0;

			while (len < sizeof(buf) - 40) {
				const char *w;

				seed = seed * 1103515245u + 12345u;
				w = words[(seed >> 8) % n];
				memcpy(buf + len, w, strlen(w));
				len += strlen(w);
				buf[len++] = "\n x"[(seed >> 12) % 3];
				if ((seed >> 16) % 17 == 0)
					break;
			}
			kwset_scan_code(ks, buf, len, &got);
			kwset_scan(ks, buf, len, &want);
			if (!same(&got, &want))
				fails++;
		}
		UNIT_OK(fails == 0, "kwscan code: 2000 texts without comments agree with the plain scan "
			"(%zu differ)", fails);

		/* random texts of words, blanks, line ends and comment marks against the oracle */
		for (k = 0, fails = 0; k < 20000; k++) {
			static const char *const bits[] = {
				"//", "/*", "*/", "\n", " ", "\t", "/", "*", "\r\n", "a",
			};
			size_t len = 0;

			while (len < sizeof(buf) - 40) {
				const char *w;

				seed = seed * 1103515245u + 12345u;
				w = (seed >> 9) % 3 ? bits[(seed >> 12) % 10] : words[(seed >> 16) % n];
				memcpy(buf + len, w, strlen(w));
				len += strlen(w);
				if ((seed >> 20) % 29 == 0)
					break;
			}
			kwset_scan_code(ks, buf, len, &got);
			code_oracle(buf, len, &want);
			if (!same(&got, &want))
				fails++;
		}
		UNIT_OK(fails == 0, "kwscan code: 20000 texts with comments agree with the line-by-line "
			"oracle (%zu differ)", fails);
	}
	kwset_free(ks);
	UNIT_DONE();
}
