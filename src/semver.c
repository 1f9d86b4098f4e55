/* semver.c - npm version ranges as intervals, and installed versions from lockfiles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jansson.h>

#include "rule.h"
#include "semver.h"

/* --- versions --- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_wild(const char *s, size_t n)
{
	return n == 1 && (s[0] == 'x' || s[0] == 'X' || s[0] == '*');
}

/*
 * A possibly partial version "1", "1.2", "1.2.x", "1.2.3-pre": *nparts gets how many
 * numbers were given before the first wildcard or the end (0..3).
 */
static bool parse_partial(const char *s, size_t n, struct semver *v, int *nparts)
{
	long part[3] = { 0, 0, 0 };
	size_t i = 0;
	int k = 0;
	bool wild = false;

	memset(v, 0, sizeof(*v));
	while (i < n && (s[i] == 'v' || s[i] == 'V' || s[i] == '=' || s[i] == ' '))
		i++;
	if (i == n) {
		*nparts = 0;
		return true;
	}
	for (k = 0; k < 3; k++) {
		size_t st = i;

		while (i < n && s[i] != '.' && s[i] != '-' && s[i] != '+')
			i++;
		if (is_wild(s + st, i - st)) {
			wild = true;
		} else if (!wild) {
			size_t j;

			if (i == st || i - st > 9)
				return false;
			for (j = st; j < i; j++)
				if (!is_digit(s[j]))
					return false;
			part[k] = strtol(s + st, NULL, 10);
		} else {
			return false;	/* "1.x.3" */
		}
		if (!wild)
			*nparts = k + 1;
		if (i == n || s[i] != '.')
			break;
		i++;
		if (k == 2)
			return false;
	}
	if (wild)
		*nparts = *nparts > 0 && k >= 0 ? *nparts : 0;
	if (i < n && s[i] == '-') {
		size_t st = ++i, m;

		while (i < n && s[i] != '+')
			i++;
		m = i - st;
		if (!m)
			return false;
		if (m >= sizeof(v->pre))
			m = sizeof(v->pre) - 1;
		memcpy(v->pre, s + st, m);
	}
	if (i < n && s[i] != '+')
		return false;
	v->major = part[0];
	v->minor = part[1];
	v->patch = part[2];
	return true;
}

bool semver_parse(const char *s, struct semver *v)
{
	int n = 0;

	while (*s == ' ')
		s++;
	return parse_partial(s, strcspn(s, " \t"), v, &n) && n == 3 && !s[strcspn(s, " \t")];
}

/* Prerelease identifiers: numeric ones compare as numbers and sort before alphanumeric ones. */
static int pre_cmp(const char *a, const char *b)
{
	if (!*a || !*b)
		return !*a - !*b;
	while (*a || *b) {
		size_t la = strcspn(a, "."), lb = strcspn(b, ".");
		bool na = la && strspn(a, "0123456789") >= la, nb = lb && strspn(b, "0123456789") >= lb;
		int c;

		if (!*a)
			return -1;
		if (!*b)
			return 1;
		if (na && nb) {
			long x = strtol(a, NULL, 10), y = strtol(b, NULL, 10);

			if (x != y)
				return x < y ? -1 : 1;
		} else if (na != nb) {
			return na ? -1 : 1;
		} else {
			c = strncmp(a, b, la < lb ? la : lb);
			if (c)
				return c;
			if (la != lb)
				return la < lb ? -1 : 1;
		}
		a += la + (a[la] == '.');
		b += lb + (b[lb] == '.');
	}
	return 0;
}

int semver_cmp(const struct semver *a, const struct semver *b)
{
	if (a->major != b->major)
		return a->major < b->major ? -1 : 1;
	if (a->minor != b->minor)
		return a->minor < b->minor ? -1 : 1;
	if (a->patch != b->patch)
		return a->patch < b->patch ? -1 : 1;
	return pre_cmp(a->pre, b->pre);
}

