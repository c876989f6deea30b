"""Synthetic scenarios of any size, as YAML text: for the size limits and for measuring what
a game of a given size costs."""

from __future__ import annotations


def big_scenario(
    powers: int = 3,
    states: int = 5,
    dims: int = 3,
    actions: int = 4,
    events: int = 3,
    years: int = 9,
    delay: int = 0,
    duration: int = 1,
    turn: str = "year",
    slots: int = 2,
    games: int = 400,
    resources: int = 1,
    start: int = 2000,
    options: int = 0,
    expectation: str = "",
) -> str:
    """A valid scenario of the given size: powers P00.., states S000.. (power P00 playable and
    graded), each action one power's, targeting every state, each event a random one."""
    P = [f"P{i:02d}" for i in range(powers)]
    S = [f"S{i:03d}"[:10] for i in range(states)]
    D = [f"d{i}" for i in range(dims)]
    out = [
        "schema_version: 1",
        "meta:",
        "  id: big",
        "  title: Big",
        "  summary: Big world.",
        "  authors: [t]",
        f"calendar: {{start: '{start}', end: '{start + years - 1}', turn: {turn}}}",
        "actors:",
    ]
    for i, p in enumerate(P):
        out.append(
            f"  - {{id: {p}, kind: power, name: {p}, playable: {'true' if i == 0 else 'false'}}}"
        )
    for s in S:
        out.append(f"  - {{id: {s}, kind: state, name: {s}}}")
    out.append("dimensions:")
    for d in D:
        out.append(f"  - {{id: {d}, name: {d}}}")
    out.append("resources:")
    for r in range(resources):
        out.append(f"  - {{id: r{r}, name: R{r}}}")
    out.append(f"model: {{actions_per_turn: {slots}}}")
    out.append("actions:")
    for a in range(actions):
        out.append(
            f"  - id: a{a}\n    name: A{a}\n    actor: {P[a % powers]}\n    family: f{a % 3}\n    delay: {delay}\n    duration: {duration}\n    effects:\n      - shift_dependence: {{state: $target, partner: $actor, dimension: {D[a % dims]}, by: 2}}"
        )
    out.append("events:")
    for e in range(events):
        out.append(
            f"  - id: e{e}\n    title: E{e}\n    text: t\n    historicity: hypothetical\n    chance: 0.1\n    repeatable: true\n    effects:\n      - change_stability: {{state: {S[e % states]}, by: -1}}"
        )
        if options:
            out.append(f"    chooser: {P[0]}\n    options:")
            out += [f"      - {{id: o{k}, text: O{k}}}" for k in range(options)]
    out.append("objectives:")
    out.append(
        f"  {P[0]}:\n    - id: bal\n      name: Balance\n      quantity: {{autonomy: {{state: average}}}}\n      bands: {{A: 60, B: 50, C: 40, D: 30}}"
    )
    out.append(f"balance:\n  games: {games}")
    if expectation:
        out.append(f"  expectations:\n    - {expectation}")
    return "\n".join(out) + "\n"
