# Crash recovery: 8 psql clients insert generated articles (transactions of
# one or two rows, and some rolled back) into a table with a generated
# diplo_statement column and a GIN index, printing the id and digests of
# each row once its COMMIT is acknowledged, while 4 pgbench clients run the
# query battery.  After TAP_CRASH_SECONDS (default 8) the postmaster gets
# SIGKILL.  After the restart (crash recovery): every acknowledged row is
# there with the same body and analysis, no rolled-back row is, every
# stored analysis equals a fresh one, and the battery gives the same rows by
# index and by sequential scan.
use strict;
use warnings;

use IPC::Run;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(usleep);
use DiploTAP;

my $seconds = $ENV{TAP_CRASH_SECONDS} // 8;
my $writers = 8;
my $readers = 4;
my $units = 50000;    # transactions in each writer's script, more than it can run

my $node = diplo_node('crash');
$node->append_conf('postgresql.conf',
	"max_connections = 40\nlog_statement = none\n");
$node->start;
load_schema($node, 'postgres');
create_articles($node, 'postgres');

# The script of writer $c: transaction k inserts article (c, k), and for
# odd k also article (c, -k); every seventh is rolled back.  After each
# COMMIT acknowledged, "ack <id> <md5 of body> <md5 of analysis>" per row.
sub writer_script
{
	my ($c) = @_;
	my $ins =
	  "INSERT INTO articles (client, body) VALUES ($c, gen_article($c, %d)) "
	  . "RETURNING id AS %s, md5(body) AS %s_b, md5(a::text) AS %s_a \\gset\n";
	my $s = '';
	for my $k (1 .. $units)
	{
		$s .= "BEGIN;\n" . sprintf($ins, $k, 'r1', 'r1', 'r1');
		$s .= sprintf($ins, -$k, 'r2', 'r2', 'r2') if $k % 2;
		if ($k % 7 == 0)
		{
			$s .= "ROLLBACK;\n\\echo rolledback :r1\n";
			next;
		}
		$s .= "COMMIT;\n\\echo ack :r1 :r1_b :r1_a\n";
		$s .= "\\echo ack :r2 :r2_b :r2_a\n" if $k % 2;
	}
	return $s;
}

my $dir = PostgreSQL::Test::Utils::tempdir;
my $nq = scalar(@BATTERY);
PostgreSQL::Test::Utils::append_to_file("$dir/reader.sql", <<"EOS");
\\set q random(1, $nq)
SELECT count(*) FROM articles WHERE a @@ (SELECT q FROM queries WHERE qid = :q);
EOS

my @wh;
for my $c (0 .. $writers - 1)
{
	PostgreSQL::Test::Utils::append_to_file("$dir/writer$c.sql",
		writer_script($c));
	$wh[$c] = IPC::Run::start(
		[
			'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1',
			'-h', $node->host, '-p', $node->port,
			'-d', 'postgres', '-f', "$dir/writer$c.sql"
		],
		'>', "$dir/writer$c.out", '2>', "$dir/writer$c.err",
		IPC::Run::timeout(
			$seconds + 2 * $PostgreSQL::Test::Utils::timeout_default));
}
my ($rout, $rerr) = ('', '');
my $rh = IPC::Run::start(
	[
		'pgbench', '-n', '-c', $readers, '-j', 1, '-T', 10 * $seconds + 60,
		'-f', "$dir/reader.sql", '-h', $node->host, '-p', $node->port,
		'postgres'
	],
	'>', \$rout, '2>', \$rerr,
	IPC::Run::timeout(
		10 * $seconds + 60 + $PostgreSQL::Test::Utils::timeout_default));

# (Their output goes to files: a pipe nobody reads would stop them.)
sleep($seconds - 1);

# Mid-load: the clients are all connected and the writers still inserting.
my $earlier = $node->safe_psql('postgres',
	'SELECT count(*) FROM articles WHERE client >= 0');
sleep(1);
my $pids = $node->safe_psql('postgres',
	'SELECT string_agg(pid::text, \' \') FROM pg_stat_activity');
my @pids = split / /, $pids;
my $before = $node->safe_psql('postgres',
	'SELECT count(*) FROM articles WHERE client >= 0');
is( $node->safe_psql(
		'postgres',
		"SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
	),
	$writers + $readers,
	'the writers and the readers are connected');
