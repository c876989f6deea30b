"""View-models: what each panel shows, computed from the session (read-only, no pygame).

The scenes render these plain dataclasses; they never reach into engine arrays themselves. This
is the "Observer" layer of frontend_style.md section 7.3: one place decides what a student sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..engine.ledger import Entry
from ..engine.record import value_years
from ..kit.lines import drop_parentheses as drop_parentheses
from ..kit.lines import short_label as short_label
from ..play.attribution import autonomy_change
from ..play.session import ChoiceView, PendingEvent, Session, TurnReport
from ..scenario.model import text_in
from . import engine_text
from .i18n import language, number, tr

ROW = "ROW"


def name(s: Session, ident: str) -> str:
    """The display name of an id, in the chosen language where the scenario has it."""
    if ident == ROW:
        return tr("common.rest_of_world")
    return engine_text.names_in(s.scenario).get(ident) or s.c.names.get(ident, ident)


def sep() -> str:
    """Between items of a list in running text ("; ", or "；" in Japanese)."""
    return tr("common.sep")


def team(s: Session, role: str) -> str:
    """ "Team Japan": how hotseat screens name a group of players."""
    return tr("team.name", role=name(s, role))


def who(s: Session, role: str, roles: tuple[str, ...]) -> str:
    """How the summary and the timeline name a person-played role: "You (Japan)" when one
    group plays, "Team Japan" in hotseat."""
    if len(roles) > 1:
        return team(s, role)
    return tr("summary.you", role=name(s, role))


def choice_label(s: Session, ch: ChoiceView) -> str:
    act = name(s, ch.action_id)
    return f"{act} → {name(s, ch.target)}" if ch.target else act


def change_label(s: Session, key: str) -> str:
    """A preview line's label (``Session.preview`` writes "Kazakhstan: trust in Japan") in the
    chosen language."""
    if language() == "en":
        return key
    sc = s.scenario
    ln = lambda x: engine_text.local_name(sc, x)  # noqa: E731
    state, _, rest = key.rpartition(": ")
    pre = f"{ln(state)}: " if state else ""
    if rest == "autonomy":
        return pre + tr("change.autonomy")
    if rest == "stability":
        return pre + tr("change.stability")
    m = re.match(r"^trust in (.+)$", rest)
    if m:
        return pre + tr("change.trust", power=ln(m[1]))
    m = re.match(r"^(.+) dependence on (.+)$", rest)
    if m:
        return pre + tr("change.dependence", dim=short_label(ln(m[1])), partner=ln(m[2]))
    return pre + ln(rest)


@dataclass
class EventText:
    """An event's words in the chosen language (the scenario's, else English)."""

    title: str
    text: str
    options: list[str]
    teacher_note: str


def event_text(s: Session, ev: PendingEvent) -> EventText:
    lang = language()
    e = s.c.event_index.get(ev.event_id)
    if e is None:
        return EventText(ev.title, ev.text, [o[1] for o in ev.options], ev.teacher_note)
    sev = s.scenario.events[e]
    return EventText(
        text_in(sev.title, lang),
        text_in(sev.text, lang),
        [text_in(o.text, lang) for o in sev.options],
        text_in(sev.teacher_note, lang),
    )


def effects(s: Session, sentences: list[str]) -> list[str]:
    """Engine effect sentences in the chosen language (unknown forms stay English, marked)."""
    return [engine_text.effect(s.scenario, t) for t in sentences]


def short_resource(s: Session, rid: str) -> str:
    """The one word the window uses for a resource (costs, the budget line, effects)."""
    return engine_text.resource_term(s.scenario, rid)


def fmt_cost(s: Session, cost: dict[str, float]) -> str:
    return " + ".join(f"{fmt_number(v)} {short_resource(s, r)}" for r, v in cost.items()) or tr(
        "common.free"
    )


def fmt_delta(v: float, digits: int = 1) -> str:
    """A change with its sign ("+1.2", "−0.4"; "+1,2" in Russian); one too small to show is
    "0.0", never "−0.0"."""
    if round(v, digits) == 0:
        return number(0.0, digits)
    return number(v, digits, sign=True).replace("-", "−")


def fmt_number(v: float) -> str:
    """A number with as many decimals as it has (like ``{:g}``), as the chosen language writes
    it ("4.5", "4,5")."""
    return number(float(v))


def fmt_value(v: float, digits: int = 1) -> str:
    """A value as the chosen language writes numbers ("74.5", "74,5")."""
    return number(v, digits)


# ---- map --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MapMode:
    id: str  # "dominant" | "autonomy" | "dim:<id>" | "trust"
    label: str
    kind: str  # "partner" | "ramp"


def map_modes(s: Session, role: str) -> list[MapMode]:
    out = [
        MapMode("dominant", tr("map.mode_dominant"), "partner"),
        MapMode("autonomy", tr("map.mode_autonomy"), "ramp"),
    ]
    for d in s.c.dim_ids:
        out.append(MapMode(f"dim:{d}", tr("map.mode_dim", dim=short_label(name(s, d))), "partner"))
    if role in s.c.power_index:
        out.append(MapMode("trust", tr("map.mode_trust", power=name(s, role)), "ramp"))
    return out


@dataclass(frozen=True)
class MapCell:
    """How one state is painted: its main partner among the powers (with its share) or a 0-100
    value on the ramp."""

    value: float  # 0..100
    partner: str | None = None
    badge: str = ""  # e.g. "R 48%" or "62"


def weighted_dependence(s: Session, si: int) -> np.ndarray:
    """Dependence of state ``si`` on each partner, averaged over dimensions by weight (0..1)."""
    dep = s.st.dep[0, si]  # (D, K)
    return (dep * s.c.dim_weights_norm[:, None]).sum(axis=0)


def map_cells(s: Session, mode: str, role: str, letters: dict[str, str]) -> dict[str, MapCell]:
    c = s.c
    out: dict[str, MapCell] = {}
    for si, sid in enumerate(c.state_ids):
        if mode == "autonomy":
            v = float(s.st.autonomy[0, si])
            out[sid] = MapCell(v, None, f"{v:.0f}")
        elif mode == "trust" and role in c.power_index:
            v = float(s.st.trust[0, si, c.power_index[role]])
            out[sid] = MapCell(v, None, f"{v:.0f}")
        else:
            if mode.startswith("dim:") and mode[4:] in c.dim_index:
                shares = s.st.dep[0, si, c.dim_index[mode[4:]]]
            else:
                shares = weighted_dependence(s, si)
            # the main partner among the powers: the rest of the world is nobody a student
            # can deal with, so it is never the state's "main partner" on the map
            powers = np.array([p != ROW for p in c.partner_ids])
            k = int(np.argmax(np.where(powers, shares, -1.0))) if powers.any() else 0
            pid = c.partner_ids[k]
            v = float(shares[k]) * 100
            out[sid] = MapCell(v, pid, f"{letters.get(pid, pid[0])} {v:.0f}%")
    return out


# ---- state panel ------------------------------------------------------------------------------
@dataclass
class StatePanel:
    id: str
    name: str
    autonomy: float
    autonomy_delta: float | None
    stability: float
    trust: list[tuple[str, str, float]]  # (power id, name, trust)
    player_trust: float | None
    memberships: list[str]
    membership_ids: list[str]
    dims: list[tuple[str, list[tuple[str, float]]]]  # (dim name, [(partner id, share 0..1)])


def previous_values(s: Session) -> dict[str, Any] | None:
    """The values at the start of the last played turn (for "change this turn")."""
    turns = s.record.turns
    if not turns:
        return None
    return turns[-2].values if len(turns) >= 2 else s.record.start_values


def state_panel(s: Session, sid: str, role: str) -> StatePanel:
    c = s.c
    si = c.state_index[sid]
    prev = previous_values(s)
    aut = float(s.st.autonomy[0, si])
    delta = aut - float(prev["autonomy"][si]) if prev else None
    trust = [(pid, name(s, pid), float(s.st.trust[0, si, p])) for p, pid in enumerate(c.power_ids)]
    pt = float(s.st.trust[0, si, c.power_index[role]]) if role in c.power_index else None
    oids = [oid for o, oid in enumerate(c.org_ids) if s.st.member[0, o, c.actor_index[sid]]]
    orgs = [name(s, oid) for oid in oids]
    dims = [
        (name(s, did), [(kid, float(s.st.dep[0, si, d, k])) for k, kid in enumerate(c.partner_ids)])
        for d, did in enumerate(c.dim_ids)
    ]
    return StatePanel(
        sid,
        name(s, sid),
        aut,
        delta,
        float(s.st.stability[0, si]),
        trust,
        pt,
        orgs,
        [o.upper() for o in oids],
        dims,
    )


# ---- "Why?" -----------------------------------------------------------------------------------
@dataclass
class WhyRow:
    title: str  # the cause, e.g. "Belt and Road loan → Kazakhstan"
    tag: str  # who or what: "China, action" / "event" / "trend"
    changes: str  # "Finance: China +5.6, rest of world −4.9 · trust in China +0.2"
    source: str
    weight: float


def _tag(s: Session, e: Entry, role: str) -> str:
    if e.kind == "action":
        who = e.actor  # the ledger knows whose action it was (two states may take the same one)
        if who == role:
            return tr("why.tag_you")
        return tr("why.tag_action", actor=name(s, who)) if who else tr("why.tag_action_plain")
    if e.kind == "option":
        return tr("why.tag_option")
    if e.kind == "event":
        return tr("why.tag_event")
    if e.kind == "drift":
        return tr("why.tag_trend")
    if e.kind == "limits":
        return tr("why.tag_limits")
    return e.kind


#: the causes the engine itself names (core.py's ledger labels, in English there)
ENGINE_CAUSES = (
    "trust_memory",
    "resentment",
    "economy",
    "income",
    "switching",
    "resilience_memory",
)


def cause_title(s: Session, kind: str, cause: str, label: str) -> str:
    """The ledger's label of a cause, in the chosen language where the scenario has it."""
    if language() == "en":
        return label
    sc = s.scenario
    if kind == "action":
        tgt = label.split(" → ", 1)[1] if " → " in label else ""
        act = name(s, cause)
        return f"{act} → {engine_text.local_name(sc, tgt)}" if tgt else act
    if kind == "event" and cause in s.c.event_index:
        return name(s, cause)
    if kind == "option" and "." in cause:
        eid, oid = cause.split(".", 1)
        e = s.c.event_index.get(eid)
        if e is not None:
            o = next((x for x in sc.events[e].options if x.id == oid), None)
            if o is not None:
                return f"{name(s, eid)}: {text_in(o.text, language())}"
    if kind in ("drift", "income") and cause in ENGINE_CAUSES:
        return tr(f"cause.{cause}")
    if kind == "drift" and cause.startswith("membership:"):
        return tr("cause.membership", org=name(s, cause.split(":", 1)[1]))
    if kind == "drift":
        return engine_text.names_in(sc).get(cause, label)
    return label


