# Sharding with postgres_fdw: a coordinator holds a table articles
# partitioned by publication year whose partitions are foreign tables on
# two other clusters, each with diplo, a generated diplo_statement column
# and its own GIN index; the foreign servers are declared with
# extensions 'diplo' and async_capable 'true'.  Rows inserted through the
# coordinator land on their shard; for every query of the battery EXPLAIN
# VERBOSE shows the @@ condition inside each shard's Remote SQL under an
# Async Foreign Scan, the shards answer with their GIN indexes, and the
# rows equal those of the same table on a single node.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use DiploTAP;

my $rows_per_client = 800;

my %shard;
my %years = (shard1 => 2023, shard2 => 2024);
for my $name (sort keys %years)
{
	my $node = diplo_node($name);
	$node->start;
	my $y = $years{$name};
	$node->safe_psql(
		'postgres', qq{
CREATE EXTENSION diplo;
CREATE TABLE articles (
	id bigint PRIMARY KEY,
	body text NOT NULL,
	published date NOT NULL CHECK (published >= '$y-01-01' AND published < '@{[$y + 1]}-01-01'),
	analysis diplo_statement GENERATED ALWAYS AS (diplo_analyze(body)) STORED);
CREATE INDEX articles_analysis ON articles USING gin (analysis);
});
	$shard{$name} = $node;
}

my $coord = diplo_node('coordinator');
$coord->start;
load_schema($coord, 'postgres');
my $servers = '';
for my $name (sort keys %shard)
{
	my $node = $shard{$name};
	my ($host, $port) = ($node->host, $node->port);
	$servers .= qq{
CREATE SERVER $name FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '$host', port '$port', dbname 'postgres',
		extensions 'diplo', async_capable 'true', batch_size '200', fetch_size '1000');
CREATE USER MAPPING FOR CURRENT_USER SERVER $name;
CREATE FOREIGN TABLE articles_$years{$name} PARTITION OF articles
	FOR VALUES FROM ('$years{$name}-01-01') TO ('@{[$years{$name} + 1]}-01-01')
	SERVER $name OPTIONS (table_name 'articles');
};
}
$coord->safe_psql(
	'postgres', qq{
CREATE EXTENSION postgres_fdw;
CREATE TABLE articles (
	id bigint NOT NULL,
	body text NOT NULL,
	published date NOT NULL,
	analysis diplo_statement GENERATED ALWAYS AS (diplo_analyze(body)) STORED)
PARTITION BY RANGE (published);
$servers
-- The single-node reference: the same rows in a local table.
CREATE TABLE articles_single (
	id bigint PRIMARY KEY,
	body text NOT NULL,
	published date NOT NULL,
	analysis diplo_statement GENERATED ALWAYS AS (diplo_analyze(body)) STORED);
CREATE INDEX articles_single_analysis ON articles_single USING gin (analysis);

-- Per query of the battery: how many lines of EXPLAIN VERBOSE carry the
-- \@\@ condition inside a Remote SQL, how many foreign scans are async.
CREATE FUNCTION pushdown()
RETURNS TABLE (qid int, remote_match int, async_scans int, plan text)
LANGUAGE plpgsql AS \$\$
DECLARE
	r record;
	l text;
BEGIN
	FOR r IN SELECT queries.qid, queries.q::text AS q FROM queries ORDER BY 1 LOOP
		qid := r.qid;
		remote_match := 0;
		async_scans := 0;
		plan := '';
		FOR l IN EXECUTE format('EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM articles WHERE analysis @@ %L::diplo_query', r.q) LOOP
			IF l ~ 'Remote SQL: .* WHERE .*OPERATOR\\(public\\.\@\@\\)' THEN
				remote_match := remote_match + 1;
			END IF;
			IF l ~ 'Async Foreign Scan' THEN
				async_scans := async_scans + 1;
			END IF;
			plan := plan || l || ' / ';
		END LOOP;
		RETURN NEXT;
	END LOOP;
END
\$\$;
});

# Insert through the coordinator: each row goes to its year's shard.
$coord->safe_psql(
	'postgres', qq{
INSERT INTO articles (id, body, published)
SELECT c * 100000 + n, gen_article(c, n), date '2023-01-01' + ((c * 7919 + n * 104729) % 730)::int
FROM generate_series(0, 2) c, generate_series(1, $rows_per_client) n;
INSERT INTO articles_single (id, body, published) SELECT id, body, published FROM articles;
ANALYZE articles_single;
});
for my $name (sort keys %shard)
{
	$shard{$name}->safe_psql('postgres', 'ANALYZE articles');
}

my $total = 3 * $rows_per_client;
is($coord->safe_psql('postgres', 'SELECT count(*) FROM articles'),
	$total, "the coordinator sees the $total rows");
my $on1 = $shard{shard1}->safe_psql('postgres',
	"SELECT count(*) FROM articles WHERE published < '2024-01-01'");
my $on2 = $shard{shard2}->safe_psql('postgres',
	"SELECT count(*) FROM articles WHERE published >= '2024-01-01'");
ok($on1 > 0 && $on2 > 0 && $on1 + $on2 == $total,
	"each row is on the shard of its year ($on1 + $on2)");
