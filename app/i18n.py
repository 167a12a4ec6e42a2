"""Translation of the domain layer's user-facing text (messages, reports, CLI output).

The GUI translates its own text with Qt's ``tr()``; app/ must not import Qt, so it uses
gettext here. Call ``_("…")`` on every sentence a person reads, with named placeholders
filled in afterwards (``_("Row {row} is empty.").format(row=n)``), and ``ngettext`` where
the words depend on a number. Text kept in a module-level constant is marked with ``N_()``
(so it is extracted) and passed through ``translate()`` where it is shown: ``_()`` itself
only ever gets a literal, which is what lets the strings be extracted (a test checks it).

The catalog ``resources/locale/<lang>/LC_MESSAGES/upskill.mo`` is looked up the first time
a message is translated, not at import, so starting the app or the CLI costs nothing. With
no catalog for the user's language, every message stays exactly as written (English).
"""

from __future__ import annotations

import gettext
import os
import sys
import threading
from pathlib import Path

DOMAIN = "upskill"
"""The gettext domain: the catalogs are called ``upskill.po`` / ``upskill.mo``."""

_lock = threading.Lock()
_catalog: gettext.NullTranslations | None = None


def locale_dir() -> Path:
    """``resources/locale``: beside the code, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return root / "resources" / "locale"


def _windows_ui_language() -> str | None:
    """The Windows display language as a POSIX locale name ("de_DE"), if it can be read."""
    if sys.platform != "win32":
        return None
    try:
        import ctypes
        import locale

        language_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined,unused-ignore]
        return locale.windows_locale.get(int(language_id))
    except (AttributeError, OSError, ValueError):
        return None


def user_languages() -> list[str] | None:
    """The languages to look for, best first; None lets gettext read the environment.

    ``UPSKILL_LANGUAGE`` wins (for trying a translation); then the usual variables
    (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), which gettext reads itself; then, where those
    are unset (as on Windows), the operating system's display language.
    """
    chosen = os.environ.get("UPSKILL_LANGUAGE")
    if chosen:
        return [part for part in chosen.split(":") if part]
    if any(os.environ.get(name) for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")):
        return None
    system = _windows_ui_language()
    return [system] if system else None


def _load(localedir: Path, languages: list[str] | None) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, localedir=localedir, languages=languages, fallback=True)


def _translations() -> gettext.NullTranslations:
    global _catalog
    catalog = _catalog
    if catalog is None:
        with _lock:
            if _catalog is None:
                _catalog = _load(locale_dir(), user_languages())
            catalog = _catalog
    return catalog


def use_catalog(localedir: Path, language: str) -> None:
    """Translate from now on with ``language``'s catalog in ``localedir`` (English if none).

    For a language setting in the app, and for tests with a catalog of their own.
    """
    global _catalog
    with _lock:
        _catalog = _load(Path(localedir), [language])


def reset() -> None:
    """Forget the catalog in use; the next message looks it up again from the environment."""
    global _catalog
    with _lock:
        _catalog = None


def _(message: str) -> str:
    """``message`` in the user's language (unchanged when there is no translation)."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the number ``n``, in the user's language.

    English uses ``singular`` for 1 and ``plural`` otherwise; other languages have their
    own rules in their catalog. Fill in the number afterwards with ``.format(n=…)``.
    """
    return _translations().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark text kept in a constant for extraction; ``translate()`` it where it is shown."""
    return message


def translate(message: str) -> str:
    """A message marked with ``N_()`` (held in a constant), in the user's language now.

    The same lookup as ``_()``, kept apart so that ``_()`` is only ever called on literals.
    """
    return _translations().gettext(message)