def why_rows(
    s: Session,
    report: TurnReport | None,
    sid: str | None,
    role: str,
    limit: int = 30,
    max_parts: int | None = None,
) -> list[WhyRow]:
    """What changed in state ``sid`` (or in every state) this turn, grouped by cause, largest
    first; ``max_parts`` keeps only the largest changes of each cause."""
    if report is None:
        return []
    groups: dict[tuple[str, str, str, str, str], list[Entry]] = {}
    for e in report.entries:
        if e.quantity in ("resource", "meter") or e.kind in ("cost", "income"):
            continue
        if sid is not None and e.key[0] != sid:
            continue
        groups.setdefault((e.kind, e.cause, e.label, e.source, e.actor), []).append(e)
    rows = []
    for (kind, _cause, label, source, _actor), ents in groups.items():
        weight = 0.0
        parts: list[tuple[float, str]] = []
        by_dim: dict[tuple[str, str], list[Entry]] = {}
        for e in ents:
            if e.quantity == "dependence":
                by_dim.setdefault((e.key[0], e.key[1]), []).append(e)
                weight += abs(e.delta) / 2
        for (st_id, did), es in by_dim.items():
            es = sorted(es, key=lambda x: -abs(x.delta))
            es = [x for x in es if abs(x.delta) >= 0.05]
            if not es:
                continue
            where = "" if sid else f"{name(s, st_id)}, "
            parts.append(
                (
                    sum(abs(x.delta) for x in es) / 2,
                    f"{where}{short_label(name(s, did))}: "
                    + ", ".join(f"{name(s, x.key[2])} {fmt_delta(x.delta)}" for x in es[:3]),
                )
            )
        for e in sorted(ents, key=lambda x: -abs(x.delta)):
            if e.quantity == "dependence" or abs(e.delta) < 0.05:
                continue
            where = "" if sid else f"{name(s, e.key[0])}, "
            if e.quantity == "trust":
                parts.append(
                    (
                        abs(e.delta),
                        where
                        + tr("why.trust_in", power=name(s, e.key[1]), delta=fmt_delta(e.delta)),
                    )
                )
            elif e.quantity == "stability":
                parts.append((abs(e.delta), where + tr("why.stability", delta=fmt_delta(e.delta))))
            elif e.quantity == "growth":
                parts.append((abs(e.delta), where + tr("why.growth", delta=fmt_delta(e.delta))))
            elif e.quantity == "resilience":
                parts.append((abs(e.delta), where + tr("why.resilience", delta=fmt_delta(e.delta))))
            weight += abs(e.delta)
        if not parts or (kind == "limits" and weight < 0.5):
            continue
        parts.sort(key=lambda p: -p[0])
        shown = (
            [p[1] for p in parts[:max_parts] if max_parts] if max_parts else [p[1] for p in parts]
        )
        if max_parts and len(parts) > max_parts:
            shown.append(tr("why.more", n=len(parts) - max_parts))
        title = cause_title(s, kind, _cause, label)
        if sid and title.endswith(f" → {name(s, sid)}"):
            title = title[: -len(f" → {name(s, sid)}")]
        changes = " · ".join(shown)
        rows.append(
            WhyRow(title, _tag(s, ents[0], role), changes[:1].upper() + changes[1:], source, weight)
        )
    rows.sort(key=lambda r: -r.weight)
    return rows[:limit]


