/*
 * lsp_p.h - what the language server's two files share: documents, positions, findings.
 * Server-only (lsp.c, lspaction.c); everyone else includes lsp.h.
 */
#ifndef CWLINT_LSP_P_H
#define CWLINT_LSP_P_H

#include <stdint.h>
#include <jansson.h>

#include "core.h"
#include "lsp.h"

/* How a Position's `character` counts: negotiated at initialize (default UTF-16). */
enum lsp_encoding {
	LSP_UTF16 = 0,
	LSP_UTF8,
	LSP_UTF32,
};

/*
 * A document's text with a line index. Lines end at LF, CRLF or a lone CR, as in the LSP
 * and in cwlint's own sources, so line numbers agree on every file.
 */
struct lsp_text {
	const char *buf;		/* borrowed */
	size_t len;
	uint32_t *lines;		/* byte offset of each line start (malloc'd); lines[0] == 0 */
	uint32_t nlines;
};

void lsp_text_init(struct lsp_text *t, const char *buf, size_t len);
void lsp_text_release(struct lsp_text *t);
/* End of line n's text (0-based), before its line break. n must be < nlines. */
size_t lsp_text_line_end(const struct lsp_text *t, uint32_t n);
/*
 * Byte offset of a cwlint position (1-based line, 1-based column in code points), clamped
 * to the end of that line's text; a line past the end gives the end of the text.
 */
size_t lsp_text_offset(const struct lsp_text *t, uint32_t line, uint32_t col);
/* The LSP position (0-based line, character in enc) of byte offset off (clamped). */
void lsp_text_position(const struct lsp_text *t, enum lsp_encoding enc, size_t off,
		       uint32_t *line, uint32_t *character);
/*
 * Byte offset of an LSP position, clamped to the text: a character past the end of its
 * line is the line's end, one inside a code point (UTF-8 or a surrogate pair) its start.
 */
size_t lsp_text_from_position(const struct lsp_text *t, enum lsp_encoding enc, uint32_t line,
			      uint32_t character);
/* {"start": ..., "end": ...} for bytes [start, end). */
json_t *lsp_range_json(const struct lsp_text *t, enum lsp_encoding enc, size_t start, size_t end);

/* One edit of a rule's fix: bytes [start, end) of the text the lint read become text. */
struct lsp_edit {
	uint32_t start, end;
	char *text;			/* malloc'd */
};

/* A finding of the last lint of a document, kept for code actions. */
struct lsp_finding {
	const struct lint_rule *rule;
	uint32_t line, end_line;	/* 0-based lines its range covers */
	json_t *diag;			/* the Diagnostic as published (owned reference) */
	char *fix_title;		/* the rule's fix (malloc'd), or NULL when it has none */
	bool fix_safe;			/* what --fix applies; an unsafe fix needs a look */
	struct lsp_edit *edits;		/* the fix's edits, sorted, never overlapping */
	size_t nedits;
};

struct lsp_doc {
	char *uri;			/* as the client spelled it */
	char *abs;			/* normalised absolute path */
	char *app;			/* absolute root of its app, NULL when no app encloses it */
	bool env;			/* an env file (else a TS/JS source) */
	enum lint_file_kind kind;	/* for sources: the grammar */
	char *text;			/* NUL-terminated; may hold NUL bytes (then it is binary) */
	size_t len;
	long long version;
	struct lsp_finding *findings;	/* from the last lint of its app */
	size_t nfindings, alloc_findings;
	char *note;			/* why the last lint passed it over (sent once), or NULL */
};

/* Drops a document's findings. */
void lsp_doc_clear_findings(struct lsp_doc *d);

/*
 * The code actions for a textDocument/codeAction request on doc: for each cwlint finding in
 * the request's context or range, its rule's fix when it has one, then "ignore it here" (an
 * own-line cwlint-ignore comment with the reason left to write). The findings must come from
 * a lint of doc's current text (fix offsets are bytes of it). Returns a JSON array.
 */
json_t *lsp_code_actions(const struct lsp_doc *doc, enum lsp_encoding enc, size_t max_nesting,
			 json_t *params);

/* The placeholder reason of an inserted suppression: it suppresses, and it says TODO. */
#define LSP_IGNORE_REASON LINT_SUPP_PLACEHOLDER

#endif
