/*
 * github.c - GitHub Actions: one workflow command per finding (an annotation on the PR) and
 * a Markdown table in the job summary, which has no cap where annotations stop at 10 per
 * step. Escaping follows actions/toolkit's escapeData and escapeProperty.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

#define SUMMARY_ROWS 1000	/* the job summary holds at most 1 MiB per step */

/* Data: '%', CR and LF; properties also ':' and ','. */
static void put_escaped(FILE *out, const char *s, bool property)
{
	for (; *s; s++) {
		if (*s == '%')
			fputs("%25", out);
		else if (*s == '\r')
			fputs("%0D", out);
		else if (*s == '\n')
			fputs("%0A", out);
		else if (property && *s == ':')
			fputs("%3A", out);
		else if (property && *s == ',')
			fputs("%2C", out);
		else
			putc(*s, out);
	}
}

static const char *command_name(enum lint_severity s)
{
	switch (s) {
	case SEV_ERROR: return "error";
	case SEV_WARNING: return "warning";
	default: return "notice";
	}
}

/* Where GitHub looks for the file: relative to the repository root when it is inside it. */
static const char *annotation_path(struct lint_run *run, const struct lint_diag *d)
{
	const char *rel = lint_repo_path(run, d->path);

	return rel ? rel : d->path;
}

void lint_output_github(struct lint_run *run, FILE *out)
{
	size_t i;

	for (i = 0; i < run->ndiags; i++) {
		const struct lint_diag *d = run->diags[i];
		uint32_t end_col = d->end_col;

		if (run->quiet && d->sev != SEV_ERROR)
			continue;
		fprintf(out, "::%s file=", command_name(d->sev));
		put_escaped(out, annotation_path(run, d), true);
		/* columns are only allowed on a one-line range */
		if (d->end_line == d->line) {
			if (end_col <= d->col)
				end_col = d->col + 1;
			fprintf(out, ",line=%u,col=%u,endLine=%u,endColumn=%u", d->line, d->col,
				d->end_line, end_col);
		} else {
			fprintf(out, ",line=%u,endLine=%u", d->line, d->end_line);
		}
		fputs(",title=", out);
		put_escaped(out, "cwlint (", true);
		put_escaped(out, d->rule->id, true);
		put_escaped(out, ")", true);
		fputs("::", out);
		put_escaped(out, d->message, false);
		if (d->help) {
			put_escaped(out, "\nhelp: ", false);
			put_escaped(out, d->help, false);
		}
		putc('\n', out);
	}
}

/*
 * A table cell: '|' and backticks escaped (a backtick would open a code span that swallows
 * the cell), Markdown punctuation too, HTML's '<' and '&' as entities, line breaks as <br>.
 */
static void put_cell(FILE *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c && strchr("|`\\*_[]~", c))
			fprintf(out, "\\%c", c);
		else if (c == '<')
			fputs("&lt;", out);
		else if (c == '>')
			fputs("&gt;", out);
		else if (c == '&')
			fputs("&amp;", out);
		else if (c == '\n')
			fputs("<br>", out);
		else if (c < ' ' || c == 0x7f)
			putc(' ', out);
		else
			putc(c, out);
	}
}

static void write_summary(struct lint_run *run, FILE *out)
{
	size_t i, nerr = 0, nwarn = 0, ninfo = 0, rows = 0, shown = 0;

	for (i = 0; i < run->ndiags; i++) {
		nerr += run->diags[i]->sev == SEV_ERROR;
		nwarn += run->diags[i]->sev == SEV_WARNING;
		ninfo += run->diags[i]->sev == SEV_INFO;
	}
	fprintf(out, "### cwlint\n\n%zu error%s, %zu warning%s", nerr, nerr == 1 ? "" : "s", nwarn,
		nwarn == 1 ? "" : "s");
	if (ninfo)
		fprintf(out, ", %zu info%s", ninfo, ninfo == 1 ? "" : "s");
	fprintf(out, " in %zu file%s\n\n", run->nfiles, run->nfiles == 1 ? "" : "s");
	for (i = 0; i < run->ndiags; i++) {
		const struct lint_diag *d = run->diags[i];

		if (run->quiet && d->sev != SEV_ERROR)
			continue;
		if (rows++ >= SUMMARY_ROWS)
			continue;
		if (!shown++)
			fputs("| severity | rule | location | message |\n|---|---|---|---|\n", out);
		fprintf(out, "| %s | ", lint_severity_name(d->sev));
		put_cell(out, d->rule->id);
		fputs(" | ", out);
		put_cell(out, annotation_path(run, d));
		fprintf(out, ":%u:%u | ", d->line, d->col);
		put_cell(out, d->message);
		if (d->help) {
			fputs("<br>help: ", out);
			put_cell(out, d->help);
		}
		fputs(" |\n", out);
	}
	if (rows > shown)
		fprintf(out, "\n%zu more not shown; see the step's log or the SARIF output.\n",
			rows - shown);
	putc('\n', out);
}

void lint_step_summary(struct lint_run *run)
{
	const char *path = getenv("GITHUB_STEP_SUMMARY");
	FILE *f;

	if (!path || !*path)
		return;
	/* the runner gives each step its own file; other tools' tables may already be in it */
	f = fopen(path, "a");
	if (!f) {
		lint_io_errors++;
		error("cannot write the job summary '%s': %s", path, strerror(errno));
		return;
	}
	write_summary(run, f);
	if (ferror(f) | fclose(f)) {
		lint_io_errors++;
		error("cannot write the job summary '%s': %s", path, strerror(errno));
	}
}
