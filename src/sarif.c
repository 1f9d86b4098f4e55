/*
 * sarif.c - SARIF 2.1.0 for GitHub code scanning: every rule with its documentation, every
 * finding with a repository-relative location and a fingerprint that survives line shifts.
 * The fields are those GitHub's upload checks and uses (see linter-anchors.md d11).
 */
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "version.h"

#define SARIF_TEXT_MAX 1024	/* GitHub's limit on description texts (characters) */

static const char *level_name(enum lint_severity s)
{
	switch (s) {
	case SEV_ERROR: return "error";
	case SEV_WARNING: return "warning";
	case SEV_INFO: return "note";
	case SEV_OFF: return "none";
	}
	return "none";
}

/* "short-cookie-password" -> "ShortCookiePassword": SARIF's readable rule name. */
static char *pascal_name(const char *id)
{
	struct strbuf sb = STRBUF_INIT;
	bool up = true;

	for (; *id; id++) {
		if (*id == '-') {
			up = true;
			continue;
		}
		strbuf_addch(&sb, up && *id >= 'a' && *id <= 'z' ? *id - 'a' + 'A' : *id);
		up = false;
	}
	return strbuf_detach(&sb);
}

static bool list_item(const char *s)
{
	if ((s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return true;
	while (*s >= '0' && *s <= '9')
		s++;
	return *s == '.' && s[1] == ' ';
}

/*
 * Rule docs are wrapped for a terminal: join the lines of each paragraph and of each list
 * item, keep blank lines and items. With markdown, '<' outside `code` is escaped (GitHub
 * drops what looks like raw HTML).
 */
static void add_unwrapped(struct strbuf *sb, const char *s, bool markdown)
{
	bool first = true, para = false, in_list = false, code = false;

	while (s && *s) {
		const char *e = strchr(s, '\n'), *c = s;
		size_t n = e ? (size_t)(e - s) : strlen(s), indent, i;
		bool item;

		while (*c == ' ' && c < s + n)
			c++;
		indent = (size_t)(c - s);
		if (indent == n) {
			para = !first;
		} else {
			item = list_item(c);
			if (!first)
				strbuf_adds(sb, para ? "\n\n" : item ? "\n" :
					   in_list && !indent ? "\n\n" : " ");
			in_list = item || (in_list && indent);
			para = false;
			first = false;
			for (i = 0; i < n - indent; i++) {
				if (c[i] == '`')
					code = !code;
				if (markdown && !code && c[i] == '<')
					strbuf_adds(sb, "&lt;");
				else
					strbuf_addch(sb, c[i]);
			}
		}
		s = e ? e + 1 : s + n;
	}
}

/* At most SARIF_TEXT_MAX bytes (so characters), cut at a character boundary. */
static json_t *limited_text(const char *s)
{
	size_t n = strlen(s), cut;
	json_t *j;
	char *t;

	if (n <= SARIF_TEXT_MAX)
		return lint_json_text(s);
	cut = SARIF_TEXT_MAX - 3;
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;
	t = xmalloc(cut + 4);
	memcpy(t, s, cut);
	memcpy(t + cut, "...", 4);
	j = lint_json_text(t);
	free(t);
	return j;
}

static json_t *message(json_t *text)
{
	json_t *o = json_object();

	json_object_set_new(o, "text", text);
	return o;
}

/* A fence longer than any run of backticks in s. */
static void add_fenced(struct strbuf *sb, const char *s)
{
	size_t longest = 0, run = 0, i;
	const char *p;

	for (p = s; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	for (i = 0; i < (longest < 3 ? 3 : longest + 1); i++)
		strbuf_addch(sb, '`');
	strbuf_addch(sb, '\n');
	strbuf_adds(sb, s);
	strbuf_addch(sb, '\n');
	for (i = 0; i < (longest < 3 ? 3 : longest + 1); i++)
		strbuf_addch(sb, '`');
}

static json_t *rule_descriptor(const struct lint_rule *r)
{
	json_t *o = json_object(), *help = json_object(), *cfg = json_object();
	json_t *props = json_object(), *tags = json_array();
	struct strbuf text = STRBUF_INIT, md = STRBUF_INIT, full = STRBUF_INIT;
	char *name = pascal_name(r->id);

	add_unwrapped(&full, r->description, false);
	json_object_set_new(o, "id", json_string(r->id));
	json_object_set_new(o, "name", json_string(name));
	json_object_set_new(o, "shortDescription", message(limited_text(r->summary)));
	json_object_set_new(o, "fullDescription", message(limited_text(full.len ? strbuf_str(&full)
										    : r->summary)));

	strbuf_adds(&text, strbuf_str(&full));
	add_unwrapped(&md, r->description, true);
	if (r->example && *r->example) {
		strbuf_addf(&text, "\n\nExample:\n%s", r->example);
		strbuf_adds(&md, "\n\n**Example**\n\n");
		add_fenced(&md, r->example);
	}
	if (r->fix && *r->fix) {
		strbuf_adds(&text, "\n\nHow to fix: ");
		add_unwrapped(&text, r->fix, false);
		strbuf_adds(&md, "\n\n**How to fix**\n\n");
		add_unwrapped(&md, r->fix, true);
	}
	if (r->sources && *r->sources) {
		strbuf_adds(&text, "\n\nSources: ");
		add_unwrapped(&text, r->sources, false);
		strbuf_adds(&md, "\n\n**Sources**: ");
		add_unwrapped(&md, r->sources, true);
	}
	strbuf_addf(&text, "\n\nSuppress one finding with a reason: // cwlint-ignore %s: <why>", r->id);
	strbuf_addf(&md, "\n\nSuppress one finding with a reason: `// cwlint-ignore %s: <why>`", r->id);
	json_object_set_new(help, "text", lint_json_text(strbuf_str(&text)));
	json_object_set_new(help, "markdown", lint_json_text(strbuf_str(&md)));
	json_object_set_new(o, "help", help);

	json_object_set_new(cfg, "level", json_string(level_name(r->severity)));
	json_object_set_new(o, "defaultConfiguration", cfg);

	json_array_append_new(tags, json_string("cwlint"));
	json_array_append_new(tags, json_string(r->family));
	/* GitHub ranks an alert by security-severity only when the rule is tagged security */
	if (r->security_severity)
		json_array_append_new(tags, json_string("security"));
	json_object_set_new(props, "tags", tags);
	json_object_set_new(props, "precision", json_string("high"));
	json_object_set_new(props, "problem.severity",
			    json_string(r->severity == SEV_ERROR ? "error" :
					r->severity == SEV_WARNING ? "warning" : "recommendation"));
	if (r->security_severity)
		json_object_set_new(props, "security-severity", json_string(r->security_severity));
	json_object_set_new(o, "properties", props);

	strbuf_release(&text);
	strbuf_release(&md);
	strbuf_release(&full);
	free(name);
	return o;
}

/* A URI reference for a '/'-separated path: everything but unreserved bytes and '/' escaped. */
static void add_uri_path(struct strbuf *sb, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *path; path++) {
		unsigned char c = (unsigned char)*path;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
			strbuf_addch(sb, (char)c);
		} else {
			strbuf_addch(sb, '%');
			strbuf_addch(sb, hex[c >> 4]);
			strbuf_addch(sb, hex[c & 15]);
		}
	}
}

/* Repository-relative when the file is in the repository, else an absolute file: URI. */
static json_t *artifact_location(struct lint_run *run, const char *display_path)
{
	const char *rel = lint_repo_path(run, display_path);
	struct strbuf sb = STRBUF_INIT;
	json_t *o = json_object();

	if (rel) {
		add_uri_path(&sb, rel);
	} else {
		char *abs = lint_abspath(run->cwd, display_path);

		strbuf_adds(&sb, "file://");
		add_uri_path(&sb, abs);
		free(abs);
	}
	json_object_set_new(o, "uri", json_stringn(strbuf_str(&sb), sb.len));
	strbuf_release(&sb);
	return o;
}

struct fp_slot {
	char fp[LINT_FINGERPRINT_HEX + 1];
	size_t index;			/* in run->diags */
	unsigned occurrence;		/* 1 for the first identical unit of its file, ... */
};

static int fp_cmp(const void *pa, const void *pb)
{
	const struct fp_slot *a = pa, *b = pb;
	int c = strcmp(a->fp, b->fp);

	if (c)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

static int index_cmp(const void *pa, const void *pb)
{
	const struct fp_slot *a = pa, *b = pb;

	return a->index < b->index ? -1 : a->index > b->index;
}

/*
 * Fingerprints of all findings, numbered in file order: the fingerprint keys on the unit,
 * the number tells apart identical units in one file (GitHub's own "hash:N" shape).
 */
static struct fp_slot *fingerprints(struct lint_run *run)
{
	struct fp_slot *slots = xcalloc(run->ndiags ? run->ndiags : 1, sizeof(*slots));
	size_t i;

	for (i = 0; i < run->ndiags; i++) {
		const struct lint_diag *d = run->diags[i];
		const char *key = lint_repo_path(run, d->path);
		char *abs = key ? NULL : lint_abspath(run->cwd, d->path);

		lint_fingerprint(d->rule->id, key ? key : abs, d->unit, slots[i].fp);
		slots[i].index = i;
		free(abs);
	}
	qsort(slots, run->ndiags, sizeof(*slots), fp_cmp);
	for (i = 0; i < run->ndiags; i++)
		slots[i].occurrence = i && !strcmp(slots[i - 1].fp, slots[i].fp) ?
				      slots[i - 1].occurrence + 1 : 1;
	qsort(slots, run->ndiags, sizeof(*slots), index_cmp);
	return slots;
}

static size_t rule_index(const struct lint_rule *r)
{
	size_t i;

	for (i = 0; i < lint_nrules; i++)
		if (lint_rules[i] == r)
			break;
	return i;
}

/*
 * The finding's fix as SARIF fixes: one artifact change, its edits as replacements whose
 * deleted regions use the run's code-point columns (an empty region inserts).
 */
static json_t *fixes(struct lint_run *run, const struct lint_diag *d)
{
	json_t *fix = json_object(), *change = json_object(), *reps = json_array(), *arr;
	size_t i;

	json_object_set_new(fix, "description", message(lint_json_text(
		d->fix->safe ? d->fix->title : arena_printf(&run->arena, "%s (unsafe: needs "
							     "--unsafe-fixes)", d->fix->title))));
	for (i = 0; i < d->fix->nedits; i++) {
		const struct lint_fix_edit *e = &d->fix->edits[i];
		json_t *rep = json_object(), *del = json_object(), *ins = json_object();

		json_object_set_new(del, "startLine", json_integer(e->line));
		json_object_set_new(del, "startColumn", json_integer(e->col));
		json_object_set_new(del, "endLine", json_integer(e->end_line));
		json_object_set_new(del, "endColumn", json_integer(e->end_col));
		json_object_set_new(rep, "deletedRegion", del);
		json_object_set_new(ins, "text", lint_json_text(e->text));
		json_object_set_new(rep, "insertedContent", ins);
		json_array_append_new(reps, rep);
	}
	json_object_set_new(change, "artifactLocation", artifact_location(run, d->path));
	json_object_set_new(change, "replacements", reps);
	arr = json_array();
	json_array_append_new(arr, change);
	json_object_set_new(fix, "artifactChanges", arr);
	arr = json_array();
	json_array_append_new(arr, fix);
	return arr;
}

static json_t *result(struct lint_run *run, const struct lint_diag *d, const struct fp_slot *slot)
{
	json_t *o = json_object(), *loc = json_object(), *phys = json_object();
	json_t *region = json_object(), *locs = json_array(), *fps = json_object();
	struct strbuf msg = STRBUF_INIT;
	char fp[LINT_FINGERPRINT_HEX + 16];
	uint32_t end_col = d->end_col;

	json_object_set_new(o, "ruleId", json_string(d->rule->id));
	json_object_set_new(o, "ruleIndex", json_integer((json_int_t)rule_index(d->rule)));
	json_object_set_new(o, "level", json_string(level_name(d->sev)));
	strbuf_adds(&msg, d->message);
	if (d->help)
		strbuf_addf(&msg, "\nhelp: %s", d->help);
	json_object_set_new(o, "message", message(lint_json_text(strbuf_str(&msg))));

	json_object_set_new(phys, "artifactLocation", artifact_location(run, d->path));
	json_object_set_new(region, "startLine", json_integer(d->line));
	json_object_set_new(region, "startColumn", json_integer(d->col));
	json_object_set_new(region, "endLine", json_integer(d->end_line));
	/* a point finding still marks one character, so the alert has something to show */
	if (d->end_line == d->line && end_col <= d->col)
		end_col = d->col + 1;
	json_object_set_new(region, "endColumn", json_integer(end_col));
	json_object_set_new(phys, "region", region);
	json_object_set_new(loc, "physicalLocation", phys);
	json_array_append_new(locs, loc);
	json_object_set_new(o, "locations", locs);

	snprintf(fp, sizeof(fp), "%s:%u", slot->fp, slot->occurrence);
	json_object_set_new(fps, "primaryLocationLineHash", json_string(fp));
	json_object_set_new(o, "partialFingerprints", fps);
	if (d->fix)
		json_object_set_new(o, "fixes", fixes(run, d));
	strbuf_release(&msg);
	return o;
}

static json_t *invocation(struct lint_run *run)
{
	json_t *o = json_object(), *notes = json_array();
	bool complete = !lint_io_errors;
	size_t i;

	for (i = 0; i < run->nskips; i++) {
		json_t *n = json_object(), *loc = json_object(), *phys = json_object();
		json_t *locs = json_array();

		complete &= !run->skips[i].incomplete;
		json_object_set_new(n, "level", json_string(run->skips[i].incomplete ? "error" : "warning"));
		json_object_set_new(n, "message", message(lint_json_text(run->skips[i].why)));
		json_object_set_new(phys, "artifactLocation", artifact_location(run, run->skips[i].path));
		json_object_set_new(loc, "physicalLocation", phys);
		json_array_append_new(locs, loc);
		json_object_set_new(n, "locations", locs);
		json_array_append_new(notes, n);
	}
	json_object_set_new(o, "executionSuccessful", json_boolean(complete));
	json_object_set_new(o, "toolExecutionNotifications", notes);
	return o;
}

void lint_output_sarif(struct lint_run *run, FILE *out)
{
	json_t *doc = json_object(), *runs = json_array(), *r = json_object();
	json_t *tool = json_object(), *driver = json_object(), *rules = json_array();
	json_t *results = json_array(), *auto_ = json_object(), *invs = json_array();
	struct fp_slot *slots = fingerprints(run);
	size_t i;

	json_object_set_new(doc, "$schema", json_string("https://json.schemastore.org/sarif-2.1.0.json"));
	json_object_set_new(doc, "version", json_string("2.1.0"));

	json_object_set_new(driver, "name", json_string("cwlint"));
	json_object_set_new(driver, "semanticVersion", json_string(CWLINT_VERSION));
	json_object_set_new(driver, "version", json_string(CWLINT_VERSION));
	/* every rule, so ruleIndex is the registry order and alerts keep their docs */
	for (i = 0; i < lint_nrules; i++)
		json_array_append_new(rules, rule_descriptor(lint_rules[i]));
	json_object_set_new(driver, "rules", rules);
	json_object_set_new(tool, "driver", driver);
	json_object_set_new(r, "tool", tool);

	/* category "cwlint", no run id: one analysis per commit, replaced by the next upload */
	json_object_set_new(auto_, "id", json_string("cwlint/"));
	json_object_set_new(r, "automationDetails", auto_);
	/* columns count code points, as in every cwlint output */
	json_object_set_new(r, "columnKind", json_string("unicodeCodePoints"));
	json_array_append_new(invs, invocation(run));
	json_object_set_new(r, "invocations", invs);

	for (i = 0; i < run->ndiags; i++) {
		const struct lint_diag *d = run->diags[i];

		if (run->quiet && d->sev != SEV_ERROR)
			continue;
		json_array_append_new(results, result(run, d, &slots[i]));
	}
	json_object_set_new(r, "results", results);
	json_array_append_new(runs, r);
	json_object_set_new(doc, "runs", runs);
	free(slots);
	if (lint_json_write(doc, out))
		lint_io_errors++, error("cannot encode the SARIF output");
}
