"""`markdown`: archive.tw / SayIt style, `# date title` then `### Speaker：` headings.

Every `### ` heading opens a turn (the colon is optional: some transcripts
omit it); `## Speaker：` counts too when it ends with a colon. `> (...)`
lines are stage directions or slide titles: kept as context, never turns.
"""

from __future__ import annotations

import re

from loaders.formats.base import ParseResult, iso_date, iter_lines, make_turn
from loaders.model import ContextLine

__all__ = ["parse_markdown", "score_markdown"]

_SPEAKER = re.compile(
    r"^(?:###[ \t]+(?P<any>.+?)|##[ \t]+(?P<colon>[^#].{0,40}?)[ \t]*[:：])[ \t]*$"
)
_TITLE = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t]*$")


def _speaker(line: str) -> str | None:
    found = _speaker_at(line)
    return found[0] if found else None


def _speaker_at(line: str) -> tuple[str, int] | None:
    """The speaker label of a heading line and where it starts in the line."""
    match = _SPEAKER.match(line)
    if match is None:
        return None
    group = "any" if match.group("any") is not None else "colon"
    raw = match.group(group)
    label = raw.strip().rstrip(":：").strip()
    if not label:
        return None
    return label, match.start(group) + raw.index(label)


def score_markdown(text: str) -> float:
    """How much `text` looks like SayIt Markdown: speaker headings, a `# ` title."""
    score = 0.0
    speakers = 0
    for i, line in enumerate(iter_lines(text[:200_000])):
        # Headings are deliberate markup, far stronger evidence than a colon in prose.
        if _speaker(line.text) is not None:
            speakers += 1
            score += 10
        elif i == 0 and _TITLE.match(line.text):
            score += 10
    # A `# title` alone has no turns to give: leave the text to another format.
    return score if speakers else 0.0


def parse_markdown(text: str) -> ParseResult:
    """Parse SayIt Markdown into turns; title, `>` lines and preamble become context."""
    result = ParseResult()
    heads: list[tuple[str, int, int, int]] = []  # label, line start, label start, body start
    for line in iter_lines(text):
        found = _speaker_at(line.text)
        if found is not None:
            label, at = found
            heads.append((label, line.start, line.start + at, line.end))
            continue
        stripped = line.text.strip()
        if stripped.startswith(">"):
            result.context.append(ContextLine(stripped, line.start, line.end))
        elif not result.title and not heads:
            title = _TITLE.match(line.text)
            if title:
                result.title = title.group("title")
                result.date = iso_date(result.title)
                result.context.append(ContextLine(line.text, line.start, line.end))
            elif stripped:
                result.context.append(ContextLine(stripped, line.start, line.end))
        elif not heads and stripped:
            result.context.append(ContextLine(stripped, line.start, line.end))
    quoted = [c for c in result.context if c.text.startswith(">")]
    for i, (label, _line_start, label_start, body_start) in enumerate(heads):
        end = heads[i + 1][1] if i + 1 < len(heads) else len(text)
        # Trailing `>` lines belong to the gap between turns, not to this turn.
        for ctx in reversed(quoted):
            if body_start <= ctx.start < end and not text[ctx.end : end].strip():
                end = ctx.start
        result.turns.append(
            make_turn(
                text,
                i + 1,
                label,
                body_start,
                end,
                label_start=label_start,
                label_end=label_start + len(label),
            )
        )
    return result
