# A real upgrade: the previous release's build (DIPLO_PKG_OLD, an install
# tree of an older commit, made by tools/upgrade-check.sh) creates the
# extension, stores articles and builds the GIN index; then the server is
# pointed at the current build (DIPLO_PKG) and restarted, ALTER EXTENSION
# diplo UPDATE runs, and without any REINDEX the old index gives, for every
# query of the battery, the rows of a sequential scan and the rows the old
# build gave; values stored by the old build print and send the same.
# Skipped without DIPLO_PKG_OLD.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use DiploTAP;

my $old_pkg = $ENV{DIPLO_PKG_OLD} // '';
my $new_pkg = $ENV{DIPLO_PKG} // '';
plan skip_all => 'DIPLO_PKG_OLD is not set (tools/upgrade-check.sh sets it)'
  if $old_pkg eq '' || $new_pkg eq '';

# Point the server at the extension tree $pkg.
sub use_pkg
{
	my ($node, $pkg) = @_;
	my $libdir = $node->config_data('--pkglibdir');
	$node->append_conf('postgresql.conf',
		    "extension_destdir = '$pkg'\n"
		  . "dynamic_library_path = '$pkg$libdir:\$libdir'\n");
	return;
}

my $node = diplo_node('binary_upgrade');
use_pkg($node, $old_pkg);
$node->start;
load_schema($node, 'postgres');
my $old_version = $node->safe_psql('postgres',
	"SELECT extversion FROM pg_extension WHERE extname = 'diplo'");
$node->safe_psql(
	'postgres', q{
CREATE TABLE articles (
	id bigint PRIMARY KEY,
	body text NOT NULL,
	a diplo_statement GENERATED ALWAYS AS (diplo_analyze(body)) STORED,
	kept diplo_statement);
INSERT INTO articles (id, body)
SELECT c * 1000 + n, gen_article(c, n) FROM generate_series(0, 3) c, generate_series(1, 600) n;
UPDATE articles SET kept = a WHERE id % 5 = 0;
CREATE INDEX articles_a_idx ON articles USING gin (a);
CREATE INDEX articles_kept_idx ON articles USING gin (kept);
ANALYZE articles;
});
my $old_idx = battery_results($node, 'postgres', 'index', 'articles', 'a');
my $digests = q{
SELECT md5(string_agg(id || ':' || a::text || ':' || coalesce(kept::text, '-'), ',' ORDER BY id)),
	md5(string_agg(encode(diplo_statement_send(a), 'hex'), ',' ORDER BY id))
FROM articles};
my $old_digests = $node->safe_psql('postgres', $digests);

# The new build.
$node->stop;
use_pkg($node, $new_pkg);
$node->start;
$node->safe_psql('postgres', 'ALTER EXTENSION diplo UPDATE');
my $new_version = $node->safe_psql('postgres',
	"SELECT extversion FROM pg_extension WHERE extname = 'diplo'");
isnt($new_version, $old_version,
	"ALTER EXTENSION diplo UPDATE: $old_version -> $new_version");
is($node->safe_psql('postgres', $digests),
	$old_digests,
	'the values the old build stored print and send the same with the new one');

my ($new_idx) = battery_compare($node, 'postgres',
	"old index, new build ($old_version -> $new_version)",
	'articles', 'a', 'articles_a_idx');
my $differ = 0;
for my $qid (1 .. scalar(@BATTERY))
{
	next
	  if ($old_idx->{$qid}[0] // 'x') eq ($new_idx->{$qid}[0] // 'y')
	  && ($old_idx->{$qid}[1] // 'x') eq ($new_idx->{$qid}[1] // 'y');
	$differ++;
	diag("query $qid ($BATTERY[$qid - 1]): "
		  . ($old_idx->{$qid}[0] // 'none')
		  . " rows with the old build, "
		  . ($new_idx->{$qid}[0] // 'none')
		  . ' with the new');
}
is($differ, 0,
	'every query of the battery gives the old build\'s rows (the analyses are the stored ones)');
battery_compare($node, 'postgres', 'old index on a plain column, new build',
	'articles', 'kept', 'articles_kept_idx');

# New rows go into the old index and are found.
$node->safe_psql('postgres',
	"INSERT INTO articles (id, body) VALUES (999999, 'Latvian Foreign Minister Ilze Kalnina said on Monday that the fishing quotas were unfair.')"
);
is( $node->safe_psql(
		'postgres',
		"SET enable_seqscan = off; SELECT id FROM articles WHERE a @@ 'speaker:kalnina & word:fish*'"),
	'999999',
	'a row inserted with the new build is found through the old index');

$node->stop;
done_testing();
