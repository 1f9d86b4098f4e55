/*
 * lint.c - the pipeline: find apps around the named paths, walk each app, load files,
 * decide from the bytes which sources need a parse, build the model, run the rules.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jansson.h>
#include <pcre2.h>

#include "core.h"
#include "project.h"
#include "routes.h"

const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);

/* Folders no rule needs: dependencies, VCS data, build and deploy outputs. */
static const char *const skip_dirs[] = {
	"node_modules", "dist", "build", "out", "coverage", "_generated",
};

struct app_list {
	struct lint_app **apps;
	size_t n, alloc;
};

/* Per-run state the pipeline keeps besides the public lint_run. */
struct pipeline {
	struct lint_run *run;
	TSParser *parser;
	pcre2_code *prefilter;		/* any enabled rule's trigger */
	pcre2_match_data *md;
	unsigned roles;			/* roles some enabled rule always wants parsed */
	struct app_list apps;
};

static bool is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *join(const char *a, const char *b)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, a);
	if (!sb.len || sb.buf[sb.len - 1] != '/')
		strbuf_addch(&sb, '/');
	strbuf_adds(&sb, b);
	return strbuf_detach(&sb);
}

static bool has_file(const char *dir, const char *name)
{
	char *p = join(dir, name);
	bool ret = is_file(p);

	free(p);
	return ret;
}

static bool skip_dir_name(const char *name)
{
	size_t i;

	/* hidden folders: .git, .next, .vercel, .convex, .turbo, editor state */
	if (name[0] == '.')
		return true;
	for (i = 0; i < ARRAY_SIZE(skip_dirs); i++)
		if (!strcmp(name, skip_dirs[i]))
			return true;
	return false;
}

/* --- finding apps --- */

static void add_app(struct pipeline *p, const char *absroot)
{
	struct lint_app *app;
	size_t i;

	for (i = 0; i < p->apps.n; i++)
		if (!strcmp(p->apps.apps[i]->absroot, absroot))
			return;
	app = xcalloc(1, sizeof(*app));
	app->absroot = xstrdup(absroot);
	app->root = lint_display_path(p->run->cwd, absroot);
	LINT_GROW(p->apps.apps, p->apps.n + 1, p->apps.alloc);
	p->apps.apps[p->apps.n++] = app;
}

/* The nearest folder at or above dir with a package.json; the repository root bounds it. */
static char *enclosing_app(const char *dir)
{
	char *d = xstrdup(dir);

	for (;;) {
		char *slash;

		if (has_file(d, "package.json"))
			return d;
		char *git = join(d, ".git");
		bool top = is_dir(git) || is_file(git) || !strcmp(d, "/");

		free(git);
		if (top)
			break;
		slash = strrchr(d, '/');
		if (!slash)
			break;
		if (slash == d)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	free(d);
	return NULL;
}

/* Every folder with a package.json below dir (not inside skipped folders). */
static void find_nested_apps(struct pipeline *p, const char *dir, int depth)
{
	struct dirent *de;
	DIR *dh;

	if (depth > 64)
		return;
	dh = opendir(dir);
	if (!dh)
		return;
	while ((de = readdir(dh))) {
		char *sub;
		struct stat st;

		if (skip_dir_name(de->d_name))
			continue;
		sub = join(dir, de->d_name);
		/* lstat: a symlinked folder is never followed (loops, trees outside the repo) */
		if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode) && !lint_config_ignored(p->run, sub)) {
			if (has_file(sub, "package.json"))
				add_app(p, sub);
			find_nested_apps(p, sub, depth + 1);
		}
		free(sub);
	}
	closedir(dh);
}

