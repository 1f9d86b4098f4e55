/* main.c - the command line: options, targets, exit status. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"
#include "lsp.h"
#include "version.h"

static const char usage_text[] =
"usage: cwlint [OPTIONS] [PATH...]\n"
"       cwlint --list-rules [--format json|markdown]\n"
"       cwlint --explain RULE\n"
"       cwlint [OPTIONS] --stdin-filename PATH < BUFFER\n"
"       cwlint [OPTIONS] --lsp\n"
"\n"
"Lints Convex + WorkOS AuthKit apps (Next.js, React + Vite) at each PATH (default: .).\n"
"A PATH may be an app, a folder in a monorepo or single files; the whole app around it is\n"
"read, and only findings in the named files or folders are reported.\n"
"\n"
"Options:\n"
"  --format FORMAT        human, gcc, json, sarif or github (default: human on a terminal,\n"
"                         gcc otherwise; github is added when GITHUB_ACTIONS=true)\n"
"  --output FORMAT=FILE   also write FORMAT to FILE (repeatable)\n"
"  --rule ID=LEVEL        set a rule to off, info, warning or error (repeatable)\n"
"  --fail-on LEVEL        exit 1 on findings at or above error, warning, info; never\n"
"                         (default: error)\n"
"  --max-warnings N       also exit 1 when there are more than N warnings\n"
"  --quiet                report errors only\n"
"  --color WHEN           auto, always or never (auto honours NO_COLOR, FORCE_COLOR, TERM=dumb)\n"
"  --jobs N               worker threads (default: the number of cores)\n"
"  --stdin-filename PATH  lint standard input as the file PATH, with the rest of its app\n"
"                         read from disk (editors); PATH need not exist\n"
"  --lsp                  be a language server on standard input and output (editors);\n"
"                         --config, --no-config, --rule and the limits apply to its lints\n"
"  --max-file-size BYTES  skip larger files, with a note (default: 8388608)\n"
"  --max-nesting N        do not parse sources nested deeper, or with more comments in\n"
"                         a row (default: 10000; at most 60000)\n"
"  --config FILE          use this config file (default: cwlint.json or .cwlintrc.json\n"
"                         or package.json \"cwlint\", found from the first PATH upwards)\n"
"  --no-config            ignore config files\n"
"  --fix                  apply the safe fixes, then report what remains\n"
"  --unsafe-fixes         with --fix or --diff, unsafe fixes too (they can change what\n"
"                         a working app does: review them)\n"
"  --diff                 print the fixes --fix would make as a unified diff, write\n"
"                         nothing; exit 1 when there is something to fix, else 0\n"
"  --baseline FILE        hide the findings recorded in FILE (see --write-baseline)\n"
"  --write-baseline FILE  record every current finding in FILE (salted fingerprints,\n"
"                         no line numbers, no secrets) and report nothing\n"
"  --list-rules           list every rule: id, severity, family, summary\n"
"  --explain RULE         what a rule checks, why, an example, the fix and its sources\n"
"  --version              print the version\n"
"  -h, --help             print this help\n"
"\n"
"Exit status: 0 no findings at or above --fail-on; 1 findings at or above it (or more\n"
"warnings than --max-warnings); 2 usage error, nothing linted; 3 internal or I/O failure,\n"
"results may be incomplete.\n";

enum {
	OPT_FORMAT = 256, OPT_RULE, OPT_FAIL_ON, OPT_MAX_WARNINGS, OPT_QUIET, OPT_COLOR, OPT_JOBS,
	OPT_MAX_FILE_SIZE, OPT_MAX_NESTING, OPT_LIST_RULES, OPT_EXPLAIN, OPT_VERSION, OPT_CONFIG, OPT_NO_CONFIG, OPT_BASELINE, OPT_WRITE_BASELINE,
	OPT_OUTPUT, OPT_STDIN_FILENAME, OPT_FIX, OPT_DIFF, OPT_UNSAFE_FIXES, OPT_LSP,
};

static const struct option long_opts[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, OPT_OUTPUT },
	{ "rule", required_argument, NULL, OPT_RULE },
	{ "fail-on", required_argument, NULL, OPT_FAIL_ON },
	{ "max-warnings", required_argument, NULL, OPT_MAX_WARNINGS },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "colour", required_argument, NULL, OPT_COLOR },
	{ "jobs", required_argument, NULL, OPT_JOBS },
	{ "stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME },
	{ "lsp", no_argument, NULL, OPT_LSP },
	{ "max-file-size", required_argument, NULL, OPT_MAX_FILE_SIZE },
	{ "max-nesting", required_argument, NULL, OPT_MAX_NESTING },
	{ "list-rules", no_argument, NULL, OPT_LIST_RULES },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "write-baseline", required_argument, NULL, OPT_WRITE_BASELINE },
	{ "fix", no_argument, NULL, OPT_FIX },
	{ "diff", no_argument, NULL, OPT_DIFF },
	{ "unsafe-fixes", no_argument, NULL, OPT_UNSAFE_FIXES },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "cwlint: error: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n(see cwlint --help)\n");
	return 2;
}

static int parse_count(const char *s, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > max)
		return -1;
	*out = v;
	return 0;
}

static int set_rule_level(struct lint_run *run, const char *arg)
{
	const char *eq = strchr(arg, '=');
	enum lint_severity sev;
	char *id;
	size_t i;

	if (!eq)
		return usage_error("--rule takes ID=LEVEL, not '%s'", arg);
	if (lint_severity_parse(eq + 1, &sev))
		return usage_error("unknown level '%s' (use off, info, warning or error)", eq + 1);
	id = xstrndup(arg, (size_t)(eq - arg));
	for (i = 0; i < lint_nrules; i++)
		if (!strcmp(lint_rules[i]->id, id)) {
			run->sev[i] = sev;
			free(id);
			return 0;
		}
	{
		const char *s = lint_rule_suggest(id);

		fprintf(stderr, "cwlint: error: unknown rule '%s'", id);
		if (s)
			fprintf(stderr, "; did you mean '%s'?", s);
		fprintf(stderr, "\n");
	}
	free(id);
	return 2;
}

static bool color_wanted(const char *when)
{
	const char *nc = getenv("NO_COLOR"), *fc = getenv("FORCE_COLOR"), *term = getenv("TERM");

	if (!strcmp(when, "always"))
		return true;
	if (!strcmp(when, "never"))
		return false;
	if (fc && *fc && strcmp(fc, "0"))
		return true;
	if (nc && *nc)
		return false;
	if (term && !strcmp(term, "dumb"))
		return false;
	return isatty(STDOUT_FILENO);
}

/* --output FORMAT=FILE; the file is written once linting is done. */
static int add_output(struct lint_run *run, const char *arg)
{
	const char *eq = strchr(arg, '=');
	struct lint_output_file *o;
	enum lint_format fmt;
	char name[16];

	if (!eq || eq == arg || !eq[1])
		return usage_error("--output takes FORMAT=FILE, not '%s'", arg);
	if ((size_t)(eq - arg) >= sizeof(name))
		return usage_error("unknown format in --output '%s' (use human, gcc, json, sarif or github)",
				   arg);
	memcpy(name, arg, (size_t)(eq - arg));
	name[eq - arg] = '\0';
	if (lint_format_parse(name, &fmt))
		return usage_error("unknown format in --output '%s' (use human, gcc, json, sarif or github)",
				   arg);
	LINT_GROW(run->outputs, run->noutputs + 1, run->alloc_outputs);
	o = &run->outputs[run->noutputs++];
	o->format = fmt;
	o->path = eq + 1;
	return 0;
}

