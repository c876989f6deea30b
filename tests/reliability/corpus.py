"""A corpus of hostile files, generated at test time (some are too big, or not files at all, to
commit): what a red team, a careless copy, a full disk or a curious student leaves in a save
folder or hands to the class report.

``hostile_saves(folder, good)`` writes one file per case next to nothing else and returns
``{name: (path, what the message must say)}``; ``good`` is the text of a real record, which the
"valid checksum, bad contents" cases edit and sign again exactly as ``docs/records.md`` says a
tool may (SHA-256 of the other fields as canonical JSON), so the checksum passes and only the
reader's checks stand between the file and the game.
"""

from __future__ import annotations

import copy
import errno
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any


def human_turn(s: Any) -> None:
    """One turn of a session with Japan played by a person: its first legal action, the first
    option of every event."""
    legal = [c for c in s.choices("JPN") if c.legal]
    if legal:
        s.plan(legal[0].id)
    for ev in s.end_turn():
        s.choose_option(ev.event_id, 0)
    s.finish_turn()


def disk_full(where: str) -> Callable[..., Any]:
    """A stand-in for ``os.write`` or ``os.fsync`` (``where``) on a full disk: ENOSPC, after
    ``os.write`` has let some bytes land (file systems with delayed allocation report a full
    disk only at fsync)."""
    real = getattr(os, where)

    def full(fd: int, *args: Any) -> Any:
        if where == "write":
            real(fd, args[0][:100])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return full


def signed(data: dict[str, Any]) -> str:
    """A version-2 record's text with a valid checksum (docs/records.md)."""
    body = {k: v for k, v in data.items() if k != "sha256"}
    canon = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    body["sha256"] = hashlib.sha256(canon.encode("utf-8")).hexdigest()
    return json.dumps(body, ensure_ascii=False)


def _edit(good: str, change: Callable[[dict[str, Any]], None]) -> str:
    data = copy.deepcopy(json.loads(good))
    change(data)
    return signed(data)


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d.__setitem__(key, value)


