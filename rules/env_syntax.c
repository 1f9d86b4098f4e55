/* env_syntax.c - lines of an env file that the dotenv dialect cannot parse. */
#include <string.h>

#include "rule.h"
#include "project.h"

/* What each parser complaint means for the app, and how to write the line instead. */
static const struct {
	const char *msg;		/* dotenv.c's message */
	const char *effect;
	const char *help;
} explain[] = {
	{ "unterminated double-quoted value",
	  "dotenv then reads the rest of the line as the value, opening quote included",
	  "close the quote: KEY=\"value\" (a multi-line value ends with the closing quote on its last line)" },
	{ "unterminated single-quoted value",
	  "dotenv then reads the rest of the line as the value, opening quote included",
	  "close the quote: KEY='value'" },
	{ "unterminated backtick-quoted value",
	  "dotenv then reads the rest of the line as the value, opening backtick included",
	  "close the backtick: KEY=`value`" },
	{ "unexpected text after the closing quote",
	  "dotenv then keeps the whole text, quotes included, as the value",
	  "move the text inside the quotes, or make it a comment: KEY=\"value\" # note" },
	{ "missing key before '='",
	  "dotenv skips the line",
	  "write KEY=value, or start the line with # to make it a comment" },
	{ "invalid character in key",
	  "dotenv skips the line: keys are letters, digits, '_', '.' and '-'",
	  "write the key with underscores, e.g. MY_KEY=value" },
	{ "missing space after ':'",
	  "dotenv skips the line (the KEY: value form needs a blank after the colon)",
	  "write KEY=value" },
	{ "missing '=' after key",
	  "dotenv skips the line",
	  "write KEY=value, or start the line with # to make it a comment" },
	{ "not a KEY=value line",
	  "dotenv skips the line",
	  "write KEY=value, or start the line with # to make it a comment" },
	{ "value starts on the line after its key",
	  "dotenv takes the next line as this key's value",
	  "put the value on the key's line: KEY=value" },
};

/*
 * A line that did not parse has no entry, so the code frame cannot mask its value by
 * structure: register what follows '=' when the line looks like it holds a secret.
 */
static void register_line_secret(struct lint_ctx *ctx, const struct lint_envfile *e, uint32_t line)
{
	size_t len, n;
	const char *l = lint_source_line(&e->src, line, &len), *eq, *v;
	char key[128];

	if (!l || !(eq = memchr(l, '=', len)))
		return;
	n = (size_t)(eq - l) < sizeof(key) - 1 ? (size_t)(eq - l) : sizeof(key) - 1;
	memcpy(key, l, n);
	key[n] = '\0';
	v = eq + 1;
	n = len - (size_t)(v - l);
	while (n && (*v == ' ' || *v == '"' || *v == '\'' || *v == '`'))
		v++, n--;
	while (n && (v[n - 1] == ' ' || v[n - 1] == '"' || v[n - 1] == '\'' || v[n - 1] == '`'))
		n--;
	if (lint_secret_key(key) || lint_env_secret_name(key) != SECRET_NONE || (n > 3 && !strncmp(v, "sk_", 3)))
		lint_secret(ctx->run, v, n);
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	size_t i, j, k;

	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *e = app->envs[i];

		for (j = 0; j < e->env.nerrors; j++) {
			const struct dotenv_error *err = &e->env.errors[j];
			const char *effect = "dotenv reads it differently from what it says", *help = NULL;
			struct lint_diag *d;

			for (k = 0; k < ARRAY_SIZE(explain); k++)
				if (!strcmp(err->msg, explain[k].msg)) {
					effect = explain[k].effect;
					help = explain[k].help;
				}
			register_line_secret(ctx, e, err->line);
			d = lint_report(ctx, &e->src, err->start, err->end, "%s in %s: %s", err->msg,
					e->name, effect);
			if (help)
				lint_help(d, "%s", help);
		}
	}
}

const struct lint_rule rule_env_syntax = {
	.id = "env-syntax",
	.severity = SEV_ERROR,
	.family = "env",
	.summary = "an env file line that the dotenv dialect cannot parse",
	.description =
		"Next.js (@next/env) and Vite read env files with dotenv, which never reports an\n"
		"error: a line it cannot parse is skipped, or read as something else. An unterminated\n"
		"quote makes the value keep its opening quote; text after a closing quote makes the\n"
		"quotes part of the value; a key with a space or another invalid character, or a line\n"
		"without '=', is dropped, so the variable is silently missing; a value on the line after\n"
		"its key is taken from that next line. cwlint parses env files exactly as dotenv 16/17\n"
		"does and reports each such line.",
	.example =
		"# wrong\n"
		"WORKOS_REDIRECT_URI=\"http://localhost:3000/callback\n"
		"WORKOS CLIENT_ID=client_01H...\n"
		"# right\n"
		"WORKOS_REDIRECT_URI=\"http://localhost:3000/callback\"\n"
		"WORKOS_CLIENT_ID=client_01H...",
	.fix =
		"Write every entry as KEY=value (letters, digits and underscores in the key), close\n"
		"every quote, and put comments on their own line or after a blank and '#'.",
	.sources =
		"dotenv lib/main.js LINE regex and parse() (15.x-17.x), used by @next/env and Vite;\n"
		"cwlint's table of tricky lines (tests/unit/dotenv-cases.md).",
	.check_app = check,
};