/* Folders below dir matching one of the config's `apps` globs become apps. */
static void find_config_apps(struct pipeline *p, const char *dir, int depth)
{
	const struct lint_config *c = &p->run->config;
	struct dirent *de;
	DIR *dh;

	if (depth > 16 || !(dh = opendir(dir)))
		return;
	while ((de = readdir(dh))) {
		struct stat st;
		char *sub;
		size_t i;

		if (skip_dir_name(de->d_name))
			continue;
		sub = join(dir, de->d_name);
		if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode)) {
			const char *rel = sub + strlen(c->dir) + (strcmp(c->dir, "/") ? 1 : 0);

			/* app globs are anchored at the config folder, e.g. "apps/web" or "web" */
			for (i = 0; i < c->napps; i++) {
				char *anchored = join("/", c->apps[i][0] == '/' ? c->apps[i] + 1 : c->apps[i]);

				if (lint_glob_match(anchored, rel))
					add_app(p, sub);
				free(anchored);
			}
			find_config_apps(p, sub, depth + 1);
		}
		free(sub);
	}
	closedir(dh);
}

static int find_apps(struct pipeline *p)
{
	struct lint_run *run = p->run;
	size_t i;

	if (run->config.napps)
		find_config_apps(p, run->config.dir, 0);

	for (i = 0; i < run->ntargets; i++) {
		struct lint_target *t = &run->targets[i];
		char *dir, *app;

		if (t->is_dir) {
			dir = xstrdup(t->abs);
		} else {
			char *slash = strrchr(t->abs, '/');

			dir = xstrndup(t->abs, slash && slash != t->abs ? (size_t)(slash - t->abs) : 1);
		}
		app = enclosing_app(dir);
		/* a folder without any package.json around it is judged as one app */
		add_app(p, app ? app : dir);
		free(app);
		if (t->is_dir)
			find_nested_apps(p, dir, 0);
		free(dir);
	}
	return 0;
}

/* --- walking one app --- */

struct walk {
	struct pipeline *p;
	struct lint_app *app;
	struct arena *arena;
	size_t alloc_files, alloc_envs;
	char **fdirs;			/* functions dir candidates (absolute) */
	const char *functions_abs;
};

static bool source_ext(const char *name, enum lint_file_kind *kind)
{
	static const struct { const char *ext; enum lint_file_kind kind; } exts[] = {
		{ ".ts", FK_TS }, { ".mts", FK_TS }, { ".cts", FK_TS },
		{ ".tsx", FK_TSX },
		{ ".js", FK_JS }, { ".jsx", FK_JS }, { ".mjs", FK_JS }, { ".cjs", FK_JS },
	};
	size_t i;

	if (ends_with(name, ".d.ts") || ends_with(name, ".d.mts") || ends_with(name, ".d.cts"))
		return false;
	for (i = 0; i < ARRAY_SIZE(exts); i++)
		if (ends_with(name, exts[i].ext)) {
			*kind = exts[i].kind;
			return true;
		}
	return false;
}

static bool source_ext(const char *name, enum lint_file_kind *kind);

static bool env_name(const char *name)
{
	enum lint_file_kind kind;

	/* ".env.d.ts" or ".env.mjs" is code that describes env vars, not an env file */
	if (source_ext(name, &kind) || ends_with(name, ".d.ts") || ends_with(name, ".json"))
		return false;
	return !strcmp(name, ".env") || starts_with(name, ".env.");
}

static enum lint_env_scope env_scope(const char *name, bool *local)
{
	static const char *const tmpl[] = { ".example", ".sample", ".template", ".dist" };
	const char *mode;
	size_t i, n;

	*local = ends_with(name, ".local");
	for (i = 0; i < ARRAY_SIZE(tmpl); i++)
		if (ends_with(name, tmpl[i]))
			return ENV_TEMPLATE;
	if (!strcmp(name, ".env.defaults"))
		return ENV_TEMPLATE;
	if (!strcmp(name, ".env") || !strcmp(name, ".env.local"))
		return ENV_DEVELOPMENT;
	mode = name + 5;
	n = strlen(mode) - (*local ? 6 : 0);
	if (n == 11 && !strncmp(mode, "development", 11))
		return ENV_DEVELOPMENT;
	if (n == 10 && !strncmp(mode, "production", 10))
		return ENV_PRODUCTION;
	if (n == 4 && !strncmp(mode, "test", 4))
		return ENV_TEST;
	return ENV_OTHER;
}

