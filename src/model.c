/* model.c - what rules ask about a file or an app: imports, directives, deps, env lookups. */
#include <string.h>
#include <jansson.h>

#include "core.h"
#include "project.h"

static void add_import(struct arena *a, struct lint_file *f, size_t *alloc, const char *local,
		       const char *module, const char *imported, TSNode at, bool type_only)
{
	struct lint_import *imp;

	if (f->nimports == *alloc) {
		size_t n = *alloc ? *alloc * 2 : 8;
		struct lint_import *arr = ARENA_ARRAY(a, struct lint_import, n);

		if (f->nimports)
			memcpy(arr, f->imports, f->nimports * sizeof(*arr));
		f->imports = arr;
		*alloc = n;
	}
	imp = &f->imports[f->nimports++];
	imp->local = local;
	imp->module = module;
	imp->imported = imported;
	imp->start = ts_node_start_byte(at);
	imp->end = ts_node_end_byte(at);
	imp->type_only = type_only;
}

/* import a, { b as c, type d }, * as e from "m" */
static void read_import(struct arena *a, struct lint_file *f, size_t *alloc, TSNode stmt)
{
	TSNode src = ts_field(stmt, "source"), clause;
	const struct lint_source *s = &f->src;
	const char *module = ts_string_value(a, s, src);
	bool stmt_type = false;
	struct ts_kids ks, kc;
	TSNode c, k;

	if (!module)
		return;
	for (ts_kids_init_all(&ks, stmt); ts_kids_next(&ks, &c);) {
		if (!ts_node_is_named(c) && ts_is(c, "type"))
			stmt_type = true;
		if (!ts_is(c, "import_clause"))
			continue;
		clause = c;
		for (ts_kids_init(&kc, clause); ts_kids_next(&kc, &k);) {
			if (ts_is(k, "identifier")) {
				add_import(a, f, alloc, ts_text(a, s, k), module, "default", k, stmt_type);
			} else if (ts_is(k, "namespace_import")) {
				TSNode id = ts_node_named_child(k, 0);

				if (ts_is(id, "identifier"))
					add_import(a, f, alloc, ts_text(a, s, id), module, "*", k, stmt_type);
			} else if (ts_is(k, "named_imports")) {
				struct ts_kids km;
				TSNode spec;

				for (ts_kids_init(&km, k); ts_kids_next(&km, &spec);) {
					TSNode name = ts_field(spec, "name"), alias = ts_field(spec, "alias");
					bool type_only = stmt_type;
					struct ts_kids kt;
					TSNode t;

					if (!ts_is(spec, "import_specifier") || ts_node_is_null(name))
						continue;
					for (ts_kids_init_all(&kt, spec); ts_kids_next(&kt, &t);)
						if (ts_is(t, "type"))
							type_only = true;
					add_import(a, f, alloc,
						   ts_text(a, s, ts_node_is_null(alias) ? name : alias), module,
						   ts_is(name, "string") ? ts_string_value(a, s, name)
									 : ts_text(a, s, name),
						   spec, type_only);
				}
			}
		}
	}
}

/* const { a, b: c } = require("m"); const m = require("m"); (CommonJS in .js files) */
static void read_require(struct arena *a, struct lint_file *f, size_t *alloc, TSNode decl)
{
	const struct lint_source *s = &f->src;
	struct ts_kids kd;
	TSNode d;

	for (ts_kids_init(&kd, decl); ts_kids_next(&kd, &d);) {
		TSNode name = ts_field(d, "name"), value = ts_unwrap(ts_field(d, "value"));
		TSNode args, p;
		const char *module;
		struct ts_kids kp;

		if (!ts_is(d, "variable_declarator") || !ts_is(value, "call_expression") ||
		    !ts_text_eq(s, ts_field(value, "function"), "require"))
			continue;
		args = ts_field(value, "arguments");
		module = ts_string_value(a, s, ts_node_named_child(args, 0));
		if (!module)
			continue;
		if (ts_is(name, "identifier")) {
			add_import(a, f, alloc, ts_text(a, s, name), module, "*", d, false);
			continue;
		}
		if (!ts_is(name, "object_pattern"))
			continue;
		for (ts_kids_init(&kp, name); ts_kids_next(&kp, &p);) {
			if (ts_is(p, "shorthand_property_identifier_pattern")) {
				char *t = ts_text(a, s, p);

				add_import(a, f, alloc, t, module, t, p, false);
			} else if (ts_is(p, "pair_pattern")) {
				TSNode k = ts_field(p, "key"), v = ts_field(p, "value");

				if (ts_is(v, "identifier"))
					add_import(a, f, alloc, ts_text(a, s, v), module, ts_text(a, s, k),
						   p, false);
			}
		}
	}
}

