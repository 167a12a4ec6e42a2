"""The built-in learning library: the shipped modules and path templates are complete,
realistic and followable, and the loader refuses a broken file with a message that says
what is wrong."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest

from app.paths.content import FORMATS, LEVELS, PATH_TRACKS, STAGES, ModuleLibrary, PathTemplate
from app.paths.content_loading import builtin_library, builtin_library_path, read_library
from app.paths.prerequisites import check_order, find_cycle, prerequisite_map
from app.skills.catalogue import SkillCatalogue
from app.skills.catalogue_loading import builtin_catalogue

HOURS_BY_LEVEL = {"awareness": (6, 15), "builder": (15, 40), "master": (30, 80)}
"""How long a template of each level may take, in hours."""

HOURS_BY_FORMAT = {
    "workshop": (1.5, 8),
    "e_learning": (0.5, 4),
    "hands_on_lab": (2, 16),
    "mentoring": (3, 12),
    "office_hours": (0.5, 4),
    "reading": (0.5, 4),
}
"""What is realistic for one module of each format, in hours."""

GENERIC_PROVIDERS = {"In-house", "Online course", "External trainer", "External mentor"}

TRACK_THEMES = {
    # strategy, investment, governance and risk
    "executive": {"ai_strategy_day", "ai_business_case", "ai_governance_for_leaders"},
    # model development, deployment, evaluation, maintenance, agents
    "technical": {
        "model_apis_lab",
        "model_adaptation_lab",
        "evaluation_basics_lab",
        "model_evaluation_deep",
        "production_ai_lab",
        "agent_design_lab",
    },
    # shaping AI for their use cases, evaluating suppliers' tools, redesigning processes
    "domain_expert": {"use_case_discovery", "vendor_tool_evaluation", "process_redesign"},
    # everyday tools, safe use, prompting basics
    "frontline": {"approved_tools_tour", "safe_use_essentials", "prompt_basics"},
}


@pytest.fixture(scope="module")
def library() -> ModuleLibrary:
    return builtin_library()


@pytest.fixture(scope="module")
def catalogue() -> SkillCatalogue:
    return builtin_catalogue()


@pytest.fixture
def shipped_data() -> dict[str, Any]:
    """The shipped file as plain JSON data, to break in one place per test."""
    return json.loads(builtin_library_path().read_text(encoding="utf-8"))


def _hours(library: ModuleLibrary, template: PathTemplate) -> float:
    return sum(library.module(key).hours for key in template.module_keys())


def _reached(library: ModuleLibrary, template: PathTemplate) -> dict[str, int]:
    """Skill key -> the highest level the template's modules bring people to."""
    reached: dict[str, int] = {}
    for key in template.module_keys():
        for skill, level in library.module(key).raises.items():
            reached[skill] = max(reached.get(skill, 0), level)
    return reached


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.?!])\s+", text.strip())


# The shipped library


def test_the_shipped_library_is_the_newest_ai_learning_file_and_loads_cleanly(library):
    path = builtin_library_path()
    assert path.parent.name == "paths"
    assert path.parent.parent.name == "resources"
    assert path.name == f"ai-learning-{library.version}.json"
    assert (library.key, library.version) == ("ai-learning", "1.0")
    assert library.name.strip() and library.description.strip()


def test_the_library_has_40_to_48_modules_with_unique_keys_titles_and_descriptions(library):
    assert 40 <= len(library.modules) <= 48
    for attribute in ("key", "title", "description"):
        values = [getattr(module, attribute).casefold() for module in library.modules]
        assert len(set(values)) == len(values), attribute


def test_no_description_repeats_another_anywhere_in_the_library(library):
    texts = [module.description for module in library.modules]
    texts += [template.description for template in library.templates]
    texts += [library.description]
    assert len({text.casefold() for text in texts}) == len(texts)


def test_a_module_and_a_template_are_found_by_their_key(library):
    assert library.module("prompt_basics").format == "workshop"
    assert library.template("frontline_builder").track == "frontline"
    with pytest.raises(KeyError, match="juggling"):
        library.module("juggling")
    with pytest.raises(KeyError, match="juggling"):
        library.template("juggling")


