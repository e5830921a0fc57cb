#!/usr/bin/env python3
"""Check the entity, quote and event gold annotations in Corpus/gold/ against the article sources.

Usage:
    python3 scripts/check_gold.py        # prints per-type, per-kind and per-event-type counts, then OK (exit 0) or the errors (exit 1)
    python3 scripts/check_gold.py --quiet   # only OK or the errors

Counts are given per split (``SPLITS``). The held-out split is named in ``corpus_splits.HELD_OUT``
(with the spent ones in that module's docstring): score it once, at the end of a piece of work.
Every other split is development data (see
"Splits" in Corpus/README.md). The counts include the held-out split's; pass ``--quiet`` to print
only OK or the errors.

Quotes (``"quotes"``, after ``"entities"``): one object per direct quotation of the body,
``{"text", "speaker", "cue", "kind"}``, in body order. ``text`` occurs verbatim in the body and
is what lies between the quotation marks, without them (a comma just before the closing mark,
"…,” he said", is left out); ``speaker`` is the ``name`` of an entity of the same file or
null; ``cue`` occurs in the body or is null; ``kind`` is ``full``, ``partial`` or ``scare``
(scare quotes have no speaker). Every double-quoted span of the body (curly or straight; a
quotation continued over paragraphs, each reopened with an opening mark, is one span) must
be one gold quote, in order, and vice versa.

Events (``"events"``, after ``"quotes"``): ``{"type", "mode", "actors", "targets", "place", "date",
"modality", "sentence"}`` plus optional ``position``, ``casualties`` and ``amounts``. ``type`` is a
PLOVER type or STATEMENT / APPEAL; ``mode`` is one of the modes of its type (CONSULT, AID) or
null; ``actors`` / ``targets`` are lists of distinct ``name``s of ORG, GPE or PERSON entities of
the same file; ``place`` is the name of a GPE, LOC or FAC entity or null; ``date`` is null,
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a real date); ``modality`` is asserted, denied, planned,
hypothetical or reported; ``sentence`` is one sentence of one block, verbatim. ``position``
(DEMAND, REJECT, CONCEDE, AGREE, REQUEST only) is ``{"issue", "stance", "holder", "addressee"}``
with a stance of demands / offers / accepts / rejects and entity names (or null) for holder and
addressee; ``casualties`` is ``{"killed"?: int, "injured"?: int}``; ``amounts`` are money strings
that occur in the sentence. No two events share type, actors, targets and sentence.

Python standard library only. See "Gold entity annotations" in Corpus/README.md for the rules.
"""

import datetime
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Corpus")
TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
KEYS = {"name", "type", "mentions", "roles", "affiliation"}
OPTIONAL = {"refersTo"}
# affiliation / refersTo normally name another entity of the same file; when the article never
# names that country or organisation, its standard English name is used and must be listed here.
QUOTE_KEYS = {"text", "speaker", "cue", "kind"}
QUOTE_KINDS = ("full", "partial", "scare")
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
               "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "CRIME", "MOBILIZE",
               "COERCE", "ASSAULT", "FIGHT", "ACCUSE", "REQUEST", "STATEMENT", "APPEAL")
EVENT_MODES = {"CONSULT": ("visit", "phone", "meeting", "mediation"),
               "AID": ("military", "economic", "humanitarian")}
