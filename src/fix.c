/*
 * fix.c - --fix and --diff: apply the rules' fixes to the files' text in memory, lint that
 * text again until no fix is left to apply, then write each changed file once (atomically)
 * or print the changes as a unified diff.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"
#include "output.h"
#include "sha256.h"

#define DIFF_CONTEXT 3		/* lines of context around each change, as diff -u */
#define DIFF_MAX_D 1000		/* Myers edit distance past which a region is shown whole */

static struct lint_fixfile *find(const struct lint_run *run, const char *abspath)
{
	size_t i;

	for (i = 0; i < run->nfixfiles; i++)
		if (!strcmp(run->fixfiles[i].abspath, abspath))
			return &run->fixfiles[i];
	return NULL;
}

const struct lint_fixfile *lint_fixfile_find(const struct lint_run *run, const char *abspath)
{
	const struct lint_fixfile *o = find(run, abspath);

	/* a file that could not be read or written is linted as it is on disk */
	return o && !o->failed ? o : NULL;
}

/* Reads a whole file into a malloc'd, NUL-terminated buffer; -1 with errno set. */
static int read_file(const char *path, char **out, size_t *outlen)
{
	struct strbuf sb = STRBUF_INIT;
	char chunk[65536];
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), saved;
	ssize_t r;

	if (fd < 0)
		return -1;
	for (;;) {
		r = read(fd, chunk, sizeof(chunk));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		strbuf_add(&sb, chunk, (size_t)r);
	}
	saved = errno;
	close(fd);
	if (r < 0) {
		strbuf_release(&sb);
		errno = saved;
		return -1;
	}
	*outlen = sb.len;
	*out = strbuf_detach(&sb);
	return 0;
}

/* The overlay of a file about to be fixed; the first time, its bytes come from disk. */
static struct lint_fixfile *overlay_get(struct lint_run *run, const struct lint_diag *d)
{
	struct lint_fixfile *o = find(run, d->abspath);
	char *buf;
	size_t len;

	if (o)
		return o->failed ? NULL : o;
	LINT_GROW(run->fixfiles, run->nfixfiles + 1, run->alloc_fixfiles);
	o = &run->fixfiles[run->nfixfiles++];
	memset(o, 0, sizeof(*o));
	o->abspath = xstrdup(d->abspath);
	o->display = xstrdup(d->path);
	if (read_file(o->abspath, &buf, &len)) {
		lint_io_errors++;
		error("cannot read '%s' to fix it: %s", o->display, strerror(errno));
		o->failed = true;
		return NULL;
	}
	o->orig = buf;
	o->orig_len = len;
	o->buf = xmalloc(len + 1);
	memcpy(o->buf, buf, len + 1);
	o->len = len;
	return o;
}

/* Fixes in the order they are tried: by file, then by where their first edit is. */
static int fix_cmp(const void *pa, const void *pb)
{
	const struct lint_diag *a = *(const struct lint_diag *const *)pa;
	const struct lint_diag *b = *(const struct lint_diag *const *)pb;
	int c = strcmp(a->abspath, b->abspath);

	if (c)
		return c;
	if (a->fix->edits[0].start != b->fix->edits[0].start)
		return a->fix->edits[0].start < b->fix->edits[0].start ? -1 : 1;
	c = strcmp(a->rule->id, b->rule->id);
	return c ? c : strcmp(a->fix->title, b->fix->title);
}

/*
 * Two edits clash when their ranges overlap, or when both touch one point and one of them
 * inserts there (which goes first would be a guess). The later fix waits for the next pass.
 */
static bool clash(const struct lint_fix_edit *a, const struct lint_fix_edit *b)
{
	if (a->start == b->start)
		return true;
	return a->start < b->end && b->start < a->end;
}

static int edit_ptr_cmp(const void *pa, const void *pb)
{
	const struct lint_fix_edit *a = *(const struct lint_fix_edit *const *)pa;
	const struct lint_fix_edit *b = *(const struct lint_fix_edit *const *)pb;

	return a->start < b->start ? -1 : a->start > b->start;
}

