"""pydantic's validation errors in plain words, for scenario authors.

``problems`` cleans pydantic's raw errors: a location is split into the path in the document and
the union-branch labels pydantic adds; the errors of a union are collapsed to the one branch the
author meant; "unknown key 'titel'" and "missing 'title'" become one mistake. ``humanize`` then
writes each problem as (code, message, hint, where): E100 unknown key, E101 missing, E102 wrong
value, E103 a condition or effect written the wrong way, with the likely fix ("Write 2019-12",
"Put the whole text in quotes", "Did you mean 'title'?").
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from . import model as M
from . import registry
from .model import ScenarioFile

_TYPE_MISMATCH = frozenset(
    {
        "string_type",
        "int_type",
        "float_type",
        "bool_type",
        "dict_type",
        "list_type",
        "model_type",
        "model_attributes_type",
        "tuple_type",
        "is_instance_of",
        "int_parsing",
        "float_parsing",
        "bool_parsing",
        "none_required",
        "string_pattern_mismatch_type",
    }
)

_PATTERN_TEXT = {
    registry.ACTOR_ID: (
        "is not an actor id",
        "Actor ids are 2 to 10 capital letters, digits or _, such as {power} or {state}.",
    ),
    registry.ACTOR_REF: (
        "is not an actor",
        "Write an actor id in capitals such as {power} or {state} (or $actor / $target inside an "
        "action).",
    ),
    registry.SNAKE_ID: (
        "is not a valid id",
        "Ids use small letters, digits and _ and start "
        "with a letter, for example oda_budget or silk_road_2013.",
    ),
    registry.ALL_OR_SNAKE: (
        "is not a dimension id",
        "Write a dimension id such as trade, or 'all'.",
    ),
    r"^(average|\$target|\$actor|[A-Z][A-Z0-9_]{1,9})$": (
        "is not a state",
        "Write a state id such as {state}, 'average' (all states), or $target inside an action.",
    ),
    registry.DATE: ("is not a date", 'Write a year like 2014 or a year and month like "2014-05".'),
}

_MODEL_NOUN = {
    "ScenarioFile": "the file",
    "Meta": "meta",
    "Calendar": "calendar",
    "Actor": "this actor",
    "Dimension": "this dimension",
    "Resource": "this resource",
    "Meter": "this meter",
    "Flag": "this flag",
    "Organisation": "this organisation",
    "Initial": "initial",
    "Drift": "this drift",
    "Action": "this action",
    "Event": "this event",
    "Option": "this option",
    "EventWindow": "window",
    "Objective": "this objective",
    "Bands": "bands",
    "RolePolicy": "this policy",
    "HistoryStep": "this history step",
    "BibItem": "this bibliography entry",
    "GlossaryEntry": "this glossary entry",
    "Balance": "balance",
    "Expectation": "this expectation",
    "ModelParams": "model",
    "AIHints": "ai",
    "SourceRef": "this source",
    "Quantity": "quantity",
}


def _desc(v: Any) -> str:
    """A value as the author typed it, for messages."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        s = v if len(v) <= 60 else v[:57] + "..."
        return f"'{s}'"
    if isinstance(v, dict):
        return "a block of 'key: value' lines" if v else "an empty block {}"
    if isinstance(v, list):
        return "a list" if v else "an empty list []"
    if v is None:
        return "empty"
    if isinstance(v, float) and v.is_integer():
        return repr(v)
    return str(v)


def _unwrap(t: Any) -> list[Any]:
    """The alternatives of a (possibly Annotated / Optional / Union) type."""
    origin = typing.get_origin(t)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(t)[0])
    if origin is typing.Union or origin is types.UnionType:
        out = []
        for a in typing.get_args(t):
            out.extend(_unwrap(a))
        return out
    return [t]


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, BaseModel)


def _field(model: type[BaseModel], key: str) -> Any:
    for name, f in model.model_fields.items():
        if key in (f.alias, name):
            return f.annotation
    return None


def model_at(path: Iterable[Any], start: type[BaseModel] = ScenarioFile) -> type[BaseModel] | None:
    """The model class that validates the node at ``path`` (None for scalars etc.)."""
    current: list[Any] = [start]
    for comp in path:
        nxt: list[Any] = []
        for t in current:
            for alt in _unwrap(t):
                if _is_model(alt) and isinstance(comp, str):
                    a = _field(alt, comp)
                    if a is not None:
                        nxt.append(a)
                    continue
                origin = typing.get_origin(alt)
                args = typing.get_args(alt)
                if origin in (list, tuple) and isinstance(comp, int) and args:
                    nxt.append(args[0])
                elif origin is dict and isinstance(comp, str) and len(args) == 2:
                    nxt.append(args[1])
        if not nxt:
            return None
        current = nxt
    for t in current:
        for alt in _unwrap(t):
            if _is_model(alt):
                return alt
    return None


