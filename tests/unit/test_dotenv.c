/* test_dotenv.c - the .env dialect: values checked against dotenv 16.6.1 / 17.4.2 parse(). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "dotenv.h"
#include "arena.h"

struct want_entry {
	const char *key;
	const char *value;		/* NULL ends the list */
	char quote;
	int exported;
	unsigned line;
	size_t vlen;			/* 0: strlen(value) */
};

struct want_error {
	const char *msg;		/* NULL ends the list */
	unsigned line;
};

struct pcase {
	const char *name;
	const char *src;
	size_t len;			/* 0: strlen(src) */
	struct want_entry e[4];
	struct want_error err[4];
};

#define DQ '"'
#define SQ '\''
#define BQ '`'

/*
 * Every value below is what dotenv.parse() returned for the same bytes (see
 * dotenv-cases.md); quote, export flag, line and errors are cwlint's own.
 */
static const struct pcase cases[] = {
	{ "export prefix", "export A=1\n", 0, { { "A", "1", 0, 1, 1 } }, { { 0 } } },
	{ "spaces around =", "A = 1\n", 0, { { "A", "1", 0, 0, 1 } }, { { 0 } } },
	{ "unquoted value is trimmed", "A=  spaced  \n", 0, { { "A", "spaced", 0, 0, 1 } }, { { 0 } } },
	{ "KEY: value is accepted", "A: colon\n", 0, { { "A", "colon", 0, 0, 1 } }, { { 0 } } },
	{ "KEY:value is not", "A:nospace\n", 0, { { 0 } }, { { "missing space after ':'", 1 } } },
	{ "KEY :value is not", "A :x\n", 0, { { 0 } }, { { "missing '=' after key", 1 } } },
	{ "KEY= is empty", "A=\n", 0, { { "A", "", 0, 0, 1 } }, { { 0 } } },
	{ "KEY=\"\" is empty and quoted", "A=\"\"\n", 0, { { "A", "", DQ, 0, 1 } }, { { 0 } } },
	{ "single quotes", "A='single'\n", 0, { { "A", "single", SQ, 0, 1 } }, { { 0 } } },
	{ "backticks", "A=`back`\n", 0, { { "A", "back", BQ, 0, 1 } }, { { 0 } } },
	{ "single quote inside double", "A=\"it's\"\n", 0, { { "A", "it's", DQ, 0, 1 } }, { { 0 } } },
	{ "double quotes inside single", "A='say \"hi\"'\n", 0,
	  { { "A", "say \"hi\"", SQ, 0, 1 } }, { { 0 } } },
	{ "multi-line double-quoted", "A=\"l1\nl2\"\nB=2\n", 0,
	  { { "A", "l1\nl2", DQ, 0, 1 }, { "B", "2", 0, 0, 3 } }, { { 0 } } },
	{ "multi-line single-quoted", "A='l1\nl2'\n", 0, { { "A", "l1\nl2", SQ, 0, 1 } }, { { 0 } } },
	{ "multi-line backtick", "A=`l1\nl2`\n", 0, { { "A", "l1\nl2", BQ, 0, 1 } }, { { 0 } } },
	{ "escaped double quote keeps its backslash", "A=\"a\\\"b\"\n", 0,
	  { { "A", "a\\\"b", DQ, 0, 1 } }, { { 0 } } },
	{ "escaped single quote keeps its backslash", "A='a\\'b'\n", 0,
	  { { "A", "a\\'b", SQ, 0, 1 } }, { { 0 } } },
	{ "double quotes: only \\n and \\r are escapes", "A=\"x\\ny\\tz\\\\n\\r\"\n", 0,
	  { { "A", "x\ny\\tz\\\n\r", DQ, 0, 1 } }, { { 0 } } },
	{ "single quotes: \\n stays", "A='x\\ny'\n", 0, { { "A", "x\\ny", SQ, 0, 1 } }, { { 0 } } },
	{ "inline comment after a blank", "A=abc #c\n", 0, { { "A", "abc", 0, 0, 1 } }, { { 0 } } },
	{ "# inside quotes", "A=\"a#b\" # c\n", 0, { { "A", "a#b", DQ, 0, 1 } }, { { 0 } } },
	{ "# without a blank still cuts", "A=abc#def\n", 0, { { "A", "abc", 0, 0, 1 } }, { { 0 } } },
	{ "trailing blanks", "A=abc\t \n", 0, { { "A", "abc", 0, 0, 1 } }, { { 0 } } },
	{ "CRLF", "A=1\r\nB=2\r\n", 0, { { "A", "1", 0, 0, 1 }, { "B", "2", 0, 0, 2 } }, { { 0 } } },
	{ "lone CR", "A=1\rB=2\r", 0, { { "A", "1", 0, 0, 1 }, { "B", "2", 0, 0, 2 } }, { { 0 } } },
	{ "BOM", "\xef\xbb\xbf" "A=1\n", 0, { { "A", "1", 0, 0, 1 } }, { { 0 } } },
	{ "unterminated double quote keeps the quote", "A=\"abc\nB=2\n", 0,
	  { { "A", "\"abc", 0, 0, 1 }, { "B", "2", 0, 0, 2 } },
	  { { "unterminated double-quoted value", 1 } } },
	{ "unterminated single quote", "A='abc\n", 0, { { "A", "'abc", 0, 0, 1 } },
	  { { "unterminated single-quoted value", 1 } } },
	{ "unterminated backtick", "A=`abc\n", 0, { { "A", "`abc", 0, 0, 1 } },
	  { { "unterminated backtick-quoted value", 1 } } },
	{ "unterminated double quote, quoted line after", "A=\"unterminated\nB=\"x\"\n", 0,
	  { { "A", "\"unterminated", 0, 0, 1 }, { "B", "x", DQ, 0, 2 } },
	  { { "unterminated double-quoted value", 1 } } },
	{ "lone double quote", "A=\"\n", 0, { { "A", "\"", 0, 0, 1 } },
	  { { "unterminated double-quoted value", 1 } } },
	{ "dash, digit and dot keys are accepted", "MY-KEY=1\n1KEY=2\nmy.key=3\n", 0,
	  { { "MY-KEY", "1", 0, 0, 1 }, { "1KEY", "2", 0, 0, 2 }, { "my.key", "3", 0, 0, 3 } },
	  { { 0 } } },
	{ "blank inside key", "MY KEY=1\n", 0, { { 0 } }, { { "invalid character in key", 1 } } },
	{ "keys dotenv skips", "$A=1\nA$=2\n\"Q\"=3\n\xd0\xba\xd0\xbb=4\n", 0, { { 0 } },
	  { { "invalid character in key", 1 }, { "invalid character in key", 2 },
	    { "invalid character in key", 3 }, { "invalid character in key", 4 } } },
	{ "no key before =", "=value\n", 0, { { 0 } }, { { "missing key before '='", 1 } } },
	{ "words without =", "just some words\n", 0, { { 0 } }, { { "missing '=' after key", 1 } } },
	{ "not a key at all", "+\n", 0, { { 0 } }, { { "not a KEY=value line", 1 } } },
	{ "export without =", "export A\n", 0, { { 0 } }, { { "missing '=' after key", 1 } } },
	{ "blank and comment lines", "\n   \n# comment\n  # indented\nA=1\n", 0,
	  { { "A", "1", 0, 0, 5 } }, { { 0 } } },
	{ "duplicates kept in order", "A=1\nA=2\n", 0,
	  { { "A", "1", 0, 0, 1 }, { "A", "2", 0, 0, 2 } }, { { 0 } } },
	{ "text after the closing quote", "A=\"abc\" extra\n", 0,
	  { { "A", "\"abc\" extra", 0, 0, 1 } }, { { "unexpected text after the closing quote", 1 } } },
	{ "two quoted parts", "A=\"x\"'y'\n", 0, { { "A", "\"x\"'y'", 0, 0, 1 } },
	  { { "unexpected text after the closing quote", 1 } } },
	{ "apostrophe in single quotes still strips", "A='It's here'\n", 0,
	  { { "A", "It's here", SQ, 0, 1 } }, { { 0 } } },
	{ "inner quote, outer pair stripped", "A='x'y'\n", 0, { { "A", "x'y", SQ, 0, 1 } }, { { 0 } } },
	{ "doubled quotes lose one pair", "A=\"\"x\"\"\n", 0, { { "A", "\"x\"", DQ, 0, 1 } }, { { 0 } } },
	{ "escaped quote closes when nothing else does", "A=\"x\\\"\n", 0,
	  { { "A", "x\\", DQ, 0, 1 } }, { { 0 } } },
	{ "escaped quote closes a multi-line value", "A=\"a\nb\\\"\nC=1\n", 0,
	  { { "A", "a\nb\\", DQ, 0, 1 }, { "C", "1", 0, 0, 3 } }, { { 0 } } },
	{ "\\\\ then the closing quote", "A=\"a\\\\\"\n", 0, { { "A", "a\\\\", DQ, 0, 1 } }, { { 0 } } },
	{ "escaped quote mid-value", "A=\"first\\\" still\"\n", 0,
	  { { "A", "first\\\" still", DQ, 0, 1 } }, { { 0 } } },
	{ "KEY= takes a quoted value from the next line", "A=\n\"next\"\n", 0,
	  { { "A", "next", DQ, 0, 1 } }, { { "value starts on the line after its key", 2 } } },
	{ "KEY: takes the next line", "A:\nB=1\n", 0, { { "A", "B=1", 0, 0, 1 } },
	  { { "value starts on the line after its key", 2 } } },
	{ "= on the next line", "A\n=1\n", 0, { { "A", "1", 0, 0, 1 } },
	  { { "value starts on the line after its key", 2 } } },
	{ "export on its own line", "export\nB=1\n", 0, { { "B", "1", 0, 1, 2 } }, { { 0 } } },
	{ "no trailing newline", "A=1", 0, { { "A", "1", 0, 0, 1 } }, { { 0 } } },
	{ "NUL and invalid UTF-8 in a value", "A=\0b\xff" "c\n", 7,
	  { { "A", "\0b\xff" "c", 0, 0, 1, 4 } }, { { 0 } } },
	{ "comment right after =", "A= #c\nB=#c\n", 0,
	  { { "A", "", 0, 0, 1 }, { "B", "", 0, 0, 2 } }, { { 0 } } },
	{ "indented keys", "  A=1\n\tB=2\n", 0,
	  { { "A", "1", 0, 0, 1 }, { "B", "2", 0, 0, 2 } }, { { 0 } } },
	{ "comment with a quote after a quoted value", "A=\"x\" #c \"y\"\n", 0,
	  { { "A", "x", DQ, 0, 1 } }, { { 0 } } },
	{ "quoted value swallows the next line", "A=\"abc\nB=\"\n", 0,
	  { { "A", "abc\nB=", DQ, 0, 1 } }, { { 0 } } },
	{ "NBSP is a blank", "A=\xc2\xa0nbsp\xc2\xa0\n", 0, { { "A", "nbsp", 0, 0, 1 } }, { { 0 } } },
	{ "key named export", "export =1\n", 0, { { "export", "1", 0, 0, 1 } }, { { 0 } } },
	{ "exportB is a key", "exportB=2\nexport  C = 3 \n", 0,
	  { { "exportB", "2", 0, 0, 1 }, { "C", "3", 0, 1, 2 } }, { { 0 } } },
	{ "CRLF inside a quoted value", "A=\"multi\r\nline\"\n", 0,
	  { { "A", "multi\nline", DQ, 0, 1 } }, { { 0 } } },
	{ "= inside the value", "A=x=y=z\n", 0, { { "A", "x=y=z", 0, 0, 1 } }, { { 0 } } },
	{ "inner blanks kept in quotes", "A=\" padded \"\n", 0,
	  { { "A", " padded ", DQ, 0, 1 } }, { { 0 } } },
	{ "\\$ is left for expansion", "K=a\\$b\n", 0, { { "K", "a\\$b", 0, 0, 1 } }, { { 0 } } },
	{ "blanks inside an unquoted value", "A=1 2 3\n", 0, { { "A", "1 2 3", 0, 0, 1 } }, { { 0 } } },
	{ "good line after a bad one", "oops\nA=1\n", 0, { { "A", "1", 0, 0, 2 } },
	  { { "missing '=' after key", 1 } } },
};

