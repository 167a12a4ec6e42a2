"""A metric's progress said in one plain sentence, for the page, the dashboard and reports.

"Hours saved per week: 120 of 400 hours (30 % of the way), measured 12 Nov 2026; 45 % of the
time had passed by then: behind."
"""

from __future__ import annotations

from datetime import date

from app.i18n import _
from app.objectives.progress import MetricProgress


def number_text(value: float) -> str:
    """A value as people write it: "1,200", "12.5", "0.25" (at most two decimals)."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def day_text(day: date) -> str:
    """ "12 Nov 2026"."""
    return f"{day.day} {day:%b %Y}"


def percent_text(share: float) -> str:
    """ "30 %" for 0.3."""
    return f"{round(share * 100)} %"


def amount_text(value: float, unit: str | None) -> str:
    """A value with its unit: "400 hours", "62 %", or just "400"."""
    if not unit:
        return number_text(value)
    return f"{number_text(value)} {unit}"


def metric_sentence(
    name: str,
    unit: str | None,
    baseline: float,
    target: float,
    target_date: date | None,
    latest: tuple[float, date] | None,
    progress: MetricProgress,
) -> str:
    """Where the metric stands at its latest reading, against its target and the time passed."""
    if latest is None or progress.raw is None:
        if target_date is None:
            return _("{name}: not measured yet (baseline {baseline}, target {target}).").format(
                name=name, baseline=amount_text(baseline, unit), target=amount_text(target, unit)
            )
        return _(
            "{name}: not measured yet (baseline {baseline}, target {target} by {date})."
        ).format(
            name=name,
            baseline=amount_text(baseline, unit),
            target=amount_text(target, unit),
            date=day_text(target_date),
        )
    value, measured_on = latest
    if target > baseline:
        where = _("{value} of {target}").format(
            value=number_text(value), target=amount_text(target, unit)
        )
    else:
        where = _("{value} against a target of {target}").format(
            value=amount_text(value, unit), target=number_text(target)
        )
    if progress.reached:
        return _("{name}: {where} (target reached), measured {date}.").format(
            name=name, where=where, date=day_text(measured_on)
        )
    if progress.raw < 0:
        how_far = _("further from the target than the baseline of {baseline}").format(
            baseline=number_text(baseline)
        )
    else:
        how_far = _("{share} of the way").format(share=percent_text(progress.raw))
    if progress.time_share is None or progress.on_track is None:
        return _("{name}: {where} ({how_far}), measured {date}.").format(
            name=name, where=where, how_far=how_far, date=day_text(measured_on)
        )
    verdict = _("on track") if progress.on_track else _("behind")
    return _(
        "{name}: {where} ({how_far}), measured {date}; {time} of the time had passed by "
        "then: {verdict}."
    ).format(
        name=name,
        where=where,
        how_far=how_far,
        date=day_text(measured_on),
        time=percent_text(progress.time_share),
        verdict=verdict,
    )
