/*
 * semver.h - npm versions and ranges, and the versions a lockfile says are installed.
 *
 * Rules that depend on a package version judge only what is certain: "every version this
 * range allows is below 1.27.5", or the exact version the lockfile installed. A range that is
 * not semver (a dist-tag such as "latest", a git or file URL, "workspace:*") is unknown, and
 * so is a version nothing pins down; rules then stay silent.
 */
#ifndef CWLINT_SEMVER_H
#define CWLINT_SEMVER_H

#include <stddef.h>
#include <stdbool.h>

struct semver {
	long major, minor, patch;
	char pre[32];			/* prerelease ("beta.1"), "" for a release; cut at 31 bytes */
};

/* An exact version: "1.2.3", "v1.2.3", "1.2.3-beta.1+build". Returns false otherwise. */
bool semver_parse(const char *s, struct semver *v);
/* <0, 0, >0 as a sorts before, equal to or after b (build metadata ignored). */
int semver_cmp(const struct semver *a, const struct semver *b);

/* The versions a range allows, as one interval (a union's hull). */
struct semver_range {
	bool has_lo, lo_incl;		/* no lower bound: anything from 0.0.0 */
	struct semver lo;
	bool has_hi, hi_incl;		/* no upper bound: anything newer */
	struct semver hi;
};

/*
 * Parses a package.json version spec: "^2.17.0", "~1.44", ">=1.27 <2", "1.2.3 - 2.x",
 * "1.x || >=3", "*", "", "npm:pkg@^1.2", "workspace:^1.2.3". Returns false for specs that
 * are not semver ranges ("latest", URLs, "file:..", "workspace:*", "catalog:").
 */
bool semver_range_parse(const char *spec, struct semver_range *r);
/* True when every version r allows is at least v. */
bool semver_range_all_at_least(const struct semver_range *r, const struct semver *v);
/* True when every version r allows is below v. */
bool semver_range_all_below(const struct semver_range *r, const struct semver *v);
/* True when v lies inside r's interval. */
bool semver_range_contains(const struct semver_range *r, const struct semver *v);

/* --- what a project says about one dependency --- */

struct lint_ctx;
struct lint_app;

/* Installed versions read from the app's lockfile, loaded on first use (see lint_app.lock). */
struct lint_lock {
	const char *file;		/* lockfile name as shown: "package-lock.json", or NULL if none */
	const char **names, **versions;	/* parallel arrays */
	size_t n;
	const char *nvmrc;		/* first line of .nvmrc at the app root, or NULL */
};

/*
 * The version of dependency name that the app's lockfile (package-lock.json v1-v3,
 * pnpm-lock.yaml v6/v9, yarn.lock v1/berry; at the app root or in a folder above it, up to
 * the repository root) installed for the app, or NULL. Only the packages the rules ask about
 * are kept: next, vite, react, convex, the @workos-inc packages, @convex-dev/workos. *file (may be NULL)
 * gets the lockfile's name. Memory comes from ctx->arena.
 */
const char *lint_app_installed(struct lint_ctx *ctx, const char *name, const char **file);
/* .nvmrc's first line (trimmed) for the app, or NULL. */
const char *lint_app_nvmrc(struct lint_ctx *ctx);

/*
 * What is known about dependency name's version: the exact version the lockfile installed
 * when it lies inside package.json's range (a stale lockfile is ignored), else the range.
 * Returns false when the app does not declare name or its range is not semver. *shown gets
 * a description for messages ("convex 1.26.0 in package-lock.json", "convex ~1.26.0").
 */
bool lint_dep_range(struct lint_ctx *ctx, const char *name, struct semver_range *r,
		    const char **shown);

#endif