def autonomy_lines(
    s: Session, report: TurnReport | None, sid: str, dims: int = 3, partners: int = 2
) -> list[str]:
    """Why ``sid``'s autonomy changed last turn, by area and partner, with the causes of each
    partner's move (``play.attribution``): "Autonomy 71.3 (−2.1 this turn), by area:", then
    "Security −2.1: Russia's share +4.0 points: CSTO exercise +3.0; CSTO membership +1.0" for
    the largest ``dims`` areas (each partner's two largest causes, with their own part of the
    move). Empty before the first turn or when nothing moved."""
    prev = previous_values(s)
    if report is None or prev is None or "dep" not in prev:
        return []
    c = s.c
    si = c.state_index[sid]
    parts = autonomy_change(c, sid, np.asarray(prev["dep"]), s.st.dep[0], report.entries)
    if not parts:
        return []
    now = float(s.st.autonomy[0, si])
    delta = now - float(prev["autonomy"][si])
    out = [tr("why.autonomy_head", value=fmt_value(now), delta=fmt_delta(delta))]
    tail = f" → {name(s, sid)}"
    for dp in parts[:dims]:
        moves = []
        for pp in dp.partners[:partners]:
            causes = []
            for cp in pp.causes[:2]:
                e = cp.entry
                title = cause_title(s, e.kind, e.cause, e.label)
                title = title[: -len(tail)] if title.endswith(tail) else title
                causes.append(f"{title} {fmt_delta(cp.share)}")
            key = "why.share_after" if causes else "why.share"
            moves.append(
                tr(
                    key,
                    partner=name(s, pp.partner),
                    delta=fmt_delta(pp.share),
                    causes=sep().join(causes),
                )
            )
        dim = short_label(name(s, dp.dimension))
        out.append(
            tr("why.autonomy_dim", dim=dim, delta=fmt_delta(dp.autonomy), parts=" · ".join(moves))
        )
    return out


