"""The path planning rules: hand-computed examples first, then hypothesis properties.

Each test builds its own small module set: the shipped library is another file's business.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.paths.content import ModuleContent
from app.paths.planning import (
    MonthLoad,
    OrderFix,
    OrderProblem,
    ScheduledModule,
    SkillCoverage,
    SkippedModule,
    Slot,
    apply_fix,
    check_order,
    coverage,
    find_cycle,
    fix_all,
    monthly_load,
    path_hours,
    prerequisite_map,
    schedule,
    suggest_for_person,
    uncovered,
    weeks_needed,
    would_create_cycle,
)

PROPERTY = settings(max_examples=200, deadline=None)


def module(
    key: str,
    *,
    hours: float = 1.0,
    raises: dict[str, int] | None = None,
    prerequisites: tuple[str, ...] = (),
) -> ModuleContent:
    return ModuleContent(
        key=key,
        title=key.replace("_", " ").title(),
        description="",
        format="workshop",
        hours=hours,
        level="awareness",
        raises=raises or {},
        prerequisites=prerequisites,
    )


def is_cycle(cycle: list[str], prerequisites: dict[str, list[str]]) -> bool:
    """Each key requires the next, and the last is the first again."""
    return (
        len(cycle) >= 2
        and cycle[0] == cycle[-1]
        and all(b in prerequisites.get(a, ()) for a, b in pairwise(cycle))
    )


def has_cycle(prerequisites: dict[str, list[str]]) -> bool:
    """A reference answer, by Kahn's algorithm: a cycle is what cannot be peeled off."""
    keys = set(prerequisites) | {k for ks in prerequisites.values() for k in ks}
    waiting = {k: set(prerequisites.get(k, ())) for k in keys}
    free = [k for k, required in waiting.items() if not required]
    peeled = 0
    while free:
        key = free.pop()
        peeled += 1
        for other, required in waiting.items():
            if key in required:
                required.discard(key)
                if not required:
                    free.append(other)
    return peeled != len(keys)


# --- cycles -------------------------------------------------------------------------------


def test_prerequisites_without_a_circle_have_no_cycle():
    assert find_cycle({}) is None
    assert find_cycle({"ml": ["python", "stats"], "python": [], "stats": ["python"]}) is None
    # A key only named as a prerequisite is a module without prerequisites.
    assert find_cycle({"b": ["a"]}) is None


def test_a_cycle_is_listed_from_its_smallest_key_with_that_key_again_at_the_end():
    assert find_cycle({"c": ["a"], "a": ["b"], "b": ["c"]}) == ["a", "b", "c", "a"]
    assert find_cycle({"x": ["y"], "y": ["x"]}) == ["x", "y", "x"]
    assert find_cycle({"solo": ["solo"]}) == ["solo", "solo"]


def test_the_same_prerequisites_give_the_same_cycle_in_any_order():
    edges = {
        "ethics": ["basics"],
        "basics": ["prompting", "ethics"],
        "prompting": ["basics"],
        "rag": ["prompting"],
    }
    expected = find_cycle(edges)
    assert expected is not None and is_cycle(expected, edges)
    shuffler = random.Random(5)
    for _ in range(20):
        keys = list(edges)
        shuffler.shuffle(keys)
        shuffled = {k: shuffler.sample(edges[k], len(edges[k])) for k in keys}
        assert find_cycle(shuffled) == expected
    # Prerequisites given as a set or a generator work as well as a list.
    assert find_cycle({k: set(v) for k, v in edges.items()}) == expected
    assert find_cycle({k: (x for x in v) for k, v in edges.items()}) == expected


def test_a_chain_of_5000_modules_needs_no_recursion():
    chain = {f"m{i:05d}": [f"m{i + 1:05d}"] for i in range(5000)}
    assert find_cycle(chain) is None
    chain["m05000"] = ["m00000"]
    cycle = find_cycle(chain)
    assert cycle is not None and len(cycle) == 5002 and is_cycle(cycle, chain)
    closing = would_create_cycle(
        {k: v for k, v in chain.items() if k != "m05000"}, "m05000", "m00000"
    )
    assert closing is not None and len(closing) == 5002 and closing[0] == "m05000"


