"""Checking a merged scenario against what the engine can run (``limits``): E401-E406 when
it is larger than the engine can honour, E202 when a balance expectation names a policy that
does not exist (with the closest name). Run by the loader after the semantic checks."""

from __future__ import annotations

from typing import Any

from .diagnostics import Diagnostic
from .draft import Draft
from .limits import (
    MAX_ACTIONS,
    MAX_CHOICES,
    MAX_CHUNK_BYTES,
    MAX_DIMENSIONS,
    MAX_DRIFT,
    MAX_EVENTS,
    MAX_FLAGS,
    MAX_METERS,
    MAX_OBJECTIVES,
    MAX_OPTIONS,
    MAX_ORGANISATIONS,
    MAX_POWERS,
    MAX_RECORD_BYTES,
    MAX_RESOURCES,
    MAX_RESULT_BYTES,
    MAX_STATES,
    MAX_TURNS,
    POLICY_NAMES,
    STUDY_CHUNK,
    Sizes,
    game_bytes,
    policy_problem,
    record_bytes,
    result_bytes,
)


def sizes_of(d: Draft) -> Sizes:
    """The sizes of a (merged) scenario."""
    actors = list(d.actors or [])
    states = [a.id for a in actors if a.kind == "state"]
    powers = [a.id for a in actors if a.kind == "power"]
    per_seat: dict[str, int] = {}
    choices, horizon = 0, 1
    for act in d.actions or []:
        seats = act.actor if isinstance(act.actor, list) else [act.actor]
        targets = (
            1
            if act.targets == "none"
            else len(states)
            if act.targets == "states"
            else len(act.targets)
        )
        for seat in seats:
            per_seat[seat] = per_seat.get(seat, 0) + targets
        choices += len(seats) * targets
        horizon = max(horizon, act.delay + act.duration)
    events = list(d.events or [])
    model = d.model
    return Sizes(
        states=len(states),
        powers=len(powers),
        dimensions=len(d.dimensions or []),
        resources=len(d.resources or []),
        meters=len(d.meters or []),
        flags=len(d.flags or []),
        organisations=len(d.organisations or []),
        events=len(events),
        options=sum(len(e.options) for e in events),
        choices=choices,
        widest_seat=max(per_seat.values(), default=0),
        horizon=horizon,
        slots=model.actions_per_turn if model is not None else 2,
        turns=d.calendar.n_turns if d.calendar is not None else 1,
        objectives=sum(len(v) for v in (d.objectives or {}).values()),
        roles=len(d.objectives or {}),
        actions=len(d.actions or []),
    )


def _mb(n: int) -> str:
    return f"{n / (1 << 20):,.0f} MB" if n >= 1 << 20 else f"{n / 1024:,.0f} KB"