def allowed_keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]


def _label_phrase(label: str) -> str:
    if label.startswith(("str", "constrained-str")):
        return "a text"
    if label.startswith("dict["):
        return "a block of 'key: value' lines"
    if label.startswith(("list[", "tuple[")):
        return "a list"
    if label.startswith("literal["):
        vals = re.findall(r"'([^']*)'", label)
        return " or ".join(f"'{v}'" for v in vals) if vals else label
    if label in ("int", "constrained-int"):
        return "a whole number"
    if label in ("float", "constrained-float"):
        return "a number"
    if label == "bool":
        return "true or false"
    return "a block of 'key: value' lines"


@dataclass
class SchemaProblem:
    """One pydantic error, cleaned: ``clean`` is its path in the document, ``labels`` the
    union-branch labels pydantic put in its location (with where they were)."""

    clean: tuple[Any, ...]
    labels: list[tuple[int, str]]
    type: str
    msg: str
    input: Any
    ctx: dict[str, Any]
    key_error: bool = False
    alternatives: list[str] = field(default_factory=list)
    #: the value exactly as written in the file (for numbers: '2019.10', not 2019.1)
    raw: str | None = None
    #: the block the error is in is written on one line, in { }
    inline: bool = False


def _clean(data: Any, err: Any) -> SchemaProblem:
    cur = data
    clean: list[Any] = []
    labels: list[tuple[int, str]] = []
    key_error = False
    loc = err["loc"]
    for i, comp in enumerate(loc):
        if comp == "[key]":
            key_error = True
            continue
        if isinstance(cur, dict) and isinstance(comp, str) and comp in cur:
            clean.append(comp)
            cur = cur[comp]
            continue
        if isinstance(cur, list) and isinstance(comp, int) and 0 <= comp < len(cur):
            clean.append(comp)
            cur = cur[comp]
            continue
        if i == len(loc) - 1 and err["type"] == "missing":
            clean.append(comp)
            continue
        # a union-branch label such as 'str' or 'list[constrained-str]': not in the data
        labels.append((len(clean), str(comp)))
    return SchemaProblem(
        tuple(clean),
        labels,
        err["type"],
        err.get("msg", ""),
        err.get("input"),
        dict(err.get("ctx") or {}),
        key_error,
    )


def _is_mismatch(e: SchemaProblem, point: tuple[Any, ...]) -> bool:
    if e.clean != point:
        return False
    if e.type in _TYPE_MISMATCH:
        return True
    return e.type == "literal_error" and not isinstance(e.input, str | int | float)


def _select(errs: list[SchemaProblem]) -> list[SchemaProblem]:
    """Collapse union-branch errors to the branch the author meant."""
    out: list[SchemaProblem] = []
    groups: dict[tuple[Any, ...], list[SchemaProblem]] = {}
    for e in errs:
        if not e.labels:
            out.append(e)
        else:
            groups.setdefault(e.clean[: e.labels[0][0]], []).append(e)
    for point, group in groups.items():
        branches: dict[str, list[SchemaProblem]] = {}
        for e in group:
            branches.setdefault(e.labels[0][1], []).append(e)

        def score(
            item: tuple[str, list[SchemaProblem]], point: tuple[Any, ...] = point
        ) -> tuple[int, int]:
            es = item[1]
            if all(_is_mismatch(e, point) for e in es):
                return (-1, 0)
            depth = max(len(e.clean) - len(point) for e in es)
            return (depth, -len(es))

        ranked = sorted(branches.items(), key=score, reverse=True)
        best_label, best = ranked[0]
        if score(ranked[0]) == (-1, 0):
            labels = list(branches)
            e0 = group[0]
            out.append(
                SchemaProblem(
                    point, [], "union_type", "", e0.input, {"labels": labels}, e0.key_error
                )
            )
            continue
        others = [lab for lab, _ in ranked[1:]]
        chosen = []
        for e in best:
            e.labels = e.labels[1:]
            if e.clean == point:
                e.alternatives = others
            chosen.append(e)
        out.extend(_select(chosen))
    return out


