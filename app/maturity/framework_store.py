"""Frameworks in the data file: store a FrameworkContent, read one back with its row ids.

An assessment points at the exact framework version it was taken with, so stored
frameworks are never changed in place once an assessment uses them.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.maturity.content import (
    DimensionContent,
    FrameworkContent,
    MaturityLevelText,
    QuestionContent,
)
from db.models import (
    Dimension,
    Framework,
    LevelDescriptor,
    MaturityLevel,
    Question,
    Recommendation,
)


def store_framework(
    session: Session,
    content: FrameworkContent,
    *,
    built_in: bool,
    copied_from_id: int | None = None,
    key: str | None = None,
    version: str | None = None,
    name: str | None = None,
) -> int:
    """Write ``content`` as a new framework row tree; returns the framework's id."""
    framework = Framework(
        key=key or content.key,
        version=version or content.version,
        name=name or content.name,
        description=content.description,
        built_in=built_in,
        copied_from_id=copied_from_id,
    )
    session.add(framework)
    session.flush()
    store_tree(session, framework.id, content)
    return framework.id


def store_tree(session: Session, framework_id: int, content: FrameworkContent) -> None:
    """Write the levels, dimensions, questions, descriptors and recommendations of a framework."""
    for level in content.levels:
        session.add(
            MaturityLevel(
                framework_id=framework_id,
                level=level.level,
                name=level.name,
                description=level.description,
            )
        )
    for position, dimension in enumerate(content.dimensions):
        row = Dimension(
            framework_id=framework_id,
            key=dimension.key,
            name=dimension.name,
            description=dimension.description,
            weight=dimension.weight,
            position=position,
        )
        session.add(row)
        session.flush()
        for at_level, actions in sorted(dimension.recommendations.items()):
            for order, text in enumerate(actions):
                session.add(
                    Recommendation(dimension_id=row.id, level=at_level, text=text, position=order)
                )
        for order, question in enumerate(dimension.questions):
            stored = Question(
                dimension_id=row.id,
                key=question.key,
                text=question.text,
                weight=question.weight,
                position=order,
            )
            session.add(stored)
            session.flush()
            for at_level, text in sorted(question.descriptors.items()):
                session.add(LevelDescriptor(question_id=stored.id, level=at_level, text=text))
    session.flush()


def delete_tree(session: Session, framework_id: int) -> None:
    """Remove a framework's content (only for a framework no assessment uses)."""
    for dimension in session.execute(
        select(Dimension).where(Dimension.framework_id == framework_id)
    ).scalars():
        session.delete(dimension)
    for level in session.execute(
        select(MaturityLevel).where(MaturityLevel.framework_id == framework_id)
    ).scalars():
        session.delete(level)
    session.flush()


def read_framework(session: Session, framework_id: int) -> FrameworkContent:
    """The stored framework with every row id filled in, dimensions and questions in order."""
    framework = session.get(Framework, framework_id)
    if framework is None:
        raise LookupError(f"framework {framework_id} does not exist")
    levels = [
        MaturityLevelText(level.level, level.name, level.description or "")
        for level in session.execute(
            select(MaturityLevel)
            .where(MaturityLevel.framework_id == framework_id)
            .order_by(MaturityLevel.level)
        ).scalars()
    ]
    dimensions = list(
        session.execute(
            select(Dimension)
            .where(Dimension.framework_id == framework_id)
            .order_by(Dimension.position, Dimension.id)
        ).scalars()
    )
    dimension_ids = [d.id for d in dimensions]
    questions: dict[int, list[Question]] = defaultdict(list)
    for question in session.execute(
        select(Question)
        .where(Question.dimension_id.in_(dimension_ids))
        .order_by(Question.position, Question.id)
    ).scalars():
        questions[question.dimension_id].append(question)
    question_ids = [q.id for qs in questions.values() for q in qs]
    descriptors: dict[int, dict[int, str]] = defaultdict(dict)
    for descriptor in session.execute(
        select(LevelDescriptor).where(LevelDescriptor.question_id.in_(question_ids))
    ).scalars():
        descriptors[descriptor.question_id][descriptor.level] = descriptor.text
    recommendations: dict[int, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for recommendation in session.execute(
        select(Recommendation)
        .where(Recommendation.dimension_id.in_(dimension_ids))
        .order_by(Recommendation.level, Recommendation.position, Recommendation.id)
    ).scalars():
        recommendations[recommendation.dimension_id][recommendation.level].append(
            recommendation.text
        )
    return FrameworkContent(
        key=framework.key,
        version=framework.version,
        name=framework.name,
        description=framework.description or "",
        levels=levels,
        dimensions=[
            DimensionContent(
                key=dimension.key,
                name=dimension.name,
                description=dimension.description or "",
                weight=dimension.weight,
                id=dimension.id,
                recommendations={k: list(v) for k, v in recommendations[dimension.id].items()},
                questions=[
                    QuestionContent(
                        key=question.key,
                        text=question.text,
                        weight=question.weight,
                        id=question.id,
                        descriptors=dict(descriptors[question.id]),
                    )
                    for question in questions[dimension.id]
                ],
            )
            for dimension in dimensions
        ],
        id=framework.id,
        built_in=framework.built_in,
    )


def find_framework(session: Session, key: str, version: str, *, built_in: bool) -> int | None:
    return session.execute(
        select(Framework.id).where(
            Framework.key == key, Framework.version == version, Framework.built_in == built_in
        )
    ).scalar_one_or_none()
