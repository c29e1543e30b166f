"""The data that flows through presskg: one contract shared by every stage.

A `Transcript` is read and parsed once, then each extraction stage returns a
new (or updated) `Transcript`. Offsets (`start`, `end`) always point into
`Transcript.text`, the decoded original file, so any span can be shown to a
user exactly as it was written.
"""

from __future__ import annotations

import re
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
    "opening_turn",
    "title_span",
]

#: Lines before the first turn that are no one's words: headings, notes, a line opening
#: with a symbol (🌐 本逐字稿…, a transcript's boilerplate) or a bracketed direction
#: (（以下開始記錄）).
_NOT_PROSE = re.compile(r"[#>]|[^\w\s（(\[【「“\"]|[（(\[【].*[）)\]】]$")
#: A repost's metadata line before a transcript (来源：…, 原标题：…, 责任编辑：…).
_METADATA_LINE = re.compile(
    r"(?:来源|來源|原标题|原標題|责任编辑|責任編輯|编辑|編輯|作者|时间|時間|日期|发布时间|"
    r"發布時間|出处|出處|原文|链接|連結|source|url|title|date)\s*[:：]",
    re.IGNORECASE,
)

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
    preamble: Turn | None = None  # the prose before the first turn (see find_preamble)
    opening: Turn | None = None  # utterance 0: the title and the preamble (see opening_turn)
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


def find_preamble(text: str, turns: list[Turn]) -> Turn | None:
    """The prose before the first of `turns`, as turn 0 with no speaker, or None.

    A briefing often opens with the spokesperson's unlabelled announcement (应…邀请，
    国务院副总理胡春华将于…访问): what it names is mentioned there, with turn 0 as its
    provenance. Headings (`#`), notes (`>`), boilerplate and bracketed directions and
    a repost's metadata lines (来源：, 原标题：) are not prose; the span runs from the
    first line of prose to the last.
    """
    if not turns:
        return None
    first = turns[0]
    head = text[: first.label_start if first.label_start >= 0 else first.start]
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in head.splitlines(keepends=True):
        body = line.strip()
        if body and not _NOT_PROSE.match(body) and not _METADATA_LINE.match(body):
            lead = len(line) - len(line.lstrip())
            spans.append((offset + lead, offset + lead + len(body)))
        offset += len(line)
    if not spans:
        return None
    start, end = spans[0][0], spans[-1][1]
    return Turn(0, "", text[start:end], start, end)


def title_span(t: Transcript) -> tuple[int, int] | None:
    """Where the text writes the title, before the first turn; None for a title made from a
    file name or a first line the text does not hold."""
    if not t.title:
        return None
    first = t.turns[0] if t.turns else None
    if first is None:
        limit = len(t.text)
    else:
        limit = first.label_start if first.label_start >= 0 else first.start
    at = t.text.find(t.title, 0, limit)
    return None if at < 0 else (at, at + len(t.title))


def opening_turn(t: Transcript) -> Turn | None:
    """Utterance 0, said by no one: the title and the prose before the first turn, the
    provenance of whatever they name (a title names the ministry, the outlet, the system)."""
    title = title_span(t)
    if title is None:
        return t.preamble
    start = min(title[0], t.preamble.start) if t.preamble is not None else title[0]
    end = max(title[1], t.preamble.end) if t.preamble is not None else title[1]
    return Turn(0, "", t.text[start:end], start, end)
