"""One document, written as Markdown or as one self-contained HTML page.

A ``Doc`` is a title and a list of blocks (headings, paragraphs, lists, tables, images) built
in order; ``markdown()`` writes it for GitHub and text editors, ``html()`` as one file with its
pictures inside (for a projector or a printer), with an extra stylesheet when the page needs
one (a printed team brief: its ``@page`` rules and fonts). ``section`` groups the blocks that
follow it under a CSS class in the HTML (Markdown ignores it). Text may use Markdown's
``**bold**``, ``_emphasis_`` and `` `code` ``; the HTML page turns them into tags. The class
report, the balance lab's report, the window's debrief export and the team briefs all write
through it.
"""

from __future__ import annotations

import base64
import html as _html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

ALIGN = {"l": "---", "r": "---:", "c": ":---:"}


@dataclass
class Doc:
    title: str
    lang: str = "en"
    blocks: list[tuple[str, Any]] = field(default_factory=list)

    def h(self, text: str, level: int = 2) -> None:
        """A heading (level 2 is a section; the title is level 1)."""
        self.blocks.append(("h", (level, text)))

    def p(self, text: str) -> None:
        self.blocks.append(("p", text))

    def ul(self, items: Sequence[str]) -> None:
        """A bulleted list (nothing when empty); an item's later lines are indented under it."""
        if items:
            self.blocks.append(("ul", list(items)))

    def ol(self, items: Sequence[str]) -> None:
        if items:
            self.blocks.append(("ol", list(items)))

    def table(self, head: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> None:
        """A table (nothing when it has no rows); ``align`` has one letter a column, ``l``,
        ``r`` or ``c`` (left when not given)."""
        if rows:
            self.blocks.append(("table", (list(head), [list(r) for r in rows], align)))

    def section(self, name: str) -> None:
        """Start a part of the page: the blocks after it, up to the next ``section``, are one
        ``<section class="name">`` in the HTML (for the stylesheet: columns, page breaks)."""
        self.blocks.append(("section", name))

    def images(self, items: Sequence[tuple[str, str]]) -> None:
        """Pictures, (file, description) each, one after the other."""
        if items:
            self.blocks.append(("img", list(items)))

    # ---- writing -------------------------------------------------------------------------------
    def markdown(self) -> str:
        out = [f"# {self.title}", ""]
        for kind, b in self.blocks:
            if kind == "h":
                out += [f"{'#' * b[0]} {b[1]}", ""]
            elif kind == "p":
                out += [b, ""]
            elif kind == "ul":
                out += [f"- {_indent(x)}" for x in b] + [""]
            elif kind == "ol":
                out += [f"{i}. {_indent(x)}" for i, x in enumerate(b, 1)] + [""]
            elif kind == "table":
                head, rows, align = b
                out.append("| " + " | ".join(_cell(h) for h in head) + " |")
                marks = (ALIGN.get(align[i : i + 1], "---") for i in range(len(head)))
                out.append("|" + "|".join(marks) + "|")
                out += ["| " + " | ".join(_cell(c) for c in r) + " |" for r in rows]
                out.append("")
            elif kind == "img":
                out += [f"![{alt}]({src})" for src, alt in b] + [""]
        return "\n".join(out)

    def html(self, images: Mapping[str, bytes] | None = None, css: str = "") -> str:
        """One HTML page; the pictures whose bytes ``images`` holds are inside it (the others
        are left out, so the page never points to a file beside it). ``css`` comes after the
        page's own style, so its rules win."""
        e = _html.escape
        out = [
            "<!DOCTYPE html>",
            f'<html lang="{e(self.lang)}"><head><meta charset="utf-8">',
            f"<title>{e(self.title)}</title>",
            "<style>",
            "body{font-family:'Noto Sans','Segoe UI',Arial,sans-serif;max-width:1100px;"
            "margin:2em auto;padding:0 1em;color:#1d1d1f;line-height:1.45}",
            "table{border-collapse:collapse;margin:.5em 0 1.2em}",
            "th,td{border:1px solid #bbb;padding:.3em .6em;text-align:left;"
            "vertical-align:top}th{background:#eef2f7}",
            "img{max-width:100%;border:1px solid #ccc}",
            "@media print{img{max-width:100%}h2{page-break-after:avoid}}",
            *([css] if css else []),
            "</style></head><body>",
            f"<h1>{e(self.title)}</h1>",
        ]
        in_section = False
        for kind, b in self.blocks:
            if kind == "section":
                out.append(("</section>" if in_section else "") + f'<section class="{e(b)}">')
                in_section = True
            elif kind == "h":
                out.append(f"<h{b[0]}>{e(b[1])}</h{b[0]}>")
            elif kind == "p":
                out.append(f"<p>{inline_html(b)}</p>")
            elif kind in ("ul", "ol"):
                out.append(
                    f"<{kind}>" + "".join(f"<li>{inline_html(x)}</li>" for x in b) + f"</{kind}>"
                )
            elif kind == "table":
                head, rows, _ = b
                # a header of its own, so a table that goes on over a page repeats it there
                out.append(
                    "<table><thead><tr>"
                    + "".join(f"<th>{inline_html(h)}</th>" for h in head)
                    + "</tr></thead><tbody>"
                )
                out += [
                    "<tr>" + "".join(f"<td>{inline_html(c)}</td>" for c in r) + "</tr>"
                    for r in rows
                ]
                out.append("</tbody></table>")
            elif kind == "img":
                for src, alt in b:
                    data = (images or {}).get(src)
                    if data is not None:
                        uri = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
                        out.append(f'<p><img src="{uri}" alt="{e(alt)}"></p>')
        if in_section:
            out.append("</section>")
        out.append("</body></html>")
        return "\n".join(out)


def _cell(s: Any) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def _indent(s: str) -> str:
    return str(s).replace("\n", "\n  ")


def inline_html(s: str) -> str:
    """Escape, then turn Markdown **bold**, _emphasis_ and `code` into HTML."""
    t = _html.escape(str(s))
    t = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", t)
    t = re.sub(r"(?<![\w/])_(\S.*?)_(?!\w)", r"<em>\1</em>", t)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", t)
