/*
 * core.h - the driver's own state: options, findings, secrets, skipped-file notes.
 * Core-only: rules include rule.h, never this file.
 */
#ifndef CWLINT_CORE_H
#define CWLINT_CORE_H

#include <pthread.h>

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

/*
 * One edit of a fix, resolved while the source was loaded. start/end are byte offsets into
 * the file exactly as cwlint read it (an editor turns them into LSP TextEdits); the
 * positions are the same points as 1-based lines and code-point columns, like findings.
 */
struct lint_fix_edit {
	uint32_t start, end;		/* bytes [start, end) are replaced; start == end inserts */
	uint32_t line, col;		/* position of start */
	uint32_t end_line, end_col;	/* position of end */
	const char *text;		/* the replacement (run arena), never a secret */
};

/* A fix of one finding: every edit is in the finding's file; sorted, never overlapping. */
struct lint_fix {
	const char *title;		/* what it does: "rename applicationId to applicationID" */
	bool safe;			/* applied by --fix; unsafe ones need --unsafe-fixes */
	const struct lint_fix_edit *edits;
	size_t nedits;
	unsigned char digest[32];	/* SHA-256 of the file bytes the offsets refer to */
};

/* A finding, fully resolved while its source was still loaded. */
struct lint_diag {
	struct lint_run *run;		/* owner: its arena holds the strings */
	const struct lint_rule *rule;
	enum lint_severity sev;		/* after config and --rule overrides */
	const char *path;		/* display path */
	const char *abspath;		/* absolute path of the file (what a fix rewrites) */
	const struct lint_fix *fix;	/* the rule's fix, or NULL */
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
	uint64_t order;			/* app, then the order within it: output never shows timing */
};

/* A path the user named: only findings under it are reported. */
struct lint_target {
	char *abs;			/* normalised absolute path */
	bool is_dir;
};

/*
 * A file's text as --fix/--diff left it in memory: the pipeline lints buf instead of the
 * file on disk, so later passes see earlier fixes without anything being written (fix.c).
 */
struct lint_fixfile {
	char *abspath;			/* malloc'd, like the strings below */
	char *display;			/* display path */
	char *orig;			/* the bytes read from disk before the first fix */
	size_t orig_len;
	char *buf;			/* the text with the fixes so far */
	size_t len;
	size_t nfixed;			/* fixes applied to it */
	bool failed;			/* could not be read or written: left alone */
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

/*
 * Text that stands in for a file on disk: standard input in --stdin-filename mode, an
 * editor's unsaved buffer in the language server. The file need not exist.
 */
struct lint_overlay {
	char *abs;			/* normalised absolute path (malloc'd) */
	const char *buf;		/* borrowed; outlives the run */
	size_t len;
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
	size_t slice_min;		/* leaves this long or longer may be parsed in part */
	enum lint_severity *sev;	/* effective severity per rule, lint_rules[] order */
	const char *cwd;

	struct lint_target *targets;
	size_t ntargets, alloc_targets;
	struct lint_overlay *overlays;
	size_t noverlays, alloc_overlays;
	unsigned jobs;			/* worker threads for loading and parsing (>= 1) */

	/* --fix, --diff, --unsafe-fixes (fix.c) */
	bool fix;			/* write the fixes */
	bool diff;			/* print them as a unified diff, write nothing */
	bool unsafe_fixes;		/* unsafe fixes too */
	struct lint_fixfile *fixfiles;	/* files changed in memory so far */
	size_t nfixfiles, alloc_fixfiles;
	bool baseline_noted;		/* stale baseline entries were pointed out already */

