/*
 * diplo_conf.c
 *		Named configurations (issue 7): the type diplo_config, the catalog
 *		tables that hold a snapshot of each configuration, diplo_config_create
 *		and diplo_config_drop, the per-backend cache of built configurations
 *		and diplo_analyze(diplo_config, text [, date]).
 *
 * A configuration never changes once built, and its name is never reused:
 * diplo_config_create copies the user's rows into the catalog under a name
 * never used before; diplo_config_drop deletes them and marks the name's row
 * dropped (the row stays, so that the name cannot stand for another build).
 * A backend builds a configuration once (diplo_config_build) into a
 * long-lived memory context and keeps it until a relcache invalidation of
 * the catalog table diplo_configs, which diplo_config_drop sends to every
 * backend at commit.
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "parser/parse_coerce.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

#include "diplo.h"
#include "diplo_analyze.h"
#include "diplo_conf.h"
#include "diplo_config.h"

PG_FUNCTION_INFO_V1(diplo_config_in);
PG_FUNCTION_INFO_V1(diplo_config_out);
PG_FUNCTION_INFO_V1(diplo_config_recv);
PG_FUNCTION_INFO_V1(diplo_config_send);
PG_FUNCTION_INFO_V1(diplo_config_create);
PG_FUNCTION_INFO_V1(diplo_config_drop);
PG_FUNCTION_INFO_V1(diplo_config_analyze);
PG_FUNCTION_INFO_V1(diplo_config_quotes);
PG_FUNCTION_INFO_V1(diplo_config_speaker_details);

/* Longest configuration name, in bytes (ASCII). */
#define CONFIG_NAME_MAX 63

/* One built configuration of the cache. */
typedef struct ConfigEntry
{
	char		name[CONFIG_NAME_MAX + 1];	/* hash key */
	const DiploConfig *config;
} ConfigEntry;

/* The cache: built configurations by name, in config_cxt. */
static MemoryContext config_cxt = NULL;
static HTAB *config_cache = NULL;

/* Set by the relcache callback: the cache is flushed at the next lookup. */
static bool config_cache_stale = false;
static bool config_callback_registered = false;

/* The oid of the catalog table diplo_configs when last looked up. */
static Oid	config_catalog_relid = InvalidOid;

/* Where the catalog tables are: the extension's schema, quoted. */
typedef struct ConfigCatalog
{
	const char *schema;			/* quoted schema name */
	Oid			relid;			/* diplo_configs */
	Oid			owner;			/* owner of the catalog tables */
	Snapshot	snapshot;		/* what a build reads the catalog with, or NULL */
} ConfigCatalog;

/* What the catalog says of a configuration name. */
typedef enum ConfigStatus
{
	CONFIG_UNKNOWN,				/* never created */
	CONFIG_LIVE,
	CONFIG_DROPPED				/* created, then dropped: the name stays used */
} ConfigStatus;

/* Names of cue classes, flags and organisation kinds, as in data/ files. */
static const char *const cue_class_names[] = {"speech", "stance", "topic"};
static const struct
{
	const char *name;
	uint16		flag;
}			cue_flag_names[] =
{
	{"takes_object", DIPLO_CUE_TAKES_OBJECT},
	{"participle", DIPLO_CUE_PARTICIPLE},
	{"present", DIPLO_CUE_PRESENT},
	{"quote_only", DIPLO_CUE_QUOTE_ONLY},
	{"clause", DIPLO_CUE_CLAUSE},
	{"by_agent", DIPLO_CUE_BY_AGENT},
	{"to_object", DIPLO_CUE_TO_OBJECT},
	{"for_object", DIPLO_CUE_FOR_OBJECT},
	{"after_make", DIPLO_CUE_AFTER_MAKE},
	{"it_object", DIPLO_CUE_IT_OBJECT},
	{"named_subject", DIPLO_CUE_NAMED_SUBJECT},
};
static const char *const org_kind_names[] = {
	"government", "international", "media", "other", "channel"
};

/*
 * The kinds of rows a configuration holds, with the columns diplo_config_create
 * reads from the user's table and writes to the catalog table.
 */
typedef enum ColType
{
	COL_STRING,					/* text, varchar, name ... */
	COL_STRINGS,				/* an array of them */
	COL_DATE,
	COL_BOOL
} ColType;

typedef struct ColSpec
{
	const char *name;
	ColType		type;
	bool		required;
} ColSpec;

#define MAX_COLS 7

typedef struct KindSpec
{
	const char *kind;			/* "actors" */
	const char *catalog;		/* "diplo_config_actors" */
	int			ncols;
	ColSpec		cols[MAX_COLS];
} KindSpec;

enum
{
	KIND_ACTORS,
	KIND_TOPICS,
	KIND_CUES,
	KIND_ORGS,
	NKINDS
};

static const KindSpec kind_specs[NKINDS] = {
	{"actors", "diplo_config_actors", 7,
		{{"name", COL_STRING, true}, {"aliases", COL_STRINGS, false},
		 {"role", COL_STRING, false}, {"org", COL_STRING, false},
		 {"country", COL_STRING, false}, {"valid_from", COL_DATE, false},
	{"valid_to", COL_DATE, false}}},
	{"topics", "diplo_config_topics", 2,
		{{"topic", COL_STRING, true}, {"keywords", COL_STRINGS, true}}},
	{"cues", "diplo_config_cues", 4,
		{{"form", COL_STRING, true}, {"lemma", COL_STRING, false},
	{"class", COL_STRING, false}, {"flags", COL_STRINGS, false}}},
	{"orgs", "diplo_config_orgs", 5,
		{{"phrase", COL_STRING, true}, {"canonical", COL_STRING, false},
		 {"kind", COL_STRING, false}, {"country", COL_STRING, false},
	{"case_sensitive", COL_BOOL, false}}},
};

