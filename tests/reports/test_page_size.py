"""Reports print on Letter where the user's country does, and on A4 everywhere else."""

from __future__ import annotations

import pytest

from app.reports.pdf_document import page_size_for_locale, resolve_page_size


@pytest.mark.parametrize(
    "name",
    ["en_US", "en_US.UTF-8", "es_MX.utf8", "fr_CA", "en-PH", "English_United States", "en_US@x"],
)
def test_letter_for_north_american_and_philippine_locales(name):
    assert page_size_for_locale(name) == "Letter"


@pytest.mark.parametrize(
    "name", ["en_GB", "en_GB.UTF-8", "de_DE", "de_DE@euro", "pl_PL", "zh_CN", "vi_VN", "C", ""]
)
def test_a4_for_everyone_else(name):
    assert page_size_for_locale(name) == "A4"


def test_the_user_locale_is_read_from_the_environment(monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    assert page_size_for_locale() == "Letter"
    monkeypatch.setenv("LC_PAPER", "en_GB.UTF-8")
    assert page_size_for_locale() == "A4"


def test_an_explicit_page_size_wins_and_unknown_ones_are_refused():
    assert resolve_page_size("letter") == "Letter"
    assert resolve_page_size("A4") == "A4"
    with pytest.raises(ValueError):
        resolve_page_size("A3")


def test_a_machine_without_a_configured_locale_prints_on_a4(monkeypatch):
    """Python reports C.UTF-8 as en_US; the environment must win so this stays A4."""
    for variable in ("LC_ALL", "LC_PAPER"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert page_size_for_locale() == "A4"
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    assert page_size_for_locale() == "Letter"