	/* results */
	struct arena arena;		/* findings, skips, secrets: lives for the whole run */
	struct lint_diag **diags;
	size_t ndiags, alloc_diags;
	struct lint_skip *skips;
	size_t nskips, alloc_skips;
	char **secrets;			/* values no output may show */
	size_t nsecrets, alloc_secrets;
	size_t nfiles;			/* files read */
	struct arena *keep;		/* the per-app arenas findings point into */
	size_t nkeep, alloc_keep;
	/*
	 * Apps are linted on several threads: lint_report(), lint_help(), lint_secret() and
	 * lint_skip() take this lock; everything else a rule touches belongs to its app.
	 */
	pthread_mutex_t lock;
};

void lint_run_init(struct lint_run *run);
void lint_run_release(struct lint_run *run);
/* Forgets the results (findings, skips, secrets, file count) before linting again. */
void lint_run_reset(struct lint_run *run);

/* Lints every target; findings land in run->diags. Returns 0, or -1 on a fatal error. */
int lint_run_paths(struct lint_run *run);

/* Lints buf as the file at path (relative to run->cwd) instead of what is on disk. */
void lint_add_overlay(struct lint_run *run, const char *path, const char *buf, size_t len);

/*
 * The app a file in folder dir belongs to: the nearest folder at or above dir with a
 * package.json, not looking past the repository root. Malloc'd, or NULL when there is none.
 */
char *lint_app_root(const char *dir);
/* What the pipeline makes of a file name (a basename): a source (with its kind), an env file. */
enum lint_path_type { LINT_PATH_OTHER = 0, LINT_PATH_SOURCE, LINT_PATH_ENV };
enum lint_path_type lint_path_type(const char *name, enum lint_file_kind *kind);
/*
 * The deepest run of unclosed brackets and JSX tags in s[0..n), counting stops past stop_at:
 * sources deeper than --max-nesting are never handed to tree-sitter (see lint.c).
 */
size_t lint_nesting_depth(const char *s, size_t n, size_t stop_at);

/* Records a skipped path (arena copies). */
void lint_skip(struct lint_run *run, const char *path, const char *why, bool incomplete);
/*
 * The calling thread's skip notes from now on belong to the app with this index, numbered
 * by *seq (the app's own counter, so notes made while walking and while linting it keep
 * their order whichever thread makes them).
 */
void lint_skip_order(size_t app, uint64_t *seq);

/* Sorts, de-duplicates and redacts the findings: call once before any output. */
void lint_finish(struct lint_run *run);
/* Returns s with every known secret replaced by a prefix and a length (arena string). */
const char *lint_redact(struct lint_run *run, const char *s);
/* True when lint_redact() would hide part of s[0..n): a known secret or an sk_ key. */
bool lint_has_secret(struct lint_run *run, const char *s, size_t n);

/*
 * Writes the findings in run->format to stdout (plus github when run->github_too) and to
 * every --output file; a file that cannot be written is an I/O error (exit 3).
 */
void lint_output(struct lint_run *run);
/* The "skipped" notes on stderr (lint_output() writes them too). */
void lint_output_skips(struct lint_run *run);
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
/*
 * --fix and --diff (fix.c): lints, applies the fixes in memory and lints again until nothing
 * more applies (at most LINT_FIX_PASSES rounds). --fix then writes each changed file once,
 * atomically, and reports what remains as a plain run does; --diff prints the changes as a
 * unified diff and writes nothing. Returns the exit status: for --fix that of the remaining
 * findings (3 when a file could not be written); for --diff 1 when there is something to
 * fix, else 0 (3 on an I/O failure). baseline: --baseline FILE or NULL (2 when it is bad).
 */
#define LINT_FIX_PASSES 10
int lint_fix_paths(struct lint_run *run, const char *baseline);
/* The fixed text of the file at abspath, or NULL. */
const struct lint_fixfile *lint_fixfile_find(const struct lint_run *run, const char *abspath);

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
 * and any literal shaped like an API or deploy key. A tree parsed in part (ranges, nranges)
 * has literals only there.
 */
void lint_model_secrets(struct lint_run *run, struct arena *a, struct lint_file *f,
			const TSRange *ranges, size_t nranges);

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
