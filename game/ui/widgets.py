"""Small keyboard-first widgets: buttons, value cyclers, a number field, a scrolling list, and
the focus ring that moves between them with Tab / Shift+Tab.

Every widget answers ``handle(inp) -> bool`` (True = consumed) and ``draw(surf, focused)``.
Widgets never touch the engine: their callbacks are given by the scene.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pygame

from . import text
from .input import Action, Input
from .theme import SIZE, current

Rect = pygame.Rect


def draw_focus(surf: pygame.Surface, rect: Rect) -> None:
    """The visible focus ring: a thick outer ring plus a thin white inner ring."""
    th = current()
    r = rect.inflate(th.focus_w * 2 + 2, th.focus_w * 2 + 2)
    pygame.draw.rect(surf, th.focus, r, th.focus_w, border_radius=6)
    pygame.draw.rect(
        surf, th.focus_inner, r.inflate(-th.focus_w * 2, -th.focus_w * 2), 1, border_radius=4
    )


def panel(
    surf: pygame.Surface,
    rect: Rect,
    title: str | None = None,
    fill: tuple[int, int, int] | None = None,
    title_size: int = SIZE.H2,
) -> Rect:
    """A bordered panel with an optional heading; returns the content rectangle."""
    th = current()
    pygame.draw.rect(surf, fill or th.panel, rect, border_radius=6)
    pygame.draw.rect(surf, th.border, rect, th.outline_w, border_radius=6)
    inner = rect.inflate(-20, -12)
    if title:
        hh = text.line_height(title_size)
        text.draw(
            surf,
            title,
            Rect(inner.x, inner.y, inner.w, hh),
            title_size,
            th.ink,
            bold=True,
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        inner = Rect(inner.x, inner.y + hh + 2, inner.w, inner.h - hh - 2)
    return inner


def flow_buttons(
    widths: Sequence[int], area: Rect, size: int, gap: int = 8, pad: int = 32
) -> list[Rect]:
    """Rectangles for a bar of buttons whose labels are ``widths`` wide: as many per row as fit
    in ``area.w``, rows stretched to the full width, the last row on ``area.bottom``."""
    h = text.line_height(size) + 10
    rows: list[list[int]] = [[]]
    used = 0
    for i, w in enumerate(widths):
        need = w + pad + (gap if rows[-1] else 0)
        if rows[-1] and used + need > area.w:
            rows.append([])
            used = 0
            need = w + pad
        rows[-1].append(i)
        used += need
    out: list[Rect] = [Rect(0, 0, 0, 0)] * len(widths)
    y = area.bottom - len(rows) * h - (len(rows) - 1) * gap
    for row in rows:
        natural = [widths[i] + pad for i in row]
        extra = (area.w - sum(natural) - gap * (len(row) - 1)) / max(1, len(row))
        x = float(area.x)
        for i, nw in zip(row, natural):
            w = nw + extra
            out[i] = Rect(round(x), y, round(w), h)
            x += w + gap
        y += h + gap
    return out


class Widget:
    focusable = True
    #: set by the focus ring when a click has just moved the focus here
    just_focused = False

    def __init__(self, rect: Rect | tuple[int, int, int, int]) -> None:
        self.rect = Rect(rect)
        self.visible = True

    @property
    def enabled(self) -> bool:
        return True

    def handle(self, inp: Input) -> bool:
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        pass

    def hit(self, pos: tuple[int, int] | None) -> bool:
        return pos is not None and self.visible and self.rect.collidepoint(pos)


class Button(Widget):
    """A push button. ``label`` may be a callable so it can change with the game."""

    def __init__(
        self,
        rect: Rect | tuple[int, int, int, int],
        label: str | Callable[[], str],
        on_press: Callable[[], Any],
        enabled: Callable[[], bool] | None = None,
        primary: bool = False,
        size: int = SIZE.BODY,
    ) -> None:
        super().__init__(rect)
        self._label = label
        self.on_press = on_press
        self._enabled = enabled
        self.primary = primary
        self.size = size

    @property
    def label(self) -> str:
        return self._label() if callable(self._label) else self._label

    @property
    def enabled(self) -> bool:
        return self._enabled() if self._enabled else True

    def press(self) -> bool:
        if self.enabled:
            self.on_press()
            return True
        return False

    def handle(self, inp: Input) -> bool:
        if inp.action == Action.ACTIVATE:
            return self.press()
        if inp.action == Action.CLICK and self.hit(inp.pos):
            return self.press()
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        if not self.visible:
            return
        th = current()
        on = self.enabled
        fill = th.accent if (self.primary and on) else th.panel_alt
        ink = th.accent_ink if (self.primary and on) else (th.ink if on else th.ink_disabled)
        pygame.draw.rect(surf, fill, self.rect, border_radius=6)
        pygame.draw.rect(
            surf, th.border, self.rect, 2 if focused else th.outline_w, border_radius=6
        )
        label = self.label if on else self.label
        text.draw(
            surf,
            label,
            self.rect.inflate(-12, -4),
            self.size,
            ink,
            bold=self.primary,
            align="center",
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        if not on:  # disabled is said by a strike line as well as by the grey
            y = self.rect.centery
            pygame.draw.line(
                surf, th.ink_disabled, (self.rect.x + 8, y), (self.rect.right - 8, y), 1
            )
        if focused:
            draw_focus(surf, self.rect)


class Cycle(Widget):
    """``Label: ◀ value ▶`` — Left/Right (or Enter, or a click on an arrow) changes the value.

    The label sits above the value, or on its left with ``inline=True`` (a low box)."""

    def __init__(
        self,
        rect: Rect | tuple[int, int, int, int],
        label: str,
        values: Callable[[], Sequence[Any]],
        get: Callable[[], Any],
        set_: Callable[[Any], None],
        show: Callable[[Any], str] = str,
        inline: bool = False,
    ) -> None:
        super().__init__(rect)
        self.label = label
        self.inline = inline
        self.values = values
        self.get = get
        self.set = set_
        self.show = show

    @property
    def enabled(self) -> bool:
        return len(self.values()) > 0

    def step(self, d: int) -> bool:
        vals = list(self.values())
        if not vals:
            return False
        try:
            i = vals.index(self.get())
        except ValueError:
            i = 0
        self.set(vals[(i + d) % len(vals)])
        return True

    def handle(self, inp: Input) -> bool:
        a = inp.action
        if a in (Action.RIGHT, Action.ACTIVATE):
            return self.step(+1)
        if a == Action.LEFT:
            return self.step(-1)
        if a == Action.CLICK and self.hit(inp.pos):
            assert inp.pos is not None
            return self.step(-1 if inp.pos[0] < self.rect.centerx - 40 else +1)
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        th = current()
        pygame.draw.rect(surf, th.panel, self.rect, border_radius=6)
        pygame.draw.rect(surf, th.border, self.rect, th.outline_w, border_radius=6)
        inner = self.rect.inflate(-12, -4)
        lab_h = text.line_height(SIZE.SMALL)
        val = self.show(self.get()) if self.values() else "—"
        if not self.inline:  # the label above the value
            text.draw(
                surf,
                self.label,
                Rect(inner.x, inner.y, inner.w, lab_h),
                SIZE.SMALL,
                th.ink_soft,
                wrap_text=False,
            )
            row = Rect(inner.x, inner.y + lab_h, inner.w, inner.h - lab_h)
        else:  # the label on the left of the value
            lab_w = min(text.width(self.label, SIZE.SMALL) + 8, inner.w // 3)
            text.draw(
                surf,
                self.label,
                Rect(inner.x, inner.y, lab_w, inner.h),
                SIZE.SMALL,
                th.ink_soft,
                valign="center",
                wrap_text=False,
            )
            row = Rect(inner.x + lab_w, inner.y, inner.w - lab_w, inner.h)
        text.draw(surf, "◀", row, SIZE.BODY, th.ink, valign="center", wrap_text=False)
        text.draw(
            surf, "▶", row, SIZE.BODY, th.ink, align="right", valign="center", wrap_text=False
        )
        text.draw(
            surf,
            val,
            row.inflate(-64, 0),
            SIZE.BODY,
            th.ink,
            bold=True,
            align="center",
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        if focused:
            draw_focus(surf, self.rect)


class NumberField(Cycle):
    """A whole number: Left/Right step it, digits type it, Backspace deletes a digit."""

    def __init__(
        self,
        rect: Rect | tuple[int, int, int, int],
        label: str,
        get: Callable[[], int],
        set_: Callable[[int], None],
        lo: int = 0,
        hi: int = 999_999,
    ) -> None:
        super().__init__(rect, label, lambda: [0], get, set_)
        self.lo, self.hi = lo, hi

    def step(self, d: int) -> bool:
        self.set(min(self.hi, max(self.lo, int(self.get()) + d)))
        return True

    def handle(self, inp: Input) -> bool:
        a = inp.action
        digit = inp.char if inp.char.isdigit() and len(inp.char) == 1 else None
        if a == Action.DIGIT and digit is None:
            digit = str(inp.value)
        if digit is not None and a in (Action.DIGIT, Action.TEXT):
            v = int(str(self.get()) + digit) if self.get() else int(digit)
            self.set(min(self.hi, max(self.lo, v)))
            return True
        if a == Action.UNDO:
            s = str(self.get())[:-1]
            self.set(max(self.lo, int(s) if s else self.lo))
            return True
        if a == Action.ACTIVATE:
            return False  # Enter moves on; it does not change the number
        return super().handle(inp)

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        self.show = lambda v: str(v)
        super().draw(surf, focused)


class TextField(Widget):
    """A one-line text box: typed characters are added, Backspace deletes, Enter submits."""

    takes_text = True

    def __init__(
        self,
        rect: Rect | tuple[int, int, int, int],
        label: str,
        on_enter: Callable[[str], Any],
        max_len: int = 120,
    ) -> None:
        super().__init__(rect)
        self.label = label
        self.value = ""
        self.on_enter = on_enter
        self.max_len = max_len

    def handle(self, inp: Input) -> bool:
        a = inp.action
        if a == Action.ACTIVATE and inp.char != " ":
            self.on_enter(self.value)
            return True
        if a == Action.UNDO and inp.key == pygame.K_BACKSPACE:
            self.value = self.value[:-1]
            return True
        ch = inp.char
        if a == Action.DIGIT and not ch:
            ch = str(inp.value)
        if (
            ch
            and len(ch) == 1
            and ch.isprintable()
            and a not in (Action.NEXT, Action.PREV, Action.BACK, Action.CLICK)
        ):
            if len(self.value) < self.max_len:
                self.value += ch
            return True
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        th = current()
        pygame.draw.rect(surf, th.panel, self.rect, border_radius=6)
        pygame.draw.rect(
            surf, th.border, self.rect, 2 if focused else th.outline_w, border_radius=6
        )
        inner = self.rect.inflate(-12, -4)
        lab_h = text.line_height(SIZE.SMALL)
        text.draw(
            surf,
            self.label,
            Rect(inner.x, inner.y, inner.w, lab_h),
            SIZE.SMALL,
            th.ink_soft,
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        row = Rect(inner.x, inner.y + lab_h, inner.w, inner.h - lab_h)
        shown = self.value + ("|" if focused else "")
        while shown and text.width(shown, SIZE.BODY) > row.w:
            shown = shown[1:]  # keep the end (where one types) in view
        text.draw(
            surf,
            shown,
            row,
            SIZE.BODY,
            th.ink,
            valign="center",
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        if focused:
            draw_focus(surf, self.rect)


class ListView(Widget):
    """A scrolling list of rows. ``draw_row(surf, i, rect, selected)`` draws one row."""

    def __init__(
        self,
        rect: Rect | tuple[int, int, int, int],
        count: Callable[[], int],
        draw_row: Callable[[pygame.Surface, int, Rect, bool], None],
        row_h: int,
        on_activate: Callable[[int], Any] | None = None,
        on_select: Callable[[int], Any] | None = None,
    ) -> None:
        super().__init__(rect)
        self.count = count
        self.draw_row = draw_row
        self.row_h = row_h
        self.on_activate = on_activate
        self.on_select = on_select
        self.selected = 0
        self.top = 0

    @property
    def visible_rows(self) -> int:
        return max(1, self.rect.h // self.row_h)

    @property
    def enabled(self) -> bool:
        return self.count() > 0

    def clamp(self) -> None:
        n = self.count()
        self.selected = min(max(0, self.selected), max(0, n - 1))
        vis = self.visible_rows
        if self.selected < self.top:
            self.top = self.selected
        if self.selected >= self.top + vis:
            self.top = self.selected - vis + 1
        self.top = min(max(0, self.top), max(0, n - vis))

    def select(self, i: int) -> None:
        old = self.selected
        self.selected = i
        self.clamp()
        if self.on_select and self.selected != old:
            self.on_select(self.selected)

    def handle(self, inp: Input) -> bool:
        n = self.count()
        a = inp.action
        if n == 0:
            return False
        if a == Action.UP:
            self.select(self.selected - 1 if self.selected > 0 else n - 1)
            return True
        if a == Action.DOWN:
            self.select(self.selected + 1 if self.selected < n - 1 else 0)
            return True
        if a == Action.PAGE_UP:
            self.select(self.selected - self.visible_rows)
            return True
        if a == Action.PAGE_DOWN:
            self.select(self.selected + self.visible_rows)
            return True
        if a == Action.HOME:
            self.select(0)
            return True
        if a == Action.END:
            self.select(n - 1)
            return True
        if a == Action.WHEEL:
            self.top = min(max(0, self.top - inp.value), max(0, n - self.visible_rows))
            return True
        if a == Action.ACTIVATE:
            if self.on_activate:
                self.on_activate(self.selected)
            return True
        if a == Action.CLICK and self.hit(inp.pos):
            assert inp.pos is not None
            i = self.top + (inp.pos[1] - self.rect.y) // self.row_h
            if 0 <= i < n:
                already = i == self.selected and not self.just_focused
                self.select(i)
                if already and self.on_activate:
                    self.on_activate(i)
            return True
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        th = current()
        self.clamp()
        n = self.count()
        clip = surf.get_clip()
        surf.set_clip(self.rect)
        for k in range(self.visible_rows):
            i = self.top + k
            if i >= n:
                break
            r = Rect(self.rect.x, self.rect.y + k * self.row_h, self.rect.w, self.row_h)
            sel = i == self.selected
            if sel:
                pygame.draw.rect(surf, th.panel_alt, r)
                pygame.draw.rect(surf, th.ink, Rect(r.x, r.y + 2, 6, r.h - 4))
            # room for the selection bar on the left and the scroll bar on the right
            self.draw_row(surf, i, Rect(r.x + 12, r.y, r.w - 12 - 14, r.h), sel)
        surf.set_clip(clip)
        if n > self.visible_rows:  # scroll bar, so the class sees there is more
            track = Rect(self.rect.right - 6, self.rect.y, 6, self.rect.h)
            pygame.draw.rect(surf, th.panel_alt, track)
            h = max(16, self.rect.h * self.visible_rows // n)
            y = self.rect.y + (self.rect.h - h) * self.top // max(1, n - self.visible_rows)
            pygame.draw.rect(surf, th.ink_soft, Rect(track.x, y, 6, h))
        if focused:
            draw_focus(surf, self.rect)


class FocusRing:
    """The Tab order of a scene's widgets; routes input to the focused one."""

    def __init__(self, widgets: Sequence[Widget] = ()) -> None:
        self.widgets: list[Widget] = list(widgets)
        self.index = 0
        self._skip_disabled()

    def _usable(self, w: Widget) -> bool:
        return w.visible and w.focusable and w.enabled

    def _skip_disabled(self) -> None:
        if self.widgets and not self._usable(self.widgets[self.index]):
            self.move(+1)

    @property
    def focused(self) -> Widget | None:
        return self.widgets[self.index] if self.widgets else None

    def focus(self, w: Widget) -> None:
        if w in self.widgets:
            self.index = self.widgets.index(w)

    def move(self, d: int) -> None:
        n = len(self.widgets)
        for _ in range(n):
            self.index = (self.index + d) % n
            if self._usable(self.widgets[self.index]):
                return

    def handle(self, inp: Input) -> bool:
        if not self.widgets:
            return False
        if inp.action == Action.NEXT:
            self.move(+1)
            return True
        if inp.action == Action.PREV:
            self.move(-1)
            return True
        if inp.action in (Action.CLICK, Action.WHEEL, Action.MOTION) and inp.pos is not None:
            for w in self.widgets:
                if w.hit(inp.pos):
                    w.just_focused = self.focused is not w
                    if inp.action == Action.CLICK and self._usable(w):
                        self.focus(w)
                    if inp.action != Action.MOTION:
                        return w.handle(inp) or True
            return False
        if inp.action == Action.WHEEL:
            f = self.focused
            return bool(f and f.handle(inp))
        f = self.focused
        if f is None or not self._usable(f):
            self._skip_disabled()
            f = self.focused
        return bool(f and self._usable(f) and f.handle(inp))

    def draw(self, surf: pygame.Surface) -> None:
        for w in self.widgets:
            if w.visible:
                w.draw(surf, w is self.focused and self._usable(w))


