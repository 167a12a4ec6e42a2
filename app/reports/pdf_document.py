"""The page template every PDF report is printed on: cover, contents, header, footer.

A report supplies only its sections (``PdfSection``: a title and a function that returns
flowables); ``write_pdf_report`` lays them out on A4 or Letter with the report fonts,
numbers the pages "Page N of M", and writes the file atomically.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from app import __version__
from app.errors import Cancelled
from app.i18n import N_, _, translate
from app.progress import CancelToken, Progress, no_progress
from app.reports import palette
from app.reports.atomic import atomic_output
from app.reports.fonts import SANS, draw_text, paragraph_markup, register_fonts
from app.reports.pdf_styles import Heading, PdfKit, ReportStyles, build_styles

F = TypeVar("F")
G = TypeVar("G")

# Territories that use US Letter (CLDR supplemental paper size data); everyone else uses A4.
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "CR", "GT", "PA", "PR", "SV", "NI", "VE", "BZ"}
)
# Windows spells locales as "English_United States"; map the country names we need.
_WINDOWS_LETTER_COUNTRIES = (
    "united states",
    "canada",
    "mexico",
    "philippines",
    "chile",
    "colombia",
    "costa rica",
    "guatemala",
    "panama",
    "puerto rico",
    "el salvador",
    "nicaragua",
    "venezuela",
    "belize",
)
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": LETTER}


def _system_locale_name() -> str | None:
    """The user's paper locale: LC_ALL, LC_PAPER, LANG, then the OS locale (Windows, macOS).

    The environment comes first because Python reports "C.UTF-8" as "en_US", which would
    print on Letter for everyone without a configured locale.
    """
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = os.environ.get(variable)
        if value:
            return value
    try:
        return locale.getlocale()[0]
    except ValueError:
        return None


def page_size_for_locale(locale_name: str | None = None) -> str:
    """ "Letter" where the locale's country prints on US Letter, else "A4".

    ``locale_name`` is like "en_US.UTF-8", "fr-CA" or "English_United States"; None reads the
    user's locale (LC_ALL, LC_PAPER, the process locale, then LANG).
    """
    name = locale_name if locale_name is not None else _system_locale_name()
    if not name:
        return "A4"
    base = re.split(r"[.@]", name, maxsplit=1)[0]
    parts = re.split(r"[_-]", base)
    if len(parts) >= 2 and parts[-1].upper() in LETTER_TERRITORIES:
        return "Letter"
    lowered = base.lower()
    if any(lowered.endswith(country) for country in _WINDOWS_LETTER_COUNTRIES):
        return "Letter"
    return "A4"


def resolve_page_size(page_size: str | None) -> str:
    """A known page size name ("A4"/"Letter", any case), or the locale's when None."""
    if page_size is None:
        return page_size_for_locale()
    for known in PAGE_SIZES:
        if page_size.strip().lower() == known.lower():
            return known
    raise ValueError(f"Unknown page size {page_size!r}; use one of {sorted(PAGE_SIZES)}")


@dataclass(frozen=True)
class CoverPage:
    """What the cover and the running header say."""

    title: str
    organisation: str
    generated_on: date
    subtitle: str = ""
    kicker: str = N_("AI upskilling programme")
    """The line above the title; the default is translated when the cover is drawn."""
    audience: str = N_(
        "Confidential — prepared for the leadership team. Made with Upskill Planner."
    )
    """The cover's foot: who the document is for; translated when the cover is drawn."""


@dataclass(frozen=True)
class PdfSection(Generic[F]):
    """One part of a report: ``story(figures, kit)`` returns its flowables.

    A report is a sequence of sections; a later report adds a section by listing one more,
    and can reuse a section written for other figures with ``adapt_section``. ``title`` is
    English marked with ``N_()``: show it through ``app.i18n.translate``.
    """

    title: str
    story: Callable[[F, PdfKit], list[Flowable]]


def adapt_section(section: PdfSection[G], pick: Callable[[F], G]) -> PdfSection[F]:
    """Reuse a section in a report whose figures contain the section's figures."""

    def story(figures: F, kit: PdfKit) -> list[Flowable]:
        return section.story(pick(figures), kit)

    return PdfSection(title=section.title, story=story)


MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm


