"""Generate the reference part of ``docs/scenario-format.md`` from the registry and the models.

Everything between ``<!-- BEGIN GENERATED REFERENCE -->`` and ``<!-- END GENERATED REFERENCE
-->`` is written by this module: every quantity, condition and effect with its fields, a YAML
example and the sentence the game shows for that example (``describe()``), then the fields of
every section. ``python -m game.scenario.docgen`` rewrites the file in place; a test checks it is
up to date, so a new verb in the registry cannot go undocumented.
"""

from __future__ import annotations

import sys
import types
import typing
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from . import model as M
from . import registry as R

BEGIN = "<!-- BEGIN GENERATED REFERENCE -->"
END = "<!-- END GENERATED REFERENCE -->"
DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "scenario-format.md"

#: display names used when rendering the example sentences
NAMES = {
    "JPN": "Japan",
    "RUS": "Russia",
    "CHN": "China",
    "KAZ": "Kazakhstan",
    "UZB": "Uzbekistan",
    "KGZ": "Kyrgyzstan",
    "TJK": "Tajikistan",
    "TKM": "Turkmenistan",
    "energy": "energy",
    "trade": "trade",
    "security": "security",
    "labour": "labour",
    "finance": "finance",
    "oda_budget": "ODA budget",
    "political_capital": "political capital",
    "tension": "great-power tension",
    "csto": "the CSTO",
    "eaeu": "the Eurasian Economic Union",
    "bri_launched": "the Belt and Road is launched",
    "ukraine_war": "the war in Ukraine",
}

QUANTITY_EXAMPLES: dict[str, dict[str, Any]] = {
    "dependence": {"state": "KAZ", "partner": "RUS", "dimension": "energy"},
    "autonomy": {"state": "average"},
    "trust": {"state": "UZB", "power": "JPN"},
    "stability": {"state": "KGZ"},
    "growth": {"state": "TJK"},
    "resilience": {"state": "KGZ"},
    "resource": {"actor": "JPN", "resource": "oda_budget"},
    "meter": {"meter": "tension"},
}

CONDITION_EXAMPLES: dict[str, Any] = {
    "all": [{"flag": "bri_launched"}, {"year": {"from": 2014}}],
    "any": [
        {"member_of": {"actor": "KAZ", "org": "eaeu"}},
        {"trust": {"state": "KAZ", "power": "RUS", "at_least": 70}},
    ],
    "not": {"member_of": {"actor": "UZB", "org": "csto"}},
    "dependence": {"state": "KAZ", "partner": "RUS", "dimension": "energy", "at_least": 60},
    "autonomy": {"state": "$target", "at_most": 40},
    "trust": {"state": "UZB", "power": "JPN", "between": [40, 70]},
    "stability": {"state": "KGZ", "at_least": 50},
    "growth": {"state": "TJK", "at_most": 2},
    "resilience": {"state": "$target", "at_least": 40},
    "resource": {"actor": "JPN", "resource": "oda_budget", "at_least": 30},
    "meter": {"meter": "tension", "at_least": 60},
    "flag": "bri_launched",
    "member_of": {"actor": "KAZ", "org": "eaeu"},
    "year": {"from": 2014, "until": 2020},
    "event_fired": {"id": "ukraine_war"},
    "chance": 0.25,
}

EFFECT_EXAMPLES: dict[str, Any] = {
    "shift_dependence": {"state": "$target", "partner": "$actor", "dimension": "energy", "by": 4},
    "change_trust": {"state": "KAZ", "power": "JPN", "by": 5},
    "change_stability": {"state": "KGZ", "by": -3},
    "change_growth": {"state": "UZB", "by": 0.5},
    "change_resilience": {"state": "$target", "by": 3},
    "add_resource": {"actor": "JPN", "resource": "oda_budget", "amount": -20},
    "change_meter": {"meter": "tension", "by": 10},
    "set_flag": "bri_launched",
    "clear_flag": "bri_launched",
    "join_org": {"actor": "UZB", "org": "eaeu"},
    "leave_org": {"actor": "UZB", "org": "csto"},
}

