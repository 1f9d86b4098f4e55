/* Unit tests for slice.c: which top-level statements a slice keeps, and when it gives up. */
#include <stdlib.h>

#include "slice.h"
#include "unit.h"

/* roots: the bindings of "@workos-inc/authkit-react", type-only ones aside */
static bool root_workos(void *ud, const struct slice_binding *b)
{
	(void)ud;
	return !b->type_only && b->mlen == 25 && !memcmp(b->module, "@workos-inc/authkit-react", 25);
}

/* The kept text, ranges joined by "|", or NULL when the file is to be parsed whole. */
static char *kept(const char *src, const char *const *words)
{
	static char out[8192];
	TSRange *r;
	size_t n = lint_slice(src, strlen(src), root_workos, NULL, words, true, &r), i, len = 0;

	if (!n)
		return NULL;
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		size_t w = r[i].end_byte - r[i].start_byte;

		if (len + w + 2 >= sizeof(out))
			break;
		if (i)
			out[len++] = '|';
		memcpy(out + len, src + r[i].start_byte, w);
		len += w;
		out[len] = '\0';
	}
	free(r);
	return out;
}

static bool has(const char *s, const char *needle)
{
	return s && strstr(s, needle);
}

static void test_roots_and_closures(void)
{
	const char *src =
		"\"use client\";\n"
		"import { useAuth } from \"@workos-inc/authkit-react\";\n"
		"import { useQuery } from \"convex/react\";\n"
		"import type { User } from \"@workos-inc/authkit-react\";\n"
		"\n"
		"function helper(x: number) {\n"
		"  return x + 1;\n"
		"}\n"
		"\n"
		"function unrelated() {\n"
		"  return useQuery(\"a\");\n"
		"}\n"
		"\n"
		"export function Inner() {\n"
		"  const { user } = useAuth();\n"
		"  return helper(user ? 1 : 2);\n"
		"}\n"
		"\n"
		"export function Outer() {\n"
		"  return <Inner />;\n"
		"}\n"
		"\n"
		"const shown: User | null = null;\n";
	char *k = kept(src, NULL);

	UNIT_OK(k != NULL, "a file with statements to leave out is sliced");
	UNIT_OK(has(k, "\"use client\""), "the directive prologue is kept");
	UNIT_OK(has(k, "from \"convex/react\""), "every import is kept");
	UNIT_OK(has(k, "export function Inner"), "the statement naming a root import is kept");
	UNIT_OK(has(k, "function helper"), "what a kept statement calls is kept (forward)");
	UNIT_OK(has(k, "export function Outer"), "what renders a kept component is kept (reverse)");
	UNIT_OK(!has(k, "function unrelated"), "a statement naming only other imports is left out");
	UNIT_OK(!has(k, "const shown"), "a type-only import roots nothing");
}

static void test_lexing(void)
{
	const char *tpl =
		"import { useAuth } from \"@workos-inc/authkit-react\";\n"
		"const doc = `\n"
		"export function notCode() {}\n"
		"import { fake } from \"x\";\n"
		"`;\n"
		"const re = /[({[]+/g;\n"
		"export function A() {\n"
		"  return useAuth();\n"
		"}\n";
	const char *jsx =
		"import { useAuth } from \"@workos-inc/authkit-react\";\n"
		"function Note() {\n"
		"  return <p>Don't {x} isn't</p>;\n"
		"}\n"
		"export function B() {\n"
		"  return <div>{useAuth().user}</div>;\n"
		"}\n";
	const char *generics =
		"import { useAuth } from \"@workos-inc/authkit-react\";\n"
		"const m: Record<string, Row> = new Map<string, Row>(), other = useAuth();\n"
		"type Row = { a: string };\n"
		"function C() {\n"
		"  return string;\n"
		"}\n"
		"function D() {\n"
		"  return other;\n"
		"}\n";
	char *k;

	k = kept(tpl, NULL);
	UNIT_OK(k && has(k, "export function A") && !has(k, "const re") && !has(k, "const doc"),
		"column-0 keywords inside a template literal start no statement");
	k = kept(jsx, NULL);
	UNIT_OK(k && has(k, "export function B") && !has(k, "function Note"),
		"JSX closing tags and text apostrophes keep the brackets counted");
	k = kept(generics, NULL);
	UNIT_OK(k && has(k, "const m") && has(k, "type Row") && has(k, "function D") &&
		!has(k, "function C"), "type annotations and generic arguments declare nothing");
}

