#!/usr/bin/env python3
"""Print the share of a corpus's characters that lie inside quote contents.

    make cli
    test/bench/diplo_cli --jsonl < CORPUS.jsonl | python3 test/bench/quote_share.py CORPUS.jsonl

CORPUS.jsonl has one {"id", "text"} object a line (../shared/corpora/...); the
predictions on stdin are diplo_cli's, line by line in the same order.  A
character counts once however many quotes hold it.  The word keys of the GIN
index come from quote contents, so this share drives the index size.
"""
import json
import sys


def main(corpus):
    """Read the corpus and the predictions; print the covered share."""
    covered = total = 0
    for src, pred in zip(open(corpus, encoding="utf-8"), sys.stdin):
        text = json.loads(src).get("text") or ""
        mask = bytearray(len(text))
        for q in json.loads(pred).get("quotes", []):
            c = q.get("content")
            if isinstance(c, list) and len(c) == 2 and isinstance(c[0], int):
                for i in range(max(0, c[0]), min(c[1], len(text))):
                    mask[i] = 1
        covered += sum(mask)
        total += len(text)
    print(f"{corpus}: {covered / total if total else 0:.3f} of {total} characters inside quotes")


if __name__ == "__main__":
    main(sys.argv[1])
