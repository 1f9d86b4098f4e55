/*
 * suppress.c - inline suppressions: `// cwlint-ignore RULE[,RULE]: reason` (next statement or
 * this line), `// cwlint-ignore-file RULE: reason`, and `# cwlint-ignore RULE: reason` in env
 * files (next entry). A suppression without a reason, or naming an unknown rule, suppresses
 * nothing and is itself reported (invalid-suppression).
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "core.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Parses the text after the comment marker; fills s (arena strings). */
static void parse_directive(struct lint_run *run, struct arena *a, const char *t, size_t n,
			    struct lint_supp *s)
{
	const char *p = t, *e = t + n, *colon, *r;
	size_t cap = 0;

	s->file_wide = false;
	p += strlen("cwlint-ignore");
	if (e - p >= 5 && !memcmp(p, "-file", 5) && (e - p == 5 || is_blank(p[5]) || p[5] == ':')) {
		s->file_wide = true;
		p += 5;
	} else if (p < e && !is_blank(*p) && *p != ':') {
		s->invalid = arena_printf(a, "uses 'cwlint-ignore%.*s' (only cwlint-ignore and "
					  "cwlint-ignore-file exist)", (int)strcspn(p, " \t:"), p);
		return;
	}
	colon = memchr(p, ':', (size_t)(e - p));
	for (r = p; r < (colon ? colon : e);) {
		const char *id;
		size_t len;

		while (r < (colon ? colon : e) && (is_blank(*r) || *r == ','))
			r++;
		id = r;
		while (r < (colon ? colon : e) && !is_blank(*r) && *r != ',')
			r++;
		len = (size_t)(r - id);
		if (!len)
			continue;
		if (s->nrules == cap) {
			size_t ncap = cap ? cap * 2 : 4;
			const char **nr = ARENA_ARRAY(a, const char *, ncap);
			bool *nu = ARENA_ARRAY(a, bool, ncap);

			if (s->nrules) {
				memcpy(nr, s->rules, s->nrules * sizeof(*nr));
				memcpy(nu, s->used, s->nrules * sizeof(*nu));
			}
			s->rules = nr;
			s->used = nu;
			cap = ncap;
		}
		s->rules[s->nrules++] = arena_strndup(a, id, len);
	}
	if (!s->nrules) {
		s->invalid = "names no rule";
		return;
	}
	for (size_t i = 0; i < s->nrules; i++) {
		if (lint_rule_find(s->rules[i]))
			continue;
		{
			const char *near = lint_rule_suggest(s->rules[i]);

			s->invalid = near ? arena_printf(a, "names unknown rule '%s' (did you mean '%s'?)",
							 s->rules[i], near)
					  : arena_printf(a, "names unknown rule '%s'", s->rules[i]);
		}
		return;
	}
	if (colon) {
		const char *rs = colon + 1, *re = e;

		while (rs < re && is_blank(*rs))
			rs++;
		while (re > rs && is_blank(re[-1]))
			re--;
		if (re > rs)
			s->reason = arena_strndup(a, rs, (size_t)(re - rs));
	}
	if (!s->reason)
		s->invalid = "gives no reason after a colon";
	else
		s->placeholder = !strcasecmp(s->reason, LINT_SUPP_PLACEHOLDER);
	(void)run;
}

static void add_supp(struct arena *a, struct lint_source *src, size_t *alloc,
		     const struct lint_supp *s)
{
	if (src->nsupps == *alloc) {
		size_t n = *alloc ? *alloc * 2 : 4;
		struct lint_supp *arr = ARENA_ARRAY(a, struct lint_supp, n);

		if (src->nsupps)
			memcpy(arr, src->supps, src->nsupps * sizeof(*arr));
		src->supps = arr;
		*alloc = n;
	}
	src->supps[src->nsupps++] = *s;
}

/* True when only blanks (and JSX's `{`) precede offset on its line. */
static bool own_line(const struct lint_source *src, uint32_t offset)
{
	uint32_t i = offset;

	while (i > 0 && src->buf[i - 1] != '\n' && src->buf[i - 1] != '\r') {
		char c = src->buf[i - 1];

		if (!is_blank(c) && c != '{')
			return false;
		i--;
	}
	return true;
}

struct scan {
	struct lint_run *run;
	struct arena *a;
	struct lint_file *f;
	size_t alloc;
	/* the last subject found, for every comment between subj_from and subj_to */
	bool subj_known;
	uint32_t subj_from, subj_to;
	TSNode subj;
};

/*
 * The statement, property or element an own-line comment is about: its next real sibling.
 * The comments of one run share it, and only comments lie between them and it, so it is
 * found once a run: the 0.20 runtime's ts_node_parent() and ts_node_next_named_sibling()
 * rescan the siblings on every call, and 2,000 suppression comments in a row took minutes.
 */
