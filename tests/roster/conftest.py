"""Helpers for the roster tests: the shared real files, and small files written on the fly."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def data_file(*parts: str) -> Path:
    """A file from ../shared/data; the test skips cleanly where it is absent."""
    path = DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present on this machine")
    return path


def data_folder(name: str) -> list[Path]:
    """Every data file (not the SOURCE.md) of a shared folder, or [] when absent."""
    folder = DATA / name
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix != ".md")


def write_csv(tmp_path: Path, text: str, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path