def test_a_path_of_5000_modules_in_a_chain_is_checked_and_fixed():
    chain = {f"m{i:05d}": [f"m{i - 1:05d}"] if i else [] for i in range(5000)}
    in_order = [sorted(chain)[:2000], sorted(chain)[2000:4000], sorted(chain)[4000:]]
    assert check_order(in_order, chain) == []
    # The last module alone, out of the last 101: its 100 prerequisites are added before it.
    assert fix_all([[], [], ["m04999"]], {k: v for k, v in chain.items() if k > "m04899"}) == [
        [],
        [],
        [f"m{i:05d}" for i in range(4899, 5000)],
    ]


def test_the_module_editor_is_told_which_new_prerequisite_would_close_a_circle():
    edges = {"rag": ["prompting"], "prompting": ["basics"], "basics": []}
    assert would_create_cycle(edges, "basics", "rag") == ["basics", "rag", "prompting", "basics"]
    assert would_create_cycle(edges, "basics", "basics") == ["basics", "basics"]
    assert would_create_cycle(edges, "rag", "basics") is None  # already implied: no circle
    assert would_create_cycle(edges, "new", "rag") is None  # a module not yet in the library
    # The shortest way round is named.
    edges["rag"].append("basics")
    assert would_create_cycle(edges, "basics", "rag") == ["basics", "rag", "basics"]


def test_the_prerequisite_map_is_read_from_the_modules():
    modules = [module("a"), module("b", prerequisites=("a",))]
    assert prerequisite_map(modules) == {"a": (), "b": ("a",)}


edge_sets = st.dictionaries(
    st.sampled_from("abcdefgh"), st.lists(st.sampled_from("abcdefgh"), max_size=3), max_size=8
)


@PROPERTY
@given(edge_sets)
def test_a_cycle_is_found_exactly_when_the_prerequisites_go_round_and_it_is_a_real_one(edges):
    cycle = find_cycle(edges)
    assert (cycle is not None) == has_cycle(edges)
    if cycle is not None:
        assert is_cycle(cycle, edges)
        assert cycle[0] == min(cycle)
        assert len(set(cycle)) == len(cycle) - 1  # no key twice except the first at the end


@PROPERTY
@given(edge_sets, st.sampled_from("abcdefgh"), st.sampled_from("abcdefgh"))
def test_a_new_prerequisite_closes_a_cycle_exactly_when_the_graph_then_has_one(edges, a, b):
    if has_cycle(edges):
        return
    closing = would_create_cycle(edges, a, b)
    after = {k: list(v) for k, v in edges.items()}
    after.setdefault(a, []).append(b)
    assert (closing is not None) == has_cycle(after)
    if closing is not None:
        assert closing[:2] == [a, b] and is_cycle(closing, after)


# --- a path's order -----------------------------------------------------------------------

LIBRARY = {
    "basics": [],
    "prompting": ["basics"],
    "ethics": ["basics"],
    "rag": ["prompting", "ethics"],
}


def test_a_path_in_a_good_order_has_no_problem():
    stages = [["basics"], ["prompting", "ethics"], ["rag"]]
    assert check_order(stages, LIBRARY) == []
    # Order counts across stages too: crawl before walk before run.
    assert check_order([["basics", "prompting"], [], ["ethics", "rag"]], LIBRARY) == []


