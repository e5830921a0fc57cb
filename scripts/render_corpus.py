#!/usr/bin/env python3
"""Render the Backchannel article corpus into HTML / plain-text test fixtures.

Reads   Corpus/articles/*.json
Writes  Corpus/html/<slug>.html          (every article, in its template)
        Corpus/text/<slug>.txt           (articles whose template is thinktank or wire)
        Corpus/expected/<slug>.html.json
        Corpus/expected/<slug>.txt.json

Usage:
    python3 scripts/render_corpus.py            # (re)render everything
    python3 scripts/render_corpus.py --check    # validate sources and the rendered files

Python standard library only. Output is deterministic: no clocks, no randomness
(choices that look random are derived from zlib.crc32 of the slug).
See Corpus/README.md for the templates and the rules behind the expected files.
"""

import argparse
import glob
import html
import html.entities
import json
import math
import os
import re
import sys
import textwrap
import unicodedata
import zlib
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Corpus")
ARTICLES_DIR = os.path.join(CORPUS, "articles")

ARTICLE_KEYS = ["slug", "storyline", "split", "template", "title", "published", "modified",
                "authors", "categories", "tags", "description", "url", "language", "blocks", "images"]
BLOCK_KINDS = {"paragraph", "heading", "listItem", "quote"}
TEMPLATES = ["thinktank", "wire", "amp", "newsroom", "liveblog", "legacy"]
TEXT_TEMPLATES = {"thinktank", "wire"}
ARTICLE_COUNT = 456
# The splits, and which one is held out: scripts/corpus_splits.py.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_splits import SPLITS  # noqa: E402

# Legacy pages are Windows-1252 unless listed here.
LATIN1_SLUGS = {"eu-17th-sanctions-shadow-fleet"}

SITES = {
    "thinktank": {
        "name": "Meridian Policy Institute",
        "base": "https://www.meridianpolicy.org",
        "about": ("The Meridian Policy Institute is an independent, nonpartisan research organization "
                  "that studies diplomacy, security and the institutions that manage conflict. "
                  "It does not take institutional positions on policy questions."),
    },
    "wire": {
        "name": "Continental Wire",
        "base": "https://www.continentalwire.com",
        "about": ("Continental Wire is an international news agency providing text, photo and video "
                  "coverage to publishers and broadcasters in more than 90 countries."),
    },
    "amp": {"name": "The Atlas Ledger", "base": "https://www.atlasledger.com"},
    "newsroom": {"name": "Northbridge Daily", "base": "https://northbridgedaily.com"},
    "liveblog": {"name": "Harbourline News", "base": "https://www.harbourline.news"},
    "legacy": {"name": "The Valley Courier", "base": "http://www.valleycourier.co.uk"},
}

WIRE_EDITORS = ["Martin Hale", "Rosa Lindgren", "Peter Gough", "Ines Carvalho"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# Fictional filler headlines for "most read" style widgets (not corpus articles).
FILLER_HEADLINES = [
    "Storm warning issued for northern coast as winds pick up",
    "Rail fares set to rise again in spring, operators confirm",
    "Museum reopens east wing after two-year restoration",
    "Council approves plan for riverside cycle path",
    "Rare orchid found growing on disused railway line",
    "Bakery chain recalls loaves over labelling error",
]

ABBREVIATIONS = {"U.S.", "U.N.", "Lt.", "Gen.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jan.", "Feb.",
                 "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "No.", "Sen.", "Rep."}


# ---------------------------------------------------------------------------
# small helpers

def crc(s):
    return zlib.crc32(s.encode("utf-8"))


def esc(s):
    """Escape a text node."""
    return html.escape(s, quote=False)


def attr(s):
    """Escape an attribute value (for use inside double quotes)."""
    return html.escape(s, quote=True)


def slugify(s):
    s = s.replace("ø", "o").replace("Ø", "O")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def parse_dt(s):
    if "T" in s:
        return datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return datetime.strptime(s, "%Y-%m-%d").replace(tzinfo=timezone.utc)


def has_time(s):
    return s is not None and "T" in s


def date_mdy(s):  # April 11, 2025
    d = parse_dt(s)
    return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)


def date_dmy(s):  # 11 April 2025
    d = parse_dt(s)
    return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)


def time_12h(s):  # 9:45 PM
    d = parse_dt(s)
    h = d.hour % 12 or 12
    return "%d:%02d %s" % (h, d.minute, "AM" if d.hour < 12 else "PM")


def join_names(names):
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def word_count(article):
    return sum(len(b["text"].split()) for b in article["blocks"])


def read_minutes(article):
    return max(1, math.ceil(word_count(article) / 200))


def body_text(article):
    return "\n\n".join(b["text"] for b in article["blocks"])


def split_sentences(text):
    """Split on . ! ? (optionally followed by a closing quote) + space + capital/opening quote,
    except after common abbreviations such as U.S. or Feb."""
    out, start = [], 0
    for m in re.finditer(r"[.!?][”\"’]?(\s+)(?=[A-Z“\"‘(])", text):
        end = m.start(1)
        last_word = text[start:end].split()[-1] if text[start:end].split() else ""
        if last_word in ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)+", last_word):
            continue
        out.append(text[start:end].strip())
        start = m.end(1)
    out.append(text[start:].strip())
    return [s for s in out if s]


def must_contain(article):
    blocks = article["blocks"]
    first = split_sentences(blocks[0]["text"])[0]
    last = split_sentences(blocks[-1]["text"])[-1]
    items = [first, last]
    if blocks[0]["kind"] == "heading":  # live blogs: also the opening sentence of the first paragraph
        paras = [b for b in blocks if b["kind"] == "paragraph"]
        if paras:
            items.insert(1, split_sentences(paras[0]["text"])[0])
    heads = [b["text"] for b in blocks if b["kind"] == "heading"]
    if heads and heads[0] not in items:
        items.append(heads[0])
    return items


def wp_texturize(s):
    """Already-escaped text -> WordPress-style numeric entities for typographic characters."""
    for ch, ent in (("’", "&#8217;"), ("‘", "&#8216;"), ("“", "&#8220;"), ("”", "&#8221;"),
                    ("—", "&#8212;"), ("–", "&#8211;"), ("…", "&#8230;")):
        s = s.replace(ch, ent)
    return s


def named_entities(s):
    """Already-escaped text -> every non-ASCII character as a named (or numeric) entity."""
    out = []
    for ch in s:
        cp = ord(ch)
        if cp < 128:
            out.append(ch)
        elif cp in html.entities.codepoint2name:
            out.append("&%s;" % html.entities.codepoint2name[cp])
        else:
            out.append("&#%d;" % cp)
    return "".join(out)


def link_first_tag(escaped, tags, used, href_fmt):
    """Turn the first whole-word occurrence of one not-yet-linked tag into a link."""
    for tag in tags:
        if tag in used:
            continue
        m = re.search(r"(?<![\w/-])%s(?![\w-])" % re.escape(esc(tag)), escaped)
        if m:
            used.add(tag)
            a = '<a href="%s">%s</a>' % (attr(href_fmt % slugify(tag)), m.group(0))
            return escaped[:m.start()] + a + escaped[m.end():]
    return escaped


class Page:
    """Collects the boilerplate strings a template injects (-> mustNotContain)."""

    def __init__(self, article):
        self.article = article
        self.mnc = []

    def bp(self, s, enc=esc):
        if s not in self.mnc:
            self.mnc.append(s)
        return enc(s)

    def must_not_contain(self):
        text = body_text(self.article).lower()
        return [s for s in self.mnc if s.strip() and s.lower() not in text]


def related(article, all_articles, n):
    """Other corpus articles, same storyline first, deterministic."""
    others = [a for a in all_articles if a["slug"] != article["slug"]]
    others.sort(key=lambda a: (a["storyline"] != article["storyline"],
                               crc(article["slug"] + a["slug"])))
    return others[:n]


def render_blocks(article, enc, p_tag="<p>", h_open="<h2>", h_close="</h2>", ul_open="<ul>",
                  quote_open="<blockquote><p>", quote_close="</p></blockquote>",
                  linker=None, wrap=None, after=None, indent=""):
    """Render body blocks. enc: escaped-text post-processor. after(i) may return extra HTML
    to insert after block i."""
    out = []
    blocks = article["blocks"]
    i = 0
    while i < len(blocks):
        b = blocks[i]
        t = enc(esc(b["text"]))
        if linker and b["kind"] == "paragraph":
            t = linker(t)
        if wrap:
            t = wrap(t)
        if b["kind"] == "paragraph":
            out.append("%s%s%s</p>" % (indent, p_tag, t))
        elif b["kind"] == "heading":
            out.append("%s%s%s%s" % (indent, h_open, t, h_close))
        elif b["kind"] == "quote":
            out.append("%s%s%s%s" % (indent, quote_open, t, quote_close))
        elif b["kind"] == "listItem":
            items = []
            while i < len(blocks) and blocks[i]["kind"] == "listItem":
                it = enc(esc(blocks[i]["text"]))
                if wrap:
                    it = wrap(it)
                items.append("%s  <li>%s</li>" % (indent, it))
                if after:
                    extra = after(i)
                    if extra:
                        raise ValueError("cannot insert inside a list")
                i += 1
            out.append("%s%s\n%s\n%s</ul>" % (indent, ul_open, "\n".join(items), indent))
            continue
        if after:
            extra = after(i)
            if extra:
                out.append(extra)
        i += 1
    return "\n".join(out)


