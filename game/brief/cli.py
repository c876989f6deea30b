"""``brief SCENARIO --role R [--lang en|ja|ru] [--out F]``: write a printable brief for one
team, or with ``--role all`` one for each playable role.

Without ``--out`` the brief is ``brief-SCENARIO-ROLE-LANG.html`` in the current folder; ``--out``
names the file (or a folder to put it in), and with ``--role all`` the folder for all of them.
Exit status: 0 written, 1 a file could not be written, 2 a usage problem (a scenario that
cannot be opened, a role that is not playable, a PDF asked for); each with one plain message.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..kit.i18n import using
from ..scenario.diagnostics import render_text
from ..scenario.loader import load_scenario
from .page import brief_html
from .words import tr

LANGS = ("en", "ja", "ru")


def _say(msg: str) -> None:
    print(f"crossroads: {msg}", file=sys.stderr)


def file_name(sid: str, role: str, lang: str) -> str:
    return f"brief-{sid}-{role}-{lang}.html"


def cmd_brief(args: argparse.Namespace) -> int:
    """The ``brief`` command; returns the exit status."""
    lang = args.lang if args.lang in LANGS else "en"
    with using(lang):
        return _brief(args.scenario, args.role, lang, args.out)


def _brief(ref: str, role_arg: str, lang: str, out: str | None) -> int:
    res = load_scenario(ref)
    if res.scenario is None or res.errors:
        print(render_text(res.diagnostics), file=sys.stderr)
        _say(tr("cli.cannot_open", ref=ref))
        return 2
    sc = res.scenario
    sid, playable = sc.meta.id, sc.playable_roles
    if not playable:
        _say(tr("cli.no_roles", sid=sid))
        return 2
    everyone = role_arg.strip().lower() == "all"
    roles = playable if everyone else [role_arg.strip().upper()]
    if roles[0] not in playable:
        _say(tr("cli.bad_role", role=role_arg, sid=sid, roles=", ".join(playable)))
        return 2
    if out and out.lower().endswith(".pdf"):
        _say(tr("cli.pdf", file=out))
        return 2
    if everyone:
        folder = Path(out) if out else Path(".")
        if folder.suffix.lower() in (".html", ".htm") or folder.is_file():
            _say(tr("cli.out_folder", out=out))
            return 2
        targets = [(r, folder / file_name(sid, r, lang)) for r in roles]
    else:
        path = Path(out) if out else Path(file_name(sid, roles[0], lang))
        if path.is_dir():
            path = path / file_name(sid, roles[0], lang)
        targets = [(roles[0], path)]
    written = []
    for role, path in targets:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(brief_html(sc, role, lang), encoding="utf-8")
        except OSError as e:
            _say(tr("cli.cannot_write", file=path, error=e.strerror or e))
            return 1
        written.append(str(path))
    print(tr("cli.written", n=len(written), files=", ".join(written)))
    return 0
