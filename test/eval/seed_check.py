#!/usr/bin/env python3
"""Check diplo on the seed article against its gold (issue 2, point 4).

Usage: seed_check.py GOLD.jsonl PRED.jsonl
Counts the direct and mixed gold quotes that a prediction finds (the strict
matching of ../shared/eval/score.py over all quotes, as its end-to-end
figure uses) and attributes to the gold speaker, checks the article's speakers, topics, countries and event, prints
each check and exits non-zero when one fails.  The scorer is read from
../shared/eval, never copied here.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "shared", "eval"))
import score  # noqa: E402

MIN_ATTRIBUTED = 9
SPEAKERS = {"Shah Mehmood Qureshi": ("Foreign Minister", "Pakistan"),
            "Antony Blinken": ("Secretary of State", "United States"),
            "Ministry of Foreign Affairs of Pakistan": (None, "Pakistan")}
NOT_SPEAKERS = ["US Secretary", "Islamabad", "Washington", "Imran Khan"]
TOPICS = ["Afghanistan peace process", "bilateral relations", "trade and investment", "COVID-19"]
COUNTRIES = ["Pakistan", "United States", "Afghanistan"]


def main():
    """Run the checks; print one line per check and a summary."""
    gold = json.loads(open(sys.argv[1], encoding="utf-8").readline())
    pred = json.loads(open(sys.argv[2], encoding="utf-8").readline())
    diag = {}
    golds = score.gold_quotes(gold, diag)
    preds = score.pred_quotes(pred, gold["text"], diag, False)
    primary, _ = score.match(preds, golds, "content", True)
    checks = []

    wanted = [gi for gi, g in enumerate(golds) if g["direct"]]
    ok = 0
    for gi in wanted:
        g = golds[gi]
        p = preds[primary[gi]] if gi in primary else None
        good = p is not None and score.names_match(p["speaker"], g["speaker"])
        ok += good
        s, e = g["content"][0]
        print(f"  {'ok  ' if good else 'MISS'} {g['speaker']:<40} "
              f"{gold['text'][s:e][:50]!r} -> {p['speaker'] if p else None}")
    checks.append((f"direct+mixed quotes found and attributed: {ok} of {len(wanted)} "
                   f"(need {MIN_ATTRIBUTED})", ok >= MIN_ATTRIBUTED))

    details = {s["name"]: s for s in pred.get("speaker_details", [])}
    for name, (role, country) in SPEAKERS.items():
        d = details.get(name)
        good = d is not None and d["country"] == country and (role is None or d["role"] == role)
        checks.append((f"speaker {name} ({role}, {country}): got {d}", good))
    for bad in NOT_SPEAKERS:
        checks.append((f"not a speaker: {bad}", bad not in details))
    for t in TOPICS:
        checks.append((f"topic {t}", t in pred.get("topics", [])))
    for c in COUNTRIES:
        checks.append((f"country {c}", c in pred.get("countries", [])))
    checks.append((f"event phone call: got {pred.get('event')}", pred.get("event") == "phone call"))

    failed = 0
    for what, good in checks:
        print(f"{'ok  ' if good else 'FAIL'} {what}")
        failed += not good
    print(f"seed: {len(checks) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
