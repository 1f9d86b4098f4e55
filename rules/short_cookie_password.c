/* short_cookie_password.c - WORKOS_COOKIE_PASSWORD under 32 characters or a known placeholder. */
#include <string.h>

#include "rule.h"

/* Placeholders from the integration guide and the official template's .env.local.example. */
static const char *const placeholders[] = {
	"your_32_char_minimum_password_here",
	"your_secure_password_here_must_be_at_least_32_characters_long",
	NULL,
};

/* Length as JavaScript's String.length counts it (UTF-16 code units): what AuthKit checks. */
static size_t js_length(const char *s)
{
	size_t n = 0;

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c & 0xC0) == 0x80)
			continue;
		n += c >= 0xF0 ? 2 : 1;
	}
	return n;
}

static bool one_repeated_char(const char *s)
{
	size_t i;

	if (!*s)
		return false;
	for (i = 1; s[i]; i++)
		if (s[i] != s[0])
			return false;
	return true;
}

static void check_entry(struct lint_ctx *ctx, const struct lint_envfile *e,
			const struct dotenv_entry *d)
{
	const char *v = d->expanded ? d->expanded : d->value;
	size_t len = js_length(v);
	bool tmpl = e->scope == ENV_TEMPLATE;
	const char *const *p;
	struct lint_diag *diag;

	if (len < 32) {
		/* an empty line in a template is a blank to fill in, not advice */
		if (tmpl && len == 0)
			return;
		diag = lint_report(ctx, &e->src, d->value_start, d->value_end > d->value_start ?
				   d->value_end : d->key_end,
				   "WORKOS_COOKIE_PASSWORD is %zu character%s long; AuthKit needs at least 32 "
				   "and fails every request with \"You must provide a valid cookie password that "
				   "is at least 32 characters\"", len, len == 1 ? "" : "s");
		lint_help(diag, "generate one with `openssl rand -base64 32` and set "
			  "WORKOS_COOKIE_PASSWORD=<that value> in %s", tmpl ? ".env.local" : e->name);
		return;
	}
	if (tmpl)
		return;
	for (p = placeholders; *p; p++)
		if (!strcmp(v, *p))
			break;
	if (!*p && !one_repeated_char(v))
		return;
	diag = lint_report(ctx, &e->src, d->value_start, d->value_end,
			   "WORKOS_COOKIE_PASSWORD is still a placeholder: anyone who read the same guide "
			   "can forge session cookies");
	lint_help(diag, "generate a real one with `openssl rand -base64 32` and put it in %s", e->name);
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	size_t i, j;

	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *e = app->envs[i];

		for (j = 0; j < e->env.nentries; j++)
			if (!strcmp(e->env.entries[j].key, "WORKOS_COOKIE_PASSWORD"))
				check_entry(ctx, e, &e->env.entries[j]);
	}
}

const struct lint_rule rule_short_cookie_password = {
	.id = "short-cookie-password",
	.severity = SEV_ERROR,
	.family = "env",
	.summary = "WORKOS_COOKIE_PASSWORD shorter than 32 characters or a known placeholder",
	.security_severity = "7.5",	/* forgeable sessions: high */
	.description =
		"authkit-nextjs seals the session cookie with WORKOS_COOKIE_PASSWORD. Its proxy/middleware\n"
		"throws \"You must provide a valid cookie password that is at least 32 characters in the\n"
		"environment variables\" when the value is missing or shorter than 32 characters (counted\n"
		"after unquoting, as JavaScript counts), so every request fails. A value copied from a\n"
		"guide or template (or one character repeated) is long enough but public: anyone can\n"
		"forge sessions with it. In templates (.env.example and friends) only a short non-empty\n"
		"value is reported, since it teaches a broken setup.",
	.example =
		"# wrong: .env.local\n"
		"WORKOS_COOKIE_PASSWORD=change-me-please\n"
		"# right (output of `openssl rand -base64 32`)\n"
		"WORKOS_COOKIE_PASSWORD=<44 random characters>",
	.fix = "Generate a value with `openssl rand -base64 32` (44 characters) and set it in the env\n"
	       "file and in the production environment. Never reuse a placeholder.",
	.sources =
		"authkit-nextjs src/session.ts (updateSessionMiddleware); authkit-nextjs issue #112;\n"
		"Convex + WorkOS integration guide (\"Use 32+ char WORKOS_COOKIE_PASSWORD\").",
	.check_app = check,
};
