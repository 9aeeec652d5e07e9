--
-- Security of the install script and of the installed objects: the owner
-- of a database (no superuser) installs the trusted extension; objects
-- with diplo's names made beforehand by another role are neither used nor
-- replaced; no function runs as its owner (SECURITY DEFINER).
--
\set regress_db :DBNAME
CREATE ROLE regress_diplo_dbowner NOSUPERUSER NOCREATEDB NOCREATEROLE LOGIN;
CREATE ROLE regress_diplo_attacker NOSUPERUSER NOCREATEDB NOCREATEROLE LOGIN;
CREATE DATABASE regress_diplo_owned OWNER regress_diplo_dbowner TEMPLATE template0;
\c regress_diplo_owned
-- (PostgreSQL 15 no longer lets every role create in public; this one may)
GRANT CREATE ON SCHEMA public TO regress_diplo_attacker;

-- Another role fills public with objects named like diplo's, which record
-- any call in a table.
SET ROLE regress_diplo_attacker;
CREATE TABLE public.decoy_calls (what text);
GRANT INSERT ON public.decoy_calls TO PUBLIC;
CREATE FUNCTION public.diplo_analyze(t text) RETURNS text
LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.decoy_calls VALUES ('diplo_analyze'); RETURN t; END $$;
CREATE FUNCTION public.diplo_speakers(t text) RETURNS text[]
LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.decoy_calls VALUES ('diplo_speakers'); RETURN ARRAY[t]; END $$;
CREATE FUNCTION public.speakers(t text) RETURNS text[]
LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.decoy_calls VALUES ('speakers'); RETURN ARRAY[t]; END $$;
CREATE FUNCTION public.diplo_statement_match(a text, b text) RETURNS boolean
LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.decoy_calls VALUES ('diplo_statement_match'); RETURN true; END $$;
CREATE FUNCTION public.diplo_statement_contains(a text, b text) RETURNS boolean
LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.decoy_calls VALUES ('diplo_statement_contains'); RETURN true; END $$;
CREATE FUNCTION public.byteacmp(a bytea, b bytea) RETURNS integer
LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.decoy_calls VALUES ('byteacmp'); RETURN 0; END $$;
CREATE OPERATOR public.@@ (LEFTARG = text, RIGHTARG = text, PROCEDURE = public.diplo_statement_match);
CREATE OPERATOR public.@> (LEFTARG = text, RIGHTARG = text, PROCEDURE = public.diplo_statement_contains);
RESET ROLE;
CREATE TEMP TABLE decoys AS
SELECT p.oid, p.oid::regprocedure::text AS decoy, p.proowner::regrole AS owner, p.prosrc
FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
UNION ALL
SELECT o.oid, o.oid::regoperator::text, o.oprowner::regrole, o.oprcode::oid::text
FROM pg_operator o WHERE o.oprnamespace = 'public'::regnamespace;
SELECT decoy, owner FROM decoys ORDER BY decoy;

-- The owner of the database, who is no superuser, installs diplo.
SET ROLE regress_diplo_dbowner;
SELECT rolsuper FROM pg_roles WHERE rolname = current_user;
-- Into public it cannot go: its functions exist there already, and the
-- script never replaces an object (no CREATE OR REPLACE).
CREATE EXTENSION diplo;
-- Into a schema of its own, with public first in the search_path, it goes.
CREATE SCHEMA diplo_s;
SET search_path = public, diplo_s;
CREATE EXTENSION diplo SCHEMA diplo_s;
SELECT extname, extowner::regrole, extnamespace::regnamespace FROM pg_extension WHERE extname = 'diplo';
-- it works, qualified
SELECT diplo_s.diplo_speakers('"We are ready," Foreign Minister Ana Ruiz said.');
SELECT diplo_s.speakers(diplo_s.diplo_analyze('"We are ready," Foreign Minister Ana Ruiz said.'));
SELECT diplo_s.diplo_analyze('"We are ready," Foreign Minister Ana Ruiz said.')
       OPERATOR(diplo_s.@@) 'speaker:ruiz'::diplo_s.diplo_query AS matches;
CREATE TABLE docs (body text, a diplo_s.diplo_statement);
INSERT INTO docs SELECT b, diplo_s.diplo_analyze(b)
FROM (VALUES ('"We are ready," Foreign Minister Ana Ruiz said.'), ('Nothing said.')) v(b);
CREATE INDEX ON docs USING gin (a);
SET enable_seqscan = off;
SELECT body FROM docs WHERE a OPERATOR(diplo_s.@@) 'speaker:ruiz'::diplo_s.diplo_query;
RESET enable_seqscan;
RESET ROLE;