/* --- ranges --- */

static void set_ver(struct semver *v, long ma, long mi, long pa)
{
	memset(v, 0, sizeof(*v));
	v->major = ma;
	v->minor = mi;
	v->patch = pa;
}

/* The interval [lo, hi) of a partial version with nparts numbers given. */
static void partial_hull(const struct semver *v, int nparts, struct semver_range *r)
{
	memset(r, 0, sizeof(*r));
	r->has_lo = r->lo_incl = true;
	r->lo = *v;
	if (nparts < 3)
		r->lo.pre[0] = '\0';
	switch (nparts) {
	case 0:
		set_ver(&r->lo, 0, 0, 0);
		break;
	case 1:
		r->has_hi = true;
		set_ver(&r->hi, v->major + 1, 0, 0);
		break;
	case 2:
		r->has_hi = true;
		set_ver(&r->hi, v->major, v->minor + 1, 0);
		break;
	default:
		r->has_hi = r->hi_incl = true;
		r->hi = *v;
		break;
	}
}

/* One comparator ("^1.2", ">=1.27", "1.x") as an interval. Returns false if it is not one. */
static bool comparator(const char *s, size_t n, struct semver_range *r)
{
	char op[3] = "";
	size_t k = 0;
	struct semver v;
	int np = 0;

	while (k < n && k < 2 && strchr("<>=^~", s[k]))
		op[k] = s[k], k++;
	if (!strcmp(op, "~") && k < n && s[k] == '>')
		k++;		/* "~>" means "~" */
	if (!parse_partial(s + k, n - k, &v, &np))
		return false;
	memset(r, 0, sizeof(*r));
	if (!op[0] || !strcmp(op, "=")) {
		partial_hull(&v, np, r);
	} else if (!strcmp(op, "^")) {
		partial_hull(&v, np, r);
		if (np == 0)
			return true;
		r->has_hi = true;
		r->hi_incl = false;
		if (v.major > 0 || np == 1)
			set_ver(&r->hi, v.major + 1, 0, 0);
		else if (v.minor > 0 || np == 2)
			set_ver(&r->hi, 0, v.minor + 1, 0);
		else
			set_ver(&r->hi, 0, 0, v.patch + 1);
	} else if (!strcmp(op, "~")) {
		partial_hull(&v, np, r);
		if (np >= 2) {
			r->has_hi = true;
			r->hi_incl = false;
			set_ver(&r->hi, v.major, v.minor + 1, 0);
		}
	} else if (!strcmp(op, ">=")) {
		r->has_lo = r->lo_incl = true;
		r->lo = v;
		if (np < 3)
			r->lo.pre[0] = '\0';
	} else if (!strcmp(op, ">")) {
		if (np == 0)
			return false;	/* ">*" allows nothing */
		r->has_lo = true;
		r->lo_incl = np < 3;
		if (np == 3)
			r->lo = v;
		else if (np == 2)
			set_ver(&r->lo, v.major, v.minor + 1, 0);
		else
			set_ver(&r->lo, v.major + 1, 0, 0);
	} else if (!strcmp(op, "<") || !strcmp(op, "<=")) {
		bool le = op[1] == '=';

		if (np == 0)
			return le;	/* "<=*" allows anything, "<*" nothing */
		r->has_hi = true;
		r->hi_incl = le && np == 3;
		if (np == 3)
			r->hi = v;
		else if (!le)
			set_ver(&r->hi, v.major, np == 2 ? v.minor : 0, 0);
		else if (np == 2)
			set_ver(&r->hi, v.major, v.minor + 1, 0);
		else
			set_ver(&r->hi, v.major + 1, 0, 0);
	} else {
		return false;
	}
	return true;
}

