/* test_gitignore.c - .gitignore matching (checked against `git check-ignore`, git 2.39) and git queries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "git.h"

/* A root .gitignore, optionally one more in folder sub, and whether git ignores path. */
struct icase {
	const char *root;
	const char *sub, *sub_text;
	const char *path;
	int ignored;
};

/* Every expectation below is what `git check-ignore` answered for the same files. */
static const struct icase cases[] = {
	{ ".env.local\n", NULL, NULL, ".env.local", 1 },
	{ ".env.local\n", NULL, NULL, "sub/.env.local", 1 },
	{ "/.env.local\n", NULL, NULL, "sub/.env.local", 0 },
	{ "/.env.local\n", NULL, NULL, ".env.local", 1 },
	{ "*.local\n", NULL, NULL, ".env.local", 1 },
	{ "*.local\n", NULL, NULL, ".env.development.local", 1 },
	{ "*.local\n", NULL, NULL, ".env", 0 },
	{ ".env*\n", NULL, NULL, ".env.production", 1 },
	{ ".env*\n!.env.example\n", NULL, NULL, ".env.example", 0 },
	{ ".env*\n!.env.example\n", NULL, NULL, ".env.local", 1 },
	{ ".env*.local\n", NULL, NULL, ".env.local", 1 },
	{ ".env*.local\n", NULL, NULL, ".env.production.local", 1 },
	{ ".env*.local\n", NULL, NULL, ".env", 0 },
	{ ".env.?ocal\n", NULL, NULL, ".env.local", 1 },
	{ ".env.[lL]ocal\n", NULL, NULL, ".env.Local", 1 },
	{ ".env.[!l]ocal\n", NULL, NULL, ".env.local", 0 },
	{ ".env.[^l]ocal\n", NULL, NULL, ".env.xocal", 1 },
	{ ".env.[a-k]ocal\n", NULL, NULL, ".env.local", 0 },
	{ ".env.[[:lower:]]ocal\n", NULL, NULL, ".env.local", 1 },
	{ "apps/\n", NULL, NULL, "apps/web/.env.local", 1 },
	{ "apps\n", NULL, NULL, "apps/web/.env.local", 1 },
	{ "apps/\n!apps/web/.env.local\n", NULL, NULL, "apps/web/.env.local", 1 },
	{ "apps/*\n!apps/web/\n", NULL, NULL, "apps/web/.env.local", 0 },
	{ "**/.env.local\n", NULL, NULL, "apps/web/.env.local", 1 },
	{ "**/.env.local\n", NULL, NULL, ".env.local", 1 },
	{ "apps/**/.env.local\n", NULL, NULL, "apps/.env.local", 1 },
	{ "apps/**/.env.local\n", NULL, NULL, "apps/a/b/.env.local", 1 },
	{ "apps/**\n", NULL, NULL, "apps/web/.env.local", 1 },
	{ "web/.env.local\n", NULL, NULL, "apps/web/.env.local", 0 },
	{ "*/.env.local\n", NULL, NULL, "apps/.env.local", 1 },
	{ "*/.env.local\n", NULL, NULL, "apps/web/.env.local", 0 },
	{ "**\n", NULL, NULL, ".env", 1 },
	{ "***.local\n", NULL, NULL, ".env.local", 1 },
	{ "\\#notes\n", NULL, NULL, "#notes", 1 },
	{ "#.env.local\n", NULL, NULL, ".env.local", 0 },
	{ "\\!important\n", NULL, NULL, "!important", 1 },
	{ ".env.local   \n", NULL, NULL, ".env.local", 1 },
	{ ".env.local\\ \n", NULL, NULL, ".env.local", 0 },
	{ "", "apps/web", ".env.local\n", "apps/web/.env.local", 1 },
	{ "", "apps/web", ".env.local\n", "apps/.env.local", 0 },
	{ "*.local\n", "apps/web", "!.env.local\n", "apps/web/.env.local", 0 },
	{ ".env.local\n", "apps", "!web/.env.local\n", "apps/web/.env.local", 0 },
	{ "", "apps", "/web/.env.local\n", "apps/web/.env.local", 1 },
	{ "", "apps", "/.env.local\n", "apps/web/.env.local", 0 },
	{ ".env.local/\n", NULL, NULL, ".env.local", 0 },
	{ "node_modules\n.next/\n", NULL, NULL, ".env.local", 0 },
	{ "*.local\r\n", NULL, NULL, ".env.local", 1 },
	{ "[.]env\n", NULL, NULL, ".env", 1 },
	{ ".env.local[\n", NULL, NULL, ".env.local[", 0 },
	{ "a/**/b/**/.env\n", NULL, NULL, "a/x/b/y/z/.env", 1 },
	{ "a/**/**/.env\n", NULL, NULL, "a/.env", 1 },
};

