"""One team's brief, built from the scenario: the situation, the objectives and their grade
bands, the role's tools (its actions with costs, timing and effects), the other actors, the key
terms and the sources to read; written as one HTML page that prints well on A4 and Letter.

Everything comes from the scenario (a changed band or a new action shows up in the next brief);
the fixed phrases and the sentences are in ``words``. ``brief_doc`` builds the kit's ``Doc``,
``brief_html`` writes it with the print stylesheet (``@page`` margins, page numbers, the tools
in two columns, no table or item cut across a page) and, for Japanese, the game's own font
inside the page, so no computer needs a Japanese font installed to print it.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..data import asset
from ..kit.document import Doc
from ..kit.i18n import number, using
from ..play.session import DIFFICULTY
from ..scenario.model import Action, Objective, Scenario
from .words import (
    TARGET,
    ScenarioTexts,
    condition_sentence,
    effect_sentence,
    join,
    quantity_phrase,
    simplified,
    substituted,
    tr,
    unit_of,
)

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
@page{margin:14mm 13mm 15mm}
@page{@bottom-right{content:counter(page) " / " counter(pages);font-size:9pt;color:#555}}
html{font-size:11pt}
body{max-width:190mm;margin:1.5em auto;padding:0 1em;font-family:FONTS;line-height:1.42;
color:#111;overflow-wrap:anywhere}
h1{font-size:19pt;margin:0 0 .15em;line-height:1.2}
h2{font-size:14pt;margin:1.1em 0 .35em;padding-bottom:.1em;border-bottom:1.5px solid #2d4a6b;
color:#1c3350;break-after:avoid;page-break-after:avoid}
h3{font-size:11.5pt;margin:.75em 0 .15em;color:#1c3350;break-after:avoid;page-break-after:avoid}
p{margin:.25em 0 .45em}
ul{margin:.15em 0 .5em;padding-left:1.25em}
li{margin:.1em 0}
p,li{orphans:2;widows:2}
li{break-inside:avoid;page-break-inside:avoid}
section.head p:first-of-type{font-size:12pt;color:#333}
section.objectives li{margin:.35em 0}
section.tools{columns:2;column-gap:8mm}
section.tools h2,section.tools>p:first-of-type{column-span:all}
section.tools ul{list-style:none;padding-left:0;font-size:10.5pt}
section.tools li{white-space:pre-line;margin:0 0 .8em}
section.tools li strong:first-child{font-size:11.5pt;color:#1c3350}
section.terms,section.sources{columns:2;column-gap:8mm;font-size:10pt;line-height:1.35}
section.terms h2,section.sources h2{column-span:all;font-size:14pt}
section.sources>p:first-of-type{column-span:all}
section.terms ul,section.sources ul{list-style:none;padding-left:0}
section.terms li,section.sources li{margin:0 0 .35em}
section.sources li{white-space:pre-line;break-inside:auto;page-break-inside:auto}
section.foot{margin-top:1.2em;font-size:9pt;color:#555;border-top:1px solid #bbb}
@media print{body{max-width:none;margin:0;padding:0}}
"""


@dataclass
class Parts:
    """The brief's content in the brief's language, before it is laid out."""

    title: str
    subtitle: str
    situation: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    tools_intro: str = ""
    tools: list[tuple[str, str, list[str]]] = field(default_factory=list)  # name, text, facts
    others: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    fallback: str = ""
    footer: str = ""


def role_actions(sc: Scenario, role: str) -> list[Action]:
    """The actions ``role`` may take, in the scenario's order."""
    return [a for a in sc.actions if role in ([a.actor] if isinstance(a.actor, str) else a.actor)]


def amounts(names: ScenarioTexts, values: dict[str, float], order: list[str]) -> str:
    """'20 ODA, 10 Capital' in the scenario's order of resources."""
    keys = sorted(values, key=lambda k: order.index(k) if k in order else len(order))
    return tr("join.sep").join(
        tr("amount", value=number(values[k]), resource=names.short(k)) for k in keys if values[k]
    )


