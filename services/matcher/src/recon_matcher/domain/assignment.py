"""Global one-to-one assignment of card lines to targets, and when not to trust it.

Candidates split into connected components (lines and targets linked by a candidate pair); each component
is solved with a minimum-cost bipartite assignment (`linear_sum_assignment`, cost = 1 - confidence, every
line may also stay unmatched at the cost of the candidate floor), so two equal charges with two equal
receipts both match, never greedily.

An assigned pair is matched automatically only when no alternative assignment is nearly as good: the
component is re-solved with that line barred from the target (and from targets identical to it) and the
cost increase must reach the review margin. Lines whose evidence (confidence and reasons) is the same for
every target are twins, and so are such targets: any pairing of twins with twins is the same outcome, so twins
that can all be paired are matched, while twins that outnumber their targets (one receipt, two identical
charges) all go to review. Components larger than `max_exact` lines use a local test instead (the pair's
nearest rival on either side), which sends more to review but never guesses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from recon_matcher.domain.pair_scoring import Candidate

_BARRED = 1e6
SHOWN_CANDIDATES = 3


@dataclass(frozen=True)
class Thresholds:
    floor: float
    auto: float
    margin: float
    max_exact: int = 120


@dataclass
class Assignment:
    matched: dict[str, Candidate] = field(default_factory=dict)
    review: dict[str, tuple[Candidate, ...]] = field(default_factory=dict)


def _components(candidates: Iterable[Candidate]) -> list[list[Candidate]]:
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    edges = list(candidates)
    for c in edges:
        a, b = find(("L", c.line_id)), find(("T", c.target_id))
        if a != b:
            parent[a] = b
    groups: dict[tuple[str, str], list[Candidate]] = defaultdict(list)
    for c in edges:
        groups[find(("L", c.line_id))].append(c)
    return list(groups.values())


def _shown(edges: Sequence[Candidate]) -> tuple[Candidate, ...]:
    return tuple(sorted(edges, key=lambda c: (-c.confidence, c.target_id))[:SHOWN_CANDIDATES])


class _Block:
    """One component as a cost matrix with an 'unmatched' column per line."""

    def __init__(self, edges: Sequence[Candidate], t: Thresholds) -> None:
        self.rows = list(dict.fromkeys(c.line_id for c in edges))
        self.cols = list(dict.fromkeys(c.target_id for c in edges))
        ri = {r: i for i, r in enumerate(self.rows)}
        ci = {c: j for j, c in enumerate(self.cols)}
        n, m = len(self.rows), len(self.cols)
        self.m = m
        self.cost = np.full((n, m + n), _BARRED)
        self.edge: dict[tuple[int, int], Candidate] = {}
        self.by_row: dict[int, list[Candidate]] = defaultdict(list)
        for c in edges:
            i, j = ri[c.line_id], ci[c.target_id]
            if (i, j) not in self.edge or c.confidence > self.edge[i, j].confidence:
                self.edge[i, j] = c
                self.cost[i, j] = 1.0 - c.confidence
            self.by_row[i].append(c)
        self.cost[np.arange(n), m + np.arange(n)] = 1.0 - t.floor
        # Twins are judged on what the evidence says (confidence and reasons), not on cost alone: two split
        # entries scoring the same for different reasons are not interchangeable.
        cells = {(i, j): (c.confidence, c.reasons) for (i, j), c in self.edge.items()}
        self.row_class = self._classes([tuple(cells.get((i, j)) for j in range(m)) for i in range(n)])
        self.col_class = self._classes([tuple(cells.get((i, j)) for i in range(n)) for j in range(m)])

    @staticmethod
    def _classes(signatures: list[tuple[object, ...]]) -> list[int]:
        seen: dict[tuple[object, ...], int] = {}
        return [seen.setdefault(sig, len(seen)) for sig in signatures]

    def solve(self, cost: np.ndarray) -> tuple[list[int | None], float]:
        rows, cols = linear_sum_assignment(cost)
        target: list[int | None] = [None] * len(self.rows)
        for i, j in zip(rows, cols, strict=True):
            target[i] = int(j) if j < self.m else None
        return target, float(cost[rows, cols].sum())

    def col_group(self, j: int | None) -> int:
        return -1 if j is None else self.col_class[j]


def _margin(block: _Block, best: list[int | None], total: float, i: int, j: int) -> tuple[float, list[int]]:
    """Cost of the best assignment where line i's twins keep no more of j's twins than before, minus i's."""
    group = block.col_class[j]
    same_targets = [k for k in range(block.m) if block.col_class[k] == group]
    barred = [i] + [
        i2
        for i2 in range(len(block.rows))
        if i2 != i and block.row_class[i2] == block.row_class[i] and block.col_group(best[i2]) != group
    ]
    cost = block.cost.copy()
    cost[np.ix_(barred, same_targets)] = _BARRED
    alt, alt_total = block.solve(cost)
    changed = [k for k in range(len(best)) if block.col_group(alt[k]) != block.col_group(best[k])]
    return alt_total - total, changed


def _local_margin(block: _Block, i: int, j: int) -> float:
    """For very large components: the nearest competitor of the pair, on either side."""
    conf = 1.0 - block.cost[i, j]
    rivals = [1.0 - block.cost[i, k] for k in range(block.m) if block.col_class[k] != block.col_class[j]] + [
        1.0 - block.cost[k, j] for k in range(len(block.rows)) if block.row_class[k] != block.row_class[i]
    ]
    return conf - max(rivals, default=0.0)


def _solve_component(edges: Sequence[Candidate], t: Thresholds, out: Assignment) -> None:
    block = _Block(edges, t)
    best, total = block.solve(block.cost)
    flagged: set[int] = set()
    for i, j in enumerate(best):
        if j is None:
            continue
        if block.edge[i, j].confidence < t.auto:
            flagged.add(i)
            continue
        twins = [k for k in range(len(best)) if block.row_class[k] == block.row_class[i]]
        if any(best[k] is None for k in twins):
            flagged.update(twins)
            continue
        if len(block.rows) > t.max_exact:
            if _local_margin(block, i, j) < t.margin:
                flagged.add(i)
            continue
        margin, changed = _margin(block, best, total, i, j)
        if margin < t.margin:
            flagged.add(i)
            flagged.update(changed)
    for i, j in enumerate(best):
        line = block.rows[i]
        if i in flagged:
            out.review[line] = _shown(block.by_row[i])
        elif j is not None:
            out.matched[line] = block.edge[i, j]


def assign(candidates: Iterable[Candidate], thresholds: Thresholds) -> Assignment:
    """Automatic matches and lines for review (with their competing candidates, best first)."""
    out = Assignment()
    for edges in _components(candidates):
        if len(edges) == 1:
            only = edges[0]
            if only.confidence >= thresholds.auto:
                out.matched[only.line_id] = only
            else:
                out.review[only.line_id] = (only,)
            continue
        _solve_component(edges, thresholds, out)
    return out
