"""Where the shipped resources (style sheet, font licences) are, in a checkout or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the code, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def read_resource_text(*parts: str) -> str:
    """A text resource, or an empty string when it is missing (never fatal for the GUI)."""
    try:
        return resources_dir().joinpath(*parts).read_text(encoding="utf-8")
    except OSError:
        return ""
