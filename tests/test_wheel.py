"""The installed game works: a wheel carries the code, the scenarios, the map and the fonts.

The tests marked ``wheel`` build the wheel (``pip wheel --no-deps``, from a copy of exactly what
it is built from), install it into a fresh venv (its dependencies come from the package index,
through pip's cache) and, from a folder that is not the checkout, run what a user runs:
``crossroads scenarios``, a headless game, ``crossroads validate`` of an installed scenario and
the window's map screen under SDL's dummy video driver. They are slow (they install packages)
but run in the normal suite; ``-m 'not wheel'`` skips them.

The first test is quick: the package list in ``pyproject.toml`` (which must name every package,
because the data folders are mapped into the package) matches the folders under ``game/``.
"""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: what the wheel is built from (a copy of these, so no build/ or *.egg-info lands in the checkout)
BUILD_INPUTS = ("pyproject.toml", "README.md", "LICENSE", "game", "scenarios", "assets")
SHIPPED = {
    "campaign_1992_2025",
    "class_abe_belt_road",
    "class_south_caucasus",
    "class_war_corridor",
    "kazakhstan_multivector",
}
# the four the users chose; SciPy for the balance lab's small-sample statistics (Student's t);
# Babel for plurals and number and date formats in en/ja/ru (game/kit/i18n.py); platformdirs
# for the user's data and config folders on each system, where saves and settings go
# (game/ui/saves.py)
RUNTIME_DEPS = {"pygame-ce", "numpy", "pyyaml", "pydantic", "scipy", "babel", "platformdirs"}


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_under_game_is_listed_for_the_wheel():
    setup = _pyproject()["tool"]["setuptools"]
    listed = set(setup["packages"])
    on_disk = {
        ".".join(p.relative_to(ROOT).parts)
        for p in (ROOT / "game").rglob("*")
        if p.is_dir() and any(p.glob("*.py"))
    } | {"game"}
    mapped = set(setup["package-dir"])
    missing = sorted(on_disk - listed)
    assert not missing, (
        f"add {missing} to [tool.setuptools] packages in pyproject.toml, or the wheel leaves "
        "them out"
    )
    assert sorted(listed - on_disk - mapped) == [], "listed packages that do not exist"
    assert mapped == {"game.data.scenarios", "game.data.assets"}
    assert {ROOT / d for d in setup["package-dir"].values()} == {
        ROOT / "scenarios",
        ROOT / "assets",
    }


# ------------------------------------------------------------------------------------------------
# The wheel, built and installed once for the tests below
# ------------------------------------------------------------------------------------------------
def _env(tmp: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }
    env.update(
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        CROSSROADS_SAVE_DIR=str(tmp / "saves"),
        CROSSROADS_CONFIG_DIR=str(tmp / "config"),
        CROSSROADS_EXPORT_DIR=str(tmp / "exports"),
    )
    return env


