#!/usr/bin/env python3
"""Score Backchannel's named-entity recognition on the NER development data.

Data: ../shared/data/ner/ relative to the repository root (see its README.md), files
``gum_dev.jsonl`` and ``uner_pud_dev.jsonl`` by default. Each line is a document
``{"id", "text", "entities": [{"start", "end", "type", "text"}, ...]}``; offsets are
Python ``str`` indices (Unicode code points) into ``text``, end exclusive.

System under test. Each document's ``text`` is written verbatim (UTF-8, no newline
translation) to a temporary folder as ``<id>.txt`` and the CLI is run once:

    BINARY extract --body-only --format jsonl DIR

Each output line is one JSON object with ``source`` (the input path; its file name
without ``.txt`` is the document id) and ``entities``: ``[{"id", "name", "type",
"mentions": [{"start", "end", "text"}]}]``, offsets in code points of the text (with
--body-only the article text is the input verbatim). Every mention is one predicted span
with its entity's type. (``entities`` is also looked for under ``article``.) A document
with no output line is scored as predicting nothing. When a line carries
``article.text`` it is checked against the document text, and each mention's ``text``
against ``text[start:end]``; mismatches are reported as warnings (they mean offset
bugs).

``--predictions FILE`` reads predictions from a JSONL file instead of running the binary:
one line per document, ``{"id", "entities": [{"start", "end", "type"}, ...]}`` (the
binary's nested ``mentions`` form is accepted too). ``--save-predictions FILE`` writes
whatever was scored in that flat form.

Scoring, as the data README defines it (the benchmark's own rules):

* Type scheme per file. GUM files (``gum_*``): types PERSON, ORG, GPE, LOC, NORP (the
  default scored set); predicted and gold FAC, DATE, MISC, ... are outside it and ignored.
  UNER/WikiGold files (``uner_*``, ``wikigold*``): PERSON, ORG, LOC only; predicted GPE
  and FAC are mapped to LOC first (UNER's LOC covers countries, cities and facilities);
  predicted NORP and everything else are ignored.
* Exact match: a prediction counts iff (start, end, type) equals a gold entity. Spans are
  sets per document: a span predicted twice with the same type counts once.
* NORP recall only: GUM does not annotate adjectival nationalities ("Russian"), so a
  predicted NORP that matches no gold NORP is not a false positive; NORP has no
  precision. For the overall micro precision, NORP is left out entirely (a NORP true
  positive does not raise precision either, so spraying NORP spans cannot help it);
  micro recall counts every scored gold entity, NORP included; F1 = 2PR/(P+R).
* Variant "the": as "exact", but a leading "the " (any case, followed by white space) is
  dropped from the start of every span, predicted and gold alike, before matching
  (OntoNotes-style systems include it; this gold never does).
* Variant "untyped": matching on (start, end) only, over predicted and gold entities of
  the scored types (after the mapping above). A predicted span whose types are all NORP
  and that matches nothing is not counted as a false positive, as for NORP above.
* Overall = micro average over both files together (counts summed over files and types).
  Also reported per file (micro over that file's types) and per type within each file.
  A type name means different things in the two files (UNER LOC = GPE+LOC+FAC), so
  per-type numbers are only given per file.

Uses only the Python standard library.
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "ner"
DEFAULT_FILES = ["gum_dev", "uner_pud_dev"]
DEFAULT_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP")
RECALL_ONLY = frozenset({"NORP"})
VARIANTS = ("exact", "the", "untyped")


class Scheme:
    """How one file is scored: which types, and how predicted types map onto them."""

    def __init__(self, name, types, pred_map):
        self.name = name
        self.types = tuple(types)
        self.pred_map = dict(pred_map)

    def map_pred(self, etype):
        t = self.pred_map.get(etype, etype)
        return t if t in self.types else None

    def map_gold(self, etype):
        return etype if etype in self.types else None


GUM_SCHEME = Scheme("gum", DEFAULT_TYPES, {})
MERGED_LOC_SCHEME = Scheme("uner", ("PERSON", "ORG", "LOC"), {"GPE": "LOC", "FAC": "LOC"})


def scheme_for(file_name, docs=None):
    base = Path(file_name).name
    if base.startswith("gum"):
        return GUM_SCHEME
    if base.startswith("uner") or base.startswith("wikigold"):
        return MERGED_LOC_SCHEME
    # Unknown file: GUM-like if its gold has GPE, else LOC covers everything.
    if docs and any(e["type"] == "GPE" for d in docs for e in d.get("entities", [])):
        return GUM_SCHEME
    return MERGED_LOC_SCHEME


def restrict(scheme, types):
    """Scheme limited to the chosen types (--types)."""
    if not types:
        return scheme
    kept = tuple(t for t in scheme.types if t in types)
    return Scheme(scheme.name, kept, scheme.pred_map)


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------

_LEADING_THE = re.compile(r"the\s+", re.IGNORECASE)


def strip_the(text, start, end):
    """Span without a leading 'the ' ('The', 'THE'); unchanged if nothing would be left."""
    m = _LEADING_THE.match(text, start, end)
    if m and m.end() < end:
        return m.end(), end
    return start, end


def doc_spans(doc_text, entities, mapper, variant):
    """Set of (start, end, type) after type mapping and the variant's span rule."""
    out = set()
    for e in entities:
        t = mapper(e["type"])
        if t is None:
            continue
        s, t_end = int(e["start"]), int(e["end"])
        if variant == "the":
            s, t_end = strip_the(doc_text, s, t_end)
        out.add((s, t_end, t))
    return out


