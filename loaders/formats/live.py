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

from loaders.formats.base import (
    SENTENCE_OR_PAUSE,
    Line,
    ParseResult,
    iter_lines,
    keep_preamble,
    make_turn,
)

__all__ = ["LABEL", "TIMESTAMP", "parse_live", "score_live"]

_WORD = r"[^\s:：,，。.!?！？;；()（）\[\]【】<>#>\"“”]"
# A label: short, no sentence punctuation, not a URL scheme; one space may join a role and a
# name or two names in Han (主持人 王兆星) or two capitalised words (Audrey Tang); a label may
# also stand in lenticular brackets (【主持人 袭艳春】).
LABEL = re.compile(
    r"^(?:\[(?P<lead_time>\d{1,2}:\d{2}(?::\d{2})?)\][ \t]*)?"  # [10:03:20] 林振邦：
    rf"(?:(?P<label>{_WORD}{{1,24}}|[\u4e00-\u9fff]{{2,8}}[ \t\u3000][\u4e00-\u9fff]{{2,8}}"
    r"|[A-Z][a-z]+[ \t][A-Z][a-z]+)"
    r"(?:[ \t]*[（(][^（）()\n。！？]{2,40}[）)])?[ \t]*[:：]"  # （who they are）: read by roles
    r"|【[ \t]*(?P<bracketed>[^】\n:：]{1,24}?)[ \t]*】[ \t]*[:：]?)"
)
TIMESTAMP = re.compile(
    r"[ \t\u3000]*\[(?P<time>\d{1,2}-\d{1,2}[ \t]+\d{1,2}:\d{2}(?::\d{2})?)\][ \t]*$"
)
_NOT_LABELS = {
    *("http", "https", "ftp", "mailto", "注", "注意", "备注", "附", "来源", "时间", "地点"),
    *("來源", "時間", "日期", "主题", "主題", "发布会主题", "發布會主題"),
}
#: Headings of the list of who takes part that opens many briefings (出席人员：/ 中国人民银行
#: 副行长 刘国强 / 主持人：/ 国务院新闻办公室新闻局副局长 寿小丽): part of the preamble.
_ROSTER_LABELS = {
    *("出席人员", "出席人員", "出席嘉宾", "出席嘉賓", "出席", "发布人", "發布人", "嘉宾", "嘉賓"),
    *("发布嘉宾", "發布嘉賓", "主持人", "主持", "主讲人", "主講人", "与会人员", "與會人員"),
}


#: The indent Chinese typesetting gives every paragraph (two full-width spaces), labelled or not.
_INDENT = re.compile(r"[ \t\u3000]+")


#: What `_label` finds: the label, its start and end, where the turn's text starts, and the
#: time stamped before the label (`[10:03:20] 林振邦：`), if any.
_Found = tuple[str, int, int, int, str | None]


def _label(line: str, indented: bool = False) -> _Found | None:
    """(label, its start, its end, where the turn's text starts, time) for a labelled line.

    With `indented`, a label may follow the paragraph indent (`　　寿小丽：`).
    """
    skip = _INDENT.match(line) if indented else None
    at = skip.end() if skip else 0
    match = LABEL.match(line[at:])  # the pattern is anchored at the start of the string
    if match is None:
        return None
    group = "label" if match.group("label") is not None else "bracketed"
    label = match.group(group)
    if label.lower() in _NOT_LABELS:
        return None
    start, end = at + match.start(group), at + match.end(group)
    return label, start, end, at + match.end(), match.group("lead_time")


def _labelled(text: str) -> list[tuple[Line, _Found]]:
    """Each labelled line with its label, in one pass.

    Text pasted from web pages and word processors indents every paragraph, so no label
    stands at a line's start: there a label may follow the indent. Transcripts that indent
    only continuation paragraphs (the ICBC example) keep their labels unindented.
    """
    flush: list[tuple[Line, _Found]] = []
    indented: list[tuple[Line, _Found]] = []
    for line in iter_lines(text):
        found = _label(line.text)
        if found:
            flush.append((line, found))
        elif _INDENT.match(line.text):
            after_indent = _label(line.text, indented=True)
            if after_indent:
                indented.append((line, after_indent))
    labelled = flush
    if len(indented) >= 2 and len(flush) * 4 < len(indented):
        labelled = sorted(flush + indented, key=lambda pair: pair[0].start)
    stamped = [pair for pair in labelled if pair[1][4] is not None]
    if len(stamped) >= 3 and len(stamped) * 5 >= len(labelled) * 4:
        return stamped  # every turn is stamped: 这里我还想特别提一点： is said inside one
    return labelled


def score_live(text: str) -> float:
    """How much `text` looks like a live transcript: labelled lines, timestamps, repeats."""
    sample = text[:200_000]
    labels = [found[0] for _, found in _labelled(sample)]
    if not labels:
        return 0.0
    stamps = sum(1 for line in iter_lines(sample) if TIMESTAMP.search(line.text))
    repeated = len(labels) - len(set(labels))
    return len(labels) + repeated + 2 * stamps


@dataclass
class _Open:
    label: str
    label_start: int
    label_end: int
    start: int
    line_start: int  # where the label's line starts: its indent, bracket or time stamp
    time: str | None


def _is_roster(text: str, opened: list[_Open]) -> bool:
    """Whether the first labelled block lists who takes part rather than saying anything:
    no sentence in it, and a line ending in the name of someone who speaks later."""
    first = opened[0]
    if first.label.strip() not in _ROSTER_LABELS or len(opened) < 2:
        return False
    block = text[first.start : opened[1].label_start]
    if SENTENCE_OR_PAUSE.search(block):  # what a turn says and a roster does not
        return False
    names = {turn.label.strip() for turn in opened[1:]}
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    return any(line.endswith(name) for line in lines for name in names if len(name) >= 2)


def _bracketed(text: str, turn: _Open) -> bool:
    """Whether the label stands in lenticular brackets (read back from the label only)."""
    at = turn.label_start - 1
    while at >= turn.line_start and text[at] in " \t":
        at -= 1
    return at >= turn.line_start and text[at] == "【"


def _is_heading(text: str, turn: _Open, end: int) -> bool:
    """Whether a bracketed label stands alone with nothing said under it (【问答环节】)."""
    return _bracketed(text, turn) and not text[turn.start : end].strip()


def parse_live(text: str) -> ParseResult:
    """Parse a live transcript; text before the first label is kept as context."""
    result = ParseResult()
    opened = [
        _Open(
            label, line.start + start, line.start + end, line.start + text_start, line.start, time
        )
        for line, (label, start, end, text_start, time) in _labelled(text)
    ]
    while opened and _is_roster(text, opened):
        opened.pop(0)  # 出席人员：…, 主持人：…: who takes part, read by roles from the preamble
    seq = 0
    for i, turn in enumerate(opened):
        end = opened[i + 1].line_start if i + 1 < len(opened) else len(text)
        if _is_heading(text, turn, end):
            continue  # 【致辞与业绩介绍】: a section heading between turns, not a speaker
        seq += 1
        time = turn.time
        stamp = TIMESTAMP.search(text[turn.start : end].rstrip())
        if stamp:
            time = stamp.group("time")
            end = turn.start + stamp.start()
        result.turns.append(
            make_turn(
                text,
                seq,
                turn.label,
                turn.start,
                end,
                time=time,
                label_start=turn.label_start,
                label_end=turn.label_end,
            )
        )
    preamble_end = opened[0].line_start if opened else len(text)
    keep_preamble(result, text, preamble_end)
    return result