/* Narrows r to its intersection with c. */
static void intersect(struct semver_range *r, const struct semver_range *c)
{
	if (c->has_lo) {
		int cmp = r->has_lo ? semver_cmp(&c->lo, &r->lo) : 1;

		if (cmp > 0 || (cmp == 0 && !c->lo_incl)) {
			r->has_lo = true;
			r->lo = c->lo;
			r->lo_incl = c->lo_incl;
		}
	}
	if (c->has_hi) {
		int cmp = r->has_hi ? semver_cmp(&c->hi, &r->hi) : -1;

		if (cmp < 0 || (cmp == 0 && !c->hi_incl)) {
			r->has_hi = true;
			r->hi = c->hi;
			r->hi_incl = c->hi_incl;
		}
	}
}

/* Widens r to the hull of r and c. */
static void hull(struct semver_range *r, const struct semver_range *c)
{
	if (!c->has_lo) {
		r->has_lo = false;
	} else if (r->has_lo) {
		int cmp = semver_cmp(&c->lo, &r->lo);

		if (cmp < 0 || (cmp == 0 && c->lo_incl)) {
			r->lo = c->lo;
			r->lo_incl = c->lo_incl;
		}
	}
	if (!c->has_hi) {
		r->has_hi = false;
	} else if (r->has_hi) {
		int cmp = semver_cmp(&c->hi, &r->hi);

		if (cmp > 0 || (cmp == 0 && c->hi_incl)) {
			r->hi = c->hi;
			r->hi_incl = c->hi_incl;
		}
	}
}

/* One alternative of a "||" list: a hyphen range or space-separated comparators. */
static bool alternative(const char *s, size_t n, struct semver_range *r)
{
	const char *hy = NULL;
	size_t i;

	memset(r, 0, sizeof(*r));
	for (i = 0; i + 2 < n; i++)
		if (s[i] == ' ' && s[i + 1] == '-' && s[i + 2] == ' ')
			hy = s + i;
	if (hy) {
		struct semver a, b;
		int na = 0, nb = 0;
		const char *bs = hy + 3;
		size_t al = (size_t)(hy - s);

		while (al && s[al - 1] == ' ')
			al--;
		while (bs < s + n && *bs == ' ')
			bs++;
		if (!parse_partial(s, al, &a, &na) || !parse_partial(bs, (size_t)(s + n - bs), &b, &nb))
			return false;
		partial_hull(&a, na, r);
		r->has_hi = nb > 0;
		if (nb > 0) {
			struct semver_range t;

			partial_hull(&b, nb, &t);
			r->hi = t.hi;
			r->hi_incl = t.hi_incl;
		}
		return true;
	}
	r->has_lo = r->lo_incl = true;	/* from 0.0.0 until a comparator says otherwise */
	i = 0;
	while (i < n) {
		struct semver_range c;
		size_t st, opend;

		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		st = i;
		while (i < n && strchr("<>=^~", s[i]))
			i++;
		opend = i;
		/* ">= 1.2.3": the operator may stand apart from its version */
		while (opend > st && i < n && s[i] == ' ')
			i++;
		while (i < n && s[i] != ' ')
			i++;
		if (!comparator(s + st, i - st, &c))
			return false;
		intersect(r, &c);
	}
	return true;
}

