"""The ICBC example in Neo4j and in the embedded store: same graph, same counts, same rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.neo4j_store import Neo4jStore
from presskg.api import PressKG
from queries.catalog import all_queries
from tests.e2e.neo4j_fixtures import neo4j_server, neo4j_store
from tests.e2e.test_neo4j_store import same_graph

__all__ = ["neo4j_server", "neo4j_store"]  # fixtures used by name below

pytestmark = pytest.mark.neo4j

ICBC = Path(__file__).resolve().parents[2] / "examples" / "icbc-2018-04-26-press-conference.txt"


@pytest.fixture(scope="module")
def both(
    neo4j_server: Neo4jStore, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[PressKG, PressKG]]:
    """The example built into the embedded store once and into Neo4j twice."""
    neo4j_server.clear()
    embedded = PressKG(tmp_path_factory.mktemp("embedded") / "store")
    embedded.build([ICBC], workers=1)
    remote = PressKG(neo4j=True)
    remote.build([ICBC], workers=1)
    first_builds.append(remote.to_networkx())
    neo4j_server.run("MATCH (t:Transcript) REMOVE t.sha256", write=True)  # force a rebuild
    remote.build([ICBC], workers=1)
    with embedded, remote:
        yield embedded, remote
    neo4j_server.clear()


first_builds: list[nx.MultiDiGraph] = []


def test_building_twice_gives_the_embedded_counts(both: tuple[PressKG, PressKG]) -> None:
    embedded, remote = both
    counts = remote.counts()
    assert counts == embedded.counts()
    assert counts["Utterance"] > 0 and counts["MENTIONS"] > 0


def test_neo4j_reads_back_the_embedded_graph(both: tuple[PressKG, PressKG]) -> None:
    embedded, _ = both
    same_graph(first_builds[-1], embedded.to_networkx())


def _without_alias_order(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    graph = graph.copy()
    for _, data in graph.nodes(data=True):
        if "aliases" in data:
            data["aliases"] = sorted(data["aliases"])
    return graph


def test_a_rebuild_leaves_the_same_graph(both: tuple[PressKG, PressKG]) -> None:
    """Re-building replaces the transcript; merging may reorder aliases, nothing else."""
    embedded, remote = both
    same_graph(
        _without_alias_order(remote.to_networkx()), _without_alias_order(embedded.to_networkx())
    )


def _canonical(rows: list[list[Any]]) -> list[str]:
    return sorted(repr(row) for row in rows)


@pytest.mark.parametrize("name", sorted(all_queries()))
def test_named_query_gives_the_same_rows(both: tuple[PressKG, PressKG], name: str) -> None:
    embedded, remote = both
    expected = embedded.named(name)
    got = remote.named(name)
    assert got.columns == expected.columns
    assert _canonical(got.rows) == _canonical(expected.rows)
