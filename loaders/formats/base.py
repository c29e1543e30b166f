"""What every format parser shares: lines with offsets and turns cut from exact spans."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from loaders.model import ContextLine, Turn

__all__ = ["Line", "ParseResult", "iter_lines", "make_turn", "strip_span"]


@dataclass(frozen=True)
class Line:
    """One line of the text: `text` without its line break, `start` its offset."""

    number: int
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class ParseResult:
    """Turns and context lines of one text, plus the title and date a heading gave."""

    turns: list[Turn] = field(default_factory=list)
    context: list[ContextLine] = field(default_factory=list)
    title: str = ""
    date: str | None = None


def iter_lines(text: str) -> Iterator[Line]:
    """Lines with their offsets; handles \\n, \\r\\n and \\r alike."""
    offset = 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        body = raw.rstrip("\r\n")
        yield Line(number, body, offset)
        offset += len(raw)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to exclude surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def make_turn(
    text: str,
    seq: int,
    speaker: str,
    start: int,
    end: int,
    *,
    time: str | None = None,
    label_start: int = -1,
    label_end: int = -1,
) -> Turn:
    """A turn whose text is exactly `text[start:end]` after trimming whitespace."""
    start, end = strip_span(text, start, end)
    return Turn(
        seq=seq,
        speaker=speaker,
        text=text[start:end],
        start=start,
        end=end,
        time=time,
        label_start=label_start,
        label_end=label_end,
    )