static unsigned file_roles(const struct walk *w, const char *rel, const char *abs)
{
	const char *base = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
	unsigned roles = 0;
	size_t blen = strcspn(base, ".");
	bool in_app_dir = starts_with(rel, "app/") || starts_with(rel, "src/app/");

	if (w->functions_abs && starts_with(abs, w->functions_abs) &&
	    abs[strlen(w->functions_abs)] == '/') {
		roles |= ROLE_CONVEX;
		if (!strcmp(abs + strlen(w->functions_abs), "/auth.config.ts") ||
		    !strcmp(abs + strlen(w->functions_abs), "/auth.config.js"))
			roles |= ROLE_AUTH_CONFIG;
	}
	if (blen == 5 && !strncmp(base, "proxy", 5) && (!strchr(rel, '/') || starts_with(rel, "src/")) &&
	    strchr(rel, '/') == strrchr(rel, '/'))
		roles |= ROLE_PROXY;
	if (blen == 10 && !strncmp(base, "middleware", 10) && !(roles & ROLE_CONVEX))
		roles |= ROLE_MIDDLEWARE;
	if (in_app_dir && blen == 5 && !strncmp(base, "route", 5))
		roles |= ROLE_ROUTE;
	if (in_app_dir && blen == 4 && !strncmp(base, "page", 4))
		roles |= ROLE_PAGE;
	if (in_app_dir && blen == 6 && !strncmp(base, "layout", 6))
		roles |= ROLE_LAYOUT;
	if (!strchr(rel, '/') && starts_with(base, "next.config."))
		roles |= ROLE_NEXT_CONFIG;
	if (!strchr(rel, '/') && starts_with(base, "vite.config."))
		roles |= ROLE_VITE_CONFIG;
	return roles;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_source(struct walk *w, const char *abs, const char *rel, enum lint_file_kind kind)
{
	struct lint_app *app = w->app;
	struct lint_file *f = ARENA_NEW(w->arena, struct lint_file);

	f->app = app;
	f->arena = w->arena;
	f->relpath = arena_strdup(w->arena, rel);
	f->kind = kind;
	f->roles = file_roles(w, rel, abs);
	/* the path is kept; bytes are loaded later, when the app is linted */
	f->src.abspath = arena_strdup(w->arena, abs);
	if (app->nfiles == w->alloc_files) {
		size_t n = w->alloc_files ? w->alloc_files * 2 : 64;
		struct lint_file **arr = ARENA_ARRAY(w->arena, struct lint_file *, n);

		if (app->nfiles)
			memcpy(arr, app->files, app->nfiles * sizeof(*arr));
		app->files = arr;
		w->alloc_files = n;
	}
	app->files[app->nfiles++] = f;
}

static void add_env(struct walk *w, const char *abs, const char *name, bool at_root)
{
	struct lint_app *app = w->app;
	struct lint_envfile *e = ARENA_NEW(w->arena, struct lint_envfile);

	int scope = lint_config_env_scope(w->p->run, abs);

	e->name = arena_strdup(w->arena, name);
	e->scope = env_scope(name, &e->local);
	/* the config's `env` globs override the scope the name implies */
	if (scope >= 0)
		e->scope = (enum lint_env_scope)scope;
	e->at_root = at_root;
	e->src.abspath = arena_strdup(w->arena, abs);
	if (app->nenvs == w->alloc_envs) {
		size_t n = w->alloc_envs ? w->alloc_envs * 2 : 8;
		struct lint_envfile **arr = ARENA_ARRAY(w->arena, struct lint_envfile *, n);

		if (app->nenvs)
			memcpy(arr, app->envs, app->nenvs * sizeof(*arr));
		app->envs = arr;
		w->alloc_envs = n;
	}
	app->envs[app->nenvs++] = e;
}

static void walk_dir(struct walk *w, const char *abs, const char *rel, int depth)
{
	struct lint_run *run = w->p->run;
	char **names = NULL;
	size_t n = 0, alloc = 0, i;
	struct dirent *de;
	DIR *dh;

	if (depth > 64) {
		char *disp = lint_display_path(run->cwd, abs);

		/* a limit, like the others: a note, not a failure */
		lint_skip(run, disp, arena_printf(&run->arena, "'%s': more than 64 folders deep below "
						  "its app; not walked", disp), false);
		free(disp);
		return;
	}
	dh = opendir(abs);
	if (!dh) {
		char *disp = lint_display_path(run->cwd, abs);

		lint_skip(run, disp, arena_printf(&run->arena, "'%s': cannot open folder: %s", disp,
						  strerror(errno)), true);
		free(disp);
		return;
	}
	while ((de = readdir(dh))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		LINT_GROW(names, n + 1, alloc);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dh);
	/* readdir order differs between file systems; output must not */
	if (n)
		qsort(names, n, sizeof(*names), name_cmp);
	for (i = 0; i < n; i++) {
		const char *name = names[i];
		char *sub = join(abs, name);
		char *subrel = *rel ? join(rel, name) : xstrdup(name);
		enum lint_file_kind kind;
		struct stat st;

		if (lstat(sub, &st) != 0) {
			/*
			 * Gone between readdir and lstat. A file we would have read makes the
			 * results incomplete (exit 3): a deletion cannot be told from a move or a
			 * checkout in progress, whose content may sit under a name already passed.
			 * Any other name is let go: editors and build tools create and delete
			 * scratch files all the time, and a folder cannot be told from them here.
			 */
			if (errno == ENOENT && !lint_config_ignored(run, sub) &&
			    (env_name(name) || lint_config_env_scope(run, sub) >= 0 ||
			     source_ext(name, &kind))) {
				char *disp = lint_display_path(run->cwd, sub);

				lint_skip(run, disp, arena_printf(&run->arena, "'%s': vanished while "
					  "cwlint ran (deleted or moved after it was listed)", disp), true);
				free(disp);
			}
			goto next;
		}
		if (lint_config_ignored(run, sub))
			goto next;
		if (S_ISDIR(st.st_mode)) {
			if (skip_dir_name(name) || has_file(sub, "package.json"))
				goto next;	/* nested apps are linted on their own */
			walk_dir(w, sub, subrel, depth + 1);
		} else if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
			/* a FIFO, socket or device named like a file we read: say so, never open it */
			if (env_name(name) || source_ext(name, &kind)) {
				char *disp = lint_display_path(run->cwd, sub);

				lint_skip(run, disp, arena_printf(&run->arena, "'%s' is not a regular file",
								  disp), false);
				free(disp);
			}
		} else {
			/* a symlinked file is read through its link (stat, not lstat, at load) */
			if (env_name(name) || lint_config_env_scope(run, sub) >= 0)
				add_env(w, sub, name, depth == 0);
			else if (source_ext(name, &kind))
				add_source(w, sub, subrel, kind);
		}
next:
		free(sub);
		free(subrel);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* --- loading and parsing --- */

/*
 * Loads an app's JSON file into jf. A file that is not a JSON object is kept with its error
 * and offset (rules report it) and noted as skipped; it never stops the run.
 */
static void load_json(struct pipeline *p, struct lint_app *app, struct arena *a, const char *name,
		      struct lint_jsonfile *jf)
{
	char *path = join(app->absroot, name), *disp = NULL;
	const char *msg = NULL;
	enum lint_load_status st;
	json_error_t err;
	json_t *j;

	if (!is_file(path))
		goto out;
	disp = lint_display_path(p->run->cwd, path);
	st = lint_source_load(a, &jf->src, disp, path, p->run->max_file_size, &msg);
	if (st != LOAD_OK) {
		/* a file that exists and cannot be read is an I/O failure, as for sources */
		lint_skip(p->run, disp, msg, st == LOAD_ERROR);
		goto out;
	}
	jf->present = true;
	p->run->nfiles++;
	j = json_loadb(jf->src.buf, jf->src.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
	if (j && json_is_object(j)) {
		jf->json = j;
		goto out;
	}
	jf->error = arena_strdup(a, j ? "the top level is not a JSON object" : err.text);
	jf->error_offset = j ? 0 : (uint32_t)(err.position > 0 ? err.position - 1 : 0);
	if (jf->error_offset > jf->src.len)
		jf->error_offset = (uint32_t)jf->src.len;
	lint_skip(p->run, disp, arena_printf(&p->run->arena, "'%s': not read as JSON (line %d: %s)",
					     disp, j ? 1 : err.line, jf->error), false);
	json_decref(j);
out:
	free(disp);
	free(path);
}

static void read_app_meta(struct pipeline *p, struct lint_app *app, struct walk *w)
{
	json_t *convex;
	const char *fdir = "convex";
	char *fabs;
	static const char *const next_cfg[] = {
		"next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs", "next.config.mts",
	};
	static const char *const vite_cfg[] = {
		"vite.config.js", "vite.config.mjs", "vite.config.ts", "vite.config.cjs", "vite.config.mts",
	};
	size_t i;

	load_json(p, app, w->arena, "package.json", &app->package_json);
	load_json(p, app, w->arena, "convex.json", &app->convex_json);
	app->pkg = app->package_json.json;
	convex = app->convex_json.json;
	/* secrets written into convex.json's localEnvVars are masked like env file secrets */
	lint_register_json_secrets(p->run, app);
	if (convex) {
		json_t *f = json_object_get(convex, "functions");

		if (json_is_string(f) && json_string_length(f) > 0)
			fdir = json_string_value(f);
	}
	app->fdir_rel = arena_strdup(w->arena, fdir);
	fabs = lint_abspath(app->absroot, fdir);
	/* trailing slashes are normalised away by lint_abspath */
	if (is_dir(fabs) && starts_with(fabs, app->absroot)) {
		char *disp = lint_display_path(p->run->cwd, fabs);

		w->functions_abs = arena_strdup(w->arena, fabs);
		app->functions_dir = arena_strdup(w->arena, disp);
		free(disp);
	}
	free(fabs);

	if (lint_app_dep(app, "next"))
		app->fw = FW_NEXT;
	else if (lint_app_dep(app, "vite"))
		app->fw = FW_VITE;
	for (i = 0; !app->fw && i < ARRAY_SIZE(next_cfg); i++)
		if (has_file(app->absroot, next_cfg[i]))
			app->fw = FW_NEXT;
	for (i = 0; !app->fw && i < ARRAY_SIZE(vite_cfg); i++)
		if (has_file(app->absroot, vite_cfg[i]))
			app->fw = FW_VITE;

	if (lint_app_dep(app, "@workos-inc/authkit-nextjs"))
		app->uses |= USES_WORKOS | USES_AUTHKIT_NEXTJS;
	if (lint_app_dep(app, "@workos-inc/authkit-react"))
		app->uses |= USES_WORKOS | USES_AUTHKIT_REACT;
	if (lint_app_dep(app, "@convex-dev/workos"))
		app->uses |= USES_WORKOS | USES_CONVEX_WORKOS;
	if (lint_app_dep(app, "convex"))
		app->uses |= USES_CONVEX;
	if (app->pkg) {
		static const char *const tables[] = {
			"dependencies", "devDependencies", "peerDependencies",
		};
		for (i = 0; i < ARRAY_SIZE(tables); i++) {
			json_t *t = json_object_get(app->pkg, tables[i]);
			const char *k;
			json_t *v;

			if (!json_is_object(t))
				continue;
			json_object_foreach(t, k, v) {
				(void)v;
				if (starts_with(k, "@workos-inc/") || starts_with(k, "@workos/") ||
				    starts_with(k, "@convex-dev/workos"))
					app->uses |= USES_WORKOS;
			}
		}
	}
}

static bool wants_parse(struct pipeline *p, const struct lint_file *f)
{
	int rc;

	if (f->roles & p->roles)
		return true;
	if (!p->prefilter)
		return false;
	rc = pcre2_jit_match(p->prefilter, (PCRE2_SPTR)f->src.buf, f->src.len, 0, 0, p->md, NULL);
	if (rc == PCRE2_ERROR_JIT_BADOPTION)
		rc = pcre2_match(p->prefilter, (PCRE2_SPTR)f->src.buf, f->src.len, 0, 0, p->md, NULL);
	return rc >= 0;
}

/*
 * The deepest run of unclosed brackets and JSX tags, counted on raw bytes (strings and
 * comments included: an overestimate is fine for a limit). tree-sitter 0.20's error
 * recovery double-frees on more than 65,535 unclosed levels, so such files are never parsed.
 */
static size_t nesting_depth(const char *s, size_t n, size_t stop_at)
{
	size_t i, depth = 0, max = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '(' || c == '[' || c == '{' ||
		    (c == '<' && i + 1 < n && (s[i + 1] == '>' || (s[i + 1] | 0x20) >= 'a') &&
		     (s[i + 1] | 0x20) <= 'z')) {
			if (++depth > max && (max = depth) > stop_at)
				break;
		} else if ((c == ')' || c == ']' || c == '}' ||
			    (c == '<' && i + 1 < n && s[i + 1] == '/') ||
			    (c == '/' && i + 1 < n && s[i + 1] == '>')) && depth) {
			depth--;
		}
	}
	return max;
}

/*
 * The longest run of comments with only blanks between them. tree-sitter 0.20 makes such a
 * run children of one node, and a node of more than 65,535 children breaks as with unclosed
 * brackets (an invalid free when the tree is deleted), so the same limit applies.
 * Counted on raw bytes: "//" runs to the line end, a block comment to its end, a quoted
 * string to its quote or the line end (so a URL in a string is no comment); anything else
 * ends the run. A regex or template literal holding a quote or a comment opener may miscount.
 */
static size_t comment_run(const char *s, size_t n, size_t stop_at)
{
	size_t i = 0, run = 0, max = 0;

	while (i < n) {
		char c = s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			i++;
		} else if (c == '/' && i + 1 < n && (s[i + 1] == '/' || s[i + 1] == '*')) {
			const char *e;

			if (s[i + 1] == '/') {
				e = memchr(s + i, '\n', n - i);
				i = e ? (size_t)(e - s) : n;
			} else {
				e = memmem(s + i + 2, n - i - 2, "*/", 2);
				i = e ? (size_t)(e - s) + 2 : n;
			}
			if (++run > max && (max = run) > stop_at)
				break;
		} else if (c == '"' || c == '\'') {
			for (i++; i < n && s[i] != c && s[i] != '\n'; i++)
				if (s[i] == '\\')
					i++;
			i++;
			run = 0;
		} else {
			i++;
			run = 0;
		}
	}
	return max;
}

