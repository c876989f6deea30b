"""The scenario document, format version 1, as pydantic models.

A scenario is one YAML file, or a manifest plus the files it lists under ``include``. Each file is
a ``ScenarioFile`` (every section optional); the loader merges them into one ``Scenario`` (list
sections are concatenated, ``meta`` and ``calendar`` appear once). Cross-references (every id
declared before use) are checked after this schema layer, in ``validate.py``.

Units authors see: dependence shares, trust, stability and autonomy in percent (0-100); growth in
percent per year; resources in the unit the scenario declares (e.g. bn yen).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from .registry import (
    ACTOR_ID,
    ACTOR_REF,
    ALL_OR_SNAKE,
    QUANTITIES,
    SNAKE_ID,
    AutonomyQ,
    Condition,
    DependenceQ,
    Effect,
    GrowthQ,
    MeterQ,
    ResourceQ,
    StabilityQ,
    Strict,
    TrustQ,
)

SCHEMA_VERSION = 1
LANG = r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$"
DATE = r"^\d{4}(-(0[1-9]|1[0-2]))?$"
Id = Annotated[str, Field(pattern=SNAKE_ID)]
ActorId = Annotated[str, Field(pattern=ACTOR_ID)]


def _year_to_str(v: Any) -> Any:
    """Accept ``2013`` as well as ``"2013"``: a bare year is the commonest thing authors write."""
    return str(v) if isinstance(v, int) and not isinstance(v, bool) else v


Date = Annotated[str, Field(pattern=DATE, description="'YYYY' or 'YYYY-MM'")]


def _check_text(v: Any) -> Any:
    if isinstance(v, dict):
        if "en" not in v:
            raise ValueError("text must have an English version under 'en'")
        for k in v:
            if not isinstance(k, str) or not re.match(LANG, k):
                raise ValueError(f"'{k}' is not a language code such as en, ja, ru")
    return v


#: Localisable text: a plain string (English) or a mapping such as ``{en: Japan, ja: 日本}``.
Text = Annotated[
    str | dict[str, Annotated[str, Field(max_length=4000)]],
    AfterValidator(_check_text),
    Field(description="text: a string, or {en: ..., ja: ..., ru: ...}"),
]


def text_in(text: Text | None, lang: str = "en") -> str:
    """The text in ``lang``, falling back to English."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    return text.get(lang) or text.get("en", "")


# --------------------------------------------------------------------------------------------
# meta, calendar, declarations
# --------------------------------------------------------------------------------------------
class Meta(Strict):
    """Who wrote the scenario and what it teaches."""

    id: Id
    version: str = Field("1.0", max_length=32)
    title: Text
    summary: Text
    authors: list[Annotated[str, Field(max_length=200)]] = Field(min_length=1)
    licence: str = Field("CC-BY-4.0", max_length=64)
    languages: list[Annotated[str, Field(pattern=LANG)]] = Field(["en"], min_length=1)
    learning_objectives: list[Text] = Field(default_factory=list)
    difficulty: Literal["introductory", "standard", "advanced"] = "standard"
    minutes: int = Field(45, ge=5, le=6000, description="expected playing time in class")
    kind: Literal["campaign", "class", "sandbox", "tutorial"] = "class"


