"""The role's goals as the window shows them (no pygame): each graded objective with its value,
grade, change since the last turn and the counterfactual ("without your diplomacy": the same
game with the people's roles doing nothing, ``game.play.counterfactual``), the grade bands in
words, and the same from the scenario alone for the menu.

Every number comes from the session (``Session.goals``) or the scenario; numbers are written
as the chosen language writes them (``i18n.number``). The map's goals strip and panel, the
turn summary, the hand-off screen, the menu and the debrief all use these views.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..play.session import Goal, Session
from ..scenario.model import Scenario, text_in
from . import viewmodels as vm
from .i18n import language, number, tr

UP, DOWN, FLAT = "▲", "▼", "•"
#: changes smaller than this are shown as flat
STILL = 0.005


@dataclass
class GoalView:
    """One objective, in words and numbers of the chosen language."""

    id: str
    name: str  # in full
    short: str  # for tight places: "Balanced region" (``strip_name``)
    grade: str  # A-F
    value: str  # "74.55"
    arrow: str  # ▲ ▼ • ("" before the first turn)
    trend: str  # "+0.15" ("" before the first turn)
    trend_good: bool | None  # is the change good for this objective (None: no change)
    without: str | None  # the value on the counterfactual path
    without_grade: str | None
    effect: str | None  # "+0.05": the value minus the counterfactual's
    effect_good: bool | None
    bands: str  # "A ≥ 75.15 · B ≥ 74.75 · C ≥ 74.35 · D ≥ 73.95"
    weight: str  # "counts ×2", or ""
    description: str


@dataclass
class GoalsView:
    """A role's goals after the last turn played, with its overall grade."""

    role: str
    overall: str
    overall_without: str | None
    played: int  # turns played
    teams: bool  # the counterfactual leaves out several teams (hotseat)
    goals: list[GoalView] = field(default_factory=list)

    @property
    def shows_effect(self) -> bool:
        """The counterfactual differs from the real game only after a turn."""
        return self.played > 0 and self.overall_without is not None


def digits_for(bands: tuple[float, ...] | list[float]) -> int:
    """How many decimals a value needs to be read against its bands (1 or 2)."""
    most = 0
    for b in bands:
        txt = f"{b:.6f}".rstrip("0").rstrip(".")
        most = max(most, len(txt.partition(".")[2]))
    return min(2, max(1, most))


def bands_text(bands: tuple[float, ...] | list[float], lower_is_better: bool) -> str:
    """ "A ≥ 75.15 · B ≥ 74.75 · C ≥ 74.35 · D ≥ 73.95" (≤ and "lower is better" when it is)."""
    a, b, c, d = (number(x) for x in bands)
    return tr("goals.band_lower" if lower_is_better else "goals.band_higher", a=a, b=b, c=c, d=d)


def weight_text(weight: float) -> str:
    return tr("goals.weight", w=number(weight)) if weight != 1 else ""


def _direction(g: Goal, delta: float | None) -> bool | None:
    if delta is None or abs(delta) < STILL:
        return None
    return g.better(delta)


def strip_name(name: str, others: list[str]) -> str:
    """A goal's name for a tight place: without its bracket, and only the topic before a colon
    ("An alternative lender: Kyrgyzstan's debt to China" -> "An alternative lender") when no
    other goal of the role has the same topic."""
    short = vm.short_label(name)
    topic = re.split(r"\s*[:：]\s*", short, maxsplit=1)[0]
    if topic and topic != short:
        topics = [re.split(r"\s*[:：]\s*", vm.short_label(o), maxsplit=1)[0] for o in others]
        if topics.count(topic) <= 1:
            return topic
    return short


def _names(s: Session, role: str) -> dict[str, str]:
    """The role's goal names in the chosen language, by id."""
    lang = language()
    return {ob.id: text_in(ob.name, lang) for ob in s.scenario.objectives.get(role, [])}


def goal_view(s: Session, g: Goal, names: dict[str, str] | None = None) -> GoalView:
    """One ``Session.goals`` entry in the chosen language."""
    ob = next((o for o in s.scenario.objectives.get(g.role, []) if o.id == g.id), None)
    lang = language()
    names = names if names is not None else _names(s, g.role)
    name = names.get(g.id) or g.name
    digits = digits_for(g.bands)
    trend = g.trend
    if trend is None:
        arrow, trend_s = "", ""
    else:
        arrow = FLAT if abs(trend) < STILL else (UP if trend > 0 else DOWN)
        trend_s = vm.fmt_delta(trend, digits)
    effect = g.effect
    return GoalView(
        id=g.id,
        name=name,
        short=strip_name(name, list(names.values())),
        grade=g.grade,
        value=number(g.value, digits),
        arrow=arrow,
        trend=trend_s,
        trend_good=_direction(g, trend),
        without=number(g.without, digits) if g.without is not None else None,
        without_grade=g.without_grade,
        effect=vm.fmt_delta(effect, digits) if effect is not None else None,
        effect_good=_direction(g, effect),
        bands=bands_text(g.bands, g.lower_is_better),
        weight=weight_text(g.weight),
        description=text_in(ob.description, lang) if ob is not None and ob.description else "",
    )


