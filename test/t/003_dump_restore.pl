# pg_dump / pg_restore into a fresh cluster: a generated diplo_statement
# column with a GIN index, an expression index USING gin (diplo_analyze(body)),
# a plain diplo_statement column (through its text form) and a view with a
# diplo_query constant.  The restored indexes are valid and used, the
# battery gives the same rows as in the source, by index and by sequential
# scan, and both indexes work under an empty search_path.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use DiploTAP;

my $src = diplo_node('source');
$src->start;
$src->safe_psql('postgres', 'CREATE DATABASE src');
load_schema($src, 'src');
$src->safe_psql(
	'src', q{
CREATE TABLE articles (
	id bigint PRIMARY KEY,
	body text NOT NULL,
	a diplo_statement GENERATED ALWAYS AS (diplo_analyze(body)) STORED);
CREATE INDEX articles_a_idx ON articles USING gin (a);
INSERT INTO articles (id, body)
SELECT c * 1000 + n, gen_article(c, n) FROM generate_series(0, 5) c, generate_series(1, 500) n;

CREATE TABLE bodies (id bigint PRIMARY KEY, body text);
CREATE INDEX bodies_expr_idx ON bodies USING gin (diplo_analyze(body));
INSERT INTO bodies SELECT id, body FROM articles WHERE id % 3 = 0;
INSERT INTO bodies VALUES (-1, NULL), (-2, ''),
	(-3, 'Minister Åsa Lindström said: «Nous sommes prêts», and the talks on trade went on.');

-- Stored analyses, some written by hand: no quote, long names, NULL fields.
CREATE TABLE statements (id int PRIMARY KEY, st diplo_statement);
INSERT INTO statements SELECT id, a FROM articles WHERE id % 10 = 0;
INSERT INTO statements VALUES
	(1, '{"version": 1, "countries": [], "topics": [], "speakers": [], "quotes": []}'),
	(2, ('{"version": 1, "event": "summit", "countries": ["Iceland"], "topics": ["trade and investment"], '
		|| '"speakers": [{"name": "' || repeat('Longname ', 30) || 'Jónsdóttir", "role": "Foreign Minister", '
		|| '"country": "Iceland", "type": "person"}], "quotes": []}')::diplo_statement),
	(3, NULL);

CREATE VIEW berg_trade AS
SELECT id FROM articles WHERE a @@ 'quote(speaker:berg & word:trade)';
ANALYZE;
});

my ($src_a) =
  battery_compare($src, 'src', 'source, generated column', 'articles', 'a',
	'articles_a_idx');
my ($src_b) =
  battery_compare($src, 'src', 'source, expression index', 'bodies',
	'diplo_analyze(body)', 'bodies_expr_idx');

# Digests of the stored values, in text and binary form, and of the view.
my $digests = q{
SELECT (SELECT md5(string_agg(id || ':' || coalesce(st::text, 'NULL'), ',' ORDER BY id)) FROM public.statements),
	(SELECT md5(string_agg(coalesce(encode(public.diplo_statement_send(st), 'hex'), 'NULL'), ',' ORDER BY id)) FROM public.statements),
	(SELECT md5(string_agg(id || ':' || a::text, ',' ORDER BY id)) FROM public.articles),
	(SELECT count(*) || ':' || md5(string_agg(id::text, ',' ORDER BY id)) FROM public.berg_trade)};
my $src_digests = $src->safe_psql('src', $digests);

my $tmp = PostgreSQL::Test::Utils::tempdir;
$src->command_ok(
	[ 'pg_dump', '-Fc', '-f', "$tmp/src.dump", '-d', $src->connstr('src') ],
	'pg_dump -Fc');
$src->command_ok(
	[
		'pg_dump', '--schema-only', '-f', "$tmp/src.sql",
		'-d', $src->connstr('src')
	],
	'pg_dump --schema-only');
my $ddl = slurp_file("$tmp/src.sql");
like(
	$ddl,
	qr/GENERATED ALWAYS AS \(public\.diplo_analyze\(body\)\) STORED/,
	'the dump names the generated column\'s function with its schema');
