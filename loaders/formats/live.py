"""`live`: text-live transcripts, `Speaker:text  [MM-DD HH:MM]`.

A turn starts at an unindented line `label:` (ASCII or full-width colon) and
runs over any indented or unlabelled paragraphs until the next label. The
timestamp, when present, closes the turn and is kept as `time`.

Briefings of the State Council Information Office and many ministries write who a
speaker is in brackets after the name (`寿小丽（国务院新闻办公室新闻局副局长、新闻发言人）：`):
the label is the name, so later turns (`寿小丽：`) are the same speaker, and the bracket
stays in the text between the label and the turn for the roles stage to read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.formats.base import ParseResult, iter_lines, make_turn
from loaders.model import ContextLine

__all__ = ["LABEL", "TIMESTAMP", "parse_live", "score_live"]

# A label: short, no spaces or sentence punctuation, not a URL scheme.
LABEL = re.compile(
    r"^(?P<label>[^\s:：,，。.!?！？;；()（）\[\]<>#>\"“”]{1,24})"
    r"(?:[ \t]*[（(][^（）()\n。！？]{2,40}[）)])?[ \t]*[:：]"  # （who they are）: read by roles
)
TIMESTAMP = re.compile(
    r"[ \t\u3000]*\[(?P<time>\d{1,2}-\d{1,2}[ \t]+\d{1,2}:\d{2}(?::\d{2})?)\][ \t]*$"
)
_NOT_LABELS = {"http", "https", "ftp", "mailto", "注", "注意", "备注", "附", "来源", "时间", "地点"}


def _label(line: str) -> re.Match[str] | None:
    match = LABEL.match(line)
    if match is None or match.group("label").lower() in _NOT_LABELS:
        return None
    return match


def score_live(text: str) -> float:
    """How much `text` looks like a live transcript: labelled lines, timestamps, repeats."""
    labels: list[str] = []
    stamps = 0
    for line in iter_lines(text[:200_000]):
        match = _label(line.text)
        if match:
            labels.append(match.group("label"))
        if TIMESTAMP.search(line.text):
            stamps += 1
    if not labels:
        return 0.0
    repeated = len(labels) - len(set(labels))
    return len(labels) + repeated + 2 * stamps


@dataclass
class _Open:
    label: str
    label_start: int
    label_end: int
    start: int


def parse_live(text: str) -> ParseResult:
    """Parse a live transcript; text before the first label is kept as context."""
    result = ParseResult()
    opened: list[_Open] = []
    for line in iter_lines(text):
        match = _label(line.text)
        if match:
            label = match.group("label")
            opened.append(
                _Open(label, line.start, line.start + len(label), line.start + match.end())
            )
    for i, turn in enumerate(opened):
        end = opened[i + 1].label_start if i + 1 < len(opened) else len(text)
        time = None
        stamp = TIMESTAMP.search(text[turn.start : end].rstrip())
        if stamp:
            time = stamp.group("time")
            end = turn.start + stamp.start()
        result.turns.append(
            make_turn(
                text,
                i + 1,
                turn.label,
                turn.start,
                end,
                time=time,
                label_start=turn.label_start,
                label_end=turn.label_end,
            )
        )
    preamble_end = opened[0].label_start if opened else len(text)
    if text[:preamble_end].strip():
        result.context.append(ContextLine(text[:preamble_end].strip(), 0, preamble_end))
    return result
