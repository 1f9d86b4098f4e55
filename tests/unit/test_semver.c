/* test_semver.c - npm ranges as intervals: the bounds rules rely on to judge versions. */
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "semver.h"

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
	UNIT_DONE();
}
