/*
 * config.c - the config file: cwlint.json or .cwlintrc.json (or a "cwlint" key in
 * package.json), found by walking up from the first PATH to the repository root.
 * Keys: rules, ignore, env, apps. Anything unknown is an error (exit 2) naming the
 * closest valid key or rule, so a typo never silently turns a rule off.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <jansson.h>

#include "core.h"

static const char *const top_keys[] = { "rules", "ignore", "env", "apps", NULL };
static const char *const env_scopes[] = { "development", "production", "test", NULL };

static bool file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool dir_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The line of the first `"key"` in the file, for messages about a key (1 if not found). */
static int key_line(const char *text, const char *key)
{
	char pat[256];
	const char *at;
	int line = 1;

	snprintf(pat, sizeof(pat), "\"%s\"", key);
	at = strstr(text, pat);
	if (!at)
		return 1;
	for (const char *p = text; p < at; p++)
		line += *p == '\n';
	return line;
}

static const char *closest(const char *word, const char *const *words)
{
	size_t best = (size_t)-1;
	const char *ret = NULL;

	for (; *words; words++) {
		size_t n = strlen(word), m = strlen(*words), d = 0, i;

		/* a cheap distance: differing positions plus the length gap */
		for (i = 0; i < n && i < m; i++)
			d += word[i] != (*words)[i];
		d += n > m ? n - m : m - n;
		/* an abbreviation ("prod") is as good as a typo */
		if (n >= 3 && (!strncmp(word, *words, n) || !strncmp(word, *words, m)))
			d = 1;
		if (d < best) {
			best = d;
			ret = *words;
		}
	}
	return best <= 3 ? ret : NULL;
}

static int bad(const char *path, int line, const char *what, const char *near)
{
	if (near)
		error("%s:%d: %s; did you mean '%s'?", path, line, what, near);
	else
		error("%s:%d: %s", path, line, what);
	return -1;
}

static int string_list(struct lint_run *run, json_t *v, const char *path, int line,
		       const char *what, char ***out, size_t *n)
{
	size_t i;

	if (!json_is_array(v))
		return bad(path, line, arena_printf(&run->arena, "'%s' must be an array of strings", what), NULL);
	*out = ARENA_ARRAY(&run->arena, char *, json_array_size(v) + 1);
	*n = 0;
	for (i = 0; i < json_array_size(v); i++) {
		json_t *s = json_array_get(v, i);

		if (!json_is_string(s) || !json_string_length(s))
			return bad(path, line, arena_printf(&run->arena, "'%s' must hold non-empty strings", what), NULL);
		(*out)[(*n)++] = arena_strdup(&run->arena, json_string_value(s));
	}
	return 0;
}

static int apply(struct lint_run *run, json_t *cfg, const char *path, const char *text)
{
	struct lint_config *c = &run->config;
	const char *key;
	json_t *v;

	if (!json_is_object(cfg))
		return bad(path, 1, "the configuration must be a JSON object", NULL);
	json_object_foreach(cfg, key, v) {
		int line = key_line(text, key);
		size_t i;

		if (!strcmp(key, "$schema"))
			continue;
		if (!strcmp(key, "rules")) {
			const char *id;
			json_t *lv;

			if (!json_is_object(v))
				return bad(path, line, "'rules' must map rule ids to off, info, warning or error", NULL);
			json_object_foreach(v, id, lv) {
				enum lint_severity sev;
				const struct lint_rule *r = lint_rule_find(id);

				line = key_line(text, id);
				if (!r)
					return bad(path, line, arena_printf(&run->arena, "unknown rule '%s'", id),
						   lint_rule_suggest(id));
				if (!json_is_string(lv) || lint_severity_parse(json_string_value(lv), &sev))
					return bad(path, line, arena_printf(&run->arena,
						   "rule '%s' takes \"off\", \"info\", \"warning\" or \"error\"", id), NULL);
				for (i = 0; i < lint_nrules; i++)
					if (lint_rules[i] == r)
						run->sev[i] = sev;
			}
		} else if (!strcmp(key, "ignore")) {
			if (string_list(run, v, path, line, "ignore", &c->ignore, &c->nignore))
				return -1;
		} else if (!strcmp(key, "apps")) {
			if (string_list(run, v, path, line, "apps", &c->apps, &c->napps))
				return -1;
		} else if (!strcmp(key, "env")) {
			const char *scope;
			json_t *globs;

			if (!json_is_object(v))
				return bad(path, line, "'env' must map development, production or test to file globs", NULL);
			json_object_foreach(v, scope, globs) {
				int k;

				for (k = 0; env_scopes[k]; k++)
					if (!strcmp(scope, env_scopes[k]))
						break;
				if (!env_scopes[k])
					return bad(path, key_line(text, scope),
						   arena_printf(&run->arena, "unknown env scope '%s'", scope),
						   closest(scope, env_scopes));
				if (string_list(run, globs, path, line, scope, &c->env[k], &c->nenv[k]))
					return -1;
			}
		} else {
			return bad(path, line, arena_printf(&run->arena, "unknown key '%s'", key),
				   closest(key, top_keys));
		}
	}
	return 0;
}

