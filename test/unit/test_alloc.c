/*
 * test_alloc.c
 *		Unit tests of the allocator helpers.
 */
#include <string.h>

#include "unit_tests.h"
#include "diplo_alloc.h"

/* diplo_strndup copies exactly len bytes and terminates the copy. */
static void
test_strndup(void **state)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	char	   *s = diplo_strndup(a, "abcdef", 3);

	assert_string_equal(s, "abc");
	diplo_free(a, s);
}

/* diplo_alloc returns zeroed memory, even for size 0. */
static void
test_alloc_zeroed(void **state)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	unsigned char *p = diplo_alloc(a, 64);

	for (int i = 0; i < 64; i++)
		assert_int_equal(p[i], 0);
	diplo_free(a, p);
	p = diplo_alloc(a, 0);
	assert_non_null(p);
	diplo_free(a, p);
}

/* Run the allocator group. */
int
unit_alloc(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strndup),
		cmocka_unit_test(test_alloc_zeroed),
	};

	return cmocka_run_group_tests_name("alloc", tests, NULL, NULL);
}
