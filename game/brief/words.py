"""The brief's words: its fixed phrases, the scenario's texts in the brief's language, and the
short forms of effects, conditions and quantities.

Fixed phrases come from ``game/brief/locale/<lang>.json`` through the kit's one translation
layer (``game.kit.i18n``: plural forms, numbers as the language writes them); the brief is built
inside ``using(lang)``. The scenario's own texts come from its inline translations
(``{en:, ja:, ru:}``), English where it has none; ``ScenarioTexts`` counts those, so the page can
say so.

An action's effects and its condition are written short, for one line of the tools table, from
the same structures in every language: ``effect_items`` ("Finance: Japan +0.8, China
-1", "trust in Japan +4 (every state)") and ``condition_short`` ("stability ≥ 40, trust in Japan
≥ 40"). The state they concern (the chosen one, or the role's own country) is not named.
``$actor`` is the role itself and ``$target`` "the chosen state" (or partner). An objective's
quantity is written in full (``quantity_phrase``; in English as the game's tooltips write it).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..kit.i18n import Catalogue, language, number
from ..kit.lines import is_cjk, short_label
from ..scenario.model import Scenario, Text, text_in
from ..scenario.registry import REST_OF_WORLD, Condition, Effect

PHRASES = Catalogue(Path(__file__).resolve().parent / "locale")
tr = PHRASES.tr

#: stands for ``$target`` in the sentences: named "the chosen state" (not an id any actor can have)
TARGET = "$chosen"


def join(items: list[str], last: str = "join.and") -> str:
    """'A, B and C' (or 'A, B or C' with ``last="join.or"``) in the brief's language."""
    if len(items) <= 1:
        return "".join(items)
    return tr("join.sep").join(items[:-1]) + tr(last) + items[-1]


class ScenarioTexts(Mapping[str, str]):
    """The scenario's texts in the brief's language, and its names by id (a mapping, as
    ``describe`` reads names). Counts the texts shown in English for want of a translation."""

    def __init__(self, sc: Scenario, lang: str, target_is_state: bool = True) -> None:
        self.lang = lang
        self.fell_back = 0  # texts shown in English for want of a translation
        self.translated = 0  # texts shown in the brief's language (other than English)
        self._texts: dict[str, Text] = {}
        for seq in (
            sc.actors,
            sc.dimensions,
            sc.resources,
            sc.meters,
            sc.organisations,
            sc.actions,
        ):
            for x in seq:
                self._texts[x.id] = x.name
        for ev in sc.events:
            self._texts[ev.id] = ev.title
        for f in sc.flags:  # a flag is named by what it says
            self._texts[f.id] = f.description
        self._short = {r.id: r.short or r.name for r in sc.resources}
        self.states = [a.id for a in sc.actors if a.kind == "state"]
        self.target = tr("target.state" if target_is_state else "target.partner")

    def text(self, t: Text | None) -> str:
        """``t`` in the brief's language; English (counted) where it has no translation."""
        if t is None:
            return ""
        if self.lang != "en":
            if isinstance(t, str) or not t.get(self.lang):
                self.fell_back += 1
            else:
                self.translated += 1
        return text_in(t, self.lang)

    def short(self, resource: str) -> str:
        """A resource's short name ('ODA', 'Capital') for costs and budgets."""
        return self.text(self._short.get(resource)) or resource

    def __getitem__(self, ref: str) -> str:
        if ref == TARGET:
            return self.target
        if ref == REST_OF_WORLD:
            return tr("word.rest_of_world")
        if ref == "all":
            return tr("word.all_dimensions")
        if ref not in self._texts:
            raise KeyError(ref)
        return self.text(self._texts[ref])

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def name(self, ref: str) -> str:
        return self.get(ref, ref)


def substituted(model: Any, placeholders: Mapping[str, str]) -> Any:
    """A copy of an effect or condition with ``$actor``/``$target`` replaced, at any depth."""
    updates: dict[str, Any] = {}
    for field, value in model:
        if isinstance(value, str) and value in placeholders:
            updates[field] = placeholders[value]
        elif isinstance(value, BaseModel):
            new = substituted(value, placeholders)
            if new is not value:
                updates[field] = new
        elif isinstance(value, list) and any(isinstance(v, BaseModel) for v in value):
            updates[field] = [substituted(v, placeholders) for v in value]
    return model.model_copy(update=updates) if updates else model


def delta(x: float) -> str:
    return number(x, sign=True)


def width(text: str) -> int:
    """How wide ``text`` prints, in Latin letters (a Japanese character counts two)."""
    return sum(2 if is_cjk(ch) else 1 for ch in text)


