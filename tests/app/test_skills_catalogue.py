"""The built-in AI skills catalogue: the shipped file is complete and well written, and the
loader refuses a broken file with a message that says what is wrong."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest

from app.skills.catalogue import AGREEMENT, SCALE, TRACKS, SkillCatalogue
from app.skills.catalogue_loading import (
    builtin_catalogue,
    builtin_catalogue_path,
    load_catalogue_file,
)

THEMES = {
    "ai_literacy",  # what AI can and cannot do
    "prompting",  # prompting and interacting with AI tools
    "output_judgement",  # judging AI output: errors, made-up facts, bias
    "data_privacy",  # data privacy and security when using AI
    "responsible_use",  # responsible and ethical use
    "workflow_integration",  # fitting AI into one's own workflow
    "domain_application",  # applying AI in one's own field
    "agent_oversight",  # overseeing AI agents
    "automation_building",  # no-code / low-code automations
    "model_development",  # technical track: building, evaluating, maintaining models
}


@pytest.fixture(scope="module")
def catalogue() -> SkillCatalogue:
    return builtin_catalogue()


@pytest.fixture
def shipped_data() -> dict[str, Any]:
    """The shipped file as plain JSON data, to break in one place per test."""
    return json.loads(builtin_catalogue_path().read_text(encoding="utf-8"))


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.?])\s+", text.strip())


def _all_sentences(catalogue: SkillCatalogue) -> list[tuple[str, str]]:
    """(where, text) for every sentence a reader sees."""
    texts = [(f"scale {lv.level}", lv.meaning) for lv in catalogue.scale]
    for skill in catalogue.skills:
        texts.append((skill.key, skill.description))
        texts += [(f"{skill.key} [{n}]", text) for n, text in skill.levels.items()]
    texts += [(item.key, item.statement) for item in catalogue.attitudes]
    return texts


# The shipped catalogue


def test_the_shipped_catalogue_is_the_newest_ai_skills_file_and_loads_cleanly(catalogue):
    path = builtin_catalogue_path()
    assert path.parent.name == "skills"
    assert path.parent.parent.name == "resources"
    assert path.name == f"ai-skills-{catalogue.version}.json"
    assert catalogue.key == "ai-skills"
    assert catalogue.version == "1.0"
    assert catalogue.name.strip() and catalogue.description.strip()


def test_the_scale_runs_from_none_to_expert_with_a_meaning_for_each_level(catalogue):
    assert [level.level for level in catalogue.scale] == list(SCALE)
    assert [level.name for level in catalogue.scale] == [
        "None",
        "Aware",
        "Practitioner",
        "Proficient",
        "Expert",
    ]
    assert len({level.meaning for level in catalogue.scale}) == 5
    assert catalogue.level(2).name == "Practitioner"


def test_the_catalogue_has_ten_skills_covering_the_ten_themes(catalogue):
    keys = [skill.key for skill in catalogue.skills]
    assert len(keys) == 10
    assert set(keys) == THEMES


def test_skill_names_are_unique_and_every_category_is_used(catalogue):
    names = [skill.name.casefold() for skill in catalogue.skills]
    assert len(set(names)) == len(names)
    categories = {skill.category for skill in catalogue.skills}
    assert categories == {"literacy", "use", "judgement", "safety", "application", "building"}


def test_a_skill_is_found_by_its_key(catalogue):
    assert catalogue.skill("prompting").category == "use"
    with pytest.raises(KeyError, match="juggling"):
        catalogue.skill("juggling")


def test_every_skill_has_five_different_level_sentences(catalogue):
    for skill in catalogue.skills:
        assert sorted(skill.levels) == list(SCALE), skill.key
        texts = [text.casefold() for text in skill.levels.values()]
        assert len(set(texts)) == 5, skill.key


def test_every_track_has_a_target_from_0_to_4_for_every_skill(catalogue):
    keys = {skill.key for skill in catalogue.skills}
    assert set(catalogue.track_targets) == set(TRACKS)
    for track, targets in catalogue.track_targets.items():
        assert set(targets) == keys, track
        assert all(target in SCALE for target in targets.values()), track


def test_frontline_needs_no_more_building_or_model_development_than_technical(catalogue):
    for skill in ("automation_building", "model_development"):
        assert catalogue.target("frontline", skill) <= catalogue.target("technical", skill)
    assert catalogue.target("frontline", "model_development") == 0
    assert catalogue.target("technical", "automation_building") == 3
    assert catalogue.target("technical", "model_development") in (2, 3)


def test_the_track_targets_match_what_each_role_needs(catalogue):
    assert catalogue.target("frontline", "ai_literacy") == 2
    assert catalogue.target("frontline", "data_privacy") == 2
    assert catalogue.target("executive", "ai_literacy") in (2, 3)
    assert catalogue.target("executive", "responsible_use") == 3
    assert catalogue.target("executive", "agent_oversight") == 2
    custom = catalogue.track_targets["custom"].values()
    assert all(0 <= target <= 2 for target in custom)


def test_an_unknown_track_or_skill_has_no_target(catalogue):
    with pytest.raises(KeyError, match="sales"):
        catalogue.target("sales", "prompting")
    with pytest.raises(KeyError, match="juggling"):
        catalogue.target("frontline", "juggling")


def test_there_are_five_or_six_readiness_items_and_at_least_one_is_reversed(catalogue):
    assert 5 <= len(catalogue.attitudes) <= 6
    assert any(item.reverse for item in catalogue.attitudes)
    assert any(not item.reverse for item in catalogue.attitudes)
    keys = [item.key for item in catalogue.attitudes]
    assert len(set(keys)) == len(keys)


def test_the_readiness_items_cover_every_theme_and_the_worry_item_is_reversed(catalogue):
    themes = {item.theme for item in catalogue.attitudes}
    assert themes == {
        "confidence",
        "worry",
        "safety_to_experiment",
        "interest_in_learning",
        "time_available",
    }
    assert all(item.reverse for item in catalogue.attitudes if item.theme == "worry")
    assert all(not item.reverse for item in catalogue.attitudes if item.theme == "confidence")


def test_readiness_statements_are_in_the_first_person(catalogue):
    for item in catalogue.attitudes:
        assert item.statement.startswith("I "), item.key


def test_the_agreement_scale_runs_from_strongly_disagree_to_strongly_agree(catalogue):
    assert sorted(catalogue.agreement_labels) == list(AGREEMENT)
    assert catalogue.agreement_labels[1] == "Strongly disagree"
    assert catalogue.agreement_labels[5] == "Strongly agree"
    assert len(set(catalogue.agreement_labels.values())) == 5


def test_every_text_is_a_single_sentence_ending_with_a_full_stop(catalogue):
    for where, text in _all_sentences(catalogue):
        assert text.strip(), where
        assert text == text.strip(), where
        assert text.endswith("."), where
        assert text[0].isupper(), where
        assert len(_sentences(text)) == 1, where


def test_the_catalogue_description_is_written_in_full_sentences(catalogue):
    assert catalogue.description.endswith(".")
    assert catalogue.description[0].isupper()


def test_the_text_uses_british_spelling(catalogue):
    american = re.compile(
        r"organiz|prioritiz|recogniz|analyz|behavior|\bprogram\b|\bcenter\b|judgment", re.I
    )
    texts = [text for _, text in _all_sentences(catalogue)]
    texts += [catalogue.name, catalogue.description]
    texts += [skill.name for skill in catalogue.skills]
    assert [t for t in texts if american.search(t)] == []


# Refusing broken files


def test_a_file_written_back_unchanged_loads_the_same(tmp_path, shipped_data, catalogue):
    path = tmp_path / "copy.json"
    path.write_text(json.dumps(shipped_data), encoding="utf-8")
    assert load_catalogue_file(path) == catalogue


def _skill(data: dict[str, Any], index: int = 0) -> dict[str, Any]:
    return data["skills"][index]


def _drop_version(data):
    del data["version"]


def _drop_skill_description(data):
    del _skill(data)["description"]


def _duplicate_skill_key(data):
    _skill(data, 1)["key"] = _skill(data)["key"]


def _duplicate_skill_name(data):
    _skill(data, 2)["name"] = _skill(data)["name"]


def _drop_level_four(data):
    del _skill(data, 3)["levels"]["4"]


def _add_level_five(data):
    _skill(data)["levels"]["5"] = "Runs the world."


def _repeat_a_level_sentence(data):
    _skill(data)["levels"]["3"] = _skill(data)["levels"]["2"]


def _empty_level_sentence(data):
    _skill(data)["levels"]["1"] = "   "


def _unknown_category(data):
    _skill(data)["category"] = "magic"


def _camel_case_skill_key(data):
    _skill(data)["key"] = "aiLiteracy"


def _drop_scale_level(data):
    data["scale"] = [lv for lv in data["scale"] if lv["level"] != 2]


def _scale_level_five(data):
    data["scale"].append({"level": 5, "name": "Guru", "meaning": "More."})


def _repeat_scale_level(data):
    data["scale"][3]["level"] = 1


def _target_above_four(data):
    data["track_targets"]["technical"]["model_development"] = 5


def _negative_target(data):
    data["track_targets"]["frontline"]["prompting"] = -1


def _fractional_target(data):
    data["track_targets"]["executive"]["prompting"] = 2.5


def _target_as_text(data):
    data["track_targets"]["executive"]["prompting"] = "2"


def _track_missing_a_skill(data):
    del data["track_targets"]["frontline"]["data_privacy"]


def _unknown_skill_in_targets(data):
    data["track_targets"]["custom"]["juggling"] = 1


def _missing_track(data):
    del data["track_targets"]["domain_expert"]


def _unknown_track(data):
    data["track_targets"]["sales"] = dict(data["track_targets"]["custom"])


def _reverse_as_text(data):
    data["attitudes"][1]["reverse"] = "yes"


def _unknown_theme(data):
    data["attitudes"][0]["theme"] = "happiness"


def _duplicate_attitude_key(data):
    data["attitudes"][2]["key"] = data["attitudes"][0]["key"]


def _duplicate_statement(data):
    data["attitudes"][3]["statement"] = data["attitudes"][0]["statement"]


def _no_attitudes(data):
    data["attitudes"] = []


def _drop_agreement_label(data):
    del data["agreement_labels"]["3"]


def _agreement_label_zero(data):
    data["agreement_labels"]["0"] = "No opinion"


def _unknown_skill_field(data):
    _skill(data)["hint"] = "Start with the basics."


def _unknown_top_level_field(data):
    data["author"] = "HR"


def _no_skills(data):
    data["skills"] = []


BROKEN: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("missing field", _drop_version, r"the catalogue lacks the field “version”"),
    ("missing skill field", _drop_skill_description, r"skill 1 lacks the field “description”"),
    ("duplicate skill key", _duplicate_skill_key, r"“ai_literacy” is used by another skill"),
    ("duplicate skill name", _duplicate_skill_name, r"name “AI literacy” is used by another"),
    ("missing level", _drop_level_four, r"skill “data_privacy”: “levels” lacks level 4"),
    ("level 5", _add_level_five, r"“levels” has level 5; levels must be numbered 0 to 4"),
    ("repeated sentence", _repeat_a_level_sentence, r"level 3 repeats another level's"),
    ("empty sentence", _empty_level_sentence, r"the sentence for level 1 is empty"),
    ("unknown category", _unknown_category, r"category “magic” is not one of"),
    ("bad skill key", _camel_case_skill_key, r"key must be lower-case words joined by “_”"),
    ("scale misses a level", _drop_scale_level, r"scale must be exactly 0 to 4; missing 2"),
    ("scale level 5", _scale_level_five, r"scale level 5: the scale must be numbered 0 to 4"),
    ("scale level twice", _repeat_scale_level, r"scale level 1 appears more than once"),
    ("target above 4", _target_above_four, r"track “technical”: the target for “model_dev"),
    ("negative target", _negative_target, r"“prompting” must be a whole number 0 to 4, not -1"),
    ("fractional target", _fractional_target, r"whole number 0 to 4, not 2\.5"),
    ("target as text", _target_as_text, r"whole number 0 to 4, not '2'"),
    ("track misses skill", _track_missing_a_skill, r"“frontline” lacks a target for “data_pri"),
    ("unknown skill in targets", _unknown_skill_in_targets, r"names unknown skill “juggling”"),
    ("missing track", _missing_track, r"“track_targets” lacks the field “domain_expert”"),
    ("unknown track", _unknown_track, r"“track_targets” has unknown field “sales”"),
    ("reverse not true/false", _reverse_as_text, r"“reverse” must be true or false, not 'yes'"),
    ("unknown theme", _unknown_theme, r"the theme “happiness” is not one of"),
    ("duplicate attitude key", _duplicate_attitude_key, r"is used by another attitude"),
    ("duplicate statement", _duplicate_statement, r"statement is the same as another"),
    ("no attitudes", _no_attitudes, r"the catalogue has no attitude items"),
    ("missing agreement label", _drop_agreement_label, r"“agreement_labels” lacks point 3"),
    ("agreement point 0", _agreement_label_zero, r"“agreement_labels” has point 0"),
    ("unknown skill field", _unknown_skill_field, r"skill 1 has unknown field “hint”"),
    ("unknown top field", _unknown_top_level_field, r"catalogue has unknown field “author”"),
    ("no skills", _no_skills, r"the catalogue has no skills"),
]


@pytest.mark.parametrize(
    ("break_it", "message"),
    [pytest.param(fn, message, id=name) for name, fn, message in BROKEN],
)
def test_a_broken_file_is_refused_with_a_message_naming_the_problem(
    tmp_path, shipped_data, break_it, message
):
    break_it(shipped_data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(shipped_data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match=message) as refused:
        load_catalogue_file(path)
    assert str(refused.value).startswith("broken.json: ")


def test_a_file_that_is_not_an_object_is_refused(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(ValueError, match=r"the catalogue must be a JSON object"):
        load_catalogue_file(path)
