"""The store interface both stores implement: write a graph, read it back, run Cypher."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import networkx as nx

__all__ = ["QueryResult", "Store"]


@dataclass
class QueryResult:
    """Rows of a query, as plain Python values, with the column names in order."""

    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class Store(Protocol):
    """A place a graph lives. `write` merges by `key` and is idempotent."""

    def write(self, graph: nx.MultiDiGraph) -> None:
        """Merge `graph` into the store (nodes by key; edges by start key, type, end key)."""

    def read(self) -> nx.MultiDiGraph:
        """The whole stored graph as networkx, in the shape `graph.build` produces."""

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        """Run Cypher with parameters; read-only unless `write` is true."""

    def counts(self) -> dict[str, int]:
        """Node counts by label and relationship counts by type."""

    def close(self) -> None:
        """Release connections and locks."""
