#!/usr/bin/env python3
"""Writes a synthetic corpus of news pages for the store benchmarks.

Every sentence comes from the team's own templates below, filled with generated names:
several storylines (ceasefire talks, sanctions, aid pledges, strikes, mediation, protests),
a few thousand actors, three site templates with menus, share buttons and footers, and
syndicated near-copies (one in ten pages is another outlet's copy of a wire story with a
new headline and a closing line). Deterministic for a given --seed.

    python3 scripts/make_synthetic_corpus.py --count 100000 --out /tmp/bc-synth-100k
    python3 scripts/make_synthetic_corpus.py --count 100000 --in-date-order --out /tmp/bc-synth-100k-ordered
"""
import argparse
import datetime
import os
import random

FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hassan", "Irina", "Jonas", "Karim", "Leila",
         "Marta", "Nikolai", "Olga", "Pavel", "Rania", "Samir", "Tomas", "Ursula", "Viktor", "Yasmin", "Zoran", "Amir",
         "Beatriz", "Chen", "Daria", "Emil", "Fatima", "Goran", "Helena", "Ivan", "Julia", "Kemal", "Lucia", "Milan"]
LAST = ["Petrenko", "Novak", "Haddad", "Kovacs", "Mansour", "Lindqvist", "Okafor", "Sato", "Moreno", "Demir", "Ivanova",
        "Brandt", "Rahimi", "Costa", "Nilsen", "Farouk", "Shevchuk", "Almeida", "Kaur", "Varga", "Osei", "Tanaka",
        "Romero", "Aziz", "Horvat", "Lund", "Mendes", "Qureshi", "Sokolov", "Yilmaz", "Zeller", "Abbasi", "Berg", "Cruz"]
COUNTRIES = [("Ukraine", "Kyiv", "Ukrainian"), ("Russia", "Moscow", "Russian"), ("Iran", "Tehran", "Iranian"),
             ("Oman", "Muscat", "Omani"), ("Turkey", "Ankara", "Turkish"), ("Qatar", "Doha", "Qatari"),
             ("Egypt", "Cairo", "Egyptian"), ("Israel", "Jerusalem", "Israeli"), ("France", "Paris", "French"),
             ("Germany", "Berlin", "German"), ("Poland", "Warsaw", "Polish"), ("Sudan", "Khartoum", "Sudanese"),
             ("Ethiopia", "Addis Ababa", "Ethiopian"), ("Armenia", "Yerevan", "Armenian"), ("Azerbaijan", "Baku", "Azerbaijani"),
             ("Serbia", "Belgrade", "Serbian"), ("Kenya", "Nairobi", "Kenyan"), ("Colombia", "Bogota", "Colombian")]
VENUES = ["Geneva", "Istanbul", "Riyadh", "Vienna", "Oslo", "Helsinki", "Rome", "Abu Dhabi", "Jeddah", "Brussels"]
ROLES = ["foreign minister", "defence minister", "special envoy", "national security adviser", "president",
         "prime minister", "spokesman", "chief negotiator", "ambassador", "deputy foreign minister"]
