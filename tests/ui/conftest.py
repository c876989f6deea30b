"""Fixtures for the window tests: dummy SDL drivers, throw-away save/config folders, and an
``App`` driven by real pygame events posted to the queue."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from uihelp import FIXTURE  # noqa: E402


@pytest.fixture(autouse=True)
def user_dirs(tmp_path, monkeypatch):
    """Every test gets its own save, export and settings folders."""
    monkeypatch.setenv("CROSSROADS_SAVE_DIR", str(tmp_path / "saves"))
    monkeypatch.setenv("CROSSROADS_EXPORT_DIR", str(tmp_path / "exports"))
    monkeypatch.setenv("CROSSROADS_CONFIG_DIR", str(tmp_path / "config"))
    from game.ui import text, theme

    theme.set_high_contrast(False)
    text.reset_overflows()
    yield tmp_path


@pytest.fixture(scope="session")
def mini_entry():
    from game.ui import catalog

    e = catalog.load(str(FIXTURE))
    assert e.ok, e.errors
    return e


@pytest.fixture
def make_app(mini_entry):
    """``make_app(size=(w, h), entries=None)`` -> an App on the menu (mini scenario listed)."""
    from game.ui.app import App, Options

    def make(size=(1280, 720), **kw):
        opts = Options(size=size, **kw)
        app = App(opts, mini_entry)  # with autoplay None the game would start: keep the menu
        return app

    return make


@pytest.fixture
def menu_app(mini_entry):
    """An App on the main menu with the mini scenario selected."""
    from game.ui.app import App, Options

    def make(size=(1280, 720)):
        app = App(Options(size=size, autoplay=0), mini_entry)
        app.step([])
        return app

    return make