def test_a_prerequisite_placed_after_its_module_is_moved_just_before_it():
    stages = [["prompting"], ["basics", "ethics"], ["rag"]]
    [problem] = check_order(stages, LIBRARY)
    assert problem == OrderProblem(
        module="prompting",
        prerequisite="basics",
        kind="after",
        place=Slot(0, 0),
        prerequisite_place=Slot(1, 0),
        fix=OrderFix("move_before", "basics", "prompting"),
        alternative=OrderFix("move_after", "prompting", "basics"),
    )
    assert apply_fix(stages, problem) == [["basics", "prompting"], ["ethics"], ["rag"]]
    # The other fix offered: the module goes just after its prerequisite instead.
    assert apply_fix(stages, problem, alternative=True) == [
        [],
        ["basics", "prompting", "ethics"],
        ["rag"],
    ]
    assert stages == [["prompting"], ["basics", "ethics"], ["rag"]]  # the layout given is kept


def test_within_one_stage_the_order_matters():
    stages = [["ethics", "basics", "prompting"]]
    [problem] = check_order(stages, LIBRARY)
    assert (problem.module, problem.prerequisite, problem.kind) == ("ethics", "basics", "after")
    assert apply_fix(stages, problem) == [["basics", "ethics", "prompting"]]
    assert apply_fix(stages, problem, alternative=True) == [["basics", "ethics", "prompting"]]
    stages = [["rag", "basics", "prompting", "ethics"]]
    problems = check_order(stages, LIBRARY)
    assert [(p.prerequisite, p.prerequisite_place) for p in problems] == [
        ("ethics", Slot(0, 3)),  # prerequisites sorted by key
        ("prompting", Slot(0, 2)),
    ]
    assert apply_fix(stages, problems[1], alternative=True) == [
        ["basics", "prompting", "rag", "ethics"]
    ]


def test_a_missing_prerequisite_is_added_just_before_its_module():
    stages = [["basics"], [], ["rag"]]
    problems = check_order(stages, LIBRARY)
    assert [(p.module, p.prerequisite, p.kind, p.place) for p in problems] == [
        ("rag", "ethics", "missing", Slot(2, 0)),
        ("rag", "prompting", "missing", Slot(2, 0)),
    ]
    assert problems[0].fix == OrderFix("add_before", "ethics", "rag")
    assert problems[0].alternative is None
    assert apply_fix(stages, problems[0]) == [["basics"], [], ["ethics", "rag"]]


def test_a_module_twice_in_a_path_loses_its_later_place():
    stages = [["basics", "prompting"], ["basics"], ["prompting", "rag", "ethics"]]
    problems = check_order(stages, LIBRARY)
    assert [(p.module, p.kind, p.place) for p in problems] == [
        ("basics", "duplicate", Slot(1, 0)),
        ("prompting", "duplicate", Slot(2, 0)),
        ("rag", "after", Slot(2, 1)),  # only the first place of a module counts
    ]
    assert problems[0].prerequisite is None
    assert apply_fix(stages, problems[0]) == [
        ["basics", "prompting"],
        [],
        ["prompting", "rag", "ethics"],
    ]


def test_a_cycle_in_a_path_is_shown_with_no_fix_and_fixing_the_rest_leaves_only_it():
    edges = {**LIBRARY, "prompting": ["basics", "rag"]}  # rag → prompting → rag
    stages = [["rag", "basics"]]
    problems = check_order(stages, edges)
    assert [(p.module, p.prerequisite, p.kind) for p in problems] == [
        ("rag", "ethics", "missing"),
        ("rag", "prompting", "cycle"),
    ]
    cycle = problems[1]
    assert cycle.cycle == ("rag", "prompting", "rag") and cycle.fix is None
    with pytest.raises(ValueError, match="no such fix"):
        apply_fix(stages, cycle)
    fixed = fix_all(stages, edges)
    assert fixed == [["basics", "ethics", "rag"]]
    assert [p.kind for p in check_order(fixed, edges)] == ["cycle"]
    # A module that requires itself.
    [itself] = check_order([["solo"]], {"solo": ["solo"]})
    assert (itself.kind, itself.cycle) == ("cycle", ("solo", "solo"))


def test_fixing_everything_at_once_gives_a_path_with_no_problem():
    stages = [["rag", "rag"], ["prompting"], []]
    fixed = fix_all(stages, LIBRARY)
    assert fixed == [["basics", "ethics", "prompting", "rag"], [], []]
    assert check_order(fixed, LIBRARY) == []


