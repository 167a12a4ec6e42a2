"""Cell text and date parsing policies."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from app.roster.values import (
    cell_text,
    clean_header,
    excel_serial_to_date,
    numeric_date_order,
    parse_text_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-01-31", date(2021, 1, 31)),
        ("2021/01/31", date(2021, 1, 31)),
        ("2021-01-31 00:00:00", date(2021, 1, 31)),
        ("2021-01-31T08:30:00Z", date(2021, 1, 31)),
        ("20210131", date(2021, 1, 31)),
        ("31/01/2021", date(2021, 1, 31)),
        ("31.01.2021", date(2021, 1, 31)),
        ("03/04/2021", date(2021, 4, 3)),  # day first by default
        ("01/31/2021", date(2021, 1, 31)),  # impossible day first -> month first
        ("31 Jan 2021", date(2021, 1, 31)),
        ("31-JAN-21", date(2021, 1, 31)),
        ("Jan 31, 2021", date(2021, 1, 31)),
        ("January 31 2021", date(2021, 1, 31)),
        ("17-06-71", date(1971, 6, 17)),
    ],
)
def test_common_text_dates_are_parsed(text: str, expected: date) -> None:
    assert parse_text_date(text) == expected


@pytest.mark.parametrize("text", ["2021-13-45", "31/02/2021", "soon", "2021", "", "1.7"])
def test_impossible_or_non_dates_give_none(text: str) -> None:
    assert parse_text_date(text) is None


def test_month_first_only_when_the_column_proves_it() -> None:
    assert numeric_date_order(["03/04/2021", "12/25/2020"]) == (False, True)
    assert numeric_date_order(["03/04/2021", "25/12/2020"]) == (True, True)
    assert numeric_date_order(["2021-03-04"]) == (True, False)
    assert parse_text_date("03/04/2021", day_first=False) == date(2021, 3, 4)


def test_integer_valued_floats_print_as_integers_and_midnight_as_a_date() -> None:
    assert cell_text(1042.0) == "1042"
    assert cell_text(1.5) == "1.5"
    assert cell_text(datetime(2021, 1, 1)) == "2021-01-01"
    assert cell_text("  x ") == "x"
    assert cell_text("   ") is None
    assert cell_text(True) == "TRUE"


def test_excel_serials_respect_the_date_system_and_refuse_small_numbers() -> None:
    assert excel_serial_to_date(44197, date_1904=False) == date(2021, 1, 1)
    assert excel_serial_to_date(42735, date_1904=True) == date(2021, 1, 1)
    assert excel_serial_to_date(2019, date_1904=False) is None


def test_header_control_characters_become_single_spaces() -> None:
    assert clean_header("\t\n\x0b\x0c\r start \t\n end \r") == "start end"
    assert clean_header("\ufeffName") == "Name"
