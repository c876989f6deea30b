"""The closed vocabulary of scenario files: quantities, conditions and effects.

This module is the single registry the rest of the game reads:

* the pydantic validation models (``Condition`` and ``Effect`` below are used by ``model.py``),
* the JSON Schema for editors (``schema.py`` exports these models),
* the reference section of ``docs/scenario-format.md`` (``docgen.py`` walks ``QUANTITIES``,
  ``CONDITIONS`` and ``EFFECTS``),
* the human-readable sentences shown in tooltips (each model's ``describe``),
* and the engine compiler (``game/engine/compiler.py`` dispatches on the same names).

A condition or an effect is written in YAML as a mapping with exactly one key, the verb::

    - change_trust: {state: $target, power: $actor, by: 5}
    - set_flag: bri_launched

Nothing here evaluates text: there is no ``eval`` and no Python in scenario files.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# ---------------------------------------------------------------------------------------------
# Id patterns shared by the models. Actor ids are upper case (ISO 3166 alpha-3 such as KAZ, or a
# short name such as WEST); every other id is snake_case. ``$actor`` and ``$target`` are the only
# placeholders: inside an action they stand for the acting power and the chosen target.
# ---------------------------------------------------------------------------------------------
ACTOR_ID = r"^[A-Z][A-Z0-9_]{1,9}$"
ACTOR_REF = r"^(\$actor|\$target|[A-Z][A-Z0-9_]{1,9})$"
SNAKE_ID = r"^[a-z][a-z0-9_]{0,63}$"
ALL_OR_SNAKE = r"^(all|[a-z][a-z0-9_]{0,63})$"
REST_OF_WORLD = "ROW"
PLACEHOLDERS = ("$actor", "$target")


DATE = r"^\d{4}(-(0[1-9]|1[0-2]))?$"
DATE_HELP = 'a year (2014) or a year and month ("2014-05"); no day'


class Strict(BaseModel):
    """Base for every model of the format: unknown keys are errors; only the YAML spelling of
    each key is accepted (``from``, not the Python name ``from_``).

    Validation is strict: a yes/no field takes only ``true``/``false`` (not ``yes``, ``1`` or
    ``"true"``) and a number field takes only a number written without quotes (``"4"`` is text).
    A whole number is fine where a decimal is allowed (``by: 4``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False, strict=True)


def list_to_tuple(v: Any) -> Any:
    """YAML has no tuples: ``between: [20, 60]`` is a list (strict mode wants a tuple)."""
    return tuple(v) if isinstance(v, list) else v


def year_to_str(v: Any) -> Any:
    """Accept ``2013`` as well as ``"2013"``: a bare year is the commonest thing authors write."""
    return str(v) if isinstance(v, int) and not isinstance(v, bool) else v


def _num(x: float) -> str:
    return f"{x:+g}" if x else "0"


def _name(names: dict[str, str] | None, ref: str) -> str:
    if ref == "$target":
        return "the target"
    if ref == "$actor":
        return "the acting power"
    if ref == "all":
        return "every dimension"
    if ref == REST_OF_WORLD:
        return "the rest of the world"
    return (names or {}).get(ref, ref)


def _flag(names: dict[str, str] | None, ref: str) -> tuple[str, bool]:
    """A flag as a reader sees it: (its text, whether that text is a sentence). A flag is shown
    by its description, a sentence that is true once it is set ("The treaty is in force"); an
    id-like text (``deal_signed``, or a missing description) is named as a flag instead. A
    sentence's leading article is lowercased so it reads inside another sentence."""
    text = _name(names, ref).strip()
    if not text or not any(ch.isspace() for ch in text):
        return text or ref, False
    first, _, rest = text.partition(" ")
    if first in ("The", "A", "An") and rest:
        text = first.lower() + " " + rest
    return text, True


def describe_flag(names: dict[str, str] | None, ref: str, verb: str) -> str:
    """How a flag reads: ``verb`` is 'set_flag' or 'clear_flag' (an effect) or 'flag' (a
    condition). 'from now on: the treaty is in force', 'no longer so: the treaty is in force',
    'the treaty is in force'; for an id: "the flag 'deal_signed' is set" (or 'is cleared')."""
    text, sentence = _flag(names, ref)
    if not sentence:
        return f"the flag '{text}' is {'cleared' if verb == 'clear_flag' else 'set'}"
    if verb == "set_flag":
        return f"from now on: {text}"
    if verb == "clear_flag":
        return f"no longer so: {text}"
    return text


