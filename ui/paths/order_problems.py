"""Prerequisite problems of a path's order in plain words, and what their one-click fix does."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from app.paths.planning import OrderProblem

_CONTEXT = "OrderProblems"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _title(key: str | None, titles: Mapping[str, str]) -> str:
    return titles.get(key or "", key or "")


def problem_sentence(problem: OrderProblem, titles: Mapping[str, str]) -> str:
    """What is wrong, e.g. "“Prompting basics” comes before “AI at work”, which it needs."."""
    module = _title(problem.module, titles)
    needed = _title(problem.prerequisite, titles)
    if problem.kind == "after":
        return _tr("“{module}” comes before “{needed}”, which it needs first.").format(
            module=module, needed=needed
        )
    if problem.kind == "missing":
        return _tr("“{module}” needs “{needed}”, which is not in the path.").format(
            module=module, needed=needed
        )
    if problem.kind == "duplicate":
        return _tr("“{module}” is in the path twice.").format(module=module)
    chain = " → ".join(_title(key, titles) for key in problem.cycle)
    return _tr(
        "“{module}” and “{needed}” each need the other first ({chain}). Change the "
        "prerequisites of one of them in the module editor."
    ).format(module=module, needed=needed, chain=chain)


def fix_text(problem: OrderProblem, titles: Mapping[str, str]) -> str:
    """What the problem's Fix button does, or an empty string when it has none (a cycle)."""
    fix = problem.fix
    if fix is None:
        return ""
    key = _title(fix.key, titles)
    anchor = _title(fix.anchor, titles)
    if fix.action == "remove":
        return _tr("Remove the second “{module}”").format(module=key)
    if fix.action == "add_before":
        return _tr("Add “{needed}” just before “{module}”").format(needed=key, module=anchor)
    if fix.action == "move_before":
        return _tr("Move “{needed}” to just before “{module}”").format(needed=key, module=anchor)
    return _tr("Move “{module}” to just after “{needed}”").format(module=key, needed=anchor)
