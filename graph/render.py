"""Graph → plain page data (`to_vis_data`, pure) → one offline HTML page (`write_html`, thin).

`to_vis_data` decides everything that is shown: which nodes and edges (see
`graph.views`), their colours, shapes, sizes, labels, and tooltips. Every
piece of user text in a tooltip goes through `html.escape`, so a transcript
that contains `<script>` shows it as text. `write_html` only hands the data
to pyvis, removes what pyvis links from the internet, adds the page's own
legend, search and filters (`graph/assets/`), and writes UTF-8.
"""

from __future__ import annotations

import heapq
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from graph.views import (
    DEFAULT_MAX_NODES,
    GraphIndex,
    Selection,
    edge_weight,
    name_of,
    select_view,
    transcript_membership,
)
from loaders.keys import utterance_order
from loaders.normalize import variant_key

__all__ = [
    "EDGE_STYLES",
    "FONT_STACK",
    "NODE_STYLES",
    "VisData",
    "sentence_around",
    "to_vis_data",
    "write_html",
]

FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans", system-ui, sans-serif'
)

# Okabe–Ito colours (distinguishable with colour-blindness); one shape per label too.
NODE_STYLES: dict[str, dict[str, str]] = {
    "Person": {"color": "#0072B2", "shape": "dot"},
    "Organization": {"color": "#E69F00", "shape": "square"},
    "Product": {"color": "#D55E00", "shape": "diamond"},
    "Technology": {"color": "#009E73", "shape": "triangle"},
    "Place": {"color": "#56B4E9", "shape": "triangleDown"},
    "Figure": {"color": "#CC79A7", "shape": "hexagon"},
    "Utterance": {"color": "#B8BEC6", "shape": "dot"},
    "Transcript": {"color": "#4D4D4D", "shape": "box"},
}
_FALLBACK_STYLE = {"color": "#999999", "shape": "ellipse"}
_LEGEND_ORDER = tuple(NODE_STYLES)

#: Per relationship type: colour, whether it has an arrow, and its edge label (None: no label).
EDGE_STYLES: dict[str, dict[str, Any]] = {
    "PART_OF": {"color": "#D55E00", "arrow": True, "label": "part of"},
    "USES": {"color": "#009E73", "arrow": True, "label": "uses"},
    "OFFERS": {"color": "#E69F00", "arrow": True, "label": "offers"},
    "PARTNERS_WITH": {"color": "#8C6D1F", "arrow": False, "label": "partners"},
    "ASKED": {"color": "#0072B2", "arrow": True, "label": "asked"},
    "AFFILIATED_WITH": {"color": "#7F7F7F", "arrow": True, "label": "works at"},
    "MENTIONED": {"color": "#9DB7D5", "arrow": True, "label": None},
    "MENTIONS": {"color": "#C9CED6", "arrow": True, "label": None},
    "CO_MENTIONED": {"color": "#C7B9A6", "arrow": False, "label": None},
    "SAID": {"color": "#9DB7D5", "arrow": True, "label": None},
    "ANSWERS": {"color": "#0072B2", "arrow": True, "label": "answers"},
    "NEXT": {"color": "#E1E4E8", "arrow": True, "label": None},
    "IN_TRANSCRIPT": {"color": "#E1E4E8", "arrow": True, "label": None},
    "STATES": {"color": "#E3BFD5", "arrow": True, "label": None},
    "ABOUT": {"color": "#CC79A7", "arrow": True, "label": "about"},
}
_FALLBACK_EDGE: dict[str, Any] = {"color": "#BBBBBB", "arrow": True, "label": None}

_MAX_SOURCES = 3  # source sentences per tooltip
#: Stabilisation stops after this long even if its iterations are not done (slow machines).
SETTLE_BUDGET_MS = 4000
_SENTENCE_ENDS = "。！？!?；;\n"
_LABEL_CHARS = 18