/* Is s (len bytes) a valid configuration name?  Sets *why if not. */
static bool
config_name_valid(const char *s, size_t len, const char **why)
{
	if (len == 0)
	{
		*why = "A configuration name may not be empty.";
		return false;
	}
	if (len > CONFIG_NAME_MAX)
	{
		*why = "A configuration name has at most 63 characters.";
		return false;
	}
	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
	{
		*why = "A configuration name starts with an ASCII letter.";
		return false;
	}
	for (size_t i = 0; i < len; i++)
	{
		char		c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
		{
			*why = "A configuration name holds only ASCII letters, digits, \"_\", \"-\" and \".\".";
			return false;
		}
	}
	return true;
}

/* Raise 22P02 unless s (len bytes) is a valid configuration name. */
static void
check_config_name(const char *s, size_t len)
{
	const char *why;

	if (!config_name_valid(s, len, &why))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("invalid input syntax for type %s: \"%s\"",
						"diplo_config", pnstrdup(s, len)),
				 errdetail("%s", why)));
}

/* diplo_config_in(cstring): a configuration name, checked for syntax. */
Datum
diplo_config_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);

	check_config_name(s, strlen(s));
	PG_RETURN_TEXT_P(cstring_to_text(s));
}

/* diplo_config_out(diplo_config): the name as written. */
Datum
diplo_config_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(text_to_cstring(PG_GETARG_TEXT_PP(0)));
}

/* diplo_config_recv(internal): the name from its binary form (text). */
Datum
diplo_config_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			nbytes;
	char	   *s = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);

	check_config_name(s, nbytes);
	PG_RETURN_TEXT_P(cstring_to_text_with_len(s, nbytes));
}

/* diplo_config_send(diplo_config): the name as text bytes. */
Datum
diplo_config_send(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendtext(&buf, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* The name held by a diplo_config argument, as a C string (checked). */
static char *
config_arg_name(FunctionCallInfo fcinfo, int argno)
{
	text	   *t = PG_GETARG_TEXT_PP(argno);

	check_config_name(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
	return text_to_cstring(t);
}

/*
 * The extension's schema (that of the function fn_oid, one of diplo's) and
 * its catalog table diplo_configs.
 */
static ConfigCatalog
config_catalog(Oid fn_oid)
{
	ConfigCatalog cat;
	Oid			nsp = get_func_namespace(fn_oid);
	char	   *nspname = get_namespace_name(nsp);
	HeapTuple	tup;

	cat.relid = nspname ? get_relname_relid("diplo_configs", nsp) : InvalidOid;
	if (!OidIsValid(cat.relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("the catalog table diplo_configs of extension diplo is missing"),
				 errhint("ALTER EXTENSION diplo UPDATE creates it.")));
	cat.schema = quote_identifier(nspname);
	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(cat.relid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for relation %u", cat.relid);
	cat.owner = ((Form_pg_class) GETSTRUCT(tup))->relowner;
	cat.snapshot = NULL;
	ReleaseSysCache(tup);
	config_catalog_relid = cat.relid;
	return cat;
}

/* Relcache callback: a change of diplo_configs makes the cache stale. */
static void
config_relcache_callback(Datum arg, Oid relid)
{
	if (relid == InvalidOid || relid == config_catalog_relid)
		config_cache_stale = true;
}

/* Zeroed allocation in a configuration's context. */
static void *
config_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size,
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
}

/* Resize a chunk of a configuration's context. */
static void *
config_realloc(void *ctx, void *ptr, size_t size)
{
	return repalloc_huge(ptr, size);
}

/* Free a chunk of a configuration's context. */
static void
config_free(void *ctx, void *ptr)
{
	pfree(ptr);
}

/* Let a query cancel stop a long build. */
static void
config_check_interrupts(void *ctx)
{
	CHECK_FOR_INTERRUPTS();
}

/* A text Datum of the current SPI row as a UTF-8 C string, or NULL. */
static const char *
spi_utf8(HeapTuple tup, TupleDesc desc, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, col, &isnull);
	text	   *t;

	if (isnull)
		return NULL;
	t = DatumGetTextPP(d);
	return pg_server_to_any(text_to_cstring(t), VARSIZE_ANY_EXHDR(t), PG_UTF8);
}

/* A text[] Datum of the current SPI row as UTF-8 C strings; *n its size. */
static const char *const *
spi_utf8_array(HeapTuple tup, TupleDesc desc, int col, int *n)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, col, &isnull);
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	const char **out;
	int			k = 0;

	*n = 0;
	if (isnull)
		return NULL;
	deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, TYPALIGN_INT,
					  &elems, &nulls, &nelems);
	out = palloc0(sizeof(char *) * (nelems + 1));
	for (int i = 0; i < nelems; i++)
	{
		text	   *t;

		if (nulls[i])
			continue;
		t = DatumGetTextPP(elems[i]);
		out[k++] = pg_server_to_any(text_to_cstring(t), VARSIZE_ANY_EXHDR(t),
									PG_UTF8);
	}
	*n = k;
	return out;
}

/* A date Datum of the current SPI row as days since 2000-01-01, or none. */
static int32
spi_date(HeapTuple tup, TupleDesc desc, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, desc, col, &isnull);
	DateADT		v;

	if (isnull)
		return DIPLO_NO_DATE;
	v = DatumGetDateADT(d);
	return DATE_NOT_FINITE(v) ? DIPLO_NO_DATE : (int32) v;
}

