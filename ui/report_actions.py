"""Saving the leadership PDF and workbook: ask where, write in the background, offer to open it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.context import AppServices
from app.progress import CancelToken, Progress
from ui.messages import show_error
from ui.settings import AppSettings
from ui.worker import BackgroundTask, run_in_background

REPORTS_FOLDER = "reports"


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


class ReportExporter(QObject):
    """Runs one export at a time for a page; ``exported`` carries the written file's path."""

    exported = Signal(object)
    failed = Signal(object)

    def __init__(self, services: AppServices, settings: AppSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._settings = settings
        self._parent = parent
        self.task: BackgroundTask[Path] | None = None
        self.result_box: QMessageBox | None = None

    # Replaced in tests (STYLE 8) -------------------------------------------------
    def choose_destination(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self._parent, title, str(suggested), file_filter)
        return Path(chosen) if chosen else None

    def open_url(self, url: QUrl) -> None:
        QDesktopServices.openUrl(url)

    # Actions -------------------------------------------------------------------
    def export_pdf(self) -> None:
        """The organisation report."""
        self._export_pdf(
            "executive",
            self.tr("Organisation report {date}.pdf"),
            self.tr("Save the organisation report"),
            self.tr("Writing the organisation report…"),
        )

    def export_maturity_pdf(self) -> None:
        """The maturity assessment report of the latest finished assessment."""
        self._export_pdf(
            "maturity",
            self.tr("Maturity assessment report {date}.pdf"),
            self.tr("Save the maturity assessment report"),
            self.tr("Writing the maturity assessment report…"),
        )

    def export_skills_pdf(self, survey_id: int | None = None) -> None:
        """The skills survey report of ``survey_id``, or of the latest survey with ratings."""
        self._export_pdf(
            "skills",
            self.tr("Skills survey report {date}.pdf"),
            self.tr("Save the skills survey report"),
            self.tr("Writing the skills survey report…"),
            survey_id=survey_id,
        )

    def _export_pdf(
        self, kind: str, name: str, title: str, label: str, *, survey_id: int | None = None
    ) -> None:
        """Ask where, then write the PDF report of ``kind`` in the background."""
        from app.services.reports import ReportKind

        destination = self.choose_destination(
            title,
            self._folder() / name.format(date=date.today().isoformat()),
            self.tr("PDF documents (*.pdf)"),
        )
        if destination is None:
            return
        out = with_suffix(destination, ".pdf")
        reports = self._services.reports
        report_kind = ReportKind(kind)

        def work(progress: Progress, _cancel: CancelToken) -> Path:
            return reports.write_pdf(out, report_kind, survey_id=survey_id, progress=progress)

        self._run(label, work, self.tr("Save the report"))

    def export_workbook(self) -> None:
        name = self.tr("Leadership workbook {date}.xlsx").format(date=date.today().isoformat())
        destination = self.choose_destination(
            self.tr("Save the leadership workbook"),
            self._folder() / name,
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if destination is None:
            return
        out = with_suffix(destination, ".xlsx")
        reports = self._services.reports

        def work(progress: Progress, _cancel: CancelToken) -> Path:
            return reports.write_workbook(out, progress=progress)

        self._run(self.tr("Writing the leadership workbook…"), work, self.tr("Save the workbook"))

    # Helpers -------------------------------------------------------------------
    def _folder(self) -> Path:
        return self._settings.folder(REPORTS_FOLDER, documents_folder())

    def _run(self, label: str, work: Callable[[Progress, CancelToken], Path], action: str) -> None:
        def done(path: Path) -> None:
            self.task = None
            self._settings.remember_folder(REPORTS_FOLDER, path.parent)
            self._offer_to_open(path)
            self.exported.emit(path)

        def failed(error: BaseException) -> None:
            self.task = None
            show_error(self._parent, error, action=action)
            self.failed.emit(error)

        self.task = run_in_background(self._parent, label, work, done, failed)

    def _offer_to_open(self, path: Path) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Saved"),
            self.tr("Saved {name} in {folder}.").format(name=path.name, folder=path.parent),
            QMessageBox.StandardButton.NoButton,
            self._parent,
        )
        box.setObjectName("exportDoneBox")
        open_file = box.addButton(self.tr("Open file"), QMessageBox.ButtonRole.AcceptRole)
        open_file.setObjectName("openFileButton")
        show_folder = box.addButton(self.tr("Show in folder"), QMessageBox.ButtonRole.ActionRole)
        show_folder.setObjectName("showInFolderButton")
        close = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(open_file)
        box.setEscapeButton(close)
        open_file.clicked.connect(lambda: self.open_url(QUrl.fromLocalFile(str(path))))
        show_folder.clicked.connect(lambda: self.open_url(QUrl.fromLocalFile(str(path.parent))))
        self.result_box = box
        box.open()
