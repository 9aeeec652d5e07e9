# DiploTAP: what the TAP tests of diplo share: clusters that find the
# extension (installed into the system or, with DIPLO_PKG, under a DESTDIR
# tree), a generator of diplomatic articles, the schema the tests load, and
# a battery of diplo_query searches run by sequential scan and by index.
package DiploTAP;

use strict;
use warnings;

use Exporter 'import';
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

our @EXPORT = qw(diplo_node load_schema create_articles battery_run
  battery_compare battery_results @BATTERY);

# Queries over the articles of gen_article(): every field, prefixes,
# accents, negation, quote() scopes, stop words and queries with no result.
our @BATTERY = (
	'speaker:berg',
	'speaker:"ingrid berg"',
	'speaker:ing*',
	'speaker:"zsofia k"*',
	'speaker:KERTÉSZ',
	'speaker:kertesz',
	'speaker:nobody',
	'role:"foreign minister"',
	'role:minister',
	'role:president',
	'role:defen*',
	'country:kenya',
	'country:japan & !country:india',
	'country:"united states"',
	'country:s*',
	'topic:"trade and investment"',
	'topic:sanctions',
	'topic:climate*',
	'topic:nuclear | topic:terrorism',
	'event:"phone call"',
	'event:meeting',
	'event:summit',
	'cue:said',
	'cue:warned | cue:stressed',
	'cue:announ*',
	'word:trade',
	'word:ceasefire',
	'word:vaccines',
	'word:vacc*',
	'word:farmer',
	'word:zzzz',
	'!speaker:berg',
	'!word:trade',
	'!(speaker:berg | speaker:malik)',
	'speaker:berg & word:trade',
	'speaker:berg | speaker:malik',
	'speaker:berg & !topic:sanctions',
	'(speaker:berg | speaker:malik) & topic:climate*',
	'quote(speaker:berg & word:trade)',
	'quote(speaker:berg & cue:warned)',
	'quote(role:president & word:nuclear)',
	'quote(country:japan & topic:"peace process")',
	'quote(!word:trade)',
	'!quote(word:trade)',
	'quote(word:trade) & quote(word:ceasefire)',
	'quote(speaker:ta* & word:ceas*)',
	'quote(cue:warned & !topic:sanctions)',
	'speaker:berg & speaker:malik',
	'word:trade & !word:trade',
	'!speaker:zzz',
	'org:anything',
	'quote(speaker:costa) & !event:meeting',
	'topic:peace & country:pol*',
	'quote(speaker:grant | speaker:hassan) & !(cue:said | word:ceasefire)',
	'word:the',
	'word:th*',
	'word:will & speaker:eze',
	'quote(speaker:eze & word:the)');

# The generator, the table of queries and the function that runs them.
my $schema_sql = <<'EOSQL';
CREATE EXTENSION diplo;

