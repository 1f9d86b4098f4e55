/* arena.h - bump allocator: one per linted file or app, freed all at once. */
#ifndef CWLINT_ARENA_H
#define CWLINT_ARENA_H

#include <stddef.h>
#include <stdarg.h>

struct arena_block;

struct arena {
	struct arena_block *head;	/* newest block first */
	size_t total;			/* bytes handed out, for stats */
};
#define ARENA_INIT { NULL, 0 }

/* Memory from an arena is 16-byte aligned, zeroed, and lives until arena_release(). */
void *arena_alloc(struct arena *a, size_t n);
#define ARENA_NEW(a, type) ((type *)arena_alloc((a), sizeof(type)))
#define ARENA_ARRAY(a, type, n) ((type *)arena_alloc((a), sizeof(type) * (n)))
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);
/* Frees every block; the arena can be reused afterwards. */
void arena_release(struct arena *a);

#endif
