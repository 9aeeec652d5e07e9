#!/usr/bin/env python3
"""Write the article texts of ../shared/corpora (news/*.jsonl, then
gov/*.jsonl, each in name order) as a one-column CSV for \\copy.

    python3 test/bench/corpus_csv.py CORPORA_DIR OUT.csv

Used by gin_bench.sh and backfill.sh; the texts stay outside the repository.
"""
import csv
import glob
import json
import os
import sys


def main(root, out):
    """Write the non-empty texts of the corpus files under root to out."""
    files = sorted(glob.glob(os.path.join(root, "news", "*.jsonl"))) + \
        sorted(glob.glob(os.path.join(root, "gov", "*.jsonl")))
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        for path in files:
            for line in open(path, encoding="utf-8"):
                text = json.loads(line).get("text") or ""
                if text.strip():
                    w.writerow([text.replace("\x00", "")])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