def json_ld(obj):
    s = json.dumps(obj, ensure_ascii=False, indent=2)
    return s.replace("</", "<\\/")


def expected_common(article, site_name):
    return {
        "title": article["title"],
        "published": article["published"],
        "modified": article["modified"],
        "authors": list(article["authors"]),
        "categories": list(article["categories"]),
        "tags": list(article["tags"]),
        "siteName": site_name,
        "language": "en",
        "url": article["url"],
        "description": article["description"],
        "text": body_text(article),
        "images": [{"src": im["src"], "caption": im["caption"], "credit": im["credit"]}
                   for im in article["images"]],
        "mustContain": must_contain(article),
    }


# ---------------------------------------------------------------------------
# 1. thinktank (WordPress)

def render_thinktank(article, all_articles):
    site = SITES["thinktank"]
    name, base = site["name"], site["base"]
    pg = Page(article)
    B = pg.bp
    tx = lambda s: wp_texturize(esc(s))
    post_id = 10000 + crc(article["slug"]) % 89999
    title = article["title"]
    B(title, tx)
    minutes = read_minutes(article)
    pub, mod = article["published"], article["modified"]
    imgs = article["images"]

    def figure(im):
        cap = "%s (Image Credit: %s)" % (im["caption"], im["credit"])
        pg.bp(im["caption"]); pg.bp("(Image Credit: %s)" % im["credit"])
        return ('<figure class="wp-block-image size-large"><img decoding="async" loading="lazy" '
                'width="1024" height="683" src="%s" alt="" class="wp-image-%d" '
                'srcset="%s 1024w, %s 300w" sizes="(max-width: 1024px) 100vw, 1024px" />'
                '<figcaption class="wp-element-caption">%s</figcaption></figure>'
                % (attr(im["src"]), post_id + 1, attr(im["src"]),
                   attr(im["src"].replace(".jpg", "-300x200.jpg")), tx(cap)))

    n = len(article["blocks"])
    second_at = max(2, n // 2)
    if article["blocks"][second_at]["kind"] == "listItem" or \
            (second_at + 1 < n and article["blocks"][second_at + 1]["kind"] == "listItem"):
        second_at = 1

    def after(i):
        if i == 0 and imgs:
            return figure(imgs[0])
        if i == second_at and len(imgs) > 1:
            return figure(imgs[1])
        return None

    used = set()
    linker = lambda t: link_first_tag(t, article["tags"], used, base + "/tag/%s/")
    body = render_blocks(article, wp_texturize, p_tag="<p>", h_open='<h2 class="wp-block-heading">',
                         ul_open='<ul class="wp-block-list">',
                         quote_open='<blockquote class="wp-block-quote"><p>',
                         linker=linker, after=after)

    cats_html = ", ".join('<a href="%s/category/%s/" rel="category tag">%s</a>'
                          % (base, slugify(c), esc(c)) for c in article["categories"])
    tags_html = ", ".join('<a href="%s/tag/%s/" rel="tag">%s</a>' % (base, slugify(t), esc(t))
                          for t in article["tags"])
    byline_auth = " and ".join(
        '<span class="author vcard"><a class="url fn n" href="%s/experts/%s/">%s</a></span>'
        % (base, slugify(a), esc(a)) for a in article["authors"])
    B("By " + join_names(article["authors"]))
    updated = ""
    if mod:
        updated = '<time class="updated" datetime="%s">%s</time>' % (mod, date_mdy(mod))
    rel = related(article, all_articles, 3)
    related_html = "\n".join(
        '      <li class="related-post"><a href="%s">%s</a></li>' % (attr("%s/analysis/%s/" % (base, r["slug"])), B(r["title"], tx))
        for r in rel)
    bios = "\n".join(
        '    <p class="author-bio__text">%s</p>'
        % B("%s is a fellow at the %s, where %s research covers European security and negotiation."
            % (a, name, "their"))
        for a in article["authors"])
    meta_tags = "\n".join('<meta property="article:tag" content="%s" />' % attr(t) for t in article["tags"])
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Article", "@id": article["url"] + "#article",
             "isPartOf": {"@id": article["url"]},
             "author": [{"name": a, "@id": base + "/#/schema/person/" + slugify(a)} for a in article["authors"]],
             "headline": title, "datePublished": pub,
             **({"dateModified": mod} if mod else {}),
             "mainEntityOfPage": {"@id": article["url"]},
             "wordCount": word_count(article),
             "publisher": {"@id": base + "/#organization"},
             "articleSection": article["categories"], "inLanguage": "en-US"},
            {"@type": "WebPage", "@id": article["url"], "url": article["url"],
             "name": "%s - %s" % (title, name), "datePublished": pub},
            {"@type": "Organization", "@id": base + "/#organization", "name": name, "url": base + "/"},
        ],
    }

    menu = ["Research", "Programs", "Experts", "Events", "Publications", "About Us", "Donate"]
    menu_html = "\n".join('        <li class="menu-item menu-item-type-post_type"><a href="%s/%s/">%s</a></li>'
                          % (base, slugify(m), B(m)) for m in menu)
    footer_links = ["Privacy Policy", "Terms of Use", "Contact", "Careers", "Media Inquiries"]
    footer_html = "\n".join('        <li><a href="%s/%s/">%s</a></li>' % (base, slugify(f), B(f))
                            for f in footer_links)

    page = f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{tx(title)} - {esc(name)}</title>
<meta name="description" content="{attr(article['description'])}" />
<meta name="robots" content="index, follow, max-image-preview:large" />
<link rel="canonical" href="{attr(article['url'])}" />
<meta property="og:locale" content="en_US" />
<meta property="og:type" content="article" />
<meta property="og:title" content="{attr(title)} - {attr(name)}" />
<meta property="og:description" content="{attr(article['description'])}" />
<meta property="og:url" content="{attr(article['url'])}" />
<meta property="og:site_name" content="{attr(name)}" />
<meta property="article:published_time" content="{pub}" />
{('<meta property="article:modified_time" content="%s" />' % mod) if mod else ''}
<meta property="article:section" content="{attr(article['categories'][0])}" />
{meta_tags}
{('<meta property="og:image" content="%s" />' % attr(imgs[0]['src'])) if imgs else ''}
<meta name="author" content="{attr(', '.join(article['authors']))}" />
<meta name="twitter:card" content="summary_large_image" />
<meta name="twitter:label1" content="Est. reading time" />
<meta name="twitter:data1" content="{minutes} minutes" />
<script type="application/ld+json" class="yoast-schema-graph">{json_ld(ld)}</script>
<link rel='stylesheet' id='wp-block-library-css' href='{base}/wp-includes/css/dist/block-library/style.min.css?ver=6.5.2' media='all' />
<link rel='stylesheet' id='meridian-style-css' href='{base}/wp-content/themes/meridian/style.css?ver=2.3.1' media='all' />
<script src="{base}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<link rel="https://api.w.org/" href="{base}/wp-json/" />
<link rel="shortlink" href="{base}/?p={post_id}" />
</head>
<body class="post-template-default single single-post postid-{post_id} single-format-standard wp-embed-responsive">
<div id="page" class="site">
  <a class="skip-link screen-reader-text" href="#primary">{B("Skip to content")}</a>
  <header id="masthead" class="site-header">
    <div class="site-branding">
      <p class="site-title"><a href="{base}/" rel="home">{esc(name)}</a></p>
      <p class="site-description">{B("Independent research on security and statecraft")}</p>
    </div>
    <nav id="site-navigation" class="main-navigation" aria-label="Primary">
      <button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">{B("Menu")}</button>
      <ul id="primary-menu" class="menu">
{menu_html}
      </ul>
    </nav>
    <form role="search" method="get" class="search-form" action="{base}/">
      <label><span class="screen-reader-text">{B("Search for:")}</span>
      <input type="search" class="search-field" placeholder="Search &hellip;" value="" name="s" /></label>
      <input type="submit" class="search-submit" value="Search" />
    </form>
  </header>
  <div id="content" class="site-content">
  <main id="primary" class="site-main">
    <article id="post-{post_id}" class="post-{post_id} post type-post status-publish format-standard has-post-thumbnail hentry {' '.join('category-' + slugify(c) for c in article['categories'])} {' '.join('tag-' + slugify(t) for t in article['tags'])}">
      <header class="entry-header">
        <div class="entry-categories">{cats_html}</div>
        <h1 class="entry-title">{tx(title)}</h1>
        <div class="entry-meta">
          <span class="byline">By {byline_auth}</span>
          <span class="posted-on"><time class="entry-date published" datetime="{pub}">{date_mdy(pub)}</time>{updated}</span>
          <span class="reading-time">{B("%d minute read" % minutes)}</span>
          <span class="comments-link"><a href="{attr(article['url'])}#respond">{B("No Comments")}</a></span>
        </div>
        <div class="share-buttons">
          <span class="share-label">{B("Share this:")}</span>
          <a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={attr(article['url'])}" target="_blank" rel="noopener">{B("Facebook")}</a>
          <a class="share-x" href="https://x.com/intent/post?url={attr(article['url'])}" target="_blank" rel="noopener">{B("X (Twitter)")}</a>
          <a class="share-linkedin" href="https://www.linkedin.com/sharing/share-offsite/?url={attr(article['url'])}" target="_blank" rel="noopener">{B("LinkedIn")}</a>
          <a class="share-email" href="mailto:?subject={attr(title)}&amp;body={attr(article['url'])}">{B("Email")}</a>
        </div>
      </header>
      <div class="entry-content">
{body}
      </div>
      <footer class="entry-footer">
        <span class="tags-links">{B("Tagged")} {tags_html}</span>
      </footer>
    </article>
    <div class="author-bio">
{bios}
    </div>
    <section class="related-posts">
      <h3 class="related-posts__title">{B("Related articles")}</h3>
      <ul>
{related_html}
      </ul>
    </section>
    <div class="newsletter-box">
      <h3>{B("Subscribe to our newsletter")}</h3>
      <p>{B("Get our latest analysis on diplomacy and security delivered to your inbox every Thursday.")}</p>
      <form class="newsletter-form" action="{base}/newsletter/subscribe" method="post">
        <label for="nl-email">{B("Enter your email address")}</label>
        <input type="email" id="nl-email" name="email" placeholder="you@example.org" required />
        <button type="submit">{B("Sign me up")}</button>
      </form>
    </div>
    <div id="comments" class="comments-area">
      <div id="respond" class="comment-respond">
        <h3 id="reply-title" class="comment-reply-title">{B("Leave a Reply")} <small><a rel="nofollow" id="cancel-comment-reply-link" href="#respond" style="display:none;">{B("Cancel reply")}</a></small></h3>
        <form action="{base}/wp-comments-post.php" method="post" id="commentform" class="comment-form">
          <p class="comment-notes"><span id="email-notes">{B("Your email address will not be published.")}</span> {B("Required fields are marked")} <span class="required">*</span></p>
          <p class="comment-form-comment"><label for="comment">{B("Comment")} <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
          <p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" required /></p>
          <p class="comment-form-url"><label for="url">{B("Website")}</label> <input id="url" name="url" type="url" value="" size="30" maxlength="200" /></p>
          <p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes" /> <label for="wp-comment-cookies-consent">{B("Save my name, email, and website in this browser for the next time I comment.")}</label></p>
          <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment" /></p>
        </form>
      </div>
    </div>
  </main>
  </div>
  <footer id="colophon" class="site-footer">
    <div class="footer-about">
      <h4>{B("About Us")}</h4>
      <p>{B(site["about"])}</p>
    </div>
    <nav class="footer-navigation">
      <ul>
{footer_html}
      </ul>
    </nav>
    <div class="site-info">{B("© 2025 %s. All rights reserved." % name)}</div>
    <a href="#masthead" class="back-to-top">{B("Back to Top")}</a>
  </footer>
