"""What the three spreadsheet imports share: finding people the way an HR file writes them,
handing columns to fields, and keeping one row where a file says the same thing twice."""

from __future__ import annotations

import pytest

from app.sheet_import.checking import one_per_key
from app.sheet_import.columns import assign_columns
from app.sheet_import.people import KnownPerson, NotIdentified, PeopleIndex, PersonKey

PEOPLE = [
    KnownPerson(1, "Ada Lovelace", "0042", "Ada@Example.org", "Ada", "Lovelace"),
    KnownPerson(2, "Grace Hopper", "E-200", "grace@example.org", "Grace", "Hopper"),
    KnownPerson(3, "Alex Kim", "E-301", None, "Alex", "Kim"),
    KnownPerson(4, "Alex Kim", "E-302", None, "Alex", "Kim"),
]


@pytest.mark.parametrize(
    ("written", "key", "expected"),
    [
        ("42", PersonKey.EMPLOYEE_NUMBER, 1),
        ("e-200", PersonKey.ANY, 2),
        ("mailto:ADA@example.org", PersonKey.EMAIL, 1),
        ("Lovelace, Ada", PersonKey.FULL_NAME, 1),
        ("hopper  grace", PersonKey.ANY, 2),
    ],
)
def test_people_are_found_by_number_e_mail_or_name_as_files_write_them(written, key, expected):
    assert PeopleIndex(PEOPLE).one(written, key).id == expected


def test_a_name_two_people_share_or_no_one_has_is_refused_saying_which():
    people = PeopleIndex(PEOPLE)
    with pytest.raises(NotIdentified) as shared:
        people.one("Alex Kim", PersonKey.ANY)
    assert shared.value.ambiguous
    assert shared.value.message == (
        "“Alex Kim” matches 2 people in the data file. Use the employee number or the e-mail "
        "to tell them apart."
    )
    with pytest.raises(NotIdentified) as unknown:
        people.one("E-999", PersonKey.EMPLOYEE_NUMBER)
    assert not unknown.value.ambiguous
    assert unknown.value.message == "No one in the data file has the employee number “E-999”."


def test_each_field_gets_its_best_column_and_each_column_one_field_leftmost_on_a_tie():
    scores = {
        "Name": [(8, "person", "name"), (5, "module", None)],
        "Course": [(10, "module", None)],
        "Learner": [(8, "person", "any")],
    }
    chosen = assign_columns(["Name", "Course", "Learner"], lambda header: scores[header])
    assert chosen == {"module": (1, None), "person": (0, "name")}


def test_one_row_per_key_keeps_the_first_seen_order_and_says_what_was_dropped_for_what():
    rows = [("a", 1), ("b", 2), ("a", 3), ("a", 4)]
    kept, dropped = one_per_key(rows, lambda r: r[0], lambda later, kept: later[1] != 3)
    assert kept == [("a", 4), ("b", 2)]
    assert dropped == [(("a", 3), ("a", 1)), (("a", 1), ("a", 4))]
