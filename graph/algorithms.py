"""Graph algorithms as plain functions that take the graph first."""

from __future__ import annotations

from collections import Counter

import networkx as nx

__all__ = ["graph_counts", "top_entities", "top_speakers"]


def top_entities(graph: nx.MultiDiGraph, label: str, n: int = 10) -> list[tuple[str, int]]:
    """The `n` entities of `label` mentioned most often (sum of MENTIONS counts).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("u", labels=["Utterance"])
    >>> g.add_node("p", labels=["Product"], name="融e行")
    >>> _ = g.add_edge("u", "p", key="MENTIONS", type="MENTIONS", count=2)
    >>> top_entities(g, "Product")
    [('融e行', 2)]
    """
    counts: Counter[str] = Counter()
    for _, v, key, data in graph.edges(keys=True, data=True):
        if key == "MENTIONS" and graph.nodes[v]["labels"][0] == label:
            counts[v] += int(data.get("count", 1))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], graph.nodes[kv[0]].get("name", kv[0])))
    return [(str(graph.nodes[k].get("name", k)), c) for k, c in ranked[:n]]


def top_speakers(graph: nx.MultiDiGraph, n: int = 10) -> list[tuple[str, int]]:
    """The `n` persons with the most turns."""
    counts: Counter[str] = Counter(u for u, _, key in graph.edges(keys=True) if key == "SAID")
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], graph.nodes[kv[0]].get("name", kv[0])))
    return [(str(graph.nodes[k].get("name", k)), c) for k, c in ranked[:n]]


def graph_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Node counts by label and relationship counts by type.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("t", labels=["Transcript"])
    >>> graph_counts(g)
    {'Transcript': 1}
    """
    counts: Counter[str] = Counter(d["labels"][0] for _, d in graph.nodes(data=True))
    counts.update(key for _, _, key in graph.edges(keys=True))
    return dict(counts)