def goals_view(s: Session, role: str) -> GoalsView:
    """``role``'s goals now (after the last turn played)."""
    cf = s.counterfactual
    names = _names(s, role)
    return GoalsView(
        role=role,
        overall=s.grades().get(role, "—"),
        overall_without=s.grades_without().get(role) if cf is not None else None,
        played=len(s.reports),
        teams=cf is not None and cf.passive != (role,),
        goals=[goal_view(s, g, names) for g in s.goals(role)],
    )


# ---- sentences -----------------------------------------------------------------------------------
def without_words(gv: GoalsView, value: str, grade: str) -> str:
    """ "without your diplomacy 74.50 (C)", or "if no team had acted …" in hotseat."""
    key = "goals.without_teams" if gv.teams else "goals.without"
    return tr(key, value=value, grade=grade)


def effect_words(gv: GoalsView, delta: str) -> str:
    """ "your effect +0.05" ("the teams' effect" in hotseat)."""
    return tr("goals.effect_teams" if gv.teams else "goals.effect", delta=delta)


def status_line(gv: GoalsView, g: GoalView) -> str:
    """ "74.55 ▲ +0.15 this turn · without your diplomacy 74.50 (C) · your effect +0.05"."""
    out = [g.value]
    if g.arrow:
        out[0] += " " + tr("goals.this_turn", arrow=g.arrow, delta=g.trend)
    if gv.shows_effect and g.without is not None and g.without_grade and g.effect is not None:
        out.append(without_words(gv, g.without, g.without_grade))
        out.append(effect_words(gv, g.effect))
    return " · ".join(out)


def goal_line(gv: GoalsView, g: GoalView) -> str:
    """ "B  Balanced region: 74.55 ▲ +0.15 this turn · without your diplomacy 74.50 (C) …"."""
    return f"{g.grade}  {g.short}: {status_line(gv, g)}"


def overall_line(gv: GoalsView) -> str:
    """ "Overall grade B · without your diplomacy: D"."""
    line = tr("goals.overall_grade", grade=gv.overall)
    if gv.shows_effect and gv.overall_without:
        key = "goals.overall_without_teams" if gv.teams else "goals.overall_without"
        line += " · " + tr(key, grade=gv.overall_without)
    return line


def explain(gv: GoalsView, s: Session) -> str:
    """What the grades and the counterfactual mean, in one sentence or two."""
    if gv.overall_without is None:
        return tr("goals.explain_plain")
    if gv.teams:
        return tr("goals.explain_teams")
    return tr("goals.explain", role=vm.name(s, gv.role))


def without_path(s: Session, sid: str | None = None) -> tuple[str, list[float]] | None:
    """The counterfactual path for the debrief's chart: its name ("Do-nothing path": the same
    game with the team, or every team, doing nothing) and the states' average autonomy after
    each turn played (or state ``sid``'s)."""
    cf = s.counterfactual
    if cf is None:
        return None
    n = len(s.record.turns) + 1
    if sid is not None:
        i = s.c.state_ids.index(sid)
        return tr("debrief.without_path"), [float(a[i]) for a in cf.autonomy_log[:n]]
    return tr("debrief.without_path"), cf.mean_autonomy()[:n]


def without_grade_words(gv: GoalsView) -> str:
    """ "Without your diplomacy: D" (the debrief's line under the grade)."""
    key = "debrief.grade_without_teams" if gv.teams else "debrief.grade_without"
    return tr(key, grade=gv.overall_without or "—")


def without_objective_words(gv: GoalsView, g: GoalView) -> str:
    """ "without your diplomacy: C (73.10)" (the debrief's objective lines)."""
    key = "debrief.objective_without_teams" if gv.teams else "debrief.objective_without"
    return tr(key, grade=g.without_grade or "—", value=g.without or "—")


# ---- from the scenario alone (the menu) ----------------------------------------------------------
@dataclass
class GoalBrief:
    name: str
    bands: str
    weight: str
    description: str


def scenario_goals(sc: Scenario, role: str) -> list[GoalBrief]:
    """``role``'s objectives as the scenario writes them, with how each is graded."""
    lang = language()
    out = []
    for ob in sc.objectives.get(role, []):
        b = ob.bands
        out.append(
            GoalBrief(
                text_in(ob.name, lang),
                bands_text((b.A, b.B, b.C, b.D), ob.lower_is_better),
                weight_text(ob.weight),
                text_in(ob.description, lang) if ob.description else "",
            )
        )
    return out
