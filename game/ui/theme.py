"""Colours and sizes. Okabe-Ito fills with black labels (white on blue); nothing is told by
colour alone: partners also get a letter badge and a hatch pattern (see ``map_view``).

Sizes are logical pixels on the 1280x720 canvas: body text 24, secondary text 20 (sources,
axis ticks), headings 28-40 (frontend_style.md section 5.2).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

Colour = tuple[int, int, int]

LOGICAL_W, LOGICAL_H = 1280, 720


class SIZE:
    TITLE = 40
    H1 = 32
    H2 = 28
    BODY = 24
    SMALL = 20  # never smaller than this


# Okabe & Ito, "Color Universal Design"
OKABE_ITO = {
    "orange": (0xE6, 0x9F, 0x00),
    "sky": (0x56, 0xB4, 0xE9),
    "green": (0x00, 0x9E, 0x73),
    "yellow": (0xF0, 0xE4, 0x42),
    "blue": (0x00, 0x72, 0xB2),
    "vermilion": (0xD5, 0x5E, 0x00),
    "purple": (0xCC, 0x79, 0xA7),
    "black": (0, 0, 0),
}

#: partner id -> (fill, letter); other powers take the remaining colours in order
PARTNER_STYLE: dict[str, tuple[Colour, str]] = {
    "RUS": (OKABE_ITO["blue"], "R"),
    "CHN": (OKABE_ITO["vermilion"], "C"),
    "JPN": (OKABE_ITO["purple"], "J"),
    "ROW": ((0xBB, 0xBB, 0xBB), "W"),
}
SPARE_COLOURS = [OKABE_ITO["sky"], OKABE_ITO["orange"], OKABE_ITO["yellow"], OKABE_ITO["green"]]

#: hatch pattern per partner slot, so partners differ without colour
HATCHES = ("diag", "back", "dots", "horiz", "cross", "vert")

# cividis-like sequential ramp (colour-blind safe, light to dark reads as low to high)
RAMP = [
    (0xFF, 0xEA, 0x46),
    (0xBC, 0xAF, 0x6F),
    (0x7C, 0x7B, 0x78),
    (0x41, 0x4D, 0x6B),
    (0x00, 0x20, 0x4D),
]


@dataclass(frozen=True)
class Theme:
    name: str = "light"
    bg: Colour = (246, 245, 240)
    panel: Colour = (255, 255, 255)
    panel_alt: Colour = (236, 236, 230)
    ink: Colour = (20, 20, 20)
    ink_soft: Colour = (70, 70, 70)  # 9.9:1 on white
    ink_disabled: Colour = (95, 95, 95)  # still 6.4:1 on white: disabled is also said in words
    border: Colour = (60, 60, 60)
    focus: Colour = (0x00, 0x72, 0xB2)
    focus_inner: Colour = (255, 255, 255)
    accent: Colour = (0x00, 0x72, 0xB2)
    accent_ink: Colour = (255, 255, 255)
    sea: Colour = (0xDC, 0xE9, 0xF2)
    neighbour: Colour = (0xD9, 0xD9, 0xD9)
    state_outline: Colour = (30, 30, 30)
    overlay: tuple[int, int, int, int] = (0, 0, 0, 150)
    good: Colour = (0x00, 0x6B, 0x4E)  # darker bluish green: 6.3:1 on white
    bad: Colour = (0xA3, 0x3A, 0x00)  # darker vermilion: 6.0:1 on white
    outline_w: int = 1
    focus_w: int = 4


LIGHT = Theme()
HIGH_CONTRAST = replace(
    LIGHT,
    name="high_contrast",
    bg=(255, 255, 255),
    panel=(255, 255, 255),
    panel_alt=(230, 230, 230),
    ink=(0, 0, 0),
    ink_soft=(0, 0, 0),
    ink_disabled=(60, 60, 60),
    border=(0, 0, 0),
    focus=(0, 0, 0),
    outline_w=2,
    focus_w=5,
)

_current = LIGHT


def current() -> Theme:
    return _current


def set_high_contrast(on: bool) -> None:
    global _current
    _current = HIGH_CONTRAST if on else LIGHT


def partner_styles(partner_ids: list[str]) -> dict[str, tuple[Colour, str, str]]:
    """partner id -> (fill colour, badge letter, hatch pattern) for a scenario's partners."""
    out: dict[str, tuple[Colour, str, str]] = {}
    spare = iter(SPARE_COLOURS)
    used_letters = {v[1] for v in PARTNER_STYLE.values()}
    for i, pid in enumerate(partner_ids):
        if pid in PARTNER_STYLE:
            col, letter = PARTNER_STYLE[pid]
        else:
            col = next(spare, (0x99, 0x99, 0x99))
            letter = next((ch for ch in pid if ch not in used_letters), pid[0])
            used_letters.add(letter)
        hatch = "none" if pid == "ROW" else HATCHES[i % len(HATCHES)]
        out[pid] = (col, letter, hatch)
    return out


def ramp(v: float) -> Colour:
    """0..1 -> colour on the sequential ramp (light = low)."""
    v = min(1.0, max(0.0, v))
    x = v * (len(RAMP) - 1)
    i = min(int(x), len(RAMP) - 2)
    t = x - i
    a, b = RAMP[i], RAMP[i + 1]
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """Blend a toward b by t (0..1)."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def luminance(c: Colour) -> float:
    def ch(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])


def contrast(a: Colour, b: Colour) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def ink_on(fill: Colour) -> Colour:
    """Black or white, whichever reads better on ``fill``."""
    return (
        (0, 0, 0)
        if contrast((0, 0, 0), fill) >= contrast((255, 255, 255), fill)
        else (255, 255, 255)
    )
