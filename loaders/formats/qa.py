"""`qa`: interview style, `问：…` / `答：…` (also 問/答, Q:/A:), names optional.

A label may also follow a sentence on the same line (`问：…是什么？答：…`).
`问（新华社记者）：` and `答（张三）：` carry a name in brackets; without one the
label itself (问/答) is the speaker label and the roles stage treats 问 as a
reporter and 答 as an official.
"""

from __future__ import annotations

import re

from loaders.formats.base import ParseResult, iter_lines, keep_preamble, make_turn

__all__ = ["QA_LABEL", "parse_qa", "score_qa"]

QA_LABEL = re.compile(
    r"^[ \t\u3000]*(?P<label>(?P<kind>[问問答]|Q|A|提问|提問|回答)"
    r"(?:[ \t]*[（(](?P<name>[^）)\n]{1,30})[）)])?)[ \t]*[:：.．]",
    re.IGNORECASE,
)


#: A label inside a line, after the end of a sentence: `问：…是什么？答：…` on one line.
_INLINE = re.compile(
    r"(?<=[？?。！!])[ \t\u3000]*(?P<label>(?P<kind>[问問答])"
    r"(?:[ \t]*[（(](?P<name>[^）)\n]{1,30})[）)])?)[ \t]*[:：]"
)


def _labels(line: str) -> list[re.Match[str]]:
    """The labels of a line: one at its start, then any after a sentence inside it."""
    first = QA_LABEL.match(line)
    if first is None:
        return []
    return [first, *_INLINE.finditer(line, first.end())]


def score_qa(text: str) -> float:
    """How much `text` looks like Q/A: both question and answer labels present."""
    questions = answers = 0
    for line in iter_lines(text[:200_000]):
        for match in _labels(line.text):
            if match.group("kind").upper() in ("问", "問", "Q", "提问", "提問"):
                questions += 1
            else:
                answers += 1
    if not questions or not answers:
        return 0.0
    return 3.0 * (questions + answers)


def parse_qa(text: str) -> ParseResult:
    """Parse Q/A text; anything before the first label is context."""
    result = ParseResult()
    heads: list[tuple[str, int, int, int]] = []
    for line in iter_lines(text):
        for match in _labels(line.text):
            label = match.group("label")
            label_at = line.start + match.start("label")
            heads.append((label, label_at, label_at + len(label), line.start + match.end()))
    for i, (label, label_start, label_end, body_start) in enumerate(heads):
        end = heads[i + 1][1] if i + 1 < len(heads) else len(text)
        result.turns.append(
            make_turn(
                text, i + 1, label, body_start, end, label_start=label_start, label_end=label_end
            )
        )
    first = heads[0][1] if heads else len(text)
    keep_preamble(result, text, first)
    return result
