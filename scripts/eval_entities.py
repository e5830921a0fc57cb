#!/usr/bin/env python3
"""Entity-level evaluation of Backchannel's named-entity stage on the team's own corpus.

Gold: ``Corpus/gold/<slug>.json`` (see "Gold entity annotations" in Corpus/README.md): one
entry per real-world actor or place, with a *set* of mention strings, roles, affiliation and
an optional ``refersTo``. Articles: ``Corpus/articles/<slug>.json``; ``--split`` picks which (default ``dev``). Which split
is held out, and how often it may be scored, is in Corpus/README.md ("Splits").

System under test. The binary is run once over all the selected pages:

    BINARY extract --format jsonl Corpus/html/<slug>.html ...

Each output line has ``source``, ``article`` (with ``text``) and ``entities``:
``[{"id", "name", "type", "roles", "affiliation", "refersTo", "mentions": [{"start", "end",
"text"}]}]``. ``article.text`` is first checked against the gold body (the article's block
texts joined by ``"\\n\\n"``); mismatches are reported and the article is still scored.
Mention offsets are checked against ``article.text`` too (warnings only).

Scoring (one entity per actor, so a duplicate is an error):

* Entity match. A predicted and a gold entity can match when their types are equal and the
  set of predicted mention texts intersects the gold ``mentions`` set (exact, case-sensitive
  strings). Pairs are taken greedily by largest intersection (ties: first gold entity, then
  first predicted entity); each gold and each predicted entity is used at most once. A
  further predicted entity overlapping an already matched gold entity is a false positive
  (reported as a *duplicate*, e.g. "Witkoff" beside "Steve Witkoff"). Precision = matched
  predicted / predicted, recall = matched gold / gold. Also an *untyped* variant (types
  ignored in matching) and per-type P/R (typed matching).
* Roles (PERSON). Recall over every gold role of matched PERSON entities *and* of unmatched
  gold PERSON entities (those count as not found). A gold role is found when a predicted role
  of the matched entity equals it ignoring case, a leading "the " or possessive determiner
  ("his", "her", "its", "their"), runs of white space and curly versus straight apostrophes. Precision = predicted roles of matched persons that
  equal a gold role / predicted roles of matched persons.
* Affiliation. Accuracy over matched persons whose gold affiliation is not null. Names are
  compared after normalisation (case, leading "the ", apostrophes, and the table
  U.S./US/USA/United States -> United States, UK/U.K./Britain -> United Kingdom). Since the
  gold value is the ``name`` of an entity of the same file, the prediction is also right when
  it equals (normalised) one of that gold entity's mention strings, or the name of the
  predicted entity matched to it. Predicted affiliations where gold has none are counted.
* refersTo. Accuracy over matched entities whose gold has ``refersTo``, with the same
  comparison; predicted ``refersTo`` on matched entities whose gold has none are counted.
* Targets (from the issue): entity precision >= 0.95, entity recall >= 0.95, role recall
  >= 0.95; printed beside the figures.

Error classes (``--errors N`` lists them per article, up to N of each list):
  unmatched gold:      wrong-type (a predicted entity of another type has its mentions),
                       merged (its mentions are in a predicted entity matched to another gold
                       entity), boundary (a mention of an unmatched predicted entity contains,
                       or is inside, a gold mention as whole words), missed.
  unmatched predicted: duplicate (overlaps a gold entity already matched), wrong-type,
                       boundary (the same, against unmatched gold entities), spurious.

Usage:
    python3 scripts/eval_entities.py                 # dev split
    python3 scripts/eval_entities.py --errors 20     # plus per-article errors
    python3 scripts/eval_entities.py --split cairn  # the held-out split: once, at the end
    python3 scripts/eval_entities.py --split wharf  # the previous held-out split (spent: scored once at 190af60)
    python3 scripts/eval_entities.py --split vista  # spent: scored once at 05b9f2e
    python3 scripts/eval_entities.py --split ridge  # spent: scored once at f0af0fa
    python3 scripts/eval_entities.py --split crest  # spent: scored once at df0eafe
    python3 scripts/eval_entities.py --split apex   # spent: scored once at c5748e5
    python3 scripts/eval_entities.py --split further  # the previous held-out split (spent: scored once at 76dbfe6)
    python3 scripts/eval_entities.py --split onward   # spent: scored once at d594e73
    python3 scripts/eval_entities.py --split beyond  # the previous held-out split (spent: scored at 8cf9972)
    python3 scripts/eval_entities.py --split later  # the previous held-out split (spent: scored at 7153812)
    python3 scripts/eval_entities.py --split ahead  # the previous held-out split (spent: scored at 1be9ea9)
    python3 scripts/eval_entities.py --split unseen  # the previous held-out split (spent: scored at 6233de9)
    python3 scripts/eval_entities.py --split vault   # spent: development data
    python3 scripts/eval_entities.py --json
    python3 scripts/eval_entities.py --selftest

Python standard library only.
"""

