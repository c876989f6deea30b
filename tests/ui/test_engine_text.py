"""``engine_text``: the engine's English sentences in the chosen language, or marked [EN]."""

from __future__ import annotations


def test_engine_sentences_are_translated_or_marked_english(class_entry):
    from game.play.session import Session
    from game.ui import engine_text, i18n
    from game.ui import viewmodels as vm

    s = Session.start(class_entry.scenario, humans=("JPN",), seed=1)
    effects = [t for ch in s.choices("JPN") for t in ch.effects]
    for lang in ("ja", "ru"):
        i18n.set_language(lang)
        out = vm.effects(s, effects)
        marked = [t for t in out if t.startswith(engine_text.EN_MARK)]
        assert len(marked) <= len(out) // 5, marked[:3]  # the common forms are translated
        assert all(
            t.startswith(engine_text.EN_MARK) or not t.startswith(("raises", "lowers", "trust of"))
            for t in out
        )
        r = engine_text.reason(s.scenario, "not enough ODA budget: needs 20, you have 10.0")
        assert "20" in r and "10.0" in r and "not enough" not in r
        assert engine_text.reason(s.scenario, "something new").startswith(engine_text.EN_MARK)
    i18n.set_language("en")
    assert vm.effects(s, effects) == effects
