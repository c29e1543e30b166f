"""Fast bulk insertion into a networkx MultiDiGraph.

A corpus graph holds hundreds of thousands of utterances and over a million
edges. networkx's generic `add_nodes_from`/`add_edges_from` spend most of that
time creating view objects and checking arguments; these functions write the
node and adjacency dicts directly, in exactly the layout `add_node` and
`add_edge(u, v, key=...)` produce (`_node`, `_succ`, `_pred`; plain dicts, the
factories of `nx.MultiDiGraph`), so every networkx algorithm and view sees an
ordinary graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

__all__ = ["Edge", "bulk_add_edges", "bulk_add_nodes"]

Edge = tuple[str, str, str, dict[str, Any]]  # start, end, key, attributes (the dict is kept)


def _check(graph: nx.MultiDiGraph) -> None:
    if not isinstance(graph, nx.MultiDiGraph) or graph.edge_key_dict_factory is not dict:
        raise TypeError("bulk insertion needs a plain networkx.MultiDiGraph")


def bulk_add_nodes(graph: nx.MultiDiGraph, nodes: Iterable[tuple[str, dict[str, Any]]]) -> None:
    """Add nodes with their attribute dicts (kept, not copied); existing nodes are updated."""
    _check(graph)
    node_attrs, succ, pred = graph._node, graph._succ, graph._pred
    for node, attrs in nodes:
        held = node_attrs.get(node)
        if held is None:
            node_attrs[node] = attrs
            succ[node] = {}
            pred[node] = {}
        else:
            held.update(attrs)
    nx._clear_cache(graph)


def bulk_add_edges(graph: nx.MultiDiGraph, edges: Iterable[Edge]) -> None:
    """Add keyed edges between existing nodes; an edge already there is updated.

    Raises KeyError when an end is not in the graph (unlike `add_edge`, which would
    create a bare node).
    """
    _check(graph)
    succ, pred = graph._succ, graph._pred
    for start, end, key, data in edges:
        if end not in succ:
            raise KeyError(end)
        keydict = succ[start].get(end)
        if keydict is None:
            succ[start][end] = pred[end][start] = {key: data}
        elif key in keydict:
            keydict[key].update(data)
        else:
            keydict[key] = data
    nx._clear_cache(graph)