/* The case's bytes in a buffer of exactly len bytes, so ASan sees any read past the end. */
static char *exact_copy(const char *src, size_t len)
{
	char *b = malloc(len ? len : 1);

	memcpy(b, src, len);
	return b;
}

static void run_case(const struct pcase *c)
{
	struct arena a = ARENA_INIT;
	struct dotenv_file f;
	size_t len = c->len ? c->len : strlen(c->src);
	char *buf = exact_copy(c->src, len);
	size_t ne = 0, nerr = 0, i;

	while (ne < 4 && c->e[ne].value)
		ne++;
	while (nerr < 4 && c->err[nerr].msg)
		nerr++;
	dotenv_parse(&a, buf, len, &f);
	UNIT_OK(f.nentries == ne, "%s: %zu entries (got %zu)", c->name, ne, f.nentries);
	for (i = 0; i < ne && i < f.nentries; i++) {
		const struct want_entry *w = &c->e[i];
		const struct dotenv_entry *e = &f.entries[i];
		size_t wlen = w->vlen ? w->vlen : strlen(w->value);

		UNIT_STREQ(e->key, w->key, "%s: key %zu", c->name, i);
		UNIT_OK(e->value_len == wlen && !memcmp(e->value, w->value, wlen),
			"%s: value of %s", c->name, w->key);
		UNIT_OK(e->quote == w->quote, "%s: quote of %s is '%c' (got '%c')", c->name, w->key,
			w->quote ? w->quote : '0', e->quote ? e->quote : '0');
		UNIT_OK(e->exported == !!w->exported, "%s: export flag of %s", c->name, w->key);
		UNIT_OK(e->line == w->line, "%s: %s on line %u (got %u)", c->name, w->key, w->line,
			e->line);
		UNIT_OK(e->expanded == e->value, "%s: expanded starts as value", c->name);
		UNIT_OK(e->key_start < e->key_end && e->key_end <= e->value_start &&
			e->value_start <= e->value_end && e->value_end <= len && e->start <= e->key_start,
			"%s: ranges of %s are ordered", c->name, w->key);
	}
	UNIT_OK(f.nerrors == nerr, "%s: %zu errors (got %zu%s%s)", c->name, nerr, f.nerrors,
		f.nerrors ? ": " : "", f.nerrors ? f.errors[0].msg : "");
	for (i = 0; i < nerr && i < f.nerrors; i++) {
		UNIT_STREQ(f.errors[i].msg, c->err[i].msg, "%s: error %zu", c->name, i);
		UNIT_OK(f.errors[i].line == c->err[i].line, "%s: error %zu on line %u (got %u)",
			c->name, i, c->err[i].line, f.errors[i].line);
		UNIT_OK(f.errors[i].start <= f.errors[i].end && f.errors[i].end <= len,
			"%s: error %zu range inside the input", c->name, i);
	}
	arena_release(&a);
	free(buf);
}