struct first_error {
	bool found;
	uint32_t start, end;
};

static bool find_error(TSNode n, void *ud)
{
	struct first_error *fe = ud;

	if (fe->found)
		return false;
	if (!ts_node_has_error(n))
		return false;
	if (ts_node_is_missing(n) || ts_is(n, "ERROR")) {
		fe->found = true;
		fe->start = ts_node_start_byte(n);
		fe->end = ts_node_end_byte(n);
		return false;
	}
	return true;
}

/*
 * A git merge conflict marker is the usual reason a file stops parsing; point at the marker
 * line itself rather than wherever tree-sitter's recovery starts.
 */
static void find_conflict_marker(struct lint_file *f)
{
	static const char *const marks[] = { "<<<<<<< ", "=======", ">>>>>>> ", "||||||| " };
	const struct lint_source *s = &f->src;
	uint32_t i, n;

	/* every marker has seven equal signs or angle brackets: most files have none of them */
	if (!memmem(s->buf, s->len, "<<<<<<<", 7) && !memmem(s->buf, s->len, "=======", 7) &&
	    !memmem(s->buf, s->len, ">>>>>>>", 7) && !memmem(s->buf, s->len, "|||||||", 7))
		return;
	n = lint_source_nlines(s);
	for (i = 0; i < n; i++) {
		size_t len, k;
		const char *line = lint_source_line(s, i + 1, &len);

		for (k = 0; k < ARRAY_SIZE(marks); k++) {
			size_t m = strlen(marks[k]);

			if (len < m || memcmp(line, marks[k], m))
				continue;
			/* "=======" must be the whole line; the others carry a label */
			if (k == 1 && len != m)
				continue;
			if (f->syntax_error && f->error_start < (uint32_t)(line - s->buf))
				return;
			f->syntax_error = true;
			f->conflict_marker = true;
			f->error_start = (uint32_t)(line - s->buf);
			f->error_end = f->error_start + (uint32_t)len;
			return;
		}
	}
}

void lint_model_file(struct arena *a, struct lint_file *f)
{
	TSNode root = ts_tree_root_node(f->tree);
	TSTreeCursor cur = ts_tree_cursor_new(root);
	bool prologue = true, more;
	size_t alloc = 0;

	/*
	 * from scratch: a released leaf parsed again still holds the imports kept from its
	 * first parse (a copy sized to fit), which add_import() must neither append to nor
	 * write past
	 */
	f->imports = NULL;
	f->nimports = 0;
	/*
	 * a cursor, not ts_node_named_child(root, i): that one walks the children from the
	 * first each time, and a run of 10,000 comments made the loop take seconds
	 */
	for (more = ts_tree_cursor_goto_first_child(&cur); more;
	     more = ts_tree_cursor_goto_next_sibling(&cur)) {
		TSNode c = ts_tree_cursor_current_node(&cur);
		const char *t = ts_node_type(c);

		if (!ts_node_is_named(c) || !strcmp(t, "comment") || !strcmp(t, "hash_bang_line"))
			continue;
		/* the directive prologue: string statements before anything else */
		if (prologue && !strcmp(t, "expression_statement") &&
		    ts_is(ts_node_named_child(c, 0), "string")) {
			char *v = ts_string_value(a, &f->src, ts_node_named_child(c, 0));
			TSNode str = ts_node_named_child(c, 0);

			/* a directive must be written as a plain literal: no escapes */
			if (v && ts_node_end_byte(str) - ts_node_start_byte(str) == strlen(v) + 2) {
				if (!strcmp(v, "use client"))
					f->use_client = true;
				else if (!strcmp(v, "use server"))
					f->use_server = true;
			}
			continue;
		}
		prologue = false;
		if (!strcmp(t, "import_statement"))
			read_import(a, f, &alloc, c);
		else if (!strcmp(t, "lexical_declaration") || !strcmp(t, "variable_declaration"))
			read_require(a, f, &alloc, c);
	}
	ts_tree_cursor_delete(&cur);
	if (ts_node_has_error(root)) {
		struct first_error fe = { false, 0, 0 };

		ts_walk(root, find_error, &fe);
		f->syntax_error = true;
		f->error_start = fe.found ? fe.start : 0;
		f->error_end = fe.found ? fe.end : 0;
	}
	find_conflict_marker(f);
}

