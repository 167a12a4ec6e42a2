"""One person's share of a path: the modules they would take, in order with hours, and the ones
they skip with the reason in words. Shown for the person chosen in the assign preview and in
the skills profile ("the path that would close the gaps")."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from app.paths.service import ModuleRow
from app.paths.suggestions import PersonSuggestion, SkippedWithReason
from ui.paths.progress_labels import format_label, hours_text, modules_text


class PersonPlanView(QTextBrowser):
    """A summary line, the modules to take (title, format, hours) and those skipped with why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Modules to take and modules skipped"))
        self.summary = ""
        """The first line shown, as plain text (for tests and screen readers)."""
        self.kept_titles: list[str] = []
        self.skipped_reasons: list[str] = []
        self.show_message(self.tr("Choose a person to see their modules."))

    def show_message(self, text: str) -> None:
        """No plan to show: say why."""
        self.kept_titles, self.skipped_reasons = [], []
        self.summary = text
        self.setHtml(f"<p>{escape(text)}</p>")

    def show_suggestion(self, suggestion: PersonSuggestion) -> None:
        """The person's modules, trimmed to their gaps, and the ones they skip with why."""
        if suggestion.survey_name is None:
            source = self.tr("Not rated in a skills survey yet, so nothing is trimmed.")
        else:
            source = self.tr("Trimmed to the gaps measured in “{survey}”.").format(
                survey=suggestion.survey_name
            )
        self._show(suggestion.path_name, list(suggestion.kept), list(suggestion.skipped), source)

    def show_whole_path(self, path_name: str, modules: list[ModuleRow]) -> None:
        """Every module of the path, as when it is assigned without trimming."""
        self._show(path_name, modules, [], self.tr("The whole path, nothing trimmed."))

    def _show(
        self,
        path_name: str,
        kept: list[ModuleRow],
        skipped: list[SkippedWithReason],
        source: str,
    ) -> None:
        total = len(kept) + len(skipped)
        hours = sum(m.hours for m in kept)
        self.kept_titles = [m.title for m in kept]
        self.skipped_reasons = [s.reason for s in skipped]
        self.summary = self.tr("“{path}”: {kept} of {total} modules, {hours}. {source}").format(
            path=path_name, kept=len(kept), total=total, hours=hours_text(hours), source=source
        )
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        parts = [f"<p>{escape(self.summary)}</p>"]
        parts.append(
            "<p><b>{}</b></p>".format(
                escape(
                    self.tr("To take: {modules}, {hours}").format(
                        modules=modules_text(len(kept)), hours=hours_text(hours)
                    )
                )
            )
        )
        rows = "".join(
            self._module_line(number, module, muted) for number, module in enumerate(kept, start=1)
        )
        parts.append(f"<table cellspacing='0' cellpadding='4'>{rows}</table>")
        if skipped:
            parts.append(
                "<p><b>{}</b></p>".format(
                    escape(self.tr("Skipped: {modules}").format(modules=modules_text(len(skipped))))
                )
            )
            parts.append(
                "<ul>" + "".join(f"<li>{escape(skip.reason)}</li>" for skip in skipped) + "</ul>"
            )
        self.setHtml("".join(parts))

    @staticmethod
    def _module_line(number: int, module: ModuleRow, muted: str) -> str:
        title = escape(module.title)
        how = escape(format_label(module.format))
        hours = escape(hours_text(module.hours))
        return (
            f"<tr><td align='right'>{number}.</td><td>{title}</td>"
            f"<td style='color:{muted}'>{how}</td><td align='right'>{hours}</td></tr>"
        )
