"""A team's brief as its content, in the brief's language, before it is laid out: the
situation, the objectives and their grade bands, the other actors, the role's tools (one row an
action, grouped by family), the key terms and the sources (``reading``).

Everything comes from the scenario (a changed band or a new action shows up in the next brief);
the fixed phrases and the short forms are in ``words``. A tool is one row: its name (without
the note in brackets, as the window's list shows it), cost, target, timing in signs ("+2 ×3
rest 2", explained above the table), its effects in one short line (in the scenario's order,
as many as ``EFFECTS_WIDTH`` holds; the game's preview lists them all) and its condition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..kit.i18n import number
from ..kit.lines import drop_parentheses, short_label
from ..play.session import DIFFICULTY
from ..scenario.model import Action, Objective, Scenario
from .reading import definition, key_terms, sources
from .words import (
    PHRASES,
    TARGET,
    ScenarioTexts,
    condition_short,
    effect_items,
    fitted,
    join,
    quantity_phrase,
    simplified,
    substituted,
    tr,
    unit_of,
)

#: the effects of one tool fill about one line of their column (a Japanese character counts
#: two, as it is about twice as wide as a Latin letter); the rest is in the game's preview
EFFECTS_WIDTH = 64


@dataclass
class Tool:
    """One action as a row of the tools table, in the brief's language."""

    name: str
    cost: str
    target: str
    when: str
    effects: str
    needs: str = ""


@dataclass
class Parts:
    """The brief's content in the brief's language, before it is laid out."""

    title: str
    subtitle: str
    situation: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    tools_legend: str = ""
    tools: list[tuple[str, list[Tool]]] = field(default_factory=list)  # family, its tools
    terms: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    fallback: str = ""
    footer: str = ""


def role_actions(sc: Scenario, role: str) -> list[Action]:
    """The actions ``role`` may take, in the scenario's order."""
    return [a for a in sc.actions if role in ([a.actor] if isinstance(a.actor, str) else a.actor)]


