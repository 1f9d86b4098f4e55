/* test_semver.c - npm ranges as intervals: the bounds rules rely on to judge versions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <jansson.h>

#include "unit.h"
#include "rule.h"
#include "semver.h"

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[1024];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "w");
	if (fp) {
		fputs(text, fp);
		fclose(fp);
	}
}

/* The version a lockfile gives for name, for an app at dir/rel with package.json pkg. */
static const char *installed(const char *dir, const char *rel, const char *pkg, const char *name,
			     char *file, size_t fsize)
{
	static char out[64];
	struct arena a = ARENA_INIT;
	struct lint_app app;
	struct lint_ctx ctx;
	json_error_t err;
	char root[1024];
	const char *v, *f = NULL;

	memset(&app, 0, sizeof(app));
	memset(&ctx, 0, sizeof(ctx));
	snprintf(root, sizeof(root), "%s%s%s", dir, *rel ? "/" : "", rel);
	app.absroot = root;
	app.pkg = json_loads(pkg, 0, &err);
	ctx.app = &app;
	ctx.arena = &a;
	v = lint_app_installed(&ctx, name, &f);
	snprintf(out, sizeof(out), "%s", v ? v : "(none)");
	snprintf(file, fsize, "%s", f ? f : "(none)");
	json_decref(app.pkg);
	arena_release(&a);
	return out;
}

static void lockfiles(void)
{
	char tmpl[] = "/tmp/cwlint-lock-XXXXXX", *dir = mkdtemp(tmpl), sub[1100], file[64], cmd[1200];
	const char *pkg = "{\"dependencies\": {\"next\": \"^16.1.0\", \"convex\": \"npm:convex@^1.44.0\"}}";

	UNIT_OK(dir != NULL, "temporary folder");
	if (!dir)
		return;
	snprintf(sub, sizeof(sub), "%s/apps", dir);
	mkdir(sub, 0700);
	snprintf(sub, sizeof(sub), "%s/apps/web", dir);
	mkdir(sub, 0700);
	UNIT_STREQ(installed(dir, "apps/web", pkg, "next", file, sizeof(file)), "(none)", "no lockfile: nothing");
	UNIT_STREQ(file, "(none)", "no lockfile: no file");

	/* npm workspaces: the app's own node_modules first, then the hoisted one */
	write_file(dir, "package-lock.json",
		   "{\"lockfileVersion\": 3, \"packages\": {\"\": {},"
		   " \"apps/web/node_modules/next\": {\"version\": \"16.1.3\"},"
		   " \"node_modules/next\": {\"version\": \"15.0.0\"},"
		   " \"node_modules/convex\": {\"version\": \"1.45.0\"}}}");
	UNIT_STREQ(installed(dir, "apps/web", pkg, "next", file, sizeof(file)), "16.1.3",
		   "package-lock.json: the workspace's own copy wins");
	UNIT_STREQ(file, "package-lock.json", "package-lock.json is named");
	UNIT_STREQ(installed(dir, "apps/web", pkg, "convex", file, sizeof(file)), "1.45.0",
		   "package-lock.json: a hoisted package");
	UNIT_STREQ(installed(dir, "", pkg, "next", file, sizeof(file)), "15.0.0", "package-lock.json at the app root");
	remove(strcat(strcpy(cmd, dir), "/package-lock.json"));

	/* pnpm v9 importers, quoted and unquoted keys, peer suffixes */
	write_file(dir, "pnpm-lock.yaml",
		   "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      next:\n"
		   "        specifier: ^15.0.0\n        version: 15.0.0(react@19.0.0)\n\n"
		   "  apps/web:\n    dependencies:\n      '@workos-inc/authkit-nextjs':\n"
		   "        specifier: ^2.17.0\n        version: 2.17.1(next@16.1.3(react@19.0.0))\n"
		   "    devDependencies:\n      next:\n        specifier: ^16.1.0\n        version: 16.1.3(react@19.0.0)\n"
		   "\npackages:\n\n  next@16.1.3:\n    resolution: {integrity: x}\n");
	UNIT_STREQ(installed(dir, "apps/web", pkg, "@workos-inc/authkit-nextjs", file, sizeof(file)), "2.17.1",
		   "pnpm-lock.yaml: a quoted scoped name, peer suffix dropped");
	UNIT_STREQ(installed(dir, "apps/web", pkg, "next", file, sizeof(file)), "16.1.3",
		   "pnpm-lock.yaml: the app's importer, devDependencies");
	UNIT_STREQ(installed(dir, "", pkg, "next", file, sizeof(file)), "15.0.0", "pnpm-lock.yaml: the root importer");
	UNIT_STREQ(installed(dir, "", pkg, "convex", file, sizeof(file)), "(none)", "pnpm-lock.yaml: not listed");
	remove(strcat(strcpy(cmd, dir), "/pnpm-lock.yaml"));

	/* yarn: the block whose descriptor has package.json's range wins */
	write_file(dir, "yarn.lock",
		   "# yarn lockfile v1\n\n\"next@^15.0.0\":\n  version \"15.0.4\"\n\n"
		   "next@^16.1.0, next@^16.0.0:\n  version \"16.1.3\"\n  resolved \"x\"\n\n"
		   "\"convex@npm:^1.44.0\":\n  version: 1.45.0\n");
	UNIT_STREQ(installed(dir, "", pkg, "next", file, sizeof(file)), "16.1.3", "yarn.lock: the matching descriptor");
	UNIT_STREQ(installed(dir, "", pkg, "convex", file, sizeof(file)), "1.45.0", "yarn.lock: berry's npm: descriptor");
	UNIT_STREQ(file, "yarn.lock", "yarn.lock is named");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
}

