#!/usr/bin/env python3
"""Train diplo's part-of-speech and named-entity tagger (python3 stdlib only).

Usage: train_tagger.py [--corpora DIR] [--out data/tagger_model.tsv]
                       [--epochs N] [--limit-sentences N] [--step Q] [--min W]

Two averaged perceptrons (Honnibal style, greedy left-to-right decoding) are
trained on the silver Stanford CoreNLP tags of PolNeAR
(DIR/polnear/tokens.train.jsonl, token strings taken from DIR/polnear/
train.jsonl): one for the 45 Penn Treebank tags, one for a coarse entity tag
(PERSON, ORGANIZATION, LOCATION, MISC, O: the other CoreNLP classes become
O) that reads the part-of-speech tags.  Markup tokens (<tweet ...>) are
skipped.  Accuracy on tokens.dev.jsonl is printed for the full (float)
model and for the pruned, quantized model that is written out.

Features are hashed to 64 bits exactly as src/core/diplo_postag.c hashes
them (see feature_values() and the hash helpers below: both sides must
change together).  The model file holds only hashes and small integer
weights: no text of the corpus.  Its format:

    # comment lines
    pos <tab> TAG1 <tab> TAG2 ...      the part-of-speech classes, in order
    ner <tab> O <tab> PERSON ...       the entity classes, in order
    f <tab> HASH16 <tab> c:w,c:w...    a feature: 64-bit hash in hex, then
                                       class index:integer weight pairs;
                                       POS features come before NER ones,
                                       told apart by their template id,
                                       which is mixed into the hash

A token's score for a class is the sum of the weights of its features;
ties go to the lowest class index.
"""

import argparse
import json
import multiprocessing
import os
import pickle
import random
import sys
import time

M64 = (1 << 64) - 1

POS_TAGS = ['NN', 'NNS', 'NNP', 'NNPS', 'JJ', 'JJR', 'JJS', 'VB', 'VBD',
            'VBG', 'VBN', 'VBP', 'VBZ', 'MD', 'RB', 'RBR', 'RBS', 'RP', 'IN',
            'TO', 'DT', 'PDT', 'WDT', 'WP', 'WP$', 'WRB', 'PRP', 'PRP$',
            'POS', 'CC', 'CD', 'EX', 'FW', 'LS', 'SYM', 'UH', '#', '$', '.',
            ',', ':', '-LRB-', '-RRB-', '``', "''"]
NER_TAGS = ['O', 'PERSON', 'ORGANIZATION', 'LOCATION', 'MISC']

# Template ids (mixed into the hash; diplo_postag.c has the same numbers).
T_BIAS, T_W, T_S1, T_S2, T_S3, T_P1, T_SHAPE, T_CAP = 1, 2, 3, 4, 5, 6, 7, 8
T_T1, T_T2, T_T12, T_T1W = 9, 10, 11, 12
T_WM1, T_S3M1, T_WM2, T_WP1, T_S3P1, T_WP2, T_SHM1, T_SHP1 = (
    13, 14, 15, 16, 17, 18, 19, 20)
N_BIAS, N_W, N_S3, N_SHAPE, N_POS, N_POSM1, N_POSP1 = 32, 33, 34, 35, 36, 37, 38
N_E1, N_E1POS, N_WM1, N_WP1, N_SHM1, N_SHP1, N_E1W, N_CAP = (
    39, 40, 41, 42, 43, 44, 45, 46)
N_POSSHAPE, N_WM2, N_WP2 = 47, 48, 49

# Pseudo-words outside the sentence and the tags before its first token.
START = ['-START-', '-START2-']
END = ['-END-', '-END2-']

MAX_WORD_BYTES = 64

# Clitics that CoreNLP splits off and diplo's tokenizer does not.
CLITICS = {"n't", "'re", "'ll", "'ve", "'m", "'d"}
MAX_SHAPE = 16
MAX_WEIGHT = 1365           # DIPLO_POSTAG_MAX_WEIGHT: 24 summed fit an int16


