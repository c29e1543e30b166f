"""Which part of the graph a page shows: views, focus, filters and aggregation.

`select_view` is pure: it reads the graph and returns a `Selection` (a new
graph plus what was left out and why); it never mutates its input. The page
stays readable because a selection never holds more than `max_nodes` nodes:
above that, utterances are collapsed into weighted speaker→entity edges and
only the top entities are kept, and the selection says so in `notices`.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import networkx as nx

from graph.build import derive_aggregates
from graph.schema import ENTITY_LABELS, NODE_LABELS
from loaders.normalize import variant_key
from presskg.errors import InputError, UsageError

__all__ = [
    "DEFAULT_MAX_NODES",
    "EDGES_PER_NODE",
    "VIEWS",
    "GraphIndex",
    "Selection",
    "edge_weight",
    "find_nodes",
    "layer_nodes",
    "mention_counts",
    "name_of",
    "scope_to_transcript",
    "select_view",
    "transcript_membership",
]

VIEWS: tuple[str, ...] = ("all", "products", "speakers")
DEFAULT_MAX_NODES = 1500
#: The share of an aggregated view kept for people when there are more entities than fit.
PERSON_SHARE = 0.35
#: At most this many edges per node allowed on a page: edges cost layout time and file size.
EDGES_PER_NODE = 3

#: Labels and relationship types each view shows (None: all of them).
_VIEW_LABELS: dict[str, frozenset[str] | None] = {
    "all": None,
    "products": frozenset({"Product", "Technology", "Organization"}),
    "speakers": frozenset(ENTITY_LABELS),
}
_VIEW_TYPES: dict[str, frozenset[str] | None] = {
    "all": None,
    "products": frozenset({"PART_OF", "USES", "OFFERS", "PARTNERS_WITH", "CO_MENTIONED"}),
    "speakers": frozenset({"MENTIONED", "ASKED", "AFFILIATED_WITH"}),
}
#: The utterance layer: what the aggregated view collapses.
_LAYER = frozenset({"Utterance", "Transcript", "Figure"})
#: Edges that carry a weight the aggregated view may drop when there are too many.
_PRUNABLE = frozenset({"CO_MENTIONED", "MENTIONED", "MENTIONS"})
_TYPED = frozenset({"PART_OF", "USES", "OFFERS", "PARTNERS_WITH"})


@dataclass
class Selection:
    """What a page shows: `graph` (a new graph), and how it was chosen."""

    graph: nx.MultiDiGraph
    source: nx.MultiDiGraph  # the graph counts and tooltips are taken from
    view: str
    seeds: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    total_nodes: int = 0  # nodes the view held before aggregation
    aggregated: bool = False
    index: GraphIndex | None = None  # of `source`


def _induced(
    graph: nx.MultiDiGraph,
    nodes: Iterable[str],
    keep: Callable[[str, dict], bool] | None = None,
) -> nx.MultiDiGraph:
    """A new graph of `nodes` and the edges between them (those `keep(type, data)` accepts).

    Walks the kept nodes' adjacency: much faster than copying a subgraph view.
    """
    chosen = set(nodes)
    out = nx.MultiDiGraph()
    out.add_nodes_from((n, graph.nodes[n]) for n in graph if n in chosen)
    out.add_edges_from(
        (u, v, k, data)
        for u in out
        for v, by_key in graph.adj[u].items()
        if v in chosen
        for k, data in by_key.items()
        if keep is None or keep(k, data)
    )
    return out


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    labels = graph.nodes[node].get("labels") or ["Node"]
    return str(labels[0])


def name_of(graph: nx.MultiDiGraph, node: str) -> str:
    """The display name of `node`: its name, text or title, else its key."""
    data = graph.nodes[node]
    for prop in ("name", "text", "title"):
        value = data.get(prop)
        if value:
            return str(value)
    return str(node)


def edge_weight(rel: str, data: dict) -> int | None:
    """The weight of an edge (count, weight, or number of evidence turns); None if unweighted."""
    if "weight" in data:
        return int(data["weight"])
    if "count" in data:
        return int(data["count"])
    if rel in _TYPED:
        return max(1, len(data.get("evidence", [])))
    return None


def _edges(graph: nx.MultiDiGraph) -> Iterator[tuple[str, str, str, dict]]:
    """Every edge as (start, end, type, data): the raw adjacency, faster than `edges()`."""
    for u, nbrs in graph.adjacency():
        for v, by_key in nbrs.items():
            for k, data in by_key.items():
                yield u, v, k, data


def mention_counts(graph: nx.MultiDiGraph) -> Counter[str]:
    """Times each node is mentioned in the text (sum of its incoming MENTIONS counts)."""
    return GraphIndex.of(graph).mentions


@dataclass
class GraphIndex:
    """What views and tooltips need about every node, read in one pass over the graph."""

    label: dict[str, str]
    mentions: Counter[str]  # times mentioned in the text
    turns: Counter[str]  # turns that mention it
    said: Counter[str]  # turns a person spoke
    speaker_of: dict[str, str]  # utterance → person
    transcript_of: dict[str, str]  # utterance → transcript key

    @classmethod
    def of(cls, graph: nx.MultiDiGraph) -> GraphIndex:
        label = {n: str((labels or ["Node"])[0]) for n, labels in graph.nodes(data="labels")}
        transcript_of = {
            n: str(t) for n, t in graph.nodes(data="transcript") if t and label[n] == "Utterance"
        }
        mentions: Counter[str] = Counter()
        turns: Counter[str] = Counter()
        said: Counter[str] = Counter()
        speaker_of: dict[str, str] = {}
        for u, v, k, data in _edges(graph):
            if k == "MENTIONS":
                mentions[v] += int(data.get("count", 1))
                turns[v] += 1
            elif k == "SAID":
                said[u] += 1
                speaker_of[v] = u
        return cls(label, mentions, turns, said, speaker_of, transcript_of)


def _search_key(text: str) -> str:
    return variant_key(unicodedata.normalize("NFKC", text))


def find_nodes(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes whose key, name or any alias matches `name` (normalised: NFKC, simplified, case).

    Utterances are never matched: their text is not a name.
    """
    wanted = _search_key(name)
    found = []
    for node, data in graph.nodes(data=True):
        if (data.get("labels") or [""])[0] == "Utterance":
            continue
        names = [node, data.get("name"), data.get("text"), *(data.get("aliases") or [])]
        if any(n and _search_key(str(n)) == wanted for n in names):
            found.append(node)
    return sorted(found)


