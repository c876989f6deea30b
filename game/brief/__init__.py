"""Printable team briefs (``python main.py brief SCENARIO --role R [--lang en|ja|ru] [--out F]``):
one sheet of paper per team, printed on both sides, that a teacher hands out before a lesson.

A brief says, for one playable role, in English, Japanese or Russian: the situation (the
scenario's summary, the role, the years, turns, actions per turn and budget), the objectives
and their grade bands in plain words, the other actors, the role's tools (a table: one row an
action, grouped by family, with its cost, target, timing, main effects and condition), the key
terms (the glossary's entries the brief uses) and the sources to read (those most of the role's
actions and decisions cite, with where to look). Everything is read from the scenario, so a
changed band or action shows in the next brief.

* ``words``: the brief's phrases (``locale/<lang>.json``), the scenario's texts in the brief's
  language, and the short forms of effects and conditions;
* ``reading``: which key terms and sources the brief gives;
* ``parts``: the brief's content, before it is laid out;
* ``page``: the kit's document and the HTML page with its print style;
* ``cli``: the command.

The page is HTML (A4 and Letter, page numbers, Japanese in the game's own font). Briefs of class
scenarios fit two pages (``tools/check_brief_pages.py`` prints them with Chromium and counts).
There is no PDF writer: the one library that writes PDF without a browser and is well kept
(fpdf2) needs Pillow and fontTools and renders only a subset of HTML and CSS, so it would be a
second layout to keep; every browser prints the page or saves it as PDF.
"""

from .cli import cmd_brief

__all__ = ["cmd_brief"]
