/*
 * baseline.c - adopt cwlint on an existing project in one command: --write-baseline records
 * the current findings, --baseline hides exactly those later. Entries are keyed by rule,
 * path and a fingerprint of the finding's unit (no line numbers, so unrelated edits do not
 * invalidate them) and carry counts. Fingerprints are salted hashes: a secret that fed a
 * fingerprint cannot be read back or looked up in a precomputed table.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/random.h>
#include <jansson.h>

#include "core.h"
#include "sha256.h"
#include "version.h"

#define SALT_BYTES 16

/* The key of a finding in a baseline whose folder is dir and salt is salt (hex). */
static void entry_key(const struct lint_run *run, const struct lint_diag *d, const char *dir,
		      const char *salt, char *path_out, size_t path_size, char key[65])
{
	char fp[LINT_FINGERPRINT_HEX + 1];
	unsigned char h[SHA256_SIZE];
	char *abs = lint_abspath(run->cwd, d->path), *rel = lint_display_path(dir, abs);
	struct sha256 c;

	snprintf(path_out, path_size, "%s", rel);
	lint_fingerprint(d->rule->id, rel, d->unit, fp);
	sha256_init(&c);
	sha256_update(&c, salt, strlen(salt));
	sha256_update(&c, fp, strlen(fp));
	sha256_final(&c, h);
	sha256_hex(h, SHA256_SIZE, key);
	free(abs);
	free(rel);
}

static char *folder_of(const struct lint_run *run, const char *file)
{
	char *abs = lint_abspath(run->cwd, file), *slash = strrchr(abs, '/');

	if (slash && slash != abs)
		*slash = '\0';
	else if (slash)
		slash[1] = '\0';
	return abs;
}

int lint_baseline_write(struct lint_run *run, const char *file)
{
	unsigned char raw[SALT_BYTES];
	char salt[2 * SALT_BYTES + 1], *dir = folder_of(run, file);
	json_t *doc = json_object(), *arr = json_array(), *last = NULL;
	size_t i;
	int ret = -1;

	if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw)) {
		error("cannot read random bytes for the baseline salt: %s", strerror(errno));
		goto out;
	}
	sha256_hex(raw, sizeof(raw), salt);
	json_object_set_new(doc, "version", json_integer(1));
	json_object_set_new(doc, "tool", json_string("cwlint " CWLINT_VERSION));
	json_object_set_new(doc, "salt", json_string(salt));
	/* findings are sorted, so equal keys are neighbours only per file: count with a lookup */
	for (i = 0; i < run->ndiags; i++) {
		char path[4096], key[65];
		size_t j;
		json_t *hit = NULL;

		entry_key(run, run->diags[i], dir, salt, path, sizeof(path), key);
		for (j = json_array_size(arr); j-- > 0;) {
			json_t *e = json_array_get(arr, j);

			if (!strcmp(json_string_value(json_object_get(e, "fingerprint")), key)) {
				hit = e;
				break;
			}
		}
		if (hit) {
			json_object_set_new(hit, "count",
					    json_integer(json_integer_value(json_object_get(hit, "count")) + 1));
			continue;
		}
		last = json_object();
		json_object_set_new(last, "rule", json_string(run->diags[i]->rule->id));
		json_object_set_new(last, "path", json_string(path));
		json_object_set_new(last, "fingerprint", json_string(key));
		json_object_set_new(last, "count", json_integer(1));
		json_array_append_new(arr, last);
	}
	json_object_set_new(doc, "findings", arr);
	if (json_dump_file(doc, file, JSON_PRESERVE_ORDER | JSON_INDENT(2)) < 0) {
		error("cannot write the baseline '%s': %s", file, strerror(errno));
		lint_io_errors++;
		goto out;
	}
	fprintf(stderr, "cwlint: wrote %zu finding%s to the baseline '%s'\n", run->ndiags,
		run->ndiags == 1 ? "" : "s", file);
	/* the baseline now holds every finding: nothing is left to report */
	run->ndiags = 0;
	ret = 0;
out:
	json_decref(doc);
	free(dir);
	return ret;
}

int lint_baseline_apply(struct lint_run *run, const char *file)
{
	char *dir = folder_of(run, file);
	json_error_t err;
	json_t *doc = json_load_file(file, JSON_REJECT_DUPLICATES, &err), *arr, *e;
	const char *salt;
	size_t i, j, kept = 0, stale = 0;
	int ret = -1;

	if (!doc) {
		error("%s:%d: cannot read the baseline: %s", file, err.line, err.text);
		goto out;
	}
	salt = json_string_value(json_object_get(doc, "salt"));
	arr = json_object_get(doc, "findings");
	if (json_integer_value(json_object_get(doc, "version")) != 1 || !salt || !json_is_array(arr)) {
		error("%s: not a cwlint baseline (version 1 with salt and findings)", file);
		goto out;
	}
	json_array_foreach(arr, i, e) {
		if (!json_is_string(json_object_get(e, "fingerprint")) ||
		    !json_is_integer(json_object_get(e, "count"))) {
			error("%s: finding %zu has no fingerprint or count", file, i + 1);
			goto out;
		}
	}
	for (i = 0; i < run->ndiags; i++) {
		char path[4096], key[65];
		bool hidden = false;

		entry_key(run, run->diags[i], dir, salt, path, sizeof(path), key);
		json_array_foreach(arr, j, e) {
			json_int_t n = json_integer_value(json_object_get(e, "count"));

			if (n > 0 && !strcmp(json_string_value(json_object_get(e, "fingerprint")), key)) {
				json_object_set_new(e, "count", json_integer(n - 1));
				hidden = true;
				break;
			}
		}
		if (!hidden)
			run->diags[kept++] = run->diags[i];
	}
	run->ndiags = kept;
	json_array_foreach(arr, j, e)
		stale += (size_t)json_integer_value(json_object_get(e, "count"));
	/* --fix lints several times: the note once is enough */
	if (stale && !run->baseline_noted)
		fprintf(stderr, "cwlint: %zu baseline %s no longer %s any finding (fixed?); "
			"refresh it with --write-baseline %s\n", stale,
			stale == 1 ? "entry" : "entries", stale == 1 ? "matches" : "match", file);
	run->baseline_noted = true;
	ret = 0;
out:
	json_decref(doc);
	free(dir);
	return ret;
}
