/* arena.c - bump allocator; blocks grow geometrically, big requests get their own block. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "util.h"

#define ARENA_MIN_BLOCK (16 * 1024)

struct arena_block {
	struct arena_block *next;
	size_t size, used;
	/* 16-byte alignment for what follows */
	_Alignas(16) unsigned char data[];
};

void *arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t need = (n + 15) & ~(size_t)15;
	void *p;

	if (need < n)
		die("out of memory");
	if (!b || b->size - b->used < need) {
		size_t size = b ? b->size * 2 : ARENA_MIN_BLOCK;

		if (size > 4 * 1024 * 1024)
			size = 4 * 1024 * 1024;
		if (size < need)
			size = need;
		b = xmalloc(sizeof(*b) + size);
		b->size = size;
		b->used = 0;
		/* a block made for one big request goes behind the current one */
		if (a->head && size == need && a->head->size - a->head->used > 0) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = b->data + b->used;
	b->used += need;
	a->total += need;
	memset(p, 0, need);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	char *p;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		BUG("bad format '%s'", fmt);
	p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void arena_release(struct arena *a)
{
	struct arena_block *b = a->head;

	while (b) {
		struct arena_block *next = b->next;

		free(b);
		b = next;
	}
	a->head = NULL;
	a->total = 0;
}
