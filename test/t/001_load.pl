# Concurrent load: 8 pgbench clients insert generated articles into a table
# with a generated diplo_statement column and a GIN index on it, while 4
# clients run the query battery, for TAP_LOAD_SECONDS (default 20); the
# writers are held to TAP_LOAD_RATE inserts a second in all (default 400,
# 0 for no limit) so that the checks afterwards take a bounded time.  No
# client may fail, every acknowledged insert is there, and afterwards the
# battery gives the same rows by index and by sequential scan, before and
# after VACUUM flushes the GIN pending list.
use strict;
use warnings;

use IPC::Run;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use DiploTAP;

my $seconds = $ENV{TAP_LOAD_SECONDS} // 20;
my $writers = 8;
my $readers = 4;
my $rate = $ENV{TAP_LOAD_RATE} // 400;

my $node = diplo_node('load');
$node->append_conf('postgresql.conf',
	"max_connections = 40\nlog_statement = none\n");
$node->start;
load_schema($node, 'postgres');
create_articles($node, 'postgres');

my $dir = PostgreSQL::Test::Utils::tempdir;
my $nq = scalar(@BATTERY);
PostgreSQL::Test::Utils::append_to_file("$dir/writer.sql", <<'EOS');
\set n random(1, 1000000000)
INSERT INTO articles (client, body) VALUES (:client_id, gen_article(:client_id, :n));
EOS
PostgreSQL::Test::Utils::append_to_file("$dir/reader.sql", <<"EOS");
\\set q random(1, $nq)
SELECT count(*) FROM articles WHERE a @@ (SELECT q FROM queries WHERE qid = :q);
SELECT id, speakers(a), topics(a), event(a) FROM articles
WHERE a @@ (SELECT q FROM queries WHERE qid = :q) ORDER BY id DESC LIMIT 5;
SELECT count(*) FROM articles a, quotes(a.a) q
WHERE a.id > (SELECT max(id) - 50 FROM articles) AND q.speaker IS NOT NULL;
EOS

# Start pgbench in the background on script $script with $clients clients.
sub start_pgbench
{
	my ($script, $clients, $limit, $out, $err) = @_;
	return IPC::Run::start(
		[
			'pgbench', '-n', '-c', $clients, '-j', 2, '-T', $seconds,
			($limit ? ('-R', $limit) : ()),
			'-f', "$dir/$script", '-h', $node->host, '-p', $node->port,
			'postgres'
		],
		'>', $out, '2>', $err,
		IPC::Run::timeout($seconds + $PostgreSQL::Test::Utils::timeout_default));
}

my ($wout, $werr, $rout, $rerr) = ('', '', '', '');
my $wh = start_pgbench('writer.sql', $writers, $rate, \$wout, \$werr);
my $rh = start_pgbench('reader.sql', $readers, 0, \$rout, \$rerr);
my $wok = $wh->finish;
my $rok = $rh->finish;
note("writers:\n$wout\n$werr");
note("readers:\n$rout\n$rerr");

ok($wok, "$writers writer clients ran $seconds s without error")
  or diag($werr);
ok($rok, "$readers reader clients ran $seconds s without error")
  or diag($rerr);
my ($inserted) = $wout =~ /number of transactions actually processed: (\d+)/;
my ($queried) = $rout =~ /number of transactions actually processed: (\d+)/;
like($wout, qr/number of failed transactions: 0 /, 'no writer transaction failed');
like($rout, qr/number of failed transactions: 0 /, 'no reader transaction failed');
cmp_ok($inserted // 0, '>', 0, 'the writers inserted articles');
cmp_ok($queried // 0, '>', 0, 'the readers ran queries');

my $rows = $node->safe_psql('postgres',
	'SELECT count(*) FROM articles WHERE client >= 0');
is($rows, $inserted, 'every acknowledged insert is in the table');
is( $node->safe_psql(
		'postgres',
		"SELECT count(DISTINCT client) FROM articles WHERE client >= 0"),
	$writers,
	'every writer inserted');
is( $node->safe_psql(
		'postgres',
		'SELECT count(*) FROM articles WHERE a::text IS DISTINCT FROM diplo_analyze(body)::text'
	),
	0,
	'every stored analysis equals a fresh one');

my (undef, $nonempty) =
  battery_compare($node, 'postgres', 'after the load', 'articles', 'a',
	'articles_a_idx');
$node->safe_psql('postgres', 'VACUUM ANALYZE articles');
battery_compare($node, 'postgres', 'after VACUUM', 'articles', 'a',
	'articles_a_idx');

diag(   "load: $writers writers + $readers readers for $seconds s: "
	  . "$inserted articles inserted, $queried reader transactions "
	  . "(3 queries each), 0 errors; battery of $nq queries "
	  . "($nonempty with rows) identical by index and by sequential scan");

$node->stop;
done_testing();
