#!/usr/bin/env python3
"""Trains the event-target chooser shipped as Sources/BackchannelEvents/Resources/event-targets.tsv.

The event stage's rules give an event as target the first person, body, state or group named
after its trigger. The model revises the choice: for each event it scores the candidates — no
target, each PERSON, ORG, GPE or NORP entity with a mention in the sentence, and the rules'
targets when they are none of those (two or more, or one the sentence does not name) — and the
best is the event's targets. The score is a logistic regression (C = 1) over binary features of
each candidate, which `EventTargetModel.candidates` in Swift computes the same way:

    no target   k=none  ty=<type>  rule_none (when the rules gave no target)
    an entity   k=ent  et=<entity type>  side=before|after the trigger  dist=<bucket of the words
                between them>  sd=<side>_<bucket>  m_ty=<type>  ty_side_et=<type>_<side>_<entity
                type>  w1=, w2= the two words before it  a1= the word after it  bw= each of the
                first eight words between it and the trigger  is_actor (one of the event's actors)
                in_rule (one of the rules' targets)  rule0 (the rules' first target); read at the
                entity's mention nearest the trigger
    other       k=ruleset (the rules' targets, when no other candidate is them), rs_ty=<event type>,
                rs_mode=<the event's mode, when it has one>
    is_rule     on the candidate that is the rules' targets

Words as `event_models.words` finds them. Training data, fitting and output are those of
train_event_dates.py (event_models.py): the events `backchannel extract --rule-targets` finds on
the articles of every split but the held-out one, matched to gold events (type only); a candidate is right when
its targets map one to one onto the gold targets, as eval_events.py's "targets right" counts.

Usage:
    pip install scikit-learn
    swift build -c release --product backchannel
    python3 scripts/train_event_targets.py             # rewrites the resource
    python3 scripts/train_event_targets.py --check     # exit 1 if the resource differs
    python3 scripts/train_event_targets.py --measure   # leave one split out, and the spent held-out splits
    python3 scripts/train_event_targets.py --selftest  # the candidates of a written example
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_events as ev  # noqa: E402
import event_models as em  # noqa: E402
from probe_event_types import DEVELOPMENT  # noqa: E402

OUTPUT = os.path.join(em.RESOURCES, "event-targets.tsv")
TARGET_TYPES = ("PERSON", "ORG", "GPE", "NORP")


def candidates(event, entities, text):
    """[(tuple of entity ids, [features])] for one event of `extract`'s output (the same as
    EventTargetModel.candidates in Swift)."""
    s = event["sentence"]
    kind, rule = event["type"], tuple(event.get("targets") or [])
    actors = set(event.get("actors") or [])
    result = [((), ["k=none", "ty=" + kind])]
    if not rule:
        result[0][1].append("rule_none")
    for e in entities:
        if e["type"] not in TARGET_TYPES:
            continue
        inside = [m for m in e["mentions"] if s["start"] <= m["start"] and m["end"] <= s["end"]]
        if not inside:
            continue
        side, distance, context = em.entity_context(inside, event, text)
        f = ["k=ent", "et=" + e["type"], "side=" + side, "dist=" + distance, "sd=%s_%s" % (side, distance), "m_ty=" + kind,
             "ty_side_et=%s_%s_%s" % (kind, side, e["type"])] + context
        if e["id"] in actors:
            f.append("is_actor")
        if e["id"] in rule:
            f.append("in_rule")
        if rule and rule[0] == e["id"]:
            f.append("rule0")
        result.append(((e["id"],), f))
    if all(c != rule for c, _ in result):
        f = ["k=ruleset", "rs_ty=" + kind]
        if event.get("mode"):
            f.append("rs_mode=" + event["mode"])
        result.append((rule, f))
    for c, f in result:
        if c == rule:
            f.append("is_rule")
            break
    return result


def examples(binary, splits):
    """(split, candidates, the candidates that are the gold targets, whether the rules' targets
    are right, matched with actors) per matched event."""
    rows = []
    for split, event, gold, with_actors, output, gents in em.matched_events(binary, splits, "--rule-targets"):
        if not em.trigger_in_sentence(event):
            continue  # a quotation's act: Swift keeps its targets too
        pents = {e["id"]: e for e in output.get("entities") or []}
        cands = candidates(event, output.get("entities") or [], output["article"]["text"])
        targets = gold.get("targets") or []

        def right(c):
            return ev.targets_equal(targets, list(c), gents, pents)
        rows.append((split, cands, {c for c, _ in cands if right(c)}, right(event.get("targets") or []), with_actors))
    return rows


def fit(rows):
    return em.fit_candidates([(r[1], r[2]) for r in rows])


def measure(binary):
    em.compare(binary, examples, fit, lambda r: r[3], lambda m, r: em.choose(m, r[1]) in r[2], "targets")


def render(binary):
    rows = examples(binary, em.TRAINING)
    return em.render_candidates(fit(rows), [
        "# Backchannel event-target model: logistic regression (C = %g) over the target candidates of %d events" % (em.C, len(rows)),
        "# of the development and spent splits (scripts/train_event_targets.py). Features: see EventTargetModel.swift."])


def selftest():
    # The same example as EventTargetModelTests in Swift.
    text = "Israel struck Hezbollah targets in Lebanon after the group fired rockets at Israel."
    event = {"type": "FIGHT", "sentence": {"start": 0, "end": len(text)}, "trigger": {"start": 7, "end": 13},
             "actors": ["E1"], "targets": ["E2", "E3"]}
    entities = [{"id": "E1", "type": "GPE", "mentions": [{"start": 0, "end": 6}, {"start": 76, "end": 82}]},
                {"id": "E2", "type": "ORG", "mentions": [{"start": 14, "end": 23}]},
                {"id": "E3", "type": "GPE", "mentions": [{"start": 35, "end": 42}]}]
    got = candidates(event, entities, text)
    want = [((), ["k=none", "ty=FIGHT"]),
            (("E1",), ["k=ent", "et=GPE", "side=before", "dist=0", "sd=before_0", "m_ty=FIGHT", "ty_side_et=FIGHT_before_GPE",
                       "a1=struck", "is_actor"]),
            (("E2",), ["k=ent", "et=ORG", "side=after", "dist=0", "sd=after_0", "m_ty=FIGHT", "ty_side_et=FIGHT_after_ORG",
                       "w1=struck", "w2=israel", "a1=targets", "in_rule", "rule0"]),
            (("E3",), ["k=ent", "et=GPE", "side=after", "dist=3", "sd=after_3", "m_ty=FIGHT", "ty_side_et=FIGHT_after_GPE",
                       "w1=in", "w2=targets", "a1=after", "bw=hezbollah", "bw=targets", "bw=in", "in_rule"]),
            (("E2", "E3"), ["k=ruleset", "rs_ty=FIGHT", "is_rule"])]
    assert got == want, got
    print("selftest ok")


if __name__ == "__main__":
    em.main(__doc__, OUTPUT, selftest, measure, render)
