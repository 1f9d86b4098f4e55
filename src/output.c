/*
 * output.c - the human, gcc and json formats, and where every output goes (stdout, --output
 * files); everything here reads redacted findings.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <jansson.h>

#include "output.h"
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

bool lint_command_like(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	/*
	 * The runner trims leading white space (Unicode's too) and compares culture-sensitively,
	 * which skips ignorable characters: count every non-ASCII and control byte as skippable.
	 */
	while (*p && (*p <= ' ' || *p >= 0x7f))
		p++;
	return p[0] == ':' && p[1] == ':';
}

/* Byte i of user text s, defused (see lint_put_text()). */
static void put_text_byte(FILE *out, const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (c == '[' && i >= 2 && s[i - 1] == '#' && s[i - 2] == '#')
		fputs("\xef\xbc\xbb", out);
	else if (c < ' ' || c == 0x7f)
		putc(c == '\t' ? ' ' : '?', out);
	else
		putc(c, out);
}

void lint_put_text(FILE *out, const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		put_text_byte(out, s, i);
}

/* A path that starts a line: "./" in front when it would read as a workflow command. */
static void put_line_path(FILE *out, const char *path)
{
	if (lint_command_like(path))
		fputs("./", out);
	lint_put_text(out, path);
}

static void print_frame(FILE *out, bool color, const struct lint_diag *d)
{
	const char *line = d->frame, *dim = color ? "\033[2m" : "";
	const char *reset = color ? "\033[0m" : "";
	size_t n = strlen(line), from = 0, to = n, at, stop, i;
	char num[16];
	int w;

	/* a windowed frame starts frame_skip code points into the line */
	at = col_to_byte(line, n, d->col - d->frame_skip);
	stop = d->end_line == d->line ? col_to_byte(line, n, d->end_col - d->frame_skip) : n;
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
	fprintf(out, "%s%*s |%s\n", dim, w, "", reset);
	fprintf(out, "%s%s |%s %s", dim, num, reset, from || d->frame_left ? "\xe2\x80\xa6" : "");
	/* the quoted line is the user's: no control bytes, no "##[" workflow command */
	for (i = from; i < to; i++)
		put_text_byte(out, line, i);
	fprintf(out, "%s\n", to < n || d->frame_right ? "\xe2\x80\xa6" : "");
	fprintf(out, "%s%*s |%s %s", dim, w, "", reset, from || d->frame_left ? " " : "");
	for (i = from; i < at && i < to; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			putc(' ', out);
	fprintf(out, "%s^", color ? sev_color(d->sev) : "");
	for (i = at + 1; i < stop && i < to; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			putc('~', out);
	fprintf(out, "%s\n", reset);
}

/* " (F fixable with --fix)" after the summary, and how many more --unsafe-fixes would fix. */
static void put_fixable(const struct lint_run *run, FILE *out)
{
	size_t i, safe = 0, unsafe = 0;

	for (i = 0; i < run->ndiags; i++) {
		const struct lint_fix *f = run->diags[i]->fix;

		safe += f && f->safe;
		unsafe += f && !f->safe;
	}
	if (safe && unsafe)
		fprintf(out, " (%zu fixable with --fix, %zu more with --unsafe-fixes)", safe, unsafe);
	else if (safe)
		fprintf(out, " (%zu fixable with --fix)", safe);
	else if (unsafe)
		fprintf(out, " (%zu fixable with --fix --unsafe-fixes)", unsafe);
}

static void output_human(struct lint_run *run, FILE *out, bool color)
{
	size_t i, nerr = 0, nwarn = 0, ninfo = 0;
	const char *bold = color ? "\033[1m" : "", *reset = color ? "\033[0m" : "";

	for (i = 0; i < run->ndiags; i++) {
		const struct lint_diag *d = run->diags[i];

		nerr += d->sev == SEV_ERROR;
		nwarn += d->sev == SEV_WARNING;
		ninfo += d->sev == SEV_INFO;
		if (run->quiet && d->sev != SEV_ERROR)
			continue;
		fputs(bold, out);
		put_line_path(out, d->path);
		fprintf(out, ":%u:%u:%s %s%s:%s %s", d->line, d->col, reset,
			color ? sev_color(d->sev) : "", lint_severity_name(d->sev), reset, bold);
		lint_put_text(out, d->message);
		fprintf(out, " [%s]%s\n", d->rule->id, reset);
		print_frame(out, color, d);
		if (d->help) {
			fprintf(out, "  %shelp:%s ", color ? "\033[1;32m" : "", reset);
			lint_put_text(out, d->help);
			putc('\n', out);
		}
		putc('\n', out);
	}
	fprintf(out, "%zu error%s, %zu warning%s", nerr, nerr == 1 ? "" : "s", nwarn,
		nwarn == 1 ? "" : "s");
	if (ninfo)
		fprintf(out, ", %zu info%s", ninfo, ninfo == 1 ? "" : "s");
	fprintf(out, " in %zu file%s", run->nfiles, run->nfiles == 1 ? "" : "s");
	put_fixable(run, out);
	putc('\n', out);
}

static void output_gcc(struct lint_run *run, FILE *out)
{
	size_t i;

	for (i = 0; i < run->ndiags; i++) {
		const struct lint_diag *d = run->diags[i];

		if (run->quiet && d->sev != SEV_ERROR)
			continue;
		put_line_path(out, d->path);
		fprintf(out, ":%u:%u: %s: ", d->line, d->col, lint_severity_name(d->sev));
		lint_put_text(out, d->message);
		fprintf(out, " [%s]\n", d->rule->id);
	}
}

json_t *lint_json_text(const char *s)
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

int lint_json_write(json_t *doc, FILE *out)
{
	char *s = json_dumps(doc, JSON_PRESERVE_ORDER | JSON_INDENT(2) | JSON_ENSURE_ASCII);
	const char *p, *hit;

	json_decref(doc);
	if (!s)
		return -1;
	/* '#' never appears outside strings, and "\u005b" is '[' inside one */
	for (p = s; (hit = strstr(p, "##[")); p = hit + 3) {
		fwrite(p, 1, (size_t)(hit - p), out);
		fputs("##\\u005b", out);
	}
	fputs(p, out);
	putc('\n', out);
	free(s);
	return 0;
}

/* {"title", "safe", "edits": [{"line", "column", "end_line", "end_column", "text"}]} or null. */
static json_t *json_fix(const struct lint_fix *fix)
{
	json_t *o, *edits;
	size_t i;

	if (!fix)
		return json_null();
	o = json_object();
	edits = json_array();
	json_object_set_new(o, "title", lint_json_text(fix->title));
	json_object_set_new(o, "safe", json_boolean(fix->safe));
	for (i = 0; i < fix->nedits; i++) {
		const struct lint_fix_edit *e = &fix->edits[i];
		json_t *j = json_object();

		json_object_set_new(j, "line", json_integer(e->line));
		json_object_set_new(j, "column", json_integer(e->col));
		json_object_set_new(j, "end_line", json_integer(e->end_line));
		json_object_set_new(j, "end_column", json_integer(e->end_col));
		json_object_set_new(j, "text", lint_json_text(e->text));
		json_array_append_new(edits, j);
	}
	json_object_set_new(o, "edits", edits);
	return o;
}

static void output_json(struct lint_run *run, FILE *out)
{
	json_t *doc = json_object(), *diags = json_array(), *tool = json_object();
	json_t *summary = json_object(), *skipped = json_array();
	size_t i, nerr = 0, nwarn = 0, ninfo = 0;

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
		json_object_set_new(o, "path", lint_json_text(d->path));
		json_object_set_new(o, "line", json_integer(d->line));
		json_object_set_new(o, "column", json_integer(d->col));
		json_object_set_new(o, "end_line", json_integer(d->end_line));
		json_object_set_new(o, "end_column", json_integer(d->end_col));
		json_object_set_new(o, "message", lint_json_text(d->message));
		json_object_set_new(o, "help", d->help ? lint_json_text(d->help)
						      : json_null());
		json_object_set_new(o, "fix", json_fix(d->fix));
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

		json_object_set_new(o, "path", lint_json_text(run->skips[i].path));
		json_object_set_new(o, "reason", lint_json_text(run->skips[i].why));
		json_array_append_new(skipped, o);
	}
	json_object_set_new(doc, "skipped", skipped);
	if (lint_json_write(doc, out))
		lint_io_errors++, error("cannot encode the JSON output");
}

int lint_format_parse(const char *s, enum lint_format *out)
{
	static const char *const names[] = { "human", "gcc", "json", "sarif", "github" };
	static const enum lint_format formats[] = { FMT_HUMAN, FMT_GCC, FMT_JSON, FMT_SARIF, FMT_GITHUB };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(s, names[i])) {
			*out = formats[i];
			return 0;
		}
	return -1;
}

