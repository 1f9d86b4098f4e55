/* diag.c - findings as data: report, filter by target, sort, de-duplicate, redact. */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "sha256.h"

const char *lint_severity_name(enum lint_severity s)
{
	switch (s) {
	case SEV_ERROR: return "error";
	case SEV_WARNING: return "warning";
	case SEV_INFO: return "info";
	case SEV_OFF: return "off";
	}
	return "off";
}

int lint_severity_parse(const char *s, enum lint_severity *out)
{
	if (!strcmp(s, "error"))
		*out = SEV_ERROR;
	else if (!strcmp(s, "warning") || !strcmp(s, "warn"))
		*out = SEV_WARNING;
	else if (!strcmp(s, "info"))
		*out = SEV_INFO;
	else if (!strcmp(s, "off"))
		*out = SEV_OFF;
	else
		return -1;
	return 0;
}

static size_t rule_index(const struct lint_rule *r)
{
	size_t i;

	for (i = 0; i < lint_nrules; i++)
		if (lint_rules[i] == r)
			return i;
	BUG("rule '%s' is not in the registry", r->id);
}

/* Only findings in the files or under the folders the user named are reported. */
static bool in_targets(const struct lint_run *run, const char *abs)
{
	size_t i;

	if (!run->ntargets)
		return true;
	for (i = 0; i < run->ntargets; i++) {
		const struct lint_target *t = &run->targets[i];
		size_t n = strlen(t->abs);

		if (!strcmp(t->abs, abs))
			return true;
		if (t->is_dir && !strncmp(t->abs, abs, n) &&
		    (abs[n] == '/' || (n == 1 && t->abs[0] == '/')))
			return true;
	}
	return false;
}

bool lint_secret_key(const char *key)
{
	static const char *const parts[] = {
		"API_KEY", "SECRET", "PASSWORD", "DEPLOY_KEY", "PRIVATE_KEY", "TOKEN",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(parts); i++)
		if (strstr(key, parts[i]))
			return true;
	return false;
}

static void redacted(struct strbuf *sb, const char *s, size_t n);

/*
 * An env line for a code frame with the raw value of every secret entry on it masked,
 * whatever its length: short passwords are secrets too, and the registry skips them.
 */
static const char *env_frame(struct lint_run *run, const struct lint_source *src,
			     uint32_t lineno, const char *line, size_t len)
{
	const struct dotenv_file *env = src->env;
	uint32_t lstart = (uint32_t)(line - src->buf), lend = lstart + (uint32_t)len, at = lstart;
	struct strbuf sb = STRBUF_INIT;
	const char *ret;
	size_t i;

	(void)lineno;
	for (i = 0; i < env->nentries; i++) {
		const struct dotenv_entry *e = &env->entries[i];
		uint32_t vs = e->value_start, ve = e->value_end;

		if (ve <= lstart || vs >= lend || ve <= vs)
			continue;
		if (!lint_secret_key(e->key) && strncmp(e->value, "sk_", 3))
			continue;
		/* keep the quotes visible: only what is between them is the secret */
		if (e->quote && ve - vs >= 2 && src->buf[vs] == e->quote && src->buf[ve - 1] == e->quote) {
			vs++;
			ve--;
		}
		if (vs < at)
			vs = at;
		if (ve > lend)
			ve = lend;
		strbuf_add(&sb, src->buf + at, vs - at);
		redacted(&sb, src->buf + vs, ve - vs);
		at = ve;
	}
	strbuf_add(&sb, src->buf + at, lend - at);
	ret = arena_strndup(&run->arena, strbuf_str(&sb), sb.len);
	strbuf_release(&sb);
	return ret;
}

/* Bytes of a source line kept for the code frame around a finding. */
#define FRAME_KEEP 480