import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_eval as ce  # noqa: E402  (shared corpus loading, binary run, report helpers)
from corpus_eval import ratio  # noqa: E402

TYPES = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"]
TARGETS = {"entity_precision": 0.95, "entity_recall": 0.95, "role_recall": 0.95}

ALIASES = {
    "u.s.": "united states", "us": "united states", "usa": "united states",
    "u.s.a.": "united states", "united states": "united states",
    "united states of america": "united states",
    "uk": "united kingdom", "u.k.": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom", "united kingdom": "united kingdom",
}


# ---------------------------------------------------------------- normalisation

def norm_role(s):
    """A role as norm_text gives it, without a leading possessive determiner: "His defence
    minister" and "defence minister" are one title, as "the defence minister" is."""
    return re.sub(r"^(his|her|its|their) ", "", ce.norm_text(s))


def norm_name(s):
    s = ce.norm_text(s)
    if s.endswith("'s"):
        s = s[:-2]
    return ALIASES.get(s, s)


# ---------------------------------------------------------------- matching

def mention_set(ent, gold):
    if gold:
        return set(ent.get("mentions") or [])
    return set(ce.mention_texts(ent))


def match(gold, pred, typed=True):
    """Greedy one-to-one matching. Returns (g2p, p2g) dicts of indices."""
    gsets = [mention_set(g, True) for g in gold]
    psets = [mention_set(p, False) for p in pred]
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if typed and g.get("type") != p.get("type"):
                continue
            k = len(gsets[gi] & psets[pi])
            if k:
                cands.append((-k, gi, pi))
    return ce.one_to_one(cands)


def _inside(x, y):
    """x occurs inside y as whole words (x != y)."""
    return x != y and re.search(r"(?<!\w)" + re.escape(x) + r"(?!\w)", y) is not None


def _contains(a, b):
    """True when some string of a contains (or is contained in) some string of b as whole words."""
    for x in a:
        for y in b:
            if _inside(x, y) or _inside(y, x):
                return True
    return False


def classify(gold, pred, g2p, p2g):
    gsets = [mention_set(g, True) for g in gold]
    psets = [mention_set(p, False) for p in pred]
    gold_errs, pred_errs = [], []
    for gi, g in enumerate(gold):
        if gi in g2p:
            continue
        kind, other = "missed", None
        over = [pi for pi in range(len(pred)) if gsets[gi] & psets[pi]]
        same = [pi for pi in over if pred[pi].get("type") == g.get("type")]
        if same:
            kind, other = "merged", same[0]
        elif over:
            kind, other = "wrong-type", over[0]
        else:
            bnd = [pi for pi in range(len(pred)) if pi not in p2g and _contains(gsets[gi], psets[pi])]
            if bnd:
                kind, other = "boundary", bnd[0]
        gold_errs.append((gi, kind, other))
    for pi, p in enumerate(pred):
        if pi in p2g:
            continue
        kind, other = "spurious", None
        over = [gi for gi in range(len(gold)) if gsets[gi] & psets[pi]]
        matched_over = [gi for gi in over if gi in g2p]
        if matched_over:
            kind, other = "duplicate", matched_over[0]
        elif over:
            kind, other = "wrong-type", over[0]
        else:
            bnd = [gi for gi in range(len(gold)) if gi not in g2p and _contains(gsets[gi], psets[pi])]
            if bnd:
                kind, other = "boundary", bnd[0]
        pred_errs.append((pi, kind, other))
    return gold_errs, pred_errs