char *lint_diag_abspath(const struct lint_run *run, const struct lint_diag *d)
{
	return lint_abspath(run->cwd, d->path);
}

/* The nearest folder up from cwd holding a .git (a folder, or a file in a worktree), or cwd. */
static const char *repo_root(const char *cwd)
{
	static char root[PATH_MAX], for_cwd[PATH_MAX];
	char probe[PATH_MAX + 8];
	struct stat st;

	if (root[0] && !strcmp(for_cwd, cwd))
		return root;
	snprintf(for_cwd, sizeof(for_cwd), "%s", cwd);
	snprintf(root, sizeof(root), "%s", cwd);
	for (;;) {
		char *slash;

		snprintf(probe, sizeof(probe), "%s/.git", strcmp(root, "/") ? root : "");
		if (!stat(probe, &st))
			return root;
		slash = strrchr(root, '/');
		if (!slash || !strcmp(root, "/"))
			break;
		slash[slash == root] = '\0';
	}
	snprintf(root, sizeof(root), "%s", cwd);
	return root;
}

const char *lint_repo_path(struct lint_run *run, const char *display_path)
{
	const char *root = repo_root(run->cwd), *ret = NULL;
	char *abs = lint_abspath(run->cwd, display_path);
	size_t n = strlen(root);

	if (!strcmp(root, "/"))
		ret = arena_strdup(&run->arena, abs + 1);
	else if (!strncmp(abs, root, n) && abs[n] == '/')
		ret = arena_strdup(&run->arena, abs + n + 1);
	free(abs);
	return ret;
}