struct lint_diag *lint_report(struct lint_ctx *ctx, const struct lint_source *src,
			      uint32_t start, uint32_t end, const char *fmt, ...)
{
	struct lint_run *run = ctx->run;
	struct lint_diag *d;
	struct lint_pos a, b;
	const char *line;
	size_t len;
	va_list ap;

	pthread_mutex_lock(&run->lock);
	d = ARENA_NEW(&run->arena, struct lint_diag);
	d->rule = ctx->rule;
	d->run = run;
	d->sev = run->sev[rule_index(ctx->rule)];
	va_start(ap, fmt);
	d->message = arena_vprintf(&run->arena, fmt, ap);
	va_end(ap);
	if (!in_targets(run, src->abspath))
		goto out;	/* still returned so lint_help() works; never listed */
	if (end < start)
		end = start;
	a = lint_source_pos(src, start);
	/* suppression findings answer to nobody: they cannot be suppressed themselves */
	if (!ctx->rule->last && strcmp(ctx->rule->id, "invalid-suppression") &&
	    lint_suppressed(src, ctx->rule, a.line))
		goto out;
	b = lint_source_pos(src, end);
	d->path = arena_strdup(&run->arena, src->path);
	d->abspath = arena_strdup(&run->arena, src->abspath);
	d->line = a.line;
	d->col = a.col;
	d->end_line = b.line;
	d->end_col = b.col;
	line = lint_source_line(src, a.line, &len);
	if (src->env) {
		d->frame = env_frame(run, src, a.line, line, len);
	} else if (len > FRAME_KEEP) {
		/*
		 * A minified or generated line: keep a window around the finding, so findings
		 * on one huge line cost a window each, not the line (copy and redaction).
		 */
		size_t at = start - (uint32_t)(line - src->buf), from, to, i;
		uint32_t skipped = 0;

		if (at > len)
			at = len;
		from = at > FRAME_KEEP / 3 ? at - FRAME_KEEP / 3 : 0;
		while (from > 0 && ((unsigned char)line[from] & 0xC0) == 0x80)
			from--;
		to = from + FRAME_KEEP < len ? from + FRAME_KEEP : len;
		while (to < len && ((unsigned char)line[to] & 0xC0) == 0x80)
			to--;
		for (i = from; i < at; i++)
			if (((unsigned char)line[i] & 0xC0) != 0x80)
				skipped++;
		d->frame = arena_strndup(&run->arena, line + from, to - from);
		d->frame_skip = a.col - 1 - skipped;
		d->frame_left = from > 0;
		d->frame_right = to < len;
	} else {
		d->frame = arena_strndup(&run->arena, line, len);
	}
	d->is_env = src->env != NULL;
	/* while the source is loaded: fingerprints hash it, never the raw text */
	lint_unit_hash(src, start, end, d->unit);
	LINT_GROW(run->diags, run->ndiags + 1, run->alloc_diags);
	run->diags[run->ndiags++] = d;
out:
	pthread_mutex_unlock(&run->lock);
	return d;
}

void lint_help(struct lint_diag *d, const char *fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&d->run->lock);
	va_start(ap, fmt);
	d->help = arena_vprintf(&d->run->arena, fmt, ap);
	va_end(ap);
	pthread_mutex_unlock(&d->run->lock);
}

static int edit_cmp(const void *pa, const void *pb)
{
	const struct lint_fix_edit *a = pa, *b = pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->end < b->end ? -1 : a->end > b->end;
}

void lint_fix(struct lint_ctx *ctx, struct lint_diag *d, const struct lint_source *src,
	      bool safe, const char *title, const struct lint_edit *edits, size_t nedits)
{
	struct lint_run *run = ctx->run;
	struct lint_fix_edit *e;
	struct lint_fix *fix;
	size_t i;

	/* not reported, nothing to change, or an env file: secrets are never rewritten */
	if (!d || !d->path || !nedits || src->env)
		return;
	if (strcmp(src->abspath, d->abspath))
		BUG("rule '%s' fixes '%s' for a finding in '%s'", d->rule->id, src->path, d->path);
	/* the run's arena and secret list are shared by the threads linting other apps */
	pthread_mutex_lock(&run->lock);
	e = ARENA_ARRAY(&run->arena, struct lint_fix_edit, nedits);
	for (i = 0; i < nedits; i++) {
		const struct lint_edit *x = &edits[i];
		struct lint_pos a, b;

		if (x->start > x->end || x->end > src->len || !x->text)
			BUG("rule '%s' made an edit [%u, %u) outside '%s'", d->rule->id, x->start,
			    x->end, src->path);
		if (lint_has_secret(run, src->buf + x->start, x->end - x->start) ||
		    lint_has_secret(run, x->text, strlen(x->text)))
			goto out;
		a = lint_source_pos(src, x->start);
		b = lint_source_pos(src, x->end);
		e[i].start = x->start;
		e[i].end = x->end;
		e[i].line = a.line;
		e[i].col = a.col;
		e[i].end_line = b.line;
		e[i].end_col = b.col;
		e[i].text = arena_strdup(&run->arena, x->text);
	}
	qsort(e, nedits, sizeof(*e), edit_cmp);
	/*
	 * Overlapping edits (or two at one point, whose order nobody chose) have no one meaning:
	 * such a fix is dropped rather than guessed at, on input no test foresaw.
	 */
	for (i = 1; i < nedits; i++)
		if (e[i].start < e[i - 1].end || e[i].start == e[i - 1].start)
			goto out;
	fix = ARENA_NEW(&run->arena, struct lint_fix);
	fix->title = arena_strdup(&run->arena, title);
	fix->safe = safe;
	fix->edits = e;
	fix->nedits = nedits;
	/*
	 * Only applying fixes checks the digest. Hashing the file for each fix is cheaper than a
	 * cache shared by threads: a file rarely has more than one.
	 */
	if (run->fix || run->diff)
		sha256(src->buf, src->len, fix->digest);
	d->fix = fix;
out:
	pthread_mutex_unlock(&run->lock);
}

