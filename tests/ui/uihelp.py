"""Helpers for the window tests: post real pygame events and run frames, check that text fits,
record what is drawn, and walk through every scene."""

from __future__ import annotations

from pathlib import Path

import pygame

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "mini.yaml"
SIZES = [(1280, 720), (1920, 1080)]


def press(app, key, mod=0, unicode=""):
    """Post one real KEYDOWN to the pygame queue and run a frame (the frame reads the queue)."""
    from game.ui.input import key_event

    pygame.event.post(key_event(key, mod, unicode))
    app.step()


def click(app, logical_pos):
    """Post a left click at a logical (1280x720) position, converted to window pixels."""
    pos = app.display.to_window(logical_pos)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
    app.step()


_SHIFTED = {"+": pygame.K_EQUALS, "_": pygame.K_MINUS, "?": pygame.K_SLASH, ":": pygame.K_SEMICOLON}


def type_text(app, s):
    """Type ``s`` key by key, as SDL reports it (letters, digits, space, / + _ and so on)."""
    for ch in s:
        if ch in _SHIFTED:
            press(app, _SHIFTED[ch], pygame.KMOD_LSHIFT, ch)
        elif ch.isalpha() and ch.isupper():
            press(app, ord(ch.lower()), pygame.KMOD_LSHIFT, ch)
        else:
            press(app, ord(ch), 0, ch)


def fits(app, where: str) -> None:
    """Run a frame and fail when any text did not fit its box."""
    from game.ui import text

    app.step([])
    bad = list(text.OVERFLOWS)
    text.reset_overflows()
    assert not bad, f"{where}: text does not fit its box: {bad[:3]}"


def drawn_strings(app) -> list[str]:
    """Every string drawn in one frame."""
    from game.ui import fonts

    fonts.DRAWN = []
    try:
        app.step([])
        return list(fonts.DRAWN)
    finally:
        fonts.DRAWN = None


def play_turns(app, n):
    """Play ``n`` turns of the game on screen by keys: its first action, End turn, the first
    option of every event, the summary closed. Returns the controller."""
    from game.ui.controller import Phase

    ctl = app.stack.top.ctl
    for _ in range(n):
        press(app, pygame.K_1)
        press(app, pygame.K_e)
        if ctl.pass_asked:  # nothing could be planned: the second press passes
            press(app, pygame.K_e)
        while ctl.phase == Phase.EVENTS:
            ev = ctl.current_event
            press(app, pygame.K_1 if ev.needs_choice else pygame.K_RETURN)
        assert ctl.phase == Phase.SUMMARY
        press(app, pygame.K_RETURN)
    return ctl


def events_and_summary(app, ctl, seen: set[str]):
    """Yield each event pop-up of the turn (answered with its first option), then the summary,
    and go on to the next turn; ``seen`` collects "choice" and "info" (events without options)."""
    from game.ui.controller import Phase

    while ctl.phase == Phase.EVENTS:
        ev = ctl.current_event
        seen.add("choice" if ev.needs_choice else "info")
        yield f"event_{ev.event.event_id}"
        if ev.needs_choice:
            ctl.choose(0)
        ctl.next_event()
        app.step([])
    yield "summary"
    press(app, pygame.K_RETURN)


