"""Benchmarks of Upskill Planner against the bare libraries doing the same work.

Run ``python -m bench`` from the repository root (``--quick`` for a small, fast variant,
``--only start,import,people,reports`` for a subset). Every figure is compared with a
*floor* measured in the same run: the same work done directly with the bare library
(Qt, openpyxl, reportlab, sqlite3), so the ratio says what our own layers cost.
"""