def test_a_fix_for_another_layout_is_refused():
    stages = [["prompting", "basics"]]
    [problem] = check_order(stages, LIBRARY)
    with pytest.raises(ValueError, match="not found"):
        apply_fix([["basics", "prompting"]], problem)
    with pytest.raises(ValueError):
        check_order(["basics"], LIBRARY)  # a stage that is a string, not a list of keys


KEYS = [f"k{i}" for i in range(8)]


@st.composite
def acyclic_library(draw: st.DrawFn) -> dict[str, list[str]]:
    """Prerequisites that cannot go round: each key may only require keys of a lower rank."""
    order = draw(st.permutations(KEYS))
    return {
        key: draw(st.lists(st.sampled_from(order[:rank]), max_size=3)) if rank else []
        for rank, key in enumerate(order)
    }


layouts = st.lists(st.lists(st.sampled_from(KEYS), max_size=5), min_size=1, max_size=3)


@PROPERTY
@given(acyclic_library(), layouts)
def test_fixing_every_problem_ends_with_none_left_when_nothing_goes_round(library, stages):
    fixed = fix_all(stages, library)
    assert check_order(fixed, library) == []
    assert len(fixed) == len(stages)  # the stages stay; only modules move
    kept = {k for stage in stages for k in stage}
    assert kept <= {k for stage in fixed for k in stage}  # nothing the user placed is lost


@PROPERTY
@given(
    st.dictionaries(st.sampled_from(KEYS), st.lists(st.sampled_from(KEYS), max_size=3)),
    layouts,
)
def test_fixing_every_problem_ends_even_when_prerequisites_go_round(library, stages):
    fixed = fix_all(stages, library)
    assert all(p.kind == "cycle" for p in check_order(fixed, library))


def without_copies(stages: list[list[str]]) -> list[list[str]]:
    seen: set[str] = set()
    kept: list[list[str]] = []
    for stage in stages:
        kept.append([k for k in dict.fromkeys(stage) if k not in seen])
        seen.update(stage)
    return kept


@PROPERTY
@given(acyclic_library(), layouts, st.booleans())
def test_each_fix_removes_the_problem_it_is_offered_for(library, stages, alternative):
    if alternative:  # moving a module after a later copy of itself solves nothing
        stages = without_copies(stages)
    for problem in check_order(stages, library):
        offered = problem.alternative if alternative else problem.fix
        if offered is None or problem.kind == "duplicate":
            continue
        after = check_order(apply_fix(stages, problem, alternative=alternative), library)
        assert all(
            (p.module, p.prerequisite) != (problem.module, problem.prerequisite) for p in after
        )


# --- totals and coverage ------------------------------------------------------------------


def test_hours_and_weeks_of_a_path():
    modules = [module("a", hours=1.5), module("b", hours=3), module("c", hours=2.5)]
    assert path_hours(modules) == 7.0
    assert path_hours([]) == 0.0
    assert weeks_needed(7, 2) == 4
    assert weeks_needed(8, 2) == 4
    assert weeks_needed(0, 2) == 0
    assert weeks_needed(0.1 + 0.2, 0.1) == 3  # float noise does not add a week
    for bad_pace in (0, -2, math.nan, math.inf):
        with pytest.raises(ValueError):
            weeks_needed(7, bad_pace)
    with pytest.raises(ValueError):
        weeks_needed(-1, 2)
    with pytest.raises(ValueError):
        path_hours([module("a", hours=-1)])


@PROPERTY
@given(
    st.floats(min_value=0, max_value=500, allow_nan=False),
    st.floats(min_value=0.05, max_value=40, allow_nan=False),
)
def test_the_weeks_needed_are_just_enough(hours, pace):
    weeks = weeks_needed(hours, pace)
    assert weeks * pace >= hours - 1e-6
    assert weeks == 0 or (weeks - 1) * pace < hours + 1e-6


