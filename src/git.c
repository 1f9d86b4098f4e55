/* git.c - tracked or ignored: git's own answer, or our reading of .gitignore files. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core.h"
#include "git.h"

extern char **environ;

/* --- running git --- */

#define GIT_OUTPUT_MAX (16u << 20)

/* The git executable on PATH, or NULL (malloc'd). */
static char *find_git(void)
{
	const char *path = getenv("PATH"), *p;

	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path; *p;) {
		size_t n = strcspn(p, ":");
		struct strbuf sb = STRBUF_INIT;

		strbuf_add(&sb, n ? p : ".", n ? n : 1);
		strbuf_adds(&sb, "/git");
		if (access(sb.buf, X_OK) == 0)
			return strbuf_detach(&sb);
		strbuf_release(&sb);
		p += n;
		if (*p == ':')
			p++;
	}
	return NULL;
}

/*
 * The environment git runs with: ours, with the repository variables a git hook exports made
 * absolute (the hook's relative paths would not hold in the app's folder), and prompts and
 * optional locks off.
 */
static char **git_env(const char *cwd)
{
	static const char *const rel_vars[] = { "GIT_DIR=", "GIT_WORK_TREE=", "GIT_INDEX_FILE=" };
	size_t n = 0, i, k;
	char **env;

	while (environ[n])
		n++;
	env = xcalloc(n + 3, sizeof(*env));
	for (i = 0, k = 0; i < n; i++) {
		const char *e = environ[i];
		size_t r;

		if (starts_with(e, "GIT_TERMINAL_PROMPT=") || starts_with(e, "GIT_OPTIONAL_LOCKS="))
			continue;
		for (r = 0; r < ARRAY_SIZE(rel_vars); r++)
			if (starts_with(e, rel_vars[r]))
				break;
		if (r < ARRAY_SIZE(rel_vars) && cwd && e[strlen(rel_vars[r])] &&
		    e[strlen(rel_vars[r])] != '/') {
			struct strbuf sb = STRBUF_INIT;

			strbuf_adds(&sb, rel_vars[r]);
			strbuf_adds(&sb, cwd);
			strbuf_addch(&sb, '/');
			strbuf_adds(&sb, e + strlen(rel_vars[r]));
			env[k++] = strbuf_detach(&sb);
		} else {
			env[k++] = xstrdup(e);
		}
	}
	env[k++] = xstrdup("GIT_TERMINAL_PROMPT=0");
	env[k++] = xstrdup("GIT_OPTIONAL_LOCKS=0");
	env[k] = NULL;
	return env;
}