/* Index of name in names[n], or -1. */
static int
name_index(const char *const *names, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

/*
 * Run a query of the catalog with the configuration name as $1; read_only
 * queries of a build with cat->snapshot set read with that snapshot.
 */
static SPITupleTable *
catalog_query(const ConfigCatalog *cat, const char *sql, const char *name,
			  bool read_only, uint64 *nrows)
{
	Oid			argtypes[1] = {TEXTOID};
	Datum		values[1];
	int			rc;

	values[0] = CStringGetTextDatum(name);
	if (read_only && cat->snapshot != NULL)
	{
		SPIPlanPtr	plan = SPI_prepare(sql, 1, argtypes);

		if (plan == NULL)
			elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
		rc = SPI_execute_snapshot(plan, values, NULL, cat->snapshot,
								  InvalidSnapshot, true, false, 0);
		SPI_freeplan(plan);
	}
	else
		rc = SPI_execute_with_args(sql, 1, argtypes, values, NULL, read_only, 0);
	if (rc < 0)
		elog(ERROR, "SPI query failed: %s", SPI_result_code_string(rc));
	*nrows = SPI_processed;
	return SPI_tuptable;
}

/*
 * What the catalog says of a name; for a dropped configuration, *dropped is
 * when (as text).  For any known one, *owner (if not NULL) is its owner
 * role, or InvalidOid if no role has both the recorded oid and name (the
 * role was dropped or renamed, or the rows were restored elsewhere).
 */
static ConfigStatus
config_status(const ConfigCatalog *cat, const char *name, bool read_only,
			  Oid *owner, char **dropped)
{
	uint64		n;
	SPITupleTable *tt = catalog_query(cat, psprintf("SELECT owner, pg_catalog.to_char(dropped, 'YYYY-MM-DD HH24:MI:SS TZ'), owner_id "
													"FROM %s.diplo_configs "
													"WHERE name OPERATOR(pg_catalog.=) $1",
													cat->schema),
									  name, read_only, &n);

	if (n == 0)
		return CONFIG_UNKNOWN;
	if (owner != NULL)
	{
		char	   *owner_name = SPI_getvalue(tt->vals[0], tt->tupdesc, 1);
		bool		isnull;
		Oid			id = DatumGetObjectId(SPI_getbinval(tt->vals[0], tt->tupdesc, 3, &isnull));
		char	   *id_name = isnull ? NULL : GetUserNameFromId(id, true);

		*owner = (id_name != NULL && owner_name != NULL &&
				  strcmp(id_name, owner_name) == 0) ? id : InvalidOid;
	}
	*dropped = SPI_getvalue(tt->vals[0], tt->tupdesc, 2);
	return *dropped == NULL ? CONFIG_LIVE : CONFIG_DROPPED;
}

/* ERROR 42704 for a configuration name never created or dropped. */
static void
config_missing_error(const ConfigCatalog *cat, const char *name,
					 ConfigStatus status, const char *dropped)
{
	if (status == CONFIG_DROPPED)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("diplo configuration \"%s\" does not exist", name),
				 errdetail("It was dropped at %s.", dropped)));
	ereport(ERROR,
			(errcode(ERRCODE_UNDEFINED_OBJECT),
			 errmsg("diplo configuration \"%s\" does not exist", name),
			 errhint("diplo_config_create makes one; the table %s.diplo_configs lists them.",
					 cat->schema)));
}

/* Fill def->actors from the catalog rows of one configuration. */
static void
load_actors(const ConfigCatalog *cat, const char *name, bool read_only,
			DiploConfigDef *def)
{
	uint64		n;
	SPITupleTable *tt = catalog_query(cat, psprintf("SELECT name, aliases, role, org, country, valid_from, valid_to "
											   "FROM %s.diplo_config_actors WHERE config OPERATOR(pg_catalog.=) $1 "
											   "ORDER BY name COLLATE \"C\", ord", cat->schema),
									  name, read_only, &n);
	DiploActorDef *actors = palloc0(sizeof(DiploActorDef) * (n + 1));
	int			nactors = 0;
	const char **cur_al = NULL; /* the last actor's arrays, grown by doubling */
	DiploActorRoleDef *cur_r = NULL;
	int			al_cap = 0;
	int			r_cap = 0;

	for (uint64 i = 0; i < n; i++)
	{
		HeapTuple	tup = tt->vals[i];
		const char *aname = spi_utf8(tup, tt->tupdesc, 1);
		int			nal;
		const char *const *al = spi_utf8_array(tup, tt->tupdesc, 2, &nal);
		DiploActorDef *a;
		DiploActorRoleDef *r;
		const char *role = spi_utf8(tup, tt->tupdesc, 3);
		const char *org = spi_utf8(tup, tt->tupdesc, 4);
		const char *country = spi_utf8(tup, tt->tupdesc, 5);

		CHECK_FOR_INTERRUPTS();
		/* rows of one actor are consecutive: merge aliases, add the role */
		if (nactors > 0 && strcmp(actors[nactors - 1].name, aname) == 0)
			a = &actors[nactors - 1];
		else
		{
			a = &actors[nactors++];
			a->name = aname;
			al_cap = r_cap = 4;
			cur_al = palloc(sizeof(char *) * al_cap);
			cur_r = palloc(sizeof(DiploActorRoleDef) * r_cap);
			a->aliases = cur_al;
			a->roles = cur_r;
		}
		if (nal > 0)
		{
			if (a->naliases + nal > al_cap)
			{
				al_cap = Max(al_cap * 2, a->naliases + nal);
				cur_al = repalloc(cur_al, sizeof(char *) * al_cap);
				a->aliases = cur_al;
			}
			for (int k = 0; k < nal; k++)
				if (name_index(cur_al, a->naliases, al[k]) < 0)
					cur_al[a->naliases++] = al[k];
		}
		if (role == NULL && org == NULL && country == NULL)
			continue;
		if (a->nroles == r_cap)
		{
			r_cap *= 2;
			cur_r = repalloc(cur_r, sizeof(DiploActorRoleDef) * r_cap);
			a->roles = cur_r;
		}
		r = &cur_r[a->nroles];
		r->role = role;
		r->org = org;
		r->country = country;
		r->valid_from = spi_date(tup, tt->tupdesc, 6);
		r->valid_to = spi_date(tup, tt->tupdesc, 7);
		a->nroles++;
	}
	def->actors = actors;
	def->nactors = nactors;
}

/* Fill def->topics from the catalog rows of one configuration. */
static void
load_topics(const ConfigCatalog *cat, const char *name, bool read_only,
			DiploConfigDef *def)
{
	uint64		n;
	SPITupleTable *tt = catalog_query(cat, psprintf("SELECT topic, keywords FROM %s.diplo_config_topics "
											   "WHERE config OPERATOR(pg_catalog.=) $1 ORDER BY ord", cat->schema),
									  name, read_only, &n);
	DiploTopicDef *topics = palloc0(sizeof(DiploTopicDef) * (n + 1));

	for (uint64 i = 0; i < n; i++)
	{
		topics[i].topic = spi_utf8(tt->vals[i], tt->tupdesc, 1);
		topics[i].keywords = spi_utf8_array(tt->vals[i], tt->tupdesc, 2,
											&topics[i].nkeywords);
	}
	def->topics = topics;
	def->ntopics = (int) n;
}

