/*
 * lsp.c - the language server: Content-Length framing, JSON-RPC dispatch, the open
 * documents, and lints of their apps whose findings become published diagnostics.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "lsp_p.h"
#include "output.h"
#include "version.h"

/* JSON-RPC and LSP error codes. */
#define RPC_PARSE_ERROR		-32700
#define RPC_INVALID_REQUEST	-32600
#define RPC_METHOD_NOT_FOUND	-32601
#define RPC_INVALID_PARAMS	-32602
#define RPC_NOT_INITIALIZED	-32002

/* A header block longer than this is not LSP: the reader looks for the next message. */
#define MAX_HEADER 8192
/* Quiet time after the last message before changed apps are linted (stdio loop only). */
#define DEBOUNCE_MS 50

/* --- framing --- */

/*
 * Bytes from the client not handled yet: in.buf[pos..in.len). After a framing error the
 * reader resynchronises: it drops bytes up to the next "Content-Length:".
 */
struct reader {
	struct strbuf in;
	size_t pos;
	bool resync;
};

enum read_result { RD_MORE, RD_MESSAGE, RD_ERROR };

static const char *find_ci(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (!strncasecmp(s + i, needle, k))
			return s + i;
	return NULL;
}

static void trim(const char **s, const char **e)
{
	while (*s < *e && (**s == ' ' || **s == '\t'))
		(*s)++;
	while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
		(*e)--;
}

/* Parses a Content-Length value: decimal digits only, at most LSP_MAX_MESSAGE. */
static int parse_length(const char *s, const char *e, size_t *out, char *err, size_t errsz)
{
	size_t v = 0;
	const char *p;

	if (s == e) {
		snprintf(err, errsz, "empty Content-Length header");
		return -1;
	}
	for (p = s; p < e; p++) {
		if (*p < '0' || *p > '9') {
			snprintf(err, errsz, "invalid Content-Length '%.*s'", (int)(e - s > 40 ? 40 : e - s), s);
			return -1;
		}
		if (v > LSP_MAX_MESSAGE) {
			snprintf(err, errsz, "Content-Length %.*s%s is larger than the %zu MiB limit",
				 (int)(e - s > 40 ? 40 : e - s), s, e - s > 40 ? "..." : "",
				 LSP_MAX_MESSAGE >> 20);
			return -1;
		}
		v = v * 10 + (size_t)(*p - '0');
	}
	if (v > LSP_MAX_MESSAGE) {
		snprintf(err, errsz, "Content-Length %zu is larger than the %zu MiB limit", v,
			 LSP_MAX_MESSAGE >> 20);
		return -1;
	}
	*out = v;
	return 0;
}

/*
 * The next message body in the buffer. RD_MESSAGE sets *body and *len (valid until the
 * reader is fed again); RD_ERROR fills err and has already skipped the bad header.
 */
static enum read_result reader_next(struct reader *r, const char **body, size_t *len, char *err,
				    size_t errsz)
{
	const char *p, *end, *hdr_end = NULL, *line;
	size_t avail, hlen, length = 0, i;
	bool have_length = false;

	for (;;) {
		p = r->in.buf + r->pos;
		avail = r->in.len - r->pos;
		if (!r->resync)
			break;
		end = find_ci(p, avail, "content-length:");
		if (end) {
			r->pos += (size_t)(end - p);
			r->resync = false;
			continue;
		}
		/* keep a tail that may be the start of the header name */
		if (avail > 14)
			r->pos += avail - 14;
		return RD_MORE;
	}
	/* blank lines between messages are harmless */
	while (avail && (*p == '\r' || *p == '\n'))
		p++, avail--, r->pos++;
	if (!avail)
		return RD_MORE;
	for (i = 0; i < avail && i < MAX_HEADER; i++)
		if (p[i] == '\n') {
			if (i + 1 < avail && p[i + 1] == '\n') {
				hdr_end = p + i + 2;
				break;
			}
			if (i + 2 < avail && p[i + 1] == '\r' && p[i + 2] == '\n') {
				hdr_end = p + i + 3;
				break;
			}
		}
	if (!hdr_end) {
		if (avail < MAX_HEADER)
			return RD_MORE;
		snprintf(err, errsz, "no end of the message header in %d bytes", MAX_HEADER);
		r->pos++;
		r->resync = true;
		return RD_ERROR;
	}
	hlen = (size_t)(hdr_end - p);
	for (line = p; line < hdr_end;) {
		const char *eol = memchr(line, '\n', (size_t)(hdr_end - line));
		const char *colon, *ns, *ne, *vs, *ve;

		if (!eol)
			break;
		ns = line;
		ne = eol;
		line = eol + 1;
		trim(&ns, &ne);
		if (ns == ne)
			continue;
		colon = memchr(ns, ':', (size_t)(ne - ns));
		if (!colon) {
			snprintf(err, errsz, "malformed header line '%.*s'", (int)(ne - ns > 40 ? 40 : ne - ns), ns);
			goto bad;
		}
		vs = colon + 1;
		ve = ne;
		trim(&vs, &ve);
		if ((size_t)(colon - ns) == 14 && !strncasecmp(ns, "content-length", 14)) {
			size_t v;

			if (parse_length(vs, ve, &v, err, errsz))
				goto bad;
			if (have_length && v != length) {
				snprintf(err, errsz, "two different Content-Length headers");
				goto bad;
			}
			length = v;
			have_length = true;
		}
		/* Content-Type and anything else: the body is UTF-8 JSON either way */
	}
	if (!have_length) {
		snprintf(err, errsz, "message header without Content-Length");
		goto bad;
	}
	if (avail - hlen < length)
		return RD_MORE;
	*body = hdr_end;
	*len = length;
	r->pos += hlen + length;
	return RD_MESSAGE;
bad:
	r->pos += hlen;
	r->resync = true;
	return RD_ERROR;
}