@dataclass(frozen=True)
class VisData:
    """Everything the page shows, as plain JSON-ready data (vis-network node and edge dicts).

    Node dicts carry vis-network fields (`id`, `label`, `color`, `shape`, `size`)
    and the page's own: `tip` (tooltip HTML, every user value escaped), `ptype`
    (the label), `tx` (indices into `transcripts`), `search` (normalised names).
    """

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    legend: list[dict[str, Any]]
    transcripts: list[dict[str, Any]]
    notices: list[str] = field(default_factory=list)
    title: str = "presskg"
    view: str = "all"
    focus: list[str] = field(default_factory=list)
    total_nodes: int = 0
    aggregated: bool = False

    def page_data(self) -> dict[str, Any]:
        """What the page script reads besides the network (legend, filters, notices)."""
        return {
            "legend": self.legend,
            "transcripts": self.transcripts,
            "notices": self.notices,
            "title": self.title,
            "view": self.view,
            "focus": self.focus,
            "totalNodes": self.total_nodes,
            "shownNodes": len(self.nodes),
            "aggregated": self.aggregated,
            "settleBudgetMs": SETTLE_BUDGET_MS,
            "edgeTypes": sorted({e["type"] for e in self.edges}),
        }


# ---------------------------------------------------------------- text helpers