def _suggest(graph: nx.MultiDiGraph, name: str) -> str:
    names = sorted(
        {
            str(data["name"])
            for _n, data in graph.nodes(data=True)
            if data.get("name") and data.get("labels", [""])[0] != "Utterance"
        }
    )
    wanted = _search_key(name)
    close = [n for n in names if wanted and wanted in _search_key(n)][:5]
    close += [n for n in difflib.get_close_matches(name, names, n=5) if n not in close]
    return f"; did you mean {', '.join(close[:5])}?" if close else ""


def _check_args(
    view: str, depth: int, types: Iterable[str] | None, min_weight: int, max_nodes: int
) -> frozenset[str] | None:
    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    if depth < 0:
        raise UsageError(f"--depth must be 0 or more, not {depth}")
    if min_weight < 0:
        raise UsageError(f"--min-weight must be 0 or more, not {min_weight}")
    if max_nodes < 1:
        raise UsageError(f"max_nodes must be at least 1, not {max_nodes}")
    if types is None:
        return None
    if isinstance(types, str):
        types = types.split(",")
    wanted = frozenset(t.strip() for t in types if t.strip())
    unknown = sorted(wanted - set(NODE_LABELS))
    if unknown:
        raise UsageError(
            f"unknown type {', '.join(unknown)} in --types; known: {', '.join(NODE_LABELS)}"
        )
    return wanted or None


