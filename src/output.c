/* output.c - the human, gcc and json formats; everything here reads redacted findings. */
#include <stdio.h>
#include <string.h>
#include <jansson.h>

#include "core.h"
#include "version.h"

#define FRAME_MAX 160	/* code points of a source line shown around the finding */

static const char *sev_color(enum lint_severity s)
{
	switch (s) {
	case SEV_ERROR: return "\033[1;31m";
	case SEV_WARNING: return "\033[1;33m";
	default: return "\033[1;36m";
	}
}

/* Byte offset of code-point column col (1-based) in s[0..n). */
static size_t col_to_byte(const char *s, size_t n, uint32_t col)
{
	size_t i = 0;
	uint32_t c = 1;

	while (i < n && c < col) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		c++;
	}
	return i;
}

static size_t utf8_back(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static void print_frame(const struct lint_run *run, const struct lint_diag *d)
{
	const char *line = d->frame, *dim = run->color ? "\033[2m" : "";
	const char *reset = run->color ? "\033[0m" : "";
	size_t n = strlen(line), from = 0, to = n, at, stop, i;
	char num[16];
	int w;

	at = col_to_byte(line, n, d->col);
	stop = d->end_line == d->line ? col_to_byte(line, n, d->end_col) : n;
	/* the frame shows a secret's redacted form: the original columns may not fit it */
	if (at > n)
		at = n;
	if (stop < at + 1)
		stop = at + 1;
	if (n > FRAME_MAX) {
		from = at > FRAME_MAX / 3 ? utf8_back(line, at - FRAME_MAX / 3) : 0;
		to = from + FRAME_MAX < n ? utf8_back(line, from + FRAME_MAX) : n;
	}
	w = snprintf(num, sizeof(num), "%u", d->line);
	printf("%s%*s |%s\n", dim, w, "", reset);
	printf("%s%s |%s %s", dim, num, reset, from ? "\xe2\x80\xa6" : "");
	for (i = from; i < to; i++)
		putchar(line[i] == '\t' ? ' ' : line[i]);
	printf("%s\n", to < n ? "\xe2\x80\xa6" : "");
	printf("%s%*s |%s %s", dim, w, "", reset, from ? " " : "");
	for (i = from; i < at && i < to; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			putchar(' ');
	printf("%s^", run->color ? sev_color(d->sev) : "");
	for (i = at + 1; i < stop && i < to; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			putchar('~');
	printf("%s\n", reset);
}

static void output_human(struct lint_run *run)
{
	size_t i, nerr = 0, nwarn = 0, ninfo = 0;
	const char *bold = run->color ? "\033[1m" : "", *reset = run->color ? "\033[0m" : "";

	for (i = 0; i < run->ndiags; i++) {
		const struct lint_diag *d = run->diags[i];

		nerr += d->sev == SEV_ERROR;
		nwarn += d->sev == SEV_WARNING;
		ninfo += d->sev == SEV_INFO;
		if (run->quiet && d->sev != SEV_ERROR)
			continue;
		printf("%s%s:%u:%u:%s %s%s:%s %s%s [%s]%s\n", bold, d->path, d->line, d->col, reset,
		       run->color ? sev_color(d->sev) : "", lint_severity_name(d->sev), reset,
		       bold, d->message, d->rule->id, reset);
		print_frame(run, d);
		if (d->help)
			printf("  %shelp:%s %s\n", run->color ? "\033[1;32m" : "", reset, d->help);
		putchar('\n');
	}
	printf("%zu error%s, %zu warning%s", nerr, nerr == 1 ? "" : "s", nwarn, nwarn == 1 ? "" : "s");
	if (ninfo)
		printf(", %zu info%s", ninfo, ninfo == 1 ? "" : "s");
	printf(" in %zu file%s\n", run->nfiles, run->nfiles == 1 ? "" : "s");
}

static void output_gcc(struct lint_run *run)
{
	size_t i;

	for (i = 0; i < run->ndiags; i++) {
		const struct lint_diag *d = run->diags[i];

		if (run->quiet && d->sev != SEV_ERROR)
			continue;
		printf("%s:%u:%u: %s: %s [%s]\n", d->path, d->line, d->col,
		       lint_severity_name(d->sev), d->message, d->rule->id);
	}
}

/* A JSON string from bytes that may not be UTF-8: invalid bytes become U+FFFD. */
static json_t *json_text(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(s), i = 0;
	json_t *j;

	if (lint_is_valid_utf8(s, n))
		return json_stringn(s, n);
	while (i < n) {
		size_t k = 1;

		while (k <= 4 && i + k <= n && !lint_is_valid_utf8(s + i, k))
			k++;
		if (k <= 4 && i + k <= n) {
			strbuf_add(&sb, s + i, k);
			i += k;
		} else {
			strbuf_adds(&sb, "\xef\xbf\xbd");
			i++;
		}
	}
	j = json_stringn(strbuf_str(&sb), sb.len);
	strbuf_release(&sb);
	return j;
}

static void output_json(struct lint_run *run)
{
	json_t *doc = json_object(), *diags = json_array(), *tool = json_object();
	json_t *summary = json_object(), *skipped = json_array();
	size_t i, nerr = 0, nwarn = 0, ninfo = 0;
	char *s;

	json_object_set_new(doc, "version", json_integer(1));
	json_object_set_new(tool, "name", json_string("cwlint"));
	json_object_set_new(tool, "version", json_string(CWLINT_VERSION));
	json_object_set_new(doc, "tool", tool);
	for (i = 0; i < run->ndiags; i++) {
		const struct lint_diag *d = run->diags[i];
		json_t *o;

		nerr += d->sev == SEV_ERROR;
		nwarn += d->sev == SEV_WARNING;
		ninfo += d->sev == SEV_INFO;
		if (run->quiet && d->sev != SEV_ERROR)
			continue;
		o = json_object();
		json_object_set_new(o, "rule", json_string(d->rule->id));
		json_object_set_new(o, "severity", json_string(lint_severity_name(d->sev)));
		/* paths and messages may hold invalid UTF-8 from the user's files */
		json_object_set_new(o, "path", json_text(d->path));
		json_object_set_new(o, "line", json_integer(d->line));
		json_object_set_new(o, "column", json_integer(d->col));
		json_object_set_new(o, "end_line", json_integer(d->end_line));
		json_object_set_new(o, "end_column", json_integer(d->end_col));
		json_object_set_new(o, "message", json_text(d->message));
		json_object_set_new(o, "help", d->help ? json_text(d->help)
						      : json_null());
		json_object_set_new(o, "fix", json_null());
		json_array_append_new(diags, o);
	}
	json_object_set_new(doc, "diagnostics", diags);
	json_object_set_new(summary, "files", json_integer((json_int_t)run->nfiles));
	json_object_set_new(summary, "errors", json_integer((json_int_t)nerr));
	json_object_set_new(summary, "warnings", json_integer((json_int_t)nwarn));
	json_object_set_new(summary, "infos", json_integer((json_int_t)ninfo));
	json_object_set_new(doc, "summary", summary);
	for (i = 0; i < run->nskips; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "path", json_text(run->skips[i].path));
		json_object_set_new(o, "reason", json_text(run->skips[i].why));
		json_array_append_new(skipped, o);
	}
	json_object_set_new(doc, "skipped", skipped);
	s = json_dumps(doc, JSON_PRESERVE_ORDER | JSON_INDENT(2) | JSON_ENSURE_ASCII);
	if (s)
		puts(s);
	else
		lint_io_errors++, error("cannot encode the JSON output");
	free(s);
	json_decref(doc);
}

void lint_output(struct lint_run *run)
{
	size_t i;

	/* skipped files go to stderr in every format, so stdout stays machine-readable */
	for (i = 0; i < run->nskips; i++)
		warning("skipped %s", run->skips[i].why);
	switch (run->format) {
	case FMT_HUMAN:
		output_human(run);
		break;
	case FMT_GCC:
		output_gcc(run);
		break;
	case FMT_JSON:
		output_json(run);
		break;
	}
	fflush(stdout);
}
