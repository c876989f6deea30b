"""Raw pygame events become semantic inputs here, and only here.

Keyboard, mouse, the tests and the ``--autoplay`` driver all go through ``InputMapper.map``:
tests and autoplay post real ``pygame`` events, so they exercise exactly what a person's key
presses do. Mouse positions are mapped from window pixels to the logical 1280x720 canvas by the
``to_logical`` function the display supplies.

One press is one action, however slow the computer: pygame's key repeat stays off (on a slow
PC it queues several presses during one long frame). ``HeldKeys`` repeats only the keys a person
holds to scroll (↑ ↓ PgUp PgDn), at most once a frame, and only on the scene that had the key
when it went down.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, replace

import pygame


class Action(enum.Enum):
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    NEXT = "next"  # Tab: next focus
    PREV = "prev"  # Shift+Tab
    ACTIVATE = "activate"  # Enter / Space / click
    BACK = "back"  # Esc: close pop-up, or pause
    HELP = "help"  # F1 or ?
    UNDO = "undo"  # U, Ctrl+Z, Backspace
    END_TURN = "end_turn"  # E
    MAP_MODE = "map_mode"  # M
    MAP_MODE_PREV = "map_mode_prev"  # Shift+M
    TIMELINE = "timeline"  # L
    ALL_CHOICES = "all_choices"  # A
    ABOUT_MAP = "about_map"  # B
    GLOSSARY = "glossary"  # G
    FULLSCREEN = "fullscreen"  # F11
    PAGE_UP = "page_up"
    PAGE_DOWN = "page_down"
    HOME = "home"
    END = "end"
    DIGIT = "digit"  # 1-9 (value)
    EXPORT = "export"  # P (debrief)
    SAVE = "save"  # Ctrl+S
    CLICK = "click"  # left mouse button (pos)
    MOTION = "motion"  # mouse moved (pos)
    WHEEL = "wheel"  # mouse wheel (value: +1 up / -1 down)
    TEXT = "text"  # any other printable character (char)
    QUIT = "quit"  # window closed


@dataclass(frozen=True)
class Input:
    action: Action
    pos: tuple[int, int] | None = None
    value: int = 0
    char: str = ""
    key: int = 0
    #: made by ``HeldKeys`` for a key held down (never for a new press)
    repeat: bool = False


#: (key description, i18n key of what it does) for the help overlay
KEY_HELP: list[tuple[str, str]] = [
    ("Tab / Shift+Tab", "help.k_focus"),
    ("← → ↑ ↓", "help.k_arrows"),
    ("Enter / Space", "help.k_activate"),
    ("1 – 9", "help.k_digits"),
    ("E", "help.k_end_turn"),
    ("U / Ctrl+Z", "help.k_undo"),
    ("M / Shift+M", "help.k_map_mode"),
    ("A", "help.k_all"),
    ("L", "help.k_timeline"),
    ("B", "help.k_about"),
    ("G", "help.k_glossary"),
    ("+ / −", "help.k_text_size"),
    ("Ctrl+S", "help.k_save"),
    ("P", "help.k_export"),
    ("PgUp / PgDn", "help.k_page"),
    ("F11", "help.k_fullscreen"),
    ("F1 / ?", "help.k_help"),
    ("Esc", "help.k_back"),
]

_KEYS: dict[int, Action] = {
    pygame.K_UP: Action.UP,
    pygame.K_DOWN: Action.DOWN,
    pygame.K_LEFT: Action.LEFT,
    pygame.K_RIGHT: Action.RIGHT,
    pygame.K_RETURN: Action.ACTIVATE,
    pygame.K_KP_ENTER: Action.ACTIVATE,
    pygame.K_SPACE: Action.ACTIVATE,
    pygame.K_ESCAPE: Action.BACK,
    pygame.K_F1: Action.HELP,
    pygame.K_BACKSPACE: Action.UNDO,
    pygame.K_F11: Action.FULLSCREEN,
    pygame.K_PAGEUP: Action.PAGE_UP,
    pygame.K_PAGEDOWN: Action.PAGE_DOWN,
    pygame.K_HOME: Action.HOME,
    pygame.K_END: Action.END,
}
_LETTERS: dict[int, Action] = {
    pygame.K_e: Action.END_TURN,
    pygame.K_u: Action.UNDO,
    pygame.K_m: Action.MAP_MODE,
    pygame.K_l: Action.TIMELINE,
    pygame.K_a: Action.ALL_CHOICES,
    pygame.K_b: Action.ABOUT_MAP,
    pygame.K_p: Action.EXPORT,
    pygame.K_h: Action.HELP,
    pygame.K_g: Action.GLOSSARY,
}


class InputMapper:
    """Turns one pygame event into zero or one ``Input``."""

    def __init__(
        self, to_logical: Callable[[tuple[int, int]], tuple[int, int] | None] = lambda p: p
    ) -> None:
        self.to_logical = to_logical

    def map(self, ev: pygame.event.Event) -> Input | None:
        t = ev.type
        if t == pygame.QUIT:
            return Input(Action.QUIT)
        if t == pygame.KEYDOWN:
            if getattr(ev, "repeat", 0):  # the system's own key repeat: one press, one action
                return None
            return self._key(ev)
        if t == pygame.MOUSEBUTTONDOWN and getattr(ev, "button", 1) == 1:
            pos = self.to_logical(ev.pos)
            return Input(Action.CLICK, pos=pos) if pos is not None else None
        if t == pygame.MOUSEBUTTONDOWN and getattr(ev, "button", 1) == 3:
            return Input(Action.BACK)
        if t == pygame.MOUSEMOTION:
            pos = self.to_logical(ev.pos)
            return Input(Action.MOTION, pos=pos) if pos is not None else None
        if t == pygame.MOUSEWHEEL:
            if not ev.y:
                return None
            pos = self.to_logical(pygame.mouse.get_pos()) if pygame.display.get_init() else None
            return Input(Action.WHEEL, pos=pos, value=1 if ev.y > 0 else -1)
        return None

    def _key(self, ev: pygame.event.Event) -> Input | None:
        key, mod = ev.key, getattr(ev, "mod", 0)
        uni = getattr(ev, "unicode", "") or ""
        ctrl = bool(mod & pygame.KMOD_CTRL)
        shift = bool(mod & pygame.KMOD_SHIFT)
        if key == pygame.K_TAB:
            return Input(Action.PREV if shift else Action.NEXT, key=key)
        if ctrl and key == pygame.K_z:
            return Input(Action.UNDO, key=key)
        if ctrl and key == pygame.K_s:
            return Input(Action.SAVE, key=key)
        if ctrl:
            return None
        if key in _KEYS:
            return Input(_KEYS[key], key=key, char=uni)
        if uni == "?" or (key == pygame.K_SLASH and shift):
            return Input(Action.HELP, key=key, char="?")
        if pygame.K_1 <= key <= pygame.K_9:
            return Input(Action.DIGIT, value=key - pygame.K_0, key=key, char=uni or str(key - 48))
        if pygame.K_KP1 <= key <= pygame.K_KP9:
            return Input(Action.DIGIT, value=key - pygame.K_KP1 + 1, key=key)
        if key == pygame.K_m and shift:
            return Input(Action.MAP_MODE_PREV, key=key, char=uni)
        if key in _LETTERS:
            return Input(_LETTERS[key], key=key, char=uni)
        if uni and uni.isprintable():
            return Input(Action.TEXT, key=key, char=uni)
        if key == pygame.K_0 or key == pygame.K_KP0:
            return Input(Action.TEXT, key=key, char="0")
        return None


#: the actions a held key repeats (scrolling and moving in a list); nothing else repeats
REPEATING = frozenset({Action.UP, Action.DOWN, Action.PAGE_UP, Action.PAGE_DOWN})


def key_is_down(key: int) -> bool:
    """Whether the keyboard says ``key`` is held now."""
    try:
        return bool(pygame.key.get_pressed()[key])
    except (pygame.error, IndexError):
        return False


@dataclass
class _Held:
    inp: Input
    owner: object  # the scene that was on top when the key went down
    held_s: float = 0.0
    next_s: float = 0.0


class HeldKeys:
    """Repeat a held scrolling key: after ``DELAY`` seconds, every ``INTERVAL`` seconds but never
    more than once a frame (a slow frame scrolls one step, not seven), and only while the scene
    that received the press is still on top."""

    DELAY = 0.4
    INTERVAL = 0.05

    def __init__(self, is_down: Callable[[int], bool] = key_is_down) -> None:
        self.is_down = is_down
        self._held: dict[int, _Held] = {}

    def pressed(self, inp: Input, owner: object) -> None:
        """``inp`` went to ``owner``; remember it when it is a key that repeats."""
        if inp.action in REPEATING and inp.key and not inp.repeat:
            self._held[inp.key] = _Held(inp, owner, 0.0, self.DELAY)

    def released(self, key: int) -> None:
        self._held.pop(key, None)

    def any(self) -> bool:
        return bool(self._held)

    def repeat(self, dt: float, owner: object) -> Input | None:
        """The input to repeat this frame (at most one), if a key is still held on ``owner``."""
        for key, h in list(self._held.items()):
            if h.owner is not owner or not self.is_down(key):
                del self._held[key]
                continue
            h.held_s += dt
            if h.held_s >= h.next_s:
                h.next_s = h.held_s + self.INTERVAL
                return replace(h.inp, repeat=True)
        return None


def key_event(key: int, mod: int = 0, unicode: str = "") -> pygame.event.Event:
    """A KEYDOWN event as SDL would send it (tests and the autoplay driver post these)."""
    if not unicode and 32 <= key < 127 and not mod & pygame.KMOD_CTRL:
        unicode = chr(key).upper() if mod & pygame.KMOD_SHIFT else chr(key)
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode, scancode=0)
