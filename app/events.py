"""Change notifications: services announce what changed after a commit; views listen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class Topic(StrEnum):
    """What kind of thing changed."""

    PEOPLE = "people"
    DEPARTMENTS = "departments"
    ROLES = "roles"
    ORGANISATION = "organisation"
    ASSESSMENTS = "assessments"
    SKILLS = "skills"
    PATHS = "paths"
    OBJECTIVES = "objectives"
    PILOTS = "pilots"
    DATA_FILE = "data_file"


@dataclass(frozen=True)
class Change:
    """One committed change: which topics it touched, and the affected row ids if known."""

    topics: frozenset[Topic]
    ids: frozenset[int] = field(default_factory=frozenset)


Listener = Callable[[Change], None]


class ChangeBus:
    """A tiny publish/subscribe hub, created in main.py and passed to services and views.

    Listeners are called synchronously in the thread that published. The GUI bridges
    this into a Qt signal so that views update on the GUI thread.
    """

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def publish(self, *topics: Topic, ids: frozenset[int] = frozenset()) -> None:
        change = Change(frozenset(topics), ids)
        for listener in list(self._listeners):
            listener(change)