def test_every_format_is_used_with_hours_realistic_for_it(library):
    assert {module.format for module in library.modules} == set(FORMATS)
    for module in library.modules:
        low, high = HOURS_BY_FORMAT[module.format]
        assert low <= module.hours <= high, module.key


def test_every_level_has_modules_and_awareness_or_builder_modules_stay_modest(library):
    assert {module.level for module in library.modules} == set(LEVELS)
    ceiling = {"awareness": 2, "builder": 3, "master": 4}
    for module in library.modules:
        assert max(module.raises.values()) <= ceiling[module.level], module.key


def test_modules_raise_only_catalogue_skills_to_levels_1_to_4(library, catalogue):
    keys = {skill.key for skill in catalogue.skills}
    for module in library.modules:
        assert module.raises, module.key
        assert set(module.raises) <= keys, module.key
        assert all(1 <= level <= 4 for level in module.raises.values()), module.key


def test_every_skill_reaches_expert_through_a_master_module(library, catalogue):
    for skill in catalogue.skills:
        masters = [m.key for m in library.modules if m.level == "master"]
        assert any(library.module(k).raises.get(skill.key, 0) == 4 for k in masters), skill.key


def test_every_skill_reaches_practitioner_through_an_awareness_or_builder_module(
    library, catalogue
):
    early = [module for module in library.modules if module.level != "master"]
    for skill in catalogue.skills:
        assert any(module.raises.get(skill.key, 0) >= 2 for module in early), skill.key


def test_prerequisites_exist_come_at_the_same_or_an_earlier_level_and_never_go_round(library):
    keys = {module.key for module in library.modules}
    for module in library.modules:
        for key in module.prerequisites:
            assert key in keys, (module.key, key)
            before = LEVELS.index(library.module(key).level)
            assert before <= LEVELS.index(module.level), (module.key, key)
    assert find_cycle(prerequisite_map(library.modules)) is None


def test_providers_are_generic_and_costs_plausible(library):
    for module in library.modules:
        assert module.provider in GENERIC_PROVIDERS, module.key
        assert module.link is None, module.key
        if module.provider == "In-house":
            assert module.cost is None, module.key
        else:
            assert module.cost is not None and 10 <= module.cost <= 2000, module.key


def test_there_are_templates_for_every_track_at_awareness_and_builder_and_master_where_needed(
    library,
):
    assert len(library.templates) >= 10
    pairs = {(template.track, template.level) for template in library.templates}
    for track in PATH_TRACKS:
        assert (track, "awareness") in pairs, track
        assert (track, "builder") in pairs, track
    assert ("technical", "master") in pairs
    assert ("domain_expert", "master") in pairs


def test_template_keys_and_names_are_unique(library):
    keys = [template.key for template in library.templates]
    names = [template.name.casefold() for template in library.templates]
    assert len(set(keys)) == len(keys)
    assert len(set(names)) == len(names)


def test_every_template_takes_the_hours_its_level_allows(library):
    for template in library.templates:
        low, high = HOURS_BY_LEVEL[template.level]
        assert low <= _hours(library, template) <= high, template.key


def test_every_template_runs_crawl_walk_run_and_has_modules_in_each_stage(library):
    for template in library.templates:
        assert tuple(stage.stage for stage in template.stages) == STAGES, template.key
        assert all(stage.modules and stage.title.strip() for stage in template.stages)


def test_every_template_is_self_contained_with_each_prerequisite_earlier_in_it(library):
    prerequisites = prerequisite_map(library.modules)
    for template in library.templates:
        keys = template.module_keys()
        assert len(set(keys)) == len(keys), template.key
        for position, key in enumerate(keys):
            for required in library.module(key).prerequisites:
                assert required in keys[:position], (template.key, key, required)
        layout = [stage.modules for stage in template.stages]
        assert check_order(layout, prerequisites) == [], template.key


def test_no_template_holds_a_module_above_its_level(library):
    for template in library.templates:
        for key in template.module_keys():
            module_level = LEVELS.index(library.module(key).level)
            assert module_level <= LEVELS.index(template.level), (template.key, key)