like(
	$ddl,
	qr/USING gin \(public\.diplo_analyze\(body\)\)/,
	'the dump names the expression index\'s function with its schema');

my $dst = diplo_node('restored');
$dst->start;
$dst->safe_psql('postgres', 'CREATE DATABASE dst');
$dst->command_ok(
	[
		'pg_restore', '--exit-on-error', '-d', $dst->connstr('dst'),
		"$tmp/src.dump"
	],
	'pg_restore into a fresh cluster');
$dst->safe_psql('dst', 'ANALYZE');

is( $dst->safe_psql(
		'dst', q{
SELECT string_agg(format('%s:%s/%s/%s', c.relname, i.indisvalid, i.indisready, i.indislive), ' ' ORDER BY c.relname)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE c.relname IN ('articles_a_idx', 'bodies_expr_idx')}),
	'articles_a_idx:t/t/t bodies_expr_idx:t/t/t',
	'the restored GIN indexes are valid, ready and live');
is($dst->safe_psql('dst', $digests),
	$src_digests,
	'stored analyses (text and binary forms), generated column and view are as in the source');

my ($dst_a) =
  battery_compare($dst, 'dst', 'restored, generated column', 'articles', 'a',
	'articles_a_idx');
my ($dst_b) =
  battery_compare($dst, 'dst', 'restored, expression index', 'bodies',
	'diplo_analyze(body)', 'bodies_expr_idx');

# Compare the restored cluster's answers with the source's, query by query.
sub same_answers
{
	my ($x, $y) = @_;
	my $differ = 0;
	for my $qid (1 .. scalar(@BATTERY))
	{
		$differ++
		  if ($x->{$qid}[0] // 'x') ne ($y->{$qid}[0] // 'y')
		  || ($x->{$qid}[1] // 'x') ne ($y->{$qid}[1] // 'y');
	}
	return $differ;
}
is(same_answers($src_a, $dst_a), 0,
	'generated column: the battery gives the source\'s rows');
is(same_answers($src_b, $dst_b), 0,
	'expression index: the battery gives the source\'s rows');

# An empty search_path, as pg_restore runs with: writes maintain both
# indexes and qualified queries use them.
my $empty = $dst->safe_psql(
	'dst', q{
SET search_path = '';
INSERT INTO public.articles (id, body) VALUES (900001,
	'Latvian Foreign Minister Ilze Kalnina said on Monday that the fishing quotas were unfair.');
INSERT INTO public.bodies SELECT id, body FROM public.articles WHERE id = 900001;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM public.articles
WHERE a OPERATOR(public.@@) 'speaker:kalnina & word:fish*'::public.diplo_query;
EXPLAIN (COSTS OFF) SELECT id FROM public.bodies
WHERE public.diplo_analyze(body) OPERATOR(public.@@) 'speaker:kalnina & word:fish*'::public.diplo_query;
SELECT id FROM public.articles
WHERE a OPERATOR(public.@@) 'speaker:kalnina & word:fish*'::public.diplo_query;
SELECT id FROM public.bodies
WHERE public.diplo_analyze(body) OPERATOR(public.@@) 'speaker:kalnina & word:fish*'::public.diplo_query;
});
like($empty, qr/Bitmap Index Scan on articles_a_idx/,
	'empty search_path: the generated column\'s index is used');
like($empty, qr/Bitmap Index Scan on bodies_expr_idx/,
	'empty search_path: the expression index is used');
like($empty, qr/\n900001\n900001$/,
	'empty search_path: both indexes find the new row');

my $rows = $dst->safe_psql('dst',
	'SELECT (SELECT count(*) FROM articles) || \' articles, \' || (SELECT count(*) FROM bodies) || \' bodies, \' || (SELECT count(*) FROM statements) || \' statements\''
);
diag("dump/restore: $rows restored; battery of "
	  . scalar(@BATTERY)
	  . " queries x 2 indexes gives the source's rows by index and by sequential scan"
);

$src->stop;
$dst->stop;
done_testing();
