# Configurations (issue 7) across backends and through pg_dump: a backend
# that has built a configuration sees it dropped and re-created by another
# backend (relcache invalidation at commit); a parallel worker loads it;
# pg_dump keeps the catalog rows (pg_extension_config_dump) and pg_restore
# rebuilds an expression index diplo_analyze('gulf', body) with them.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use DiploTAP;

my $node = diplo_node('config');
$node->start;
$node->safe_psql('postgres', 'CREATE DATABASE src');
$node->safe_psql(
	'src', q{
CREATE EXTENSION diplo;
CREATE TABLE desk_actors (name text, aliases text[], role text, org text,
	country text, valid_from date, valid_to date);
INSERT INTO desk_actors VALUES
('Antony Blinken', '{Tony Blinken}', 'Secretary of State', 'Department of State', 'United States', '2021-01-26', '2025-01-20'),
('Mike Pompeo', '{Pompeo}', 'Secretary of State', 'Department of State', 'United States', '2018-04-26', '2021-01-20');
SELECT diplo_config_create('gulf', actors => 'desk_actors');
CREATE TABLE news (id int PRIMARY KEY, published date, body text);
INSERT INTO news SELECT g, '2022-06-14',
	'Tony Blinken said the talks were useful, the ' || g || 'th time.'
FROM generate_series(1, 200) g;
CREATE INDEX news_gulf ON news USING gin (diplo_analyze('gulf', body));
});

my $sql_speakers =
  q{SELECT speakers(diplo_analyze('gulf', body)) FROM news WHERE id = 1;};

# A long-lived session builds 'gulf' and keeps it in its cache.
my $a = $node->background_psql('src', on_error_stop => 0);
is($a->query_safe($sql_speakers), '{"Antony Blinken"}',
	'session A builds gulf');

# Another backend drops it and re-creates it under the same name with a
# renamed actor.
$node->safe_psql(
	'src', q{
SELECT diplo_config_drop('gulf');
UPDATE desk_actors SET name = 'Antony J. Blinken' WHERE name = 'Antony Blinken';
SELECT diplo_config_create('gulf', actors => 'desk_actors');
});
is($a->query_safe($sql_speakers), '{"Antony J. Blinken"}',
	'session A sees the re-created gulf, not its cached build');

# A drop by another backend: session A gets 42704, not its cached build.
$node->safe_psql('src', q{SELECT diplo_config_drop('gulf');});
$a->query($sql_speakers);
like($a->{stderr}, qr/configuration "gulf" does not exist/,
	'session A sees the drop');
$node->safe_psql('src',
	q{SELECT diplo_config_create('gulf', actors => 'desk_actors');});
is(scalar $a->query($sql_speakers), '{"Antony J. Blinken"}',
	'session A sees it again');

# A repeatable read transaction that began before a drop: its build must not
# bring the dropped configuration back into the cache after the invalidation
# (the catalog is read with the latest snapshot).
$a->{stderr} = '';
$a->query_safe(q{BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1;});
$node->safe_psql('src', q{SELECT diplo_config_drop('gulf');});
$a->query($sql_speakers);
$a->{stderr} = '';
$a->query_safe('ROLLBACK;');
$a->{stderr} = '';
$a->query($sql_speakers);
like($a->{stderr}, qr/configuration "gulf" does not exist/,
	'a build under an older snapshot does not cache a dropped configuration');
$node->safe_psql('src',
	q{SELECT diplo_config_create('gulf', actors => 'desk_actors');});
is(scalar $a->query($sql_speakers), '{"Antony J. Blinken"}',
	'session A sees it once more');
$a->quit;

# A parallel worker builds the configuration itself.
my $par = $node->safe_psql(
	'src', q{
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET force_parallel_mode = on;
SELECT count(*) FROM news WHERE speakers(diplo_analyze('gulf', body)) @> '{"Antony J. Blinken"}';
});
is($par, '200', 'analyses in parallel workers');

# pg_dump keeps the catalog rows; pg_restore rebuilds the index with them.
my $tmp = PostgreSQL::Test::Utils::tempdir;
$node->command_ok(
	[ 'pg_dump', '-Fc', '-f', "$tmp/src.dump", '-d', $node->connstr('src') ],
	'pg_dump -Fc');
$node->safe_psql('postgres', 'CREATE DATABASE dst');
$node->command_ok(
	[
		'pg_restore', '--exit-on-error', '-d', $node->connstr('dst'),
		"$tmp/src.dump"
	],
	'pg_restore');
is( $node->safe_psql(
		'dst',
		q{SELECT name, actors FROM diplo_configs; SELECT count(*) FROM diplo_config_actors;}
	),
	"gulf|2\n2",
	'the configuration is restored');
is( $node->safe_psql(
		'dst', q{
SET enable_seqscan = off;
SELECT count(*) FROM news WHERE diplo_analyze('gulf', body) @@ 'speaker:"antony j. blinken"';
}),
	'200',
	'the restored expression index answers');
is( $node->safe_psql(
		'dst', q{
SELECT indisvalid FROM pg_index WHERE indexrelid = 'news_gulf'::regclass;
}),
	't',
	'the restored expression index is valid');

$node->stop;
done_testing();