def fnv1a(data):
    """64-bit FNV-1a of bytes."""
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & M64
    return h


def mix64(z):
    """The splitmix64 finalizer."""
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & M64
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & M64
    return z ^ (z >> 31)


def pair(a, b):
    """The hash of a pair of value hashes (order matters)."""
    return mix64(a ^ ((b * 0xC2B2AE3D27D4EB4F) & M64))


def feat(tid, vh):
    """The key of template tid with value hash vh."""
    return mix64(vh ^ ((tid * 0x9E3779B97F4A7C15) & M64))


def fold(raw):
    """Word bytes folded: ASCII lowercased, ’ and ‘ made ', capped length."""
    b = raw.replace(b'\xe2\x80\x99', b"'").replace(b'\xe2\x80\x98', b"'")
    b = b.lower() if b.isascii() else bytes(
        c + 32 if 65 <= c <= 90 else c for c in b)
    return b[:MAX_WORD_BYTES]


def suffix(b, k):
    """The last k code points of UTF-8 bytes b (continuation bytes skipped)."""
    i = len(b)
    while k > 0 and i > 0:
        i -= 1
        while i > 0 and 0x80 <= b[i] < 0xC0:
            i -= 1
        k -= 1
    return b[i:]


def prefix1(raw):
    """The first code point of raw (bytes up to the next lead byte)."""
    i = 1
    while i < len(raw) and 0x80 <= raw[i] < 0xC0:
        i += 1
    return raw[:i]


def shape(raw):
    """Xxxx / dd / X.X. shape: runs of one class cut at 4, 16 at most."""
    out = bytearray()
    run = 0
    for c in raw[:MAX_WORD_BYTES]:
        if 0x80 <= c < 0xC0:
            continue
        if 65 <= c <= 90:
            s = 88                  # X
        elif 97 <= c <= 122:
            s = 120                 # x
        elif 48 <= c <= 57:
            s = 100                 # d
        elif c >= 0xC0:
            s = 117                 # u: any other letter
        else:
            s = c
        if out and out[-1] == s:
            run += 1
            if run >= 4:
                continue
        else:
            run = 0
        out.append(s)
        if len(out) >= MAX_SHAPE:
            break
    return bytes(out)


def is_cap(raw):
    """Does raw start with an ASCII or Latin-1 capital?"""
    c = raw[0]
    if 65 <= c <= 90:
        return True
    return (c == 0xC3 and len(raw) > 1 and 0x80 <= raw[1] <= 0x9E and
            raw[1] != 0x97)


def word_norm(raw):
    """The word feature's value: folded word, digits collapsed."""
    if 48 <= raw[0] <= 57:
        if len(raw) == 4 and raw.isdigit():
            return b'!YEAR'
        return b'!DIGITS'
    return fold(raw)


_cache = {}


def word_values(raw):
    """Hashes of one word's values: (w, s1, s2, s3, p1, shape, cap)."""
    v = _cache.get(raw)
    if v is None:
        f = fold(raw)
        v = (fnv1a(word_norm(raw)), fnv1a(suffix(f, 1)), fnv1a(suffix(f, 2)),
             fnv1a(suffix(f, 3)), fnv1a(prefix1(raw)), fnv1a(shape(raw)),
             1 if is_cap(raw) else 0)
        _cache[raw] = v
    return v


PAD_VALUES = [(fnv1a(s.encode()),) * 6 + (0,) for s in START + END]
POS_TAG_H = [fnv1a(t.encode()) for t in POS_TAGS] + [
    fnv1a(s.encode()) for s in START]
NER_TAG_H = [fnv1a(t.encode()) for t in NER_TAGS] + [fnv1a(START[0].encode())]
P_START, P_START2 = len(POS_TAGS), len(POS_TAGS) + 1
E_START = len(NER_TAGS)