static int add_target(struct lint_run *run, const char *path)
{
	struct lint_target *t;
	struct stat st;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "cwlint: error: cannot access '%s': %s\n", path, strerror(errno));
		return 2;
	}
	LINT_GROW(run->targets, run->ntargets + 1, run->alloc_targets);
	t = &run->targets[run->ntargets++];
	t->abs = lint_abspath(run->cwd, path);
	t->is_dir = S_ISDIR(st.st_mode);
	return 0;
}

/*
 * Reads all of standard input (at most limit bytes plus one, so an oversized buffer is
 * still recognised as too large). Returns a malloc'd buffer, or NULL on a read error.
 */
static char *read_stdin(size_t limit, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	char chunk[65536];

	for (;;) {
		ssize_t r = read(STDIN_FILENO, chunk, sizeof(chunk));

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			strbuf_release(&sb);
			return NULL;
		}
		if (r == 0)
			break;
		strbuf_add(&sb, chunk, (size_t)r);
		if (limit && sb.len > limit)
			break;
	}
	*len = sb.len;
	return strbuf_detach(&sb);
}

/*
 * --lsp: the options are checked here, once, so a mistake is a usage error (exit 2) before
 * any editor talks to the server; each lint the server runs applies them afresh.
 */
static int serve_lsp(struct lint_run *run, int argc, char **argv, const char *config,
		     bool no_config, const char **rule_args, size_t nrule_args, const char *stdin_path)
{
	struct lsp_options o = { 0 };
	size_t i;
	int ret;

	if (optind < argc)
		return usage_error("--lsp serves the documents the editor opens; drop the PATH '%s'",
				   argv[optind]);
	if (stdin_path)
		return usage_error("--lsp and --stdin-filename%s do not go together", "");
	/* the server offers each fix as a code action; it never writes a file itself */
	if (run->fix || run->diff)
		return usage_error("--lsp offers fixes as code actions; drop %s", run->fix ? "--fix" : "--diff");
	if (config && lint_config_load(run, config, false))
		return 2;
	for (i = 0; i < nrule_args; i++) {
		ret = set_rule_level(run, rule_args[i]);
		if (ret)
			return ret;
	}
	o.cwd = run->cwd;
	o.config = config;
	o.no_config = no_config;
	o.rule_args = rule_args;
	o.nrule_args = nrule_args;
	o.max_file_size = run->max_file_size;
	o.max_nesting = run->max_nesting;
	o.jobs = run->jobs;
	return lint_lsp_main(&o);
}

