"""The built-in AI maturity framework: the shipped file is complete and well written, and the
loader refuses a broken file with a message that says what is wrong."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from typing import Any

import pytest

from app.maturity.content import LEVELS, FrameworkContent
from app.maturity.content_loading import (
    builtin_framework,
    builtin_framework_path,
    load_framework_file,
)

THEMES = {
    "strategy",  # strategy and business alignment
    "leadership",  # leadership sponsorship
    "literacy",  # workforce AI literacy
    "skills",  # skills and specialist roles
    "adoption",  # tools and adoption
    "data",  # data foundations
    "governance",  # governance, risk and responsible use
    "culture",  # culture, psychological safety and readiness for change
    "value",  # measurement of value
}


@pytest.fixture(scope="module")
def framework() -> FrameworkContent:
    return builtin_framework()


@pytest.fixture
def shipped_data() -> dict[str, Any]:
    """The shipped file as plain JSON data, to break in one place per test."""
    return json.loads(builtin_framework_path().read_text(encoding="utf-8"))


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.?])\s+", text.strip())


def _all_texts(framework: FrameworkContent) -> list[tuple[str, str]]:
    """(where, text) for every sentence a reader sees, apart from question texts."""
    texts = [("framework description", framework.description)]
    texts += [(f"level {lv.level}", lv.description) for lv in framework.levels]
    for dimension in framework.dimensions:
        texts.append((dimension.key, dimension.description))
        for question in dimension.questions:
            texts += [(f"{question.key} [{n}]", d) for n, d in question.descriptors.items()]
        for level, actions in dimension.recommendations.items():
            texts += [(f"{dimension.key} action [{level}]", a) for a in actions]
    return texts


# The shipped framework


def test_the_shipped_framework_is_the_newest_ai_maturity_file_and_loads_cleanly(framework):
    path = builtin_framework_path()
    assert path.parent.name == "frameworks"
    assert path.parent.parent.name == "resources"
    assert path.name == f"ai-maturity-{framework.version}.json"
    assert framework.key == "ai-maturity"
    assert framework.version == "1.0"
    assert framework.name == "AI maturity of the organisation"
    assert framework.built_in


def test_the_framework_has_five_named_levels_in_order(framework):
    assert [level.level for level in framework.levels] == list(LEVELS)
    names = [level.name for level in framework.levels]
    assert all(name.strip() for name in names)
    assert len({name.casefold() for name in names}) == 5
    assert framework.level(2).name == names[1]


def test_the_level_names_are_our_own_not_those_of_published_models(framework):
    published = {
        # MITRE AI Maturity Model
        "initial", "adopted", "defined", "managed", "optimized", "optimised",
        # Gartner AI maturity model
        "awareness", "active", "operational", "systemic", "transformational",
    }  # fmt: skip
    assert not {level.name.casefold() for level in framework.levels} & published


def test_the_dimensions_cover_the_nine_themes(framework):
    keys = [dimension.key for dimension in framework.dimensions]
    assert 8 <= len(keys) <= 10
    assert len(set(keys)) == len(keys)
    assert set(keys) >= THEMES


def test_every_dimension_asks_three_to_five_questions(framework):
    for dimension in framework.dimensions:
        assert 3 <= len(dimension.questions) <= 5, dimension.key
        assert all(q.key.startswith(f"{dimension.key}.") for q in dimension.questions)


def test_question_keys_are_unique_across_the_framework(framework):
    keys = [q.key for d in framework.dimensions for q in d.questions]
    assert len(set(keys)) == len(keys) == framework.question_count


def test_every_question_describes_all_five_levels_in_different_words(framework):
    for dimension in framework.dimensions:
        for question in dimension.questions:
            assert sorted(question.descriptors) == list(LEVELS), question.key
            texts = [text.casefold() for text in question.descriptors.values()]
            assert len(set(texts)) == 5, question.key


def test_every_dimension_recommends_two_or_three_actions_for_each_level(framework):
    for dimension in framework.dimensions:
        assert sorted(dimension.recommendations) == list(LEVELS), dimension.key
        for level, actions in dimension.recommendations.items():
            assert 2 <= len(actions) <= 3, (dimension.key, level)
            assert len(set(actions)) == len(actions), (dimension.key, level)


def test_weights_are_positive(framework):
    assert all(d.weight > 0 for d in framework.dimensions)
    assert all(q.weight > 0 for d in framework.dimensions for q in d.questions)


def test_every_question_is_a_question(framework):
    for dimension in framework.dimensions:
        for question in dimension.questions:
            assert question.text.strip(), question.key
            assert question.text.endswith("?"), question.key
            assert question.text[0].isupper(), question.key


def test_every_other_text_is_written_in_full_sentences_ending_with_a_full_stop(framework):
    for where, text in _all_texts(framework):
        assert text.strip(), where
        assert text == text.strip(), where
        assert text.endswith("."), where
        assert text[0].isupper() or text[0].isdigit(), where


def test_names_and_keys_are_non_empty(framework):
    assert framework.name.strip() and framework.description.strip()
    for dimension in framework.dimensions:
        assert dimension.key and dimension.name.strip(), dimension.key


def test_descriptors_and_descriptions_are_short_enough_to_read_in_a_report(framework):
    """One or two sentences each (the framework description may run to three)."""
    for where, text in _all_texts(framework)[1:]:
        assert len(_sentences(text)) <= 2, where


def test_the_text_uses_british_spelling(framework):
    american = re.compile(r"organiz|prioritiz|recogniz|behavior|\bprogram\b|\bcenter\b", re.I)
    texts = [text for _, text in _all_texts(framework)]
    texts += [framework.name] + [lv.name for lv in framework.levels]
    texts += [d.name for d in framework.dimensions]
    texts += [q.text for d in framework.dimensions for q in d.questions]
    assert [t for t in texts if american.search(t)] == []


# Refusing broken files


def test_a_file_written_back_unchanged_loads_the_same(tmp_path, shipped_data, framework):
    path = tmp_path / "copy.json"
    path.write_text(json.dumps(shipped_data), encoding="utf-8")
    loaded = load_framework_file(path)
    assert not loaded.built_in
    assert loaded.dimensions == framework.dimensions
    assert loaded.dimensions[0].questions[0].descriptors[1].startswith("Nobody")


def _question(data: dict[str, Any], dimension: int = 0, question: int = 0) -> dict[str, Any]:
    return data["dimensions"][dimension]["questions"][question]


def _drop_descriptor(data):
    del _question(data)["descriptors"]["4"]


def _add_level_six(data):
    data["levels"].append({"level": 6, "name": "Beyond", "description": "More."})


def _add_descriptor_six(data):
    _question(data)["descriptors"]["6"] = "More."


def _duplicate_question_key(data):
    _question(data, question=1)["key"] = _question(data)["key"]


def _duplicate_question_key_in_another_dimension(data):
    first = _question(data)["key"]
    _question(data, dimension=1)["key"] = first


def _drop_level_three(data):
    data["levels"] = [lv for lv in data["levels"] if lv["level"] != 3]


def _repeat_level_two(data):
    data["levels"][2]["level"] = 2


def _duplicate_dimension_key(data):
    data["dimensions"][1]["key"] = data["dimensions"][0]["key"]


def _drop_version(data):
    del data["version"]


def _drop_question_text(data):
    del _question(data)["text"]


def _empty_descriptor(data):
    _question(data)["descriptors"]["2"] = "  "


def _zero_weight(data):
    _question(data)["weight"] = 0


def _negative_dimension_weight(data):
    data["dimensions"][0]["weight"] = -1.0


def _two_questions(data):
    del data["dimensions"][0]["questions"][2:]


def _six_questions(data):
    questions = data["dimensions"][0]["questions"]
    while len(questions) < 6:
        extra = copy.deepcopy(questions[0])
        extra["key"] = f"{data['dimensions'][0]['key']}.extra_{len(questions)}"
        questions.append(extra)


def _one_recommendation(data):
    del data["dimensions"][0]["recommendations"]["3"][1:]


def _four_recommendations(data):
    data["dimensions"][0]["recommendations"]["5"] = ["A.", "B.", "C.", "D."]


def _missing_recommendation_level(data):
    del data["dimensions"][0]["recommendations"]["1"]


def _question_key_of_another_dimension(data):
    _question(data)["key"] = "elsewhere.aims"


def _unknown_field(data):
    _question(data)["hint"] = "Ask the finance team."


BROKEN: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("missing descriptor", _drop_descriptor, r"question “[a-z_.]+”.*lacks level 4"),
    ("level 6 in the levels", _add_level_six, r"level 6: levels must be numbered 1 to 5"),
    ("level 6 descriptor", _add_descriptor_six, r"“descriptors” has level 6"),
    ("duplicate question key", _duplicate_question_key, r"is used by another question"),
    (
        "duplicate question key across dimensions",
        _duplicate_question_key_in_another_dimension,
        r"must be “leadership\.<name>”",
    ),
    ("missing level", _drop_level_three, r"exactly 1 to 5; missing 3"),
    ("repeated level", _repeat_level_two, r"level 2 appears more than once"),
    ("duplicate dimension key", _duplicate_dimension_key, r"is used by another dimension"),
    ("missing field", _drop_version, r"the framework lacks the field “version”"),
    ("missing question text", _drop_question_text, r"question 1 lacks the field “text”"),
    ("empty descriptor", _empty_descriptor, r"descriptor for level 2 is empty"),
    ("zero weight", _zero_weight, r"“weight” must be greater than 0, not 0"),
    ("negative weight", _negative_dimension_weight, r"“weight” must be greater than 0"),
    ("too few questions", _two_questions, r"has 2 questions; a dimension needs 3 to 5"),
    ("too many questions", _six_questions, r"has 6 questions; a dimension needs 3 to 5"),
    ("one recommendation", _one_recommendation, r"recommendations for level 3 are 1"),
    ("four recommendations", _four_recommendations, r"recommendations for level 5 are 4"),
    ("missing recommendations", _missing_recommendation_level, r"lacks level 1"),
    ("foreign question key", _question_key_of_another_dimension, r"key must be “\w+\.<name>”"),
    ("unknown field", _unknown_field, r"has unknown field “hint”"),
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
        load_framework_file(path)
    assert str(refused.value).startswith("broken.json: ")


def test_a_missing_descriptor_names_the_dimension_and_question(tmp_path, shipped_data):
    del shipped_data["dimensions"][5]["questions"][2]["descriptors"]["5"]
    dimension = shipped_data["dimensions"][5]["key"]
    question = shipped_data["dimensions"][5]["questions"][2]["key"]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(shipped_data), encoding="utf-8")
    with pytest.raises(ValueError) as refused:
        load_framework_file(path)
    assert f"dimension “{dimension}”, question “{question}”" in str(refused.value)
    assert "lacks level 5" in str(refused.value)


def test_a_file_that_is_not_an_object_is_refused(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(ValueError, match=r"the framework must be a JSON object"):
        load_framework_file(path)
