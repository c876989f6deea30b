"""Printable team briefs (``python main.py brief SCENARIO --role R [--lang en|ja|ru] [--out F]``):
one page per team that a teacher prints before a lesson.

A brief says, for one playable role, in English, Japanese or Russian: the situation (the
scenario's summary, the role, the years, turns, actions per turn and budget), the objectives
and their grade bands in plain words, the role's tools (each action with its cost, target,
timing, cooldown, condition and effects), the other actors, the key terms (the scenario's
glossary) and the sources to read (the bibliography entries the role's actions and events
cite, with where to look). Everything is read from the scenario, so a changed band or action
shows in the next brief.

* ``words``: the brief's phrases (``locale/<lang>.json``), the scenario's texts in the brief's
  language, and the sentences for effects and conditions;
* ``page``: the brief's content, the kit's document, and the HTML page with its print style;
* ``cli``: the command.

The page is HTML (A4 and Letter, page numbers, Japanese in the game's own font). There is no
PDF writer: the one library that writes PDF without a browser and is well kept (fpdf2) needs
Pillow and fontTools and renders only a subset of HTML and CSS, so it would be a second layout
to keep; every browser prints the page or saves it as PDF.
"""

from .cli import cmd_brief

__all__ = ["cmd_brief"]