_VALUE_ERROR_HINTS = {
    "grade bands": "Higher is better by default, so A needs the highest value: for example "
    "bands: {A: 80, B: 70, C: 60, D: 50}. If lower is better, add "
    "'lower_is_better: true'.",
    "before it starts": "Swap 'start' and 'end'.",
    "needs a 'chooser'": "Add 'chooser: {power}' (the id of the actor who picks an option).",
    "has no options": "Remove 'chooser', or add 'options:'.",
    "either 'date' or 'window'": "Keep 'date' for an event on a fixed date, or 'window' for "
    "one that may happen during a period.",
    "expectation needs": "See the balance section of docs/scenario-format.md.",
    "first number must not be larger": "Write between: [low, high].",
    "give 'from', 'until' or both": "For example: year: {from: 2014}",
    "english version": "Add the English text first, e.g. {en: Japan, ja: 日本}.",
    "not a language code": "Use codes such as en, ja, ru, kk, uz.",
}


def problems(data: Any, raw_errors: list[Any]) -> list[SchemaProblem]:
    """pydantic's ``errors()`` for ``data`` as the mistakes the author made, one each."""
    return _drop_misspelt_missing(_select([_clean(data, er) for er in raw_errors]))


def _drop_misspelt_missing(errs: list[SchemaProblem]) -> list[SchemaProblem]:
    """'titel: ...' gives an unknown key *and* a missing 'title': one mistake, so report only
    the unknown key (whose hint says "did you mean 'title'?")."""
    extra: dict[tuple[Any, ...], list[str]] = {}
    for e in errs:
        if e.type == "extra_forbidden" and e.clean:
            extra.setdefault(e.clean[:-1], []).append(str(e.clean[-1]))
    out = []
    for e in errs:
        if e.type == "missing" and e.clean and e.clean[:-1] in extra:
            want = str(e.clean[-1])
            typed = extra[e.clean[:-1]]
            if difflib.get_close_matches(want, typed, n=1, cutoff=0.6) or want.lower() in (
                t.lower() for t in typed
            ):
                continue
        out.append(e)
    return out


_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
    )
}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9


def suggest_date(text: str) -> str | None:
    """The scenario date (``YYYY`` or ``YYYY-MM``) that ``text`` most likely means, or None.

    '2019.12' and '2019-6' -> '2019-12' / '2019-06'; '2019-12-19', '19.12.2019', '12/2019' and
    'December 2019' -> '2019-12' (a day is dropped: the game places dates in turns)."""
    t = text.strip().strip("'\"").strip()
    ym = re.fullmatch(r"(\d{4})\s*[-./ ]\s*(\d{1,2})(?:\s*[-./ ]\s*(\d{1,2}))?", t)
    if ym:
        y, m = ym.group(1), int(ym.group(2))
        return f"{y}-{m:02d}" if 1 <= m <= 12 else None
    my = re.fullmatch(r"(\d{1,2})\s*[-./ ]\s*(\d{4})", t)
    if my:
        m = int(my.group(1))
        return f"{my.group(2)}-{m:02d}" if 1 <= m <= 12 else None
    dmy = re.fullmatch(r"(\d{1,2})\s*[-./ ]\s*(\d{1,2})\s*[-./ ]\s*(\d{4})", t)
    if dmy:
        a, b = int(dmy.group(1)), int(dmy.group(2))
        if a > 12 >= b >= 1:  # 19.12.2019: day first
            return f"{dmy.group(3)}-{b:02d}"
        if b > 12 >= a >= 1:  # 12/19/2019: month first
            return f"{dmy.group(3)}-{a:02d}"
        return None  # 05.06.2019: May or June? do not guess
    words = re.fullmatch(r"(?:(\d{1,2})\s+)?([A-Za-z]+)\.?,?\s+(\d{4})|(\d{4})\s+([A-Za-z]+)", t)
    if words:
        name = (words.group(2) or words.group(5)).lower()
        year = words.group(3) or words.group(4)
        if name in _MONTHS:
            return f"{year}-{_MONTHS[name]:02d}"
    return None


