"""The brief's words: its fixed phrases, the scenario's texts in the brief's language, and the
sentences for effects, conditions and quantities.

Fixed phrases come from ``game/brief/locale/<lang>.json`` through the kit's one translation
layer (``game.kit.i18n``: plural forms, numbers as the language writes them); the brief is built
inside ``using(lang)``. The scenario's own texts come from its inline translations
(``{en:, ja:, ru:}``), English where it has none; ``ScenarioTexts`` counts those, so the page can
say so.

In English an effect or a condition reads exactly as the game's tooltips write it (``describe``
in ``game/scenario/registry.py``). Japanese and Russian sentences are built here from the same
structures, with the scenario's names in that language. ``$actor`` is the role itself and
``$target`` "the chosen state" (or partner) in every language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel

from ..kit.i18n import Catalogue, language, number
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


def as_names(names: ScenarioTexts) -> dict[str, str]:
    """The names as ``describe`` takes them: it only reads them with ``get``, which a
    ``ScenarioTexts`` answers (counting what it shows in English)."""
    return cast(dict[str, str], names)


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


# ------------------------------------------------------------------------------------------------
# Effects
# ------------------------------------------------------------------------------------------------
def effect_sentence(e: Effect, names: ScenarioTexts) -> str:
    """One effect (its placeholders already substituted) in the brief's language."""
    if language() == "en":
        return e.describe(as_names(names))
    n, verb, a = names.name, e.verb, e.arg
    if verb == "shift_dependence":
        return tr(
            "fx.dep", state=n(a.state), partner=n(a.partner), dim=n(a.dimension), delta=delta(a.by)
        )
    if verb == "change_trust":
        return tr("fx.trust", state=n(a.state), power=n(a.power), delta=delta(a.by))
    if verb == "change_stability":
        return tr("fx.stability", state=n(a.state), delta=delta(a.by))
    if verb == "change_growth":
        return tr("fx.growth", state=n(a.state), delta=delta(a.by))
    if verb == "add_resource":
        return tr("fx.resource", actor=n(a.actor), resource=n(a.resource), delta=delta(a.amount))
    if verb == "change_meter":
        return tr("fx.meter", meter=n(a.meter), delta=delta(a.by))
    if verb in ("set_flag", "clear_flag"):
        return tr("fx.flag_on" if verb == "set_flag" else "fx.flag_off", what=n(a))
    return tr("fx.joins" if verb == "join_org" else "fx.leaves", actor=n(a.actor), org=n(a.org))


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


def condition_sentence(cond: Condition, names: ScenarioTexts) -> str:
    """A condition (placeholders substituted) in the brief's language."""
    if language() == "en":
        return cond.describe(as_names(names))
    kind, arg = cond.kind, cond.arg
    if kind in ("all", "any"):
        sep = tr("cond.and" if kind == "all" else "cond.or")
        return sep.join(condition_sentence(c, names) for c in arg)
    if kind == "not":
        return tr("cond.not", c=condition_sentence(arg, names))
    if kind == "flag":
        return tr("cond.flag", what=names.name(arg))
    if kind == "member_of":
        return tr("cond.member", actor=names.name(arg.actor), org=names.name(arg.org))
    if kind == "year":
        if arg.from_ and arg.until:
            return tr("cond.year_between", **{"from": arg.from_, "until": arg.until})
        if arg.from_:
            return tr("cond.year_from", **{"from": arg.from_})
        return tr("cond.year_until", until=arg.until)
    if kind == "event_fired":
        return tr("cond.event", what=names.name(arg.id))
    if kind == "chance":
        return tr("cond.chance", p=f"{number(arg * 100)}%")
    q = quantity_phrase(kind, arg, names)
    unit = unit_of(kind)
    if arg.at_least is not None:
        return tr("cmp.at_least", q=q, x=number(arg.at_least) + unit)
    if arg.at_most is not None:
        return tr("cmp.at_most", q=q, x=number(arg.at_most) + unit)
    lo, hi = arg.between
    return tr("cmp.between", q=q, lo=number(lo) + unit, hi=number(hi) + unit)
