"""How a pilot's results read on screen: numbers with their units and intervals, verdicts and
decisions in words, and the one-line summaries at the top of the results tab.

Formatting only: every figure comes from ``services.pilot_outcomes.outcome()``; these
functions choose decimals, units and words, and count what they are given.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from app.pilots.criteria import PERCENT_MEASURES, CriterionResult, Verdict
from app.pilots.statistics import Interval

_CONTEXT = "PilotResults"

DECISION_ORDER = ("scale", "adjust", "stop")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


# --- numbers ------------------------------------------------------------------------------


def number(value: float, decimals: int = 1) -> str:
    """``value`` with ``decimals`` decimals in the user's locale; never "-0.0"."""
    shown = 0.0 if round(value, decimals) == 0 else float(value)
    return QLocale().toString(shown, "f", decimals)


def signed(value: float, decimals: int = 1) -> str:
    """+1.2, −0.3 (a real minus sign) or 0.0."""
    if round(value, decimals) > 0:
        return "+" + number(value, decimals)
    if round(value, decimals) < 0:
        return "−" + number(abs(value), decimals)
    return number(0.0, decimals)


def whole(value: float) -> str:
    """A count or a large amount with the locale's thousands separator: 1,470."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
    return locale.toString(round(value))


def rounded_hours(value: float) -> str:
    """Hours for an estimate, rounded to what the data can support: 9,400, 760, 48, 3.5."""
    size = abs(value)
    if size >= 1000:
        return whole(round(value, -2))
    if size >= 100:
        return whole(round(value, -1))
    if size >= 10:
        return whole(value)
    return number(value, 1)


def percent(share: float, decimals: int = 0) -> str:
    """A share on the 0–1 scale as a percentage: 0.8 → "80 %"."""
    return _tr("{value} %").format(value=number(share * 100, decimals))


def decimals_for(value: float, threshold: float, base: int) -> int:
    """``base`` decimals, or more (up to three) when rounding would put a value on the other
    side of its target than it is: 79.96 % against 80 % reads "79.96 %", never "80 %"."""
    decimals = base
    while decimals < 3:
        shown = round(value, decimals)
        if (value >= threshold) == (shown >= threshold):
            break
        decimals += 1
    return decimals


# --- criteria -----------------------------------------------------------------------------


def _base_decimals(measure: str) -> int:
    return 0 if measure in PERCENT_MEASURES else 1


def measure_value(measure: str, value: float, decimals: int) -> str:
    """A criterion's value in the unit its threshold was set in."""
    if measure in PERCENT_MEASURES:
        return _tr("{value} %").format(value=number(value, decimals))
    if measure == "satisfaction":
        return _tr("{value} out of 5").format(value=number(value, decimals))
    if measure == "recommend":
        return _tr("{value} out of 10").format(value=number(value, decimals))
    return _tr("{value} points").format(value=signed(value, decimals))


def criterion_value_text(result: CriterionResult) -> str:
    """The result as the criteria table shows it ("23 % so far" while the pilot runs); a dash
    where there is no figure to judge."""
    if result.value is None or result.verdict is Verdict.NOT_ENOUGH_DATA:
        return "—"
    measure = result.criterion.measure
    decimals = decimals_for(result.value, result.criterion.threshold, _base_decimals(measure))
    value = measure_value(measure, result.value, decimals)
    if result.verdict is Verdict.IN_PROGRESS:
        return _tr("{value} so far").format(value=value)
    return value


def interval_range(measure: str, interval: Interval, decimals: int) -> str:
    """ "55 % to 95 %", "3.9 to 4.5", "+8.1 to +16.7 points"."""
    if measure in PERCENT_MEASURES:
        return _tr("{low} % to {high} %").format(
            low=number(interval.low, decimals), high=number(interval.high, decimals)
        )
    if measure in ("learning_gain", "engagement"):
        return _tr("{low} to {high} points").format(
            low=signed(interval.low, decimals), high=signed(interval.high, decimals)
        )
    return _tr("{low} to {high}").format(
        low=number(interval.low, decimals), high=number(interval.high, decimals)
    )


def criterion_interval_text(result: CriterionResult) -> str:
    if result.interval is None or result.verdict is Verdict.NOT_ENOUGH_DATA:
        return "—"
    measure = result.criterion.measure
    return interval_range(measure, result.interval, _base_decimals(measure))


