"""Sentences the engine writes in English (effects, reasons), shown in the player's language
where their fixed parts are known; and the one term the window uses for each resource.

The engine describes effects and refusals in English ("raises Kazakhstan's Trade dependence on
Japan (+1 pts)", "not enough ODA budget: needs 20, you have 10.0"). ``effect`` and ``reason``
recognise the common forms, put the names in the chosen language (``Scenario.names(lang)``, where
the scenario has them) and fill a template from the locale file. A sentence of a form not known
here stays in English and, in another language, is marked ``[EN]`` so nobody mistakes it for a
missing translation of the game.
"""

from __future__ import annotations

import re

from ..scenario.model import Scenario, text_in
from .i18n import language, tr

EN_MARK = "[EN] "

_NUM = r"([-+−]?\d+(?:\.\d+)?)"
_DEP = re.compile(r"^(raises|lowers) (.+?)'s (.+?) dependence on (.+?) \(" + _NUM + r" pts\)$")
_TRUST = re.compile(r"^trust of (.+?) in (.+?) " + _NUM + r"$")
_STAB = re.compile(r"^stability of (.+?) " + _NUM + r"$")
_GROWTH = re.compile(r"^growth of (.+?) " + _NUM + r" pts$")
_RESILIENCE = re.compile(r"^resilience of (.+?) " + _NUM + r"$")
_JOINS = re.compile(r"^(.+?) (joins|leaves) (.+)$")
_FLAG = re.compile(r"^(?:(from now on|no longer so): (.+)|the flag '(.+)' is (set|cleared))$")
_AMOUNT = re.compile(r"^(.+) " + _NUM + r"$")

_MONEY = re.compile(r"^not enough (.+?): needs " + _NUM + r", you have " + _NUM + r"$")
_COOL = re.compile(r"^used recently: available again in (\d+) turns?$")
_WHEN = re.compile(r"^only possible when (.+)$")
_MAX = re.compile(r"^you can take at most (\d+) actions per turn$")
_FIXED_REASONS = {
    "you have used all your actions this turn": "engine.r_slots",
    "the game is over": "engine.r_over",
    "finish the events of this turn first": "engine.r_events",
    "not available": "engine.r_not_available",
}


_cache: dict[tuple[int, str], tuple[Scenario, dict[str, str], dict[str, str]]] = {}