# ---- choices ----------------------------------------------------------------------------------
@dataclass
class ChoiceRow:
    choice: ChoiceView
    text: str
    cost: str
    planned: bool
    number: int = 0  # what the row is called: its place in the list, all game long


def choice_rows(
    s: Session, choices: list[ChoiceView], planned: list[int], sid: str | None, show_all: bool
) -> list[ChoiceRow]:
    """The player's choices for the selected state (plus untargeted ones), or all of them.

    The rows keep the scenario's order and are numbered from 1 (keys 1-9 plan the first nine):
    a number means the same action for the whole game ("number 3!" is always the same action
    for that state), whether it is planned, available or not."""
    out = []
    for ch in choices:
        if not show_all and sid and ch.target and ch.target != sid:
            continue
        targeted = ch.target is not None and not show_all and ch.target == sid
        label = name(s, ch.action_id) if targeted else choice_label(s, ch)
        out.append(ChoiceRow(ch, label, fmt_cost(s, ch.cost), ch.id in planned))
    for i, r in enumerate(out):
        r.number = i + 1
    return out


# ---- turn summary, timeline -------------------------------------------------------------------
@dataclass
class SummaryVM:
    year: str
    actions: list[tuple[str, str]]  # (who, what)
    events: list[tuple[str, str]]  # (title, outcome)
    autonomy: list[tuple[str, float, float]]  # (state name, value, change)
    top_changes: list[WhyRow]