def observations_text(measure: str, n: int) -> str:
    """How many observations a criterion rests on, in the unit it counts."""
    if measure == "time_saved":
        return _tr("1 timed task") if n == 1 else _tr("{n} timed tasks").format(n=whole(n))
    if measure in ("satisfaction", "recommend"):
        return _tr("1 answer") if n == 1 else _tr("{n} answers").format(n=whole(n))
    return _tr("1 person") if n == 1 else _tr("{n} people").format(n=whole(n))


def verdict_word(verdict: Verdict) -> str:
    """met / not met / not yet judged / not enough data."""
    if verdict is Verdict.MET:
        return _tr("met")
    if verdict is Verdict.NOT_MET:
        return _tr("not met")
    if verdict is Verdict.IN_PROGRESS:
        return _tr("not yet judged")
    return _tr("not enough data")


def result_word(result: CriterionResult) -> str:
    """The verdict's word, "on track so far" for a criterion not yet judged whose figure so
    far already reaches its target."""
    if result.verdict is Verdict.IN_PROGRESS and result.on_track:
        return _tr("on track so far")
    return verdict_word(result.verdict)


def verdict_summary(results: Sequence[CriterionResult]) -> str:
    """ "3 of 4 success criteria met; 1 has not enough data yet." in words."""
    total = len(results)
    if total == 0:
        return _tr("No success criteria were agreed for this pilot.")
    met = sum(1 for result in results if result.verdict is Verdict.MET)
    not_met = sum(1 for result in results if result.verdict is Verdict.NOT_MET)
    unknown = total - met - not_met
    if unknown == total:
        if total == 1:
            return _tr("The success criterion cannot be judged yet: there is not enough data.")
        return _tr(
            "None of the {total} success criteria can be judged yet: there is not enough data."
        ).format(total=total)
    if met == total:
        if total == 1:
            return _tr("The success criterion was met.")
        return _tr("All {total} success criteria met.").format(total=total)
    if total == 1:
        text = _tr("The success criterion was not met")
    else:
        text = _tr("{met} of {total} success criteria met").format(met=met, total=total)
        if not_met and met:
            text += _tr(", {n} not met").format(n=not_met)
    if unknown == 1:
        text += _tr("; 1 has not enough data yet")
    elif unknown > 1:
        text += _tr("; {n} have not enough data yet").format(n=unknown)
    return text + "."


def uncertain_note(results: Sequence[CriterionResult]) -> str:
    """A warning when a verdict could go the other way; empty when none could."""
    uncertain = sum(
        1
        for result in results
        if result.uncertain and result.verdict is not Verdict.NOT_ENOUGH_DATA
    )
    if uncertain == 0:
        return ""
    if uncertain == 1:
        return _tr(
            "For one of them the 95 % interval reaches across the target, so that verdict is "
            "not certain: a larger group could show the opposite."
        )
    return _tr(
        "For {n} of them the 95 % interval reaches across the target, so those verdicts are "
        "not certain: a larger group could show the opposite."
    ).format(n=uncertain)


# --- the decision -------------------------------------------------------------------------


def date_text(value: date) -> str:
    """12 Nov 2026."""
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def decision_word(decision: str) -> str:
    """scale up / adjust / stop."""
    words = {"scale": _tr("scale up"), "adjust": _tr("adjust"), "stop": _tr("stop")}
    return words.get(decision, decision)


def decision_meaning(decision: str) -> str:
    """What a decision means, in one line."""
    meanings = {
        "scale": _tr("Offer it to everyone in the target group."),
        "adjust": _tr("Change what did not work and try it again with a group."),
        "stop": _tr("End it here; do not roll it out."),
    }
    return meanings.get(decision, "")


def decision_summary(decision: str | None, decided_on: date | None, reasons: str) -> str:
    """ "Decided on 12 Nov 2026: scale up — <reasons>", or that nothing is decided yet."""
    if decision is None:
        return _tr("No decision recorded yet: scale up, adjust or stop.")
    word = decision_word(decision)
    reasons = " ".join(reasons.split())
    if decided_on is None:
        text = _tr("Decided: {decision}").format(decision=word)
    else:
        text = _tr("Decided on {date}: {decision}").format(
            date=date_text(decided_on), decision=word
        )
    return _tr("{decision} — {reasons}").format(decision=text, reasons=reasons) if reasons else text