def scope_to_transcript(graph: nx.MultiDiGraph, key: str) -> nx.MultiDiGraph:
    """A new graph of what transcript `key` says, with aggregates counted in it alone."""
    if key not in graph or _label(graph, key) != "Transcript":
        known = sorted(n for n in graph if _label(graph, n) == "Transcript")
        close = difflib.get_close_matches(key, known, n=5) or known[:5]
        hint = f"; known transcripts include {', '.join(close)}" if close else ""
        raise InputError(f"no transcript with key {key!r} in the graph{hint}")
    keep = {key}
    for node, data in graph.nodes(data=True):
        if _label(graph, node) in ("Utterance", "Figure") and data.get("transcript") == key:
            keep.add(node)
    layer = set(keep)
    for node in layer:
        for _u, v, k in graph.out_edges(node, keys=True):
            if k in ("MENTIONS", "ABOUT"):
                keep.add(v)
        for u, _v, k in graph.in_edges(node, keys=True):
            if k == "SAID":
                keep.add(u)
    for node in list(keep):
        for _u, v, k in graph.out_edges(node, keys=True):
            if k == "AFFILIATED_WITH":
                keep.add(v)
    scoped = nx.MultiDiGraph()  # a new graph: derive_aggregates writes to it
    for node in keep:
        scoped.add_node(node, **dict(graph.nodes[node]))
    prefix = f"{key}#"
    for u, v, k, data in _induced(graph, keep).edges(keys=True, data=True):
        attrs = dict(data)
        if "evidence" in attrs:
            attrs["evidence"] = [e for e in attrs["evidence"] if str(e).startswith(prefix)]
            if not attrs["evidence"]:
                continue
        scoped.add_edge(u, v, key=k, **attrs)
    return derive_aggregates(scoped)


class _EdgeFilter:
    """Which edges a view keeps: by relationship type, then by weight."""

    def __init__(self, rels: frozenset[str] | None, min_weight: int) -> None:
        self.rels = rels
        self.min_weight = min_weight

    def in_view(self, rel: str) -> bool:
        return self.rels is None or rel in self.rels

    def heavy(self, rel: str, data: dict) -> bool:
        if self.min_weight <= 1:
            return True
        weight = edge_weight(rel, data)
        return weight is None or weight >= self.min_weight

    def __call__(self, rel: str, data: dict) -> bool:
        return self.in_view(rel) and self.heavy(rel, data)


def _view_nodes(
    graph: nx.MultiDiGraph,
    index: GraphIndex,
    view: str,
    types: frozenset[str] | None,
    keep: _EdgeFilter,
    seeds: set[str],
) -> tuple[set[str], Counter[str], int]:
    """The view's nodes, their degree in it, and how many edges `min_weight` dropped.

    Nodes whose only edges were too light are dropped; in the products and
    speakers views so are nodes with no edge at all, unless mentioned in the
    text (products) or a speaker (speakers).
    """
    labels = _VIEW_LABELS[view]
    if types is not None:
        labels = types if labels is None else labels & types
    label = index.label
    nodes = {n for n in graph if labels is None or label[n] in labels}
    had: Counter[str] = Counter()
    degree: Counter[str] = Counter()
    light = 0
    for u, v, k, data in _edges(graph):
        if u not in nodes or v not in nodes or not keep.in_view(k):
            continue
        had[u] += 1
        had[v] += 1
        if keep.heavy(k, data):
            degree[u] += 1
            degree[v] += 1
        else:
            light += 1
    lonely = {n for n in had if degree[n] == 0}
    if view == "products":
        lonely |= {n for n in nodes if not had[n] and index.mentions[n] == 0}
    elif view == "speakers":
        lonely |= {n for n in nodes if not had[n] and index.said[n] == 0}
    return nodes - (lonely - seeds), degree, light


