"""Temporal awareness: TempEval-3's score for a whole graph of TLINKs.

UzZaman and Allen, "Temporal Evaluation" (ACL 2011), as TempEval-3 ranks
systems with it (UzZaman et al. 2013). A relation counts as found when it is
*implied* by the other side's links, not only when it is written the same
way, and each side is scored on its *reduced* graph, so that a relation
stated many ways, or a chain plus its shortcut, counts once:

    precision = |Sys- ∩ Gold+| / |Sys-|      recall = |Gold- ∩ Sys+| / |Gold-|

where G+ is the temporal closure of a graph G and G- its reduction (the
links left once every link implied by the others is dropped). Counts are
summed over documents (micro average), as the TempEval-3 script does.

Closure works on time points. Each entity (event instance, TIMEX3, the
DCT) is an interval with a start and an end, start < end, and each TimeML
relation is a conjunction of ``<`` and ``=`` between those points (``FACTS``;
DURING, DURING_INV and IDENTITY are read as SIMULTANEOUS, as in the
TempEval-3 script). The ``=`` facts join points into classes (union-find);
the ``<`` facts order the classes in a DAG whose reachability, one bitset per
class, is the closure: ``x < y`` holds iff y's class is reachable from x's,
``x = y`` iff they share a class. A link that contradicts the earlier links
of its graph (TimeBank has some) is dropped and counted, as the reference
implementation ignores inconsistent relations.

Reduction: an ``=`` fact is needed when it joins two classes (in link
order); a ``<`` fact when its class edge is in the transitive reduction of
the class DAG (no other path; unique for a DAG) and is not an interval's
own start < end. Each needed fact keeps one link that states it, the
earliest, and a kept link all of whose needed facts are also stated by other
kept links is then dropped again.

Work per document: union-find and a topological sort, linear; the bitsets
are n bits for n classes, so closure is O(edges * n / word) with n the
number of points, a few hundred in TimeBank. Only a document whose links
are inconsistent is rebuilt link by link, each new link checked by a search
of the graph so far (O(links * edges), again small in practice).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/ helpers

from _timeml import LinkedDocument  # noqa: E402
from tempeval import match  # noqa: E402

Entity = Hashable
Point = tuple[Entity, int]  # (entity, 0) is its start, (entity, 1) its end


class Link(NamedTuple):
    """``source rel target``; ``rel`` a TimeML relType."""

    source: Entity
    rel: str
    target: Entity


# Point facts of ``a rel b``: (op, (side, end), (side, end)); side 0 is a, 1 is b;
# end 0 is the start point, 1 the end point.
_A0, _A1, _B0, _B1 = (0, 0), (0, 1), (1, 0), (1, 1)
_SIMULTANEOUS = (("=", _A0, _B0), ("=", _A1, _B1))
FACTS: dict[str, tuple[tuple[str, tuple[int, int], tuple[int, int]], ...]] = {
    "BEFORE": (("<", _A1, _B0),),
    "AFTER": (("<", _B1, _A0),),
    "IBEFORE": (("=", _A1, _B0),),
    "IAFTER": (("=", _B1, _A0),),
    "INCLUDES": (("<", _A0, _B0), ("<", _B1, _A1)),
    "IS_INCLUDED": (("<", _B0, _A0), ("<", _A1, _B1)),
    "SIMULTANEOUS": _SIMULTANEOUS,
    "IDENTITY": _SIMULTANEOUS,
    "DURING": _SIMULTANEOUS,
    "DURING_INV": _SIMULTANEOUS,
    "BEGINS": (("=", _A0, _B0), ("<", _A1, _B1)),
    "BEGUN_BY": (("=", _A0, _B0), ("<", _B1, _A1)),
    "ENDS": (("=", _A1, _B1), ("<", _B0, _A0)),
    "ENDED_BY": (("=", _A1, _B1), ("<", _A0, _B0)),
}

Fact = tuple[str, Point, Point]


def facts(link: Link) -> tuple[Fact, ...]:
    """The point relations of a link (empty for a relType outside ``FACTS``)."""
    ends = (link.source, link.target)
    return tuple(
        (op, (ends[p[0]], p[1]), (ends[q[0]], q[1])) for op, p, q in FACTS.get(link.rel, ())
    )


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Point, Point] = {}

    def find(self, x: Point) -> Point:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:  # path compression
            parent[x], x = root, parent.get(x, x)
        return root

    def union(self, x: Point, y: Point) -> bool:
        """Join the classes of x and y; False when they were one already."""
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return False
        self.parent[rx] = ry
        return True


def _consistent_links(links: Sequence[Link]) -> tuple[list[Link], list[Link]]:
    """(kept, dropped): each link is dropped when it contradicts the links kept
    before it. Only called on a graph known to be inconsistent."""
    # Point graph: x -> (y, strict); "=" is <= both ways.
    out: dict[Point, list[tuple[Point, bool]]] = defaultdict(list)
    seen: set[Entity] = set()
    kept, dropped = [], []

    def strict_path(src: Point, strict: bool, dst: Point) -> bool:
        # Breadth-first over (point, strict so far); strict dominates.
        best = {src: strict}
        queue = deque([(src, strict)])
        while queue:
            x, s = queue.popleft()
            if x == dst and s:
                return True
            for y, t in out.get(x, ()):
                st = s or t
                if y not in best or (st and not best[y]):
                    best[y] = st
                    queue.append((y, st))
        return False

    for link in links:
        edges: list[tuple[Point, Point, bool]] = []
        for e in (link.source, link.target):
            if e not in seen:
                edges.append(((e, 0), (e, 1), True))
        for op, p, q in facts(link):
            edges.append((p, q, op == "<"))
            if op == "=":
                edges.append((q, p, False))
        for u, v, s in edges:
            out[u].append((v, s))
        # A strict cycle through a new edge u -> v is a path v ->* u that, with
        # the edge, is strict somewhere.
        if any(strict_path(v, s, u) for u, v, s in edges):
            for u, _v, _s in reversed(edges):
                out[u].pop()
            dropped.append(link)
        else:
            seen.update((link.source, link.target))
            kept.append(link)
    return kept, dropped


class Closure:
    """The temporal closure of a graph of links (see the module docstring).

    ``links`` are the links kept (consistent, known relType, two distinct
    entities), in the given order; ``dropped`` the others.
    """

    def __init__(self, links: Iterable[Link]) -> None:
        usable, self.dropped = [], []
        for link in links:
            ok = link.rel in FACTS and link.source != link.target
            (usable if ok else self.dropped).append(link)
        built = self._build(usable)
        if built is None:  # inconsistent: keep the links that agree with earlier ones
            usable, contradicting = _consistent_links(usable)
            self.dropped += contradicting
            built = self._build(usable)
            assert built is not None
        self.links: list[Link] = usable
        self._uf, self._cls, self._succ, self._after = built

    @staticmethod
    def _build(links: Sequence[Link]):  # type: ignore[no-untyped-def]
        """Union-find, point -> class, class successors and class reachability;
        None when the links are inconsistent."""
        uf = _UnionFind()
        strict: list[tuple[Point, Point]] = []
        entities: dict[Entity, None] = {}
        for link in links:
            entities[link.source] = entities[link.target] = None
            for op, p, q in facts(link):
                if op == "=":
                    uf.union(p, q)
                else:
                    strict.append((p, q))
        strict += [((e, 0), (e, 1)) for e in entities]
        cls: dict[Point, int] = {}
        index: dict[Point, int] = {}  # class root -> class number
        for e in entities:
            for end in (0, 1):
                cls[(e, end)] = index.setdefault(uf.find((e, end)), len(index))
        n = len(index)
        succ: list[set[int]] = [set() for _ in range(n)]
        indegree = [0] * n
        for p, q in strict:
            a, b = cls[p], cls[q]
            if a == b:
                return None
            if b not in succ[a]:
                succ[a].add(b)
                indegree[b] += 1
        order = [c for c in range(n) if not indegree[c]]
        for c in order:  # Kahn: order grows while it is read
            for d in succ[c]:
                indegree[d] -= 1
                if not indegree[d]:
                    order.append(d)
        if len(order) < n:  # a cycle of "<"
            return None
        after = [0] * n  # bit d of after[c]: class d is strictly after class c
        for c in reversed(order):
            bits = 0
            for d in succ[c]:
                bits |= after[d] | (1 << d)
            after[c] = bits
        return uf, cls, succ, after

    def holds(self, fact: Fact) -> bool:
        """Whether a point relation is in the closure."""
        op, p, q = fact
        a, b = self._cls.get(p), self._cls.get(q)
        if a is None or b is None:
            return False
        if op == "=":
            return a == b
        return bool(self._after[a] >> b & 1)

    def entails(self, link: Link) -> bool:
        """Whether the closure implies ``link`` (every one of its point relations)."""
        found = facts(link)
        return bool(found) and link.source != link.target and all(map(self.holds, found))

    def contradicts(self, link: Link) -> bool:
        """Whether the closure implies the negation of one of ``link``'s point
        relations (a sufficient test: facts that clash only together pass)."""
        for op, p, q in facts(link):
            if self.holds(("<", q, p)) or (
                self.holds(("=", p, q)) if op == "<" else self.holds(("<", p, q))
            ):
                return True
        return False

    def reduced(self) -> list[Link]:
        """The links left once those implied by the others are dropped (in order)."""
        cls = self._cls
        # Edges of the transitive reduction of the class DAG: (a, b) is implied
        # by a longer path iff b is after some successor of a.
        through = [0] * len(self._succ)
        for a, succ in enumerate(self._succ):
            for d in succ:
                through[a] |= self._after[d]
        own = {(cls[(e, 0)], cls[(e, 1)]) for e, end in cls if end == 0}
        uf = _UnionFind()
        providers: dict[Hashable, list[int]] = defaultdict(list)
        needed_by: list[list[Hashable]] = []
        needed_eq: set[frozenset[Point]] = set()
        for i, link in enumerate(self.links):
            mine: list[Hashable] = []
            for op, p, q in facts(link):
                if op == "=":
                    key: Hashable = frozenset((p, q))
                    if key not in providers and uf.union(p, q):
                        needed_eq.add(key)
                    if key not in needed_eq:
                        continue
                else:
                    key = (cls[p], cls[q])
                    if through[key[0]] >> key[1] & 1 or key in own:
                        continue
                providers[key].append(i)
                mine.append(key)
            needed_by.append(mine)
        kept = {ids[0] for ids in providers.values()}
        for i in sorted(kept, reverse=True):
            if all(any(j != i and j in kept for j in providers[k]) for k in needed_by[i]):
                kept.discard(i)
        return [self.links[i] for i in sorted(kept)]


@dataclass
class Awareness:
    """Summed counts; ``precision``, ``recall`` and ``f1`` from them."""

    system: int = 0  # |Sys-|
    system_verified: int = 0  # |Sys- ∩ Gold+|
    gold: int = 0  # |Gold-|
    gold_verified: int = 0  # |Gold- ∩ Sys+|
    system_links: int = 0  # links before reduction
    gold_links: int = 0
    system_dropped: int = 0  # unusable or inconsistent links
    gold_dropped: int = 0
    documents: int = 0
    # ("system" | "gold", kind, "verified" | "contradicted" | "undecided") -> reduced
    # links, each judged by the other side's closure; kind from ``awareness(kind=...)``.
    outcomes: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    def add(self, other: Awareness) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.system_verified / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.gold_verified / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def awareness(
    system: Iterable[Link], gold: Iterable[Link], kind: Callable[[Link], str] | None = None
) -> Awareness:
    """Temporal awareness of one document's system links against its gold links
    (both over the same entity names: align first). ``kind`` names a link's
    kind for ``Awareness.outcomes`` (default: "all")."""
    system, gold = list(system), list(gold)
    sys_closure, gold_closure = Closure(system), Closure(gold)
    sys_reduced, gold_reduced = sys_closure.reduced(), gold_closure.reduced()
    outcomes: Counter[tuple[str, str, str]] = Counter()
    verified = {"system": 0, "gold": 0}
    for side, links, other in (
        ("system", sys_reduced, gold_closure),
        ("gold", gold_reduced, sys_closure),
    ):
        for link in links:
            if other.entails(link):
                outcome = "verified"
                verified[side] += 1
            else:
                outcome = "contradicted" if other.contradicts(link) else "undecided"
            outcomes[(side, kind(link) if kind else "all", outcome)] += 1
    return Awareness(
        system=len(sys_reduced),
        system_verified=verified["system"],
        gold=len(gold_reduced),
        gold_verified=verified["gold"],
        system_links=len(system),
        gold_links=len(gold),
        system_dropped=len(sys_closure.dropped),
        gold_dropped=len(gold_closure.dropped),
        documents=1,
        outcomes=outcomes,
    )


# --------------------------------------------------------------------------- TimeML documents


def _key(kind: str, ident: str) -> Entity:
    return ("ei" if kind == "event" else "t", ident)


def document_links(doc: LinkedDocument) -> list[Link]:
    """A document's TLINKs over entity names ("ei", eiid) and ("t", tid)."""
    return [
        Link(_key(t.source_kind, t.source), t.rel, _key(t.target_kind, t.target))
        for t in doc.tlinks
    ]