-- An article from client c, number n: "<Nationality> <Role> <Name> <cue>
-- on <day> that <clause>. "<Quote>," <Surname> told reporters after a
-- <event> with <nationality> officials in <city>.", each part chosen
-- independently from a hash of (c, n).
CREATE FUNCTION gen_article(c int, n bigint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT format('%s %s %s %s on %s that %s. "%s," %s told reporters after a %s with %s officials in %s.',
	(ARRAY['Nigerian', 'Hungarian', 'Spanish', 'Japanese', 'Swedish', 'Pakistani',
		'French', 'Polish', 'Kenyan', 'Brazilian', 'Canadian', 'Egyptian'])[s + 1],
	(ARRAY['Foreign Minister', 'Prime Minister', 'Defence Minister', 'President',
		'Trade Minister'])[(h / 12) % 5 + 1],
	(ARRAY['Chidi Eze', 'Zsófia Kertész', 'Marta Solano', 'Hiro Tanaka', 'Ingrid Berg',
		'Farah Malik', 'Claire Dubois', 'Jan Kowalski', 'Wanjiru Mwangi', 'Rafael Costa',
		'Olivia Grant', 'Nadia Hassan'])[s + 1],
	(ARRAY['said', 'warned', 'stressed', 'announced'])[(h / 60) % 4 + 1],
	(ARRAY['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])[(h / 240) % 5 + 1],
	(ARRAY['the ceasefire in the region must hold', 'trade with its neighbours was growing',
		'new sanctions would hurt ordinary people', 'the border would stay open for refugees',
		'talks on the nuclear programme should resume', 'the drought threatened farmers'])[(h / 1200) % 6 + 1],
	(ARRAY['We will deepen trade and investment ties', 'Our vaccines reached every province',
		'Terrorism remains a shared threat', 'Climate change is costing us harvests',
		'Energy prices must come down', 'We stand ready to mediate'])[(h / 7200) % 6 + 1],
	(ARRAY['Eze', 'Kertész', 'Solano', 'Tanaka', 'Berg', 'Malik', 'Dubois', 'Kowalski',
		'Mwangi', 'Costa', 'Grant', 'Hassan'])[s + 1],
	(ARRAY['meeting', 'phone call', 'summit', 'visit'])[(h / 43200) % 4 + 1],
	(ARRAY['Chinese', 'German', 'Indian', 'Mexican', 'Turkish'])[(h / 172800) % 5 + 1],
	(ARRAY['Geneva', 'Nairobi', 'Vienna', 'Jakarta'])[(h / 864000) % 4 + 1])
FROM (SELECT abs(hashint8(c::bigint * 1000003 + n)) AS h) x,
	LATERAL (SELECT (h % 12)::int AS s) y
$$;

CREATE TABLE queries (qid int PRIMARY KEY, q diplo_query NOT NULL);

-- Run every query of the table queries against the rows of table tbl
-- where expression expr matches: the number of rows, a digest of their
-- ids, and the plan.  The caller chooses the scan with enable_* settings.
CREATE FUNCTION battery(tbl text, expr text)
RETURNS TABLE (qid int, n bigint, ids text, plan text)
LANGUAGE plpgsql AS $$
DECLARE
	r record;
	l text;
	sel text;
BEGIN
	FOR r IN SELECT queries.qid, queries.q::text AS q FROM queries ORDER BY 1 LOOP
		sel := format('SELECT id FROM %s WHERE %s OPERATOR(public.@@) %L::public.diplo_query',
					  tbl, expr, r.q);
		qid := r.qid;
		plan := '';
		FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || sel LOOP
			plan := plan || l || ' / ';
		END LOOP;
		EXECUTE format('SELECT count(*), md5(coalesce(string_agg(id::text, '','' ORDER BY id), '''')) FROM (%s) s',
					   sel) INTO n, ids;
		RETURN NEXT;
	END LOOP;
END
$$;
EOSQL

# A new cluster (UTF8, C locale) that finds the extension: under
# $ENV{DIPLO_PKG}, a DESTDIR tree of `make install`, through the Debian
# settings extension_destdir and dynamic_library_path; else in the system.
sub diplo_node
{
	my ($name, %params) = @_;
	my $node = PostgreSQL::Test::Cluster->new($name);
	$node->init(%params, extra => [ '--encoding=UTF8', '--locale=C' ]);
	my $pkg = $ENV{DIPLO_PKG};
	if (defined $pkg && $pkg ne '')
	{
		my $libdir = $node->config_data('--pkglibdir');
		$node->append_conf('postgresql.conf',
			    "extension_destdir = '$pkg'\n"
			  . "dynamic_library_path = '$pkg$libdir:\$libdir'\n");
	}
	return $node;
}

# Create the extension, the generator, the query table (filled with
# @BATTERY) and the battery function in database $db.
sub load_schema
{
	my ($node, $db) = @_;
	my $values = join(",\n",
		map { "($_, '" . ($BATTERY[ $_ - 1 ] =~ s/'/''/gr) . "')" }
		  1 .. scalar(@BATTERY));
	$node->safe_psql($db,
		$schema_sql . "INSERT INTO queries VALUES\n$values;\n");
	return;
}

# Create in database $db the table articles (a generated diplo_statement
# column with a GIN index) holding 500 generated articles of client -1.
sub create_articles
{
	my ($node, $db) = @_;
	$node->safe_psql(
		$db, q{
CREATE TABLE articles (
	id bigserial PRIMARY KEY,
	client int NOT NULL,
	body text NOT NULL,
	a diplo_statement GENERATED ALWAYS AS (diplo_analyze(body)) STORED);
CREATE INDEX articles_a_idx ON articles USING gin (a);
INSERT INTO articles (client, body)
SELECT -1, gen_article(-1, n) FROM generate_series(1, 500) n;
ANALYZE articles;
});
	return;
}

# Run the battery in mode 'seq' (sequential scans only) or 'index' (bitmap
# index scans only) and return { qid => [n, ids, plan] }.
sub battery_results
{
	my ($node, $db, $mode, $tbl, $expr) = @_;
	my $set =
	  $mode eq 'seq'
	  ? "SET enable_seqscan = on; SET enable_indexscan = off; SET enable_bitmapscan = off;"
	  : "SET enable_seqscan = off; SET enable_indexscan = off; SET enable_bitmapscan = on;";
	my $out = $node->safe_psql($db,
		"$set\nSELECT qid, n, ids, plan FROM battery('$tbl', '$expr');");
	my %res;
	for my $line (split /\n/, $out)
	{
		my ($qid, $n, $ids, $plan) = split /\|/, $line, 4;
		$res{$qid} = [ $n, $ids, $plan ];
	}
	return \%res;
}

# Run the battery by sequential scan and by index scan on $index; assert
# the plans and that both give the same rows, query by query.  Returns the
# index run's results and the number of queries with at least one row.
sub battery_compare
{
	my ($node, $db, $label, $tbl, $expr, $index) = @_;
	my $seq = battery_results($node, $db, 'seq', $tbl, $expr);
	my $idx = battery_results($node, $db, 'index', $tbl, $expr);
	my ($bad_plan, $bad_seq_plan, $differ, $nonempty) = (0, 0, 0, 0);
	for my $qid (1 .. scalar(@BATTERY))
	{
		my ($sn, $sids, $splan) = @{ $seq->{$qid} // [] };
		my ($in, $iids, $iplan) = @{ $idx->{$qid} // [] };
		if (!defined $iplan || $iplan !~ /Bitmap Index Scan on \Q$index\E/)
		{
			$bad_plan++;
			diag("$label: query $qid ($BATTERY[$qid - 1]) plan: "
				  . ($iplan // 'none'));
		}
		if (!defined $splan || $splan !~ /Seq Scan on/ || $splan =~ /Index/)
		{
			$bad_seq_plan++;
			diag("$label: query $qid sequential plan: " . ($splan // 'none'));
		}
		if (   !defined $sn
			|| !defined $in
			|| $sn ne $in
			|| $sids ne $iids)
		{
			$differ++;
			diag("$label: query $qid ($BATTERY[$qid - 1]): "
				  . ($sn // 'none')
				  . " rows by sequential scan, "
				  . ($in // 'none')
				  . " by index");
		}
		$nonempty++ if defined $in && $in > 0;
	}
	is($bad_plan, 0, "$label: every query of the battery uses $index");
	is($bad_seq_plan, 0,
		"$label: the sequential run scans the table without an index");
	is($differ, 0,
		"$label: the "
		  . scalar(@BATTERY)
		  . " queries return the same rows by index and by sequential scan"
	);
	cmp_ok($nonempty, '>=', scalar(@BATTERY) / 2,
		"$label: most queries have rows ($nonempty)");
	return ($idx, $nonempty);
}

1;
