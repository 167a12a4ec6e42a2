"""(c) People page: each user action on ``ui.people.people_model.PeopleTableModel`` over the
10,000-person file, shown in a real QTableView (offscreen) that is repainted after the action,
so every ``data()`` call a view makes is included. Target: ≤ 50 ms per action.

The floor of each action is the very SQL our model sent for it (captured from the engine in
an untimed run), replayed with raw sqlite3 and fetched: what the action costs at least.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import (
    Comparison,
    Report,
    Timing,
    capture_sql,
    fmt_seconds,
    replay_sql,
)

TARGET_SECONDS = 0.050


@dataclass
class Action:
    name: str
    run: Callable[[Any, Any], None]
    """Called with (model, view); the view is repainted after it, inside the timing."""


def _actions(sales_id: int, rows: int) -> list[Action]:
    """The actions timed, in order; ``rows`` is how many active people the list shows."""
    from PySide6.QtCore import Qt

    from app.services.people import PeopleQuery
    from db.models import EmployeeStatus
    from ui.people.people_model import PeopleTableModel

    def search(model: Any, view: Any) -> None:
        model.set_query(PeopleQuery(search="smith", status=EmployeeStatus.ACTIVE))

    def department(model: Any, view: Any) -> None:
        model.set_query(PeopleQuery(department_id=sales_id, status=EmployeeStatus.ACTIVE))

    def clear(model: Any, view: Any) -> None:
        model.set_query(PeopleQuery(status=EmployeeStatus.ACTIVE))

    def sort_department(model: Any, view: Any) -> None:
        view.sortByColumn(PeopleTableModel.DEPARTMENT, Qt.SortOrder.AscendingOrder)

    def sort_name_desc(model: Any, view: Any) -> None:
        view.sortByColumn(PeopleTableModel.NAME, Qt.SortOrder.DescendingOrder)

    def scroll_to(row: int) -> Callable[[Any, Any], None]:
        def scroll(model: Any, view: Any) -> None:
            view.scrollTo(
                model.index(min(row, model.rowCount() - 1), 0), view.ScrollHint.PositionAtTop
            )

        return scroll

    middle = 5_000 if rows > 10_000 * 0.6 else rows // 2
    return [
        Action("filter: search “smith”", search),
        Action("filter: department Sales", department),
        Action("filter: clear (all active)", clear),
        Action("sort: by department", sort_department),
        Action("sort: by name, descending", sort_name_desc),
        Action(f"scroll: to row {middle:,}", scroll_to(middle)),
        Action("scroll: to the last row", scroll_to(9_990)),
        Action("scroll: back to row 0", scroll_to(0)),
    ]


def _bare_model(rows: int) -> Any:
    """A plain Qt table model of ``rows`` × 10 short texts: what painting costs in bare Qt."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

    class BareModel(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else rows

        def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 10

        def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"Person {index.row()} / {index.column()}"
            return None

        def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
            if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
                return f"Column {section}"
            return None

    return BareModel()


def _fresh_view(services: Any, bare_rows: int | None = None) -> tuple[Any, Any]:
    from PySide6.QtWidgets import QAbstractItemView, QTableView

    from ui.people.people_model import PeopleTableModel

    model = PeopleTableModel(services.people) if bare_rows is None else _bare_model(bare_rows)
    view = QTableView()
    view.setSortingEnabled(False)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setDefaultSectionSize(24)
    view.resize(1280, 800)
    view.show()
    view.viewport().repaint()
    return model, view


def _perform(action: Action, model: Any, view: Any) -> float:
    from PySide6.QtWidgets import QApplication

    start = time.perf_counter()
    action.run(model, view)
    QApplication.processEvents()
    view.viewport().repaint()
    return time.perf_counter() - start


def run(data_file: Path, runs: int, report: Report, *, show_sql: bool = True) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.context import open_services

    application = QApplication.instance() or QApplication([])
    services = open_services(data_file)
    connection = sqlite3.connect(data_file)
    # The data file's lower() folds all of Unicode (db/engine.py registers a Python function
    # for it); the floor registers the same so its SQL gives the same rows.
    connection.create_function("lower", 1, _unicode_lower, deterministic=True)
    try:
        sales = connection.execute("SELECT id FROM department WHERE name = 'Sales'").fetchone()
        active = connection.execute(
            "SELECT count(*) FROM employee WHERE status = 'active'"
        ).fetchone()[0]
        actions = _actions(int(sales[0]) if sales else 1, int(active))
        # Untimed pass: capture each action's SQL for the floor (and warm the caches).
        model, view = _fresh_view(services)
        captured: list[list[tuple[str, object]]] = []
        for action in actions:
            captured.append(
                capture_sql(services.database.engine, lambda a=action: _perform(a, model, view))
            )
        view.close()
        # The floor's Qt part: repainting the same view over a bare model of as many rows.
        rows = model.rowCount()
        paint = _paint_floor(rows, max(runs, 3) * 3)
        timings = [(Timing(), Timing()) for _ in actions]
        for i in range(runs):
            model, view = _fresh_view(services)
            for action, statements, (ours, floor) in zip(actions, captured, timings, strict=True):
                if i % 2:
                    floor.samples.append(_replay(connection, statements) + paint)
                    ours.samples.append(_perform(action, model, view))
                else:
                    ours.samples.append(_perform(action, model, view))
                    floor.samples.append(_replay(connection, statements) + paint)
            rows = model.rowCount()
            view.close()
            view.deleteLater()
            application.processEvents()
        for action, statements, (ours, floor) in zip(actions, captured, timings, strict=True):
            selects = sum(1 for s, _ in statements if s.lstrip().upper().startswith("SELECT"))
            report.comparisons.append(
                Comparison(
                    "people",
                    f"People page {action.name} ({selects} SQL)",
                    ours,
                    floor,
                    target=0,
                    absolute_target=TARGET_SECONDS,
                )
            )
            print(
                f"  {action.name:<28} ours {ours.describe():<36} floor (sqlite3 + bare Qt paint) "
                f"{floor.describe()}"
            )
        report.notes.append(
            f"people: model over {rows:,} active people, 1280×800 QTableView repainted after "
            "each action; floor = the same SQL replayed with sqlite3 (with the same Unicode "
            "lower() function) + the same view repainted "
            f"over a bare {rows:,}-row Qt model ({fmt_seconds(paint)})"
        )
        if show_sql:
            for action, statements in zip(actions, captured, strict=True):
                print(f"  SQL for {action.name}:")
                for statement, parameters in statements:
                    flat = " ".join(statement.split())
                    print(f"      {flat}  -- {parameters}")
    finally:
        connection.close()
        services.close()


def _paint_floor(rows: int, repeats: int) -> float:
    """Best time to repaint the view over a bare model, at the top and in the middle."""
    from PySide6.QtWidgets import QApplication

    model, view = _fresh_view(None, bare_rows=rows)
    best = float("inf")
    for i in range(repeats):
        start = time.perf_counter()
        view.scrollTo(model.index((i * 997) % rows, 0), view.ScrollHint.PositionAtTop)
        QApplication.processEvents()
        view.viewport().repaint()
        best = min(best, time.perf_counter() - start)
    view.close()
    view.deleteLater()
    return best


def _unicode_lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def _replay(connection: sqlite3.Connection, statements: list[tuple[str, object]]) -> float:
    start = time.perf_counter()
    replay_sql(connection, statements)
    return time.perf_counter() - start


def describe_seconds(seconds: float) -> str:
    return fmt_seconds(seconds)
