/*
 * lint.c - the pipeline: find apps around the named paths, walk each app, load files,
 * decide from the bytes which sources need a parse, build the model, run the rules.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jansson.h>

#include "core.h"
#include "kwscan.h"
#include "project.h"
#include "react.h"
#include "routes.h"
#include "slice.h"

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

/* What makes a source file worth parsing for one rule (from its triggers, also, roles). */
struct rule_gate {
	bool on;			/* enabled by config */
	struct kw_hits trig, also, route, app;
	bool has_also, has_route, has_app;
	unsigned roles;
};

/* Roles of which an app can have hundreds: route_words narrow them. */
#define ROUTE_ROLES (ROLE_ROUTE | ROLE_PAGE | ROLE_LAYOUT)
/*
 * Roles whose files keep their bytes even when no rule parses them: app-level models read
 * them (the auth config, proxy and middleware, the framework configs). A Convex function
 * or a route file no rule selected is read again if asked for.
 */
#define TEXT_ROLES (ROLE_AUTH_CONFIG | ROLE_PROXY | ROLE_MIDDLEWARE | ROLE_NEXT_CONFIG | \
		    ROLE_VITE_CONFIG)

struct app_job;

/* A thread that loads, scans and parses files; worker 0 is the main thread. */
/*
 * An alias import path (@/..., ~/...) and the file it names: the same for every importer of
 * the app, and most files import the same few (@/convex/_generated/api), so read_deps()
 * remembers the latest ones by hash rather than trying every extension again.
 */
struct alias_memo {
	const struct lint_app *app;	/* NULL: empty */
	struct lint_file *file;
	uint32_t len;
	char spec[60];
};

#define ALIAS_MEMO	64	/* entries per worker (a power of two) */

struct worker {
	struct pipeline *p;
	struct app_job *job;		/* the app it works on now */
	pthread_t tid;
	TSParser *parser;
	char *buf;			/* read buffer, reused for every file */
	size_t cap;
	struct arena arena;		/* the kept sources, trees' models: freed after each app */
	struct alias_memo memo[ALIAS_MEMO];
};

/* What loading one file gave, for the main thread to report in walk order. */
struct file_state {
	const char *skip;		/* why it was skipped (worker arena), or NULL */
	bool incomplete;
	bool loaded;
};

/* Per-run state the pipeline keeps besides the public lint_run. */
struct pipeline {
	struct lint_run *run;
	struct kwset *kw;		/* every enabled rule's triggers, also and mentions */
	struct rule_gate *gates;	/* per rule, registry order */
	struct kw_hits mentioned;	/* words some rule's check_app looks for in unparsed files */
	/* the same words, in the order of the bits of lint_file's mention_any and mention_end */
	const char *mention_words[64];
	unsigned mention_kw[64];	/* their indexes in kw */
	size_t nmentions;
	struct worker *workers;
	unsigned nworkers;
	struct app_list apps;
	size_t next_app;		/* apps linted side by side: threads take sched[next_app++] */
	struct app_job *jobs;
	size_t *sched;			/* job indexes, largest app first */
	struct discovery *disc;		/* find_nested_apps() at work */
	/*
	 * Apps linted side by side (app_thread()): a thread with no app left to start lends
	 * itself to the apps still in flight, in their scan and leaf phases, whose work is
	 * taken one file at a time (run_phase()). Without it the last big app ran alone.
	 */
	struct help {
		bool on;
		pthread_mutex_t lock;
		pthread_cond_t wake;	/* an offer was made, or no app is left */
		pthread_cond_t done;	/* a job's last helper left its phase */
		struct app_job *offer;	/* the job that asks now, or NULL */
		void *(*fn)(void *);	/* its phase's worker function */
		unsigned gen;		/* offers made so far */
		unsigned idle;		/* threads waiting to help */
		size_t apps_left;	/* apps not finished */
	} help;
	struct pool {
		pthread_mutex_t lock;
		pthread_cond_t go, done;
		void *(*fn)(void *);	/* the phase being run */
		unsigned want;		/* workers 0..want-1 run it */
		unsigned gen;		/* phases posted so far */
		unsigned busy;		/* pool threads still in it */
		unsigned threads;	/* started: workers 1..threads */
		bool quit, made;
	} pool;
};

/* One app being linted, by one thread or by all of them. */
struct app_job {
	struct pipeline *p;
	struct lint_app *app;
	size_t order;			/* its place in p->apps: skip notes are sorted by it */
	struct worker *workers;		/* workers[0] is the thread running the job */
	unsigned nworkers;
	struct file_state *states;
	size_t next;			/* workers take app->files[next++] (slots[next++]) */
	struct leaf_slot *slots;	/* check_leaves(): the batch being parsed */
	size_t nslots;
	struct arena findings;		/* ctx->arena of its rules */
	struct arena meta;		/* its file list, env files, JSON and auth config model */
	uint64_t nskips;		/* its skip notes so far (their order in the output) */
	unsigned helpers;		/* other apps' threads in its current phase (help) */
	struct kw_hits seen;		/* every word some source file of the app holds */
	/*
	 * A run that reports named files only: those of this app (focus_prepare()), whose
	 * neighbours alone are parsed for `local` rules.
	 */
	bool focus;
	struct focus_file *targets;
	size_t ntargets;
	bool deps;			/* the scan records lint_file's deps (server_graph) */
};

/* A named file of a focused run: what its neighbours are recognised by. */
struct focus_file {
	const char *stem;		/* "ConvexClientProvider"; NULL when no file imports it */
	const char *buf;		/* its bytes, for the names of the files it imports */
	size_t len;
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

/* --- overlays: text that stands in for a file on disk --- */

void lint_add_overlay(struct lint_run *run, const char *path, const char *buf, size_t len)
{
	struct lint_overlay *o;

	LINT_GROW(run->overlays, run->noverlays + 1, run->alloc_overlays);
	o = &run->overlays[run->noverlays++];
	o->abs = lint_abspath(run->cwd, path);
	o->buf = buf;
	o->len = len;
}

/*
 * The text that stands in for the file at abs: an overlay (stdin, an editor buffer), or
 * what --fix/--diff made of it so far. False when the file is read from disk.
 */
static bool find_overlay(const struct lint_run *run, const char *abs, const char **buf,
			 size_t *len)
{
	const struct lint_fixfile *fx;
	size_t i;

	for (i = 0; i < run->noverlays; i++)
		if (!strcmp(run->overlays[i].abs, abs)) {
			*buf = run->overlays[i].buf;
			*len = run->overlays[i].len;
			return true;
		}
	if (run->nfixfiles && (fx = lint_fixfile_find(run, abs))) {
		*buf = fx->buf;
		*len = fx->len;
		return true;
	}
	return false;
}

/* lint_source_load(), or the overlay's text with the same limits and checks. */
static enum lint_load_status load_file(struct lint_run *run, struct arena *a,
				       struct lint_source *src, const char *disp, const char *abs,
				       const char **msg)
{
	struct lint_overlay ov, *o = &ov;

	if (!find_overlay(run, abs, &ov.buf, &ov.len))
		return lint_source_load(a, src, disp, abs, run->max_file_size, msg);
	memset(src, 0, sizeof(*src));
	src->path = arena_strdup(a, disp);
	src->abspath = arena_strdup(a, abs);
	if (run->max_file_size && o->len > run->max_file_size) {
		*msg = arena_printf(a, "'%s' is larger than %zu bytes (raise --max-file-size to lint it)",
				    disp, run->max_file_size);
		return LOAD_TOO_LARGE;
	}
	if (memchr(o->buf, '\0', o->len)) {
		*msg = arena_printf(a, "'%s' looks binary (it holds NUL bytes)", disp);
		return LOAD_BINARY;
	}
	lint_source_from_mem(a, src, disp, abs, o->buf, o->len);
	return LOAD_OK;
}

/* --- finding apps --- */

static struct lint_app *add_app(struct pipeline *p, const char *absroot)
{
	struct lint_app *app;
	size_t i;

	for (i = 0; i < p->apps.n; i++)
		if (!strcmp(p->apps.apps[i]->absroot, absroot))
			return p->apps.apps[i];
	app = xcalloc(1, sizeof(*app));
	app->absroot = xstrdup(absroot);
	app->root = lint_display_path(p->run->cwd, absroot);
	LINT_GROW(p->apps.apps, p->apps.n + 1, p->apps.alloc);
	p->apps.apps[p->apps.n++] = app;
	return app;
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

/* One entry of a folder listing: its name and its type, as the listing gave it. */
struct dent {
	char *name;
	unsigned char type;		/* DT_DIR, DT_REG, DT_LNK, ...; DT_UNKNOWN: ask lstat */
};

static int dent_cmp(const void *a, const void *b)
{
	return strcmp(((const struct dent *)a)->name, ((const struct dent *)b)->name);
}

/* A listing being read: its names back to back, then packed by dent_pack(). */
struct dent_acc {
	char *names;
	size_t len, cap;
	struct { size_t off; unsigned char type; } *e;
	size_t n, alloc;
};

static void dent_add(struct dent_acc *acc, const char *name, unsigned char type)
{
	size_t l = strlen(name) + 1;

	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return;
	if (acc->len + l > acc->cap) {
		acc->cap = 2 * (acc->len + l) > 1024 ? 2 * (acc->len + l) : 1024;
		acc->names = xrealloc(acc->names, acc->cap);
	}
	memcpy(acc->names + acc->len, name, l);
	LINT_GROW(acc->e, acc->n + 1, acc->alloc);
	acc->e[acc->n].off = acc->len;
	acc->e[acc->n++].type = type;
	acc->len += l;
}

/* One block: the entries, then their names (free() lets all of it go). */
static struct dent *dent_pack(struct dent_acc *acc)
{
	struct dent *v = xmalloc(acc->n * sizeof(*v) + acc->len + 1);
	char *names = (char *)(v + acc->n);
	size_t i;

