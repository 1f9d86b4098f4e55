/*
 * unit.h - a tiny test harness for the C unit tests. Each test binary prints one line per
 * check ("ok - name" or "not ok - name: detail") and exits non-zero if any failed;
 * tests/run.sh counts the lines.
 */
#ifndef CWLINT_UNIT_H
#define CWLINT_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_failed;

#define UNIT_OK(cond, ...) do { \
	if (cond) { \
		printf("ok - "); printf(__VA_ARGS__); printf("\n"); \
	} else { \
		unit_failed++; \
		printf("not ok - "); printf(__VA_ARGS__); \
		printf(" (%s:%d: %s)\n", __FILE__, __LINE__, #cond); \
	} \
} while (0)

/* Compares two C strings (NULL allowed) and prints both on a mismatch. */
#define UNIT_STREQ(got, want, ...) do { \
	const char *g_ = (got), *w_ = (want); \
	int same_ = (g_ && w_) ? strcmp(g_, w_) == 0 : g_ == w_; \
	if (same_) { \
		printf("ok - "); printf(__VA_ARGS__); printf("\n"); \
	} else { \
		unit_failed++; \
		printf("not ok - "); printf(__VA_ARGS__); \
		printf(": got \"%s\", want \"%s\" (%s:%d)\n", g_ ? g_ : "(null)", \
		       w_ ? w_ : "(null)", __FILE__, __LINE__); \
	} \
} while (0)

#define UNIT_DONE() return unit_failed ? 1 : 0

#endif
