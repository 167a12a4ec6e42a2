"""The installer's modules are scripts in installer/, not a package: put that folder on the
path so the tests import them as the spec and build.py do."""

from __future__ import annotations

import sys
from pathlib import Path

INSTALLER = Path(__file__).resolve().parents[2] / "installer"
if str(INSTALLER) not in sys.path:
    sys.path.insert(0, str(INSTALLER))