/* Fill def->cues from the catalog rows of one configuration. */
static void
load_cues(const ConfigCatalog *cat, const char *name, bool read_only,
		  DiploConfigDef *def)
{
	uint64		n;
	SPITupleTable *tt = catalog_query(cat, psprintf("SELECT form, lemma, class, flags FROM %s.diplo_config_cues "
											   "WHERE config OPERATOR(pg_catalog.=) $1 ORDER BY ord", cat->schema),
									  name, read_only, &n);
	DiploCueDef *cues = palloc0(sizeof(DiploCueDef) * (n + 1));

	for (uint64 i = 0; i < n; i++)
	{
		int			nflags;
		const char *const *flags;
		const char *cls;

		cues[i].form = spi_utf8(tt->vals[i], tt->tupdesc, 1);
		cues[i].lemma = spi_utf8(tt->vals[i], tt->tupdesc, 2);
		cls = spi_utf8(tt->vals[i], tt->tupdesc, 3);
		cues[i].cls = (DiploCueClass) Max(0, name_index(cue_class_names,
														lengthof(cue_class_names),
														cls));
		flags = spi_utf8_array(tt->vals[i], tt->tupdesc, 4, &nflags);
		for (int k = 0; k < nflags; k++)
			for (int f = 0; f < lengthof(cue_flag_names); f++)
				if (strcmp(flags[k], cue_flag_names[f].name) == 0)
					cues[i].flags |= cue_flag_names[f].flag;
	}
	def->cues = cues;
	def->ncues = (int) n;
}

/* Fill def->orgs from the catalog rows of one configuration. */
static void
load_orgs(const ConfigCatalog *cat, const char *name, bool read_only,
		  DiploConfigDef *def)
{
	uint64		n;
	SPITupleTable *tt = catalog_query(cat, psprintf("SELECT phrase, canonical, kind, country, case_sensitive "
											   "FROM %s.diplo_config_orgs WHERE config OPERATOR(pg_catalog.=) $1 ORDER BY ord",
											   cat->schema),
									  name, read_only, &n);
	DiploOrgDef *orgs = palloc0(sizeof(DiploOrgDef) * (n + 1));

	for (uint64 i = 0; i < n; i++)
	{
		bool		isnull;

		orgs[i].phrase = spi_utf8(tt->vals[i], tt->tupdesc, 1);
		orgs[i].canonical = spi_utf8(tt->vals[i], tt->tupdesc, 2);
		orgs[i].kind = (DiploOrgKind) Max(0, name_index(org_kind_names,
														lengthof(org_kind_names),
														spi_utf8(tt->vals[i], tt->tupdesc, 3)));
		orgs[i].country = spi_utf8(tt->vals[i], tt->tupdesc, 4);
		orgs[i].case_sensitive =
			DatumGetBool(SPI_getbinval(tt->vals[i], tt->tupdesc, 5, &isnull));
	}
	def->orgs = orgs;
	def->norgs = (int) n;
}

/*
 * Build the configuration name from the catalog into a new context under
 * parent (*cxt gets it).  An unknown name is ERROR 42704; a definition the
 * analyser refuses is ERROR 22023 with its message.  Called inside SPI.
 */
static const DiploConfig *
config_build_from_catalog(const char *name, Oid fn_oid, bool read_only,
						  MemoryContext parent, MemoryContext *cxt)
{
	ConfigCatalog cat = config_catalog(fn_oid);
	DiploConfigDef def;
	DiploAllocator alloc;
	DiploConfig *config;
	char		err[256];
	char	   *dropped;
	ConfigStatus status;

	/*
	 * What goes into the cache is read with one latest snapshot, as the
	 * system catalogs are: a transaction snapshot older than a drop whose
	 * invalidation this backend has already processed would otherwise bring
	 * the dropped configuration back into the cache for good.  (A parallel
	 * worker must use the query's snapshot.)
	 */
	if (read_only && !IsInParallelMode())
		cat.snapshot = RegisterSnapshot(GetLatestSnapshot());
	status = config_status(&cat, name, read_only, NULL, &dropped);
	if (status != CONFIG_LIVE)
		config_missing_error(&cat, name, status, dropped);
	memset(&def, 0, sizeof(def));
	def.name = name;
	load_actors(&cat, name, read_only, &def);
	load_topics(&cat, name, read_only, &def);
	load_cues(&cat, name, read_only, &def);
	load_orgs(&cat, name, read_only, &def);
	if (cat.snapshot != NULL)
		UnregisterSnapshot(cat.snapshot);

	*cxt = AllocSetContextCreate(parent, "diplo configuration",
								 ALLOCSET_DEFAULT_SIZES);
	alloc.alloc = config_alloc;
	alloc.realloc = config_realloc;
	alloc.free = config_free;
	alloc.check_interrupts = config_check_interrupts;
	alloc.ctx = *cxt;
	err[0] = '\0';
	/* a cancel inside the build must not leave its context in the cache's */
	PG_TRY();
	{
		config = diplo_config_build(&alloc, &def, err, sizeof(err));
	}
	PG_CATCH();
	{
		MemoryContextDelete(*cxt);
		*cxt = NULL;
		PG_RE_THROW();
	}
	PG_END_TRY();
	if (config == NULL)
	{
		MemoryContextDelete(*cxt);
		*cxt = NULL;
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid diplo configuration \"%s\": %s", name,
						err[0] ? err : "the analyser refused it")));
	}
	return config;
}

/*
 * The built configuration of this name, from the backend's cache or built
 * from the catalog (and cached).  ERROR 42704 if there is none.
 */