int main(int argc, char **argv)
{
	struct lint_run run;
	const char *format = NULL, *color = "auto", *explain = NULL, *config = NULL;
	const char **rule_args = NULL;
	size_t nrule_args = 0, alloc_rule_args = 0, i;
	bool list_rules = false, no_config = false, lsp = false;
	const char *baseline = NULL, *write_baseline = NULL, *stdin_path = NULL;
	char *stdin_buf = NULL;
	char cwd[PATH_MAX];
	int c, ret = 0;
	long v;

	lint_run_init(&run);
	if (!getcwd(cwd, sizeof(cwd))) {
		error("cannot read the current directory: %s", strerror(errno));
		ret = 3;
		goto out;
	}
	run.cwd = xstrdup(cwd);
	{
		long cores = sysconf(_SC_NPROCESSORS_ONLN);

		run.jobs = cores > 0 ? (unsigned)(cores < 64 ? cores : 64) : 1;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", long_opts, NULL)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			format = optarg;
			break;
		case OPT_OUTPUT:
			ret = add_output(&run, optarg);
			if (ret)
				goto out;
			break;
		case OPT_RULE:
			/* applied after the config file: the command line wins */
			LINT_GROW(rule_args, nrule_args + 1, alloc_rule_args);
			rule_args[nrule_args++] = optarg;
			break;
		case OPT_CONFIG:
			config = optarg;
			break;
		case OPT_NO_CONFIG:
			no_config = true;
			break;
		case OPT_BASELINE:
			baseline = optarg;
			break;
		case OPT_WRITE_BASELINE:
			write_baseline = optarg;
			break;
		case OPT_FIX:
			run.fix = true;
			break;
		case OPT_DIFF:
			run.diff = true;
			break;
		case OPT_UNSAFE_FIXES:
			run.unsafe_fixes = true;
			break;
		case OPT_FAIL_ON:
			if (!strcmp(optarg, "never"))
				run.fail_on = SEV_OFF;
			else if (lint_severity_parse(optarg, &run.fail_on) || run.fail_on == SEV_OFF) {
				ret = usage_error("--fail-on takes error, warning, info or never, not '%s'",
						  optarg);
				goto out;
			}
			break;
		case OPT_MAX_WARNINGS:
			if (parse_count(optarg, LONG_MAX, &run.max_warnings)) {
				ret = usage_error("--max-warnings takes a count, not '%s'", optarg);
				goto out;
			}
			break;
		case OPT_QUIET:
			run.quiet = true;
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never")) {
				ret = usage_error("--color takes auto, always or never, not '%s'", optarg);
				goto out;
			}
			color = optarg;
			break;
		case OPT_JOBS:
			if (parse_count(optarg, 1024, &v) || v < 1) {
				ret = usage_error("--jobs takes a number from 1 to 1024, not '%s'", optarg);
				goto out;
			}
			run.jobs = (unsigned)v;
			break;
		case OPT_STDIN_FILENAME:
			stdin_path = optarg;
			break;
		case OPT_LSP:
			lsp = true;
			break;
		case OPT_MAX_FILE_SIZE:
			if (parse_count(optarg, LONG_MAX, &v) || v < 1) {
				ret = usage_error("--max-file-size takes a byte count, not '%s'", optarg);
				goto out;
			}
			run.max_file_size = (size_t)v;
			break;
		case OPT_MAX_NESTING:
			/* the parser runtime breaks past 65,535 unclosed levels: keep a margin */
			if (parse_count(optarg, 60000, &v) || v < 1) {
				ret = usage_error("--max-nesting takes a number from 1 to 60000, not '%s'", optarg);
				goto out;
			}
			run.max_nesting = (size_t)v;
			break;
		case OPT_LIST_RULES:
			list_rules = true;
			break;
		case OPT_EXPLAIN:
			explain = optarg;
			break;
		case OPT_VERSION:
			printf("cwlint %s\n", CWLINT_VERSION);
			goto out;
		case 'h':
			fputs(usage_text, stdout);
			goto out;
		case ':':
			ret = usage_error("option '%s' needs a value", argv[optind - 1]);
			goto out;
		default:
			ret = usage_error("unknown option '%s'", argv[optind - 1]);
			goto out;
		}
	}
	if (list_rules) {
		enum lint_list_format lf = LIST_TEXT;

		if (format && !strcmp(format, "json"))
			lf = LIST_JSON;
		else if (format && !strcmp(format, "markdown"))
			lf = LIST_MARKDOWN;
		else if (format && strcmp(format, "human") && strcmp(format, "gcc")) {
			ret = usage_error("--list-rules takes --format json or markdown, not '%s'", format);
			goto out;
		}
		lint_list_rules(lf);
		goto out;
	}
	if (explain) {
		ret = lint_explain(explain) ? 2 : 0;
		goto out;
	}
	if (lsp) {
		ret = serve_lsp(&run, argc, argv, config, no_config, rule_args, nrule_args, stdin_path);
		goto out;
	}
	/* --diff prints only the diff; a baseline written from a fixed run would be stale */
	if (run.diff && (format || run.noutputs)) {
		ret = usage_error("--diff prints a unified diff; it takes no %s", format ? "--format"
										 : "--output");
		goto out;
	}
	if ((run.fix || run.diff) && write_baseline) {
		ret = usage_error("%s cannot be combined with --write-baseline",
				  run.diff ? "--diff" : "--fix");
		goto out;
	}
	if (!format) {
		const char *gha = getenv("GITHUB_ACTIONS");

		run.format = isatty(STDOUT_FILENO) ? FMT_HUMAN : FMT_GCC;
		/* in Actions the default output gets annotations too, as Biome does */
		run.github_too = gha && !strcmp(gha, "true");
	} else if (lint_format_parse(format, &run.format)) {
		ret = usage_error("unknown format '%s' (use human, gcc, json, sarif or github)", format);
		goto out;
	}
	run.color = run.format == FMT_HUMAN && color_wanted(color);
	if (stdin_path) {
		struct lint_target *t;
		size_t len = 0;

		if (optind < argc) {
			ret = usage_error("--stdin-filename lints one buffer; drop the PATH '%s'",
					  argv[optind]);
			goto out;
		}
		if (!*stdin_path) {
			ret = usage_error("--stdin-filename needs a file name%s", "");
			goto out;
		}
		stdin_buf = read_stdin(run.max_file_size, &len);
		if (!stdin_buf) {
			error("cannot read standard input: %s", strerror(errno));
			ret = 3;
			goto out;
		}
		lint_add_overlay(&run, stdin_path, stdin_buf, len);
		/* the file need not exist on disk: an unsaved buffer under a new name */
		LINT_GROW(run.targets, run.ntargets + 1, run.alloc_targets);
		t = &run.targets[run.ntargets++];
		t->abs = lint_abspath(run.cwd, stdin_path);
		t->is_dir = false;
	} else if (optind == argc) {
		ret = add_target(&run, ".");
	} else {
		for (; optind < argc && !ret; optind++)
			ret = add_target(&run, argv[optind]);
	}
	if (ret)
		goto out;
	if (config && lint_config_load(&run, config, false)) {
		ret = 2;
		goto out;
	}
	if (!config && !no_config) {
		const struct lint_target *t = &run.targets[0];
		char *dir = xstrdup(t->abs);

		if (!t->is_dir && strrchr(dir, '/') && strrchr(dir, '/') != dir)
			*strrchr(dir, '/') = '\0';
		ret = lint_config_discover(&run, dir) ? 2 : 0;
		free(dir);
		if (ret)
			goto out;
	}
	for (i = 0; i < nrule_args; i++) {
		ret = set_rule_level(&run, rule_args[i]);
		if (ret)
			goto out;
	}
	if (run.fix || run.diff) {
		ret = lint_fix_paths(&run, baseline);
		goto out;
	}
	if (lint_run_paths(&run)) {
		ret = 3;
		goto out;
	}
	lint_finish(&run);
	if (baseline && lint_baseline_apply(&run, baseline)) {
		ret = 2;
		goto out;
	}
	if (write_baseline && lint_baseline_write(&run, write_baseline)) {
		ret = 3;
		goto out;
	}
	lint_output(&run);
	ret = lint_exit_status(&run);
out:
	free(rule_args);
	free(stdin_buf);
	lint_run_release(&run);
	return ret;
}
