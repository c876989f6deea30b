"""Texts that say one thing while the effects do another: the mechanical part of that check.

Two lints (warnings; the game still plays), run by the validator on every action, event and
option, on the English text (``en``), which every translation follows:

* **W313, a "main partner" claim the effects do not make true.** A text that says a power
  *becomes* (or *is now*) the main, only, largest or first customer, buyer, partner, lender or
  market of a state must come with effects that raise that power's share in that state - and
  by at least half of what the effects take from the other partners (otherwise most of the
  freed share goes to the rest of the world, and another partner may well stay first). Example:
  "Gazprom stops buying Turkmen gas. China is now almost the only customer", with Russia -16
  (to the rest of the world) and China +3.
* **W314, a signed number in the text that no effect has.** "Trust in Japan rises by +5" with
  ``change_trust: {by: 3}``. Years, sums of money and percentages of real statistics are not
  signed and are not checked.

What cannot be checked mechanically (a text that describes a trend in words) is left to
reading; ``tests/scenarios/test_texts_match_effects.py`` also plays the shipped scenarios'
history and checks that every W313-style claim holds in the game when the event fires.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from .model import text_in

Warn = Callable[[str, tuple[Any, ...], str, str], None]

_CHANGE = r"(?:becomes|became|is now|are now|has become|turns into|takes over as)"
_RANK = r"(?:the\s+)?(?:almost\s+)?(?:the\s+)?(?:only|main|largest|biggest|first|top|leading)"
_NOUN = r"(customer|buyer|partner|lender|creditor|market|investor|employer)s?"
SIGNED_NUMBER = re.compile(r"(?<![\w.$€¥£])([+\-−])\s?(\d+(?:\.\d+)?)(?![\d-])")


def claims(text: str, powers: dict[str, str]) -> list[tuple[str, str]]:
    """(power id, noun) for every 'X becomes the main customer'-style claim in ``text``."""
    out = []
    for nm, pid in powers.items():
        pat = rf"\b{re.escape(nm)}\b[^.;]*?\b{_CHANGE}\s+(?:now\s+)?{_RANK}\s+(?:\w+\s+)?{_NOUN}"
        for m in re.finditer(pat, text, flags=re.IGNORECASE):
            out.append((pid, m.group(1).lower()))
    return out


def _dependence_moves(effects: Iterable[Any]) -> tuple[dict, dict]:
    """Pushes and pulls of shift_dependence effects, by (state, partner): sums of ``by``."""
    push: dict[tuple[str, str], float] = {}
    pull: dict[tuple[str, str], float] = {}
    for e in effects:
        if e.verb != "shift_dependence":
            continue
        a = e.arg
        key = (a.state, a.partner)
        if a.by >= 0:
            push[key] = push.get(key, 0.0) + a.by
        else:
            pull[key] = pull.get(key, 0.0) - a.by
    return push, pull


def _numbers(effects: Iterable[Any]) -> set[float]:
    out = set()
    for e in effects:
        a = e.arg
        for f in ("by", "amount"):
            v = getattr(a, f, None)
            if isinstance(v, int | float) and not isinstance(v, bool):
                out.add(round(abs(float(v)), 6))
    return out


def _items(d: Any) -> Iterable[tuple[tuple[Any, ...], str, list[Any]]]:
    """(path of the text, English text, effects) for every action, event and option."""
    for i, a in enumerate(d.actions or []):
        if a.description is not None:
            yield ("actions", i, "description"), text_in(a.description), list(a.effects)
    for i, ev in enumerate(d.events or []):
        yield ("events", i, "text"), text_in(ev.text), list(ev.effects)
        for j, o in enumerate(ev.options):
            yield (
                ("events", i, "options", j, "text"),
                text_in(o.text),
                list(ev.effects) + list(o.effects),
            )


def lint(d: Any, warn: Warn) -> None:
    """Warn (W313, W314) where a text and its effects disagree (see the module docstring).
    ``d`` is the validator's merged draft (or a ``Scenario``): anything with the sections."""
    names = {a.id: text_in(a.name) for a in d.actors or []}
    powers = {text_in(a.name): a.id for a in d.actors or [] if a.kind == "power"}
    for path, text, effects in _items(d):
        if not text:
            continue
        push, pull = _dependence_moves(effects)
        for pid, noun in claims(text, powers):
            states = {s for (s, p) in push if p == pid} | {s for (s, p) in pull}
            gained = sum(v for (s, p), v in push.items() if p == pid)
            taken = sum(v for (s, p), v in pull.items() if p != pid and s in states)
            if gained <= 0:
                warn(
                    "W313",
                    path,
                    f"The text says {names.get(pid, pid)} becomes the main {noun}, but no effect "
                    f"raises {names.get(pid, pid)}'s share.",
                    f"Add a shift_dependence effect toward {pid} (by enough to make it first), "
                    "or change the text.",
                )
            elif taken > 0 and gained < taken / 2:
                warn(
                    "W313",
                    path,
                    f"The text says {names.get(pid, pid)} becomes the main {noun}, but most of "
                    f"what the other partners lose (-{taken:g} in all) goes to the rest of the "
                    f"world: {names.get(pid, pid)} gains only +{gained:g}.",
                    f"Push {pid}'s share up by at least as much as the others lose, or change "
                    "the text.",
                )
        have = _numbers(effects)
        for m in SIGNED_NUMBER.finditer(text):
            v = round(float(m.group(2)), 6)
            if v not in have:
                warn(
                    "W314",
                    path,
                    f"The text says {m.group(1)}{m.group(2)}, but no effect of this "
                    f"{'option' if 'options' in path else path[0][:-1]} has that number"
                    + (
                        f" (its effects: {', '.join(f'{x:g}' for x in sorted(have))})"
                        if have
                        else ""
                    ),
                    "Make the text and the effects agree: change the number in the text, or the "
                    "effect.",
                )
