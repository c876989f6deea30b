"""Check that the shipped font can draw every character the game uses.

    .venv/bin/python tools/check_glyphs.py                 # the shipped fonts vs the game's texts
    .venv/bin/python tools/check_glyphs.py --font F.ttf    # another font
    .venv/bin/python tools/check_glyphs.py --text "Қазақстан 日本"   # a string of your own
    .venv/bin/python tools/check_glyphs.py --file my_scenario.yaml  # a file of your own

Prints each missing character with its code point, its Unicode name and the files that use it,
and exits 1 when something is missing. If a translation or scenario needs a new character,
re-run ``tools/build_fonts.py`` (it adds every character the texts use).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glyphs import (  # noqa: E402 - tools/glyphs.py, beside this script
    SHIPPED_FONTS,
    FontReadError,
    describe_char,
    ignorable,
    missing_glyphs,
    project_texts,
    where_used,
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Check that a font covers the game's texts.")
    ap.add_argument(
        "--font",
        action="append",
        default=[],
        help="font file(s) to check (default: the shipped regular and bold fonts)",
    )
    ap.add_argument("--text", help="check this text instead of the game's texts")
    ap.add_argument("--file", action="append", default=[], help="check this text file")
    args = ap.parse_args(argv)

    if args.text is not None or args.file:
        texts = {"--text": args.text} if args.text is not None else {}
        for f in args.file:
            try:
                texts[f] = Path(f).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                print(f"check_glyphs: cannot read {f}: {e}", file=sys.stderr)
                return 2
    else:
        texts = project_texts()
    fonts = [Path(f) for f in args.font] or list(SHIPPED_FONTS.values())
    all_text = "".join(texts.values())
    status = 0
    for font in fonts:
        try:
            missing = missing_glyphs(font, all_text)
        except FontReadError as e:
            print(f"check_glyphs: {e}", file=sys.stderr)
            return 2
        n = len({ch for ch in all_text if not ignorable(ch)})
        if not missing:
            print(f"{font.name}: all {n} distinct characters of {len(texts)} text(s) covered")
            continue
        status = 1
        used = where_used(texts, missing)
        print(f"{font.name}: {len(missing)} character(s) missing:")
        for ch in sorted(missing):
            print(f"  {describe_char(ch)}  in {', '.join(used[ch][:4])}")
    if status:
        print("Re-run tools/build_fonts.py to add them (or change the text).")
    return status


if __name__ == "__main__":
    sys.exit(main())
