/*
 * diplo_dict.c
 *		The parser of the plain actor dictionary format (see diplo_dict.h).
 */
#include <stdio.h>
#include <string.h>

#include "diplo_dict.h"

/* "No date" for an open end of a role. */
#define DICT_NO_DATE INT32_MIN

/* Most fields of a role: role; organisation; country; from..to. */
#define DICT_ROLE_FIELDS 4

/* The state of one parse: allocator, result so far, error. */
typedef struct DictParser
{
	const DiploAllocator *a;
	DiploDict  *out;
	DiploDictError *err;
	int			line;
	int			cap_actors;
} DictParser;

/* Record an error at the current line; always returns false. */
static bool
dict_fail(DictParser *p, const char *fmt, const char *arg)
{
	p->err->line = p->line;
	if (arg)
		snprintf(p->err->message, sizeof(p->err->message), fmt, arg);
	else
		snprintf(p->err->message, sizeof(p->err->message), "%s", fmt);
	return false;
}

/* Is c blank (space or tab)? */
static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Trim blanks from both ends of [*s, *s + *n). */
static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && is_blank((*s)[0]))
	{
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && is_blank((*s)[*n - 1]))
		(*n)--;
}

/* Grow an array of elements of size sz holding n so that one more fits. */
static void *
grow(const DiploAllocator *a, void *arr, int n, size_t sz)
{
	/* capacities are powers of two: grow when n reaches one */
	if (n == 0)
		return diplo_realloc(a, arr, sz * 4);
	if (n >= 4 && (n & (n - 1)) == 0)
		return diplo_realloc(a, arr, sz * (size_t) n * 2);
	return arr;
}

/* A quoted excerpt of [s, s + n) for a message (at most 60 bytes). */
static const char *
excerpt(char *buf, size_t bufsz, const char *s, size_t n)
{
	size_t		k = n > 60 ? 60 : n;

	/* do not cut a UTF-8 sequence */
	while (k < n && k > 0 && ((unsigned char) s[k] & 0xC0) == 0x80)
		k--;
	snprintf(buf, bufsz, "%.*s%s", (int) k, s, k < n ? "..." : "");
	return buf;
}

/* Days since 2000-01-01 of a valid Gregorian date. */
static int32_t
days_from_civil(int y, int m, int d)
{
	int			era;
	int			yoe;
	int			doy;
	int			doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t) (era * 146097 + doe - 719468 - 10957);
}

/* Parse YYYY-MM-DD (exactly) into days since 2000-01-01; false if bad. */
static bool
parse_date(const char *s, size_t n, int32_t *days)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int			v[3] = {0, 0, 0};
	int			widths[3] = {4, 2, 2};
	size_t		i = 0;

	if (n != 10)
		return false;
	for (int f = 0; f < 3; f++)
	{
		for (int k = 0; k < widths[f]; k++, i++)
		{
			if (s[i] < '0' || s[i] > '9')
				return false;
			v[f] = v[f] * 10 + (s[i] - '0');
		}
		if (f < 2 && s[i++] != '-')
			return false;
	}
	if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > mdays[v[1] - 1])
		return false;
	if (v[1] == 2 && v[2] == 29 &&
		!((v[0] % 4 == 0 && v[0] % 100 != 0) || v[0] % 400 == 0))
		return false;
	*days = days_from_civil(v[0], v[1], v[2]);
	return true;
}

/* A copy of a trimmed field, or NULL when it is empty. */
static char *
field_copy(const DiploAllocator *a, const char *s, size_t n)
{
	trim(&s, &n);
	return n ? diplo_strndup(a, s, n) : NULL;
}

