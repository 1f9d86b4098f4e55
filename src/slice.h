/*
 * slice.h - the top-level statements of a JS/TS file that some rules need, found from its
 * bytes, so that only they are parsed (tree-sitter included ranges).
 *
 * A long file is often one component or handler that imports WorkOS or Convex among many
 * that do not. A rule that reads only the code naming such imports (and what that code
 * calls) can have the rest skipped: parsing is most of cwlint's time.
 */
#ifndef CWLINT_SLICE_H
#define CWLINT_SLICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tree_sitter/api.h>

/* Files shorter than this are parsed whole (lint_run's slice_min). */
#define SLICE_MIN	2048

/* One binding of an import statement, as the byte scan read it. */
struct slice_binding {
	const char *module;		/* the quoted module, not terminated */
	size_t mlen;
	const char *imported;		/* "default", "*", or the exported name, not terminated */
	size_t ilen;
	bool type_only;			/* `import type`, or a `type` specifier */
};

/* Whether code naming this binding's local name is a root of the slice. */
typedef bool slice_root_fn(void *ud, const struct slice_binding *b);

/*
 * The ranges to parse: the directive prologue, every import and re-export statement, each
 * statement that names a root binding or holds one of words, each statement naming what
 * those declare (a caller, a renderer), and what any of them uses from the top level (a
 * local hook or helper). Returns their count, the ranges in *out (malloc'd, merged where
 * adjacent), or 0 when the file must be parsed whole: the scan found no statement it could
 * leave out, or met something it does not follow (unbalanced brackets, a merge conflict
 * marker, an unterminated string or template), or the slice would be most of the file
 * (unless most is set: the tests slice whatever they can).
 */
size_t lint_slice(const char *buf, size_t len, slice_root_fn *root, void *ud,
		  const char *const *words, bool most, TSRange **out);

#endif
