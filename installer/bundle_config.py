"""What goes into the built app, in one place: read by the PyInstaller spec, build.py and tests.

Standard library only: the spec imports it under PyInstaller, the tests import it without
PyInstaller installed, and build.py imports it before any virtual environment exists.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

APP_NAME = "upskill-planner"
"""The executable, the PyInstaller output folder (dist/upskill-planner) and the icon name."""
DISPLAY_NAME = "Upskill Planner"
APP_ID = "io.github.upskillplanner.UpskillPlanner"
"""Reverse-DNS id: AppStream component id and macOS bundle identifier."""
MIME_TYPE = "application/x-upskill-planner"
DATA_EXTENSION = "upskill"
SIZE_LIMIT_MB = 150
"""The unpacked Linux bundle must stay below this (issue 7)."""

ICON_DIR = ROOT / "resources" / "icons"
ICON_PNG = ICON_DIR / f"{APP_NAME}.png"
ICON_ICO = ICON_DIR / f"{APP_NAME}.ico"
ICON_ICNS = ICON_DIR / f"{APP_NAME}.icns"
ICON_SVG = ICON_DIR / f"{APP_NAME}.svg"

QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtCharts")
"""The PySide6 modules app/, ui/ and main.py import (a test keeps this honest)."""

QT_MODULES_EXCLUDED = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAsyncio",
    "QtBluetooth",
    "QtCanvasPainter",
    "QtConcurrent",
    "QtDBus",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvg",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
)
"""Every other PySide6 module. QtCharts links the Qt OpenGL libraries itself; their Python
bindings are not needed. A new ``from PySide6.QtX`` in the code must leave this list."""

OTHER_EXCLUDED = (
    # Tests and developer tools: present in .venv, never needed by the app.
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "mypyc",
    "ruff",
    "importlinter",
    "grimp",
    "test",
    "tests",
    "unittest",
    "doctest",
    "pydoc_data",
    "lib2to3",
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "setuptools",
    "pkg_resources",
    "pip",
    # PostgreSQL drivers: the server path is for administrators running from source.
    "psycopg",
    "psycopg_binary",
    "psycopg_c",
    "psycopg2",
    "asyncpg",
    "pg8000",
    # Database dialects nobody can use from the app (SQLite, and PostgreSQL from source).
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
    # TLS and OpenSSL hashes (~5 MB): the app never goes online; hashlib falls back to
    # Python's own md5/sha implementations.
    "ssl",
    "_ssl",
    "_hashlib",
    # Pillow (reportlab needs PIL.Image for raster images only): its bridges to other
    # toolkits, colour management, and the AVIF and WebP codecs with their libraries.
    "PIL.ImageQt",
    "PIL.ImageTk",
    "PIL.ImageCms",
    "PIL._imagingcms",
    "PIL.AvifImagePlugin",
    "PIL._avif",
    "PIL.WebPImagePlugin",
    "PIL._webp",
    # Syntax highlighting, reachable only through Mako's error pages.
    "pygments",
)


def excluded_modules() -> list[str]:
    """The ``excludes`` list handed to PyInstaller's Analysis."""
    return [f"PySide6.{name}" for name in QT_MODULES_EXCLUDED] + list(OTHER_EXCLUDED)


QT_TRANSLATIONS_DIR = "PySide6/Qt/translations"


def shipped_languages(root: Path = ROOT) -> set[str]:
    """Languages with a catalog in resources/locale (``de``, ``pt_BR``); English needs none."""
    locale = root / "resources" / "locale"
    if not locale.is_dir():
        return set()
    return {p.parent.parent.name for p in locale.glob("*/LC_MESSAGES/*.mo")}


def keep_qt_translation(dest: str, languages: set[str]) -> bool:
    """False for a Qt ``.qm`` in a language the app does not ship (they weigh ~60 MB)."""
    normalised = dest.replace("\\", "/")
    if QT_TRANSLATIONS_DIR not in normalised:
        return True
    match = re.search(r"_([a-z]{2,3}(?:_[A-Z]{2})?)\.qm$", normalised)
    if match is None:
        return False
    language = match.group(1)
    return language in languages or language.split("_")[0] in languages


# ----------------------------------------------------------------------------- version


class BuildError(Exception):
    """The build cannot go on; the message says why and what to do."""


def project_version(root: Path = ROOT) -> str:
    with (root / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def code_version(root: Path = ROOT) -> str:
    """``__version__`` of app/__init__.py, read without importing the package."""
    tree = ast.parse((root / "app" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets)
            and isinstance(node.value, ast.Constant)
        ):
            return str(node.value.value)
    raise BuildError("app/__init__.py has no __version__ = '...' line")


def checked_version(root: Path = ROOT) -> str:
    """The version to build; refuses when pyproject.toml and app/__init__.py disagree."""
    project, code = project_version(root), code_version(root)
    if project != code:
        raise BuildError(
            f"version mismatch: pyproject.toml says {project}, app/__init__.py says {code}. "
            "Set the same version in both (and add it to CHANGELOG.md), then build again."
        )
    return project


# ------------------------------------------------------------------------------- datas


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source, folder in the bundle) pairs for PyInstaller's ``datas``.

    ``db/migrations`` travels as real files: Alembic finds ``db:migrations`` through
    importlib.resources and loads env.py and versions/*.py by path.
    """
    datas: list[tuple[str, str]] = []
    for folder in ("resources", "db/migrations"):
        base = root / folder
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                dest = Path(folder) / path.relative_to(base).parent
                datas.append((str(path), dest.as_posix()))
    changelog = root / "CHANGELOG.md"
    if changelog.is_file():
        datas.append((str(changelog), "."))
    return datas
