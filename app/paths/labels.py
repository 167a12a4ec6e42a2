"""The words for the stored values of the module library: formats, levels and stages, as the
reports print them (the screens have theirs in ``ui/paths``, translated by Qt)."""

from __future__ import annotations

from collections.abc import Mapping

from app.i18n import N_, translate

FORMAT_LABELS = {
    "workshop": N_("Workshop"),
    "e_learning": N_("E-learning"),
    "hands_on_lab": N_("Hands-on lab"),
    "mentoring": N_("Mentoring"),
    "office_hours": N_("Office hours"),
    "reading": N_("Reading"),
}
LEVEL_LABELS = {"awareness": N_("Awareness"), "builder": N_("Builder"), "master": N_("Master")}
STAGE_LABELS = {"crawl": N_("Crawl"), "walk": N_("Walk"), "run": N_("Run")}


def label(labels: Mapping[str, str], value: str) -> str:
    """A stored value (``hands_on_lab``) in words, translated."""
    return translate(labels[value]) if value in labels else value.replace("_", " ").capitalize()