def test_coverage_says_how_far_the_path_takes_each_target_skill():
    raises = [{"prompting": 2, "ethics": 1}, {"prompting": 3}, {"python": 2}]
    targets = {"prompting": 3, "ethics": 2, "data": 0, "strategy": 1}
    assert coverage(raises, targets) == [
        SkillCoverage("prompting", 3, 3, True),
        SkillCoverage("ethics", 2, 1, False),
        SkillCoverage("data", 0, 0, True),  # a target of 0 asks for nothing
        SkillCoverage("strategy", 1, 0, False),  # no module raises it
    ]
    assert [line.skill for line in uncovered(raises, targets)] == ["ethics", "strategy"]
    assert coverage([], {}) == []
    with pytest.raises(ValueError):
        coverage([{"prompting": 5}], targets)
    with pytest.raises(ValueError):
        coverage([], {"prompting": -1})


# --- the gap-trimming suggestion ----------------------------------------------------------

PATH = [
    module("ai_basics", raises={"ai_literacy": 1}),
    module("welcome", raises={}),
    module("prompting", raises={"prompting": 2}, prerequisites=("ai_basics",)),
    module("python", raises={"python": 2}),
    module("rag_lab", raises={"prompting": 3, "data": 2}, prerequisites=("prompting", "python")),
    module("strategy", raises={"strategy": 2}),
]
PATH_PREREQUISITES = prerequisite_map(PATH)
TARGETS = {"ai_literacy": 1, "prompting": 3, "data": 2, "strategy": 0}


def test_a_person_without_a_survey_keeps_every_module_the_role_asks_for():
    suggestion = suggest_for_person(PATH, {}, TARGETS, PATH_PREREQUISITES)
    assert suggestion.modules_kept == ["ai_basics", "welcome", "prompting", "python", "rag_lab"]
    # python is not a target, but rag_lab needs it and the person does not know it yet.
    assert suggestion.required_by == {"python": ("rag_lab",)}
    assert suggestion.skipped == [SkippedModule("strategy", "not_in_targets", ("strategy",))]


def test_a_person_who_already_knows_the_basics_skips_them():
    levels = {"ai_literacy": 2, "prompting": 2.0, "python": 3, "data": None, "strategy": 4}
    suggestion = suggest_for_person(PATH, levels, TARGETS, PATH_PREREQUISITES)
    assert suggestion.modules_kept == ["welcome", "rag_lab"]
    assert suggestion.skipped == [
        SkippedModule("ai_basics", "already_proficient", ("ai_literacy",)),
        SkippedModule("prompting", "already_proficient", ("prompting",)),
        SkippedModule("python", "already_proficient", ("python",)),
        SkippedModule("strategy", "already_proficient", ("strategy",)),
    ]
    assert suggestion.required_by == {}


def test_meeting_the_roles_target_is_enough_to_skip_a_module():
    path = [module("prompting", raises={"prompting": 3})]
    suggestion = suggest_for_person(path, {"prompting": 2}, {"prompting": 2}, {})
    assert suggestion.modules_kept == []
    assert suggestion.skipped == [SkippedModule("prompting", "already_proficient", ("prompting",))]
    # ...but a prerequisite the person is below is kept for the module that needs it.
    path.append(module("agents", raises={"agents": 2}, prerequisites=("prompting",)))
    suggestion = suggest_for_person(
        path, {"prompting": 2}, {"prompting": 2, "agents": 2}, prerequisite_map(path)
    )
    assert suggestion.modules_kept == ["prompting", "agents"]
    assert suggestion.required_by == {"prompting": ("agents",)}


def test_bad_input_to_the_suggestion_is_refused():
    with pytest.raises(ValueError, match="twice"):
        suggest_for_person([PATH[0], PATH[0]], {}, TARGETS, {})
    for bad in (-1, 4.5, math.nan, True):
        with pytest.raises(ValueError):
            suggest_for_person(PATH, {"prompting": bad}, TARGETS, {})
    with pytest.raises(ValueError):
        suggest_for_person(PATH, {}, {"prompting": 5}, {})