static void reader_feed(struct reader *r, const char *buf, size_t len)
{
	/* drop what was handled, so the buffer holds at most one message and a bit */
	if (r->pos) {
		memmove(r->in.buf, r->in.buf + r->pos, r->in.len - r->pos);
		r->in.len -= r->pos;
		r->in.buf[r->in.len] = '\0';
		r->pos = 0;
	}
	strbuf_add(&r->in, buf, len);
}

/* --- the server --- */

enum state { ST_NEW, ST_RUNNING, ST_SHUTDOWN };

struct lsp_server {
	struct lsp_options opts;
	lsp_write_fn *write;
	void *ud;
	struct reader rd;
	enum state state;
	bool done;			/* exit came, or the client cannot be written to */
	bool exit_ok;			/* exit came after shutdown */
	enum lsp_encoding enc;
	struct lsp_doc **docs;
	size_t ndocs, alloc_docs;
	char **dirty;			/* app roots with changes not linted yet */
	size_t ndirty, alloc_dirty;
};

static void send_msg(struct lsp_server *s, json_t *msg)
{
	char *body, head[64];
	int n;

	if (s->done) {
		json_decref(msg);
		return;
	}
	body = json_dumps(msg, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(msg);
	if (!body)
		BUG("an LSP message did not encode");
	n = snprintf(head, sizeof(head), "Content-Length: %zu\r\n\r\n", strlen(body));
	if (s->write(s->ud, head, (size_t)n) || s->write(s->ud, body, strlen(body)))
		s->done = true;
	free(body);
}

static json_t *new_msg(void)
{
	json_t *m = json_object();

	json_object_set_new(m, "jsonrpc", json_string("2.0"));
	return m;
}

static void send_result(struct lsp_server *s, json_t *id, json_t *result)
{
	json_t *m = new_msg();

	json_object_set(m, "id", id);
	json_object_set_new(m, "result", result ? result : json_null());
	send_msg(s, m);
}

static void send_error(struct lsp_server *s, json_t *id, int code, const char *text)
{
	json_t *m = new_msg(), *e = json_object();

	json_object_set(m, "id", id ? id : json_null());
	json_object_set_new(e, "code", json_integer(code));
	json_object_set_new(e, "message", lint_json_text(text));
	json_object_set_new(m, "error", e);
	send_msg(s, m);
}

static void send_notification(struct lsp_server *s, const char *method, json_t *params)
{
	json_t *m = new_msg();

	json_object_set_new(m, "method", json_string(method));
	json_object_set_new(m, "params", params);
	send_msg(s, m);
}

/* window/logMessage (type 1 error, 2 warning, 3 info) or window/showMessage. */
static void send_log(struct lsp_server *s, bool show, int type, const char *text)
{
	json_t *p = json_object();

	json_object_set_new(p, "type", json_integer(type));
	json_object_set_new(p, "message", lint_json_text(text));
	send_notification(s, show ? "window/showMessage" : "window/logMessage", p);
}

/* --- documents --- */

static struct lsp_doc *find_doc(struct lsp_server *s, const char *uri)
{
	size_t i;

	for (i = 0; i < s->ndocs; i++)
		if (!strcmp(s->docs[i]->uri, uri))
			return s->docs[i];
	return NULL;
}

void lsp_doc_clear_findings(struct lsp_doc *d)
{
	size_t i, k;

	for (i = 0; i < d->nfindings; i++) {
		struct lsp_finding *f = &d->findings[i];

		json_decref(f->diag);
		free(f->fix_title);
		for (k = 0; k < f->nedits; k++)
			free(f->edits[k].text);
		free(f->edits);
	}
	d->nfindings = 0;
}

static void doc_free(struct lsp_doc *d)
{
	lsp_doc_clear_findings(d);
	free(d->findings);
	free(d->uri);
	free(d->abs);
	free(d->app);
	free(d->text);
	free(d->note);
	free(d);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/*
 * The absolute path a file:// URI names (malloc'd), or NULL for any other scheme, a remote
 * host, or a path with a NUL byte. "file:///a%20b" and "file://localhost/a%20b" are "/a b".
 */
static char *uri_path(const char *uri)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;

	if (strncasecmp(uri, "file://", 7))
		return NULL;
	p = uri + 7;
	if (!strncasecmp(p, "localhost/", 10))
		p += 9;
	if (*p != '/')
		return NULL;
	for (; *p && *p != '?' && *p != '#'; p++) {
		if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
			char c = (char)(hexval(p[1]) * 16 + hexval(p[2]));

			if (!c)
				goto bad;
			strbuf_addch(&sb, c);
			p += 2;
		} else {
			strbuf_addch(&sb, *p);
		}
	}
	return strbuf_detach(&sb);
bad:
	strbuf_release(&sb);
	return NULL;
}