def _run(args: list[str | Path], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def _ok(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 0, (
        f"exit {proc.returncode}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    )
    return proc.stdout


class Installed:
    def __init__(self, wheel: Path, venv: Path, home: Path, env: dict[str, str]):
        self.wheel, self.venv, self.home, self.env = wheel, venv, home, env
        bindir = venv / ("Scripts" if os.name == "nt" else "bin")
        self.python = bindir / ("python.exe" if os.name == "nt" else "python")
        self.crossroads = bindir / ("crossroads.exe" if os.name == "nt" else "crossroads")

    def run(self, *args: str | Path) -> subprocess.CompletedProcess:
        """``crossroads ARGS`` as a user types it, in a folder that is not the checkout."""
        return _run([self.crossroads, *args], self.home, self.env)

    def python_code(self, code: str) -> subprocess.CompletedProcess:
        return _run([self.python, "-c", code], self.home, self.env)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    tmp = tmp_path_factory.mktemp("wheel")
    env = _env(tmp)
    src = tmp / "src"
    src.mkdir()
    for name in BUILD_INPUTS:
        p = ROOT / name
        if p.is_dir():
            shutil.copytree(p, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(p, src / name)
    pip = [sys.executable, "-m", "pip"]
    _ok(_run([*pip, "wheel", src, "--no-deps", "-w", tmp / "dist"], tmp, env))
    (wheel,) = (tmp / "dist").glob("crossroads-*.whl")
    venv = tmp / "venv"
    # no pip inside the venv: the running pip installs into it (--python), which is quicker
    _ok(_run([sys.executable, "-m", "venv", "--without-pip", venv], tmp, env))
    inst = Installed(wheel, venv, tmp / "home", env)
    _ok(_run([*pip, "--python", inst.python, "install", wheel], tmp, env))
    inst.home.mkdir()
    return inst


@pytest.mark.wheel
def test_the_wheel_carries_the_data_and_the_licences(installed):
    with zipfile.ZipFile(installed.wheel) as z:
        names = set(z.namelist())
        meta = email.message_from_string(
            z.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
        )
    tops = {n.split("/")[0] for n in names}
    assert tops == {"game", next(t for t in tops if t.endswith(".dist-info"))}
    for sid in SHIPPED:
        assert f"game/data/scenarios/{sid}.yaml" in names
    assert "game/data/scenarios/common/actions.yaml" in names
    assert "game/data/assets/map/world.json" in names
    for f in ("CrossroadsSans-Regular.ttf", "CrossroadsSans-Bold.ttf", "OFL.txt"):
        assert f"game/data/assets/fonts/{f}" in names
    licences = {n.split(".dist-info/licenses/")[1] for n in names if ".dist-info/licenses/" in n}
    assert licences == {"LICENSE", "assets/fonts/OFL.txt"}
    assert meta["License-Expression"].split(" AND ")[0] == "MIT"
    requires = {
        r.split(";")[0].split("<")[0].split(">")[0].split("=")[0].strip().lower()
        for r in meta.get_all("Requires-Dist")
        if "extra ==" not in r
    }
    assert requires == RUNTIME_DEPS


@pytest.mark.wheel
def test_installed_game_lists_the_shipped_scenarios(installed):
    out = _ok(installed.run("scenarios"))
    listed = {line.split()[0] for line in out.splitlines() if line and not line.startswith("kind")}
    assert listed == SHIPPED, out
    assert "BROKEN" not in out


@pytest.mark.wheel
def test_installed_game_plays_headless(installed):
    out = _ok(installed.run("play", "class_war_corridor", "--headless", "--seed", "1", "--quiet"))
    assert "final grades" in out and "JPN:" in out


@pytest.mark.wheel
def test_installed_game_validates_an_installed_scenario(installed):
    out = _ok(installed.run("validate", "class_abe_belt_road"))
    assert "OK: no problems found" in out


@pytest.mark.wheel
def test_installed_window_draws_the_map_with_the_shipped_fonts(installed):
    shots = installed.home / "shots"
    _ok(installed.run("play", "class_abe_belt_road", "--autoplay", "1", "--screenshot-dir", shots))
    for name in ("00_menu.png", "01_map_00_goals.png"):  # a game opens on its goals
        png = shots / name
        assert png.is_file() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
    # the window read the map and the fonts from the installed package, and they draw the
    # three scripts of the interface
    code = (
        "import game, pathlib\n"
        "from game.ui import fonts, map_data\n"
        "import pygame\n"
        "home = pathlib.Path(game.__file__).parent\n"
        "c = fonts.config()\n"
        "for p in (c.regular, c.bold, map_data.ASSET):\n"
        "    assert p is not None and p.is_file() and home in p.parents, p\n"
        "assert len(map_data.load_map().features) > 5\n"
        "pygame.font.init()\n"
        "text = 'Kazakhstan Қазақстан 日本 カザフスタン'\n"
        "metrics = pygame.font.Font(str(c.regular), 20).metrics(text)\n"
        "assert all(m is not None for m in metrics), text  # None: no glyph in the font\n"
        "print(home)\n"
    )
    out = _ok(installed.python_code(code))
    assert Path(out.strip()).is_relative_to(installed.venv)
