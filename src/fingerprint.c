/*
 * fingerprint.c - what identifies a finding across runs: a hash of its rule, its file and
 * its unit (the reported text, or an env entry's key), never its line number, so findings
 * keep their identity when unrelated lines are inserted above them (SARIF
 * partialFingerprints, the baseline).
 */
#include <string.h>

#include "core.h"
#include "sha256.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Hashes s[0..n) with runs of whitespace as one space and none at either end. */
static void add_collapsed(struct sha256 *c, const char *s, size_t n)
{
	bool pending = false, any = false;
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		if (is_space(s[i])) {
			pending = any;
			continue;
		}
		if (pending) {
			sha256_update(c, " ", 1);
			pending = false;
		}
		/* hand over runs of ordinary bytes in one call */
		for (run = i; run < n && !is_space(s[run]); run++)
			;
		sha256_update(c, s + i, run - i);
		i = run - 1;
		any = true;
	}
}

static bool blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_space(s[i]))
			return false;
	return true;
}

void lint_unit_hash(const struct lint_source *src, uint32_t start, uint32_t end,
		    unsigned char out[32])
{
	struct sha256 c;
	size_t len;
	const char *line;

	if (end > src->len)
		end = (uint32_t)src->len;
	if (start > end)
		start = end;
	sha256_init(&c);
	if (src->env) {
		const struct dotenv_file *env = src->env;
		const char *eq;
		size_t i;

		/*
		 * An env finding is about an entry: key it by the entry's name, so a secret value
		 * never feeds a fingerprint and rotating a value keeps the finding's identity.
		 */
		for (i = 0; i < env->nentries; i++) {
			const struct dotenv_entry *e = &env->entries[i];

			if ((start >= e->start && start <= e->end) || (start < e->end && end > e->start)) {
				sha256_update(&c, "env-key\0", 8);
				sha256_update(&c, e->key, strlen(e->key));
				goto out;
			}
		}
		/* no entry (a line that does not parse): what stands before its '=' */
		line = lint_source_line(src, lint_source_pos(src, start).line, &len);
		eq = memchr(line, '=', len);
		sha256_update(&c, "env-line\0", 9);
		add_collapsed(&c, line, eq ? (size_t)(eq - line) : len);
		goto out;
	}
	if (!blank(src->buf + start, end - start)) {
		sha256_update(&c, "text\0", 5);
		add_collapsed(&c, src->buf + start, end - start);
		goto out;
	}
	/* an empty span points at a place: the line around it is the unit */
	line = lint_source_line(src, lint_source_pos(src, start).line, &len);
	sha256_update(&c, "line\0", 5);
	add_collapsed(&c, line, len);
out:
	sha256_final(&c, out);
}

void lint_fingerprint(const char *rule_id, const char *path, const unsigned char unit[32],
		      char out[LINT_FINGERPRINT_HEX + 1])
{
	unsigned char d[SHA256_SIZE];
	struct sha256 c;

	sha256_init(&c);
	/* a version tag: a change of recipe must not collide with old fingerprints */
	sha256_update(&c, "cwlint-fingerprint-1", 21);
	sha256_update(&c, rule_id, strlen(rule_id) + 1);
	sha256_update(&c, path, strlen(path) + 1);
	sha256_update(&c, unit, 32);
	sha256_final(&c, d);
	sha256_hex(d, LINT_FINGERPRINT_HEX / 2, out);
}
