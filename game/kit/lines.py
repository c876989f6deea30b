"""Where a line of text may break, and wrapping text to a width with any measure of width.

Spaced scripts (Latin, Cyrillic) break between words. Japanese is written without spaces, so a
line may break between any two of its characters, except that a closing mark (。、」…, small
kana, ー) never begins a line and an opening mark (「（…) never ends one (kinsoku); a short
bracketed note such as （平均） is kept whole. A no-break space joins two words.

``find_term`` says where a glossary term occurs in a line: whole words in spaced scripts,
anywhere in Japanese; ``term_variants`` are the words a term is recognised by. ``short_label``
and ``drop_parentheses`` shorten a name for a tight place.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: characters of scripts written without spaces (CJK punctuation, kana, kanji, full-width forms)
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
#: marks that never begin a line (they stay with the character before them) ...
NO_LINE_START = frozenset(
    "\u3001\u3002\uff0c\uff0e\u30fb\uff1a\uff1b\uff1f\uff01\uff09\u300d\u300f"
    "\u3011\u3015\u3009\u300b\u30fc\u3005\u3041\u3043\u3045\u3047\u3049\u3063"
    "\u3083\u3085\u3087\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7"
    "\u2026%\uff05"
)
#: ... and marks that never end one (they stay with the character after them)
NO_LINE_END = frozenset("\uff08\u300c\u300e\u3010\u3014\u3008\u300a")
#: a bracketed note this short (in characters) is never broken
SHORT_NOTE = 6
#: the shortest word (in characters of a spaced script) that marks a glossary term
MIN_TERM = 3

Measure = Callable[[str], int]


def is_cjk(ch: str) -> bool:
    """A character of a script written without spaces."""
    return CJK.match(ch) is not None


def has_cjk(text: str) -> bool:
    return CJK.search(text) is not None


def break_units(text: str) -> list[tuple[str, str]]:
    """``text`` as the units a line may break between, each with the white space before it
    (kept as written between words, '' at the start and inside Japanese): the words of spaced
    scripts, and each character of Japanese (a closing mark stays with the character before
    it, an opening one with the character after it)."""
    out: list[tuple[str, str]] = []
    # a no-break space is not white space here: it joins two words
    for m in re.finditer(r"([ \t\r\n]*)([^ \t\r\n]+)", text.strip()):
        sep, word = m.group(1), m.group(2)
        units: list[str] = []
        run = ""
        for ch in word:
            if is_cjk(ch):
                if run:
                    units.append(run)
                    run = ""
                units.append(ch)
            else:
                run += ch
        if run:
            units.append(run)
        merged: list[str] = []
        for u in units:
            if merged and (u[0] in NO_LINE_START or merged[-1][-1] in NO_LINE_END):
                merged[-1] += u
            else:
                merged.append(u)
        i = 0
        while i < len(merged):
            if merged[i].startswith("\uff08") and "\uff09" not in merged[i]:
                end = next(
                    (k for k in range(i + 1, min(len(merged), i + 6)) if "\uff09" in merged[k]),
                    None,
                )
                if end is not None and len("".join(merged[i : end + 1])) <= SHORT_NOTE:
                    merged[i : end + 1] = ["".join(merged[i : end + 1])]
            i += 1
        out += [(u, sep if k == 0 else "") for k, u in enumerate(merged)]
    return out


def fit_chars(unit: str, width: Measure, max_w: int) -> int:
    """How many leading characters of ``unit`` fit in ``max_w`` (at least one), stepping back
    so that what follows does not begin with a closing mark."""
    lo, hi = 1, len(unit)
    while lo < hi:  # widths grow with the number of characters
        mid = (lo + hi + 1) // 2
        if width(unit[:mid]) <= max_w:
            lo = mid
        else:
            hi = mid - 1
    cut = lo
    while 1 < cut < len(unit) and unit[cut] in NO_LINE_START:
        cut -= 1
    return cut


def wrap(text: str, width: Measure, max_w: int) -> list[str]:
    """``text`` in lines no wider than ``max_w`` as ``width`` measures them; ``\\n`` begins a
    new paragraph. A unit wider than a line (a long word) is broken between characters."""
    max_w = max(1, max_w)
    out: list[str] = []
    for para in text.split("\n"):
        units: list[tuple[str, str]] = []
        for u, sep in break_units(para):
            while len(u) > 1 and width(u) > max_w:
                cut = fit_chars(u, width, max_w)
                units.append((u[:cut], sep))
                u, sep = u[cut:], ""
            units.append((u, sep))
        cur = ""
        lines: list[str] = []
        for u, sep in units:
            trial = cur + sep + u if cur else u
            if not cur or width(trial) <= max_w:
                cur = trial
            else:
                lines.append(cur)
                cur = u
        lines.append(cur)
        out += lines
    return out


def _spaced(ch: str) -> bool:
    """A letter of a script that separates words with spaces (Latin, Cyrillic...)."""
    return ch.isalnum() and not is_cjk(ch)


def find_term(line: str, term: str) -> list[int]:
    """Where ``term`` occurs in ``line``: case-insensitive, whole words in spaced scripts (an
    English plural "s" is allowed), anywhere in Japanese.

    >>> find_term("Aid to the EAEU states", "eaeu"), find_term("The EAEUX bank", "EAEU")
    ([11], [])
    >>> find_term("ユーラシア経済連合に加盟", "経済連合")
    [5]
    """
    out: list[int] = []
    low, t = line.lower(), term.lower()
    if not t:
        return out
    i = low.find(t)
    while i >= 0:
        j = i + len(t)
        before = low[i - 1] if i > 0 else " "
        after = low[j] if j < len(low) else " "
        if after == "s" and t[-1].isascii() and (j + 1 >= len(low) or not low[j + 1].isalnum()):
            after = " "
        if not (_spaced(t[0]) and _spaced(before)) and not (_spaced(t[-1]) and _spaced(after)):
            out.append(i)
        i = low.find(t, i + 1)
    return out


def term_variants(name: str) -> list[str]:
    """The words a glossary term is recognised by: its name, the name without its bracket
    ("Eurasian Economic Union") and what the bracket holds ("EAEU"); none shorter than three
    letters (two characters in Japanese)."""
    out = [name]
    m = re.match(r"^(.*?)\s*[(\uff08](.+?)[)\uff09]\s*$", name)
    if m:
        out += [m[1], m[2]]
    return [v.strip() for v in out if len(v.strip()) >= (2 if has_cjk(v) else MIN_TERM)]


def short_label(label: str) -> str:
    """ "Finance (debt and investment)" -> "Finance": for labels in tight places (Japanese
    full-width brackets too)."""
    m = re.search(r" ?[(\uff08]", label)
    return label[: m.start()] if m and m.start() > 0 else label


def drop_parentheses(label: str) -> str:
    """ "Finance (debt and investment) dependence on Japan" -> "Finance dependence on Japan"."""
    return re.sub(r" ?[(\uff08][^)\uff09]*[)\uff09]", "", label)
