# Logical replication with binary = true: a table with a stored
# diplo_statement column, a diplo_query column and a generated
# diplo_statement column goes from a publisher to a subscriber (the initial
# copy, then inserts, updates and deletes streamed through the types'
# send and receive functions).  Both sides hold the same values, in text and
# binary form, and the battery gives the same rows on both, through a GIN
# index on the replicated column.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use DiploTAP;

my $pub = diplo_node('publisher', allows_streaming => 'logical');
$pub->start;
my $sub = diplo_node('subscriber');
$sub->start;

my $table = q{
CREATE TABLE articles (
	id bigint PRIMARY KEY,
	body text NOT NULL,
	a diplo_statement GENERATED ALWAYS AS (diplo_analyze(body)) STORED,
	st diplo_statement,
	q diplo_query);
CREATE INDEX articles_st_idx ON articles USING gin (st);
};
for my $node ($pub, $sub)
{
	load_schema($node, 'postgres');
	$node->safe_psql('postgres', $table);
}

# Rows lo..hi: the article, its analysis and a query of the battery.
sub insert_rows
{
	my ($lo, $hi) = @_;
	return "INSERT INTO articles (id, body, st, q) "
	  . "SELECT n, gen_article(7, n), diplo_analyze(gen_article(7, n)), "
	  . "(SELECT q FROM queries WHERE qid = n % (SELECT count(*) FROM queries) + 1) "
	  . "FROM generate_series($lo, $hi) n;";
}

# Before the subscription: the initial copy (text COPY in PostgreSQL 15).
$pub->safe_psql('postgres',
	insert_rows(1, 500)
	  . "CREATE PUBLICATION pub FOR TABLE articles;");
my $connstr = $pub->connstr . ' dbname=postgres';
$sub->safe_psql('postgres',
	"CREATE SUBSCRIPTION sub CONNECTION '$connstr' PUBLICATION pub WITH (binary = true);"
);
$sub->wait_for_subscription_sync($pub, 'sub');
is($sub->safe_psql('postgres', 'SELECT subbinary FROM pg_subscription'),
	't', 'the subscription is binary');
is($sub->safe_psql('postgres', 'SELECT count(*) FROM articles'),
	500, 'the initial copy arrived');

# Streamed changes: inserts in several transactions, hand-written values,
# updates of the stored analysis, of the query and of the body (the
# generated column is computed on each side), deletes.
for my $k (0 .. 4)
{
	$pub->safe_psql('postgres',
		insert_rows(1001 + 500 * $k, 1500 + 500 * $k));
}
$pub->safe_psql(
	'postgres', q{
INSERT INTO articles (id, body, st, q) VALUES
	(9001, '', '{"version": 1, "countries": [], "topics": [], "speakers": [], "quotes": []}',
		'!speaker:zzz'),
	(9002, 'No official commented.', ('{"version": 1, "event": "summit", "countries": ["Iceland"], '
		|| '"topics": ["trade and investment"], "speakers": [{"name": "' || repeat('Longname ', 30)
		|| 'Jónsdóttir", "role": "Foreign Minister", "country": "Iceland", "type": "person"}], '
		|| '"quotes": []}')::diplo_statement,
		('speaker:"' || repeat('longname ', 30) || 'jonsdottir"')::diplo_query),
	(9003, 'Silence.', NULL, NULL);
BEGIN;
UPDATE articles SET st = diplo_analyze(gen_article(8, id)) WHERE id % 17 = 0;
UPDATE articles SET q = 'quote(speaker:berg & !word:trade) | event:summit' WHERE id % 19 = 0;
UPDATE articles SET body = gen_article(9, id) WHERE id % 23 = 0;
COMMIT;
DELETE FROM articles WHERE id % 29 = 0;
});
$pub->wait_for_catchup('sub');

# Digests of each column, in text form and (for the replicated ones) binary.
my $digests = q{
SELECT count(*),
	md5(string_agg(id || ':' || coalesce(st::text, 'NULL'), ',' ORDER BY id)),
	md5(string_agg(coalesce(encode(diplo_statement_send(st), 'hex'), 'NULL'), ',' ORDER BY id)),
	md5(string_agg(id || ':' || coalesce(q::text, 'NULL'), ',' ORDER BY id)),
	md5(string_agg(coalesce(encode(diplo_query_send(q), 'hex'), 'NULL'), ',' ORDER BY id)),
	md5(string_agg(id || ':' || a::text, ',' ORDER BY id)),
	count(*) FILTER (WHERE st @@ q)
FROM articles};
my $pd = $pub->safe_psql('postgres', $digests);
my $sd = $sub->safe_psql('postgres', $digests);
is($sd, $pd,
	'the subscriber holds the publisher\'s values (text and binary forms, generated column, st @@ q)'
);
is( $pub->safe_psql(
		'postgres',
		'SELECT count(*) FROM articles WHERE st::text IS DISTINCT FROM diplo_analyze(body)::text'
	),
	$sub->safe_psql(
		'postgres',
		'SELECT count(*) FROM articles WHERE st::text IS DISTINCT FROM diplo_analyze(body)::text'
	),
	'as many rows differ from a fresh analysis on both sides');

$pub->safe_psql('postgres', 'ANALYZE articles');
$sub->safe_psql('postgres', 'ANALYZE articles');
my ($pr, $pnonempty) =
  battery_compare($pub, 'postgres', 'publisher', 'articles', 'st',
	'articles_st_idx');
my ($sr) =
  battery_compare($sub, 'postgres', 'subscriber', 'articles', 'st',
	'articles_st_idx');
my $differ = grep {
	     ($pr->{$_}[0] // 'x') ne ($sr->{$_}[0] // 'y')
	  || ($pr->{$_}[1] // 'x') ne ($sr->{$_}[1] // 'y')
} 1 .. scalar(@BATTERY);
is($differ, 0, 'the battery gives the same rows on both sides');
ok(!$sub->log_contains(qr/ERROR/), 'no error in the subscriber\'s log');

my ($rows) = split /\|/, $sd;
diag(   "logical replication (binary): $rows rows, 500 by the initial copy, "
	  . "the rest streamed with updates and deletes; values identical; battery of "
	  . scalar(@BATTERY)
	  . " queries ($pnonempty with rows) gives the same rows on both sides");

$sub->stop;
$pub->stop;
done_testing();