static void mark_dirty(struct lsp_server *s, const char *app)
{
	size_t i;

	if (!app)
		return;
	for (i = 0; i < s->ndirty; i++)
		if (!strcmp(s->dirty[i], app))
			return;
	LINT_GROW(s->dirty, s->ndirty + 1, s->alloc_dirty);
	s->dirty[s->ndirty++] = xstrdup(app);
}

static bool is_dirty(const struct lsp_server *s, const char *app)
{
	size_t i;

	for (i = 0; app && i < s->ndirty; i++)
		if (!strcmp(s->dirty[i], app))
			return true;
	return false;
}

static void publish(struct lsp_server *s, const struct lsp_doc *d, json_t *diags)
{
	json_t *p = json_object();

	json_object_set_new(p, "uri", json_string(d->uri));
	json_object_set_new(p, "version", json_integer(d->version));
	json_object_set_new(p, "diagnostics", diags ? diags : json_array());
	send_notification(s, "textDocument/publishDiagnostics", p);
}

/* --- linting an app --- */

static int severity_code(enum lint_severity sev)
{
	switch (sev) {
	case SEV_ERROR: return 1;
	case SEV_WARNING: return 2;
	default: return 3;
	}
}

/* A finding as an LSP Diagnostic over bytes [start, end) of the text the lint read. */
static json_t *diag_json(struct lint_run *run, const struct lint_diag *d, const struct lsp_text *t,
			 enum lsp_encoding enc, size_t start, size_t end)
{
	struct strbuf msg = STRBUF_INIT;
	json_t *o = json_object(), *data = json_object();

	/* lint_finish() redacted these; redact again so no path around it can leak a secret */
	strbuf_adds(&msg, lint_redact(run, d->message));
	if (d->help) {
		strbuf_adds(&msg, "\nhelp: ");
		strbuf_adds(&msg, lint_redact(run, d->help));
	}
	json_object_set_new(o, "range", lsp_range_json(t, enc, start, end));
	json_object_set_new(o, "severity", json_integer(severity_code(d->sev)));
	json_object_set_new(o, "code", json_string(d->rule->id));
	json_object_set_new(o, "source", json_string("cwlint"));
	json_object_set_new(o, "message", lint_json_text(strbuf_str(&msg)));
	/* the rule docs have no public URL: say where they are */
	json_object_set_new(data, "summary", json_string(d->rule->summary));
	json_object_set_new(data, "docs", json_sprintf("cwlint --explain %s", d->rule->id));
	json_object_set_new(o, "data", data);
	strbuf_release(&msg);
	return o;
}

/* Tells the client once why the last lint passed doc over (too large, binary). */
static void note_skip(struct lsp_server *s, struct lsp_doc *doc, const char *why)
{
	struct strbuf sb = STRBUF_INIT;

	if (!why || (doc->note && !strcmp(doc->note, why))) {
		if (!why) {
			free(doc->note);
			doc->note = NULL;
		}
		return;
	}
	free(doc->note);
	doc->note = xstrdup(why);
	strbuf_addf(&sb, "cwlint: not linted: %s", why);
	send_log(s, false, 2, strbuf_str(&sb));
	strbuf_release(&sb);
}

/*
 * Keeps d's fix for code actions when it can go to the editor: its edits lie in the text the
 * lint read, and neither its title nor its text holds a secret (lint_fix() already drops
 * such fixes; a fix with a secret is dropped here too rather than sent redacted and wrong).
 */
static void keep_fix(struct lint_run *run, const struct lint_diag *d, const struct lsp_doc *doc,
		     struct lsp_finding *f)
{
	const struct lint_fix *fix = d->fix;
	size_t k;

