"""The domain layer's translation helper: real catalogs translate real messages, no catalog
leaves English exactly as it was, nothing is loaded at import, and every message is a literal
that extraction tools can find."""

from __future__ import annotations

import ast
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import i18n
from app.errors import ValidationError
from app.privacy import fold_small_groups
from app.roster.model import RosterField, RosterFileError
from app.roster.reading import read_table
from app.services.organisation import track_label
from app.services.people import PersonInput
from db.models import Track

ROOT = Path(__file__).resolve().parents[2]

GERMAN: dict[str | tuple[str, str], str | tuple[str, ...]] = {
    "“{email}” is not a valid e-mail address (it should look like name@example.org).": (
        "„{email}“ ist keine gültige E-Mail-Adresse (sie sollte wie name@example.org aussehen)."
    ),
    "The file is empty (0 bytes). Export the roster again from your HR system.": (
        "Die Datei ist leer (0 Byte). Exportieren Sie die Mitarbeiterliste erneut."
    ),
    "Technical": "Technisch",
    "Full name": "Vollständiger Name",
    (
        "Spaces at the start or end of {n} value were removed.",
        "Spaces at the start or end of {n} values were removed.",
    ): (
        "Leerzeichen am Anfang oder Ende von {n} Wert wurden entfernt.",
        "Leerzeichen am Anfang oder Ende von {n} Werten wurden entfernt.",
    ),
}


def compile_mo(messages: dict[str | tuple[str, str], str | tuple[str, ...]]) -> bytes:
    """A GNU .mo catalog (what msgfmt writes): header, two offset tables, then the strings."""
    entries: dict[bytes, bytes] = {
        b"": b"Content-Type: text/plain; charset=UTF-8\n"
        b"Plural-Forms: nplurals=2; plural=(n != 1);\n"
    }
    for msgid, msgstr in messages.items():
        key = "\0".join(msgid) if isinstance(msgid, tuple) else msgid
        value = "\0".join(msgstr) if isinstance(msgstr, tuple) else msgstr
        entries[key.encode()] = value.encode()
    keys = sorted(entries)
    count = len(keys)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    originals, translations, blob = [], [], b""
    for key in keys:
        originals.append((len(key), data_at + len(blob)))
        blob += key + b"\0"
    for key in keys:
        translations.append((len(entries[key]), data_at + len(blob)))
        blob += entries[key] + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, originals_at, translations_at, 0, 0)
    tables = b"".join(struct.pack("<2I", *pair) for pair in originals + translations)
    return header + tables + blob


@pytest.fixture(autouse=True)
def fresh_catalog() -> Iterator[None]:
    """Every test starts and ends with the catalog looked up again from the environment."""
    i18n.reset()
    yield
    i18n.reset()


@pytest.fixture
def german(tmp_path: Path) -> Path:
    """A locale folder holding a small German catalog of real app messages."""
    folder = tmp_path / "locale" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / f"{i18n.DOMAIN}.mo").write_bytes(compile_mo(GERMAN))
    return tmp_path / "locale"


@pytest.mark.database
def test_a_validation_error_comes_out_in_the_catalogs_language(services, german):
    i18n.use_catalog(german, "de")
    with pytest.raises(ValidationError) as error:
        services.people.add(PersonInput(first_name="Ann", email="ann@example"))
    assert error.value.message == (
        "„ann@example“ ist keine gültige E-Mail-Adresse (sie sollte wie name@example.org aussehen)."
    )


@pytest.mark.database
def test_without_a_catalog_the_same_error_is_the_english_it_always_was(services, tmp_path):
    i18n.use_catalog(tmp_path, "de")  # an empty folder: gettext falls back to the source text
    with pytest.raises(ValidationError) as error:
        services.people.add(PersonInput(first_name="Ann", email="ann@example"))
    assert error.value.message == (
        "“ann@example” is not a valid e-mail address (it should look like name@example.org)."
    )


def test_a_roster_file_error_is_translated(german, tmp_path):
    empty = tmp_path / "roster.csv"
    empty.write_bytes(b"")
    i18n.use_catalog(german, "de")
    with pytest.raises(RosterFileError) as error:
        read_table(empty)
    assert error.value.message == (
        "Die Datei ist leer (0 Byte). Exportieren Sie die Mitarbeiterliste erneut."
    )