def _action_text(s: Session, key: str) -> str:
    act, _, tgt = key.partition("@")
    return f"{name(s, act)} → {name(s, tgt)}" if tgt else name(s, act)


def summary_vm(s: Session, rep: TurnReport, role: str | tuple[str, ...]) -> SummaryVM:
    c = s.c
    roles = (role,) if isinstance(role, str) else tuple(role)
    acts = []
    order = list(roles) + [a for a in rep.actions if a not in roles]
    for a in order:
        keys = rep.actions.get(a)
        if not keys and a in roles:
            acts.append((who(s, a, roles), tr("summary.passed")))
        elif keys:
            acts.append(
                (
                    who(s, a, roles) if a in roles else name(s, a),
                    sep().join(_action_text(s, k) for k in keys),
                )
            )
    evs = []
    for eid in rep.events:
        e = c.event_index[eid]
        ev = s.scenario.events[e]
        opt = rep.options.get(eid)
        lang = language()
        outcome = sep().join(effects(s, c.programs[c.events[e].program].texts))
        if opt:
            o = next((x for x in ev.options if x.id == opt), None)
            chooser = (
                (
                    who(s, ev.chooser, roles)
                    if ev.chooser in roles and len(roles) > 1
                    else name(s, ev.chooser)
                )
                if ev.chooser
                else ""
            )
            outcome += (" · " if outcome else "") + tr(
                "summary.option", who=chooser, option=text_in(o.text, lang) if o else opt
            )
            hist = next((x for x in ev.options if x.historical), None)
            if hist is not None:
                outcome += " " + tr("summary.historical_option", option=text_in(hist.text, lang))
        evs.append((text_in(ev.title, lang), outcome))
    prev = previous_values(s)
    aut = []
    for si, sid in enumerate(c.state_ids):
        v = float(s.st.autonomy[0, si])
        d = v - float(prev["autonomy"][si]) if prev else 0.0
        aut.append((name(s, sid), v, d))
    return SummaryVM(
        rep.year, acts, evs, aut, why_rows(s, rep, None, roles[0], limit=12, max_parts=3)
    )


@dataclass
class TimelineTurn:
    year: str
    lines: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)


def timeline(s: Session, role: str | tuple[str, ...]) -> list[TimelineTurn]:
    c = s.c
    roles = (role,) if isinstance(role, str) else tuple(role)
    lang = language()
    out = []
    for rep in s.reports:
        t = TimelineTurn(rep.year)
        for r in roles:
            mine = rep.actions.get(r, [])
            what = sep().join(_action_text(s, k) for k in mine) or tr("summary.passed")
            t.lines.append(("you", f"{who(s, r, roles)}: {what}"))
        for a, keys in rep.actions.items():
            if a not in roles and a in c.power_index:
                t.lines.append(
                    ("actor", f"{name(s, a)}: " + sep().join(_action_text(s, k) for k in keys))
                )
        for eid in rep.events:
            ev = s.scenario.events[c.event_index[eid]]
            line = f"{text_in(ev.title, lang)} ({tr('hist.' + ev.historicity)})"
            opt = rep.options.get(eid)
            if opt:
                o = next((x for x in ev.options if x.id == opt), None)
                line += " — " + tr("timeline.chosen", option=text_in(o.text, lang) if o else opt)
            t.lines.append(("event", line))
        out.append(t)
    return out


# ---- debrief ----------------------------------------------------------------------------------
@dataclass
class Series:
    label: str
    key: str  # partner or state id (for the colour/marker)
    values: list[float]


def years_axis(s: Session) -> list[str]:
    """The label of the values after each turn played (``engine.record.value_years``)."""
    return value_years(s.scenario.calendar, len(s.record.turns) + 1)


def autonomy_series(s: Session) -> list[Series]:
    snaps = [s.record.start_values] + [t.values for t in s.record.turns]
    return [
        Series(name(s, sid), sid, [float(v["autonomy"][si]) for v in snaps])
        for si, sid in enumerate(s.c.state_ids)
    ]


def mean_autonomy(s: Session, sid: str | None = None) -> list[float]:
    """The states' average autonomy after each turn (turn 0 first), or state ``sid``'s."""
    snaps = [s.record.start_values] + [t.values for t in s.record.turns]
    if sid is not None:
        i = s.c.state_ids.index(sid)
        return [float(v["autonomy"][i]) for v in snaps]
    return [float(np.mean(v["autonomy"])) for v in snaps]


