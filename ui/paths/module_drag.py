"""What a dragged module carries: its key, in a MIME type of our own.

The library and the stage lists both produce it and the stage lists accept it, so a drop
from the library and a move between stages are one and the same operation.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QMimeData

MODULE_KEYS_MIME = "application/x-upskill-module-keys"


def modules_mime(keys: Sequence[str]) -> QMimeData:
    """The drag payload for these modules (their keys in order)."""
    data = QMimeData()
    data.setData(MODULE_KEYS_MIME, json.dumps(list(keys)).encode("utf-8"))
    return data


def dragged_keys(data: QMimeData | None) -> list[str]:
    """The module keys a payload carries; empty when it is not ours or is damaged."""
    if data is None or not data.hasFormat(MODULE_KEYS_MIME):
        return []
    try:
        keys = json.loads(bytes(data.data(MODULE_KEYS_MIME).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(keys, list):
        return []
    return [key for key in keys if isinstance(key, str)]