</div>
<script src="{base}/wp-includes/js/comment-reply.min.js?ver=6.5.2" id="comment-reply-js" async data-wp-strategy="async"></script>
<script src="{base}/wp-content/themes/meridian/js/navigation.js?ver=2.3.1" id="meridian-navigation-js"></script>
</body>
</html>
"""
    page = re.sub(r"\n\s*\n(?=<)", "\n", page)  # drop empty lines left by optional metas
    exp = expected_common(article, name)
    exp["mustNotContain"] = pg.must_not_contain()
    return page.encode("utf-8"), exp


# ---------------------------------------------------------------------------
# 2. wire

def wire_trailer(article):
    editor = WIRE_EDITORS[crc(article["slug"]) % len(WIRE_EDITORS)]
    return "Reporting by %s; Editing by %s" % (join_names(article["authors"]), editor)


def render_wire(article, all_articles):
    site = SITES["wire"]
    name, base = site["name"], site["base"]
    pg = Page(article)
    B = pg.bp
    title = article["title"]
    B(title)
    pub, mod = article["published"], article["modified"]
    section = article["categories"][-1]
    imgs = article["images"]
    paras = []
    for i, b in enumerate(article["blocks"]):
        if b["kind"] != "paragraph":
            raise ValueError("wire template supports paragraphs only: " + article["slug"])
        paras.append('      <p class="article-body__paragraph" data-testid="paragraph-%d">%s</p>'
                     % (i, esc(b["text"])))
    trailer = wire_trailer(article)
    B(trailer)
    figs = []
    for im in imgs:
        B(im["caption"]); B("Photo: " + im["credit"])
        figs.append(
            '    <figure class="article-media" data-testid="primary-image">\n'
            '      <div class="article-media__image"><img src="%s" alt="%s" width="960" height="640" loading="eager" /></div>\n'
            '      <figcaption class="article-media__caption"><span class="caption-text">%s</span> '
            '<span class="caption-credit">%s</span> <a class="licensing-link" href="%s/licensing/">%s</a></figcaption>\n'
            '    </figure>' % (attr(im["src"]), attr(im["caption"]), esc(im["caption"]),
                               esc("Photo: " + im["credit"]), base, B("Purchase licensing rights")))
    rel = related(article, all_articles, 3)
    read_next = "\n".join('      <li><a href="%s/world/%s/">%s</a></li>' % (base, r["slug"], B(r["title"])) for r in rel)
    nav = ["World", "Business", "Markets", "Sustainability", "Legal", "Commentary", "Technology", "Investigations"]
    nav_html = "\n".join('      <li><a href="%s/%s/">%s</a></li>' % (base, slugify(n), esc(n)) for n in nav)
    for n in nav:
        B(n)
    author_links = " and ".join('<a rel="author" href="%s/authors/%s/">%s</a>' % (base, slugify(a), esc(a))
                                for a in article["authors"])
    B("By " + join_names(article["authors"]))
    pub_label = "%s %s GMT" % (date_mdy(pub), time_12h(pub)) if has_time(pub) else date_mdy(pub)
    upd = ""
    if mod:
        upd = ('<span class="article-header__updated">%s <time datetime="%s">%s %s GMT</time></span>'
               % (B("Updated"), mod, date_mdy(mod), time_12h(mod)))
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} | {esc(name)}</title>
<meta name="description" content="{attr(article['description'])}">
<link rel="canonical" href="{attr(article['url'])}">
<meta property="og:site_name" content="{attr(name)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(title)}">
<meta property="og:description" content="{attr(article['description'])}">
<meta property="og:url" content="{attr(article['url'])}">
{('<meta property="og:image" content="%s">' % attr(imgs[0]['src'])) if imgs else ''}
<meta property="article:published_time" content="{pub}">
{('<meta property="article:modified_time" content="%s">' % mod) if mod else ''}
<meta property="article:section" content="{attr(section)}">
<meta name="keywords" content="{attr(','.join(article['tags']))}">
<meta name="analyticsAttributes.contentChannel" content="{attr(section)}">
<link rel="preconnect" href="https://cdn.continentalwire.com">
<link rel="stylesheet" href="https://cdn.continentalwire.com/assets/site.8f2c1.css">
</head>
<body class="article-page">
<div id="root">
  <div class="top-banner" role="complementary">{B("Trusted news for professionals since 1921")} <a href="{base}/subscribe/">{B("Get unlimited access")}</a></div>
  <header class="site-header">
    <a class="site-header__logo" href="{base}/" aria-label="{attr(name)} homepage">{esc(name)}</a>
    <nav class="site-header__nav" aria-label="Main">
    <ul>
{nav_html}
    </ul>
    </nav>
    <div class="site-header__account"><a href="{base}/account/sign-in/">{B("Sign In")}</a> <a class="button" href="{base}/account/register/">{B("Register")}</a></div>
  </header>
  <main id="main-content" class="article-layout">
    <nav class="breadcrumb" aria-label="Breadcrumb"><a href="{base}/{slugify(article['categories'][0])}/">{esc(article['categories'][0])}</a>{''.join(' <span aria-hidden="true">/</span> <a href="%s/%s/%s/">%s</a>' % (base, slugify(article['categories'][0]), slugify(c), esc(c)) for c in article['categories'][1:])}</nav>
    <article class="article">
    <header class="article-header">
      <h1 class="article-header__title" data-testid="Heading">{esc(title)}</h1>
      <div class="article-header__byline" data-testid="AuthorByline">By {author_links}</div>
      <div class="article-header__dates"><time datetime="{pub}" data-testid="Published">{pub_label}</time> {upd}</div>
      <div class="article-header__tools"><button class="share-button">{B("Share")}</button> <button class="save-button">{B("Save")}</button> <a class="print-link" href="#print">{B("Print")}</a></div>
    </header>
{chr(10).join(figs)}
    <div class="article-body" data-testid="ArticleBody">
{chr(10).join(paras)}
      <p class="trailer" data-testid="Body-trailer">{esc(trailer)}</p>
      <p class="article-body__standards"><a href="{base}/about/editorial-code/">{B("Our Standards: The Continental Editorial Code.")}</a></p>
    </div>
    <div class="article-topics"><span class="label">{B("Topics:")}</span> {', '.join('<a href="%s/topic/%s/">%s</a>' % (base, slugify(t), esc(t)) for t in article['tags'])}</div>
    </article>
    <aside class="read-next" aria-label="Read next">
      <h2>{B("Read next")}</h2>
      <ul>
{read_next}
      </ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p class="site-footer__about">{B(site["about"])}</p>
    <ul class="site-footer__links">
      <li><a href="{base}/about/">{B("About Continental Wire")}</a></li>
      <li><a href="{base}/careers/">{B("Careers")}</a></li>
      <li><a href="{base}/privacy/">{B("Privacy Statement")}</a></li>
      <li><a href="{base}/cookies/">{B("Cookie Settings")}</a></li>
      <li><a href="{base}/accessibility/">{B("Accessibility")}</a></li>
    </ul>
    <p class="site-footer__legal">{B("All quotes delayed a minimum of 15 minutes.")} {B("© 2025 %s. All rights reserved." % name)}</p>
  </footer>
</div>
<script src="https://cdn.continentalwire.com/assets/app.8f2c1.js" defer></script>
</body>
</html>
"""
    page = re.sub(r"\n\s*\n(?=<)", "\n", page)
    exp = expected_common(article, name)
    exp["mustNotContain"] = pg.must_not_contain()
    return page.encode("utf-8"), exp