class Calendar(Strict):
    """When the scenario starts and ends. Turn ``year`` means one turn per year."""

    start: Date
    end: Date
    turn: Literal["year", "half_year", "quarter"] = "year"

    _years = field_validator("start", "end", mode="before")(_year_to_str)

    @model_validator(mode="after")
    def _order(self) -> Calendar:
        y, _, m = self.end.partition("-")
        end_idx = int(y) * 12 + (int(m) - 1 if m else 11)
        if end_idx < self.start_month_index:
            raise ValueError(f"calendar ends ({self.end}) before it starts ({self.start})")
        return self

    @property
    def months_per_turn(self) -> int:
        return {"year": 12, "half_year": 6, "quarter": 3}[self.turn]

    @property
    def start_month_index(self) -> int:
        y, _, m = self.start.partition("-")
        return int(y) * 12 + (int(m) - 1 if m else 0)

    @property
    def n_turns(self) -> int:
        y, _, m = self.end.partition("-")
        end = int(y) * 12 + (int(m) - 1 if m else 11)
        return max(1, (end - self.start_month_index) // self.months_per_turn + 1)

    def date_of_turn(self, turn: int) -> str:
        idx = self.start_month_index + turn * self.months_per_turn
        y, m = divmod(idx, 12)
        return f"{y}" if self.turn == "year" else f"{y}-{m + 1:02d}"

    def turn_of_date(self, date: str) -> int:
        """The turn whose period contains ``date`` (may be out of range)."""
        y, _, m = date.partition("-")
        idx = int(y) * 12 + (int(m) - 1 if m else 0)
        return (idx - self.start_month_index) // self.months_per_turn


class Actor(Strict):
    """A power (JPN, RUS, CHN, WEST) or one of the states the powers compete over."""

    id: ActorId
    kind: Literal["power", "state"]
    name: Text
    playable: bool = False
    description: Text | None = None


class Dimension(Strict):
    """A dimension of dependence, such as trade, energy or security."""

    id: Id
    name: Text
    weight: float = Field(1.0, ge=0, le=10, description="weight in the autonomy average")
    description: Text | None = None


class Resource(Strict):
    """Something powers spend, such as an ODA budget or political capital."""

    id: Id
    name: Text
    unit: str = Field("", max_length=40)
    min: float = 0
    max: float = Field(1e9, gt=0)


class Meter(Strict):
    """A global number, such as great-power tension or sanctions on Russia."""

    id: Id
    name: Text
    min: float = 0
    max: float = 100
    start: float = 0
    description: Text | None = None


class Flag(Strict):
    """A declared fact that effects can set and conditions can test."""

    id: Id
    description: Text


class Organisation(Strict):
    """An organisation, e.g. the CSTO or the SCO, and its members at the start."""

    id: Id
    name: Text
    members: list[ActorId] = Field(default_factory=list)
    led_by: ActorId | None = Field(None, description="the power that leads it, if any")
    dimension: Annotated[str, Field(pattern=SNAKE_ID)] | None = Field(
        None, description="the dimension membership ties a state to (e.g. security for CSTO)")
    description: Text | None = None


class Initial(Strict):
    """The world at the first turn. Percentages; what is not given goes to the rest of the
    world (dependence), or to the documented defaults."""

    dependence: dict[ActorId, dict[Id, dict[ActorId, Annotated[float, Field(ge=0, le=100)]]]] = (
        Field(default_factory=dict, description="state -> dimension -> partner -> percent"))
    trust: dict[ActorId, dict[ActorId, Annotated[float, Field(ge=0, le=100)]]] = Field(
        default_factory=dict, description="state -> power -> trust 0-100 (default 50)")
    stability: dict[ActorId, Annotated[float, Field(ge=0, le=100)]] = Field(default_factory=dict)
    growth: dict[ActorId, Annotated[float, Field(ge=-30, le=30)]] = Field(default_factory=dict)
    resources: dict[ActorId, dict[Id, float]] = Field(default_factory=dict)
    flags: list[Id] = Field(default_factory=list)


class SourceRef(Strict):
    """A citation: a bibliography id and where in it (page, section, paragraph, table)."""

    ref: Id
    locator: str = Field(max_length=200, description="e.g. 'p. 4', '§2c', 'Table 1'")


class Drift(Strict):
    """A structural trend (geography, markets, demography): each turn a share moves part of the
    way toward a target level, e.g. China's weight in regional trade."""

    id: Id
    name: Text
    states: list[ActorId] | Literal["all"] = "all"
    partner: Annotated[str, Field(pattern=ACTOR_REF)]
    dimension: Annotated[str, Field(pattern=ALL_OR_SNAKE)]
    toward: float = Field(ge=0, le=100, description="target share in percent")
    rate: float = Field(gt=0, le=1, description="fraction of the gap closed per turn")
    when: Condition | None = None
    sources: list[SourceRef] = Field(default_factory=list)


class AIHints(Strict):
    """How computer-played actors value an action."""

    weight: float = Field(1.0, ge=0, le=100)
    prefer: Literal["low_trust", "high_trust", "most_dependent", "least_dependent",
                    "least_autonomy", "any"] = "any"


class Action(Strict):
    """Something an actor can do on its turn."""

    id: Id
    name: Text
    description: Text | None = None
    actor: ActorId | list[ActorId] = Field(description="who may take it")
    targets: Literal["states", "none"] | list[ActorId] = Field(
        "states", description="'states' (any state), 'none', or a list of actor ids")
    family: Id = Field(description="family of actions, e.g. aid, security, trade")
    cost: dict[Id, Annotated[float, Field(ge=0)]] = Field(default_factory=dict)
    delay: int = Field(0, ge=0, le=20, description="turns before the effects start")
    duration: int = Field(1, ge=1, le=20, description="turns over which the effects repeat")
    cooldown: int = Field(0, ge=0, le=50, description="turns before it can be taken again")
    available_if: Condition | None = None
    effects: list[Effect] = Field(min_length=1)
    ai: AIHints = AIHints()
    sources: list[SourceRef] = Field(default_factory=list)


class EventWindow(Strict):
    from_: Date | None = Field(None, alias="from")
    until: Date | None = None

    _years = field_validator("from_", "until", mode="before")(_year_to_str)


class Option(Strict):
    """A choice offered when an event fires."""

    id: Id
    text: Text
    historical: bool = False
    effects: list[Effect] = Field(default_factory=list)
    ai_weight: float = Field(1.0, ge=0, le=100)


class Event(Strict):
    """Something that happens: on a date, when a condition holds, or by chance."""

    id: Id
    title: Text
    text: Text
    historicity: Literal["historical", "plausible", "hypothetical"]
    date: Date | None = Field(None, description="fires in the turn containing this date")
    window: EventWindow | None = None
    condition: Condition | None = None
    chance: float = Field(1.0, ge=0, le=1, description="probability per turn when eligible")
    repeatable: bool = False
    effects: list[Effect] = Field(default_factory=list)
    chooser: ActorId | None = Field(None, description="the actor who picks an option")
    options: list[Option] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    teacher_note: Text | None = None
    discussion: Text | None = None

    _years = field_validator("date", mode="before")(_year_to_str)

    @model_validator(mode="after")
    def _options_need_chooser(self) -> Event:
        if self.options and not self.chooser:
            raise ValueError("an event with options needs a 'chooser' (the actor who decides)")
        if self.chooser and not self.options:
            raise ValueError("'chooser' is given but the event has no options")
        if self.date and self.window:
            raise ValueError("give either 'date' or 'window', not both")
        return self


class Quantity(Strict):
    """A number read from the world, e.g. ``{autonomy: {state: average}}``."""

    dependence: DependenceQ | None = None
    autonomy: AutonomyQ | None = None
    trust: TrustQ | None = None
    stability: StabilityQ | None = None
    growth: GrowthQ | None = None
    resource: ResourceQ | None = None
    meter: MeterQ | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Quantity:
        keys = [k for k in QUANTITIES if getattr(self, k) is not None]
        if len(keys) != 1:
            raise ValueError(f"a quantity must have exactly one of: {', '.join(QUANTITIES)}")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in QUANTITIES if getattr(self, k) is not None)

    @property
    def arg(self) -> Any:
        return getattr(self, self.kind)

    def describe(self, names: dict[str, str] | None = None) -> str:
        return self.arg.describe(names)


