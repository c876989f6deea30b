"""The class report's one-page picture (``report.png``): drawn with the kit's raster charts
(``game.kit.raster``) in the game's own font, offscreen, projector-sized (1600 x 1000).

``summarise`` gathers what the picture shows (a ``Summary``); ``draw_png`` draws it. The text
is at least 18 pixels everywhere, legible from the back of a classroom; the full text of every
part is in ``report.md``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

from ..kit.raster import MARKERS, OKABE_ITO, Canvas, Series, Style, line_chart
from ..kit.typeface import Colour, FontFiles
from .analysis import (
    Findings,
    Group,
    as_number,
    discussion,
    level_gaps,
    levels_of,
    objective_columns,
    seeds_of,
    value_labels,
)
from .i18n import difficulty_name, join, language, number, tr


@dataclass
class Summary:
    """What the one-page picture shows."""

    title: str
    subtitle: str
    cautions: list[str]  # short warnings under the subtitle (seeds, difficulties, files left out)
    groups: list[Group]
    bench: Group | None
    objectives: list[tuple[str, str, str]]  # (role, id, name)
    roles: list[str]
    role_names: dict[str, str]
    years: list[str]
    divergence: list[str]  # short lines; report.md has the long ones
    prompts: list[str]
    #: how many of history's choices each group made: (group, made, of)
    made: list[tuple[Group, int, int]] = field(default_factory=list)
    #: the first year, when every group left the historical path in it ("" otherwise): then
    #: the picture says so in one line and shows ``made`` instead of one line per group
    all_left_first: str = ""
    split: str = ""  # when the groups first chose differently from each other (short)
    split_first_year: bool = False  # ...and that was the first year
    #: how many prompts report.md lists in all (the picture shows a few and counts the rest)
    prompts_total: int = 0


def picture_cautions(
    groups: list[Group], sc: object, bench: Group | None, skipped: list[str]
) -> list[str]:
    """The warnings, short enough for the projector (report.md has them in full)."""
    out = []
    seeds = seeds_of(groups)
    if len(seeds) > 1:
        out.append(tr("caution.seeds", seeds=", ".join(map(str, seeds))))
    gaps = level_gaps(groups, sc, history=bench is not None)
    for level, who in gaps.other.items():
        out.append(
            tr(
                "caution.groups.history" if level in gaps.unshipped else "caution.groups",
                groups=join([g.name for g in who]),
                level=difficulty_name(level),
                usual=difficulty_name(gaps.usual),
            )
        )
    for level, who in gaps.unshipped.items():
        if level in gaps.other:  # said above
            continue
        out.append(
            tr("caution.history", groups=join([g.name for g in who]), level=difficulty_name(level))
        )
    if skipped:
        out.append(tr("caution.skipped", files=tr("n.file", n=len(skipped))))
    return out


def summarise(f: Findings) -> Summary:
    """What the picture shows of the findings, short enough for one page."""
    from ..scenario.model import text_in

    sid, sc, groups, names, shared, bench = f.sid, f.sc, f.groups, f.names, f.roles, f.bench
    analysis, skipped = f.analysis, f.skipped

    lang = language()
    title = text_in(sc.meta.title, lang) if sc is not None else sid
    seeds, levels = seeds_of(groups), levels_of(groups)
    sub = " \u00b7 ".join(
        [
            tr("sub.report"),
            tr("sub.scenario", sid=sid),
            tr("n.group", n=len(groups)),
            tr("doc.intro.seeds", n=len(seeds), list=", ".join(map(str, seeds))),
            tr("join.sep").join(map(difficulty_name, levels)),
            tr("sub.roles", roles=", ".join(shared) or "-"),
        ]
    )
    objs = objective_columns(groups + ([bench] if bench else []), shared, names)
    talk = discussion(sc, groups, names, analysis)  # as report.md lists it
    return Summary(
        title,
        sub,
        picture_cautions(groups, sc, bench, skipped),
        groups,
        bench,
        objs,
        shared,
        {r: names.of(r) for r in shared},
        value_labels(sc, groups + ([bench] if bench else [])),
        analysis.short,
        analysis.prompts[:3] + talk.questions[:1],
        analysis.made,
        analysis.all_left_first,
        analysis.split,
        analysis.split_turn == 0,
        talk.total,
    )


# ------------------------------------------------------------------------------------------------
# The picture
# ------------------------------------------------------------------------------------------------
def draw_png(s: Summary, warn: list[str]) -> bytes | None:
    """The one-page summary as PNG bytes (None, with a warning, if pygame cannot be used)."""
    try:
        picture = Picture(s)
    except Exception as e:  # noqa: BLE001 - the picture is optional; report.md is the report
        msg = f"report.png was not drawn (pygame is not available: {e})"
        warn.append(msg)
        print(f"crossroads: warning: {msg}", file=sys.stderr)
        return None
    return picture.paint()


#: the smallest text in the picture, in pixels (legible from the back of a classroom)
MIN_TEXT = 18
HISTORY_COLOUR = (120, 120, 120)


class Picture:
    """The one-page picture. Layout, top to bottom: the title, the subtitle and any cautions;
    the grades across the whole width (one column per objective of every compared role, one
    overall column per role); then the autonomy chart on the left and, on the right, where the
    paths diverged and the prompts to discuss.

    Every text is at least ``MIN_TEXT`` pixels, for the back of a classroom. Nothing is cut
    off silently: text wraps; a column heading too long for its column is shortened
    deliberately (the part before a colon or a bracket), or, when the columns are too narrow
    for any heading, the columns are numbered and a key under the table names them; a footnote
    says that report.md has the full names; a name that does not fit even so ends in "…" and a
    footnote says so; lines or prompts that do not fit are counted in a "more in report.md"
    line."""

    W, H = 1600, 1000
    M = 40  # margin
    STYLE = Style(
        ink=(29, 29, 31),
        muted=(88, 92, 97),
        grid=(222, 226, 231),
        axis=(88, 92, 97),
        text_px=MIN_TEXT,
        title_px=24,
        min_px=MIN_TEXT,
    )
    CAUTION = (176, 64, 0)
    LABEL_W = 330  # the grades table's first column: the groups' names
    OVERALL_W = 72  # one overall-grade column per role
    CHART_W = 640  # the autonomy chart, bottom left; the notes and prompts take the rest

    def __init__(self, s: Summary) -> None:
        self.s = s
        self.cv = Canvas.new(self.W, self.H, FontFiles(), self.STYLE)
        self.cut_noted = False  # a shortened text was noted in the grades' footnote
        self.note_cut = False

    @property
    def ink(self) -> Colour:
        return self.STYLE.ink

    @property
    def muted(self) -> Colour:
        return self.STYLE.muted

    def series(self, g: Group) -> Series:
        """How a group looks in the chart and beside its row: its colour and marker; the
        benchmark a grey dashed line."""
        if g.index is None:
            return Series(g.name, g.autonomy, HISTORY_COLOUR, "none", dashed=True)
        i = g.index
        return Series(g.name, g.autonomy, OKABE_ITO[i % len(OKABE_ITO)], MARKERS[i % len(MARKERS)])

    def key(self, g: Group, c: tuple[int, int]) -> None:
        """The group's marker (the benchmark's dashed line) at ``c``."""
        look = self.series(g)
        if look.marker != "none":
            self.cv.marker(look.marker, c, look.colour, 7)
        else:
            self.cv.dashed((c[0] - 10, c[1]), (c[0] + 10, c[1]), look.colour, dash=5)

    # ---- the page ------------------------------------------------------------------------------
    def paint(self) -> bytes:
        """The page as PNG bytes."""
        self.page(False)
        if self.cv.cut and not self.cut_noted:  # a name was shortened below the grades' note
            self.cv.surf.fill(self.STYLE.paper)
            self.page(True)
        return self.cv.png()

    def page(self, note_cut: bool) -> None:
        """Draw the page; ``note_cut``: say in the grades' footnote that some text ends in
        "…" even if none of the grades table's does."""
        s, cv, M = self.s, self.cv, self.M
        cv.cut, self.cut_noted, self.note_cut = False, False, note_cut
        width = self.W - 2 * M
        size = cv.fit_px(s.title, width, 38, True, 28)
        y = cv.paragraph(M, 20, s.title, width, size, True) or 70
        y = (cv.paragraph(M, y + 2, s.subtitle, width, 20, colour=self.muted) or y) + 2
        if s.cautions:  # one paragraph: two short cautions share a line
            cautions = tr("pic.caution.sep").join(s.cautions)
            y = cv.paragraph(M, y + 2, cautions, width, 18, True, self.CAUTION) or y
        y += 10
        cv.rule((M, y), (self.W - M, y), width=2)
        y = self.grades(M, y + 12, width) + 10
        cv.rule((M, y), (self.W - M, y), width=2)
        y += 12
        self.chart(M, y, self.CHART_W, self.H - 16 - y)
        notes_x = M + self.CHART_W + 50
        self.notes_column(notes_x, y, self.W - M - notes_x, self.H - 16)

    def headings(
        self, objs: list[tuple[str, str, str]], col: int, size: int
    ) -> tuple[list[list[str]], bool, bool]:
        """Each objective column's heading as lines (at most 3), whether any was shortened,
        and whether all fit. A name that does not fit is replaced by the first shorter form
        that fits and differs from the role's other headings: without its brackets; the part
        before its colon ("Budget discipline"); that part with the words that tell it from a
        sibling of the same start ("The Belt: trade", "The Belt: transport links"); the part
        after it. When some heading fits in no form (its words are wider than the column),
        the caller numbers the columns instead."""
        cv = self.cv
        shortened, out = False, []
        forms = [
            short_forms(name, [n for r, _, n in objs if r == role and n != name])
            for role, _, name in objs
        ]
        for j, (role, _, name) in enumerate(objs):
            others = {
                fm for k, (r, _, _) in enumerate(objs) if r == role and k != j for fm in forms[k]
            }
            pick = next(
                (
                    c
                    for c in forms[j]
                    if len(cv.lines(c, col - 8, size, True)) <= 3
                    and cv.fits_unbroken(c, col - 8, size, True)
                    and (c == name or c not in others)
                ),
                None,
            )
            if pick is None:
                return [], True, False
            shortened = shortened or pick != name
            out.append(cv.lines(pick, col - 8, size, True))
        return out, shortened, True

    def grades(self, x: int, y: int, width: int) -> int:
        """The grades table across the page; returns the y below it (and its footnotes)."""
        s, cv = self.s, self.cv
        # the finished games, the benchmark, then the games that stopped early (not graded)
        rows = [g for g in s.groups if g.finished] + ([s.bench] if s.bench else [])
        rows += [g for g in s.groups if not g.finished]
        roles = s.roles or sorted({r for g in rows for r in g.overall})
        label_w, ov_col = self.LABEL_W, self.OVERALL_W
        ov_w = ov_col * max(1, len(roles))
        objs = s.objectives
        col = (width - label_w - ov_w - 12) // max(1, len(objs))
        hsize = 18
        lh = cv.line_height(hsize)
        # the objective columns' headings: names, else numbers with a key under the table,
        # else (columns too narrow even for grades) none, and a footnote
        mode, shortened = "none", False
        heads: list[list[str]] = []
        if objs and col >= 96:
            heads, shortened, fits = self.headings(objs, col, hsize)
            mode = "names" if fits else "numbers"
        elif objs and col >= 60:
            mode = "numbers"
        if mode == "numbers" and col > 82:  # numbered columns need less: the names get it
            label_w = min(480, label_w + (col - 82) * len(objs))
            col = (width - label_w - ov_w - 12) // len(objs)
        show_values = (mode == "names" and col >= 100) or (mode == "numbers" and col >= 78)
        if mode == "none":
            col = 0
        ox = x + label_w  # overall columns start here
        bx = ox + ov_w + 12  # objective columns start here
        head_h = max(len(h) for h in heads) * lh if mode == "names" else lh
        band_y = y
        cv.text(x, band_y - 4, tr("pic.grades"), 26, True)
        cv.text(
            ox + ov_w // 2,
            band_y,
            tr("pic.overall"),
            18,
            True,
            self.muted,
            anchor="midtop",
            max_w=ov_w + 8,
        )
        base = y + 28 + head_h  # the headings' bottom line
        for j, r in enumerate(roles):
            cv.text(
                ox + ov_col * j + ov_col // 2, base, r, 18, True, self.muted, anchor="midbottom"
            )
        if mode != "none":
            for r in roles:
                idx = [j for j, o in enumerate(objs) if o[0] == r]
                if not idx:
                    continue
                x0, x1 = bx + idx[0] * col, bx + (idx[-1] + 1) * col
                role_name = s.role_names.get(r, r)
                band = role_name if role_name == r else f"{role_name} ({r})"
                cv.text((x0 + x1) // 2, band_y, band, 18, True, max_w=x1 - x0 - 8, anchor="midtop")
                cv.rule((x0 + 4, band_y + 25), (x1 - 4, band_y + 25), width=2)
            for j in range(len(objs)):
                cx = bx + j * col + col // 2
                if mode == "names":
                    hl = heads[j]
                    for i, line in enumerate(hl):
                        top = base - (len(hl) - i) * lh
                        cv.text(cx, top, line, hsize, True, self.muted, anchor="midtop")
                else:
                    cv.text(cx, base, str(j + 1), 20, True, self.muted, anchor="midbottom")
        y = base + 6
        cv.rule((x, y), (x + width, y))
        # the rows: the name and, under it, what tells this group's game from the others'
        subs = [self.row_subtitle(g) for g in rows]
        heights = [50 if sub else 38 for sub in subs]
        compact = sum(heights) > 330  # many groups: the subtitle on the name's line
        if compact:
            heights = [max(28, min(34, 300 // len(rows)))] * len(rows)
        for g, sub, rh in zip(rows, subs, heights):
            cy = y + rh // 2
            self.key(g, (x + 11, cy))
            bold = g is not s.bench
            colour = self.muted if g is s.bench else self.ink
            name_w = label_w - 40
            if sub and not compact:
                cv.text(x + 30, cy - 12, g.name, 20, bold, colour, name_w, "midleft")
                cv.text(x + 30, cy + 13, sub, 18, False, self.muted, name_w, "midleft")
            else:
                line = f"{g.name} \u00b7 {sub}" if sub else g.name
                cv.text(x + 30, cy, line, 20, bold, colour, name_w, "midleft")
            for j, r in enumerate(roles):
                cx = ox + ov_col * j + ov_col // 2
                if r in g.roles and r in g.overall:
                    grade = g.overall[r]
                    cv.text(cx, cy, grade, 24, True, grade_colour(grade), anchor="center")
                elif r in g.roles:  # stopped early: not graded
                    cv.text(cx, cy, "\u2013", 20, colour=self.muted, anchor="center")
                else:
                    cv.text(cx, cy, "\u2014", 20, colour=self.muted, anchor="center")
            for j, (role, oid, _) in enumerate(objs if mode != "none" else []):
                cx = bx + j * col + col // 2
                o = next(
                    (q for q in g.objectives if q.get("role") == role and q.get("id") == oid), None
                )
                if o is None or role not in g.roles:
                    cv.text(cx, cy, "\u2014", 20, colour=self.muted, anchor="center")
                    continue
                v = as_number(o.get("value"))
                if o.get("grade") is None:  # stopped early: its value then, no grade
                    text = number(v) if v is not None else "\u2013"
                    cv.text(cx, cy, text, 18, colour=self.muted, anchor="center")
                    continue
                gtxt = str(o["grade"])
                val = f" {number(v)}" if v is not None and show_values else ""
                total = cv.width(gtxt, 22, True) + (cv.width(val) if val else 0)
                left = cv.text(
                    cx - total // 2, cy, gtxt, 22, True, grade_colour(gtxt), None, "midleft"
                )
                if val:
                    cv.text(left.right, cy + 2, val, 18, colour=self.muted, anchor="midleft")
            y += rh
            cv.rule((x, y), (x + width, y))
        if mode == "numbers":  # the key to the numbered columns: a line a role if it can be
            y += 4
            keys = self.column_key(objs, roles, width)
            shortened = shortened or keys != self.column_key(objs, roles, width, full=True)
            for line in keys:
                y = cv.paragraph(x, y, line, width, 18, colour=self.muted) or y
        foot = []
        if any(r not in g.roles for g in rows for r in roles):
            foot.append(tr("pic.foot.dash"))
        if any(not g.finished for g in rows):
            foot.append(tr("pic.foot.unfinished"))
        if shortened:
            foot.append(tr("pic.foot.shortened"))
        if objs and mode == "none":
            foot.append(tr("pic.foot.too_many", objectives=tr("n.objective", n=len(objs))))
        elif objs and not show_values:
            foot.append(tr("pic.foot.values"))
        if cv.cut or self.note_cut:
            foot.append(tr("pic.foot.cut"))
            self.cut_noted = True
        if foot:
            text = tr("pic.foot.sep").join(foot) + tr("pic.foot.end")
            y = cv.paragraph(x, y + 4, text, width, 18, colour=self.muted) or y
        return y

    def column_key(
        self, objs: list[tuple[str, str, str]], roles: list[str], width: int, full: bool = False
    ) -> list[str]:
        """The key to numbered objective columns, one entry a role: "Japan: 1 Balanced region
        (average autonomy of the five) · 2 ...", with the objectives' full names when that
        takes one line a role (or ``full``), else with their short forms (see ``headings``)."""

        def key(names: list[str]) -> list[str]:
            out = []
            for r in roles:
                idx = [j for j, o in enumerate(objs) if o[0] == r]
                if idx:
                    items = tr("pic.key.sep").join(
                        tr("pic.key.item", n=j + 1, name=names[j]) for j in idx
                    )
                    out.append(tr("pic.key", role=self.s.role_names.get(r, r), items=items))
            return out

        names = [n for _, _, n in objs]
        long_key = key(names)
        if full or all(len(self.cv.lines(line, width, 18)) == 1 for line in long_key):
            return long_key
        short = []
        for role, _, name in objs:
            siblings = [n for r, _, n in objs if r == role and n != name]
            forms = short_forms(name, siblings)
            taken = {
                f
                for n in siblings
                for f in short_forms(n, [m for m in siblings + [name] if m != n])
            }
            after = name_parts(name)[1]  # alone, the part after the colon says too little
            short.append(next((f for f in reversed(forms) if f not in taken and f != after), name))
        return key(short)

    def row_subtitle(self, g: Group) -> str:
        """What tells a group's game from the others' (its difficulty, seed and roles, where
        the groups differ in them: the subtitle above gives what they share); for the
        benchmark, its difficulty and seed. '' when there is nothing to tell."""
        groups = self.s.groups
        differ = {
            "level": len({h.difficulty for h in groups}) > 1,
            "seed": len({h.rec.seed for h in groups}) > 1,
            "roles": len(self.s.roles) > 1 and len({tuple(h.rec.humans) for h in groups}) > 1,
        }
        if g is self.s.bench:
            return (
                tr("pic.bench_sub", level=difficulty_name(g.difficulty), seed=g.rec.seed)
                if any(differ.values()) or {h.difficulty for h in groups} != {"standard"}
                else ""
            )
        parts = []
        if differ["level"]:
            parts.append(difficulty_name(g.difficulty))
        if differ["seed"]:
            parts.append(tr("pic.seed", seed=g.rec.seed))
        if differ["roles"] and g.rec.humans:
            parts.append(tr("pic.played", roles=", ".join(g.rec.humans)))
        return " \u00b7 ".join(parts)

    def notes_column(self, x: int, y: int, w: int, bottom: int) -> None:
        """Where the paths diverged, then the prompts; whatever does not fit is counted."""
        s, cv = self.s, self.cv
        lh = cv.line_height(18)
        cv.text(x, y, tr("div.title"), 24, True)
        yy = y + 36
        # the paths take at most about half the height, and always leave room for the heading
        # "Discuss", the first prompt and the line that counts the others
        first = len(cv.lines(s.prompts[0], w, 18, indent=cv.width("1. "))) if s.prompts else 1
        reserve = 4 + 10 + 36 + first * lh + 5 + (lh if len(s.prompts) > 1 else 0) + 4
        div_bottom = max(yy + lh, min(y + (bottom - y) * 48 // 100, bottom - reserve))
        if s.all_left_first and s.made:
            # every group left history in the first year: one line says so, and the space goes
            # to what differs - how many of history's choices each group made
            div_bottom = max(yy + lh, bottom - reserve)
            yy = cv.paragraph(x, yy, tr("pic.all_left_first", year=s.all_left_first), w) or yy
            title = tr("pic.made_title")
            if yy + 2 + (len(cv.lines(title, w, 18)) + 1) * lh > div_bottom:
                # not even one bar fits: say where the figures are
                yy = cv.paragraph(x, yy + 2, tr("pic.made_elsewhere"), w, colour=self.muted) or yy
            else:
                yy = cv.paragraph(x, yy + 2, title, w, colour=self.muted) or yy
                yy = self.made_bars(x, yy + 2, w, div_bottom)
            if s.split and not s.split_first_year:
                yy = cv.paragraph(x, yy + 4, s.split, w, bottom=div_bottom) or yy
            yy += 4
        else:
            shown = 0
            for line in s.divergence:
                end = cv.paragraph(x, yy, line, w, bullet="\u2022 ", bottom=div_bottom)
                if end is None:
                    break
                yy, shown = end + 3, shown + 1
            if shown < len(s.divergence):
                more = tr("pic.more_lines", n=len(s.divergence) - shown)
                yy = cv.text(x, yy, more, colour=self.muted).bottom + 4
            if not s.divergence:
                yy = cv.text(x, yy, tr("div.none"), colour=self.muted).bottom + 4
        yy += 10
        cv.text(x, yy, tr("pic.discuss"), 24, True)
        yy += 36
        shown = 0
        for i, q in enumerate(s.prompts, 1):
            last = bottom - (lh if i < len(s.prompts) else 0)
            end = cv.paragraph(x, yy, q, w, bullet=f"{i}. ", bottom=last)
            if end is None:
                break
            yy, shown = end + 5, shown + 1
        rest = max(s.prompts_total, len(s.prompts)) - shown
        if rest > 0:
            cv.text(x, yy, tr("pic.more_prompts", n=rest), colour=self.muted)

    def made_bars(self, x: int, y: int, w: int, bottom: int) -> int:
        """How many of history's choices each group made, a bar a group (two groups a row
        when there are many); in a line or two of text when the bars do not fit above
        ``bottom``; what does not fit even so is counted. Returns the y below."""
        s, cv = self.s, self.cv
        lh = cv.line_height(18)
        cols = 2 if len(s.made) > 4 else 1
        col_w = (w - 30 * (cols - 1)) // cols
        num_w = max(cv.width(tr("pic.made", same=m, total=t)) for _, m, t in s.made) + 12
        name_w = min(max(cv.width(g.name) for g, _, _ in s.made) + 44, col_w // 2)
        row = 24
        need = -(-len(s.made) // cols)
        fit = max(0, (bottom - y) // row)
        if fit < need:
            fit = max(0, (bottom - y - lh) // row)  # room for the "more" line
        shown = s.made[: min(need, fit) * cols]
        if len(shown) < len(s.made):  # as text: every group if it fits, else the first few
            items = [
                tr("pic.made_inline", group=g.name, made=tr("pic.made", same=m, total=t))
                for g, m, t in s.made
            ]
            for k in range(len(items), 0, -1):
                rest = [tr("pic.more_lines", n=len(items) - k)] if k < len(items) else []
                end = cv.paragraph(x, y, tr("pic.key.sep").join(items[:k] + rest), w, bottom=bottom)
                if end is not None:
                    return end
        for i, (g, same, total) in enumerate(shown):
            x0, cy = x + (i % cols) * (col_w + 30), y + (i // cols) * row + row // 2
            self.key(g, (x0 + 11, cy))
            cv.text(x0 + 28, cy, g.name, max_w=name_w - 40, anchor="midleft")
            bx0, bx1 = x0 + name_w, x0 + col_w - num_w
            cv.box((bx0, cy - 7, bx1 - bx0, 14), self.STYLE.grid)
            fill = int((bx1 - bx0) * same / total) if total else 0
            if fill:
                cv.box((bx0, cy - 7, fill, 14), self.series(g).colour)
            made = tr("pic.made", same=same, total=total)
            cv.text(x0 + col_w, cy, made, colour=self.muted, anchor="midright")
        y += -(-len(shown) // cols) * row
        if len(shown) < len(s.made):
            more = tr("pic.more_lines", n=len(s.made) - len(shown))
            y = cv.text(x, y, more, colour=self.muted).bottom
        return y

    def chart(self, x: int, y: int, w: int, h: int) -> None:
        """Average autonomy over the scenario's years, a line a group and the benchmark
        dashed; the legend below it (the grades table's markers are the legend when it would
        take more than two lines)."""
        s = self.s
        series = [self.series(g) for g in s.groups + ([s.bench] if s.bench else [])]
        vals = [v for look in series for v in look.values]
        if not vals:
            self.cv.text(x, y, tr("autonomy.title"), 24, True)
            return
        lo, hi = min(vals), max(vals)
        step = 5 if hi - lo <= 30 else 10
        y_range = (step * (lo // step), step * (hi // step + 1))
        line_chart(
            self.cv,
            (x, y, w, h),
            s.years,
            series,
            y_range,
            title=tr("autonomy.title"),
            legend="below",
            legend_note=tr("pic.legend_as_table"),
        )


def name_parts(name: str) -> tuple[str, str, str]:
    """An objective's name without its brackets, split at its colon: (before, after, the
    colon). Brackets and colons may be ASCII or full-width (Japanese names)."""
    plain = re.sub(r"\s*[(\uff08][^)\uff09]*[)\uff09]", "", name).strip()
    m = re.search(r"[:\uff1a]", plain)
    if m is None:
        return plain, "", ""
    return plain[: m.start()].strip(), plain[m.end() :].strip(), m.group()


def short_forms(name: str, siblings: list[str]) -> list[str]:
    """An objective's name, then shorter forms of it, longest first (see ``headings``)."""
    parts = name_parts
    plain = re.sub(r"\s*[(\uff08][^)\uff09]*[)\uff09]", "", name).strip()
    before, after, colon = parts(name)
    out = [name, plain, before]
    same_start = [parts(n)[1].split() for n in siblings if after and parts(n)[0] == before]
    # drop the words the siblings' second parts share with this one ("The Belt: trade"; not
    # in a language whose words change with their case, where the rest would not read)
    if same_start and tr("pic.short.drop_words") == "yes":
        words = after.split()
        common = max(
            next((i for i, (a, b) in enumerate(zip(words, w)) if a != b), min(len(words), len(w)))
            for w in same_start
        )
        if words[common:]:
            sep = f"{colon} " if colon == ":" else colon
            out.append(f"{before}{sep}{' '.join(words[common:])}")
    out.append(after)
    return list(dict.fromkeys(f for f in out if f))  # without repeats, in order


def grade_colour(g: str) -> tuple[int, int, int]:
    return {
        "A": (0, 120, 80),
        "B": (0, 100, 160),
        "C": (150, 110, 0),
        "D": (190, 90, 0),
        "F": (180, 40, 40),
    }.get(g, (60, 60, 60))
