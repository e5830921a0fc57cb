#!/usr/bin/env python3
"""How far a learned sentence classifier gets at choosing event types, against the rules.

An experiment for issue 4, not part of Backchannel: it measures whether a statistical model
trained on the corpus's gold events would choose event *types* for new text better than the
hand-written trigger rules do. Both are scored the same way, per sentence: the set of event
types the gold gives a sentence against the set predicted for it (type only, no actors):
precision and recall over (sentence, type) pairs.

* ``--classifier`` (default): a one-vs-rest logistic regression over TF-IDF word uni- and
  bigrams that occur in at least two training sentences (the rest, two thirds of them, are
  words and pairs seen once, which made the model's file and memory larger and did not make it
  choose better), trained and tested **leave one split out** over the development splits (each split's
  articles were written separately, so the test split's wording is new to the model). Needs
  scikit-learn (``pip install scikit-learn``); nothing else in the repository does.
* ``--binary B --split S``: the same figure for the rules, from ``B extract`` on split ``S``.
* ``--binary B --split S --combine``: the rules of ``B`` on development split ``S``, with the
  classifier (trained on the other development splits) vetoing the types it gives a low
  probability and adding those it gives a high one. Fair only for a binary whose rules were
  written before ``S`` was read (e.g. ``reserve`` with a binary from before 67db98d, ``safe``
  with one from before c6c56fd), and the thresholds were picked on those two splits: confirm
  them on a fresh one.

Sentences are cut with a simple regular expression on the extracted article text
(``Corpus/expected/<slug>.html.json``); a gold or predicted event belongs to the sentence that
equals or contains its evidence sentence.

Usage:
    python3 scripts/probe_event_types.py                      # classifier, thresholds 0.5 0.6 0.7
    python3 scripts/probe_event_types.py --curve              # its learning curve
    python3 scripts/probe_event_types.py --binary .build/release/backchannel --split dev
    python3 scripts/probe_event_types.py --binary OLD_BINARY --split safe --combine
"""

import argparse
import collections
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Corpus")
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import corpus_eval as ce  # noqa: E402

# The splits the classifier is trained and measured on. The held-out split (corpus_splits.HELD_OUT) is never
# trained on. `locked`, `train` and `unseen` (scored once at 6233de9, then spent) joined in the
# eighth session; `train2` to `train8`, written as training data, in the ninth.
DEVELOPMENT = ["dev", "test", "final", "holdout", "sealed", "vault", "reserve", "safe", "locked", "train", "unseen", "train2", "train3", "train4", "train5", "train6", "train7", "train8"]
BOUNDARY = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"’]))\s+(?=[“\"‘A-Z0-9])")


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


def sentences(text):
    out = []
    for para in text.split("\n"):
        para = para.strip()
        if para:
            out += [p for p in BOUNDARY.split(para) if p]
    return out


def sentence_of(evidence, sents):
    g = norm(evidence)
    for i, s in enumerate(sents):
        n = norm(s)
        if g == n or g in n or n in g:
            return i
    return None


def article_text(slug):
    with open(os.path.join(CORPUS, "expected", slug + ".html.json"), encoding="utf-8") as f:
        e = json.load(f)
    return e.get("text") or e["article"]["text"]


def load_split(split):
    """[(sentence, set of gold types)] for every sentence of the split's articles."""
    rows = []
    for path in sorted(glob.glob(os.path.join(CORPUS, "articles", "*.json"))):
        with open(path, encoding="utf-8") as f:
            article = json.load(f)
        if article["split"] != split:
            continue
        sents = sentences(article_text(article["slug"]))
        labels = [set() for _ in sents]
        with open(os.path.join(CORPUS, "gold", article["slug"] + ".json"), encoding="utf-8") as f:
            for event in json.load(f)["events"]:
                i = sentence_of(event["sentence"], sents)
                if i is not None:
                    labels[i].add(event["type"])
        rows += list(zip(sents, labels))
    return rows


def score(pairs):
    tp = fp = fn = 0
    for gold, pred in pairs:
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1)


def classifier(thresholds):
    try:
        import sklearn  # noqa: F401
    except ImportError:
        sys.exit("scikit-learn is needed for --classifier: pip install scikit-learn")
    data = {s: load_split(s) for s in DEVELOPMENT}
    pairs = {t: [] for t in thresholds}
    for held in DEVELOPMENT:
        vectors, models = fitted([row for s in DEVELOPMENT if s != held for row in data[s]])
        test = data[held]
        xt = vectors.transform([s for s, _ in test])
        probability = {kind: model.predict_proba(xt)[:, 1] for kind, model in models.items()}
        for t in thresholds:
            for i, (_, gold) in enumerate(test):
                pairs[t].append((gold, {kind for kind, p in probability.items() if p[i] >= t}))
    for t in thresholds:
        p, r = score(pairs[t])
        print("classifier, leave one split out, threshold %.2f: P %.3f  R %.3f" % (t, p, r))