static void load_and_parse(struct pipeline *p, struct lint_app *app, struct arena *a)
{
	struct lint_run *run = p->run;
	size_t i;

	for (i = 0; i < app->nfiles; i++) {
		struct lint_file *f = app->files[i];
		char *disp = lint_display_path(run->cwd, f->src.abspath);
		const char *msg = NULL;
		enum lint_load_status st;

		st = lint_source_load(a, &f->src, disp, f->src.abspath, run->max_file_size, &msg);
		free(disp);
		if (st != LOAD_OK) {
			lint_skip(run, f->src.path, msg, st == LOAD_ERROR);
			continue;
		}
		run->nfiles++;
		if (!wants_parse(p, f))
			continue;
		if (nesting_depth(f->src.buf, f->src.len, run->max_nesting) > run->max_nesting) {
			lint_skip(run, f->src.path, arena_printf(&run->arena,
				  "'%s' nests brackets or tags deeper than %zu levels; not parsed (raise "
				  "--max-nesting to parse it)", f->src.path, run->max_nesting), false);
			continue;
		}
		if (comment_run(f->src.buf, f->src.len, run->max_nesting) > run->max_nesting) {
			lint_skip(run, f->src.path, arena_printf(&run->arena,
				  "'%s' has more than %zu comments in a row; not parsed (raise "
				  "--max-nesting to parse it)", f->src.path, run->max_nesting), false);
			continue;
		}
		ts_parser_set_language(p->parser, f->kind == FK_TS ? tree_sitter_typescript()
								   : tree_sitter_tsx());
		f->tree = ts_parser_parse_string(p->parser, NULL, f->src.buf, (uint32_t)f->src.len);
		if (!f->tree) {
			lint_skip(run, f->src.path, arena_printf(&run->arena, "'%s': the parser gave up",
								 f->src.path), true);
			continue;
		}
		f->parsed = true;
		lint_model_file(a, f);
		lint_model_secrets(run, a, f);
		lint_suppress_scan_file(run, a, f);
		if ((f->roles & ROLE_AUTH_CONFIG) &&
		    (!app->auth_config || ends_with(f->relpath, ".ts")))
			app->auth_config = f;
	}
}