class Bands(Strict):
    """Thresholds for the grades: the value needed for A, B, C and D (below D is F)."""

    A: float
    B: float
    C: float
    D: float


class Objective(Strict):
    """What a role is graded on at the end."""

    id: Id
    name: Text
    quantity: Quantity
    bands: Bands
    lower_is_better: bool = False
    weight: float = Field(1.0, gt=0, le=100)
    description: Text | None = None

    @model_validator(mode="after")
    def _monotone(self) -> Objective:
        b = [self.bands.A, self.bands.B, self.bands.C, self.bands.D]
        ok = all(x <= y for x, y in zip(b, b[1:])) if self.lower_is_better else \
            all(x >= y for x, y in zip(b, b[1:]))
        if not ok:
            order = "rise" if self.lower_is_better else "fall"
            raise ValueError(f"grade bands must {order} from A to D "
                             f"(or set lower_is_better)")
        return self


class RolePolicy(Strict):
    """How a computer-played actor chooses: weights per action family and its aggressiveness."""

    family_weights: dict[Id, Annotated[float, Field(ge=0, le=100)]] = Field(default_factory=dict)
    pass_weight: float = Field(0.2, ge=0, le=100, description="how often it saves its budget")
    noise: float = Field(0.5, ge=0, le=10, description="randomness of its choices")