static void test_ranges(void)
{
	static const char src[] = "export A=\"x y\" # c\n  B = 'q'\nC=plain  \n";
	struct arena a = ARENA_INIT;
	struct dotenv_file f;
	const struct dotenv_entry *e;

	dotenv_parse(&a, src, sizeof(src) - 1, &f);
	UNIT_OK(f.nentries == 3, "ranges: 3 entries");
	if (f.nentries != 3)
		goto out;
	e = &f.entries[0];
	UNIT_OK(e->start == 0 && e->key_start == 7 && e->key_end == 8, "ranges: export A key");
	UNIT_OK(e->value_start == 9 && e->value_end == 14 && e->end == 14,
		"ranges: A's raw value includes its quotes");
	e = &f.entries[1];
	UNIT_OK(e->start == 21 && e->key_start == 21 && e->key_end == 22, "ranges: indented B key");
	UNIT_OK(e->value_start == 25 && e->value_end == 28, "ranges: B value 'q'");
	e = &f.entries[2];
	UNIT_OK(e->value_start == 31 && e->value_end == 36 && e->end == 36,
		"ranges: C value stops before trailing blanks");
out:
	arena_release(&a);
}

/* Found by fuzzing (tests/fuzz/fuzz_dotenv.c): an empty value after blanks lay past the entry. */
static void test_empty_value_ranges(void)
{
	static const char src[] = "A=\t\nB=   # c\nC=";
	struct arena a = ARENA_INIT;
	struct dotenv_file f;
	size_t i;

	dotenv_parse(&a, src, sizeof(src) - 1, &f);
	UNIT_OK(f.nentries == 3, "empty value ranges: 3 entries");
	for (i = 0; i < f.nentries; i++) {
		const struct dotenv_entry *e = &f.entries[i];

		UNIT_OK(e->value_start == e->key_end + 1 && e->value_end == e->value_start &&
			e->end == e->value_end && !*e->value,
			"empty value ranges: %s's empty value sits right after '=' (value %u-%u, end %u)",
			e->key, e->value_start, e->value_end, e->end);
	}
	arena_release(&a);
}