static void load_envs(struct pipeline *p, struct lint_app *app, struct arena *a)
{
	struct lint_run *run = p->run;
	size_t i, j;

	for (i = 0; i < app->nenvs; i++) {
		struct lint_envfile *e = app->envs[i];
		char *disp = lint_display_path(run->cwd, e->src.abspath);
		const char *msg = NULL;
		enum lint_load_status st;

		st = lint_source_load(a, &e->src, disp, e->src.abspath, run->max_file_size, &msg);
		free(disp);
		if (st != LOAD_OK) {
			lint_skip(run, e->src.path, msg, st == LOAD_ERROR);
			e->src.buf = "";
			e->src.len = 0;
			continue;
		}
		run->nfiles++;
		dotenv_parse(a, e->src.buf, e->src.len, &e->env);
		e->src.env = &e->env;
		lint_suppress_scan_env(run, a, e);
		for (j = 0; j < e->env.nentries; j++) {
			const struct dotenv_entry *d = &e->env.entries[j];

			if (starts_with(d->key, "WORKOS_") || strstr(d->key, "_WORKOS_"))
				app->uses |= USES_WORKOS;
			/* every secret-looking value is registered before any output is made */
			if (lint_secret_key(d->key) || starts_with(d->value, "sk_"))
				lint_secret(run, d->value, d->value_len);
		}
	}
	/* expansion works per load set: the files one framework mode reads together */
	for (i = 0; i <= ENV_TEST; i++) {
		struct dotenv_file *files[4];
		size_t n = 0;
		int rank;

		for (rank = 0; rank < 4; rank++)
			for (j = 0; j < app->nenvs && n < 4; j++) {
				struct lint_envfile *e = app->envs[j];

				if (e->scope == i && e->at_root && lint_env_rank(e, app->fw) == rank)
					files[n++] = &e->env;
			}
		if (!n)
			continue;
		if (app->fw == FW_NEXT)
			dotenv_expand_next(a, files, n);
		else
			dotenv_expand(a, files, n);
	}
	/* other modes, templates and files outside the app root: each on its own */
	for (i = 0; i < app->nenvs; i++) {
		struct dotenv_file *one = &app->envs[i]->env;

		if (!app->envs[i]->at_root || app->envs[i]->scope > ENV_TEST)
			dotenv_expand(a, &one, 1);
	}
	for (i = 0; i < app->nenvs; i++)
		for (j = 0; j < app->envs[i]->env.nentries; j++) {
			const struct dotenv_entry *d = &app->envs[i]->env.entries[j];

			if (lint_secret_key(d->key) || starts_with(d->expanded, "sk_"))
				lint_secret(run, d->expanded, strlen(d->expanded));
		}
}

