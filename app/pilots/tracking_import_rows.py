"""Read one row of a measurements spreadsheet into what it records, for each kind.

Each reader gets a :class:`RowContext` (the row's cells, the mapping, the pilot) and
returns the entry, or None after complaining about every problem of the row in plain words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import partial

from app.i18n import _
from app.pilots.records import ApplicationInput
from app.pilots.tracking import MAX_WEEKS
from app.pilots.tracking_import_model import (
    SCORE_FIELDS,
    Entry,
    ImportKind,
    ScoresEntry,
    SurveyEntry,
    TimingEntry,
    TrackingField,
    WeekEntry,
)
from app.pilots.tracking_import_values import (
    NotANumber,
    UnknownFeatures,
    read_features,
    read_number,
    read_week,
)
from app.roster.model import SourceRow
from app.sheet_import.checking import RowCheck, SheetCheck
from app.sheet_import.values import ScoreError, ScoreOutOfRange, is_blank, percent_score

F = TrackingField

COHORT_WORDS = frozenset(
    {"whole cohort", "cohort", "all", "everyone", "everybody", "team", "group", "all participants"}
)
"""What the person cell of a task timing may say for a timing of the whole cohort."""


class RowContext(RowCheck[TrackingField]):
    """One row being checked, with what the pilot says about it. Its readers raise
    NotANumber after complaining, so that a row's every problem is listed (see ``_each``)."""

    def __init__(
        self,
        sheet: SheetCheck[TrackingField],
        source: SourceRow,
        *,
        starts_on: date | None,
        features: Sequence[tuple[str, str]],
        fractions: bool,
    ) -> None:
        super().__init__(sheet, source)
        self.mapping = sheet.mapping
        self.today = sheet.today
        self.starts_on = starts_on
        self.features = features
        self.fractions = fractions
        """Knowledge scores of this file are written as fractions (0.85 is 85 %)."""

    def number(self, fld: TrackingField, *, whole: bool = False, message: str = "") -> float | None:
        """The number in the field's cell (None when empty); complains when it isn't one.

        ``message`` is the field's rule, said when the number has a fraction but must not.
        """
        value = self.cell(fld)
        try:
            number = read_number(value)
        except NotANumber:
            self.complain(
                fld,
                _("“{value}” is not a number.").format(value=self.shown(fld)),
                self.shown(fld),
            )
            raise
        if number is not None and whole and not number.is_integer():
            self.complain(fld, message.format(value=self.shown(fld)), self.shown(fld))
            raise NotANumber(str(value))
        return number

    def in_range(
        self, fld: TrackingField, low: float, high: float, message: str, *, whole: bool = False
    ) -> float | None:
        """A number from ``low`` to ``high`` (None when empty); ``message`` says the rule."""
        number = self.number(fld, whole=whole, message=message)
        if number is not None and not low <= number <= high:
            self.complain(fld, message.format(value=self.shown(fld)), self.shown(fld))
            raise NotANumber(str(number))
        return number

    def day(
        self,
        fld: TrackingField,
        *,
        future: str = "",
        as_text: Callable[[date], str] = date.isoformat,
    ) -> date | None:
        """A date that is not in the future (None when empty); complains otherwise."""
        parsed = super().day(fld, future=future, as_text=as_text)
        if parsed is None and not is_blank(self.cell(fld)):
            raise NotANumber(self.shown(fld) or "")  # complained about
        return parsed


def _each(*steps: Callable[[], object]) -> bool:
    """Run every step, so that a row's every problem is listed; True when all went well."""
    ok = True
    for step in steps:
        try:
            step()
        except NotANumber:
            ok = False
    return ok


def check_in(ctx: RowContext, participant_id: int) -> Entry | None:
    week = days = 0
    features: tuple[str, ...] | None = None
    hours: float | None = None

    def read_week_cell() -> None:
        nonlocal week
        week = _week(ctx)

    def read_days() -> None:
        nonlocal days
        value = ctx.in_range(
            F.DAYS_USED,
            0,
            7,
            _("Days used is a whole number from 0 to 7, not {value}."),
            whole=True,
        )
        if value is None:
            ctx.complain(
                F.DAYS_USED,
                _("Days used is missing. Fill in a number from 0 to 7, or take the row out."),
                None,
            )
            raise NotANumber("")
        days = int(value)

    def read_features_cell() -> None:
        nonlocal features
        if ctx.mapping.column(F.FEATURES) is None or is_blank(ctx.cell(F.FEATURES)):
            return
        try:
            features = read_features(ctx.cell(F.FEATURES), ctx.features)
        except UnknownFeatures as exc:
            ctx.complain(
                F.FEATURES,
                _("“{names}” is not one of the features: {labels}.").format(
                    names="”, “".join(exc.names),
                    labels=", ".join(label for _key, label in ctx.features),
                ),
                ctx.shown(F.FEATURES),
            )
            raise NotANumber(str(exc)) from exc

    def read_hours() -> None:
        nonlocal hours
        hours = ctx.in_range(
            F.LEARNING_HOURS,
            0,
            60,
            _("Hours spent learning in a week is from 0 to 60, not {value}."),
        )

    if not _each(read_week_cell, read_days, read_features_cell, read_hours):
        return None
    return WeekEntry(
        participant_id=participant_id,
        week=week,
        days_used=days,
        features=features,
        learning_hours=hours,
    )


