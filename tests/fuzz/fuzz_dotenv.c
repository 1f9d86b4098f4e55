/*
 * fuzz_dotenv.c - dotenv_parse() and both expansions on up to four env files of one load
 * set. Input: one flag byte (bit 0: Next.js expansion, else dotenv-expand/Vite), then the
 * files separated by FUZZ_SEP, highest precedence first.
 */
#include "fuzz.h"
#include "arena.h"
#include "dotenv.h"

#define NFILES 4
/* dotenv_expand() stops growing a value at 1 MiB; one reference may still add its own length */
#define EXPANDED_MAX ((size_t)2 << 20)

static void check_file(const struct dotenv_file *f, size_t len)
{
	size_t i;

	for (i = 0; i < f->nentries; i++) {
		const struct dotenv_entry *e = &f->entries[i];

		FUZZ_CHECK(e->key && e->value && e->expanded);
		FUZZ_CHECK(e->line >= 1);
		FUZZ_CHECK(e->start <= e->key_start && e->key_start <= e->key_end);
		FUZZ_CHECK(e->key_end <= e->value_start && e->value_start <= e->value_end);
		FUZZ_CHECK(e->value_end <= e->end && e->end <= len);
		FUZZ_CHECK(e->value[e->value_len] == '\0');
		FUZZ_CHECK(strlen(e->expanded) <= EXPANDED_MAX);
	}
	for (i = 0; i < f->nerrors; i++) {
		FUZZ_CHECK(f->errors[i].msg && f->errors[i].line >= 1);
		FUZZ_CHECK(f->errors[i].start <= f->errors[i].end && f->errors[i].end <= len);
	}
	for (i = 0; i < f->ncomments; i++)
		FUZZ_CHECK(f->comments[i].start <= f->comments[i].end && f->comments[i].end <= len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct dotenv_file files[NFILES], *ptrs[NFILES];
	struct fuzz_parts ps;
	uint8_t flags;
	size_t i, j;

	if (size < 1)
		return 0;
	flags = data[0];
	fuzz_split(data + 1, size - 1, NFILES, &ps);
	for (i = 0; i < ps.n; i++) {
		/* the parser takes (buf, len): give it the exact bytes, no NUL after them */
		char *exact = malloc(ps.len[i] ? ps.len[i] : 1);

		memcpy(exact, ps.p[i], ps.len[i]);
		memset(&files[i], 0, sizeof(files[i]));
		dotenv_parse(&a, exact, ps.len[i], &files[i]);
		check_file(&files[i], ps.len[i]);
		free(exact);
		ptrs[i] = &files[i];
	}
	if (flags & 1)
		dotenv_expand_next(&a, ptrs, ps.n);
	else
		dotenv_expand(&a, ptrs, ps.n);
	for (i = 0; i < ps.n; i++) {
		check_file(&files[i], ps.len[i]);
		for (j = 0; j < files[i].nentries; j++)
			FUZZ_CHECK(dotenv_get(&files[i], files[i].entries[j].key) != NULL);
	}
	/* each file on its own too, as the pipeline does for templates and other modes */
	if (flags & 2)
		for (i = 0; i < ps.n; i++)
			dotenv_expand(&a, &ptrs[i], 1);
	fuzz_parts_free(&ps);
	arena_release(&a);
	return 0;
}