def _date_problem(v: Any, raw: str | None) -> tuple[str, str]:
    """(message, hint) for a value that should be a scenario date."""
    shown = raw if raw is not None else (v if isinstance(v, str) else _desc(v))
    ym = re.search(r"\d{4}", str(shown))
    year = ym.group(0) if ym else "2019"
    month_example = suggest_date(str(shown)) or f"{year}-05"
    form = f'a year ({year}) or a year and month ("{month_example}")'
    if isinstance(v, str):
        span = re.fullmatch(r"\s*(\d{4})\s*(?:-|–|to|until)\s*(\d{4})\s*", v)
        if span:
            return (
                f"'{v}' is not a date: a date is {form}.",
                f"For a period, write window: {{from: {span.group(1)}, until: "
                f"{span.group(2)}}} instead of date (in an event), or pick one year.",
            )
        bad_month = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", v)
        if bad_month and not 1 <= int(bad_month.group(2)) <= 12:
            return (
                f"'{v}' is not a date: there is no month {int(bad_month.group(2))}.",
                f'Months are 01 to 12, for example "{bad_month.group(1)}-05".',
            )
    sug = suggest_date(str(shown))
    day = isinstance(v, str) and bool(re.search(r"\d{1,2}\D+\d{1,2}\D+\d{1,4}", v))
    msg = f"'{shown}' is not a date the game can use: a date is {form}" + (
        ", without a day." if day else "."
    )
    if sug:
        hint = f'Write "{sug}".'
        if day:
            hint += (
                " Something happens in the turn that contains its date, so the day is not "
                "used. (Only a bibliography date, which is just shown, may have a day.)"
            )
    else:
        hint = (
            'Write a year like 2014, or a year and month like "2014-05" (4-digit year, '
            "a dash, 2-digit month)."
        )
    return msg, hint


def _field_info(model: type[BaseModel] | None, key: Any) -> Any:
    if model is None or not isinstance(key, str):
        return None
    return next((f for n, f in model.model_fields.items() if key in (f.alias, n)), None)


def _bounds(finfo: Any) -> tuple[float | None, float | None]:
    """(lowest, highest) allowed by a field's constraints (None when open)."""
    lo = hi = None
    for m in getattr(finfo, "metadata", None) or []:
        for attr in ("ge", "gt"):
            if getattr(m, attr, None) is not None:
                lo = getattr(m, attr)
        for attr in ("le", "lt"):
            if getattr(m, attr, None) is not None:
                hi = getattr(m, attr)
    return lo, hi


def _pattern_of(finfo: Any) -> str | None:
    for m in getattr(finfo, "metadata", None) or []:
        if getattr(m, "pattern", None):
            return str(m.pattern)
    ann = getattr(finfo, "annotation", None)
    for alt in _unwrap_meta(ann):
        if getattr(alt, "pattern", None):
            return str(alt.pattern)
    return None


def _unwrap_meta(t: Any) -> list[Any]:
    """Every metadata object inside an annotation (Annotated[..., Field(pattern=...)])."""
    out: list[Any] = []
    origin = typing.get_origin(t)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(t)
        for x in extra:
            out.append(x)
            out.extend(getattr(x, "metadata", []) or [])
        out.extend(_unwrap_meta(inner))
    elif origin is typing.Union or origin is types.UnionType:
        for a in typing.get_args(t):
            out.extend(_unwrap_meta(a))
    return out


def _literal_values(finfo: Any) -> list[str]:
    for alt in _unwrap(getattr(finfo, "annotation", None)):
        if typing.get_origin(alt) is typing.Literal:
            return [str(a) for a in typing.get_args(alt)]
    return []


def _fraction_noun(name: str) -> str:
    return "a probability" if name == "chance" else "a fraction"


def _number_hint(name: str, v: Any, finfo: Any, whole: bool) -> str:
    """What to write instead of a non-number in a number field."""
    lo, hi = _bounds(finfo)
    fraction = hi is not None and hi <= 1 and (lo is None or lo >= 0)
    if isinstance(v, str):
        t = v.strip()
        if re.fullmatch(r"[-+]?\d+(\.\d+)?", t):
            return f"Write {t} without quotes: in quotes it is text, not a number."
        pct = re.fullmatch(r"([-+]?\d+(?:[.,]\d+)?)\s*%", t)
        if pct:
            n = float(pct.group(1).replace(",", "."))
            if fraction:
                return (
                    f"'{name}' is {_fraction_noun(name)} from 0 to 1, not a percentage: "
                    f"{pct.group(1)}% is written {n / 100:g}."
                )
            return f"Write the number without the % sign: {n:g}."
        if re.fullmatch(r"[-+]?\d+,\d+", t):
            return f"Use a point for decimals, not a comma: {t.replace(',', '.')}."
        if re.fullmatch(r"[-+]?\d+(\.\d+)?\s*\D+", t):
            num = re.match(r"[-+]?\d+(\.\d+)?", t)
            return f"Write only the number, without a unit: {num.group(0)}." if num else ""
    if isinstance(v, float) and whole:
        return f"Write {int(v)}." if v.is_integer() else "Write a whole number, for example 1 or 2."
    if fraction:
        return f"Write a number from 0 to 1 without quotes, for example 0.25 ({name})."
    return (
        "Write digits only, for example 3."
        if whole
        else "Write digits only, for example 5 or -2.5 (no units or % sign)."
    )