# ---------------------------------------------------------------------------
# 3. amp

def render_amp(article, all_articles):
    site = SITES["amp"]
    name, base = site["name"], site["base"]
    pg = Page(article)
    B = pg.bp
    title = article["title"]
    B(title)
    pub, mod = article["published"], article["modified"]
    imgs = article["images"]
    amp_url = article["url"] + "amp/"

    def figure(im, cls):
        B(im["caption"]); B(im["credit"])
        return ('<figure class="%s">\n  <amp-img src="%s" width="1200" height="800" layout="responsive" alt="%s"></amp-img>\n'
                '  <figcaption>%s <span class="credit">%s</span></figcaption>\n</figure>'
                % (cls, attr(im["src"]), attr(im["caption"]), esc(im["caption"]), esc(im["credit"])))

    ad = ('<div class="ad-wrapper">\n  <p class="ad-label">%s</p>\n'
          '  <amp-ad width="300" height="250" type="doubleclick" data-slot="/40213/atlasledger/%s" data-multi-size="320x50">\n'
          '    <div placeholder>%s</div>\n    <div fallback>%s</div>\n  </amp-ad>\n</div>'
          % (B("Advertisement"), slugify(article["categories"][0]), B("Loading advertisement…"),
             B("The advertisement could not be loaded.")))
    n = len(article["blocks"])

    def after(i):
        parts = []
        if i == 2:
            parts.append(ad)
        if i == n - 3 and len(imgs) > 1:
            parts.append(figure(imgs[1], "story-inline-image"))
        return "\n".join(parts) or None

    body = render_blocks(article, lambda s: s, h_open='<h2 class="story-subhead">', after=after)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": article["url"]},
        "headline": title,
        "description": article["description"],
        "datePublished": pub,
        **({"dateModified": mod} if mod else {}),
        "author": [{"@type": "Person", "name": a, "url": "%s/by/%s" % (base, slugify(a))} for a in article["authors"]],
        "publisher": {"@type": "Organization", "name": name,
                      "logo": {"@type": "ImageObject", "url": base + "/static/ledger-logo-600x60.png",
                               "width": 600, "height": 60}},
        "image": [im["src"] for im in imgs],
        "articleSection": article["categories"],
        "keywords": article["tags"],
        "inLanguage": "en",
    }
    share = "\n".join('  <amp-social-share type="%s" width="40" height="40" aria-label="%s"%s></amp-social-share>'
                      % (t, attr(lbl), extra) for t, lbl, extra in [
                          ("twitter", "Share on X", ""), ("facebook", "Share on Facebook", ' data-param-app_id="254325784911610"'),
                          ("linkedin", "Share on LinkedIn", ""), ("email", "Share by email", "")])
    nav = ["Front Page", "World", "Politics", "Economy", "Opinion", "Podcasts", "Crosswords"]
    nav_html = "\n".join('      <li><a href="%s/%s/">%s</a></li>' % (base, slugify(x), B(x)) for x in nav)
    rel = related(article, all_articles, 3)
    more = "\n".join('    <li><a href="%s">%s</a></li>' % (attr("%s/world/%s/amp/" % (base, r["slug"])), B(r["title"])) for r in rel)
    B("By " + join_names(article["authors"]))
    byline = " and ".join('<a href="%s/by/%s">%s</a>' % (base, slugify(a), esc(a)) for a in article["authors"])
    pub_label = "%s at %s UTC" % (date_mdy(pub), time_12h(pub)) if has_time(pub) else date_mdy(pub)
    upd = (' <span class="story-updated">%s <time datetime="%s">%s</time></span>' % (B("Updated"), mod, date_mdy(mod))) if mod else ""
    topics = "\n".join('    <li><a href="%s/topic/%s/">%s</a></li>' % (base, slugify(t), esc(t)) for t in article["tags"])
    css = ("body{font-family:Georgia,serif;margin:0;color:#1a1a1a}.ledger-header{border-bottom:3px solid #111;padding:8px 16px}"
           ".story{max-width:680px;margin:0 auto;padding:0 16px}.story-headline{font-size:2rem;line-height:1.15}"
           ".story-dek{font-size:1.15rem;color:#444}.ad-wrapper{background:#f4f4f4;text-align:center;margin:24px 0}"
           ".ad-label{font:11px/1 Arial,sans-serif;text-transform:uppercase;color:#777}figcaption{font-size:.8rem;color:#555}"
           ".credit{text-transform:uppercase;font-size:.7rem}")
    page = f"""<!doctype html>
<html amp lang="en">
<head>
<meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>
<script async custom-element="amp-social-share" src="https://cdn.ampproject.org/v0/amp-social-share-0.1.js"></script>
<script async custom-element="amp-analytics" src="https://cdn.ampproject.org/v0/amp-analytics-0.1.js"></script>
<script async custom-element="amp-sidebar" src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js"></script>
<title>{esc(title)}</title>
<link rel="canonical" href="{attr(article['url'])}">
<meta name="viewport" content="width=device-width">
<meta name="description" content="{attr(article['description'])}">
<meta property="og:site_name" content="{attr(name)}">
<meta property="og:title" content="{attr(title)}">
<meta property="og:url" content="{attr(article['url'])}">
<script type="application/ld+json">
{json_ld(ld)}
</script>
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-moz-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}}@-webkit-keyframes -amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}@keyframes -amp-start{{from{{visibility:hidden}}to{{visibility:visible}}}}</style><noscript><style amp-boilerplate>body{{-webkit-animation:none;-moz-animation:none;animation:none}}</style></noscript>
<style amp-custom>{css}</style>
</head>
<body>
<amp-sidebar id="ledger-menu" layout="nodisplay" side="left">
  <nav class="sidebar-nav">
    <ul>
{nav_html}
    </ul>
  </nav>
</amp-sidebar>
<header class="ledger-header">
  <button class="menu-button" on="tap:ledger-menu.toggle">{B("Sections")}</button>
  <a class="ledger-logo" href="{base}/">{esc(name)}</a>
  <a class="subscribe-link" href="{base}/subscribe/">{B("Subscribe for $1")}</a>
</header>
<main>
<article class="story">
  <div class="story-kicker"><a href="{base}/{slugify(article['categories'][0])}/">{esc(article['categories'][0])}</a></div>
  <h1 class="story-headline">{esc(title)}</h1>
  <p class="story-dek">{B(article['description'])}</p>
  <div class="story-byline">By {byline}</div>
  <div class="story-timestamp">{B("Published")} <time datetime="{pub}">{pub_label}</time>{upd}</div>
  <div class="story-share">
  <span class="share-label">{B("Share this story")}</span>
{share}
  </div>
{figure(imgs[0], "story-lead-image") if imgs else ""}
  <div class="story-body">
{body}
  </div>
  <section class="story-topics">
    <h2>{B("Topics")}</h2>
    <ul>
{topics}
    </ul>
  </section>
</article>
<aside class="more-stories">
  <h2>{B("More from The Atlas Ledger")}</h2>
  <ul>
{more}
  </ul>
  <p><a href="{attr(article['url'])}">{B("View the full site")}</a></p>
</aside>
</main>
<footer class="ledger-footer">
  <p>{B("© 2025 The Atlas Ledger. All rights reserved.")} <a href="{base}/privacy/">{B("Privacy Policy")}</a> <a href="{base}/terms/">{B("Terms of Service")}</a> <a href="{base}/contact/">{B("Contact Us")}</a></p>
</footer>
<amp-analytics type="googleanalytics" id="ledger-analytics">
<script type="application/json">{{"vars": {{"account": "UA-0000000-1"}}, "triggers": {{"trackPageview": {{"on": "visible", "request": "pageview"}}}}, "extraUrlParams": {{"ampUrl": "{amp_url}"}}}}</script>
</amp-analytics>
</body>
</html>
"""
    exp = expected_common(article, name)
    exp["mustNotContain"] = pg.must_not_contain()
    return page.encode("utf-8"), exp


