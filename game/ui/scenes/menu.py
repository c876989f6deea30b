"""The main menu: the scenario list and its details (with how the chosen role is graded),
role (or teams) / seed / difficulty, start, class setup (for the teacher), the guided tour,
continue the last autosave, load, settings, about the map, help, quit. When saves cannot be
written in the save folder, a note under the details says why and how to save elsewhere, until
it is fixed."""

from __future__ import annotations

from typing import Any

import pygame

from ...play import savefolder
from ...scenario.model import text_in
from .. import catalog, fonts, saves, text
from .. import goal_views as gvs
from ..controller import DIFFICULTIES, MAX_TEAMS, default_role, scenario_roles
from ..i18n import language, tr
from ..input import Action, Input
from ..text import short_title
from ..theme import OKABE_ITO, SIZE, current
from ..widgets import Button, Cycle, FocusRing, ListView, NumberField, ScrollText, TextBlock, panel
from .base import Host, Scene

Rect = pygame.Rect
LIST_BOX = Rect(16, 68, 420, 444)
DETAIL_BOX = Rect(452, 68, 812, 444)


class MenuScene(Scene):
    name = "menu"

    def __init__(self, app: Host, entries: list[catalog.Entry] | None = None) -> None:
        super().__init__(app)
        self.entries = entries if entries is not None else catalog.discover()
        self.role: tuple[str, ...] | None = None
        self.seed = app.options.seed
        self.difficulty: str | None = app.options.difficulty
        self.folder_problem: str | None = None
        self._build()
        self._look_at_saves()
        self._selected(0)

    def _build(self) -> None:
        with fonts.scale_capped(fonts.OTHER_SCENES_CAP):  # as it will be drawn
            self._build_widgets()

    def _build_widgets(self) -> None:
        self._built = (language(), fonts.scale())
        keep_sel = self.list.selected if hasattr(self, "list") else 0  # type: ignore[has-type]
        inner = LIST_BOX.inflate(-20, -12)
        hh = text.line_height(SIZE.H2) + 4
        row_h = text.line_height(SIZE.BODY) * 2 + text.line_height(SIZE.SMALL) + 16
        self.list = ListView(
            Rect(inner.x - 4, inner.y + hh, inner.w + 8, inner.h - hh),
            lambda: len(self.entries),
            self._draw_row,
            row_h,
            on_activate=lambda i: self.start(),
            on_select=self._selected,
        )
        self.list.selected = keep_sel
        self.details = ScrollText(self._details_rect(), self._detail_blocks)
        y1, y2, y3 = 522, 596, 662
        self.role_w = Cycle(
            Rect(16, y1, 330, 64),
            tr("menu.role"),
            self._roles,
            lambda: self.role,
            self._set_role,
            self._role_name,
        )
        self.seed_w = NumberField(
            Rect(358, y1, 200, 64),
            tr("menu.seed"),
            lambda: self.seed,
            self._set_seed,
            lo=0,
            hi=999_999,
        )
        self.diff_w = Cycle(
            Rect(570, y1, 330, 64),
            tr("menu.difficulty"),
            lambda: list(DIFFICULTIES),
            lambda: self._difficulty(),
            self._set_difficulty,
            lambda v: tr(f"difficulty.{v}"),
        )
        self.setup_b = Button(
            Rect(912, y1 + 6, 352, 58),
            tr("menu.setup"),
            self.open_setup,
            lambda: any(e.ok for e in self.entries),
        )
        self.start_b = Button(
            Rect(16, y2, 420, 56),
            tr("menu.start"),
            self.start,
            lambda: self.entry is not None,
            primary=True,
            size=SIZE.H2,
        )
        self.tour_b = Button(
            Rect(452, y2, 300, 56),
            tr("menu.tour"),
            self.tour,
            lambda: any(e.ok for e in self.entries),
        )
        self.cont_b = Button(
            Rect(768, y2, 496, 56), self._continue_label, self.continue_game, self._can_continue
        )
        labels: list[tuple[Any, Any, Any]] = [
            (tr("menu.load"), self.load, None),
            (tr("menu.settings"), self.app.open_settings, None),
            (tr("menu.glossary"), self.glossary, lambda: self.entry is not None and self.entry.ok),
            (tr("menu.about_map"), self.app.open_about_map, None),
            (tr("menu.help"), self.app.open_help, None),
            (tr("menu.quit"), self.app.quit, None),
        ]
        ws = [190, 200, 210, 240, 180, 150]
        gap = (1248 - sum(ws)) // (len(ws) - 1)
        x = 16
        self.bottom = []
        for (lab, fn, en), w in zip(labels, ws):
            self.bottom.append(Button(Rect(x, y3, w, 48), lab, fn, en))
            x += w + gap
        self.ring = FocusRing(
            [
                self.list,
                self.role_w,
                self.seed_w,
                self.diff_w,
                self.setup_b,
                self.start_b,
                self.tour_b,
                self.cont_b,
                *self.bottom,
                self.details,
            ]
        )

    def _look_at_saves(self) -> None:
        """The newest autosave that loads (Continue), and whether saves can be written (the
        note under the details); never raises, whatever the save folder holds."""
        self._autosave = savefolder.latest_autosave(saves.save_dir())
        self.folder_problem = saves.folder_problem()
        with fonts.scale_capped(fonts.OTHER_SCENES_CAP):  # as it will be drawn
            self.details.rect = self._details_rect()

    def _note_rect(self) -> Rect | None:
        """Where the save folder's note goes (the bottom of the details), or None."""
        if not self.folder_problem:
            return None
        d = DETAIL_BOX.inflate(-20, -12)
        lines = text.wrap(self.folder_problem, SIZE.SMALL, d.w - 24, False)
        h = text.line_height(SIZE.BODY) + min(len(lines), 4) * text.line_height(SIZE.SMALL) + 16
        return Rect(d.x, d.bottom - h, d.w, h)

    def _details_rect(self) -> Rect:
        """The details' scrolling text: above the save folder's note when there is one."""
        d = DETAIL_BOX.inflate(-20, -12)
        note = self._note_rect()
        bottom = note.y - 8 if note is not None else d.bottom
        return Rect(d.x, d.y + 100, d.w, bottom - d.y - 100)

    def _draw_note(self, surf: pygame.Surface) -> None:
        """Saves cannot be written: say so, where, and how to save elsewhere, on yellow (the
        look of the map's notes), until the folder can be written again."""
        r = self._note_rect()
        if r is None or not self.folder_problem:
            return
        pygame.draw.rect(surf, OKABE_ITO["yellow"], r, border_radius=8)
        pygame.draw.rect(surf, (0, 0, 0), r, 2, border_radius=8)
        inner = r.inflate(-24, -12)
        head = text.line_height(SIZE.BODY)
        text.draw(
            surf,
            "⚠ " + tr("menu.saves_off"),
            Rect(inner.x, inner.y, inner.w, head),
            SIZE.BODY,
            (0, 0, 0),
            bold=True,
            wrap_text=False,
            min_size=SIZE.SMALL,
        )
        text.draw(
            surf,
            self.folder_problem,
            Rect(inner.x, inner.y + head, inner.w, inner.h - head),
            SIZE.SMALL,
            (0, 0, 0),
        )

    # ---- selection -----------------------------------------------------------------------------
    @property
    def entry(self) -> catalog.Entry | None:
        if not self.entries:
            return None
        return self.entries[min(self.list.selected, len(self.entries) - 1)]

    def _selected(self, i: int) -> None:
        e = self.entry
        if e and e.scenario:
            opts = self._roles()
            want = tuple(self.app.options.roles) or (self.role or ())
            if want in opts:
                self.role = want
            else:
                self.role = (default_role(e.scenario, want[0] if want else None),)
        else:
            self.role = None
        self.details.top = 0

    def _roles(self) -> list[tuple[str, ...]]:
        """One role, or several teams at one computer (hotseat): all the playable roles, and
        the teams of the class setup or the command line."""
        e = self.entry
        if not e or not e.scenario:
            return []
        roles = scenario_roles(e.scenario)
        out: list[tuple[str, ...]] = [(r,) for r in roles]
        extra = [tuple(self.app.options.roles)]
        st = self.app.remembered_setup()
        if st is not None and st.scenario == e.id:
            extra.append(tuple(st.roles))
        extra.append(tuple(roles[:MAX_TEAMS]))
        for t in extra:
            if len(t) > 1 and all(r in roles for r in t) and t not in out:
                out.append(t)
        return out

    def _role_name(self, rid: tuple[str, ...] | None) -> str:
        e = self.entry
        if not rid or not e or not e.scenario:
            return "—"
        names = e.scenario.names(language())
        if len(rid) == 1:
            return names.get(rid[0], rid[0])
        return tr("menu.teams", teams=" + ".join(names.get(r, r) for r in rid))

    def _set_role(self, r: tuple[str, ...]) -> None:
        self.role = r

    def _set_seed(self, v: int) -> None:
        self.seed = v

    def _difficulty(self) -> str:
        e = self.entry
        if self.difficulty in DIFFICULTIES:
            return self.difficulty  # type: ignore[return-value]
        return e.scenario.meta.difficulty if e and e.scenario else "standard"

    def _set_difficulty(self, v: str) -> None:
        self.difficulty = v

    # ---- actions -------------------------------------------------------------------------------
    def start(self) -> None:
        e = self.entry
        if e is None:
            return
        if not e.ok:
            self.app.show_error(tr("error.scenario_title", id=e.id), e.errors)
            return
        st = self.app.remembered_setup()
        timer = st.timer_min if st is not None and st.scenario == e.id else 0
        self.app.new_game(e, self.role, self.seed, self._difficulty(), timer_min=timer)

    def open_setup(self) -> None:
        e = self.entry
        self.app.open_setup(self.entries, e.id if e is not None and e.ok else None)

    def tour(self) -> None:
        self.app.start_tour(self.entries)

    def glossary(self) -> None:
        e = self.entry
        if e is not None and e.ok:
            self.app.open_glossary(e.scenario, [])

    def _can_continue(self) -> bool:
        return self._autosave is not None

    def _continue_label(self) -> str:
        a = self._autosave
        if a is None:
            return tr("menu.continue")
        # the scenario's title as the list shows it (its id only when it is not installed)
        entry = next((e for e in self.entries if e.id == a.scenario_id), None)
        title = short_title(entry.title(language())) if entry is not None else a.scenario_id
        year = saves.year_now(a, entry.scenario if entry is not None else None)
        return tr("menu.continue_what", scenario=title, year=year or "—")

    def continue_game(self) -> None:
        a = self._autosave
        if a is not None:
            self.app.resume_save(a.path, a.scenario_id)

    def load(self) -> None:
        from .saves import SaveLoadScene

        self.app.stack.push(SaveLoadScene(self.app, "load", None))

    def resume(self) -> None:
        self._look_at_saves()
        st = self.app.remembered_setup()
        adopted = False
        if st is not None and st.code() != getattr(self, "_adopted", ""):
            # the class setup just closed: show its scenario, teams, seed and difficulty here
            idx = next((i for i, e in enumerate(self.entries) if e.id == st.scenario), None)
            if idx is not None:
                self._adopted = st.code()
                self.list.select(idx)
                self.seed = st.seed
                self.difficulty = st.difficulty
                adopted = True
        if self._built != (language(), fonts.scale()):
            self._build()
        if adopted and st is not None:
            self.role = tuple(st.roles)

    def handle(self, inp: Input) -> bool:
        if inp.action == Action.BACK:
            return True  # Esc on the menu does nothing; Quit is a button
        return super().handle(inp)

    # ---- drawing -------------------------------------------------------------------------------
    def _draw_row(self, surf: pygame.Surface, i: int, r: Rect, selected: bool) -> None:
        th = current()
        e = self.entries[i]
        lh = text.line_height(SIZE.BODY) * 2
        used = text.draw(
            surf,
            e.title(language()),
            Rect(r.x, r.y + 4, r.w - 8, lh),
            SIZE.BODY,
            th.ink,
            bold=True,
            min_size=SIZE.SMALL,
        )
        lh = used.h
        if e.ok:
            row = e.row()
            sub = tr(
                "menu.row",
                start=row["start_year"],
                end=row["end_year"],
                turns=row["turns"],
                minutes=row["minutes"],
            )
            col = th.ink_soft
        else:
            sub = "⚠ " + tr("menu.broken")
            col = th.bad
        text.draw(
            surf,
            sub,
            Rect(r.x, r.y + 4 + lh, r.w - 8, text.line_height(SIZE.SMALL)),
            SIZE.SMALL,
            col,
            wrap_text=False,
            min_size=SIZE.SMALL,
        )

    def _detail_blocks(self) -> list[TextBlock]:
        e = self.entry
        th = current()
        if e is None:
            return [(tr("menu.no_scenarios"), SIZE.BODY, False, None)]
        if not e.ok:
            return [(tr("menu.broken_detail"), SIZE.BODY, False, th.bad)]
        sc = e.scenario
        assert sc is not None
        lang = language()
        names = sc.names(lang)
        roles = ", ".join(names.get(r, r) for r in sc.playable_roles) or "—"
        out: list[TextBlock] = [(tr("menu.roles", roles=roles), SIZE.BODY, False, None)]
        if lang not in (sc.meta.languages or ["en"]):  # say so before the English texts
            out.append((tr("menu.not_translated"), SIZE.SMALL, False, th.ink_soft))
        out.append((text_in(sc.meta.summary, lang), SIZE.BODY, False, None))
        for role in self.role or ():  # what the chosen role (each team) is graded on, and how
            goals = gvs.scenario_goals(sc, role)
            if not goals:
                continue
            out.append((tr("menu.graded", role=names.get(role, role)), SIZE.BODY, True, None))
            for g in goals:
                out.append(("• " + g.name, SIZE.BODY, False, None))
                graded = g.bands + (f" · {g.weight}" if g.weight else "")
                out.append((graded, SIZE.SMALL, False, th.ink_soft))
        objs = [text_in(o, lang) for o in sc.meta.learning_objectives]
        if objs:
            out.append((tr("menu.objectives"), SIZE.BODY, True, None))
            out += [("• " + o, SIZE.BODY, False, None) for o in objs]
        if e.warnings:
            out.append((tr("menu.warnings", n=len(e.warnings)), SIZE.SMALL, False, th.ink_soft))
        return out

    def title(self) -> str:
        """The title for the highlighted scenario: the game in its region (``map: region:``),
        or, when the scenario names none, the scenario's own title."""
        e = self.entry
        if e is None:
            return "Crossroads"
        sc = e.scenario if e.ok else None
        region = text_in(sc.map.region, language()) if sc is not None else ""
        if region:
            return tr("app.title_region", region=region)
        return tr("menu.title", title=e.title(language()))

    def draw(self, surf: pygame.Surface) -> None:
        th = current()
        surf.fill(th.bg)
        text.draw(
            surf,
            self.title(),
            Rect(16, 8, 1248, 56),
            SIZE.TITLE,
            th.ink,
            bold=True,
            valign="center",
            wrap_text=False,
            min_size=SIZE.H1,
        )
        panel(surf, LIST_BOX, tr("menu.scenarios"))
        d = panel(surf, DETAIL_BOX)
        e = self.entry
        if e is not None:
            h1 = text.line_height(SIZE.H1)
            title = e.title(language())
            if text.width(title, SIZE.BODY, True) > d.w:  # a long title: two smaller lines
                h1 = 2 * text.line_height(SIZE.SMALL)
                text.draw(surf, title, Rect(d.x, d.y, d.w, h1), SIZE.SMALL, th.ink, bold=True)
            else:
                text.draw(
                    surf,
                    title,
                    Rect(d.x, d.y, d.w, h1),
                    SIZE.H1,
                    th.ink,
                    bold=True,
                    wrap_text=False,
                    min_size=SIZE.BODY,
                )
            if e.ok:
                row = e.row()
                facts = tr(
                    "menu.facts",
                    start=row["start_year"],
                    end=row["end_year"],
                    turns=row["turns"],
                    minutes=row["minutes"],
                    difficulty=tr(f"difficulty.{row['difficulty']}"),
                    kind=tr(f"kind.{row['kind']}"),
                )
                text.draw(
                    surf,
                    facts,
                    Rect(d.x, d.y + h1 + 4, d.w, 100 - h1 - 8),
                    SIZE.BODY,
                    th.ink_soft,
                    min_size=SIZE.SMALL,
                )
        elif not self.entries:
            text.draw(surf, tr("menu.no_scenarios"), d, SIZE.BODY, th.ink)
        self.ring.draw(surf)
        self._draw_note(surf)
