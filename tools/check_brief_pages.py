"""Print team briefs with headless Chromium on A4 and on Letter, and count the pages.

A local check, not a test (CI has no browser, and an estimate of the printed height is not
reliable): it writes the briefs of every playable role of the scenarios asked for (the two
class scenarios by default) in each language, gives each a copy with ``@page{size:A4}`` or
``@page{size:letter}`` appended to its stylesheet, prints the copy with Chromium to PDF and
counts the pages with ``pdftotext``. The table gives the number of pages and, in brackets, how
far the text goes (1.83: a second page filled to 83 %). ``--png DIR`` also writes each page as
a small PNG to look at.

English and Russian pages name the faces a computer may have ('Noto Sans', 'Segoe UI', Arial...),
so their length depends on the computer. Each is printed twice: with this machine's fonts (on
Debian, Liberation Sans, which has Arial's widths) and with Noto Sans put inside the copy (the
widest of the faces the page names; the game's own font has Noto Sans's Latin and Cyrillic).
Japanese pages carry the game's font, so they print the same everywhere.

Exit status 1 when a brief of a class scenario (``meta.kind: class``) is longer than two pages
(one sheet printed on both sides); the briefs of other scenarios are measured, not judged.

    apt-get install -y chromium poppler-utils
    .venv/bin/python tools/check_brief_pages.py [--scenario ID ...] [--role R ...]
        [--lang en ja ru] [--png DIR]

docs/teachers-guide.md reports the figures; tests/brief/test_brief_print.py (marked slow) runs
it.
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.brief.page import brief_html  # noqa: E402
from game.scenario.loader import load_scenario  # noqa: E402

SIZES = {"A4": "A4", "Letter": "letter"}
CLASS = ("class_abe_belt_road", "class_war_corridor")
#: one sheet printed on both sides
MAX_PAGES = 2
#: text this close to the foot of a page, in points, is the page number in the bottom margin
#: (the brief's margin is 10 mm, 28 pt)
BOTTOM_MARGIN = 26
CHROMIUM = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--no-pdf-header-footer",
)


def browser() -> str | None:
    return next(
        (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
    )


def sized(html: str, size: str, noto: bool = False) -> str:
    """The page with its paper size fixed (the brief itself leaves it to the printer), and with
    Noto Sans inside it when ``noto``."""
    extra = f"@page{{size:{size}}}"
    if noto:
        fonts = ROOT / "assets" / "fonts"
        for weight, face in (("normal", "Regular"), ("bold", "Bold")):
            url = (fonts / f"CrossroadsSans-{face}.ttf").as_uri()
            extra += f"@font-face{{font-family:'Noto Sans';font-weight:{weight};src:url({url})}}"
    return html.replace("</style>", extra + "</style>", 1)


def pages(pdf: Path) -> float:
    """How many pages the PDF fills: its full pages, and how far down the last one the text
    goes (the page number in the bottom margin left out), e.g. 1.83."""
    words = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("<page ")[1:]
    if not words:
        return 0.0
    height = float(re.search(r'height="([\d.]+)"', words[-1])[1])  # type: ignore[index]
    bottom = [float(y) for y in re.findall(r'<word [^>]*yMax="([\d.]+)"', words[-1])]
    bottom = [y for y in bottom if y < height - BOTTOM_MARGIN]
    return len(words) - 1 + (max(bottom) / height if bottom else 0.0)


def printed(exe: str, html: str, stem: Path) -> Path:
    """``html`` printed by the browser: the PDF file."""
    page, pdf = stem.with_suffix(".html"), stem.with_suffix(".pdf")
    page.write_text(html, encoding="utf-8")
    cmd = [exe, *CHROMIUM, f"--print-to-pdf={pdf}", page.as_uri()]
    subprocess.run(cmd, capture_output=True, check=True, timeout=300)
    return pdf


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", nargs="+", default=list(CLASS))
    ap.add_argument("--lang", nargs="+", default=["en", "ja", "ru"])
    ap.add_argument("--role", nargs="+", help="only these roles (default: every playable one)")
    ap.add_argument("--png", type=Path, help="write each page as a PNG into this folder")
    args = ap.parse_args()
    exe = browser()
    if exe is None or shutil.which("pdftotext") is None:
        print("needs chromium and pdftotext: apt-get install -y chromium poppler-utils")
        return 2
    too_long = []
    columns = [(s, False) for s in SIZES] + [(s, True) for s in SIZES]
    print(
        f"{'scenario':<24}{'role':<6}{'lang':<6}"
        + "".join(f"{s + (' Noto' if noto else ''):>12}" for s, noto in columns)
    )
    with tempfile.TemporaryDirectory() as tmp:
        for sid in args.scenario:
            res = load_scenario(sid)
            sc = res.scenario
            if sc is None or res.errors:
                print(f"cannot open {sid}: python main.py validate {sid} says why")
                return 2
            for role in args.role or sc.playable_roles:
                for lang in args.lang:
                    html = brief_html(sc, role, lang)
                    counts: list[float] = []
                    for size, noto in columns:
                        if noto and lang == "ja":  # the page carries its font
                            counts.append(counts[len(counts) - len(SIZES)])
                            continue
                        stem = f"{sc.meta.id}-{role}-{lang}-{size}" + ("-noto" if noto else "")
                        pdf = printed(exe, sized(html, SIZES[size], noto), Path(tmp) / stem)
                        counts.append(pages(pdf))
                        if math.ceil(counts[-1]) > MAX_PAGES and sc.meta.kind == "class":
                            too_long.append(stem)
                        if args.png:
                            args.png.mkdir(parents=True, exist_ok=True)
                            subprocess.run(
                                ["pdftoppm", "-png", "-r", "60", str(pdf), str(args.png / stem)],
                                check=True,
                            )
                    print(
                        f"{sid:<24}{role:<6}{lang:<6}"
                        + "".join(f"{math.ceil(n):>6} ({n:.2f})" for n in counts)
                    )
    if too_long:
        print("longer than one sheet printed on both sides:", ", ".join(too_long))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
