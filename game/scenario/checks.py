"""Layer 4 of loading: semantic checks and lints, run on the merged ``Draft``.

Errors (E2xx): every id used anywhere must be declared, with the right kind of actor in each
place; ids are unique within a kind; ``$actor``/``$target`` only inside actions; dates inside the
calendar; initial dependence at most 100%; history steps the actor can actually take; the
``map:`` section names countries that are on the map (E210).

Warnings (W3xx): historical events without sources, unused bibliography entries, events and
actions that can never happen, missing translations, playable roles without objectives, declared
languages the game's interface cannot show (W308), texts that contradict their effects (W313,
W314: ``textcheck.py``). (W307, a file no scenario includes, is found
by ``validate.py``, which looks at whole folders.)

Anti-cascade: items that failed the schema layer were dropped and their ids remembered as
"declared but invalid" (``Draft.invalid_ids``), so references to them are not reported again;
lints only run when there is no error at all.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import countries, textcheck
from . import model as M
from .diagnostics import Diagnostic, path_str
from .draft import Draft
from .languages import name_of, ui_languages
from .registry import REST_OF_WORLD, Condition, Effect
from .translations import missing_paths

#: section -> (noun used in messages, section name authors write)
KINDS: dict[str, str] = {
    "actors": "actor",
    "dimensions": "dimension",
    "resources": "resource",
    "meters": "meter",
    "flags": "flag",
    "organisations": "organisation",
    "events": "event",
    "actions": "action",
    "bibliography": "bibliography entry",
    "drift": "drift",
    "glossary": "glossary term",
}
_STATE_OR_AVG = "state_or_average"


@dataclass
class _Placeholders:
    """What ``$actor`` and ``$target`` can stand for inside one action."""

    action_id: str
    actor_kinds: set[str]
    target_kinds: set[str]
    targets_none: bool
    #: kind -> ids, and the line of the action's 'actor:' / 'targets:', so an E205 can say
    #: why '$actor' or '$target' stands for that kind ("targets (line 78) lists JPN")
    actor_ids: dict[str, list[str]] = field(default_factory=dict)
    target_ids: dict[str, list[str]] = field(default_factory=dict)
    actor_line: int = 0
    target_line: int = 0


@dataclass
class _Checker:
    d: Draft
    diags: list[Diagnostic] = field(default_factory=list)
    ids: dict[str, list[str]] = field(default_factory=dict)
    actor_kind: dict[str, str] = field(default_factory=dict)
    families: set[str] = field(default_factory=set)

    # -- helpers ---------------------------------------------------------------------------
    def err(
        self, code: str, path: tuple[Any, ...], msg: str, hint: str = "", at: str = "value"
    ) -> None:
        self.diags.append(self.d.error(code, path, msg, hint, at))

    def warn(
        self, code: str, path: tuple[Any, ...], msg: str, hint: str = "", at: str = "value"
    ) -> None:
        self.diags.append(self.d.warning(code, path, msg, hint, at))

    def suppressed(self, kind: str, value: str) -> bool:
        """A reference to something that is declared but failed the schema layer."""
        if kind in self.d.broken_sections:
            return True
        bad = self.d.invalid_ids.get(kind, set())
        low = value.lower()
        return any(b.lower() == low for b in bad)

    def example(self, kind: str, among: Sequence[str] = ()) -> str:
        """An actor id of ``kind`` ('state' or 'power') for a hint: from ``among`` if one fits,
        else the first declared, so a hint always speaks of the scenario's own actors."""
        fits = [a for a in among if self.actor_kind.get(a) == kind]
        fits += [a for a, k in self.actor_kind.items() if k == kind]
        return fits[0] if fits else kind.upper()

    def where_else(self, value: str, kind: str) -> str | None:
        for k, ids in self.ids.items():
            if k != kind and value in ids:
                return KINDS[k]
        return None

    # -- references --------------------------------------------------------------------------
    def ref(
        self,
        kind: str,
        value: Any,
        path: tuple[Any, ...],
        at: str = "value",
        extra: Sequence[str] = (),
    ) -> bool:
        """Check that ``value`` is a declared id of ``kind``. Returns True when it is."""
        if not isinstance(value, str) or value in extra:
            return True
        if value in self._idset(kind):
            return True
        if self.suppressed(kind, value):
            return False
        noun = KINDS[kind]
        if value.startswith("$"):
            self.err(
                "E204",
                path,
                f"'{value}' cannot be used here: it can only stand for an actor, inside an action.",
                f"Write the {noun} id instead.",
                at,
            )
            return False
        known = list(self.ids.get(kind, []))
        close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
        if not close:
            close = [k for k in known if k.lower() == value.lower()]
        other = self.where_else(value, kind)
        if close:
            hint = f"Did you mean '{close[0]}'?"
        elif other:
            hint = f"'{value}' is {_a(other)}, not {_a(noun)}."
        elif known:
            shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
            hint = f"Declared {kind}: {shown}. Add '{value}' under '{kind}:' if it is new."
        else:
            hint = f"Declare it first in the '{kind}:' section."
        self.err("E202", path, f"There is no {noun} called '{value}'.", hint, at)
        return False

    def _idset(self, kind: str) -> set[str]:
        cache = self.__dict__.setdefault("_sets", {})
        if kind not in cache:
            cache[kind] = set(self.ids.get(kind, []))
        return cache[kind]

    def actor(
        self,
        value: Any,
        path: tuple[Any, ...],
        need: str,
        ph: _Placeholders | None,
        at: str = "value",
    ) -> None:
        """``need``: 'state', 'power', 'partner' (power or ROW), 'any', or state_or_average."""
        if not isinstance(value, str):
            return
        field_name = next((str(p) for p in reversed(path) if isinstance(p, str)), "this")
        if value in ("$actor", "$target"):
            if ph is None:
                who = (
                    "the power taking the action"
                    if value == "$actor"
                    else "the actor the action is aimed at"
                )
                self.err(
                    "E204",
                    path,
                    f"'{value}' can only be used inside an action (it means "
                    f"{who}); here there is no action.",
                    "Write the actor id instead, for example "
                    f"{self.example('state')} or {self.example('power')}.",
                    at,
                )
                return
            if value == "$target" and ph.targets_none:
                self.err(
                    "E204",
                    path,
                    f"The action '{ph.action_id}' has 'targets: none', so there is no $target.",
                    "Give the action targets (for example 'targets: states'), or write "
                    "the actor id instead of $target.",
                    at,
                )
                return
            kinds = ph.actor_kinds if value == "$actor" else ph.target_kinds
            self._kind_fit(value, kinds, need, field_name, path, at, placeholder=ph)
            return
        if value == "average" and need == _STATE_OR_AVG:
            return
        if value == REST_OF_WORLD:
            if need != "partner":
                self.err(
                    "E205",
                    path,
                    f"'{REST_OF_WORLD}' (the rest of the world) can only be "
                    "a partner of dependence, not "
                    f"'{field_name}'.",
                    "Write a declared actor id here.",
                    at,
                )
            return
        if value not in self.actor_kind:
            self.ref("actors", value, path, at)
            return
        self._kind_fit(value, {self.actor_kind[value]}, need, field_name, path, at)

    def _kind_fit(
        self,
        value: str,
        kinds: set[str],
        need: str,
        field_name: str,
        path: tuple[Any, ...],
        at: str,
        placeholder: _Placeholders | None = None,
    ) -> None:
        if not kinds or need == "any":
            return
        want = {"state": "state", _STATE_OR_AVG: "state", "power": "power", "partner": "power"}[
            need
        ]
        if want in kinds:
            return
        have = next(iter(kinds))
        choices = [a for a, k in self.actor_kind.items() if k == want]
        extra = " or ROW (the rest of the world)" if need == "partner" else ""
        listing = ", ".join(choices[:8]) if choices else f"none declared yet (kind: {want})"
        hint = f"Use one of the {want}s: {listing}{extra}."
        if placeholder is None:
            what = f"'{value}' is a {have}"
        else:
            target = value == "$target"
            ids = (placeholder.target_ids if target else placeholder.actor_ids).get(have, [])
            line = placeholder.target_line if target else placeholder.actor_line
            key = "targets" if target else "actor"
            verb = "lists" if target else "is"
            why = f" (because {key}, line {line}, {verb} {', '.join(ids)})" if ids and line else ""
            what = f"'{value}' stands for a {have} here{why}"
            if target and ids:
                first = choices[0] if choices else "..."
                hint = (
                    f"If the action is aimed at a {want}, list {want}s in 'targets:' on "
                    f"line {line} (for example targets: [{first}]"
                    + (", or targets: states" if want == "state" else "")
                    + f"); otherwise write {_a(want)} id here instead of {value}."
                )
            elif ids:
                hint = (
                    f"'$actor' is whoever takes the action ({', '.join(ids)}); here write "
                    f"a {want} id instead: {listing}{extra}."
                )
        self.err("E205", path, f"{what}, but '{field_name}' needs a {want}{extra}.", hint, at)

    # -- walking conditions and effects --------------------------------------------------------
    def quantity(self, kind: str, q: Any, p: tuple[Any, ...], ph: _Placeholders | None) -> None:
        if kind == "dependence":
            self.actor(q.state, p + ("state",), "state", ph)
            self.actor(q.partner, p + ("partner",), "partner", ph)
            self.ref("dimensions", q.dimension, p + ("dimension",), extra=("all",))
        elif kind in ("autonomy", "stability", "growth", "resilience"):
            self.actor(q.state, p + ("state",), _STATE_OR_AVG, ph)
        elif kind == "trust":
            self.actor(q.state, p + ("state",), _STATE_OR_AVG, ph)
            self.actor(q.power, p + ("power",), "power", ph)
        elif kind == "resource":
            self.actor(q.actor, p + ("actor",), "any", ph)
            self.ref("resources", q.resource, p + ("resource",))
        elif kind == "meter":
            self.ref("meters", q.meter, p + ("meter",))

    def condition(self, c: Condition, path: tuple[Any, ...], ph: _Placeholders | None) -> None:
        k, a = c.kind, c.arg
        p = path + (k,)
        if k in ("all", "any"):
            for i, sub in enumerate(a):
                self.condition(sub, p + (i,), ph)
        elif k == "not":
            self.condition(a, p, ph)
        elif k == "flag":
            self.ref("flags", a, p)
        elif k == "member_of":
            self.actor(a.actor, p + ("actor",), "any", ph)
            self.ref("organisations", a.org, p + ("org",))
        elif k == "event_fired":
            self.ref("events", a.id, p + ("id",))
        elif k in ("year", "chance"):
            return
        else:
            self.quantity(k, a, p, ph)

    def effect(self, e: Effect, path: tuple[Any, ...], ph: _Placeholders | None) -> None:
        v, a = e.verb, e.arg
        p = path + (v,)
        if v == "shift_dependence":
            self.actor(a.state, p + ("state",), "state", ph)
            self.actor(a.partner, p + ("partner",), "partner", ph)
            self.ref("dimensions", a.dimension, p + ("dimension",), extra=("all",))
        elif v == "change_trust":
            self.actor(a.state, p + ("state",), "state", ph)
            self.actor(a.power, p + ("power",), "power", ph)
        elif v in ("change_stability", "change_growth", "change_resilience"):
            self.actor(a.state, p + ("state",), "state", ph)
        elif v == "add_resource":
            self.actor(a.actor, p + ("actor",), "any", ph)
            self.ref("resources", a.resource, p + ("resource",))
        elif v == "change_meter":
            self.ref("meters", a.meter, p + ("meter",))
        elif v in ("set_flag", "clear_flag"):
            self.ref("flags", a, p)
        elif v in ("join_org", "leave_org"):
            self.actor(a.actor, p + ("actor",), "any", ph)
            self.ref("organisations", a.org, p + ("org",))

    def sources(self, srcs: Iterable[M.SourceRef], path: tuple[Any, ...]) -> None:
        for j, s in enumerate(srcs):
            self.ref("bibliography", s.ref, path + ("sources", j, "ref"))