static bool rule_applies(const struct lint_rule *r, const struct lint_app *app)
{
	if ((r->applies & APPLIES_NEXT) && app->fw != FW_NEXT)
		return false;
	if ((r->applies & APPLIES_VITE) && app->fw != FW_VITE)
		return false;
	if ((r->applies & APPLIES_WORKOS) && !(app->uses & USES_WORKOS))
		return false;
	return true;
}

bool lint_rule_enabled(const struct lint_ctx *ctx, const char *id)
{
	size_t i;

	for (i = 0; i < lint_nrules; i++)
		if (!strcmp(lint_rules[i]->id, id))
			return ctx->run->sev[i] != SEV_OFF && rule_applies(lint_rules[i], ctx->app);
	return false;
}

static void lint_app(struct pipeline *p, struct lint_app *app)
{
	struct lint_run *run = p->run;
	struct arena a = ARENA_INIT;
	struct walk w = { 0 };
	size_t i, j, k;

	w.p = p;
	w.app = app;
	w.arena = &a;
	read_app_meta(p, app, &w);
	walk_dir(&w, app->absroot, "", 0);
	load_envs(p, app, &a);
	load_and_parse(p, app, &a);
	if (app->auth_config && app->auth_config->parsed) {
		app->auth_eval = ARENA_NEW(&a, struct lint_eval);
		lint_eval_auth_config(&a, &app->auth_config->src, app->auth_config->tree,
				      app->auth_eval);
		/* a config that talks to WorkOS makes the app a WorkOS app */
		if (strstr(app->auth_config->src.buf, "workos.com") ||
		    strstr(app->auth_config->src.buf, "WORKOS_"))
			app->uses |= USES_WORKOS;
	}
	/* two passes: rules marked `last` look at what the others reported */
	for (k = 0; k < 2 * lint_nrules; k++) {
		const struct lint_rule *r = lint_rules[k % lint_nrules];
		struct lint_ctx ctx = { run, r, app, &run->arena };

		i = k % lint_nrules;
		if (r->last != (k >= lint_nrules))
			continue;
		if (run->sev[i] == SEV_OFF || !rule_applies(r, app))
			continue;
		if (r->check_file)
			for (j = 0; j < app->nfiles; j++)
				if (app->files[j]->parsed)
					r->check_file(&ctx, app->files[j]);
		if (r->check_app)
			r->check_app(&ctx, app);
	}
	lint_next_release(app->next);
	for (i = 0; i < app->nfiles; i++)
		if (app->files[i]->tree)
			ts_tree_delete(app->files[i]->tree);
	json_decref(app->package_json.json);
	json_decref(app->convex_json.json);
	app->pkg = NULL;
	arena_release(&a);
}

