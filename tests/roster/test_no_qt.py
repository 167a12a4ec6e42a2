"""The roster import works without Qt: app/ must import with PySide6 unavailable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_roster_modules_import_with_pyside6_blocked() -> None:
    code = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"
        "sys.modules['shiboken6'] = None\n"
        "import app.roster.reading, app.roster.mapping, app.roster.checking, app.roster.model\n"
        "assert not any(m.startswith(('PySide6.', 'shiboken6.')) for m in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