_YES = {"yes": "true", "y": "true", "on": "true", "no": "false", "n": "false", "off": "false"}


def _bool_hint(v: Any) -> str:
    if isinstance(v, str):
        low = v.strip().lower()
        if low in ("true", "false"):
            return f"Write {low} without quotes: in quotes it is text."
        if low in _YES:
            return (
                f"Write {_YES[low]} (not {v}). In scenario files only true and false are "
                "yes/no values; yes, no, on and off are just text."
            )
    if isinstance(v, int | float):
        return "Write true or false (not a number)."
    return "Write true or false."


def _block_hint(model: type[BaseModel], name: str, v: Any) -> str:
    """'A source is written {ref: ..., locator: ...}, for example ...' for a block field."""
    noun, example = M.BLOCKS.get(model.__name__, (M.block_name(model), ""))
    required = [f.alias or n for n, f in model.model_fields.items() if f.is_required()]
    optional = [f.alias or n for n, f in model.model_fields.items() if not f.is_required()]
    keys = required or optional[:3]
    shape = "{" + ", ".join(f"{k}: ..." for k in keys) + "}"
    art = "An" if noun[0] in "aeiou" else "A"
    hint = f"{art} {noun} is written {shape}"
    if not required and len(keys) > 1:
        hint += " (either may be left out)" if len(keys) == 2 else " (each may be left out)"
    elif required and optional:
        hint += f"; it may also have {', '.join(optional[:5])}"
        hint += ", ..." if len(optional) > 5 else ""
    if model.__name__ in ("YearRange", "EventWindow") and isinstance(v, int):
        hint += f". For example: {name}: {{from: {v}}}"
    elif example:
        hint += f". For example: {example}"
    hint += "."
    if model.__name__ == "SourceRef" and isinstance(v, str) and "://" in v:
        hint += (
            " To cite a web page, add it under 'bibliography:' (with its url) and give "
            "its id as ref."
        )
    return hint


def _missing_hint(
    e: SchemaProblem, model: type[BaseModel] | None, last: str, noun: str, parent_data: Any
) -> str:
    finfo = _field_info(model, last)
    desc = ""
    if finfo is not None and finfo.description and not finfo.description.startswith("text:"):
        desc = f" ({finfo.description})"
    values = _literal_values(finfo)
    choice = f"; {last} is one of: {', '.join(values)}" if values else ""
    if e.inline:
        example = ""
        if isinstance(parent_data, dict) and parent_data:
            short = [
                (k, v)
                for k, v in parent_data.items()
                if isinstance(v, str | int | float) and len(str(v)) <= 20
            ]
            if len(short) == len(parent_data) <= 4:
                example = "{" + ", ".join(f"{k}: {v}" for k, v in short) + f", {last}: ...}}"
            elif short:
                example = f"{{{short[0][0]}: {short[0][1]}, {last}: ..., ...}}"
        example = f", for example {example}" if example else ""
        return f"Add '{last}: ...' inside the {{ }}{example}{choice}{desc}."
    return f"Add a line '{last}: ...' to this {noun}{choice}{desc}."


@dataclass(frozen=True)
class Examples:
    """Actor ids for the examples in hints: the scenario's own, so a hint never speaks of an
    actor the scenario does not have (the game's own ids when it declares none of a kind)."""

    state: str = "KAZ"
    power: str = "JPN"

    @classmethod
    def of(cls, documents: Iterable[Any]) -> Examples:
        """The first state and the first power declared in any of the parsed files."""
        found: dict[str, str] = {}
        for doc in documents:
            actors = doc.get("actors") if isinstance(doc, dict) else None
            for a in actors if isinstance(actors, list) else []:
                aid = a.get("id") if isinstance(a, dict) else None
                if isinstance(aid, str) and re.fullmatch(registry.ACTOR_ID, aid):
                    found.setdefault(str(a.get("kind")), aid)
        return cls(found.get("state", cls.state), found.get("power", cls.power))

    def fill(self, hint: str) -> str:
        """The hint with the ``{state}`` and ``{power}`` of its examples filled in."""
        return hint.replace("{state}", self.state).replace("{power}", self.power)


