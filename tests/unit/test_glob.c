/* test_glob.c - the config file's path globs. */
#include "core.h"
#include "unit.h"

static const struct {
	const char *pattern, *path;
	bool want;
} cases[] = {
	{ "*.test.ts", "src/a.test.ts", true },
	{ "*.test.ts", "a.test.ts", true },
	{ "*.test.ts", "src/a.ts", false },
	{ "src/*.ts", "src/a.ts", true },
	{ "src/*.ts", "src/x/a.ts", false },
	{ "src/**/*.ts", "src/a.ts", true },
	{ "src/**/*.ts", "src/x/y/a.ts", true },
	{ "src/**", "src/x/y/a.ts", true },
	{ "**/fixtures/**", "a/fixtures/b.ts", true },
	{ "**/fixtures/**", "fixtures/b.ts", true },
	{ "**/fixtures/**", "a/fixturesx/b.ts", false },
	{ "/e2e/*", "e2e/a.ts", true },
	{ "/e2e/*", "x/e2e/a.ts", false },
	{ "e2e/", "e2e/a/b.ts", true },
	{ "e2e/", "x/e2e/a.ts", false },
	{ "?.ts", "a.ts", true },
	{ "?.ts", "ab.ts", false },
	{ "[ab].ts", "b.ts", true },
	{ "[!ab].ts", "b.ts", false },
	{ "[a-c]x", "bx", true },
	{ "[a-c]x", "dx", false },
	{ "\\*.ts", "*.ts", true },
	{ "\\*.ts", "a.ts", false },
	{ ".env.*", "config/.env.staging", true },
	{ "config/env/*.env", "config/env/prod.env", true },
	{ "*", "a/b", true },
	{ "a*b*c*d*e*f*g*h*i*j*k", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false },
	{ "[unclosed", "[unclosed", false },
	{ "", "a", false },
};

int main(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		UNIT_OK(lint_glob_match(cases[i].pattern, cases[i].path) == cases[i].want,
			"glob '%s' %s '%s'", cases[i].pattern, cases[i].want ? "matches" : "does not match",
			cases[i].path);
	UNIT_DONE();
}