static TSNode next_subject(struct scan *sc, TSNode c)
{
	TSNode n = c, p, k, found = { 0 };
	struct ts_kids ki;

	if (sc->subj_known && ts_node_start_byte(c) >= sc->subj_from &&
	    ts_node_end_byte(c) <= sc->subj_to)
		return sc->subj;
	p = ts_node_parent(c);
	if (ts_is(p, "jsx_expression") && ts_node_named_child_count(p) == 1) {
		n = p;
		p = ts_node_parent(p);
	}
	for (ts_kids_init(&ki, p); ts_kids_next(&ki, &k);) {
		if (ts_node_start_byte(k) < ts_node_end_byte(n) || ts_node_eq(k, n) ||
		    ts_is(k, "comment"))
			continue;
		found = k;
		ts_kids_end(&ki);
		break;
	}
	sc->subj_known = true;
	sc->subj_from = ts_node_end_byte(n);
	sc->subj_to = ts_node_is_null(found) ? ts_node_end_byte(p) : ts_node_start_byte(found);
	sc->subj = found;
	return found;
}

static bool visit_comment(TSNode n, void *ud)
{
	struct scan *sc = ud;
	const struct lint_source *src = &sc->f->src;
	uint32_t b, e;
	const char *t;
	size_t len;
	struct lint_supp s;

	if (!ts_is(n, "comment"))
		return true;
	b = ts_node_start_byte(n);
	e = ts_node_end_byte(n);
	if (e > src->len || e - b < 4)
		return false;
	t = src->buf + b + 2;
	len = e - b - 2;
	if (src->buf[b + 1] == '*' && len >= 2 && t[len - 2] == '*' && t[len - 1] == '/')
		len -= 2;
	while (len && (is_blank(*t) || *t == '*'))
		t++, len--;
	if (len < 13 || memcmp(t, "cwlint-ignore", 13))
		return false;
	memset(&s, 0, sizeof(s));
	s.start = (uint32_t)(t - src->buf);
	s.end = s.start + (uint32_t)len;
	while (s.end > s.start && is_blank(src->buf[s.end - 1]))
		s.end--;
	parse_directive(sc->run, sc->a, t, len, &s);
	if (s.file_wide) {
		s.from_line = 1;
		s.to_line = UINT32_MAX;
	} else if (own_line(src, b)) {
		TSNode subj = next_subject(sc, n);

		if (!ts_node_is_null(subj)) {
			s.from_line = ts_node_start_point(subj).row + 1;
			s.to_line = ts_node_end_point(subj).row + 1;
		} else {
			s.from_line = s.to_line = ts_node_end_point(n).row + 2;
		}
	} else {
		s.from_line = s.to_line = ts_node_start_point(n).row + 1;
	}
	add_supp(sc->a, &sc->f->src, &sc->alloc, &s);
	return false;
}

void lint_suppress_scan_file(struct lint_run *run, struct arena *a, struct lint_file *f)
{
	struct scan sc = { run, a, f, 0 };

	/* cheap test first: most files have no suppression at all */
	if (!f->tree || !memmem(f->src.buf, f->src.len, "cwlint-ignore", 13))
		return;
	ts_walk(ts_tree_root_node(f->tree), visit_comment, &sc);
}

void lint_suppress_scan_env(struct lint_run *run, struct arena *a, struct lint_envfile *e)
{
	struct lint_source *src = &e->src;
	size_t alloc = 0, i, j;

	for (i = 0; i < e->env.ncomments; i++) {
		const struct dotenv_comment *c = &e->env.comments[i];
		const char *t = src->buf + c->start;
		size_t len = c->end - c->start;
		struct lint_supp s;

		if (len < 13 || memcmp(t, "cwlint-ignore", 13))
			continue;
		memset(&s, 0, sizeof(s));
		s.start = c->start;
		s.end = c->end;
		parse_directive(run, a, t, len, &s);
		if (s.file_wide) {
			s.from_line = 1;
			s.to_line = UINT32_MAX;
		} else {
			/* the next entry, its whole (possibly multi-line) value included */
			s.from_line = s.to_line = c->line + 1;
			for (j = 0; j < e->env.nentries; j++)
				if (e->env.entries[j].line > c->line) {
					s.from_line = e->env.entries[j].line;
					s.to_line = lint_source_pos(src, e->env.entries[j].end).line;
					break;
				}
		}
		add_supp(a, src, &alloc, &s);
	}
}

bool lint_suppressed(const struct lint_source *src, const struct lint_rule *rule, uint32_t line)
{
	bool hit = false;
	size_t i, k;

	for (i = 0; i < src->nsupps; i++) {
		struct lint_supp *s = &src->supps[i];

		if (s->invalid || line < s->from_line || line > s->to_line)
			continue;
		for (k = 0; k < s->nrules; k++)
			if (!strcmp(s->rules[k], rule->id)) {
				s->used[k] = true;
				hit = true;
			}
	}
	return hit;
}