void lint_lower_severity(struct lint_diag *d, enum lint_severity most)
{
	if (d->sev > most)
		d->sev = most;
}

void lint_secret(struct lint_run *run, const char *value, size_t len)
{
	size_t i;

	/* very short values would blank out ordinary words in messages */
	if (len < 6)
		return;
	pthread_mutex_lock(&run->lock);
	for (i = 0; i < run->nsecrets; i++)
		if (strlen(run->secrets[i]) == len && !memcmp(run->secrets[i], value, len))
			goto out;
	LINT_GROW(run->secrets, run->nsecrets + 1, run->alloc_secrets);
	run->secrets[run->nsecrets++] = arena_strndup(&run->arena, value, len);
out:
	pthread_mutex_unlock(&run->lock);
}

/* The app the calling thread lints, and its count of notes (shared by walk and lint). */
static __thread uint64_t skip_app = 0xFFFFFFFF, *skip_seq, skip_seq_none;

void lint_skip_order(size_t app, uint64_t *seq)
{
	/* no app (seq NULL): notes of the run itself, after every app's */
	skip_app = seq ? app : 0xFFFFFFFF;
	skip_seq = seq;
}

void lint_skip(struct lint_run *run, const char *path, const char *why, bool incomplete)
{
	struct lint_skip *s;

	pthread_mutex_lock(&run->lock);
	LINT_GROW(run->skips, run->nskips + 1, run->alloc_skips);
	s = &run->skips[run->nskips++];
	s->path = arena_strdup(&run->arena, path);
	s->why = arena_strdup(&run->arena, why);
	s->incomplete = incomplete;
	s->order = skip_app << 32 | (skip_seq ? (*skip_seq)++ : skip_seq_none++);
	pthread_mutex_unlock(&run->lock);
}

static int skip_cmp(const void *pa, const void *pb)
{
	const struct lint_skip *a = pa, *b = pb;

	return a->order < b->order ? -1 : a->order > b->order;
}

/* The shown form of a secret: a recognisable prefix and the length, never the value. */
static void redacted(struct strbuf *sb, const char *s, size_t n)
{
	size_t keep, chars = 0, i;

	if (n > 8 && (!strncmp(s, "sk_test_", 8) || !strncmp(s, "sk_live_", 8)))
		keep = 8;
	else
		keep = n / 5 < 4 ? n / 5 : 4;
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			chars++;
	/* never cut a UTF-8 sequence in two */
	while (keep > 0 && keep < n && ((unsigned char)s[keep] & 0xC0) == 0x80)
		keep--;
	strbuf_add(sb, s, keep);
	strbuf_addf(sb, "\xe2\x80\xa6(%zu chars)", chars);
}

static bool key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/*
 * A Convex deploy key, "prod:happy-otter-123|eyJ2...": a deployment kind, a name, '|', and
 * 10 or more token characters (base64, JWT and URL-safe alphabets).
 */
static size_t deploy_key_len(const char *s)
{
	static const char *const kinds[] = { "prod:", "dev:", "preview:", "project:" };
	size_t i, n = 0, t;

	if (*s != 'p' && *s != 'd')
		return 0;
	for (i = 0; i < ARRAY_SIZE(kinds) && !n; i++)
		if (!strncmp(s, kinds[i], strlen(kinds[i])))
			n = strlen(kinds[i]);
	if (!n || !key_char(s[n]))
		return 0;
	while (key_char(s[n]) || s[n] == '-' || s[n] == '.')
		n++;
	if (s[n] != '|')
		return 0;
	t = ++n;
	while (key_char(s[n]) || s[n] == '-' || s[n] == '.' || s[n] == '+' || s[n] == '/' || s[n] == '=')
		n++;
	return n - t >= 10 ? n : 0;
}