	if (acc->len)
		memcpy(names, acc->names, acc->len);
	for (i = 0; i < acc->n; i++) {
		v[i].name = names + acc->e[i].off;
		v[i].type = acc->e[i].type;
	}
	free(acc->names);
	free(acc->e);
	return v;
}

/*
 * The entries of folder abs but "." and "..", sorted by name (readdir order differs between
 * file systems; output must not), in one block to free(). Most file systems give each
 * entry's type in the listing, which saves a stat of every entry; -1 when the folder
 * cannot be read (errno set).
 */
static int list_dir(const char *abs, struct dent **out, size_t *nout)
{
	struct dent_acc acc = { 0 };
	struct dent *v;

	*out = NULL;
	*nout = 0;
#ifdef __linux__
	{
		/*
		 * getdents64() on a descriptor of our own: opendir() adds an fstat() per folder,
		 * and a walk of a monorepo lists thousands of them (the threads of one process
		 * also contend in the kernel for such calls)
		 */
		_Alignas(8) char dbuf[16384];
		ssize_t got;
		int fd = open(abs, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		if (fd < 0)
			return -1;
		while ((got = getdents64(fd, dbuf, sizeof(dbuf))) > 0) {
			ssize_t o = 0;

			while (o < got) {
				const struct dirent64 *de = (const struct dirent64 *)(void *)(dbuf + o);

				o += de->d_reclen;
				dent_add(&acc, de->d_name, de->d_type);
			}
		}
		if (got < 0) {
			int err = errno;

			close(fd);
			free(acc.names);
			free(acc.e);
			errno = err;
			return -1;
		}
		close(fd);
	}
#else
	{
		struct dirent *de;
		DIR *dh = opendir(abs);

		if (!dh)
			return -1;
		while ((de = readdir(dh)))
			dent_add(&acc, de->d_name, de->d_type);
		closedir(dh);
	}
#endif
	*nout = acc.n;
	v = dent_pack(&acc);
	if (*nout)
		qsort(v, *nout, sizeof(*v), dent_cmp);
	*out = v;
	return 0;
}

/* The listing holds a package.json that is a file (through a link too, as stat sees it). */
static bool lists_package_json(const char *abs, const struct dent *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(v[i].name, "package.json"))
			return v[i].type == DT_REG || (v[i].type != DT_DIR && has_file(abs, "package.json"));
	return false;
}

/* A folder entry that is a folder itself, not a link to one (loops, trees outside the repo). */
static bool dent_is_dir(const char *sub, const struct dent *d)
{
	struct stat st;

	if (d->type != DT_UNKNOWN)
		return d->type == DT_DIR;
	return lstat(sub, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool source_ext(const char *name, enum lint_file_kind *kind);

/*
 * Finding the apps: every folder with a package.json below a target folder (not inside
 * skipped folders). On the way, the sources each app holds are counted (from the names
 * alone), which is what apps linted side by side are scheduled by. Listing a couple of
 * thousand folders takes the kernel some 8 us each and nothing can start before the apps
 * are known, so the workers list folders side by side from a shared stack; the apps are
 * put in walk order afterwards, so the order never depends on timing.
 */
struct found_app {
	char *absroot;			/* NULL: the folder the discovery started in */
	size_t est_sources;
};

/* A folder waiting to be listed. */
struct disc_dir {
	char *abs;
	int depth;
	size_t app;			/* index in found[] of the app its sources count for */
};

struct discovery {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	struct disc_dir *todo;
	size_t ntodo, alloc_todo;
	unsigned busy;			/* workers listing a folder now */
	struct found_app *found;
	size_t nfound, alloc_found;
};

/* Lists one folder: its subfolders go on the stack, a package.json makes it an app. */
static void discover_dir(struct pipeline *p, struct discovery *d, struct disc_dir *dir)
{
	enum lint_file_kind kind;
	struct disc_dir *subs = NULL;
	size_t nsubs = 0, alloc = 0, sources = 0, app = dir->app, i;
	struct dent *v;
	size_t n;

	if (dir->depth > 64 || list_dir(dir->abs, &v, &n))
		return;
	if (dir->depth > 0 && lists_package_json(dir->abs, v, n)) {
		pthread_mutex_lock(&d->lock);
		LINT_GROW(d->found, d->nfound + 1, d->alloc_found);
		d->found[d->nfound] = (struct found_app){ xstrdup(dir->abs), 0 };
		app = d->nfound++;
		pthread_mutex_unlock(&d->lock);
	}
	for (i = 0; i < n; i++) {
		char *sub;

		if (skip_dir_name(v[i].name))
			continue;
		if (v[i].type != DT_DIR && v[i].type != DT_UNKNOWN) {
			if (source_ext(v[i].name, &kind))
				sources++;
			continue;
		}
		sub = join(dir->abs, v[i].name);
		if (dent_is_dir(sub, &v[i]) && !lint_config_ignored(p->run, sub)) {
			LINT_GROW(subs, nsubs + 1, alloc);
			subs[nsubs++] = (struct disc_dir){ sub, dir->depth + 1, app };
			continue;
		}
		if (source_ext(v[i].name, &kind))
			sources++;
		free(sub);
	}
	free(v);
	pthread_mutex_lock(&d->lock);
	d->found[app].est_sources += sources;
	/* reversed: the stack hands them out in name order (one worker: the order of a walk) */
	for (i = nsubs; i-- > 0;) {
		LINT_GROW(d->todo, d->ntodo + 1, d->alloc_todo);
		d->todo[d->ntodo++] = subs[i];
	}
	pthread_mutex_unlock(&d->lock);
	free(subs);
}

static void *discover_thread(void *arg)
{
	struct worker *wk = arg;
	struct discovery *d = wk->p->disc;

	pthread_mutex_lock(&d->lock);
	for (;;) {
		struct disc_dir dir;

		while (!d->ntodo && d->busy)
			pthread_cond_wait(&d->wake, &d->lock);
		if (!d->ntodo)
			break;
		dir = d->todo[--d->ntodo];
		d->busy++;
		pthread_mutex_unlock(&d->lock);
		discover_dir(wk->p, d, &dir);
		free(dir.abs);
		pthread_mutex_lock(&d->lock);
		d->busy--;
		/* new folders to list, or the last one done: the waiting workers go on */
		pthread_cond_broadcast(&d->wake);
	}
	pthread_mutex_unlock(&d->lock);
	return NULL;
}

/*
 * The order a walk that lists each folder sorted by name (dent_cmp()) reaches two folders
 * in: name by name, a folder before what it holds.
 */
static int walk_order(const char *a, const char *b)
{
	for (;;) {
		size_t la = strcspn(a, "/"), lb = strcspn(b, "/");
		int c = memcmp(a, b, la < lb ? la : lb);

		if (c)
			return c;
		if (la != lb)
			return la < lb ? -1 : 1;
		if (!a[la] || !b[lb])
			return !a[la] ? (b[lb] ? -1 : 0) : 1;
		a += la + 1;
		b += lb + 1;
	}
}

static int found_cmp(const void *pa, const void *pb)
{
	return walk_order(((const struct found_app *)pa)->absroot,
			  ((const struct found_app *)pb)->absroot);
}

static void run_pool(struct pipeline *p, unsigned n, void *(*fn)(void *));

/* The apps below dir (each folder with a package.json), counting sources into root's too. */
static void find_nested_apps(struct pipeline *p, const char *dir, struct lint_app *root)
{
	struct discovery d = { .lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER };
	size_t i;

	LINT_GROW(d.found, 1, d.alloc_found);
	d.found[d.nfound++] = (struct found_app){ NULL, 0 };
	LINT_GROW(d.todo, 1, d.alloc_todo);
	d.todo[d.ntodo++] = (struct disc_dir){ xstrdup(dir), 0, 0 };
	p->disc = &d;
	run_pool(p, p->nworkers, discover_thread);
	p->disc = NULL;
	root->est_sources += d.found[0].est_sources;
	qsort(d.found + 1, d.nfound - 1, sizeof(*d.found), found_cmp);
	for (i = 1; i < d.nfound; i++) {
		add_app(p, d.found[i].absroot)->est_sources += d.found[i].est_sources;
		free(d.found[i].absroot);
	}
	free(d.found);
	free(d.todo);
	pthread_mutex_destroy(&d.lock);
	pthread_cond_destroy(&d.wake);
}

/* Folders below dir matching one of the config's `apps` globs become apps. */
static void find_config_apps(struct pipeline *p, const char *dir, int depth)
{
	const struct lint_config *c = &p->run->config;
	struct dent *v;
	size_t n, i, j;

	if (depth > 16 || list_dir(dir, &v, &n))
		return;
	for (i = 0; i < n; i++) {
		char *sub;

		if (skip_dir_name(v[i].name))
			continue;
		sub = join(dir, v[i].name);
		if (dent_is_dir(sub, &v[i])) {
			const char *rel = sub + strlen(c->dir) + (strcmp(c->dir, "/") ? 1 : 0);

			/* app globs are anchored at the config folder, e.g. "apps/web" or "web" */
			for (j = 0; j < c->napps; j++) {
				char *anchored = join("/", c->apps[j][0] == '/' ? c->apps[j] + 1 : c->apps[j]);

				if (lint_glob_match(anchored, rel))
					add_app(p, sub);
				free(anchored);
			}
			find_config_apps(p, sub, depth + 1);
		}
		free(sub);
	}
	free(v);
}

static int find_apps(struct pipeline *p)
{
	struct lint_run *run = p->run;
	size_t i;

	if (run->config.napps)
		find_config_apps(p, run->config.dir, 0);

	for (i = 0; i < run->ntargets; i++) {
		struct lint_target *t = &run->targets[i];
		struct lint_app *root;
		char *dir, *app;

		if (t->is_dir) {
			dir = xstrdup(t->abs);
		} else {
			char *slash = strrchr(t->abs, '/');

			dir = xstrndup(t->abs, slash && slash != t->abs ? (size_t)(slash - t->abs) : 1);
		}
		app = enclosing_app(dir);
		/* a folder without any package.json around it is judged as one app */
		root = add_app(p, app ? app : dir);
		free(app);
		if (t->is_dir)
			find_nested_apps(p, dir, root);
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

/*
 * rel (a shorter path of abs: the shown one, the one inside its app) as the tail of abs when
 * it is one, else a copy in a: the files of an app are many, and their paths most of what
 * the app keeps of them.
 */
static const char *tail_path(struct arena *a, const char *abs, const char *rel)
{
	size_t al = strlen(abs), rl = strlen(rel);

	if (al > rl && abs[al - rl - 1] == '/' && !strcmp(abs + al - rl, rel))
		return abs + al - rl;
	return arena_strdup(a, rel);
}

static void add_source(struct walk *w, const char *abs, const char *rel, enum lint_file_kind kind)
{
	struct lint_app *app = w->app;
	struct lint_file *f = ARENA_NEW(w->arena, struct lint_file);

	f->app = app;
	f->arena = w->arena;
	/* the path is kept (one copy: the relative one is its tail); bytes are loaded later */
	f->src.abspath = arena_strdup(w->arena, abs);
	f->relpath = tail_path(w->arena, f->src.abspath, rel);
	f->kind = kind;
	f->roles = file_roles(w, rel, abs);
	if (app->nfiles == w->alloc_files) {
		size_t n = w->alloc_files ? w->alloc_files * 2 : 64;
		struct lint_file **arr = ARENA_ARRAY(w->arena, struct lint_file *, n);

		if (app->nfiles)
			memcpy(arr, app->files, app->nfiles * sizeof(*arr));
		app->files = arr;
		w->alloc_files = n;
	}
	f->index = (uint32_t)app->nfiles;
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

/*
 * A file of folder abs named in its listing: what it is, from the listing's type or, when the
 * file system does not give one, from lstat. False when it is gone (noted when it is a file
 * cwlint would have read).
 */
static bool walk_entry_mode(struct walk *w, const char *sub, const struct dent *d, mode_t *mode)
{
	struct lint_run *run = w->p->run;
	enum lint_file_kind kind;
	struct stat st;

	switch (d->type) {
	case DT_DIR: *mode = S_IFDIR; return true;
	case DT_REG: *mode = S_IFREG; return true;
	case DT_LNK: *mode = S_IFLNK; return true;
	case DT_FIFO: *mode = S_IFIFO; return true;
	case DT_SOCK: *mode = S_IFSOCK; return true;
	case DT_CHR: *mode = S_IFCHR; return true;
	case DT_BLK: *mode = S_IFBLK; return true;
	}
	if (lstat(sub, &st) == 0) {
		*mode = st.st_mode;
		return true;
	}
	/*
	 * Gone between readdir and lstat. A file we would have read makes the results
	 * incomplete (exit 3): a deletion cannot be told from a move or a checkout in progress,
	 * whose content may sit under a name already passed. Any other name is let go: editors
	 * and build tools create and delete scratch files all the time, and a folder cannot be
	 * told from them here. (A file gone after a listing that gave its type is caught when
	 * it is read, with the same note.)
	 */
	if (errno == ENOENT && !lint_config_ignored(run, sub) &&
	    (env_name(d->name) || lint_config_env_scope(run, sub) >= 0 ||
	     source_ext(d->name, &kind))) {
		char *disp = lint_display_path(run->cwd, sub);

		lint_skip(run, disp, arena_printf(w->arena, "'%s': vanished while cwlint ran "
						  "(deleted or moved after it was listed)", disp), true);
		free(disp);
	}
	return false;
}

static void walk_dir(struct walk *w, const char *abs, const char *rel, int depth)
{
	struct lint_run *run = w->p->run;
	struct dent *v;
	size_t n, i;

	if (depth > 64) {
		char *disp = lint_display_path(run->cwd, abs);

		/* a limit, like the others: a note, not a failure */
		lint_skip(run, disp, arena_printf(w->arena, "'%s': more than 64 folders deep below "
						  "its app; not walked", disp), false);
		free(disp);
		return;
	}
	if (list_dir(abs, &v, &n)) {
		char *disp = lint_display_path(run->cwd, abs);

		lint_skip(run, disp, arena_printf(w->arena, "'%s': cannot open folder: %s", disp,
						  strerror(errno)), true);
		free(disp);
		return;
	}
	/* nested apps are linted on their own */
	if (depth && lists_package_json(abs, v, n))
		goto out;
	for (i = 0; i < n; i++) {
		const char *name = v[i].name;
		char *sub = join(abs, name);
		char *subrel = *rel ? join(rel, name) : xstrdup(name);
		enum lint_file_kind kind;
		mode_t mode;

		if (!walk_entry_mode(w, sub, &v[i], &mode) || lint_config_ignored(run, sub))
			goto next;
		if (S_ISDIR(mode)) {
			if (!skip_dir_name(name))
				walk_dir(w, sub, subrel, depth + 1);
		} else if (!S_ISREG(mode) && !S_ISLNK(mode)) {
			/* a FIFO, socket or device named like a file we read: say so, never open it */
			if (env_name(name) || source_ext(name, &kind)) {
				char *disp = lint_display_path(run->cwd, sub);

				lint_skip(run, disp, arena_printf(w->arena, "'%s' is not a regular file",
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
out:
	free(v);
}

/*
 * Overlays for files the walk did not see (a buffer not yet saved under a new name) join
 * the app they would belong to on disk, unless a skipped folder or the config hides them.
 */
static void add_unsaved(struct walk *w)
{
	struct lint_run *run = w->p->run;
	struct lint_app *app = w->app;
	size_t i, j, rlen = strlen(app->absroot);

	for (i = 0; i < run->noverlays; i++) {
		const char *abs = run->overlays[i].abs, *rel, *c, *name;
		enum lint_file_kind kind;
		char *dir, *owner;
		bool seen = false;

		if (strncmp(abs, app->absroot, rlen) || abs[rlen] != '/' || lint_config_ignored(run, abs))
			continue;
		for (j = 0; j < app->nfiles && !seen; j++)
			seen = !strcmp(app->files[j]->src.abspath, abs);
		for (j = 0; j < app->nenvs && !seen; j++)
			seen = !strcmp(app->envs[j]->src.abspath, abs);
		if (seen)
			continue;
		rel = abs + rlen + (rlen > 1);
		for (c = rel; (name = strchr(c, '/')); c = name + 1) {
			char *part = xstrndup(c, (size_t)(name - c));
			bool skip = skip_dir_name(part);

			free(part);
			if (skip)
				break;
		}
		if (name)
			continue;
		name = c;
		dir = xstrndup(abs, (size_t)(strrchr(abs, '/') - abs));
		owner = enclosing_app(dir);
		seen = owner && strcmp(owner, app->absroot);	/* a nested app's file */
		free(owner);
		free(dir);
		if (seen)
			continue;
		if (env_name(name) || lint_config_env_scope(run, abs) >= 0)
			add_env(w, abs, name, name == rel);
		else if (source_ext(name, &kind))
			add_source(w, abs, rel, kind);
	}
}

char *lint_app_root(const char *dir)
{
	return enclosing_app(dir);
}

enum lint_path_type lint_path_type(const char *name, enum lint_file_kind *kind)
{
	if (env_name(name))
		return LINT_PATH_ENV;
	if (source_ext(name, kind))
		return LINT_PATH_SOURCE;
	return LINT_PATH_OTHER;
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
	const char *msg = NULL, *obuf;
	enum lint_load_status st;
	size_t olen;
	json_error_t err;
	json_t *j;

	if (!is_file(path) && !find_overlay(p->run, path, &obuf, &olen))
		goto out;
	disp = lint_display_path(p->run->cwd, path);
	st = load_file(p->run, a, &jf->src, disp, path, &msg);
	if (st != LOAD_OK) {
		/* a file that exists and cannot be read is an I/O failure, as for sources */
		lint_skip(p->run, disp, msg, st == LOAD_ERROR);
		goto out;
	}
	jf->present = true;
	__atomic_fetch_add(&p->run->nfiles, 1, __ATOMIC_RELAXED);
	j = json_loadb(jf->src.buf, jf->src.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
	if (j && json_is_object(j)) {
		jf->json = j;
		goto out;
	}
	jf->error = arena_strdup(a, j ? "the top level is not a JSON object" : err.text);
	jf->error_offset = j ? 0 : (uint32_t)(err.position > 0 ? err.position - 1 : 0);
	if (jf->error_offset > jf->src.len)
		jf->error_offset = (uint32_t)jf->src.len;
	lint_skip(p->run, disp, arena_printf(a, "'%s': not read as JSON (line %d: %s)",
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

/*
 * The deepest run of unclosed brackets and JSX tags, counted on raw bytes (strings and
 * comments included: an overestimate is fine for a limit). tree-sitter 0.20's error
 * recovery double-frees on more than 65,535 unclosed levels, so such files are never parsed.
 */
size_t lint_nesting_depth(const char *s, size_t n, size_t stop_at)
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
			i = js_comment_end(s, n, i);
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

/*
 * The rule's framework test (APPLIES_NEXT, APPLIES_VITE): the framework is known from the
 * walk, before any file is loaded. Whether the app uses WorkOS is known only once its auth
 * config is read, so that test (rule_applies()) waits for the rule phase.
 */
static bool fits_framework(const struct lint_rule *r, const struct lint_app *app)
{
	return !((r->applies & APPLIES_NEXT) && app->fw != FW_NEXT) &&
	       !((r->applies & APPLIES_VITE) && app->fw != FW_VITE);
}

/*
 * True when buf starts (after blank space, comments and other directives) with a
 * 'use client' directive. Only the plain shapes count; anything unusual answers false, which
 * merely costs a parse.
 */
static bool leading_use_client(const char *s, size_t n)
{
	size_t i = 0;

	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	if (i + 1 < n && s[i] == '#' && s[i + 1] == '!')
		while (i < n && s[i] != '\n')
			i++;
	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
			i++;
		if (i + 1 < n && s[i] == '/' && s[i + 1] == '/') {
			while (i < n && s[i] != '\n')
				i++;
		} else if (i + 1 < n && s[i] == '/' && s[i + 1] == '*') {
			const char *e = memmem(s + i + 2, n - i - 2, "*/", 2);

			if (!e)
				return false;
			i = (size_t)(e - s) + 2;
		} else if (i < n && (s[i] == '\'' || s[i] == '"')) {
			char q = s[i];
			size_t j = i + 1;

			while (j < n && s[j] != q && s[j] != '\\' && s[j] != '\n')
				j++;
			if (j >= n || s[j] != q)
				return false;
			if (j - i - 1 == 10 && !memcmp(s + i + 1, "use client", 10))
				return true;
			/* another directive ('use strict'): the prologue goes on after it */
			i = j + 1;
			while (i < n && (s[i] == ' ' || s[i] == '\t'))
				i++;
			if (i < n && s[i] == ';')
				i++;
			else if (i < n && s[i] != '\n' && s[i] != '\r')
				return false;
		} else {
			return false;
		}
	}
}

/*
 * Sets f->want from the words found in its bytes (hits) and path (path_hits); true when
 * some rule wants it parsed.
 */
static bool select_rules(struct pipeline *p, struct lint_file *f, const struct kw_hits *hits,
			 const struct kw_hits *path_hits, bool use_client)
{
	bool any = false;
	size_t i;

	for (i = 0; i < lint_nrules; i++) {
		const struct lint_rule *r = lint_rules[i];
		const struct rule_gate *g = &p->gates[i];
		bool by_role, by_trigger;

		if (!g->on || !fits_framework(r, f->app) || (r->server_only && use_client))
			continue;
		by_role = (g->roles & f->roles) != 0;
		if (by_role && g->has_route && !(g->roles & f->roles & ~ROUTE_ROLES))
			by_role = kw_any(hits, &g->route) || kw_any(path_hits, &g->route);
		by_trigger = !(f->roles & r->skip_roles) && kw_any(hits, &g->trig) &&
			     (!g->has_also || kw_any(hits, &g->also));
		if (by_role || by_trigger) {
			f->want[i / 64] |= (uint64_t)1 << (i % 64);
			any = true;
		}
	}
	return any;
}

/* Whether buf names "/stem" followed by a quote, a dot or a slash (an import path's end). */
static bool names_path(const char *buf, size_t len, const char *stem, size_t n)
{
	const char *p = buf, *end = buf + len;

	if (!n)
		return false;
	while ((p = memmem(p, (size_t)(end - p), stem, n))) {
		const char *after = p + n;

		if (p > buf && p[-1] == '/' &&
		    (after == end || *after == '"' || *after == '\'' || *after == '`' ||
		     *after == '.' || *after == '/'))
			return true;
		p++;
	}
	return false;
}

/* Whether f imports a named file of the focused run, or one of them imports f. */
static bool focus_neighbour(const struct app_job *job, const struct lint_file *f,
			    const char *buf, size_t len)
{
	size_t i, n;
	const char *stem = lint_react_import_stem(f->relpath, &n);

	for (i = 0; i < job->ntargets; i++) {
		const struct focus_file *t = &job->targets[i];

		if (t->buf && names_path(t->buf, t->len, stem, n))
			return true;
		if (t->stem && names_path(buf, len, t->stem, strlen(t->stem)))
			return true;
	}
	return false;
}

static bool wants(const struct lint_file *f, size_t rule)
{
	return (f->want[rule / 64] >> (rule % 64)) & 1;
}

/*
 * Whether only per-file checks want f parsed: every rule that selected it has a check_file
 * and no check_app (see struct lint_file's leaf). Such checks reach other files through
 * lint_react_get() and friends, which parse them on demand. A page, layout or route file
 * is also read by app-wide models (routes.c, missing-use-client's module graph) that look
 * only at parsed files, so it is a leaf only when local rules alone, which use no such
 * model, selected it. (A leaf no rule needs after all, app_words, is marked done without a
 * parse, its 'use client' unknown: lifting this needs those models to parse such files.)
 */
static bool is_leaf(const struct lint_file *f)
{
	size_t i;

	if (f->roles & ~ROUTE_ROLES)
		return false;
	for (i = 0; i < lint_nrules; i++)
		if (wants(f, i) && ((lint_rules[i]->check_app && !lint_rules[i]->app_reparses) ||
				    !lint_rules[i]->check_file || (f->roles && !lint_rules[i]->local)))
			return false;
	return true;
}

/* What the root test of a leaf's slice (slice_root()) reads: the leaf and its rules. */
struct slice_ctx {
	struct lint_file *f;
	const struct lint_rule *rules[16];
	size_t nrules;
};

/*
 * A binding roots the slice when some rule's slice_imports names it, or when it comes from
 * a file of the app that some rule selected or that is a leaf: such a file may re-export
 * anything, and lint_react_resolve() follows it (the files no rule chose are parsed by no
 * one, so nothing is followed through them). Fields of other files read here are not
 * written while leaves are parsed: want and leaf are set by the scan, and only leaves are
 * parsed now (a file parsed on demand earlier is neither).
 */
static bool slice_root(void *ud, const struct slice_binding *b)
{
	struct slice_ctx *sc = ud;
	char m[1024], scratch[2 * (4096 + 1024 + 2) + 16];	/* lint_react_module_file() */
	size_t i;

	if (b->type_only)
		return false;
	if (b->mlen >= sizeof(m))
		return true;	/* nothing to look up: count it in */
	memcpy(m, b->module, b->mlen);
	m[b->mlen] = '\0';
	if (lint_react_local_module(m)) {
		struct lint_file *g = lint_react_module_file(sc->f->app, sc->f->relpath, m, scratch,
							     sizeof(scratch));

		return g && g != sc->f && (g->want[0] || g->want[1] || g->leaf || g->parsed);
	}
	for (i = 0; i < sc->nrules; i++) {
		const struct lint_slice_import *si;

		for (si = sc->rules[i]->slice_imports; si && si->modules; si++) {
			if (!in_list(m, si->modules))
				continue;
			if (!si->name || (b->ilen == 1 && *b->imported == '*') ||
			    (b->ilen == 7 && !memcmp(b->imported, "default", 7)) ||
			    (strlen(si->name) == b->ilen && !memcmp(si->name, b->imported, b->ilen)))
				return true;
		}
	}
	return false;
}

/*
 * The ranges of leaf f to parse (slice.c) when every rule that checks it reads a slice
 * (rule.h), or 0: parse it whole.
 */
static size_t leaf_slice(const struct lint_run *run, struct lint_file *f, TSRange **ranges)
{
	struct slice_ctx sc = { f, { NULL }, 0 };
	const char *words[16];
	size_t i, nwords = 0;

	if (f->src.len < run->slice_min || f->src.len < 16)
		return 0;
	for (i = 0; i < lint_nrules; i++) {
		const struct lint_rule *r = lint_rules[i];
		const char *const *w;

		if (!wants(f, i) || !r->check_file)
			continue;
		if (!r->slice || sc.nrules == ARRAY_SIZE(sc.rules))
			return 0;
		sc.rules[sc.nrules++] = r;
		for (w = r->slice_words; w && *w; w++) {
			if (nwords + 2 == ARRAY_SIZE(words))
				return 0;
			words[nwords++] = *w;
		}
	}
	/* the suppression comments are read from the tree (lint_suppress_scan_file()) */
	words[nwords++] = "cwlint-ignore";
	words[nwords] = NULL;
	return lint_slice(f->src.buf, f->src.len, slice_root, &sc, words, !run->slice_min, ranges);
}

/*
 * Parses a loaded source and builds its per-file model; a failure is noted in st. A leaf
 * (slice) may be parsed in part: tree-sitter reads the ranges given as if nothing lay
 * between them, and gives its nodes their places in the whole file. A cut that was wrong
 * shows as a syntax error there, and the file is parsed whole after all.
 */
static void parse_file(struct worker *wk, struct lint_file *f, struct file_state *st, bool slice)
{
	struct lint_run *run = wk->p->run;
	TSRange *ranges = NULL;
	size_t nranges = 0;
#ifdef CWLINT_TRACE_PARSE
	uint32_t trace_kept = 0;
#endif
	/* each level takes a byte at least: a file no longer than the limit cannot pass it */
	bool short_file = f->src.len <= run->max_nesting;

	if (!short_file &&
	    lint_nesting_depth(f->src.buf, f->src.len, run->max_nesting) > run->max_nesting) {
		st->skip = arena_printf(&wk->arena, "'%s' nests brackets or tags deeper than %zu "
					"levels; not parsed (raise --max-nesting to parse it)",
					f->src.path, run->max_nesting);
		return;
	}
	if (!short_file && comment_run(f->src.buf, f->src.len, run->max_nesting) > run->max_nesting) {
		st->skip = arena_printf(&wk->arena, "'%s' has more than %zu comments in a row; not "
					"parsed (raise --max-nesting to parse it)", f->src.path,
					run->max_nesting);
		return;
	}
	ts_parser_set_language(wk->parser, f->kind == FK_TS ? tree_sitter_typescript()
							    : tree_sitter_tsx());
	f->sliced = false;
	f->tree = NULL;
	if (slice && (nranges = leaf_slice(run, f, &ranges))) {
#ifdef CWLINT_TRACE_PARSE
		for (size_t j = 0; j < nranges; j++)
			trace_kept += ranges[j].end_byte - ranges[j].start_byte;
#endif
		ts_parser_set_included_ranges(wk->parser, ranges, (uint32_t)nranges);
		f->tree = ts_parse_bounded(wk->parser, f->src.buf, (uint32_t)f->src.len);
		ts_parser_set_included_ranges(wk->parser, NULL, 0);
		if (f->tree && ts_node_has_error(ts_tree_root_node(f->tree))) {
#ifdef CWLINT_TRACE_PARSE
			fprintf(stderr, "slice-error %s\n", f->src.path);
#endif
			ts_tree_delete(f->tree);
			f->tree = NULL;
		}
		f->sliced = f->tree != NULL;
	}
	if (!f->tree)
		f->tree = ts_parse_bounded(wk->parser, f->src.buf, (uint32_t)f->src.len);
	if (!f->tree) {
		st->skip = arena_printf(&wk->arena, "'%s': the parser gave up after %u seconds or "
					"more (tree-sitter's error recovery can run away on some broken "
					"text); not parsed", f->src.path, TS_PARSE_SECONDS);
		st->incomplete = true;
		goto out;
	}
	f->parsed = true;
	f->tried_parse = false;
#ifdef CWLINT_TRACE_PARSE
	/* a developer's aid for tuning the byte gates: which files were parsed, for which rules */
	{
		size_t i;

		flockfile(stderr);
		fprintf(stderr, "parse %zu %s %s", f->src.len, f->src.path,
			f->sliced ? "sliced" : f->leaf ? "leaf" : "kept");
		if (f->sliced)
			fprintf(stderr, " %u", trace_kept);
		for (i = 0; i < lint_nrules; i++)
			if (wants(f, i))
				fprintf(stderr, " %s", lint_rules[i]->id);
		fprintf(stderr, "\n");
		funlockfile(stderr);
	}
#endif
	/* the model goes with the tree (a leaf's scratch arena); suppressions outlive both */
	lint_model_file(f->arena, f);
	lint_model_secrets(run, f->arena, f, f->sliced ? ranges : NULL, f->sliced ? nranges : 0);
	if (!f->supp_scanned)
		lint_suppress_scan_file(run, &wk->arena, f);
	f->supp_scanned = true;
out:
	free(ranges);
}

const char *lint_file_bytes(struct lint_file *f, char **buf, size_t *cap, size_t *len)
{
	struct app_job *job = f->app ? f->app->loader : NULL;
	const char *o, *msg;
	struct arena a = ARENA_INIT;
	enum lint_load_status ls;

	if (f->src.buf) {
		*len = f->src.len;
		return f->src.buf;
	}
	if (!f->reread || !job)
		return NULL;
	if (find_overlay(job->p->run, f->src.abspath, &o, len))
		return o;
	/* the first read passed the size and binary checks; a file changed since reads as none */
	ls = lint_read_file(&a, f->src.path, f->src.abspath, job->p->run->max_file_size, buf, cap,
			    len, &msg);
	arena_release(&a);
	return ls == LOAD_OK ? *buf : NULL;
}

/* True when buf holds word followed by a byte that cannot continue an identifier. */
static bool ends_word(const char *buf, size_t len, const char *word)
{
	const char *p = buf, *end = buf + len;
	size_t n = strlen(word);

	while ((p = memmem(p, (size_t)(end - p), word, n))) {
		unsigned char c = p + n < end ? (unsigned char)p[n] : 0;

		if (!ident_byte(c))
			return true;
		p += n;
	}
	return false;
}

/* The bit of word among the run's mention words, or 0 (not one; or no pipeline). */
static uint64_t mention_bit(const struct lint_app *app, const char *word)
{
	const struct app_job *job = app ? app->loader : NULL;
	size_t j;

	for (j = 0; job && j < job->p->nmentions; j++)
		if (!strcmp(job->p->mention_words[j], word))
			return (uint64_t)1 << j;
	return 0;
}

bool lint_file_mentions(const struct lint_file *f, const char *word)
{
	uint64_t bit = mention_bit(f->app, word);

	if (bit)
		return (f->mention_any & bit) != 0;
	return f->src.buf && memmem(f->src.buf, f->src.len, word, strlen(word));
}

bool lint_app_mentions(const struct lint_app *app, const char *word)
{
	size_t i;

	for (i = 0; app && i < app->nfiles; i++)
		if (lint_file_mentions(app->files[i], word))
			return true;
	return false;
}

bool lint_app_source_mentions(const struct lint_app *app, const char *needle)
{
	uint64_t bit = mention_bit(app, needle);
	size_t i;

	for (i = 0; i < app->nfiles; i++) {
		const struct lint_file *f = app->files[i];

		if (bit ? (f->mention_end & bit) != 0
			: f->src.buf && ends_word(f->src.buf, f->src.len, needle))
			return true;
	}
	return false;
}

/* Gives f its bytes again (they were let go: f->reread), in f->arena. */
static bool read_again(struct lint_file *f)
{
	char *buf = NULL;
	size_t cap = 0, len;
	const char *b = lint_file_bytes(f, &buf, &cap, &len);

	if (b) {
		f->src.buf = b == buf ? arena_strndup(f->arena, buf, len) : b;
		f->src.len = len;
		f->src.lines = NULL;
		f->src.nlines = 0;
		/* its line index, for positions, goes with the bytes (a path-only file had none) */
		if (!f->src.arena)
			f->src.arena = f->arena;
	}
	free(buf);
	return b != NULL;
}

bool lint_file_parse(struct lint_file *f)
{
	struct app_job *job = f->app ? f->app->loader : NULL;
	struct file_state st = { 0 };

	if (f->parsed || !job || f->tried_parse || (!f->src.buf && !read_again(f)))
		return f->parsed;
	/* the rule phase runs on the job's own thread: worker 0's parser and arena are free */
	f->tried_parse = true;
	parse_file(&job->workers[0], f, &st, false);
	if (f->parsed)
		f->tried_parse = true;
	if (st.skip)
		lint_skip(job->p->run, f->src.path, st.skip, st.incomplete);
	return f->parsed;
}

bool lint_file_unslice(struct lint_file *f)
{
	if (!f->parsed || !f->sliced)
		return f->parsed;
	ts_tree_delete(f->tree);
	f->tree = NULL;
	f->parsed = false;
	f->sliced = false;
	f->react = NULL;
	f->tried_parse = false;
	lint_file_parse(f);
	/* as parse_leaf() leaves it: released after its checks, it can be parsed again */
	f->tried_parse = false;
	return f->parsed;
}

/* f's source from its bytes (copied into a), its paths shared with f->src.abspath. */
static void keep_source(struct arena *a, struct lint_file *f, const char *disp,
			const char *buf, size_t len)
{
	const char *abs = f->src.abspath;

	memset(&f->src, 0, sizeof(f->src));
	f->src.abspath = abs;
	f->src.path = tail_path(a, abs, disp);
	f->src.buf = buf ? arena_strndup(a, buf, len) : NULL;
	f->src.len = buf ? len : 0;
	f->src.arena = a;
}

/* The keyword an import specifier at q follows (enum spec_kind), or -1. */
enum spec_kind { SPEC_FROM, SPEC_IMPORT, SPEC_REQUIRE, SPEC_KINDS };

static int spec_kind(const char *buf, const char *q)
{
	static const struct { const char *kw; size_t len; bool paren; } kws[] = {
		[SPEC_FROM] = { "from", 4, false },
		[SPEC_IMPORT] = { "import", 6, true },
		[SPEC_REQUIRE] = { "require", 7, true },
	};
	const char *p = q;
	bool paren = false;
	int k;

	while (p > buf && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r'))
		p--;
	if (p > buf && p[-1] == '(') {
		paren = true;
		p--;
		while (p > buf && (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r'))
			p--;
	}
	for (k = 0; k < SPEC_KINDS; k++) {
		const char *w = p - kws[k].len;

		if ((!paren || kws[k].paren) && p - buf >= (ptrdiff_t)kws[k].len &&
		    !memcmp(w, kws[k].kw, kws[k].len) && (w == buf || !ident_byte((unsigned char)w[-1])))
			return k;
	}
	return -1;
}

/* One local import specifier found in a file's bytes. */
struct spec_at {
	const char *s;
	uint32_t len;
	uint8_t kind;
};

static int spec_at_cmp(const void *a, const void *b)
{
	const struct spec_at *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->s < y->s ? -1 : x->s > y->s;
}

/*
 * f's local imports from its bytes (struct lint_file's deps): each quoted string that names
 * a file of the app (it starts with "./", "../", "@/" or "~/") right after `from`,
 * `import`, `import(` or `require(`. The byte scan has no parse, so this errs on the side
 * of too many (a comment's `from './x'` counts). The quotes are found with memchr(), and
 * only the few that open such a path look back for the keyword; the list is in keyword
 * order, then file order.
 */
/*
 * Room for one more item in v (n items, *alloc slots), which starts as the caller's local
 * array: it moves to the heap when full, twice the size each time.
 */
static void *grow_local(void *v, const void *local, size_t n, size_t *alloc, size_t size)
{
	void *grown;

	if (n < *alloc)
		return v;
	*alloc *= 2;
	grown = xmalloc(*alloc * size);
	memcpy(grown, v, n * size);
	if (v != local)
		free(v);
	return grown;
}

static void read_deps(struct worker *wk, struct lint_file *f, const char *buf, size_t len)
{
	static const char quotes[] = { '"', '\'', '`' };
	const char *end = buf + len;
	struct lint_file *local[64], **deps = local;
	struct spec_at sv[64], *specs = sv;
	size_t n = 0, alloc = ARRAY_SIZE(local), ns = 0, salloc = ARRAY_SIZE(sv), k, j;
	char m[1024], scratch[2 * (4096 + 1024 + 2) + 16];	/* lint_react_module_file() */
	const char *last = NULL;
	size_t last_len = 0;

	for (k = 0; k < ARRAY_SIZE(quotes); k++) {
		const char *p = buf, *close;

		while ((p = memchr(p, quotes[k], (size_t)(end - p)))) {
			const char *q = ++p;
			size_t room = (size_t)(end - q) < 1024 ? (size_t)(end - q) : 1024;
			int kind;

			if (q >= end || !(*q == '.' || ((*q == '@' || *q == '~') && q + 1 < end && q[1] == '/')))
				continue;
			if ((kind = spec_kind(buf, q - 1)) < 0 ||
			    !(close = memchr(q, quotes[k], room)) || memchr(q, '\n', (size_t)(close - q)))
				continue;
			specs = grow_local(specs, sv, ns, &salloc, sizeof(*specs));
			specs[ns++] = (struct spec_at){ q, (uint32_t)(close - q), (uint8_t)kind };
			p = close + 1;
		}
	}
	qsort(specs, ns, sizeof(*specs), spec_at_cmp);
	for (j = 0; j < ns; j++) {
		const char *spec = specs[j].s;
		size_t sl = specs[j].len, i;
		struct lint_file *t;

		/* the same specifier again (a file importing one module twice) */
		if (last && sl == last_len && !memcmp(spec, last, sl))
			continue;
		last = spec;
		last_len = sl;
		memcpy(m, spec, sl);	/* sl < 1024 */
		m[sl] = '\0';
		if (spec[0] != '.' && sl < sizeof(wk->memo[0].spec)) {
			struct alias_memo *am = &wk->memo[hash_bytes(spec, sl) & (ALIAS_MEMO - 1)];

			if (am->app != f->app || am->len != sl || memcmp(am->spec, spec, sl)) {
				am->app = f->app;
				am->len = (uint32_t)sl;
				memcpy(am->spec, spec, sl);
				am->file = lint_react_module_file(f->app, f->relpath, m, scratch,
								  sizeof(scratch));
			}
			t = am->file;
		} else {
			t = lint_react_module_file(f->app, f->relpath, m, scratch, sizeof(scratch));
		}
		for (i = 0; t && t != f && i < n && deps[i] != t; i++)
			;
		if (t && t != f && i == n) {
			deps = grow_local(deps, local, n, &alloc, sizeof(*deps));
			deps[n++] = t;
		}
	}
	if (specs != sv)
		free(specs);
	/* the arena gets the list at its size: nothing else of this stays */
	f->ndeps = (uint32_t)n;
	f->deps = n ? ARENA_ARRAY(&wk->arena, struct lint_file *, n) : NULL;
	if (n)
		memcpy(f->deps, deps, n * sizeof(*deps));
	if (deps != local)
		free(deps);
}

void lint_app_importers(const struct lint_app *app, bool *on, const bool *through)
{
	bool more = true;
	size_t i, j;

	/* a round per step back along the paths: they are short */
	while (more) {
		more = false;
		for (i = 0; i < app->nfiles; i++) {
			const struct lint_file *f = app->files[i];

			for (j = 0; through[i] && !on[i] && j < f->ndeps; j++) {
				size_t k = lint_app_file_index(app, f->deps[j]);

				if (k < app->nfiles && on[k])
					on[i] = more = true;
			}
		}
	}
}

bool lint_file_reported(const struct lint_file *f)
{
	const struct app_job *job = f->app ? f->app->loader : NULL;

	return !job || !job->focus || f->named;
}

/* Records which mention words f's code holds (hits: the byte scan's). */
static void note_mentions(const struct pipeline *p, struct lint_file *f,
			  const struct kw_hits *hits, const char *buf, size_t len)
{
	size_t j;

	for (j = 0; j < p->nmentions; j++) {
		const char *w = p->mention_words[j];

		if (!kw_has(hits, p->mention_kw[j]))
			continue;
		f->mention_any |= (uint64_t)1 << j;
		if (ends_word(buf, len, w))
			f->mention_end |= (uint64_t)1 << j;
	}
}

/*
 * Loads one source, decides from its bytes whether any rule needs it, and parses it if so.
 * Runs on a worker: it touches only f, its state and the worker's own arena and parser.
 * Files no rule selects and no rule mentions are dropped once scanned.
 */
static void prepare_file(struct worker *wk, struct lint_file *f, struct file_state *st)
{
	struct pipeline *p = wk->p;
	struct lint_run *run = p->run;
	const char *obuf;
	size_t olen;
	bool o = find_overlay(run, f->src.abspath, &obuf, &olen);
	char *disp = lint_display_path(run->cwd, f->src.abspath);
	const char *abs = f->src.abspath, *buf, *msg = NULL;
	enum lint_load_status ls;
	struct kw_hits hits, path_hits;
	char *lower, *c;
	size_t len, i;
	bool parse, proxy;

	f->arena = &wk->arena;
	if (o) {
		ls = load_file(run, &wk->arena, &f->src, disp, abs, &msg);
		buf = f->src.buf;
		len = f->src.len;
	} else {
		ls = lint_read_file(&wk->arena, disp, abs, run->max_file_size, &wk->buf, &wk->cap,
				    &len, &msg);
		buf = wk->buf;
	}
	if (ls != LOAD_OK) {
		f->src.path = tail_path(&wk->arena, abs, disp);
		st->skip = msg;
		st->incomplete = ls == LOAD_ERROR;
		goto out;
	}
	st->loaded = true;
	kwset_scan_code(p->kw, buf, len, &hits);
	for (i = 0; i < KW_WORDS; i++)
		if (hits.w[i])
			__atomic_fetch_or(&wk->job->seen.w[i], hits.w[i], __ATOMIC_RELAXED);
	/* paths in lower case: route_words name path segments in their lower-case spellings */
	lower = xstrdup(f->relpath);
	for (c = lower; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	kwset_scan(p->kw, lower, strlen(lower), &path_hits);
	free(lower);
	f->scan_use_client = leading_use_client(buf, len);
	if (wk->job->deps)
		read_deps(wk, f, buf, len);
	parse = select_rules(p, f, &hits, &path_hits, f->scan_use_client);
	if (parse && wk->job->focus && !f->named &&
	    !focus_neighbour(wk->job, f, buf, len)) {
		/* nothing a local rule finds here is reported, and no named file depends on it */
		parse = false;
		for (i = 0; i < lint_nrules; i++) {
			if (lint_rules[i]->local)
				f->want[i / 64] &= ~((uint64_t)1 << (i % 64));
			else if (wants(f, i))
				parse = true;
		}
	}
	if (kw_any(&hits, &p->mentioned))
		note_mentions(p, f, &hits, buf, len);
	/* the proxy model reads every file named like a proxy, where Next loads it or not */
	f->keep_bytes = lint_next_proxy_place(f->relpath, &proxy) >= 0;
	if (!parse && !(f->roles & TEXT_ROLES) && !f->keep_bytes) {
		/* nothing will parse it: keep the path only (it is read again if asked for) */
		f->src.path = tail_path(&wk->arena, abs, disp);
		f->reread = true;
		goto out;
	}
	if (parse && is_leaf(f)) {
		/*
		 * parsed by check_leaves(), which reads it again then (parse_leaf()): holding the
		 * bytes of every leaf from here to its batch would grow with the app
		 */
		f->leaf = true;
		if (!o) {
			keep_source(&wk->arena, f, disp, NULL, 0);
			f->reread = true;
		}
		goto out;
	}
	if (!o)
		keep_source(&wk->arena, f, disp, buf, len);
	if (parse)
		parse_file(wk, f, st, false);
out:
	free(disp);
}

static void *worker_main(void *arg)
{
	struct worker *wk = arg;
	struct app_job *job = wk->job;
	struct lint_app *app = job->app;

	for (;;) {
		size_t i = __atomic_fetch_add(&job->next, 1, __ATOMIC_RELAXED);

		if (i >= app->nfiles)
			break;
		prepare_file(wk, app->files[i], &job->states[i]);
	}
	return NULL;
}

/*
 * Runs a phase of job (fn takes its files or slots one at a time) on its own workers, and on
 * any app thread that has no app left to start (struct pipeline's help): those join while
 * work is left, and the phase ends when they are out of it. Which thread did what never
 * shows: every item's result is its own.
 */
static void run_phase(struct app_job *job, unsigned n, void *(*fn)(void *))
{
	struct help *h = &job->p->help;
	bool offered = false;
	unsigned t;

	for (t = 0; t < n; t++)
		job->workers[t].job = job;
	if (n > 1) {
		/* several workers are the run's own (lint_run_paths()): its pool runs them */
		run_pool(job->p, n, fn);
		return;
	}
	if (h->on) {
		/* open for the whole phase: a thread that runs out of apps meanwhile joins too */
		pthread_mutex_lock(&h->lock);
		h->offer = job;
		h->fn = fn;
		h->gen++;
		offered = true;
		if (h->idle)
			pthread_cond_broadcast(&h->wake);
		pthread_mutex_unlock(&h->lock);
	}
	fn(&job->workers[0]);
	if (!offered)
		return;
	pthread_mutex_lock(&h->lock);
	if (h->offer == job)
		h->offer = NULL;
	while (job->helpers)
		pthread_cond_wait(&h->done, &h->lock);
	pthread_mutex_unlock(&h->lock);
}

/* An app thread with no app left: helps the others' phases until every app is done. */
static void help_others(struct worker *wk)
{
	struct help *h = &wk->p->help;
	unsigned seen;

	pthread_mutex_lock(&h->lock);
	/* atomic too: check_leaves() reads it without the lock, to size its batches */
	__atomic_add_fetch(&h->idle, 1, __ATOMIC_RELAXED);
	seen = h->offer ? h->gen - 1 : h->gen;	/* a phase open now is joined at once */
	for (;;) {
		struct app_job *job;
		void *(*fn)(void *);

		while (h->apps_left && (!h->offer || h->gen == seen))
			pthread_cond_wait(&h->wake, &h->lock);
		if (!h->apps_left)
			break;
		seen = h->gen;
		job = h->offer;
		fn = h->fn;
		job->helpers++;
		pthread_mutex_unlock(&h->lock);
		/*
		 * what it allocates for the job's files (kept bytes, models, notes) stays in its
		 * own arena until the run ends: the job may need it to its end
		 */
		wk->job = job;
		fn(wk);
		pthread_mutex_lock(&h->lock);
		if (--job->helpers == 0)
			pthread_cond_broadcast(&h->done);
	}
	__atomic_sub_fetch(&h->idle, 1, __ATOMIC_RELAXED);
	pthread_mutex_unlock(&h->lock);
}

/* Below this many files per extra thread, starting one costs more than it saves. */
#define FILES_PER_THREAD 8

/*
 * When every path the user named is a file, only findings in those files are reported:
 * marks this app's named files and keeps what tells their neighbours apart (focus).
 */
static void focus_prepare(struct app_job *job)
{
	struct lint_run *run = job->p->run;
	struct lint_app *app = job->app;
	size_t i, j;

	job->focus = false;
	job->ntargets = 0;
	if (!run->ntargets)
		return;
	for (i = 0; i < run->ntargets; i++)
		if (run->targets[i].is_dir)
			return;
	job->targets = ARENA_ARRAY(&job->meta, struct focus_file, run->ntargets);
	for (i = 0; i < app->nfiles; i++) {
		struct lint_file *f = app->files[i];
		struct focus_file *t;
		const char *buf, *stem, *msg;
		char *rbuf = NULL;
		size_t len, cap = 0, n;

		for (j = 0; j < run->ntargets; j++)
			if (!strcmp(run->targets[j].abs, f->src.abspath))
				break;
		if (j == run->ntargets)
			continue;
		f->named = true;
		t = &job->targets[job->ntargets++];
		if (find_overlay(run, f->src.abspath, &buf, &len)) {
			t->buf = buf;
			t->len = len;
		} else if (lint_read_file(&job->meta, f->src.abspath, f->src.abspath,
					  run->max_file_size, &rbuf, &cap, &len, &msg) == LOAD_OK) {
			t->buf = arena_strndup(&job->meta, rbuf, len);
			t->len = len;
		} else {
			/* what it imports is unknown: every file may be its neighbour */
			free(rbuf);
			return;
		}
		free(rbuf);
		/* pages, routes, configs and the like are not imported by other files */
		stem = lint_react_import_stem(f->relpath, &n);
		if (!f->roles)
			t->stem = arena_strndup(&job->meta, stem, n);
	}
	job->focus = job->ntargets > 0;
}

static void load_and_parse(struct app_job *job)
{
	struct lint_run *run = job->p->run;
	struct lint_app *app = job->app;
	unsigned n = job->nworkers;
	size_t i;

	if (!app->nfiles)
		return;
	if (n > 1 && app->nfiles / FILES_PER_THREAD < n)
		n = (unsigned)(app->nfiles / FILES_PER_THREAD) ? (unsigned)(app->nfiles / FILES_PER_THREAD) : 1;
	focus_prepare(job);
	/*
	 * Import lists only where a rule that reads them applies (the framework is known from
	 * the walk); the scan's workers resolve imports, so the lookup index is made here.
	 */
	job->deps = false;
	for (i = 0; i < lint_nrules; i++)
		job->deps |= lint_rules[i]->server_graph && run->sev[i] != SEV_OFF &&
			     fits_framework(lint_rules[i], app);
	if (job->deps)
		lint_react_index_files(app, &job->meta);
	job->next = 0;
	job->states = xcalloc(app->nfiles, sizeof(*job->states));
	run_phase(job, n, worker_main);

	/* notes and counts in walk order, whatever thread did the work */
	for (i = 0; i < app->nfiles; i++) {
		struct lint_file *f = app->files[i];
		const struct file_state *st = &job->states[i];

		if (st->loaded)
			__atomic_fetch_add(&run->nfiles, 1, __ATOMIC_RELAXED);
		if (st->skip)
			lint_skip(run, f->src.path, st->skip, st->incomplete);
		if (f->parsed && (f->roles & ROLE_AUTH_CONFIG) &&
		    (!app->auth_config || ends_with(f->relpath, ".ts")))
			app->auth_config = f;
	}
	free(job->states);
	job->states = NULL;
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

		st = load_file(run, a, &e->src, disp, e->src.abspath, &msg);
		free(disp);
		if (st != LOAD_OK) {
			lint_skip(run, e->src.path, msg, st == LOAD_ERROR);
			e->src.buf = "";
			e->src.len = 0;
			continue;
		}
		__atomic_fetch_add(&run->nfiles, 1, __ATOMIC_RELAXED);
		dotenv_parse(a, e->src.buf, e->src.len, &e->env);
		e->src.env = &e->env;
		lint_suppress_scan_env(run, a, e);
		for (j = 0; j < e->env.nentries; j++) {
			const struct dotenv_entry *d = &e->env.entries[j];

			if (starts_with(d->key, "WORKOS_") || strstr(d->key, "_WORKOS_"))
				app->uses |= USES_WORKOS;
			/* every secret-looking value is registered before any output is made */
			if ((lint_secret_key(d->key) || starts_with(d->value, "sk_")) &&
			    !lint_secret_stand_in(d->value))
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

			if ((lint_secret_key(d->key) || starts_with(d->expanded, "sk_")) &&
			    !lint_secret_stand_in(d->expanded))
				lint_secret(run, d->expanded, strlen(d->expanded));
		}
}

static bool rule_applies(const struct lint_rule *r, const struct lint_app *app)
{
	return fits_framework(r, app) &&
	       !((r->applies & APPLIES_WORKOS) && !(app->uses & USES_WORKOS));
}

bool lint_rule_wants(const struct lint_ctx *ctx, const struct lint_file *f)
{
	size_t i;

	for (i = 0; i < lint_nrules; i++)
		if (lint_rules[i] == ctx->rule)
			return wants(f, i);
	return false;
}

bool lint_rule_enabled(const struct lint_ctx *ctx, const char *id)
{
	size_t i;

	for (i = 0; i < lint_nrules; i++)
		if (!strcmp(lint_rules[i]->id, id))
			return ctx->run->sev[i] != SEV_OFF && rule_applies(lint_rules[i], ctx->app);
	return false;
}

/*
 * Finds an app's files and reads its package.json and convex.json, before any app is
 * linted: the sizes tell the app pool which to start first.
 */
static void walk_app(struct app_job *job)
{
	struct walk w = { 0 };

	w.p = job->p;
	w.app = job->app;
	w.arena = &job->meta;
	job->app->loader = job;
	lint_skip_order(job->order, &job->nskips);
	read_app_meta(job->p, job->app, &w);
	walk_dir(&w, job->app->absroot, "", 0);
	add_unsaved(&w);
}

/* One leaf of the batch check_leaves() works on. */
struct leaf_slot {
	struct lint_file *f;
	struct arena scratch;		/* its model while it is checked */
	struct file_state st;
	bool release;			/* parsed for the batch: released after its checks */
	/*
	 * Its tree when parsed in part, put aside until its own checks: a check of another
	 * leaf that reaches this file meanwhile finds it unparsed and parses it whole.
	 */
	TSTree *sliced;
};

/* Parses leaf slot i, unless a check already parsed it (that tree stays). */
static void parse_leaf(struct worker *wk, struct leaf_slot *sl)
{
	struct lint_file *f = sl->f;

	sl->release = !f->parsed;
	if (!sl->release)
		return;
	if (!f->src.buf && f->reread) {
		struct lint_run *run = wk->p->run;
		const char *msg = NULL;
		char *buf = NULL;
		size_t cap = 0, len;

		/* the scan passed its size and binary tests: a failure now is a change since */
		if (lint_read_file(&wk->arena, f->src.path, f->src.abspath, run->max_file_size, &buf,
				   &cap, &len, &msg) != LOAD_OK) {
			free(buf);
			sl->st.skip = msg;
			sl->st.incomplete = true;
			return;
		}
		f->own_bytes = buf;
		f->src.buf = buf;
		f->src.len = len;
		f->src.lines = NULL;
		f->src.nlines = 0;
	}
	/*
	 * its model and what the source makes lazily (its line index) go to the slot's own
	 * arena: one thread at a time allocates there, and check_leaf() lets it go
	 */
	f->arena = &sl->scratch;
	f->src.arena = &sl->scratch;
	parse_file(wk, f, &sl->st, true);
	if (f->parsed && f->sliced) {
		sl->sliced = f->tree;
		f->tree = NULL;
		f->parsed = false;
	}
}

static void *leaf_worker(void *arg)
{
	struct worker *wk = arg;
	struct app_job *job = wk->job;

	for (;;) {
		size_t i = __atomic_fetch_add(&job->next, 1, __ATOMIC_RELAXED);

		if (i >= job->nslots)
			break;
		parse_leaf(wk, &job->slots[i]);
	}
	return NULL;
}

/* The per-file checks of leaf sl (parsed), then its release. */
static void check_leaf(struct app_job *job, struct leaf_slot *sl, struct arena *keep)
{
	struct lint_run *run = job->p->run;
	struct lint_app *app = job->app;
	struct lint_file *f = sl->f;
	size_t i;

	if (sl->st.skip)
		lint_skip(run, f->src.path, sl->st.skip, sl->st.incomplete);
	if (sl->sliced && f->parsed) {
		ts_tree_delete(sl->sliced);	/* a check parsed it whole meanwhile */
		f->tried_parse = false;		/* as parse_leaf() would have left it */
	} else if (sl->sliced) {
		f->tree = sl->sliced;
		f->parsed = true;
		f->sliced = true;
	}
	sl->sliced = NULL;
	for (i = 0; f->parsed && i < lint_nrules; i++) {
		const struct lint_rule *r = lint_rules[i];
		struct lint_ctx ctx = { run, r, app, &job->findings };

		if (r->last || !r->check_file || run->sev[i] == SEV_OFF ||
		    !rule_applies(r, app) || !(r->every_file || wants(f, i)))
			continue;
		r->check_file(&ctx, f);
	}
	if (sl->release && f->parsed) {
		/*
		 * its value imports of the app's own files outlive the tree: the module graph
		 * follows them (app_reparses); anything else means parsing it again
		 * (lint_file_parse(), whose model rebuilds the whole list)
		 */
		struct lint_import *imp = NULL;
		size_t n = 0;

		/* they stay as long as the app: as few bytes as can be */
		for (i = 0; i < f->nimports; i++)
			n += !f->imports[i].type_only && lint_react_local_module(f->imports[i].module);
		if (n)
			imp = ARENA_ARRAY(keep, struct lint_import, n);
		n = 0;
		for (i = 0; i < f->nimports; i++) {
			const struct lint_import *x = &f->imports[i];

			if (x->type_only || !lint_react_local_module(x->module))
				continue;
			imp[n] = *x;
			imp[n].local = arena_strdup(keep, x->local);
			imp[n].module = n && !strcmp(x->module, imp[n - 1].module) ? imp[n - 1].module :
					arena_strdup(keep, x->module);
			imp[n].imported = !strcmp(x->imported, x->local) ? imp[n].local :
					  arena_strdup(keep, x->imported);
			n++;
		}
		f->imports = imp;
		f->nimports = n;
		ts_tree_delete(f->tree);
		f->tree = NULL;
		f->parsed = false;
		f->sliced = false;
		f->react = NULL;
	}
	if (sl->release) {
		f->arena = keep;
		if (f->src.arena == &sl->scratch) {
			/* a file that keeps its bytes makes its line index again if asked */
			f->src.lines = NULL;
			f->src.nlines = 0;
			f->src.arena = keep;
		}
		arena_release(&sl->scratch);
	}
	/*
	 * its bytes too: what rules look for later was noted by the byte scan; a file with
	 * cwlint-ignore comments keeps them, for the suppression rules' positions at the end,
	 * and so does a file the proxy model reads (keep_bytes)
	 */
	if (sl->release && !f->parsed && f->own_bytes && !f->src.nsupps && !f->keep_bytes) {
		free(f->own_bytes);
		f->own_bytes = NULL;
		f->src.buf = NULL;
		f->src.len = 0;
		f->src.lines = NULL;
		f->src.nlines = 0;
		f->reread = true;
	}
}

/*
 * Clears f's selection by rules whose app_words this app's source lacks (they cannot fire
 * here); true when some rule still wants f.
 */
static bool drop_unneeded(const struct app_job *job, struct lint_file *f)
{
	const struct pipeline *p = job->p;
	bool any = false;
	size_t i;

	for (i = 0; i < lint_nrules; i++) {
		if (!wants(f, i))
			continue;
		if (p->gates[i].has_app && !kw_any(&job->seen, &p->gates[i].app))
			f->want[i / 64] &= ~((uint64_t)1 << (i % 64));
		else
			any = true;
	}
	return any;
}

/* Leaves parsed side by side per batch (--jobs), at most this many per thread. */
#define LEAVES_PER_THREAD 8

/*
 * The leaves of the app (struct lint_file's leaf), before its other rules, in batches: the
 * workers parse a batch, then this thread runs each one's per-file checks (the rules that
 * selected it and every_file rules) and releases its tree and model (the imports are kept).
 * A check that needs another file parses it itself; the workers are idle by then. So at
 * most a batch of leaf trees is alive at once, and the output is the same for any --jobs.
 */
static void check_leaves(struct app_job *job)
{
	struct lint_app *app = job->app;
	struct leaf_slot *slots;
	size_t *idx, n = 0, b, i, batch;
	unsigned nw = job->nworkers;

	idx = xcalloc(app->nfiles + 1, sizeof(*idx));
	for (i = 0; i < app->nfiles; i++) {
		struct lint_file *f = app->files[i];

		if (!f->leaf || f->leaf_done)
			continue;
		if (!drop_unneeded(job, f)) {
			f->leaf_done = true;	/* no rule can fire in it: not parsed */
			continue;
		}
		idx[n++] = i;
	}
	/* one at a time alone; batches when other threads parse too (or may come to help) */
	slots = xcalloc((size_t)(nw > 2 ? nw : 2) * LEAVES_PER_THREAD, sizeof(*slots));
	for (b = 0; b < n; b += batch) {
		size_t e;

		batch = nw > 1 ? (size_t)nw * LEAVES_PER_THREAD :
			__atomic_load_n(&job->p->help.idle, __ATOMIC_RELAXED) ? 2 * LEAVES_PER_THREAD : 1;
		e = b + batch < n ? b + batch : n;

		for (i = b; i < e; i++) {
			memset(&slots[i - b], 0, sizeof(slots[i - b]));
			slots[i - b].f = app->files[idx[i]];
			slots[i - b].f->leaf_done = true;
		}
		job->slots = slots;
		job->nslots = e - b;
		job->next = 0;
		run_phase(job, nw < e - b ? nw : (unsigned)(e - b), leaf_worker);
		for (i = b; i < e; i++) {
			struct lint_file *f = slots[i - b].f;

			/* f->arena is the scratch one while it is checked; its own again after */
			check_leaf(job, &slots[i - b], slots[i - b].release ? &job->workers[0].arena : f->arena);
		}
	}
	job->slots = NULL;
	job->nslots = 0;
	free(slots);
	free(idx);
}

static void lint_app(struct app_job *job)
{
	struct pipeline *p = job->p;
	struct lint_app *app = job->app;
	struct lint_run *run = p->run;
	struct arena *a = &job->meta;
	size_t i, j, k;

	app->arena = a;
	load_envs(p, app, a);
	load_and_parse(job);
	if (app->auth_config && app->auth_config->parsed) {
		app->auth_eval = ARENA_NEW(a, struct lint_eval);
		lint_eval_auth_config(a, &app->auth_config->src, app->auth_config->tree,
				      app->auth_eval);
		/* a config that talks to WorkOS makes the app a WorkOS app */
		if (strstr(app->auth_config->src.buf, "workos.com") ||
		    strstr(app->auth_config->src.buf, "WORKOS_"))
			app->uses |= USES_WORKOS;
	}
	/* the leaves first: then only the trees the app-level rules need are alive */
	check_leaves(job);
	/* two passes: rules marked `last` look at what the others reported */
	for (k = 0; k < 2 * lint_nrules; k++) {
		const struct lint_rule *r = lint_rules[k % lint_nrules];
		struct lint_ctx ctx = { run, r, app, &job->findings };

		i = k % lint_nrules;
		if (r->last != (k >= lint_nrules))
			continue;
		if (run->sev[i] == SEV_OFF || !rule_applies(r, app))
			continue;
		if (r->check_file)
			for (j = 0; j < app->nfiles; j++)
				if (app->files[j]->parsed && !app->files[j]->leaf &&
				    (r->every_file || wants(app->files[j], i)))
					r->check_file(&ctx, app->files[j]);
		if (r->check_app)
			r->check_app(&ctx, app);
	}
	lint_next_release(app->next);
	for (i = 0; i < app->nfiles; i++) {
		if (app->files[i]->tree)
			ts_tree_delete(app->files[i]->tree);
		free(app->files[i]->own_bytes);
		app->files[i]->own_bytes = NULL;
	}
	json_decref(app->package_json.json);
	json_decref(app->convex_json.json);
	app->pkg = NULL;
	app->arena = NULL;
	arena_release(a);
	for (i = 0; i < job->nworkers; i++)
		arena_release(&job->workers[i].arena);
	job->meta = (struct arena)ARENA_INIT;
}

/* Index of word in the growing list words[0..*n), adding it when new. */
static unsigned word_index(const char **words, size_t *n, const char *word)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (!strcmp(words[i], word))
			return (unsigned)i;
	if (*n == KW_MAX)
		BUG("more than %d distinct trigger words", KW_MAX);
	words[*n] = word;
	return (unsigned)(*n)++;
}

/* Registers word (index k in the pipeline's word set) as a mention, once. */
static void add_mention(struct pipeline *p, const char *word, unsigned k)
{
	if (kw_has(&p->mentioned, k))
		return;
	/* the rules' mentions are constant data: test_registry keeps them under the bound */
	if (p->nmentions == ARRAY_SIZE(p->mention_words))
		BUG("more than %zu distinct mention words", ARRAY_SIZE(p->mention_words));
	kw_set(&p->mentioned, k);
	p->mention_words[p->nmentions] = word;
	p->mention_kw[p->nmentions++] = k;
}

/* Every enabled rule's byte test, as one word set scanned once per file. */
static void build_gates(struct pipeline *p)
{
	const char *words[KW_MAX];
	size_t n = 0, i;

	p->gates = xcalloc(lint_nrules, sizeof(*p->gates));
	for (i = 0; i < lint_nrules; i++) {
		const struct lint_rule *r = lint_rules[i];
		struct rule_gate *g = &p->gates[i];
		const char *const *t;

		if (p->run->sev[i] == SEV_OFF)
			continue;
		g->on = true;
		g->roles = r->roles;
		for (t = r->triggers; t && *t; t++)
			kw_set(&g->trig, word_index(words, &n, *t));
		for (t = r->also; t && *t; t++) {
			kw_set(&g->also, word_index(words, &n, *t));
			g->has_also = true;
		}
		for (t = r->mentions; t && *t; t++)
			add_mention(p, *t, word_index(words, &n, *t));
		for (t = r->route_words; t && *t; t++) {
			kw_set(&g->route, word_index(words, &n, *t));
			g->has_route = true;
		}
		for (t = r->app_words; t && *t; t++) {
			kw_set(&g->app, word_index(words, &n, *t));
			g->has_app = true;
		}
	}
	p->kw = kwset_new(words, n);
}

/* qsort has no context argument: the jobs being scheduled (main thread only) */
static const struct app_job *sched_jobs;

static int sched_cmp(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	size_t na = sched_jobs[a].app->est_sources, nb = sched_jobs[b].app->est_sources;

	if (na != nb)
		return na > nb ? -1 : 1;
	return a < b ? -1 : a > b;
}

static void run_job(struct app_job *job)
{
	lint_skip_order(job->order, &job->nskips);
	lint_app(job);
}

/* A thread of the app pool: takes whole apps until none is left. */
static void *app_thread(void *arg)
{
	struct worker *wk = arg;
	struct pipeline *p = wk->p;

	for (;;) {
		size_t i = __atomic_fetch_add(&p->next_app, 1, __ATOMIC_RELAXED);
		struct app_job *job;

		if (i >= p->apps.n)
			break;
		job = &p->jobs[p->sched[i]];
		job->workers = wk;
		job->nworkers = 1;
		/* its file list now: only the apps in flight hold one */
		walk_app(job);
		run_job(job);
		pthread_mutex_lock(&p->help.lock);
		if (--p->help.apps_left == 0)
			pthread_cond_broadcast(&p->help.wake);
		pthread_mutex_unlock(&p->help.lock);
	}
	help_others(wk);
	return NULL;
}

/*
 * The pool: workers 1..n-1 are threads made once per run, each waiting for the next phase
 * (a function every worker runs, the calling thread as worker 0). A thread made for each
 * phase costs more than its making: it starts on its maker's CPU, which waits until the
 * scheduler moves one of them, some milliseconds on a small machine; a waiting thread that
 * is woken goes to a free CPU at once.
 */
static void *pool_thread(void *arg)
{
	struct worker *wk = arg;
	struct pool *pl = &wk->p->pool;
	unsigned t = (unsigned)(wk - wk->p->workers), seen = 0;

	pthread_mutex_lock(&pl->lock);
	for (;;) {
		void *(*fn)(void *);

		while (!pl->quit && pl->gen == seen)
			pthread_cond_wait(&pl->go, &pl->lock);
		if (pl->quit)
			break;
		seen = pl->gen;
		if (t >= pl->want)
			continue;
		fn = pl->fn;
		pthread_mutex_unlock(&pl->lock);
		fn(wk);
		pthread_mutex_lock(&pl->lock);
		if (--pl->busy == 0)
			pthread_cond_signal(&pl->done);
	}
	pthread_mutex_unlock(&pl->lock);
	return NULL;
}

/*
 * Makes the pool's threads, once. Early is best: each goes to sleep at once, so its
 * maker keeps its CPU, and is woken where a CPU is free when the first phase comes.
 */
static void start_pool(struct pipeline *p)
{
	struct pool *pl = &p->pool;

	if (pl->made || p->nworkers < 2)
		return;
	pl->made = true;
	pthread_mutex_init(&pl->lock, NULL);
	pthread_cond_init(&pl->go, NULL);
	pthread_cond_init(&pl->done, NULL);
	/* none started: every phase runs on the calling thread; fewer: the same results */
	while (pl->threads + 1 < p->nworkers &&
	       !pthread_create(&p->workers[pl->threads + 1].tid, NULL, pool_thread,
			       &p->workers[pl->threads + 1]))
		pl->threads++;
}

/*
 * Runs fn on n workers (the calling thread is worker 0); fewer if threads cannot start.
 * Only the thread that called lint_run_paths() runs phases: an app thread of several apps
 * linted side by side has one worker of its own and starts none.
 */
static void run_pool(struct pipeline *p, unsigned n, void *(*fn)(void *))
{
	struct pool *pl = &p->pool;

	if (n > p->nworkers)
		n = p->nworkers;
	if (n > 1)
		start_pool(p);
	if (n > pl->threads + 1)
		n = pl->threads + 1;
	if (n <= 1) {
		fn(&p->workers[0]);
		return;
	}
	pthread_mutex_lock(&pl->lock);
	pl->fn = fn;
	pl->want = n;
	pl->busy = n - 1;
	pl->gen++;
	pthread_cond_broadcast(&pl->go);
	pthread_mutex_unlock(&pl->lock);
	fn(&p->workers[0]);
	pthread_mutex_lock(&pl->lock);
	while (pl->busy)
		pthread_cond_wait(&pl->done, &pl->lock);
	pthread_mutex_unlock(&pl->lock);
}

static void stop_pool(struct pipeline *p)
{
	struct pool *pl = &p->pool;
	unsigned t;

	if (!pl->made)
		return;
	pthread_mutex_lock(&pl->lock);
	pl->quit = true;
	pthread_cond_broadcast(&pl->go);
	pthread_mutex_unlock(&pl->lock);
	for (t = 1; t <= pl->threads; t++)
		pthread_join(p->workers[t].tid, NULL);
	pthread_mutex_destroy(&pl->lock);
	pthread_cond_destroy(&pl->go);
	pthread_cond_destroy(&pl->done);
	pl->threads = 0;
	pl->made = false;
}

int lint_run_paths(struct lint_run *run)
{
	struct pipeline p = { 0 };
	struct app_job *jobs;
	size_t i;

	p.run = run;
	p.nworkers = run->jobs ? run->jobs : 1;
	p.workers = xcalloc(p.nworkers, sizeof(*p.workers));
	for (i = 0; i < p.nworkers; i++)
		p.workers[i].p = &p;
	start_pool(&p);
	build_gates(&p);
	for (i = 0; i < p.nworkers; i++)
		p.workers[i].parser = ts_parser_new();
	find_apps(&p);
	jobs = xcalloc(p.apps.n ? p.apps.n : 1, sizeof(*jobs));
	for (i = 0; i < p.apps.n; i++) {
		jobs[i].p = &p;
		jobs[i].app = p.apps.apps[i];
		jobs[i].order = i;
	}
	if (p.apps.n > 1 && p.nworkers > 1) {
		/*
		 * Several apps: each thread lints whole apps, one worker each. Findings are
		 * sorted and skip notes ordered by app afterwards, so timing never shows.
		 */
		unsigned n = p.nworkers < p.apps.n ? p.nworkers : (unsigned)p.apps.n;

		p.jobs = jobs;
		/*
		 * largest first (find_apps() counted their sources), so no thread starts a big
		 * app while the others run out of work
		 */
		p.sched = xcalloc(p.apps.n, sizeof(*p.sched));
		for (i = 0; i < p.apps.n; i++)
			p.sched[i] = i;
		sched_jobs = jobs;
		qsort(p.sched, p.apps.n, sizeof(*p.sched), sched_cmp);
		p.help.on = true;
		p.help.apps_left = p.apps.n;
		pthread_mutex_init(&p.help.lock, NULL);
		pthread_cond_init(&p.help.wake, NULL);
		pthread_cond_init(&p.help.done, NULL);
		run_pool(&p, n, app_thread);
		pthread_mutex_destroy(&p.help.lock);
		pthread_cond_destroy(&p.help.wake);
		pthread_cond_destroy(&p.help.done);
		free(p.sched);
	} else {
		for (i = 0; i < p.apps.n; i++) {
			walk_app(&jobs[i]);
			jobs[i].workers = p.workers;
			jobs[i].nworkers = p.nworkers;
			run_job(&jobs[i]);
		}
	}
	for (i = 0; i < p.apps.n; i++) {
		free((char *)p.apps.apps[i]->absroot);
		free((char *)p.apps.apps[i]->root);
		free(p.apps.apps[i]);
	}
	free(p.apps.apps);
	lint_skip_order(0, NULL);	/* the jobs' counters go away with them */
	/* the findings point into the jobs' arenas: they live as long as the run (all passes) */
	for (i = 0; i < p.apps.n; i++) {
		LINT_GROW(run->keep, run->nkeep + 1, run->alloc_keep);
		run->keep[run->nkeep++] = jobs[i].findings;
	}
	free(jobs);
	stop_pool(&p);
	for (i = 0; i < p.nworkers; i++) {
		arena_release(&p.workers[i].arena);	/* what a helper kept for other apps */
		ts_parser_delete(p.workers[i].parser);
		free(p.workers[i].buf);
	}
	free(p.workers);
	free(p.gates);
	kwset_free(p.kw);
	return 0;
}

void lint_run_init(struct lint_run *run)
{
	memset(run, 0, sizeof(*run));
	pthread_mutex_init(&run->lock, NULL);
	run->fail_on = SEV_ERROR;
	run->max_warnings = -1;
	run->max_file_size = 8u << 20;
	run->max_nesting = 10000;
	/*
	 * Below this a leaf is parsed whole: the statements left out would save less than
	 * finding them costs. The test suite sets it to 0 to run every fixture through slicing
	 * (0 also slices where little is left out).
	 */
	run->slice_min = SLICE_MIN;
	{
		const char *e = getenv("CWLINT_TEST_SLICE_MIN");

		if (e && *e >= '0' && *e <= '9')
			run->slice_min = strtoul(e, NULL, 10);
	}
	run->jobs = 1;
	run->sev = xcalloc(lint_nrules, sizeof(*run->sev));
	for (size_t i = 0; i < lint_nrules; i++)
		run->sev[i] = lint_rules[i]->severity;
}

void lint_run_reset(struct lint_run *run)
{
	/* the arena keeps the config's strings: the old results stay in it until the end */
	run->ndiags = 0;
	run->nskips = 0;
	run->nsecrets = 0;
	run->nfiles = 0;
}

void lint_run_release(struct lint_run *run)
{
	size_t i;

	for (i = 0; i < run->nfixfiles; i++) {
		free(run->fixfiles[i].abspath);
		free(run->fixfiles[i].display);
		free(run->fixfiles[i].orig);
		free(run->fixfiles[i].buf);
	}
	free(run->fixfiles);

	for (i = 0; i < run->ntargets; i++)
		free(run->targets[i].abs);
	free(run->targets);
	for (i = 0; i < run->noverlays; i++)
		free(run->overlays[i].abs);
	free(run->overlays);
	for (i = 0; i < run->nkeep; i++)
		arena_release(&run->keep[i]);
	free(run->keep);
	free(run->outputs);
	free(run->diags);
	free(run->skips);
	free(run->secrets);
	free(run->sev);
	free((char *)run->cwd);
	arena_release(&run->arena);
	pthread_mutex_destroy(&run->lock);
}