SKILLS = ["s0", "s1", "s2", "s3"]
levels_of = st.dictionaries(
    st.sampled_from(SKILLS), st.none() | st.integers(0, 4) | st.sampled_from([0.5, 1.5, 2.5, 3.5])
)
targets_of = st.dictionaries(st.sampled_from(SKILLS), st.integers(0, 4))


@st.composite
def ordered_paths(draw: st.DrawFn) -> tuple[list[ModuleContent], dict[str, tuple[str, ...]]]:
    """A path in a good order: each module may only require modules before it."""
    size = draw(st.integers(1, 8))
    path: list[ModuleContent] = []
    for n in range(size):
        raises = draw(st.dictionaries(st.sampled_from(SKILLS), st.integers(1, 4), max_size=3))
        earlier = [m.key for m in path]
        required = draw(st.lists(st.sampled_from(earlier), max_size=2)) if earlier else []
        path.append(module(f"m{n}", raises=raises, prerequisites=tuple(required)))
    return path, prerequisite_map(path)


def current(levels: dict[str, float | None], skill: str) -> float:
    return levels.get(skill) or 0.0


@PROPERTY
@given(ordered_paths(), levels_of, targets_of)
def test_trimming_only_takes_modules_out_and_keeps_the_order(path_and_library, levels, targets):
    path, library = path_and_library
    suggestion = suggest_for_person(path, levels, targets, library)
    keys = [m.key for m in path]
    skipped = [s.key for s in suggestion.skipped]
    assert [k for k in keys if k in suggestion.modules_kept] == suggestion.modules_kept
    assert sorted(suggestion.modules_kept + skipped) == sorted(keys)
    assert [k for k in keys if k in skipped] == skipped
    by_key = {m.key: m for m in path}
    for s in suggestion.skipped:  # every reason holds
        raised = by_key[s.key].raises
        assert raised and s.skills
        if s.reason_code == "not_in_targets":  # the role asks for none of them
            assert s.skills == tuple(raised)
            assert all(targets.get(skill, 0) == 0 for skill in raised)
        else:  # the person has these to the module's level or the role's target
            for skill in s.skills:
                level = current(levels, skill)
                assert level >= raised[skill] or 0 < targets.get(skill, 0) <= level


@PROPERTY
@given(ordered_paths(), targets_of, st.sampled_from([None, 0]))
def test_someone_with_no_ratings_or_all_zeros_keeps_every_module_for_a_target(
    path_and_library, targets, nothing
):
    path, library = path_and_library
    kept = suggest_for_person(path, dict.fromkeys(SKILLS, nothing), targets, library).modules_kept
    for m in path:
        if any(targets.get(skill, 0) > 0 for skill in m.raises) or not m.raises:
            assert m.key in kept


@PROPERTY
@given(ordered_paths(), targets_of)
def test_an_expert_in_everything_keeps_only_modules_that_raise_nothing(path_and_library, targets):
    path, library = path_and_library
    kept = suggest_for_person(path, dict.fromkeys(SKILLS, 4), targets, library).modules_kept
    assert kept == [m.key for m in path if not m.raises]


@PROPERTY
@given(
    ordered_paths(),
    levels_of,
    targets_of,
    st.dictionaries(st.sampled_from(SKILLS), st.integers(0, 4)),
)
def test_a_higher_level_never_brings_back_a_skipped_module(
    path_and_library, levels, targets, gains
):
    path, library = path_and_library
    before = suggest_for_person(path, levels, targets, library)
    higher = {s: min(4.0, current(levels, s) + gains.get(s, 0)) for s in SKILLS}
    after = suggest_for_person(path, higher, targets, library)
    assert set(after.modules_kept) <= set(before.modules_kept)


