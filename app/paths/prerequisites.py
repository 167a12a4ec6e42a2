"""Module prerequisites: finding cycles, and checking a path's order against them (issue 5).

Plain data in, plain data out: no database, no I/O, no Qt. The rules, in one place:

* ``prerequisites`` maps a module key to the keys of the modules to finish before it. A key
  named only as someone's prerequisite is a module with none of its own; naming one twice
  counts once. "a requires b" is an edge a → b.
* A cycle is a list of keys, each requiring the next, the first repeated at the end:
  ``["a", "b", "a"]`` (a requires b, b requires a), ``["a", "a"]`` (a requires itself).
  ``find_cycle`` is deterministic — the same edges give the same cycle, whatever the order of
  the mapping or of the prerequisites — and starts the cycle at its smallest key. The search
  is iterative: a chain of 5,000 modules needs no recursion.
* A path is laid out as stages (crawl, walk, run), each an ordered list of module keys, and
  is taken in reading order: stage after stage, and within a stage first to last.
* ``check_order`` lists the problems of a layout, in reading order of the module they are
  shown on. Only a module's first place counts for its prerequisites; a later place is:

  - ``"duplicate"``: the module is already earlier in the path. Fix: remove this one.

  and for each prerequisite of the module (sorted by key):

  - ``"cycle"``: the module and the prerequisite require each other (directly or through
    others; ``cycle`` says how). No fix here: the module editor must break the cycle, and a
    path with one cannot be saved.
  - ``"missing"``: the prerequisite is not in the path. Fix: add it just before the module.
  - ``"after"``: the prerequisite is placed after the module. Fix: move the prerequisite to
    just before the module (the module's stage); also offered: move the module to just after
    its prerequisite.

* ``fix_all`` applies the suggested fix of the first problem until none can be fixed. It
  always ends, because every fix lowers one of these, in this order, and raises none before
  it: the modules the path needs (prerequisites, transitively) that are not in it (an add);
  the copies (a removal); the misplaced pairs — a module before something it needs, not
  going round with it — counted from the most dependent modules down (a move puts the
  prerequisite right, and can only misplace what that prerequisite itself needs). When the
  prerequisites have no cycle among the modules the path needs, it ends with no problem at
  all; otherwise only ``"cycle"`` problems remain.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

ProblemKind = Literal["duplicate", "cycle", "missing", "after"]
FixAction = Literal["remove", "add_before", "move_before", "move_after"]


class RequiresModules(Protocol):
    """Anything with a key and prerequisites, e.g. ``ModuleContent``."""

    @property
    def key(self) -> str: ...

    @property
    def prerequisites(self) -> Sequence[str]: ...


def prerequisite_map(modules: Iterable[RequiresModules]) -> dict[str, tuple[str, ...]]:
    """Module key -> the keys of its prerequisites, as the functions here take them."""
    return {module.key: tuple(module.prerequisites) for module in modules}


def _graph(prerequisites: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """Every key (also those only named as prerequisites) -> its prerequisites, sorted."""
    edges: dict[str, set[str]] = {}
    for module, required in prerequisites.items():
        keys = list(required)
        edges.setdefault(module, set()).update(keys)
        for key in keys:
            edges.setdefault(key, set())
    return {key: sorted(required) for key, required in edges.items()}


def _starting_at_smallest(cycle: list[str]) -> list[str]:
    start = cycle.index(min(cycle))
    turned = cycle[start:] + cycle[:start]
    return [*turned, turned[0]]


def find_cycle(prerequisites: Mapping[str, Iterable[str]]) -> list[str] | None:
    """A cycle of prerequisites (see the module), or None when there is none.

    Depth-first from each key in sorted order, prerequisites in sorted order, with an explicit
    stack; the first cycle met is returned, turned to start at its smallest key.
    """
    graph = _graph(prerequisites)
    done: set[str] = set()
    for root in sorted(graph):
        if root in done:
            continue
        trail: list[str] = [root]
        place: dict[str, int] = {root: 0}
        stack: list[Iterator[str]] = [iter(graph[root])]
        while stack:
            for key in stack[-1]:
                if key in place:
                    return _starting_at_smallest(trail[place[key] :])
                if key not in done:
                    place[key] = len(trail)
                    trail.append(key)
                    stack.append(iter(graph[key]))
                    break
            else:
                stack.pop()
                finished = trail.pop()
                del place[finished]
                done.add(finished)
    return None


def _shortest_chain(graph: Mapping[str, Sequence[str]], start: str, goal: str) -> list[str] | None:
    """The shortest chain of requirements from ``start`` to ``goal`` (both included), or None.

    Breadth-first over sorted prerequisites, so the chain is always the same one.
    """
    if start == goal:
        return [start]
    came_from: dict[str, str] = {start: start}
    queue = deque([start])
    while queue:
        key = queue.popleft()
        for required in graph.get(key, ()):
            if required in came_from:
                continue
            came_from[required] = key
            if required == goal:
                chain = [goal]
                while chain[-1] != start:
                    chain.append(came_from[chain[-1]])
                return chain[::-1]
            queue.append(required)
    return None


def _components(graph: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Each key -> a representative of the keys it goes round with (Kosaraju, iterative).

    Two keys share a representative exactly when each requires the other, directly or
    through others; so an edge a → b lies on a cycle exactly when a and b share one.
    """
    finished: list[str] = []
    seen: set[str] = set()
    for root in graph:
        if root in seen:
            continue
        seen.add(root)
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(graph[root]))]
        while stack:
            key, required = stack[-1]
            for other in required:
                if other not in seen:
                    seen.add(other)
                    stack.append((other, iter(graph[other])))
                    break
            else:
                stack.pop()
                finished.append(key)
    dependants: dict[str, list[str]] = {key: [] for key in graph}
    for key, prerequisites in graph.items():
        for other in prerequisites:
            dependants[other].append(key)
    component: dict[str, str] = {}
    for root in reversed(finished):
        if root in component:
            continue
        component[root] = root
        waiting = [root]
        while waiting:
            for other in dependants[waiting.pop()]:
                if other not in component:
                    component[other] = root
                    waiting.append(other)
    return component