def _situation(sc: Scenario, role: str, names: ScenarioTexts) -> list[str]:
    actor = next(a for a in sc.actors if a.id == role)
    out = [names.text(sc.meta.summary)]
    you = tr("you_play", role=names.name(role))
    desc = names.text(actor.description)
    out.append(tr("sentence.sep").join(t for t in (you, desc) if t))
    turns = sc.calendar.n_turns
    out.append(
        tr(
            "rules.turns",
            start=sc.calendar.start[:4],
            end=sc.calendar.end[:4],
            turns=tr("n.turns", n=turns),
            per_turn=tr(f"per_turn.{sc.calendar.turn}"),
            actions=tr("n.actions", n=sc.model.actions_per_turn),
        )
    )
    order = [r.id for r in sc.resources]
    start = amounts(names, sc.initial.resources.get(role, {}), order)
    income = amounts(names, sc.income.get(role, {}), order)
    if start or income:
        key = "rules.budget" if income else "rules.budget_no_income"
        budget = tr(key, start=start or "0", income=income)
        levels = [
            tr("difficulty.level", level=tr(f"difficulty.{k}"), factor=number(d.budget))
            for k, d in DIFFICULTY.items()
            if d.budget != 1
        ]
        if levels:
            budget += tr("sentence.sep") + tr(
                "rules.difficulty", levels=tr("join.sep").join(levels)
            )
        out.append(budget)
    return out


def objective_line(ob: Objective, names: ScenarioTexts) -> str:
    """'**Name** (counts ×2): A if ... ends at 76 or more, B at ...' from the objective's data."""
    kind = ob.quantity.kind
    unit = unit_of(kind)
    b = ob.bands
    bands = tr(
        "band.lower" if ob.lower_is_better else "band.higher",
        q=quantity_phrase(kind, ob.quantity.arg, names),
        a=number(b.A) + unit,
        b=number(b.B) + unit,
        c=number(b.C) + unit,
        d=number(b.D) + unit,
    )
    weight = tr("weight", w=number(ob.weight)) if ob.weight != 1 else ""
    return tr(
        "objective.line",
        name=names.text(ob.name),
        weight=weight,
        bands=bands,
        description=names.text(ob.description),
    ).strip()


def _timing(a: Action) -> str:
    start = tr("start.now") if a.delay == 0 else tr("start.later", n=a.delay)
    out = (
        tr("timing.once", start=start)
        if a.duration == 1
        else tr("timing.repeat", n=a.duration, start=start)
    )
    if a.cooldown >= 2:  # a cooldown of 1 is the rule for every action: once a turn
        key = "tool.cooldown_untargeted" if a.targets == "none" else "tool.cooldown"
        out += tr("sentence.sep") + tr(key, n=a.cooldown)
    return out


def tool(sc: Scenario, role: str, a: Action, names: ScenarioTexts) -> tuple[str, str, list[str]]:
    """One action: its name, its description and its facts (cost, target, timing, condition,
    effects) in plain words."""
    powers = {x.id for x in sc.powers}
    to_partner = isinstance(a.targets, list) and all(t in powers for t in a.targets)
    names.target = tr("target.partner" if to_partner else "target.state")
    order = [r.id for r in sc.resources]
    cost = amounts(names, a.cost, order)
    first_line = tr("tool.cost", cost=cost) if cost else tr("tool.free")
    if a.targets == "states":
        first_line += tr("sentence.sep") + tr("tool.target.states")
    elif a.targets != "none":
        targets = join([names.name(t) for t in a.targets], "join.or")
        first_line += tr("sentence.sep") + tr("tool.target.list", targets=targets)
    facts = [first_line, _timing(a)]
    swap = {"$actor": role, "$target": TARGET}
    first, last = int(sc.calendar.start[:4]), int(sc.calendar.end[:4])
    cond = simplified(a.available_if, first, last)
    if cond is not None:
        facts.append(tr("tool.only_when", cond=condition_sentence(substituted(cond, swap), names)))
    effects = tr("effects.sep").join(
        effect_sentence(substituted(e, swap), names) for e in a.effects
    )
    facts.append(tr("tool.effects_each" if a.duration > 1 else "tool.effects", effects=effects))
    return names.text(a.name), names.text(a.description), facts