def value_ok(gold_value, pred_value, gold, pred, g2p):
    """Affiliation / refersTo comparison (see the module docstring)."""
    if pred_value is None:
        return False
    pn = norm_name(pred_value)
    if pn == norm_name(gold_value):
        return True
    for gi, g in enumerate(gold):
        if g.get("name") != gold_value:
            continue
        if pn in {norm_name(m) for m in g.get("mentions") or []}:
            return True
        pi = g2p.get(gi)
        if pi is not None and pred[pi].get("name") == pred_value:
            return True
    return False


# ---------------------------------------------------------------- scoring one article

def new_counts():
    c = {"pred": 0, "gold": 0, "tp_pred": 0, "tp_gold": 0,
         "u_tp_pred": 0, "u_tp_gold": 0, "duplicates": 0,
         "role_gold": 0, "role_found": 0, "role_pred": 0, "role_pred_ok": 0,
         "aff_n": 0, "aff_ok": 0, "aff_spurious": 0,
         "ref_n": 0, "ref_ok": 0, "ref_spurious": 0,
         "gold_err": {}, "pred_err": {},
         "per_type": {t: {"pred": 0, "gold": 0, "tp_pred": 0, "tp_gold": 0} for t in TYPES}}
    return c


def add_counts(total, c):
    for k, v in c.items():
        if k == "per_type":
            for t, d in v.items():
                td = total["per_type"].setdefault(t, {"pred": 0, "gold": 0, "tp_pred": 0, "tp_gold": 0})
                for kk, vv in d.items():
                    td[kk] += vv
        elif isinstance(v, dict):
            for kk, vv in v.items():
                total[k][kk] = total[k].get(kk, 0) + vv
        else:
            total[k] += v


