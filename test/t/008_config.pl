# Configurations (issue 7) across backends and through pg_dump: a backend
# that has built a configuration sees it dropped by another backend
# (relcache invalidation at commit); a dropped name is never created again,
# even by two sessions at once; a parallel worker loads a configuration;
# pg_dump keeps the catalog rows (pg_extension_config_dump), dropped names
# and configurations of dropped roles included, and pg_restore rebuilds an
# expression index diplo_analyze('gulf', body) with them.
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

# A long-lived session builds 'desk' and keeps it in its cache.
$node->safe_psql('src',
	q{SELECT diplo_config_create('desk', actors => 'desk_actors');});
my $sql_speakers =
  q{SELECT speakers(diplo_analyze('desk', body)) FROM news WHERE id = 1;};
my $a = $node->background_psql('src', on_error_stop => 0);
is($a->query_safe($sql_speakers), '{"Antony Blinken"}',
	'session A builds desk');

# Another backend drops it: session A gets 42704, not its cached build.
$node->safe_psql('src', q{SELECT diplo_config_drop('desk');});
$a->query($sql_speakers);
like(
	$a->{stderr},
	qr/configuration "desk" does not exist.*\n.*DETAIL:  It was dropped at /,
	'session A sees the drop');

# The name is never used again; a new version gets a new name, which
# session A sees at once.
my ($ret, $stdout, $stderr) = $node->psql(
	'src', q{
UPDATE desk_actors SET name = 'Antony J. Blinken' WHERE name = 'Antony Blinken';
SELECT diplo_config_create('desk', actors => 'desk_actors');
});
like($stderr, qr/configuration name "desk" was used before/,
	'a dropped name cannot be created again');
$node->safe_psql('src',
	q{SELECT diplo_config_create('desk-2', actors => 'desk_actors');});
$sql_speakers =~ s/'desk'/'desk-2'/;
$a->{stderr} = '';
is(scalar $a->query($sql_speakers), '{"Antony J. Blinken"}',
	'session A uses the new version');

# Two sessions create one name at the same time: the second waits for the
# first, then gets 42710 (not a unique violation).
my $b = $node->background_psql('src', on_error_stop => 0);
$b->query_safe(q{BEGIN; SELECT diplo_config_create('desk-3', actors => 'desk_actors');});
$a->{stderr} = '';
$a->query_until(qr/started/,
	qq{\\echo started\nSELECT diplo_config_create('desk-3', actors => 'desk_actors');\n});
$node->poll_query_until('src',
	q{SELECT count(*) > 0 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%desk-3%';}
) or die 'session A never waited for B';
$b->query_safe('COMMIT;');
$a->query('SELECT 1;');
like($a->{stderr}, qr/configuration "desk-3" already exists/,
	'concurrent creates of one name: 42710 for the second');
$b->quit;

# A repeatable read transaction that began before a drop: its build must not
# bring the dropped configuration back into the cache after the invalidation
# (the catalog is read with the latest snapshot).
$a->{stderr} = '';
$a->query_safe(q{BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1;});
$node->safe_psql('src', q{SELECT diplo_config_drop('desk-2');});
$a->query($sql_speakers);
$a->{stderr} = '';
$a->query_safe('ROLLBACK;');
$a->{stderr} = '';
$a->query($sql_speakers);
like($a->{stderr}, qr/configuration "desk-2" does not exist/,
	'a build under an older snapshot does not cache a dropped configuration');
$a->quit;

# A configuration whose owner role is dropped, and the dropped names, go
# through pg_dump and pg_restore (the owner is kept as a role name).
$node->safe_psql(
	'src', q{
CREATE ROLE regress_gone;
GRANT SELECT ON desk_actors TO regress_gone;
SET ROLE regress_gone;
SELECT diplo_config_create('orphan', actors => 'desk_actors');
RESET ROLE;
REVOKE SELECT ON desk_actors FROM regress_gone;
DROP ROLE regress_gone;
});

# A parallel worker builds the configuration itself.
my $par = $node->safe_psql(
	'src', q{
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET force_parallel_mode = on;
SELECT count(*) FROM news WHERE speakers(diplo_analyze('gulf', body)) @> '{"Antony Blinken"}';
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
		q{SELECT name, CASE WHEN owner = current_user THEN 'me' ELSE owner END, actors,
			dropped IS NOT NULL FROM diplo_configs ORDER BY name;
		  SELECT config, count(*) FROM diplo_config_actors GROUP BY 1 ORDER BY 1;}
	),
	"desk|me|2|t\ndesk-2|me|2|t\ndesk-3|me|2|f\ngulf|me|2|f\norphan|regress_gone|2|f\n"
	  . "desk-3|2\ngulf|2\norphan|2",
	'the configurations and the dropped names are restored');
is( $node->safe_psql(
		'dst', q{SELECT speakers(diplo_analyze('orphan'::diplo_config, '"We are ready," Pompeo said.'));}),
	'{"Mike Pompeo"}',
	'the configuration of a dropped role works after the restore');
my ($r2, $o2, $e2) = $node->psql('dst',
	q{SELECT diplo_config_create('desk', actors => 'desk_actors');});
like($e2, qr/configuration name "desk" was used before/,
	'a dropped name stays used after the restore');
is( $node->safe_psql(
		'dst', q{
SET enable_seqscan = off;
SELECT count(*) FROM news WHERE diplo_analyze('gulf', body) @@ 'speaker:"antony blinken"';
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
