"""Export the graph for other tools: node-link JSON, GraphML/GEXF (Gephi), CSV (neo4j-admin).

GraphML and GEXF hold only scalar attributes, so lists are written as JSON
text there; GEXF also cannot keep parallel edges. Node-link JSON is the
lossless format (the embedded store's own `graph.json`).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from graph.embedded import save_graph_json
from graph.schema import NODE_PROPERTIES, REL_TYPES

__all__ = ["EXPORT_FORMATS", "export_graph"]

EXPORT_FORMATS = ("json", "graphml", "gexf", "csv")


def _scalar_graph(graph: nx.MultiDiGraph, *, multi: bool) -> nx.Graph:
    """A copy with list values as JSON text and `labels` as the single label."""
    flat: nx.Graph = nx.MultiDiGraph() if multi else nx.DiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _scalar(k, v) for k, v in data.items()})
    for u, v, k, data in graph.edges(keys=True, data=True):
        attrs = {name: _scalar(name, value) for name, value in data.items()}
        if multi:
            flat.add_edge(u, v, key=k, **attrs)
        else:
            flat.add_edge(u, v, **attrs)
    return flat


def _scalar(name: str, value: Any) -> Any:
    if name == "labels":
        return value[0]
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _neo4j_type(kind: str) -> str:
    base = {"STRING": "string", "INT64": "long", "DOUBLE": "double", "BOOLEAN": "boolean"}
    if kind.endswith("[]"):
        return base[kind[:-2]] + "[]"
    return base[kind]


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _write_csv(graph: nx.MultiDiGraph, folder: Path) -> None:
    """One file per label and per relationship type, with neo4j-admin import headers."""
    folder.mkdir(parents=True, exist_ok=True)
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for _, data in graph.nodes(data=True):
        by_label[data["labels"][0]].append(data)
    for label, rows in sorted(by_label.items()):
        props = NODE_PROPERTIES[label]
        header = [
            f"{n}:ID({label})" if n == "key" else f"{n}:{_neo4j_type(k)}" for n, k in props.items()
        ]
        with open(folder / f"nodes_{label}.csv", "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow([*header, ":LABEL"])
            for row in rows:
                writer.writerow([*(_csv_value(row.get(n)) for n in props), label])
    by_type: dict[tuple[str, str, str], list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
    for u, v, key, data in graph.edges(keys=True, data=True):
        start, end = graph.nodes[u]["labels"][0], graph.nodes[v]["labels"][0]
        by_type[(key, start, end)].append((u, v, data))
    for (rel, start, end), edges in sorted(by_type.items()):
        rel_props = dict(REL_TYPES[rel].properties)
        header = [f":START_ID({start})", f":END_ID({end})"]
        header += [f"{n}:{_neo4j_type(k)}" for n, k in rel_props.items()]
        path = folder / f"rels_{rel}_{start}_{end}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow([*header, ":TYPE"])
            for u, v, data in edges:
                writer.writerow([u, v, *(_csv_value(data.get(n)) for n in rel_props), rel])


def export_graph(graph: nx.MultiDiGraph, fmt: str, out: Path) -> Path:
    """Write `graph` in `fmt` to `out` (a file; a folder for csv); return what was written."""
    if fmt == "json":
        out.parent.mkdir(parents=True, exist_ok=True)
        save_graph_json(graph, out)
    elif fmt == "graphml":
        out.parent.mkdir(parents=True, exist_ok=True)
        nx.write_graphml(_scalar_graph(graph, multi=True), out, encoding="utf-8")
    elif fmt == "gexf":
        out.parent.mkdir(parents=True, exist_ok=True)
        nx.write_gexf(_scalar_graph(graph, multi=False), out, encoding="utf-8")
    elif fmt == "csv":
        _write_csv(graph, out)
    else:
        raise ValueError(f"unknown export format {fmt!r}; choose {', '.join(EXPORT_FORMATS)}")
    return out