def score_article(gold, pred):
    """Score one article. Returns (counts, details)."""
    c = new_counts()
    g2p, p2g = match(gold, pred, typed=True)
    ug2p, up2g = match(gold, pred, typed=False)
    c["pred"], c["gold"] = len(pred), len(gold)
    c["tp_pred"], c["tp_gold"] = len(p2g), len(g2p)
    c["u_tp_pred"], c["u_tp_gold"] = len(up2g), len(ug2p)
    for t in TYPES:
        c["per_type"][t] = {"pred": 0, "gold": 0, "tp_pred": 0, "tp_gold": 0}
    for pi, p in enumerate(pred):
        d = c["per_type"].setdefault(p.get("type"), {"pred": 0, "gold": 0, "tp_pred": 0, "tp_gold": 0})
        d["pred"] += 1
        d["tp_pred"] += pi in p2g
    for gi, g in enumerate(gold):
        d = c["per_type"].setdefault(g.get("type"), {"pred": 0, "gold": 0, "tp_pred": 0, "tp_gold": 0})
        d["gold"] += 1
        d["tp_gold"] += gi in g2p

    gold_errs, pred_errs = classify(gold, pred, g2p, p2g)
    for _, kind, _ in gold_errs:
        c["gold_err"][kind] = c["gold_err"].get(kind, 0) + 1
    for _, kind, _ in pred_errs:
        c["pred_err"][kind] = c["pred_err"].get(kind, 0) + 1
    c["duplicates"] = c["pred_err"].get("duplicate", 0)

    role_errs, aff_errs, ref_errs = [], [], []
    for gi, g in enumerate(gold):
        pi = g2p.get(gi)
        p = pred[pi] if pi is not None else None
        if g.get("type") == "PERSON":
            groles = {norm_role(r): r for r in g.get("roles") or []}
            c["role_gold"] += len(groles)
            proles = {norm_role(r): r for r in (p.get("roles") or [])} if p else {}
            found = set(groles) & set(proles)
            c["role_found"] += len(found)
            if p is not None:
                c["role_pred"] += len(proles)
                c["role_pred_ok"] += len(found)
            missing = [groles[k] for k in groles if k not in found]
            extra = [proles[k] for k in proles if k not in found]
            if missing or extra:
                role_errs.append({"gold": g.get("name"), "pred": p.get("name") if p else None,
                                  "missing": missing, "extra": extra})
            if p is not None:
                ga, pa = g.get("affiliation"), p.get("affiliation")
                if ga is not None:
                    c["aff_n"] += 1
                    ok = value_ok(ga, pa, gold, pred, g2p)
                    c["aff_ok"] += ok
                    if not ok:
                        aff_errs.append({"entity": g.get("name"), "gold": ga, "pred": pa})
                elif pa is not None:
                    c["aff_spurious"] += 1
                    aff_errs.append({"entity": g.get("name"), "gold": None, "pred": pa})
        if p is not None:
            gr, pr = g.get("refersTo"), p.get("refersTo")
            if gr is not None:
                c["ref_n"] += 1
                ok = value_ok(gr, pr, gold, pred, g2p)
                c["ref_ok"] += ok
                if not ok:
                    ref_errs.append({"entity": g.get("name"), "gold": gr, "pred": pr})
            elif pr is not None:
                c["ref_spurious"] += 1
                ref_errs.append({"entity": g.get("name"), "gold": None, "pred": pr})

    def pdesc(pi):
        p = pred[pi]
        return {"name": p.get("name"), "type": p.get("type"),
                "mentions": sorted(mention_set(p, False))}

    def gdesc(gi):
        g = gold[gi]
        return {"name": g.get("name"), "type": g.get("type"), "mentions": list(g.get("mentions") or [])}

    details = {
        "unmatched_gold": [dict(gdesc(gi), error=kind,
                                near=pdesc(o) if o is not None else None) for gi, kind, o in gold_errs],
        "unmatched_pred": [dict(pdesc(pi), error=kind,
                                near=gdesc(o) if o is not None else None) for pi, kind, o in pred_errs],
        "roles": role_errs, "affiliation": aff_errs, "refersTo": ref_errs,
    }
    return c, details


# ---------------------------------------------------------------- report

def summarize(total):
    s = {
        "entity_precision": ratio(total["tp_pred"], total["pred"]),
        "entity_recall": ratio(total["tp_gold"], total["gold"]),
        "untyped_precision": ratio(total["u_tp_pred"], total["pred"]),
        "untyped_recall": ratio(total["u_tp_gold"], total["gold"]),
        "role_recall": ratio(total["role_found"], total["role_gold"]),
        "role_precision": ratio(total["role_pred_ok"], total["role_pred"]),
        "affiliation_accuracy": ratio(total["aff_ok"], total["aff_n"]),
        "refersTo_accuracy": ratio(total["ref_ok"], total["ref_n"]),
    }
    p, r = s["entity_precision"], s["entity_recall"]
    s["entity_f1"] = ce.f1(p, r)
    s["per_type"] = {t: {"precision": ratio(d["tp_pred"], d["pred"]), "recall": ratio(d["tp_gold"], d["gold"]),
                         "pred": d["pred"], "gold": d["gold"], "tp_pred": d["tp_pred"], "tp_gold": d["tp_gold"]}
                     for t, d in total["per_type"].items() if d["pred"] or d["gold"]}
    return s


def target_mark(key, value):
    return ce.target_mark(TARGETS, key, value, sep="  ", words=("MET", "not met"), slack=0)


