"""What the window shows of a scenario written for another region: the role it opens with, the
menu's title, and flags written as sentences in every language."""

from __future__ import annotations

from game.scenario.loader import load_scenario_text
from game.scenario.registry import Effect
from game.scenario.template import render


def _two_playable_powers():
    """The starter with USA declared (and playable) before JPN, both playable."""
    text = render("Pacific").replace("POWER_A", "JPN").replace("POWER_B", "USA")
    text = text.replace(
        "  - {id: JPN, kind: power, name: Power A, playable: true}\n"
        "  - {id: USA, kind: power, name: Power B}\n",
        "  - {id: USA, kind: power, name: United States, playable: true}\n"
        "  - {id: JPN, kind: power, name: Japan, playable: true}\n",
    )
    res = load_scenario_text(text)
    assert res.scenario is not None, res.diagnostics
    return res.scenario


def test_without_a_role_the_game_opens_as_the_first_playable_actor():
    from game.ui.controller import default_role, pick_roles

    sc = _two_playable_powers()
    assert sc.playable_roles == ["USA", "JPN"]
    assert default_role(sc) == "USA" and pick_roles(sc, None) == ("USA",)
    assert default_role(sc, "JPN") == "JPN" and pick_roles(sc, ["XXX"]) == ("USA",)


def test_the_menu_title_is_the_scenarios_title(menu_app, monkeypatch):
    from game.ui.scenes import menu

    drawn: list[str] = []
    real = menu.text.draw

    def spy(surf, s, *a, **kw):
        drawn.append(s)
        return real(surf, s, *a, **kw)

    monkeypatch.setattr(menu.text, "draw", spy)
    app = menu_app()
    app.step([])
    assert drawn[0] == "Crossroads — Mini test world"
    assert not [s for s in drawn if "Balanced Diplomacy in Central Asia" in s]


def test_a_flag_written_as_a_sentence_reads_naturally_in_every_language():
    from game.ui import engine_text, i18n

    text = render("Flags").replace(
        'description: "Power A and the two states meet every year"',
        "description: {en: The dialogue has begun, ja: 対話が始まった, ru: Диалог начался}",
    )
    sc = load_scenario_text(text).scenario
    assert sc is not None
    names = sc.names()
    on = Effect.model_validate({"set_flag": "dialogue_started"}).describe(names)
    off = Effect.model_validate({"clear_flag": "dialogue_started"}).describe(names)
    assert on == "from now on: the dialogue has begun"
    assert off == "no longer so: the dialogue has begun"
    try:
        for lang, word in (("ja", "対話が始まった"), ("ru", "Диалог начался")):
            i18n.set_language(lang)
            shown = engine_text.effect(sc, on, lang)
            assert word in shown and not shown.startswith(engine_text.EN_MARK), shown
            assert word in engine_text.effect(sc, off, lang)
    finally:
        i18n.set_language("en")