class Counts:
    __slots__ = ("tp", "fp", "fn", "fp_ignored")

    def __init__(self):
        self.tp = self.fp = self.fn = self.fp_ignored = 0

    def add(self, other):
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.fp_ignored += other.fp_ignored


def prf(tp_p, fp, tp_r, fn, has_precision=True):
    """Precision from (tp_p, fp), recall from (tp_r, fn). None where undefined."""
    p = (tp_p / (tp_p + fp) if tp_p + fp else None) if has_precision else None
    r = tp_r / (tp_r + fn) if tp_r + fn else None
    if p is None and not has_precision:
        f = None
    elif p is None or r is None or p + r == 0:
        f = 0.0 if (p is not None or r is not None) else None
    else:
        f = 2 * p * r / (p + r)
    return p, r, f


def score_doc(text, gold_entities, pred_entities, scheme, variant, errors=None, doc_id=None):
    """Per-type Counts for one document. errors: dict type -> {'fp': [...], 'fn': [...]}."""
    counts = defaultdict(Counts)
    gold = doc_spans(text, gold_entities, scheme.map_gold, "the" if variant == "the" else "exact")
    pred = doc_spans(text, pred_entities, scheme.map_pred, "the" if variant == "the" else "exact")
    if variant == "untyped":
        gold_by_span = defaultdict(set)
        for s, e, t in gold:
            gold_by_span[(s, e)].add(t)
        pred_by_span = defaultdict(set)
        for s, e, t in pred:
            pred_by_span[(s, e)].add(t)
        for span, gtypes in gold_by_span.items():
            key = "ALL"
            if span in pred_by_span:
                counts[key].tp += 1
            else:
                counts[key].fn += 1
                if errors is not None:
                    errors[key]["fn"].append((doc_id, span[0], span[1], "/".join(sorted(gtypes))))
        for span, ptypes in pred_by_span.items():
            if span in gold_by_span:
                continue
            if ptypes <= RECALL_ONLY:
                counts["ALL"].fp_ignored += 1
            else:
                counts["ALL"].fp += 1
                if errors is not None:
                    errors["ALL"]["fp"].append((doc_id, span[0], span[1], "/".join(sorted(ptypes))))
        return counts
    for s, e, t in gold:
        if (s, e, t) in pred:
            counts[t].tp += 1
        else:
            counts[t].fn += 1
            if errors is not None:
                errors[t]["fn"].append((doc_id, s, e, t))
    for s, e, t in pred:
        if (s, e, t) in gold:
            continue
        if t in RECALL_ONLY:
            counts[t].fp_ignored += 1
        else:
            counts[t].fp += 1
            if errors is not None:
                errors[t]["fp"].append((doc_id, s, e, t))
    return counts


