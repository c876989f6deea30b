"""A team's brief as one HTML page for one sheet of paper printed on both sides.

``brief_doc`` lays the content (``parts``) out in the kit's ``Doc``: the title, the situation,
the objectives and the other actors in two columns, the tools table across the page, the key
terms and the sources in two columns. ``brief_html`` writes it with the print stylesheet
(``@page`` margins and page numbers, 10 pt text, 9 pt tables, no table row or list item cut
across a page) and, for Japanese, the game's own font inside the page, so no computer needs a
Japanese font installed to print it. ``tools/check_brief_pages.py`` prints every class brief
with Chromium on A4 and Letter and counts the pages (docs/teachers-guide.md has the figures).
"""

from __future__ import annotations

import base64
from functools import lru_cache

from ..data import asset
from ..kit.document import Doc
from ..kit.i18n import using
from ..scenario.model import Scenario
from .parts import brief_parts
from .words import tr

#: the font the game draws Japanese with, put inside Japanese pages (regular weight only: the
#: browser thickens it for headings, and one face keeps the page at about 1.6 MB)
FONT_FILE = ("fonts", "CrossroadsSans-Regular.ttf")
#: faces a computer may have, after the game's own (and the only ones when it is left out)
LATIN_FONTS = "'Noto Sans','Segoe UI','Helvetica Neue',Arial,sans-serif"
CJK_FONTS = (
    "'Noto Sans CJK JP','Noto Sans JP','Source Han Sans JP','Hiragino Sans',"
    "'Hiragino Kaku Gothic ProN','Yu Gothic','Meiryo'"
)
PRINT_CSS = """
@page{margin:9mm 10mm 10mm}
@page{@bottom-right{content:counter(page) " / " counter(pages);font-size:8pt;color:#555}}
html{font-size:10pt}
body{max-width:190mm;margin:1.5em auto;padding:0 1em;font-family:FONTS;line-height:1.25;
color:#111;overflow-wrap:anywhere}
h1{font-size:15pt;margin:0 .6em 0 0;line-height:1.2;color:#1c3350;float:left}
h2{font-size:11.5pt;margin:.45em 0 .15em;padding-bottom:.05em;border-bottom:1.2px solid #2d4a6b;
color:#1c3350;break-after:avoid;page-break-after:avoid}
h2:first-child{margin-top:0}
p{margin:.15em 0 .3em}
ul{margin:.1em 0 .3em;padding-left:1.1em}
li{margin:.08em 0}
p,li{orphans:2;widows:2}
li{break-inside:avoid;page-break-inside:avoid}
section.head{margin-bottom:.35em;border-bottom:2px solid #1c3350;min-height:1.5em}
section.head p{font-size:10.5pt;color:#333;margin:0;padding:.3em 0 .15em}
section.intro{clear:both}
section.intro,section.refs{columns:2;column-gap:7mm}
section.intro li{margin:.2em 0}
section.others ul{list-style:none;padding-left:0}
section.tools{margin-top:.3em}
section.tools p{font-size:9pt;color:#333;margin:0 0 .25em}
section.tools table{width:100%;border-collapse:collapse;margin:0;font-size:9pt;
line-height:1.18}
section.tools th,section.tools td{border:0;border-bottom:.6px solid #c8ced6;padding:.12em .3em;
vertical-align:top;text-align:left}
section.tools thead th{background:#1c3350;color:#fff;font-size:8.5pt;padding:.15em .3em}
section.tools tr{break-inside:avoid;page-break-inside:avoid}
section.tools td:nth-child(1){width:25%;color:#1c3350}
section.tools td:nth-child(1) em{display:block;font-style:normal;font-size:7.5pt;color:#5a6b80;
text-transform:uppercase;letter-spacing:.05em}
section.tools tr:has(>td:first-child>em){border-top:1.6px solid #2d4a6b}
section.tools td:nth-child(2){width:11%;word-break:keep-all}
section.tools td:nth-child(3){width:13%}
section.tools td:nth-child(4){width:9%;word-break:keep-all}
section.tools td:nth-child(5){width:42%}
section.tools td em{color:#444}
section.refs{font-size:9pt;line-height:1.2}
section.refs ul{list-style:none;padding-left:0}
section.refs li{margin:0 0 .2em}
section.foot{margin-top:.4em;font-size:8pt;color:#555;border-top:1px solid #bbb}
@media print{body{max-width:none;margin:0;padding:0}}
"""


def brief_doc(sc: Scenario, role: str, lang: str) -> Doc:
    """The brief as the kit's document (Markdown or HTML)."""
    with using(lang):
        p = brief_parts(sc, role, lang)
        doc = Doc(p.title, lang=lang)
        doc.section("head")
        doc.p(p.subtitle)
        if p.fallback:
            doc.p(f"_{p.fallback}_")
        doc.section("intro")
        doc.h(tr("h.situation"))
        for text in p.situation:
            doc.p(text)
        doc.h(tr("h.objectives"))
        if p.objectives:
            doc.p(tr("objectives.intro"))
            doc.ul(p.objectives)
        else:
            doc.p(tr("objectives.none"))
        doc.h(tr("h.others"))
        doc.ul(p.others)
        doc.section("tools")
        doc.h(tr("h.tools"))
        doc.p(p.tools_legend)
        rows = [
            [
                (f"_{family}_ " if k == 0 else "") + f"**{t.name}**",
                t.cost,
                t.target,
                t.when,
                t.effects + (f" · _{t.needs}_" if t.needs else ""),
            ]
            for family, tools in p.tools
            for k, t in enumerate(tools)
        ]
        head = ["col.action", "col.cost", "col.target", "col.when", "col.effects"]
        doc.table([tr(h) for h in head], rows)
        doc.section("refs")
        if p.terms:
            doc.h(tr("h.terms"))
            doc.ul(p.terms)
        doc.h(tr("h.sources"))
        if not p.sources:
            doc.p(tr("sources.none"))
        doc.ul(p.sources)
        doc.section("foot")
        doc.p(p.footer)
    return doc


@lru_cache(maxsize=1)
def _embedded_font() -> str:
    """An ``@font-face`` rule with the game's font inside it ('' when the file is missing)."""
    try:
        data = asset(*FONT_FILE).read_bytes()
    except OSError:
        return ""
    uri = "data:font/ttf;base64," + base64.b64encode(data).decode("ascii")
    return f"@font-face{{font-family:'Crossroads Sans';src:url({uri}) format('truetype')}}"


def print_css(lang: str) -> str:
    """The print stylesheet; Japanese pages carry the game's font and list system CJK faces."""
    if lang == "ja":
        fonts = f"'Crossroads Sans',{CJK_FONTS},{LATIN_FONTS}"
        extra = _embedded_font() + "body{line-break:strict}"
    else:
        fonts, extra = LATIN_FONTS, ""
    return extra + PRINT_CSS.replace("FONTS", fonts)


def brief_html(sc: Scenario, role: str, lang: str) -> str:
    """The brief of ``role`` in ``lang`` as one HTML page, ready to print."""
    return brief_doc(sc, role, lang).html(css=print_css(lang))