ISSUES = ["a 30-day ceasefire", "a prisoner exchange", "the return of displaced civilians", "sanctions relief",
          "security guarantees", "limits on uranium enrichment", "a humanitarian corridor", "the reopening of border crossings"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SITES = [("Continental Wire", "wire"), ("The Harbour Ledger", "ledger"), ("Meridian Daily", "meridian")]


def person(rng):
    return rng.choice(FIRST) + " " + rng.choice(LAST)


def cast(rng):
    a, b = rng.sample(COUNTRIES, 2)
    return {
        "a": a, "b": b, "venue": rng.choice(VENUES), "issue": rng.choice(ISSUES),
        "pa": person(rng), "ra": rng.choice(ROLES), "pb": person(rng), "rb": rng.choice(ROLES),
        "mediator": person(rng), "mcountry": rng.choice(COUNTRIES),
        "amount": rng.choice([120, 250, 400, 750, 1200, 2400]), "killed": rng.randint(2, 40), "day": rng.choice(WEEKDAYS),
    }


def storyline(rng, c):
    kind = rng.choice(["talks", "sanctions", "aid", "strike", "mediation", "protest"])
    a, b = c["a"], c["b"]
    lines = {
        "talks": [
            f"{a[2]} {c['ra']} {c['pa']} met {b[2]} {c['rb']} {c['pb']} in {c['venue']} on {c['day']} for a new round of talks on {c['issue']}.",
            f"{c['pa']} said the discussions had been \u201cserious and detailed\u201d but that no agreement had been reached.",
            f"Officials from {b[0]} said {c['pb']} had asked for {c['issue']} to come first, a demand {a[1]} has rejected before.",
            f"The two delegations are expected to meet again in {c['venue']} next week, according to a diplomat briefed on the talks.",
        ],
        "sanctions": [
            f"{a[0]} imposed new sanctions on {b[2]} banks and energy companies on {c['day']}, freezing assets worth about ${c['amount']} million.",
            f"{c['pa']}, {a[0]}'s {c['ra']}, said the measures would stay until {b[1]} agreed to {c['issue']}.",
            f"{b[2]} officials condemned the decision, and {c['pb']} warned that {b[0]} would respond \u201cin kind\u201d.",
            f"Analysts said the new listings would mostly hit trade routes that run through third countries.",
        ],
        "aid": [
            f"{a[0]} pledged ${c['amount']} million in humanitarian aid for {b[0]} at a donors' conference in {c['venue']} on {c['day']}.",
            f"The package will pay for food, shelter and medical supplies, {c['pa']}, the {c['ra']}, told reporters.",
            f"Aid agencies said the pledge covered less than half of what they had asked for this year.",
            f"{c['pb']} thanked donors and asked them to move faster on {c['issue']}.",
        ],
        "strike": [
            f"A strike on the outskirts of {b[1]} killed {c['killed']} people on {c['day']}, local officials said.",
            f"{b[2]} authorities blamed {a[2]} forces for the attack; {a[1]} denied targeting civilians.",
            f"{c['pb']}, {b[0]}'s {c['rb']}, called the strike \u201ca deliberate escalation\u201d and demanded an international investigation.",
            f"Rescue teams were still searching the rubble late into the night.",
        ],
        "mediation": [
            f"{c['mcountry'][0]} offered to mediate between {a[0]} and {b[0]} after {c['mediator']} visited both capitals this week.",
            f"{c['mediator']} said both sides had agreed in principle to indirect talks on {c['issue']}.",
            f"{a[2]} officials welcomed the offer, while {b[1]} said it would study the proposal.",
            f"Previous attempts at mediation collapsed last year over the sequence of steps.",
        ],
        "protest": [
            f"Thousands of people marched through central {a[1]} on {c['day']} to protest against the government's handling of {c['issue']}.",
            f"Police said the demonstration was largely peaceful, although several people were detained near the parliament.",
            f"Opposition leader {c['pa']} told the crowd that the talks with {b[0]} had been kept secret for too long.",
            f"The government said it would hold a briefing for lawmakers next week.",
        ],
    }[kind]
    filler = [
        f"The {a[2]} and {b[2]} governments have traded accusations for months over the issue.",
        f"Diplomats in {c['venue']} said the coming weeks would show whether either side was ready to move.",
        f"Neither {c['pa']} nor {c['pb']} took questions after the meeting.",
        f"Markets in the region were little changed after the announcement.",
    ]
    body = lines + rng.sample(filler, rng.randint(2, 4))
    title = {
        "talks": f"{a[2]} and {b[2]} officials hold talks in {c['venue']} on {c['issue']}",
        "sanctions": f"{a[0]} widens sanctions on {b[0]} as pressure over {c['issue']} grows",
        "aid": f"{a[0]} pledges ${c['amount']}m in aid for {b[0]}",
        "strike": f"Strike near {b[1]} kills {c['killed']}, officials say",
        "mediation": f"{c['mcountry'][0]} offers to mediate between {a[0]} and {b[0]}",
        "protest": f"Thousands protest in {a[1]} over {c['issue']}",
    }[kind]
    return title, body


def page(site, slug, title, body, date, author, extra=""):
    name, style = site
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body) + (f"\n<p>{extra}</p>" if extra else "")
    nav = "".join(f'<li><a href="/{s}">{s.title()}</a></li>' for s in ["world", "europe", "middle-east", "africa", "opinion", "video"])
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {name}</title>
<link rel="canonical" href="https://{style}.example/{date:%Y/%m/%d}/{slug}">
<meta property="og:site_name" content="{name}"><meta property="article:published_time" content="{date:%Y-%m-%d}T09:00:00Z">
<meta name="author" content="{author}"></head>
<body class="{style}"><header><nav><ul>{nav}</ul></nav><div class="subscribe">Subscribe for $1 a week</div></header>
<main><article><h1>{title}</h1><p class="byline">By {author}</p><time datetime="{date:%Y-%m-%d}">{date:%d %B %Y}</time>
<div class="share"><a href="#">Share on X</a><a href="#">Email</a></div>
{paragraphs}
</article><aside class="newsletter"><h3>Morning briefing</h3><p>Sign up for our daily newsletter.</p></aside></main>
<footer><p>&copy; {date:%Y} {name}. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--in-date-order", action="store_true",
                    help="give the articles dates that rise with their number over the two years, as a crawl or a feed delivers them "
                         "(the default draws each date at random); the words are the same")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    start = datetime.date(2024, 1, 1)
    wire_stories = []
    per_folder = 1000
    for i in range(args.count):
        folder = os.path.join(args.out, f"{i // per_folder:04d}")
        os.makedirs(folder, exist_ok=True)
        date = start + datetime.timedelta(days=rng.randrange(730))
        if args.in_date_order:
            date = start + datetime.timedelta(days=i * 730 // args.count)
        if wire_stories and rng.random() < 0.1:
            # A syndicated copy: another outlet, a new headline, a closing line.
            title, body, wdate = rng.choice(wire_stories)
            site = rng.choice(SITES[1:])
            html = page(site, f"copy-{i}", "Update: " + title, body, wdate, "Staff", extra=f"This story was first published by {SITES[0][0]}.")
        else:
            title, body = storyline(rng, cast(rng))
            site = rng.choice(SITES)
            html = page(site, f"story-{i}", title, body, date, person(rng))
            if site == SITES[0] and len(wire_stories) < 5000:
                wire_stories.append((title, body, date))
        with open(os.path.join(folder, f"{i:06d}.html"), "w", encoding="utf-8") as f:
            f.write(html)


if __name__ == "__main__":
    main()