def dependence_series(s: Session, sid: str) -> list[Series]:
    """Weighted dependence of one state on each partner over time (percent)."""
    c = s.c
    si = c.state_index[sid]
    w = c.dim_weights_norm
    snaps = [s.record.start_values] + [t.values for t in s.record.turns]
    out = []
    for k, kid in enumerate(c.partner_ids):
        vals = [float((np.asarray(v["dep"][si])[:, k] * w).sum() * 100) for v in snaps]
        out.append(Series(name(s, kid), kid, vals))
    return out


@dataclass
class Decision:
    year: str
    yours: str
    historical: str


def decisions(s: Session, bench: Session | None, role: str) -> list[Decision]:
    out = []
    for i, tr_ in enumerate(s.record.turns):
        mine = sep().join(_action_text(s, k) for k in tr_.actions.get(role, [])) or tr(
            "summary.passed"
        )
        opts = []
        for eid, oid in tr_.options.items():
            ev = s.scenario.events[s.c.event_index[eid]]
            if ev.chooser == role:
                o = next((x for x in ev.options if x.id == oid), None)
                lang = language()
                opts.append(f"{text_in(ev.title, lang)}: {text_in(o.text, lang) if o else oid}")
        if opts:
            mine += " · " + sep().join(opts)
        hist = ""
        if bench is not None and i < len(bench.record.turns):
            b = bench.record.turns[i]
            hist = sep().join(_action_text(s, k) for k in b.actions.get(role, [])) or tr(
                "summary.passed"
            )
        out.append(Decision(tr_.year, mine, hist))
    return out


def objectives_for(s: Session, role: str) -> list[dict[str, Any]]:
    """A role's graded objectives, named in the chosen language where the scenario has it."""
    lang = language()
    names = {ob.id: text_in(ob.name, lang) for ob in s.scenario.objectives.get(role, [])}
    return [
        {**o, "name": names.get(str(o["id"])) or o["name"]}
        for o in s.objectives()
        if o["role"] == role
    ]


def objective_names(s: Session, role: str) -> list[str]:
    """What the role is graded on, in the chosen language."""
    return [text_in(ob.name, language()) for ob in s.scenario.objectives.get(role, [])]


def overall_grades(s: Session, bench: Session, role: str) -> tuple[str, str]:
    """(the role's overall grade, the historical path's), "—" where there is none."""
    return s.grades().get(role, "—"), bench.grades().get(role, "—")


def objectives_against(
    s: Session, bench: Session, role: str
) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Each of the role's objectives with the same objective on the historical path."""
    hist = {o["id"]: o for o in objectives_for(bench, role)}
    return [(o, hist.get(o["id"])) for o in objectives_for(s, role)]


def _team_address(s: Session, role: str) -> re.Pattern[str]:
    """How a question addresses the team of ``role``: the window's "Team China" in the chosen
    language; in Russian also with the name declined ("команда Китая")."""
    nm = name(s, role)
    forms = [re.escape(tr("team.name", role=nm))]
    if role != nm:  # "Team EU" for the European Union: the id is how authors often write it
        forms.append(re.escape(tr("team.name", role=role)) + r"\b")
    if language() == "ru" and len(nm) > 3:
        stem = nm[:-1] if nm[-1] in "аяйиеоуыь" else nm
        forms.append(r"[Кк]оманд[а-я]*\s+«?" + re.escape(stem) + r"[а-я]*»?")
    return re.compile("|".join(forms), re.IGNORECASE)


def computer_teams(s: Session, humans: tuple[str, ...]) -> list[str]:
    """The powers a discussion question addresses as a team although the computer played them."""
    qs = [text_in(q, language()) for q in s.scenario.discussion_questions]
    return [
        a.id
        for a in s.scenario.powers
        if a.id not in humans and any(_team_address(s, a.id).search(q) for q in qs)
    ]


def discussion_questions(s: Session, humans: tuple[str, ...]) -> list[str]:
    """The scenario's discussion questions in the chosen language; a question that addresses
    the team of a power the computer played names that power as computer-played instead
    ("Team Japan and China (played by the computer): ...")."""
    out = []
    for q in s.scenario.discussion_questions:
        t = text_in(q, language())
        for role in computer_teams(s, humans):
            t = _team_address(s, role).sub(tr("team.computer", role=name(s, role)), t)
        out.append(t)
    return out