-- The decoys were never called, and are unchanged.
SELECT count(*) AS decoy_calls FROM public.decoy_calls;
SELECT d.decoy, coalesce(p.proowner, o.oprowner)::regrole AS owner,
       coalesce(p.prosrc, o.oprcode::oid::text) = d.prosrc AS unchanged
FROM decoys d LEFT JOIN pg_proc p ON p.oid = d.oid LEFT JOIN pg_operator o ON o.oid = d.oid
ORDER BY d.decoy;

-- Every object of the extension is in its schema; the operators, the
-- operator class and the casts use only the extension's functions and
-- pg_catalog's, never public's.
CREATE TEMP VIEW diplo_objects AS
SELECT d.classid::regclass AS catalog, d.objid
FROM pg_depend d
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'diplo');
SELECT catalog, count(*) FROM diplo_objects GROUP BY 1 ORDER BY 1::text;
SELECT count(*) AS objects_outside_the_schema
FROM diplo_objects o
LEFT JOIN pg_proc p ON o.catalog = 'pg_proc'::regclass AND p.oid = o.objid
LEFT JOIN pg_type t ON o.catalog = 'pg_type'::regclass AND t.oid = o.objid
LEFT JOIN pg_operator op ON o.catalog = 'pg_operator'::regclass AND op.oid = o.objid
LEFT JOIN pg_opclass oc ON o.catalog = 'pg_opclass'::regclass AND oc.oid = o.objid
LEFT JOIN pg_opfamily f ON o.catalog = 'pg_opfamily'::regclass AND f.oid = o.objid
LEFT JOIN pg_class c ON o.catalog = 'pg_class'::regclass AND c.oid = o.objid
WHERE coalesce(p.pronamespace, t.typnamespace, op.oprnamespace, oc.opcnamespace, f.opfnamespace, c.relnamespace)
      IS DISTINCT FROM 'diplo_s'::regnamespace
  AND o.catalog <> 'pg_cast'::regclass;
SELECT DISTINCT pr.pronamespace::regnamespace AS functions_used_from
FROM (SELECT op.oprcode AS f FROM diplo_objects o JOIN pg_operator op ON o.objid = op.oid
      WHERE o.catalog = 'pg_operator'::regclass
      UNION ALL
      SELECT op.oprrest FROM diplo_objects o JOIN pg_operator op ON o.objid = op.oid
      WHERE o.catalog = 'pg_operator'::regclass
      UNION ALL
      SELECT op.oprjoin FROM diplo_objects o JOIN pg_operator op ON o.objid = op.oid
      WHERE o.catalog = 'pg_operator'::regclass
      UNION ALL
      SELECT ap.amproc FROM diplo_objects o JOIN pg_opfamily f ON o.objid = f.oid
      JOIN pg_amproc ap ON ap.amprocfamily = f.oid WHERE o.catalog = 'pg_opfamily'::regclass
      UNION ALL
      SELECT c.castfunc FROM diplo_objects o JOIN pg_cast c ON o.objid = c.oid
      WHERE o.catalog = 'pg_cast'::regclass) u
JOIN pg_proc pr ON pr.oid = u.f::oid
ORDER BY 1;
SELECT DISTINCT op.oprnamespace::regnamespace AS operators_of_the_opclass_from
FROM diplo_objects o JOIN pg_opfamily f ON o.objid = f.oid
JOIN pg_amop a ON a.amopfamily = f.oid JOIN pg_operator op ON op.oid = a.amopopr
WHERE o.catalog = 'pg_opfamily'::regclass;

-- No function runs with its owner's rights, sets a configuration, or is
-- written in a language that could resolve names at run time: all are C,
-- but the procedure diplo_backfill (plpgsql, 0.2), which names every
-- function and operator with its schema (sql/backfill.sql checks that).
SELECT l.lanname AS language,
       count(*) AS functions,
       count(*) FILTER (WHERE p.prosecdef) AS security_definer,
       count(*) FILTER (WHERE p.proconfig IS NOT NULL) AS with_settings,
       count(*) FILTER (WHERE p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)) AS not_bootstrap_owned
FROM diplo_objects o JOIN pg_proc p ON o.objid = p.oid JOIN pg_language l ON l.oid = p.prolang
WHERE o.catalog = 'pg_proc'::regclass
GROUP BY 1;

-- The owner of the database drops it again.
SET ROLE regress_diplo_dbowner;
DROP TABLE docs;
DROP EXTENSION diplo;
DROP SCHEMA diplo_s;
RESET ROLE;
SELECT count(*) AS decoys_left FROM pg_proc WHERE pronamespace = 'public'::regnamespace;

\c :regress_db
DROP DATABASE regress_diplo_owned;
DROP ROLE regress_diplo_dbowner;
DROP ROLE regress_diplo_attacker;