static void test_error_ranges(void)
{
	static const char src[] = "A=1\nMY KEY=2\nB=\"open\n";
	struct arena a = ARENA_INIT;
	struct dotenv_file f;

	dotenv_parse(&a, src, sizeof(src) - 1, &f);
	UNIT_OK(f.nerrors == 2, "error ranges: 2 errors");
	if (f.nerrors == 2) {
		UNIT_OK(f.errors[0].start == 4 && f.errors[0].end == 10,
			"error ranges: bad key underlined up to '='");
		UNIT_OK(f.errors[1].start == 15 && f.errors[1].end == 20,
			"error ranges: unterminated value from its quote");
	}
	arena_release(&a);
}

static void test_comments(void)
{
	static const char src[] = "#plain\n\t#   cwlint-ignore short-cookie-password: fixture  \r\n"
				  "A=1 # inline, not recorded\nB=\"x\n# inside a value\"\n#\n";
	struct arena a = ARENA_INIT;
	struct dotenv_file f;
	char text[64];
	size_t n;

	dotenv_parse(&a, src, sizeof(src) - 1, &f);
	UNIT_OK(f.ncomments == 3, "comments: 3 own-line comments (got %zu)", f.ncomments);
	if (f.ncomments == 3) {
		n = f.comments[0].end - f.comments[0].start;
		memcpy(text, src + f.comments[0].start, n);
		text[n] = '\0';
		UNIT_STREQ(text, "plain", "comments: first text");
		UNIT_OK(f.comments[0].line == 1, "comments: first on line 1");
		n = f.comments[1].end - f.comments[1].start;
		memcpy(text, src + f.comments[1].start, n);
		text[n] = '\0';
		UNIT_STREQ(text, "cwlint-ignore short-cookie-password: fixture",
			   "comments: suppression text without blanks or CR");
		UNIT_OK(f.comments[1].line == 2, "comments: second on line 2");
		UNIT_OK(f.comments[2].line == 6 && f.comments[2].start == f.comments[2].end,
			"comments: bare # on line 6 is empty");
	}
	UNIT_OK(f.nentries == 2 && !strcmp(f.entries[1].value, "x\n# inside a value"),
		"comments: '#' line inside a quoted value is value");
	arena_release(&a);
}