/* One alternation of every enabled rule's trigger literals, JIT-compiled once per run. */
static int build_prefilter(struct pipeline *p)
{
	struct strbuf sb = STRBUF_INIT;
	int errcode, ret = 0;
	PCRE2_SIZE erroff;
	size_t i;

	for (i = 0; i < lint_nrules; i++) {
		const struct lint_rule *r = lint_rules[i];
		const char *const *t;

		if (p->run->sev[i] == SEV_OFF)
			continue;
		p->roles |= r->roles;
		for (t = r->triggers; t && *t; t++) {
			const char *c;

			if (sb.len)
				strbuf_addch(&sb, '|');
			for (c = *t; *c; c++) {
				if (strchr("\\^$.|?*+()[]{}", *c))
					strbuf_addch(&sb, '\\');
				strbuf_addch(&sb, *c);
			}
		}
	}
	if (!sb.len)
		goto out;
	p->prefilter = pcre2_compile((PCRE2_SPTR)sb.buf, sb.len, 0, &errcode, &erroff, NULL);
	if (!p->prefilter) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(errcode, msg, sizeof(msg));
		BUG("prefilter pattern does not compile at %zu: %s", (size_t)erroff, (char *)msg);
	}
	pcre2_jit_compile(p->prefilter, PCRE2_JIT_COMPLETE);
	p->md = pcre2_match_data_create(1, NULL);
