#!/usr/bin/env python3
"""Trains the event-date chooser shipped as Sources/BackchannelEvents/Resources/event-dates.tsv.

The event stage's rules date an event with the sentence's date nearest its trigger (unless
that date names a thing or a start). The model revises the choice: for each event it scores
the candidates — no date, each date of the sentence (one per value), and the rules' date when
it is none of those — and the best is the event's date. The score is a logistic regression
(C = 1) over binary features of each candidate, which `EventDateModel.candidates` in Swift
computes the same way:

    no date     k=none  nd=<dates in the sentence, at most 3>  n_lead=<0|1|2: where the sentence
                starts>  n_tw=<the trigger, lower-cased>  n_ty=<type>  n_mod=<modality>
                rule_none (when the rules gave no date)
    a date      k=mention  side=before|after the trigger  dist=<bucket of the words from the one
                to the other>  side_dist=…  gran=<granularity>  rel=True|False  appr=True|False
                w1=, w2= the two words before it  a1= the word after it  bw= each of the first
                twelve words between it and the trigger  m_ty=<type>  m_mod=<modality>
    other       k=ruleonly (the rules' date, not one of the sentence's)
    is_rule     on the candidate the rules chose

Words are found as scikit-learn's default token pattern finds them, lower-cased. Two dates
of one value make one candidate with the features of both.

Training data: the events `backchannel extract --rule-dates` finds on the development splits'
articles (`probe_event_types.DEVELOPMENT`, with the modality model on: its answer is a
feature), matched to gold events as `eval_events.py` matches them (type only); an event whose
gold date is none of its candidates teaches nothing and is left out. The spent held-out splits
are not trained on: `--measure` scores them.

Output (UTF-8, tab-separated, deterministic for a given scikit-learn version):

    # comment lines
    intercept <TAB> w
    <feature> <TAB> w        one line per feature with |w| >= 0.01

Usage:
    pip install scikit-learn
    swift build -c release --product backchannel
    python3 scripts/train_event_dates.py             # rewrites the resource
    python3 scripts/train_event_dates.py --check     # exit 1 if the resource differs
    python3 scripts/train_event_dates.py --measure   # leave one split out, and the spent held-out splits
    python3 scripts/train_event_dates.py --selftest  # the candidates of a written example
"""

import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_eval as ce  # noqa: E402
from probe_event_types import DEVELOPMENT  # noqa: E402
from train_modality import SPENT, matched_events, words  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Sources", "BackchannelEvents", "Resources", "event-dates.tsv")
C = 1.0
MINIMUM_WEIGHT = 0.01


def bucket(n):
    return str(n) if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16+"


def candidates(event, dates, text):
    """[(value, [features])] for one event of `extract`'s output (the same as
    EventDateModel.candidates in Swift)."""
    s, t = event["sentence"], event["trigger"]
    rule = (event.get("date") or {}).get("value")
    mentions = [m for m in dates if s["start"] <= m["start"] and m["end"] <= s["end"]]
    kind, modality = event["type"], event["modality"]
    lead = "0" if s["start"] < 300 else "1" if s["start"] < 1200 else "2"
    trigger = text[t["start"]:t["end"]].lower()
    result = [[None, ["k=none", "n_lead=" + lead, "n_tw=" + trigger, "nd=%d" % min(len(mentions), 3),
                      "n_ty=" + kind, "n_mod=" + modality]]]
    if rule is None:
        result[0][1].append("rule_none")
    for m in mentions:
        side = "after" if m["start"] >= t["end"] else "before"
        distance = bucket(len(words(text[min(m["end"], t["start"]):max(m["start"], t["end"])])))
        f = ["k=mention", "side=" + side, "dist=" + distance, "side_dist=%s_%s" % (side, distance),
             "gran=" + m["granularity"], "rel=%s" % bool(m.get("relative")), "appr=%s" % bool(m.get("approximate"))]
        before, after = words(text[s["start"]:m["start"]]), words(text[m["end"]:s["end"]])
        if before:
            f.append("w1=" + before[-1])
        if len(before) > 1:
            f.append("w2=" + before[-2])
        if after:
            f.append("a1=" + after[0])
        f += ["bw=" + w for w in words(text[min(m["end"], t["end"]):max(m["start"], t["start"])])[:12]]
        f += ["m_ty=" + kind, "m_mod=" + modality]
        for c in result:
            if c[0] == m["value"]:
                c[1] += f
                break
        else:
            result.append([m["value"], f])
    if rule is not None and all(c[0] != rule for c in result):
        result.append([rule, ["k=ruleonly"]])
    for c in result:
        if c[0] == rule:
            c[1].append("is_rule")
            break
    return [(value, f) for value, f in result]


def examples(binary, splits):
    """(split, candidates, gold date, the rules' date, matched with actors) per matched event."""
    rows = []
    for split, event, gold, with_actors, output in matched_events(binary, splits, "--rule-dates"):
        text = output["article"]["text"]
        s, t = event.get("sentence") or {}, event.get("trigger") or {}
        if not (s.get("start", 0) <= t.get("start", -1) <= t.get("end", -1) <= s.get("end", -1)):
            continue  # a quotation's act: its trigger is not in its sentence; Swift keeps its date too
        rows.append((split, candidates(event, output.get("dates") or [], text), gold.get("date"),
                     (event.get("date") or {}).get("value"), with_actors))
    return rows


