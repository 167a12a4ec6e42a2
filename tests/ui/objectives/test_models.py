"""Every item model of the Objectives area passes Qt's model tester, empty and filled."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.context import AppServices
from tests.ui.objectives.objectives_data import add_adoption_objective, add_hours_objective
from ui.objectives.objective_tree_model import ObjectiveTreeModel
from ui.objectives.readings_model import ReadingsTableModel
from ui.objectives.readings_plan_model import ReadingPlanModel

pytestmark = pytest.mark.database


def test_the_objectives_tree_passes_the_model_tester(qtmodeltester, services: AppServices):
    model = ObjectiveTreeModel()
    qtmodeltester.check(model)
    add_hours_objective(services, (40, 80))
    add_adoption_objective(services)
    model.set_objectives(services.objectives.objectives())
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.rowCount(model.index(1, 0)) == 3
    assert model.index(0, 0, model.index(0, 0)).data() == "Hours saved per week"
    assert model.index(0, 1, model.index(0, 0)).data() == "20 % · on track"


def test_the_readings_and_preview_tables_pass_the_model_tester(
    qtmodeltester, services: AppServices
):
    _objective, metric = add_hours_objective(services, (40, 80))
    readings = ReadingsTableModel()
    qtmodeltester.check(readings)
    readings.set_readings(services.objectives.metric(metric).readings, "hours")
    qtmodeltester.check(readings)
    assert readings.rowCount() == 2
    assert readings.headerData(ReadingsTableModel.VALUE, Qt.Orientation.Horizontal) == (
        "Value, hours"
    )
    preview = ReadingPlanModel()
    qtmodeltester.check(preview)