@PROPERTY
@given(ordered_paths(), levels_of, targets_of)
def test_trimming_a_trimmed_path_changes_nothing(path_and_library, levels, targets):
    path, library = path_and_library
    first = suggest_for_person(path, levels, targets, library)
    trimmed = [m for m in path if m.key in first.modules_kept]
    again = suggest_for_person(trimmed, levels, targets, library)
    assert again.modules_kept == first.modules_kept
    assert again.skipped == []


@PROPERTY
@given(ordered_paths(), levels_of, targets_of)
def test_a_kept_modules_prerequisites_are_kept_before_it_or_already_known(
    path_and_library, levels, targets
):
    path, library = path_and_library
    suggestion = suggest_for_person(path, levels, targets, library)
    kept = suggestion.modules_kept
    by_key = {m.key: m for m in path}
    for key in kept:
        for required in by_key[key].prerequisites:
            if required in kept:
                assert kept.index(required) < kept.index(key)
            else:
                taught = by_key[required].raises
                assert all(current(levels, s) >= to for s, to in taught.items())


# --- capacity -----------------------------------------------------------------------------


def test_learning_hours_are_spread_over_the_months_and_set_against_protected_time():
    assignments = [
        ("Sales", date(2025, 1, 25), date(2025, 2, 3), 10.0),  # 7 days in Jan, 3 in Feb
        ("Sales", date(2025, 2, 1), date(2025, 2, 28), 10.0),
        ("Finance", date(2025, 3, 1), date(2025, 3, 31), 4.0),
    ]
    loads = monthly_load(assignments, 1.5, {"Sales": 2, "Finance": 1})
    expected = [
        ("Finance", date(2025, 1, 1), 0.0, 1.5 * 31 / 7, False),
        ("Finance", date(2025, 2, 1), 0.0, 1.5 * 28 / 7, False),
        ("Finance", date(2025, 3, 1), 4.0, 1.5 * 31 / 7, False),  # 4 h ≤ 6.64 h
        ("Sales", date(2025, 1, 1), 7.0, 2 * 1.5 * 31 / 7, False),  # 7 h ≤ 13.29 h
        ("Sales", date(2025, 2, 1), 13.0, 12.0, True),  # 3 + 10 h > 2 × 1.5 h × 4 weeks
        ("Sales", date(2025, 3, 1), 0.0, 2 * 1.5 * 31 / 7, False),
    ]
    assert len(loads) == len(expected)
    for load, (department, month, hours, capacity, overloaded) in zip(loads, expected, strict=True):
        assert (load.department, load.month, load.overloaded) == (department, month, overloaded)
        assert load.hours == pytest.approx(hours)
        assert load.capacity_hours == pytest.approx(capacity)


def test_capacity_edge_cases():
    assert monthly_load([], 2, {}) == []
    # A department with no people has no capacity: any learning overloads it.
    [load] = monthly_load([("New", date(2025, 5, 5), date(2025, 5, 5), 1.0)], 2, {})
    assert load == MonthLoad("New", date(2025, 5, 1), 1.0, 0.0, True)
    # Exactly at capacity is not overloaded.
    [load] = monthly_load([("Ops", date(2025, 2, 1), date(2025, 2, 28), 8.0)], 2, {"Ops": 1})
    assert load.capacity_hours == 8.0 and not load.overloaded
    # A year end is crossed.
    loads = monthly_load([("Ops", date(2024, 12, 31), date(2025, 1, 1), 2.0)], 2, {"Ops": 1})
    assert [(x.month, x.hours) for x in loads] == [
        (date(2024, 12, 1), 1.0),
        (date(2025, 1, 1), 1.0),
    ]
    with pytest.raises(ValueError, match="before it starts"):
        monthly_load([("Ops", date(2025, 2, 2), date(2025, 2, 1), 1.0)], 2, {"Ops": 1})
    with pytest.raises(ValueError):
        monthly_load([("Ops", date(2025, 2, 1), date(2025, 2, 1), -1.0)], 2, {"Ops": 1})
    with pytest.raises(ValueError):
        monthly_load([], -1, {})
    with pytest.raises(ValueError):
        monthly_load([("Ops", date(2025, 2, 1), date(2025, 2, 1), 1.0)], 2, {"Ops": -3})


