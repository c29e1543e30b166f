"""`qa`: interview style, `问：…` / `答：…` (also 問/答, Q:/A:), names optional; or a
答记者问 document whose numbered questions stand alone on their lines (一、…是什么？).

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


#: A numbered question alone on its line, as 答记者问 documents set them out (一、《办法》出台
#:的背景是什么？): a question, answered by the paragraphs up to the next one.
_NUMBERED_QUESTION = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.．][ \t\u3000]*"
    r"(?P<question>[^\n]{4,150}?[？?])[ \t\u3000]*$"
)


def _numbered_questions(text: str) -> list[tuple[int, int, int]]:
    """(question start, question end, line end) of each numbered question line."""
    found = []
    for line in iter_lines(text):
        m = _NUMBERED_QUESTION.match(line.text)
        if m:
            found.append(
                (line.start + m.start("question"), line.start + m.end("question"), line.end)
            )
    return found


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
        numbered = len(_numbered_questions(text[:200_000]))
        return 3.0 * numbered if numbered >= 2 and not questions + answers else 0.0
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
    if not heads:
        return _parse_numbered(text, result)
    keep_preamble(result, text, heads[0][1])
    return result


def _parse_numbered(text: str, result: ParseResult) -> ParseResult:
    """Numbered questions without labels: each question is a 问 turn, the paragraphs after
    it an 答 turn (the roles stage reads who answers from the title)."""
    questions = _numbered_questions(text)
    for i, (q_start, q_end, line_end) in enumerate(questions):
        end = questions[i + 1][0] if i + 1 < len(questions) else len(text)
        end = text.rfind("\n", 0, end) + 1 if i + 1 < len(questions) else end
        result.turns.append(make_turn(text, 2 * i + 1, "问", q_start, q_end))
        result.turns.append(make_turn(text, 2 * i + 2, "答", line_end, end))
    keep_preamble(
        result, text, text.rfind("\n", 0, questions[0][0]) + 1 if questions else len(text)
    )
    return result