static void test_get(void)
{
	static const char src[] = "A=1\nB=x\nA=2\n";
	struct arena a = ARENA_INIT;
	struct dotenv_file f;
	const struct dotenv_entry *e;

	dotenv_parse(&a, src, sizeof(src) - 1, &f);
	e = dotenv_get(&f, "A");
	UNIT_STREQ(e ? e->value : NULL, "2", "get: last duplicate wins");
	UNIT_OK(e && e->line == 3, "get: it is the one on line 3");
	UNIT_OK(dotenv_get(&f, "Z") == NULL, "get: missing key is NULL");
	UNIT_OK(dotenv_get(&f, "") == NULL, "get: empty key is NULL");
	arena_release(&a);
}

static const char *xval(const struct dotenv_file *f, const char *key)
{
	const struct dotenv_entry *e = dotenv_get(f, key);

	return e ? e->expanded : NULL;
}

static void test_expand(void)
{
	/* files[0] is .env.local, files[1] is .env */
	static const char local[] =
		"URL=${HOST}/cb\nSECRET=local\nPASS='p$SECRET'\nCHAIN=$R1\n";
	static const char base[] =
		"HOST=http://localhost:3000\nREF=$SECRET\nSECRET=base\n"
		"DEF=${MISSING:-fallback}\nDEF2=${MISSING-fb2}\nEMPTY=\nE1=${EMPTY:-d}\nE2=${EMPTY-d}\n"
		"PLUS=${HOST:+set}\nPLUS2=${MISSING:+set}\nESC=\\$HOST\nESC2=\\${HOST}\n"
		"NEST=${MISSING:-${SECRET}}\nUNK=a${MISSING}b$MISSING\nBRACE=${HOST}x\n"
		"NAME=$HOST_X|$HOST.x\nLONE=a$ $1 ${}\nR1=$R2\nR2=deep\n"
		"CYA=${CYB}\nCYB=x${CYA}\nSELF=a$SELF\nLIT=\\$LIT\nUSELIT=$LIT\n"
		"LATE=$DUP\nDUP=first\nDUP=second\n";
	struct arena a = ARENA_INIT;
	struct dotenv_file fl, fb;
	struct dotenv_file *files[2] = { &fl, &fb };

	dotenv_parse(&a, local, sizeof(local) - 1, &fl);
	dotenv_parse(&a, base, sizeof(base) - 1, &fb);
	dotenv_expand(&a, files, 2);
	UNIT_STREQ(xval(&fl, "URL"), "http://localhost:3000/cb", "expand: reference into a lower file");
	UNIT_STREQ(xval(&fl, "PASS"), "plocal", "expand: single-quoted values expand too");
	UNIT_STREQ(dotenv_get(&fl, "PASS")->value, "p$SECRET", "expand: value stays unexpanded");
	UNIT_STREQ(xval(&fl, "CHAIN"), "deep", "expand: chain through another file");
	UNIT_STREQ(xval(&fb, "REF"), "local", "expand: higher file wins for $SECRET");
	UNIT_STREQ(xval(&fb, "SECRET"), "base", "expand: overridden entry keeps its own value");
	UNIT_STREQ(xval(&fb, "DEF"), "fallback", "expand: ${MISSING:-d}");
	UNIT_STREQ(xval(&fb, "DEF2"), "fb2", "expand: ${MISSING-d}");
	UNIT_STREQ(xval(&fb, "E1"), "d", "expand: ${EMPTY:-d}");
	UNIT_STREQ(xval(&fb, "E2"), "d", "expand: ${EMPTY-d} is d in dotenv-expand too");
	UNIT_STREQ(xval(&fb, "PLUS"), "set", "expand: ${SET:+x}");
	UNIT_STREQ(xval(&fb, "PLUS2"), "", "expand: ${UNSET:+x}");
	UNIT_STREQ(xval(&fb, "ESC"), "$HOST", "expand: \\$ is a literal $");
	UNIT_STREQ(xval(&fb, "ESC2"), "${HOST}", "expand: \\${...} is literal");
	UNIT_STREQ(xval(&fb, "NEST"), "local", "expand: nested default");
	UNIT_STREQ(xval(&fb, "UNK"), "ab", "expand: unknown names are empty");
	UNIT_STREQ(xval(&fb, "BRACE"), "http://localhost:3000x", "expand: ${X}text");
	UNIT_STREQ(xval(&fb, "NAME"), "|http://localhost:3000.x", "expand: $NAME is [A-Za-z0-9_]+");
	UNIT_STREQ(xval(&fb, "LONE"), "a$ $1 ${}", "expand: $ without a name stays");
	UNIT_STREQ(xval(&fb, "R1"), "deep", "expand: forward reference");
	UNIT_STREQ(xval(&fb, "CYA"), "x", "expand: cycle A->B->A is cut at A");
	UNIT_STREQ(xval(&fb, "CYB"), "x", "expand: cycle partner");
	UNIT_STREQ(xval(&fb, "SELF"), "a", "expand: self reference is empty");
	UNIT_STREQ(xval(&fb, "LIT"), "$LIT", "expand: escaped self name");
	UNIT_STREQ(xval(&fb, "USELIT"), "", "expand: a $ left in a referenced value expands again");
	UNIT_STREQ(xval(&fb, "LATE"), "second", "expand: last duplicate wins inside a file");
	UNIT_STREQ(fb.entries[fb.nentries - 2].expanded, "first", "expand: earlier duplicate is set");

	/* Next.js expands file by file: .env.local cannot see HOST from .env */
	dotenv_expand_next(&a, files, 2);
	UNIT_STREQ(xval(&fl, "URL"), "/cb", "expand next: lower file is invisible to a higher one");
	UNIT_STREQ(xval(&fb, "REF"), "local", "expand next: higher file still wins");
	UNIT_STREQ(xval(&fl, "CHAIN"), "", "expand next: chain into .env is empty");
	arena_release(&a);
}

