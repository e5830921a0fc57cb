/// The one stylesheet, served from `/assets/app.css` (the Content-Security-Policy allows
/// no inline styles and no scripts). System fonts only.
enum Stylesheet {
    static let css = """
        :root { --ink: #1d2733; --muted: #627080; --line: #dfe4ea; --paper: #fbfbf8; --accent: #1f5f99; --quote: #fff4d6;
          --coop: #2f7d5b; --verbal: #b7791f; --material: #c0392b; --other: #5a6b7b; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--paper); }
        a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem 2rem; padding: .75rem 2rem; background: #14202c; color: #fff; }
        header.top a { color: #dce7f2; } header.top a[aria-current] { color: #fff; font-weight: 600; border-bottom: 2px solid #7fb2e5; }
        .brand { font-weight: 700; font-size: 1.25rem; letter-spacing: .02em; color: #fff !important; }
        header.top nav { display: flex; gap: 1.25rem; }
        form.quick { display: flex; gap: .4rem; }
        .who { margin-left: auto; display: flex; align-items: center; gap: .8rem; color: #dce7f2; font-size: .9rem; }
        .who form { margin: 0; } button.link { background: none; border: none; color: #dce7f2; padding: 0; text-decoration: underline; }
        p.error { background: #fdecea; border: 1px solid #e0b4b4; border-radius: 4px; padding: .5rem .8rem; }
        form.note { display: flex; flex-direction: column; gap: .4rem; margin-top: .6rem; } form.note button { align-self: flex-start; } textarea { font: inherit; padding: .4rem; border: 1px solid var(--line); border-radius: 4px; }
        form.inline { display: inline-flex; gap: .3rem; margin: 0; }
        form.publish { display: flex; flex-direction: column; gap: .6rem; max-width: 46rem; } form.publish label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); gap: .2rem; }
        form.publish button { align-self: flex-start; }
        .correct { display: flex; flex-wrap: wrap; gap: .8rem; margin-top: .6rem; } button.danger { background: #c0392b; border-color: #c0392b; }
        input, select, button { font: inherit; padding: .35rem .55rem; border: 1px solid var(--line); border-radius: 4px; }
        button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
        main { max-width: 1180px; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
        footer.bottom { border-top: 1px solid var(--line); padding: 1rem 2rem; color: var(--muted); font-size: .85rem; }
        h1 { font-size: 1.9rem; line-height: 1.2; margin: .2rem 0 .6rem; } h2 { font-size: 1.2rem; margin: 1.6rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
        h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
        .muted { color: var(--muted); } .small { font-size: .85rem; }
        .grid { display: grid; grid-template-columns: 2fr 1fr; gap: 2rem; } @media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: .8rem; padding: 0; list-style: none; }
        .cards li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .7rem .9rem; }
        ol.events, ul.articles, ul.plain { list-style: none; padding: 0; margin: 0; }
        li.event { display: grid; grid-template-columns: 8.5rem 1fr; gap: .8rem; padding: .55rem 0; border-bottom: 1px solid var(--line); }
        .when { color: var(--muted); font-size: .9rem; white-space: nowrap; }
        ul.articles li { padding: .35rem 0; border-bottom: 1px solid var(--line); }
        blockquote.evidence { margin: .3rem 0 0; padding: .3rem .6rem; border-left: 3px solid var(--line); color: #39434e; font-size: .93rem; }
        .badge { display: inline-block; font-size: .72rem; font-weight: 700; letter-spacing: .04em; padding: .05rem .4rem; border-radius: 3px; color: #fff; vertical-align: middle; }
        .badge.coop { background: var(--coop); } .badge.verbal { background: var(--verbal); } .badge.material { background: var(--material); } .badge.other { background: var(--other); }
        .modality { font-size: .75rem; font-style: italic; color: var(--muted); border: 1px dashed var(--muted); border-radius: 3px; padding: 0 .3rem; margin-right: .2rem; }
        .meta { color: var(--muted); font-size: .92rem; margin-bottom: 1rem; } .meta span + span::before { content: " · "; }
        .chips { display: flex; flex-wrap: wrap; gap: .35rem; padding: 0; list-style: none; margin: .3rem 0; }
        .chips li { background: #eef2f6; border-radius: 999px; padding: .05rem .6rem; font-size: .85rem; }
        article.reader { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1.2rem 1.6rem; font-size: 1.05rem; line-height: 1.65; }
        article.reader p { margin: 0 0 1rem; }
        a.m { border-bottom: 2px solid transparent; color: inherit; } a.m:hover { text-decoration: none; background: #eef4fb; }
        a.m.t-PERSON { border-bottom-color: #5b8def; } a.m.t-ORG { border-bottom-color: #9b59b6; } a.m.t-GPE, a.m.t-LOC, a.m.t-FAC { border-bottom-color: #27ae60; } a.m.t-NORP { border-bottom-color: #e67e22; }
        mark.q { background: var(--quote); color: inherit; }
        .legend { display: flex; flex-wrap: wrap; gap: .8rem; font-size: .82rem; color: var(--muted); margin: .4rem 0 .8rem; }
        .legend i { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; margin-right: .3rem; vertical-align: -1px; }
        .legend i.f-coop { background: var(--coop); } .legend i.f-verbal { background: var(--verbal); } .legend i.f-material { background: var(--material); } .legend i.f-other { background: var(--other); }
        .key-person { border-bottom: 2px solid #5b8def; } .key-org { border-bottom: 2px solid #9b59b6; } .key-place { border-bottom: 2px solid #27ae60; } .key-quote { background: var(--quote); }
        figure { margin: 0 0 1rem; padding: .6rem .8rem; background: #f3f5f7; border-radius: 4px; font-size: .9rem; }
        figcaption .credit { color: var(--muted); margin-left: .4rem; }
        .scroll { overflow-x: auto; max-width: 100%; }
        table.tracker th:first-child { min-width: 12rem; } table.tracker td { min-width: 8rem; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; background: #fff; }
        th, td { border: 1px solid var(--line); padding: .4rem .5rem; vertical-align: top; text-align: left; }
        th { background: #f0f3f6; }
        td.stance-demands { background: #fdf1dc; } td.stance-offers { background: #e6f3ec; } td.stance-accepts { background: #d9f0e3; } td.stance-rejects { background: #fbe3e0; }
        td .history { font-size: .8rem; color: var(--muted); margin: .2rem 0 0; padding-left: 1rem; }
        .stance { font-weight: 600; text-transform: uppercase; font-size: .78rem; letter-spacing: .04em; }
        svg { max-width: 100%; height: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
        svg text { font-family: system-ui, sans-serif; }
        form.facets { display: flex; flex-wrap: wrap; gap: .6rem; align-items: end; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .8rem; }
        form.facets label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); gap: .15rem; }
        .hit { padding: .6rem 0; border-bottom: 1px solid var(--line); } .hit p { margin: .2rem 0; }
        nav.pager { margin: 1rem 0; display: flex; gap: 1rem; }
        .error { background: #fff; border: 1px solid #e0b4b4; border-radius: 6px; padding: 1rem 1.2rem; }
        ol.sources li { margin: .2rem 0; } a.ref { font-size: .8rem; }
        @media print {
          header.top, footer.bottom, .noprint, form { display: none !important; }
          body { background: #fff; } main { max-width: none; padding: 0; }
          svg, table, blockquote { break-inside: avoid; } a { color: inherit; }
        }
        dl.facts { display: grid; grid-template-columns: 9rem 1fr; gap: .3rem .8rem; } dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
        """
}