def context(words):
    """Per-position value tuples with two pads on each side."""
    vals = [PAD_VALUES[1], PAD_VALUES[0]]
    vals += [word_values(w) for w in words]
    vals += [PAD_VALUES[2], PAD_VALUES[3]]
    return vals


def pos_static(vals, i):
    """POS feature keys of token i that do not depend on predicted tags."""
    v = vals[i + 2]
    m1, m2, p1, p2 = vals[i + 1], vals[i], vals[i + 3], vals[i + 4]
    capv = fnv1a(bytes([48 + v[6], 48 + (1 if i == 0 else 0)]))
    return [feat(T_BIAS, 0), feat(T_W, v[0]), feat(T_S1, v[1]),
            feat(T_S2, v[2]), feat(T_S3, v[3]), feat(T_P1, v[4]),
            feat(T_SHAPE, v[5]), feat(T_CAP, capv),
            feat(T_WM1, m1[0]), feat(T_S3M1, m1[3]), feat(T_WM2, m2[0]),
            feat(T_WP1, p1[0]), feat(T_S3P1, p1[3]), feat(T_WP2, p2[0]),
            feat(T_SHM1, m1[5]), feat(T_SHP1, p1[5])]


def pos_dynamic(vals, i, t1, t2):
    """POS feature keys of token i from the two previous tags."""
    return [feat(T_T1, POS_TAG_H[t1]), feat(T_T2, POS_TAG_H[t2]),
            feat(T_T12, pair(POS_TAG_H[t1], POS_TAG_H[t2])),
            feat(T_T1W, pair(POS_TAG_H[t1], vals[i + 2][0]))]


def ner_static(vals, pos, i):
    """NER feature keys of token i given the sentence's POS tags."""
    v = vals[i + 2]
    m1, p1 = vals[i + 1], vals[i + 3]
    n = len(pos)
    tp = POS_TAG_H[pos[i]]
    tm1 = POS_TAG_H[pos[i - 1]] if i > 0 else POS_TAG_H[P_START]
    tp1 = POS_TAG_H[pos[i + 1]] if i + 1 < n else PAD_VALUES[2][0]
    capv = fnv1a(bytes([48 + v[6], 48 + (1 if i == 0 else 0)]))
    return [feat(N_BIAS, 0), feat(N_W, v[0]), feat(N_S3, v[3]),
            feat(N_SHAPE, v[5]), feat(N_POS, tp), feat(N_POSM1, tm1),
            feat(N_POSP1, tp1), feat(N_WM1, m1[0]), feat(N_WP1, p1[0]),
            feat(N_SHM1, m1[5]), feat(N_SHP1, p1[5]), feat(N_CAP, capv),
            feat(N_POSSHAPE, pair(tp, v[5])), feat(N_WM2, vals[i][0]),
            feat(N_WP2, vals[i + 4][0])]


def ner_dynamic(vals, pos, i, e1):
    """NER feature keys of token i from the previous entity tag."""
    h = NER_TAG_H[e1]
    return [feat(N_E1, h), feat(N_E1POS, pair(h, POS_TAG_H[pos[i]])),
            feat(N_E1W, pair(h, vals[i + 2][0]))]