int lint_config_load(struct lint_run *run, const char *path, bool from_package_json)
{
	json_error_t err;
	json_t *doc, *cfg;
	struct lint_source src;
	const char *msg = NULL;
	char *abs = lint_abspath(run->cwd, path), *disp = lint_display_path(run->cwd, abs);
	int ret = -1;

	if (lint_source_load(&run->arena, &src, disp, abs, 1u << 20, &msg) != LOAD_OK) {
		error("%s", msg);
		goto out;
	}
	doc = json_loadb(src.buf, src.len, JSON_REJECT_DUPLICATES, &err);
	if (!doc) {
		error("%s:%d:%d: invalid JSON: %s", disp, err.line, err.column, err.text);
		goto out;
	}
	cfg = from_package_json ? json_object_get(doc, "cwlint") : doc;
	ret = apply(run, cfg, disp, src.buf);
	json_decref(doc);
	if (!ret) {
		char *slash;

		run->config.path = arena_strdup(&run->arena, disp);
		/* globs are relative to the folder that holds the config */
		slash = strrchr(abs, '/');
		run->config.dir = arena_strndup(&run->arena, abs, slash && slash != abs ?
						(size_t)(slash - abs) : 1);
	}
out:
	free(abs);
	free(disp);
	return ret;
}

/* Does package.json at path carry a "cwlint" key? */
static bool package_has_config(const char *path)
{
	json_t *doc = json_load_file(path, 0, NULL);
	bool ret = doc && json_is_object(json_object_get(doc, "cwlint"));

	json_decref(doc);
	return ret;
}

int lint_config_discover(struct lint_run *run, const char *start_dir)
{
	static const char *const names[] = { "cwlint.json", ".cwlintrc.json" };
	char *d = xstrdup(start_dir);
	int ret = 0;

	for (;;) {
		char buf[4096];
		char *slash;
		size_t i;

		for (i = 0; i < ARRAY_SIZE(names); i++) {
			snprintf(buf, sizeof(buf), "%s/%s", strcmp(d, "/") ? d : "", names[i]);
			if (file_exists(buf)) {
				ret = lint_config_load(run, buf, false);
				goto out;
			}
		}
		snprintf(buf, sizeof(buf), "%s/package.json", strcmp(d, "/") ? d : "");
		if (file_exists(buf) && package_has_config(buf)) {
			ret = lint_config_load(run, buf, true);
			goto out;
		}
		/* the repository root ends the search */
		snprintf(buf, sizeof(buf), "%s/.git", strcmp(d, "/") ? d : "");
		if (dir_exists(buf) || file_exists(buf) || !strcmp(d, "/"))
			goto out;
		slash = strrchr(d, '/');
		if (!slash)
			goto out;
		if (slash == d)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
out:
	free(d);
	return ret;
}

/* A path relative to the config's folder, or NULL when it lies outside it. */
static const char *config_relative(const struct lint_run *run, const char *abs)
{
	size_t n;

	if (!run->config.dir)
		return NULL;
	n = strlen(run->config.dir);
	if (!strcmp(run->config.dir, "/"))
		return abs + 1;
	if (strncmp(abs, run->config.dir, n) || abs[n] != '/')
		return NULL;
	return abs + n + 1;
}

bool lint_config_ignored(const struct lint_run *run, const char *abs)
{
	const char *rel = config_relative(run, abs);
	size_t i;

	if (!rel)
		return false;
	for (i = 0; i < run->config.nignore; i++)
		if (lint_glob_match(run->config.ignore[i], rel))
			return true;
	return false;
}

int lint_config_env_scope(const struct lint_run *run, const char *abs)
{
	const char *rel = config_relative(run, abs);
	size_t i;
	int k;

	if (!rel)
		return -1;
	for (k = 0; k < 3; k++)
		for (i = 0; i < run->config.nenv[k]; i++)
			if (lint_glob_match(run->config.env[k][i], rel))
				return k == 0 ? ENV_DEVELOPMENT : k == 1 ? ENV_PRODUCTION : ENV_TEST;
	return -1;
}