class HistoryStep(Strict):
    """What an actor historically did in a year (drives the 'historical' policy)."""

    year: Date
    action: Id
    target: ActorId | None = None

    _years = field_validator("year", mode="before")(_year_to_str)


class BibItem(Strict):
    """A source, cited by id from events, drifts and actions."""

    id: Id
    type: Literal["article-newspaper", "article-journal", "report", "webpage", "treaty",
                  "speech", "dataset", "book", "document"]
    title: str = Field(max_length=400)
    publisher: str | None = Field(None, max_length=200)
    date: str | None = Field(None, max_length=40)
    url: str | None = Field(None, max_length=500)
    seed: str | None = Field(None, max_length=200, description="file in shared/seeds, if any")
    note: Text | None = None

    _years = field_validator("date", mode="before")(_year_to_str)


class GlossaryEntry(Strict):
    term: Id
    name: Text
    definition: Text


class Expectation(Strict):
    """A balance expectation checked by ``balance`` and the quick pytest tier.

    kinds: ``grade_rate`` (share of games in which ``role`` playing ``policy`` reaches at least
    ``grade`` must lie within ``between``), ``agency_gap`` (mean score of the greedy policy minus
    the random one, at least ``at_least``), ``ordering`` (``better`` policy scores above
    ``worse``), ``max_action_share`` (no single action above ``at_most`` of a policy's choices),
    ``max_event_impact`` (no event moves the role's mean score by more than ``at_most``)."""

    id: Id
    kind: Literal["grade_rate", "agency_gap", "ordering", "max_action_share", "max_event_impact"]
    role: ActorId
    policy: Id | None = None
    grade: Literal["A", "B", "C", "D"] | None = None
    between: tuple[float, float] | None = None
    at_least: float | None = None
    at_most: float | None = None
    better: Id | None = None
    worse: Id | None = None

    @model_validator(mode="after")
    def _fields_for_kind(self) -> Expectation:
        need = {"grade_rate": ("policy", "grade", "between"), "agency_gap": ("at_least",),
                "ordering": ("better", "worse"), "max_action_share": ("policy", "at_most"),
                "max_event_impact": ("at_most",)}[self.kind]
        missing = [f for f in need if getattr(self, f) is None]
        if missing:
            raise ValueError(f"a '{self.kind}' expectation needs: {', '.join(missing)}")
        return self


class Balance(Strict):
    games: int = Field(400, ge=10, le=1_000_000)
    expectations: list[Expectation] = Field(default_factory=list)


SECTIONS_ONCE = ("meta", "calendar", "initial", "income", "objectives", "policies", "history",
                 "balance", "model")
SECTIONS_LISTS = ("actors", "dimensions", "resources", "meters", "flags", "organisations",
                  "drift", "actions", "events", "bibliography", "glossary",
                  "discussion_questions")


class ModelParams(Strict):
    """Engine parameters a designer may tune (docs/engine.md explains each)."""

    acceptance_threshold: float = Field(50, ge=0, le=100, description=(
        "share (%) above which a state starts resisting more dependence on a partner"))
    resistance: float = Field(1.0, ge=0, le=5, description="how strongly states resist")
    trust_acceptance: float = Field(0.6, ge=0, le=2, description=(
        "how much trust raises a state's acceptance of a power's offers"))
    resentment: float = Field(4.0, ge=0, le=50, description=(
        "trust lost per turn per 10 points of dependence above the threshold"))
    trust_memory: float = Field(0.05, ge=0, le=1, description=(
        "fraction by which trust returns toward 50 each turn"))
    stability_from_autonomy: float = Field(0.05, ge=0, le=1)
    stability_from_growth: float = Field(0.5, ge=0, le=5)
    shock_sd: float = Field(1.0, ge=0, le=20, description="random yearly stability shock (sd)")
    membership_pull: float = Field(0.5, ge=0, le=10, description=(
        "points per turn by which an organisation ties members to its leader in its dimension"))
    growth_reversion: float = Field(0.2, ge=0, le=1, description=(
        "fraction by which growth returns toward its long-run level each turn"))
    actions_per_turn: int = Field(2, ge=1, le=6, description="actions each actor may take per turn")