class Alignment(NamedTuple):
    names: dict[Entity, Entity]  # system entity -> gold entity
    events: int  # system event instances aligned
    times: int  # system TIMEX3s aligned (DCT not counted)


def align(gold: LinkedDocument, system: LinkedDocument) -> Alignment:
    """System entities named as the gold ones they match by extent.

    EVENTs and TIMEX3s are matched one-to-one by overlapping extent (as in
    tempeval.py); an aligned event instance takes the first gold instance of
    its gold EVENT; the DCT is the DCT. Unmatched system entities keep a name
    of their own ("sys", ...) so that their links count but never verify.
    """
    names: dict[Entity, Entity] = {_key("time", system.dct_tid): _key("time", gold.dct_tid)}
    first_instance: dict[str, str] = {}
    for eiid, eid in gold.instances.items():
        first_instance.setdefault(eid, eiid)
    pairs = match(gold.events, system.events)  # type: ignore[arg-type]
    event_of = {system.events[s].eid: gold.events[g].eid for g, s in pairs}
    events = 0
    for eiid, eid in system.instances.items():
        gold_eiid = first_instance.get(event_of.get(eid, ""))
        if gold_eiid is not None:
            names[_key("event", eiid)] = _key("event", gold_eiid)
            events += 1
    gold_times = [t for t in gold.times.values() if t.end > t.start and not t.is_dct]
    sys_times = [t for t in system.times.values() if t.end > t.start and not t.is_dct]
    time_pairs = match(gold_times, sys_times)  # type: ignore[arg-type]
    for g, s in time_pairs:
        names[_key("time", sys_times[s].tid)] = _key("time", gold_times[g].tid)
    return Alignment(names, events, len(time_pairs))