class ScrollText(Widget):
    """Read-only wrapped text that scrolls by line (arrows, PgUp/PgDn, wheel).

    ``blocks()`` returns a list of paragraphs, each ``(text, size, bold, colour_or_None)``;
    ``None`` means the theme's ink. Layout is cached until the blocks change."""

    def __init__(
        self,
        rect: Rect | tuple[int, int, int, int],
        blocks: Callable[[], Sequence[tuple[str, int, bool, Any]]],
        gap: int = 6,
        focusable: bool = True,
        marks: Callable[[], Sequence[str]] | None = None,
    ) -> None:
        super().__init__(rect)
        self.blocks = blocks
        self.gap = gap
        self.focusable = focusable
        self.marks = marks  # glossary terms to underline
        self.top = 0
        self._key: Any = None
        self._lines: list[tuple[str, int, bool, Any, int]] = []  # text, size, bold, col, y

    def _layout(self) -> list[tuple[str, int, bool, Any, int]]:
        blocks = list(self.blocks())
        key = (tuple(blocks), self.rect.w, text.line_height(100))
        if key != self._key:
            lines = []
            y = 0
            w = self.rect.w - 12
            for t, size, bold, col in blocks:
                for ln in text.wrap(t, size, w, bold):
                    lines.append((ln, size, bold, col, y))
                    y += text.line_height(size)
                y += self.gap
            self._lines = lines
            if self._key is not None and key[0] != self._key[0]:
                self.top = 0
            self._key = key
        return self._lines

    @property
    def content_h(self) -> int:
        lines = self._layout()
        return (lines[-1][4] + text.line_height(lines[-1][1])) if lines else 0

    @property
    def enabled(self) -> bool:
        return self.content_h > self.rect.h

    def scroll(self, dy: int) -> None:
        lines = self._layout()
        top = max(0, min(self.top + dy, max(0, self.content_h - self.rect.h)))
        # snap to the start of a line so the first visible line is whole
        starts = [y for _, _, _, _, y in lines]
        if starts and top not in starts:
            after = [y for y in starts if y >= top]
            top = after[0] if (after and dy > 0) else max([y for y in starts if y <= top] or [0])
        self.top = top

    def handle(self, inp: Input) -> bool:
        a = inp.action
        step = text.line_height(SIZE.BODY)
        if a == Action.UP or (a == Action.WHEEL and inp.value > 0):
            self.scroll(-step)
            return True
        if a == Action.DOWN or (a == Action.WHEEL and inp.value < 0):
            self.scroll(step)
            return True
        if a == Action.PAGE_UP:
            self.scroll(-(self.rect.h - step))
            return True
        if a == Action.PAGE_DOWN:
            self.scroll(self.rect.h - step)
            return True
        if a == Action.HOME:
            self.top = 0
            return True
        if a == Action.END:
            self.scroll(10**6)
            return True
        return False

    def draw(self, surf: pygame.Surface, focused: bool) -> None:
        th = current()
        lines = self._layout()
        clip = surf.get_clip()
        surf.set_clip(self.rect)
        marks = tuple(self.marks()) if self.marks else ()
        for ln, size, bold, col, y in lines:
            yy = self.rect.y + y - self.top
            lh = text.line_height(size)
            if yy < self.rect.y or yy + lh > self.rect.bottom + 2:
                continue  # only whole lines: a cut line is hard to read on a projector
            text.draw_line(
                surf, ln, (self.rect.x, yy), size, col or th.ink, bold, max_w=self.rect.w - 10
            )
            if marks:
                text.underline_marks(surf, ln, self.rect.x, yy, size, bold, col or th.ink, marks)
        surf.set_clip(clip)
        total = self.content_h
        if total > self.rect.h:
            track = Rect(self.rect.right - 6, self.rect.y, 6, self.rect.h)
            pygame.draw.rect(surf, th.panel_alt, track)
            h = max(16, self.rect.h * self.rect.h // total)
            frac = min(1.0, self.top / max(1, total - self.rect.h))
            y = self.rect.y + int((self.rect.h - h) * frac)
            pygame.draw.rect(surf, th.ink_soft, Rect(track.x, y, 6, h))
            # a "more below" cue in words as well as the bar
        if focused:
            draw_focus(surf, self.rect)
