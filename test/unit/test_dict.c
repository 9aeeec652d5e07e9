/*
 * test_dict.c
 *		Unit tests of the actor dictionary parser (diplo_dict.c).
 */
#include <string.h>

#include "unit_tests.h"
#include "diplo_dict.h"

/* Parse s with the malloc allocator; returns the parser's answer. */
static bool
parse(const char *s, DiploDict *d, DiploDictError *err)
{
	return diplo_dict_parse(&diplo_malloc_allocator, s, strlen(s), d, err);
}

/* A dictionary with comments, roles, open dates and aliases. */
static void
test_dict_sample(void **state)
{
	const char *text =
		"# Secretaries of State\n"
		"\n"
		"Antony Blinken [Secretary of State; Department of State; United States; 2021-01-26..2025-01-20] "
		"[Deputy Secretary of State; Department of State; United States; 2015-01-09..2017-01-20]\r\n"
		"  +Tony Blinken   # what the press says\n"
		"+Antony J. Blinken\n"
		"Faisal bin Farhan [Foreign Minister; ; Saudi Arabia; 2019-10-23..]\n"
		"Ana Ruiz\n"
		"+Ruiz";
	DiploDict	d;
	DiploDictError err;

	assert_true(parse(text, &d, &err));
	assert_int_equal(d.nactors, 3);
	assert_string_equal(d.actors[0].name, "Antony Blinken");
	assert_int_equal(d.actors[0].line, 3);
	assert_int_equal(d.actors[0].nroles, 2);
	assert_string_equal(d.actors[0].roles[0].role, "Secretary of State");
	assert_string_equal(d.actors[0].roles[0].org, "Department of State");
	assert_string_equal(d.actors[0].roles[0].country, "United States");
	assert_int_equal(d.actors[0].roles[0].valid_from, 7696);
	assert_int_equal(d.actors[0].roles[0].valid_to, 9151);
	assert_string_equal(d.actors[0].roles[1].role, "Deputy Secretary of State");
	assert_int_equal(d.actors[0].naliases, 2);
	assert_string_equal(d.actors[0].aliases[0], "Tony Blinken");
	assert_string_equal(d.actors[0].aliases[1], "Antony J. Blinken");
	assert_null(d.actors[1].roles[0].org);
	assert_string_equal(d.actors[1].roles[0].country, "Saudi Arabia");
	assert_int_equal(d.actors[1].roles[0].valid_to, INT32_MIN);
	assert_int_equal(d.actors[2].nroles, 0);
	assert_int_equal(d.actors[2].naliases, 1);
	assert_string_equal(d.actors[2].aliases[0], "Ruiz");
	diplo_dict_free(&diplo_malloc_allocator, &d);
}

/* Short roles, dates before 2000, many aliases (the arrays grow). */
static void
test_dict_short_roles(void **state)
{
	const char *text =
		"Kofi Annan [Secretary-General; United Nations] [; ; Ghana; 1938-04-08..]\n"
		"+a\n+b\n+c\n+d\n+e\n+f\n+g\n+h\n+i\n";
	DiploDict	d;
	DiploDictError err;

	assert_true(parse(text, &d, &err));
	assert_int_equal(d.actors[0].nroles, 2);
	assert_null(d.actors[0].roles[0].country);
	assert_int_equal(d.actors[0].roles[0].valid_from, INT32_MIN);
	assert_null(d.actors[0].roles[1].role);
	assert_true(d.actors[0].roles[1].valid_from < 0);
	assert_int_equal(d.actors[0].naliases, 9);
	assert_string_equal(d.actors[0].aliases[8], "i");
	diplo_dict_free(&diplo_malloc_allocator, &d);

	assert_true(parse("", &d, &err));
	assert_int_equal(d.nactors, 0);
	assert_true(parse("# nothing\n\n", &d, &err));
	assert_int_equal(d.nactors, 0);
}

/* Each malformed line is refused with its line number and a reason. */
static void
test_dict_errors(void **state)
{
	static const struct
	{
		const char *text;
		int			line;
		const char *says;
	}			cases[] = {
		{"+Tony Blinken\n", 1, "before any actor"},
		{"A\n+\n", 2, "names no alias"},
		{"A [Envoy\n", 1, "without \"]\""},
		{"A [Envoy [x]]\n", 1, "without \"]\""},
		{"A ] x\n", 1, "without \"[\""},
		{"# c\n[Envoy] A\n", 2, "canonical name"},
		{"A [Envoy] B\n", 1, "unexpected text \"B\""},
		{"A [ ; ; ]\n", 1, "no role"},
		{"A [a; b; c; 2020-01-01..; e]\n", 1, "at most 4 fields"},
		{"A [Envoy; ; ; 2021-02-29..]\n", 1, "bad date \"2021-02-29\""},
		{"A [Envoy; ; ; 2020-1-1..]\n", 1, "bad date"},
		{"A [Envoy; ; ; 2020-01-01]\n", 1, "not from..to"},
		{"\n\nA [Envoy; ; ; 2020-01-02..2020-01-01]\n", 3, "ends before it starts"},
		{"A\x01 [Envoy]\n", 1, "control character"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		DiploDict	d;
		DiploDictError err;

		assert_false(parse(cases[i].text, &d, &err));
		assert_int_equal(err.line, cases[i].line);
		if (strstr(err.message, cases[i].says) == NULL)
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err.message, cases[i].says);
		assert_int_equal(d.nactors, 0);
		assert_null(d.actors);
	}
	/* 2020 is a leap year */
	{
		DiploDict	d;
		DiploDictError err;

		assert_true(parse("A [Envoy; ; ; 2020-02-29..2020-03-01]", &d, &err));
		assert_int_equal(d.actors[0].roles[0].valid_to - d.actors[0].roles[0].valid_from, 1);
		diplo_dict_free(&diplo_malloc_allocator, &d);
	}
}

/* Run the dictionary group. */
int
unit_dict(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dict_sample),
		cmocka_unit_test(test_dict_short_roles),
		cmocka_unit_test(test_dict_errors),
	};

	return cmocka_run_group_tests_name("dict", tests, NULL, NULL);
}