/* Applies the non-clashing fixes of one file (diags[0..n)); returns how many changed it. */
static size_t apply_file(struct lint_run *run, const struct lint_diag *const *diags, size_t n)
{
	struct lint_fixfile *o = overlay_get(run, diags[0]);
	const struct lint_fix_edit **acc = NULL;
	size_t nacc = 0, alloc = 0, nfix = 0, i, j, k;
	unsigned char digest[32];
	struct strbuf sb = STRBUF_INIT;
	uint32_t at = 0;

	if (!o)
		return 0;
	sha256(o->buf, o->len, digest);
	for (i = 0; i < n; i++) {
		const struct lint_fix *fix = diags[i]->fix;
		bool ok = true;

		/* the offsets are into the bytes cwlint linted: anything else is someone's edit */
		if (memcmp(fix->digest, digest, sizeof(digest))) {
			lint_io_errors++;
			error("'%s' changed while cwlint was fixing it; it was left alone", o->display);
			o->failed = true;
			free(acc);
			return 0;
		}
		for (j = 0; j < fix->nedits && ok; j++) {
			const struct lint_fix_edit *e = &fix->edits[j];

			if (e->end > o->len ||
			    lint_has_secret(run, o->buf + e->start, e->end - e->start))
				ok = false;
			for (k = 0; k < nacc && ok; k++)
				ok = !clash(acc[k], e);
		}
		if (!ok)
			continue;
		for (j = 0; j < fix->nedits; j++) {
			LINT_GROW(acc, nacc + 1, alloc);
			acc[nacc++] = &fix->edits[j];
		}
		nfix++;
	}
	if (nacc > 1)
		qsort(acc, nacc, sizeof(*acc), edit_ptr_cmp);
	for (i = 0; i < nacc; i++) {
		strbuf_add(&sb, o->buf + at, acc[i]->start - at);
		strbuf_adds(&sb, acc[i]->text);
		at = acc[i]->end;
	}
	strbuf_add(&sb, o->buf + at, o->len - at);
	free(acc);
	/* a fix that rewrites text to itself would come back every pass */
	if (sb.len == o->len && !memcmp(strbuf_str(&sb), o->buf, o->len)) {
		strbuf_release(&sb);
		return 0;
	}
	free(o->buf);
	o->len = sb.len;
	o->buf = strbuf_detach(&sb);
	o->nfixed += nfix;
	return nfix;
}

/* One round: every wanted fix of the current findings, file by file. Returns fixes applied. */
static size_t apply_pass(struct lint_run *run)
{
	const struct lint_diag **ds = NULL;
	size_t n = 0, alloc = 0, total = 0, i, j;

	for (i = 0; i < run->ndiags; i++) {
		const struct lint_diag *d = run->diags[i];

		if (!d->fix || !d->abspath || (!d->fix->safe && !run->unsafe_fixes))
			continue;
		LINT_GROW(ds, n + 1, alloc);
		ds[n++] = d;
	}
	if (n > 1)
		qsort(ds, n, sizeof(*ds), fix_cmp);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && !strcmp(ds[j]->abspath, ds[i]->abspath); j++)
			;
		total += apply_file(run, ds + i, j - i);
	}
	free(ds);
	return total;
}

/* --- writing --- */

/*
 * Replaces the file with o->buf: a temporary file in the same folder, fsync'd, given the
 * original's mode (and owner when allowed), renamed over it. Nothing is written when the
 * file is read-only or changed on disk since cwlint read it.
 */