const struct lint_import *lint_import_of(const struct lint_file *f, const char *local, size_t len)
{
	size_t i;

	for (i = 0; i < f->nimports; i++)
		if (strlen(f->imports[i].local) == len && !memcmp(f->imports[i].local, local, len))
			return &f->imports[i];
	return NULL;
}

bool lint_ident_imports(const struct lint_file *f, TSNode ident, const char *const *modules,
			const char *name)
{
	uint32_t b = ts_node_start_byte(ident), e = ts_node_end_byte(ident);
	const struct lint_import *imp;

	if (ts_node_is_null(ident) || e > f->src.len)
		return false;
	imp = lint_import_of(f, f->src.buf + b, e - b);
	if (!imp || imp->type_only || strcmp(imp->imported, name))
		return false;
	for (; *modules; modules++)
		if (!strcmp(imp->module, *modules))
			return true;
	return false;
}

const char *lint_app_dep(const struct lint_app *app, const char *name)
{
	static const char *const tables[] = {
		"dependencies", "devDependencies", "peerDependencies", "optionalDependencies",
	};
	size_t i;

	if (!app->pkg || !json_is_object((json_t *)app->pkg))
		return NULL;
	for (i = 0; i < ARRAY_SIZE(tables); i++) {
		json_t *t = json_object_get(app->pkg, tables[i]);
		json_t *v = json_is_object(t) ? json_object_get(t, name) : NULL;

		if (json_is_string(v))
			return json_string_value(v);
	}
	return NULL;
}

int lint_env_rank(const struct lint_envfile *e, enum lint_framework fw)
{
	bool generic = !strcmp(e->name, ".env") || !strcmp(e->name, ".env.local");

	/* Next.js: .env.<mode>.local, .env.local, .env.<mode>, .env; Vite: .env.local third */
	if (fw == FW_NEXT)
		return e->local ? (generic ? 1 : 0) : (generic ? 3 : 2);
	return (generic ? 2 : 0) + (e->local ? 0 : 1);
}

const struct dotenv_entry *lint_app_env(const struct lint_app *app, enum lint_env_scope scope,
					const char *key, const struct lint_envfile **where)
{
	const struct dotenv_entry *best = NULL;
	int best_rank = 99;
	size_t i;

	for (i = 0; i < app->nenvs; i++) {
		const struct lint_envfile *e = app->envs[i];
		const struct dotenv_entry *d;

		if (e->scope != scope || !e->at_root || lint_env_rank(e, app->fw) >= best_rank)
			continue;
		d = dotenv_get(&e->env, key);
		if (d) {
			best = d;
			best_rank = lint_env_rank(e, app->fw);
			if (where)
				*where = e;
		}
	}
	return best;
}

void lint_app_each_source(struct lint_ctx *ctx, struct lint_app *app,
			  void (*fn)(struct lint_ctx *ctx, const struct lint_source *src))
{
	size_t i;

	for (i = 0; i < app->nfiles; i++)
		if (app->files[i]->parsed || app->files[i]->leaf_done)
			fn(ctx, &app->files[i]->src);
	for (i = 0; i < app->nenvs; i++)
		fn(ctx, &app->envs[i]->src);
}