static void test_expand_caps(void)
{
	struct arena a = ARENA_INIT;
	char *src = malloc(64 * 40), *p = src;
	struct dotenv_file f, *files[1] = { &f };
	const char *v;
	int i;

	/* each level doubles: A17 is exactly 1 MiB, A18 would be 2 MiB */
	p += sprintf(p, "A0=xxxxxxxx\n");
	for (i = 1; i <= 30; i++)
		p += sprintf(p, "A%d=$A%d${A%d}\n", i, i - 1, i - 1);
	dotenv_parse(&a, src, (size_t)(p - src), &f);
	dotenv_expand(&a, files, 1);
	v = xval(&f, "A17");
	UNIT_OK(v && strlen(v) == 1024 * 1024, "caps: 1 MiB value is expanded whole");
	v = xval(&f, "A18");
	UNIT_OK(v && strlen(v) == 1024 * 1024 + 6 && !strcmp(v + 1024 * 1024, "${A17}"),
		"caps: past 1 MiB the rest stays as written");
	v = xval(&f, "A30");
	UNIT_OK(v && strlen(v) <= 1024 * 1024 + 16, "caps: deep doubling stays bounded");
	arena_release(&a);
	free(src);
}

static void test_big_value(void)
{
	size_t n = 1024 * 1024, len = n + 12;
	char *src = malloc(len);
	struct arena a = ARENA_INIT;
	struct dotenv_file f;

	memcpy(src, "BIG=", 4);
	memset(src + 4, 'x', n);
	memcpy(src + 4 + n, "\nNEXT=1\n", 8);
	dotenv_parse(&a, src, len, &f);
	UNIT_OK(f.nentries == 2 && f.entries[0].value_len == n, "big: 1 MiB value kept whole");
	UNIT_OK(f.nentries == 2 && f.entries[1].line == 2, "big: next entry on line 2");
	arena_release(&a);
	free(src);
}

