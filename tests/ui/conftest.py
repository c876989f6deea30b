"""Fixtures for the window tests: dummy SDL drivers, throw-away save/config folders, and an
``App`` driven by real pygame events posted to the queue."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


import pytest  # noqa: E402
from uihelp import FIXTURE  # noqa: E402


@pytest.fixture(autouse=True)
def user_dirs(tmp_path, monkeypatch):
    """Every test gets its own save, export and settings folders."""
    monkeypatch.setenv("CROSSROADS_SAVE_DIR", str(tmp_path / "saves"))
    monkeypatch.setenv("CROSSROADS_EXPORT_DIR", str(tmp_path / "exports"))
    monkeypatch.setenv("CROSSROADS_CONFIG_DIR", str(tmp_path / "config"))
    from game.ui import fonts, i18n, text, theme

    theme.set_high_contrast(False)
    fonts.set_scale(1.0)
    i18n.set_language("en")
    text.set_strict(True)
    text.reset_overflows()
    yield tmp_path
    fonts.set_scale(1.0)
    i18n.set_language("en")
    theme.set_high_contrast(False)


@pytest.fixture
def no_fsync(monkeypatch):
    """Saves still go through the engine's atomic writer, without waiting for the disk."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)


@pytest.fixture(scope="session")
def mini_entry():
    from game.ui import catalog

    e = catalog.load(str(FIXTURE))
    assert e.ok, e.errors
    return e


@pytest.fixture
def make_app(mini_entry):
    """``make_app(size=(w, h), **options)`` -> an App on the menu, the mini scenario selected."""
    from game.ui.app import App, Options

    def make(size=(1280, 720), **kw):
        return App(Options(size=size, menu_first=True, **kw), mini_entry)

    return make


@pytest.fixture
def menu_app(mini_entry):
    """An App on the main menu with the mini scenario selected."""
    from game.ui.app import App, Options

    def make(size=(1280, 720)):
        app = App(Options(size=size, menu_first=True), mini_entry)
        app.step([])
        return app

    return make


@pytest.fixture(scope="session")
def class_entry():
    """The shipped class scenario with its translations (a broken one fails, never skips)."""
    from game.ui import catalog

    e = catalog.load("class_abe_belt_road")
    assert e.ok, e.errors
    return e


@pytest.fixture(scope="session")
def four_team_entry():
    """The shipped four-role scenario (a broken or changed one fails here, never skips)."""
    from game.ui import catalog

    e = catalog.load("kazakhstan_multivector")
    assert e.ok, e.errors
    assert len(e.scenario.playable_roles) >= 4, e.scenario.playable_roles
    return e
