/* diplo--0.3--0.4.sql: from diplo 0.3 to 0.4 (issue 7: configurations, actor dictionaries, languages) */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION diplo UPDATE TO '0.4'" to load this file. \quit