static int write_atomic(struct lint_fixfile *o)
{
	char *real = realpath(o->abspath, NULL), *disk = NULL, *tmp = NULL, *slash;
	const char *why = NULL;
	size_t disk_len = 0, done = 0;
	struct stat st;
	int fd = -1, ret = -1, dfd;

	/* through a symlink the target is rewritten, and the link stays a link */
	if (!real || stat(real, &st)) {
		why = strerror(errno);
		goto out;
	}
	if (!(st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) || access(real, W_OK)) {
		why = "the file is read-only";
		goto out;
	}
	if (read_file(real, &disk, &disk_len)) {
		why = strerror(errno);
		goto out;
	}
	if (disk_len != o->orig_len || memcmp(disk, o->orig, disk_len)) {
		why = "it changed on disk while cwlint was fixing it";
		goto out;
	}
	slash = strrchr(real, '/');
	tmp = xmalloc(strlen(real) + 32);
	sprintf(tmp, "%.*s/.%s.cwlint-XXXXXX", (int)(slash - real), real, slash + 1);
	fd = mkstemp(tmp);
	if (fd < 0) {
		why = strerror(errno);
		free(tmp);
		tmp = NULL;
		goto out;
	}
	while (done < o->len) {
		ssize_t w = write(fd, o->buf + done, o->len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			why = strerror(errno);
			goto out;
		}
		done += (size_t)w;
	}
	if (fchmod(fd, st.st_mode & 07777) || fsync(fd)) {
		why = strerror(errno);
		goto out;
	}
	/* only root may give a file away; anyone else keeps the new file as their own */
	if (fchown(fd, st.st_uid, st.st_gid) && errno != EPERM) {
		why = strerror(errno);
		goto out;
	}
	if (close(fd)) {
		fd = -1;
		why = strerror(errno);
		goto out;
	}
	fd = -1;
	if (rename(tmp, real)) {
		why = strerror(errno);
		goto out;
	}
	free(tmp);
	tmp = NULL;
	/* the rename itself is durable once the folder is synced */
	*slash = '\0';
	dfd = open(*real ? real : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	ret = 0;
out:
	if (fd >= 0)
		close(fd);
	if (tmp) {
		unlink(tmp);
		free(tmp);
	}
	if (ret) {
		lint_io_errors++;
		error("cannot write '%s': %s; its fixes were not applied", o->display, why);
		o->failed = true;
	}
	free(disk);
	free(real);
	return ret;
}

/* --- unified diff --- */

struct line {
	const char *s;
	size_t len;			/* with its line end */
};

static size_t split_lines(const char *buf, size_t len, struct line **out)
{
	struct line *l = NULL;
	size_t n = 0, alloc = 0, at = 0, i;

	for (i = 0; i < len; i++)
		if (buf[i] == '\n' || i + 1 == len) {
			LINT_GROW(l, n + 1, alloc);
			l[n].s = buf + at;
			l[n].len = i + 1 - at;
			n++;
			at = i + 1;
		}
	*out = l;
	return n;
}

static bool line_eq(const struct line *a, const struct line *b)
{
	return a->len == b->len && !memcmp(a->s, b->s, a->len);
}

enum op { OP_EQ, OP_DEL, OP_INS };

struct script {
	enum op *ops;
	size_t n, alloc;
};

static void push(struct script *sc, enum op op)
{
	LINT_GROW(sc->ops, sc->n + 1, sc->alloc);
	sc->ops[sc->n++] = op;
}

/*
 * The shortest edit script from a[0..n) to b[0..m) (Myers' greedy algorithm), appended to
 * sc. Past DIFF_MAX_D edits the region is shown as deleted and inserted whole: correct, only
 * not minimal, and the memory stays bounded.
 */
static void myers(const struct line *a, size_t n, const struct line *b, size_t m,
		  struct script *sc)
{
	long max = (long)(n + m), dmax = max < DIFF_MAX_D ? max : DIFF_MAX_D, d, k, x, y;
	long *v = xcalloc((size_t)(2 * dmax + 3), sizeof(long)), **trace;
	long off = dmax + 1, found = -1;
	enum op *rev;
	size_t nrev = 0, i;

	trace = xcalloc((size_t)dmax + 1, sizeof(*trace));
	for (d = 0; d <= dmax && found < 0; d++) {
		/* a snapshot of v before step d, for k in [-d-1, d+1] */
		trace[d] = xmalloc((size_t)(2 * d + 3) * sizeof(long));
		memcpy(trace[d], v + off - d - 1, (size_t)(2 * d + 3) * sizeof(long));
		for (k = -d; k <= d; k += 2) {
			if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
				x = v[off + k + 1];
			else
				x = v[off + k - 1] + 1;
			y = x - k;
			while (x < (long)n && y < (long)m && line_eq(&a[x], &b[y]))
				x++, y++;
			v[off + k] = x;
			if (x >= (long)n && y >= (long)m) {
				found = d;
				break;
			}
		}
	}
	if (found < 0) {
		for (i = 0; i < n; i++)
			push(sc, OP_DEL);
		for (i = 0; i < m; i++)
			push(sc, OP_INS);
		goto out;
	}
	rev = xmalloc((n + m + 1) * sizeof(*rev));
	x = (long)n;
	y = (long)m;
	for (d = found; d >= 0; d--) {
		const long *t = trace[d] + d + 1;	/* t[k] is v[k] before step d */
		long pk, px, py;

		k = x - y;
		if (k == -d || (k != d && t[k - 1] < t[k + 1]))
			pk = k + 1;
		else
			pk = k - 1;
		px = d ? t[pk] : 0;
		py = px - pk;
		while (x > px && y > py) {
			rev[nrev++] = OP_EQ;
			x--, y--;
		}
		if (d > 0)
			rev[nrev++] = x == px ? OP_INS : OP_DEL;
		x = px;
		y = py;
	}
	while (nrev)
		push(sc, rev[--nrev]);
	free(rev);
out:
	for (d = 0; d <= dmax; d++)
		free(trace[d]);
	free(trace);
	free(v);
}

/* One diff line: prefix, the text redacted and defused, then the line end. */
static void put_line(struct lint_run *run, FILE *out, char prefix, const struct line *l)
{
	size_t len = l->len, i;
	bool eol = len && l->s[len - 1] == '\n';
	const char *s;
	char *copy;

	if (eol)
		len--;
	copy = xstrndup(l->s, len);
	/* a secret on a context line is shown the way every other output shows it */
	s = lint_redact(run, copy);
	putc(prefix, out);
	for (i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		/* text stays exact except what could steer a terminal or a CI log */
		if (c == '[' && i >= 2 && s[i - 1] == '#' && s[i - 2] == '#')
			fputs("\xef\xbc\xbb", out);
		else if ((c < ' ' && c != '\t' && !(c == '\r' && !s[i + 1])) || c == 0x7f)
			putc('?', out);
		else
			putc(c, out);
	}
	putc('\n', out);
	if (!eol)
		fputs("\\ No newline at end of file\n", out);
	free(copy);
}

static void put_range(FILE *out, char sign, size_t start, size_t count)
{
	/* an empty range names the line before it, as diff -u does */
	fprintf(out, " %c%zu", sign, count ? start + 1 : start);
	if (count != 1)
		fprintf(out, ",%zu", count);
}

/* Prints the unified diff of one file; returns true when it changed. */
static bool print_diff(struct lint_run *run, FILE *out, const struct lint_fixfile *o)
{
	struct line *a, *b;
	size_t na, nb, pre = 0, suf = 0, i, *pa, *pb;
	struct script sc = { NULL, 0, 0 };

	if (o->len == o->orig_len && !memcmp(o->buf, o->orig, o->len))
		return false;
	na = split_lines(o->orig, o->orig_len, &a);
	nb = split_lines(o->buf, o->len, &b);
	while (pre < na && pre < nb && line_eq(&a[pre], &b[pre]))
		pre++;
	while (suf < na - pre && suf < nb - pre && line_eq(&a[na - 1 - suf], &b[nb - 1 - suf]))
		suf++;
	for (i = 0; i < pre; i++)
		push(&sc, OP_EQ);
	myers(a + pre, na - pre - suf, b + pre, nb - pre - suf, &sc);
	for (i = 0; i < suf; i++)
		push(&sc, OP_EQ);

	fputs("--- a/", out);
	lint_put_text(out, o->display);
	fputs("\n+++ b/", out);
	lint_put_text(out, o->display);
	putc('\n', out);
	/* pa[j], pb[j]: lines of each side before op j */
	pa = xmalloc((sc.n + 1) * sizeof(*pa));
	pb = xmalloc((sc.n + 1) * sizeof(*pb));
	pa[0] = pb[0] = 0;
	for (i = 0; i < sc.n; i++) {
		pa[i + 1] = pa[i] + (sc.ops[i] != OP_INS);
		pb[i + 1] = pb[i] + (sc.ops[i] != OP_DEL);
	}
	/* hunks: changes with DIFF_CONTEXT lines around, merged when their contexts meet */
	for (i = 0; i < sc.n;) {
		size_t c = i, e, start, end, j;

		while (c < sc.n && sc.ops[c] == OP_EQ)
			c++;
		if (c == sc.n)
			break;
		e = c;
		for (j = c + 1; j < sc.n; j++) {
			if (sc.ops[j] == OP_EQ)
				continue;
			if (j - e - 1 > 2 * DIFF_CONTEXT)
				break;
			e = j;
		}
		start = c - i > DIFF_CONTEXT ? c - DIFF_CONTEXT : i;
		end = sc.n - e - 1 > DIFF_CONTEXT ? e + 1 + DIFF_CONTEXT : sc.n;
		fputs("@@", out);
		put_range(out, '-', pa[start], pa[end] - pa[start]);
		put_range(out, '+', pb[start], pb[end] - pb[start]);
		fputs(" @@\n", out);
		for (j = start; j < end; j++) {
			if (sc.ops[j] == OP_EQ)
				put_line(run, out, ' ', &a[pa[j]]);
			else if (sc.ops[j] == OP_DEL)
				put_line(run, out, '-', &a[pa[j]]);
			else
				put_line(run, out, '+', &b[pb[j]]);
		}
		i = end;
	}
	free(pa);
	free(pb);
	free(sc.ops);
	free(a);
	free(b);
	return true;
}

/* --- the driver --- */

static int lint_once(struct lint_run *run, const char *baseline, bool again)
{
	if (again)
		lint_run_reset(run);
	if (lint_run_paths(run))
		return 3;
	lint_finish(run);
	if (baseline && lint_baseline_apply(run, baseline))
		return 2;
	return 0;
}

int lint_fix_paths(struct lint_run *run, const char *baseline)
{
	size_t pass, i, nfixed = 0, nfiles = 0;
	bool failed = false;
	int ret;

	for (pass = 0;; pass++) {
		ret = lint_once(run, baseline, pass > 0);
		if (ret)
			return ret;
		if (pass == LINT_FIX_PASSES || !apply_pass(run))
			break;
	}
	if (run->diff) {
		for (i = 0; i < run->nfixfiles; i++) {
			const struct lint_fixfile *o = &run->fixfiles[i];

			if (!o->failed && print_diff(run, stdout, o)) {
				nfixed += o->nfixed;
				nfiles++;
			}
		}
		lint_output_skips(run);
		if (fflush(stdout) || ferror(stdout)) {
			lint_io_errors++;
			error("cannot write to standard output: %s", strerror(errno));
		}
		if (nfiles && !run->quiet)
			fprintf(stderr, "cwlint: --fix would fix %zu finding%s in %zu file%s\n", nfixed,
				nfixed == 1 ? "" : "s", nfiles, nfiles == 1 ? "" : "s");
		ret = lint_exit_status(run);
		return ret == 3 ? 3 : nfiles ? 1 : 0;
	}
	for (i = 0; i < run->nfixfiles; i++) {
		struct lint_fixfile *o = &run->fixfiles[i];

		if (o->failed || (o->len == o->orig_len && !memcmp(o->buf, o->orig, o->len)))
			continue;
		if (write_atomic(o)) {
			failed = true;
			continue;
		}
		nfixed += o->nfixed;
		nfiles++;
	}
	if (nfiles && !run->quiet)
		fprintf(stderr, "cwlint: fixed %zu finding%s in %zu file%s\n", nfixed,
			nfixed == 1 ? "" : "s", nfiles, nfiles == 1 ? "" : "s");
	/* what remains is what is on disk: lint it again if some file kept its old text */
	if (failed) {
		ret = lint_once(run, baseline, true);
		if (ret)
			return ret;
	}
	lint_output(run);
	return lint_exit_status(run);
}