const DiploConfig *
diplo_config_lookup(const char *name, Oid fn_oid)
{
	ConfigEntry *entry;
	bool		found;
	MemoryContext cxt;
	const DiploConfig *config;
	bool		pushed = false;
	int			rc;

	if (!config_callback_registered)
	{
		CacheRegisterRelcacheCallback(config_relcache_callback, (Datum) 0);
		config_callback_registered = true;
	}
	if (config_cache_stale && config_cxt != NULL)
	{
		MemoryContextDelete(config_cxt);
		config_cxt = NULL;
		config_cache = NULL;
	}
	config_cache_stale = false;
	if (config_cache == NULL)
	{
		HASHCTL		ctl;

		config_cxt = AllocSetContextCreate(CacheMemoryContext,
										   "diplo configurations",
										   ALLOCSET_DEFAULT_SIZES);
		memset(&ctl, 0, sizeof(ctl));
		ctl.keysize = CONFIG_NAME_MAX + 1;
		ctl.entrysize = sizeof(ConfigEntry);
		ctl.hcxt = config_cxt;
		config_cache = hash_create("diplo configurations", 16, &ctl,
								   HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
	}
	entry = hash_search(config_cache, name, HASH_FIND, NULL);
	if (entry != NULL)
		return entry->config;

	/* build it (SPI wants an active snapshot; the build reads its own) */
	if (!ActiveSnapshotSet())
	{
		PushActiveSnapshot(GetTransactionSnapshot());
		pushed = true;
	}
	if ((rc = SPI_connect()) != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed: %s", SPI_result_code_string(rc));
	config = config_build_from_catalog(name, fn_oid, true, config_cxt, &cxt);
	SPI_finish();
	if (pushed)
		PopActiveSnapshot();

	/* an invalidation during the build flushed config_cxt at most later */
	entry = hash_search(config_cache, name, HASH_ENTER, &found);
	entry->config = config;
	return config;
}

static DiploAnalyzeOptions config_call_options(FunctionCallInfo fcinfo);

/* Flush this backend's cache now (after a drop in this transaction). */
static void
config_cache_flush(void)
{
	config_cache_stale = true;
}

/*
 * diplo_analyze(diplo_config, text [, date]): the analysis of an article
 * with a configuration, on a publication date (NULL: none known).
 */
Datum
diplo_config_analyze(PG_FUNCTION_ARGS)
{
	DiploScratch scratch;
	DiploAnalysis an;
	DiploStatement *result;
	DiploAnalyzeOptions opts;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	opts = config_call_options(fcinfo);
	diplo_scratch_begin(&scratch);
	memset(&an, 0, sizeof(an));
	diplo_analyze_server_text_opts(&scratch.alloc, PG_GETARG_TEXT_PP(1),
								   &opts, &an);
	result = diplo_statement_build(&scratch.alloc, &an, scratch.caller);
	diplo_scratch_end(&scratch);
	PG_RETURN_DIPLO_STATEMENT_P(result);
}

/*
 * The analysis options of a call (config, text [, date]): the configuration
 * looked up, the date or none.
 */
static DiploAnalyzeOptions
config_call_options(FunctionCallInfo fcinfo)
{
	DiploAnalyzeOptions opts = {DIPLO_LANG_AUTO, NULL, DIPLO_NO_DATE};
	char	   *name = config_arg_name(fcinfo, 0);

	opts.config = diplo_config_lookup(name, fcinfo->flinfo->fn_oid);
	pfree(name);
	if (PG_NARGS() > 2 && !PG_ARGISNULL(2))
	{
		DateADT		d = PG_GETARG_DATEADT(2);

		opts.date = DATE_NOT_FINITE(d) ? DIPLO_NO_DATE : (int32) d;
	}
	return opts;
}

/*
 * Rows of the analysis of (config, text [, date]) put by materialize into
 * the SRF; a NULL configuration or text gives no rows.
 */
static Datum
config_rows(FunctionCallInfo fcinfo,
			void (*materialize) (FunctionCallInfo, const DiploAnalysis *))
{
	DiploScratch scratch;
	DiploAnalysis an;
	DiploAnalyzeOptions opts;

	diplo_srf_begin(fcinfo);
	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		return (Datum) 0;
	opts = config_call_options(fcinfo);
	diplo_scratch_begin(&scratch);
	memset(&an, 0, sizeof(an));
	diplo_analyze_server_text_opts(&scratch.alloc, PG_GETARG_TEXT_PP(1),
								   &opts, &an);
	materialize(fcinfo, &an);
	diplo_scratch_end(&scratch);
	return (Datum) 0;
}

/* diplo_quotes(diplo_config, text [, date]): one row per quote. */
Datum
diplo_config_quotes(PG_FUNCTION_ARGS)
{
	return config_rows(fcinfo, diplo_quotes_materialize);
}

/* diplo_speaker_details(diplo_config, text [, date]): one row per speaker. */
Datum
diplo_config_speaker_details(PG_FUNCTION_ARGS)
{
	return config_rows(fcinfo, diplo_speakers_materialize);
}

/* The attribute number of column name of relid, or InvalidAttrNumber. */
static AttrNumber
user_column(Oid relid, const char *name)
{
	return get_attnum(relid, name);
}

/* Does a column of type typid fit a ColType? */
static bool
column_type_fits(Oid typid, ColType type)
{
	Oid			elem;

	switch (type)
	{
		case COL_STRING:
			return TypeCategory(typid) == TYPCATEGORY_STRING;
		case COL_STRINGS:
			elem = get_element_type(typid);
			return OidIsValid(elem) && TypeCategory(elem) == TYPCATEGORY_STRING;
		case COL_DATE:
			return typid == DATEOID;
		case COL_BOOL:
			return typid == BOOLOID;
	}
	return false;
}

/* The SQL type a ColType is read as. */
static const char *
column_type_sql(ColType type)
{
	switch (type)
	{
		case COL_STRING:
			return "pg_catalog.text";
		case COL_STRINGS:
			return "pg_catalog.text[]";
		case COL_DATE:
			return "pg_catalog.date";
		case COL_BOOL:
			return "pg_catalog.bool";
	}
	return "pg_catalog.text";
}

/*
 * Read the rows of a user's table of one kind (as the calling user): the
 * columns of the kind's spec, absent optional ones as NULL.  Missing
 * required columns are ERROR 42703, columns of the wrong type 42804.
 */
static SPITupleTable *
read_user_table(const KindSpec *spec, Oid relid, uint64 *nrows)
{
	StringInfoData sql;
	char	   *relname = get_rel_name(relid);
	int			rc;

	if (relname == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation with OID %u does not exist", relid)));
	initStringInfo(&sql);
	appendStringInfoString(&sql, "SELECT ");
	for (int c = 0; c < spec->ncols; c++)
	{
		const ColSpec *col = &spec->cols[c];
		AttrNumber	att = user_column(relid, col->name);

		if (c > 0)
			appendStringInfoString(&sql, ", ");
		if (att == InvalidAttrNumber || att < 0)
		{
			if (col->required)
				ereport(ERROR,
						(errcode(ERRCODE_UNDEFINED_COLUMN),
						 errmsg("table \"%s\" given as %s has no column \"%s\"",
								relname, spec->kind, col->name),
						 errhint("See README \"Configurations\" for the columns of each table.")));
			appendStringInfo(&sql, "NULL::%s", column_type_sql(col->type));
			continue;
		}
		if (!column_type_fits(get_atttype(relid, att), col->type))
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column \"%s\" of table \"%s\" is of type %s, but diplo_config_create reads it as %s",
							col->name, relname,
							format_type_be(get_atttype(relid, att)),
							column_type_sql(col->type) + strlen("pg_catalog."))));
		appendStringInfo(&sql, "%s::%s", quote_identifier(col->name),
						 column_type_sql(col->type));
	}
	appendStringInfo(&sql, " FROM %s",
					 quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
												relname));
	rc = SPI_execute(sql.data, false, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "SPI_execute failed: %s", SPI_result_code_string(rc));
	*nrows = SPI_processed;
	return SPI_tuptable;
}