#: sections documented in the field tables, in file order: (where it is written, model)
SECTION_MODELS: list[tuple[str, type[BaseModel]]] = [
    ("meta", M.Meta),
    ("calendar", M.Calendar),
    ("actors[]", M.Actor),
    ("dimensions[]", M.Dimension),
    ("resources[]", M.Resource),
    ("meters[]", M.Meter),
    ("flags[]", M.Flag),
    ("organisations[]", M.Organisation),
    ("initial", M.Initial),
    ("model", M.ModelParams),
    ("drift[]", M.Drift),
    ("actions[]", M.Action),
    ("actions[].ai", M.AIHints),
    ("events[]", M.Event),
    ("events[].window", M.EventWindow),
    ("events[].options[]", M.Option),
    ("sources[] in events, actions and drift", M.SourceRef),
    ("objectives: ROLE: []", M.Objective),
    ("objectives: ROLE: [] bands", M.Bands),
    ("policies: ROLE:", M.RolePolicy),
    ("history: ROLE: []", M.HistoryStep),
    ("bibliography[]", M.BibItem),
    ("glossary[]", M.GlossaryEntry),
    ("balance", M.Balance),
    ("balance.expectations[]", M.Expectation),
    ("map", M.MapSettings),
]
_DOCUMENTED = {m for _, m in SECTION_MODELS}

_PATTERN_NAMES = {
    R.ACTOR_ID: "actor id (e.g. `KAZ`)",
    R.ACTOR_REF: "actor id, `$actor` or `$target`",
    R.SNAKE_ID: "id (small letters, digits, `_`)",
    R.ALL_OR_SNAKE: "dimension id or `all`",
    r"^(average|\$target|\$actor|[A-Z][A-Z0-9_]{1,9})$": "state id, `average`, `$target` or "
    "`$actor`",
    M.DATE: 'date: `2014` or `"2014-05"`',
}
LANG_TEXT = "language code (ISO 639-1, e.g. `en`, `ja`, `ru`, `kk`)"


def anchor(model: type[BaseModel]) -> str:
    return f"block-{model.__name__.lower()}"


def _title(model: type[BaseModel]) -> str:
    noun = M.block_name(model)
    return noun[:1].upper() + noun[1:]


# ----------------------------------------------------------------------------------------------
# Types in words
# ----------------------------------------------------------------------------------------------
def _constraints(meta: list[Any]) -> tuple[str | None, list[str]]:
    pattern = None
    bounds = []
    for m in meta:
        if getattr(m, "pattern", None):
            pattern = m.pattern
        for attr, word in (("ge", "≥"), ("gt", ">"), ("le", "≤"), ("lt", "<")):
            v = getattr(m, attr, None)
            if v is not None:
                bounds.append(f"{word} {v:g}")
        if getattr(m, "max_length", None) is not None and not pattern:
            bounds.append(f"at most {m.max_length} long")
        if getattr(m, "min_length", None):
            bounds.append(f"at least {m.min_length}")
    return pattern, bounds


