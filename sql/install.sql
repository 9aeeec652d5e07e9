--
-- diplo is a trusted extension: a role without superuser that may create
-- objects in the database installs it, into a schema of its own.
--

DROP EXTENSION diplo;

CREATE ROLE regress_diplo_owner NOSUPERUSER NOLOGIN;
CREATE SCHEMA regress_diplo_schema AUTHORIZATION regress_diplo_owner;

-- Without CREATE on the database, it may not install it.
SET ROLE regress_diplo_owner;
CREATE EXTENSION diplo SCHEMA regress_diplo_schema;
RESET ROLE;

-- With it, it may.
DO $$ BEGIN
	EXECUTE format('GRANT CREATE ON DATABASE %I TO regress_diplo_owner', current_database());
END $$;
SET ROLE regress_diplo_owner;
CREATE EXTENSION diplo SCHEMA regress_diplo_schema;
SELECT extname, extowner::regrole, extnamespace::regnamespace, extversion
FROM pg_extension WHERE extname = 'diplo';
-- and use it
SELECT regress_diplo_schema.diplo_speakers('');
SELECT regress_diplo_schema.speakers(regress_diplo_schema.diplo_analyze(''));
SELECT count(*) >= 0 AS works FROM regress_diplo_schema.diplo_quotes('"Fine," she said.');
-- the objects belong to the bootstrap superuser, not the installing role
SELECT count(*) AS objects_owned_by_installer
FROM pg_proc WHERE pronamespace = 'regress_diplo_schema'::regnamespace
AND proowner = 'regress_diplo_owner'::regrole;
-- the installing role may drop it again
DROP EXTENSION diplo;
RESET ROLE;

-- A hostile search_path cannot change what the script creates: the script
-- names built-in types with pg_catalog, so these decoys are never used.
CREATE SCHEMA regress_decoy;
CREATE DOMAIN regress_decoy.text AS pg_catalog.text CHECK (VALUE <> '');
CREATE DOMAIN regress_decoy.jsonb AS pg_catalog.jsonb;
SET search_path = regress_decoy, public;
CREATE EXTENSION diplo SCHEMA public;
RESET search_path;
SELECT count(*) AS decoy_types_used
FROM pg_proc p, pg_depend d
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'diplo')
  AND d.classid = 'pg_proc'::regclass AND d.objid = p.oid
  AND EXISTS (SELECT FROM unnest(p.proargtypes::oid[] || p.prorettype) t
			  WHERE t IN ('regress_decoy.text'::regtype, 'regress_decoy.jsonb'::regtype));

-- Clean up; leave diplo installed as the other tests expect.
DROP EXTENSION diplo;
DROP SCHEMA regress_decoy CASCADE;
DROP SCHEMA regress_diplo_schema;
DO $$ BEGIN
	EXECUTE format('REVOKE CREATE ON DATABASE %I FROM regress_diplo_owner', current_database());
END $$;
DROP ROLE regress_diplo_owner;
CREATE EXTENSION diplo;
