"""The graph as node-link JSON on disk: the embedded store's source of truth.

The format is networkx's `node_link_data(graph, edges="edges", name="_nx_id")`,
so any networkx program can read it. At corpus scale the file is hundreds of
megabytes, so it is encoded item by item with orjson (about three times faster
than the standard library) straight into the file, and read back into the
adjacency dicts in bulk (see `graph.bulk`) instead of edge by edge.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import orjson

from graph.bulk import Edge, bulk_add_edges, bulk_add_nodes
from presskg.errors import InputError
from presskg.memory import collector_paused

__all__ = ["load_graph_json", "save_graph_json"]

_OPTIONS = orjson.OPT_SORT_KEYS
_FLUSH_BYTES = 1 << 20


def _encode(item: dict[str, Any]) -> bytes:
    """One JSON object; integers beyond 64 bits (a figure such as 10^30) go through json."""
    try:
        return orjson.dumps(item, option=_OPTIONS)
    except orjson.JSONEncodeError:
        return json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _node_link_chunks(graph: nx.MultiDiGraph) -> Iterator[bytes]:
    """The whole document, piece by piece (memory stays at the graph, not a second copy)."""
    yield b'{"directed":true,"multigraph":true,"graph":' + _encode(graph.graph) + b',"nodes":['
    for i, (node, data) in enumerate(graph.nodes(data=True)):
        yield (b"," if i else b"") + _encode({**data, "_nx_id": node})
    yield b'],"edges":['
    for i, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
        yield (b"," if i else b"") + _encode({**data, "source": u, "target": v, "key": key})
    yield b"]}"


def save_graph_json(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write node-link JSON atomically: a temporary file, fsync, then rename over `path`."""
    fd, tmp = tempfile.mkstemp(prefix=".graph-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            pending: list[bytes] = []
            size = 0
            for chunk in _node_link_chunks(graph):
                pending.append(chunk)
                size += len(chunk)
                if size >= _FLUSH_BYTES:
                    f.write(b"".join(pending))
                    pending, size = [], 0
            f.write(b"".join(pending))
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _graph_from_node_link(data: dict[str, Any]) -> nx.MultiDiGraph:
    """What `nx.node_link_graph(data, edges="edges", name="_nx_id")` returns, built in bulk."""
    graph = nx.MultiDiGraph()
    graph.graph.update(data.get("graph") or {})
    nodes: list[tuple[str, dict[str, Any]]] = []
    for item in data["nodes"]:
        node = item.pop("_nx_id")
        nodes.append((node, item))
    bulk_add_nodes(graph, nodes)
    # Each string in the file is a new object; the edges' ends and types are pointed at one
    # copy each (the node's own key, one string per type), as in a graph built in memory.
    same_node = {node: node for node, _ in nodes}
    same_type: dict[str, str] = {}
    del nodes
    edges: list[Edge] = []
    for item in data["edges"]:
        start, end = item.pop("source"), item.pop("target")
        key = item.pop("key")
        key = same_type.setdefault(key, key)
        if item.get("type") == key:
            item["type"] = key
        edges.append((same_node.get(start, start), same_node.get(end, end), key, item))
    data.clear()
    bulk_add_edges(graph, edges)
    return graph


def load_graph_json(path: Path) -> nx.MultiDiGraph:
    """Read node-link JSON written by `save_graph_json` (or `presskg export --format json`)."""
    try:
        with collector_paused():
            data = orjson.loads(path.read_bytes())
            if not isinstance(data, dict) or not data.get("multigraph", True):
                raise ValueError("expected a node-link multigraph object")
            return _graph_from_node_link(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        raise InputError(f"{path}: not a presskg graph file ({e}); rebuild the store") from e