static void free_vec(char **v)
{
	size_t i;

	for (i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

/*
 * Runs git with args in dir; stdout goes to *out (malloc'd, NUL-terminated). Returns git's
 * exit status, or -1 when it could not run.
 */
static int run_git(const char *dir, const char *const *args, size_t nargs, char **out, size_t *outlen)
{
	static const char *const pre[] = { "git", "-c", "core.fsmonitor=false", "-c",
					   "core.untrackedCache=false", "-c", "core.quotePath=false",
					   "--no-pager" };
	char *git = find_git(), **env = NULL, cwd[4096];
	const char **argv = NULL;
	struct strbuf sb = STRBUF_INIT;
	int fds[2] = { -1, -1 }, status = 0, ret = -1;
	size_t i;
	pid_t pid;

	*out = NULL;
	*outlen = 0;
	if (!git)
		return -1;
	argv = xcalloc(ARRAY_SIZE(pre) + nargs + 1, sizeof(*argv));
	for (i = 0; i < ARRAY_SIZE(pre); i++)
		argv[i] = pre[i];
	for (i = 0; i < nargs; i++)
		argv[ARRAY_SIZE(pre) + i] = args[i];
	env = git_env(getcwd(cwd, sizeof(cwd)));
	if (pipe2(fds, O_CLOEXEC) != 0)
		goto out;
	pid = fork();
	if (pid < 0)
		goto out;
	if (pid == 0) {
		/* the child: only async-signal-safe calls until exec */
		int null = open("/dev/null", O_RDWR);

		if (null < 0 || chdir(dir) != 0)
			_exit(127);
		dup2(null, 0);
		dup2(fds[1], 1);
		dup2(null, 2);
		execve(git, (char *const *)argv, env);
		_exit(127);
	}
	close(fds[1]);
	fds[1] = -1;
	for (;;) {
		char buf[8192];
		ssize_t r = read(fds[0], buf, sizeof(buf));

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		if (sb.len + (size_t)r <= GIT_OUTPUT_MAX)
			strbuf_add(&sb, buf, (size_t)r);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			goto out;
	if (WIFEXITED(status) && WEXITSTATUS(status) != 127) {
		ret = WEXITSTATUS(status);
		*outlen = sb.len;
		*out = strbuf_detach(&sb);
	}
out:
	if (fds[0] >= 0)
		close(fds[0]);
	if (fds[1] >= 0)
		close(fds[1]);
	strbuf_release(&sb);
	free_vec(env);
	free(argv);
	free(git);
	return ret;
}

/* A path as git prints it without -z: C-quoted ("a\\tb") when it holds unusual bytes. */
static size_t unquote(const char *p, size_t l, char *out)
{
	size_t i, n = 0;

	if (l < 2 || p[0] != '"' || p[l - 1] != '"') {
		memcpy(out, p, l);
		return l;
	}
	for (i = 1; i + 1 < l; i++) {
		char c = p[i];

		if (c == '\\' && i + 2 < l) {
			c = p[++i];
			if (c >= '0' && c <= '7' && i + 2 < l) {
				c = (char)(((c - '0') << 6) | ((p[i + 1] - '0') << 3) | (p[i + 2] - '0'));
				i += 2;
			} else if (c == 't') {
				c = '\t';
			} else if (c == 'n') {
				c = '\n';
			}
		}
		out[n++] = c;
	}
	return n;
}

/*
 * Reads `git ls-files -z -t` records ("H path", "? path"): '?' is untracked and not
 * ignored, any other tag is in the index. States of paths git did not list stay as they are.
 */
static void mark_listed(const char *out, size_t len, const char *const *paths, size_t n,
			enum lint_git_state *states)
{
	size_t at = 0, i;

	while (at < len) {
		const char *p = out + at, *e = memchr(p, '\0', len - at);
		size_t l = e ? (size_t)(e - p) : len - at;

		if (l > 2 && p[1] == ' ')
			for (i = 0; i < n; i++)
				if (strlen(paths[i]) == l - 2 && !memcmp(paths[i], p + 2, l - 2))
					states[i] = p[0] == '?' ? LINT_GIT_EXPOSED : LINT_GIT_TRACKED;
		at += l + 1;
	}
}

/* Marks the paths check-ignore prints (one a line, C-quoted when unusual) as ignored. */
static void mark_ignored(const char *out, size_t len, const char *const *paths, size_t n,
			 enum lint_git_state *states)
{
	size_t at = 0, i;

	while (at < len) {
		const char *p = out + at, *e = memchr(p, '\n', len - at);
		size_t l = e ? (size_t)(e - p) : len - at;
		char *u = xmalloc(l + 1);
		size_t ul = unquote(p, l, u);

		for (i = 0; i < n; i++)
			if (strlen(paths[i]) == ul && !memcmp(paths[i], u, ul))
				states[i] = LINT_GIT_IGNORED;
		free(u);
		at += l + 1;
	}
}

static bool exists_in(const char *dir, const char *path)
{
	size_t dl = strlen(dir), pl = strlen(path);
	char *abs = xmalloc(dl + pl + 2);
	struct stat st;
	bool yes;

	memcpy(abs, dir, dl);
	abs[dl] = '/';
	memcpy(abs + dl + 1, path, pl + 1);
	yes = lstat(abs, &st) == 0;

	free(abs);
	return yes;
}

int lint_git_states(const char *dir, const char *const *paths, size_t n,
		    enum lint_git_state *states)
{
	/*
	 * One process answers for the files that exist: the index (--cached) and the untracked
	 * files the ignore rules leave in (--others --exclude-standard). A file it does not
	 * list is untracked and ignored. Only a path that is not there (gone since the scan)
	 * needs check-ignore, which matches patterns without looking at the disk.
	 */
	static const char *const head[] = {
		"ls-files", "-z", "-t", "--cached", "--others", "--exclude-standard", "--",
	};
	const size_t nhead = ARRAY_SIZE(head);
	const char **args = xcalloc(n + nhead + 1, sizeof(*args));
	const char **gone = xcalloc(n + 1, sizeof(*gone));
	char *out = NULL;
	size_t len, i, m = 0;
	int ret = -1, st;

	for (i = 0; i < n; i++)
		states[i] = LINT_GIT_UNKNOWN;
	if (!n)
		goto done;
	for (i = 0; i < nhead; i++)
		args[i] = head[i];
	for (i = 0; i < n; i++)
		args[nhead + i] = paths[i];
	if (run_git(dir, args, n + nhead, &out, &len) != 0)
		goto done;
	mark_listed(out, len, paths, n, states);
	free(out);
	out = NULL;
	for (i = 0; i < n; i++) {
		if (states[i] != LINT_GIT_UNKNOWN)
			continue;
		if (exists_in(dir, paths[i]))
			states[i] = LINT_GIT_IGNORED;
		else
			gone[m++] = paths[i];
	}
	if (m) {
		/* check-ignore takes -z only with --stdin, and stdin stays closed: one path a line */
		args[0] = "check-ignore";
		args[1] = "--";
		for (i = 0; i < m; i++)
			args[2 + i] = gone[i];
		/* 0: some are ignored, 1: none is; anything else is a failure */
		st = run_git(dir, args, m + 2, &out, &len);
		if (st != 0 && st != 1) {
			for (i = 0; i < n; i++)
				states[i] = LINT_GIT_UNKNOWN;
			goto done;
		}
		mark_ignored(out, len, paths, n, states);
		for (i = 0; i < n; i++)
			if (states[i] == LINT_GIT_UNKNOWN)
				states[i] = LINT_GIT_EXPOSED;
	}
	ret = 0;
done:
	free(out);
	free(args);
	free(gone);
	return ret;
}

/* --- .gitignore patterns --- */

struct lint_gitignore_pattern {
	char *base;			/* folder of the .gitignore, "" at the root */
	char *pat;			/* without "!", leading "/" and trailing "/" */
	bool negate;
	bool dir_only;			/* had a trailing "/" */
	bool anchored;			/* had a "/" before its end: relative to base */
};

/* [:name:] character classes. */
static bool in_named_class(const char *name, size_t n, unsigned char c)
{
#define IS(s) (n == sizeof(s) - 1 && !memcmp(name, s, n))
	if (IS("alnum"))
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (IS("alpha"))
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (IS("blank"))
		return c == ' ' || c == '\t';
	if (IS("cntrl"))
		return c < 32 || c == 127;
	if (IS("digit"))
		return c >= '0' && c <= '9';
	if (IS("graph"))
		return c > 32 && c < 127;
	if (IS("lower"))
		return c >= 'a' && c <= 'z';
	if (IS("print"))
		return c >= 32 && c < 127;
	if (IS("punct"))
		return c > 32 && c < 127 && !in_named_class("alnum", 5, c);
	if (IS("space"))
		return c == ' ' || (c >= '\t' && c <= '\r');
	if (IS("upper"))
		return c >= 'A' && c <= 'Z';
	if (IS("xdigit"))
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
#undef IS
	return false;
}

/*
 * One pattern element at p[*pi] against byte c: '?', a bracket class, an escape or a literal.
 * Advances *pi past the element. Returns -1 when the element is malformed (never matches).
 */
static int match_elem(const char *p, size_t pn, size_t *pi, unsigned char c)
{
	size_t i = *pi;
	bool neg = false, hit = false;

	if (p[i] == '?') {
		*pi = i + 1;
		return 1;
	}
	if (p[i] == '\\' && i + 1 < pn) {
		*pi = i + 2;
		return (unsigned char)p[i + 1] == c;
	}
	if (p[i] != '[') {
		*pi = i + 1;
		return (unsigned char)p[i] == c;
	}
	i++;
	if (i < pn && (p[i] == '!' || p[i] == '^')) {
		neg = true;
		i++;
	}
	for (bool first = true; i < pn && (first || p[i] != ']'); first = false) {
		unsigned char lo = (unsigned char)p[i];

		if (p[i] == '[' && i + 1 < pn && p[i + 1] == ':') {
			const char *end = NULL;
			size_t k;

			for (k = i + 2; k + 1 < pn; k++)
				if (p[k] == ':' && p[k + 1] == ']') {
					end = p + k;
					break;
				}
			if (end) {
				hit |= in_named_class(p + i + 2, (size_t)(end - p - i - 2), c);
				i = (size_t)(end - p) + 2;
				continue;
			}
		}
		if (p[i] == '\\' && i + 1 < pn) {
			i++;
			lo = (unsigned char)p[i];
		}
		i++;
		if (i + 1 < pn && p[i] == '-' && p[i + 1] != ']') {
			unsigned char hi = (unsigned char)p[i + 1];

			i += 2;
			if (hi == '\\' && i < pn)
				hi = (unsigned char)p[i++];
			hit |= c >= lo && c <= hi;
		} else {
			hit |= c == lo;
		}
	}
	if (i >= pn)
		return -1;	/* no closing ']' */
	*pi = i + 1;
	return hit != neg;
}

/* One segment (no '/') against a glob segment: '*' with backtracking to the last star. */
static bool seg_match(const char *p, size_t pn, const char *t, size_t tn)
{
	size_t pi = 0, ti = 0, star_p = (size_t)-1, star_t = 0;

	while (ti < tn) {
		if (pi < pn && p[pi] == '*') {
			while (pi < pn && p[pi] == '*')
				pi++;
			star_p = pi;
			star_t = ti;
			continue;
		}
		if (pi < pn) {
			size_t next = pi;
			int m = match_elem(p, pn, &next, (unsigned char)t[ti]);

			if (m < 0)
				return false;
			if (m) {
				pi = next;
				ti++;
				continue;
			}
		}
		if (star_p == (size_t)-1)
			return false;
		pi = star_p;
		ti = ++star_t;
	}
	while (pi < pn && p[pi] == '*')
		pi++;
	return pi == pn;
}

struct seg {
	const char *s;
	size_t n;
};

static size_t split(const char *s, struct seg **out)
{
	size_t n = 1, k = 0;
	const char *c;

	for (c = s; *c; c++)
		n += *c == '/';
	*out = xcalloc(n, sizeof(**out));
	for (;;) {
		size_t len = strcspn(s, "/");

		(*out)[k].s = s;
		(*out)[k].n = len;
		k++;
		if (!s[len])
			break;
		s += len + 1;
	}
	return k;
}

bool lint_wildmatch(const char *pattern, const char *path)
{
	struct seg *P, *T;
	size_t m = split(pattern, &P), n = split(path, &T), i, j;
	/* ok[i * (n + 1) + j]: pattern segments i.. match path segments j.. */
	bool *ok = xcalloc((m + 1) * (n + 1), sizeof(*ok)), ret;

	ok[m * (n + 1) + n] = true;
	for (i = m; i-- > 0;) {
		bool dstar = P[i].n == 2 && P[i].s[0] == '*' && P[i].s[1] == '*';

		for (j = n + 1; j-- > 0;) {
			bool v;

			if (dstar && i == m - 1)
				v = j < n;	/* a trailing "**": one or more segments */
			else if (dstar)
				v = ok[(i + 1) * (n + 1) + j] || (j < n && ok[i * (n + 1) + j + 1]);
			else
				v = j < n && ok[(i + 1) * (n + 1) + j + 1] &&
				    seg_match(P[i].s, P[i].n, T[j].s, T[j].n);
			ok[i * (n + 1) + j] = v;
		}
	}
	ret = ok[0];
	free(ok);
	free(P);
	free(T);
	return ret;
}

void lint_gitignore_add(struct lint_gitignore *gi, const char *base, const char *text, size_t len)
{
	const char *l = text, *end = text + len;

	while (l < end) {
		const char *e = memchr(l, '\n', (size_t)(end - l));
		size_t n = e ? (size_t)(e - l) : (size_t)(end - l);
		struct lint_gitignore_pattern *gp;
		bool negate = false, dir_only = false;
		const char *s = l;

		l = e ? e + 1 : end;
		if (n && s[n - 1] == '\r')
			n--;
		/* trailing blanks go, unless escaped with a backslash */
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t') && !(n >= 2 && s[n - 2] == '\\'))
			n--;
		if (!n || s[0] == '#')
			continue;
		if (s[0] == '!') {
			negate = true;
			s++;
			n--;
		}
		if (n && s[n - 1] == '/') {
			dir_only = true;
			n--;
		}
		if (!n)
			continue;
		LINT_GROW(gi->pats, gi->n + 1, gi->alloc);
		gp = &gi->pats[gi->n++];
		gp->negate = negate;
		gp->dir_only = dir_only;
		gp->anchored = memchr(s, '/', n) != NULL;
		if (s[0] == '/') {
			s++;
			n--;
		}
		gp->pat = xstrndup(s, n);
		gp->base = xstrdup(base);
	}
}

/* 1 ignored, 0 re-included, -1 no pattern matched. */
static int match_one_path(const struct lint_gitignore *gi, const char *path, bool is_dir)
{
	int ret = -1;
	size_t i;

	for (i = 0; i < gi->n; i++) {
		const struct lint_gitignore_pattern *gp = &gi->pats[i];
		const char *rel = path, *basename;
		size_t bl = strlen(gp->base);

		if (gp->dir_only && !is_dir)
			continue;
		if (bl) {
			if (strncmp(path, gp->base, bl) || path[bl] != '/')
				continue;
			rel = path + bl + 1;
		}
		basename = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
		if (gp->anchored ? lint_wildmatch(gp->pat, rel) :
				   seg_match(gp->pat, strlen(gp->pat), basename, strlen(basename)))
			ret = gp->negate ? 0 : 1;
	}
	return ret;
}

bool lint_gitignore_ignored(const struct lint_gitignore *gi, const char *path, bool is_dir)
{
	char *p = xstrdup(path), *slash;
	bool ret = false;

	/* a folder that is ignored hides everything in it: no pattern can re-include a file there */
	for (slash = strchr(p, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (match_one_path(gi, p, true) == 1) {
			ret = true;
			goto out;
		}
		*slash = '/';
	}
	ret = match_one_path(gi, p, is_dir) == 1;
out:
	free(p);
	return ret;
}

void lint_gitignore_release(struct lint_gitignore *gi)
{
	size_t i;

	for (i = 0; i < gi->n; i++) {
		free(gi->pats[i].pat);
		free(gi->pats[i].base);
	}
	free(gi->pats);
	gi->pats = NULL;
	gi->n = gi->alloc = 0;
}

/* Adds dir/.gitignore (dir = top + "/" + base) when it exists; true if it did. */
static bool add_file(struct lint_gitignore *gi, const char *top, const char *base)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	bool ret = false;
	struct stat st;
	FILE *fp;

	strbuf_adds(&path, top);
	if (*base) {
		strbuf_addch(&path, '/');
		strbuf_adds(&path, base);
	}
	strbuf_adds(&path, "/.gitignore");
	if (stat(path.buf, &st) != 0 || !S_ISREG(st.st_mode) || !(fp = fopen(path.buf, "rb")))
		goto out;
	for (;;) {
		char buf[4096];
		size_t r = fread(buf, 1, sizeof(buf), fp);

		if (!r || text.len > (1u << 20))
			break;
		strbuf_add(&text, buf, r);
	}
	fclose(fp);
	lint_gitignore_add(gi, base, text.buf ? text.buf : "", text.len);
	ret = true;
out:
	strbuf_release(&path);
	strbuf_release(&text);
	return ret;
}

int lint_gitignore_check(const char *top, const char *relpath)
{
	struct lint_gitignore gi = LINT_GITIGNORE_INIT;
	char *base = xstrdup(relpath), *slash;
	bool any = add_file(&gi, top, "");
	int ret;

	for (slash = strchr(base, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		any |= add_file(&gi, top, base);
		*slash = '/';
	}
	ret = !any ? -1 : lint_gitignore_ignored(&gi, relpath, false) ? 1 : 0;
	lint_gitignore_release(&gi);
	free(base);
	return ret;
}

void lint_app_git_states(struct lint_ctx *ctx, const char *const *paths, size_t n,
			 enum lint_git_state *states, bool *from_git)
{
	const char *root = ctx->app->absroot, *cwd = ctx->run->cwd, *top = root, *prefix = "";
	size_t i, cl = cwd ? strlen(cwd) : 0;

	if (from_git)
		*from_git = false;
	if (lint_git_states(root, paths, n, states) == 0) {
		if (from_git)
			*from_git = true;
		return;
	}
	/* outside a work tree: read .gitignore files from the linted folder (or the app) down */
	if (cwd && !strncmp(root, cwd, cl) && (root[cl] == '/' || !root[cl] || !strcmp(cwd, "/"))) {
		top = cwd;
		prefix = root[cl] == '/' ? root + cl + 1 : !strcmp(cwd, "/") ? root + 1 : "";
	}
	for (i = 0; i < n; i++) {
		char *rel = *prefix ? arena_printf(ctx->arena, "%s/%s", prefix, paths[i])
				    : arena_strdup(ctx->arena, paths[i]);
		int r = lint_gitignore_check(top, rel);

		states[i] = r < 0 ? LINT_GIT_UNKNOWN : r ? LINT_GIT_IGNORED : LINT_GIT_EXPOSED;
	}
}