/* ERROR 22023 about row rowno of a user's table of a kind. */
static void
row_error(const KindSpec *spec, Oid relid, uint64 rowno, const char *key,
		  const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("row %llu of table \"%s\" (%s%s%s%s): %s",
					(unsigned long long) rowno, get_rel_name(relid), spec->kind,
					key ? " \"" : "", key ? key : "", key ? "\"" : "", what)));
}

/* Does the analyser know the country this text names? */
static bool
country_known(const char *country)
{
	DiploAllocator alloc;

	alloc.alloc = config_alloc;
	alloc.realloc = config_realloc;
	alloc.free = config_free;
	alloc.check_interrupts = config_check_interrupts;
	alloc.ctx = CurrentMemoryContext;
	return diplo_config_country(&alloc,
								pg_server_to_any(country, strlen(country),
												 PG_UTF8)) != NULL;
}

/* A text column of an SPI row as a server C string, or NULL. */
static char *
row_string(SPITupleTable *tt, uint64 i, int col)
{
	return SPI_getvalue(tt->vals[i], tt->tupdesc, col);
}

/*
 * Check the rows of a user's table before they are copied: required values
 * present and not empty, no NULL in arrays, class, flags and kind names
 * known, valid_to not before valid_from.
 */
static void
check_user_rows(const KindSpec *spec, int kind, Oid relid, SPITupleTable *tt,
				uint64 n)
{
	for (uint64 i = 0; i < n; i++)
	{
		char	   *key = row_string(tt, i, 1);

		CHECK_FOR_INTERRUPTS();
		for (int c = 0; c < spec->ncols; c++)
		{
			const ColSpec *col = &spec->cols[c];
			bool		isnull;
			Datum		d = SPI_getbinval(tt->vals[i], tt->tupdesc, c + 1, &isnull);

			if (isnull)
			{
				if (col->required)
					row_error(spec, relid, i + 1, key,
							  psprintf("\"%s\" is NULL", col->name));
				continue;
			}
			if (col->type == COL_STRING && VARSIZE_ANY_EXHDR(DatumGetTextPP(d)) == 0 &&
				(col->required || strcmp(col->name, "role") == 0))
				row_error(spec, relid, i + 1, key,
						  psprintf("\"%s\" is empty", col->name));
			if (col->type == COL_STRINGS)
			{
				ArrayType  *arr = DatumGetArrayTypeP(d);
				Datum	   *elems;
				bool	   *nulls;
				int			nelems;

				deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT,
								  &elems, &nulls, &nelems);
				for (int k = 0; k < nelems; k++)
				{
					char	   *s;

					if (nulls[k] || VARSIZE_ANY_EXHDR(DatumGetTextPP(elems[k])) == 0)
						row_error(spec, relid, i + 1, key,
								  psprintf("\"%s\" holds a NULL or empty element", col->name));
					s = TextDatumGetCString(elems[k]);
					if (kind == KIND_CUES &&
						strcmp(col->name, "flags") == 0)
					{
						bool		ok = false;

						for (int f = 0; f < lengthof(cue_flag_names); f++)
							ok |= strcmp(s, cue_flag_names[f].name) == 0;
						if (!ok)
							row_error(spec, relid, i + 1, key,
									  psprintf("unknown cue flag \"%s\" (known: takes_object, participle, present, quote_only, clause, by_agent, to_object, for_object, after_make, it_object, named_subject)", s));
					}
				}
			}
		}
		if (kind == KIND_CUES)
		{
			char	   *cls = row_string(tt, i, 3);

			if (cls && name_index(cue_class_names, lengthof(cue_class_names), cls) < 0)
				row_error(spec, relid, i + 1, key,
						  psprintf("unknown cue class \"%s\" (known: speech, stance, topic)", cls));
		}
		if (kind == KIND_ORGS)
		{
			char	   *k = row_string(tt, i, 3);

			if (k && name_index(org_kind_names, lengthof(org_kind_names), k) < 0)
				row_error(spec, relid, i + 1, key,
						  psprintf("unknown organisation kind \"%s\" (known: government, international, media, other, channel)", k));
		}
		if (kind == KIND_ACTORS || kind == KIND_ORGS)
		{
			int			col = kind == KIND_ACTORS ? 5 : 4;
			char	   *country = row_string(tt, i, col);

			if (country && !country_known(country))
				row_error(spec, relid, i + 1, key,
						  psprintf("unknown country \"%s\" (a name, demonym, capital or ISO code of data/countries.tsv)",
								   country));
		}
		if (kind == KIND_ACTORS)
		{
			int32		from = spi_date(tt->vals[i], tt->tupdesc, 6);
			int32		to = spi_date(tt->vals[i], tt->tupdesc, 7);

			if (from != DIPLO_NO_DATE && to != DIPLO_NO_DATE && to < from)
				row_error(spec, relid, i + 1, key,
						  psprintf("valid_to %s precedes valid_from %s",
								   row_string(tt, i, 7), row_string(tt, i, 6)));
		}
	}
}