out:
	strbuf_release(&sb);
	return ret;
}

int lint_run_paths(struct lint_run *run)
{
	struct pipeline p = { 0 };
	size_t i;

	p.run = run;
	build_prefilter(&p);
	p.parser = ts_parser_new();
	find_apps(&p);
	for (i = 0; i < p.apps.n; i++) {
		lint_app(&p, p.apps.apps[i]);
		free((char *)p.apps.apps[i]->absroot);
		free((char *)p.apps.apps[i]->root);
		free(p.apps.apps[i]);
	}
	free(p.apps.apps);
	ts_parser_delete(p.parser);
	pcre2_match_data_free(p.md);
	pcre2_code_free(p.prefilter);
	return 0;
}

void lint_run_init(struct lint_run *run)
{
	memset(run, 0, sizeof(*run));
	run->fail_on = SEV_ERROR;
	run->max_warnings = -1;
	run->max_file_size = 8u << 20;
	run->max_nesting = 10000;
	run->sev = xcalloc(lint_nrules, sizeof(*run->sev));
	for (size_t i = 0; i < lint_nrules; i++)
		run->sev[i] = lint_rules[i]->severity;
}

void lint_run_release(struct lint_run *run)
{
	size_t i;

	for (i = 0; i < run->ntargets; i++)
		free(run->targets[i].abs);
	free(run->targets);
	free(run->outputs);
	free(run->diags);
	free(run->skips);
	free(run->secrets);
	free(run->sev);
	free((char *)run->cwd);
	arena_release(&run->arena);
}