def entity_kind(entity: Entity, dct: Entity) -> str:
    """The kind of a (gold) entity name: "DCT", "event", "time" or "unaligned"."""
    if entity == dct:
        return "DCT"
    if entity[0] == "sys":  # type: ignore[index]
        return "unaligned"
    return "event" if entity[0] == "ei" else "time"  # type: ignore[index]


def link_kind(link: Link, dct: Entity) -> str:
    """The kinds of a link's two entities, in a fixed order: "event-DCT", "event-event"..."""
    order = ("event", "time", "DCT", "unaligned")
    a, b = sorted((entity_kind(link.source, dct), entity_kind(link.target, dct)), key=order.index)
    return f"{a}-{b}"


def dct_name(doc: LinkedDocument) -> Entity:
    """The name of a gold document's DCT (as in ``document_links``)."""
    return _key("time", doc.dct_tid)


def renamed(links: Iterable[Link], names: dict[Entity, Entity]) -> list[Link]:
    """Links over gold names; an entity without one becomes ("sys", entity)."""

    def name(e: Entity) -> Entity:
        return names.get(e, ("sys", e))

    return [Link(name(a), rel, name(b)) for a, rel, b in links]


# The tense-only baseline: each event to the DCT by its TimeML tense.
TENSE_DCT = {"PAST": "BEFORE", "PRESENT": "INCLUDES", "FUTURE": "AFTER"}


def tense_links(system: LinkedDocument, tenses: dict[str, str]) -> list[Link]:
    """``event rel DCT`` for every system event instance whose TimeML tense
    (``tenses``: eid -> tense) is in ``TENSE_DCT``."""
    dct = _key("time", system.dct_tid)
    out = []
    for eiid, eid in system.instances.items():
        rel = TENSE_DCT.get(tenses.get(eid, ""))
        if rel:
            out.append(Link(_key("event", eiid), rel, dct))
    return out