def summarise(per_type):
    """per_type: type -> Counts. Returns dict with per-type and micro P/R/F1.

    Micro: precision over types that have precision (NORP excluded), recall over all."""
    out = {"types": {}}
    tp_p = fp = tp_r = fn = 0
    for t in sorted(per_type):
        c = per_type[t]
        has_p = t not in RECALL_ONLY
        p, r, f = prf(c.tp, c.fp, c.tp, c.fn, has_precision=has_p)
        out["types"][t] = {"tp": c.tp, "fp": c.fp if has_p else None, "fn": c.fn,
                           "gold": c.tp + c.fn, "precision": p, "recall": r, "f1": f}
        if c.fp_ignored:
            out["types"][t]["fp_not_counted"] = c.fp_ignored
        if has_p:
            tp_p += c.tp
            fp += c.fp
        tp_r += c.tp
        fn += c.fn
    p, r, f = prf(tp_p, fp, tp_r, fn)
    out["micro"] = {"tp": tp_r, "tp_for_precision": tp_p, "fp": fp, "fn": fn, "gold": tp_r + fn,
                    "precision": p, "recall": r, "f1": f}
    return out


# ---------------------------------------------------------------------------
# Data and predictions
# ---------------------------------------------------------------------------

def load_jsonl(path):
    docs = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                docs.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON: {exc}")
    return docs


def flatten_entities(entities):
    """Binary form (entities with mentions) or flat form -> [{start, end, type, text?}]."""
    flat = []
    for e in entities or []:
        if "mentions" in e:
            for m in e["mentions"] or []:
                flat.append({"start": m["start"], "end": m["end"], "type": e.get("type"),
                             "text": m.get("text")})
        else:
            flat.append({"start": e["start"], "end": e["end"], "type": e.get("type"),
                         "text": e.get("text")})
    return flat


def read_predictions_file(path):
    preds = {}
    for obj in load_jsonl(path):
        doc_id = obj.get("id")
        if doc_id is None and obj.get("source"):
            doc_id = id_from_source(obj["source"])
        ents = obj.get("entities")
        if ents is None:
            ents = (obj.get("article") or {}).get("entities", [])
        preds.setdefault(doc_id, []).extend(flatten_entities(ents))
    return preds


def id_from_source(source):
    name = os.path.basename(source)
    return name[:-4] if name.endswith(".txt") else name


def find_binary(explicit):
    if explicit:
        return explicit
    for rel in (".build/release/backchannel", ".build/debug/backchannel"):
        p = REPO_ROOT / rel
        if p.exists():
            return str(p)
    return str(REPO_ROOT / ".build/release/backchannel")


def safe_file_name(doc_id):
    if not doc_id or "/" in doc_id or doc_id.startswith(".") or "\0" in doc_id:
        raise SystemExit(f"document id {doc_id!r} cannot be a file name")
    return doc_id + ".txt"