my $running = grep { $_->pumpable } @wh;
is($running, $writers, 'the writers are still running');
cmp_ok($before, '>', $earlier, 'the writers are still inserting');
$node->kill9;
diag("crash: SIGKILL to the postmaster after $seconds s of load, "
	  . "$before rows inserted by then");

# The clients lose their connections; each server process ends once it
# sees the postmaster gone.
for my $c (0 .. $writers - 1)
{
	$wh[$c]->finish;
}
$rh->finish;
my $deadline = time() + $PostgreSQL::Test::Utils::timeout_default;
while (grep { kill(0, $_) } @pids)
{
	last if time() > $deadline;
	usleep(100_000);
}
is((grep { kill(0, $_) } @pids), 0,
	'every process of the killed server has exited');
$node->start;
ok( $node->log_contains(qr/database system was interrupted|redo starts at/),
	'the restart ran crash recovery');

# What the writers saw acknowledged, and what they rolled back.
my (@acked, @rolledback);
for my $c (0 .. $writers - 1)
{
	for my $line (split /\n/, slurp_file("$dir/writer$c.out"))
	{
		if ($line =~ /^ack (\d+) ([0-9a-f]{32}) ([0-9a-f]{32})$/)
		{
			push @acked, "$1\t$2\t$3";
		}
		elsif ($line =~ /^rolledback (\d+)$/)
		{
			push @rolledback, $1;
		}
	}
	like(slurp_file("$dir/writer$c.err"), qr/server closed the connection|connection to server was lost|terminating connection/,
		"writer $c stopped on the crash");
}
cmp_ok(scalar(@acked), '>', 0, 'the writers had acknowledged commits');
cmp_ok(scalar(@rolledback), '>', 0, 'the writers had rolled back some rows');

$node->safe_psql('postgres',
	    "CREATE TABLE acked (id bigint PRIMARY KEY, body_md5 text, a_md5 text);\n"
	  . "COPY acked FROM stdin;\n"
	  . join("\n", @acked)
	  . "\n\\.\n"
	  . "CREATE TABLE rolledback (id bigint);\n"
	  . "INSERT INTO rolledback VALUES ("
	  . join('), (', @rolledback) . ");\n");
my $lost = $node->safe_psql(
	'postgres', q{
SELECT count(*) FROM acked k LEFT JOIN articles a USING (id)
WHERE a.id IS NULL OR md5(a.body) <> k.body_md5 OR md5(a.a::text) <> k.a_md5});
is($lost, 0, 'every acknowledged row is there, with its body and analysis');
is( $node->safe_psql(
		'postgres',
		'SELECT count(*) FROM rolledback JOIN articles USING (id)'),
	0,
	'no rolled-back row is there');
is( $node->safe_psql(
		'postgres',
		'SELECT count(*) FROM articles WHERE a::text IS DISTINCT FROM diplo_analyze(body)::text'
	),
	0,
	'every stored analysis equals a fresh one');
my $after = $node->safe_psql('postgres',
	'SELECT count(*) FROM articles WHERE client >= 0');
cmp_ok($after, '>=', scalar(@acked),
	'at least as many rows as acknowledged');

my (undef, $nonempty) =
  battery_compare($node, 'postgres', 'after crash recovery', 'articles', 'a',
	'articles_a_idx');

# The index keeps working: new rows after the recovery are found.
$node->safe_psql('postgres',
	    "INSERT INTO articles (client, body) "
	  . "SELECT 99, 'Icelandic Foreign Minister Sigrun Eiriksdottir said on Friday that the fishing talks would resume.' "
	  . "FROM generate_series(1, 3)");
is( $node->safe_psql(
		'postgres', q{
SET enable_seqscan = off;
SELECT count(*) FROM articles WHERE a @@ 'speaker:eiriksdottir & word:fishing'}),
	3,
	'rows inserted after the recovery are found through the index');

diag(   "crash: $writers writers + $readers readers, "
	  . scalar(@acked)
	  . " rows acknowledged committed, "
	  . scalar(@rolledback)
	  . " rolled back; after recovery $after rows, $lost acknowledged rows lost, "
	  . "battery of $nq queries ($nonempty with rows) identical by index and by sequential scan"
);

$node->stop;
done_testing();
