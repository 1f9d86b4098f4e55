/*
 * core.h - the driver's own state: options, findings, secrets, skipped-file notes.
 * Core-only: rules include rule.h, never this file.
 */
#ifndef CWLINT_CORE_H
#define CWLINT_CORE_H

#include "rule.h"

enum lint_format {
	FMT_HUMAN = 0,
	FMT_GCC,
	FMT_JSON,
	FMT_SARIF,
	FMT_GITHUB,
};

/* One --output FORMAT=FILE. */
struct lint_output_file {
	enum lint_format format;
	const char *path;		/* borrowed from argv */
};

/* A finding, fully resolved while its source was still loaded. */
struct lint_diag {
	struct lint_run *run;		/* owner: its arena holds the strings */
	const struct lint_rule *rule;
	enum lint_severity sev;		/* after config and --rule overrides */
	const char *path;		/* display path */
	uint32_t line, col, end_line, end_col;
	const char *message;
	const char *help;		/* may be NULL */
	const char *frame;		/* the source line (no line end), for the human format */
	uint32_t frame_skip;		/* code points of the line cut off before frame */
	bool frame_left, frame_right;	/* frame is a window: text was cut on that side */
	bool is_env;			/* came from an env file: its frame may hold a secret */
	/*
	 * SHA-256 of the finding's unit: the reported text with whitespace collapsed (an env
	 * entry's key, never its value). Fingerprints hash this, so they survive line shifts.
	 */
	unsigned char unit[32];
};

/* Why a file or folder was passed over, shown after the findings. */
struct lint_skip {
	const char *path;
	const char *why;
	bool incomplete;		/* results may be incomplete because of it (exit 3) */
};

/* A path the user named: only findings under it are reported. */
struct lint_target {
	char *abs;			/* normalised absolute path */
	bool is_dir;
};

/* What the config file says (config.c). */
struct lint_config {
	const char *path;		/* display path of the file, NULL when there is none */
	const char *dir;		/* absolute folder the globs are relative to */
	char **ignore;			/* globs of files and folders not to lint */
	size_t nignore;
	char **apps;			/* explicit app roots (globs) */
	size_t napps;
	char **env[3];			/* env file globs: development, production, test */
	size_t nenv[3];
};

struct lint_run {
	struct lint_config config;
	/* options */
	enum lint_format format;
	bool github_too;		/* also the github format on stdout (GITHUB_ACTIONS=true) */
	struct lint_output_file *outputs;	/* --output FORMAT=FILE, in order */
	size_t noutputs, alloc_outputs;
	bool color;
	bool quiet;
	enum lint_severity fail_on;	/* SEV_OFF means never */
	long max_warnings;		/* -1: no limit */
	size_t max_file_size;		/* bytes; files above it are not read */
	size_t max_nesting;		/* sources nested deeper are not parsed (<= 60000) */
	enum lint_severity *sev;	/* effective severity per rule, lint_rules[] order */
	const char *cwd;

	struct lint_target *targets;
	size_t ntargets, alloc_targets;

	/* results */
	struct arena arena;		/* findings, skips, secrets: lives for the whole run */
	struct lint_diag **diags;
	size_t ndiags, alloc_diags;
	struct lint_skip *skips;
	size_t nskips, alloc_skips;
	char **secrets;			/* values no output may show */
	size_t nsecrets, alloc_secrets;
	size_t nfiles;			/* files read */
};

void lint_run_init(struct lint_run *run);
void lint_run_release(struct lint_run *run);

/* Lints every target; findings land in run->diags. Returns 0, or -1 on a fatal error. */
int lint_run_paths(struct lint_run *run);

/* Records a skipped path (arena copies). */
void lint_skip(struct lint_run *run, const char *path, const char *why, bool incomplete);

/* Sorts, de-duplicates and redacts the findings: call once before any output. */
void lint_finish(struct lint_run *run);
/* Returns s with every known secret replaced by a prefix and a length (arena string). */
const char *lint_redact(struct lint_run *run, const char *s);

/*
 * Writes the findings in run->format to stdout (plus github when run->github_too) and to
 * every --output file; a file that cannot be written is an I/O error (exit 3).
 */
void lint_output(struct lint_run *run);
/* "human", "gcc", "json", "sarif" or "github"; -1 for anything else. */
int lint_format_parse(const char *s, enum lint_format *out);

/*
 * A finding's fingerprint (fingerprint.c): hex SHA-256 of the rule id, the path (as the
 * caller wants it keyed, e.g. repository-relative) and the hashed unit; no line number, so
 * inserting lines elsewhere does not change it. Identical units in one file share it: the
 * caller numbers them (SARIF appends ":N", a baseline keeps counts).
 */
#define LINT_FINGERPRINT_HEX 32		/* hex digits written, plus a NUL */
/* Hashes the unit of bytes [start, end) of src into out (called by lint_report()). */
void lint_unit_hash(const struct lint_source *src, uint32_t start, uint32_t end,
		    unsigned char out[32]);
void lint_fingerprint(const char *rule_id, const char *path, const unsigned char unit[32],
		      char out[LINT_FINGERPRINT_HEX + 1]);
/* Baselines (baseline.c), after lint_finish(): write every finding, or hide the recorded ones. */
int lint_baseline_write(struct lint_run *run, const char *file);
int lint_baseline_apply(struct lint_run *run, const char *file);
/* The exit status for the findings (0 or 1); 3 when something made results incomplete. */
int lint_exit_status(const struct lint_run *run);

const char *lint_severity_name(enum lint_severity s);
int lint_severity_parse(const char *s, enum lint_severity *out);

/* Fills f's imports, directives and first syntax error from its tree (model.c). */
void lint_model_file(struct arena *a, struct lint_file *f);
/*
 * Registers the secrets f writes as string literals, so no output shows them (model.c): a
 * value given to a secret name (cookiePassword, WORKOS_API_KEY, CONVEX_DEPLOY_KEY, ...),
 * and any literal shaped like an API or deploy key.
 */
void lint_model_secrets(struct lint_run *run, struct arena *a, struct lint_file *f);

/* Inline suppressions (suppress.c): read a file's cwlint-ignore comments into its source. */
void lint_suppress_scan_file(struct lint_run *run, struct arena *a, struct lint_file *f);
void lint_suppress_scan_env(struct lint_run *run, struct arena *a, struct lint_envfile *e);
/* True (and the suppression marked used) when a finding of rule on line is suppressed. */
bool lint_suppressed(const struct lint_source *src, const struct lint_rule *rule, uint32_t line);

/* Config file (config.c). Errors are printed; the caller exits 2. */
int lint_config_load(struct lint_run *run, const char *path, bool from_package_json);
int lint_config_discover(struct lint_run *run, const char *start_dir);
bool lint_config_ignored(const struct lint_run *run, const char *abs);
/* The scope the config's `env` globs give the env file at abs, or -1. */
int lint_config_env_scope(const struct lint_run *run, const char *abs);

/* Globs (glob.c): does pattern match the '/'-separated relative path? */
bool lint_glob_match(const char *pattern, const char *path);

/* Path helpers (paths.c). */
char *lint_abspath(const char *cwd, const char *path);	/* normalised, malloc'd */
char *lint_display_path(const char *cwd, const char *abs);	/* relative to cwd, malloc'd */

/* Documentation (explain.c). */
enum lint_list_format { LIST_TEXT = 0, LIST_JSON, LIST_MARKDOWN };
void lint_list_rules(enum lint_list_format fmt);
/* The rule id closest to a misspelt one, or NULL. */
const char *lint_rule_suggest(const char *id);
int lint_explain(const char *id);

#endif