MODALITIES = ("asserted", "denied", "planned", "hypothetical", "reported")
STANCES = ("demands", "offers", "accepts", "rejects")
POSITION_TYPES = {"DEMAND", "REJECT", "CONCEDE", "AGREE", "REQUEST"}
EVENT_KEYS = ("type", "mode", "actors", "targets", "place", "date", "modality", "sentence")
EVENT_OPTIONAL = {"position", "casualties", "amounts"}
ACTOR_TYPES = {"ORG", "GPE", "PERSON"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
# The held-out split is corpus_splits.HELD_OUT; the others are development data.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_splits import SPLITS  # noqa: E402
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CANONICAL = {"United States", "Russia", "Ukraine", "United Kingdom", "Germany", "Italy", "Turkey",
             "Israel", "Iran", "Pakistan", "India", "Rwanda", "France", "Finland"}


def body_text(article):
    return "\n\n".join(b["text"] for b in article["blocks"])


def check_file(slug, body, gold, err):
    if gold.get("slug") != slug:
        err("%s: slug is %r" % (slug, gold.get("slug")))
    if list(gold) != ["slug", "entities", "quotes", "events"]:
        err("%s: top-level keys %s (want slug, entities, quotes, events in that order)" % (slug, list(gold)))
    ents = gold.get("entities", [])
    names = [e.get("name") for e in ents]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        err("%s: duplicate names %s" % (slug, dupes))
    owner = {}
    for e in ents:
        name = e.get("name")
        where = "%s: %r" % (slug, name)
        keys = set(e)
        if not KEYS <= keys or keys - KEYS - OPTIONAL:
            err("%s: keys %s" % (where, sorted(keys)))
            continue
        if not isinstance(name, str) or not name.strip():
            err("%s: empty name" % where)
        if e["type"] not in TYPES:
            err("%s: bad type %r" % (where, e["type"]))
        ms = e["mentions"]
        if not isinstance(ms, list) or not ms:
            err("%s: no mentions" % where)
            ms = []
        if len(set(ms)) != len(ms):
            err("%s: repeated mention" % where)
        for m in ms:
            if not isinstance(m, str) or not m or m != m.strip():
                err("%s: bad mention %r" % (where, m))
                continue
            if m not in body:
                err("%s: mention %r not in body" % (where, m))
            if m.endswith(("’s", "'s")) or m.startswith("the "):
                err("%s: mention %r keeps a possessive or a leading 'the'" % (where, m))
            if m in owner and owner[m] != name:
                err("%s: mention %r also belongs to %r" % (where, m, owner[m]))
            owner[m] = name
        roles = e["roles"]
        if not isinstance(roles, list):
            err("%s: roles must be a list" % where)
            roles = []
        if e["type"] != "PERSON":
            if roles:
                err("%s: only PERSON entities have roles" % where)
            if e["affiliation"] is not None:
                err("%s: only PERSON entities have an affiliation" % where)
        for r in roles:
            if not isinstance(r, str) or r not in body:
                err("%s: role %r not in body" % (where, r))
        for key in ("affiliation", "refersTo"):
            v = e.get(key)
            if v is None:
                if key in e and key == "refersTo":
                    err("%s: refersTo must be omitted rather than null" % where)
                continue
            if v == name:
                err("%s: %s points to itself" % (where, key))
            elif v not in names and v not in CANONICAL:
                err("%s: %s %r is neither an entity of this file nor a canonical name" % (where, key, v))
    check_quotes(slug, body, gold.get("quotes", []), set(names), err)
    check_events(slug, body, gold.get("events", []), {e.get("name"): e.get("type") for e in ents}, err)
    return ents


def valid_date(v):
    if not isinstance(v, str) or not DATE_RE.match(v):
        return False
    parts = [int(x) for x in v.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return 1900 <= parts[0] <= 2100


def check_events(slug, body, events, etype, err):
    """etype: entity name -> entity type for this file."""
    if not isinstance(events, list):
        err("%s: events must be a list" % slug)
        return
    blocks = body.split("\n\n")
    seen = set()
    for i, ev in enumerate(events):
        where = "%s: event %d" % (slug, i)
        if not isinstance(ev, dict):
            err("%s: not an object" % where)
            continue
        keys = list(ev)
        if keys[:len(EVENT_KEYS)] != list(EVENT_KEYS) or set(keys[len(EVENT_KEYS):]) - EVENT_OPTIONAL:
            err("%s: keys %s (want %s in that order, then optional %s)" % (
                where, keys, ", ".join(EVENT_KEYS), ", ".join(sorted(EVENT_OPTIONAL))))
            continue
        t = ev["type"]
        where = "%s: event %d (%s)" % (slug, i, t)
        if t not in EVENT_TYPES:
            err("%s: bad type %r" % (where, t))
        mode = ev["mode"]
        if mode is not None and mode not in EVENT_MODES.get(t, ()):
            err("%s: mode %r not allowed for %s (modes: %s)" % (where, mode, t, EVENT_MODES.get(t, "none")))
        if ev["modality"] not in MODALITIES:
            err("%s: bad modality %r" % (where, ev["modality"]))

        def name_ok(n, types, what):
            if not isinstance(n, str) or n not in etype:
                err("%s: %s %r is not an entity name of this file" % (where, what, n))
            elif etype[n] not in types:
                err("%s: %s %r is a %s (want %s)" % (where, what, n, etype[n], "/".join(sorted(types))))

        for role in ("actors", "targets"):
            vs = ev[role]
            if not isinstance(vs, list):
                err("%s: %s must be a list" % (where, role))
                continue
            if len(set(map(str, vs))) != len(vs):
                err("%s: repeated name in %s" % (where, role))
            for n in vs:
                name_ok(n, ACTOR_TYPES, role[:-1])
        if isinstance(ev["actors"], list) and isinstance(ev["targets"], list) and \
                set(map(str, ev["actors"])) & set(map(str, ev["targets"])):
            err("%s: a name is both actor and target" % where)
        if ev["place"] is not None:
            name_ok(ev["place"], PLACE_TYPES, "place")
        if ev["date"] is not None and not valid_date(ev["date"]):
            err("%s: bad date %r (want YYYY, YYYY-MM or YYYY-MM-DD)" % (where, ev["date"]))
        sent = ev["sentence"]
        if not isinstance(sent, str) or not sent or sent != sent.strip():
            err("%s: bad sentence %r" % (where, sent))
            sent = ""
        elif not any(sent in b for b in blocks):
            err("%s: sentence not in body (within one block): %r" % (where, sent[:60]))
        pos = ev.get("position")
        if pos is not None:
            if t not in POSITION_TYPES:
                err("%s: position only on %s" % (where, ", ".join(sorted(POSITION_TYPES))))
            if not isinstance(pos, dict) or set(pos) != {"issue", "stance", "holder", "addressee"}:
                err("%s: position keys %s" % (where, sorted(pos) if isinstance(pos, dict) else pos))
            else:
                if not isinstance(pos["issue"], str) or not pos["issue"].strip():
                    err("%s: empty position issue" % where)
                if pos["stance"] not in STANCES:
                    err("%s: bad stance %r" % (where, pos["stance"]))
                for k in ("holder", "addressee"):
                    if pos[k] is not None:
                        name_ok(pos[k], ACTOR_TYPES, "position " + k)
        cas = ev.get("casualties")
        if cas is not None:
            if not isinstance(cas, dict) or not cas or set(cas) - {"killed", "injured"} or \
                    any(not isinstance(v, int) or isinstance(v, bool) or v < 0 for v in cas.values()):
                err("%s: bad casualties %r" % (where, cas))
        amts = ev.get("amounts")
        if amts is not None:
            if not isinstance(amts, list) or not amts:
                err("%s: amounts must be a non-empty list" % where)
            else:
                for a in amts:
                    if not isinstance(a, str) or not a or a not in sent:
                        err("%s: amount %r not in the sentence" % (where, a))
        key = (t, tuple(sorted(map(str, ev["actors"] or []))), tuple(sorted(map(str, ev["targets"] or []))), sent)
        if key in seen:
            err("%s: same type, actors, targets and sentence as an earlier event" % where)
        seen.add(key)


def quoted_spans(body):
    """(start, end) of every double-quoted span of body, without the marks, and a list of
    problems (unbalanced marks). “ opens, ” closes, a straight " opens or closes. A paragraph
    that ends inside a quotation continues it when the next paragraph starts with an opening
    mark (news style); that mark is part of the span."""
    spans, problems = [], []
    open_at = None
    pos = 0
    for para in body.split("\n\n"):
        if open_at is not None and not para.startswith(("\u201c", '"')):
            problems.append("unclosed quotation at %d: %r" % (open_at, body[open_at:open_at + 40]))
            open_at = None
        for i, c in enumerate(para):
            at = pos + i
            if i == 0 and open_at is not None:
                continue  # the reopening mark of a continued quotation
            if c == "\u201c" or (c == '"' and open_at is None):
                if open_at is not None:
                    problems.append("opening mark inside a quotation at %d" % at)
                open_at = at + 1
            elif c == "\u201d" or c == '"':
                if open_at is None:
                    problems.append("closing mark without an opening one at %d" % at)
                else:
                    spans.append((open_at, at))
                    open_at = None
        pos += len(para) + 2
    if open_at is not None:
        problems.append("unclosed quotation at %d: %r" % (open_at, body[open_at:open_at + 40]))
    return spans, problems


def check_quotes(slug, body, quotes, names, err):
    if not isinstance(quotes, list):
        err("%s: quotes must be a list" % slug)
        return
    for i, q in enumerate(quotes):
        where = "%s: quote %d" % (slug, i)
        if not isinstance(q, dict) or set(q) != QUOTE_KEYS:
            err("%s: keys %s" % (where, sorted(q) if isinstance(q, dict) else q))
            continue
        t = q["text"]
        if not isinstance(t, str) or not t or t != t.strip():
            err("%s: bad text %r" % (where, t))
            continue
        where = "%s: quote %r" % (slug, t[:40])
        if t not in body:
            err("%s: text not in body" % where)
        if t[0] in "\u201c\u201d\"\u2018" or t[-1] in "\u201c\u201d\"\u2019":
            err("%s: text keeps its quotation marks" % where)
        if q["speaker"] is not None and q["speaker"] not in names:
            err("%s: speaker %r is not an entity name of this file" % (where, q["speaker"]))
        if q["cue"] is not None and (not isinstance(q["cue"], str) or not q["cue"].strip()
                                     or q["cue"] not in body):
            err("%s: cue %r not in body" % (where, q["cue"]))
        if q["kind"] not in QUOTE_KINDS:
            err("%s: bad kind %r" % (where, q["kind"]))
        elif q["kind"] == "scare" and q["speaker"] is not None:
            err("%s: a scare quote has no speaker" % where)
    spans, problems = quoted_spans(body)
    for p in problems:
        err("%s: %s" % (slug, p))
    found = []
    for a, b in spans:
        t = body[a:b].strip()
        found.append(t[:-1].rstrip() if t.endswith(",") else t)
    have = [q.get("text") for q in quotes if isinstance(q, dict)]
    if found != have:
        for t in found:
            if t not in have:
                err("%s: quoted span %r has no gold quote" % (slug, t))
        for t in have:
            if t not in found:
                err("%s: gold quote %r is not a quoted span of the body" % (slug, t))
        if sorted(found) == sorted(have):
            err("%s: gold quotes are not in body order" % slug)


def main():
    errors = []
    err = errors.append
    articles = {}
    for p in sorted(glob.glob(os.path.join(CORPUS, "articles", "*.json"))):
        a = json.load(open(p, encoding="utf-8"))
        articles[a["slug"]] = a
    gold_paths = {os.path.basename(p)[:-5]: p for p in glob.glob(os.path.join(CORPUS, "gold", "*.json"))}
    for slug in sorted(set(gold_paths) - set(articles)):
        err("gold/%s.json: no such article" % slug)
    counts = {t: 0 for t in sorted(TYPES)}
    scounts = {}
    n_mentions = 0
    qcounts = {}
    ecounts = {}
    mcounts = {}
    for slug, a in sorted(articles.items()):
        if slug not in gold_paths:
            err("%s: missing gold/%s.json" % (slug, slug))
            continue
        try:
            gold = json.load(open(gold_paths[slug], encoding="utf-8"))
        except ValueError as e:
            err("gold/%s.json: %s" % (slug, e))
            continue
        for e in check_file(slug, body_text(a), gold, err):
            if e.get("type") in counts:
                counts[e["type"]] += 1
                key = (a.get("split"), e["type"])
                scounts[key] = scounts.get(key, 0) + 1
            n_mentions += len(e.get("mentions") or [])
        for q in gold.get("quotes") or []:
            if isinstance(q, dict):
                key = (a.get("split"), q.get("kind"))
                qcounts[key] = qcounts.get(key, 0) + 1
        for ev in gold.get("events") or []:
            if isinstance(ev, dict):
                key = (a.get("split"), ev.get("type"))
                ecounts[key] = ecounts.get(key, 0) + 1
                key = (a.get("split"), ev.get("modality"))
                mcounts[key] = mcounts.get(key, 0) + 1
    if errors:
        for e in errors:
            print(e)
        print("%d error(s)" % len(errors))
        return 1
    if "--quiet" in sys.argv[1:]:
        print("OK")
        return 0
    print("gold files: %d  entities: %d  mention strings: %d" % (
        len(articles), sum(counts.values()), n_mentions))
    print("  " + "  ".join("%s %d" % kv for kv in counts.items()))
    for split in SPLITS:
        print("  %-7s %3d  " % (split, sum(n for (sp, _), n in scounts.items() if sp == split))
              + "  ".join("%s %d" % (t, scounts.get((split, t), 0)) for t in counts))
    print("quotes: %d" % sum(qcounts.values()))
    for split in SPLITS:
        print("  %-7s %3d  " % (split, sum(n for (sp, _), n in qcounts.items() if sp == split))
              + "  ".join("%s %d" % (k, qcounts.get((split, k), 0)) for k in QUOTE_KINDS))
    print("events: %d" % sum(ecounts.values()))
    for split in SPLITS:
        print("  %-7s %3d  " % (split, sum(n for (sp, _), n in ecounts.items() if sp == split))
              + "  ".join("%s %d" % (k, ecounts[(split, k)]) for k in EVENT_TYPES if (split, k) in ecounts))
        print("         modality  " + "  ".join("%s %d" % (k, mcounts.get((split, k), 0)) for k in MODALITIES))
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
