/*
 * test_ci_outputs.c - what CI reads: GitHub workflow-command escaping (actions/toolkit's
 * escapeData and escapeProperty), the job summary table, the guards against workflow-command
 * injection through quoted user text, and the finding units fingerprints are built from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "output.h"
#include "sha256.h"
#include "unit.h"

static struct lint_diag *add(struct lint_run *run, const char *rule, enum lint_severity sev,
			     const char *path, uint32_t line, uint32_t col, uint32_t end_line,
			     uint32_t end_col, const char *msg, const char *help)
{
	struct lint_diag *d = ARENA_NEW(&run->arena, struct lint_diag);

	d->run = run;
	d->rule = lint_rule_find(rule);
	d->sev = sev;
	d->path = path;
	d->line = line;
	d->col = col;
	d->end_line = end_line;
	d->end_col = end_col;
	d->message = msg;
	d->help = help;
	d->frame = "";
	LINT_GROW(run->diags, run->ndiags + 1, run->alloc_diags);
	run->diags[run->ndiags++] = d;
	return d;
}

/* The github format of run's findings, as a malloc'd string. */
static char *github(struct lint_run *run)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	lint_output_github(run, f);
	fclose(f);
	return buf;
}

static char *put_text(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	lint_put_text(f, s);
	fclose(f);
	return buf;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = xcalloc(1, 1 << 16);

	if (f) {
		size_t n = fread(buf, 1, (1 << 16) - 1, f);

		buf[n] = '\0';
		fclose(f);
	}
	return buf;
}

static void unit_of(const char *text, uint32_t start, uint32_t end, bool env, unsigned char out[32])
{
	struct arena a = ARENA_INIT;
	struct lint_source src;
	struct dotenv_file df;

	lint_source_from_mem(&a, &src, env ? ".env.local" : "a.ts", env ? "/x/.env.local" : "/x/a.ts",
			     text, strlen(text));
	if (env) {
		dotenv_parse(&a, src.buf, src.len, &df);
		src.env = &df;
	}
	lint_unit_hash(&src, start, end, out);
	arena_release(&a);
}

static void test_github(void)
{
	struct lint_run run;
	char *out;

	lint_run_init(&run);
	run.cwd = xstrdup("/nonexistent-cwlint-unit/work");
	add(&run, "short-cookie-password", SEV_ERROR, "dir,with:colon%/new\nline.ts", 3, 5, 3, 9,
	    "100% done: a,b\r\nnext::line", NULL);
	out = github(&run);
	UNIT_STREQ(out, "::error file=dir%2Cwith%3Acolon%25/new%0Aline.ts,line=3,col=5,endLine=3,"
		   "endColumn=9,title=cwlint (short-cookie-password)::100%25 done: a,b%0D%0Anext::line\n",
		   "github: '%%', CR and LF escaped in data; ':' and ',' too in properties");
	free(out);

	run.ndiags = 0;
	add(&run, "parse-error", SEV_WARNING, "a.ts", 2, 1, 4, 3, "spans lines", "the fix");
	add(&run, "parse-error", SEV_INFO, "b.ts", 7, 4, 7, 4, "a point", NULL);
	out = github(&run);
	UNIT_STREQ(out, "::warning file=a.ts,line=2,endLine=4,title=cwlint (parse-error)::spans lines%0Ahelp: the fix\n"
		   "::notice file=b.ts,line=7,col=4,endLine=7,endColumn=5,title=cwlint (parse-error)::a point\n",
		   "github: warning and notice commands, no columns across lines, a point marks one column");
	free(out);

	run.quiet = true;
	out = github(&run);
	UNIT_STREQ(out, "", "github: --quiet leaves out warnings and infos");
	free(out);
	lint_run_release(&run);
}