def _others(sc: Scenario, role: str, names: ScenarioTexts) -> list[str]:
    out = []
    for x in sc.actors:
        if x.id == role:
            continue
        line = tr(
            "actor.line",
            name=names.name(x.id),
            kind=tr(f"actor.{x.kind}"),
            who=tr("actor.team" if x.playable else "actor.computer"),
        )
        extra = [names.text(x.description)]
        member = [names.name(o.id) for o in sc.organisations if x.id in o.members]
        leads = [names.name(o.id) for o in sc.organisations if o.led_by == x.id]
        if leads:
            extra.append(tr("actor.leads", orgs=join(leads)))
        if member:
            extra.append(tr("actor.member", orgs=join(member)))
        text = tr("sentence.sep").join(t for t in extra if t)
        out.append(line + tr("actor.sep") + text if text else line)
    return out


def _sources(sc: Scenario, role: str, names: ScenarioTexts) -> list[str]:
    """The bibliography entries cited by the role's actions and by the events it decides, each
    with what cites it and where to look."""
    uses: dict[str, list[str]] = {}
    cited: list[tuple[str, list[Any]]] = [
        (names.text(a.name), a.sources) for a in role_actions(sc, role)
    ]
    for ev in sc.events:
        if ev.chooser == role:
            cited.append((names.text(ev.title), ev.sources))
    for what, refs in cited:
        for s in refs:
            uses.setdefault(s.ref, []).append(tr("source.use", what=what, where=s.locator))
    bib = {b.id: b for b in sc.bibliography}
    out = []
    for ref, used in uses.items():
        b = bib.get(ref)
        if b is None:
            continue
        head = ". ".join(x for x in (f"**{b.title}**", b.publisher, b.date) if x)
        lines = [f"{head}.", *([b.url] if b.url else [])]
        lines.append(tr("source.for", uses="; ".join(dict.fromkeys(used))))
        out.append("\n".join(lines))
    return out


def brief_parts(sc: Scenario, role: str, lang: str) -> Parts:
    """The brief of ``role`` in ``lang`` (call inside ``using(lang)``)."""
    names = ScenarioTexts(sc, lang)
    parts = Parts(
        title=tr("title", role=names.name(role)),
        subtitle=names.text(sc.meta.title),
    )
    parts.situation = _situation(sc, role, names)
    parts.objectives = [objective_line(ob, names) for ob in sc.objectives.get(role, [])]
    actor = next(a for a in sc.actors if a.id == role)
    parts.tools_intro = tr(f"tools.intro.{actor.kind}")
    parts.tools = [tool(sc, role, a, names) for a in role_actions(sc, role)]
    parts.others = _others(sc, role, names)
    parts.terms = [
        tr("term", name=names.text(g.name), definition=names.text(g.definition))
        for g in sc.glossary
    ]
    parts.sources = _sources(sc, role, names)
    if names.fell_back:
        parts.fallback = tr("fallback.some" if names.translated else "fallback.all")
    parts.footer = tr(
        "footer",
        sid=sc.meta.id,
        version=sc.meta.version,
        licence=sc.meta.licence,
        role=role,
        lang=lang,
    )
    return parts


def brief_doc(sc: Scenario, role: str, lang: str) -> Doc:
    """The brief as the kit's document (Markdown or HTML)."""
    with using(lang):
        p = brief_parts(sc, role, lang)
        doc = Doc(p.title, lang=lang)
        doc.section("head")
        doc.p(p.subtitle)
        if p.fallback:
            doc.p(f"_{p.fallback}_")
        doc.section("situation")
        doc.h(tr("h.situation"))
        for text in p.situation:
            doc.p(text)
        doc.section("objectives")
        doc.h(tr("h.objectives"))
        if p.objectives:
            doc.p(tr("objectives.intro"))
            doc.ul(p.objectives)
            doc.p(tr("objectives.overall"))
        else:
            doc.p(tr("objectives.none"))
        doc.section("others")
        doc.h(tr("h.others"))
        doc.p(tr("others.intro"))
        doc.ul(p.others)
        doc.section("tools")
        doc.h(tr("h.tools"))
        doc.p(p.tools_intro)
        # one item an action, its lines kept together in a column (white-space: pre-line)
        doc.ul(
            [
                "\n".join([f"**{name}**", *([text] if text else []), *facts])
                for name, text, facts in p.tools
            ]
        )
        if p.terms:
            doc.section("terms")
            doc.h(tr("h.terms"))
            doc.ul(p.terms)
        doc.section("sources")
        doc.h(tr("h.sources"))
        doc.p(tr("sources.intro") if p.sources else tr("sources.none"))
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