# ----------------------------------------------------------------------------------------------
# Dates
# ----------------------------------------------------------------------------------------------
def _month_span(date: str) -> tuple[int, int] | None:
    """'2014' -> months of 2014; '2014-05' -> that month (as month indices)."""
    try:
        y, _, m = date.partition("-")
        if m:
            i = int(y) * 12 + int(m) - 1
            return i, i
        return int(y) * 12, int(y) * 12 + 11
    except ValueError:
        return None


def _calendar_span(cal: M.Calendar) -> tuple[int, int] | None:
    a, b = _month_span(cal.start), _month_span(cal.end)
    if a is None or b is None:
        return None
    return a[0], b[1]


def _a(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


# ----------------------------------------------------------------------------------------------
# The checks
# ----------------------------------------------------------------------------------------------
def check_draft(d: Draft) -> list[Diagnostic]:
    """All semantic errors, then (when there is no error at all) the lints."""
    c = _Checker(d)
    _declarations(c)
    _references(c)
    for path, msg, hint in countries.check_map(d.map):
        c.err("E210", path, msg, hint)
    if not d.had_errors and not any(x.is_error for x in c.diags):
        _lints(c)
    return c.diags


def _declarations(c: _Checker) -> None:
    d = c.d
    for kind in KINDS:
        idk = "term" if kind == "glossary" else "id"
        seen: dict[str, int] = {}
        ids: list[str] = []
        for i, item in enumerate(d.sections.get(kind) or []):
            v = getattr(item, idk)
            if kind == "actors" and v == REST_OF_WORLD:
                c.err(
                    "E201",
                    (kind, i, idk),
                    f"'{REST_OF_WORLD}' is reserved: it means the rest "
                    "of the world, which every scenario has automatically.",
                    "Remove this actor, or give it another id.",
                )
                continue
            if v in seen:
                first = d.where((kind, seen[v], idk))
                here = d.where((kind, i, idk))
                where = f"line {first[1]}" if first[0] == here[0] else f"{first[0]} line {first[1]}"
                c.err(
                    "E201",
                    (kind, i, idk),
                    f"The {KINDS[kind]} id '{v}' is used twice (first on {where}).",
                    f"Give each {KINDS[kind]} its own id.",
                )
                continue
            seen[v] = i
            ids.append(v)
        c.ids[kind] = ids
    for a in d.actors or []:
        c.actor_kind.setdefault(a.id, a.kind)
    c.families = {a.family for a in d.actions or []}


def _references(c: _Checker) -> None:
    d = c.d
    span = _calendar_span(d.calendar) if d.calendar is not None else None

    def check_date(date: str | None, path: tuple[Any, ...], what: str) -> None:
        if date is None or span is None:
            return
        ms = _month_span(date)
        if ms is None:
            return
        if ms[1] < span[0] or ms[0] > span[1]:
            c.err(
                "E206",
                path,
                f"{what} {date} is outside the calendar ({d.calendar.start} to {d.calendar.end}).",
                "Change the date, or widen the calendar's start/end.",
            )

    # organisations
    for i, o in enumerate(d.organisations or []):
        for j, m in enumerate(o.members):
            c.actor(m, ("organisations", i, "members", j), "any", None)
        if o.led_by:
            c.actor(o.led_by, ("organisations", i, "led_by"), "power", None)
        if o.dimension:
            c.ref("dimensions", o.dimension, ("organisations", i, "dimension"))
    # meters / resources ranges
    for i, m in enumerate(d.meters or []):
        if m.min >= m.max:
            c.err(
                "E209",
                ("meters", i, "max"),
                f"The meter '{m.id}' has max {m.max:g} but min {m.min:g}; max must be larger.",
                "Swap or fix the two numbers.",
            )
        elif not m.min <= m.start <= m.max:
            c.err(
                "E209",
                ("meters", i, "start"),
                f"The meter '{m.id}' starts at {m.start:g}, "
                f"outside its range {m.min:g} to {m.max:g}.",
                "Change 'start', 'min' or 'max'.",
            )
    for i, r in enumerate(d.resources or []):
        if r.min > r.max:
            c.err(
                "E209",
                ("resources", i, "max"),
                f"The resource '{r.id}' has max {r.max:g} below its min {r.min:g}.",
                "Fix the two numbers.",
            )
    # drift
    p: tuple[Any, ...]
    for i, dr in enumerate(d.drift or []):
        p = ("drift", i)
        if dr.states != "all":
            for j, s in enumerate(dr.states):
                c.actor(s, p + ("states", j), "state", None)
        c.actor(dr.partner, p + ("partner",), "partner", None)
        c.ref("dimensions", dr.dimension, p + ("dimension",), extra=("all",))
        if dr.when is not None:
            c.condition(dr.when, p + ("when",), None)
        c.sources(dr.sources, p)
    # actions
    for i, act in enumerate(d.actions or []):
        p = ("actions", i)
        actors = _listed(act.actor)
        for j, a in enumerate(actors):
            c.actor(
                a, p + (("actor", j) if isinstance(act.actor, list) else ("actor",)), "any", None
            )
        target_kinds: set[str] = set()
        if act.targets == "states":
            target_kinds = {"state"}
        elif isinstance(act.targets, list):
            for j, t in enumerate(act.targets):
                c.actor(t, p + ("targets", j), "any", None)
                if t in c.actor_kind:
                    target_kinds.add(c.actor_kind[t])
        for res in act.cost:
            c.ref("resources", res, p + ("cost", res), at="key")
        ph = _Placeholders(
            act.id,
            {c.actor_kind[a] for a in actors if a in c.actor_kind},
            target_kinds,
            act.targets == "none",
        )
        for a in actors:
            if a in c.actor_kind:
                ph.actor_ids.setdefault(c.actor_kind[a], []).append(a)
        if isinstance(act.targets, list):
            for t in act.targets:
                if t in c.actor_kind:
                    ph.target_ids.setdefault(c.actor_kind[t], []).append(t)
        ph.actor_line = d.where(p + ("actor",), "key")[1]
        if "targets" in act.model_fields_set:
            ph.target_line = d.where(p + ("targets",), "key")[1]
        if act.available_if is not None:
            c.condition(act.available_if, p + ("available_if",), ph)
        for j, e in enumerate(act.effects):
            c.effect(e, p + ("effects", j), ph)
        c.sources(act.sources, p)
    # events
    for i, ev in enumerate(d.events or []):
        p = ("events", i)
        check_date(ev.date, p + ("date",), "The date")
        if ev.window is not None:
            w = ev.window
            check_date(w.from_, p + ("window", "from"), "The window starts in")
            check_date(w.until, p + ("window", "until"), "The window ends in")
            if w.from_ and w.until:
                opens, closes = _month_span(w.from_), _month_span(w.until)
                if opens and closes and closes[1] < opens[0]:
                    c.err(
                        "E206",
                        p + ("window", "until"),
                        f"The window ends ({w.until}) before it starts ({w.from_}).",
                        "Swap the two dates.",
                    )
        if ev.condition is not None:
            c.condition(ev.condition, p + ("condition",), None)
        for j, e in enumerate(ev.effects):
            c.effect(e, p + ("effects", j), None)
        if ev.chooser:
            c.actor(ev.chooser, p + ("chooser",), "any", None)
        opt_seen: dict[str, int] = {}
        for k, opt in enumerate(ev.options):
            if opt.id in opt_seen:
                c.err(
                    "E201",
                    p + ("options", k, "id"),
                    f"The option id '{opt.id}' is used twice in this event.",
                    "Give each option its own id.",
                )
            opt_seen.setdefault(opt.id, k)
            for j, e in enumerate(opt.effects):
                c.effect(e, p + ("options", k, "effects", j), None)
        c.sources(ev.sources, p)
    # initial
    ini = d.initial
    if ini is not None:
        for s, dims in ini.dependence.items():
            sp = ("initial", "dependence", s)
            c.actor(s, sp, "state", None, at="key")
            for dim, partners in dims.items():
                c.ref("dimensions", dim, sp + (dim,), at="key")
                for partner in partners:
                    c.actor(partner, sp + (dim, partner), "partner", None, at="key")
                total = sum(partners.values())
                if total > 100 + 1e-9:
                    parts = " + ".join(f"{k} {v:g}" for k, v in partners.items())
                    c.err(
                        "E207",
                        sp + (dim,),
                        f"{s}'s initial {dim} dependence adds up to "
                        f"{total:g}% ({parts}), but it can be at most 100%.",
                        "Lower the numbers; whatever is left below 100% goes to the rest of "
                        "the world (ROW).",
                        at="key",
                    )
        for s, powers in ini.trust.items():
            c.actor(s, ("initial", "trust", s), "state", None, at="key")
            for pw in powers:
                c.actor(pw, ("initial", "trust", s, pw), "power", None, at="key")
        for sec in ("stability", "growth", "resilience"):
            for s in getattr(ini, sec):
                c.actor(s, ("initial", sec, s), "state", None, at="key")
        for a, res in ini.resources.items():
            c.actor(a, ("initial", "resources", a), "any", None, at="key")
            for r in res:
                c.ref("resources", r, ("initial", "resources", a, r), at="key")
        for j, f in enumerate(ini.flags):
            c.ref("flags", f, ("initial", "flags", j))
    for a, res in (d.income or {}).items():
        c.actor(a, ("income", a), "any", None, at="key")
        for r in res:
            c.ref("resources", r, ("income", a, r), at="key")
    # objectives
    for a, objs in (d.objectives or {}).items():
        c.actor(a, ("objectives", a), "any", None, at="key")
        obj_seen: dict[str, int] = {}
        for k, o in enumerate(objs):
            if o.id in obj_seen:
                c.err(
                    "E201",
                    ("objectives", a, k, "id"),
                    f"The objective id '{o.id}' is used twice for {a}.",
                    "Give each objective its own id.",
                )
            obj_seen.setdefault(o.id, k)
            q = o.quantity
            c.quantity(q.kind, q.arg, ("objectives", a, k, "quantity", q.kind), None)
    # policies
    for a, pol in (d.policies or {}).items():
        c.actor(a, ("policies", a), "any", None, at="key")
        for fam in pol.family_weights:
            if fam not in c.families and not (
                d.invalid_ids.get("actions") or {"actions", "actions?"} & d.broken_sections
            ):
                close = difflib.get_close_matches(fam, sorted(c.families), n=1)
                c.err(
                    "E202",
                    ("policies", a, "family_weights", fam),
                    f"No action has the family '{fam}'.",
                    (f"Did you mean '{close[0]}'? " if close else "")
                    + "Families used by the actions: "
                    + (", ".join(sorted(c.families)) or "none")
                    + ".",
                    at="key",
                )
    # history
    actions = {a.id: a for a in d.actions or []}
    for a, steps in (d.history or {}).items():
        c.actor(a, ("history", a), "any", None, at="key")
        for k, st in enumerate(steps):
            p = ("history", a, k)
            check_date(st.year, p + ("year",), "The year")
            if not c.ref("actions", st.action, p + ("action",)):
                continue
            act = actions[st.action]
            who = _listed(act.actor)
            if a in c.actor_kind and a not in who:
                c.err(
                    "E208",
                    p + ("action",),
                    f"{a} cannot take the action '{st.action}': only {', '.join(who)} can.",
                    f"Pick one of {a}'s actions, or add {a} to the action's 'actor' list.",
                )
                continue
            if act.targets == "none":
                if st.target is not None:
                    c.err(
                        "E208",
                        p + ("target",),
                        f"The action '{st.action}' has no target "
                        "(targets: none), but this step names one.",
                        "Remove 'target'.",
                    )
            elif st.target is None:
                c.err(
                    "E208",
                    p,
                    f"The action '{st.action}' needs a target: add 'target: ...' to this step.",
                    "For example: target: "
                    + c.example("state", act.targets if isinstance(act.targets, list) else ()),
                    at="key",
                )
            elif isinstance(act.targets, list):
                if st.target not in act.targets:
                    c.err(
                        "E208",
                        p + ("target",),
                        f"'{st.target}' is not a target of "
                        f"'{st.action}' (its targets are {', '.join(act.targets)}).",
                        "Pick one of the action's targets.",
                    )
            else:
                c.actor(st.target, p + ("target",), "state", None)
    # balance
    b = d.balance
    if b is not None:
        ex_seen: dict[str, int] = {}
        for k, ex in enumerate(b.expectations):
            c.actor(ex.role, ("balance", "expectations", k, "role"), "any", None)
            if ex.objective is not None and d.objectives is not None:
                own = [o.id for o in d.objectives.get(ex.role, [])]
                if own and ex.objective not in own:
                    c.err(
                        "E202",
                        ("balance", "expectations", k, "objective"),
                        f"'{ex.objective}' is not one of {ex.role}'s objectives.",
                        f"Write one of: {', '.join(own)}.",
                    )
            if ex.id in ex_seen:
                c.err(
                    "E201",
                    ("balance", "expectations", k, "id"),
                    f"The expectation id '{ex.id}' is used twice.",
                    "Give each expectation its own id.",
                )
            ex_seen.setdefault(ex.id, k)


# ----------------------------------------------------------------------------------------------
# Lints
# ----------------------------------------------------------------------------------------------
def _required_atoms(cond: Condition, path: tuple[Any, ...]) -> Iterable[tuple[str, Any, tuple]]:
    """Atoms that must hold for ``cond`` to hold (through 'all', not through any/not)."""
    k, a = cond.kind, cond.arg
    p = path + (k,)
    if k == "all":
        for i, sub in enumerate(a):
            yield from _required_atoms(sub, p + (i,))
    elif k not in ("any", "not"):
        yield k, a, p


def _all_effects(d: Draft) -> Iterable[tuple[Effect, Any, tuple[str, int]]]:
    """Every effect with the action it belongs to (or None) and its owner: ("actions", i) or
    ("events", i), for an event's own effects and its options' effects alike."""
    for i, act in enumerate(d.actions or []):
        for e in act.effects:
            yield e, act, ("actions", i)
    for i, ev in enumerate(d.events or []):
        for e in ev.effects:
            yield e, None, ("events", i)
        for o in ev.options:
            for e in o.effects:
                yield e, None, ("events", i)


#: what an event or an action does for its own effects to happen
_TAKEN = {"events": "fired", "actions": "been taken"}
#: the start of the hint of a W303/W304, by why the condition can never hold
_NEVER_HINT = {
    "flag": "Set the flag with '- set_flag: ...' in some effect (or list it under initial: "
    "flags:), or change",
    "own": "Set the flag somewhere else (in an action, in another event, or under initial: "
    "flags:). For a follow-up, let this one set the flag and give the condition to a second "
    "event. Or change",
    "": "Change",
}


def _lints(c: _Checker) -> None:
    d = c.d
    span = _calendar_span(d.calendar) if d.calendar is not None else None
    # W301 / W302
    cited: set[str] = set()
    for sec in ("events", "actions", "drift"):
        for item in d.sections.get(sec) or []:
            cited.update(s.ref for s in item.sources)
    for i, ev in enumerate(d.events or []):
        if ev.historicity == "historical" and not ev.sources:
            c.warn(
                "W301",
                ("events", i, "historicity"),
                f"The historical event '{ev.id}' cites no source.",
                "Add 'sources: [{ref: <bibliography id>, locator: \"p. 2\"}]' so students "
                "can check the facts, or mark it 'plausible'.",
            )
    for i, bib in enumerate(d.bibliography or []):
        if bib.id not in cited:
            c.warn(
                "W302",
                ("bibliography", i, "id"),
                f"No event, action or drift cites the source '{bib.id}'.",
                "Cite it from the event it supports (sources: [{ref: "
                + bib.id
                + ", locator: ...}]), or remove it.",
            )
    # what can ever be set / gained
    initial_flags = set((d.initial.flags if d.initial else []) or [])
    setters: dict[str, set[tuple[str, int]]] = {}  # flag -> the actions and events that set it
    gains: dict[str, set[str]] = {}  # resource -> actors that can gain it ('*' = anyone)
    for e, act, owner in _all_effects(d):
        if e.verb == "set_flag":
            setters.setdefault(e.arg, set()).add(owner)
        elif e.verb == "add_resource" and e.arg.amount > 0:
            who = e.arg.actor
            if who in ("$actor", "$target") and act is not None:
                if who == "$actor":
                    acts = _listed(act.actor)
                    gains.setdefault(e.arg.resource, set()).update(acts)
                else:
                    gains.setdefault(e.arg.resource, set()).add("*")
            else:
                gains.setdefault(e.arg.resource, set()).add(who)

    def never(
        cond: Condition | None, path: tuple[Any, ...], owner: tuple[str, int]
    ) -> tuple[tuple, str, str] | None:
        """Why ``cond`` (of the action or event ``owner``) can never hold: (where, why, and
        which hint fits: "flag" nothing sets it, "own" only ``owner`` sets it, or "")."""
        if cond is None:
            return None
        for k, a, p in _required_atoms(cond, path):
            if k == "flag" and a not in initial_flags and setters.get(a, set()) <= {owner}:
                if not setters.get(a):
                    why = f"it needs the flag '{a}', but no effect sets it and it is not set at "
                    return p, why + "the start", "flag"
                noun = owner[0][:-1]
                own = "options or effects" if noun == "event" else "effects"
                why = (
                    f"it needs the flag '{a}', but only this {noun}'s own {own} set it, and they "
                    f"happen only after the {noun} has {_TAKEN[owner[0]]}"
                )
                return p, why, "own"
            if k == "year" and span is not None:
                lo = _month_span(a.from_) if a.from_ else None
                hi = _month_span(a.until) if a.until else None
                if (lo and lo[0] > span[1]) or (hi and hi[1] < span[0]):
                    return p, "its 'year' condition is outside the calendar", ""
            if k == "chance" and a == 0:
                return p, "its chance is 0", ""
        return None

    for i, ev in enumerate(d.events or []):
        p = ("events", i)
        if ev.chance == 0:
            c.warn(
                "W303",
                p + ("chance",),
                f"The event '{ev.id}' can never fire: its chance is 0.",
                "Give it a chance above 0, or remove it.",
            )
            continue
        why = never(ev.condition, p + ("condition",), p)
        if why:
            c.warn(
                "W303",
                why[0],
                f"The event '{ev.id}' can never fire: {why[1]}.",
                _NEVER_HINT[why[2]]
                + (" the condition." if why[2] else " the condition or calendar."),
            )
    income = d.income or {}
    res_max = {r.id: r.max for r in d.resources or []}
    init_res = d.initial.resources if d.initial else {}
    for i, act in enumerate(d.actions or []):
        p = ("actions", i)
        actors = _listed(act.actor)
        if not actors:
            c.warn(
                "W304",
                p + ("actor",),
                f"Nobody can take the action '{act.id}': its actor list is empty.",
                "Add the id of the actor who can take it.",
            )
            continue
        why = never(act.available_if, p + ("available_if",), p)
        if why:
            c.warn(
                "W304",
                why[0],
                f"Nobody can ever take the action '{act.id}': {why[1]}.",
                _NEVER_HINT[why[2]] + " 'available_if'.",
            )
            continue
        blocked: list[str] = []
        for res, amount in act.cost.items():
            if amount > res_max.get(res, float("inf")):
                blocked.append(
                    f"it costs {amount:g} {res}, more than the most anyone can have "
                    f"({res_max[res]:g})"
                )
                break
            if amount <= 0:
                continue
            ok = False
            for a in actors:
                start = init_res.get(a, {}).get(res, 0)
                if (
                    start >= amount
                    or income.get(a, {}).get(res, 0) > 0
                    or a in gains.get(res, set())
                    or "*" in gains.get(res, set())
                ):
                    ok = True
                    break
            if not ok:
                blocked.append(
                    f"it costs {amount:g} {res}, but {', '.join(actors)} "
                    f"{'never has' if len(actors) == 1 else 'never have'} that "
                    "much and never gains any"
                )
                break
        if blocked:
            c.warn(
                "W304",
                p + ("cost",),
                f"Nobody can ever take the action '{act.id}': {blocked[0]}.",
                "Give the actor this resource under 'initial: resources:' "
                "or 'income:', or lower the cost.",
                at="key",
            )
    # W305 translations
    meta = d.meta
    if meta is not None:
        for lang in meta.languages:
            if lang == "en":
                continue
            missing = missing_paths(d.sections, lang)
            if missing:
                shown = ", ".join(path_str(m) for m in missing[:3])
                more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
                c.warn(
                    "W305",
                    missing[0],
                    f"{len(missing)} text"
                    f"{'s have' if len(missing) != 1 else ' has'} no '{lang}' translation "
                    f"(first: {shown}{more}).",
                    f"Write texts as {{en: ..., {lang}: ...}}, or remove '{lang}' from "
                    "meta: languages until the translation is done.",
                    at="key",
                )
    # W308 languages the interface cannot show
    if meta is not None:
        ui = ui_languages()
        for j, lang in enumerate(meta.languages):
            if lang.split("-")[0] not in ui:
                c.warn(
                    "W308",
                    ("meta", "languages", j),
                    f"The game's interface cannot be "
                    f"shown in '{lang}' ({name_of(lang)}): it is available in "
                    f"{', '.join(ui)}, so no player can choose '{lang}' and these texts are "
                    "never shown.",
                    f"Remove '{lang}' from 'languages:' (you may keep the {lang} texts for "
                    "later), or ask the game's developers for a translation of the "
                    f"interface (game/ui/locale/{lang}.json).",
                )
    # W313 / W314: texts and effects that disagree (textcheck.py)
    textcheck.lint(d, c.warn)
    # W306
    objectives = d.objectives or {}
    for i, a in enumerate(d.actors or []):
        if a.playable and not objectives.get(a.id):
            c.warn(
                "W306",
                ("actors", i, "playable"),
                f"{a.id} is playable but has no "
                "objectives, so a player in this role cannot be graded.",
                f"Add objectives for {a.id} under 'objectives: {a.id}:', or set playable: false.",
            )
    _starting_world(c)
    _objectives_of_roles(c)


def _starting_world(c: _Checker) -> None:
    """W309 / W310: a state the scenario says nothing about starts with no dependence at all.

    The engine gives whatever ``initial: dependence:`` leaves out to the rest of the world, so a
    forgotten dimension (or state) silently starts at full autonomy there."""
    d = c.d
    ini = d.initial
    dims = [x.id for x in d.dimensions or []]
    power = c.example("power")
    for i, a in enumerate(d.actors or []):
        if a.kind != "state":
            continue
        s = a.id
        given = ini is not None and any(
            s in getattr(ini, sec) for sec in ("dependence", "trust", "stability", "growth")
        )
        if not given:
            c.warn(
                "W310",
                ("actors", i, "id"),
                f"The state {s} has no starting data under 'initial:' (no dependence, trust, "
                "stability or growth), so it starts depending on nobody but the rest of the "
                "world (full autonomy, 100) in every dimension, with the defaults for the rest: "
                "trust 50 in every power, stability 60, growth 4%.",
                f"Add {s} under 'initial:' with figures from your sources: under 'dependence:' "
                f"a share for each dimension ({s}: {{{dims[0] if dims else 'trade'}: "
                f"{{{power}: 30}}, ...}}), and under 'trust:', 'stability:' and 'growth:'.",
                at="value",
            )
            continue
        have = ini.dependence.get(s, {}) if ini is not None else {}
        missing = [x for x in dims if x not in have]
        if not missing:
            continue
        listed = _and(missing)
        in_dependence = ini is not None and s in ini.dependence
        where = ("initial", "dependence", s) if in_dependence else ("actors", i, "id")
        c.warn(
            "W309",
            where,
            f"The state {s} has no starting dependence in {listed}, so it starts with 100% "
            f"from the rest of the world there: full autonomy in "
            f"{'that dimension' if len(missing) == 1 else 'those dimensions'} before anyone "
            "acts.",
            f"Under 'initial: dependence: {s}:' add '{missing[0]}: {{{power}: 30}}' with the "
            f"shares from your sources; write '{missing[0]}: {{}}' if {s} really depends on no "
            "power there.",
            at="key",
        )


def _objectives_of_roles(c: _Checker) -> None:
    """W311: objectives for an actor that no player can choose; W312: a playable actor with
    no action of its own (a player could only end turns)."""
    d = c.d
    takers = {a for act in d.actions or [] for a in _listed(act.actor)}
    for i, actor in enumerate(d.actors or []):
        if actor.playable and actor.id not in takers:
            c.warn(
                "W312",
                ("actors", i, "playable"),
                f"{actor.id} is playable but no action has '{actor.id}' as its actor, so a "
                "player in this role can do nothing but end turns.",
                f"Give {actor.id} actions of its own (actor: {actor.id}) and a resource to pay "
                "for them (under 'initial: resources:' and 'income:'), or set playable: false.",
            )
    index = {a.id: i for i, a in enumerate(d.actors or [])}
    for a, objs in (d.objectives or {}).items():
        k = index.get(a)
        if k is None or not objs or d.actors[k].playable:
            continue
        declared = d.where(("actors", k, "id"))
        here = d.where(("objectives", a), "key")
        line = (
            f"line {declared[1]}" if declared[0] == here[0] else f"{declared[0]} line {declared[1]}"
        )
        c.warn(
            "W311",
            ("objectives", a),
            f"{a} has objectives, but {a} is not playable, so no player can choose {a} and be "
            "graded on them.",
            f"If players should take this role, add 'playable: true' to {a} under 'actors:' "
            f"({line}). If the objectives are there only to steer the computer (the greedy "
            "and rollout players aim at them), you may leave them.",
            at="key",
        )


def _listed(actor: str | list[str]) -> list[str]:
    """An action's ``actor``: one id or a list of them."""
    return actor if isinstance(actor, list) else [actor]


def _and(items: Sequence[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