def load(corpora, split, limit=None):
    """Sentences of a split: lists of (word bytes, pos index, ner index)."""
    texts = {}
    with open(os.path.join(corpora, 'polnear', split + '.jsonl'),
              encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            texts[d['id']] = d['text']
    pos_index = {t: k for k, t in enumerate(POS_TAGS)}
    ner_index = {t: k for k, t in enumerate(NER_TAGS)}
    sents = []
    unknown = {}
    with open(os.path.join(corpora, 'polnear', 'tokens.' + split + '.jsonl'),
              encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            text = texts[d['id']]
            for s in d['sentences']:
                out = []
                prev_end = -1
                for start, end, p, e, _ in s:
                    w = text[start:end]
                    if len(w) > 2 and w[0] == '<' and w[-1] == '>':
                        continue
                    if p not in pos_index:
                        unknown[p] = unknown.get(p, 0) + 1
                        continue
                    if (out and start == prev_end and
                            w.replace('\u2019', "'").lower() in CLITICS):
                        # diplo keeps "don't", "they're" as one word: so
                        # does the training data (tags of the first part)
                        pw, pp, pe = out[-1]
                        out[-1] = (pw + w.encode('utf-8', 'surrogatepass'),
                                   pp, pe)
                        prev_end = end
                        continue
                    out.append((w.encode('utf-8', 'surrogatepass'),
                                pos_index[p], ner_index.get(e, 0)))
                    prev_end = end
                if out:
                    sents.append(out)
    if unknown:
        print('%s: skipped tokens with unknown tags %r' % (split, unknown),
              file=sys.stderr)
    if limit:
        sents = sents[:limit]
    return sents


class Perceptron:
    """An averaged perceptron over hashed features."""

    def __init__(self, nclasses):
        """Empty weights for nclasses classes."""
        self.n = nclasses
        self.weights = {}
        self.totals = {}
        self.stamps = {}
        self.i = 0

    def predict(self, feats):
        """The best class (lowest index on ties)."""
        scores = [0.0] * self.n
        get = self.weights.get
        for f in feats:
            wd = get(f)
            if wd:
                for c, w in wd.items():
                    scores[c] += w
        best = 0
        bs = scores[0]
        for c in range(1, self.n):
            if scores[c] > bs:
                best, bs = c, scores[c]
        return best

    def update(self, truth, guess, feats):
        """Move weights towards truth and away from guess."""
        self.i += 1
        if truth == guess:
            return
        for f in feats:
            wd = self.weights.get(f)
            if wd is None:
                wd = self.weights[f] = {}
                self.totals[f] = {}
                self.stamps[f] = {}
            td, sd = self.totals[f], self.stamps[f]
            for c, d in ((truth, 1.0), (guess, -1.0)):
                w = wd.get(c, 0.0)
                td[c] = td.get(c, 0.0) + (self.i - sd.get(c, 0)) * w
                sd[c] = self.i
                wd[c] = w + d

    def averaged(self):
        """The averaged weights: {feature: {class: weight}}."""
        out = {}
        for f, wd in self.weights.items():
            td, sd = self.totals[f], self.stamps[f]
            row = {}
            for c, w in wd.items():
                t = td.get(c, 0.0) + (self.i - sd.get(c, 0)) * w
                a = t / self.i
                if a != 0.0:
                    row[c] = a
            if row:
                out[f] = row
        return out


def tag_pos(model, sent_vals, n):
    """Greedy POS tags of one sentence (model: anything with predict)."""
    tags = []
    t1, t2 = P_START, P_START2
    for i in range(n):
        feats = pos_static(sent_vals, i) + pos_dynamic(sent_vals, i, t1, t2)
        t = model.predict(feats)
        tags.append(t)
        t2, t1 = t1, t
    return tags


def ner_active(vals, n, i, e1):
    """Is word i tagged by the entity model (else O)?  A capital, or a
    lowercase word between a name and a capital ("Bank of America")."""
    return bool(vals[i + 2][6] or (e1 not in (0, E_START) and i + 1 < n and
                                   vals[i + 3][6]))


def tag_ner(model, sent_vals, pos):
    """Greedy entity tags of one sentence given its POS tags."""
    tags = []
    e1 = E_START
    n = len(pos)
    for i in range(n):
        if ner_active(sent_vals, n, i, e1):
            e = model.predict(ner_static(sent_vals, pos, i) +
                              ner_dynamic(sent_vals, pos, i, e1))
        else:
            e = 0
        tags.append(e)
        e1 = e
    return tags


def train(which, sents, epochs, seed):
    """Train the 'pos' or 'ner' model; returns its averaged weights."""
    rng = random.Random(seed)
    model = Perceptron(len(POS_TAGS) if which == 'pos' else len(NER_TAGS))
    data = []
    for s in sents:
        vals = context([w for w, _, _ in s])
        gold_pos = [p for _, p, _ in s]
        gold = gold_pos if which == 'pos' else [e for _, _, e in s]
        if which == 'pos':
            static = [pos_static(vals, i) for i in range(len(s))]
        else:
            static = [ner_static(vals, gold_pos, i) for i in range(len(s))]
        data.append((vals, gold_pos, gold, static))
    for epoch in range(epochs):
        t0 = time.time()
        rng.shuffle(data)
        right = total = 0
        for vals, gold_pos, gold, static in data:
            p1, p2 = (P_START, P_START2) if which == 'pos' else (E_START, 0)
            n = len(gold)
            for i, truth in enumerate(gold):
                if which == 'pos':
                    feats = static[i] + pos_dynamic(vals, i, p1, p2)
                elif ner_active(vals, n, i, p1):
                    feats = static[i] + ner_dynamic(vals, gold_pos, i, p1)
                else:
                    right += truth == 0
                    total += 1
                    p2, p1 = p1, 0
                    continue
                guess = model.predict(feats)
                model.update(truth, guess, feats)
                right += guess == truth
                total += 1
                p2, p1 = p1, guess
        print('  %s epoch %d: train acc %.4f (%.0fs)' %
              (which, epoch + 1, right / total, time.time() - t0),
              file=sys.stderr, flush=True)
    return model.averaged()


class Table:
    """A trained or quantized weight table usable by tag_pos/tag_ner."""

    def __init__(self, weights, n):
        """weights: {feature: {class: weight}}."""
        self.weights = weights
        self.n = n

    predict = Perceptron.predict


def quantize(weights, step, minimum):
    """Integer weights round(w / step), pairs below minimum dropped."""
    out = {}
    for f, row in weights.items():
        q = {}
        for c, w in row.items():
            v = int(round(w / step))
            v = max(-MAX_WEIGHT, min(MAX_WEIGHT, v))
            if abs(v) >= minimum:
                q[c] = v
        if q:
            out[f] = q
    return out


def evaluate(pos_model, ner_model, sents):
    """POS accuracy, NER accuracy, and NER non-O token precision/recall/F1."""
    right_p = right_e = total = 0
    tp = fp = fn = 0
    for s in sents:
        vals = context([w for w, _, _ in s])
        pos = tag_pos(pos_model, vals, len(s))
        ner = tag_ner(ner_model, vals, pos)
        for (_, gp, ge), p, e in zip(s, pos, ner):
            total += 1
            right_p += gp == p
            right_e += ge == e
            if e != 0 and e == ge:
                tp += 1
            else:
                if e != 0:
                    fp += 1
                if ge != 0:
                    fn += 1
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return right_p / total, right_e / total, prec, rec, f1, total


def write_model(path, pos_q, ner_q, args, note):
    """Write the model file (features sorted by hash: deterministic)."""
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='ascii', newline='\n') as f:
        f.write('# diplo part-of-speech and entity tagger: averaged perceptron\n')
        f.write('# written by tools/train_tagger.py; trained on the silver CoreNLP\n')
        f.write('# tags of PolNeAR train (%s); holds feature hashes and\n' % note)
        f.write('# integer weights only.  Read by tools/gen_tagger.py.\n')
        f.write('# step=%g min=%d\n' % (args.step, args.min))
        f.write('pos\t' + '\t'.join(POS_TAGS) + '\n')
        f.write('ner\t' + '\t'.join(NER_TAGS) + '\n')
        for table in (pos_q, ner_q):
            for h in sorted(table):
                row = table[h]
                f.write('f\t%016x\t%s\n' % (h, ','.join(
                    '%d:%d' % (c, row[c]) for c in sorted(row))))
    os.replace(tmp, path)


def main():
    """Train, evaluate, prune, write."""
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--corpora', default=os.path.join(
        here, '..', '..', 'shared', 'corpora'))
    ap.add_argument('--out', default=os.path.join(
        here, '..', 'data', 'tagger_model.tsv'))
    ap.add_argument('--epochs', type=int, default=4)
    ap.add_argument('--limit-sentences', type=int, default=0)
    ap.add_argument('--step', type=float, default=0.05,
                    help='weight quantum: integer weight = round(w / step)')
    ap.add_argument('--min', type=int, default=20,
                    help='drop integer weights of smaller magnitude')
    ap.add_argument('--sweep', metavar='MINS',
                    help='also print dev accuracy for these --min values '
                    '(comma-separated)')
    ap.add_argument('--save-float', metavar='FILE',
                    help='keep the float weights (pickle) for re-pruning')
    ap.add_argument('--load-float', metavar='FILE',
                    help='skip training: prune weights saved by --save-float')
    ap.add_argument('--only', choices=('pos', 'ner'),
                    help='with --load-float: retrain this model only')
    args = ap.parse_args()

    if not os.path.exists(os.path.join(args.corpora, 'polnear',
                                       'tokens.train.jsonl')):
        print('train_tagger: no corpora under %s: skipped' % args.corpora)
        return 0
    t0 = time.time()
    if args.load_float and not args.only:
        train_sents = []
    else:
        train_sents = load(args.corpora, 'train',
                           args.limit_sentences or None)
    dev_sents = load(args.corpora, 'dev')
    ntok = sum(len(s) for s in train_sents)
    print('train: %d sentences, %d tokens; dev: %d sentences, %d tokens '
          '(loaded in %.0fs)' % (len(train_sents), ntok, len(dev_sents),
                                 sum(len(s) for s in dev_sents),
                                 time.time() - t0), flush=True)
    t0 = time.time()
    if args.load_float:
        with open(args.load_float, 'rb') as f:
            pos_w, ner_w, note = pickle.load(f)
        if args.only:
            w = train(args.only, train_sents, args.epochs, 7)
            if args.only == 'pos':
                pos_w = w
            else:
                ner_w = w
            note += '; %s retrained %d epochs' % (args.only, args.epochs)
            print('retrained %s in %.0fs' % (args.only, time.time() - t0))
            if args.save_float:
                with open(args.save_float, 'wb') as f:
                    pickle.dump((pos_w, ner_w, note), f)
    else:
        with multiprocessing.get_context('fork').Pool(2) as pool:
            jobs = [pool.apply_async(train, (w, train_sents, args.epochs, 7))
                    for w in ('pos', 'ner')]
            pos_w, ner_w = [j.get() for j in jobs]
        note = '%d sentences, %d epochs' % (len(train_sents), args.epochs)
        print('trained %d epochs in %.0fs' % (args.epochs, time.time() - t0))
        if args.save_float:
            with open(args.save_float, 'wb') as f:
                pickle.dump((pos_w, ner_w, note), f)

    def show(label, pw, nw):
        """Print one evaluation line."""
        pa, ea, pr, rc, f1, _ = evaluate(Table(pw, len(POS_TAGS)),
                                         Table(nw, len(NER_TAGS)), dev_sents)
        print('%-28s POS acc %.4f  NER acc %.4f  NER entity-token P %.4f '
              'R %.4f F1 %.4f  features %d+%d pairs %d' % (
                  label, pa, ea, pr, rc, f1, len(pw), len(nw),
                  sum(len(r) for r in pw.values()) +
                  sum(len(r) for r in nw.values())), flush=True)

    show('dev, full float model:', pos_w, ner_w)
    if args.sweep:
        for m in [int(x) for x in args.sweep.split(',')]:
            show('dev, step %g min %d:' % (args.step, m),
                 quantize(pos_w, args.step, m), quantize(ner_w, args.step, m))
    pos_q = quantize(pos_w, args.step, args.min)
    ner_q = quantize(ner_w, args.step, args.min)
    show('dev, pruned int model:', pos_q, ner_q)
    write_model(args.out, pos_q, ner_q, args, note)
    print('wrote %s (%d bytes)' % (args.out, os.path.getsize(args.out)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
