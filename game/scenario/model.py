"""The scenario document, format version 1, as pydantic models.

A scenario is one YAML file, or a manifest plus the files it lists under ``include``. Each file is
a ``ScenarioFile`` (every section optional); the loader merges them into one ``Scenario`` (list
sections are concatenated, ``meta`` and ``calendar`` appear once). Cross-references (every id
declared before use) are checked after this schema layer, in ``checks.py``.

Units authors see: dependence shares, trust, stability and autonomy in percent (0-100); growth in
percent per year; resources in the unit the scenario declares (e.g. bn yen).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from . import languages
from .registry import (
    ACTOR_ID,
    ACTOR_REF,
    ALL_OR_SNAKE,
    DATE,
    DATE_HELP,
    QUANTITIES,
    SNAKE_ID,
    AutonomyQ,
    Condition,
    DependenceQ,
    Effect,
    GrowthQ,
    MeterQ,
    ResilienceQ,
    ResourceQ,
    StabilityQ,
    Strict,
    TrustQ,
    list_to_tuple,
    year_to_str,
)

SCHEMA_VERSION = 1
Id = Annotated[str, Field(pattern=SNAKE_ID)]
ActorId = Annotated[str, Field(pattern=ACTOR_ID)]
_year_to_str = year_to_str

#: a date that places something in the game's calendar (it decides a turn): no day
Date = Annotated[str, Field(pattern=DATE, description=DATE_HELP)]


def _check_lang(v: str) -> str:
    """An ISO 639-1 language code (``en``, ``ja``, ``zh-Hans``); see ``languages.py``."""
    problem = languages.check_code(v)
    if problem is not None:
        # a custom error type carries its own hint (schema_messages.humanize shows it)
        raise PydanticCustomError("scenario_value", problem[0], {"hint": problem[1]})
    return v


#: A language code, in the keys of a localised text and in ``meta.languages``.
LangCode = Annotated[
    str,
    AfterValidator(_check_lang),
    WithJsonSchema({"type": "string", "pattern": languages.PATTERN}),
]


def _check_text(v: Any) -> Any:
    if isinstance(v, dict) and "en" not in v:
        raise ValueError("text must have an English version under 'en'")
    return v


#: Localisable text: a plain string (English) or a mapping such as ``{en: Japan, ja: 日本}``.
Text = Annotated[
    str | dict[LangCode, Annotated[str, Field(max_length=4000)]],
    AfterValidator(_check_text),
    Field(description="text: a string, or {en: ..., ja: ..., ru: ...}"),
]


def marks_text(meta: Any) -> bool:
    """True for the annotation metadata that makes a type ``Text`` (localisable text)."""
    return isinstance(meta, AfterValidator) and meta.func is _check_text


def marks_lang_code(meta: Any) -> bool:
    """True for the annotation metadata that makes a type ``LangCode``."""
    return isinstance(meta, AfterValidator) and meta.func is _check_lang


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
    languages: list[LangCode] = Field(
        ["en"],
        min_length=1,
        description=(
            "the languages the texts are written in (ISO 639-1 codes: en, ja, ru, kk, uz, ...)"
        ),
    )
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
    mobility: float = Field(
        1.0,
        ge=0,
        le=1,
        description=(
            "how easily a resilient state moves its ties in this dimension to other partners "
            "(1 = freely, e.g. trade; low for pipelines, garrisons and migrant networks)"
        ),
    )
    description: Text | None = None


class Resource(Strict):
    """Something powers spend, such as an ODA budget or political capital."""

    id: Id
    name: Text
    short: Text | None = Field(
        None,
        description="a short name for costs and the budget line, "
        "such as ODA or Credit (made from the name when left out)",
    )
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
        None, description="the dimension membership ties a state to (e.g. security for CSTO)"
    )
    description: Text | None = None


class Initial(Strict):
    """The world at the first turn. Percentages; what is not given goes to the rest of the
    world (dependence), or to the documented defaults."""

    dependence: dict[ActorId, dict[Id, dict[ActorId, Annotated[float, Field(ge=0, le=100)]]]] = (
        Field(default_factory=dict, description="state -> dimension -> partner -> percent")
    )
    trust: dict[ActorId, dict[ActorId, Annotated[float, Field(ge=0, le=100)]]] = Field(
        default_factory=dict, description="state -> power -> trust 0-100 (default 50)"
    )
    stability: dict[ActorId, Annotated[float, Field(ge=0, le=100)]] = Field(default_factory=dict)
    growth: dict[ActorId, Annotated[float, Field(ge=-30, le=30)]] = Field(default_factory=dict)
    resilience: dict[ActorId, Annotated[float, Field(ge=0, le=100)]] = Field(
        default_factory=dict, description="state -> resilience 0-100 (default 30)"
    )
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
    prefer: Literal[
        "low_trust", "high_trust", "most_dependent", "least_dependent", "least_autonomy", "any"
    ] = "any"


class Action(Strict):
    """Something an actor can do on its turn."""

    id: Id
    name: Text
    description: Text | None = None
    actor: ActorId | list[ActorId] = Field(description="who may take it")
    targets: Literal["states", "none"] | list[ActorId] = Field(
        "states", description="'states' (any state), 'none', or a list of actor ids"
    )
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
    """The period in which an event may fire (when its condition holds and its chance comes
    up); either end may be left out."""

    from_: Date | None = Field(None, alias="from", description="first year (or month) it may fire")
    until: Date | None = Field(None, description="last year (or month) it may fire")

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
    date: Date | None = Field(
        None,
        description="fires in the turn containing this date: a year or a year and month, no day",
    )
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
    resilience: ResilienceQ | None = None
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

    A: float = Field(description="the value needed for an A")
    B: float = Field(description="the value needed for a B")
    C: float = Field(description="the value needed for a C")
    D: float = Field(description="the value needed for a D; below it is an F")


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
        ok = (
            all(x <= y for x, y in zip(b, b[1:]))
            if self.lower_is_better
            else all(x >= y for x, y in zip(b, b[1:]))
        )
        if not ok:
            order = "rise" if self.lower_is_better else "fall"
            raise ValueError(f"grade bands must {order} from A to D (or set lower_is_better)")
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
    type: Literal[
        "article-newspaper",
        "article-journal",
        "report",
        "webpage",
        "treaty",
        "speech",
        "dataset",
        "book",
        "document",
    ]
    title: str = Field(max_length=400)
    publisher: str | None = Field(None, max_length=200)
    date: str | None = Field(
        None,
        max_length=40,
        description=(
            'when it was published, as free text shown in the source list, e.g. "2019-12-19" '
            'or "May 2017" (a day is fine here: this date is not placed in the calendar)'
        ),
    )
    url: str | None = Field(None, max_length=500)
    seed: str | None = Field(
        None,
        max_length=200,
        description=(
            "for the game's own scenarios only: the file name of one of the project's research "
            "source documents (e.g. 000_bca186ed57a43c66.txt); leave it out. Not checked"
        ),
    )
    note: Text | None = None

    _years = field_validator("date", mode="before")(_year_to_str)


class GlossaryEntry(Strict):
    """A word students may not know, explained in the game's glossary."""

    term: Id = Field(description="its id, e.g. autonomy")
    name: Text = Field(description="the word as shown")
    definition: Text = Field(description="what it means, in one or two sentences")