static void test_summary(void)
{
	char path[] = "/tmp/cwlint-summary-XXXXXX";
	int fd = mkstemp(path);
	struct lint_run run;
	char *text;

	UNIT_OK(fd >= 0, "summary: temporary file");
	if (fd < 0)
		return;
	UNIT_OK(write(fd, "earlier step\n", 13) == 13, "summary: earlier content written");
	close(fd);
	lint_run_init(&run);
	run.cwd = xstrdup("/nonexistent-cwlint-unit/work");
	run.nfiles = 2;
	add(&run, "hardcoded-client-id", SEV_ERROR, "src/a|b.ts", 1, 2, 1, 3,
	    "a|b `c` <d> & *e*\nf", "run `x | y`");

	unsetenv("GITHUB_STEP_SUMMARY");
	lint_step_summary(&run);
	text = slurp(path);
	UNIT_STREQ(text, "earlier step\n", "summary: nothing written without GITHUB_STEP_SUMMARY");
	free(text);

	setenv("GITHUB_STEP_SUMMARY", path, 1);
	lint_step_summary(&run);
	unsetenv("GITHUB_STEP_SUMMARY");
	text = slurp(path);
	UNIT_OK(!strncmp(text, "earlier step\n### cwlint\n", 24), "summary: appended after what was there");
	UNIT_OK(strstr(text, "1 error, 0 warnings in 2 files\n") != NULL, "summary: counts");
	UNIT_OK(strstr(text, "| severity | rule | location | message |\n|---|---|---|---|\n") != NULL,
		"summary: table header");
	UNIT_OK(strstr(text, "| error | hardcoded-client-id | src/a\\|b.ts:1:2 | a\\|b \\`c\\` &lt;d&gt; "
			     "&amp; \\*e\\*<br>f<br>help: run \\`x \\| y\\` |\n") != NULL,
		"summary: '|' and backticks escaped in cells, HTML as entities, line breaks as <br>");
	free(text);
	unlink(path);
	lint_run_release(&run);
}

static void test_guards(void)
{
	char *s;

	UNIT_OK(lint_command_like("::error::x"), "a line starting with :: is a command");
	UNIT_OK(lint_command_like(" \t::warning::x"), "... after blanks");
	UNIT_OK(lint_command_like("\xc2\xa0::x"), "... after a no-break space (the runner trims Unicode blanks)");
	UNIT_OK(lint_command_like("\xe2\x80\x8b::x"), "... after a zero-width space (ignorable)");
	UNIT_OK(!lint_command_like("a::b"), "a :: inside a line is not a command");
	UNIT_OK(!lint_command_like(":x"), "one colon is not a command");
	s = put_text("a\nb##[set-output name=x]c\x1b[31m\td");
	UNIT_STREQ(s, "a?b##\xef\xbc\xbbset-output name=x]c?[31m d",
		   "user text: line breaks and control bytes become '?', \"##[\" loses its '['");
	free(s);
}

static void test_units(void)
{
	unsigned char a[32], b[32], c[32];
	char fa[LINT_FINGERPRINT_HEX + 1], fb[LINT_FINGERPRINT_HEX + 1];
	const char *ts1 = "const x = \"client_01ABC\";\n";
	const char *ts2 = "// inserted\n\nconst x   =\n  \"client_01ABC\";\n";
	const char *env1 = "A=1\nWORKOS_COOKIE_PASSWORD=firstsecret1\n";
	const char *env2 = "# new line above\nWORKOS_COOKIE_PASSWORD=\"another-secret-22\"\n";

	unit_of(ts1, 10, 25, false, a);
	unit_of(ts2, 27, 42, false, b);
	UNIT_OK(!memcmp(a, b, 32), "unit: the same text lines later is the same unit");
	unit_of(ts1, 0, 25, false, a);
	unit_of(ts2, 13, 42, false, b);
	UNIT_OK(!memcmp(a, b, 32), "unit: runs of whitespace count as one space");
	unit_of(ts1, 6, 7, false, c);
	UNIT_OK(memcmp(a, c, 32), "unit: different text, different unit");

	unit_of(env1, 27, 39, true, a);
	unit_of(env2, 40, 59, true, b);
	UNIT_OK(!memcmp(a, b, 32), "unit: an env finding is keyed by the entry's name, not its value");
	sha256("firstsecret1", 12, c);
	UNIT_OK(memcmp(a, c, 32), "unit: the env value is not what is hashed");
	unit_of(env1, 0, 3, true, c);
	UNIT_OK(memcmp(a, c, 32), "unit: another env entry, another unit");

	lint_fingerprint("short-cookie-password", ".env.local", a, fa);
	lint_fingerprint("short-cookie-password", ".env.local", b, fb);
	UNIT_STREQ(fa, fb, "fingerprint: same rule, path and unit");
	UNIT_OK(strlen(fa) == LINT_FINGERPRINT_HEX && strspn(fa, "0123456789abcdef") == LINT_FINGERPRINT_HEX,
		"fingerprint: %d lowercase hex digits", LINT_FINGERPRINT_HEX);
	lint_fingerprint("short-cookie-password", "apps/web/.env.local", a, fb);
	UNIT_OK(strcmp(fa, fb), "fingerprint: another path, another fingerprint");
	lint_fingerprint("public-secret", ".env.local", a, fb);
	UNIT_OK(strcmp(fa, fb), "fingerprint: another rule, another fingerprint");
}

int main(void)
{
	test_github();
	test_summary();
	test_guards();
	test_units();
	UNIT_DONE();
}