def _week(ctx: RowContext) -> int:
    week: int | None = None
    if ctx.mapping.column(F.WEEK) is not None:
        try:
            week = read_week(ctx.cell(F.WEEK))
        except NotANumber:
            ctx.complain(
                F.WEEK,
                _(
                    "“{value}” is not a week. Write the pilot week as a number (1 is its first)."
                ).format(value=ctx.shown(F.WEEK)),
                ctx.shown(F.WEEK),
            )
            raise
    if week is None and ctx.mapping.column(F.DATE) is not None:
        day = ctx.day(F.DATE)
        if day is not None:
            assert ctx.starts_on is not None  # the mapping check refuses a date without it
            if day < ctx.starts_on:
                ctx.complain(
                    F.DATE,
                    _("{date} is before the pilot started ({start}).").format(
                        date=day.isoformat(), start=ctx.starts_on.isoformat()
                    ),
                    ctx.shown(F.DATE),
                )
                raise NotANumber(str(day))
            week = (day - ctx.starts_on).days // 7 + 1
    if week is None:
        ctx.complain(
            F.WEEK,
            _(
                "The week is missing. Fill in the pilot week (1 is its first) or a date in "
                "that week."
            ),
            None,
        )
        raise NotANumber("")
    if week < 1:
        ctx.complain(
            F.WEEK,
            _("Week {week} is before the pilot: week 1 is its first week.").format(week=week),
            ctx.shown(F.WEEK),
        )
        raise NotANumber(str(week))
    if week > MAX_WEEKS:
        ctx.complain(
            F.WEEK,
            _("Week {week} is too late: a pilot has at most {n} weeks.").format(
                week=week, n=MAX_WEEKS
            ),
            ctx.shown(F.WEEK),
        )
        raise NotANumber(str(week))
    if ctx.starts_on is not None:
        first_day = ctx.starts_on + timedelta(weeks=week - 1)
        if first_day > ctx.today:
            ctx.complain(
                F.WEEK,
                _("Week {week} has not started yet (it starts on {date}).").format(
                    week=week, date=first_day.isoformat()
                ),
                ctx.shown(F.WEEK),
            )
            raise NotANumber(str(week))
    return week


def timing(ctx: RowContext, participant_id: int | None) -> Entry | None:
    found: dict[TrackingField, float | None] = {}
    task = ctx.text(F.TASK) or ""
    whole_count = _("{field} is a whole number of at least 1, not {{value}}.")
    errors_rule = _("Errors is a whole number of 0 or more, not {value}.")

    def task_named() -> None:
        if not task:
            ctx.complain(
                F.TASK,
                _("The task is missing. Name the task that was timed, or take the row out."),
                None,
            )
            raise NotANumber("")

    def required(fld: TrackingField, low: float, message: str, missing: str) -> None:
        value = ctx.in_range(fld, low, 100_000, message)
        if value is None:
            ctx.complain(fld, missing, None)
            raise NotANumber("")
        if fld is F.MINUTES_BEFORE and value <= 0:
            ctx.complain(fld, message.format(value=ctx.shown(fld)), ctx.shown(fld))
            raise NotANumber("")
        found[fld] = value

    def optional(fld: TrackingField, low: float, high: float, rule: str, whole: bool) -> None:
        found[fld] = ctx.in_range(fld, low, high, rule, whole=whole)

    steps: list[Callable[[], object]] = [
        task_named,
        lambda: required(
            F.MINUTES_BEFORE,
            0,
            _("Minutes before training must be more than 0, not {value}."),
            _("Minutes before training is missing."),
        ),
        lambda: required(
            F.MINUTES_AFTER,
            0,
            _("Minutes after training cannot be negative ({value})."),
            _("Minutes after training is missing."),
        ),
        lambda: optional(
            F.TIMES_PER_WEEK,
            0.01,
            500,
            _("Times a week is more than 0 and at most 500, not {value}."),
            False,
        ),
    ]
    for counted in (F.OBSERVATIONS_BEFORE, F.OBSERVATIONS_AFTER):
        steps.append(
            partial(optional, counted, 1, 100_000, whole_count.format(field=counted.label), True)
        )
    for counted in (F.ERRORS_BEFORE, F.ERRORS_AFTER):
        steps.append(partial(optional, counted, 0, 100_000, errors_rule, True))
    if not _each(*steps):
        return None

    def whole(fld: TrackingField) -> int | None:
        value = found.get(fld)
        return None if value is None else int(value)

    before, after = found[F.MINUTES_BEFORE], found[F.MINUTES_AFTER]
    assert before is not None and after is not None
    return TimingEntry(
        task=task[:300],
        participant_id=participant_id,
        minutes_before=before,
        minutes_after=after,
        observations_before=whole(F.OBSERVATIONS_BEFORE),
        observations_after=whole(F.OBSERVATIONS_AFTER),
        times_per_week=found.get(F.TIMES_PER_WEEK),
        errors_before=whole(F.ERRORS_BEFORE),
        errors_after=whole(F.ERRORS_AFTER),
    )