class Expectation(Strict):
    """A balance expectation checked by ``balance`` and the quick pytest tier.

    kinds: ``grade_rate`` (share of games in which ``role`` playing ``policy`` reaches at least
    ``grade`` must lie within ``between``), ``agency_gap`` (mean score of the greedy policy minus
    the random one, at least ``at_least``), ``ordering`` (``better`` policy scores above
    ``worse``), ``max_action_share`` (no single action above ``at_most`` of a policy's choices),
    ``max_event_impact`` (no event moves the role's mean score by more than ``at_most``),
    ``effect_size`` (the ``better`` policy, greedy by default, improves the role's
    ``objective`` over the ``worse`` one, passive by default, by at least ``at_least`` in the
    objective's own units, game by game)."""

    id: Id
    kind: Literal[
        "grade_rate",
        "agency_gap",
        "ordering",
        "max_action_share",
        "max_event_impact",
        "effect_size",
    ]
    role: ActorId
    objective: Id | None = Field(
        None, description="effect_size: the id of one of the role's objectives"
    )
    policy: Id | None = None
    grade: Literal["A", "B", "C", "D"] | None = None
    between: tuple[float, float] | None = None
    at_least: float | None = None
    at_most: float | None = None
    better: Id | None = None
    worse: Id | None = None

    _between = field_validator("between", mode="before")(list_to_tuple)

    @model_validator(mode="after")
    def _fields_for_kind(self) -> Expectation:
        need = {
            "grade_rate": ("policy", "grade", "between"),
            "agency_gap": ("at_least",),
            "ordering": ("better", "worse"),
            "max_action_share": ("policy", "at_most"),
            "max_event_impact": ("at_most",),
            "effect_size": ("objective", "at_least"),
        }[self.kind]
        missing = [f for f in need if getattr(self, f) is None]
        if missing:
            raise ValueError(f"a '{self.kind}' expectation needs: {', '.join(missing)}")
        return self


