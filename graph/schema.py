"""Graph names and property types: the only names ever interpolated into Cypher.

Both stores derive their schema from here: the embedded engine's node and
relationship tables, and Neo4j's uniqueness constraints. User values never
become Cypher text; they travel as parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ENTITY_LABELS",
    "NODE_LABELS",
    "NODE_PROPERTIES",
    "REL_TYPES",
    "RelType",
    "check_label",
    "check_rel_type",
    "constraint_statements",
]

# Property types use the embedded engine's names; Neo4j is schemaless apart from constraints.
NODE_PROPERTIES: dict[str, dict[str, str]] = {
    "Transcript": {
        "key": "STRING",
        "title": "STRING",
        "date": "STRING",
        "source": "STRING",
        "sha256": "STRING",
        "format": "STRING",
        "publisher": "STRING",
    },
    "Utterance": {
        "key": "STRING",
        "transcript": "STRING",
        "seq": "INT64",
        "time": "STRING",
        "speaker": "STRING",
        "text": "STRING",
        "role": "STRING",
        "is_question": "BOOLEAN",
        "span_start": "INT64",
        "span_end": "INT64",
    },
    "Person": {
        "key": "STRING",
        "name": "STRING",
        "role": "STRING",
        "anonymous": "BOOLEAN",
        "aliases": "STRING[]",
    },
    "Organization": {"key": "STRING", "name": "STRING", "aliases": "STRING[]", "kind": "STRING"},
    "Product": {"key": "STRING", "name": "STRING", "aliases": "STRING[]"},
    "Technology": {"key": "STRING", "name": "STRING", "aliases": "STRING[]"},
    "Place": {"key": "STRING", "name": "STRING", "aliases": "STRING[]"},
    "Figure": {
        "key": "STRING",
        "text": "STRING",
        "value": "DOUBLE",
        "unit": "STRING",
        "approx": "BOOLEAN",
        "metric": "STRING",
        "transcript": "STRING",
    },
}

NODE_LABELS: tuple[str, ...] = tuple(NODE_PROPERTIES)
ENTITY_LABELS: tuple[str, ...] = ("Organization", "Product", "Technology", "Person", "Place")


@dataclass(frozen=True)
class RelType:
    """A relationship type: the (from, to) label pairs it may join and its properties."""

    name: str
    pairs: tuple[tuple[str, str], ...]
    properties: tuple[tuple[str, str], ...] = ()


def _pairs(sources: tuple[str, ...], targets: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((s, t) for s in sources for t in targets)


_EVIDENCE = (("evidence", "STRING[]"),)

REL_TYPES: dict[str, RelType] = {
    r.name: r
    for r in (
        RelType("IN_TRANSCRIPT", (("Utterance", "Transcript"),)),
        RelType("NEXT", (("Utterance", "Utterance"),)),
        RelType("SAID", (("Person", "Utterance"),)),
        RelType("ANSWERS", (("Utterance", "Utterance"),)),
        RelType(
            "ASKED",
            (("Person", "Person"),),
            (("count", "INT64"), ("questions", "STRING[]")),
        ),
        RelType(
            "AFFILIATED_WITH",
            (("Person", "Organization"),),
            (("title", "STRING"), ("department", "STRING")),
        ),
        RelType(
            "MENTIONS",
            _pairs(("Utterance",), ENTITY_LABELS),
            (("count", "INT64"), ("spans", "INT64[]")),
        ),
        RelType("MENTIONED", _pairs(("Person",), ENTITY_LABELS), (("count", "INT64"),)),
        RelType("CO_MENTIONED", _pairs(ENTITY_LABELS, ENTITY_LABELS), (("weight", "INT64"),)),
        RelType("PART_OF", (("Product", "Product"),), _EVIDENCE),
        RelType("USES", (("Product", "Technology"),), _EVIDENCE),
        RelType("OFFERS", (("Organization", "Product"),), _EVIDENCE),
        RelType("PARTNERS_WITH", (("Organization", "Organization"),), _EVIDENCE),
        RelType("STATES", (("Utterance", "Figure"),)),
        RelType("ABOUT", _pairs(("Figure",), ENTITY_LABELS)),
    )
}


def check_label(label: str) -> str:
    """Return `label` if the schema knows it; otherwise raise (it would be Cypher text)."""
    if label not in NODE_PROPERTIES:
        raise ValueError(f"unknown node label {label!r}; known: {', '.join(NODE_LABELS)}")
    return label


def check_rel_type(name: str) -> str:
    """Return `name` if the schema knows it; otherwise raise (it would be Cypher text)."""
    if name not in REL_TYPES:
        raise ValueError(f"unknown relationship type {name!r}; known: {', '.join(REL_TYPES)}")
    return name


def constraint_statements() -> list[str]:
    """Neo4j uniqueness constraints on `key`, one per label (idempotent)."""
    return [
        f"CREATE CONSTRAINT {label.lower()}_key IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE n.key IS UNIQUE"
        for label in NODE_LABELS
    ]