def _bands_hint(objective: Any) -> str:
    """What to write for grade bands given out of order, from the values given."""
    bands = objective.get("bands") if isinstance(objective, dict) else None
    if not isinstance(bands, dict):
        return ""
    given = {k: bands.get(k) for k in "ABCD"}
    vals = {
        k: float(v)
        for k, v in given.items()
        if isinstance(v, int | float) and not isinstance(v, bool)
    }
    if len(vals) != 4:
        return ""
    lower = objective.get("lower_is_better") is True
    fixed = sorted(vals.values(), reverse=not lower)
    shown = ", ".join(f"{k}: {v:g}" for k, v in zip("ABCD", fixed, strict=True))
    order = "lowest" if lower else "highest"
    other = (
        "If a higher value is better, remove 'lower_is_better'."
        if lower
        else "If a lower value is better (tension, dependence), add 'lower_is_better: true'."
    )
    return (
        f"Here A is {vals['A']:g} and D is {vals['D']:g}. A needs the {order} value, then B, C "
        f"and D in order: bands: {{{shown}}}. {other}"
    )


def humanize(
    e: SchemaProblem, data: Any, examples: Examples | None = None
) -> tuple[str, str, str, str]:
    """(code, message, hint, position kind 'key'|'value'|'parent') for one schema error; the
    examples in hints use ``examples``' actor ids."""
    code, msg, hint, at = _humanize(e, data)
    return code, msg, (examples or Examples()).fill(hint), at