def fit(rows):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    x, y = [], []
    for _, cands, gold, _, _ in rows:
        if gold not in [value for value, _ in cands]:
            continue
        for value, f in cands:
            x.append(dict.fromkeys(f, 1))
            y.append(int(value == gold))
    vectors = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=5000).fit(vectors.fit_transform(x), y)
    model.coef_[:, abs(model.coef_[0]) < MINIMUM_WEIGHT] = 0
    return vectors, model


def choose(vectors, model, cands):
    import numpy
    scores = model.decision_function(vectors.transform([dict.fromkeys(f, 1) for _, f in cands]))
    return cands[int(numpy.argmax(scores))][0]


def right(rows, pick):
    return sum(pick(r) == r[2] for r in rows)


def measure(binary):
    """Date right among the type + actors matches (what eval_events.py reports): the rules
    against the model, leaving one development split out at a time, then on the spent held-out
    splits with a model trained on all development splits."""
    rows = examples(binary, DEVELOPMENT + SPENT)
    dev = [r for r in rows if r[0] in DEVELOPMENT]
    total = collections.Counter()
    print("leave one development split out (date right among type + actors matches; quotations' acts left out):")
    for held in DEVELOPMENT:
        test = [r for r in dev if r[0] == held and r[4]]
        if not test:
            continue
        vectors, model = fit([r for r in dev if r[0] != held])
        by_rule, by_model = right(test, lambda r: r[3]), right(test, lambda r: choose(vectors, model, r[1]))
        total.update(rules=by_rule, model=by_model, n=len(test))
        print("  %-8s rules %.3f  model %.3f  (%d)" % (held, by_rule / len(test), by_model / len(test), len(test)))
    print("  all      rules %.3f  model %.3f  (%d)" % (total["rules"] / total["n"], total["model"] / total["n"], total["n"]))
    vectors, model = fit(dev)
    test = [r for r in rows if r[0] in SPENT and r[4]]
    by_rule, by_model = right(test, lambda r: r[3]), right(test, lambda r: choose(vectors, model, r[1]))
    print("spent held-out splits (%s), trained on the development splits:" % ", ".join(SPENT))
    print("  rules %.3f  model %.3f  (%d)" % (by_rule / len(test), by_model / len(test), len(test)))


def render(binary):
    rows = examples(binary, DEVELOPMENT)
    vectors, model = fit(rows)
    lines = ["# Backchannel event-date model: logistic regression (C = %g) over the date candidates of %d events" % (C, len(rows)),
             "# of the development splits (scripts/train_event_dates.py). Features: see EventDateModel.swift.",
             "intercept\t%.4f" % model.intercept_[0]]
    names = vectors.get_feature_names_out()
    for j in sorted(range(len(names)), key=lambda j: names[j]):
        if model.coef_[0][j] != 0:
            lines.append("%s\t%.4f" % (names[j], model.coef_[0][j]))
    return "\n".join(lines) + "\n"


def selftest():
    # The same example as EventDateModelTests in Swift.
    text = "On Monday the envoys met in Doha, a week after talks in March 2024 broke down."
    event = {"type": "CONSULT", "modality": "asserted", "sentence": {"start": 0, "end": len(text)},
             "trigger": {"start": 21, "end": 24}, "date": {"value": "2025-04-07"}}
    dates = [{"value": "2025-04-07", "granularity": "day", "relative": True, "approximate": False, "start": 3, "end": 9},
             {"value": "2024-03", "granularity": "month", "relative": False, "approximate": False, "start": 56, "end": 66}]
    got = candidates(event, dates, text)
    want = [(None, ["k=none", "n_lead=0", "n_tw=met", "nd=2", "n_ty=CONSULT", "n_mod=asserted"]),
            ("2025-04-07", ["k=mention", "side=before", "dist=3", "side_dist=before_3", "gran=day", "rel=True", "appr=False",
                            "w1=on", "a1=the", "bw=the", "bw=envoys", "m_ty=CONSULT", "m_mod=asserted", "is_rule"]),
            ("2024-03", ["k=mention", "side=after", "dist=4-7", "side_dist=after_4-7", "gran=month", "rel=False", "appr=False",
                         "w1=in", "w2=talks", "a1=broke", "bw=in", "bw=doha", "bw=week", "bw=after", "bw=talks", "bw=in",
                         "m_ty=CONSULT", "m_mod=asserted"])]
    assert got == want, got
    print("selftest ok")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=None, help="backchannel binary (default: .build/release/backchannel)")
    ap.add_argument("--check", action="store_true", help="exit 1 if the resource differs from a fresh training")
    ap.add_argument("--measure", action="store_true", help="measure the model against the rules")
    ap.add_argument("--selftest", action="store_true")
    args = ap.parse_args()
    if args.selftest:
        selftest()
        return
    binary = ce.find_binary(args.binary)
    if args.measure:
        measure(binary)
        return
    text = render(binary)
    if args.check:
        with open(OUTPUT, encoding="utf-8") as f:
            same = f.read() == text
        print("event-dates.tsv is %s" % ("up to date" if same else "out of date"))
        sys.exit(0 if same else 1)
    with open(OUTPUT, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %s (%d lines)" % (OUTPUT, text.count("\n")))


if __name__ == "__main__":
    main()
