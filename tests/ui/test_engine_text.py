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
    shown = vm.effects(s, effects)
    changed = [(a, b) for a, b in zip(effects, shown) if a != b]
    assert changed and all(b.startswith("Japan: ") for _, b in changed)  # resources only


def test_one_word_for_each_resource_everywhere(class_entry):
    """The top bar, the costs, the effects of events and options and the refusals use one
    term for a resource ("Capital"), never the long name in one place and the short in another."""
    from game.play.session import Session
    from game.scenario.model import text_in
    from game.ui import engine_text, i18n
    from game.ui import viewmodels as vm

    s = Session.start(class_entry.scenario, humans=("JPN",), seed=1)
    sentences = [t for ch in s.choices("JPN") for t in ch.effects]
    sentences += [t for ev in s.c.events for t in s.c.programs[ev.program].texts]
    for lang in ("en", "ja", "ru"):
        i18n.set_language(lang)
        for r in s.scenario.resources:
            term = vm.short_resource(s, r.id)
            long = vm.name(s, r.id)
            shown = " ".join(vm.effects(s, sentences))
            if long != term:
                assert long not in shown, f"{lang}: '{long}' beside '{term}'"
            reason = engine_text.reason(
                s.scenario, f"not enough {text_in(r.name, 'en')}: needs 20, you have 10.0"
            )
            assert term in reason
        assert vm.short_resource(s, "capital") in " ".join(vm.effects(s, sentences))
    i18n.set_language("en")