# ---------------------------------------------------------------------------
# 4. newsroom

READER_COMMENTS = [
    ("river_fen", "Another pause that will be broken within a week. I will believe it when the shelling actually stops."),
    ("M. Okonjo", "Good piece, but I would like to know who is supposed to monitor any of this on the ground."),
]


def render_newsroom(article, all_articles):
    site = SITES["newsroom"]
    name, base = site["name"], site["base"]
    pg = Page(article)
    B = pg.bp
    title = article["title"]
    B(title)
    pub, mod = article["published"], article["modified"]
    imgs = article["images"]
    blocks = article["blocks"]
    n = len(blocks)
    # cut the body into 3 parts at paragraph boundaries
    cuts = []
    for target in (n // 3, 2 * n // 3):
        c = target
        while c < n and blocks[c]["kind"] == "listItem":
            c += 1
        if 0 < c < n and c not in cuts:
            cuts.append(c)
    promos = related(article, all_articles, 2)
    used = set()
    linker = lambda t: link_first_tag(t, article["tags"], used, base + "/topics/%s")

    def fig(im, cls):
        B(im["caption"]); B("Image: " + im["credit"])
        return ('<figure class="%s"><picture><source type="image/webp" srcset="%s 1x" />'
                '<img src="%s" alt="%s" width="1280" height="720" loading="lazy" /></picture>'
                '<figcaption><span class="figure__caption">%s</span> <span class="figure__credit">%s</span></figcaption></figure>'
                % (cls, attr(im["src"].replace(".jpg", ".webp")), attr(im["src"]), attr(im["caption"]),
                   esc(im["caption"]), esc("Image: " + im["credit"])))

    parts_html = []
    bounds = [0] + cuts + [n]
    for k in range(len(bounds) - 1):
        sub = dict(article)
        sub["blocks"] = blocks[bounds[k]:bounds[k + 1]]
        inner = render_blocks(sub, lambda s: s, h_open='<h2 class="article-body__subheading">',
                              quote_open='<blockquote class="pull-quote"><p>', linker=linker, indent="        ")
        if k == 1 and len(imgs) > 1:
            inner = fig(imgs[1], "article-body__figure") + "\n" + inner
        parts_html.append('      <div class="article-body__part">\n%s\n      </div>' % inner)
        if k < len(bounds) - 2:
            parts_html.append('      <div class="ad-slot" data-ad-unit="mid-article-%d">%s</div>' % (k + 1, B("Advertisement")))
            if k < len(promos):
                p = promos[k]
                B("Read more: " + p["title"])
                parts_html.append('      <p class="inline-promo"><strong>Read more:</strong> <a href="%s">%s</a></p>'
                                  % (attr("%s/news/world/%s" % (base, p["slug"])), esc(p["title"])))
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "description": article["description"],
        "datePublished": pub,
        **({"dateModified": mod} if mod else {}),
        "author": [{"@type": "Person", "name": a, "url": "%s/profile/%s" % (base, slugify(a))} for a in article["authors"]],
        "articleSection": article["categories"],
        "keywords": ", ".join(article["tags"]),
        "image": [{"@type": "ImageObject", "url": im["src"], "caption": im["caption"], "creditText": im["credit"]} for im in imgs],
        "publisher": {"@type": "NewsMediaOrganization", "name": name, "url": base},
        "mainEntityOfPage": article["url"],
        "inLanguage": "en",
        "isAccessibleForFree": True,
    }
    crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": i + 1, "name": c, "item": "%s/news/%s" % (base, slugify(c))}
        for i, c in enumerate(article["categories"])]}
    nav = ["News", "UK", "World", "Business", "Climate", "Culture", "Sport", "Newsletters"]
    nav_html = "\n".join('        <li><a href="%s/%s">%s</a></li>' % (base, slugify(x), esc(x)) for x in nav)
    for x in nav:
        B(x)
    most_read = [r["title"] for r in related(article, all_articles, 6)[3:5]] + \
        FILLER_HEADLINES[crc(article["slug"]) % 3: crc(article["slug"]) % 3 + 3]
    most_html = "\n".join('          <li><a href="%s/news/%s">%s</a></li>' % (base, slugify(t), B(t)) for t in most_read)
    comments_html = "\n".join(
        '        <div class="comment"><span class="comment__author">%s</span> <span class="comment__time">%s</span>\n'
        '          <p class="comment__body">%s</p>\n          <button class="comment__reply">%s</button></div>'
        % (B(u), B("%d hours ago" % (i + 2)), B(c), B("Reply")) for i, (u, c) in enumerate(READER_COMMENTS))
    B("By " + join_names(article["authors"]))
    byline = " and ".join('<a rel="author" href="%s/profile/%s">%s</a>' % (base, slugify(a), esc(a)) for a in article["authors"])
    pub_label = "%s, %s GMT" % (date_dmy(pub), pub[11:16])
    upd = ('<span class="article-meta__updated">%s %s</span>' % (B("Updated"), esc(date_dmy(mod) + ", " + mod[11:16] + " GMT"))) if mod else ""
    crumb_html = ' <span class="sep">›</span> '.join('<a href="%s/news/%s">%s</a>' % (base, slugify(c), esc(c)) for c in article["categories"])
    tags_html = "\n".join('          <li><a href="%s/topics/%s">%s</a></li>' % (base, slugify(t), esc(t)) for t in article["tags"])
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(title)} - {esc(name)}</title>
  <meta name="description" content="{attr(article['description'])}">
  <link rel="canonical" href="{attr(article['url'])}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="{attr(name)}">
  <meta property="og:title" content="{attr(title)}">
  <meta property="og:description" content="{attr(article['description'])}">
  <meta property="og:url" content="{attr(article['url'])}">
  {('<meta property="og:image" content="%s">' % attr(imgs[0]['src'])) if imgs else ''}
  <meta name="twitter:card" content="summary_large_image">
  <meta name="twitter:site" content="@northbridgedaily">
  <script type="application/ld+json">{json_ld(ld)}</script>
  <script type="application/ld+json">{json_ld(crumbs)}</script>
  <link rel="stylesheet" href="/_next/static/css/7d1e0c2a.css">
  <script>window.dataLayer=window.dataLayer||[];window.dataLayer.push({{"pageType":"article","section":"{attr(article['categories'][0])}"}});</script>
</head>
<body class="page-article">
  <div id="cookie-consent" class="cookie-banner" role="dialog" aria-live="polite">
    <p class="cookie-banner__text">{B("We use cookies and similar technologies to personalise content and ads, provide social media features and analyse our traffic.")} {B("You can change your choices at any time in Privacy settings.")}</p>
    <button class="cookie-banner__accept">{B("Accept all cookies")}</button>
    <button class="cookie-banner__manage">{B("Manage preferences")}</button>
  </div>
  <header class="masthead">
    <div class="masthead__top"><a class="masthead__logo" href="{base}/">{esc(name)}</a>
      <a class="masthead__signin" href="{base}/account/signin">{B("Sign in")}</a>
      <a class="masthead__subscribe" href="{base}/subscribe">{B("Subscribe from £1 a week")}</a></div>
    <nav class="masthead__nav">
      <ul>
{nav_html}
      </ul>
    </nav>
  </header>
  <main class="layout">
    <div class="layout__main">
      <nav class="breadcrumbs" aria-label="Breadcrumb">{crumb_html}</nav>
      <h1 class="article-headline">{esc(title)}</h1>
      <p class="article-standfirst">{B(article['description'])}</p>
      <div class="article-meta">
        <span class="article-meta__byline">By {byline}</span>
        <time class="article-meta__published" datetime="{pub}">{pub_label}</time>
        {upd}
        <div class="article-meta__share"><button data-share="facebook">{B("Share on Facebook")}</button><button data-share="x">{B("Share on X")}</button><button data-share="copy">{B("Copy link")}</button></div>
      </div>
      {fig(imgs[0], "article-hero") if imgs else ""}
      <div class="article-body" itemprop="articleBody">
{chr(10).join(parts_html)}
      </div>
      <div class="article-topics">
        <h3>{B("More on this story")}</h3>
        <ul>
{tags_html}
        </ul>
      </div>
      <section class="newsletter-signup">
        <h3>{B("Get the Morning Briefing")}</h3>
        <p>{B("The day's top stories from around the world, in your inbox every weekday at 7am.")}</p>
        <form action="{base}/newsletters/subscribe" method="post"><input type="email" name="email" placeholder="Your email address" aria-label="Your email address"><button type="submit">{B("Sign up")}</button></form>
        <p class="newsletter-signup__legal">{B("By signing up you agree to our Privacy Notice. You can unsubscribe at any time.")}</p>
      </section>
      <section class="comments" id="comments">
        <h3>{B("Comments (2)")}</h3>
        <p class="comments__rules">{B("Comments are moderated. Please read our community guidelines before posting.")}</p>
{comments_html}
        <a class="comments__all" href="{attr(article['url'])}/comments">{B("View all comments")}</a>
      </section>
    </div>
    <aside class="layout__sidebar">
      <div class="ad-slot ad-slot--mpu" data-ad-unit="sidebar-mpu">Advertisement</div>
      <section class="most-read">
        <h3>{B("Most read")}</h3>
        <ol>
{most_html}
        </ol>
      </section>
    </aside>
  </main>
  <footer class="site-footer">
    <ul class="site-footer__links">
      <li><a href="{base}/about">{B("About us")}</a></li>
      <li><a href="{base}/contact">{B("Contact us")}</a></li>
      <li><a href="{base}/advertise">{B("Advertise with us")}</a></li>
      <li><a href="{base}/privacy">{B("Privacy policy")}</a></li>
      <li><a href="{base}/cookies">{B("Cookie settings")}</a></li>
    </ul>
    <p class="site-footer__copyright">{B("© 2025 Northbridge Daily. All rights reserved.")}</p>
  </footer>
  <script src="/_next/static/chunks/main-3b9f.js" defer></script>
