/*
 * fuzz_suppress.c - the cwlint-ignore comment parser, on an env file (through
 * lint_suppress_scan_env) and on a TS/TSX file (through lint_suppress_scan_file), then
 * lint_suppressed() for the rules each suppression names. Input: one flag byte (bit 0: the
 * TSX grammar), the env file, FUZZ_SEP, the source file.
 */
#include "fuzz.h"
#include "core.h"

static void check_supps(const struct lint_source *src)
{
	size_t i, k;

	for (i = 0; i < src->nsupps; i++) {
		const struct lint_supp *s = &src->supps[i];

		FUZZ_CHECK(s->start <= s->end && s->end <= src->len);
		FUZZ_CHECK(s->from_line <= s->to_line);
		FUZZ_CHECK(s->invalid || (s->nrules && s->reason));
		for (k = 0; k < s->nrules; k++) {
			const struct lint_rule *r = lint_rule_find(s->rules[k]);

			FUZZ_CHECK(s->rules[k] != NULL);
			if (r) {
				(void)lint_suppressed(src, r, s->from_line);
				(void)lint_suppressed(src, r, s->to_line);
			}
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct lint_run run;
	struct lint_envfile env;
	struct lint_file file;
	struct fuzz_parts ps;
	const char *buf;
	size_t len;
	bool tsx;

	if (size < 1)
		return 0;
	tsx = data[0] & 1;
	fuzz_split(data + 1, size - 1, 2, &ps);
	lint_run_init(&run);

	memset(&env, 0, sizeof(env));
	buf = fuzz_part(&ps, 0, &len);
	lint_source_from_mem(&a, &env.src, ".env.local", "/fuzz/.env.local", buf, len);
	env.name = ".env.local";
	dotenv_parse(&a, env.src.buf, env.src.len, &env.env);
	env.src.env = &env.env;
	lint_suppress_scan_env(&run, &a, &env);
	check_supps(&env.src);

	memset(&file, 0, sizeof(file));
	buf = fuzz_part(&ps, 1, &len);
	lint_source_from_mem(&a, &file.src, "src/App.tsx", "/fuzz/src/App.tsx", buf, len);
	file.relpath = "src/App.tsx";
	file.kind = tsx ? FK_TSX : FK_TS;
	file.arena = &a;
	file.tree = fuzz_parse(file.src.buf, file.src.len, tsx);
	if (file.tree) {
		file.parsed = true;
		lint_suppress_scan_file(&run, &a, &file);
		check_supps(&file.src);
		ts_tree_delete(file.tree);
	}

	lint_run_release(&run);
	fuzz_parts_free(&ps);
	arena_release(&a);
	return 0;
}
