"""No action is taken outside the years (and by or on the states) in which it was real.

An air base for the Afghan war belongs to 2001-2012 in Kyrgyzstan and 2001-2004 in Uzbekistan, a
critical-minerals partnership to the years after 2022, a C5+1 to the years after the first one
(2015). ``WINDOWS`` lists each such action with its historical window and the source of the dates;
the shipped scenarios express the windows with ``available_if`` (a year or a flag set by the
event that opened the window) and with ``targets``/``actor`` lists, and with ``include``: actions
that belong only to some years live in ``common/actions_2001_2012.yaml`` and
``common/actions_from_2022.yaml``.

The test plays every shipped scenario headless and reads the game records, under several seeds
with every actor on ``random`` (which takes anything the rules allow), on its default policy and
on ``historical``; and it plays each scenario once with every actor "human", asking every turn
which actions are legal, so a missing or too wide condition shows up at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from game.play.session import Session
from game.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))


@dataclass(frozen=True)
class Window:
    first: int
    last: int | None = None  # None: still open in 2025
    targets: tuple[str, ...] | None = None  # None: any target the action lists
    actors: tuple[str, ...] | None = None  # None: any actor the action lists
    why: str = ""


WINDOWS: dict[str, Window] = {
    # Japan
    "jpn_yen_loan": Window(
        1995,
        targets=("KAZ", "KGZ", "TKM", "UZB"),
        why="first yen loans 1995 (Jamestown/JICA); Table 1 of the paper: no loan to Tajikistan",
    ),
    "jpn_ca_plus_japan_meeting": Window(2004, why="dialogue founded in Astana, Aug 2004 (MOFA)"),
    "jpn_middle_corridor": Window(2014, why="Trans-Caspian route organised from 2013-14"),
    "jpn_energy_technology": Window(2016, why="decarbonisation agenda (seed summit plan 2024)"),
    "jpn_skilled_workers": Window(2019, why="Specified Skilled Worker scheme; Uzbek MoC Dec 2019"),
    # Russia
    "rus_eaeu_membership": Window(2014, why="EAEU treaty signed May 2014"),
    "rus_debt_relief": Window(
        2004,
        targets=("KGZ", "TJK", "UZB"),
        why="write-offs: Tajikistan 2004 (RFE/RL), Kyrgyzstan 2009 and 2012, Uzbekistan 2014",
    ),
    "rus_nuclear_deal": Window(2017, why="Rosatom deals with Uzbekistan (2018) and Kazakhstan"),
    "rus_central_asia_summit": Window(2022, why="first Russia-Central Asia summit, Oct 2022 (nCa)"),
    # China
    "chn_security_support": Window(1996, why="Shanghai Five, Apr 1996 (RFE/RL)"),
    "chn_pipeline": Window(1997, why="CNPC's Kazakh contracts and pipeline deal, Sep 1997"),
    "chn_resource_stake": Window(1997, why="CNPC buys AktobeMunaiGas, 1997"),
    "chn_policy_bank_loan": Window(2005, why="China Exim lending to the region from the mid-2000s"),
    "chn_infrastructure": Window(2005, why="Chinese-built roads and tunnels from the mid-2000s"),
    "chn_debt_for_assets": Window(2013, why="Belt and Road lending; the TBEA gold mine, 2018"),
    "chn_central_asia_summit": Window(2020, why="China-Central Asia format from 2020"),
    # The West
    "west_air_base_kgz": Window(
        2001,
        2012,
        targets=("KGZ",),
        why="Manas Dec 2001 - Jun 2014; last deal 2009, renewed yearly (Reuters)",
    ),
    "west_air_base_uzb": Window(
        2001,
        2004,
        targets=("UZB",),
        why="Karshi-Khanabad Oct 2001 - Nov 2005, evicted after Andijan (Washington Post)",
    ),
    "west_c5_plus_1": Window(2015, why="first C5+1, Samarkand, Nov 2015 (State Department)"),
    "west_critical_minerals": Window(
        2022,
        targets=("KAZ", "UZB"),
        why="EU-Kazakhstan MoU Nov 2022 (MINING.COM); C5+1 minerals dialogue 2023-24",
    ),
    # The five
    "state_accept_chinese_loan": Window(2005, why="as chn_policy_bank_loan"),
    "state_build_middle_corridor": Window(
        2013, actors=("KAZ", "TKM", "UZB"), why="Trans-Caspian route from 2013"
    ),
    "state_refinance_debt": Window(
        1992,
        actors=("KAZ", "KGZ", "TJK", "UZB"),
        why="the states whose Chinese debt is sourced (Kyrgyz debt data)",
    ),
    # The South Caucasus (class_south_caucasus)
    "eu_peace_facility": Window(
        2021, targets=("ARM", "GEO"), why="European Peace Facility set up in 2021; Armenia 2024"
    ),
    "eu_monitoring_mission": Window(
        2022, targets=("ARM", "GEO"), why="EU monitors in Armenia from Oct 2022 (EUMA Jan 2023)"
    ),
    "state_new_arms_suppliers": Window(
        2021, actors=("ARM",), why="Armenia looks beyond Russia after the 2020 war"
    ),
    "state_peace_talks": Window(
        2021, actors=("ARM", "AZE"), why="talks after the Nov 2020 ceasefire; peace text 2025"
    ),
    "usa_mediation": Window(2022, why="US-hosted talks from 2022-23; White House summit 2025"),
}

SEEDS = (1, 2, 3)
BLANKET = ("random", "default", "historical")


@cache
def _scenario(name: str):
    res = load_scenario(str(ROOT / "scenarios" / f"{name}.yaml"))
    assert res.scenario is not None, [d.message for d in res.diagnostics]
    return res.scenario


def _play(name: str, seed: int, policies: dict[str, str]) -> list[tuple[int, str, str, str]]:
    """``(year, actor, action, target)`` for every action taken in one headless game."""
    s = Session.start(_scenario(name), humans=(), seed=seed, policies=policies)
    taken = []
    while not s.over:
        rep = s.play_turn()
        year = int(str(rep.year)[:4])
        for actor, keys in rep.actions.items():
            for key in keys:
                act, _, target = key.partition("@")
                taken.append((year, actor, act, target))
    return taken


def _outside(taken) -> list[str]:
    bad = []
    for year, actor, act, target in taken:
        w = WINDOWS.get(act)
        if w is None:
            continue
        if year < w.first or (w.last is not None and year > w.last):
            bad.append(f"{year} {actor} {act}@{target}: window {w.first}-{w.last or ''}")
        if w.targets is not None and target not in w.targets:
            bad.append(f"{year} {actor} {act}@{target}: target not in {w.targets}")
        if w.actors is not None and actor not in w.actors:
            bad.append(f"{year} {actor} {act}: actor not in {w.actors}")
    return bad


def test_every_window_names_a_shipped_action():
    ids = {a.id for n in SHIPPED for a in _scenario(n).actions}
    assert set(WINDOWS) <= ids, sorted(set(WINDOWS) - ids)


@pytest.mark.parametrize("name", SHIPPED)
@pytest.mark.parametrize("policy", BLANKET)
def test_no_action_outside_its_window_under_blanket_policies(name, policy):
    sc = _scenario(name)
    actors = [a.id for a in sc.actors]
    pol = {} if policy == "default" else {a: policy for a in actors}
    for seed in SEEDS if policy != "historical" else SEEDS[:1]:
        bad = _outside(_play(name, seed, pol))
        assert not bad, (name, policy, seed, bad)


@pytest.mark.parametrize("name", SHIPPED)
def test_the_rules_refuse_windowed_actions_outside_their_windows(name):
    """Every actor is played by a "person" who, every turn, asks which of its actions are legal
    and takes the windowed ones it may: no action may be legal outside its window or on a target
    outside it, and each action the scenario includes must be legal in some year of its window
    that the calendar covers."""
    sc = _scenario(name)
    actors = tuple(a.id for a in sc.actors)
    s = Session.start(sc, humans=actors, seed=1, policies={})
    bad: list[str] = []
    seen: set[str] = set()
    while not s.over:
        year = int(str(s.year)[:4])
        for actor in actors:
            for ch in s.choices(actor):
                w = WINDOWS.get(ch.action_id)
                if w is None or not ch.legal:
                    continue
                seen.add(ch.action_id)
                bad += _outside([(year, actor, ch.action_id, ch.target or "")])
                if s.slots_left(actor) > 0:
                    try:
                        s.plan(ch.id)
                    except Exception:  # budget already spent on an earlier plan this turn
                        pass
        for ev in s.end_turn():
            hist = [oid for oid, _text, historical, _eff in ev.options if historical]
            s.choose_option(ev.event_id, hist[0] if hist else 0)
        s.finish_turn()
    assert not bad, (name, bad)
    first, last = (int(str(x)[:4]) for x in (sc.calendar.start, sc.calendar.end))
    expected = {
        a.id
        for a in sc.actions
        if a.id in WINDOWS and WINDOWS[a.id].first <= last and (WINDOWS[a.id].last or 9999) >= first
    }
    assert expected <= seen, (name, sorted(expected - seen))
