/*
 * fuzz_config.c - the config-file loader (lint_config_load) on the input written to a temp
 * file, then the loaded globs (lint_config_ignored, lint_config_env_scope, lint_glob_match).
 * Input: one flag byte (bit 0: the file is package.json with a "cwlint" key, bit 1: found by
 * lint_config_discover() rather than named), then the file. Load errors go to stderr, as
 * they do for the CLI (the Makefile runs this harness with -close_fd_mask=2).
 */
#include <unistd.h>

#include "fuzz.h"
#include "core.h"

static char dir[512];

/* Relative paths tried against the globs, besides the globs themselves. */
static const char *const probes[] = {
	"e2e/x.ts", "apps/web/.env.local", "src/App.tsx", ".env", "a/b/c/d.env", "node_modules/x",
	"convex/auth.config.ts", "", NULL,
};

static void probe(struct lint_run *run, const char *rel)
{
	char abs[4096];

	snprintf(abs, sizeof(abs), "%s/%s", dir, rel);
	(void)lint_config_ignored(run, abs);
	(void)lint_config_env_scope(run, abs);
}

static void probe_globs(struct lint_run *run, char **globs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		probe(run, globs[i]);
		(void)lint_glob_match(globs[i], "src/App.tsx");
		(void)lint_glob_match(globs[i], globs[i]);
	}
}

static void remove_dir(void)
{
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	snprintf(dir, sizeof(dir), "%s/cwlint-fuzz-config.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		abort();
	atexit(remove_dir);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lint_run run;
	char path[600];
	bool pkg, discover;
	FILE *f;
	size_t i;
	int k;

	if (size < 1)
		return 0;
	pkg = data[0] & 1;
	discover = data[0] & 2;
	snprintf(path, sizeof(path), "%s/%s", dir, pkg ? "package.json" : "cwlint.json");
	f = fopen(path, "wb");
	if (!f || fwrite(data + 1, 1, size - 1, f) != size - 1 || fclose(f))
		abort();
	lint_run_init(&run);
	run.cwd = xstrdup(dir);
	if (discover)
		(void)lint_config_discover(&run, dir);
	else
		(void)lint_config_load(&run, path, pkg);
	for (i = 0; probes[i]; i++)
		probe(&run, probes[i]);
	probe_globs(&run, run.config.ignore, run.config.nignore);
	probe_globs(&run, run.config.apps, run.config.napps);
	for (k = 0; k < 3; k++)
		probe_globs(&run, run.config.env[k], run.config.nenv[k]);
	lint_run_release(&run);
	unlink(path);
	lint_io_errors = 0;
	return 0;
}
