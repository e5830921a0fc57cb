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

Training data: the events `backchannel extract --rule-dates` finds on the articles of every split
but the held-out one (`event_models.TRAINING`, with the modality model on: its answer is a
feature), matched to gold events as `eval_events.py` matches them (type only); an event whose
gold date is none of its candidates teaches nothing and is left out. `--measure` leaves each
split out in turn.

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

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import event_models as em  # noqa: E402
from event_models import words  # noqa: E402
from probe_event_types import DEVELOPMENT  # noqa: E402

OUTPUT = os.path.join(em.RESOURCES, "event-dates.tsv")


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
        distance = em.bucket(len(words(text[min(m["end"], t["start"]):max(m["start"], t["end"])])))
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
    """(split, candidates, the gold date as a set of one (or empty when no candidate has it),
    the rules' date, the gold date, matched with actors) per matched event."""
    rows = []
    for split, event, gold, with_actors, output, _ in em.matched_events(binary, splits, "--rule-dates"):
        if not em.trigger_in_sentence(event):
            continue  # a quotation's act: Swift keeps its date too
        cands = candidates(event, output.get("dates") or [], output["article"]["text"])
        date = gold.get("date")
        right = {date} if any(value == date for value, _ in cands) else set()
        rows.append((split, cands, right, (event.get("date") or {}).get("value"), date, with_actors))
    return rows


def fit(rows):
    return em.fit_candidates([(r[1], r[2]) for r in rows])


def measure(binary):
    em.compare(binary, examples, fit, lambda r: r[3] == r[4], lambda m, r: em.choose(m, r[1]) == r[4], "date")


def render(binary):
    rows = examples(binary, em.TRAINING)
    return em.render_candidates(fit(rows), [
        "# Backchannel event-date model: logistic regression (C = %g) over the date candidates of %d events" % (em.C, len(rows)),
        "# of the development and spent splits (scripts/train_event_dates.py). Features: see EventDateModel.swift."])


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


if __name__ == "__main__":
    em.main(__doc__, OUTPUT, selftest, measure, render)
