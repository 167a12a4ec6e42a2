"""The AI skills catalogue as plain data: what the survey asks and what gaps are measured against.

The built-in catalogue ships as versioned JSON in resources/skills and is read into these
shapes by ``app/skills/catalogue_loading.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

SCALE = (0, 1, 2, 3, 4)
"""The proficiency levels a skill is rated on, from none to expert."""

AGREEMENT = (1, 2, 3, 4, 5)
"""The points of the agreement scale for attitude items, strongly disagree to strongly agree."""

TRACKS = ("executive", "technical", "domain_expert", "frontline", "custom")
"""The role tracks that each have a target level for every skill."""

CATEGORIES = ("literacy", "use", "judgement", "safety", "application", "building")
"""The groups a skill belongs to, for ordering and summarising."""

ATTITUDE_THEMES = (
    "confidence",
    "worry",
    "safety_to_experiment",
    "interest_in_learning",
    "time_available",
)
"""What an attitude item measures; the readiness analysis groups items by theme."""


@dataclass(frozen=True)
class ProficiencyLevel:
    """A named point of the proficiency scale, e.g. 2 "Practitioner", with what it means."""

    level: int
    name: str
    meaning: str


@dataclass(frozen=True)
class SkillContent:
    key: str
    name: str
    category: str
    description: str
    levels: dict[int, str]
    """What a person at levels 0..4 can do in practice with this skill (all five present)."""
    id: int | None = None
    """The skill's row id once the catalogue is in a data file."""


@dataclass(frozen=True)
class AttitudeItem:
    """A first-person statement answered on the 1..5 agreement scale."""

    key: str
    statement: str
    theme: str
    reverse: bool
    """True where agreeing is a worry, so the analysis counts 6 minus the answer."""
    id: int | None = None


@dataclass(frozen=True)
class SkillCatalogue:
    key: str
    version: str
    name: str
    description: str
    scale: list[ProficiencyLevel]
    skills: list[SkillContent]
    track_targets: dict[str, dict[str, int]]
    """Track -> skill key -> the level 0..4 people on that track should reach."""
    attitudes: list[AttitudeItem]
    agreement_labels: dict[int, str]
    """1..5 -> "Strongly disagree" … "Strongly agree"."""

    def skill(self, key: str) -> SkillContent:
        for skill in self.skills:
            if skill.key == key:
                return skill
        raise KeyError(f"no skill “{key}” in the catalogue {self.key} {self.version}")

    def target(self, track: str, skill_key: str) -> int:
        """The target level for ``skill_key`` on ``track``; KeyError if either is unknown."""
        if track not in self.track_targets:
            raise KeyError(f"no track “{track}” in the catalogue {self.key} {self.version}")
        targets = self.track_targets[track]
        if skill_key not in targets:
            raise KeyError(f"no skill “{skill_key}” in the catalogue {self.key} {self.version}")
        return targets[skill_key]

    def level(self, number: int) -> ProficiencyLevel:
        return next(level for level in self.scale if level.level == number)