</body>
</html>
"""
    page = re.sub(r"\n\s*\n(?=\s*<)", "\n", page)
    exp = expected_common(article, name)
    exp["mustNotContain"] = pg.must_not_contain()
    return page.encode("utf-8"), exp


# ---------------------------------------------------------------------------
# 5. liveblog

def live_entries(article):
    """Group blocks into entries: each heading starts a new entry."""
    entries = []
    for b in article["blocks"]:
        if b["kind"] == "heading" or not entries:
            entries.append({"heading": None, "blocks": []})
        if b["kind"] == "heading":
            entries[-1]["heading"] = b["text"]
        else:
            entries[-1]["blocks"].append(b)
    start, end = parse_dt(article["published"]), parse_dt(article["modified"])
    n = len(entries)
    step = (end - start) / max(1, n - 1)
    for k, e in enumerate(entries):  # newest first on the page
        t = end - step * k
        t = t.replace(second=0, microsecond=0)
        t -= timedelta(minutes=t.minute % 5)
        if k == n - 1:
            t = start
        e["time"] = t
    return entries


def render_liveblog(article, all_articles):
    site = SITES["liveblog"]
    name, base = site["name"], site["base"]
    pg = Page(article)
    B = pg.bp
    ne = lambda s: named_entities(esc(s))
    title = article["title"]
    B(title, ne)
    pub, mod = article["published"], article["modified"]
    imgs = article["images"]
    entries = live_entries(article)
    key_items, entry_html = [], []
    for k, e in enumerate(entries):
        iso = e["time"].strftime("%Y-%m-%dT%H:%M:%SZ")
        label = e["time"].strftime("%H:%M")
        B(label)
        B("%s GMT" % label)
        head = '\n      <h2 class="live-entry__title">%s</h2>' % ne(e["heading"]) if e["heading"] else ""
        if e["heading"]:
            key_items.append('      <li><a href="#entry-%d"><time datetime="%s">%s</time> %s</a></li>'
                             % (k, iso, label, ne(e["heading"])))
        sub = dict(article)
        sub["blocks"] = e["blocks"]
        paras = render_blocks(sub, named_entities, indent="      ")
        entry_html.append(
            '    <article class="live-entry" id="entry-%d" data-entry-id="%d">\n'
            '      <header class="live-entry__meta"><time datetime="%s" class="live-entry__time">%s</time> '
            '<span class="live-entry__tz">%s</span></header>%s\n%s\n'
            '      <footer class="live-entry__share"><button class="copy-link" data-entry="%d">%s</button></footer>\n'
            '    </article>' % (k, 48211 + crc(article["slug"]) % 1000 + k, iso, label, B("GMT"), head, paras, k,
                                B("Share this update")))
        if k == 2:
            entry_html.append('    <div class="live-ad"><span class="live-ad__label">%s</span><div class="live-ad__slot" id="dfp-live-1"></div></div>'
                              % B("Advertisement"))
    if imgs:
        im = imgs[0]
        B(im["caption"], ne); B("Photograph: " + im["credit"], ne)
        hero = ('    <figure class="live-hero"><img src="%s" alt="%s" width="1140" height="684" />'
                '<figcaption>%s <span class="live-hero__credit">%s</span></figcaption></figure>'
                % (attr(im["src"]), attr(im["caption"]), ne(im["caption"]), ne("Photograph: " + im["credit"])))
    else:
        hero = ""
    ld = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": title,
        "description": article["description"],
        "url": article["url"],
        "datePublished": pub,
        "dateModified": mod,
        "coverageStartTime": pub,
        "coverageEndTime": mod,
        "author": [{"@type": "Person", "name": a} for a in article["authors"]],
        "publisher": {"@type": "Organization", "name": name},
        "articleSection": article["categories"],
        "keywords": article["tags"],
        "image": [im["src"] for im in imgs],
        "liveBlogUpdate": [{"@type": "BlogPosting", "headline": e["heading"] or "",
                            "datePublished": e["time"].strftime("%Y-%m-%dT%H:%M:%SZ"),
                            "url": "%s#entry-%d" % (article["url"], k)} for k, e in enumerate(entries)],
    }
    nav = ["Home", "Live", "World", "Politics", "Opinion", "Video", "Newsletters"]
    nav_html = "\n".join('      <li><a href="%s/%s">%s</a></li>' % (base, slugify(x), esc(x)) for x in nav)
    B("By " + join_names(article["authors"]), ne)
    tags_html = " ".join('<a class="tag" href="%s/topic/%s">%s</a>' % (base, slugify(t), ne(t)) for t in article["tags"])
    mod_dt = parse_dt(mod)
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{ne(title)} - {esc(name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{attr(article['description'])}">
<link rel="canonical" href="{attr(article['url'])}">
<meta property="og:title" content="{attr(title)}">
<meta property="og:site_name" content="{attr(name)}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{pub}">
<meta property="article:modified_time" content="{mod}">
<meta property="article:section" content="{attr(article['categories'][0])}">
{chr(10).join('<meta property="article:tag" content="%s">' % attr(t) for t in article['tags'])}
<script type="application/ld+json">{json_ld(ld)}</script>
<link rel="stylesheet" href="https://assets.harbourline.news/live/live.4c21.css">
</head>
<body class="live-page">
<div class="site-masthead">
  <a class="site-masthead__logo" href="{base}/">{esc(name)}</a>
  <nav class="site-masthead__nav">
    <ul>
{nav_html}
    </ul>
  </nav>
  <a class="site-masthead__support" href="{base}/support">{B("Support independent journalism")}</a>
</div>
<header class="live-header">
  <p class="live-header__section"><a href="{base}/{slugify(article['categories'][0])}">{esc(article['categories'][0])}</a></p>
  <p class="live-header__status">{B("Live coverage has ended")}</p>
  <h1 class="live-header__title">{ne(title)}</h1>
  <p class="live-header__standfirst">{B(article['description'], ne)}</p>
  <p class="live-header__byline">By {' and '.join('<a rel="author" href="%s/profile/%s">%s</a>' % (base, slugify(a), ne(a)) for a in article['authors'])}</p>
  <p class="live-header__updated">{B("Last updated")} <time datetime="{mod}">{mod_dt.strftime("%H:%M")} {mod_dt.day} {MONTHS[mod_dt.month - 1]} {mod_dt.year}</time></p>
  <div class="share-bar">
    <a class="share-bar__item" href="https://www.facebook.com/sharer.php?u={attr(article['url'])}">{B("Share on Facebook")}</a>
    <a class="share-bar__item" href="https://x.com/intent/post?url={attr(article['url'])}">{B("Share on X")}</a>
    <a class="share-bar__item" href="https://wa.me/?text={attr(article['url'])}">{B("Share via WhatsApp")}</a>
    <button class="share-bar__copy">{B("Copy link")}</button>
  </div>
</header>
<div class="live-layout">
  <aside class="key-events" aria-labelledby="key-events-title">
    <h2 id="key-events-title">{B("Key events")}</h2>
    <ul>
{chr(10).join(key_items)}
    </ul>
    <button class="key-events__toggle">{B("Show key events only")}</button>
  </aside>
  <div class="live-feed" role="feed">
{hero}
    <div class="live-feed__status">{B("This blog is now closed.")}</div>
{chr(10).join(entry_html)}
    <div class="live-feed__older"><button>{B("Load earlier updates")}</button></div>
  </div>
</div>
<div class="live-topics">{B("Topics")} {tags_html}</div>
<footer class="site-footer">
  <p>{B("Sign up for the Harbourline daily briefing")}</p>
  <p>{B("© 2025 Harbourline News Ltd. All rights reserved.")} {B("Registered in England and Wales.")}</p>
</footer>
<script src="https://assets.harbourline.news/live/live.4c21.js" async></script>
</body>
</html>
"""
    exp = expected_common(article, name)
    exp["mustNotContain"] = pg.must_not_contain()
    return page.encode("utf-8"), exp