def fitted(items: list[str], sep: str, budget: int, more: bool = True) -> str:
    """The first ``items`` (at least one) that fit in ``budget``, then '…' (when ``more``) if
    some are left."""
    out: list[str] = []
    for item in items:
        if out and width(sep.join([*out, item])) > budget:
            return sep.join(out) + (tr("s.more") if more else "")
        out.append(item)
    return sep.join(out)


# ------------------------------------------------------------------------------------------------
# Effects, in short: one item each, grouped
# ------------------------------------------------------------------------------------------------
def _atom(e: Effect) -> tuple[tuple[Any, ...], str | None]:
    """An effect as (what changes and by how much, the state it concerns or None)."""
    verb, a = e.verb, e.arg
    if verb == "shift_dependence":
        return ("dep", a.dimension, a.partner, a.by), a.state
    if verb == "change_trust":
        return ("trust", a.power, a.by), a.state
    if verb in ("change_stability", "change_growth", "change_resilience"):
        return (verb, a.by), a.state
    if verb == "add_resource":
        return (verb, a.actor, a.resource, a.amount), None
    if verb == "change_meter":
        return (verb, a.meter, a.by), None
    if verb in ("set_flag", "clear_flag"):
        return (verb, a), None
    return (verb, a.org), a.actor  # join_org, leave_org


def _dimension(dim: str, names: ScenarioTexts) -> str:
    return tr("word.all_dimensions") if dim == "all" else short_label(names.name(dim))


def _item(key: tuple[Any, ...], role: str, names: ScenarioTexts) -> str:
    n, verb = names.name, key[0]
    if verb == "trust":
        return tr("s.trust", power=n(key[1]), delta=delta(key[2]))
    if verb == "change_stability":
        return tr("s.stability", delta=delta(key[1]))
    if verb == "change_growth":
        return tr("s.growth", delta=delta(key[1]))
    if verb == "change_resilience":
        return tr("s.resilience", delta=delta(key[1]))
    if verb == "add_resource":
        _, actor, resource, amount = key
        if actor == role:
            return tr("s.own_resource", resource=names.short(resource), delta=delta(amount))
        return tr(
            "fx.resource", actor=n(actor), resource=names.short(resource), delta=delta(amount)
        )
    if verb == "change_meter":
        return tr("fx.meter", meter=n(key[1]), delta=delta(key[2]))
    if verb in ("set_flag", "clear_flag"):
        return tr("fx.flag_on" if verb == "set_flag" else "fx.flag_off", what=n(key[1]))
    return tr("s.joins" if verb == "join_org" else "s.leaves", org=n(key[1]))


def _where(subjects: tuple[str | None, ...], home: str | None, names: ScenarioTexts) -> str:
    """' (Kazakhstan, Uzbekistan)' after an item that concerns other states than ``home``."""
    if subjects in ((home,), (None,)):
        return ""
    if len(subjects) > 1 and set(subjects) == set(names.states):
        return tr("s.where", where=tr("word.every_state"))
    return tr("s.where", where=tr("join.sep").join(names.name(str(s)) for s in subjects))


def effect_items(
    effects: list[Effect], role: str, home: str | None, names: ScenarioTexts
) -> list[str]:
    """The effects (placeholders substituted) in short, in the scenario's order: an item once
    for all the states it concerns, the changes of one dimension's dependence together
    ("Finance: Japan +0.8, China -1": the finance dependence on each); ``home`` (the chosen
    state, or the role's own country) is not named."""
    subjects: dict[tuple[Any, ...], list[str | None]] = {}
    for e in effects:
        key, subject = _atom(e)
        subjects.setdefault(key, []).append(subject)
    groups: dict[tuple[Any, ...], list[str]] = {}  # (key or dependence's dimension, states)
    for key, who in subjects.items():
        states = tuple(dict.fromkeys(who))
        if key[0] == "dep":
            change = tr("s.change", partner=names.name(key[2]), delta=delta(key[3]))
            groups.setdefault(("dep", key[1], states), []).append(change)
        else:
            groups[(key, states)] = []
    out = []
    for group, changes in groups.items():
        if group[0] == "dep":
            dim = _dimension(group[1], names)
            text = tr("s.dep", dim=dim, changes=tr("join.sep").join(changes))
        else:
            text = _item(group[0], role, names)
        out.append(text + _where(group[-1], home, names))
    return out


