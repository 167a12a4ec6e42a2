"""app/ and db/ never need Qt: the CLI and the domain run where no display exists."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BLOCK_QT = r"""
import importlib.abc, sys
class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {'PySide6', 'shiboken6', 'ui'}:
            raise ImportError(f'{name} imported below the ui layer')
        return None
sys.meta_path.insert(0, BlockQt())
import pkgutil, importlib
for package in ('db', 'app'):
    module = importlib.import_module(package)
    for info in pkgutil.walk_packages(module.__path__, package + '.'):
        if '.migrations.' in info.name or info.name.endswith('.migrations.env'):
            continue
        importlib.import_module(info.name)
print('ok')
"""


def test_every_app_and_db_module_imports_with_qt_blocked():
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_cli_runs_without_loading_qt(tmp_path):
    code = (
        "import sys; from app.cli import main; "
        f"rc = main(['--db', r'{tmp_path / 'f.upskill'}', 'info', '--json']); "
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; "
        "sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