def curve(threshold=0.5):
    """The classifier's learning curve: leave one split out, trained on a random 2, 4, 6 and 8 of
    the other development splits (a fixed seed per held-out split and size)."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        sys.exit("scikit-learn is needed for --curve: pip install scikit-learn")
    import random
    data = {s: load_split(s) for s in DEVELOPMENT}
    for k in range(2, len(DEVELOPMENT), 2):
        pairs, sizes = [], []
        for held in DEVELOPMENT:
            others = [s for s in DEVELOPMENT if s != held]
            random.Random(k * 7 + len(held)).shuffle(others)
            train = [row for s in others[:k] for row in data[s]]
            sizes.append(len(train))
            vectors, models = fitted(train)
            xt = vectors.transform([s for s, _ in data[held]])
            probability = {kind: model.predict_proba(xt)[:, 1] for kind, model in models.items()}
            for i, (_, gold) in enumerate(data[held]):
                pairs.append((gold, {kind for kind, p in probability.items() if p[i] >= threshold}))
        p, r = score(pairs)
        print("trained on %d splits (%d sentences on average): P %.3f  R %.3f  F1 %.3f"
              % (k, sum(sizes) // len(sizes), p, r, 2 * p * r / max(p + r, 1e-9)))


def fitted(train):
    """The vectoriser and one logistic regression per type (by name), fitted on `train`."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import MultiLabelBinarizer
    labels = MultiLabelBinarizer()
    y = labels.fit_transform([types for _, types in train])
    vectors = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    x = vectors.fit_transform([s for s, _ in train])
    models = {}
    for j, kind in enumerate(labels.classes_):
        if y[:, j].sum():
            models[kind] = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced").fit(x, y[:, j])
    return vectors, models


def combine(binary, split):
    """The rules of `binary` on `split`, with the classifier (trained on the other development
    splits) vetoing rule types it finds unlikely and adding types it finds likely."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        sys.exit("scikit-learn is needed for --combine: pip install scikit-learn")
    train = [row for s in DEVELOPMENT if s != split for row in load_split(s)]
    vectors, models = fitted(train)
    rows = []
    for sents, gold, pred in rule_types(binary, split):
        x = vectors.transform(sents)
        probability = {kind: model.predict_proba(x)[:, 1] for kind, model in models.items()}
        for i in range(len(sents)):
            rows.append((gold[i], pred[i], {kind: p[i] for kind, p in probability.items()}))
    print("rules (%s) on %s: P %.3f  R %.3f" % ((os.path.basename(binary), split) + score([(g, p) for g, p, _ in rows])))
    for veto, add in [(0.1, None), (0.2, None), (None, 0.6), (None, 0.7), (0.1, 0.6), (0.2, 0.6), (0.2, 0.7)]:
        combined = []
        for gold, pred, probability in rows:
            kept = {t for t in pred if veto is None or probability.get(t, 0) >= veto}
            if add is not None:
                kept |= {t for t, p in probability.items() if p >= add}
            combined.append((gold, kept))
        print("  veto below %s, add from %s: P %.3f  R %.3f" % ((veto, add) + score(combined)))


def rule_types(binary, split):
    """Per article of `split`: its sentences, and for each the gold types and the types the rules
    of `binary` predict."""
    warn = lambda message: None  # noqa: E731
    articles, slugs, golds = ce.load(split, warn, "events")
    out = ce.run_binary(binary, slugs, warn)
    for slug in slugs:
        d, _ = ce.output_for(slug, out, articles[slug], warn, member="events")
        sents = sentences(article_text(slug))
        gold = [set() for _ in sents]
        pred = [set() for _ in sents]
        for event in golds[slug]["events"]:
            i = sentence_of(event["sentence"], sents)
            if i is not None:
                gold[i].add(event["type"])
        for event in (d or {}).get("events") or []:
            i = sentence_of((event.get("sentence") or {}).get("text"), sents)
            if i is not None:
                pred[i].add(event["type"])
        yield sents, gold, pred


def rules(binary, split):
    pairs = [pair for _, gold, pred in rule_types(binary, split) for pair in zip(gold, pred)]
    print("rules (%s) on %s: P %.3f  R %.3f" % ((os.path.basename(binary), split) + score(pairs)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--binary", help="score the rules of this backchannel binary instead")
    ap.add_argument("--split", choices=ce.SPLIT_CHOICES, default="dev")
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.5, 0.6, 0.7])
    ap.add_argument("--curve", action="store_true", help="the classifier's learning curve (leave one split out)")
    ap.add_argument("--combine", action="store_true",
                    help="with --binary and a development --split: the rules with the classifier's veto and additions")
    args = ap.parse_args()
    if args.curve:
        curve()
    elif args.binary and args.combine:
        if args.split not in DEVELOPMENT:
            sys.exit("--combine trains on the other development splits: give one of " + ", ".join(DEVELOPMENT))
        combine(args.binary, args.split)
    elif args.binary:
        rules(args.binary, args.split)
    else:
        classifier(args.thresholds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