static void write_file(const char *dir, const char *rel, const char *text)
{
	char path[1024], *slash;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	for (slash = strchr(path + strlen(dir) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0700);
		*slash = '/';
	}
	fp = fopen(path, "w");
	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

static int sh(const char *dir, const char *cmd)
{
	char buf[2048];

	snprintf(buf, sizeof(buf), "cd '%s' && %s >/dev/null 2>&1", dir, cmd);
	return system(buf);
}

int main(void)
{
	size_t i;
	char tmpl[] = "/tmp/cwlint-gitignore-XXXXXX", *dir;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct icase *c = &cases[i];
		struct lint_gitignore gi = LINT_GITIGNORE_INIT;

		lint_gitignore_add(&gi, "", c->root, strlen(c->root));
		if (c->sub)
			lint_gitignore_add(&gi, c->sub, c->sub_text, strlen(c->sub_text));
		UNIT_OK(lint_gitignore_ignored(&gi, c->path, false) == c->ignored,
			"case %zu: '%s' is %s", i + 1, c->path, c->ignored ? "ignored" : "not ignored");
		lint_gitignore_release(&gi);
	}

	UNIT_OK(lint_wildmatch("a/**/b", "a/b"), "middle ** matches no folder");
	UNIT_OK(lint_wildmatch("a/**/b", "a/x/y/b"), "middle ** matches several folders");
	UNIT_OK(!lint_wildmatch("a/**", "a"), "trailing ** needs something inside");
	UNIT_OK(!lint_wildmatch("a/*", "a/b/c"), "* stays inside one folder");
	UNIT_OK(!lint_wildmatch("a?b", "a/b"), "? never matches a slash");
	UNIT_OK(!lint_wildmatch("**/**/**/**/**/**/**/**/**/**/**/x",
				"a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/y"),
		"many ** segments stay fast");

	/* the fallback reads .gitignore files from disk, top down */
	dir = mkdtemp(tmpl);
	UNIT_OK(dir != NULL, "temporary folder");
	if (!dir)
		UNIT_DONE();
	write_file(dir, "apps/web/.env.local", "K=v\n");
	UNIT_OK(lint_gitignore_check(dir, "apps/web/.env.local") == -1, "no .gitignore: no answer");
	write_file(dir, ".gitignore", "node_modules\n");
	UNIT_OK(lint_gitignore_check(dir, "apps/web/.env.local") == 0, "a .gitignore that misses it");
	write_file(dir, "apps/.gitignore", "*.local\n");
	UNIT_OK(lint_gitignore_check(dir, "apps/web/.env.local") == 1, "a nested .gitignore covers it");
	write_file(dir, "apps/web/.gitignore", "!.env.local\n");
	UNIT_OK(lint_gitignore_check(dir, "apps/web/.env.local") == 0, "a deeper negation re-includes it");

	/* git's own answer, when git is installed */
	if (sh(dir, "git --version") == 0 && sh(dir, "git init -q .") == 0) {
		const char *paths[] = { ".env.local", ".env.production", ".env" };
		enum lint_git_state st[3];
		char web[1100];

		write_file(dir, ".env.local", "K=v\n");
		write_file(dir, ".env.production", "K=v\n");
		write_file(dir, ".env", "K=v\n");
		write_file(dir, ".gitignore", ".env.production\n");
		sh(dir, "git add -f .env.local");
		UNIT_OK(lint_git_states(dir, paths, 3, st) == 0, "git answers in a work tree");
		UNIT_OK(st[0] == LINT_GIT_TRACKED, "a tracked file is tracked");
		UNIT_OK(st[1] == LINT_GIT_IGNORED, "an ignored file is ignored");
		UNIT_OK(st[2] == LINT_GIT_EXPOSED, "an untracked, unignored file is exposed");
		snprintf(web, sizeof(web), "%s/apps/web", dir);
		{
			const char *sub[] = { ".env.local", "missing.env" };

			UNIT_OK(lint_git_states(web, sub, 2, st) == 0, "git answers in a subfolder");
			UNIT_OK(st[0] == LINT_GIT_EXPOSED, "git reads the nested .gitignore files too");
			UNIT_OK(st[1] == LINT_GIT_EXPOSED, "a path git does not know is exposed");
		}
		{
			/* a tracked file stays tracked when a pattern covers it; odd names; a folder rule */
			const char *more[] = { ".env.local", "odd \"name\"\t.env", "secrets/.env", "gone.env" };
			enum lint_git_state st4[4];

			write_file(dir, "odd \"name\"\t.env", "K=v\n");
			write_file(dir, "secrets/.env", "K=v\n");
			write_file(dir, ".gitignore", ".env.production\n.env.local\nsecrets/\ngone.env\n");
			UNIT_OK(lint_git_states(dir, more, 4, st4) == 0, "git answers again");
			UNIT_OK(st4[0] == LINT_GIT_TRACKED, "tracked though a pattern covers it");
			UNIT_OK(st4[1] == LINT_GIT_EXPOSED, "a name with quotes and a tab is exposed");
			UNIT_OK(st4[2] == LINT_GIT_IGNORED, "a file in an ignored folder is ignored");
			UNIT_OK(st4[3] == LINT_GIT_IGNORED, "a missing path a pattern covers is ignored");
		}
		sh(dir, "rm -rf .git");
		UNIT_OK(lint_git_states(dir, paths, 3, st) == -1, "no work tree: git gives no answer");
	}
	{
		char cmd[1200];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			printf("# could not remove %s\n", dir);
	}
	UNIT_DONE();
}
