"""The Neo4j writer's pure parts: rows from a graph, Cypher from schema names, settings."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.neo4j_store import (
    _merge_nodes_query,
    _merge_relationships_query,
    node_rows,
    relationship_rows,
)
from presskg.config import DEFAULT_NEO4J_URI, Neo4jSettings
from presskg.errors import InputError


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("t", key="t", labels=["Transcript"], title="x", publisher=None)
    g.add_node("t#1", key="t#1", labels=["Utterance"], seq=1, is_question=True)
    g.add_node("P:a", key="P:a", labels=["Product"], name="a", aliases=("b", "c"))
    g.add_edge("t#1", "t", key="IN_TRANSCRIPT", type="IN_TRANSCRIPT")
    g.add_edge("t#1", "P:a", key="MENTIONS", type="MENTIONS", count=1, spans=[0, 1], x=None)
    return g


def test_node_rows_group_by_label_and_drop_none() -> None:
    rows = node_rows(_graph())
    assert rows["Transcript"] == [{"key": "t", "props": {"title": "x"}}]
    assert rows["Product"] == [{"key": "P:a", "props": {"name": "a", "aliases": ["b", "c"]}}]


def test_relationship_rows_group_by_type_and_labels() -> None:
    rows = relationship_rows(_graph())
    assert rows[("MENTIONS", "Utterance", "Product")] == [
        {"start": "t#1", "end": "P:a", "props": {"count": 1, "spans": [0, 1]}}
    ]
    assert rows[("IN_TRANSCRIPT", "Utterance", "Transcript")][0]["props"] == {}


@pytest.mark.parametrize("value", [{"a": 1}, [[0, 1], [2, 3]], [object()]])
def test_unstorable_values_are_refused_with_the_node_named(value: object) -> None:
    g = nx.MultiDiGraph()
    g.add_node("n", key="n", labels=["Place"], name="x", odd=value)
    with pytest.raises(InputError, match=r"'n' property 'odd'"):
        node_rows(g)


def test_unknown_label_and_type_are_refused() -> None:
    g = nx.MultiDiGraph()
    g.add_node("n", key="n", labels=["Robot`) DETACH DELETE n //"])
    with pytest.raises(InputError, match="unknown node label"):
        node_rows(g)
    g = _graph()
    g.add_edge("t#1", "t", key="OWNS", type="OWNS")
    with pytest.raises(InputError, match="unknown relationship type 'OWNS'"):
        relationship_rows(g)


def test_a_relationship_between_the_wrong_labels_is_refused() -> None:
    g = _graph()
    g.add_edge("t", "P:a", key="USES", type="USES")
    with pytest.raises(InputError, match="Transcript->Product; USES joins Product->Technology"):
        relationship_rows(g)


def test_queries_interpolate_only_schema_names() -> None:
    assert _merge_nodes_query("Product") == (
        "UNWIND $rows AS row MERGE (n:`Product` {key: row.key}) SET n += row.props"
    )
    assert "MERGE (a)-[r:`USES`]->(b)" in _merge_relationships_query(
        "USES", "Product", "Technology"
    )
    with pytest.raises(ValueError):
        _merge_nodes_query("Product` {key: 1}) DETACH DELETE n //")
    with pytest.raises(ValueError):
        _merge_relationships_query("USES]->() DELETE a //", "Product", "Technology")


def test_settings_from_env_with_defaults() -> None:
    s = Neo4jSettings.from_env({"NEO4J_USERNAME": "me", "NEO4J_DATABASE": ""})
    assert (s.uri, s.username, s.database) == (DEFAULT_NEO4J_URI, "me", "neo4j")
    assert "password" not in repr(s)