def print_report(split, slugs, total, s, warnings, details, n_errors):
    print("split: %s (%d articles)" % (split, len(slugs)))
    for w in warnings:
        print("warning: " + w)
    c = total
    print()
    print("entities (typed)    P %.3f (%d/%d)%s" % (s["entity_precision"], c["tp_pred"], c["pred"],
                                                  target_mark("entity_precision", s["entity_precision"])))
    print("                    R %.3f (%d/%d)%s" % (s["entity_recall"], c["tp_gold"], c["gold"],
                                                  target_mark("entity_recall", s["entity_recall"])))
    print("                    F1 %.3f   duplicates %d" % (s["entity_f1"], c["duplicates"]))
    print("entities (untyped)  P %.3f (%d/%d)  R %.3f (%d/%d)" % (
        s["untyped_precision"], c["u_tp_pred"], c["pred"], s["untyped_recall"], c["u_tp_gold"], c["gold"]))
    print("roles               R %.3f (%d/%d)%s" % (s["role_recall"], c["role_found"], c["role_gold"],
                                                  target_mark("role_recall", s["role_recall"])))
    print("                    P %.3f (%d/%d)" % (s["role_precision"], c["role_pred_ok"], c["role_pred"]))
    print("affiliation         acc %.3f (%d/%d)  predicted where gold is null: %d" % (
        s["affiliation_accuracy"], c["aff_ok"], c["aff_n"], c["aff_spurious"]))
    print("refersTo            acc %.3f (%d/%d)  predicted where gold has none: %d" % (
        s["refersTo_accuracy"], c["ref_ok"], c["ref_n"], c["ref_spurious"]))
    print()
    print("per type     P      R      pred  gold")
    for t, d in s["per_type"].items():
        print("  %-7s  %.3f  %.3f  %4d  %4d" % (t, d["precision"], d["recall"], d["pred"], d["gold"]))
    print()
    print("unmatched gold:      " + ", ".join("%s %d" % kv for kv in sorted(c["gold_err"].items(), key=lambda kv: -kv[1])))
    print("unmatched predicted: " + ", ".join("%s %d" % kv for kv in sorted(c["pred_err"].items(), key=lambda kv: -kv[1])))

    if n_errors:
        def ent(e):
            return "%s %s %s" % (e["type"], json.dumps(e["name"], ensure_ascii=False),
                                 json.dumps(e["mentions"], ensure_ascii=False))
        for slug in slugs:
            d = details.get(slug)
            if not d:
                continue
            print()
            print("== %s" % slug)
            ug = d["unmatched_gold"][:n_errors]
            dup = [e for e in d["unmatched_pred"] if e["error"] == "duplicate"][:n_errors]
            up = [e for e in d["unmatched_pred"] if e["error"] != "duplicate"][:n_errors]
            for e in ug:
                near = "  ~ pred " + ent(e["near"]) if e["near"] else ""
                print("  gold miss [%s] %s%s" % (e["error"], ent(e), near))
            for e in up:
                near = "  ~ gold " + ent(e["near"]) if e["near"] else ""
                print("  pred FP   [%s] %s%s" % (e["error"], ent(e), near))
            for e in dup:
                print("  duplicate %s  of gold %s" % (ent(e), ent(e["near"])))
            for r in d["roles"][:n_errors]:
                print("  roles %s: missing %s  extra %s" % (r["gold"], json.dumps(r["missing"], ensure_ascii=False),
                                                         json.dumps(r["extra"], ensure_ascii=False)))
            for a in d["affiliation"][:n_errors]:
                print("  affiliation %s: gold %r pred %r" % (a["entity"], a["gold"], a["pred"]))
            for a in d["refersTo"][:n_errors]:
                print("  refersTo %s: gold %r pred %r" % (a["entity"], a["gold"], a["pred"]))


# ---------------------------------------------------------------- main

def evaluate(binary, split):
    warnings = []
    warn = warnings.append
    articles, slugs, golds = ce.load(split, warn)
    golds = {slug: g["entities"] for slug, g in golds.items()}
    out = ce.run_binary(binary, slugs, warn)
    total = new_counts()
    details = {}
    for slug in slugs:
        d, text = ce.output_for(slug, out, articles[slug], warn, show_diff=True)
        if d is None:
            pred = []
        else:
            pred = d.get("entities") or []
            bad = 0
            for e in pred:
                for m in e.get("mentions") or []:
                    if text is None or text[m.get("start", 0):m.get("end", 0)] != m.get("text"):
                        bad += 1
            if bad:
                warn("%s: %d mention offset(s) do not match article.text" % (slug, bad))
        c, det = score_article(golds[slug], pred)
        add_counts(total, c)
        details[slug] = det
    return slugs, total, warnings, details


