"""Words for building learning paths: levels, stages, tracks, and a module described in a line.

The path builder's own vocabulary; formats and hours come from ``ui.paths.progress_labels`` so
a module reads the same in the builder, the progress grid and the capacity table.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.paths.service import ModuleRow
from db.models import Track
from ui.paths.progress_labels import format_label, hours_text
from ui.people.labels import track_label

_CONTEXT = "PathBuilderLabels"

TRACKS = (Track.EXECUTIVE, Track.TECHNICAL, Track.DOMAIN_EXPERT, Track.FRONTLINE, Track.CUSTOM)
"""The tracks a path can be written for, in the order they are offered."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def level_label(level: str) -> str:
    """awareness / builder / master as the user reads them."""
    labels = {
        "awareness": _tr("Awareness"),
        "builder": _tr("Builder"),
        "master": _tr("Master"),
    }
    return labels.get(level, level)


def stage_label(stage: str) -> str:
    """crawl / walk / run as the user reads them."""
    labels = {"crawl": _tr("Crawl"), "walk": _tr("Walk"), "run": _tr("Run")}
    return labels.get(stage, stage)


def stage_hint(stage: str) -> str:
    """What a stage is for, in a few words (the title field's placeholder)."""
    hints = {
        "crawl": _tr("First steps, e.g. Know the basics and the rules"),
        "walk": _tr("Practice, e.g. Try it with support"),
        "run": _tr("Real work, e.g. Use it on a real task"),
    }
    return hints.get(stage, "")


def path_track_label(track: str) -> str:
    """A track key ("domain_expert") as the user reads it ("Domain expert")."""
    try:
        return track_label(Track(track))
    except ValueError:
        return track


def module_facts(module: ModuleRow) -> str:
    """ "Workshop · 3 h · Builder": how, how long and what level, in one line."""
    return _tr("{format} · {hours} · {level}").format(
        format=format_label(module.format),
        hours=hours_text(module.hours),
        level=level_label(module.level),
    )


def skill_level_text(level: int, level_names: dict[int, str]) -> str:
    """ "3 Proficient": a level of the skills scale with its name."""
    name = level_names.get(level)
    return f"{level} {name}" if name else str(level)