def _short(text: str, limit: int = _LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def sentence_around(text: str, start: int, end: int, limit: int = 120) -> tuple[str, str, str]:
    """The sentence of `text` holding `text[start:end]`, as (before, match, after), trimmed.

    >>> sentence_around("开场。我们推出了融e行手机银行。谢谢", 8, 11)
    ('我们推出了', '融e行', '手机银行。')
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    left = start
    while left > 0 and text[left - 1] not in _SENTENCE_ENDS:
        left -= 1
    right = end
    while right < len(text) and text[right] not in _SENTENCE_ENDS:
        right += 1
    if right < len(text) and text[right] != "\n":
        right += 1
    before, match, after = text[left:start].lstrip(), text[start:end], text[end:right].rstrip()
    room = max(10, (limit - len(match)) // 2)
    if len(before) > room:
        before = "…" + before[-room:]
    if len(after) > room:
        after = after[:room] + "…"
    return before, match, after


def _search_keys(*names: Any) -> list[str]:
    keys: set[str] = set()
    for name in names:
        if not name:
            continue
        plain = unicodedata.normalize("NFKC", str(name)).casefold().strip()
        keys.add(plain)
        keys.add(variant_key(str(name)))
    return sorted(k for k in keys if k)


# ---------------------------------------------------------------- tooltips


class _Facts:
    """Counts and source sentences for tooltips: the graph index, plus the shown nodes' edges."""

    def __init__(self, selection: Selection) -> None:
        source = selection.source
        shown = set(selection.graph)
        index = selection.index or GraphIndex.of(source)
        self.source = source
        self.mentions = index.mentions
        self.turns = index.turns
        self.said = index.said
        self.speaker_of = index.speaker_of
        self.spans: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        self.asked: Counter[str] = Counter()
        self.answered: Counter[str] = Counter()
        self.affiliations: dict[str, list[tuple[str, dict]]] = defaultdict(list)
        for node in shown:
            person = index.label[node] == "Person"
            mentioned_in = []
            for u, by_key in source.pred[node].items():
                if "MENTIONS" in by_key:
                    mentioned_in.append(u)
                if "ASKED" in by_key:
                    self.answered[node] += int(by_key["ASKED"].get("count", 1))
            # The first mention in each of the earliest turns: sentences from different turns.
            for u in heapq.nsmallest(_MAX_SOURCES, mentioned_in, key=utterance_order):
                flat = list(source.edges[u, node, "MENTIONS"].get("spans") or [])
                if len(flat) >= 2:
                    self.spans[node].append((u, int(flat[0]), int(flat[1])))
            if not person:
                continue
            for v, by_key in source.succ[node].items():
                if "ASKED" in by_key:
                    self.asked[node] += int(by_key["ASKED"].get("count", 1))
                if "AFFILIATED_WITH" in by_key:
                    self.affiliations[node].append((v, by_key["AFFILIATED_WITH"]))
        self.members = transcript_membership(source, shown, index)

    def speaker_name(self, utterance: str) -> str:
        person = self.speaker_of.get(utterance)
        if person is not None and person in self.source:
            return name_of(self.source, person)
        return str(self.source.nodes[utterance].get("speaker") or "")

    def sources(self, node: str) -> list[str]:
        """The sentences `node` is mentioned in, as escaped HTML list items."""
        items = []
        for utterance, start, end in self.spans.get(node, []):
            data = self.source.nodes[utterance]
            text = str(data.get("text") or "")
            offset = int(data.get("start") or 0)
            s, e = start - offset, end - offset
            if not (0 <= s < e <= len(text)):
                found = text.find(name_of(self.source, node))
                if found < 0:
                    continue
                s, e = found, found + len(name_of(self.source, node))
            before, match, after = sentence_around(text, s, e)
            who = self.speaker_name(utterance)
            items.append(
                f'<li><span class="who">{escape(who)}</span>'
                f"{escape(before)}<mark>{escape(match)}</mark>{escape(after)}</li>"
            )
        return items


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _row(name: str, value: Any) -> str:
    return f'<div class="row"><span class="k">{escape(name)}</span> {escape(str(value))}</div>'


def _node_tip(facts: _Facts, node: str, label: str) -> str:
    data = facts.source.nodes[node]
    head = (
        f'<div class="head"><span class="badge t-{escape(label)}">{escape(label)}</span> '
        f"<b>{escape(name_of(facts.source, node))}</b></div>"
    )
    rows: list[str] = []
    if data.get("aliases"):
        rows.append(_row("aliases", "、".join(str(a) for a in data["aliases"])))
    if label == "Organization" and data.get("kind"):
        rows.append(_row("kind", data["kind"]))
    if label == "Person":
        if data.get("role"):
            rows.append(_row("role", data["role"]))
        for org, aff in facts.affiliations.get(node, []):
            where = " ".join(str(x) for x in (aff.get("department"), aff.get("title")) if x)
            rows.append(_row("at", f"{name_of(facts.source, org)} {where}".strip()))
        if facts.said[node]:
            rows.append(_row("turns spoken", facts.said[node]))
        if facts.asked[node]:
            rows.append(_row("questions asked", facts.asked[node]))
        if facts.answered[node]:
            rows.append(_row("questions answered", facts.answered[node]))
    if label == "Utterance":
        for prop in ("speaker", "time", "role"):
            if data.get(prop):
                rows.append(_row(prop, data[prop]))
        if data.get("is_question"):
            rows.append(_row("question", "yes"))
        rows.append(f'<div class="text">{escape(_short(str(data.get("text") or ""), 300))}</div>')
    if label == "Transcript":
        for prop in ("date", "publisher", "source", "format"):
            if data.get(prop):
                rows.append(_row(prop, data[prop]))
    if label == "Figure":
        for prop in ("value", "unit", "metric"):
            if data.get(prop) not in (None, ""):
                rows.append(_row(prop, data[prop]))
        if data.get("approx"):
            rows.append(_row("approximate", "yes"))
    if facts.mentions[node]:
        tx = len(facts.members.get(node, ()))
        rows.append(
            _row(
                "mentioned",
                f"{facts.mentions[node]}× in {_plural(facts.turns[node], 'turn')}, "
                f"{_plural(tx, 'transcript')}",
            )
        )
    sources = facts.sources(node)
    if sources:
        more = facts.turns[node] - len(sources)
        tail = f'<div class="more">… and {_plural(more, "more turn")}</div>' if more > 0 else ""
        rows.append(f'<ul class="src">{"".join(sources)}</ul>{tail}')
    return head + "".join(rows)


def _edge_tip(source: nx.MultiDiGraph, u: str, v: str, rel: str, data: dict) -> str:
    parts = [
        f"<b>{escape(name_of(source, u))}</b> "
        f'<span class="rel">{escape(rel)}</span> <b>{escape(name_of(source, v))}</b>'
    ]
    weight = edge_weight(rel, data)
    if rel == "CO_MENTIONED":
        parts.append(_row("mentioned together in", _plural(weight or 0, "turn")))
    elif rel in ("MENTIONED", "MENTIONS", "ASKED"):
        parts.append(_row("times", weight))
    if data.get("title") or data.get("department"):
        position = " ".join(str(data[p]) for p in ("department", "title") if data.get(p))
        parts.append(_row("position", position))
    evidence = [e for e in data.get("evidence", []) if e in source][:_MAX_SOURCES]
    target = name_of(source, v)
    items = []
    for utterance in evidence:
        text = str(source.nodes[utterance].get("text") or "")
        at = text.find(target)
        if at < 0:
            at = text.find(name_of(source, u))
        if at < 0:
            items.append(f"<li>{escape(_short(text, 120))}</li>")
            continue
        before, match, after = sentence_around(text, at, at + len(target))
        items.append(f"<li>{escape(before)}<mark>{escape(match)}</mark>{escape(after)}</li>")
    if items:
        parts.append(f'<ul class="src">{"".join(items)}</ul>')
    return "".join(parts)


# ---------------------------------------------------------------- nodes and edges


def _node_size(label: str, mentions: int, said: int, degree: int) -> float:
    if label == "Utterance":
        return 6.0
    if label == "Transcript":
        return 20.0
    if label == "Figure":
        return 9.0
    weight = mentions + said if (mentions or said) else degree
    return round(min(48.0, 10.0 + 5.0 * math.log2(1 + weight)), 1)


def _node_label(source: nx.MultiDiGraph, node: str, label: str) -> str:
    data = source.nodes[node]
    if label == "Utterance":
        return _short(f"{data.get('seq', '')}. {data.get('speaker') or ''}", 12)
    if label == "Transcript":
        return _short(str(data.get("title") or node), 24)
    return _short(name_of(source, node))


def _color(hex_colour: str) -> dict[str, Any]:
    return {
        "background": hex_colour,
        "border": _darker(hex_colour),
        "highlight": {"background": hex_colour, "border": "#111111"},
        "hover": {"background": hex_colour, "border": "#111111"},
    }


def _darker(hex_colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02X}{:02X}{:02X}".format(*(int(c * factor) for c in (r, g, b)))


def _options(n_nodes: int) -> dict[str, Any]:
    # Bounded stabilisation: fewer iterations for big views so they settle in seconds;
    # the page turns physics off once stabilisation ends.
    iterations = 200 if n_nodes <= 600 else 150 if n_nodes <= 1000 else 100
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "centralGravity": 0.008,
                "springLength": 90,
                "springConstant": 0.06,
                "damping": 0.5,
                # Overlap avoidance reads better but costs time on big views.
                "avoidOverlap": 0.2 if n_nodes <= 300 else 0,
            },
            "maxVelocity": 60,
            "minVelocity": 1,
            "timestep": 0.5,
            "stabilization": {
                "enabled": True,
                "iterations": iterations,
                "updateInterval": 10,
                "fit": True,
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": n_nodes > 300,
            "hideEdgesOnZoom": n_nodes > 800,
            "multiselect": False,
            "navigationButtons": False,
        },
        "nodes": {
            "font": {
                "face": FONT_STACK,
                "size": 14,
                "color": "#222222",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "borderWidth": 1.5,
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "smooth": False,
            "font": {
                "face": FONT_STACK,
                "size": 11,
                "color": "#555555",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
            "selectionWidth": 2,
        },
    }


def _title(view: str, focus: str | None, depth: int, transcript: str | None) -> str:
    names = {"all": "Knowledge graph", "products": "Product map", "speakers": "Speakers"}
    title = names.get(view, view)
    if focus:
        title += f" · {focus} (depth {depth})"
    if transcript:
        title += f" · {transcript}"
    return title


def to_vis_data(
    graph: nx.MultiDiGraph,
    view: str = "all",
    *,
    focus: str | None = None,
    depth: int = 1,
    transcript: str | None = None,
    types: str | list[str] | tuple[str, ...] | None = None,
    min_weight: int = 0,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> VisData:
    """The page data for `view` of `graph`. Pure: `graph` is not changed.

    `view` is `all`, `products` (products, technologies, organisations and the
    typed and co-mention edges between them) or `speakers` (who mentioned what,
    who asked whom, who works where). `focus` keeps the `depth`-hop
    neighbourhood of the nodes named `focus` (name or any alias);
    `transcript` keeps what one transcript says; `types` keeps those labels
    (a list, or one comma-separated string);
    `min_weight` drops lighter weighted edges. Above `max_nodes` nodes the
    view is aggregated and `notices` say how.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Product:x", key="Product:x", labels=["Product"], name="<b>X</b>", aliases=[])
    >>> data = to_vis_data(g)
    >>> data.nodes[0]["label"], "&lt;b&gt;X&lt;/b&gt;" in data.nodes[0]["tip"]
    ('<b>X</b>', True)
    """
    selection: Selection = select_view(
        graph,
        view,
        focus=focus,
        depth=depth,
        transcript=transcript,
        types=types,
        min_weight=min_weight,
        max_nodes=max_nodes,
    )
    shown = selection.graph
    source = selection.source
    facts = _Facts(selection)

    transcript_keys = sorted(
        {t for n in shown for t in facts.members.get(n, ())},
    )
    tx_index = {key: i for i, key in enumerate(transcript_keys)}
    tx_nodes: Counter[str] = Counter()

    nodes: list[dict[str, Any]] = []
    label_counts: Counter[str] = Counter()
    seeds = set(selection.seeds)
    for node in sorted(shown, key=str):
        label = str(source.nodes[node].get("labels", ["Node"])[0])
        label_counts[label] += 1
        style = NODE_STYLES.get(label, _FALLBACK_STYLE)
        data = source.nodes[node]
        tx = sorted(tx_index[t] for t in facts.members.get(node, ()) if t in tx_index)
        for t in facts.members.get(node, ()):
            tx_nodes[t] += 1
        entry: dict[str, Any] = {
            "id": node,
            "label": _node_label(source, node, label),
            "ptype": label,
            "shape": style["shape"],
            "color": _color(style["color"]),
            "size": _node_size(label, facts.mentions[node], facts.said[node], source.degree(node)),
            "mentions": facts.mentions[node],
            "tx": tx,
            "tip": _node_tip(facts, node, label),
        }
        if label != "Utterance":
            entry["search"] = _search_keys(name_of(source, node), *(data.get("aliases") or []))
        if label == "Person" and data.get("anonymous"):
            entry["shapeProperties"] = {"borderDashes": [3, 3]}
        if label == "Transcript":
            entry["font"] = {"color": "#ffffff", "strokeWidth": 0}
        if node in seeds:
            entry["borderWidth"] = 4
            entry["color"]["border"] = "#111111"
        nodes.append(entry)

    edges: list[dict[str, Any]] = []
    ordered = sorted(shown.edges(keys=True, data=True), key=lambda e: e[:3])
    for number, (u, v, rel, data) in enumerate(ordered):
        style = EDGE_STYLES.get(rel, _FALLBACK_EDGE)
        weight = edge_weight(rel, data)
        edge: dict[str, Any] = {
            "id": f"e{number}",
            "from": u,
            "to": v,
            "type": rel,
            "color": {
                "color": style["color"],
                "highlight": _darker(style["color"], 0.6),
                "hover": _darker(style["color"], 0.6),
            },
            "width": round(1 + math.log2(weight), 2) if weight and weight > 1 else 1,
            "tip": _edge_tip(source, u, v, rel, data),
        }
        if style["arrow"]:
            edge["arrows"] = "to"
        if rel == "CO_MENTIONED":
            edge["dashes"] = True
        label = style["label"]
        if rel == "AFFILIATED_WITH" and data.get("title"):
            label = _short(str(data["title"]), 12)
        elif rel == "ASKED" and weight and weight > 1:
            label = f"asked ×{weight}"
        if label:
            edge["label"] = label
        if weight is not None:
            edge["weight"] = weight
        edges.append(edge)

    legend = [
        {
            "label": label,
            "color": NODE_STYLES.get(label, _FALLBACK_STYLE)["color"],
            "shape": NODE_STYLES.get(label, _FALLBACK_STYLE)["shape"],
            "count": label_counts[label],
        }
        for label in [*_LEGEND_ORDER, *sorted(set(label_counts) - set(_LEGEND_ORDER))]
        if label_counts[label]
    ]
    transcripts = [
        {
            "key": key,
            "title": str(source.nodes[key].get("title") or key) if key in source else key,
            "date": str(source.nodes[key].get("date") or "") if key in source else "",
            "count": tx_nodes[key],
        }
        for key in transcript_keys
    ]
    return VisData(
        nodes=nodes,
        edges=edges,
        options=_options(len(nodes)),
        legend=legend,
        transcripts=transcripts,
        notices=list(selection.notices),
        title=_title(view, focus, depth, transcript),
        view=view,
        focus=list(selection.seeds),
        total_nodes=selection.total_nodes,
        aggregated=selection.aggregated,
    )


# ---------------------------------------------------------------- the page

_REMOTE_TAG = re.compile(
    r"<(?:link|script)\b[^>]*(?:href|src)\s*=\s*[\"']?(?:https?:)?//[^>]*>(?:\s*</script>)?",
    re.IGNORECASE,
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)
_REMOTE_REF = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?https?:""", re.I)


def _asset(name: str) -> str:
    return resources.files("graph").joinpath("assets", name).read_text(encoding="utf-8")


def _script_json(value: Any) -> str:
    """JSON that cannot end the `<script>` element it sits in."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_html(vis_data: VisData) -> str:
    """The whole page as a string: pyvis's template, made offline, plus the page's own UI."""
    from pyvis.network import Network

    net = Network(
        height="100vh",
        width="100%",
        directed=True,
        cdn_resources="in_line",
        heading="",
        bgcolor="#ffffff",
    )
    # Filled directly: pyvis's add_node/add_edge are slow at scale and rewrite attributes.
    net.nodes = vis_data.nodes
    net.edges = vis_data.edges
    net.node_ids = [n["id"] for n in vis_data.nodes]
    net.options = vis_data.options
    # Keep CJK as UTF-8 in the embedded JSON (Jinja's tojson still escapes < > & ').
    net.templateEnv.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    html = net.generate_html()

    html = _REMOTE_TAG.sub("", html)
    html = _EMPTY_HEADING.sub("", html)
    leftover = _REMOTE_REF.search(html)
    if leftover:
        near = html[leftover.start() :][:80]
        raise RuntimeError(f"the page still loads something from the internet near {near!r}")
    html = html.replace("<html>", '<html lang="zh-Hans">', 1)
    head = (
        f"<title>{escape(vis_data.title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<style>{_asset('page.css')}</style>\n"
    )
    html = _insert(html, "</head>", head, before=True)
    panel = (
        _asset("panel.htm")
        + '<script type="application/json" id="presskg-data">'
        + _script_json(vis_data.page_data())
        + "</script>\n"
    )
    html = _insert(html, "<body>", panel, before=False)
    script = _asset("page.js")
    if "</script" in script.lower():
        raise RuntimeError("graph/assets/page.js must not contain '</script'")
    # Right after the network is created, in the same script: the page hooks the
    # stabilisation events before the first stabilisation batch can run.
    return _insert(html, "drawGraph();", "\n" + script, before=False, last=True)


def _insert(html: str, marker: str, text: str, *, before: bool, last: bool = False) -> str:
    at = html.rfind(marker) if last else html.find(marker)
    if at < 0:
        raise RuntimeError(f"pyvis's page template changed: {marker!r} not found")
    if not before:
        at += len(marker)
    return html[:at] + text + html[at:]


def write_html(vis_data: VisData, path: str | Path) -> Path:
    """Write the page for `vis_data` to `path` as UTF-8 (folders created); return the path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(vis_data), encoding="utf-8")
    return out
