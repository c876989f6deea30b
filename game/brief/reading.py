"""What a brief gives to read: the key terms and the sources.

* The key terms are the glossary's entries that occur in the brief's own texts, found as the
  window finds them (``find_term`` and ``term_variants`` in ``game.kit.lines``): those of the
  situation and the objectives first, then the most frequent; at most ``MAX_TERMS``, each with
  the first sentences of its definition (the game's glossary, key G, has it whole).
* The sources are the ``MAX_SOURCES`` bibliography entries cited by the most of the role's
  actions and decisions, each with its publisher, date, address and where to look.
"""

from __future__ import annotations

import re

from ..kit.lines import drop_parentheses, find_term, has_cjk, term_variants
from ..scenario.model import Action, GlossaryEntry, Scenario, text_in
from .words import ScenarioTexts, fitted, tr

#: the key terms: the most relevant of those the brief uses, each defined in about two lines
MAX_TERMS = 8
DEFINITION_WIDTH = 150
#: the sources to read: those cited by the most of the role's actions and decisions
MAX_SOURCES = 6
#: how much of the list of places to look at in a source is shown
WHERE_WIDTH = 36


def plain(text: str) -> str:
    """Text without its Markdown marks, for finding terms in it."""
    return re.sub(r"\*\*|(?<!\w)_|_(?!\w)", "", text)


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences: at a full stop followed by a capital letter, or after a
    Japanese full stop."""
    cuts = re.split(r"(?<=[.!?])\s+(?=[\"'“«(]?[A-ZА-ЯЁ])|(?<=\u3002)(?=.)", text.strip())
    return [s for s in cuts if s]


def definition(text: str) -> str:
    """A glossary definition, its first sentences as far as ``DEFINITION_WIDTH`` (at least the
    first; the game's glossary has the rest)."""
    sep = "" if has_cjk(text) else " "
    return fitted(sentences(text), sep, DEFINITION_WIDTH, more=False)


def key_terms(sc: Scenario, lang: str, first: list[str], rest: list[str]) -> list[GlossaryEntry]:
    """The glossary's entries that occur in the brief's texts: those in ``first`` (the
    situation and the objectives) first, then by how often they occur, then in the glossary's
    order. A term is found by its name in the brief's language and in English, with or
    without its bracket (as the window finds it)."""
    scored = []
    for k, g in enumerate(sc.glossary):
        patterns = list(
            dict.fromkeys(
                term_variants(text_in(g.name, lang)) + term_variants(text_in(g.name, "en"))
            )
        )

        def hits(texts: list[str], patterns: list[str] = patterns) -> int:
            return sum(len(find_term(plain(t), p)) for t in texts for p in patterns)

        early, later = hits(first), hits(rest)
        if early + later:
            scored.append((early == 0, -(early + later), k, g))
    return [g for *_, g in sorted(scored, key=lambda s: s[:3])][:MAX_TERMS]


def sources(sc: Scenario, role: str, actions: list[Action], names: ScenarioTexts) -> list[str]:
    """The ``MAX_SOURCES`` bibliography entries cited by the most of the role's ``actions`` and
    of the events it decides, each with its publisher and where to look."""
    uses: dict[str, dict[str, list[str]]] = {}  # ref -> what cites it -> where
    cited = [(names.text(a.name), a.sources) for a in actions]
    cited += [(names.text(ev.title), ev.sources) for ev in sc.events if ev.chooser == role]
    for what, refs in cited:
        for s in refs:
            uses.setdefault(s.ref, {}).setdefault(what, []).append(s.locator)
    bib = {b.id: b for b in sc.bibliography}
    ranked = sorted((r for r in uses if r in bib), key=lambda r: -len(uses[r]))  # stable
    out = []
    for ref in ranked[:MAX_SOURCES]:
        b = bib[ref]
        about = tr("join.sep").join(x for x in (b.publisher, b.date) if x)
        head = tr("source.head", title=b.title, about=about) if about else f"**{b.title}**"
        places = [
            p.strip()
            for where in uses[ref].values()
            for loc in where
            for p in drop_parentheses(loc).split(";")
        ]
        # the address as one types it: without "https://" and "www."
        url = re.sub(r"^https?://(www\.)?", "", b.url or "")
        where = fitted(list(dict.fromkeys(p for p in places if p)), "; ", WHERE_WIDTH)
        parts = [head, url, tr("source.where", where=where) if where else ""]
        out.append(tr("source.sep").join(x for x in parts if x))
    return out