static void write_format(struct lint_run *run, enum lint_format fmt, FILE *out, bool color)
{
	switch (fmt) {
	case FMT_HUMAN:
		output_human(run, out, color);
		break;
	case FMT_GCC:
		output_gcc(run, out);
		break;
	case FMT_JSON:
		output_json(run, out);
		break;
	case FMT_SARIF:
		lint_output_sarif(run, out);
		break;
	case FMT_GITHUB:
		lint_output_github(run, out);
		break;
	}
}

void lint_output_skips(struct lint_run *run)
{
	size_t i;

	/* skipped files go to stderr in every format, so stdout stays machine-readable */
	for (i = 0; i < run->nskips; i++) {
		fputs("cwlint: warning: skipped ", stderr);
		lint_put_text(stderr, run->skips[i].why);
		putc('\n', stderr);
	}
}

void lint_output(struct lint_run *run)
{
	bool github = run->format == FMT_GITHUB || run->github_too;
	size_t i;

	lint_output_skips(run);
	write_format(run, run->format, stdout, run->color);
	if (run->github_too && run->format != FMT_GITHUB)
		write_format(run, FMT_GITHUB, stdout, false);
	if (fflush(stdout) || ferror(stdout)) {
		lint_io_errors++;
		error("cannot write to standard output: %s", strerror(errno));
	}
	/* the only files cwlint writes (besides --fix): created or truncated, never appended to */
	for (i = 0; i < run->noutputs; i++) {
		const struct lint_output_file *o = &run->outputs[i];
		FILE *f = fopen(o->path, "w");

		if (!f) {
			lint_io_errors++;
			error("cannot write '%s': %s", o->path, strerror(errno));
			continue;
		}
		write_format(run, o->format, f, false);
		github |= o->format == FMT_GITHUB;
		if (ferror(f) | fclose(f)) {
			lint_io_errors++;
			error("cannot write '%s': %s", o->path, strerror(errno));
		}
	}
	if (github)
		lint_step_summary(run);
}
