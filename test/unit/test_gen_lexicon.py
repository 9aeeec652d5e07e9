#!/usr/bin/env python3
"""The lexicon generator refuses bad data files with a message naming file and line."""
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GEN = os.path.join(ROOT, 'tools', 'gen_lexicon.py')
DATA = os.path.join(ROOT, 'data')

# (what, file, line appended, expected fragment of the message)
CASES = [
    ('a region that is a country', 'regions.tsv', 'Pakistan',
     'region "Pakistan" is also a place of countries.tsv'),
    ('a region that is a capital', 'regions.tsv', 'Islamabad',
     'region "Islamabad" is also a place of countries.tsv'),
    ('a region twice', 'regions.tsv', 'Alabama', 'duplicate region phrase'),
    ('a topic keyword twice', 'topics.tsv', 'Extra topic\tsanctions',
     'duplicate topic keyword "sanctions"'),
    ('a French topic keyword twice', 'topics_fr.tsv', 'sanctions\tsanctions',
     'duplicate topic keyword'),
    ('a CAMEO code that is no code', 'events.tsv', 'summit talks\tmeeting\tx1',
     'is not 2 to 4 digits'),
    ('a language that is none', 'languages.tsv', 'it\til\t-\tyes',
     'unknown language "it"'),
    ('an alias that is no English word', 'languages.tsv', 'fr\tcar\tBecause\tyes',
     'must be one lowercase English word'),
    ('a function word twice', 'languages.tsv', 'de\tdass\tthat\tyes',
     'duplicate word "dass"'),
    ('a guess that is neither yes nor no', 'languages.tsv', 'fr\tavoir\t-\tmaybe',
     'guess "maybe" must be yes or no'),
    ('a word that neither counts nor is read as English', 'languages.tsv',
     'de\tdoch\t-\tno', 'neither counts for the guess nor has an alias'),
    ('a French cue twice', 'cues_fr.tsv', 'dit\tsay\tspeech\t-',
     'duplicate cue phrase "dit"'),
    ('a country code not in countries.tsv', 'countries_es.tsv', 'XXX\tNarnia\t-\t-',
     'code "XXX" is not in countries.tsv'),
    ('a German topic not in topics.tsv', 'topics_de.tsv', 'Fußball\tTor',
     'topic "Fußball" is not in topics.tsv'),
]


def run(data_dir):
    """Run the generator on data_dir; (exit code, stderr)."""
    with tempfile.NamedTemporaryFile(suffix='.c') as out:
        p = subprocess.run([sys.executable, GEN, data_dir, out.name],
                           capture_output=True, text=True)
    return p.returncode, p.stderr


def main():
    """Each bad line is refused with its file and line; the real data passes."""
    failed = 0
    rc, err = run(DATA)
    print('%s the data files of the tree generate' % ('ok  ' if rc == 0 else 'FAIL'))
    failed += rc != 0
    for what, name, line, expect in CASES:
        with tempfile.TemporaryDirectory() as d:
            for f in os.listdir(DATA):
                shutil.copy(os.path.join(DATA, f), d)
            with open(os.path.join(d, name), 'a', encoding='utf-8') as f:
                f.write(line + '\n')
            with open(os.path.join(d, name), encoding='utf-8') as f:
                lineno = sum(1 for _ in f)
            rc, err = run(d)
        ok = rc != 0 and expect in err and ('%s:%d:' % (name, lineno)) in err
        print('%s %s: %s' % ('ok  ' if ok else 'FAIL', what, err.strip() or 'accepted'))
        failed += not ok
    print('gen_lexicon: %d passed, %d failed' % (len(CASES) + 1 - failed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
