"""The scenario's glossary: its entries in the chosen language, and which of them a text uses.

A term is recognised by its name in the chosen language and in English, by the name without
its bracket ("Eurasian Economic Union") and by what the bracket holds ("EAEU"), whole words
only in scripts with spaces. ``find`` lists the terms in some texts (G opens the glossary with
them first); ``marks`` are the words to underline where they occur.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kit.lines import find_term, term_variants
from ..scenario.model import Scenario, text_in
from .i18n import language


@dataclass(frozen=True)
class Term:
    id: str
    name: str  # in the chosen language (English where the scenario has no translation)
    definition: str
    english: str  # the English name, shown beside a translated one
    patterns: tuple[str, ...]  # words that mark the term in a text


_cache: dict[tuple[int, str], tuple[Scenario, list[Term]]] = {}


def terms(sc: Scenario | None, lang: str | None = None) -> list[Term]:
    """The glossary in ``lang`` (default: the chosen language), in the scenario's order."""
    if sc is None:
        return []
    lang = lang or language()
    hit = _cache.get((id(sc), lang))
    if hit is not None and hit[0] is sc:
        return hit[1]
    out = []
    for g in sc.glossary:
        nm, en = text_in(g.name, lang), text_in(g.name, "en")
        pats: list[str] = []
        for v in term_variants(nm) + term_variants(en):
            if v not in pats:
                pats.append(v)
        out.append(Term(g.term, nm, text_in(g.definition, lang), en, tuple(pats)))
    if len(_cache) > 16:
        _cache.clear()
    _cache[(id(sc), lang)] = (sc, out)
    return out


def find(sc: Scenario | None, texts: list[str]) -> list[str]:
    """Ids of the terms that occur in ``texts``, in order of first appearance."""
    found: list[tuple[int, int, str]] = []
    for t in terms(sc):
        best = None
        for k, s in enumerate(texts):
            if not s:
                continue
            for p in t.patterns:
                hits = find_term(s, p)
                if hits:
                    pos = (k, hits[0])
                    best = pos if best is None or pos < best else best
        if best is not None:
            found.append((best[0], best[1], t.id))
    return [tid for _, _, tid in sorted(found)]


#: terms on nearly every line of the game: listed by G, but not underlined everywhere
UNMARKED = ("autonomy", "dependence")


def marks(sc: Scenario | None) -> tuple[str, ...]:
    """Every word that marks a term (longest first, so "Yen loan" wins over "loan")."""
    out = {p for t in terms(sc) if t.id not in UNMARKED for p in t.patterns}
    return tuple(sorted(out, key=len, reverse=True))


def by_id(sc: Scenario | None) -> dict[str, Term]:
    return {t.id: t for t in terms(sc)}
