/*
 * test_registry.c - the rule registry's constant data stays within what the pipeline
 * holds: distinct words of all byte tests (kwscan's KW_MAX), distinct mention words (one
 * 64-bit set per file), unique ids. The pipeline stops with a BUG on overflow; this test
 * says so at build time instead of on a user's run.
 */
#include <string.h>

#include "kwscan.h"
#include "rule.h"
#include "unit.h"

#define MAX_MENTIONS 64		/* lint_file's mention_any and mention_end */

/* Adds each word of list to words[0..*n) unless there; false when more than max. */
static int add_words(const char **words, size_t *n, size_t max, const char *const *list)
{
	size_t i;

	for (; list && *list; list++) {
		for (i = 0; i < *n && strcmp(words[i], *list); i++)
			;
		if (i < *n)
			continue;
		if (*n == max)
			return 0;
		words[(*n)++] = *list;
	}
	return 1;
}

int main(void)
{
	const char *words[KW_MAX], *mentions[MAX_MENTIONS];
	size_t nwords = 0, nmentions = 0, i, j;
	int fits = 1, mfits = 1, unique = 1, documented = 1;

	for (i = 0; i < lint_nrules; i++) {
		const struct lint_rule *r = lint_rules[i];

		fits &= add_words(words, &nwords, KW_MAX, r->triggers);
		fits &= add_words(words, &nwords, KW_MAX, r->also);
		fits &= add_words(words, &nwords, KW_MAX, r->mentions);
		fits &= add_words(words, &nwords, KW_MAX, r->route_words);
		fits &= add_words(words, &nwords, KW_MAX, r->app_words);
		mfits &= add_words(mentions, &nmentions, MAX_MENTIONS, r->mentions);
		for (j = 0; j < i; j++)
			unique &= strcmp(lint_rules[j]->id, r->id) != 0;
		documented &= r->summary && *r->summary && r->description && *r->description;
	}
	UNIT_OK(lint_nrules > 50, "the registry lists the rules (%zu)", lint_nrules);
	UNIT_OK(fits, "the byte tests' distinct words fit one word set (%zu of %d)", nwords, KW_MAX);
	UNIT_OK(mfits, "the distinct mention words fit a file's 64-bit sets (%zu)", nmentions);
	UNIT_OK(nmentions >= 10, "mention words are counted (%zu)", nmentions);
	UNIT_OK(unique, "rule ids are unique");
	UNIT_OK(documented, "every rule has a summary and a description");
	UNIT_DONE();
}