def _ego(
    graph: nx.MultiDiGraph,
    label: dict[str, str],
    nodes: set[str],
    keep: _EdgeFilter,
    seeds: list[str],
    depth: int,
) -> set[str]:
    """Nodes of `nodes` within `depth` hops of `seeds` over kept edges, ignoring direction.

    Transcripts are reached but not passed through, and NEXT is not followed:
    otherwise two hops from anything would be the whole transcript.
    """
    seen = {s: 0 for s in seeds}
    queue = deque(seeds)
    while queue:
        node = queue.popleft()
        hops = seen[node]
        if hops >= depth or (label[node] == "Transcript" and node not in seeds):
            continue
        for adjacency in (graph.succ[node], graph.pred[node]):
            for other, by_key in adjacency.items():
                if other in seen or other not in nodes:
                    continue
                if any(k != "NEXT" and keep(k, d) for k, d in by_key.items()):
                    seen[other] = hops + 1
                    queue.append(other)
    return set(seen)


def _prune_edges(graph: nx.MultiDiGraph, limit: int, keep_per_node: int = 2) -> int:
    """Keep at most `limit` edges: all unweighted and typed ones, then the strongest weighted.

    Every node keeps its `keep_per_node` strongest weighted edges first, so
    pruning never strands a node that had some.
    """
    weighted = [
        (edge_weight(k, d) or 0, u, v, k)
        for u, v, k, d in graph.edges(keys=True, data=True)
        if k in _PRUNABLE
    ]
    fixed = graph.number_of_edges() - len(weighted)
    budget = max(0, limit - fixed)
    if len(weighted) <= budget:
        return 0
    weighted.sort(key=lambda e: (-e[0], e[1], e[2], e[3]))
    chosen: set[tuple[str, str, str]] = set()
    per_node: Counter[str] = Counter()
    for _w, u, v, k in weighted:
        if per_node[u] < keep_per_node or per_node[v] < keep_per_node:
            chosen.add((u, v, k))
            per_node[u] += 1
            per_node[v] += 1
    for _w, u, v, k in weighted:
        if len(chosen) >= budget:
            break
        chosen.add((u, v, k))
    dropped = [(u, v, k) for _w, u, v, k in weighted if (u, v, k) not in chosen]
    graph.remove_edges_from(dropped)
    return len(dropped)


def _fmt(n: int) -> str:
    return f"{n:,}"


def _aggregate(
    label: dict[str, str],
    nodes: set[str],
    seeds: list[str],
    max_nodes: int,
    rank: dict[str, tuple[int, int]],
) -> tuple[set[str], list[str]]:
    """Collapse the utterance layer, then keep the top `max_nodes` by `rank` (seeds first).

    The speaker→entity weights need no computing here: they are the MENTIONED
    edges `graph.build` derives from the utterances.
    """
    notices: list[str] = []
    layer = Counter(label[n] for n in nodes if label[n] in _LAYER)
    if layer:
        nodes = {n for n in nodes if label[n] not in _LAYER}
        parts = [f"{_fmt(c)} {name.lower()}s" for name, c in sorted(layer.items())]
        notices.append(
            f"Aggregated: {', '.join(parts)} collapsed; each speaker→entity edge is weighted "
            "by how often the speaker mentioned the entity."
        )
    if len(nodes) > max_nodes:
        first = [n for n in seeds if n in nodes]
        rest = sorted(set(nodes) - set(first), key=lambda n: (rank[n], n), reverse=True)
        room = max(0, max_nodes - len(first))
        # Speakers talk far more than any entity is named: without a quota the
        # top of a corpus would be nearly all people.
        people = [n for n in rest if label[n] == "Person"]
        things = [n for n in rest if label[n] != "Person"]
        n_people = min(len(people), max(room - len(things), int(room * PERSON_SHARE)))
        chosen = set(people[:n_people]) | set(things[: room - n_people])
        kept = first + [n for n in rest if n in chosen]
        by_label = Counter(label[n] for n in kept)
        shown = ", ".join(f"{_fmt(c)} {name}" for name, c in sorted(by_label.items()))
        notices.append(
            f"Showing the top {_fmt(len(kept))} of {_fmt(len(nodes))} people and entities "
            f"by mentions ({shown})."
        )
        nodes = set(kept)
    return nodes, notices