def test_a_builder_template_brings_its_track_to_the_catalogue_targets_for_most_skills(
    library, catalogue
):
    for template in library.templates:
        if template.level != "builder":
            continue
        reached = _reached(library, template)
        targets = catalogue.track_targets[template.track]
        short = {skill: target - reached.get(skill, 0) for skill, target in targets.items()}
        short = {skill: gap for skill, gap in short.items() if gap > 0}
        assert len(short) <= 1, (template.key, short)
        assert all(gap == 1 for gap in short.values()), (template.key, short)


def test_every_master_template_takes_some_skill_to_expert(library):
    for template in library.templates:
        if template.level == "master":
            assert 4 in _reached(library, template).values(), template.key


def test_a_higher_template_of_a_track_reaches_at_least_what_a_lower_one_does(library):
    for track in PATH_TRACKS:
        by_level = {t.level: _reached(library, t) for t in library.templates if t.track == track}
        assert by_level["awareness"] and by_level["builder"], track
        for skill, level in by_level["awareness"].items():
            assert by_level["builder"].get(skill, 0) >= level, (track, skill)


def test_every_track_covers_its_themes(library):
    for track, themes in TRACK_THEMES.items():
        covered = {k for t in library.templates if t.track == track for k in t.module_keys()}
        assert themes <= covered, (track, themes - covered)


def test_every_module_is_part_of_at_least_one_template(library):
    used = {key for template in library.templates for key in template.module_keys()}
    assert {module.key for module in library.modules} - used == set()


def test_descriptions_are_two_to_four_full_sentences(library):
    for module in library.modules:
        sentences = _sentences(module.description)
        assert 2 <= len(sentences) <= 4, module.key
        assert all(s[0].isupper() and s.endswith(".") for s in sentences), module.key
    for template in library.templates:
        assert 1 <= len(_sentences(template.description)) <= 3, template.key
        assert template.description.endswith("."), template.key


def test_titles_and_names_are_short_headings_without_a_full_stop(library):
    headings = [module.title for module in library.modules]
    headings += [template.name for template in library.templates]
    headings += [stage.title for template in library.templates for stage in template.stages]
    for heading in headings:
        assert heading == heading.strip() and heading[0].isupper(), heading
        assert not heading.endswith("."), heading
        assert len(heading) <= 60, heading


def test_the_text_uses_british_spelling(library):
    american = re.compile(
        r"organiz|prioritiz|recogniz|analyz|behavior|\bprogram\b|\bcenter\b|judgment|"
        r"\bcatalog\b|\bcolor|\bfavor|\benroll\b",
        re.I,
    )
    texts = [library.name, library.description]
    texts += [text for m in library.modules for text in (m.title, m.description)]
    texts += [text for t in library.templates for text in (t.name, t.description)]
    texts += [stage.title for t in library.templates for stage in t.stages]
    assert [text for text in texts if american.search(text)] == []


# Reading a file


def test_a_file_written_back_unchanged_loads_the_same(tmp_path, shipped_data, library):
    path = tmp_path / "copy.json"
    path.write_text(json.dumps(shipped_data, ensure_ascii=False), encoding="utf-8")
    assert read_library(path) == library


def test_provider_link_and_cost_may_be_left_out_or_given(tmp_path, shipped_data):
    first, second = shipped_data["modules"][0], shipped_data["modules"][1]
    for name in ("provider", "link", "cost"):
        first.pop(name, None)
    second.update(provider="Local college", link="https://example.org/course", cost=12.5)
    path = tmp_path / "optional.json"
    path.write_text(json.dumps(shipped_data, ensure_ascii=False), encoding="utf-8")
    library = read_library(path)
    bare, full = library.module(first["key"]), library.module(second["key"])
    assert (bare.provider, bare.link, bare.cost) == (None, None, None)
    assert (full.provider, full.link, full.cost) == (
        "Local college",
        "https://example.org/course",
        12.5,
    )


