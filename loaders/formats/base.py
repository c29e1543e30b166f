"""What every format parser shares: lines with offsets and turns cut from exact spans."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from loaders.model import ContextLine, Turn

__all__ = ["SENTENCE_OR_PAUSE", "Line", "ParseResult", "iter_lines", "make_turn", "strip_span"]


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


_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})[-./年](?P<m>\d{1,2})[-./月](?P<d>\d{1,2})")


def iso_date(text: str) -> str | None:
    """The first full date in `text`, as YYYY-MM-DD.

    >>> iso_date("# 2016-10-01 萌典松前記者會")
    '2016-10-01'
    """
    match = _DATE.search(text)
    if not match:
        return None
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


#: The end of a sentence or a pause: what a heading or a roster line never holds.
SENTENCE_OR_PAUSE = re.compile(r"[。！？!?，,；;]")


def heading(preamble: str) -> str | None:
    """The preamble's first line when it reads as a heading (中国银保监会新闻发布会), else None:
    short, and no sentence ends or pauses in it."""
    lines = preamble.strip().splitlines()
    first = lines[0].strip() if lines else ""
    return first if first and len(first) <= 60 and not SENTENCE_OR_PAUSE.search(first) else None


#: A line of the preamble that says when the briefing was held (时间：2021年7月13日 10:00).
_WHEN = re.compile(r"^[ \t\u3000]*(?:时间|時間|日期)[ \t]*[:：](?P<rest>.*)$", re.MULTILINE)


def _dated_line(preamble: str) -> str | None:
    match = _WHEN.search(preamble)
    return iso_date(match["rest"]) if match else None


def keep_preamble(result: ParseResult, text: str, end: int) -> None:
    """Keep the text before the first turn as context, and its heading as title and date."""
    if text[:end].strip():
        result.context.append(ContextLine(text[:end].strip(), 0, end))
        result.title = heading(text[:end]) or ""  # 人民银行有关负责人就降准答记者问
        result.date = iso_date(result.title) or _dated_line(text[:end])