/* --- secrets written as literals --- */

/* A name as an env key would spell it: cookiePassword and cookie-password as COOKIE_PASSWORD. */
static void env_spelling(char *out, size_t size, const char *s)
{
	size_t n = 0;
	char prev = 0;

	for (; *s && n + 2 < size; prev = *s++) {
		char c = *s;

		if (c >= 'A' && c <= 'Z' && ((prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9')))
			out[n++] = '_';
		if (c >= 'a' && c <= 'z')
			out[n++] = (char)(c - 'a' + 'A');
		else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			out[n++] = c;
		else
			out[n++] = '_';
	}
	out[n] = '\0';
}

struct secret_scan {
	struct lint_run *run;
	struct arena *a;
	const struct lint_source *src;
};

/* Registers the string literal value when its name (key, variable, property) or shape says secret. */
static void literal_secret(struct secret_scan *ss, TSNode name, TSNode value)
{
	char key[128] = "";
	char *v;

	value = ts_unwrap(value);
	if (!ts_is(value, "string") && !ts_is(value, "template_string"))
		return;
	/* unnamed, only a key's shape counts: sk_..., prod:..., dev:..., preview:..., project:... */
	if (ts_node_is_null(name)) {
		uint32_t b = ts_node_start_byte(value) + 1;

		if (b >= ss->src->len || !ss->src->buf[b] || !strchr("spd", ss->src->buf[b]))
			return;
	}
	v = ts_string_value(ss->a, ss->src, value);
	if (!v || !*v || lint_env_placeholder(v) || lint_secret_stand_in(v))
		return;
	if (ts_is(name, "member_expression"))
		name = ts_field(name, "property");
	if (ts_is(name, "string")) {
		const char *k = ts_string_value(ss->a, ss->src, name);

		env_spelling(key, sizeof(key), k ? k : "");
	} else if (!ts_node_is_null(name) && ts_node_end_byte(name) - ts_node_start_byte(name) < 100) {
		env_spelling(key, sizeof(key), ts_text(ss->a, ss->src, name));
	}
	/* the names whose values env code frames mask too (lint_secret_key) */
	if (!lint_secret_key(key) && lint_env_secret_kind(key, v) == SECRET_NONE)
		return;
	lint_secret(ss->run, v, strlen(v));
	/* and as written, when escapes make the text differ from the value */
	if (ts_node_end_byte(value) - ts_node_start_byte(value) >= 2) {
		uint32_t b = ts_node_start_byte(value) + 1, e = ts_node_end_byte(value) - 1;

		if (e - b != strlen(v) || memcmp(ss->src->buf + b, v, e - b))
			lint_secret(ss->run, ss->src->buf + b, e - b);
	}
}

static bool secret_visit(TSNode n, void *ud)
{
	struct secret_scan *ss = ud;
	const char *t = ts_node_type(n);
	TSNode none = { 0 };

	if (!strcmp(t, "pair")) {
		literal_secret(ss, ts_field(n, "key"), ts_field(n, "value"));
	} else if (!strcmp(t, "variable_declarator")) {
		literal_secret(ss, ts_field(n, "name"), ts_field(n, "value"));
	} else if (!strcmp(t, "assignment_expression") || !strcmp(t, "assignment_pattern") ||
		   !strcmp(t, "object_assignment_pattern")) {
		literal_secret(ss, ts_field(n, "left"), ts_field(n, "right"));
	} else if (!strcmp(t, "binary_expression")) {
		/* process.env.WORKOS_COOKIE_PASSWORD ?? "fallback" */
		TSNode op = ts_field(n, "operator"), left = ts_field(n, "left");

		if ((ts_is(op, "||") || ts_is(op, "??")) &&
		    (ts_is(left, "member_expression") || ts_is(left, "identifier")))
			literal_secret(ss, left, ts_field(n, "right"));
	} else if (!strcmp(t, "jsx_attribute")) {
		literal_secret(ss, ts_node_named_child(n, 0), ts_node_named_child(n, 1));
	} else if (!strcmp(t, "string")) {
		literal_secret(ss, none, n);	/* by its shape alone */
		return false;
	}
	return true;
}

/*
 * Where a secret literal can be: inside a name that says secret (password, secret, token,
 * api key, deploy key, private key, in any case or spelling env_spelling() maps to those
 * words) or a value shaped like a key (sk_..., prod:..., dev:..., preview:..., project:...).
 * Each registration needs one of these words inside its name or its value, so the walk
 * enters only the nodes that hold one. Returns the number of offsets stored (at most max).
 */
/* Whether s[i..) starts with the lower-case word w, in any case. */
static bool at_word_ci(const char *s, size_t n, size_t i, const char *w, size_t len)
{
	size_t j;

	if (len > n - i)
		return false;
	for (j = 0; j < len; j++)
		if ((char)(s[i + j] | 0x20) != w[j])
			return false;
	return true;
}

/* "key" after a name part, with at most one separator between: apiKey, api_key, "api.key" */
static bool key_after(const char *s, size_t n, size_t q)
{
	if (q < n && (s[q] == '_' || s[q] == '-' || s[q] == '.' || s[q] == ' '))
		q++;
	return at_word_ci(s, n, q, "key", 3);
}

static size_t secret_hits(const char *s, size_t n, uint32_t *at, size_t max)
{
	size_t i, nat = 0;

	for (i = 0; i < n && nat < max; i++) {
		bool hit;

		switch (s[i] | 0x20) {
		case 'a':
			hit = at_word_ci(s, n, i, "api", 3) && key_after(s, n, i + 3);
			break;
		case 'd':
			hit = (at_word_ci(s, n, i, "deploy", 6) && key_after(s, n, i + 6)) ||
			      (n - i >= 4 && !memcmp(s + i, "dev:", 4));
			break;
		case 'p':
			hit = at_word_ci(s, n, i, "password", 8) ||
			      (at_word_ci(s, n, i, "private", 7) && key_after(s, n, i + 7)) ||
			      (n - i >= 5 && !memcmp(s + i, "prod:", 5)) ||
			      (n - i >= 8 && (!memcmp(s + i, "preview:", 8) ||
					      !memcmp(s + i, "project:", 8)));
			break;
		case 's':
			hit = at_word_ci(s, n, i, "secret", 6) ||
			      (n - i >= 3 && !memcmp(s + i, "sk_", 3));
			break;
		case 't':
			hit = at_word_ci(s, n, i, "token", 5);
			break;
		default:
			hit = false;
		}
		if (hit)
			at[nat++] = (uint32_t)i;
	}
	return nat;
}

void lint_model_secrets(struct lint_run *run, struct arena *a, struct lint_file *f,
			const TSRange *ranges, size_t nranges)
{
	struct secret_scan ss = { run, a, &f->src };
	uint32_t at[2048];
	size_t nat = 0, i, k;

	if (!f->tree || !f->src.len)
		return;
	if (!nranges) {
		nat = secret_hits(f->src.buf, f->src.len, at, ARRAY_SIZE(at));
	} else {
		for (i = 0; i < nranges && nat < ARRAY_SIZE(at); i++) {
			uint32_t b = ranges[i].start_byte;
			size_t n = secret_hits(f->src.buf + b, ranges[i].end_byte - b, at + nat,
					       ARRAY_SIZE(at) - nat);

			for (k = nat; k < nat + n; k++)
				at[k] += b;
			nat += n;
		}
	}
	if (!nat)
		return;
	/* more hits than that: a generated file, say; every node is entered then */
	if (nat == ARRAY_SIZE(at))
		ts_walk(ts_tree_root_node(f->tree), secret_visit, &ss);
	else
		ts_walk_at(ts_tree_root_node(f->tree), at, nat, secret_visit, &ss);
}