def _numbered_canvas_class(cover_pages: int, generated_on: str) -> type:
    """A canvas that holds its pages until the end so the footer can say "Page N of M".

    It counts the pages as they are held back, so each outline entry (bookmark) points at
    its own page: reportlab names a bookmark's page by how many pages it has written.
    """

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []
            self.wants_footer = False

        def showPage(self) -> None:
            self._page_states.append(dict(self.__dict__))
            self._startPage()
            self.wants_footer = False
            self._doc.pageCounter += 1

        def save(self) -> None:
            total = len(self._page_states) - cover_pages
            self._doc.pageCounter = 1  # the held pages are written from the first again
            for state in self._page_states:
                self.__dict__.update(state)
                if self.wants_footer:
                    self._draw_footer(self.getPageNumber() - cover_pages, total)
                super().showPage()
            super().save()

        def _draw_footer(self, page: int, total: int) -> None:
            width, _height = self._pagesize
            self.saveState()
            self.setStrokeColor(colors.HexColor(palette.RULE))
            self.setLineWidth(0.5)
            self.line(MARGIN_X, 14 * mm, width - MARGIN_X, 14 * mm)
            draw_text(self, MARGIN_X, 9.5 * mm, generated_on, size=7.5, colour=palette.MUTED)
            draw_text(
                self,
                width - MARGIN_X,
                9.5 * mm,
                _("Page {page} of {total}").format(page=page, total=total),
                size=7.5,
                anchor="end",
                colour=palette.MUTED,
            )
            self.restoreState()

    return NumberedCanvas


class ReportDocument(BaseDocTemplate):  # type: ignore[misc]
    """Cover page, then body pages with header and footer; feeds headings to the contents."""

    def __init__(
        self,
        filename: str,
        *,
        cover: CoverPage,
        page_size: str,
        styles: ReportStyles,
        on_flowable: Callable[[], None],
    ) -> None:
        super().__init__(
            filename,
            pagesize=PAGE_SIZES[page_size],
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=f"{cover.title} — {cover.organisation}",
            author=cover.organisation,
            subject=cover.subtitle or cover.title,
            creator="Upskill Planner",
            initialFontName=SANS,
        )
        self.cover = cover
        self.styles = styles
        self._on_flowable = on_flowable
        self._bookmarks = 0
        width, height = self.pagesize
        body = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            width - 2 * MARGIN_X,
            height - MARGIN_TOP - MARGIN_BOTTOM,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self._band_bottom = height * 0.56
        cover_frame = Frame(
            MARGIN_X,
            30 * mm,
            width - 2 * MARGIN_X,
            self._band_bottom - 30 * mm - 16 * mm,
            id="cover",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[cover_frame], onPage=self._cover_page),
                PageTemplate(id="body", frames=[body], onPage=self._body_page),
            ]
        )

    @property
    def frame_width(self) -> float:
        return float(self.pagesize[0] - 2 * MARGIN_X)

    def _cover_page(self, canvas: Any, doc: Any) -> None:
        width, height = self.pagesize
        band_bottom = self._band_bottom
        text_width = width - 2 * MARGIN_X
        canvas.saveState()
        canvas.setFillColor(colors.HexColor(palette.PRIMARY))
        canvas.rect(0, band_bottom, width, height - band_bottom, stroke=0, fill=1)
        canvas.setFillColor(colors.HexColor(palette.ACCENT))
        canvas.rect(0, band_bottom - 2.5 * mm, width, 2.5 * mm, stroke=0, fill=1)
        # Title block sits on the bottom of the band: subtitle, title, then the kicker above.
        y = band_bottom + 14 * mm
        if self.cover.subtitle:
            subtitle = Paragraph(paragraph_markup(self.cover.subtitle), self.styles.cover_subtitle)
            _width, h = subtitle.wrap(text_width * 0.85, height)
            subtitle.drawOn(canvas, MARGIN_X, y)
            y += h + 5 * mm
        title = Paragraph(paragraph_markup(self.cover.title, bold=True), self.styles.title)
        _width, h = title.wrap(text_width, height)
        title.drawOn(canvas, MARGIN_X, y)
        y += h + 4 * mm
        canvas.setFillColor(colors.HexColor(palette.ACCENT))
        canvas.rect(MARGIN_X, y, 12 * mm, 1.2 * mm, stroke=0, fill=1)
        draw_text(
            canvas,
            MARGIN_X,
            y + 4 * mm,
            translate(self.cover.kicker).upper(),
            size=9,
            bold=True,
            colour="#BFD3E6",
        )
        canvas.setStrokeColor(colors.HexColor(palette.RULE))
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, 22 * mm, width - MARGIN_X, 22 * mm)
        draw_text(
            canvas,
            MARGIN_X,
            16 * mm,
            translate(self.cover.audience),
            size=7.5,
            colour=palette.MUTED,
        )
        canvas.restoreState()

    def _body_page(self, canvas: Any, doc: Any) -> None:
        width, height = self.pagesize
        canvas.saveState()
        y = height - 13 * mm
        draw_text(
            canvas, MARGIN_X, y, self.cover.title, size=7.5, bold=True, colour=palette.PRIMARY
        )
        draw_text(
            canvas,
            width - MARGIN_X,
            y,
            self.cover.organisation,
            size=7.5,
            anchor="end",
            colour=palette.MUTED,
        )
        canvas.setStrokeColor(colors.HexColor(palette.RULE))
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y - 3 * mm, width - MARGIN_X, y - 3 * mm)
        canvas.restoreState()
        canvas.wants_footer = True

    def beforeDocument(self) -> None:
        self._bookmarks = 0  # each layout pass must produce the same bookmark keys

    def afterFlowable(self, flowable: Any) -> None:
        self._on_flowable()
        if isinstance(flowable, Heading):
            page = self.page - 1  # the cover is not numbered
            key = f"h{self._bookmarks}"
            self._bookmarks += 1
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.plain_text, key, level=flowable.level - 1)
            self.notify("TOCEntry", (flowable.level - 1, flowable.markup, page, key))