	if (!fix || !fix->nedits || !fix->title || lint_has_secret(run, fix->title, strlen(fix->title)))
		return;
	for (k = 0; k < fix->nedits; k++) {
		const struct lint_fix_edit *e = &fix->edits[k];

		if (e->start > e->end || e->end > doc->len || !e->text ||
		    lint_has_secret(run, e->text, strlen(e->text)))
			return;
	}
	f->fix_title = xstrdup(fix->title);
	f->fix_safe = fix->safe;
	f->edits = xcalloc(fix->nedits, sizeof(*f->edits));
	for (k = 0; k < fix->nedits; k++) {
		f->edits[k].start = fix->edits[k].start;
		f->edits[k].end = fix->edits[k].end;
		f->edits[k].text = xstrdup(fix->edits[k].text);
	}
	f->nedits = fix->nedits;
}

static void publish_doc(struct lsp_server *s, struct lint_run *run, struct lsp_doc *doc)
{
	json_t *diags = json_array();
	const char *why = NULL;
	struct lsp_text t;
	size_t i;

	lsp_doc_clear_findings(doc);
	lsp_text_init(&t, doc->text, doc->len);
	for (i = 0; i < run->ndiags; i++) {
		const struct lint_diag *d = run->diags[i];
		char *abs = d->abspath ? NULL : lint_abspath(run->cwd, d->path);
		struct lsp_finding *f;
		size_t start, end;
		bool mine;
		uint32_t ch;
		json_t *j;

		mine = !strcmp(d->abspath ? d->abspath : abs, doc->abs);
		free(abs);
		if (!mine)
			continue;
		start = lsp_text_offset(&t, d->line, d->col);
		end = lsp_text_offset(&t, d->end_line, d->end_col);
		if (end < start)
			end = start;
		j = diag_json(run, d, &t, s->enc, start, end);
		LINT_GROW(doc->findings, doc->nfindings + 1, doc->alloc_findings);
		f = &doc->findings[doc->nfindings++];
		memset(f, 0, sizeof(*f));
		f->rule = d->rule;
		lsp_text_position(&t, s->enc, start, &f->line, &ch);
		lsp_text_position(&t, s->enc, end, &f->end_line, &ch);
		f->diag = json_incref(j);
		keep_fix(run, d, doc, f);
		json_array_append_new(diags, j);
	}
	for (i = 0; i < run->nskips && !why; i++) {
		char *abs = lint_abspath(run->cwd, run->skips[i].path);

		if (!strcmp(abs, doc->abs))
			why = lint_redact(run, run->skips[i].why);
		free(abs);
	}
	note_skip(s, doc, why);
	lsp_text_release(&t);
	publish(s, doc, diags);
}

/* Applies --rule ID=LEVEL (validated by the command line, so nothing fails here). */
static void apply_rule_args(const struct lsp_options *o, struct lint_run *run)
{
	size_t i, k;

	for (i = 0; i < o->nrule_args; i++) {
		const char *eq = strchr(o->rule_args[i], '=');
		enum lint_severity sev;

		if (!eq || lint_severity_parse(eq + 1, &sev))
			continue;
		for (k = 0; k < lint_nrules; k++)
			if (strlen(lint_rules[k]->id) == (size_t)(eq - o->rule_args[i]) &&
			    !strncmp(lint_rules[k]->id, o->rule_args[i], (size_t)(eq - o->rule_args[i])))
				run->sev[k] = sev;
	}
}

/*
 * Lints the app at root with every open document of it standing in for its file, and
 * publishes each of those documents' findings (an empty list clears old ones). Other apps
 * are not read.
 */
static void lint_app_docs(struct lsp_server *s, const char *root)
{
	struct lint_run run;
	size_t i;

	for (i = 0; i < s->ndocs; i++)
		if (s->docs[i]->app && !strcmp(s->docs[i]->app, root))
			break;
	if (i == s->ndocs)
		return;		/* its last document was closed: nothing to publish */
	lint_run_init(&run);
	run.cwd = xstrdup(s->opts.cwd);
	run.max_file_size = s->opts.max_file_size;
	run.max_nesting = s->opts.max_nesting;
	run.jobs = s->opts.jobs ? s->opts.jobs : 1;
	if ((s->opts.config && lint_config_load(&run, s->opts.config, false)) ||
	    (!s->opts.config && !s->opts.no_config && lint_config_discover(&run, root))) {
		send_log(s, true, 1, "cwlint: the config file has errors (the server log says which); "
			 "nothing linted until it is fixed");
		goto out;
	}
	apply_rule_args(&s->opts, &run);
	for (i = 0; i < s->ndocs; i++) {
		struct lsp_doc *d = s->docs[i];
		struct lint_target *t;

		if (!d->app || strcmp(d->app, root))
			continue;
		lint_add_overlay(&run, d->abs, d->text, d->len);
		LINT_GROW(run.targets, run.ntargets + 1, run.alloc_targets);
		t = &run.targets[run.ntargets++];
		t->abs = xstrdup(d->abs);
		t->is_dir = false;
	}
	if (lint_run_paths(&run)) {
		send_log(s, true, 1, "cwlint: the lint failed; diagnostics may be out of date");
		goto out;
	}
	lint_finish(&run);
	for (i = 0; i < s->ndocs; i++)
		if (s->docs[i]->app && !strcmp(s->docs[i]->app, root))
			publish_doc(s, &run, s->docs[i]);
out:
	lint_run_release(&run);
}

