#!/usr/bin/env python3
"""Throughput and memory of diplo_analyze beside to_tsvector, in one run.

Run inside a throwaway cluster (make bench does it: pg_virtualenv, libpq
environment).  Loads ../shared/corpora/news/bbc.jsonl and
../shared/corpora/gov/press.jsonl repeated to at least BENCH_MB megabytes
(default 50), or a corpus generated here when ../shared is absent, and
prints, per corpus: MB/s and articles/s per core of diplo_analyze(body),
to_tsvector('english', body) and length(body), the diplo/to_tsvector ratio;
then time per byte for 1 KB, 100 KB and 10 MB articles, peak backend memory
for a 50 MB article, the first call in a fresh backend, and the speedup of 2
parallel workers.  Figures are measurements of this run, nothing is fixed.
"""
import csv
import io
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "..", "shared", "corpora")
MB = 1 << 20
TARGET = int(os.environ.get("BENCH_MB", "50")) * MB


def psql(sql, stdin=None):
    """Run sql in a new psql session; return (stdout, stderr)."""
    p = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-c", sql],
                       input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode:
        sys.exit("psql failed: " + p.stderr.decode())
    return p.stdout.decode(), p.stderr.decode()


def timed(expr, table, workers=0):
    """Seconds to evaluate expr over every row of table (one backend unless workers).

    Timed by EXPLAIN ANALYZE (TIMING OFF): a PL/pgSQL SELECT INTO would run
    with a row limit, which turns parallel query off."""
    out, _ = psql(f"""
SET max_parallel_workers_per_gather = {workers};
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON)
SELECT count(*) FROM {table} WHERE ({expr}) IS NOT NULL;""")
    plan = json.loads(out)[0]
    if workers and "Workers Launched" not in json.dumps(plan):
        sys.exit(f"no parallel workers were launched for {expr}")
    return plan["Execution Time"] / 1000.0


def generated_articles(n):
    """Articles written here (no ../shared): readouts with quotes and reported speech."""
    rng = random.Random(7)
    names = ["Maria Okafor", "Jonas Lindqvist", "Ana Ruiz", "Kenji Sato", "Leila Haddad"]
    roles = ["Foreign Minister", "Prime Minister", "Secretary of State", "Ambassador"]
    countries = ["Norway", "Chile", "Japan", "Kenya", "Jordan", "Canada"]
    topics = ["trade and investment", "climate change", "the peace process",
              "COVID-19 vaccines", "regional security", "human rights"]
    out = []
    for i in range(n):
        paras = []
        for _ in range(rng.randint(3, 9)):
            a, b = rng.sample(names, 2)
            paras.append(
                f"{rng.choice(roles)} {a} of {rng.choice(countries)} told {b} that "
                f"cooperation on {rng.choice(topics)} would continue. \u201cWe will keep "
                f"working on {rng.choice(topics)},\u201d {a.split()[1]} said after the phone "
                f"call. The ministry said in a statement that {rng.choice(topics)} was discussed.")
        out.append({"id": f"gen/{i}", "text": "\n\n".join(paras)})
    return out


def corpus(name):
    """Texts of one corpus from ../shared, or generated ones."""
    path = {"bbc": "news/bbc.jsonl", "press": "gov/press.jsonl"}[name]
    full = os.path.join(SHARED, path)
    if not os.path.exists(full):
        return [a["text"] for a in generated_articles(2000)], "generated (no ../shared)"
    with open(full, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()], path