assignment = st.tuples(
    st.sampled_from(["Sales", "Ops", "IT"]),
    st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31)),
    st.integers(0, 400),
    st.floats(min_value=0, max_value=120, allow_nan=False),
).map(lambda a: (a[0], a[1], a[1] + timedelta(days=a[2]), a[3]))


@PROPERTY
@given(st.lists(assignment, max_size=12), st.floats(min_value=0, max_value=8, allow_nan=False))
def test_the_months_add_up_to_every_hour_assigned(assignments, protected):
    loads = monthly_load(assignments, protected, {"Sales": 12, "Ops": 3})
    assert math.isclose(
        math.fsum(x.hours for x in loads), math.fsum(a[3] for a in assignments), abs_tol=1e-9
    )
    for department in {a[0] for a in assignments}:
        months = [x.month for x in loads if x.department == department]
        assert all(m.day == 1 for m in months)
        assert len(set(months)) == len(months) and months == sorted(months)
    for x in loads:
        if x.overloaded:
            assert x.hours > x.capacity_hours - 1e-9
        else:
            assert x.hours <= x.capacity_hours + 1e-9


# --- a person's schedule ------------------------------------------------------------------


def test_modules_are_scheduled_back_to_back_at_the_weekly_pace():
    start = date(2025, 3, 3)
    plan = schedule([("a", 1.0), ("b", 1.0), ("c", 3.0)], start, 2.0)
    assert plan == [
        ScheduledModule("a", date(2025, 3, 3), date(2025, 3, 6)),  # 1 h at 2 h/week: 3.5 days
        ScheduledModule("b", date(2025, 3, 6), date(2025, 3, 9)),  # shares a day with a
        ScheduledModule("c", date(2025, 3, 10), date(2025, 3, 20)),  # 10.5 days
    ]
    assert weeks_needed(5, 2) == 3 and plan[-1].ends_on == start + timedelta(days=17)
    key, starts_on, ends_on = plan[0]  # a plain (key, starts on, ends on) tuple
    assert (key, starts_on, ends_on) == ("a", date(2025, 3, 3), date(2025, 3, 6))
    assert schedule([("whole", 4.0)], start, 2.0) == [
        ScheduledModule("whole", date(2025, 3, 3), date(2025, 3, 16))  # exactly two weeks
    ]
    assert schedule([], start, 2.0) == []
    with pytest.raises(ValueError):
        schedule([("a", 0.0)], start, 2.0)
    with pytest.raises(ValueError):
        schedule([("a", 1.0)], start, 0.0)


@PROPERTY
@given(
    st.lists(st.floats(min_value=0.01, max_value=40, allow_nan=False), min_size=1, max_size=12)
    | st.lists(st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0, 7.0]), min_size=1, max_size=12),
    st.floats(min_value=0.25, max_value=20, allow_nan=False) | st.sampled_from([0.5, 1.0, 2.0]),
    st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 1, 1)),
)
def test_a_schedule_runs_forward_and_takes_the_weeks_needed(hours, pace, start):
    plan = schedule([(f"m{n}", h) for n, h in enumerate(hours)], start, pace)
    assert [p.key for p in plan] == [f"m{n}" for n in range(len(hours))]
    assert plan[0].starts_on == start
    for p in plan:
        assert p.starts_on <= p.ends_on
    for earlier, later in pairwise(plan):
        assert earlier.starts_on <= later.starts_on
        assert earlier.ends_on <= later.ends_on
        assert (later.starts_on - earlier.ends_on).days in (0, 1)  # the same day or the next
    days = (plan[-1].ends_on - start).days + 1
    assert math.ceil(days / 7) == weeks_needed(math.fsum(hours), pace)