bool lsp_server_pending(const struct lsp_server *s)
{
	return s->ndirty > 0 && !s->done;
}

void lsp_server_flush(struct lsp_server *s)
{
	while (s->ndirty) {
		char *app = s->dirty[--s->ndirty];

		if (!s->done)
			lint_app_docs(s, app);
		free(app);
	}
}

/* Lints doc's app now if it has changes not linted yet (a request wants fresh findings). */
static void flush_app(struct lsp_server *s, const char *app)
{
	size_t i;

	for (i = 0; app && i < s->ndirty; i++)
		if (!strcmp(s->dirty[i], app)) {
			char *a = s->dirty[i];

			s->dirty[i] = s->dirty[--s->ndirty];
			lint_app_docs(s, a);
			free(a);
			return;
		}
}

/* --- message handlers --- */

static json_t *obj_get(json_t *o, const char *key)
{
	return json_is_object(o) ? json_object_get(o, key) : NULL;
}

static const char *str_get(json_t *o, const char *key)
{
	json_t *v = obj_get(o, key);

	/* a string with a NUL inside cannot be a URI or a name */
	if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v))
		return NULL;
	return json_string_value(v);
}

static void close_doc(struct lsp_server *s, struct lsp_doc *d);

static void set_text(struct lsp_doc *d, const char *text, size_t len)
{
	free(d->text);
	d->text = xstrndup(text, len);
	d->len = len;
}

static json_t *on_initialize(struct lsp_server *s, json_t *params, int *code, const char **why)
{
	static const char *const names[] = { "utf-16", "utf-8", "utf-32" };
	json_t *caps, *sync, *save, *actions, *kinds, *res, *info, *encs;
	size_t i, k;

	if (s->state != ST_NEW) {
		*code = RPC_INVALID_REQUEST;
		*why = "initialize was already called";
		return NULL;
	}
	s->state = ST_RUNNING;
	caps = json_object();
	sync = json_object();
	save = json_object();
	actions = json_object();
	kinds = json_array();
	res = json_object();
	info = json_object();
	/* the client lists what it takes in order of preference; UTF-16 is the default */
	encs = obj_get(obj_get(obj_get(params, "capabilities"), "general"), "positionEncodings");
	for (i = 0; json_is_array(encs) && i < json_array_size(encs); i++) {
		const char *e = json_string_value(json_array_get(encs, i));

		for (k = 0; e && k < ARRAY_SIZE(names); k++)
			if (!strcmp(e, names[k]))
				break;
		if (e && k < ARRAY_SIZE(names)) {
			s->enc = (enum lsp_encoding)k;
			break;
		}
	}
	json_object_set_new(caps, "positionEncoding", json_string(names[s->enc]));
	json_object_set_new(sync, "openClose", json_true());
	json_object_set_new(sync, "change", json_integer(1));	/* Full */
	json_object_set_new(save, "includeText", json_false());
	json_object_set_new(sync, "save", save);
	json_object_set_new(caps, "textDocumentSync", sync);
	json_array_append_new(kinds, json_string("quickfix"));
	json_object_set_new(actions, "codeActionKinds", kinds);
	json_object_set_new(caps, "codeActionProvider", actions);
	json_object_set_new(res, "capabilities", caps);
	json_object_set_new(info, "name", json_string("cwlint"));
	json_object_set_new(info, "version", json_string(CWLINT_VERSION));
	json_object_set_new(res, "serverInfo", info);
	return res;
}

