"""Embedded fonts for PDF reports, with per-character fallback so every name prints.

DejaVu Sans covers Latin (Polish, German, Nordic, Vietnamese), Greek and Cyrillic; Droid Sans
Fallback covers Chinese, Japanese and Korean. Text is split into runs by which font has the
glyph, for Paragraph markup (``paragraph_markup``) and for canvas or chart text
(``draw_text``, ``text_shapes``). Licences and sources: resources/fonts/README.md.
"""

from __future__ import annotations

import sys
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Group, String
from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.errors import UserFacingError
from app.i18n import _

SANS = "UpskillSans"
SANS_BOLD = "UpskillSans-Bold"
FALLBACK = "UpskillSansCJK"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
}

Anchor = Literal["start", "middle", "end"]

_lock = threading.Lock()
_cmaps: dict[str, frozenset[int]] = {}


def fonts_dir() -> Path:
    """Where the font files are: resources/fonts in the source tree or the frozen app."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[2]
    return root / "resources" / "fonts"


@dataclass(frozen=True)
class ReportFonts:
    """The registered font names a report uses."""

    regular: str = SANS
    bold: str = SANS_BOLD
    fallback: str = FALLBACK


def register_fonts() -> ReportFonts:
    """Register the report fonts with reportlab once; later calls return at once."""
    with _lock:
        if len(_cmaps) == len(_FILES):
            return ReportFonts()
        folder = fonts_dir()
        for name, file_name in _FILES.items():
            path = folder / file_name
            if not path.is_file():
                raise UserFacingError(
                    _(
                        "The report font {file} is missing from {folder}. "
                        "Reinstall Upskill Planner to restore it."
                    ).format(file=file_name, folder=folder)
                )
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
            _cmaps[name] = frozenset(font.face.charToGlyph)
        pdfmetrics.registerFontFamily(
            SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD
        )
        pdfmetrics.registerFontFamily(
            FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK, boldItalic=FALLBACK
        )
        return ReportFonts()


def _main_font(bold: bool) -> str:
    return SANS_BOLD if bold else SANS


def font_runs(text: str, *, bold: bool = False) -> list[tuple[str, str]]:
    """Split ``text`` into ``(font name, run)`` pairs so each character comes from a font
    that has it. Text is normalised to NFC first (so "Ngọc" typed with combining marks
    prints as one glyph per letter). Spaces and combining marks stay with the run they are in.
    """
    register_fonts()
    main = _main_font(bold)
    main_cmap = _cmaps[main]
    fallback_cmap = _cmaps[FALLBACK]
    runs: list[tuple[str, str]] = []
    current = main
    chars: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        code = ord(ch)
        if (ch.isspace() or unicodedata.combining(ch)) and code in _cmaps[current]:
            font = current
        elif code in main_cmap or code not in fallback_cmap:
            font = main
        else:
            font = FALLBACK
        if font != current and chars:
            runs.append((current, "".join(chars)))
            chars = []
        current = font
        chars.append(ch)
    if chars:
        runs.append((current, "".join(chars)))
    return runs


def paragraph_markup(text: str, *, bold: bool = False) -> str:
    """Plain user text as Paragraph markup: escaped, with runs the main font lacks wrapped
    in the fallback font, line breaks as ``<br/>``. ``bold`` says whether the paragraph's
    style is bold (it only changes which main face is checked)."""
    parts: list[str] = []
    main = _main_font(bold)
    for font, run in font_runs(text, bold=bold):
        escaped = escape(run).replace("\n", "<br/>")
        parts.append(escaped if font == main else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width in points of ``text`` drawn at ``size`` with fallback applied."""
    return float(
        sum(pdfmetrics.stringWidth(run, font, size) for font, run in font_runs(text, bold=bold))
    )


def fit_text(text: str, max_width: float, size: float, *, bold: bool = False) -> str:
    """``text`` shortened with an ellipsis so it fits ``max_width`` points."""
    if text_width(text, size, bold=bold) <= max_width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + "…", size, bold=bold) <= max_width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _start_x(x: float, width: float, anchor: Anchor) -> float:
    if anchor == "middle":
        return x - width / 2
    if anchor == "end":
        return x - width
    return x


def draw_text(
    canvas: object,
    x: float,
    y: float,
    text: str,
    *,
    size: float,
    bold: bool = False,
    anchor: Anchor = "start",
    colour: str | None = None,
) -> None:
    """Draw one line of user text on a reportlab canvas (headers, footers, the cover)."""
    runs = font_runs(text, bold=bold)
    cursor = _start_x(x, sum(pdfmetrics.stringWidth(r, f, size) for f, r in runs), anchor)
    if colour:
        canvas.setFillColor(HexColor(colour))  # type: ignore[attr-defined]
    for font, run in runs:
        canvas.setFont(font, size)  # type: ignore[attr-defined]
        canvas.drawString(cursor, y, run)  # type: ignore[attr-defined]
        cursor += pdfmetrics.stringWidth(run, font, size)


def text_shapes(
    x: float,
    y: float,
    text: str,
    *,
    size: float,
    bold: bool = False,
    anchor: Anchor = "start",
    colour: str = "#000000",
) -> Group:
    """One line of user text as reportlab.graphics shapes, for chart labels and legends."""
    runs = font_runs(text, bold=bold)
    widths = [pdfmetrics.stringWidth(run, font, size) for font, run in runs]
    cursor = _start_x(x, sum(widths), anchor)
    group = Group()
    for (font, run), width in zip(runs, widths, strict=True):
        group.add(String(cursor, y, run, fontName=font, fontSize=size, fillColor=HexColor(colour)))
        cursor += width
    return group
