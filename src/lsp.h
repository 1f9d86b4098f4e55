/*
 * lsp.h - the language server behind `cwlint --lsp`: Language Server Protocol messages
 * (JSON-RPC 2.0 framed by Content-Length headers), the open documents, diagnostics from
 * lints of their apps, and code actions (a rule's fix; a cwlint-ignore comment).
 *
 * The server does no I/O of its own: the caller feeds it the client's bytes as they come and
 * it hands every framed message it sends to a write callback. lint_lsp_main() connects it to
 * standard input and output; the fuzz harness connects it to memory.
 */
#ifndef CWLINT_LSP_H
#define CWLINT_LSP_H

#include <stdbool.h>
#include <stddef.h>

/* What the command line says for every lint the server runs (all borrowed). */
struct lsp_options {
	const char *cwd;		/* absolute; findings' display paths are relative to it */
	const char *config;		/* --config FILE, or NULL */
	bool no_config;			/* --no-config */
	const char *const *rule_args;	/* --rule ID=LEVEL, in order; the caller validated them */
	size_t nrule_args;
	size_t max_file_size;		/* --max-file-size: larger documents are not linted */
	size_t max_nesting;		/* --max-nesting */
	unsigned jobs;			/* --jobs */
};

/* Largest message body the server reads; a larger Content-Length is a framing error. */
#define LSP_MAX_MESSAGE ((size_t)64 << 20)

/* Writes all of buf[0..len) to the client. Returns 0, or -1 when the client is gone. */
typedef int lsp_write_fn(void *ud, const char *buf, size_t len);

struct lsp_server;

/* A server in its initial state (it answers initialize and exit only). Free with lsp_server_free(). */
struct lsp_server *lsp_server_new(const struct lsp_options *opts, lsp_write_fn *write, void *ud);
void lsp_server_free(struct lsp_server *s);

/*
 * Handles the client's bytes: a message may arrive in pieces, several at once. Every
 * complete message is handled before this returns; edits only mark their app for a lint
 * (see lsp_server_flush). Returns false once the server is done: `exit` arrived or the
 * client cannot be written to.
 */
bool lsp_server_feed(struct lsp_server *s, const char *buf, size_t len);
/* True when some app has document changes not linted yet. */
bool lsp_server_pending(const struct lsp_server *s);
/* Lints every app with pending changes, once, and publishes its documents' diagnostics. */
void lsp_server_flush(struct lsp_server *s);
/*
 * Call at the end of the input: true when it ended inside a message (a partial header or
 * body is buffered), which is worth a note in the log.
 */
bool lsp_server_truncated(const struct lsp_server *s);
/* The exit status: 0 when `shutdown` came before `exit` (or the end of input), 1 otherwise. */
int lsp_server_status(const struct lsp_server *s);

/* Serves on standard input and output until `exit` or the end of input; returns the status. */
int lint_lsp_main(const struct lsp_options *opts);

#endif