static void on_did_open(struct lsp_server *s, json_t *params)
{
	json_t *td = obj_get(params, "textDocument"), *text = obj_get(td, "text");
	const char *uri = str_get(td, "uri"), *base;
	json_t *version = obj_get(td, "version");
	enum lint_file_kind kind = FK_TS;
	enum lint_path_type type;
	struct lsp_doc *d;
	char *path, *dir;

	if (!uri || !json_is_string(text))
		return;
	path = uri_path(uri);
	if (!path)
		return;		/* untitled:, git:, remote files: nothing on disk to lint with */
	base = strrchr(path, '/') + 1;
	type = lint_path_type(base, &kind);
	if (type == LINT_PATH_OTHER) {
		free(path);
		return;
	}
	d = find_doc(s, uri);
	if (!d) {
		d = xcalloc(1, sizeof(*d));
		d->uri = xstrdup(uri);
		d->abs = lint_abspath("/", path);
		dir = xstrndup(d->abs, (size_t)(strrchr(d->abs, '/') - d->abs));
		d->app = lint_app_root(*dir ? dir : "/");
		free(dir);
		LINT_GROW(s->docs, s->ndocs + 1, s->alloc_docs);
		s->docs[s->ndocs++] = d;
		if (!d->app) {
			struct strbuf sb = STRBUF_INIT;

			/* a file outside any app: linting it would mean walking whatever folder holds it */
			strbuf_addf(&sb, "cwlint: not linted: no package.json in any folder above '%s'", d->abs);
			send_log(s, false, 3, strbuf_str(&sb));
			strbuf_release(&sb);
		}
	}
	free(path);
	d->env = type == LINT_PATH_ENV;
	d->kind = kind;
	d->version = json_is_integer(version) ? json_integer_value(version) : 0;
	set_text(d, json_string_value(text), json_string_length(text));
	mark_dirty(s, d->app);
}

/*
 * Applies one TextDocumentContentChangeEvent: a range edit, or the whole text. Returns -1
 * when range edits would grow the text past LSP_MAX_MESSAGE (the change is not applied).
 */
static int apply_change(struct lsp_server *s, struct lsp_doc *d, json_t *ch)
{
	json_t *text = obj_get(ch, "text"), *range = obj_get(ch, "range");
	struct lsp_text t;
	size_t a, b, n;
	json_int_t v[4];
	json_t *pos[2];
	char *buf;
	int i;

	if (!json_is_string(text))
		return 0;
	if (!range) {
		set_text(d, json_string_value(text), json_string_length(text));
		return 0;
	}
	/* full sync is what the server asks for; a client sending ranges still gets them applied */
	pos[0] = obj_get(range, "start");
	pos[1] = obj_get(range, "end");
	for (i = 0; i < 4; i++) {
		json_t *j = obj_get(pos[i / 2], i % 2 ? "character" : "line");

		if (!json_is_integer(j))
			return 0;
		v[i] = json_integer_value(j);
		if (v[i] < 0)
			v[i] = 0;
		if (v[i] > UINT32_MAX)
			v[i] = UINT32_MAX;
	}
	lsp_text_init(&t, d->text, d->len);
	a = lsp_text_from_position(&t, s->enc, (uint32_t)v[0], (uint32_t)v[1]);
	b = lsp_text_from_position(&t, s->enc, (uint32_t)v[2], (uint32_t)v[3]);
	lsp_text_release(&t);
	if (b < a) {
		size_t x = a;

		a = b;
		b = x;
	}
	n = json_string_length(text);
	if (d->len - (b - a) + n > LSP_MAX_MESSAGE)
		return -1;
	buf = xmalloc(d->len - (b - a) + n + 1);
	memcpy(buf, d->text, a);
	memcpy(buf + a, json_string_value(text), n);
	memcpy(buf + a + n, d->text + b, d->len - b);
	d->len = d->len - (b - a) + n;
	buf[d->len] = '\0';
	free(d->text);
	d->text = buf;
	return 0;
}

static void on_did_change(struct lsp_server *s, json_t *params)
{
	json_t *td = obj_get(params, "textDocument"), *changes = obj_get(params, "contentChanges");
	const char *uri = str_get(td, "uri");
	struct lsp_doc *d = uri ? find_doc(s, uri) : NULL;
	json_t *version = obj_get(td, "version");
	size_t i;

	if (!d || !json_is_array(changes))
		return;
	for (i = 0; i < json_array_size(changes); i++)
		if (apply_change(s, d, json_array_get(changes, i))) {
			struct strbuf sb = STRBUF_INIT;

			/* its text is no longer the client's: stop following it rather than lint garbage */
			strbuf_addf(&sb, "cwlint: '%s' grew past %zu MiB; it is no longer linted (reopen it)",
				    d->abs, LSP_MAX_MESSAGE >> 20);
			send_log(s, false, 2, strbuf_str(&sb));
			strbuf_release(&sb);
			close_doc(s, d);
			return;
		}
	if (json_is_integer(version))
		d->version = json_integer_value(version);
	mark_dirty(s, d->app);
}

static void on_did_save(struct lsp_server *s, json_t *params)
{
	json_t *td = obj_get(params, "textDocument"), *text = obj_get(params, "text");
	const char *uri = str_get(td, "uri");
	struct lsp_doc *d = uri ? find_doc(s, uri) : NULL;

	if (!d)
		return;
	if (json_is_string(text))
		set_text(d, json_string_value(text), json_string_length(text));
	/* the files on disk changed: what the other documents of the app see changed too */
	mark_dirty(s, d->app);
}