static void test_many_lines(void)
{
	size_t cap = 100000 * 24, len = 0;
	char *src = malloc(cap);
	struct arena a = ARENA_INIT;
	struct dotenv_file f, *files[1] = { &f };
	int i;

	/* K0 needs K1 needs K2 ...: a 100k-long chain */
	for (i = 0; i < 100000; i++)
		len += (size_t)sprintf(src + len, "K%d=${K%d}v\n", i, i + 1);
	dotenv_parse(&a, src, len, &f);
	UNIT_OK(f.nentries == 100000, "many: 100k entries");
	UNIT_OK(f.nentries == 100000 && f.entries[99999].line == 100000, "many: last on line 100000");
	/* must not recurse 100k deep; the far end is exact */
	dotenv_expand(&a, files, 1);
	UNIT_OK(f.nentries == 100000 && f.entries[0].expanded != NULL, "many: chain head expanded");
	UNIT_STREQ(f.nentries == 100000 ? f.entries[99999].expanded : NULL, "v", "many: chain end");
	UNIT_STREQ(f.nentries == 100000 ? f.entries[99997].expanded : NULL, "vvv",
		   "many: near the chain end");
	arena_release(&a);
	free(src);
}

/* Random bytes: nothing may crash, and every range must stay inside the input. */
static void test_garbage(void)
{
	static const char alphabet[] = "AB_=:=# \t\n\r\"'`\\$-{}x\0\xff\xc2\xa0\xef\xbb\xbf";
	uint32_t seed = 12345;
	int t, bad = 0;

	for (t = 0; t < 20000; t++) {
		size_t len = t % 97, i;
		char *buf = malloc(len ? len : 1);
		struct arena a = ARENA_INIT;
		struct dotenv_file f, *files[1] = { &f };

		for (i = 0; i < len; i++) {
			seed ^= seed << 13;
			seed ^= seed >> 17;
			seed ^= seed << 5;
			buf[i] = (t & 1) ? (char)(seed & 0xff) : alphabet[seed % (sizeof(alphabet) - 1)];
		}
		dotenv_parse(&a, buf, len, &f);
		dotenv_expand(&a, files, 1);
		for (i = 0; i < f.nentries; i++) {
			const struct dotenv_entry *e = &f.entries[i];

			if (e->value_end > len || e->key_end > len || e->key_start >= e->key_end ||
			    e->line < 1 || !e->expanded || (i && e->line < f.entries[i - 1].line))
				bad++;
		}
		for (i = 0; i < f.nerrors; i++)
			if (f.errors[i].end > len || f.errors[i].start > f.errors[i].end || !f.errors[i].msg)
				bad++;
		for (i = 0; i < f.ncomments; i++)
			if (f.comments[i].end > len || f.comments[i].start > f.comments[i].end)
				bad++;
		arena_release(&a);
		free(buf);
	}
	UNIT_OK(bad == 0, "garbage: 20000 random inputs, %d bad ranges", bad);
}

static void test_empty(void)
{
	struct arena a = ARENA_INIT;
	struct dotenv_file f;

	dotenv_parse(&a, NULL, 0, &f);
	UNIT_OK(f.nentries == 0 && f.nerrors == 0 && f.ncomments == 0, "empty: nothing");
	dotenv_parse(&a, "\xef\xbb\xbf", 3, &f);
	UNIT_OK(f.nentries == 0 && f.nerrors == 0, "empty: BOM only");
	dotenv_expand(&a, NULL, 0);
	UNIT_OK(1, "empty: expand of no files");
	arena_release(&a);
}

int main(void)
{
	size_t i;

	UNIT_OK(sizeof(cases) / sizeof(cases[0]) >= 40, "table has %zu cases",
		sizeof(cases) / sizeof(cases[0]));
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i]);
	test_ranges();
	test_empty_value_ranges();
	test_error_ranges();
	test_comments();
	test_get();
	test_expand();
	test_expand_caps();
	test_big_value();
	test_many_lines();
	test_garbage();
	test_empty();
	UNIT_DONE();
}