/*
 * Become the owner of the catalog tables to write them: a security-
 * restricted operation with search_path pg_catalog, pg_temp, so that no
 * object of the caller's resolves in the fixed statements run (they name
 * every table and operator with its schema, too).  Returns the GUC nest
 * level for owner_phase_end.
 */
static int
owner_phase_begin(const ConfigCatalog *cat, Oid *save_user, int *save_sec)
{
	int			nest;

	GetUserIdAndSecContext(save_user, save_sec);
	SetUserIdAndSecContext(cat->owner, *save_sec | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
	nest = NewGUCNestLevel();
	(void) set_config_option("search_path", "pg_catalog, pg_temp", PGC_USERSET,
							 PGC_S_SESSION, GUC_ACTION_SAVE, true, 0, false);
	return nest;
}

/* Back to the caller's identity and search_path. */
static void
owner_phase_end(int nest, Oid save_user, int save_sec)
{
	AtEOXact_GUC(true, nest);
	SetUserIdAndSecContext(save_user, save_sec);
}

/* Copy the checked rows of one kind into its catalog table. */
static void
copy_rows(const ConfigCatalog *cat, int kind, const char *name,
		  SPITupleTable *tt, uint64 n)
{
	static const char *const inserts[NKINDS] = {
		"INSERT INTO %s.diplo_config_actors (config, ord, name, aliases, role, org, country, valid_from, valid_to) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
		"INSERT INTO %s.diplo_config_topics (config, ord, topic, keywords) VALUES ($1, $2, $3, $4)",
		"INSERT INTO %s.diplo_config_cues (config, ord, form, lemma, class, flags) "
		"VALUES ($1, $2, $3, coalesce($4, $3), coalesce($5, 'speech'), coalesce($6, '{}'::pg_catalog.text[]))",
		"INSERT INTO %s.diplo_config_orgs (config, ord, phrase, canonical, kind, country, case_sensitive) "
		"VALUES ($1, $2, $3, coalesce($4, $3), coalesce($5, 'other'), $6, coalesce($7, false::pg_catalog.bool))",
	};
	const KindSpec *spec = &kind_specs[kind];
	Oid			argtypes[2 + MAX_COLS];
	Datum		values[2 + MAX_COLS];
	char		nulls[2 + MAX_COLS];
	SPIPlanPtr	plan;

	argtypes[0] = TEXTOID;
	argtypes[1] = INT4OID;
	for (int c = 0; c < spec->ncols; c++)
		argtypes[2 + c] = spec->cols[c].type == COL_STRING ? TEXTOID :
			spec->cols[c].type == COL_STRINGS ? TEXTARRAYOID :
			spec->cols[c].type == COL_DATE ? DATEOID : BOOLOID;
	plan = SPI_prepare(psprintf(inserts[kind], cat->schema), 2 + spec->ncols,
					   argtypes);
	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	values[0] = CStringGetTextDatum(name);
	nulls[0] = ' ';
	nulls[1] = ' ';
	for (uint64 i = 0; i < n; i++)
	{
		int			rc;

		CHECK_FOR_INTERRUPTS();
		values[1] = Int32GetDatum((int32) (i + 1));
		for (int c = 0; c < spec->ncols; c++)
		{
			bool		isnull;

			values[2 + c] = SPI_getbinval(tt->vals[i], tt->tupdesc, c + 1, &isnull);
			nulls[2 + c] = isnull ? 'n' : ' ';
		}
		rc = SPI_execute_plan(plan, values, nulls, false, 0);
		if (rc != SPI_OK_INSERT)
			elog(ERROR, "SPI_execute_plan failed: %s", SPI_result_code_string(rc));
	}
}

/*
 * ERROR 42710 for a name in use: by a configuration (dropped == NULL) or by
 * one dropped at the time given.
 */
static void
config_exists_error(const char *name, const char *dropped)
{
	if (dropped != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DUPLICATE_OBJECT),
				 errmsg("diplo configuration name \"%s\" was used before", name),
				 errdetail("A configuration of that name was dropped at %s. A name stands for one build forever, so that indexes and analyses made with it stay true.",
						   dropped),
				 errhint("Give the new version a new name.")));
	ereport(ERROR,
			(errcode(ERRCODE_DUPLICATE_OBJECT),
			 errmsg("diplo configuration \"%s\" already exists", name),
			 errhint("A configuration never changes: give the new version a new name.")));
}

/*
 * diplo_config_create(name, actors, topics, cues, orgs): copy the rows of
 * the user's tables (read as the calling user) into the catalog (written as
 * the catalog's owner) under a name never used before, then build the
 * configuration once to check it.
 */