/* Parse "from..to" (either side may be empty) into a role. */
static bool
parse_dates(DictParser *p, const char *s, size_t n, DiploDictRole *r)
{
	const char *dots = NULL;
	char		buf[80];
	const char *from = s;
	size_t		nfrom;
	const char *to;
	size_t		nto;

	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == '.' && s[i + 1] == '.')
		{
			dots = s + i;
			break;
		}
	if (dots == NULL)
		return dict_fail(p, "dates \"%s\" are not from..to (YYYY-MM-DD..YYYY-MM-DD, either side may be empty)",
						 excerpt(buf, sizeof(buf), s, n));
	nfrom = (size_t) (dots - s);
	to = dots + 2;
	nto = n - nfrom - 2;
	trim(&from, &nfrom);
	trim(&to, &nto);
	if (nfrom > 0 && !parse_date(from, nfrom, &r->valid_from))
		return dict_fail(p, "bad date \"%s\" (expected YYYY-MM-DD)",
						 excerpt(buf, sizeof(buf), from, nfrom));
	if (nto > 0 && !parse_date(to, nto, &r->valid_to))
		return dict_fail(p, "bad date \"%s\" (expected YYYY-MM-DD)",
						 excerpt(buf, sizeof(buf), to, nto));
	if (r->valid_from != DICT_NO_DATE && r->valid_to != DICT_NO_DATE &&
		r->valid_to < r->valid_from)
		return dict_fail(p, "the role ends before it starts (%s)",
						 excerpt(buf, sizeof(buf), s, n));
	return true;
}

/* Parse the inside of one [role; org; country; from..to] block. */
static bool
parse_role(DictParser *p, const char *s, size_t n, DiploDictRole *r)
{
	const char *fields[DICT_ROLE_FIELDS] = {0};
	size_t		lens[DICT_ROLE_FIELDS] = {0};
	int			nfields = 0;
	const char *start = s;
	char		buf[80];

	r->valid_from = DICT_NO_DATE;
	r->valid_to = DICT_NO_DATE;
	for (size_t i = 0; i <= n; i++)
	{
		if (i < n && s[i] != ';')
			continue;
		if (nfields == DICT_ROLE_FIELDS)
			return dict_fail(p, "a role has at most 4 fields (role; organisation; country; from..to): \"[%s]\"",
							 excerpt(buf, sizeof(buf), s, n));
		fields[nfields] = start;
		lens[nfields++] = (size_t) (s + i - start);
		start = s + i + 1;
	}
	r->role = field_copy(p->a, fields[0], lens[0]);
	r->org = nfields > 1 ? field_copy(p->a, fields[1], lens[1]) : NULL;
	r->country = nfields > 2 ? field_copy(p->a, fields[2], lens[2]) : NULL;
	if (r->role == NULL && r->org == NULL && r->country == NULL)
		return dict_fail(p, "a role names no role, organisation nor country: \"[%s]\"",
						 excerpt(buf, sizeof(buf), s, n));
	if (nfields > 3)
	{
		const char *d = fields[3];
		size_t		dn = lens[3];

		trim(&d, &dn);
		if (dn > 0 && !parse_dates(p, d, dn, r))
			return false;
	}
	return true;
}

/* Add a role to an actor. */
static void
add_role(DictParser *p, DiploDictActor *actor, const DiploDictRole *r)
{
	actor->roles = grow(p->a, actor->roles, actor->nroles, sizeof(DiploDictRole));
	actor->roles[actor->nroles++] = *r;
}

