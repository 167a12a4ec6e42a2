"""The pinned Qt bindings must not lose references to None or True.

PySide6 6.12.0 on Python 3.11 did: every Qt call returning nothing and every signal emit
took one reference away, and after some thousands of calls Python aborted mid-session.
This runs the same calls in a separate process so a regression fails here, not for a user.
"""

from __future__ import annotations

import subprocess
import sys

PROBE = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
class Relay(QObject):
    changed = Signal(object)
relay = Relay()
relay.changed.connect(lambda value: None)
none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(2000):
    label.setText("x")
    relay.changed.emit(1)
app.processEvents()
print(sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
"""


def test_qt_calls_and_signal_emits_keep_none_and_true_alive():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    none_lost, true_lost = (int(n) for n in result.stdout.split())
    # A few references may come and go with caches; thousands lost is the bug.
    assert none_lost > -50, f"{-none_lost} references to None were lost"
    assert true_lost > -50, f"{-true_lost} references to True were lost"
