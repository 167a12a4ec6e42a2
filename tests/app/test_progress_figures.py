"""Progress per department is pure arithmetic over progress rows, under the anonymity rule:
small departments are folded into Other, and a path followed by too few people shows nothing
but its headcount."""

from __future__ import annotations

from datetime import date, timedelta

from app.paths.progress import PersonProgress
from app.paths.progress_figures import (
    hours_of,
    is_overdue,
    last_completed,
    person_state,
    progress_by_department,
)
from app.privacy import other_label
from app.services.organisation import unassigned_department

TODAY = date(2026, 5, 20)
KEYS = ("a", "b", "c", "d")
_ids = iter(range(1, 10_000))


def person(
    department: str | None,
    statuses: str = "nnnn",
    *,
    due: date | None = None,
    person_id: int | None = None,
) -> PersonProgress:
    """A progress row from one letter per module: d(one), i(n progress), n(ot started),
    s(kipped)."""
    words = {"d": "completed", "i": "in_progress", "n": "not_started", "s": "skipped"}
    per_module = {k: words[c] for k, c in zip(KEYS, statuses, strict=True)}
    done_on = {
        k: TODAY - timedelta(days=10 - i)
        for i, k in enumerate(KEYS)
        if per_module[k] == "completed"
    }
    return PersonProgress(
        person_id=person_id if person_id is not None else next(_ids),
        display_name="Someone",
        department=department,
        starts_on=TODAY - timedelta(days=30),
        due_on=due,
        statuses=per_module,
        completed_on=done_on,
        notes={},
        scores={},
        done=sum(1 for s in per_module.values() if s == "completed"),
        modules=sum(1 for s in per_module.values() if s != "skipped"),
    )


def test_a_person_is_finished_in_progress_or_not_started_and_overdue_only_if_unfinished():
    passed = TODAY - timedelta(days=1)
    assert person_state(person("A", "dddd")) == "finished"
    assert person_state(person("A", "ssss")) == "finished"  # nothing left to learn
    assert person_state(person("A", "dsss")) == "finished"
    assert person_state(person("A", "nins")) == "in_progress"
    assert person_state(person("A", "dnnn")) == "in_progress"
    assert person_state(person("A", "nnns")) == "not_started"
    assert is_overdue(person("A", "dnnn", due=passed), TODAY)
    assert not is_overdue(person("A", "dddd", due=passed), TODAY)
    assert not is_overdue(person("A", "dnnn", due=TODAY), TODAY)
    assert not is_overdue(person("A", "nnnn"), TODAY)


def test_hours_and_the_last_completion_count_only_what_the_person_follows_and_did():
    row = person("A", "dsdi")
    assert hours_of(row, {"a": 1.5, "b": 2.0, "c": 3.0, "d": 4.0}) == (4.5, 8.5)
    assert last_completed(row) == TODAY - timedelta(days=8)
    assert last_completed(person("A", "iins")) is None


def test_small_departments_are_folded_together_into_other_with_their_figures_added():
    people = (
        [person("Sales", "dddd") for _ in range(6)]
        + [person("Support", "dnnn", due=TODAY - timedelta(days=1)) for _ in range(5)]
        + [person("Legal", "dddd"), person("Legal", "nnnn")]
        + [person("Finance", "idss") for _ in range(3)]
    )
    found = progress_by_department(people, threshold=5, today=TODAY)
    assert not found.withheld and found.people == 16
    assert [g.label for g in found.groups] == ["Sales", "Support", other_label(5)]
    sales, support, other = found.groups
    assert (sales.people, sales.modules, sales.done, sales.finished) == (6, 24, 24, 6)
    assert (support.in_progress, support.not_started, support.overdue) == (5, 0, 5)
    assert support.share_done == 5 / 20
    assert other.is_other and set(other.folded) == {"Legal", "Finance"}
    assert (other.people, other.modules, other.done) == (5, 8 + 6, 4 + 3)
    assert (other.finished, other.in_progress, other.not_started) == (1, 3, 1)
    assert found.note is not None and "Legal" in found.note


def test_a_lone_small_department_takes_the_next_smallest_with_it_into_other():
    people = [person("Sales", "dnnn") for _ in range(9)]
    people += [person("Support", "dddn") for _ in range(5)]
    people += [person("Legal", "dddd") for _ in range(2)]
    found = progress_by_department(people, threshold=5, today=TODAY)
    labels = [g.label for g in found.groups]
    assert labels == ["Sales", other_label(5)]  # Legal alone (2) could be worked out
    assert set(found.groups[1].folded) == {"Legal", "Support"}
    assert found.groups[1].people == 7


def test_fewer_people_than_the_threshold_on_a_path_withholds_every_figure():
    people = [person("Sales", "dddd"), person("Support", "nnnn"), person(None, "dnnn")]
    found = progress_by_department(people, threshold=5, today=TODAY)
    assert found.withheld and found.groups == () and found.people == 3


def test_people_are_counted_once_and_a_threshold_below_three_is_raised_to_three():
    twice = [person("Sales", "dddd", person_id=1), person("Sales", "nnnn", person_id=1)]
    found = progress_by_department(twice, threshold=1, today=TODAY)
    assert found.withheld and found.threshold == 3 and found.people == 1
    three = [person("Sales", "dnnn") for _ in range(3)] + [person(None, "dddd") for _ in range(3)]
    found = progress_by_department(three, threshold=1, today=TODAY)
    assert [g.label for g in found.groups] == ["Sales", unassigned_department()]