def type_text(t: Any, meta: list[Any] | None = None) -> str:
    """A type annotation in words, for the field tables."""
    meta = list(meta or [])
    origin = typing.get_origin(t)
    args = typing.get_args(t)
    if origin is typing.Annotated:
        inner, *extra = args
        for e in extra:
            if M.marks_text(e):
                return "text"
            if M.marks_lang_code(e):
                return LANG_TEXT
            if isinstance(e, FieldInfo):
                meta.extend(e.metadata)
            else:
                meta.append(e)
        return type_text(inner, meta)
    if any(M.marks_text(m) for m in meta):
        return "text"
    pattern, bounds = _constraints(meta)
    if origin in (typing.Union, types.UnionType):
        alts = [a for a in args if a is not type(None)]
        # Optional[str] with the field's own pattern/bounds (``from: str | None = Field(
        # pattern=DATE)``): the constraints belong to the one real alternative
        parts = [type_text(a, meta if len(alts) == 1 else None) for a in alts]
        return " or ".join(dict.fromkeys(parts))
    if origin is Literal:
        return "one of " + ", ".join(f"`{a}`" for a in args)
    if origin is list:
        inner_t = args[0]
        if isinstance(inner_t, type) and issubclass(inner_t, BaseModel) and inner_t in _DOCUMENTED:
            s = f"list of [{M.block_name(inner_t)}](#{anchor(inner_t)}) blocks"
        else:
            s = f"list of {type_text(inner_t)}"
        return s + (f" ({', '.join(bounds)})" if bounds else "")
    if origin is tuple:
        return "[" + ", ".join(type_text(a) for a in args) + "]"
    if origin is dict:
        return f"mapping: {type_text(args[0])} → {type_text(args[1])}"
    if t is str:
        if pattern:
            return _PATTERN_NAMES.get(pattern, f"text matching `{pattern}`")
        return "text" + (f" ({', '.join(bounds)})" if bounds else "")
    if t is float:
        return "number" + (f" ({', '.join(bounds)})" if bounds else "")
    if t is int:
        return "whole number" + (f" ({', '.join(bounds)})" if bounds else "")
    if t is bool:
        return "`true` or `false`"
    if isinstance(t, type) and issubclass(t, BaseModel):
        if t is R.Condition:
            return "[condition](#conditions)"
        if t is R.Effect:
            return "[effect](#effects)"
        if t is M.Quantity:
            return "[quantity](#quantities), e.g. `{autonomy: {state: average}}`"
        noun = M.block_name(t)
        keys = [f.alias or n for n, f in t.model_fields.items()]
        shape = f" `{{{', '.join(keys)}}}`" if len(keys) <= 4 else ""
        if t in _DOCUMENTED:
            return f"[{noun}](#{anchor(t)}) block{shape}"
        return f"{noun} block{shape}"
    return getattr(t, "__name__", str(t))


def _default_text(f: FieldInfo) -> str:
    if f.is_required():
        return "**required**"
    if f.default_factory is not None:
        try:
            d = f.default_factory()  # type: ignore[call-arg]
        except TypeError:
            return "optional"
        return "optional" if d in ([], {}) else f"default `{_flow(d)}`"
    d = f.default
    if d is None:
        return "optional"
    if isinstance(d, BaseModel):
        return "optional"
    return f"default `{_flow(d)}`"


def field_table(model: type[BaseModel], skip: tuple[str, ...] = ()) -> list[str]:
    rows = ["| key | type | | meaning |", "|---|---|---|---|"]
    for name, f in model.model_fields.items():
        key = f.alias or name
        if key in skip:
            continue
        desc = (f.description or "").replace("|", "\\|").replace("\n", " ")
        rows.append(
            f"| `{key}` | {type_text(f.annotation, f.metadata)} | {_default_text(f)} | {desc} |"
        )
    return rows


def _flow(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v)) if v != 1e9 else "1e9"
    if isinstance(v, str | int | float):
        s = yaml.safe_dump(v, default_flow_style=True, width=10_000).strip()
        return s.removesuffix("\n...").removesuffix("...").strip()
    return yaml.safe_dump(v, default_flow_style=True, sort_keys=False, width=10_000).strip()


def _doc(cls: type) -> str:
    """A class docstring as one paragraph (RST literal markers dropped)."""
    text = (cls.__doc__ or "").strip().split("\n\n")[0]
    return " ".join(text.replace("``", "`").split())