/* Secret shapes redacted even when no env file or literal named them (comments, messages). */
static size_t secret_shape_len(const char *s)
{
	size_t n = 0;

	if (strncmp(s, "sk_test_", 8) && strncmp(s, "sk_live_", 8))
		return deploy_key_len(s);
	n = 8;
	while (key_char(s[n]))
		n++;
	return n >= 16 ? n : 0;
}

bool lint_has_secret(struct lint_run *run, const char *s, size_t n)
{
	char *copy = xstrndup(s, n);
	bool ret;

	/* what the one redaction function would hide is a secret: no second definition */
	ret = lint_redact(run, copy) != copy;
	free(copy);
	return ret;
}

const char *lint_redact(struct lint_run *run, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	bool changed = false, first[256];
	const char *p = s, *ret;
	size_t i;

	if (!s)
		return NULL;
	/* the first bytes of the secrets, and of the shapes secret_shape_len() knows */
	memset(first, 0, sizeof(first));
	for (i = 0; i < run->nsecrets; i++)
		first[(unsigned char)run->secrets[i][0]] = true;
	first['s'] = first['p'] = first['d'] = true;
	while (*p) {
		size_t best = 0, n;

		if (!first[(unsigned char)*p]) {
			for (n = 1; p[n] && !first[(unsigned char)p[n]]; n++)
				;
			strbuf_add(&sb, p, n);
			p += n;
			continue;
		}
		for (i = 0; i < run->nsecrets; i++) {
			size_t l = strlen(run->secrets[i]);

			if (l > best && !strncmp(p, run->secrets[i], l))
				best = l;
		}
		n = secret_shape_len(p);
		if (n > best)
			best = n;
		if (best) {
			redacted(&sb, p, best);
			p += best;
			changed = true;
		} else {
			strbuf_addch(&sb, *p++);
		}
	}
	if (!changed) {
		strbuf_release(&sb);
		return s;
	}
	ret = arena_strdup(&run->arena, strbuf_str(&sb));
	strbuf_release(&sb);
	return ret;
}

static bool fix_has_secret(struct lint_run *run, const struct lint_fix *fix)
{
	size_t i;

	if (lint_has_secret(run, fix->title, strlen(fix->title)))
		return true;
	for (i = 0; i < fix->nedits; i++)
		if (lint_has_secret(run, fix->edits[i].text, strlen(fix->edits[i].text)))
			return true;
	return false;
}

static int diag_cmp(const void *pa, const void *pb)
{
	const struct lint_diag *a = *(const struct lint_diag *const *)pa;
	const struct lint_diag *b = *(const struct lint_diag *const *)pb;
	int c = strcmp(a->path, b->path);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	c = strcmp(a->rule->id, b->rule->id);
	if (c)
		return c;
	c = strcmp(a->message, b->message);
	if (c)
		return c;
	/* the rest only so that equal-looking findings sort the same whatever thread made them */
	if (a->end_line != b->end_line)
		return a->end_line < b->end_line ? -1 : 1;
	if (a->end_col != b->end_col)
		return a->end_col < b->end_col ? -1 : 1;
	return strcmp(a->help ? a->help : "", b->help ? b->help : "");
}

void lint_finish(struct lint_run *run)
{
	size_t i, j = 0;

	if (run->ndiags)
		qsort(run->diags, run->ndiags, sizeof(*run->diags), diag_cmp);
	if (run->nskips)
		qsort(run->skips, run->nskips, sizeof(*run->skips), skip_cmp);
	for (i = 0; i < run->ndiags; i++) {
		struct lint_diag *d = run->diags[i];

		if (j && !diag_cmp(&run->diags[j - 1], &d))
			continue;
		d->message = lint_redact(run, d->message);
		d->help = lint_redact(run, d->help);
		d->frame = lint_redact(run, d->frame);
		/* secrets of apps linted after the fix was made are known only now */
		if (d->fix && fix_has_secret(run, d->fix))
			d->fix = NULL;
		run->diags[j++] = d;
	}
	run->ndiags = j;
}

int lint_exit_status(const struct lint_run *run)
{
	size_t i, warnings = 0;
	int ret = 0;

	for (i = 0; i < run->nskips; i++)
		if (run->skips[i].incomplete)
			return 3;
	if (lint_io_errors)
		return 3;
	for (i = 0; i < run->ndiags; i++) {
		if (run->diags[i]->sev == SEV_WARNING)
			warnings++;
		if (run->fail_on != SEV_OFF && run->diags[i]->sev >= run->fail_on)
			ret = 1;
	}
	if (run->max_warnings >= 0 && warnings > (size_t)run->max_warnings)
		ret = 1;
	return ret;
}