class Balance(Strict):
    """Settings of the balance tests (``python main.py balance``): how many games to play and
    what the results must show (docs/balance.md)."""

    games: int = Field(400, ge=10, le=1_000_000, description="games per policy profile")
    expectations: list[Expectation] = Field(default_factory=list)


#: A country on the map: its ISO 3166-1 alpha-3 code (checked against ``countries.py``, E210)
CountryCode = Annotated[
    str,
    Field(max_length=60),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{3}$"}),
]


class MapSettings(Strict):
    """Which part of the world the map screen shows. Every key is optional: without this section
    the scenario's states frame the map and far-away powers get small boxes (insets). Countries
    are ISO 3166-1 alpha-3 codes (``KAZ``, ``MNG``); an actor whose id is such a code is that
    country on the map."""

    region: Text | None = Field(
        None, description="the region's name, for the title (e.g. {en: Central Asia})"
    )
    focus: list[CountryCode] = Field(
        default_factory=list,
        description="countries the map is framed on, with the states (default: the states)",
    )
    show: list[CountryCode] = Field(
        default_factory=list,
        description="countries that must be on the map itself, at least in part, never in an inset",
    )
    insets: list[CountryCode] | None = Field(
        None,
        description="countries drawn in small boxes, each at its own scale (default: the "
        "powers that are far from the states); [] for none",
    )


SECTIONS_ONCE = (
    "meta",
    "calendar",
    "initial",
    "income",
    "objectives",
    "policies",
    "history",
    "balance",
    "model",
    "map",
)
SECTIONS_LISTS = (
    "actors",
    "dimensions",
    "resources",
    "meters",
    "flags",
    "organisations",
    "drift",
    "actions",
    "events",
    "bibliography",
    "glossary",
    "discussion_questions",
)


class ModelParams(Strict):
    """Engine parameters a designer may tune (docs/engine.md explains each)."""

    acceptance_threshold: float = Field(
        50,
        ge=0,
        le=100,
        description=("share (%) above which a state starts resisting more dependence on a partner"),
    )
    resistance: float = Field(1.0, ge=0, le=5, description="how strongly states resist")
    trust_acceptance: float = Field(
        0.6,
        ge=0,
        le=2,
        description=("how much trust raises a state's acceptance of a power's offers"),
    )
    resentment: float = Field(
        4.0,
        ge=0,
        le=50,
        description=("trust lost per turn per 10 points of dependence above the threshold"),
    )
    trust_memory: float = Field(
        0.05, ge=0, le=1, description=("fraction by which trust returns toward 50 each turn")
    )
    stability_from_autonomy: float = Field(0.05, ge=0, le=1)
    stability_from_growth: float = Field(0.5, ge=0, le=5)
    shock_sd: float = Field(1.0, ge=0, le=20, description="random yearly stability shock (sd)")
    membership_pull: float = Field(
        0.5,
        ge=0,
        le=10,
        description=(
            "points per turn by which an organisation ties members to its leader in its dimension"
        ),
    )
    growth_reversion: float = Field(
        0.2,
        ge=0,
        le=1,
        description=("fraction by which growth returns toward its long-run level each turn"),
    )
    actions_per_turn: int = Field(2, ge=1, le=6, description="actions each actor may take per turn")
    switching: float = Field(
        0.0,
        ge=0,
        le=1,
        description=(
            "share of its excess dependence on a partner (above switch_above) that a state with "
            "resilience 100 moves to other partners each turn (0 = states never switch)"
        ),
    )
    switch_above: float = Field(
        50,
        ge=0,
        le=100,
        description="share (%) of one partner above which a resilient state moves ties away",
    )
    resilience_memory: float = Field(
        0.05,
        ge=0,
        le=1,
        description="fraction by which resilience returns toward its starting level each turn",
    )
    refusal: float = Field(
        0.0,
        ge=0,
        le=1,
        description=(
            "share of a power's push toward a partner already above switch_above that a state "
            "with resilience 100 refuses"
        ),
    )


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
    map: MapSettings | None = None

    @field_validator("schema_version")
    @classmethod
    def _version(cls, v: int) -> int:
        if v > SCHEMA_VERSION:
            raise ValueError(
                f"this file is format version {v}, but this game reads version "
                f"{SCHEMA_VERSION}: update the game"
            )
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
    map: MapSettings = MapSettings()
    #: sha256 of the scenario as parsed (its content, not its bytes: a comment or a change
    #: of layout keeps it), set by the loader; saves and records refer to it
    content_hash: str = ""
    #: sha256 of the source files' bytes, set by the loader: what records written before
    #: ``content_hash`` was the parsed content refer to (``is_version``)
    source_hash: str = ""
    #: where the manifest was loaded from
    path: str = ""

    def is_version(self, recorded_hash: str) -> bool:
        """Whether a record's ``scenario_hash`` names this scenario as it is now: its parsed
        content, or (for a record written before hashes were of the content) its bytes."""
        return bool(recorded_hash) and recorded_hash in (self.content_hash, self.source_hash)

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
        for seq in (
            self.actors,
            self.dimensions,
            self.resources,
            self.meters,
            self.organisations,
            self.actions,
            self.events,
        ):
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


