# diplo: statement analysis inside PostgreSQL (PGXS build)

EXTENSION = diplo
EXTVERSION = 0.4
MODULE_big = diplo
PGFILEDESC = "diplo - speakers, quotes and topics of news articles"

# The analyser (plain C, no PostgreSQL headers) and the glue around it.
# Sources generated from data/ at build time (rules at the end).
GENERATED_SRCS = src/core/lexicon_data.c src/core/tagger_data.c src/core/stopword_data.c
CORE_SRCS = $(filter-out $(GENERATED_SRCS),$(wildcard src/core/*.c)) $(GENERATED_SRCS)
GLUE_SRCS = $(wildcard src/*.c)
OBJS = $(GLUE_SRCS:.c=.o) $(CORE_SRCS:.c=.o)

# diplo--0.1.sql (the first release) and the update scripts diplo--A--B.sql
# are kept as written; the full script of the current version is built from
# them (rules at the end), so a fresh install and an update agree.
DATA = $(filter-out diplo--$(EXTVERSION).sql,$(wildcard diplo--*.sql))
DATA_built = diplo--$(EXTVERSION).sql
REGRESS = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --load-extension=diplo

PG_CPPFLAGS = -I$(srcdir)/src/core -I$(srcdir)/src
PG_CFLAGS = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare
SHLIB_LINK = -lstemmer
EXTRA_CLEAN = $(GENERATED_SRCS) test/unit/run_unit test/unit/run_unit_asan test/bench/diplo_cli test/bench/postag_cli \
	$(patsubst %.c,%,$(wildcard test/fuzz/fuzz_*.c)) test/fuzz/*.o

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The lexicons are data files turned into C tables at build time.
LEXICON_DATA = $(filter-out data/tagger_model.tsv,$(sort $(wildcard data/*.tsv)))
src/core/lexicon_data.c: tools/gen_lexicon.py $(LEXICON_DATA)
	python3 tools/gen_lexicon.py data $@

$(CORE_SRCS:.c=.o): $(wildcard src/core/*.h)
$(GLUE_SRCS:.c=.o): $(wildcard src/core/*.h src/*.h)

# Unit tests of src/core, with cmocka and the malloc allocator.
CORE_CC ?= $(CC)
CORE_CFLAGS = -std=c99 -D_POSIX_C_SOURCE=200809L -O1 -g -Wall -Wextra -Werror \
	-Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare -Isrc/core
UNIT_SRCS = $(sort $(wildcard test/unit/*.c))

test/unit/run_unit: $(UNIT_SRCS) $(CORE_SRCS) $(wildcard src/core/*.h test/unit/*.h)
	$(CORE_CC) $(CORE_CFLAGS) -o $@ $(UNIT_SRCS) $(CORE_SRCS) -lcmocka -lstemmer

.PHONY: unittest
unittest: test/unit/run_unit
	test/unit/run_unit
	python3 test/unit/test_gen_lexicon.py

# A command-line driver of the analyser alone (for eval, bench and profiles).
test/bench/diplo_cli: test/bench/diplo_cli.c $(CORE_SRCS) $(wildcard src/core/*.h)
	$(CORE_CC) $(CORE_CFLAGS) -O2 -o $@ test/bench/diplo_cli.c $(CORE_SRCS) -lstemmer

.PHONY: cli
cli: test/bench/diplo_cli

# Speed, side by side with to_tsvector, in a throwaway cluster (not a test).
.PHONY: bench
bench: all
	$(MAKE) install DESTDIR=$(CURDIR)/debian/pkg
	pg_virtualenv -t -p pkg -o shared_buffers=512MB -o max_parallel_workers=4 \
		python3 test/bench/bench.py

# ---- part-of-speech / entity tagger (tools/train_tagger.py, diplo_postag.c) ----
# The model's weights are a data file turned into C tables at build time;
# retrain with `python3 tools/train_tagger.py` (needs ../shared/corpora).
src/core/tagger_data.c: tools/gen_tagger.py data/tagger_model.tsv
	python3 tools/gen_tagger.py data/tagger_model.tsv $@

# Tagger accuracy against the silver dev tags, and its speed (skips without ../shared).
test/bench/postag_cli: test/bench/postag_cli.c $(CORE_SRCS) $(wildcard src/core/*.h)
	$(CORE_CC) $(CORE_CFLAGS) -O2 -o $@ test/bench/postag_cli.c $(CORE_SRCS) -lstemmer

.PHONY: postag-eval
postag-eval: test/bench/postag_cli
	test/bench/postag_cli --eval ../shared/corpora/polnear

# ---- stop words of the GIN index (issue 4: tools/gen_stopwords.py, diplo_query.c) ----
# The English stop-word list and the frequent quote stems (written by
# tools/gen_frequent_stems.sh) are data files turned into C tables at build time.
src/core/stopword_data.c: tools/gen_stopwords.py data/stopwords.txt data/frequent_stems.txt
	python3 tools/gen_stopwords.py data/stopwords.txt data/frequent_stems.txt $@

# ---- TAP tests (issue 6: test/t, tools/tap-tests.sh) ----
# Concurrent load, crash recovery, dump/restore and logical replication in
# PostgreSQL::Test::Cluster clusters, against the tree installed in debian/pkg
# (as root, the tests run as the user postgres).
.PHONY: tapcheck
tapcheck: all
	$(MAKE) install DESTDIR=$(CURDIR)/debian/pkg
	tools/tap-tests.sh

# ---- memory checks of src/core (issue 6) ----
# The unit tests built with clang, AddressSanitizer (with LeakSanitizer) and
# UndefinedBehaviorSanitizer: any error, UB or leak fails the run.
ASAN_CC ?= clang-14
ASAN_CFLAGS = $(filter-out -O1,$(CORE_CFLAGS)) -O1 -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all

test/unit/run_unit_asan: $(UNIT_SRCS) $(CORE_SRCS) $(wildcard src/core/*.h test/unit/*.h)
	$(ASAN_CC) $(ASAN_CFLAGS) -o $@ $(UNIT_SRCS) $(CORE_SRCS) -lcmocka -lstemmer

.PHONY: unittest-asan
unittest-asan: test/unit/run_unit_asan
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
		test/unit/run_unit_asan

# The command-line driver under valgrind on the sample articles of
# demo/articles.sql: any memory error or leak fails it.
.PHONY: cli-valgrind
cli-valgrind: test/bench/diplo_cli
	sh tools/cli-valgrind.sh

# ---- releases and upgrades (issue 8: diplo--0.1--0.2.sql, sql/upgrade.sql) ----
# The full install script of the current version is diplo--0.1.sql followed
# by the update scripts in version order (without their psql guards), so
# that CREATE EXTENSION diplo and CREATE EXTENSION diplo VERSION '0.1' +
# ALTER EXTENSION diplo UPDATE create the same objects (sql/upgrade.sql
# compares the catalogs).
UPDATE_SCRIPTS = diplo--0.1--0.2.sql diplo--0.2--0.3.sql diplo--0.3--0.4.sql
diplo--$(EXTVERSION).sql: diplo--0.1.sql $(UPDATE_SCRIPTS)
	{ echo '/* $@: built by make from diplo--0.1.sql and $(UPDATE_SCRIPTS); edit those */'; \
	  echo; cat diplo--0.1.sql; \
	  for u in $(UPDATE_SCRIPTS); do echo; grep -v -e '^\\echo' -e '^-- complain if script' $$u; done; } > $@