def load(table, texts, target):
    """Create table(id, body) holding texts repeated to at least target bytes."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    size = n = 0
    while size < target:
        for t in texts:
            w.writerow([n, t])
            n += 1
            size += len(t.encode("utf-8"))
            if size >= target:
                break
    psql(f"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id int, body text)")
    psql(f"\\copy {table} FROM pstdin WITH (FORMAT csv)", stdin=buf.getvalue().encode())
    psql(f"VACUUM ANALYZE {table}")
    return n, size


def throughput(name):
    """Print MB/s and articles/s of the three expressions on one corpus."""
    texts, src = corpus(name)
    n, size = load("bench_" + name, texts, TARGET)
    print(f"\n{name}: {src}, {n} articles, {size / MB:.1f} MB (one core, no parallel workers)")
    res = {}
    for label, expr in (("length(body)", "length(body)"),
                        ("to_tsvector('english', body)", "to_tsvector('english', body)"),
                        ("diplo_analyze(body)", "diplo_analyze(body)")):
        secs = timed(expr, "bench_" + name)
        res[label] = secs
        print(f"  {label:<30} {size / MB / secs:8.2f} MB/s {n / secs:10.0f} articles/s "
              f"({secs:.2f} s)")
    ratio = res["to_tsvector('english', body)"] / res["diplo_analyze(body)"]
    print(f"  diplo_analyze / to_tsvector throughput ratio: {ratio:.2f}x")


def per_byte():
    """Print the time per byte of articles of 1 KB, 100 KB and 10 MB.

    The same 10 MB of text (press releases joined) is cut into consecutive
    pieces of each size, so that the sizes differ and the words do not
    (repeating one 1 KB piece would time one text, kept hot in the caches).
    """
    texts, _ = corpus("press")
    blob = "\n\n".join(texts[:4000])
    while len(blob) < 11 * MB:
        blob += "\n\n" + blob
    total = 10 * MB
    print("\ntime per byte by article size (diplo_analyze; the same 10 MB cut into pieces)")
    for size in (1 << 10, 100 << 10, 10 * MB):
        psql("DROP TABLE IF EXISTS bench_one; CREATE TABLE bench_one (body text)")
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        nbytes = reps = 0
        for off in range(0, total - size + 1, size):
            piece = blob[off:off + size]
            w.writerow([piece])
            nbytes += len(piece.encode("utf-8"))
            reps += 1
        psql("\\copy bench_one FROM pstdin WITH (FORMAT csv)", stdin=buf.getvalue().encode())
        secs = timed("diplo_analyze(body)", "bench_one")
        print(f"  {size:>9} bytes x {reps:<5} {secs / nbytes * 1e9:8.2f} ns/byte")


def memory():
    """Print the backend's peak memory while analysing one 50 MB article."""
    out, _ = psql("""
SELECT substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\\s*([0-9]+)');
SELECT diplo_analyze((SELECT string_agg(body, E'\\n\\n' ORDER BY id) FROM bench_press)) IS NULL;
SELECT length(string_agg(body, E'\\n\\n')) FROM bench_press;
SELECT substring(pg_read_file('/proc/self/status') FROM 'VmHWM:\\s*([0-9]+)');""")
    lines = out.split()
    before, total, after = int(lines[0]), int(lines[2]), int(lines[3])
    print(f"\npeak backend memory (VmHWM): {before / 1024:.0f} MB before, {after / 1024:.0f} MB "
          f"after analysing one article of {total / MB:.0f} MB characters "
          f"(includes building the article with string_agg)")


def first_call():
    """Print the time of the first diplo_analyze call in a fresh backend and of the next one."""
    _, err = psql("""
DO $$ DECLARE t0 timestamptz := clock_timestamp(); t1 timestamptz;
BEGIN
  PERFORM diplo_analyze('The minister said trade would grow.');
  t1 := clock_timestamp();
  PERFORM diplo_analyze('The minister said trade would grow.');
  RAISE NOTICE 'first=% second=%', extract(epoch FROM t1 - t0) * 1000,
    extract(epoch FROM clock_timestamp() - t1) * 1000;
END $$;""")
    m = re.search(r"first=([0-9.e-]+) second=([0-9.e-]+)", err)
    print(f"\nfirst call in a fresh backend: {float(m.group(1)):.2f} ms "
          f"(library load, lexicon and stemmer set-up), next call {float(m.group(2)):.3f} ms")


def parallel():
    """Print the speedup of 2 parallel workers on a 100k-row table."""
    texts, src = corpus("bbc")
    n = 0
    rows = []
    while len(rows) < 100000:
        rows.append(texts[n % len(texts)])
        n += 1
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for i, t in enumerate(rows):
        w.writerow([i, t])
    psql("DROP TABLE IF EXISTS bench_par; CREATE TABLE bench_par (id int, body text);"
         "ALTER TABLE bench_par SET (parallel_workers = 2)")
    psql("\\copy bench_par FROM pstdin WITH (FORMAT csv)", stdin=buf.getvalue().encode())
    psql("VACUUM ANALYZE bench_par")
    one = timed("diplo_analyze(body)", "bench_par", 0)
    two = timed("diplo_analyze(body)", "bench_par", 2)
    print(f"\n100000 rows of {src}: {one:.2f} s with no workers, {two:.2f} s with 2 workers: "
          f"speedup {one / two:.2f}x (this machine has {os.cpu_count()} cores)")


def main():
    """Run every measurement in order."""
    psql("CREATE EXTENSION IF NOT EXISTS diplo")
    out, _ = psql("SELECT version()")
    print(out.strip())
    for name in ("bbc", "press"):
        throughput(name)
    per_byte()
    memory()
    first_call()
    if os.environ.get("BENCH_PARALLEL", "1") != "0":
        parallel()


if __name__ == "__main__":
    main()
