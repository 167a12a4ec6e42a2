"""The demo organisation's skills surveys: a baseline and a follow-up that behave like a real
programme's, protected by the anonymity rules like any other survey, with champions named."""

from __future__ import annotations

import statistics
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.context import open_services
from app.demo import create_demo_organisation
from app.demo_skills import BASELINE_NAME, FOLLOW_UP_NAME, PROGRAMME_SKILLS
from app.privacy import other_label

pytestmark = pytest.mark.database


def _demo(services, employees: int = 150, seed: int = 7) -> tuple[int, int]:
    create_demo_organisation(services, employees=employees, seed=seed)
    baseline, follow_up = services.skills.campaigns()
    return baseline.id, follow_up.id


def test_the_demo_has_a_baseline_six_months_ago_and_a_follow_up_compared_with_it(services):
    _demo(services)
    baseline, follow_up = services.skills.campaigns()
    assert (baseline.name, baseline.kind) == (BASELINE_NAME, "baseline")
    assert (follow_up.name, follow_up.kind) == (FOLLOW_UP_NAME, "follow_up")
    today = date.today()
    assert today - timedelta(days=200) <= baseline.opened_on <= today - timedelta(days=160)
    assert today - timedelta(days=45) <= follow_up.opened_on <= today - timedelta(days=20)
    comparison = services.skills_results.comparison(follow_up.id)
    assert comparison is not None
    assert comparison.baseline_name == BASELINE_NAME
    assert comparison.follow_up_name == FOLLOW_UP_NAME
    assert services.skills_results.comparison(baseline.id) is None


def test_nine_in_ten_people_are_rated_and_a_few_are_not_rated_yet(services):
    _demo(services)
    for campaign in services.skills.campaigns():
        assert campaign.people >= 140  # everyone active
        assert 0.9 <= campaign.rated / campaign.people < 1.0, campaign


def test_the_follow_up_closes_gaps_mostly_on_the_skills_the_programme_taught(services):
    _, follow_up = _demo(services)
    comparison = services.skills_results.comparison(follow_up)
    assert comparison is not None

    def mean_change(skill: str) -> float:
        changes = [c.change for c in comparison.changes if c.skill == skill]
        return statistics.fmean(c for c in changes if c is not None)

    taught = [mean_change(key) for key in PROGRAMME_SKILLS]
    others = [mean_change(key) for key, _name in comparison.skills if key not in PROGRAMME_SKILLS]
    assert all(change < -0.2 for change in taught), taught
    assert statistics.fmean(taught) < statistics.fmean(others) - 0.2


def test_ratings_follow_the_tracks_and_people_rate_themselves_a_little_higher(services):
    baseline, _ = _demo(services, employees=300)
    rows = services.skills_results.person_rows(baseline)

    def mean_agreed(track: str, skill: str) -> float:
        return statistics.fmean(
            line.agreed
            for person in rows
            if person.track == track
            for line in person.skills
            if line.key == skill and line.agreed is not None
        )

    assert (
        mean_agreed("technical", "model_development")
        > mean_agreed("frontline", "model_development") + 1
    )
    assert (
        mean_agreed("executive", "responsible_use")
        > mean_agreed("frontline", "responsible_use") + 0.5
    )
    pairs = [
        (line.self_level, line.manager_level)
        for person in rows
        for line in person.skills
        if line.self_level is not None and line.manager_level is not None
    ]
    assert 0.1 < statistics.fmean(own - manager for own, manager in pairs) < 0.6
    flagged = sum(line.disagreement for person in rows for line in person.skills)
    assert 0.02 < flagged / len(pairs) < 0.09


def test_more_skilled_people_feel_more_confident_and_most_are_keen_to_learn(services):
    _, follow_up = _demo(services, employees=300)
    answered = [
        p for p in services.skills_results.person_rows(follow_up) if p.mean_level is not None
    ]
    levels = [p.mean_level or 0.0 for p in answered]
    confidence = [float(p.attitudes["confident_using_ai"] or 0) for p in answered]
    assert statistics.correlation(levels, confidence) > 0.4
    keen = [p.attitudes["keen_to_learn"] or 0 for p in answered]
    assert statistics.fmean(keen) >= 3.6


def test_a_small_demo_department_is_folded_into_other_never_shown_on_its_own(services):
    baseline, follow_up = _demo(services, employees=60)
    for campaign in (baseline, follow_up):
        heatmap = services.skills_results.heatmap(campaign)
        asked: dict[str, int] = {}
        for person in services.skills.participants(campaign):
            asked[person.department or ""] = asked.get(person.department or "", 0) + 1
        assert min(asked.values()) < heatmap.threshold  # the demo has a small department
        other = other_label(heatmap.threshold)
        assert other in heatmap.groups
        for group in heatmap.groups:
            assert group == other or asked[group] >= heatmap.threshold, group
        for department, people in asked.items():
            if people < heatmap.threshold:
                assert department not in heatmap.groups
                assert all(c.group != department for c in heatmap.cells)


def test_one_or_two_champions_per_department_are_nominated_from_the_ready_to_lead(services):
    _, follow_up = _demo(services)
    champions = services.champions.champions()
    per_department: dict[str | None, int] = {}
    for champion in champions:
        per_department[champion.department] = per_department.get(champion.department, 0) + 1
    assert len(per_department) == 7
    assert set(per_department.values()) <= {1, 2}
    candidates = {c.person_id for c in services.skills_results.champion_candidates(follow_up)}
    assert {c.person_id for c in champions} <= candidates


def test_the_same_seed_gives_the_same_surveys(services, tmp_path: Path):
    _demo(services, employees=40, seed=9)
    other = open_services(tmp_path / "second.upskill")
    try:
        _demo(other, employees=40, seed=9)

        def answers(opened) -> list[tuple[object, ...]]:
            return [
                (p.display_name, line.key, line.self_level, line.manager_level)
                for campaign in opened.skills.campaigns()
                for p in opened.skills_results.person_rows(campaign.id)
                for line in p.skills
            ]

        assert answers(services) == answers(other)
        assert [c.display_name for c in services.champions.champions()] == [
            c.display_name for c in other.champions.champions()
        ]
    finally:
        other.close()
