# An updated database dumps and restores: diplo 0.1 installed, articles
# stored (generated column, GIN index), ALTER EXTENSION diplo UPDATE, then
# objects that use 0.2 and 0.3 (a dashboard view over diplo_facets, an expression
# index on diplo_stats, a column filled by diplo_backfill, a GIN index with
# the words option); pg_dump -Fc and
# pg_restore --exit-on-error into a fresh cluster recreate everything in a
# working order: the extension at 0.4, the same rows, views and answers,
# valid indexes.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use DiploTAP;

my $old = diplo_node('updated');
$old->start;
$old->safe_psql('postgres', 'CREATE DATABASE news');
$old->safe_psql('news', q{CREATE EXTENSION diplo VERSION '0.1'});
$old->safe_psql(
	'news', q{
CREATE TABLE articles (
	id bigint PRIMARY KEY,
	body text NOT NULL,
	published date NOT NULL,
	analysis diplo_statement GENERATED ALWAYS AS (diplo_analyze(body)) STORED);
CREATE INDEX articles_analysis ON articles USING gin (analysis);
INSERT INTO articles (id, body, published)
SELECT g, format('%s Minister %s said on %s that trade with %s was growing. "We are ready," %s told reporters after a %s.',
		(ARRAY['Kenyan', 'Spanish', 'Japanese', 'Polish'])[g % 4 + 1],
		(ARRAY['Wanjiru Mwangi', 'Marta Solano', 'Hiro Tanaka', 'Jan Kowalski'])[g % 4 + 1],
		(ARRAY['Monday', 'Friday'])[g % 2 + 1],
		(ARRAY['India', 'Brazil', 'Canada'])[g % 3 + 1],
		(ARRAY['Mwangi', 'Solano', 'Tanaka', 'Kowalski'])[g % 4 + 1],
		(ARRAY['meeting', 'summit', 'phone call'])[g % 3 + 1]),
	date '2024-01-01' + (g % 200)
FROM generate_series(1, 2000) g;
});
is($old->safe_psql('news', "SELECT extversion FROM pg_extension WHERE extname = 'diplo'"),
	'0.1', 'the database starts with diplo 0.1');

$old->safe_psql('news', 'ALTER EXTENSION diplo UPDATE');
is($old->safe_psql('news', "SELECT extversion FROM pg_extension WHERE extname = 'diplo'"),
	'0.4', 'ALTER EXTENSION diplo UPDATE brings it to 0.4');

# Objects of 0.2 and 0.3 on the updated database.
$old->safe_psql(
	'news', q{
CREATE VIEW quotes_per_country AS
SELECT f.value AS country, sum(f.quotes) AS quotes, count(*) AS articles
FROM articles, diplo_facets(analysis) f WHERE f.facet = 'country' GROUP BY 1;
CREATE INDEX articles_quotes ON articles (((diplo_stats(analysis)).quotes));
ALTER TABLE articles ADD COLUMN summary diplo_statement;
CREATE INDEX articles_words ON articles USING gin (summary diplo_statement_ops (words = 'all'));
});
$old->safe_psql('news',
	"CALL diplo_backfill('articles', 'body', 'summary', batch_size => 500, progress => false)");
$old->safe_psql('news', 'ANALYZE');

my $checks = q{
SELECT md5(string_agg(id || ':' || analysis::text || ':' || coalesce(summary::text, '-'), ',' ORDER BY id)) FROM articles;
SELECT md5(string_agg(country || ':' || quotes || ':' || articles, ',' ORDER BY country)) FROM quotes_per_country;
SELECT count(*) FROM articles WHERE analysis @@ 'speaker:solano & country:brazil';
SELECT count(*) FROM articles WHERE summary @@ 'speaker:solano & country:brazil';
SELECT count(*) FROM articles WHERE summary @@ 'word:need | word:want*';
};
my $before = $old->safe_psql('news', $checks);

my $tmp = PostgreSQL::Test::Utils::tempdir;
$old->command_ok(
	[ 'pg_dump', '-Fc', '-f', "$tmp/news.dump", '-d', $old->connstr('news') ],
	'pg_dump -Fc of the updated database');
$old->command_ok(
	[ 'pg_dump', '--schema-only', '-f', "$tmp/news.sql", '-d', $old->connstr('news') ],
	'pg_dump --schema-only');
my $ddl = slurp_file("$tmp/news.sql");
my $ext = index($ddl, 'CREATE EXTENSION IF NOT EXISTS diplo');
my $tbl = index($ddl, 'CREATE TABLE public.articles');
my $view = index($ddl, 'CREATE VIEW public.quotes_per_country');
my $idx = index($ddl, 'CREATE INDEX articles_quotes');
ok($ext >= 0 && $ext < $tbl && $tbl < $view && $tbl < $idx,
	'the dump creates the extension, then the table, then the view and the index');
unlike($ddl, qr/CREATE FUNCTION public\.diplo_/,
	'the dump recreates diplo\'s objects by CREATE EXTENSION, not one by one');

my $new = diplo_node('restored');
$new->start;
$new->safe_psql('postgres', 'CREATE DATABASE news');
$new->command_ok(
	[ 'pg_restore', '--exit-on-error', '-d', $new->connstr('news'), "$tmp/news.dump" ],
	'pg_restore --exit-on-error into a fresh cluster');
$new->safe_psql('news', 'ANALYZE');
is($new->safe_psql('news', "SELECT extversion FROM pg_extension WHERE extname = 'diplo'"),
	'0.4', 'the restored database has diplo 0.4');
is($new->safe_psql('news', $checks), $before,
	'rows, the dashboard view and the answers are those of the updated database');
is( $new->safe_psql(
		'news', q{
SELECT string_agg(c.relname || ':' || i.indisvalid, ' ' ORDER BY c.relname)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = 'articles'::regclass AND c.relname <> 'articles_pkey'}),
	'articles_analysis:true articles_quotes:true articles_words:true',
	'the restored indexes are valid');
like($new->safe_psql('news', "SELECT pg_get_indexdef('articles_words'::regclass)"),
	qr/diplo_statement_ops \(words='all'\)/,
	'the restored index keeps its words option');
like(
	$new->safe_psql(
		'news',
		"SET enable_seqscan = off; EXPLAIN (COSTS OFF) SELECT id FROM articles WHERE analysis @@ 'speaker:solano'"
	),
	qr/Bitmap Index Scan on articles_analysis/,
	'the restored GIN index is used');

$old->stop;
$new->stop;
done_testing();