/* Parse an actor line (trimmed, comment removed): name, then roles. */
static bool
parse_actor(DictParser *p, const char *s, size_t n)
{
	DiploDict  *d = p->out;
	DiploDictActor *actor;
	size_t		i = 0;
	const char *name = s;
	size_t		nname;
	char		buf[80];

	while (i < n && s[i] != '[' && s[i] != ']')
		i++;
	if (i < n && s[i] == ']')
		return dict_fail(p, "\"]\" without \"[\"", NULL);
	nname = i;
	trim(&name, &nname);
	if (nname == 0)
		return dict_fail(p, "an actor line starts with its canonical name, not \"[\"", NULL);
	if (d->nactors == p->cap_actors)
	{
		p->cap_actors = p->cap_actors ? p->cap_actors * 2 : 16;
		d->actors = diplo_realloc(p->a, d->actors,
								  sizeof(DiploDictActor) * (size_t) p->cap_actors);
	}
	actor = &d->actors[d->nactors++];
	memset(actor, 0, sizeof(*actor));
	actor->name = diplo_strndup(p->a, name, nname);
	actor->line = p->line;
	while (i < n)
	{
		size_t		close;
		DiploDictRole r;

		if (is_blank(s[i]))
		{
			i++;
			continue;
		}
		if (s[i] != '[')
			return dict_fail(p, "unexpected text \"%s\" after a role (roles are in brackets)",
							 excerpt(buf, sizeof(buf), s + i, n - i));
		for (close = i + 1; close < n && s[close] != ']' && s[close] != '['; close++)
			;
		if (close == n || s[close] == '[')
			return dict_fail(p, "\"[\" without \"]\": \"%s\"",
							 excerpt(buf, sizeof(buf), s + i, (close == n ? n : close) - i));
		memset(&r, 0, sizeof(r));
		if (!parse_role(p, s + i + 1, close - i - 1, &r))
		{
			diplo_free(p->a, r.role);
			diplo_free(p->a, r.org);
			diplo_free(p->a, r.country);
			return false;
		}
		add_role(p, actor, &r);
		i = close + 1;
	}
	return true;
}

/* Parse an alias line (after "+"): the alias of the last actor. */
static bool
parse_alias(DictParser *p, const char *s, size_t n)
{
	DiploDictActor *actor;

	trim(&s, &n);
	if (n == 0)
		return dict_fail(p, "an alias line \"+\" names no alias", NULL);
	if (p->out->nactors == 0)
		return dict_fail(p, "an alias line before any actor line", NULL);
	actor = &p->out->actors[p->out->nactors - 1];
	actor->aliases = grow(p->a, actor->aliases, actor->naliases, sizeof(char *));
	actor->aliases[actor->naliases++] = diplo_strndup(p->a, s, n);
	return true;
}

/* Parse one line (without its end of line). */
static bool
parse_line(DictParser *p, const char *s, size_t n)
{
	const char *hash = memchr(s, '#', n);

	if (hash)
		n = (size_t) (hash - s);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char) s[i] < 0x20 && s[i] != '\t')
		{
			char		hex[8];

			snprintf(hex, sizeof(hex), "%02x", (unsigned char) s[i]);
			return dict_fail(p, "a control character (byte 0x%s)", hex);
		}
	trim(&s, &n);
	if (n == 0)
		return true;
	if (s[0] == '+')
		return parse_alias(p, s + 1, n - 1);
	return parse_actor(p, s, n);
}

/* Parse a dictionary (see diplo_dict.h). */
bool
diplo_dict_parse(const DiploAllocator *a, const char *text, size_t len,
				 DiploDict *out, DiploDictError *err)
{
	DictParser	p;
	size_t		pos = 0;

	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	p.a = a;
	p.out = out;
	p.err = err;
	p.line = 0;
	p.cap_actors = 0;
	while (pos < len)
	{
		const char *s = text + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t		n = nl ? (size_t) (nl - s) : len - pos;

		p.line++;
		diplo_check_interrupts(a);
		pos += n + (nl ? 1 : 0);
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (!parse_line(&p, s, n))
		{
			diplo_dict_free(a, out);
			return false;
		}
	}
	return true;
}

/* Free what diplo_dict_parse allocated. */
void
diplo_dict_free(const DiploAllocator *a, DiploDict *dict)
{
	for (int i = 0; i < dict->nactors; i++)
	{
		DiploDictActor *actor = &dict->actors[i];

		diplo_free(a, actor->name);
		for (int k = 0; k < actor->naliases; k++)
			diplo_free(a, actor->aliases[k]);
		diplo_free(a, actor->aliases);
		for (int k = 0; k < actor->nroles; k++)
		{
			diplo_free(a, actor->roles[k].role);
			diplo_free(a, actor->roles[k].org);
			diplo_free(a, actor->roles[k].country);
		}
		diplo_free(a, actor->roles);
	}
	diplo_free(a, dict->actors);
	memset(dict, 0, sizeof(*dict));
}