def _turn0(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: d["turns"][0].__setitem__(key, value)


def _autonomy(value: Any) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        d["turns"][0]["values"]["autonomy"][0] = value

    return change


def many_turns(good: str, n: int) -> str:
    """A signed record of ``n`` turns, each as small as a turn can be, made as text: building
    it as Python objects takes far longer."""
    data = json.loads(good)
    states = len(data["start_values"]["autonomy"])
    data["start_values"] = {"autonomy": [50.0] * states}
    values = json.dumps({"autonomy": [50.0] * states}, separators=(",", ":"))
    turns = ",".join(
        f'{{"actions":{{}},"events":[],"options":{{}},"turn":{i},"values":{values},"year":"2013"}}'
        for i in range(n)
    )
    data["turns"] = []
    body = {k: v for k, v in data.items() if k != "sha256"}
    canon = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    canon = canon.replace('"turns":[]', f'"turns":[{turns}]', 1)
    digest = hashlib.sha256(canon.encode("utf-8")).hexdigest()
    return canon[:-1] + f',"sha256":"{digest}"}}'


#: file name -> (how to make its text from a good record's text, a phrase the message has)
SIGNED_CASES: dict[str, tuple[Callable[[str], str], str]] = {
    "string-seed": (lambda g: _edit(g, _set("seed", "7")), "wrong type"),
    "negative-seed": (lambda g: _edit(g, _set("seed", -1)), "seed"),
    "huge-seed": (lambda g: _edit(g, _set("seed", 10**19)), "seed"),
    "bool-seed": (lambda g: _edit(g, _set("seed", True)), "seed"),
    "humans-as-text": (lambda g: _edit(g, _set("humans", "JPN")), "wrong type"),
    "unknown-role": (lambda g: _edit(g, _set("humans", ["../../etc"])), "roles"),
    "bad-policy-name": (lambda g: _edit(g, _set("policies", {"RUS": "rm -rf /"})), "roles"),
    "scenario-path": (lambda g: _edit(g, _set("scenario_id", "/etc/passwd")), "scenario id"),
    "actions-as-list": (lambda g: _edit(g, _turn0("actions", ["yen_loan@KAZ"])), "choices"),
    "turn-as-text": (lambda g: _edit(g, _turn0("turn", "0")), "numbered"),
    "turns-out-of-order": (lambda g: _edit(g, _turn0("turn", 5)), "numbered"),
    "year-as-number": (lambda g: _edit(g, _turn0("year", 2013)), "year"),
    "nan-autonomy": (lambda g: _edit(g, _autonomy(float("nan"))), "not finite"),
    "infinite-autonomy": (lambda g: _edit(g, _autonomy(float("inf"))), "not finite"),
    "negative-autonomy": (lambda g: _edit(g, _autonomy(-1e9)), "numbers in range"),
    "autonomy-as-text": (lambda g: _edit(g, _autonomy("high")), "autonomy"),
    "long-label": (lambda g: _edit(g, _set("label", "x" * 100_000)), "label"),
    "label-not-text": (lambda g: _edit(g, _set("label", {"a": 1})), "label"),
    "grades-as-list": (lambda g: _edit(g, _set("grades", [1, 2])), "wrong type"),
    "nan-grade": (
        lambda g: _edit(
            g, _set("grades", {"objectives": [{"role": "JPN", "value": float("nan")}]})
        ),
        "not finite",
    ),
    "50000-turns": (lambda g: many_turns(g, 50_000), "no scenario has more"),
    "400000-turns": (lambda g: many_turns(g, 400_000), "too large"),
    "names-not-ids": (lambda g: _edit(g, _set("names", {"states": [1, 2]})), "names"),
    "bad-hash": (lambda g: _edit(g, _set("scenario_hash", "../x")), "hash"),
}


def _deep_array() -> bytes:
    return b"[" * 200_000


def _deep_object() -> bytes:
    return b'{"a":' * 100_000 + b"1" + b"}" * 100_000


def _huge_version() -> bytes:
    return b'{"format": "crossroads-record", "version": 1' + b"0" * 5000 + b"}"


#: file name -> (its bytes, a phrase the message has)
RAW_CASES: dict[str, tuple[Callable[[], bytes], str]] = {
    "deep-array": (_deep_array, "nests"),
    "deep-object": (_deep_object, "nests"),
    "5000-digit-version": (_huge_version, "digits"),
    "empty": (lambda: b"", "not a Crossroads game record"),
    "binary": (lambda: bytes(range(256)) * 40, "not a Crossroads game record"),
    "utf16": (lambda: '{"format": "crossroads-record"}'.encode("utf-16"), "not a Crossroads"),
    "not-json": (lambda: b"hello, teacher", "not a Crossroads game record"),
    "a-list": (lambda: b"[1, 2, 3]", "not a Crossroads game record"),
    "nan-literal": (lambda: b'{"format": "crossroads-record", "version": NaN}', "not finite"),
}


def hostile_saves(folder: Path, good: str) -> dict[str, tuple[Path, str]]:
    """Write every hostile case into ``folder`` as ``autosave-<case>.json`` (the name the
    window's menu reads first); returns {case: (path, phrase its message has)}."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, tuple[Path, str]] = {}
    for name, (make, phrase) in RAW_CASES.items():
        p = folder / f"autosave-{name.replace('-', '_')}.json"
        p.write_bytes(make())
        out[name] = (p, phrase)
    for name, (edit, phrase) in SIGNED_CASES.items():
        p = folder / f"autosave-{name.replace('-', '_')}.json"
        p.write_text(edit(good), encoding="utf-8")
        out[name] = (p, phrase)
    cut = folder / "autosave-cut_short.json"
    cut.write_text(good[: len(good) // 2], encoding="utf-8")
    out["cut-short"] = (cut, "cut short")
    folder_case = folder / "slot1.json"
    folder_case.mkdir()
    out["a-folder"] = (folder_case, "not an ordinary file")
    big = folder / "autosave-too_big.json"
    with big.open("wb") as fh:
        fh.truncate(70 * 1024 * 1024)  # sparse: 70 MB in no time
    out["too-big"] = (big, "too large")
    if hasattr(os, "mkfifo"):
        fifo = folder / "autosave-fifo.json"
        os.mkfifo(fifo)
        out["fifo"] = (fifo, "not an ordinary file")
    if os.path.exists("/dev/zero"):
        zero = folder / "autosave-zero.json"
        zero.symlink_to("/dev/zero")
        out["dev-zero"] = (zero, "not an ordinary file")
    loop = folder / "autosave-loop.json"
    loop.symlink_to(loop)
    out["link-loop"] = (loop, "cannot read")
    return out


#: settings files a window may find: name -> bytes
HOSTILE_SETTINGS: dict[str, Callable[[], bytes]] = {
    "deep": lambda: b"[" * 100_000,
    "huge-number": lambda: b'{"text_scale": ' + b"9" * 5000 + b"}",
    "wrong-types": lambda: b'{"fullscreen": "yes", "text_scale": true, "language": 7}',
    "nan": lambda: b'{"text_scale": NaN}',
    "a-list": lambda: b"[]",
    "binary": lambda: bytes(range(256)),
    "cut-short": lambda: b'{"fullscreen": tr',
    "long-text": lambda: b'{"language": "' + b"x" * 100_000 + b'"}',
}