/* "at least" / "below" answers for one range and one version. */
struct rcase {
	const char *range;
	int parses;
	const char *v;
	int at_least;		/* every allowed version >= v */
	int below;		/* every allowed version < v */
};

static const struct rcase cases[] = {
	{ "^2.17.0", 1, "2.11.0", 1, 0 },
	{ "^2.17.0", 1, "3.0.0", 0, 1 },
	{ "^2.17.0", 1, "2.17.0", 1, 0 },
	{ "~1.44", 1, "1.44.0", 1, 0 },
	{ "~1.44", 1, "1.45.0", 0, 1 },
	{ "~1.26.0", 1, "1.27.5", 0, 1 },
	{ ">=1.27 <2", 1, "1.27.0", 1, 0 },
	{ ">=1.27 <2", 1, "2.0.0", 0, 1 },
	{ ">= 1.27.5", 1, "1.27.5", 1, 0 },
	{ "1.26.0", 1, "1.27.5", 0, 1 },
	{ "1.26.0", 1, "1.26.0", 1, 0 },
	{ "=1.26.0", 1, "1.26.1", 0, 1 },
	{ "v4.1.4", 1, "4.1.4", 1, 0 },
	{ "4.x", 1, "4.0.0", 1, 0 },
	{ "4.x", 1, "5.0.0", 0, 1 },
	{ "1.2.*", 1, "1.3.0", 0, 1 },
	{ "*", 1, "0.0.1", 0, 0 },
	{ "", 1, "1.0.0", 0, 0 },
	{ "^0.16.2", 1, "0.17.0", 0, 1 },
	{ "^0.0.3", 1, "0.0.4", 0, 1 },
	{ "^0", 1, "1.0.0", 0, 1 },
	{ "^1", 1, "1.0.0", 1, 0 },
	{ "~1", 1, "2.0.0", 0, 1 },
	{ ">1.2.3", 1, "1.2.3", 1, 0 },
	{ ">1.2", 1, "1.3.0", 1, 0 },
	{ "<=1.2", 1, "1.3.0", 0, 1 },
	{ "<=1.2.3", 1, "1.2.3", 0, 0 },
	{ "<1.2.3", 1, "1.2.3", 0, 1 },
	{ "1.2.3 - 2.3.4", 1, "1.2.3", 1, 0 },
	{ "1.2.3 - 2.3.4", 1, "2.3.5", 0, 1 },
	{ "1.2 - 2.3", 1, "2.4.0", 0, 1 },
	{ "^1.2.0 || ^2.0.0", 1, "1.2.0", 1, 0 },
	{ "^1.2.0 || ^2.0.0", 1, "3.0.0", 0, 1 },
	{ "^1.2.0 || >=3", 1, "9.0.0", 0, 0 },
	{ "npm:@workos-inc/authkit-nextjs@^4.1.4", 1, "4.1.4", 1, 0 },
	{ "workspace:^1.2.3", 1, "1.2.3", 1, 0 },
	{ "^1.0.0-beta.2", 1, "1.0.0-beta.1", 1, 0 },
	{ "latest", 0, "1.0.0", 0, 0 },
	{ "next", 0, "1.0.0", 0, 0 },
	{ "workspace:*", 0, "1.0.0", 0, 0 },
	{ "github:workos/authkit-nextjs", 0, "1.0.0", 0, 0 },
	{ "git+https://github.com/a/b.git#v1", 0, "1.0.0", 0, 0 },
	{ "file:../pkg", 0, "1.0.0", 0, 0 },
	{ "catalog:", 0, "1.0.0", 0, 0 },
	{ "workos/authkit-nextjs", 0, "1.0.0", 0, 0 },
	{ "1.x.3", 0, "1.0.0", 0, 0 },
};

int main(void)
{
	size_t i;
	struct semver a, b;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct rcase *c = &cases[i];
		struct semver_range r;
		struct semver v;
		int ok = semver_range_parse(c->range, &r);

		UNIT_OK(ok == c->parses, "range '%s' %s", c->range, c->parses ? "parses" : "is not semver");
		if (!ok || !c->parses)
			continue;
		UNIT_OK(semver_parse(c->v, &v), "version %s parses", c->v);
		UNIT_OK(semver_range_all_at_least(&r, &v) == c->at_least, "'%s' all >= %s: %d",
			c->range, c->v, c->at_least);
		UNIT_OK(semver_range_all_below(&r, &v) == c->below, "'%s' all < %s: %d", c->range,
			c->v, c->below);
	}
	UNIT_OK(semver_parse("1.27.5", &a) && semver_parse("1.27.5-alpha.1", &b) &&
		semver_cmp(&b, &a) < 0, "a prerelease sorts before its release");
	UNIT_OK(semver_parse("1.0.0-alpha.2", &a) && semver_parse("1.0.0-alpha.10", &b) &&
		semver_cmp(&a, &b) < 0, "numeric prerelease parts compare as numbers");
	UNIT_OK(semver_parse("1.0.0-alpha", &a) && semver_parse("1.0.0-alpha.1", &b) &&
		semver_cmp(&a, &b) < 0, "a shorter prerelease sorts first");
	UNIT_OK(semver_parse("2.17.0+build.5", &a) && a.major == 2 && a.minor == 17 && a.patch == 0,
		"build metadata is ignored");
	UNIT_OK(!semver_parse("2.17", &a), "a partial version is not an exact version");
	UNIT_OK(!semver_parse("^2.17.0", &a), "a range is not an exact version");
	lockfiles();
	UNIT_DONE();
}