def _cover_story(cover: CoverPage, styles: ReportStyles) -> list[Flowable]:
    """The white part of the cover; the title block is drawn on the band by the template."""
    return [
        Paragraph(paragraph_markup(cover.organisation, bold=True), styles.cover_org),
        Spacer(1, 3 * mm),
        Paragraph(
            paragraph_markup(_("Prepared on {date}").format(date=format_date(cover.generated_on))),
            styles.cover_meta,
        ),
    ]


def format_date(day: date) -> str:
    """A date as leadership reads it in any English locale: "7 March 2025"."""
    return f"{day.day} {day:%B %Y}"


def _contents(styles: ReportStyles) -> list[Flowable]:
    toc = TableOfContents()
    toc.levelStyles = styles.toc_levels
    toc.dotsMinLevel = 0
    toc.tableStyle = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return [
        Paragraph(_("Contents"), styles.heading1),
        Spacer(1, 4 * mm),
        toc,
    ]


def write_pdf_report(
    out: Path,
    *,
    cover: CoverPage,
    figures: F,
    sections: Sequence[PdfSection[F]],
    page_size: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> None:
    """Lay out ``sections`` behind a cover and contents and write the PDF to ``out``.

    Nothing is left at ``out`` unless the whole report was written. Progress goes from 0 to
    its total as the pages are laid out (twice: once to number the contents).
    """
    register_fonts()
    size = resolve_page_size(page_size)
    styles = build_styles()
    kit = PdfKit(styles=styles, frame_width=float(PAGE_SIZES[size][0] - 2 * MARGIN_X))

    body: list[Flowable] = []
    for section in sections:
        if cancel is not None:
            cancel.raise_if_cancelled()
        body.extend(section.story(figures, kit))
    # Chapters start with a page break; the contents page already ended with one.
    while body and isinstance(body[0], PageBreak):
        body.pop(0)

    story: list[Flowable] = [
        *_cover_story(cover, styles),
        NextPageTemplate("body"),
        PageBreak(),
        *_contents(styles),
        PageBreak(),
        *body,
    ]
    total = len(story) * 2
    done = 0

    def on_flowable() -> None:
        nonlocal done
        done += 1
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        if done % 10 == 0:
            progress(min(done, total - 1), total)

    progress(0, total)
    with atomic_output(out, what=_("PDF report")) as temp:
        document = ReportDocument(
            str(temp), cover=cover, page_size=size, styles=styles, on_flowable=on_flowable
        )
        document.multiBuild(
            story,
            canvasmaker=_numbered_canvas_class(
                1,
                _("Prepared on {date} · Confidential · Upskill Planner {version}").format(
                    date=format_date(cover.generated_on), version=__version__
                ),
            ),
        )
    progress(total, total)
