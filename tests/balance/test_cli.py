"""``python main.py balance``: the report's files, the verdict table and the exit codes
(0 all expectations hold, 1 one does not, 2 usage errors, never a traceback)."""

from __future__ import annotations

import csv

import pytest

from game.cli import main


@pytest.fixture(scope="module")
def report(tmp_path_factory, mini_balanced_path):
    out = tmp_path_factory.mktemp("report")
    rc = main(
        [
            "balance",
            str(mini_balanced_path),
            "--out",
            str(out),
            "--no-progress",
            "--policies",
            "JPN=random,greedy,rollout",
            "RUS=passive,greedy",
            "--chunk",
            "100",
        ]
    )
    return rc, out


def test_full_report_is_written_and_all_expectations_hold(report, capsys):
    rc, out = report
    assert rc == 0
    for name in (
        "report.md",
        "expectations.csv",
        "profiles.csv",
        "grades.csv",
        "actions.csv",
        "agency.csv",
        "dominance.csv",
        "events.csv",
        "order.csv",
        "scores_hist.csv",
        "restricted.csv",
        "study.json",
    ):
        assert (out / name).is_file(), name
    assert list(out.glob("*.png")), "no chart was drawn"
    md = (out / "report.md").read_text(encoding="utf-8")
    for heading in (
        "Verdict on the declared expectations",
        "Is any role's policy dominant?",
        "Do choices matter?",
        "Does any single event decide the game?",
        "Is the resolution order fair?",
    ):
        assert heading in md
    rows = list(csv.DictReader((out / "expectations.csv").open(encoding="utf-8")))
    assert {r["verdict"] for r in rows} == {"PASS"} and len(rows) == 5
    prof = list(csv.DictReader((out / "profiles.csv").open(encoding="utf-8")))
    assert len([r for r in prof if r["kind"] == "grid"]) == 3 * 2 * 2  # profiles x roles


def test_the_report_answers_with_intervals(report):
    _, out = report
    agency = list(csv.DictReader((out / "agency.csv").open(encoding="utf-8")))
    gap = next(
        r
        for r in agency
        if r["role"] == "JPN" and r["better"] == "greedy" and r["worse"] == "random"
    )
    assert float(gap["gap_low"]) <= float(gap["gap"]) <= float(gap["gap_high"])
    dom = list(csv.DictReader((out / "dominance.csv").open(encoding="utf-8")))
    rus = next(r for r in dom if r["role"] == "RUS")
    assert rus["verdict"] == "greedy dominates passive"
    order = list(csv.DictReader((out / "order.csv").open(encoding="utf-8")))
    assert all(r["identical_states"] == "yes" for r in order if r["variant"] == "reversed_seats")
    assert all(float(r["max_abs_diff"]) < 1e-9 for r in order)
    ev = list(csv.DictReader((out / "events.csv").open(encoding="utf-8")))
    assert {r["event"] for r in ev} == {"shock", "choice", "random_crisis"}


def test_failing_expectation_exits_1(tmp_path, mini_balanced_path, capsys):
    text = mini_balanced_path.read_text(encoding="utf-8").replace(
        "between: [0.9, 1.0]", "between: [0.0, 0.5]"
    )
    p = tmp_path / "strict.yaml"
    p.write_text(text, encoding="utf-8")
    rc = main(
        [
            "balance",
            str(p),
            "--quick",
            "--games",
            "60",
            "--out",
            str(tmp_path / "r"),
            "--no-progress",
            "--policies",
            "JPN=greedy",
        ]
    )
    out = capsys.readouterr().out
    assert rc == 1
    assert "FAIL" in out and "jpn_greedy_grade_b" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["--policies", "XXX=random"], "'XXX' is not an actor"),
        (["--policies", "JPN=telepathy"], "unknown policy 'telepathy'"),
        (["--policies", "KAZ=random"], "KAZ' has no actions"),
        (["--policies", "JPN"], "write ROLE=POLICY1,POLICY2"),
        (["--policies", "JPN=rollout:x"], "rollout:H:R"),
        (["--policies", "JPN=only:nonsense"], "no action family 'nonsense'"),
        (["--games", "0"], "--games must be at least 2"),
        (["--games", "1"], "one game gives no confidence interval"),
        (["--games", "10000000"], "--games may be at most 100,000"),
        (["--workers", "0"], "--workers must be at least 1"),
        (["--workers", "1000"], "one per core"),
        (["--chunk", "0"], "--chunk must be between 1 and"),
        (["--scheduler", "tcp://127.0.0.1:1"], "cannot reach the Dask scheduler"),
        (["--scheduler", "tcp://192.0.2.77:8786"], "refusing the unencrypted scheduler"),
        (["--scheduler", "tls://127.0.0.1:8786"], "names no certificates"),
    ],
)
def test_usage_errors_exit_2_with_a_plain_message(
    tmp_path, mini_balanced_path, capsys, args, message, monkeypatch
):
    if "--scheduler" in args:
        pytest.importorskip("distributed")
        monkeypatch.setenv("CROSSROADS_DASK_TIMEOUT", "2s")
    rc = main(
        [
            "balance",
            str(mini_balanced_path),
            "--out",
            str(tmp_path),
            "--no-progress",
            "--games",
            "20",
            *args,
        ]
    )
    err = capsys.readouterr().err
    assert rc == 2
    assert message in err
    assert "Traceback" not in err and "internal error" not in err


def test_unknown_scenario_exits_2(tmp_path, capsys):
    rc = main(["balance", "no_such_scenario_anywhere", "--out", str(tmp_path), "--no-progress"])
    assert rc == 2
    assert "Traceback" not in capsys.readouterr().err