def would_create_cycle(
    prerequisites: Mapping[str, Iterable[str]], module: str, new_prerequisite: str
) -> list[str] | None:
    """The cycle that making ``module`` require ``new_prerequisite`` would close, or None.

    For the module editor. The cycle starts at ``module``: ``[module, new_prerequisite, …,
    module]``, through the shortest chain by which ``new_prerequisite`` already requires
    ``module``; ``[module, module]`` when a module would require itself. Cycles elsewhere in
    ``prerequisites`` are not this edge's doing and are not reported.
    """
    if module == new_prerequisite:
        return [module, module]
    chain = _shortest_chain(_graph(prerequisites), new_prerequisite, module)
    return None if chain is None else [module, *chain]


@dataclass(frozen=True)
class Slot:
    """A place in a layout: the stage (0 crawl, 1 walk, 2 run) and the index within it."""

    stage: int
    index: int


@dataclass(frozen=True)
class OrderFix:
    """A one-click fix: what happens to which module, next to which.

    ``"remove"`` the later ``key``; ``"add_before"``: add ``key`` just before ``anchor``;
    ``"move_before"``: move ``key`` to just before ``anchor``; ``"move_after"``: move ``key``
    to just after ``anchor``.
    """

    action: FixAction
    key: str
    anchor: str | None


@dataclass(frozen=True)
class OrderProblem:
    """One problem of a layout, shown on ``module`` at ``place`` (see the module's rules).

    ``prerequisite`` is None for a duplicate; ``prerequisite_place`` is given for ``"after"``.
    ``cycle`` is given for ``"cycle"`` (``[module, prerequisite, …, module]``). ``fix`` is the
    suggested fix (None for a cycle), ``alternative`` the other one offered, if any.
    """

    module: str
    prerequisite: str | None
    kind: ProblemKind
    place: Slot
    prerequisite_place: Slot | None = None
    fix: OrderFix | None = None
    alternative: OrderFix | None = None
    cycle: tuple[str, ...] = ()