static void on_did_close(struct lsp_server *s, json_t *params)
{
	const char *uri = str_get(obj_get(params, "textDocument"), "uri");
	struct lsp_doc *d = uri ? find_doc(s, uri) : NULL;

	if (d)
		close_doc(s, d);
}

/* Forgets d: its diagnostics are cleared, the rest of its app is linted without it. */
static void close_doc(struct lsp_server *s, struct lsp_doc *d)
{
	size_t i;

	publish(s, d, NULL);
	/* the rest of its app now reads the file from disk */
	mark_dirty(s, d->app);
	for (i = 0; i < s->ndocs; i++)
		if (s->docs[i] == d) {
			memmove(s->docs + i, s->docs + i + 1, (s->ndocs - i - 1) * sizeof(*s->docs));
			s->ndocs--;
			break;
		}
	doc_free(d);
}

static json_t *on_code_action(struct lsp_server *s, json_t *params, int *code, const char **why)
{
	const char *uri = str_get(obj_get(params, "textDocument"), "uri");
	struct lsp_doc *d;

	if (!uri || !json_is_object(obj_get(params, "range"))) {
		*code = RPC_INVALID_PARAMS;
		*why = "codeAction needs textDocument.uri and range";
		return NULL;
	}
	d = find_doc(s, uri);
	if (!d)
		return json_array();
	/* the actions answer the text as it is now: lint it first when it changed */
	if (is_dirty(s, d->app))
		flush_app(s, d->app);
	if (s->done)
		return json_array();
	return lsp_code_actions(d, s->enc, s->opts.max_nesting, params);
}

static json_t *on_shutdown(struct lsp_server *s, json_t *params, int *code, const char **why)
{
	(void)params, (void)code, (void)why;
	s->state = ST_SHUTDOWN;
	return json_null();
}

typedef json_t *request_fn(struct lsp_server *s, json_t *params, int *code, const char **why);
typedef void notify_fn(struct lsp_server *s, json_t *params);

static const struct {
	const char *method;
	request_fn *request;		/* set for requests */
	notify_fn *notify;		/* set for notifications */
} methods[] = {
	{ "initialize", on_initialize, NULL },
	{ "shutdown", on_shutdown, NULL },
	{ "textDocument/codeAction", on_code_action, NULL },
	{ "textDocument/didOpen", NULL, on_did_open },
	{ "textDocument/didChange", NULL, on_did_change },
	{ "textDocument/didSave", NULL, on_did_save },
	{ "textDocument/didClose", NULL, on_did_close },
};

static void on_exit_notification(struct lsp_server *s)
{
	s->exit_ok = s->state == ST_SHUTDOWN;
	s->done = true;
}

/* Handles one parsed message (consumed). */
static void dispatch(struct lsp_server *s, json_t *msg)
{
	json_t *id, *method_j, *params;
	const char *method;
	bool request;
	size_t i;

	if (!json_is_object(msg)) {
		send_error(s, NULL, RPC_INVALID_REQUEST, "a JSON-RPC message is an object");
		goto out;
	}
	id = json_object_get(msg, "id");
	request = id != NULL;
	if (id && !json_is_string(id) && !json_is_integer(id) && !json_is_null(id)) {
		send_error(s, NULL, RPC_INVALID_REQUEST, "the id is neither a string nor an integer");
		goto out;
	}
	if (!json_is_string(json_object_get(msg, "jsonrpc")) ||
	    strcmp(json_string_value(json_object_get(msg, "jsonrpc")), "2.0")) {
		send_error(s, id, RPC_INVALID_REQUEST, "jsonrpc must be \"2.0\"");
		goto out;
	}
	method_j = json_object_get(msg, "method");
	if (!method_j) {
		/* a response to a request of ours: the server sends none, so nothing waits for it */
		if (request && (json_object_get(msg, "result") || json_object_get(msg, "error")))
			goto out;
		send_error(s, id, RPC_INVALID_REQUEST, "the message has no method");
		goto out;
	}
	method = str_get(msg, "method");
	params = json_object_get(msg, "params");
	/* clients write "params": null for methods without parameters (shutdown, exit) */
	if (json_is_null(params))
		params = NULL;
	if (!method || (params && !json_is_object(params) && !json_is_array(params))) {
		send_error(s, id, RPC_INVALID_REQUEST,
			   method ? "params must be an object or an array" : "the method is not a string");
		goto out;
	}
	if (!strcmp(method, "exit")) {
		on_exit_notification(s);
		goto out;
	}
	if (s->state == ST_NEW && strcmp(method, "initialize")) {
		if (request)
			send_error(s, id, RPC_NOT_INITIALIZED, "the server is not initialized yet");
		goto out;
	}
	if (s->state == ST_SHUTDOWN) {
		if (request)
			send_error(s, id, RPC_INVALID_REQUEST, "the server is shut down; only exit remains");
		goto out;
	}
	for (i = 0; i < ARRAY_SIZE(methods); i++)
		if (!strcmp(methods[i].method, method))
			break;
	if (i == ARRAY_SIZE(methods)) {
		/* unknown notifications ($/cancelRequest, workspace/didChangeConfiguration, ...) are dropped */
		if (request) {
			struct strbuf sb = STRBUF_INIT;

			strbuf_addf(&sb, "unknown method '%s'", method);
			send_error(s, id, RPC_METHOD_NOT_FOUND, strbuf_str(&sb));
			strbuf_release(&sb);
		}
		goto out;
	}
	if (methods[i].request) {
		int code = 0;
		const char *why = NULL;
		json_t *res;

		if (!request)
			goto out;	/* a request without an id cannot be answered */
		res = methods[i].request(s, params, &code, &why);
		if (res)
			send_result(s, id, res);
		else
			send_error(s, id, code, why);
	} else if (request) {
		send_error(s, id, RPC_INVALID_REQUEST, "a notification was sent with an id");
	} else {
		methods[i].notify(s, params);
	}
out:
	json_decref(msg);
}