def selftest():
    gold = [
        {"name": "Steve Witkoff", "type": "PERSON", "mentions": ["Steve Witkoff", "Witkoff"],
         "roles": ["U.S. Special Envoy", "real-estate investor"], "affiliation": "U.S."},
        {"name": "Moscow", "type": "GPE", "mentions": ["Moscow"], "roles": [], "affiliation": None,
         "refersTo": "Russia"},
        {"name": "Russian", "type": "NORP", "mentions": ["Russian"], "roles": [], "affiliation": None},
        {"name": "Russia", "type": "GPE", "mentions": ["Russia"], "roles": [], "affiliation": None},
        {"name": "Kremlin", "type": "ORG", "mentions": ["Kremlin"], "roles": [], "affiliation": None,
         "refersTo": "Russia"},
        {"name": "Dmitry Peskov", "type": "PERSON", "mentions": ["Dmitry Peskov"],
         "roles": ["Kremlin spokesman"], "affiliation": "Russia"},
    ]

    def P(name, typ, mentions, roles=(), aff=None, ref=None):
        return {"id": name, "name": name, "type": typ, "roles": list(roles), "affiliation": aff,
                "refersTo": ref, "mentions": [{"start": 0, "end": 0, "text": m} for m in mentions]}

    pred = [
        P("Steve Witkoff", "PERSON", ["Steve Witkoff"], ["the U.S. special envoy", "real-estate investor and friend"],
          aff="United States"),
        P("Witkoff", "PERSON", ["Witkoff"]),                      # duplicate
        P("Moscow", "GPE", ["Moscow"], ref="Russia"),
        P("Russia", "GPE", ["Russia"]),
        P("Russian", "ORG", ["Russian"]),                         # wrong type
        P("Kremlin", "ORG", ["Kremlin"]),                         # refersTo missing
        P("Putin", "PERSON", ["Putin"]),                          # spurious
    ]
    c, d = score_article(gold, pred)
    s = summarize(c)
    assert (c["tp_pred"], c["pred"], c["tp_gold"], c["gold"]) == (4, 7, 4, 6), c
    assert (c["u_tp_pred"], c["u_tp_gold"]) == (5, 5), c
    assert c["duplicates"] == 1 and c["pred_err"] == {"duplicate": 1, "wrong-type": 1, "spurious": 1}, c["pred_err"]
    assert c["gold_err"] == {"wrong-type": 1, "missed": 1}, c["gold_err"]
    # roles: Witkoff 2 gold (1 found: case and "the " ignored), Peskov unmatched: 1 gold, not found
    assert (c["role_found"], c["role_gold"]) == (1, 3), c
    assert (c["role_pred_ok"], c["role_pred"]) == (1, 2), c
    assert d["roles"][0]["missing"] == ["real-estate investor"]
    assert (c["aff_ok"], c["aff_n"]) == (1, 1), c          # "United States" == "U.S."
    assert norm_role("His defence minister") == norm_role("the defence minister")
    assert norm_role("history teacher") != norm_role("teacher")
    assert (c["ref_ok"], c["ref_n"], c["ref_spurious"]) == (1, 2, 0), c
    assert abs(s["entity_precision"] - 4 / 7) < 1e-9 and abs(s["role_recall"] - 1 / 3) < 1e-9
    assert s["per_type"]["PERSON"]["precision"] == 1 / 3 and s["per_type"]["NORP"]["recall"] == 0.0

    # greedy by largest intersection: the 2-mention prediction wins, the other is a duplicate
    gold2 = [{"name": "Volodymyr Zelenskyy", "type": "PERSON",
              "mentions": ["Volodymyr Zelenskyy", "Zelenskyy", "Zelensky"], "roles": ["President"],
              "affiliation": None}]
    pred2 = [P("Zelensky", "PERSON", ["Zelensky"], ["president"]),
             P("Volodymyr Zelenskyy", "PERSON", ["Volodymyr Zelenskyy", "Zelenskyy"])]
    g2p, p2g = match(gold2, pred2)
    assert g2p == {0: 1}, g2p
    c2, d2 = score_article(gold2, pred2)
    assert c2["duplicates"] == 1 and c2["role_found"] == 0 and c2["role_pred"] == 0, c2

    # ties: first gold wins; the second gold entity is "merged"
    gold3 = [{"name": "Gaza", "type": "GPE", "mentions": ["Gaza"], "roles": [], "affiliation": None},
             {"name": "Israel", "type": "GPE", "mentions": ["Israel"], "roles": [], "affiliation": None}]
    pred3 = [P("Gaza", "GPE", ["Gaza", "Israel"])]
    g2p, _ = match(gold3, pred3)
    assert g2p == {0: 0}
    c3, _ = score_article(gold3, pred3)
    assert c3["gold_err"] == {"merged": 1}

    # boundary: a title kept in the mention
    gold4 = [{"name": "Keith Kellogg", "type": "PERSON", "mentions": ["Keith Kellogg"],
              "roles": ["retired Lt. Gen."], "affiliation": None}]
    pred4 = [P("Lt. Gen. Keith Kellogg", "PERSON", ["Lt. Gen. Keith Kellogg"])]
    c4, _ = score_article(gold4, pred4)
    assert c4["gold_err"] == {"boundary": 1} and c4["pred_err"] == {"boundary": 1}
    assert (c4["role_found"], c4["role_gold"]) == (0, 1)

    # affiliation / refersTo normalisation and the in-file entity name
    assert norm_name("the U.K.") == norm_name("Britain") == "united kingdom"
    assert norm_name("USA") == norm_name("the United States") == "united states"
    gold5 = [{"name": "European Union", "type": "ORG", "mentions": ["European Union", "EU"], "roles": [],
              "affiliation": None},
             {"name": "Kaja Kallas", "type": "PERSON", "mentions": ["Kaja Kallas"],
              "roles": ["EU’s foreign policy chief"], "affiliation": "European Union"},
             {"name": "Brussels", "type": "GPE", "mentions": ["Brussels"], "roles": [], "affiliation": None,
              "refersTo": "European Union"}]
    pred5 = [P("E.U.", "ORG", ["EU"]),
             P("Kaja Kallas", "PERSON", ["Kaja Kallas"], ["EU's foreign policy chief"], aff="EU"),
             P("Brussels", "GPE", ["Brussels"], ref="E.U.")]
    c5, _ = score_article(gold5, pred5)
    assert (c5["aff_ok"], c5["aff_n"]) == (1, 1), c5       # via a mention of the gold entity
    assert (c5["ref_ok"], c5["ref_n"]) == (1, 1), c5       # via the matched predicted entity's name
    assert c5["role_found"] == 1                            # curly vs straight apostrophe
    assert not value_ok("European Union", "NATO", gold5, pred5, {0: 0})

    # empty prediction
    c6, _ = score_article(gold, [])
    assert c6["tp_gold"] == 0 and c6["role_gold"] == 3 and c6["gold_err"] == {"missed": 6}
    print("selftest OK")
    return 0


def main(argv=None):
    args = ce.parse_args("Entity-level evaluation of Backchannel on Corpus/gold (see docstring).",
                         "per article, print up to N unmatched gold / unmatched predicted / duplicates", argv)
    if args.selftest:
        return selftest()
    binary = ce.find_binary(args.binary)
    slugs, total, warnings, details = evaluate(binary, args.split)
    s = summarize(total)
    if args.json:
        counts = {k: v for k, v in total.items() if k != "per_type"}
        ce.dump_results(args, slugs, binary, TARGETS, s, counts, warnings, details)
    else:
        print_report(args.split, slugs, total, s, warnings, details, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
