/*
 * fuzz_pathre.c - every entry point of pathre.h: v6 parse and compile (default and custom
 * options), the PCRE2 compile and match, URL processing, authkit-nextjs
 * unauthenticatedPaths and Next.js config.matcher modes. Input: one flag byte, then
 * pattern, path, delimiter, prefixes and endsWith, separated by FUZZ_SEP (missing parts
 * are ""; the option strings only count with flag bit 4).
 */
#include "fuzz.h"
#include "pathre.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct pathre_opts opts = PATHRE_OPTS_INIT;
	struct pathre_next_config cfg = { NULL, false, false, false };
	struct pathre_tokens toks;
	struct fuzz_parts ps;
	const char *pattern, *path, *err = NULL;
	size_t idx = 0, i;
	char *src, msg[256];
	uint8_t flags;
	pcre2_code *code;

	if (size < 1)
		return 0;
	flags = data[0];
	fuzz_split(data + 1, size - 1, 5, &ps);
	pattern = fuzz_part(&ps, 0, NULL);
	path = fuzz_part(&ps, 1, NULL);
	opts.sensitive = flags & 1;
	opts.strict = flags & 2;
	opts.end = !(flags & 4);
	opts.start = !(flags & 8);
	if (flags & 16) {
		opts.delimiter = fuzz_part(&ps, 2, NULL);
		opts.prefixes = fuzz_part(&ps, 3, NULL);
		opts.ends_with = fuzz_part(&ps, 4, NULL);
	}

	/* v6 proper */
	if (pathre_parse(&a, pattern, &toks, &err, &idx) == 0) {
		for (i = 0; i < toks.n; i++)
			FUZZ_CHECK(toks.v[i].type == PATHRE_TEXT ? toks.v[i].text != NULL
								 : toks.v[i].name && toks.v[i].pattern);
		src = pathre_to_pcre(&a, &toks, NULL, &err);
		if (src) {
			code = pathre_regex_compile(src, true, msg, sizeof(msg));
			if (code) {
				(void)pathre_regex_exec(code, path);
				pcre2_code_free(code);
			}
		}
	} else {
		FUZZ_CHECK(err != NULL);
	}
	err = NULL;
	if (pathre_parse_opts(&a, pattern, &opts, &toks, &err, &idx) == 0) {
		src = pathre_to_pcre(&a, &toks, &opts, &err);
		if (src) {
			code = pathre_regex_compile(src, !opts.sensitive, msg, 0);
			if (code) {
				(void)pathre_regex_exec(code, path);
				pcre2_code_free(code);
			}
		}
	}
	err = NULL;
	src = pathre_source(&a, pattern, &opts, &err, &idx);
	FUZZ_CHECK(src || err);
	(void)pathre_matches(pattern, &opts, path);
	(void)pathre_matches(pattern, NULL, path);

	/* the raw regexp compiler on the pattern as if it were a source */
	code = pathre_regex_compile(pattern, flags & 32, msg, sizeof(msg));
	if (code) {
		(void)pathre_regex_exec(code, path);
		pcre2_code_free(code);
	}

	/* authkit-nextjs */
	err = NULL;
	if (!pathre_url_path(&a, pattern, &err))
		FUZZ_CHECK(err != NULL);
	(void)pathre_url_path(&a, path, &err);
	err = NULL;
	if (!pathre_authkit_path_regex(&a, pattern, &err, &idx))
		FUZZ_CHECK(err != NULL);
	(void)pathre_authkit_matches(pattern, path);

	/* Next.js config.matcher */
	cfg.base_path = (flags & 64) ? fuzz_part(&ps, 2, NULL) : NULL;
	cfg.i18n = flags & 128;
	cfg.locale_false = (flags & 3) == 3;
	cfg.json_suffix_only = (flags & 12) == 12;
	err = NULL;
	if (!pathre_next_parse_path(&a, pattern, &err, &idx))
		FUZZ_CHECK(err != NULL);
	err = NULL;
	if (!pathre_next_matcher_regex(&a, pattern, &cfg, &err, &idx))
		FUZZ_CHECK(err != NULL);
	(void)pathre_next_matcher_regex(&a, pattern, NULL, &err, &idx);
	(void)pathre_next_matcher_matches(pattern, &cfg, path);
	(void)pathre_next_matcher_matches(pattern, NULL, path);

	fuzz_parts_free(&ps);
	arena_release(&a);
	return 0;
}
