"""Fixtures for every test: a fresh real database per test, and the shared real-world files."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.context import AppServices, open_services

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
POSTGRES_ADMIN_URL = os.environ.get("UPSKILL_TEST_DATABASE_URL")


@pytest.fixture
def shared_data() -> Path:
    """The real public files in ../shared/data; tests skip cleanly where they are absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present on this machine")
    return SHARED_DATA


def shared_file(*parts: str) -> Path:
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present on this machine")
    return path


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    """A fresh empty database: a SQLite file, or a new PostgreSQL database in the server pass."""
    if not POSTGRES_ADMIN_URL:
        yield str(tmp_path / "test.upskill")
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"upskill_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def services(database_url: str) -> Iterator[AppServices]:
    """All services over a fresh database, closed after the test."""
    opened = open_services(database_url)
    try:
        yield opened
    finally:
        opened.close()
