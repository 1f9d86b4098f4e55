/*
 * dotenv.h - the .env dialect that Next.js (@next/env: dotenv + dotenv-expand) and Vite
 * load, with a byte position for every key and value so rules can point at them.
 *
 * Ownership: everything a parse returns lives in the arena passed in.
 */
#ifndef CWLINT_DOTENV_H
#define CWLINT_DOTENV_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

struct arena;

struct dotenv_entry {
	const char *key;		/* NUL-terminated */
	const char *value;		/* unquoted, escapes applied, NOT expanded; NUL-terminated */
	size_t value_len;		/* may be less than strlen if the value held "\0"-like data */
	const char *expanded;		/* after ${VAR} expansion (dotenv_expand); == value until then */
	char quote;			/* 0, '\'', '"' or '`' */
	bool exported;			/* had an "export " prefix */
	uint32_t line;			/* 1-based line of the key */
	uint32_t start;			/* byte offset of the entry's first byte ("export" or key) */
	uint32_t key_start, key_end;	/* byte range of the key */
	uint32_t value_start, value_end;/* byte range of the raw value, quotes included */
	uint32_t end;			/* byte offset just past the entry (before its line end) */
};

/* A line the dialect cannot parse (the env-syntax rule reports these). */
struct dotenv_error {
	uint32_t line;			/* 1-based */
	uint32_t start, end;		/* byte range to underline */
	const char *msg;		/* static string: "unterminated double-quoted value", ... */
};

/* An own-line "# ..." comment (suppression comments are read from these). */
struct dotenv_comment {
	uint32_t line;
	uint32_t start, end;		/* the comment text after '#', leading blanks skipped */
};

struct dotenv_file {
	struct dotenv_entry *entries;
	size_t nentries;
	struct dotenv_error *errors;
	size_t nerrors;
	struct dotenv_comment *comments;
	size_t ncomments;
};

/*
 * Parses buf[0..len) (need not be NUL-terminated; a UTF-8 BOM is skipped; LF, CRLF and lone
 * CR line ends are accepted). Never fails: bad lines become errors and parsing goes on at the
 * next line. Entries keep file order, duplicates included.
 */
void dotenv_parse(struct arena *a, const char *buf, size_t len, struct dotenv_file *out);

/*
 * Expands ${VAR}, ${VAR:-default}, ${VAR-default} and $VAR in every entry's value across the
 * files of one load set, as dotenv-expand does. files[0] has the highest precedence (Next.js
 * order: .env.<mode>.local, .env.local, .env.<mode>, .env; Vite's: .env.<mode>.local,
 * .env.<mode>, .env.local, .env). Single-quoted values are expanded too: dotenv drops the
 * quotes before dotenv-expand runs, in Next.js and Vite alike. A name found in no file
 * expands to "" (the user's shell environment is never read). A reference into a cycle
 * counts as unset; expansion stops growing a value at 1 MiB. Sets entry->expanded for every
 * entry of every file.
 */
void dotenv_expand(struct arena *a, struct dotenv_file *const *files, size_t nfiles);

/*
 * dotenv_expand() as @next/env does it: each file is expanded on its own, highest precedence
 * first, so a reference sees only its own file and files before it (".env.local" with
 * URL=${HOST}/cb and HOST only in ".env" gives "/cb" in a Next.js app).
 */
void dotenv_expand_next(struct arena *a, struct dotenv_file *const *files, size_t nfiles);

/* The last entry for key in f (the one that wins inside a file), or NULL. */
const struct dotenv_entry *dotenv_get(const struct dotenv_file *f, const char *key);

#endif
