"""Leaving out the Qt plugins the app does not need, and the libraries only they needed.

PyInstaller collects every plugin of a type QtGui uses (all platforms, all image formats,
all input methods) and then every library those plugins link. Standard library only: the
spec passes in PyInstaller's reader of ELF dependencies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

QT_PLUGINS_DROPPED = (
    # The on-screen keyboard: pulls in Qt Quick and QML (~25 MB).
    "platforminputcontexts/qtvirtualkeyboardplugin",
    # PDF thumbnails: pulls in Qt Pdf; the app writes PDFs with reportlab, never reads them.
    "imageformats/qpdf",
    # GTK 3 theme: would ship this machine's cairo/pango/gdk next to the user's GTK and
    # clash with it; Qt falls back to the desktop portal theme or its own dialogs.
    "platformthemes/qgtk3",
    # Embedded-device platforms and input (framebuffer, EGLFS, VNC, evdev, TUIO).
    "platforms/qeglfs",
    "platforms/qlinuxfb",
    "platforms/qvnc",
    "platforms/qvkkhrdisplay",
    "platforms/qminimalegl",
    "egldeviceintegrations/*",
    "generic/*",
)
"""Qt plugins (``type/name`` without ``lib`` prefix or suffix; ``*`` = the whole type) left
out; the platforms kept are xcb, wayland, offscreen (the self-test) and minimal."""


def _plugin_key(dest: str) -> tuple[str, str] | None:
    """``("platforms", "qxcb")`` for a Qt plugin's destination in the bundle, else None."""
    parts = dest.replace("\\", "/").split("/")
    if "plugins" not in parts[:-2]:
        return None
    at = len(parts) - 1 - parts[::-1].index("plugins")
    if len(parts) != at + 3:
        return None
    stem = parts[-1].split(".")[0]
    if stem.startswith("lib"):
        stem = stem[3:]
    return parts[at + 1], stem


def is_dropped_plugin(dest: str) -> bool:
    key = _plugin_key(dest)
    if key is None or "PySide6" not in dest:
        return False
    kind, name = key
    return any(rule in (f"{kind}/{name}", f"{kind}/*") for rule in QT_PLUGINS_DROPPED)


def _name(dest: str) -> str:
    return dest.replace("\\", "/").rsplit("/", 1)[-1]


def _is_shared_library(dest: str) -> bool:
    """A library other code links to (libQt6Gui.so.6), not a module or a plugin."""
    name = dest.replace("\\", "/").rsplit("/", 1)[-1]
    return (
        name.startswith("lib")
        and ".so" in name
        and not name.startswith("libpython")
        and _plugin_key(dest) is None
    )


Entry = tuple[str, str, str]
"""PyInstaller's TOC entry: (destination in the bundle, source path, type code)."""


def prune_binaries(
    binaries: list[Entry], needed: Callable[[str], Iterable[str]]
) -> tuple[list[Entry], list[Entry]]:
    """Drop QT_PLUGINS_DROPPED, then every shared library nothing left still links to.

    ``needed(source)`` gives the library names (sonames) a binary links to (ELF NEEDED).
    Linux only: a dropped plugin's libraries were collected because of it, so they are
    dropped with it; modules, plugins and libpython (loaded by the bootloader) are roots.
    """
    remaining = [entry for entry in binaries if not is_dropped_plugin(entry[0])]
    by_name: dict[str, list[Entry]] = {}
    for entry in remaining:
        by_name.setdefault(entry[0].replace("\\", "/").rsplit("/", 1)[-1], []).append(entry)
    reached: set[str] = set()
    pending = [entry for entry in remaining if not _is_shared_library(entry[0])]
    while pending:
        entry = pending.pop()
        if entry[0] in reached:
            continue
        reached.add(entry[0])
        for soname in needed(entry[1]):
            pending.extend(by_name.get(soname, []))
    kept = [e for e in remaining if not _is_shared_library(e[0]) or e[0] in reached]
    dropped = [e for e in binaries if e not in kept]
    return kept, dropped


def without_links_to(datas: list[Entry], dropped: list[Entry]) -> list[Entry]:
    """``datas`` minus the symbolic links PyInstaller made to the ``dropped`` binaries."""
    gone = {entry[0].replace("\\", "/") for entry in dropped}
    return [e for e in datas if not (e[2] == "SYMLINK" and e[1].replace("\\", "/") in gone)]


LINUX_SYSTEM_LIBRARIES = ("libstdc++.so.6", "libgcc_s.so.1", "libexpat.so.1")
"""Taken from the user's system, not bundled: the build machine's copies (Debian 12) need
glibc 2.36, and every desktop with glibc 2.35 or newer has these (libstdc++ from GCC 12
or newer, as Qt needs). Leaving them out keeps Ubuntu 22.04 supported."""


def without_system_libraries(binaries: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """(kept, dropped): ``binaries`` minus LINUX_SYSTEM_LIBRARIES."""
    dropped = [e for e in binaries if _name(e[0]) in LINUX_SYSTEM_LIBRARIES]
    return [e for e in binaries if e not in dropped], dropped