def all_scenes(app, entry):
    """Visit every scene once, yielding its name after each is on top."""
    from game.ui.scenes.debrief import PAGES
    from game.ui.scenes.overlays import AboutMapScene, ConfirmScene, HelpScene, PauseScene
    from game.ui.scenes.saves import SaveLoadScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.timeline import TimelineScene

    yield "menu"
    app.new_game(entry, None, 3, None)
    game = app.stack.top
    ctl = game.ctl
    for i in range(len(game.screen.modes)):
        game.screen.view.mode_i = i
        yield f"map_mode_{i}"
    game.screen.view.mode_i = 0
    game.ring.focus(game.choice_list)
    yield "map_preview"
    rows = [r for r in game.rows() if r.choice.legal]
    longest = max(rows, key=lambda r: len(r.text))
    ctl.plan(longest.choice.id)  # a planned row is bold: the longest label must still fit
    yield "map_planned_long"
    ctl.undo()
    game.screen.view.show_all = True
    yield "map_all_choices"
    game.screen.view.show_all = False
    from game.ui.scenes.glossary import GlossaryScene
    from game.ui.scenes.setup import SetupScene

    for scene in (
        HelpScene(app),
        AboutMapScene(app),
        PauseScene(app, ctl),
        SaveLoadScene(app, "save", ctl),
        SaveLoadScene(app, "load", ctl),
        SettingsScene(app),
        ConfirmScene(app, "Really?", lambda: None),
        GlossaryScene(app, ctl.scenario, game.glossary_terms()),
        SetupScene(app, [entry]),
    ):
        app.stack.push(scene)
        yield scene.name
        app.stack.pop()
    # play until an event with options is on screen, then to its summary
    seen: set[str] = set()
    while not ctl.session.over and not {"choice", "info"} <= seen:
        ctl.plan(ctl.choices()[0].id) if ctl.choices()[0].legal else None
        ctl.end_turn()
        app.step([])
        yield from events_and_summary(app, ctl, seen)
    for sid in game.screen.state_order:  # every state's panel and "Why?" after a turn
        game.select_state(sid)
        yield f"state_{sid}"
    game.ring.focus(game.why)
    yield "why_focused"
    app.stack.push(TimelineScene(app, ctl))
    yield "timeline"
    app.stack.pop()
    ctl.end_game_now()
    app.open_debrief(ctl)
    deb = app.stack.top
    for i in range(len(PAGES)):
        deb.set_page(i)
        yield f"debrief_{PAGES[i]}"
    app.show_error("Scenario 'x' has errors", "x.yaml:1:1: E101: something\n  hint: fix it")
    yield "error"


def play_screens(app, entry, teams=("JPN", "CHN")):
    """The play screens: hand-off, map (every tab, mode and state, the preview, all actions),
    the glossary, event pop-ups with and without options, the summary, Why? after a turn."""
    from game.ui.controller import Phase
    from game.ui.scenes.glossary import GlossaryScene

    roles = tuple(r for r in teams if r in entry.scenario.playable_roles) or None
    app.new_game(entry, roles, 3, "standard")
    app.step([])
    if app.stack.top.name == "handoff":
        yield "handoff"
        press(app, pygame.K_RETURN)
    game = app.stack.top
    ctl = game.ctl
    for i in range(len(game.screen.modes)):
        game.screen.view.mode_i = i
        yield f"map_mode_{i}"
    game.screen.view.mode_i = 0
    for sid in game.screen.state_order:
        game.select_state(sid)
        yield f"state_{sid}"
    game.select_state(game.screen.state_order[0])
    game.focus_widget(game.choice_list)
    for i in range(min(4, len(game.rows()))):
        game.choice_list.selected = i
        yield f"preview_{i}"
    rows = [r for r in game.rows() if r.choice.legal]
    if rows:
        ctl.plan(max(rows, key=lambda r: len(r.text)).choice.id)
        yield "planned_long"
        ctl.undo()
    game.screen.view.show_all = True
    yield "all_actions"
    game.screen.view.show_all = False
    app.stack.push(GlossaryScene(app, ctl.scenario, game.glossary_terms()))
    yield "glossary"
    app.stack.pop()
    seen: set[str] = set()
    turns = 0
    while not ctl.session.over and not {"choice", "info"} <= seen and turns < 6:
        turns += 1
        while ctl.phase == Phase.PLANNING:
            if ctl.handoff:
                app.step([])
                yield "handoff"
                press(app, pygame.K_RETURN)
            legal = [c for c in ctl.choices() if c.legal]
            if legal:
                ctl.plan(legal[0].id)
            ctl.end_turn()
        app.step([])
        yield from events_and_summary(app, ctl, seen)
    while app.stack.top.name == "handoff":
        press(app, pygame.K_RETURN)
    game = app.stack.top
    for tab in ("why", "state", "actions"):
        game.set_tab(tab)
        yield f"tab_{tab}"