def check_limits(d: Draft) -> list[Diagnostic]:
    """E401-E406: the scenario is larger than the engine can run; E202: an expectation names
    a policy that does not exist."""
    out: list[Diagnostic] = []

    def err(code: str, path: tuple[Any, ...], msg: str, hint: str, at: str = "key") -> None:
        out.append(d.error(code, path, msg, hint, at))

    z = sizes_of(d)
    counts = [
        ("actors", "states", z.states, MAX_STATES),
        ("actors", "powers", z.powers, MAX_POWERS),
        ("dimensions", "dimensions", z.dimensions, MAX_DIMENSIONS),
        ("resources", "resources", z.resources, MAX_RESOURCES),
        ("meters", "meters", z.meters, MAX_METERS),
        ("flags", "flags", z.flags, MAX_FLAGS),
        ("organisations", "organisations", z.organisations, MAX_ORGANISATIONS),
        ("actions", "actions", z.actions, MAX_ACTIONS),
        ("events", "events", z.events, MAX_EVENTS),
        ("drift", "drift terms", len(d.drift or []), MAX_DRIFT),
        ("objectives", "objectives", z.objectives, MAX_OBJECTIVES),
    ]
    for section, noun, n, most in counts:
        if n > most:
            err(
                "E401",
                (section,),
                f"This scenario has {n:,} {noun}; the game can run at most {most:,}.",
                f"Remove {n - most:,} {noun}, or split the scenario into several smaller ones.",
            )
    if z.choices > MAX_CHOICES:
        err(
            "E402",
            ("actions",),
            f"The actions give {z.choices:,} choices (each action once per actor that may take "
            f"it and per target); the game can offer at most {MAX_CHOICES:,}.",
            "Give actions fewer actors or a short list of targets instead of 'states'.",
        )
    for i, ev in enumerate(d.events or []):
        if len(ev.options) > MAX_OPTIONS:
            err(
                "E402",
                ("events", i, "options"),
                f"The event '{ev.id}' has {len(ev.options)} options; an event may have at most "
                f"{MAX_OPTIONS}.",
                "Keep the options a person can weigh in one look.",
            )
    if z.turns > MAX_TURNS and d.calendar is not None:
        err(
            "E403",
            ("calendar", "end"),
            f"The calendar has {z.turns:,} turns; a scenario may have at most {MAX_TURNS}.",
            "Move 'end' closer to 'start', or use longer turns (turn: year).",
            at="value",
        )
    if any(x.code in ("E401", "E402", "E403") for x in out):
        return out  # the estimates below would only repeat what is too large
    saved = record_bytes(z)
    if saved > MAX_RECORD_BYTES:
        per_turn = max(1, (saved - 16_384) // (z.turns + 1))
        fit = max(1, (MAX_RECORD_BYTES - 16_384) // per_turn - 1)
        err(
            "E406",
            ("calendar",),
            f"A whole game of this scenario would make a save file of about {_mb(saved)}; "
            f"a save may be at most {_mb(MAX_RECORD_BYTES)}.",
            f"A world of this size can have at most {fit} turns; or use fewer states, "
            "powers or dimensions.",
        )
    one = game_bytes(z)
    games = d.balance.games if d.balance is not None else 400
    chunk = min(games, STUDY_CHUNK) * one
    if chunk > MAX_CHUNK_BYTES:
        fit = max(1, MAX_CHUNK_BYTES // one)
        err(
            "E404",
            ("balance", "games") if d.balance is not None else ("actors",),
            f"A balance study plays {min(games, STUDY_CHUNK):,} games of this scenario at "
            f"once, which would need about {_mb(chunk)} of memory; the limit is "
            f"{_mb(MAX_CHUNK_BYTES)}.",
            f"Set 'balance: {{games: {fit}}}' or less, or make the world smaller.",
        )
    kept = games * result_bytes(z)
    if kept > MAX_RESULT_BYTES:
        fit = max(1, MAX_RESULT_BYTES // max(1, result_bytes(z)))
        err(
            "E405",
            ("balance", "games") if d.balance is not None else ("actions",),
            f"A balance study of {games:,} games a profile would keep about {_mb(kept)} of "
            f"results for each profile; the limit is {_mb(MAX_RESULT_BYTES)}.",
            f"Set 'balance: {{games: {fit}}}' or less.",
        )
    out += check_policy_names(d)
    return out


def check_policy_names(d: Draft) -> list[Diagnostic]:
    """E202 for every policy an expectation names that the role cannot play."""
    out: list[Diagnostic] = []
    if d.balance is None:
        return out
    for k, ex in enumerate(d.balance.expectations):
        mine = [
            a
            for a in d.actions or []
            if ex.role in (a.actor if isinstance(a.actor, list) else [a.actor])
        ]
        for field in ("policy", "better", "worse"):
            name = getattr(ex, field, None)
            if not isinstance(name, str):
                continue
            found = policy_problem(name, [a.family for a in mine], [a.id for a in mine])
            if found is not None:
                problem, close = found
                out.append(
                    d.error(
                        "E202",
                        ("balance", "expectations", k, field),
                        f"The expectation '{ex.id}' names the policy '{name}' for {ex.role}, "
                        f"but {problem}.",
                        (f"Did you mean '{close}'? " if close else "")
                        + "Policies: "
                        + ", ".join(n for n in POLICY_NAMES if ":" not in n)
                        + ".",
                    )
                )
    return out
