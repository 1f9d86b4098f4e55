/*
 * output.h - what the output writers share (output.c, sarif.c, github.c). Every writer
 * reads findings after lint_finish(), so messages, help and frames are already redacted.
 *
 * In GitHub Actions every line a step prints is parsed for workflow commands: "::cmd::"
 * after leading blanks, and the legacy "##[cmd]" anywhere in a line. Text quoted from the
 * user's files (paths, messages, frames) must never form either; these helpers see to it.
 */
#ifndef CWLINT_OUTPUT_H
#define CWLINT_OUTPUT_H

#include <stdio.h>
#include <jansson.h>

#include "core.h"

/* A JSON string from bytes that may not be UTF-8: invalid bytes become U+FFFD. */
json_t *lint_json_text(const char *s);
/*
 * Writes doc (consumed) to out, indented, with a final newline. Returns 0, or -1 when it
 * cannot be encoded. "##[" inside strings is written "##\u005b": the same JSON value, no
 * workflow command.
 */
int lint_json_write(json_t *doc, FILE *out);

/*
 * The path of a finding's file relative to the repository root (the nearest folder up from
 * the cwd with a .git, else the cwd), '/'-separated: what GitHub keys annotations and code
 * scanning alerts by. NULL when the file is outside that root. Returns an arena string.
 */
const char *lint_repo_path(struct lint_run *run, const char *display_path);
/* The absolute path of a finding's file (malloc'd). */
char *lint_diag_abspath(const struct lint_run *run, const struct lint_diag *d);

/* True when a line starting with s would be read as a "::" workflow command. */
bool lint_command_like(const char *s);
/*
 * Writes user text on one output line: control characters (line breaks included) become
 * '?', and the '[' of "##[" becomes U+FF3B (one code point for one, so columns still line up).
 */
void lint_put_text(FILE *out, const char *s);

/* The formats in sarif.c and github.c. */
void lint_output_sarif(struct lint_run *run, FILE *out);
void lint_output_github(struct lint_run *run, FILE *out);
/* Appends the Markdown table of findings to $GITHUB_STEP_SUMMARY when it is set. */
void lint_step_summary(struct lint_run *run);

#endif