# ----------------------------------------------------------------------------------------------
# The generated section
# ----------------------------------------------------------------------------------------------
def generate() -> str:
    """The Markdown between the markers (without the markers)."""
    out: list[str] = [
        "",
        "## Reference (generated)",
        "",
        "*This part is written by `python -m game.scenario.docgen` from "
        "`game/scenario/registry.py` and `game/scenario/model.py`; do not edit it by hand.*",
        "",
        "### Quantities",
        "",
        "A quantity is a number read from the game. Conditions compare one with a number "
        "(add `at_least`, `at_most` or `between`) and objectives grade one with bands.",
        "",
    ]
    for name, qm in R.QUANTITIES.items():
        ex = QUANTITY_EXAMPLES[name]
        q: Any = qm.model_validate(ex)
        out += [
            f"#### `{name}`",
            "",
            _doc(qm),
            "",
            *field_table(qm),
            "",
            "```yaml",
            f"quantity: {{{name}: {_flow(ex)}}}",
            "```",
            "",
            f"Reads as: *{q.describe(NAMES)}*",
            "",
        ]

    out += [
        "### Conditions",
        "",
        "A condition is a mapping with exactly **one** key. Combine several with `all` or `any`.",
        "",
        "| key | true when |",
        "|---|---|",
    ]
    out += [f"| [`{k}`](#condition-{k}) | {R.CONDITIONS[k]} |" for k in R.CONDITION_KEYS]
    out.append("")
    for k in R.CONDITION_KEYS:
        ex = {k: CONDITION_EXAMPLES[k]}
        cond = R.Condition.model_validate(ex)
        text = R.CONDITIONS[k].rstrip(".")
        out += [
            f"#### condition: `{k}`",
            "",
            f'<a id="condition-{k}"></a>',
            text[:1].upper() + text[1:] + ".",
            "",
        ]
        if k in R.QUANTITY_TESTS:
            out += [*field_table(R.QUANTITIES[k]), *field_table(R.Compare)[2:], ""]
        elif k in ("member_of", "year", "event_fired"):
            subs: dict[str, type[BaseModel]] = {
                "member_of": R.MemberOf,
                "year": R.YearRange,
                "event_fired": R.EventFired,
            }
            sub = subs[k]
            out += [*field_table(sub), ""]
        out += [
            "```yaml",
            f"condition: {_flow(ex)}",
            "```",
            "",
            f"Reads as: *{cond.describe(NAMES)}*",
            "",
        ]

    out += [
        "### Effects",
        "",
        "An effect is one item of an `effects:` list: a mapping with exactly **one** key, "
        "the verb.",
        "",
        "| verb | does |",
        "|---|---|",
    ]
    out += [
        f"| [`{v}`](#effect-{v}) | {desc.replace('``', '`')} |"
        for v, (_, desc) in R.EFFECTS.items()
    ]
    out.append("")
    for verb, (typ, desc) in R.EFFECTS.items():
        ex = {verb: EFFECT_EXAMPLES[verb]}
        eff = R.Effect.model_validate(ex)
        out += [f"#### effect: `{verb}`", "", f'<a id="effect-{verb}"></a>']
        if isinstance(typ, type) and issubclass(typ, BaseModel):
            out += [_doc(typ), "", *field_table(typ), ""]
        else:
            out += [desc + " The value is the flag's id.", ""]
        out += [
            "```yaml",
            "effects:",
            f"  - {verb}: {_flow(ex[verb])}",
            "```",
            "",
            f"Reads as: *{eff.describe(NAMES)}*",
            "",
        ]

    out += [
        "### Sections and their keys",
        "",
        "Every key each section accepts. Keys not listed here are errors (E100).",
        "",
    ]
    for where, model in SECTION_MODELS:
        example = M.BLOCKS.get(model.__name__, ("", ""))[1]
        out += [
            f"#### {_title(model)}: `{where}`",
            "",
            f'<a id="{anchor(model)}"></a>',
            _doc(model),
            "",
            *field_table(model),
            "",
        ]
        if example:
            out += [f"On one line: `{example}`", ""]
    out += [
        "### Top level of a file",
        "",
        _doc(M.ScenarioFile),
        "",
        *field_table(M.ScenarioFile),
        "",
    ]
    return "\n".join(out)


def splice(doc: str, generated: str) -> str:
    """Replace what is between the markers (append the markers if they are missing)."""
    if BEGIN in doc and END in doc:
        head, rest = doc.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        return f"{head}{BEGIN}\n{generated}\n{END}{tail}"
    return f"{doc.rstrip()}\n\n{BEGIN}\n{generated}\n{END}\n"


def current_generated(doc: str) -> str | None:
    if BEGIN not in doc or END not in doc:
        return None
    return doc.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n")


def main(argv: list[str] | None = None) -> int:
    path = Path(argv[0]) if argv else DOC_PATH
    doc = path.read_text(encoding="utf-8") if path.exists() else "# Scenario format\n"
    new = splice(doc, generate())
    if new != doc:
        path.write_text(new, encoding="utf-8")
        print(f"Updated the generated reference in {path}.")
    else:
        print(f"{path} is already up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
