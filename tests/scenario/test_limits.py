"""Hostile files generated at test time (too big to commit): size, depth, length, encoding."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.scenario.cli_commands import cmd_validate
from game.scenario.validate import validate_paths
from game.scenario.yamlsafe import MAX_BYTES, MAX_STRING

from .helpers import template_text


def _huge() -> bytes:
    line = b"  - {id: x, title: Some text, text: More text here, historicity: plausible}\n"
    return b"schema_version: 1\nevents:\n" + line * (MAX_BYTES // len(line) + 10)


CASES = {
    "huge": (_huge, "E006", 1),
    "ten_mb_line": (lambda: b"schema_version: 1\ntitle: " + b"x" * 10_000_000 + b"\n", "E006", 1),
    "deep_flow": (lambda: b"schema_version: 1\nx: " + b"[" * 5000 + b"]" * 5000 + b"\n", "E004", 2),
    "deep_block": (
        lambda: b"schema_version: 1\n" + b"".join(b"  " * i + b"a:\n" for i in range(200)),
        "E004",
        66,
    ),
    "unclosed_brackets_bomb": (lambda: b"x: " + b"[" * 1_500_000, "E004", 1),
    "utf16_bom": (lambda: template_text().encode("utf-16"), "E008", 1),
    "utf16_no_bom": (lambda: template_text().encode("utf-16-le"), "E008", 1),
    "binary": (lambda: bytes(range(256)) * 20, "E008", 1),
    "latin1": (lambda: "schema_version: 1\n# caf\u00e9\nx: 1\n".encode("latin-1"), "E008", 2),
    "long_text": (lambda: b"schema_version: 1\nx: " + b"y" * (MAX_STRING + 1) + b"\n", "E007", 2),
    "too_many_entries": (lambda: b"schema_version: 1\nx: [" + b"1," * 300_000 + b"1]\n", "E006", 2),
    "empty_bytes": (lambda: b"", "E009", 1),
    "only_spaces": (lambda: b"   \n\n  \n", "E009", 1),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file(name, tmp_path, capsys, yaml_parser):
    make, code, line = CASES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(make())
    diags, scenarios = validate_paths([path])
    assert not scenarios
    assert [(d.code, d.line) for d in diags if d.is_error] == [(code, line)]
    assert cmd_validate([str(path)], "text") == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert len(out.out) < 5000  # a 10 MB line is never echoed back


def test_utf8_bom_is_fine(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + template_text().encode("utf-8"))
    diags, scenarios = validate_paths([path])
    assert diags == [] and len(scenarios) == 1


def test_error_message_for_encodings_says_what_to_do(tmp_path):
    path = tmp_path / "u16.yaml"
    path.write_bytes("schema_version: 1\n".encode("utf-16"))
    (d,) = validate_paths([path])[0]
    assert "UTF-16" in d.message and "UTF-8" in d.hint


def test_non_yaml_path_types_do_not_crash(tmp_path):
    (tmp_path / "dir.yaml").mkdir()
    diags, _ = validate_paths([tmp_path / "dir.yaml"])
    assert diags and all(d.code != "E999" for d in diags)


def test_size_checked_before_reading(tmp_path, monkeypatch):
    """A file over the cap is refused from its size alone: its contents are never read."""
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB, instantly
    opened: list[Path] = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    diags, _ = validate_paths([path])
    assert [d.code for d in diags] == ["E006"]
    assert path not in opened, "the oversized file was opened and read"


def test_cli_never_shows_a_traceback_for_a_missing_path(capsys):
    assert cmd_validate([str(Path("no/such/file.yaml"))], "text") == 2
    out = capsys.readouterr()
    assert "does not exist" in out.err and "Traceback" not in out.err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
def test_pipes_and_devices_are_refused_unread(tmp_path, capsys):
    """An unzipped pack of student scenarios may hold a named pipe or a link to /dev/zero: both
    report size 0; reading one would block for ever, the other would fill the memory."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero):
        diags, scenarios = validate_paths([path])
        assert not scenarios
        assert [d.code for d in diags] == ["E011"], diags
        assert "not an ordinary file" in diags[0].message
    # inside a folder with a real scenario: the scenario is still found and checked
    (tmp_path / "good.yaml").write_text(template_text(), encoding="utf-8")
    diags, scenarios = validate_paths([tmp_path])
    assert len(scenarios) == 1
    assert not [d for d in diags if d.is_error]
    assert cmd_validate([str(tmp_path)], "text") == 0
    assert "Traceback" not in capsys.readouterr().err