def _names(sc: Scenario, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """(English name -> name in ``lang``, id -> name in ``lang``) for everything declared."""
    hit = _cache.get((id(sc), lang))
    if hit is not None and hit[0] is sc:
        return hit[1], hit[2]
    en = sc.names("en")
    loc = sc.names(lang)
    for f in sc.flags:  # flags are named by their description
        en[f.id] = text_in(f.description, "en")
        loc[f.id] = text_in(f.description, lang)
    for g in sc.drift:
        en[g.id] = text_in(g.name, "en")
        loc[g.id] = text_in(g.name, lang)
    by_en = {v: loc.get(k, v) for k, v in en.items() if v}
    if len(_cache) > 32:
        _cache.clear()
    _cache[(id(sc), lang)] = (sc, by_en, loc)
    return by_en, loc


def names_in(sc: Scenario, lang: str | None = None) -> dict[str, str]:
    """id -> display name in ``lang`` (English where the scenario has no translation)."""
    return _names(sc, lang or language())[1]


def local_name(sc: Scenario, english: str, lang: str | None = None) -> str:
    """A name the engine wrote in English, in ``lang`` when the scenario has it."""
    lang = lang or language()
    if lang == "en":
        return english
    return _names(sc, lang)[0].get(english, english)


def resource_term(sc: Scenario, rid: str, lang: str | None = None) -> str:
    """The one word the window uses for a resource wherever it shows an amount of it (costs,
    the budget line, effects, refusals): the scenario's short name, else a short form of its
    name ("ODA budget" -> "ODA"; in another language an acronym or the last word)."""
    lang = lang or language()
    res = next((r for r in sc.resources if r.id == rid), None)
    if res is not None and res.short is not None:  # the scenario's own short name
        return text_in(res.short, lang)
    full = names_in(sc, lang).get(rid, rid)
    if len(full) <= 8:
        return full
    first = full.split()[0]
    if first.isupper() and len(first) <= 6:
        return first
    if lang == "en":
        return rid.replace("_", " ").capitalize()
    acr = next((w for w in full.split() if w.isupper() and 2 <= len(w) <= 6), None)
    if acr:
        return acr
    last = full.split()[-1]
    return last[:1].upper() + last[1:] if len(full.split()) > 1 else full


def _term_of(sc: Scenario, english_name: str, lang: str) -> str | None:
    """The window's term for the resource the engine calls ``english_name`` (None: not one)."""
    rid = next((r.id for r in sc.resources if text_in(r.name, "en") == english_name), None)
    return resource_term(sc, rid, lang) if rid is not None else None


def _resource_change(sc: Scenario, sentence: str, lang: str) -> str | None:
    """ "Japan Political capital -4" -> "Japan: Capital -4" (in ``lang``), or None."""
    m = _AMOUNT.match(sentence)
    if not m:
        return None
    what = m[1]
    by_en = _names(sc, lang)[0]
    for actor in sorted(by_en, key=len, reverse=True):
        rest = what[len(actor) + 1 :] if what.startswith(actor + " ") else None
        term = _term_of(sc, rest, lang) if rest else None
        if term:
            return tr("engine.resource", actor=by_en[actor], resource=term, delta=_num(m[2]))
    return None


def _num(v: str) -> str:
    v = v.replace("−", "-")
    return v if v.startswith(("-", "+")) else "+" + v


def effect(sc: Scenario, sentence: str, lang: str | None = None) -> str:
    """One effect sentence in ``lang`` (or English, marked ``[EN]``)."""
    lang = lang or language()
    changed = _resource_change(sc, sentence, lang)
    if changed is not None:
        return changed
    if lang == "en":
        return sentence
    n = lambda x: local_name(sc, x, lang)  # noqa: E731
    m = _DEP.match(sentence)
    if m:
        return tr("engine.dep", state=n(m[2]), dim=n(m[3]), partner=n(m[4]), delta=_num(m[5]))
    m = _TRUST.match(sentence)
    if m:
        return tr("engine.trust", state=n(m[1]), power=n(m[2]), delta=_num(m[3]))
    m = _STAB.match(sentence)
    if m:
        return tr("engine.stability", state=n(m[1]), delta=_num(m[2]))
    m = _GROWTH.match(sentence)
    if m:
        return tr("engine.growth", state=n(m[1]), delta=_num(m[2]))
    m = _RESILIENCE.match(sentence)
    if m:
        return tr("engine.resilience", state=n(m[1]), delta=_num(m[2]))
    m = _FLAG.match(sentence)
    if m:  # registry.describe_flag; a sentence's first article was lowercased there
        what = m[2] or m[3]
        key = "engine.flag_on" if "from now on" == m[1] or m[4] == "set" else "engine.flag_off"
        return tr(key, what=n(what) if n(what) != what else n(what[:1].upper() + what[1:]))
    m = _JOINS.match(sentence)
    if m and m[1] in _names(sc, lang)[0]:
        key = "engine.joins" if m[2] == "joins" else "engine.leaves"
        return tr(key, actor=n(m[1]), org=n(m[3]))
    m = _AMOUNT.match(sentence)
    if m and m[1] in _names(sc, lang)[0]:  # a meter
        return f"{_names(sc, lang)[0][m[1]]} {_num(m[2])}"
    return EN_MARK + sentence


def reason(sc: Scenario, sentence: str | None, lang: str | None = None) -> str:
    """Why an action cannot be taken, in ``lang`` (or English, marked ``[EN]``)."""
    if not sentence:
        return ""
    lang = lang or language()
    m = _MONEY.match(sentence)
    if m:
        term = _term_of(sc, m[1], lang) or local_name(sc, m[1], lang)
        return tr("engine.r_money", resource=term, need=m[2], have=m[3])
    if lang == "en":
        return sentence
    if sentence in _FIXED_REASONS:
        return tr(_FIXED_REASONS[sentence])
    m = _COOL.match(sentence)
    if m:
        return tr("engine.r_cooldown", n=int(m[1]))
    m = _MAX.match(sentence)
    if m:
        return tr("engine.r_max", n=int(m[1]))
    m = _WHEN.match(sentence)
    if m:
        return tr("engine.r_when", cond=EN_MARK + m[1])
    return EN_MARK + sentence
