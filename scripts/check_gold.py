#!/usr/bin/env python3
"""Check the entity gold annotations in Corpus/gold/ against the article sources.

Usage:
    python3 scripts/check_gold.py        # prints per-type counts, then OK (exit 0) or the errors (exit 1)

Python standard library only. See "Gold entity annotations" in Corpus/README.md for the rules.
"""

import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Corpus")
TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
KEYS = {"name", "type", "mentions", "roles", "affiliation"}
OPTIONAL = {"refersTo"}
# affiliation / refersTo normally name another entity of the same file; when the article never
# names that country or organisation, its standard English name is used and must be listed here.
CANONICAL = {"United States", "Russia", "Ukraine", "United Kingdom", "Germany", "Italy", "Turkey",
             "Israel", "Iran", "Pakistan", "India", "Rwanda"}


def body_text(article):
    return "\n\n".join(b["text"] for b in article["blocks"])


def check_file(slug, body, gold, err):
    if gold.get("slug") != slug:
        err("%s: slug is %r" % (slug, gold.get("slug")))
    if set(gold) != {"slug", "entities"}:
        err("%s: top-level keys %s" % (slug, sorted(gold)))
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
    return ents


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
    n_mentions = 0
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
            n_mentions += len(e.get("mentions") or [])
    if errors:
        for e in errors:
            print(e)
        print("%d error(s)" % len(errors))
        return 1
    print("gold files: %d  entities: %d  mention strings: %d" % (
        len(articles), sum(counts.values()), n_mentions))
    print("  " + "  ".join("%s %d" % kv for kv in counts.items()))
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
