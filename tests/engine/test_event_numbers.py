"""An event's pop-up shows what the event really did: the numbers in its effect sentences are
the ledger's (the "Why?" panel's), not the effects' weights. "Gazprom stops buying Turkmen gas"
pushes China's share of Turkmen energy "by 100" points of weight, which (the row then rescaled)
moves China's share by about 17 points and Russia's by about -23."""

from __future__ import annotations

import re

from game.play.session import Session
from game.scenario.loader import load_scenario


def test_the_gazprom_pop_up_and_the_why_panel_agree():
    sc = load_scenario("class_abe_belt_road").scenario
    s = Session.start(sc, humans=("JPN",), seed=1)
    while not s.over:
        pend = s.end_turn()
        shown = None
        if "gazprom_stops_buying" in [e.event_id for e in s.fired_events()]:
            shown = s.event_effects("gazprom_stops_buying")
        for ev in pend:
            s.choose_option(ev.event_id, 0)
        rep = s.finish_turn()
        if shown is None:
            continue
        why = {}
        for e in rep.entries:  # the turn's ledger, as the Why? panel reads it
            if e.cause == "gazprom_stops_buying" and e.quantity == "dependence":
                why[e.key[2]] = why.get(e.key[2], 0.0) + e.delta
        numbers = {}
        for partner, name in (("RUS", "Russia"), ("CHN", "China")):
            line = next(t for t in shown if f"on {name}" in t)
            numbers[partner] = float(re.search(r"\(([-+][\d.]+) pts\)", line).group(1))
            assert abs(numbers[partner] - why[partner]) < 0.1, (line, why)
        assert numbers["CHN"] > 10 and numbers["CHN"] < 100, "the share moves less than the weight"
        assert numbers["RUS"] < -10
        return
    raise AssertionError("gazprom_stops_buying never fired")


def test_an_option_s_effects_are_previewed_with_real_numbers():
    sc = load_scenario("class_abe_belt_road").scenario
    s = Session.start(sc, humans=("KGZ",), seed=1)
    while not s.over:
        pend = s.end_turn()
        ev = next((p for p in pend if p.event_id == "kyrgyzstan_joins_eaeu"), None)
        if ev is not None:
            join = next(o for o in ev.options if o[0] == "join")
            assert any("Trade dependence on Russia (+" in t for t in join[3])
            assert "Kyrgyzstan joins Eurasian Economic Union" in join[3]
            return
        for p in pend:
            s.choose_option(p.event_id, 0)
        s.finish_turn()
    raise AssertionError("the EAEU choice never came")