bool semver_range_parse(const char *spec, struct semver_range *r)
{
	const char *s = spec, *e;
	bool first = true;

	memset(r, 0, sizeof(*r));
	if (!s)
		return false;
	while (*s == ' ' || *s == '\t')
		s++;
	if (starts_with(s, "npm:")) {
		const char *at = strrchr(s + 5, '@');

		if (!at)
			return false;
		s = at + 1;
	}
	if (starts_with(s, "workspace:")) {
		s += 10;
		if (!strcmp(s, "*") || !strcmp(s, "^") || !strcmp(s, "~"))
			return false;
	}
	/* tags, URLs, paths, git and catalog specs carry no version */
	if (strchr(s, ':') || strchr(s, '/') || strchr(s, '#'))
		return false;
	for (e = s; *e; e++)
		if (!strchr("0123456789.xX*^~<>=-+| \tv", *e) &&
		    !((*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z')))
			return false;
	if ((s[0] >= 'a' && s[0] <= 'z' && s[0] != 'v' && s[0] != 'x') ||
	    (s[0] >= 'A' && s[0] <= 'Z' && s[0] != 'X'))
		return false;		/* a dist-tag: "latest", "next", "beta" */
	for (;;) {
		struct semver_range alt;
		const char *bar = strstr(s, "||");
		size_t n = bar ? (size_t)(bar - s) : strlen(s);

		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (!alternative(s, n, &alt))
			return false;
		if (first)
			*r = alt;
		else
			hull(r, &alt);
		first = false;
		if (!bar)
			break;
		s = bar + 2;
		while (*s == ' ' || *s == '\t')
			s++;
	}
	return true;
}

bool semver_range_all_at_least(const struct semver_range *r, const struct semver *v)
{
	return r->has_lo && semver_cmp(&r->lo, v) >= 0;
}

bool semver_range_all_below(const struct semver_range *r, const struct semver *v)
{
	int c;

	if (!r->has_hi)
		return false;
	c = semver_cmp(&r->hi, v);
	return c < 0 || (c == 0 && !r->hi_incl);
}

bool semver_range_contains(const struct semver_range *r, const struct semver *v)
{
	int c;

	if (r->has_lo) {
		c = semver_cmp(v, &r->lo);
		if (c < 0 || (c == 0 && !r->lo_incl))
			return false;
	}
	if (r->has_hi) {
		c = semver_cmp(v, &r->hi);
		if (c > 0 || (c == 0 && !r->hi_incl))
			return false;
	}
	return true;
}

/* --- lockfiles --- */

/* The packages rules ask about; nothing else is kept from a lockfile. */
static const char *const wanted[] = {
	"next", "vite", "react", "convex", "@workos-inc/authkit-nextjs",
	"@workos-inc/authkit-react", "@workos-inc/authkit-js", "@workos-inc/node",
	"@convex-dev/workos",
};

static bool file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *slurp(const char *path, size_t max, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	size_t n;

	if (!fp)
		return NULL;
	buf = xmalloc(max + 1);
	n = fread(buf, 1, max, fp);
	fclose(fp);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static void lock_add(struct arena *a, struct lint_lock *lk, size_t *alloc, const char *name,
		     const char *version, size_t vlen)
{
	size_t i;

	for (i = 0; i < lk->n; i++)
		if (!strcmp(lk->names[i], name))
			return;
	if (lk->n == *alloc) {
		size_t na = *alloc ? *alloc * 2 : 8;
		const char **nn = ARENA_ARRAY(a, const char *, na), **nv = ARENA_ARRAY(a, const char *, na);

		if (lk->n) {
			memcpy(nn, lk->names, lk->n * sizeof(*nn));
			memcpy(nv, lk->versions, lk->n * sizeof(*nv));
		}
		lk->names = nn;
		lk->versions = nv;
		*alloc = na;
	}
	lk->names[lk->n] = arena_strdup(a, name);
	lk->versions[lk->n] = arena_strndup(a, version, vlen);
	lk->n++;
}

/* package-lock.json v2/v3 ("packages") or v1 ("dependencies"). */
static void read_npm(struct arena *a, struct lint_lock *lk, const char *path, const char *rel)
{
	json_error_t err;
	json_t *root = json_load_file(path, 0, &err), *pk, *deps;
	size_t alloc = 0, i;

	if (!json_is_object(root))
		goto out;
	pk = json_object_get(root, "packages");
	deps = json_object_get(root, "dependencies");
	for (i = 0; i < ARRAY_SIZE(wanted); i++) {
		json_t *e = NULL, *v;

		if (json_is_object(pk)) {
			char *k = arena_printf(a, "%s%snode_modules/%s", rel, *rel ? "/" : "", wanted[i]);

			e = json_object_get(pk, k);
			if (!e && *rel)
				e = json_object_get(pk, arena_printf(a, "node_modules/%s", wanted[i]));
		} else if (json_is_object(deps)) {
			e = json_object_get(deps, wanted[i]);
		}
		v = json_object_get(e, "version");
		if (json_is_string(v))
			lock_add(a, lk, &alloc, wanted[i], json_string_value(v), json_string_length(v));
	}
out:
	json_decref(root);
}

/* One line of a text lockfile: its indentation and text (without the line end). */
struct line {
	const char *s;			/* after the indentation */
	size_t len, indent;
};

static struct line *split_lines(const char *buf, size_t *n)
{
	struct line *v = NULL;
	size_t alloc = 0;
	const char *l = buf;

	*n = 0;
	while (*l) {
		const char *e = strchr(l, '\n');
		size_t len = e ? (size_t)(e - l) : strlen(l), ind = 0;

		if (len && l[len - 1] == '\r')
			len--;
		while (ind < len && l[ind] == ' ')
			ind++;
		if (ind < len && l[ind] != '#') {
			LINT_GROW(v, *n + 1, alloc);
			v[*n].s = l + ind;
			v[*n].len = len - ind;
			v[*n].indent = ind;
			(*n)++;
		}
		if (!e)
			break;
		l = e + 1;
	}
	return v;
}

/* A YAML mapping key at the start of a line, unquoted: "'@a/b':" or "name: value". */
static bool yaml_key(const struct line *l, const char **key, size_t *klen, const char **val,
		     size_t *vlen)
{
	const char *s = l->s, *e = s + l->len, *c;

	if (*s == '\'' || *s == '"') {
		c = memchr(s + 1, *s, l->len - 1);
		if (!c || c + 1 >= e || c[1] != ':')
			return false;
		*key = s + 1;
		*klen = (size_t)(c - s - 1);
		c += 2;
	} else {
		for (c = s; c < e && !(*c == ':' && (c + 1 == e || c[1] == ' ')); c++)
			;
		if (c >= e)
			return false;
		*key = s;
		*klen = (size_t)(c - s);
		c++;
	}
	while (c < e && *c == ' ')
		c++;
	*val = c;
	*vlen = (size_t)(e - c);
	return true;
}

static bool key_is(const char *k, size_t klen, const char *want)
{
	return strlen(want) == klen && !memcmp(k, want, klen);
}

/* "2.17.0(next@16.0.0)(react@19.0.0)" or "'1.2.3'": the version alone. */
static size_t bare_version(const char **v, size_t n)
{
	size_t k = 0;

	while (n && (**v == '\'' || **v == '"')) {
		(*v)++;
		n--;
	}
	while (k < n && (*v)[k] != '(' && (*v)[k] != '\'' && (*v)[k] != '"' && (*v)[k] != ' ')
		k++;
	return k;
}

/*
 * pnpm-lock.yaml: importers.<rel or .>.{dependencies,devDependencies,optionalDependencies}
 * .<name>.version (v6, v9), or the same tables at the top level (single-package v5/v6, where
 * v5 writes "name: version" on one line).
 */
static void read_pnpm(struct arena *a, struct lint_lock *lk, const char *buf, const char *rel)
{
	size_t n, i, from = 0, to, base = 0, alloc = 0;
	struct line *L = split_lines(buf, &n);
	const char *k, *v;
	size_t klen, vlen;

	to = n;
	for (i = 0; i < n; i++)
		if (L[i].indent == 0 && yaml_key(&L[i], &k, &klen, &v, &vlen) && key_is(k, klen, "importers"))
			break;
	if (i < n) {
		size_t j;

		to = 0;
		for (j = i + 1; j < n && L[j].indent > 0; j++) {
			if (L[j].indent != 2 || !yaml_key(&L[j], &k, &klen, &v, &vlen))
				continue;
			if (to)
				break;
			if (key_is(k, klen, *rel ? rel : "."))
				from = j + 1, to = j + 1;
		}
		if (!to)
			goto out;
		while (to < n && L[to].indent > 2)
			to++;
		base = 4;
	}
	for (i = from; i < to; i++) {
		size_t j;

		if (L[i].indent != base || !yaml_key(&L[i], &k, &klen, &v, &vlen) ||
		    !(key_is(k, klen, "dependencies") || key_is(k, klen, "devDependencies") ||
		      key_is(k, klen, "optionalDependencies")))
			continue;
		for (j = i + 1; j < to && L[j].indent > base; j++) {
			const char *name, *ver = NULL;
			size_t nlen, w, m, vl = 0;

			if (L[j].indent != base + 2 || !yaml_key(&L[j], &name, &nlen, &v, &vlen))
				continue;
			for (w = 0; w < ARRAY_SIZE(wanted) && !key_is(name, nlen, wanted[w]); w++)
				;
			if (w == ARRAY_SIZE(wanted))
				continue;
			if (vlen) {
				ver = v;
				vl = bare_version(&ver, vlen);
			}
			for (m = j + 1; !vl && m < to && L[m].indent > base + 2; m++) {
				const char *sk, *sv;
				size_t sklen, svlen;

				if (yaml_key(&L[m], &sk, &sklen, &sv, &svlen) && key_is(sk, sklen, "version")) {
					ver = sv;
					vl = bare_version(&ver, svlen);
				}
			}
			if (vl && ver[0] >= '0' && ver[0] <= '9')
				lock_add(a, lk, &alloc, wanted[w], ver, vl);
		}
	}
out:
	free(L);
}

/*
 * yarn.lock (v1 and berry): a block headed by its descriptors ("name@^1.2.3", "name@npm:^1.2.3",
 * several separated by ", ") with a version line. The block whose descriptor carries the range
 * package.json asks for wins; failing that, the only block of that name.
 */
static void read_yarn(struct arena *a, struct lint_lock *lk, const char *buf, const struct lint_app *app)
{
	size_t n, i, w, alloc = 0;
	struct line *L = split_lines(buf, &n);

	for (w = 0; w < ARRAY_SIZE(wanted); w++) {
		const char *spec = lint_app_dep(app, wanted[w]);
		const char *best = NULL, *only = NULL;
		size_t best_len = 0, only_len = 0, blocks = 0, wl = strlen(wanted[w]);

		for (i = 0; i < n; i++) {
			const char *h = L[i].s, *he = L[i].s + L[i].len, *ver = NULL;
			bool name_hit = false, exact = false;
			size_t vl = 0, j;

			if (L[i].indent != 0 || h[L[i].len - 1] != ':')
				continue;
			he--;
			/* each descriptor, quotes stripped */
			while (h < he) {
				const char *d = h, *de;

				while (d < he && (*d == ' ' || *d == ',' || *d == '"'))
					d++;
				de = d;
				while (de < he && *de != ',' && *de != '"')
					de++;
				if ((size_t)(de - d) > wl && !memcmp(d, wanted[w], wl) && d[wl] == '@') {
					const char *r = d + wl + 1;
					size_t rl = (size_t)(de - r);

					name_hit = true;
					if (starts_with(r, "npm:"))
						r += 4, rl -= 4;
					if (spec && strlen(spec) == rl && !memcmp(r, spec, rl))
						exact = true;
				}
				h = de + 1;
			}
			if (!name_hit)
				continue;
			for (j = i + 1; j < n && L[j].indent > 0; j++) {
				const char *s = L[j].s;

				if (starts_with(s, "version")) {
					s += 7;
					if (*s == ':')
						s++;
					while (*s == ' ' || *s == '"')
						s++;
					ver = s;
					vl = bare_version(&ver, (size_t)(L[j].s + L[j].len - s));
					break;
				}
			}
			if (!vl)
				continue;
			blocks++;
			only = ver;
			only_len = vl;
			if (exact) {
				best = ver;
				best_len = vl;
			}
		}
		if (best)
			lock_add(a, lk, &alloc, wanted[w], best, best_len);
		else if (blocks == 1)
			lock_add(a, lk, &alloc, wanted[w], only, only_len);
	}
	free(L);
}

/* Loads the lockfile nearest to the app: its root, then folders above up to the repository root. */
static struct lint_lock *load_lock(struct arena *a, const struct lint_app *app)
{
	static const char *const names[] = { "package-lock.json", "pnpm-lock.yaml", "yarn.lock" };
	struct lint_lock *lk = ARENA_NEW(a, struct lint_lock);
	char *dir = xstrdup(app->absroot);
	const char *rel = "";
	int depth;

	for (depth = 0; depth < 16; depth++) {
		size_t k;
		char *slash;
		bool top;

		for (k = 0; k < ARRAY_SIZE(names); k++) {
			char *path = arena_printf(a, "%s/%s", dir, names[k]);
			size_t len = 0;
			char *buf;

			if (!file_exists(path))
				continue;
			lk->file = names[k];
			rel = app->absroot[strlen(dir)] == '/' ? app->absroot + strlen(dir) + 1 : "";
			if (!strcmp(dir, "/"))
				rel = app->absroot + 1;
			if (k == 0) {
				read_npm(a, lk, path, rel);
			} else if ((buf = slurp(path, 64u << 20, &len))) {
				if (k == 1)
					read_pnpm(a, lk, buf, rel);
				else
					read_yarn(a, lk, buf, app);
				free(buf);
			}
			goto out;
		}
		top = file_exists(arena_printf(a, "%s/.git", dir)) ||
		      access(arena_printf(a, "%s/.git", dir), F_OK) == 0;
		slash = strrchr(dir, '/');
		if (top || !slash || !strcmp(dir, "/"))
			break;
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
out:
	free(dir);
	return lk;
}

static struct lint_lock *app_lock(struct lint_ctx *ctx)
{
	struct lint_app *app = ctx->app;

	if (!app->lock) {
		app->lock = load_lock(ctx->arena, app);
		{
			char *path = arena_printf(ctx->arena, "%s/.nvmrc", app->absroot);
			size_t len = 0;
			char *buf = file_exists(path) ? slurp(path, 256, &len) : NULL;

			if (buf) {
				size_t s = strspn(buf, " \t\r\n"), e = s + strcspn(buf + s, " \t\r\n");

				if (e > s)
					app->lock->nvmrc = arena_strndup(ctx->arena, buf + s, e - s);
				free(buf);
			}
		}
	}
	return app->lock;
}

const char *lint_app_installed(struct lint_ctx *ctx, const char *name, const char **file)
{
	struct lint_lock *lk = app_lock(ctx);
	size_t i;

	if (file)
		*file = lk->file;
	for (i = 0; i < lk->n; i++)
		if (!strcmp(lk->names[i], name))
			return lk->versions[i];
	return NULL;
}

const char *lint_app_nvmrc(struct lint_ctx *ctx)
{
	return app_lock(ctx)->nvmrc;
}

bool lint_dep_range(struct lint_ctx *ctx, const char *name, struct semver_range *r,
		    const char **shown)
{
	const char *spec = lint_app_dep(ctx->app, name), *inst, *file = NULL;
	struct semver v;

	if (!spec || !semver_range_parse(spec, r))
		return false;
	inst = lint_app_installed(ctx, name, &file);
	if (inst && semver_parse(inst, &v) && semver_range_contains(r, &v)) {
		memset(r, 0, sizeof(*r));
		r->has_lo = r->lo_incl = r->has_hi = r->hi_incl = true;
		r->lo = r->hi = v;
		if (shown)
			*shown = arena_printf(ctx->arena, "%s %s (installed, %s)", name, inst, file);
		return true;
	}
	if (shown)
		*shown = arena_printf(ctx->arena, "%s \"%s\" (package.json)", name, spec);
	return true;
}
