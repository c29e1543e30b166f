"""Transcripts → one networkx MultiDiGraph, exactly as the schema in DESIGN.md says.

Shape: node id = `key` property; `labels` = [label]; edges keyed and typed by
relationship type (`G.add_edge(u, v, key=TYPE, type=TYPE, **props)`), so
there is at most one edge per (start, type, end). Properties that are None
are left out (Neo4j cannot store null). Building twice from the same input
gives the same graph.

Aggregate edges (`MENTIONED`, `CO_MENTIONED`, `ASKED`) are derived from the
utterance layer by `derive_aggregates`, so merging graphs never double-counts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.bulk import Edge, bulk_add_edges, bulk_add_nodes
from graph.schema import ENTITY_LABELS
from loaders.keys import figure_key, utterance_key, utterance_order
from loaders.model import Transcript, Turn
from presskg.memory import collector_paused

__all__ = [
    "AGGREGATE_TYPES",
    "build_graph",
    "derive_aggregates",
    "label_of",
    "merge_graphs",
    "remove_transcripts",
]

AGGREGATE_TYPES = ("MENTIONED", "CO_MENTIONED", "ASKED")


def label_of(graph: nx.MultiDiGraph, node: str) -> str:
    """The single label of `node`."""
    return str(graph.nodes[node]["labels"][0])


def _props(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def _add_node(graph: nx.MultiDiGraph, key: str, label: str, **values: Any) -> None:
    """Add a node, or merge into the one already there (aliases united, blanks filled)."""
    props = _props(**values)
    if key not in graph:
        if "aliases" in props:
            props["aliases"] = sorted(a for a in set(props["aliases"]) if a != props.get("name"))
        graph.add_node(key, key=key, labels=[label], **props)
        return
    held = graph.nodes[key]
    for name, value in props.items():
        if name == "aliases":
            merged = list(held.get("aliases", []))
            merged += [a for a in value if a not in merged]
            held["aliases"] = merged
        elif held.get(name) is None:
            held[name] = value
    if "aliases" in held:
        held["aliases"] = sorted(a for a in set(held["aliases"]) if a != held.get("name"))


def _add_edge(graph: nx.MultiDiGraph, start: str, end: str, rel: str, **values: Any) -> None:
    graph.add_edge(start, end, key=rel, type=rel, **_props(**values))


def build_graph(transcripts: Iterable[Transcript]) -> nx.MultiDiGraph:
    """Build the graph of `transcripts` (pure: same input, same graph)."""
    graph = nx.MultiDiGraph()
    with collector_paused():
        for transcript in transcripts:
            _add_transcript(graph, transcript)
        derive_aggregates(graph)
    return graph


def _utterance(transcript: str, turn: Turn) -> tuple[str, dict[str, Any]]:
    """The key and properties of the Utterance node of `turn`."""
    key = utterance_key(transcript, turn.seq)
    attrs: dict[str, Any] = {
        "key": key,
        "labels": ["Utterance"],
        "transcript": transcript,
        "seq": turn.seq,
        "text": turn.text,
        "is_question": turn.is_question,
        "span_start": turn.start,
        "span_end": turn.end,
    }
    for name in ("time", "speaker", "role"):
        value = getattr(turn, name)
        if value is not None:
            attrs[name] = value
    return key, attrs


def _add_transcript(graph: nx.MultiDiGraph, t: Transcript) -> None:
    _add_node(
        graph,
        t.key,
        "Transcript",
        title=t.title,
        date=t.date,
        source=t.source,
        sha256=t.sha256,
        format=t.format,
        publisher=t.publisher,
    )
    for entity in t.entities.values():
        if entity.label not in ENTITY_LABELS:
            continue
        extra: dict[str, Any] = {}
        if entity.label == "Organization":
            extra["kind"] = entity.kind or "other"
        if entity.label == "Person":
            extra["role"] = entity.role
            extra["anonymous"] = entity.anonymous
        _add_node(
            graph, entity.key, entity.label, name=entity.name, aliases=list(entity.aliases), **extra
        )
    for speaker in t.speakers.values():
        _add_node(
            graph,
            speaker.person,
            "Person",
            name=speaker.name,
            role=speaker.role,
            anonymous=speaker.anonymous,
            aliases=[],
        )
    for aff in t.affiliations:
        if aff.person in graph and aff.organization in graph:
            _add_edge(
                graph,
                aff.person,
                aff.organization,
                "AFFILIATED_WITH",
                title=aff.title,
                department=aff.department,
            )

    # The utterance layer is most of the graph: nodes and edges are added in bulk.
    nodes: list[tuple[str, dict[str, Any]]] = []
    edges: list[Edge] = []
    previous: str | None = None
    opening = t.opening if t.opening is not None else t.preamble
    turns_named = {m.turn for m in t.mentions} | {f.turn for f in t.figures}
    if opening is not None and 0 in turns_named:
        # the title and the lines before the first turn name things and state figures too:
        # utterance 0, said by no one
        ukey, attrs = _utterance(t.key, opening)
        nodes.append((ukey, attrs))
        edges.append((ukey, t.key, "IN_TRANSCRIPT", {"type": "IN_TRANSCRIPT"}))
    for turn in t.turns:
        ukey, attrs = _utterance(t.key, turn)
        nodes.append((ukey, attrs))
        edges.append((ukey, t.key, "IN_TRANSCRIPT", {"type": "IN_TRANSCRIPT"}))
        if previous is not None:
            edges.append((previous, ukey, "NEXT", {"type": "NEXT"}))
        previous = ukey
        if turn.person and turn.person in graph:
            edges.append((turn.person, ukey, "SAID", {"type": "SAID"}))
        if turn.answers is not None:
            answered = utterance_key(t.key, turn.answers)
            edges.append((ukey, answered, "ANSWERS", {"type": "ANSWERS"}))
    bulk_add_nodes(graph, nodes)
    bulk_add_edges(graph, (e for e in edges if e[1] in graph))

    spans: dict[tuple[str, str], list[int]] = defaultdict(list)
    for mention in sorted(t.mentions, key=lambda m: (m.turn, m.start)):
        if mention.entity in graph:
            spans[(utterance_key(t.key, mention.turn), mention.entity)] += [
                mention.start,
                mention.end,
            ]
    bulk_add_edges(
        graph,
        (
            (ukey, target, "MENTIONS", {"type": "MENTIONS", "count": len(flat) // 2, "spans": flat})
            for (ukey, target), flat in sorted(spans.items())
        ),
    )

    for rel in t.relations:
        if rel.source not in graph or rel.target not in graph:
            continue
        evidence = [utterance_key(t.key, seq) for seq in rel.evidence]
        existing = graph.get_edge_data(rel.source, rel.target, rel.type)
        if existing:
            evidence = sorted(set(existing.get("evidence", [])) | set(evidence))
        _add_edge(graph, rel.source, rel.target, rel.type, evidence=sorted(evidence))

    for fig in t.figures:
        fkey = figure_key(t.key, fig.turn, fig.start)
        _add_node(
            graph,
            fkey,
            "Figure",
            text=fig.text,
            value=fig.value,
            unit=fig.unit,
            approx=fig.approx,
            metric=fig.metric,
            transcript=t.key,
        )
        _add_edge(graph, utterance_key(t.key, fig.turn), fkey, "STATES")
        if fig.about and fig.about in graph:
            _add_edge(graph, fkey, fig.about, "ABOUT")


def derive_aggregates(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """(Re)compute MENTIONED, CO_MENTIONED and ASKED from the utterance layer, in place."""
    stale: list[tuple[str, str, str]] = []
    speaker_of: dict[str, str] = {}
    by_utterance: dict[str, list[tuple[str, int]]] = defaultdict(list)
    answers: list[tuple[str, str]] = []
    # One pass over the adjacency dicts (the views cost more than the work at corpus scale).
    for u, neighbours in graph._succ.items():
        for v, keydict in neighbours.items():
            for k, data in keydict.items():
                if k == "SAID":
                    speaker_of[v] = u
                elif k == "MENTIONS":
                    by_utterance[u].append((v, int(data.get("count", 1))))
                elif k == "ANSWERS":
                    answers.append((u, v))
                elif k in AGGREGATE_TYPES:
                    stale.append((u, v, k))
    graph.remove_edges_from(stale)

    mentioned: Counter[tuple[str, str]] = Counter()
    co_mentioned: Counter[tuple[str, str]] = Counter()
    for utterance, mentions in by_utterance.items():
        person = speaker_of.get(utterance)
        if person is not None:
            for entity, count in mentions:
                if entity != person:
                    mentioned[(person, entity)] += count
        ordered = sorted({entity for entity, _ in mentions})
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                co_mentioned[(a, b)] += 1

    asked: dict[tuple[str, str], set[str]] = defaultdict(set)
    for answer, question in answers:
        asker, answerer = speaker_of.get(question), speaker_of.get(answer)
        if asker and answerer and asker != answerer:
            asked[(asker, answerer)].add(question)

    edges: list[Edge] = []
    for (person, entity), count in sorted(mentioned.items()):
        edges.append((person, entity, "MENTIONED", {"type": "MENTIONED", "count": count}))
    for (a, b), weight in sorted(co_mentioned.items()):
        edges.append((a, b, "CO_MENTIONED", {"type": "CO_MENTIONED", "weight": weight}))
    for (asker, answerer), questions in sorted(asked.items()):
        ordered_q = sorted(questions, key=utterance_order)
        props = {"type": "ASKED", "count": len(ordered_q), "questions": ordered_q}
        edges.append((asker, answerer, "ASKED", props))
    bulk_add_edges(graph, edges)
    return graph


def remove_transcripts(graph: nx.MultiDiGraph, keys: Iterable[str]) -> nx.MultiDiGraph:
    """Remove what belongs to transcripts `keys` only: their utterances, figures and evidence.

    Shared entities and persons stay; entities no longer reached by anything are dropped.
    """
    keys = set(keys)
    if not keys:
        return graph
    graph.remove_edges_from(
        [(u, v, k) for u, v, k in graph.edges(keys=True) if k in AGGREGATE_TYPES]
    )
    doomed = [
        n
        for n, d in graph.nodes(data=True)
        if n in keys or (d["labels"][0] in ("Utterance", "Figure") and d.get("transcript") in keys)
    ]
    graph.remove_nodes_from(doomed)
    prefixes = tuple(f"{k}#" for k in keys)
    for u, v, k, data in list(graph.edges(keys=True, data=True)):
        if "evidence" in data:
            kept = [e for e in data["evidence"] if not e.startswith(prefixes)]
            if kept:
                data["evidence"] = kept
            else:
                graph.remove_edge(u, v, k)
    scoped = tuple(f"Person:{k}:" for k in keys)
    graph.remove_nodes_from([n for n in graph if n.startswith(scoped)])
    orphans = [
        n
        for n, d in graph.nodes(data=True)
        if d["labels"][0] in ENTITY_LABELS and graph.degree(n) == 0
    ]
    graph.remove_nodes_from(orphans)
    return derive_aggregates(graph)


def merge_graphs(base: nx.MultiDiGraph, new: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Merge `new` into `base` by key; transcripts in `new` replace their older versions."""
    if base.number_of_nodes() == 0:
        return new
    replaced = [n for n, d in new.nodes(data=True) if d["labels"][0] == "Transcript" and n in base]
    remove_transcripts(base, replaced)
    for node, data in new.nodes(data=True):
        props = {k: v for k, v in data.items() if k not in ("key", "labels")}
        _add_node(base, node, data["labels"][0], **props)
        if data["labels"][0] in ("Transcript", "Utterance", "Figure"):
            base.nodes[node].update(props)
    for u, v, k, data in new.edges(keys=True, data=True):
        if k in AGGREGATE_TYPES:
            continue
        held = base.get_edge_data(u, v, k)
        if held and "evidence" in data:
            merged = sorted(set(held.get("evidence", [])) | set(data["evidence"]))
            held.update(data)
            held["evidence"] = merged
        elif held:
            held.update(data)
        else:
            base.add_edge(u, v, key=k, **data)
    return derive_aggregates(base)
