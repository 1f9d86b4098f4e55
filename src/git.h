/*
 * git.h - is a file tracked by git, or ignored by it?
 *
 * When the app is in a git work tree, git itself answers: `git ls-files` and `git check-ignore`
 * run in the app's folder through fork/exec (no shell), with stdin and stderr on /dev/null,
 * core.fsmonitor off (a repository's config must not make us run its programs) and nothing
 * that talks to a remote. Otherwise cwlint reads the .gitignore files itself, from the folder
 * the user linted (or the app root) down to the file, with git's pattern rules.
 */
#ifndef CWLINT_GIT_H
#define CWLINT_GIT_H

#include <stddef.h>
#include <stdbool.h>

struct lint_ctx;

enum lint_git_state {
	LINT_GIT_UNKNOWN = 0,		/* no answer: not a work tree and no .gitignore to read */
	LINT_GIT_TRACKED,		/* in git's index */
	LINT_GIT_IGNORED,		/* not tracked, and ignored */
	LINT_GIT_EXPOSED,		/* not tracked and not ignored: `git add .` would add it */
};

/*
 * Asks git about files of one folder: dir is absolute, paths are relative to it. Returns 0
 * with states filled (TRACKED, IGNORED or EXPOSED) when dir is in a git work tree, -1 when it
 * is not or git cannot run.
 */
int lint_git_states(const char *dir, const char *const *paths, size_t n,
		    enum lint_git_state *states);

/*
 * The state of files of ctx's app (paths relative to its root): git's answer, or else the
 * .gitignore fallback (IGNORED, EXPOSED, or UNKNOWN when no .gitignore exists on the way).
 * *from_git (may be NULL) says which answered.
 */
void lint_app_git_states(struct lint_ctx *ctx, const char *const *paths, size_t n,
			 enum lint_git_state *states, bool *from_git);

/* --- .gitignore patterns (gitignore(5)) --- */

/*
 * Matches a '/'-separated path against a glob with git's rules: `*` and `?` never match '/',
 * `[...]` classes (`!`/`^` negation, ranges, [:alpha:] and friends), `\` escapes, and `**` as a
 * whole segment: a leading or middle `**` segment matches zero or more folders, a trailing
 * one everything inside. Other runs of `*` are a single `*`.
 */
bool lint_wildmatch(const char *pattern, const char *path);

struct lint_gitignore_pattern;

/* The patterns of several .gitignore files, in precedence order (outer files first). */
struct lint_gitignore {
	struct lint_gitignore_pattern *pats;
	size_t n, alloc;
};
#define LINT_GITIGNORE_INIT { NULL, 0, 0 }

/* Adds the lines of one .gitignore whose folder is base ("" for the root, "a/b" below it). */
void lint_gitignore_add(struct lint_gitignore *gi, const char *base, const char *text, size_t len);
/*
 * True when path (relative to the root, a folder if is_dir) is ignored: the last matching
 * pattern decides, and a file inside an ignored folder stays ignored whatever follows.
 */
bool lint_gitignore_ignored(const struct lint_gitignore *gi, const char *path, bool is_dir);
void lint_gitignore_release(struct lint_gitignore *gi);

/*
 * The fallback outside a work tree: reads top/.gitignore and every .gitignore in the folders
 * from top down to relpath's folder. Returns 1 if relpath is ignored, 0 if not, -1 when none
 * of those folders has a .gitignore.
 */
int lint_gitignore_check(const char *top, const char *relpath);

#endif
