"""Open a headless game's tables in LibreOffice Calc as a Russian user would, and say what arrived.

A local check, not a test (CI has no LibreOffice): it plays one game with ``--export`` and
``--xlsx``, then runs ``soffice --headless`` with a fresh profile under a locale
(``ru_RU.UTF-8`` by default; it must be generated, e.g. ``locale-gen ru_RU.UTF-8``):

1. the workbook, with a sheet of formulas added (``SUM``, ``COUNT``, ``COUNTA``, ``COUNTIF`` of
   the ``value`` column), converted to CSV: LibreOffice computes them, so the sum is the
   values' sum only if every value arrived as a number;
2. ``values.csv`` imported with the Text Import's language left at the locale's default, set to
   Russian, German and English (USA), counting the values that arrived as numbers.

    apt-get install -y libreoffice-calc-nogui    # or libreoffice-calc
    .venv/bin/python tools/check_exports_libreoffice.py [--scenario ID] [--seed N]

Needs XlsxWriter and openpyxl (the ``dev`` extra). docs/records.md reports the figures.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: LibreOffice's language ids for the Text Import's "Language" (empty: the locale's default)
IMPORT_LANGUAGES = {"default": "", "Russian": "1049", "German": "1031", "English (USA)": "1033"}
CSV_FILTER = "Text - txt - csv (StarCalc)"


def soffice(profile: Path, locale: str, *args: str) -> None:
    env = {**os.environ, "LANG": locale, "LC_ALL": locale}
    cmd = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", *args]
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=300)


def value_cells(path: Path) -> list[object]:
    import openpyxl

    ws = openpyxl.load_workbook(path).active
    col = [c.value for c in ws[1]].index("value") + 1
    return [ws.cell(r, col).value for r in range(2, ws.max_row + 1)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenario", default="class_abe_belt_road")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--locale", default="ru_RU.UTF-8")
    args = ap.parse_args()
    if shutil.which("soffice") is None:
        print("soffice not found: apt-get install -y libreoffice-calc-nogui", file=sys.stderr)
        return 2
    import openpyxl

    with tempfile.TemporaryDirectory(prefix="crossroads-lo-") as tmp_name:
        tmp = Path(tmp_name)
        profile = tmp / "profile"
        play = [sys.executable, str(ROOT / "main.py"), "play", args.scenario, "--quiet"]
        play += ["--seed", str(args.seed), "--export", str(tmp / "tables")]
        play += ["--xlsx", str(tmp / "game.xlsx")]
        subprocess.run(play, check=True, capture_output=True)
        with open(tmp / "tables" / "values.csv", encoding="utf-8", newline="") as f:
            expected = [float(r["value"]) for r in csv.DictReader(f)]
        print(
            f"{args.scenario} seed {args.seed}: {len(expected)} values, sum "
            f"{sum(expected):.6f}, {sum(v == 0 for v in expected)} zeros; locale {args.locale}"
        )

        wb = openpyxl.load_workbook(tmp / "game.xlsx")
        check = wb.create_sheet("check")
        column = "values!L2:L1048576"
        check.append(["sum", "count", "counta", "zeros"])
        check.append(
            [f"=SUM({column})", f"=COUNT({column})", f"=COUNTA({column})", f"=COUNTIF({column},0)"]
        )
        wb.save(tmp / "probe.xlsx")
        sheet = len(wb.sheetnames)
        soffice(
            profile,
            args.locale,
            "--convert-to",
            f"csv:{CSV_FILTER}:59,34,76,1,,0,false,true,true,false,false,{sheet}",
            "--outdir",
            str(tmp / "probe"),
            str(tmp / "probe.xlsx"),
        )
        (computed,) = (tmp / "probe").glob("*.csv")
        print(
            f"xlsx in LibreOffice ({args.locale}): {computed.read_text(encoding='utf-8')}", end=""
        )

        for name, lang in IMPORT_LANGUAGES.items():
            out = tmp / f"import-{name}"
            soffice(
                profile,
                args.locale,
                f"--infilter={CSV_FILTER}:44,34,76,1,,{lang},false,false",
                "--convert-to",
                "xlsx",
                "--outdir",
                str(out),
                str(tmp / "tables" / "values.csv"),
            )
            cells = value_cells(out / "values.xlsx")
            numbers = [v for v in cells if isinstance(v, int | float)]
            text = [v for v in cells if isinstance(v, str)]
            print(
                f"values.csv, Text Import language {name}: {len(numbers)} numbers "
                f"(sum {sum(numbers):.6f}), {len(text)} text {text[:2]}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
