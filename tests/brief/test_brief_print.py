"""Every brief of a class scenario, printed by a browser, fits one sheet printed on both sides,
on A4 and on Letter, in English, Japanese and Russian, with the computer's fonts and with Noto
Sans (the widest the page names).

Marked slow and skipped without Chromium and poppler (CI has neither): it runs
``tools/check_brief_pages.py``, which prints each brief with headless Chromium and counts the
pages of the PDF. Run it with ``pytest -m slow tests/brief/test_brief_print.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BROWSER = next(
    (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
)


@pytest.mark.slow
@pytest.mark.skipif(
    BROWSER is None or shutil.which("pdftotext") is None,
    reason="needs chromium and poppler-utils (apt-get install -y chromium poppler-utils)",
)
def test_every_class_brief_prints_on_two_pages():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "check_brief_pages.py")],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
