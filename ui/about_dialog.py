"""Help > About: the version, the open data file and its schema, and every licence we ship."""

from __future__ import annotations

import html
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.context import AppServices
from ui.look import make_heading, make_muted
from ui.resources import resources_dir


@dataclass(frozen=True)
class BundledFont:
    family: str
    files: str
    licence: str
    licence_file: str


@dataclass(frozen=True)
class BundledLibrary:
    name: str
    distribution: str
    licence: str


FONTS: tuple[BundledFont, ...] = (
    BundledFont(
        "DejaVu Sans",
        "DejaVuSans.ttf, DejaVuSans-Bold.ttf",
        "Bitstream Vera and Arev font licences; DejaVu changes in the public domain",
        "LICENSE-DejaVu.txt",
    ),
    BundledFont(
        "Droid Sans Fallback",
        "DroidSansFallbackFull.ttf",
        "Apache License 2.0",
        "LICENSE-DroidSansFallback.txt",
    ),
)

LIBRARIES: tuple[BundledLibrary, ...] = (
    BundledLibrary("Qt", "", "GNU LGPL v3"),
    BundledLibrary("PySide6 (Qt for Python)", "PySide6-Essentials", "GNU LGPL v3"),
    BundledLibrary("SQLAlchemy", "SQLAlchemy", "MIT"),
    BundledLibrary("Alembic", "alembic", "MIT"),
    BundledLibrary("ReportLab", "reportlab", "BSD"),
    BundledLibrary("openpyxl", "openpyxl", "MIT"),
    BundledLibrary("platformdirs", "platformdirs", "MIT"),
)


def _installed_version(distribution: str) -> str:
    if not distribution:
        return qVersion()
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return pyside_version if distribution.startswith("PySide6") else ""


class AboutDialog(QDialog):
    """Opened with ``open()`` (window-modal, non-blocking) so tests can inspect and close it."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Upskill Planner"))
        self._fonts_dir = resources_dir() / "fonts"

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        layout.addWidget(make_heading(self.tr("Upskill Planner"), self, 1.6))
        layout.addWidget(
            make_muted(
                self.tr(
                    "Plan, run and prove an AI upskilling programme. Works offline; your "
                    "data stays in the file shown below."
                ),
                self,
            )
        )

        info = QFormLayout()
        info.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        info.setHorizontalSpacing(12)
        self.version_label = self._value(__version__)
        self.file_label = self._value(services.database.display_name)
        self.file_label.setWordWrap(True)
        self.schema_label = self._value(self._schema_version(services))
        info.addRow(self.tr("Version:"), self.version_label)
        info.addRow(self.tr("Data file:"), self.file_label)
        info.addRow(self.tr("Data file format:"), self.schema_label)
        layout.addLayout(info)

        tabs = QTabWidget(self)
        tabs.setDocumentMode(True)
        self.licences = QTextBrowser(tabs)
        self.licences.setObjectName("licences")
        self.licences.setOpenExternalLinks(False)
        self.licences.document().setDocumentMargin(10)
        self.licences.setHtml(self._licences_html())
        tabs.addTab(self.licences, self.tr("Licences"))
        self.font_licence_texts = QPlainTextEdit(tabs)
        self.font_licence_texts.setObjectName("fontLicenceTexts")
        self.font_licence_texts.setReadOnly(True)
        self.font_licence_texts.setPlainText(self._font_licence_texts())
        tabs.addTab(self.font_licence_texts, self.tr("Font licence texts"))
        layout.addWidget(tabs, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        height = self.fontMetrics().height()
        self.resize(height * 46, height * 38)

    def _value(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _schema_version(self, services: AppServices) -> str:
        from app.services.info import data_file_info

        try:
            return str(data_file_info(services.database)["schema_version"])
        except Exception:  # the About box must open even if the file went away
            return self.tr("unknown")

    def _licences_html(self) -> str:
        rows_fonts = "".join(
            f"<tr><td width='45%'><b>{html.escape(font.family)}</b><br/>"
            f"<small>{html.escape(font.files)}</small></td>"
            f"<td>{html.escape(font.licence)}<br/><small>{html.escape(font.licence_file)}</small>"
            "</td></tr>"
            for font in FONTS
        )
        rows_libraries = "".join(
            f"<tr><td width='45%'><b>{html.escape(lib.name)}</b> "
            f"{html.escape(_installed_version(lib.distribution))}</td>"
            f"<td>{html.escape(lib.licence)}</td></tr>"
            for lib in LIBRARIES
        )
        table = "<table cellspacing='0' cellpadding='4' width='100%'>{}</table>"
        return (
            f"<h3>{html.escape(self.tr('Fonts embedded in PDF reports'))}</h3>"
            + table.format(rows_fonts)
            + f"<p>{html.escape(self.tr('The full licence texts are on the next tab.'))}</p>"
            + f"<h3>{html.escape(self.tr('Libraries'))}</h3>"
            + table.format(rows_libraries)
            + "<p>"
            + html.escape(
                self.tr(
                    "Qt and PySide6 are used under the GNU Lesser General Public License "
                    "version 3; you may replace them with your own build."
                )
            )
            + "</p>"
        )

    def _font_licence_texts(self) -> str:
        parts: list[str] = []
        for font in FONTS:
            path: Path = self._fonts_dir / font.licence_file
            try:
                text = path.read_text(encoding="utf-8")
            except OSError:
                text = self.tr("(licence file {name} is missing)").format(name=font.licence_file)
            rule = "=" * 72
            parts.append(f"{rule}\n{font.family} — {font.licence_file}\n{rule}\n\n{text.strip()}\n")
        return "\n\n".join(parts)
