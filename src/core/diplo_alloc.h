/*
 * diplo_alloc.h
 *		The allocator and host interface through which src/core gets memory.
 *
 * The analyser never calls malloc or palloc directly: the PostgreSQL glue
 * passes palloc (memory freed with the calling memory context, errors
 * thrown), the unit tests and fuzzers pass malloc.  An allocator never
 * returns NULL: on failure it does not return (palloc throws, the malloc
 * host aborts).  check_interrupts, when set, is called from every loop over
 * text and may not return either (CHECK_FOR_INTERRUPTS longjmps).
 */
#ifndef DIPLO_ALLOC_H
#define DIPLO_ALLOC_H

#include <stddef.h>

typedef struct DiploAllocator
{
	void	   *(*alloc) (void *ctx, size_t size);	/* zeroed memory */
	void	   *(*realloc) (void *ctx, void *ptr, size_t size);
	void		(*free) (void *ctx, void *ptr);
	void		(*check_interrupts) (void *ctx);	/* may be NULL */
	void	   *ctx;
} DiploAllocator;

/* Zeroed allocation of size bytes. */
static inline void *
diplo_alloc(const DiploAllocator *a, size_t size)
{
	return a->alloc(a->ctx, size ? size : 1);
}

/* Grow or shrink ptr (NULL allocates); new bytes are not zeroed. */
static inline void *
diplo_realloc(const DiploAllocator *a, void *ptr, size_t size)
{
	return ptr ? a->realloc(a->ctx, ptr, size ? size : 1) : a->alloc(a->ctx, size ? size : 1);
}

/* Free ptr (NULL is a no-op). */
static inline void
diplo_free(const DiploAllocator *a, void *ptr)
{
	if (ptr)
		a->free(a->ctx, ptr);
}

/* Give the host a chance to cancel a long loop. */
static inline void
diplo_check_interrupts(const DiploAllocator *a)
{
	if (a->check_interrupts)
		a->check_interrupts(a->ctx);
}

/* Copy len bytes of s into a new NUL-terminated string. */
char	   *diplo_strndup(const DiploAllocator *a, const char *s, size_t len);

/* The malloc-based allocator used by unit tests, fuzzers and tools. */
extern const DiploAllocator diplo_malloc_allocator;

#endif							/* DIPLO_ALLOC_H */