def amounts(
    names: ScenarioTexts, values: dict[str, float], order: list[str], whole: bool = False
) -> str:
    """'20 ODA, 10 Capital' in the scenario's order of resources; with ``whole`` a line never
    breaks inside one amount."""
    keys = sorted(values, key=lambda k: order.index(k) if k in order else len(order))
    parts = [
        tr("amount", value=number(values[k]), resource=names.short(k)) for k in keys if values[k]
    ]
    return tr("join.sep").join(p.replace(" ", "\u00a0") if whole else p for p in parts)


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
    # the amounts a team sees on its first turn (the starting budget and the first income) at
    # the scenario's own level, the one the window starts it at - what is on the screen
    start, income = sc.initial.resources.get(role, {}), sc.income.get(role, {})

    def at(level: str) -> tuple[str, str]:
        f = DIFFICULTY[level].budget
        first = {k: (start.get(k, 0.0) + income.get(k, 0.0)) * f for k in {*start, *income}}
        return amounts(names, first, order), amounts(
            names, {k: v * f for k, v in income.items()}, order
        )

    own = sc.meta.difficulty
    first, every = at(own)
    if first or every:
        key = "rules.budget" if every else "rules.budget_no_income"
        budget = tr(key, start=first or "0", income=every)
        others = [
            tr("difficulty.level", level=tr(f"difficulty.{k}"), amounts=at(k)[0] or "0")
            for k, d in DIFFICULTY.items()
            if k != own and d.budget != DIFFICULTY[own].budget
        ]
        if others:
            budget += tr("sentence.sep") + tr(
                "rules.difficulty",
                level=tr(f"difficulty.{own}"),
                levels=tr("join.sep").join(others),
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


def timing(a: Action) -> str:
    """When an action's effects start ('now', '+2'), 'x3' when they repeat, 'rest 2' when it
    must rest before it can be used again; a line breaks only between these."""
    out = [tr("when.now") if a.delay == 0 else tr("when.later", n=a.delay)]
    if a.duration > 1:
        out.append(tr("when.repeat", n=a.duration))
    if a.cooldown >= 2:  # a cooldown of 1 is the rule for every action: once a turn
        out.append(tr("when.rest", n=a.cooldown))
    return " ".join(x.replace(" ", "\u00a0") for x in out)


def _target(sc: Scenario, a: Action, names: ScenarioTexts) -> str:
    if a.targets == "states":
        return tr("target.any_state")
    if a.targets == "none":
        return tr("target.none")
    left_out = [s for s in names.states if s not in a.targets]
    if all(t in names.states for t in a.targets) and 0 < len(left_out) <= 2 < len(a.targets):
        return tr("target.all_but", names=join([names.name(s) for s in left_out]))
    return join([names.name(t) for t in a.targets], "join.or")


def tool(sc: Scenario, role: str, a: Action, names: ScenarioTexts) -> Tool:
    """One action as a row: its name, cost, target, timing, effects and condition."""
    powers = {x.id for x in sc.powers}
    to_partner = isinstance(a.targets, list) and all(t in powers for t in a.targets)
    names.target = tr("target.partner" if to_partner else "target.state")
    is_state = any(x.id == role and x.kind == "state" for x in sc.actors)
    # the state the effects are about unless they name another: the chosen one, or your own
    home = TARGET if a.targets != "none" and not to_partner else (role if is_state else None)
    order = [r.id for r in sc.resources]
    swap = {"$actor": role, "$target": TARGET}
    items = effect_items([substituted(e, swap) for e in a.effects], role, home, names)
    first, last = int(sc.calendar.start[:4]), int(sc.calendar.end[:4])
    cond = simplified(a.available_if, first, last)
    needs = ""
    if cond is not None:
        needs = tr("tool.needs", cond=condition_short(substituted(cond, swap), role, home, names))
    return Tool(
        name=drop_parentheses(names.text(a.name)),  # as the window's list shows it
        cost=amounts(names, a.cost, order, whole=True) or tr("cost.free"),
        target=_target(sc, a, names),
        when=timing(a),
        effects=fitted(items, tr("effects.sep"), EFFECTS_WIDTH),
        needs=needs,
    )


def family_name(family: str) -> str:
    """An action family's name ('aid' -> 'Aid'); a family the brief does not know by its id."""
    key = f"family.{family}"
    return tr(key) if PHRASES.has(key) else family.replace("_", " ").capitalize()


def _tools(sc: Scenario, role: str, names: ScenarioTexts) -> list[tuple[str, list[Tool]]]:
    """The role's tools grouped by family, the families in the order they first appear."""
    groups: dict[str, list[Tool]] = {}
    for a in role_actions(sc, role):
        groups.setdefault(a.family, []).append(tool(sc, role, a, names))
    return [(family_name(f), tools) for f, tools in groups.items()]


def _others(sc: Scenario, role: str, names: ScenarioTexts) -> list[str]:
    """The powers and the states described one a line (a team's or with a description), the
    other states on one line, and the organisations with their members at the start."""
    out, plain = [], []
    for x in sc.actors:
        if x.id == role:
            continue
        desc = names.text(x.description)
        if x.kind == "state" and not x.playable and not desc:
            plain.append(names.name(x.id))
            continue
        line = tr(
            "actor.line",
            name=names.name(x.id),
            who=tr("actor.team" if x.playable else "actor.computer"),
        )
        out.append(line + tr("actor.sep") + desc if desc else line)
    if plain:
        out.append(tr("others.states", states=join(plain)))
    orgs = []
    for o in sc.organisations:
        members = [m for m in o.members if m in names.states]
        if members and set(members) == set(names.states):
            who = tr("word.every_state")
        else:
            who = join([names.name(m) for m in o.members]) or tr("org.none")
        key = "org.led" if o.led_by else "org.line"
        led_by = names.name(o.led_by) if o.led_by else ""
        org = short_name(names.name(o.id))
        orgs.append(tr(key, org=org, leader=led_by, members=who))
    if orgs:
        out.append(tr("others.orgs", orgs=tr("org.sep").join(orgs)))
    return out


def short_name(name: str) -> str:
    """ "Eurasian Economic Union (EAEU)" -> "EAEU": what a name's bracket holds, if it has one."""
    m = re.search(r"[(\uff08]([^)\uff09]+)[)\uff09]\s*$", name)
    return m[1] if m else name


def brief_parts(sc: Scenario, role: str, lang: str) -> Parts:
    """The brief of ``role`` in ``lang`` (call inside ``using(lang)``)."""
    names = ScenarioTexts(sc, lang)
    parts = Parts(
        title=tr("title", role=names.name(role)),
        subtitle=names.text(sc.meta.title),
    )
    parts.situation = _situation(sc, role, names)
    parts.objectives = [objective_line(ob, names) for ob in sc.objectives.get(role, [])]
    parts.others = _others(sc, role, names)
    actor = next(a for a in sc.actors if a.id == role)
    # the example in the legend: the role's own partner (itself, for a power) and dimension
    partner = role if actor.kind == "power" else next(p.id for p in sc.powers)
    dim = short_label(names.name(sc.dimensions[0].id)) if sc.dimensions else ""
    parts.tools_legend = tr(f"tools.legend.{actor.kind}", partner=names.name(partner), dim=dim)
    parts.tools = _tools(sc, role, names)
    rows = [f"{t.name} {t.effects} {t.needs}" for _, tools in parts.tools for t in tools]
    later = [*rows, *parts.others, parts.tools_legend]
    terms = key_terms(sc, lang, parts.situation + parts.objectives, later)
    parts.terms = [
        tr("term", name=names.text(g.name), definition=definition(names.text(g.definition)))
        for g in terms
    ]
    parts.sources = sources(sc, role, role_actions(sc, role), names)
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
    if sc.meta.kind != "class":  # only class scenarios are checked to fit one sheet
        parts.footer += tr("sentence.sep") + tr("footer.longer")
    return parts