def survey(ctx: RowContext, participant_id: int) -> Entry | None:
    satisfaction: float | None = None
    recommend: float | None = None
    answered_on: date | None = None

    def read_satisfaction() -> None:
        nonlocal satisfaction
        satisfaction = ctx.in_range(
            F.SATISFACTION,
            1,
            5,
            _("Satisfaction is a whole number from 1 to 5, not {value}."),
            whole=True,
        )

    def read_recommend() -> None:
        nonlocal recommend
        recommend = ctx.in_range(
            F.RECOMMEND,
            0,
            10,
            _("Would recommend is a whole number from 0 to 10, not {value}."),
            whole=True,
        )

    def read_answered() -> None:
        nonlocal answered_on
        if ctx.mapping.column(F.DATE) is not None:
            answered_on = ctx.day(F.DATE)

    if not _each(read_satisfaction, read_recommend, read_answered):
        return None
    comment = ctx.shown(F.COMMENT) if ctx.mapping.column(F.COMMENT) is not None else None
    return SurveyEntry(
        participant_id=participant_id,
        satisfaction=None if satisfaction is None else int(satisfaction),
        recommend=None if recommend is None else int(recommend),
        comment=comment.strip() if comment and comment.strip() else None,
        answered_on=answered_on,
    )


def scores(ctx: RowContext, participant_id: int) -> Entry | None:
    values: list[tuple[str, str, float]] = []

    def one(fld: TrackingField) -> None:
        kind, phase = SCORE_FIELDS[fld]
        if kind == "knowledge":
            number = _percent(ctx, fld)
        else:
            number = ctx.in_range(fld, 1, 5, _("Satisfaction scores are from 1 to 5, not {value}."))
        if number is not None:
            values.append((kind, phase, number))

    fields = [f for f in SCORE_FIELDS if ctx.mapping.column(f) is not None]
    if not _each(*[partial(one, f) for f in fields]):
        return None
    return ScoresEntry(participant_id=participant_id, values=tuple(values))


def _percent(ctx: RowContext, fld: TrackingField) -> float | None:
    shown = ctx.shown(fld)
    try:
        return percent_score(ctx.cell(fld), ctx.fractions)
    except ScoreOutOfRange:
        message = _("A knowledge check score is from 0 to 100 %, not {value}.")
    except ScoreError:
        message = _("“{value}” is not a number.")
    ctx.complain(fld, message.format(value=shown), shown)
    raise NotANumber(shown or "")


def application(ctx: RowContext, participant_id: int) -> Entry | None:
    description = ctx.text(F.DESCRIPTION) or ""
    hours: float | None = None
    logged_on: date | None = None

    def described() -> None:
        if not description:
            ctx.complain(
                F.DESCRIPTION,
                _("Say what AI was used for, or take the row out."),
                None,
            )
            raise NotANumber("")

    def read_hours() -> None:
        nonlocal hours
        hours = ctx.in_range(
            F.HOURS_SAVED, 0, 40, _("Hours saved a week is from 0 to 40, not {value}.")
        )

    def read_logged() -> None:
        nonlocal logged_on
        if ctx.mapping.column(F.DATE) is not None:
            logged_on = ctx.day(F.DATE)

    if not _each(described, read_hours, read_logged):
        return None
    return ApplicationInput(
        participant_id=participant_id,
        description=description,
        hours_saved_per_week=hours,
        logged_on=logged_on,
    )


READERS: dict[ImportKind, Callable[[RowContext, int], Entry | None]] = {
    ImportKind.CHECK_INS: check_in,
    ImportKind.TIMINGS: timing,
    ImportKind.SATISFACTION: survey,
    ImportKind.KNOWLEDGE: scores,
    ImportKind.ENGAGEMENT: scores,
    ImportKind.APPLICATIONS: application,
}
"""The reader of each kind, given the participant the row is about."""
