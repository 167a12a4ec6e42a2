"""One person's learning plan as flowables: the band naming them, where they are (their
gaps), their modules in order with dates per path, what they skip and why, their progress
so far, and a note on protected learning time and who to ask.

Every figure comes from the ``PersonPlan`` (``LearningPlanService.plans``); nothing is
worked out here but wording.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from app.i18n import _, ngettext
from app.paths.labels import FORMAT_LABELS, STAGE_LABELS, label
from app.paths.plans import PathPlan, PersonPlan, PlannedModule
from app.reports import palette
from app.reports.fonts import SANS_BOLD, paragraph_markup
from app.reports.pdf_document import format_date
from app.reports.plans_blocks import DONE, LATE, GapBar, GapBars, PlanBand, ProgressBar, colour
from app.reports.plans_look import (
    CELL_LEADING,
    CELL_SIZE,
    MAX_GAPS,
    PlanLook,
    cell,
    hours_number,
    hours_text,
    planned_dates,
    short_date,
    track_name,
)


def _band(plan: PersonPlan, index: int, look: PlanLook) -> Flowable:
    who = [part for part in (plan.role, plan.department) if part]
    second = []
    if plan.employee_number:
        second.append(_("Employee number {number}").format(number=plan.employee_number))
    second.append(_("{track} track").format(track=track_name(plan.track)))
    lines = [" · ".join(who) or _("No role or department recorded"), " · ".join(second)]
    if len(plan.paths) == 1:
        path = plan.paths[0]
        lines.append(
            _("Path: {name} (version {version})").format(name=path.name, version=path.version)
        )
    else:
        lines.append(_("Paths: {names}").format(names="; ".join(path.name for path in plan.paths)))
    starts = min(path.starts_on for path in plan.paths)
    dues = [path.due_on for path in plan.paths if path.due_on is not None]
    facts = [
        (_("Starts"), format_date(starts)),
        (_("Due"), format_date(max(dues)) if dues else _("No due date")),
    ]
    return PlanBand(
        kicker=_("Individual learning plan"),
        name=plan.display_name,
        lines=lines,
        facts=facts,
        bookmark=f"plan{index}",
        width=look.width,
    )


def _gaps(plan: PersonPlan, look: PlanLook) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(_("Where you are"), look.heading)]
    if not plan.rated:
        story.append(
            Paragraph(
                paragraph_markup(
                    _(
                        "You have not been rated in a skills survey yet, so this plan follows "
                        "the whole path. After your first survey, modules that teach what you "
                        "already know can be left out."
                    )
                ),
                look.intro,
            )
        )
        return story
    assert plan.surveyed_on is not None and plan.survey_name is not None
    source = _(
        "From the skills survey “{survey}” of {date}: the level you and your manager agreed, "
        "against the level your role aims for."
    ).format(survey=plan.survey_name, date=format_date(plan.surveyed_on))
    if not plan.gaps:
        story.append(
            Paragraph(
                paragraph_markup(
                    _(
                        "You are at or above the level your role aims for in every skill. The "
                        "modules below keep your skills current and take them further."
                    )
                ),
                look.intro,
            )
        )
        story.append(Paragraph(paragraph_markup(source), look.caption))
        return story
    shown = plan.gaps[:MAX_GAPS]
    bars = [
        GapBar(
            skill=gap.skill,
            level=round(gap.level),
            target=gap.target,
            levels_text=f"{gap.level_name} → {gap.target_name}",
            gap_text=ngettext("{n:g} level to go", "{n:g} levels to go", round(gap.gap)).format(
                n=gap.gap
            ),
        )
        for gap in shown
    ]
    story.append(GapBars(bars, width=look.width))
    if len(plan.gaps) > len(shown):
        more = len(plan.gaps) - len(shown)
        source += " " + ngettext(
            "One smaller gap is not shown.", "{n} smaller gaps are not shown.", more
        ).format(n=more)
    story.append(
        Paragraph(
            paragraph_markup(
                source + " " + _("Dark boxes: your level. Orange boxes: the steps to your target.")
            ),
            look.caption,
        )
    )
    return story


def _status(module: PlannedModule, look: PlanLook) -> tuple[Any, str]:
    """The status cell and its colour."""
    width = look.columns[4]
    if module.status == "completed":
        text = (
            _("✓ Done {date}")
            .format(date=short_date(module.completed_on) if module.completed_on else "")
            .rstrip()
        )
        if module.score is not None:
            text += "\n" + _("Score {score:.0f}%").format(score=module.score)
            return text, DONE
        return cell(text, width, look, two_lines_at=" "), DONE
    if module.status == "in_progress":
        return _("In progress"), palette.ACCENT
    return _("Not started"), palette.MUTED


def _modules_table(path: PathPlan, look: PlanLook) -> Flowable:
    widths = look.columns
    data: list[list[Any]] = [[_("Module"), _("Format"), _("Hours"), _("Planned"), _("Status")]]
    commands: list[tuple[Any, ...]] = []
    stage = None
    for module in path.modules:
        if module.stage != stage:
            stage = module.stage
            stage_name = label(STAGE_LABELS, stage)
            heading = f"{stage_name} · {module.stage_title}" if module.stage_title else stage_name
            row = len(data)
            data.append([cell(heading, look.width, look), "", "", "", ""])
            commands += [
                ("SPAN", (0, row), (-1, row)),
                ("BACKGROUND", (0, row), (-1, row), colour(palette.PRIMARY_LIGHT)),
                ("FONT", (0, row), (-1, row), SANS_BOLD, CELL_SIZE, CELL_LEADING),
                ("TEXTCOLOR", (0, row), (-1, row), colour(palette.PRIMARY)),
            ]
        status, status_colour = _status(module, look)
        row = len(data)
        data.append(
            [
                cell(module.title, widths[0], look),
                label(FORMAT_LABELS, module.format),
                hours_number(module.hours),
                cell(
                    planned_dates(module.starts_on, module.ends_on),
                    widths[3],
                    look,
                    two_lines_at=" – ",
                ),
                status,
            ]
        )
        commands.append(("TEXTCOLOR", (4, row), (4, row), colour(status_colour)))
    total = ngettext("Total: {n} module", "Total: {n} modules", path.total).format(n=path.total)
    weeks = ngettext(
        "about {n} week at {h} h a week", "about {n} weeks at {h} h a week", path.weeks
    ).format(n=path.weeks, h=hours_number(path.hours_per_week))
    data.append([total, "", hours_number(path.hours), cell(weeks, widths[3] + widths[4], look), ""])
    last = len(data) - 1
    commands += [
        ("SPAN", (3, last), (4, last)),
        ("FONT", (0, last), (-1, last), SANS_BOLD, CELL_SIZE, CELL_LEADING),
        ("LINEABOVE", (0, last), (-1, last), 0.9, colour(palette.INK)),
    ]
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(look.table_style)
    table.setStyle(TableStyle(commands))
    return table


def _path_story(plan: PersonPlan, path: PathPlan, look: PlanLook) -> list[Flowable]:
    title = (
        _("Your modules")
        if len(plan.paths) == 1
        else _("Your modules: {path}").format(path=path.name)
    )
    facts = [
        _("{name}, version {version}").format(name=path.name, version=path.version),
        _("from {start}").format(start=format_date(path.starts_on)),
    ]
    if path.finishes_on is not None:
        facts.append(_("planned to finish {date}").format(date=format_date(path.finishes_on)))
    if path.due_on is not None:
        facts.append(_("due {date}").format(date=format_date(path.due_on)))
    story: list[Flowable] = [Paragraph(paragraph_markup(title, bold=True), look.heading)]
    if path.modules:
        story.append(_modules_table(path, look))
        story.append(Paragraph(paragraph_markup(" · ".join(facts)), look.caption))
    else:
        story.append(
            Paragraph(
                paragraph_markup(
                    _("Every module of this path teaches what you already know: nothing to take.")
                ),
                look.intro,
            )
        )
    if path.covered:
        story.append(Paragraph(paragraph_markup(_("Already covered")), look.heading))
        story.append(
            Paragraph(
                paragraph_markup(
                    ngettext(
                        "You already know what this module of the path teaches, so it is left "
                        "out of your plan:",
                        "You already know what these {n} modules of the path teach, so they "
                        "are left out of your plan:",
                        len(path.covered),
                    ).format(n=len(path.covered))
                ),
                look.intro_tight,
            )
        )
        story += [
            Paragraph(paragraph_markup(module.reason), look.bullet, bulletText="•")
            for module in path.covered
        ]
    return story


def _progress_story(plan: PersonPlan, look: PlanLook) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(_("Progress so far"), look.heading)]
    for path in plan.paths:
        if not path.total:
            continue  # everything is covered: "Your modules" says so
        text = ngettext(
            "{done} of {total} module done · {hours_done} of {hours} hours",
            "{done} of {total} modules done · {hours_done} of {hours} hours",
            path.total,
        ).format(
            done=path.done,
            total=path.total,
            hours_done=hours_number(path.hours_done),
            hours=hours_number(path.hours),
        )
        if len(plan.paths) > 1:
            text = f"{path.name}: {text}"
        share = path.done / path.total if path.total else 1.0
        finished = path.total > 0 and path.done == path.total
        fill = LATE if path.overdue else (DONE if finished else palette.PRIMARY)
        story.append(ProgressBar(text, share, width=look.width, fill=fill))
        if path.overdue and path.due_on is not None:
            left = path.total - path.done
            story.append(
                Paragraph(
                    paragraph_markup(
                        ngettext(
                            "The due date, {date}, has passed with {n} module still to do. "
                            "Agree a new date with your manager.",
                            "The due date, {date}, has passed with {n} modules still to do. "
                            "Agree a new date with your manager.",
                            left,
                        ).format(date=format_date(path.due_on), n=left)
                    ),
                    look.late,
                )
            )
        elif finished:
            story.append(
                Paragraph(paragraph_markup(_("Every module is done. Well done!")), look.caption)
            )
    return story


def _note(plan: PersonPlan, look: PlanLook) -> Flowable:
    pace = plan.paths[0].hours_per_week
    weeks = sum(path.weeks for path in plan.paths)
    time = _(
        "You have {time} a week of protected learning time, in working hours: book it in your "
        "calendar like a meeting."
    ).format(time=hours_text(pace))
    if weeks:
        time += " " + ngettext(
            "At that pace your modules take about {n} week.",
            "At that pace your modules take about {n} weeks.",
            weeks,
        ).format(n=weeks)
    champions = list(plan.champions[:2])
    if plan.manager and champions:
        ask = ngettext(
            "Questions, or stuck? Ask your manager, {manager}, or your department's AI "
            "champion, {champions}.",
            "Questions, or stuck? Ask your manager, {manager}, or your department's AI "
            "champions, {champions}.",
            len(champions),
        ).format(manager=plan.manager, champions=_(" or ").join(champions))
    elif plan.manager:
        ask = _("Questions, or stuck? Ask your manager, {manager}.").format(manager=plan.manager)
    elif champions:
        ask = ngettext(
            "Questions, or stuck? Ask your department's AI champion, {champions}.",
            "Questions, or stuck? Ask your department's AI champions, {champions}.",
            len(champions),
        ).format(champions=_(" or ").join(champions))
    else:
        ask = _("Questions, or stuck? Ask your manager or the HR team.")
    return Paragraph(paragraph_markup(f"{time} {ask}"), look.note)


def plan_story(plan: PersonPlan, index: int, look: PlanLook, organisation: str) -> list[Flowable]:
    """One person's plan: it starts on a new page (the caller adds the break)."""
    intro = _(
        "Your plan in the AI upskilling programme at {organisation}: the skills to grow for "
        "your role, the modules to take in order with the weeks they fall in, and how far you "
        "have come."
    ).format(organisation=organisation)
    story: list[Flowable] = [
        _band(plan, index, look),
        Paragraph(paragraph_markup(intro), look.intro),
        *_gaps(plan, look),
    ]
    for path in plan.paths:
        story += _path_story(plan, path, look)
    closing = _progress_story(plan, look) if plan.total else []
    story.append(KeepTogether([*closing, _note(plan, look)]))
    return story