Datum
diplo_config_create(PG_FUNCTION_ARGS)
{
	char	   *name;
	ConfigCatalog cat;
	SPITupleTable *tables[NKINDS] = {0};
	uint64		nrows[NKINDS] = {0};
	int			counts[NKINDS] = {0};
	Oid			save_user;
	int			save_sec;
	int			nest;
	Oid			argtypes[7] = {TEXTOID, TEXTOID, OIDOID, INT4OID, INT4OID, INT4OID, INT4OID};
	Datum		values[7];
	int			rc;
	MemoryContext cxt;
	char	   *dropped;
	ConfigStatus status;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("the name of a configuration may not be NULL")));
	name = config_arg_name(fcinfo, 0);
	cat = config_catalog(fcinfo->flinfo->fn_oid);
	if ((rc = SPI_connect()) != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed: %s", SPI_result_code_string(rc));
	status = config_status(&cat, name, false, NULL, &dropped);
	if (status == CONFIG_LIVE)
		config_exists_error(name, NULL);
	if (status == CONFIG_DROPPED)
		config_exists_error(name, dropped);

	/* read and check the user's rows, as the user */
	for (int k = 0; k < NKINDS; k++)
	{
		if (PG_ARGISNULL(1 + k))
			continue;
		tables[k] = read_user_table(&kind_specs[k], PG_GETARG_OID(1 + k),
									&nrows[k]);
		check_user_rows(&kind_specs[k], k, PG_GETARG_OID(1 + k), tables[k],
						nrows[k]);
	}

	for (int k = 0; k < NKINDS; k++)
		counts[k] = (int) nrows[k];

	/*
	 * Write the catalog as its owner (it grants users SELECT only).  The
	 * name's row first: a session creating the same name at the same time
	 * waits here for the other to end, then finds the name used.
	 */
	nest = owner_phase_begin(&cat, &save_user, &save_sec);
	values[0] = CStringGetTextDatum(name);
	values[1] = CStringGetTextDatum(GetUserNameFromId(save_user, false));
	values[2] = ObjectIdGetDatum(save_user);
	for (int k = 0; k < NKINDS; k++)
		values[3 + k] = Int32GetDatum(counts[k]);
	rc = SPI_execute_with_args(psprintf("INSERT INTO %s.diplo_configs (name, owner, owner_id, actors, topics, cues, orgs, created) "
										"VALUES ($1, $2::pg_catalog.name, $3, $4, $5, $6, $7, pg_catalog.now()) "
										"ON CONFLICT (name) DO NOTHING RETURNING 1",
										cat.schema),
							   7, argtypes, values, NULL, false, 0);
	if (rc != SPI_OK_INSERT_RETURNING)
		elog(ERROR, "SPI_execute_with_args failed: %s", SPI_result_code_string(rc));
	if (SPI_processed == 0)
	{
		owner_phase_end(nest, save_user, save_sec);
		config_exists_error(name, NULL);
	}
	for (int k = 0; k < NKINDS; k++)
		if (tables[k] != NULL)
			copy_rows(&cat, k, name, tables[k], nrows[k]);
	owner_phase_end(nest, save_user, save_sec);

	/* build it once, as the analyses will, to check what the analyser says */
	config_build_from_catalog(name, fcinfo->flinfo->fn_oid, false,
							  CurrentMemoryContext, &cxt);
	MemoryContextDelete(cxt);
	SPI_finish();

	/*
	 * No backend has it cached, but if this transaction rolls back, the
	 * invalidation makes this backend forget what it built meanwhile.
	 */
	CacheInvalidateRelcacheByRelid(cat.relid);
	PG_RETURN_TEXT_P(cstring_to_text(name));
}

/*
 * diplo_config_drop(name, missing_ok): delete the rows of a configuration
 * (its owner or a member of the owner's role only; a superuser if the owner
 * role is gone or renamed), keep its name's row marked dropped, and make
 * every backend forget it at commit.
 */
Datum
diplo_config_drop(PG_FUNCTION_ARGS)
{
	char	   *name = config_arg_name(fcinfo, 0);
	bool		missing_ok = PG_GETARG_BOOL(1);
	ConfigCatalog cat = config_catalog(fcinfo->flinfo->fn_oid);
	uint64		n;
	char	   *dropped;
	ConfigStatus status;
	Oid			owner;
	Oid			save_user;
	int			save_sec;
	int			nest;
	int			rc;
	static const char *const tables[] = {
		"diplo_config_actors", "diplo_config_topics", "diplo_config_cues",
		"diplo_config_orgs"
	};

	if ((rc = SPI_connect()) != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed: %s", SPI_result_code_string(rc));
	status = config_status(&cat, name, false, &owner, &dropped);
	if (status != CONFIG_LIVE)
	{
		if (!missing_ok)
			config_missing_error(&cat, name, status, dropped);
		SPI_finish();
		ereport(NOTICE,
				(errmsg("diplo configuration \"%s\" does not exist, skipping", name)));
		PG_RETURN_BOOL(false);
	}
	if (OidIsValid(owner) ? !has_privs_of_role(GetUserId(), owner) : !superuser())
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("must be owner of diplo configuration \"%s\"", name)));

	/*
	 * The name's row first (a concurrent drop waits for this one, then finds
	 * it dropped), then the rows of the configuration.
	 */
	nest = owner_phase_begin(&cat, &save_user, &save_sec);
	catalog_query(&cat, psprintf("UPDATE %s.diplo_configs SET dropped = pg_catalog.now() "
								 "WHERE name OPERATOR(pg_catalog.=) $1 AND dropped IS NULL RETURNING 1",
								 cat.schema), name, false, &n);
	if (n == 0)
	{
		/* dropped by another session meanwhile */
		owner_phase_end(nest, save_user, save_sec);
		if (!missing_ok)
			config_missing_error(&cat, name, CONFIG_DROPPED,
								 "the same time, by another session");
		SPI_finish();
		ereport(NOTICE,
				(errmsg("diplo configuration \"%s\" does not exist, skipping", name)));
		PG_RETURN_BOOL(false);
	}
	for (int k = 0; k < lengthof(tables); k++)
		catalog_query(&cat, psprintf("DELETE FROM %s.%s WHERE config OPERATOR(pg_catalog.=) $1 RETURNING 1",
									 cat.schema, tables[k]), name, false, &n);
	owner_phase_end(nest, save_user, save_sec);
	SPI_finish();

	/* every backend (this one at once) forgets its built configurations */
	CacheInvalidateRelcacheByRelid(cat.relid);
	config_cache_flush();
	PG_RETURN_BOOL(true);
}