def run_binary(binary, docs, warnings):
    """Run the CLI over all documents; returns id -> flat predicted entities."""
    if not os.path.exists(binary):
        raise SystemExit(f"binary not found: {binary} (build with `swift build -c release`, "
                         f"pass --binary, or score a file with --predictions)")
    by_id = {d["id"]: d for d in docs}
    tmp = tempfile.mkdtemp(prefix="bc-ner-")
    try:
        for d in docs:
            with open(os.path.join(tmp, safe_file_name(d["id"])), "w", encoding="utf-8", newline="") as fh:
                fh.write(d["text"])
        proc = subprocess.run([binary, "extract", "--body-only", "--format", "jsonl", tmp],
                              capture_output=True, text=True, encoding="utf-8")
        if proc.stderr.strip():
            for line in proc.stderr.strip().splitlines()[:10]:
                warnings.append(f"binary stderr: {line}")
        preds = {}
        for n, line in enumerate(proc.stdout.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                warnings.append(f"output line {n} is not JSON: {line[:80]}")
                continue
            doc_id = id_from_source(obj.get("source", ""))
            if doc_id not in by_id:
                warnings.append(f"output for unknown source {obj.get('source')!r}")
                continue
            article_text = (obj.get("article") or {}).get("text")
            if article_text is not None and article_text != by_id[doc_id]["text"]:
                warnings.append(f"{doc_id}: article.text differs from the input text; offsets may not match")
            ents = obj.get("entities")
            if ents is None:
                ents = (obj.get("article") or {}).get("entities", [])
            preds[doc_id] = flatten_entities(ents)
        missing = [d["id"] for d in docs if d["id"] not in preds]
        if missing:
            warnings.append(f"{len(missing)} document(s) gave no output line (exit {proc.returncode}), "
                            f"scored as empty: {', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}")
        return preds
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def check_prediction_texts(docs_by_id, preds, warnings):
    """Warn about mention texts that do not equal text[start:end] and bad offsets."""
    bad = 0
    example = None
    for doc_id, ents in preds.items():
        doc = docs_by_id.get(doc_id)
        if doc is None:
            continue
        n = len(doc["text"])
        for e in ents:
            s, t = int(e["start"]), int(e["end"])
            if not (0 <= s < t <= n) or (e.get("text") is not None and doc["text"][s:t] != e["text"]):
                bad += 1
                if example is None:
                    example = f"{doc_id} [{s}:{t}] {e.get('text')!r} vs {doc['text'][s:t]!r}"
    if bad:
        warnings.append(f"{bad} predicted span(s) with bad offsets or text != text[start:end] "
                        f"(code points expected), e.g. {example}")


# ---------------------------------------------------------------------------
# Evaluation driver
# ---------------------------------------------------------------------------

def evaluate(files, preds, types=None, collect_errors=False):
    """files: list of (name, docs). preds: id -> flat entities. Returns the result dict."""
    result = {"files": {}, "overall": {}}
    errors = {}
    for variant in VARIANTS:
        overall = defaultdict(Counts)
        for name, docs in files:
            scheme = restrict(scheme_for(name, docs), types)
            per_type = defaultdict(Counts)
            errs = defaultdict(lambda: {"fp": [], "fn": []}) if collect_errors and variant != "the" else None
            for d in docs:
                c = score_doc(d["text"], d.get("entities", []), preds.get(d["id"], []), scheme, variant,
                              errs, d["id"])
                for t, cc in c.items():
                    per_type[t].add(cc)
            for t in (scheme.types if variant != "untyped" else ["ALL"]):
                per_type[t]  # make every scored type appear, even with no gold
            summary = summarise(per_type)
            fr = result["files"].setdefault(name, {"scheme": scheme.name, "types": list(scheme.types),
                                                   "documents": len(docs)})
            fr[variant] = summary
            for t, c in per_type.items():
                overall[(name, t)].add(c)
            if errs is not None:
                errors[(name, variant)] = errs
        # Overall micro: sum over files. Recall-only types keep their meaning across files.
        tp_p = fp = tp_r = fn = 0
        for (name, t), c in overall.items():
            if t not in RECALL_ONLY:
                tp_p += c.tp
                fp += c.fp
            tp_r += c.tp
            fn += c.fn
        p, r, f = prf(tp_p, fp, tp_r, fn)
        result["overall"][variant] = {"tp": tp_r, "tp_for_precision": tp_p, "fp": fp, "fn": fn,
                                      "gold": tp_r + fn, "precision": p, "recall": r, "f1": f}
    return result, errors


def fmt(x):
    return "   -  " if x is None else f"{x:6.3f}"


def print_report(result, out=sys.stdout):
    o = result["overall"]
    names = ", ".join(result["files"])
    print(f"NER on {names}", file=out)
    print(f"{'':28s} {'P':>6s} {'R':>6s} {'F1':>6s} {'TP':>5s} {'FP':>5s} {'FN':>5s}", file=out)
    for variant, label in (("exact", "overall exact"), ("the", "overall, leading 'the' off"),
                           ("untyped", "overall untyped")):
        m = o[variant]
        print(f"{label:28s} {fmt(m['precision'])} {fmt(m['recall'])} {fmt(m['f1'])} "
              f"{m['tp']:5d} {m['fp']:5d} {m['fn']:5d}", file=out)
    for name, fr in result["files"].items():
        print(f"\n{name} ({fr['documents']} documents; types {' '.join(fr['types'])})", file=out)
        print(f"{'':28s} {'P':>6s} {'R':>6s} {'F1':>6s} {'TP':>5s} {'FP':>5s} {'FN':>5s}", file=out)
        for variant, label in (("exact", "micro exact"), ("the", "micro, leading 'the' off"),
                               ("untyped", "micro untyped")):
            m = fr[variant]["micro"]
            print(f"{label:28s} {fmt(m['precision'])} {fmt(m['recall'])} {fmt(m['f1'])} "
                  f"{m['tp']:5d} {m['fp']:5d} {m['fn']:5d}", file=out)
        for t, m in fr["exact"]["types"].items():
            fp = "    -" if m["fp"] is None else f"{m['fp']:5d}"
            note = f"  ({m['fp_not_counted']} unmatched not counted)" if m.get("fp_not_counted") else ""
            print(f"  {t:26s} {fmt(m['precision'])} {fmt(m['recall'])} {fmt(m['f1'])} "
                  f"{m['tp']:5d} {fp} {m['fn']:5d}{note}", file=out)
    if any("NORP" in fr["types"] for fr in result["files"].values()):
        print("\nNORP: recall only (GUM leaves adjectival nationalities unannotated); "
              "overall precision leaves NORP out.", file=out)


def print_errors(errors, docs_by_id, preds, n, out=sys.stdout, seed=0):
    rng = random.Random(seed)
    for (name, variant), errs in errors.items():
        if variant != "exact":
            continue
        for t in sorted(errs):
            for kind, label in (("fp", "false positives"), ("fn", "false negatives")):
                items = errs[t][kind]
                if not items:
                    continue
                sample = items if len(items) <= n else rng.sample(items, n)
                print(f"\n{name} {t} {label} ({len(items)}; {len(sample)} shown)", file=out)
                for doc_id, s, e, typ in sorted(sample):
                    text = docs_by_id[doc_id]["text"]
                    left = text[max(0, s - 40):s].replace("\n", " ")
                    right = text[e:e + 40].replace("\n", " ")
                    hint = hint_for(docs_by_id[doc_id], preds.get(doc_id, []), s, e, kind)
                    print(f"  {doc_id}: …{left}[[{text[s:e]}]]{right}…  {typ}{hint}", file=out)


def hint_for(doc, pred_entities, s, e, kind):
    """Why a span failed: the overlapping spans on the other side."""
    others = pred_entities if kind == "fn" else doc.get("entities", [])
    hits = [o for o in others if int(o["start"]) < e and s < int(o["end"])]
    if not hits:
        return ""
    side = "predicted" if kind == "fn" else "gold"
    parts = [f"{doc['text'][int(o['start']):int(o['end'])]!r} {o['type']}" for o in hits[:3]]
    return f"   ({side}: {'; '.join(parts)})"


# ---------------------------------------------------------------------------
# Self-test
# ---------------------------------------------------------------------------

def selftest():
    failures = []

    def check(name, got, want):
        if isinstance(want, float) and got is not None:
            ok = abs(got - want) < 1e-9
        else:
            ok = got == want
        if not ok:
            failures.append(f"{name}: got {got!r}, want {want!r}")

    text = "The United States and Russia: Russian envoy Kirill Dmitriev met 🇺🇸 Steve Witkoff in Riyadh."
    def span(sub, typ, nth=0):
        i = -1
        for _ in range(nth + 1):
            i = text.index(sub, i + 1)
        return {"start": i, "end": i + len(sub), "type": typ}

    gold = [span("United States", "GPE"), span("Russia", "GPE"), span("Kirill Dmitriev", "PERSON"),
            span("Steve Witkoff", "PERSON"), span("Riyadh", "GPE")]
    doc = {"id": "d1", "text": text, "entities": gold}
    # code points: the flag is two code points, offsets after it are str indices
    check("code point offsets", text[gold[3]["start"]:gold[3]["end"]], "Steve Witkoff")

    # 1. gold as prediction -> 1.0
    res, _ = evaluate([("gum_dev", [doc])], {"d1": gold})
    check("gold exact F1", res["overall"]["exact"]["f1"], 1.0)
    check("gold untyped F1", res["overall"]["untyped"]["f1"], 1.0)
    # 2. nothing predicted -> 0
    res, _ = evaluate([("gum_dev", [doc])], {})
    check("empty P undefined", res["overall"]["exact"]["precision"], None)
    check("empty R", res["overall"]["exact"]["recall"], 0.0)
    check("empty F1", res["overall"]["exact"]["f1"], 0.0)
    # 3. leading "The" in the prediction: wrong exactly, right with 'the' off
    the_us = {"start": 0, "end": gold[0]["end"], "type": "GPE"}
    pred = [the_us] + gold[1:]
    res, _ = evaluate([("gum_dev", [doc])], {"d1": pred})
    check("the: exact TP", res["overall"]["exact"]["tp"], 4)
    check("the: exact FP", res["overall"]["exact"]["fp"], 1)
    check("the: variant F1", res["overall"]["the"]["f1"], 1.0)
    # 4. wrong type: FP of one type, FN of the other; untyped still right
    pred = [dict(gold[4], type="LOC")] + gold[:4]
    res, _ = evaluate([("gum_dev", [doc])], {"d1": pred})
    t = res["files"]["gum_dev"]["exact"]["types"]
    check("wrong type LOC fp", t["LOC"]["fp"], 1)
    check("wrong type GPE fn", t["GPE"]["fn"], 1)
    check("wrong type untyped F1", res["overall"]["untyped"]["f1"], 1.0)
    # 5. NORP: unmatched predicted NORP is not an FP; gold NORP counts in recall
    gold_n = gold + [span("Russian", "NORP")]
    doc_n = dict(doc, entities=gold_n)
    pred = gold + [{"start": 0, "end": 3, "type": "NORP"}]  # "The" as NORP: not counted
    res, _ = evaluate([("gum_dev", [doc_n])], {"d1": pred})
    o = res["overall"]["exact"]
    check("NORP fp not counted", o["fp"], 0)
    check("NORP precision", o["precision"], 1.0)
    check("NORP recall", o["recall"], 5 / 6)
    n = res["files"]["gum_dev"]["exact"]["types"]["NORP"]
    check("NORP has no precision", n["precision"], None)
    check("NORP recall 0", n["recall"], 0.0)
    check("NORP unmatched noted", n.get("fp_not_counted"), 1)
    # NORP TP does not raise precision
    pred = [dict(gold[0], type="ORG"), span("Russian", "NORP")]
    res, _ = evaluate([("gum_dev", [doc_n])], {"d1": pred})
    check("NORP TP not in precision", res["overall"]["exact"]["precision"], 0.0)
    check("NORP TP in recall", res["overall"]["exact"]["recall"], 1 / 6)
    # 6. UNER: predicted GPE/FAC -> LOC, NORP ignored, gold LOC
    gold_u = [dict(g, type="LOC") if g["type"] == "GPE" else g for g in gold]
    doc_u = dict(doc, id="u1", entities=gold_u)
    pred = gold[:3] + [dict(gold[3]), dict(gold[4], type="FAC"), span("Russian", "NORP")]
    res, _ = evaluate([("uner_pud_dev", [doc_u])], {"u1": pred})
    check("uner mapped F1", res["overall"]["exact"]["f1"], 1.0)
    check("uner types", res["files"]["uner_pud_dev"]["types"], ["PERSON", "ORG", "LOC"])
    # 7. duplicates collapse; out-of-set types ignored
    pred = gold + gold + [{"start": 0, "end": 3, "type": "DATE"}]
    res, _ = evaluate([("gum_dev", [doc])], {"d1": pred})
    check("duplicates F1", res["overall"]["exact"]["f1"], 1.0)
    # 8. two files combined: micro over both
    res, _ = evaluate([("gum_dev", [doc]), ("uner_pud_dev", [doc_u])], {"d1": gold})
    check("combined recall", res["overall"]["exact"]["recall"], 0.5)
    check("combined precision", res["overall"]["exact"]["precision"], 1.0)
    # 9. binary output form (entities with mentions) flattens
    flat = flatten_entities([{"id": "e1", "name": "Russia", "type": "GPE",
                              "mentions": [{"start": 1, "end": 2, "text": "x"}, {"start": 5, "end": 7}]}])
    check("flatten", [(f["start"], f["end"], f["type"]) for f in flat], [(1, 2, "GPE"), (5, 7, "GPE")])
    check("id from source", id_from_source("/tmp/x/GUM_news_crane.txt"), "GUM_news_crane")
    # 10. strip_the
    check("strip The", strip_the("The Hague", 0, 9), (4, 9))
    check("strip the only word", strip_the("the", 0, 3), (0, 3))
    check("no strip Theresa", strip_the("Theresa May", 0, 11), (0, 11))
    # 11. partial overlap is wrong
    pred = [{"start": gold[2]["start"], "end": gold[2]["end"] - 1, "type": "PERSON"}]
    res, _ = evaluate([("gum_dev", [doc])], {"d1": pred})
    check("partial span", res["overall"]["exact"]["tp"], 0)
    # 12. --types restricts
    res, _ = evaluate([("gum_dev", [doc])], {"d1": gold[2:4]}, types={"PERSON"})
    check("types restrict", res["overall"]["exact"]["f1"], 1.0)

    if failures:
        for f in failures:
            print("FAIL", f)
        print(f"selftest: {len(failures)} failed")
        return 1
    print("selftest: all checks passed")
    return 0


# ---------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(description="Score Backchannel NER on the development data (see docstring).")
    ap.add_argument("--binary", help="backchannel binary (default .build/release/backchannel, else debug)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"data folder (default {DEFAULT_DATA})")
    ap.add_argument("--files", nargs="+", default=DEFAULT_FILES,
                    help="file names in the data folder, without .jsonl (default: gum_dev uner_pud_dev)")
    ap.add_argument("--types", nargs="+", help="score only these types (default: the README's set per file)")
    ap.add_argument("--predictions", type=Path,
                    help="JSONL of {id, entities:[{start,end,type}]} to score instead of running the binary")
    ap.add_argument("--save-predictions", type=Path, help="write the scored predictions as flat JSONL")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print N example false positives and negatives per type and file")
    ap.add_argument("--selftest", action="store_true", help="check the scorer on hand-made cases")
    args = ap.parse_args(argv)

    if args.selftest:
        return selftest()
    if not args.data.is_dir():
        print(f"eval_ner: data folder {args.data} not found; skipping", file=sys.stderr)
        return 0
    files = []
    for name in args.files:
        path = args.data / (name if name.endswith(".jsonl") else name + ".jsonl")
        if not path.exists():
            print(f"eval_ner: {path} not found; skipping it", file=sys.stderr)
            continue
        files.append((path.stem, load_jsonl(path)))
    if not files:
        print("eval_ner: no data files; skipping", file=sys.stderr)
        return 0
    docs_by_id = {}
    for name, docs in files:
        for d in docs:
            if d["id"] in docs_by_id:
                raise SystemExit(f"duplicate document id {d['id']} in {name}")
            docs_by_id[d["id"]] = d

    warnings = []
    if args.predictions:
        preds = read_predictions_file(args.predictions)
        unknown = [k for k in preds if k not in docs_by_id]
        if unknown:
            warnings.append(f"{len(unknown)} prediction id(s) not in the data, ignored: {', '.join(map(str, unknown[:5]))}")
    else:
        all_docs = [d for _, docs in files for d in docs]
        preds = run_binary(find_binary(args.binary), all_docs, warnings)
    check_prediction_texts(docs_by_id, preds, warnings)

    if args.save_predictions:
        with open(args.save_predictions, "w", encoding="utf-8") as fh:
            for doc_id in docs_by_id:
                ents = [{"start": e["start"], "end": e["end"], "type": e["type"]} for e in preds.get(doc_id, [])]
                fh.write(json.dumps({"id": doc_id, "entities": ents}, ensure_ascii=False) + "\n")

    result, errors = evaluate(files, preds, set(args.types) if args.types else None,
                              collect_errors=args.errors > 0)
    result["warnings"] = warnings
    for w in warnings:
        print(f"eval_ner: warning: {w}", file=sys.stderr)
    if args.json:
        json.dump(result, sys.stdout, indent=1)
        print()
    else:
        print_report(result)
    if args.errors > 0:
        print_errors(errors, docs_by_id, preds, args.errors, out=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet under `| head`
    sys.exit(main())