@pytest.mark.parametrize(
    ("names", "english", "german_note"),
    [
        ([" Ann "], "Spaces at the start or end of 1 value were removed.", "von 1 Wert wurden"),
        ([" Ann ", " Bob "], "Spaces at the start or end of 2 values were removed.", "2 Werten"),
    ],
)
def test_plural_notes_follow_the_catalogs_plural_rule(
    german, tmp_path, names, english, german_note
):
    roster = tmp_path / "roster.csv"
    rows = "".join(f"{name},Sales\n" for name in names)
    roster.write_text(f"Name,Department\n{rows}", encoding="utf-8")
    assert english in read_table(roster).notes
    i18n.use_catalog(german, "de")
    assert any(german_note in note for note in read_table(roster).notes)


def test_labels_kept_in_constants_are_translated_when_shown_not_when_imported(german):
    assert track_label(Track.TECHNICAL) == "Technical"
    assert RosterField.FULL_NAME.label == "Full name"
    i18n.use_catalog(german, "de")
    assert track_label(Track.TECHNICAL) == "Technisch"
    assert RosterField.FULL_NAME.label == "Vollständiger Name"


def test_the_language_comes_from_the_environment_when_nothing_was_chosen(german, monkeypatch):
    monkeypatch.setattr(i18n, "locale_dir", lambda: german)
    monkeypatch.setenv("UPSKILL_LANGUAGE", "de")
    assert i18n.user_languages() == ["de"]
    assert i18n._("Technical") == "Technisch"
    monkeypatch.setenv("UPSKILL_LANGUAGE", "fr:de")
    i18n.reset()
    assert i18n.user_languages() == ["fr", "de"]
    assert i18n._("Technical") == "Technisch"  # no French catalog: the next language is used
    monkeypatch.delenv("UPSKILL_LANGUAGE")
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "")
    monkeypatch.setenv("LC_MESSAGES", "")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    i18n.reset()
    assert i18n._("Technical") == "Technisch"


def test_english_is_unchanged_without_a_catalog(monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    monkeypatch.setenv("UPSKILL_LANGUAGE", "de")
    message = "Row {row} has no department; the person will be put in '{department}'."
    assert i18n._(message) == message
    assert i18n.translate("Technical") == "Technical"
    assert i18n.ngettext("{n} group", "{n} groups", 1) == "{n} group"
    assert i18n.ngettext("{n} group", "{n} groups", 2) == "{n} groups"
    assert i18n.N_("Executive") == "Executive"
    note = fold_small_groups({"Big": 10, "A": 1, "B": 2, "C": 2}, threshold=5).note
    assert note == (
        "To protect anonymity, groups of fewer than 5 people are not shown on their own: "
        "3 groups (A, B, C) are combined into “Other (groups under 5 people)”."
    )


def test_no_catalog_is_loaded_when_the_app_is_imported():
    code = (
        "import importlib, pkgutil, app, app.i18n\n"
        "for info in pkgutil.walk_packages(app.__path__, 'app.'):\n"
        "    importlib.import_module(info.name)\n"
        "import app.cli\n"
        "app.cli.build_parser\n"
        "assert app.i18n._catalog is None, 'a catalog was loaded at import time'\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


KEYWORDS = {"_": 1, "N_": 1, "ngettext": 2}
"""The extraction keywords and how many leading arguments are message text."""


def _is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_every_message_in_app_is_a_literal_that_extraction_can_find():
    offenders = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            texts = KEYWORDS.get(node.func.id)
            if texts is None:
                continue
            arguments = node.args[:texts]
            if len(arguments) < texts or not all(_is_literal(a) for a in arguments):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)}")
    assert not offenders, "messages must be string literals:\n" + "\n".join(offenders)


def test_messages_are_actually_routed_through_the_helper():
    """The scan above would pass on an app with no messages at all; make sure it has many."""
    calls = 0
    for path in (ROOT / "app").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls += sum(
            1
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in KEYWORDS
        )
    assert calls > 150