static void test_words(void)
{
	static const char *const words[] = { "client_", NULL };
	const char *src =
		"const id = \"client_01ABC\";\n"
		"export function use1() {\n"
		"  return id;\n"
		"}\n"
		"function other() {\n"
		"  return 1;\n"
		"}\n";
	char *k = kept(src, words);

	UNIT_OK(k && has(k, "const id") && has(k, "use1") && !has(k, "function other"),
		"a statement holding a word is kept, with its users");
}

static void test_whole(void)
{
	const char *unbalanced =
		"import { useAuth } from \"@workos-inc/authkit-react\";\n"
		"function A() {\n"
		"  return (1;\n"
		"}\n"
		"function B() {}\n";
	const char *conflict =
		"import { useAuth } from \"@workos-inc/authkit-react\";\n"
		"<<<<<<< HEAD\n"
		"function A() {}\n"
		"=======\n"
		"function B() {}\n"
		">>>>>>> other\n";
	const char *stray =
		"import { useAuth } from \"@workos-inc/authkit-react\";\n"
		"function A() {}\n"
		"  import { x } from \"y\";\n"
		"function B() {}\n";
	const char *open_tpl =
		"import { useAuth } from \"@workos-inc/authkit-react\";\n"
		"const a = `never closed\n"
		"function B() {}\n";
	const char *all_kept =
		"import { useAuth } from \"@workos-inc/authkit-react\";\n"
		"export function A() {\n"
		"  return useAuth();\n"
		"}\n";
	const char *bom =
		"\xEF\xBB\xBFimport { useAuth } from \"@workos-inc/authkit-react\";\n"
		"function A() { return 1; }\n"
		"export function B() { return useAuth(); }\n";
	char *k;

	UNIT_OK(kept(unbalanced, NULL) == NULL, "unbalanced brackets: parsed whole");
	UNIT_OK(kept(conflict, NULL) == NULL, "a merge conflict marker: parsed whole");
	UNIT_OK(kept(stray, NULL) == NULL, "an import not at a statement start: parsed whole");
	UNIT_OK(kept(open_tpl, NULL) == NULL, "an unterminated template: parsed whole");
	UNIT_OK(kept(all_kept, NULL) == NULL, "nothing to leave out: parsed whole");
	UNIT_OK(kept("", NULL) == NULL, "an empty file: parsed whole");
	k = kept(bom, NULL);
	UNIT_OK(k && has(k, "export function B") && !has(k, "function A()"),
		"an import after a byte order mark roots the slice");
}

static void test_points(void)
{
	const char *src =
		"import { useAuth } from \"@workos-inc/authkit-react\";\n"
		"function A() {}\n"
		"export function B() {\n"
		"  return useAuth();\n"
		"}";
	TSRange *r;
	size_t n = lint_slice(src, strlen(src), root_workos, NULL, NULL, true, &r);

	UNIT_OK(n == 2, "two ranges around the left-out statement (got %zu)", n);
	if (n == 2) {
		UNIT_OK(r[0].start_byte == 0 && r[0].end_point.row == 1 && r[0].end_point.column == 0,
			"the first range ends at the start of line 2");
		UNIT_OK(r[1].start_point.row == 2 && r[1].start_point.column == 0 &&
			r[1].end_byte == strlen(src) && r[1].end_point.row == 4 &&
			r[1].end_point.column == 1, "the last range ends at the file's end, row and column");
	}
	free(r);
}

/*
 * A name declared by many statements (`var x` again and again) and used by a kept one: its
 * declarations are pulled in once, not once per statement that mentions it (that walk was
 * quadratic: a 1 MB file of such lines took 20 seconds).
 */
static void test_many_declarations(void)
{
	static const char head[] =
		"import { useAuth } from \"@workos-inc/authkit-react\";\n"
		"export function A() { return useAuth() + x; }\n"
		"function unused() { return 1; }\n";
	size_t n = 50000, i, len = sizeof(head) - 1;
	char *src = malloc(len + n * 11 + 1);
	TSRange *r;
	size_t nr;

	memcpy(src, head, len);
	for (i = 0; i < n; i++, len += 11)
		memcpy(src + len, "var x = 1;\n", 11);
	src[len] = '\0';
	nr = lint_slice(src, len, root_workos, NULL, NULL, true, &r);
	UNIT_OK(nr == 2 && r[0].end_byte == sizeof(head) - 1 - strlen("function unused() { return 1; }\n") &&
		r[1].end_byte == len, "every declaration of a used name is kept, the unused function not");
	free(r);
	free(src);
}

int main(void)
{
	test_many_declarations();
	test_roots_and_closures();
	test_lexing();
	test_words();
	test_whole();
	test_points();
	UNIT_DONE();
}