# ---------------------------------------------------------------------------------------------
# Comparators (named, so nothing has to be parsed from strings and editors can complete them)
# ---------------------------------------------------------------------------------------------
class Compare(Strict):
    at_least: float | None = Field(None, description="true when the value is at least this")
    at_most: float | None = Field(None, description="true when the value is at most this")
    between: tuple[float, float] | None = Field(None, description="true when lo <= value <= hi")

    _between = field_validator("between", mode="before")(list_to_tuple)

    @model_validator(mode="after")
    def _one_comparator(self) -> Compare:
        given = [k for k in ("at_least", "at_most", "between") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(
                "give exactly one comparison: at_least, at_most or between"
                + (f" (found {', '.join(given)})" if given else "")
            )
        if self.between is not None and self.between[0] > self.between[1]:
            raise ValueError("between: the first number must not be larger than the second")
        return self

    def describe_cmp(self) -> str:
        if self.at_least is not None:
            return f"is at least {self.at_least:g}"
        if self.at_most is not None:
            return f"is at most {self.at_most:g}"
        lo, hi = self.between  # type: ignore[misc]
        return f"is between {lo:g} and {hi:g}"


# ---------------------------------------------------------------------------------------------
# Quantities: numbers read from the state of one game. Used by conditions (with a comparator),
# objectives (with grading bands) and the map modes.
# ---------------------------------------------------------------------------------------------
class DependenceQ(Strict):
    """A state's dependence on one partner, in percent of that dimension (0-100).

    ``dimension: all`` averages the dimensions with their declared weights."""

    state: str = Field(pattern=ACTOR_REF, description="the dependent state (id or $target)")
    partner: str = Field(pattern=ACTOR_REF, description="the partner power, or ROW")
    dimension: str = Field("all", pattern=ALL_OR_SNAKE, description="a dimension id or 'all'")

    def describe(self, names: dict[str, str] | None = None) -> str:
        dim = "overall" if self.dimension == "all" else _name(names, self.dimension)
        return f"{_name(names, self.state)}'s {dim} dependence on {_name(names, self.partner)} (%)"


class AutonomyQ(Strict):
    """A state's autonomy, 0-100: 100 minus the concentration (Herfindahl index) of its
    dependence on the powers, averaged over dimensions. ``state: average`` means the mean of
    all states."""

    state: str = Field(pattern=r"^(average|\$target|\$actor|[A-Z][A-Z0-9_]{1,9})$")

    def describe(self, names: dict[str, str] | None = None) -> str:
        if self.state == "average":
            return "average autonomy of the states"
        return f"autonomy of {_name(names, self.state)}"


class TrustQ(Strict):
    """How much a state trusts a power, 0-100. ``state: average`` means the mean over states."""

    state: str = Field(pattern=r"^(average|\$target|\$actor|[A-Z][A-Z0-9_]{1,9})$")
    power: str = Field(pattern=ACTOR_REF)

    def describe(self, names: dict[str, str] | None = None) -> str:
        who = "the states" if self.state == "average" else _name(names, self.state)
        return f"trust of {who} in {_name(names, self.power)}"


class StabilityQ(Strict):
    """A state's internal stability, 0-100."""

    state: str = Field(pattern=r"^(average|\$target|\$actor|[A-Z][A-Z0-9_]{1,9})$")

    def describe(self, names: dict[str, str] | None = None) -> str:
        who = "the states" if self.state == "average" else _name(names, self.state)
        return f"stability of {who}"


class GrowthQ(Strict):
    """A state's yearly economic growth, in percent."""

    state: str = Field(pattern=r"^(average|\$target|\$actor|[A-Z][A-Z0-9_]{1,9})$")

    def describe(self, names: dict[str, str] | None = None) -> str:
        who = "the states" if self.state == "average" else _name(names, self.state)
        return f"growth of {who} (%)"


class ResilienceQ(Strict):
    """A state's resilience, 0-100: its room to say no - trained people of its own, routes
    that do not cross one neighbour, partners it trusts. Each turn a state moves part of any
    over-large dependence to other partners, in proportion to its resilience (docs/engine.md).
    ``state: average`` means the mean of all states."""

    state: str = Field(pattern=r"^(average|\$target|\$actor|[A-Z][A-Z0-9_]{1,9})$")

    def describe(self, names: dict[str, str] | None = None) -> str:
        who = "the states" if self.state == "average" else _name(names, self.state)
        return f"resilience of {who}"


class ResourceQ(Strict):
    """An actor's stock of a resource (e.g. Japan's ODA budget)."""

    actor: str = Field(pattern=ACTOR_REF)
    resource: str = Field(pattern=SNAKE_ID)

    def describe(self, names: dict[str, str] | None = None) -> str:
        return f"{_name(names, self.actor)}'s {_name(names, self.resource)}"


class MeterQ(Strict):
    """A global meter (e.g. great-power tension)."""

    meter: str = Field(pattern=SNAKE_ID)

    def describe(self, names: dict[str, str] | None = None) -> str:
        return _name(names, self.meter)


#: name -> model. Conditions are these plus a comparator; objectives are these plus bands.
QUANTITIES: dict[str, type[Strict]] = {
    "dependence": DependenceQ,
    "autonomy": AutonomyQ,
    "trust": TrustQ,
    "stability": StabilityQ,
    "growth": GrowthQ,
    "resilience": ResilienceQ,
    "resource": ResourceQ,
    "meter": MeterQ,
}


class DependenceTest(DependenceQ, Compare):
    """A state's dependence on a partner (percent) compared with a number."""


class AutonomyTest(AutonomyQ, Compare):
    """A state's autonomy (0-100) compared with a number."""


class TrustTest(TrustQ, Compare):
    """Trust of a state in a power (0-100) compared with a number."""


class StabilityTest(StabilityQ, Compare):
    """A state's stability (0-100) compared with a number."""


class GrowthTest(GrowthQ, Compare):
    """A state's growth (percent) compared with a number."""


class ResilienceTest(ResilienceQ, Compare):
    """A state's resilience (0-100) compared with a number."""


class ResourceTest(ResourceQ, Compare):
    """An actor's resource compared with a number."""


class MeterTest(MeterQ, Compare):
    """A global meter compared with a number."""


QUANTITY_TESTS: dict[str, type[Strict]] = {
    "dependence": DependenceTest,
    "autonomy": AutonomyTest,
    "trust": TrustTest,
    "stability": StabilityTest,
    "growth": GrowthTest,
    "resilience": ResilienceTest,
    "resource": ResourceTest,
    "meter": MeterTest,
}


def describe_quantity_test(kind: str, q: Any, names: dict[str, str] | None) -> str:
    # q is e.g. a TrustTest: a TrustQ (describe) and a Compare (describe_cmp) at once
    return f"{q.describe(names)} {q.describe_cmp()}"


class YearRange(Strict):
    """True while the current date is inside the range (either side may be left out)."""

    from_: str | None = Field(
        None, alias="from", pattern=DATE, description="first year (or year and month), e.g. 2013"
    )
    until: str | None = Field(
        None, pattern=DATE, description="last year (or year and month), e.g. 2020"
    )

    _years = field_validator("from_", "until", mode="before")(year_to_str)

    @model_validator(mode="after")
    def _some_side(self) -> YearRange:
        if self.from_ is None and self.until is None:
            raise ValueError("give 'from', 'until' or both")
        return self


class MemberOf(Strict):
    """True when the actor is a member of the organisation."""

    actor: str = Field(pattern=ACTOR_REF)
    org: str = Field(pattern=SNAKE_ID)


class EventFired(Strict):
    """True once the event has fired in this game."""

    id: str = Field(pattern=SNAKE_ID)


class Condition(Strict):
    """A test on the state of one game. Exactly one key: a combinator (all, any, not) or an atom.

    Examples::

        trust: {state: KAZ, power: JPN, at_least: 40}
        all: [{flag: bri_launched}, {year: {from: "2014"}}]
    """

    all: list[Condition] | None = Field(None, description="true when every item is true")
    any: list[Condition] | None = Field(None, description="true when at least one item is true")
    not_: Condition | None = Field(None, alias="not", description="true when the item is false")
    dependence: DependenceTest | None = None
    autonomy: AutonomyTest | None = None
    trust: TrustTest | None = None
    stability: StabilityTest | None = None
    growth: GrowthTest | None = None
    resilience: ResilienceTest | None = None
    resource: ResourceTest | None = None
    meter: MeterTest | None = None
    flag: str | None = Field(None, pattern=SNAKE_ID, description="true when the flag is set")
    member_of: MemberOf | None = None
    year: YearRange | None = None
    event_fired: EventFired | None = None
    chance: float | None = Field(
        None, ge=0, le=1, description="true with this probability (seeded)"
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Condition:
        keys = [k for k in CONDITION_KEYS if getattr(self, _attr(k)) is not None]
        if len(keys) != 1:
            raise ValueError(
                "a condition must have exactly one key"
                + (f"; found {', '.join(keys)} - wrap them in 'all: [...]'" if keys else "")
            )
        return self

    @property
    def kind(self) -> str:
        return next(k for k in CONDITION_KEYS if getattr(self, _attr(k)) is not None)

    @property
    def arg(self) -> Any:
        return getattr(self, _attr(self.kind))

    def describe(self, names: dict[str, str] | None = None) -> str:
        kind, arg = self.kind, self.arg
        if kind == "all":
            return " and ".join(f"({c.describe(names)})" for c in arg)
        if kind == "any":
            return " or ".join(f"({c.describe(names)})" for c in arg)
        if kind == "not":
            return f"not ({arg.describe(names)})"
        if kind in QUANTITIES:
            return describe_quantity_test(kind, arg, names)
        if kind == "flag":
            return describe_flag(names, arg, "flag")
        if kind == "member_of":
            return f"{_name(names, arg.actor)} is a member of {_name(names, arg.org)}"
        if kind == "year":
            if arg.from_ and arg.until:
                return f"the year is {arg.from_}-{arg.until}"
            return f"the year is {'from ' + arg.from_ if arg.from_ else 'until ' + str(arg.until)}"
        if kind == "event_fired":
            return f"'{_name(names, arg.id)}' has taken place"
        if kind == "chance":
            return f"a {arg:.0%} chance"
        raise AssertionError(kind)


def _attr(key: str) -> str:
    return "not_" if key == "not" else key


#: every key a condition may have, in documentation order
CONDITION_KEYS: tuple[str, ...] = (
    "all",
    "any",
    "not",
    *QUANTITIES,
    "flag",
    "member_of",
    "year",
    "event_fired",
    "chance",
)
CONDITIONS: dict[str, str] = {
    "all": "true when every listed condition is true",
    "any": "true when at least one listed condition is true",
    "not": "true when the given condition is false",
    **{
        k: " ".join((v.__doc__ or "").strip().split("\n\n")[0].replace("``", "").split())
        + " Add at_least, at_most or between."
        for k, v in QUANTITIES.items()
    },
    "flag": "true when the flag (declared under flags) is set",
    "member_of": "true when an actor belongs to an organisation",
    "year": "true while the year is within {from, until}",
    "event_fired": "true once the named event has fired in this game",
    "chance": "true with the given probability, drawn from the game's seeded random stream",
}


# ---------------------------------------------------------------------------------------------
# Effects
# ---------------------------------------------------------------------------------------------
class ShiftDependence(Strict):
    """Move a state's dependence toward a partner by ``by`` percentage points of new weight.

    Positive ``by`` adds weight to the partner and every share is rescaled so the row still sums
    to 100% (the partner's share rises by about ``by`` x (1 - its share)). Negative ``by`` moves
    that much of the partner's share to the rest of the world (diversification). When a power
    pushes a state, the state's acceptance scales the push: it resists partners it already
    depends on too much, and welcomes trusted ones."""

    state: str = Field(pattern=ACTOR_REF)
    partner: str = Field(pattern=ACTOR_REF)
    dimension: str = Field(pattern=ALL_OR_SNAKE, description="a dimension id or 'all'")
    by: float = Field(ge=-100, le=100, description="percentage points")

    def describe(self, names: dict[str, str] | None = None) -> str:
        verb = "raises" if self.by >= 0 else "lowers"
        return (
            f"{verb} {_name(names, self.state)}'s {_name(names, self.dimension)} dependence "
            f"on {_name(names, self.partner)} ({_num(self.by)} pts)"
        )


class ChangeTrust(Strict):
    """Change how much a state trusts a power (0-100 scale)."""

    state: str = Field(pattern=ACTOR_REF)
    power: str = Field(pattern=ACTOR_REF)
    by: float = Field(ge=-100, le=100)

    def describe(self, names: dict[str, str] | None = None) -> str:
        return f"trust of {_name(names, self.state)} in {_name(names, self.power)} {_num(self.by)}"


class ChangeStability(Strict):
    """Change a state's stability (0-100 scale)."""

    state: str = Field(pattern=ACTOR_REF)
    by: float = Field(ge=-100, le=100)

    def describe(self, names: dict[str, str] | None = None) -> str:
        return f"stability of {_name(names, self.state)} {_num(self.by)}"


class ChangeGrowth(Strict):
    """Change a state's yearly growth rate by ``by`` percentage points."""

    state: str = Field(pattern=ACTOR_REF)
    by: float = Field(ge=-20, le=20)

    def describe(self, names: dict[str, str] | None = None) -> str:
        return f"growth of {_name(names, self.state)} {_num(self.by)} pts"


class ChangeResilience(Strict):
    """Change a state's resilience (0-100 scale): its room to say no to a partner it depends on
    too much. Training, new routes and trusted partners raise it; debt to one lender and
    foreign garrisons lower it."""

    state: str = Field(pattern=ACTOR_REF)
    by: float = Field(ge=-100, le=100)

    def describe(self, names: dict[str, str] | None = None) -> str:
        return f"resilience of {_name(names, self.state)} {_num(self.by)}"


class AddResource(Strict):
    """Add to (or, when negative, take from) an actor's resource. Never goes below the
    resource's minimum."""

    actor: str = Field(pattern=ACTOR_REF)
    resource: str = Field(pattern=SNAKE_ID)
    amount: float = Field(ge=-1e6, le=1e6)

    def describe(self, names: dict[str, str] | None = None) -> str:
        return f"{_name(names, self.actor)} {_name(names, self.resource)} {_num(self.amount)}"


class ChangeMeter(Strict):
    """Change a global meter (clipped to its declared range)."""

    meter: str = Field(pattern=SNAKE_ID)
    by: float = Field(ge=-1e6, le=1e6)

    def describe(self, names: dict[str, str] | None = None) -> str:
        return f"{_name(names, self.meter)} {_num(self.by)}"


class OrgChange(Strict):
    """An actor joins or leaves an organisation."""

    actor: str = Field(pattern=ACTOR_REF)
    org: str = Field(pattern=SNAKE_ID)


class Effect(Strict):
    """One change to the world. Exactly one key, the verb.

    Example::

        shift_dependence: {state: $target, partner: $actor, dimension: finance, by: 4}
    """

    shift_dependence: ShiftDependence | None = None
    change_trust: ChangeTrust | None = None
    change_stability: ChangeStability | None = None
    change_growth: ChangeGrowth | None = None
    change_resilience: ChangeResilience | None = None
    add_resource: AddResource | None = None
    change_meter: ChangeMeter | None = None
    set_flag: str | None = Field(None, pattern=SNAKE_ID, description="set a declared flag")
    clear_flag: str | None = Field(None, pattern=SNAKE_ID, description="clear a declared flag")
    join_org: OrgChange | None = None
    leave_org: OrgChange | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Effect:
        keys = [k for k in EFFECTS if getattr(self, k) is not None]
        if len(keys) != 1:
            raise ValueError(
                "an effect must have exactly one verb"
                + (
                    f"; found {', '.join(keys)} - write each as its own '- verb: ...' item"
                    if keys
                    else ""
                )
            )
        return self

    @property
    def verb(self) -> str:
        return next(k for k in EFFECTS if getattr(self, k) is not None)

    @property
    def arg(self) -> Any:
        return getattr(self, self.verb)

    def describe(self, names: dict[str, str] | None = None) -> str:
        verb, arg = self.verb, self.arg
        if verb in ("set_flag", "clear_flag"):
            return describe_flag(names, arg, verb)
        if verb in ("join_org", "leave_org"):
            how = "joins" if verb == "join_org" else "leaves"
            return f"{_name(names, arg.actor)} {how} {_name(names, arg.org)}"
        return arg.describe(names)


#: verb -> (model or scalar type, one-line description) in documentation order
EFFECTS: dict[str, tuple[Any, str]] = {
    "shift_dependence": (ShiftDependence, ShiftDependence.__doc__.split("\n")[0]),  # type: ignore[union-attr]
    "change_trust": (ChangeTrust, ChangeTrust.__doc__.split("\n")[0]),  # type: ignore[union-attr]
    "change_stability": (ChangeStability, "Change a state's stability (0-100 scale)."),
    "change_growth": (ChangeGrowth, "Change a state's yearly growth rate by percentage points."),
    "change_resilience": (
        ChangeResilience,
        "Change a state's resilience, its room to say no (0-100 scale).",
    ),
    "add_resource": (
        AddResource,
        "Add to or take from an actor's resource (never below its minimum).",
    ),
    "change_meter": (ChangeMeter, "Change a global meter (clipped to its range)."),
    "set_flag": (str, "Set a declared flag (a fact that conditions can test)."),
    "clear_flag": (str, "Clear a declared flag."),
    "join_org": (OrgChange, "An actor joins an organisation."),
    "leave_org": (OrgChange, "An actor leaves an organisation."),
}

Condition.model_rebuild()

Cmp = Literal["at_least", "at_most", "between"]
__all__ = [
    "ACTOR_ID",
    "ACTOR_REF",
    "SNAKE_ID",
    "REST_OF_WORLD",
    "PLACEHOLDERS",
    "Strict",
    "Compare",
    "QUANTITIES",
    "QUANTITY_TESTS",
    "CONDITIONS",
    "CONDITION_KEYS",
    "EFFECTS",
    "Condition",
    "Effect",
    "YearRange",
    "MemberOf",
    "EventFired",
    "describe_quantity_test",
]