class ScenarioFile(Strict):
    """One YAML file of a scenario. The manifest must have meta and calendar."""

    schema_version: int = Field(description="format version; this game reads 1")
    include: list[Annotated[str, Field(max_length=200)]] = Field(default_factory=list)
    meta: Meta | None = None
    calendar: Calendar | None = None
    actors: list[Actor] = Field(default_factory=list)
    dimensions: list[Dimension] = Field(default_factory=list)
    resources: list[Resource] = Field(default_factory=list)
    meters: list[Meter] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    initial: Initial | None = None
    income: dict[ActorId, dict[Id, float]] | None = None
    model: ModelParams | None = None
    drift: list[Drift] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    objectives: dict[ActorId, list[Objective]] | None = None
    policies: dict[ActorId, RolePolicy] | None = None
    history: dict[ActorId, list[HistoryStep]] | None = None
    bibliography: list[BibItem] = Field(default_factory=list)
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    discussion_questions: list[Text] = Field(default_factory=list)
    balance: Balance | None = None

    @field_validator("schema_version")
    @classmethod
    def _version(cls, v: int) -> int:
        if v > SCHEMA_VERSION:
            raise ValueError(f"this file is format version {v}, but this game reads version "
                             f"{SCHEMA_VERSION}: update the game")
        if v < 1:
            raise ValueError("schema_version must be 1")
        return v


class Scenario(Strict):
    """A whole scenario after its files are merged. Built by ``loader.load_scenario``."""

    meta: Meta
    calendar: Calendar
    actors: list[Actor]
    dimensions: list[Dimension]
    resources: list[Resource] = Field(default_factory=list)
    meters: list[Meter] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    initial: Initial = Initial()
    income: dict[str, dict[str, float]] = Field(default_factory=dict)
    model: ModelParams = ModelParams()
    drift: list[Drift] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    objectives: dict[str, list[Objective]] = Field(default_factory=dict)
    policies: dict[str, RolePolicy] = Field(default_factory=dict)
    history: dict[str, list[HistoryStep]] = Field(default_factory=dict)
    bibliography: list[BibItem] = Field(default_factory=list)
    glossary: list[GlossaryEntry] = Field(default_factory=list)
    discussion_questions: list[Text] = Field(default_factory=list)
    balance: Balance = Balance()
    #: sha256 of the source files, set by the loader (saves and records refer to it)
    content_hash: str = ""
    #: where the manifest was loaded from
    path: str = ""

    # ---- convenience views used by the engine and the UI ------------------------------------
    @property
    def powers(self) -> list[Actor]:
        return [a for a in self.actors if a.kind == "power"]

    @property
    def states(self) -> list[Actor]:
        return [a for a in self.actors if a.kind == "state"]

    @property
    def playable_roles(self) -> list[str]:
        return [a.id for a in self.actors if a.playable]

    def names(self, lang: str = "en") -> dict[str, str]:
        """id -> display name for every declared thing (used by ``describe``)."""
        out: dict[str, str] = {}
        for seq in (self.actors, self.dimensions, self.resources, self.meters,
                    self.organisations, self.actions, self.events):
            for x in seq:
                out[x.id] = text_in(getattr(x, "name", None) or getattr(x, "title", None), lang)
        for f in self.flags:
            out[f.id] = text_in(f.description, lang)
        return out

    def summary_row(self) -> dict[str, Any]:
        """What ``scenarios --json`` prints for this scenario."""
        return {
            "id": self.meta.id,
            "title": text_in(self.meta.title),
            "start_year": int(self.calendar.start[:4]),
            "end_year": int(self.calendar.end[:4]),
            "turns": self.calendar.n_turns,
            "turn": self.calendar.turn,
            "minutes": self.meta.minutes,
            "kind": self.meta.kind,
            "difficulty": self.meta.difficulty,
            "playable_roles": self.playable_roles,
            "languages": self.meta.languages,
            "summary": text_in(self.meta.summary),
            "path": self.path,
        }