def layer_nodes(graph: nx.MultiDiGraph) -> set[str]:
    """Utterances, transcripts and figures: the nodes the aggregated view collapses."""
    return {n for n in graph if _label(graph, n) in _LAYER}


def select_view(
    graph: nx.MultiDiGraph,
    view: str = "all",
    *,
    focus: str | None = None,
    depth: int = 1,
    transcript: str | None = None,
    types: Iterable[str] | None = None,
    min_weight: int = 0,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Selection:
    """Choose what a page shows. Pure: `graph` is not changed.

    Order: scope to `transcript`, pick the `view`'s labels and relationships,
    keep `types`, drop edges lighter than `min_weight`, take the `depth`-hop
    neighbourhood of `focus`, then aggregate if more than `max_nodes` remain.
    Only the final nodes are copied into the new graph, so a big graph costs
    a few passes over its edges, not a copy.
    """
    wanted_types = _check_args(view, depth, types, min_weight, max_nodes)
    source = scope_to_transcript(graph, transcript) if transcript else graph
    index = GraphIndex.of(source)
    keep = _EdgeFilter(_VIEW_TYPES[view], min_weight)
    selection = Selection(graph=nx.MultiDiGraph(), source=source, view=view, index=index)

    seeds: list[str] = []
    if focus is not None:
        seeds = find_nodes(source, focus)
        if not seeds:
            where = f" in transcript {transcript}" if transcript else ""
            raise InputError(f"nothing named {focus!r}{where}{_suggest(source, focus)}")
    nodes, degree, light = _view_nodes(source, index, view, wanted_types, keep, set(seeds))
    if focus is not None:
        selection.seeds = [s for s in seeds if s in nodes]
        if not selection.seeds:
            labels = sorted({index.label[s] for s in seeds})
            raise InputError(
                f"{focus!r} ({', '.join(labels)}) is not shown in the {view} view"
                + (f" with --types {','.join(sorted(wanted_types))}" if wanted_types else "")
                + "; try another --view or --types"
            )
        nodes = _ego(source, index.label, nodes, keep, selection.seeds, depth)
    if light:
        selection.notices.append(
            f"{_fmt(light)} edges lighter than {min_weight} left out (--min-weight)."
        )

    selection.total_nodes = len(nodes)
    if len(nodes) > max_nodes:
        rank = {n: (index.mentions[n] + index.said[n], degree[n]) for n in nodes}
        nodes, notes = _aggregate(index.label, nodes, selection.seeds, max_nodes, rank)
        selection.notices += notes
        selection.aggregated = True

    selected = _induced(source, nodes, keep)
    dropped = _prune_edges(selected, EDGES_PER_NODE * max_nodes)
    if dropped:
        selection.notices.append(
            f"Only the strongest mention and co-mention edges are drawn ({_fmt(dropped)} "
            "weaker ones left out)."
        )
    selection.graph = selected
    return selection


def transcript_membership(
    graph: nx.MultiDiGraph, nodes: Iterable[str], index: GraphIndex | None = None
) -> dict[str, set[str]]:
    """Transcripts each of `nodes` appears in: its own, what it said or was named in."""
    index = index or GraphIndex.of(graph)
    label = index.label
    transcript_of = index.transcript_of
    member: dict[str, set[str]] = {}
    for node in nodes:
        found: set[str] = set()
        if label[node] == "Transcript":
            found.add(node)
        elif graph.nodes[node].get("transcript"):
            found.add(str(graph.nodes[node]["transcript"]))
        else:
            for u, by_key in graph.pred[node].items():
                if "MENTIONS" in by_key and u in transcript_of:
                    found.add(transcript_of[u])
            for v, by_key in graph.succ[node].items():
                if "SAID" in by_key and v in transcript_of:
                    found.add(transcript_of[v])
        member[node] = found
    return member