# ------------------------------------------------------------------------------------------------
# Quantities and conditions
# ------------------------------------------------------------------------------------------------
def quantity_phrase(kind: str, q: Any, names: ScenarioTexts) -> str:
    """What a quantity measures ('autonomy of Kazakhstan'), without its unit."""
    if language() == "en":
        return str(q.describe(names)).removesuffix(" (%)")
    n = names.name
    if kind == "dependence":
        return tr("q.dependence", state=n(q.state), partner=n(q.partner), dim=n(q.dimension))
    if kind == "resource":
        return tr("q.resource", actor=n(q.actor), resource=n(q.resource))
    if kind == "meter":
        return n(q.meter)
    power = n(q.power) if kind == "trust" else ""
    if q.state == "average":
        return tr(f"q.{kind}_avg", power=power)
    return tr(f"q.{kind}", state=n(q.state), power=power)


def unit_of(kind: str) -> str:
    """The unit written after a quantity's numbers: percent for dependence and growth."""
    return "%" if kind in ("dependence", "growth") else ""


def year_always_holds(cond: Condition, first: int, last: int) -> bool:
    """Whether a ``year`` condition holds in every year of the game (it says nothing then)."""
    y = cond.year
    if y is None:
        return False
    return (y.from_ is None or int(y.from_[:4]) <= first) and (
        y.until is None or int(y.until[:4]) >= last
    )


def simplified(cond: Condition | None, first: int, last: int) -> Condition | None:
    """``cond`` without the parts that hold throughout the game (a ``year`` from before it
    starts); None when nothing is left to say."""
    if cond is None or year_always_holds(cond, first, last):
        return None
    if cond.all is not None:
        kept = [c for c in (simplified(x, first, last) for x in cond.all) if c is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else cond.model_copy(update={"all": kept})
    return cond


def _short_quantity(kind: str, q: Any, role: str, home: str | None, names: ScenarioTexts) -> str:
    """A quantity in a few words; the state is named only when it is not ``home``."""
    n = names.name
    if kind == "resource":
        if q.actor == role:
            return names.short(q.resource)
        return tr("q.resource", actor=n(q.actor), resource=names.short(q.resource))
    if kind == "meter":
        return n(q.meter)
    power = n(q.power) if kind == "trust" else ""
    if q.state == "average":
        return tr(f"q.{kind}_avg", power=power)
    if kind == "dependence":
        text = tr("s.q.dependence", dim=_dimension(q.dimension, names), partner=n(q.partner))
    else:
        text = tr(f"s.q.{kind}", power=power)
    return text if q.state == home else tr("s.q.of", state=n(q.state), q=text)


#: a comparison and its opposite (for a ``not``)
COMPARE = {"at_least": ("s.at_least", "s.below"), "at_most": ("s.at_most", "s.above")}


def condition_short(
    cond: Condition, role: str, home: str | None, names: ScenarioTexts, negated: bool = False
) -> str:
    """A condition (placeholders substituted) in a few words: 'stability ≥ 40, trust in Japan
    ≥ 40, Finance dependence on China < 40%'."""
    kind, arg = cond.kind, cond.arg
    if kind in ("all", "any") and not negated:
        parts = [condition_short(c, role, home, names) for c in arg]
        if kind == "any":
            parts = [tr("s.group", c=p) if c.kind == "all" else p for p, c in zip(parts, arg)]
        return tr("s.and" if kind == "all" else "s.or").join(parts)
    if kind == "not" and not negated:
        return condition_short(arg, role, home, names, negated=True)
    if kind == "member_of":
        org = names.name(arg.org)
        if arg.actor == home:
            return tr("s.not_member" if negated else "s.member", org=org)
        text = tr("cond.member", actor=names.name(arg.actor), org=org)
    elif kind == "flag":
        text = tr("s.flag", what=names.name(arg))
    elif kind == "year":
        if arg.from_ and arg.until:
            text = tr("cond.year_between", **{"from": arg.from_, "until": arg.until})
        elif arg.from_:
            text = tr("cond.year_from", **{"from": arg.from_})
        else:
            text = tr("cond.year_until", until=arg.until)
    elif kind == "event_fired":
        text = tr("cond.event", what=names.name(arg.id))
    elif kind == "chance":
        text = tr("cond.chance", p=f"{number(arg * 100)}%")
    elif kind in ("all", "any", "not"):
        text = tr("s.group", c=condition_short(cond, role, home, names))
    else:
        q = _short_quantity(kind, arg, role, home, names)
        unit = unit_of(kind)
        for key, (yes, no) in COMPARE.items():
            x = getattr(arg, key)
            if x is not None:
                return tr(no if negated else yes, q=q, x=number(x) + unit)
        lo, hi = arg.between
        text = tr("s.between", q=q, lo=number(lo) + unit, hi=number(hi) + unit)
    return tr("cond.not", c=text) if negated else text
