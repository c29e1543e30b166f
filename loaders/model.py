"""The data that flows through presskg: one contract shared by every stage.

A `Transcript` is read and parsed once, then each extraction stage returns a
new (or updated) `Transcript`. Offsets (`start`, `end`) always point into
`Transcript.text`, the decoded original file, so any span can be shown to a
user exactly as it was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "ENTITY_LABELS",
    "Affiliation",
    "ContextLine",
    "Entity",
    "Figure",
    "Mention",
    "Relation",
    "Speaker",
    "Transcript",
    "Turn",
]

#: Labels an extracted entity may carry (the `Person` label also covers speakers).
ENTITY_LABELS: tuple[str, ...] = ("Organization", "Product", "Technology", "Person", "Place")


@dataclass
class Turn:
    """One speaker turn.

    `text` is exactly `Transcript.text[start:end]` (surrounding whitespace and
    a trailing timestamp excluded); `label_start`/`label_end` locate the
    speaker label as written.
    """

    seq: int
    speaker: str
    text: str
    start: int
    end: int
    time: str | None = None
    label_start: int = -1
    label_end: int = -1
    role: str | None = None  # host | official | reporter | other
    is_question: bool = False
    answers: int | None = None  # seq of the question this turn answers
    person: str | None = None  # key of the Person who said it


@dataclass(frozen=True)
class ContextLine:
    """A line kept for context that is not a turn (`> (...)` stage directions, headings)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A span of a turn that names an entity (`entity` is the canonical entity key)."""

    entity: str
    label: str
    surface: str
    start: int
    end: int
    turn: int
    rule: str = "lexicon"
    confidence: float = 1.0


@dataclass
class Entity:
    """A canonical thing: one per key within a transcript, merged across transcripts by key."""

    key: str
    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str | None = None  # Organization kind: media, bank, regulator, government, company, other
    role: str | None = None  # Person role
    anonymous: bool = False  # Person without a name (主持人, 金融时报记者)


@dataclass(frozen=True)
class Affiliation:
    """Person → Organization, with what the text says about the position."""

    person: str
    organization: str
    title: str | None = None
    department: str | None = None


@dataclass
class Speaker:
    """Who a speaker label refers to, as worked out by the roles stage."""

    label: str
    person: str  # Person entity key
    name: str
    role: str  # host | official | reporter | other
    anonymous: bool = False
    organization: str | None = None  # Organization entity key
    title: str | None = None
    department: str | None = None


@dataclass(frozen=True)
class Relation:
    """A typed relation stated in the text, with the turns that state it."""

    type: str
    source: str
    target: str
    evidence: tuple[int, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A quantitative claim: `3.43亿户` → value 343000000, unit 户."""

    text: str
    value: float
    unit: str
    approx: bool
    turn: int
    start: int
    end: int
    metric: str = ""
    about: str | None = None  # entity key


@dataclass
class Transcript:
    """A whole transcript and everything extracted from it."""

    key: str
    text: str
    source: str = ""
    title: str = ""
    date: str | None = None
    sha256: str = ""
    format: str = ""
    publisher: str | None = None
    turns: list[Turn] = field(default_factory=list)
    context: list[ContextLine] = field(default_factory=list)
    speakers: dict[str, Speaker] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    affiliations: list[Affiliation] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def turn(self, seq: int) -> Turn:
        """The turn with sequence number `seq` (turns are numbered from 1)."""
        return self.turns[seq - 1]

    def add_entity(self, entity: Entity) -> Entity:
        """Add `entity`, or merge its aliases into the one already held under its key."""
        held = self.entities.get(entity.key)
        if held is None:
            self.entities[entity.key] = entity
            return entity
        for alias in [entity.name, *entity.aliases]:
            if alias != held.name and alias not in held.aliases:
                held.aliases.append(alias)
        if held.kind is None:
            held.kind = entity.kind
        return held