bool lsp_server_feed(struct lsp_server *s, const char *buf, size_t len)
{
	const char *body;
	char err[160];
	size_t n;

	reader_feed(&s->rd, buf, len);
	while (!s->done) {
		enum read_result r = reader_next(&s->rd, &body, &n, err, sizeof(err));

		if (r == RD_MORE)
			break;
		if (r == RD_ERROR) {
			send_error(s, NULL, RPC_PARSE_ERROR, err);
		} else {
			json_error_t jerr;
			json_t *msg = json_loadb(body, n, JSON_ALLOW_NUL, &jerr);

			if (!msg) {
				snprintf(err, sizeof(err), "invalid JSON at byte %d: %.100s", jerr.position,
					 jerr.text);
				send_error(s, NULL, RPC_PARSE_ERROR, err);
			} else {
				dispatch(s, msg);
			}
		}
	}
	return !s->done;
}

bool lsp_server_truncated(const struct lsp_server *s)
{
	size_t i;

	if (s->rd.resync)
		return false;
	for (i = s->rd.pos; i < s->rd.in.len; i++)
		if (s->rd.in.buf[i] != '\r' && s->rd.in.buf[i] != '\n')
			return true;
	return false;
}

int lsp_server_status(const struct lsp_server *s)
{
	return s->exit_ok || (!s->done && s->state == ST_SHUTDOWN) ? 0 : 1;
}

struct lsp_server *lsp_server_new(const struct lsp_options *opts, lsp_write_fn *write, void *ud)
{
	struct lsp_server *s = xcalloc(1, sizeof(*s));

	s->opts = *opts;
	s->write = write;
	s->ud = ud;
	s->enc = LSP_UTF16;
	return s;
}

void lsp_server_free(struct lsp_server *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->ndocs; i++)
		doc_free(s->docs[i]);
	free(s->docs);
	for (i = 0; i < s->ndirty; i++)
		free(s->dirty[i]);
	free(s->dirty);
	strbuf_release(&s->rd.in);
	free(s);
}

/* --- standard input and output --- */

static int write_stdout(void *ud, const char *buf, size_t len)
{
	(void)ud;
	while (len) {
		ssize_t w = write(STDOUT_FILENO, buf, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

int lint_lsp_main(const struct lsp_options *opts)
{
	struct lsp_server *s;
	static char chunk[65536];
	int ret;

	/* a client that goes away must not kill the server in the middle of a write */
	signal(SIGPIPE, SIG_IGN);
	s = lsp_server_new(opts, write_stdout, NULL);
	for (;;) {
		ssize_t r;

		if (lsp_server_pending(s)) {
			struct pollfd pfd = { STDIN_FILENO, POLLIN, 0 };
			int p = poll(&pfd, 1, DEBOUNCE_MS);

			if (p < 0 && errno == EINTR)
				continue;
			/* quiet for a moment: lint now rather than after every keystroke */
			if (p == 0) {
				lsp_server_flush(s);
				continue;
			}
		}
		r = read(STDIN_FILENO, chunk, sizeof(chunk));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r < 0)
				error("lsp: cannot read standard input: %s", strerror(errno));
			else if (lsp_server_truncated(s))
				warning("lsp: the input ended inside a message");
			break;
		}
		if (!lsp_server_feed(s, chunk, (size_t)r))
			break;
	}
	ret = lsp_server_status(s);
	lsp_server_free(s);
	return ret;
}