def _write(tmp_path, data: dict[str, Any], name: str = "broken.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _module_entry(data: dict[str, Any], key: str) -> dict[str, Any]:
    return next(module for module in data["modules"] if module["key"] == key)


def _template_entry(data: dict[str, Any], key: str) -> dict[str, Any]:
    return next(template for template in data["templates"] if template["key"] == key)


def _new_module(key: str, prerequisites: list[str]) -> dict[str, Any]:
    return {
        "key": key,
        "title": f"Module {key}",
        "description": f"A test module called {key}. It exists to be broken.",
        "format": "reading",
        "hours": 1,
        "level": "awareness",
        "raises": {"ai_literacy": 1},
        "prerequisites": prerequisites,
    }


def test_a_prerequisite_cycle_is_refused_with_the_cycle_listed_in_order(tmp_path, shipped_data):
    shipped_data["modules"] += [
        _new_module("cycle_a", ["cycle_b"]),
        _new_module("cycle_b", ["cycle_c"]),
        _new_module("cycle_c", ["cycle_a"]),
    ]
    with pytest.raises(ValueError) as refused:
        read_library(_write(tmp_path, shipped_data))
    assert str(refused.value) == (
        "broken.json: module “cycle_a”: the prerequisites go round in a circle: "
        "“cycle_a” → “cycle_b” → “cycle_c” → “cycle_a” (each module needs the next one first)"
    )


def _drop_hours(data):
    del data["modules"][0]["hours"]


def _unknown_module_field(data):
    data["modules"][0]["url"] = "https://example.org"


def _unknown_top_level_field(data):
    data["author"] = "HR"


def _bad_library_key(data):
    data["key"] = "AI_Learning"


def _no_modules(data):
    data["modules"] = []


def _duplicate_module_key(data):
    data["modules"][1]["key"] = data["modules"][0]["key"]


def _camel_case_module_key(data):
    data["modules"][0]["key"] = "aiFoundations"


def _duplicate_title(data):
    data["modules"][2]["title"] = data["modules"][0]["title"].upper()


def _duplicate_description(data):
    data["modules"][3]["description"] = data["modules"][0]["description"]


def _unknown_format(data):
    _module_entry(data, "prompt_basics")["format"] = "webinar"


def _unknown_level(data):
    _module_entry(data, "prompt_basics")["level"] = "expert"


def _zero_hours(data):
    _module_entry(data, "prompt_basics")["hours"] = 0


def _too_many_hours(data):
    _module_entry(data, "prompt_basics")["hours"] = 20


def _hours_as_text(data):
    _module_entry(data, "prompt_basics")["hours"] = "3"


def _hours_as_true(data):
    _module_entry(data, "prompt_basics")["hours"] = True


def _odd_minutes(data):
    _module_entry(data, "prompt_basics")["hours"] = 1.1


def _raises_nothing(data):
    _module_entry(data, "prompt_basics")["raises"] = {}


def _raises_unknown_skill(data):
    _module_entry(data, "prompt_basics")["raises"]["juggling"] = 2


def _raises_to_five(data):
    _module_entry(data, "prompt_basics")["raises"]["prompting"] = 5


def _raises_to_zero(data):
    _module_entry(data, "prompt_basics")["raises"]["prompting"] = 0


def _raises_to_a_fraction(data):
    _module_entry(data, "prompt_basics")["raises"]["prompting"] = 2.5


def _raises_as_a_list(data):
    _module_entry(data, "prompt_basics")["raises"] = ["prompting"]


def _unknown_prerequisite(data):
    _module_entry(data, "prompt_basics")["prerequisites"].append("juggling_basics")


def _own_prerequisite(data):
    _module_entry(data, "prompt_basics")["prerequisites"].append("prompt_basics")


def _prerequisite_twice(data):
    _module_entry(data, "prompt_basics")["prerequisites"].append("ai_foundations")


def _prerequisites_as_text(data):
    _module_entry(data, "prompt_basics")["prerequisites"] = "ai_foundations"


def _prerequisite_at_a_later_level(data):
    _module_entry(data, "prompt_basics")["prerequisites"].append("advanced_prompting_lab")


def _two_module_cycle(data):
    _module_entry(data, "ai_foundations")["prerequisites"] = ["prompt_basics"]


def _empty_provider(data):
    _module_entry(data, "prompt_basics")["provider"] = "  "


def _link_without_scheme(data):
    _module_entry(data, "prompt_basics")["link"] = "www.example.org"


def _negative_cost(data):
    _module_entry(data, "leaders_ai_briefing")["cost"] = -450


def _cost_as_text(data):
    _module_entry(data, "leaders_ai_briefing")["cost"] = "free"


def _unknown_track(data):
    _template_entry(data, "frontline_builder")["track"] = "sales"


def _unknown_template_level(data):
    _template_entry(data, "frontline_builder")["level"] = "expert"


def _duplicate_template_key(data):
    data["templates"][1]["key"] = data["templates"][0]["key"]


def _duplicate_template_name(data):
    data["templates"][1]["name"] = data["templates"][0]["name"]


def _stages_out_of_order(data):
    stages = _template_entry(data, "frontline_builder")["stages"]
    stages[0], stages[1] = stages[1], stages[0]


def _stage_missing(data):
    _template_entry(data, "frontline_builder")["stages"].pop()


def _unknown_stage(data):
    _template_entry(data, "frontline_builder")["stages"][2]["stage"] = "sprint"


def _stage_without_title(data):
    del _template_entry(data, "frontline_builder")["stages"][1]["title"]


def _unknown_module_in_template(data):
    _template_entry(data, "frontline_builder")["stages"][2]["modules"].append("juggling")


def _module_twice_in_template(data):
    _template_entry(data, "frontline_builder")["stages"][2]["modules"].append("prompt_basics")


def _module_before_its_prerequisite(data):
    crawl = _template_entry(data, "frontline_builder")["stages"][0]["modules"]
    crawl[0], crawl[2] = crawl[2], crawl[0]  # how_ai_answers before ai_foundations


def _prerequisite_left_out_of_template(data):
    _template_entry(data, "frontline_builder")["stages"][0]["modules"].remove("ai_foundations")


def _master_module_in_awareness_template(data):
    _template_entry(data, "frontline_awareness")["stages"][2]["modules"].append("literacy_trainer")


def _template_without_modules(data):
    for stage in _template_entry(data, "frontline_awareness")["stages"]:
        stage["modules"] = []


BROKEN: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("missing field", _drop_hours, r"module 1 lacks the field “hours”"),
    ("unknown module field", _unknown_module_field, r"module 1 has unknown field “url”"),
    ("unknown top field", _unknown_top_level_field, r"the library has unknown field “author”"),
    ("bad library key", _bad_library_key, r"key “AI_Learning” must be lower-case words"),
    ("no modules", _no_modules, r"the library has no modules"),
    ("duplicate key", _duplicate_module_key, r"“ai_foundations” is used by another module"),
    ("camel-case key", _camel_case_module_key, r"“aiFoundations”: the key must be lower-case"),
    ("duplicate title", _duplicate_title, r"the title “AI AT WORK.*” is used by another module"),
    (
        "duplicate description",
        _duplicate_description,
        r"the description is the same as module “ai_foundations”'s",
    ),
    ("unknown format", _unknown_format, r"the format “webinar” is not one of workshop, e_lea"),
    ("unknown level", _unknown_level, r"the level “expert” is not one of awareness, builder"),
    ("no hours", _zero_hours, r"“prompt_basics”: “hours” must be between 0\.5 and 16, not 0"),
    ("too many hours", _too_many_hours, r"“hours” must be between 0\.5 and 16, not 20"),
    ("hours as text", _hours_as_text, r"“hours” must be a number, not '3'"),
    ("hours as true", _hours_as_true, r"“hours” must be a number, not True"),
    ("odd minutes", _odd_minutes, r"“hours” must be whole quarter hours, such as 1\.75, not 1\.1"),
    ("raises nothing", _raises_nothing, r"“raises” is empty; a module must raise at least one"),
    ("unknown skill", _raises_unknown_skill, r"“raises” names unknown skill “juggling”"),
    ("raises to 5", _raises_to_five, r"level for “prompting” must be a whole number 1 to 4, not 5"),
    ("raises to 0", _raises_to_zero, r"“prompting” must be a whole number 1 to 4, not 0"),
    ("raises to 2.5", _raises_to_a_fraction, r"must be a whole number 1 to 4, not 2\.5"),
    ("raises as a list", _raises_as_a_list, r"“raises” must be an object keyed by skill"),
    (
        "unknown prerequisite",
        _unknown_prerequisite,
        r"“prompt_basics”: the prerequisite “juggling_basics” is not a module of the library",
    ),
    ("own prerequisite", _own_prerequisite, r"the module lists itself as a prerequisite"),
    ("prerequisite twice", _prerequisite_twice, r"prerequisite “ai_foundations” is listed twice"),
    ("prerequisites as text", _prerequisites_as_text, r"“prerequisites” must be a list"),
    (
        "later-level prerequisite",
        _prerequisite_at_a_later_level,
        r"“advanced_prompting_lab” is at builder level, but a module at awareness level can only",
    ),
    (
        "two-module cycle",
        _two_module_cycle,
        r"module “ai_foundations”: the prerequisites go round in a circle: "
        r"“ai_foundations” → “prompt_basics” → “ai_foundations”",
    ),
    ("empty provider", _empty_provider, r"“provider” must be non-empty text or null"),
    ("link without scheme", _link_without_scheme, r"“link” must be a web address starting"),
    ("negative cost", _negative_cost, r"“cost” must be a number of 0 or more, or null, not -450"),
    ("cost as text", _cost_as_text, r"“cost” must be a number of 0 or more, or null, not 'free'"),
    ("unknown track", _unknown_track, r"template “frontline_builder”: the track “sales” is not"),
    ("unknown path level", _unknown_template_level, r"the level “expert” is not one of"),
    ("duplicate template", _duplicate_template_key, r"is used by another template"),
    ("duplicate name", _duplicate_template_name, r"the name “.*” is used by another template"),
    (
        "stages out of order",
        _stages_out_of_order,
        r"“stages” must be crawl, walk, run, each once and in that order, not walk, crawl, run",
    ),
    ("stage missing", _stage_missing, r"in that order, not crawl, walk$"),
    ("unknown stage", _unknown_stage, r"stage 3: the stage “sprint” is not one of crawl, walk"),
    ("stage without title", _stage_without_title, r"stage 2 lacks the field “title”"),
    (
        "unknown module in path",
        _unknown_module_in_template,
        r"template “frontline_builder”, stage “run”: “juggling” is not a module of the library",
    ),
    (
        "module twice in path",
        _module_twice_in_template,
        r"stage “run”: “prompt_basics” is already earlier in the path",
    ),
    (
        "module before its prerequisite",
        _module_before_its_prerequisite,
        r"stage “crawl”: “how_ai_answers” needs “ai_foundations” first, "
        r"but “ai_foundations” comes later in the path",
    ),
    (
        "prerequisite left out",
        _prerequisite_left_out_of_template,
        r"“safe_use_essentials” needs “ai_foundations” first, but the path does not include it",
    ),
    (
        "master module in awareness path",
        _master_module_in_awareness_template,
        r"“literacy_trainer” is a master module, above this awareness path",
    ),
    (
        "path without modules",
        _template_without_modules,
        r"template “frontline_awareness”: the path has no modules",
    ),
]


@pytest.mark.parametrize(
    ("break_it", "message"),
    [pytest.param(fn, message, id=name) for name, fn, message in BROKEN],
)
def test_a_broken_file_is_refused_with_a_message_naming_the_problem(
    tmp_path, shipped_data, break_it, message
):
    break_it(shipped_data)
    with pytest.raises(ValueError, match=message) as refused:
        read_library(_write(tmp_path, shipped_data))
    assert str(refused.value).startswith("broken.json: ")


def test_a_file_that_is_not_an_object_is_refused(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(ValueError, match=r"list\.json: the library must be a JSON object"):
        read_library(path)