def _humanize(e: SchemaProblem, data: Any) -> tuple[str, str, str, str]:
    name = next((str(p) for p in reversed(e.clean) if isinstance(p, str)), "this value")
    last = e.clean[-1] if e.clean else None
    v = e.input
    t = e.type
    parent_model = model_at(e.clean[:-1]) if e.clean else ScenarioFile
    finfo = _field_info(parent_model, last)
    parent_data: Any = data
    for p in e.clean[:-1]:
        try:
            parent_data = parent_data[p]
        except (KeyError, IndexError, TypeError):
            parent_data = None
            break
    in_text = isinstance(parent_data, dict) and "en" in parent_data and last != "en"
    if e.key_error and isinstance(parent_data, dict) and parent_data.get(last, "") is None:
        v, t = None, "key_without_value"  # the key of "{en: China, the rising power}"
    if v is None and isinstance(last, str) and t != "missing" and (in_text or " " in last.strip()):
        # "{en: Roads, railways and airports}": the comma ended the text and YAML read the
        # rest as a key with no value. The commonest flow-mapping mistake of all.
        return (
            "E102",
            f"A comma inside {{...}} cut this text in two: '{last}' was read as a separate key.",
            'Put the whole text in quotes, for example: {en: "Roads, railways and airports"}.',
            "key",
        )
    if t == "scenario_value":  # a custom error that carries its own hint (language codes)
        msg = e.msg if e.msg.endswith((".", "?", ")")) else e.msg + "."
        return ("E102", msg, str(e.ctx.get("hint", "")), "key" if e.key_error else "value")
    if t == "missing":
        model = model_at(e.clean[:-1])
        noun = _MODEL_NOUN.get(model.__name__, "this block") if model else "this block"
        if e.clean == ("schema_version",):
            return (
                "E101",
                "This file has no 'schema_version'.",
                "Add the line 'schema_version: 1' at the top of the file.",
                "parent",
            )
        if isinstance(last, int):
            return (
                "E102",
                "This list needs two numbers: [low, high].",
                "For example: between: [20, 60]",
                "parent",
            )
        plain = M.block_name(model) if model is not None else "block"
        return (
            "E101",
            f"'{last}' is missing from {noun}.",
            _missing_hint(e, model, str(last), plain, parent_data),
            "parent",
        )
    if t == "extra_forbidden":
        key = str(last)
        vocabulary = {
            registry.Effect: ("an effect", "Effects", list(registry.EFFECTS)),
            registry.Condition: ("a condition", "Conditions", list(registry.CONDITION_KEYS)),
        }
        if parent_model in vocabulary:
            what, plural, names = vocabulary[parent_model]
            close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
            return (
                "E100",
                f"'{key}' is not {what}.",
                (f"Did you mean '{close[0]}'? " if close else "")
                + f"{plural} are: "
                + ", ".join(names)
                + ".",
                "key",
            )
        allowed = allowed_keys(parent_model) if parent_model else []
        noun = (
            _MODEL_NOUN.get(parent_model.__name__, "this block") if parent_model else "this block"
        )
        if parent_model and parent_model.__name__.endswith(("Test", "Q")):
            noun = "this test"
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        if not close:
            close = [a for a in allowed if a.lower() == key.lower()]
        where = "at the top level of the file" if parent_model is ScenarioFile else f"in {noun}"
        hint = (
            f"Did you mean '{close[0]}'?"
            if close
            else "Allowed here: " + ", ".join(allowed) + "."
            if allowed
            else "Remove it."
        )
        if parent_model is ScenarioFile and not close:
            hint += " Check also that the lines above are indented correctly."
        return ("E100", f"'{key}' is not a known key {where}.", hint, "key")
    if t == "value_error":
        msg = str(e.ctx.get("error") or e.msg)
        msg = re.sub(r"^Value error, ", "", msg)
        msg = msg[:1].upper() + msg[1:]
        if not msg.endswith("."):
            msg += "."
        if "exactly one" in msg:
            if "effect" in msg:
                hint = (
                    "Write each effect as its own '- verb: ...' item. Effects are: "
                    + ", ".join(registry.EFFECTS)
                    + "."
                )
            elif "condition" in msg:
                hint = (
                    "To combine conditions use 'all: [...]' or 'any: [...]'. Conditions "
                    "are: " + ", ".join(registry.CONDITION_KEYS) + "."
                )
            elif "quantity" in msg:
                hint = "For example: quantity: {autonomy: {state: average}}"
            else:
                hint = "For example: trust: {state: {state}, power: {power}, at_least: 40}"
            return ("E103", msg, hint, "value")
        hint = next((h for k, h in _VALUE_ERROR_HINTS.items() if k in msg.lower()), "")
        if "grade bands" in msg.lower():
            hint = _bands_hint(e.input) or hint
        return ("E102", msg, hint, "value")
    if t in ("model_type", "model_attributes_type", "dict_type"):
        model = model_at(e.clean)
        if model is registry.Effect:
            return (
                "E103",
                f"An effect must be written as 'verb: ...', not {_desc(v)}.",
                "For example: '- change_trust: {state: {state}, power: {power}, by: 5}'. "
                "Effects are: " + ", ".join(registry.EFFECTS) + ".",
                "value",
            )
        if model is registry.Condition:
            return (
                "E103",
                f"A condition must be written as 'kind: ...', not {_desc(v)}.",
                "For example: 'trust: {state: {state}, power: {power}, at_least: 40}'. Conditions are: "
                + ", ".join(registry.CONDITION_KEYS)
                + ".",
                "value",
            )
        what = f"Each item of '{name}'" if isinstance(last, int) else f"'{name}'"
        hint = (
            _block_hint(model, name, v)
            if model is not None
            else "Put the keys on the lines below it, indented, or write {key: value, ...}."
        )
        return (
            "E102",
            f"{what} should be a block of 'key: value' lines, not {_desc(v)}.",
            hint,
            "value",
        )
    if t == "union_type":
        labels = e.ctx.get("labels", [])
        if len(labels) == 2 and "str" in labels and any(lb.startswith("dict[") for lb in labels):
            return (
                "E102",
                f"'{name}' should be a text, not {_desc(v)}.",
                "Write the text (in quotes if it looks like a number), or translations "
                "such as {en: Japan, ja: 日本}.",
                "value",
            )
        phrases = []
        for lab in labels:
            ph = _label_phrase(lab)
            if ph not in phrases:
                phrases.append(ph)
        return ("E102", f"'{name}' should be {' or '.join(phrases)}, not {_desc(v)}.", "", "value")
    alt = ""
    if e.alternatives:
        alt = " or " + " or ".join(dict.fromkeys(_label_phrase(a) for a in e.alternatives))
    shown = e.raw if e.raw is not None and not isinstance(v, str) else _desc(v)
    if t == "string_type":
        if _pattern_of(finfo) == registry.DATE:
            msg, hint = _date_problem(v, e.raw)
            ym = re.search(r"\d{4}", str(shown))
            year = ym.group(0) if ym else "2019"
            month = suggest_date(str(shown)) or f"{year}-05"
            return (
                "E102",
                f"'{name}' should be a date such as {year} or \"{month}\", not {shown} (a number).",
                hint,
                "value",
            )
        hint = f'Put it in quotes: "{shown}".' if isinstance(v, int | float | bool) else ""
        return ("E102", f"'{name}' should be a text{alt}, not {shown}.", hint, "value")
    if t in ("int_type", "int_parsing", "int_from_float"):
        what = f"the text {_desc(v)}" if isinstance(v, str) else shown
        return (
            "E102",
            f"'{name}' should be a whole number, not {what}.",
            _number_hint(name, v, finfo, whole=True),
            "value",
        )
    if t in ("float_type", "float_parsing"):
        what = f"the text {_desc(v)}" if isinstance(v, str) else shown
        return (
            "E102",
            f"'{name}' should be a number, not {what}.",
            _number_hint(name, v, finfo, whole=False),
            "value",
        )
    if t in ("bool_type", "bool_parsing"):
        what = f"the text {_desc(v)}" if isinstance(v, str) else shown
        return ("E102", f"'{name}' should be true or false, not {what}.", _bool_hint(v), "value")
    if t in ("list_type", "tuple_type"):
        hint = "Write each item on its own line starting with '- ', or [a, b]." + (
            f" For one item: [{v}]." if isinstance(v, str | int | float) else ""
        )
        return ("E102", f"'{name}' should be a list{alt}, not {_desc(v)}.", hint, "value")
    if t == "literal_error":
        expected = re.findall(r"'([^']*)'", str(e.ctx.get("expected", "")))
        close = difflib.get_close_matches(str(v), expected, n=1) if isinstance(v, str) else []
        return (
            "E102",
            f"'{name}' cannot be {_desc(v)}.",
            (f"Did you mean '{close[0]}'? " if close else "")
            + "Use "
            + " or ".join(f"'{x}'" for x in expected)
            + (f" or {alt[4:]}" if alt else "")
            + ".",
            "value",
        )
    if t == "string_pattern_mismatch":
        pattern = str(e.ctx.get("pattern", ""))
        if pattern == registry.DATE and not e.key_error:
            msg, hint = _date_problem(v, e.raw)
            return ("E102", msg, hint, "value")
        what, hint = _PATTERN_TEXT.get(pattern, ("has the wrong form", f"It must match {pattern}."))
        if e.key_error:
            return ("E102", f"The key {_desc(v)} {what}.", hint, "key")
        if (
            isinstance(v, str)
            and pattern in (registry.ACTOR_ID, registry.ACTOR_REF)
            and re.fullmatch(r"[a-z][a-z0-9_]{1,9}", v)
        ):
            hint = f"Write it in capitals: {v.upper()}."
        return ("E102", f"{_desc(v)} {what}.", hint, "value")
    if t in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = next(iter(e.ctx.values()), "?")
        words = {
            "greater_than_equal": "at least",
            "greater_than": "more than",
            "less_than_equal": "at most",
            "less_than": "less than",
        }[t]
        lo, hi = _bounds(finfo)
        hint = (
            f"Write a number from {lo:g} to {hi:g}."
            if lo is not None and hi is not None
            else f"Write a number {words} {bound:g}."
            if isinstance(bound, int | float)
            else ""
        )
        if (
            t in ("less_than_equal", "less_than")
            and bound == 1
            and (lo is None or lo >= 0)
            and isinstance(v, int | float)
            and 1 < v <= 100
        ):
            hint = (
                f"'{name}' is {_fraction_noun(name)} from 0 to 1, not a percentage: "
                f"{v:g}% is written {v / 100:g}."
            )
        return (
            "E102",
            f"'{name}' is {shown}, but it must be {words} {bound:g}."
            if isinstance(bound, int | float)
            else f"'{name}' must be {words} {bound}.",
            hint,
            "value",
        )
    if t == "too_short":
        n = e.ctx.get("min_length", 1)
        if isinstance(parent_model, type) and name == "between":
            return ("E102", "'between' needs two numbers: [low, high].", "", "value")
        return ("E102", f"'{name}' needs at least {n} item{'s' if n != 1 else ''}.", "", "value")
    if t == "too_long":
        n = e.ctx.get("max_length", 1)
        return ("E102", f"'{name}' has too many items (at most {n}).", "", "value")
    if t == "string_too_long":
        n = e.ctx.get("max_length", 1)
        return ("E102", f"This text is too long (at most {n} characters).", "Shorten it.", "value")
    return ("E102", f"'{name}': {e.msg}.", "", "value")