# ---------------------------------------------------------------------------
# 6. legacy (table layout, Windows-1252 or ISO-8859-1)

def render_legacy(article, all_articles):
    site = SITES["legacy"]
    name, base = site["name"], site["base"]
    latin1 = article["slug"] in LATIN1_SLUGS
    encoding = "iso-8859-1" if latin1 else "cp1252"
    pg = Page(article)
    B = pg.bp
    title = article["title"]
    B(title)
    imgs = article["images"]
    wrap = lambda t: "\n".join(textwrap.wrap(t, 96, break_long_words=False, break_on_hyphens=False))
    path_rel = lambda src: src[len(base):] if src.startswith(base) else src

    def photo(im):
        B(im["caption"]); B("(Picture: %s)" % im["credit"])
        return ('<table class="photo" width="300" border="0" cellpadding="2" cellspacing="0" align="right">\n'
                '<tr><td><img src="%s" width="300" height="200" border="0" alt="%s"></td></tr>\n'
                '<tr><td class="caption"><font size="1">%s <i>%s</i></font></td></tr>\n</table>'
                % (attr(path_rel(im["src"])), attr(im["caption"]), esc(im["caption"]),
                   esc("(Picture: %s)" % im["credit"])))

    def after(i):
        if i == 0 and imgs:
            return photo(imgs[0])
        return None

    body = render_blocks(article, lambda s: s, p_tag='<p class="bodytext">', h_open="<h3>", h_close="</h3>",
                         wrap=wrap, after=after)
    leftnav = ["Local News", "World News", "Business", "Farming", "Letters", "Obituaries", "Weather",
               "Family Notices", "Archive"]
    leftnav_html = "\n".join('<tr><td class="navitem"><a href="/%s/">%s</a></td></tr>' % (slugify(x), B(x))
                             for x in leftnav)
    topnav = ["Home", "News", "Sport", "What's On", "Property", "Jobs", "Motors", "Contact Us"]
    topnav_html = " | ".join('<a href="/%s/">%s</a>' % (slugify(x), esc(x)) for x in topnav)
    popular = FILLER_HEADLINES[3:6] + [FILLER_HEADLINES[crc(article["slug"]) % 3]]
    popular_html = "\n".join('<li><a href="/news/local/%s.html">%s</a></li>' % (slugify(t), B(t)) for t in popular)
    cat = article["categories"][0]
    if latin1:
        meta = '<meta charset="iso-8859-1">'
    else:
        meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    B("By " + join_names(article["authors"]))
    page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
{meta}
<title>{esc(name)} :: {esc(title)}</title>
<meta name="description" content="{attr(article['description'])}">
<link rel="canonical" href="{attr(article['url'])}">
<link rel="stylesheet" href="/css/courier2009.css" type="text/css">
<script language="JavaScript" type="text/javascript" src="/js/menu.js"></script>
<script language="JavaScript" type="text/javascript">
<!--
function popUp(URL) {{ window.open(URL, 'print', 'toolbar=0,scrollbars=1,width=600,height=500'); }}
//-->
</script>
</head>
<body bgcolor="#FFFFFF" topmargin="0" leftmargin="0" marginwidth="0" marginheight="0">
<table width="980" border="0" cellpadding="0" cellspacing="0" align="center">
<tr>
<td colspan="3" class="masthead"><a href="/"><img src="/images/courier_logo.gif" width="420" height="80" border="0" alt="{attr(name)}"></a><br>
<font size="1" color="#666666">{B("Serving the valley and beyond since 1887")}</font></td>
</tr>
<tr>
<td colspan="3" class="topnav" bgcolor="#003366"><font color="#FFFFFF" size="2">{topnav_html}</font></td>
</tr>
<tr>
<td width="160" valign="top" class="leftcol" bgcolor="#EEEEEE">
<table width="160" border="0" cellpadding="4" cellspacing="0">
<tr><td class="navhead"><b>{B("SECTIONS")}</b></td></tr>
{leftnav_html}
</table>
<br>
<table width="160" border="0" cellpadding="4" cellspacing="0">
<tr><td class="navhead"><b>{B("SEARCH")}</b></td></tr>
<tr><td><form action="/cgi-bin/search.pl" method="get"><input type="text" name="q" size="14"><input type="submit" value="Go"></form></td></tr>
</table>
</td>
<td width="620" valign="top" class="content">
<div class="crumb"><font size="1"><a href="/">Home</a> &gt; <a href="/news/{slugify(cat)}/">{esc(cat)}</a></font></div>
<h1 class="headline">{esc(title)}</h1>
<p class="byline"><b>By {esc(join_names(article['authors']))}</b></p>
{body}
<p class="storytools"><font size="1"><a href="javascript:popUp('/cgi-bin/print.pl')">{B("Print this story")}</a> | <a href="/cgi-bin/email.pl">{B("Email to a friend")}</a> | <a href="/letters/">{B("Write a letter to the editor")}</a></font></p>
</td>
<td width="200" valign="top" class="rightcol">
<table width="200" border="0" cellpadding="4" cellspacing="0">
<tr><td class="boxhead"><b>{B("Most Popular")}</b></td></tr>
<tr><td><ul class="popular">
{popular_html}
</ul></td></tr>
<tr><td align="center"><font size="1">{B("ADVERTISEMENT")}</font><br><a href="/adclick.pl?id=117"><img src="/ads/garden_centre_200x200.gif" width="200" height="200" border="0" alt="Advertisement"></a></td></tr>
</table>
</td>
</tr>
<tr>
<td colspan="3" class="footer" align="center"><font size="1">{B("Copyright © 2025 Valley Courier Newspapers Ltd. All rights reserved.")}<br>
<a href="/terms.html">{B("Terms and Conditions")}</a> | <a href="/privacy.html">{B("Privacy")}</a> | <a href="/advertise.html">{B("Advertise")}</a> | <a href="/contact.html">Contact Us</a><br>
{B("Best viewed at 1024x768 or higher.")}</font></td>
</tr>
</table>
</body>
</html>
"""
    page = page.replace("\n", "\r\n")  # an old Windows-authored site
    exp = expected_common(article, name)
    exp["mustNotContain"] = pg.must_not_contain()
    return page.encode(encoding), exp


RENDERERS = {
    "thinktank": render_thinktank,
    "wire": render_wire,
    "amp": render_amp,
    "newsroom": render_newsroom,
    "liveblog": render_liveblog,
    "legacy": render_legacy,
}


# ---------------------------------------------------------------------------
# plain-text pages ("select all, copy" from thinktank and wire pages)

def render_text(article, all_articles):
    tpl = article["template"]
    site = SITES[tpl]
    name = site["name"]
    title = article["title"]
    mnc = []

    def B(s):
        if s not in mnc:
            mnc.append(s)
        return s

    minutes = read_minutes(article)
    lines = [B(name), B(title), title, B("By " + join_names(article["authors"]))]
    published = None
    if tpl == "thinktank":
        lines.append(B(date_mdy(article["published"])))
        published = article["published"][:10]
    lines.append(B("%d min read" % minutes))
    images = []
    if tpl == "wire":
        for im in article["images"]:
            lines += ["", B(im["caption"]), B("Photo: " + im["credit"])]
            images.append({"src": None, "caption": im["caption"], "credit": im["credit"]})
    for i, b in enumerate(article["blocks"]):
        lines += ["", b["text"]]
        if tpl == "thinktank" and i == 0:
            for im in article["images"]:
                B(im["caption"])
                lines += ["", "%s %s" % (im["caption"], B("(Image Credit: %s)" % im["credit"]))]
                images.append({"src": None, "caption": im["caption"], "credit": im["credit"]})
    if tpl == "wire":
        lines += ["", B(wire_trailer(article)), "", B("Our Standards: The Continental Editorial Code.")]
    else:
        lines += ["", B("Tagged: " + ", ".join(article["tags"]))]
    rel = related(article, all_articles, 3 if tpl == "thinktank" else 2)
    lines += ["", B("Leave a comment"), "", B("Subscribe to our newsletter"), B("Enter your email address"), "",
              B("Related Articles")]
    lines += [B(r["title"]) for r in rel]
    lines += ["", B("© 2025 %s. All rights reserved." % name), "", B("About %s" % name), B(site["about"]), "",
              B("Back to Top")]
    text = "\n".join(lines) + "\n"
    body = body_text(article)
    exp = {
        "title": title,
        "published": published,
        "modified": None,
        "authors": list(article["authors"]),
        "categories": [],
        "tags": list(article["tags"]) if tpl == "thinktank" else [],  # thinktank copy shows a "Tagged:" line
        "siteName": name,
        "language": "en",
        "url": None,
        "description": None,
        "text": body,
        "images": images,
        "mustContain": must_contain(article),
        "mustNotContain": [s for s in mnc if s.lower() not in body.lower()],
    }
    return text.encode("utf-8"), exp


# ---------------------------------------------------------------------------
# driver

def load_articles():
    arts = []
    for p in sorted(glob.glob(os.path.join(ARTICLES_DIR, "*.json"))):
        with open(p, encoding="utf-8") as f:
            a = json.load(f)
        a["_path"] = p
        arts.append(a)
    return arts


def clean(a):
    return {k: v for k, v in a.items() if not k.startswith("_")}


def build_all(arts):
    """Return {relative path: bytes} for every output file."""
    pub = [clean(a) for a in arts]
    out = {}
    for a in pub:
        page, exp = RENDERERS[a["template"]](a, pub)
        out["html/%s.html" % a["slug"]] = page
        out["expected/%s.html.json" % a["slug"]] = (json.dumps(exp, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        if a["template"] in TEXT_TEMPLATES:
            txt, texp = render_text(a, pub)
            out["text/%s.txt" % a["slug"]] = txt
            out["expected/%s.txt.json" % a["slug"]] = (json.dumps(texp, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return out


def write_all(out):
    for sub in ("html", "text", "expected"):
        d = os.path.join(CORPUS, sub)
        os.makedirs(d, exist_ok=True)
        # remove stale generated files so renames/deletions do not leave orphans
        for f in os.listdir(d):
            if ("%s/%s" % (sub, f)) not in out:
                os.remove(os.path.join(d, f))
    for rel, data in sorted(out.items()):
        with open(os.path.join(CORPUS, rel), "wb") as f:
            f.write(data)


# ---------------------------------------------------------------------------
# --check

def declared_charset(raw):
    m = re.search(rb'charset\s*=\s*["\']?([A-Za-z0-9_-]+)', raw[:2048], re.I)
    if not m:
        return "utf-8"
    cs = m.group(1).decode("ascii").lower()
    return {"windows-1252": "cp1252", "iso-8859-1": "latin-1"}.get(cs, cs)


def visible_text(page_str):
    s = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", page_str)
    s = re.sub(r"(?s)<!--.*?-->", " ", s)
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s)
    return re.sub(r"\s+", " ", s)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def check(arts):
    errors = []
    err = errors.append
    slugs = set()
    storylines, templates, splits = set(), {}, {}
    for a in arts:
        name = os.path.basename(a["_path"])
        keys = [k for k in a if not k.startswith("_")]
        if sorted(keys) != sorted(ARTICLE_KEYS):
            err("%s: keys %s" % (name, sorted(set(keys) ^ set(ARTICLE_KEYS))))
        if name != a["slug"] + ".json":
            err("%s: slug mismatch" % name)
        if a["slug"] in slugs:
            err("%s: duplicate slug" % name)
        slugs.add(a["slug"])
        if a["template"] not in TEMPLATES:
            err("%s: bad template" % name)
        if a["split"] not in SPLITS:
            err("%s: bad split" % name)
        storylines.add(a["storyline"])
        templates[a["template"]] = templates.get(a["template"], 0) + 1
        splits[a["split"]] = splits.get(a["split"], 0) + 1
        wc = word_count(a)
        if not 250 <= wc <= 550:
            err("%s: %d words" % (name, wc))
        for im in a["images"]:
            # The extractor resolves a relative src against the page's URL, so the expected
            # (article) src must already be absolute.
            if not im["src"].startswith(("http://", "https://")):
                err("%s: image src must be an absolute URL: %s" % (name, im["src"]))
        for b in a["blocks"]:
            if set(b) != {"kind", "text"} or b["kind"] not in BLOCK_KINDS or not b["text"].strip():
                err("%s: bad block %r" % (name, b))
            if "\n" in b["text"] or b["text"] != b["text"].strip():
                err("%s: block text must be one trimmed line" % name)
        for d in ("published", "modified"):
            if a[d] is not None:
                try:
                    parse_dt(a[d])
                except ValueError:
                    err("%s: bad %s" % (name, d))
        for im in a["images"]:
            if set(im) != {"src", "caption", "credit"}:
                err("%s: bad image keys" % name)
        if len(a["images"]) > 2:
            err("%s: too many images" % name)
        if a["template"] == "legacy":
            enc = "latin-1" if a["slug"] in LATIN1_SLUGS else "cp1252"
            try:
                json.dumps(clean(a), ensure_ascii=False).encode(enc)
            except UnicodeEncodeError as e:
                err("%s: not encodable as %s: %s" % (name, enc, e))
    if len(arts) != ARTICLE_COUNT:
        err("expected %d articles, found %d" % (ARTICLE_COUNT, len(arts)))
    if len(storylines) < 6:
        err("only %d storylines" % len(storylines))
    if set(templates) != set(TEMPLATES):
        err("templates not all used: %s" % templates)

    # rendered files must be up to date
    out = build_all(arts)
    for rel, data in out.items():
        p = os.path.join(CORPUS, rel)
        if not os.path.exists(p):
            err("missing %s (run the script without --check)" % rel)
        elif open(p, "rb").read() != data:
            err("stale %s (run the script without --check)" % rel)
    for sub in ("html", "text", "expected"):
        d = os.path.join(CORPUS, sub)
        if os.path.isdir(d):
            for f in os.listdir(d):
                if ("%s/%s" % (sub, f)) not in out:
                    err("orphan file %s/%s" % (sub, f))

    n_pages = 0
    for a in arts:
        for kind in ("html", "txt"):
            rel = "html/%s.html" % a["slug"] if kind == "html" else "text/%s.txt" % a["slug"]
            erel = "expected/%s.%s.json" % (a["slug"], kind)
            if rel not in out:
                continue
            n_pages += 1
            raw = open(os.path.join(CORPUS, rel), "rb").read()
            with open(os.path.join(CORPUS, erel), encoding="utf-8") as f:
                exp = json.load(f)
            if kind == "html":
                cs = declared_charset(raw)
                page = raw.decode(cs)
                vis = visible_text(page)
                if a["template"] == "legacy":
                    want = "latin-1" if a["slug"] in LATIN1_SLUGS else "cp1252"
                    if cs != want:
                        err("%s: declared charset %s, wanted %s" % (rel, cs, want))
                    try:
                        raw.decode("utf-8")
                        if any(ord(c) > 127 for c in page):
                            err("%s: legacy page unexpectedly decodes as UTF-8" % rel)
                    except UnicodeDecodeError:
                        pass
                    if want == "cp1252" and not any(0x80 <= byte <= 0x9F for byte in raw):
                        err("%s: no cp1252-specific bytes" % rel)
            else:
                page = raw.decode("utf-8")
                vis = norm(page)
                lines = page.split("\n")
                if lines[1] != a["title"] or lines[2] != a["title"]:
                    err("%s: title lines" % rel)
            # expected text
            if exp["text"] != body_text(a):
                err("%s: expected text differs from blocks joined by blank lines" % erel)
            # blocks occur in page, in order
            pos = 0
            for b in a["blocks"]:
                t = norm(b["text"])
                k = vis.find(t, pos)
                if k < 0:
                    err("%s: block not found (in order): %.60s" % (rel, t))
                else:
                    pos = k + len(t)
            for s in exp["mustContain"]:
                if s not in exp["text"] or norm(s) not in vis:
                    err("%s: mustContain not in text/page: %.60s" % (erel, s))
            if not exp["mustNotContain"]:
                err("%s: empty mustNotContain" % erel)
            for s in exp["mustNotContain"]:
                if norm(s) not in vis:
                    err("%s: mustNotContain not on page: %.60s" % (erel, s))
                if s.lower() in exp["text"].lower():
                    err("%s: mustNotContain inside expected text (case-insensitive): %.60s" % (erel, s))
            if exp["title"] != a["title"]:
                err("%s: title" % erel)
            if exp["title"] not in exp["mustNotContain"]:
                err("%s: headline not in mustNotContain" % erel)
            for im in exp["images"]:
                for part in (im["caption"], im["credit"]):
                    if norm(part) not in vis:
                        err("%s: image caption/credit not on page: %s" % (rel, part))
                if im["caption"] not in exp["mustNotContain"]:
                    err("%s: caption not in mustNotContain" % erel)
            if kind == "html":
                for im in exp["images"]:
                    src = im["src"]
                    base = SITES[a["template"]]["base"]
                    if src not in page and src[len(base):] not in page:
                        err("%s: image src not on page: %s" % (rel, src))
                if a["url"] not in page:
                    err("%s: canonical url not on page" % rel)
    n_txt = sum(1 for r in out if r.startswith("text/"))
    if n_txt < 5:
        err("only %d text pages" % n_txt)
    print("articles: %d  storylines: %d  templates: %s  splits: %s" % (
        len(arts), len(storylines), dict(sorted(templates.items())), dict(sorted(splits.items()))))
    print("pages checked: %d (%d html, %d text)" % (n_pages, n_pages - n_txt, n_txt))
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else "%d error(s)" % len(errors))
    return not errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="validate sources and rendered files; write nothing")
    args = ap.parse_args()
    arts = load_articles()
    if args.check:
        sys.exit(0 if check(arts) else 1)
    out = build_all(arts)
    write_all(out)
    print("wrote %d files under %s" % (len(out), os.path.relpath(CORPUS, os.getcwd())))


if __name__ == "__main__":
    main()
