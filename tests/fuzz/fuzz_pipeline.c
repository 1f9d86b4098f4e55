/*
 * fuzz_pipeline.c - the whole pipeline on a small project made of the input: the parts
 * (split on FUZZ_SEP) become package.json, convex.json, .env.local, convex/auth.config.ts,
 * src/App.tsx, proxy.ts, .env, .gitignore, app/page.tsx and components/Widget.tsx (a page
 * and what it may import, for the import graph read from bytes) in a fresh temp folder (an
 * empty part means no such file); cwlint then runs as main.c does: config discovery, lint_run_paths(),
 * lint_finish(), and every output format into /dev/null. Input: one flag byte first
 * (bits 0-2: the stdout format; bit 3: no config discovery; bit 4: --quiet).
 *
 * git is kept off PATH: forking it for every input would make the harness a hundred times
 * slower, and tests/cli exercises that path; the .gitignore fallback runs instead.
 */
#include <ftw.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "core.h"

static const char *const names[] = {
	"package.json", "convex.json", ".env.local", "convex/auth.config.ts", "src/App.tsx",
	"proxy.ts", ".env", ".gitignore", "app/page.tsx", "components/Widget.tsx",
};

static char base[512];

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

static void rm_tree(const char *path)
{
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void remove_base(void)
{
	rm_tree(base);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");
	int null = open("/dev/null", O_WRONLY);

	(void)argc;
	(void)argv;
	snprintf(base, sizeof(base), "%s/cwlint-fuzz-pipeline.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(base) || null < 0 || dup2(null, STDOUT_FILENO) < 0)
		abort();
	close(null);
	atexit(remove_base);
	setenv("PATH", "/nonexistent", 1);
	setenv("GITHUB_STEP_SUMMARY", "/dev/null", 1);
	unsetenv("GITHUB_ACTIONS");
	return 0;
}

static void write_file(const char *dir, const char *name, const char *buf, size_t len)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, len, f) != len || fclose(f))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum lint_format formats[] = { FMT_HUMAN, FMT_GCC, FMT_JSON, FMT_SARIF, FMT_GITHUB };
	struct lint_output_file outs[ARRAY_SIZE(formats)];
	struct fuzz_parts ps;
	struct lint_run run;
	char dir[600], sub[700];
	uint8_t flags;
	size_t i;

	if (size < 1)
		return 0;
	flags = data[0];
	fuzz_split(data + 1, size - 1, ARRAY_SIZE(names), &ps);
	snprintf(dir, sizeof(dir), "%s/app.XXXXXX", base);
	if (!mkdtemp(dir))
		abort();
	snprintf(sub, sizeof(sub), "%s/convex", dir);
	mkdir(sub, 0755);
	snprintf(sub, sizeof(sub), "%s/src", dir);
	mkdir(sub, 0755);
	snprintf(sub, sizeof(sub), "%s/app", dir);
	mkdir(sub, 0755);
	snprintf(sub, sizeof(sub), "%s/components", dir);
	mkdir(sub, 0755);
	for (i = 0; i < ps.n; i++)
		if (ps.len[i])
			write_file(dir, names[i], ps.p[i], ps.len[i]);

	lint_run_init(&run);
	run.cwd = xstrdup(dir);
	run.format = (enum lint_format)((flags & 7) % ARRAY_SIZE(formats));
	run.color = (flags & 7) == 5;	/* 5 is human again, with colour */
	run.quiet = flags & 16;
	for (i = 0; i < ARRAY_SIZE(formats); i++) {
		outs[i].format = formats[i];
		outs[i].path = "/dev/null";
	}
	run.outputs = xmalloc(sizeof(outs));	/* lint_run_release() frees it */
	memcpy(run.outputs, outs, sizeof(outs));
	run.noutputs = run.alloc_outputs = ARRAY_SIZE(outs);
	LINT_GROW(run.targets, 1, run.alloc_targets);
	run.targets[0].abs = xstrdup(dir);
	run.targets[0].is_dir = true;
	run.ntargets = 1;
	if ((flags & 8) || lint_config_discover(&run, dir) == 0) {
		if (lint_run_paths(&run) == 0) {
			lint_finish(&run);
			lint_output(&run);
			(void)lint_exit_status(&run);
		}
	}
	lint_run_release(&run);
	rm_tree(dir);
	fuzz_parts_free(&ps);
	lint_io_errors = 0;
	return 0;
}