#: class name -> (human name of the block, an example of it written on one line). Used by the
#: loader's messages ("a source is written {ref: ..., locator: ...}") and by the generated
#: reference, so authors never see a Python class name.
BLOCKS: dict[str, tuple[str, str]] = {
    "ScenarioFile": ("scenario file", ""),
    "Meta": ("meta section", ""),
    "Calendar": ("calendar", "{start: 2013, end: 2020, turn: year}"),
    "Actor": ("actor", "{id: KAZ, kind: state, name: Kazakhstan}"),
    "Dimension": ("dimension", "{id: trade, name: Trade}"),
    "Resource": ("resource", "{id: oda_budget, name: ODA budget, unit: bn yen}"),
    "Meter": ("meter", "{id: tension, name: Great-power tension, start: 30}"),
    "Flag": ("flag", "{id: deal_signed, description: A trade deal was signed}"),
    "Organisation": ("organisation", "{id: csto, name: CSTO, members: [RUS, KAZ]}"),
    "Initial": ("initial world", ""),
    "ModelParams": ("engine settings", "{acceptance_threshold: 50}"),
    "Drift": ("drift", ""),
    "AIHints": ("computer-player hints", "{weight: 2, prefer: low_trust}"),
    "Action": ("action", ""),
    "EventWindow": ("event window", "{from: 2017, until: 2019}"),
    "Option": ("option", "{id: accept, text: Accept the loan}"),
    "Event": ("event", ""),
    "SourceRef": ("source", '{ref: mofa_2019_summit, locator: "paragraph 2"}'),
    "Quantity": ("quantity", "{autonomy: {state: average}}"),
    "Bands": ("grade bands", "{A: 80, B: 70, C: 60, D: 50}"),
    "Objective": ("objective", ""),
    "RolePolicy": ("computer strategy", "{family_weights: {aid: 2}, pass_weight: 0.2}"),
    "HistoryStep": ("history step", "{year: 2014, action: yen_loan, target: KAZ}"),
    "BibItem": ("bibliography entry", "{id: mofa_2019, type: webpage, title: Summit}"),
    "GlossaryEntry": ("glossary entry", "{term: autonomy, name: Autonomy, definition: ...}"),
    "Balance": ("balance settings", "{games: 400}"),
    "MapSettings": ("map settings", "{focus: [MNG], insets: [JPN]}"),
    "Expectation": ("balance expectation", ""),
    "YearRange": ("year range", "{from: 2014, until: 2020}"),
    "MemberOf": ("membership test", "{actor: KAZ, org: csto}"),
    "EventFired": ("event test", "{id: summit_2019}"),
    "Condition": ("condition", "{flag: deal_signed}"),
    "Effect": ("effect", "{set_flag: deal_signed}"),
}


def block_name(cls: type) -> str:
    """The human name of a block model ('source' for SourceRef)."""
    name = cls.__name__
    if name in BLOCKS:
        return BLOCKS[name][0]
    if name.endswith("Test") or name.endswith("Q"):
        return "test"
    return "block"