def _reading_order(stages: Sequence[Sequence[str]]) -> list[tuple[str, Slot]]:
    if isinstance(stages, str):
        raise ValueError("stages must be a sequence of stages, not a string")
    places: list[tuple[str, Slot]] = []
    for s, stage in enumerate(stages):
        if isinstance(stage, str):
            raise ValueError(f"stage {s} must be a sequence of module keys, not a string")
        places.extend((key, Slot(s, i)) for i, key in enumerate(stage))
    return places


def check_order(
    stages: Sequence[Sequence[str]], prerequisites: Mapping[str, Iterable[str]]
) -> list[OrderProblem]:
    """Every problem of the layout ``stages`` against ``prerequisites`` (see the module)."""
    graph = _graph(prerequisites)
    component = _components(graph)
    places = _reading_order(stages)
    first: dict[str, tuple[int, Slot]] = {}
    for position, (key, slot) in enumerate(places):
        first.setdefault(key, (position, slot))
    problems: list[OrderProblem] = []
    for position, (module, slot) in enumerate(places):
        if first[module][0] != position:
            fix = OrderFix("remove", module, None)
            problems.append(OrderProblem(module, None, "duplicate", slot, fix=fix))
            continue
        for required in graph.get(module, ()):
            if component[required] == component[module]:
                cycle = (module, *(_shortest_chain(graph, required, module) or ()))
                problems.append(OrderProblem(module, required, "cycle", slot, cycle=cycle))
            elif required not in first:
                fix = OrderFix("add_before", required, module)
                problems.append(OrderProblem(module, required, "missing", slot, fix=fix))
            elif first[required][0] > position:
                problems.append(
                    OrderProblem(
                        module,
                        required,
                        "after",
                        slot,
                        prerequisite_place=first[required][1],
                        fix=OrderFix("move_before", required, module),
                        alternative=OrderFix("move_after", module, required),
                    )
                )
    return problems


def _expect(layout: list[list[str]], slot: Slot | None, key: str | None) -> Slot:
    if (
        slot is None
        or key is None
        or not 0 <= slot.stage < len(layout)
        or not 0 <= slot.index < len(layout[slot.stage])
        or layout[slot.stage][slot.index] != key
    ):
        raise ValueError(f"the problem with {key!r} was not found in this layout at {slot}")
    return slot


def apply_fix(
    stages: Sequence[Sequence[str]], problem: OrderProblem, *, alternative: bool = False
) -> list[list[str]]:
    """The layout with the problem's suggested fix applied (or its ``alternative``).

    ``stages`` must be the layout the problem was found in; it is not changed. Raises
    ValueError when the problem does not fit the layout or has no such fix (a cycle).
    """
    _reading_order(stages)
    layout = [list(stage) for stage in stages]
    place = _expect(layout, problem.place, problem.module)
    fix = problem.alternative if alternative else problem.fix
    if fix is None:
        raise ValueError(f"a {problem.kind} problem of {problem.module!r} has no such fix")
    if fix.action == "remove":
        del layout[place.stage][place.index]
    elif fix.action == "add_before":
        layout[place.stage].insert(place.index, fix.key)
    else:
        other = _expect(layout, problem.prerequisite_place, problem.prerequisite)
        if fix.action == "move_before":  # the prerequisite comes later: the module stays put
            del layout[other.stage][other.index]
            layout[place.stage].insert(place.index, fix.key)
        else:  # move_after: taking the module out moves a same-stage prerequisite up one
            del layout[place.stage][place.index]
            shift = 1 if other.stage == place.stage else 0
            layout[other.stage].insert(other.index - shift + 1, fix.key)
    return layout


def fix_all(
    stages: Sequence[Sequence[str]], prerequisites: Mapping[str, Iterable[str]]
) -> list[list[str]]:
    """The layout after applying the first problem's suggested fix until none can be fixed.

    Only ``"cycle"`` problems can remain; none do when the modules the path needs have no
    cycle among their prerequisites (see the module for why this always ends).
    """
    graph = {key: tuple(required) for key, required in prerequisites.items()}
    layout = [list(stage) for stage in stages]
    while True:
        fixable = [p for p in check_order(layout, graph) if p.fix is not None]
        if not fixable:
            return layout
        layout = apply_fix(layout, fixable[0])
