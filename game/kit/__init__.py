"""Helpers that import nothing from the game: the lowest layer, shared by the window, the class
report and the balance lab (the import contract in ``pyproject.toml`` keeps it so).

* ``i18n``: the one translation layer (phrase catalogues, the language in use, CLDR plural
  forms, locale number and date formats through Babel);
* ``lines``: where a line of text may break (words; any two Japanese characters, never before
  a closing mark), wrapping with any measure of width, and finding a term in a line;
* ``document``: one document (headings, paragraphs, lists, tables, images) written as Markdown
  or as one self-contained HTML file;
* ``raster``: the chart kit drawn with pygame on a Surface (line charts, bars, stacked bars,
  histograms, markers, text that fits), in the game's own font (``typeface``).
"""

import os

# the kit draws with pygame, which greets the terminal on import unless told not to
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
