/*
 * diplo_alloc.c
 *		Helpers over the allocator interface, and the malloc host.
 */
#include "diplo_alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Copy len bytes of s into a new NUL-terminated string. */
char *
diplo_strndup(const DiploAllocator *a, const char *s, size_t len)
{
	char	   *r = diplo_alloc(a, len + 1);

	memcpy(r, s, len);
	r[len] = '\0';
	return r;
}

/* calloc that aborts instead of returning NULL. */
static void *
malloc_host_alloc(void *ctx, size_t size)
{
	void	   *p = calloc(1, size);

	(void) ctx;
	if (!p)
	{
		fprintf(stderr, "diplo: out of memory (%zu bytes)\n", size);
		abort();
	}
	return p;
}

/* realloc that aborts instead of returning NULL. */
static void *
malloc_host_realloc(void *ctx, void *ptr, size_t size)
{
	void	   *p = realloc(ptr, size);

	(void) ctx;
	if (!p)
	{
		fprintf(stderr, "diplo: out of memory (%zu bytes)\n", size);
		abort();
	}
	return p;
}

/* free for the malloc host. */
static void
malloc_host_free(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

const DiploAllocator diplo_malloc_allocator = {
	malloc_host_alloc, malloc_host_realloc, malloc_host_free, NULL, NULL
};