is( $coord->safe_psql(
		'postgres',
		q{SELECT count(*) FROM articles a JOIN articles_single s USING (id)
		  WHERE a.analysis::text = s.analysis::text}),
	$total,
	'the shards computed the same analyses as the single node');

# Push-down: the @@ condition is inside each shard's Remote SQL.
my $explain = $coord->safe_psql('postgres',
	"EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM articles WHERE analysis @@ 'quote(speaker:berg & word:trade)'"
);
note($explain);
like(
	$explain,
	qr/Async Foreign Scan on public\.articles_2023.*Remote SQL: SELECT id FROM public\.articles WHERE \(\(analysis OPERATOR\(public\.@@\) 'quote\(speaker:berg & word:trade\)'::public\.diplo_query\)\).*Async Foreign Scan on public\.articles_2024.*Remote SQL: SELECT id FROM public\.articles WHERE \(\(analysis OPERATOR\(public\.@@\)/s,
	'EXPLAIN VERBOSE: both shards get the @@ condition in their Remote SQL, as async foreign scans'
);
my $pruned = $coord->safe_psql('postgres',
	"EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM articles WHERE analysis @@ 'speaker:berg' AND published >= '2024-03-01'"
);
my ($pruned_remote) = $pruned =~ /(Remote SQL: [^\n]*)/;
ok( $pruned !~ /articles_2023/
	  && ($pruned =~ tr/\n//) > 0
	  && defined $pruned_remote
	  && $pruned_remote =~ /published >= '2024-03-01'/
	  && $pruned_remote =~ /analysis OPERATOR\(public\.@@\) 'speaker:berg'::public\.diplo_query/,
	'a condition on the partition key prunes the other shard, both conditions are shipped'
) or diag($pruned);

my $bad = 0;
for my $line (split /\n/, $coord->safe_psql('postgres', 'SELECT qid, remote_match, async_scans, plan FROM pushdown()'))
{
	my ($qid, $remote, $async, $plan) = split /\|/, $line, 4;
	next if $remote == 2 && $async == 2;
	$bad++;
	diag("query $qid ($BATTERY[$qid - 1]): $remote Remote SQL with @@, $async async scans: $plan");
}
is($bad, 0,
	'every query of the battery is shipped to both shards (@@ in each Remote SQL, async scans)');

# The answers: sharded through the coordinator = single node.
my $sharded = $coord->safe_psql('postgres',
	"SELECT qid, n, ids FROM battery('articles', 'analysis') ORDER BY qid");
my $single = $coord->safe_psql('postgres',
	"SELECT qid, n, ids FROM battery('articles_single', 'analysis') ORDER BY qid");
is($sharded, $single,
	'the battery gives the same rows through the shards as on a single node');
my $nonempty = grep { (split /\|/)[1] > 0 } split /\n/, $single;
cmp_ok($nonempty, '>=', scalar(@BATTERY) / 2,
	"most queries of the battery have rows ($nonempty)");

# Aggregates over the shards (a dashboard): same as on a single node.
my $dash = q{
SELECT to_char(date_trunc('quarter', published), 'YYYY-"Q"Q'), f.facet, count(DISTINCT f.value), sum(f.quotes)
FROM %s, diplo_facets(analysis) f WHERE f.facet IN ('speaker', 'country')
GROUP BY 1, 2 ORDER BY 1, 2};
is( $coord->safe_psql('postgres', sprintf($dash, 'articles')),
	$coord->safe_psql('postgres', sprintf($dash, 'articles_single')),
	'a dashboard query of diplo_facets over the shards equals the single node');

# The shards' GIN indexes: with sequential scans off on the shards (on
# tables this small their planners prefer them), the remote queries use
# the indexes and the rows are still those of the single node.
my %scans_before;
for my $name (sort keys %shard)
{
	$scans_before{$name} = $shard{$name}->safe_psql('postgres',
		"SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = 'articles_analysis'");
	$shard{$name}->safe_psql('postgres',
		'ALTER SYSTEM SET enable_seqscan = off; SELECT pg_reload_conf()');
}
is( $coord->safe_psql(
		'postgres',
		"SELECT qid, n, ids FROM battery('articles', 'analysis') ORDER BY qid"),
	$single,
	'through the shards\' GIN indexes, the battery gives the single node\'s rows');
for my $name (sort keys %shard)
{
	# the counters reach pg_stat when the remote sessions end
	my $after;
	for (1 .. 30)
	{
		$after = $shard{$name}->safe_psql('postgres',
			"SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = 'articles_analysis'");
		last if $after > $scans_before{$name};
		sleep 1;
	}
	cmp_ok($after - $scans_before{$name}, '>=', scalar(@BATTERY),
		"$name: its GIN index answered every remote query ("
		  . ($after - $scans_before{$name}) . " index scans)");
}

diag("postgres_fdw sharding: $total rows ($on1 on shard1, $on2 on shard2), "
	  . scalar(@BATTERY)
	  . " queries shipped to both shards, same rows as a single node");

$coord->stop;
$shard{$_}->stop for sort keys %shard;
done_testing();
