"""Rule `government_subunit`: departments and offices named after their parent body.

Ministries and agencies announce through their departments (教育部资科司, 卫福部的医事司,
数发部下设民主网络司, 行政院国土办), and no lexicon can hold every department. A short
name ending in a unit word (司, 处, 科, 室, 办, 中心) is a unit only when a known
government body stands right before it (or the unit is listed after another unit,
or quoted near such a body), so ordinary words that end in the same characters
(公司, 好处, 学科, 教室, 服务中心) are never taken.

Works on the normalised view with the lexicon hits of the same turn; spans are
view spans, mapped back to the original by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from loaders.extract.matcher import Hit
from loaders.extract.rule_text import Candidate, is_common_word, pos_tags
from loaders.lexicon import LexiconEntry
from loaders.normalize import NormalizedText

__all__ = ["government_subunits"]

_HAN = "\u4e00-\u9fff"
_UNIT = r"(?:司|处|科|室|办|署|局|委员会|中心)"
#: A unit right after its parent: 教育部资科司, 卫福部的医事司, 数发部下设民主网络司.
_AFTER_PARENT = re.compile(rf"(?:的|之|下设的?|所属的?|辖下的?|底下的?)?([{_HAN}]{{2,5}}?{_UNIT})")
#: Another unit listed after one: 医事司、资讯处.
_LISTED = re.compile(rf"(?:、|和|跟|及|与)([{_HAN}]{{2,4}}?(?:司|处|科|室|署|局))")
#: A unit under a unit: 民主网络司底下有一个『多元宇宙科』.
_NESTED = re.compile(
    rf"(?:底下|下设|之下)(?:有|的)?(?:一个)?[“「『]?([{_HAN}]{{2,6}}?(?:科|处|室|组))[”」』]?"
)
#: A quoted unit (名字以「韧性建设司」) counts when a government body is named nearby.
_QUOTED = re.compile(rf"[“「『]([{_HAN}]{{2,6}}(?:司|处|科|署|局))[”」』]")
_NEARBY = 30
_PARENT_KINDS = ("government", "regulator")


#: Characters a department's name never holds: joiners and function words
#: (经济部跟国科会, 青年署或资科司, 特教有个科).
_NOT_IN_NAME = set("或和跟与及的了是在有每各这那其也都就还又已")
#: Characters that make 办 a verb's object (接办, 承办, 主办, 协办, 举办): handling, not an office.
_HANDLING = set("接承主协举开代合创兴筹督交查申试停续补包照怎难好要来去再先")
#: Word classes that open a clause rather than a name (自己办, 常常办, 本来动保科, 里面办).
_NOT_NAME_TAGS = ("p", "c", "d", "f", "r", "t", "u", "y", "zg")


def _unit_like(name: str, following: str) -> bool:
    """A name of nouns, not an ordinary word nor one glued to the next character (公司, 处理)."""
    unit = next((u for u in ("中心", "委员会") if name.endswith(u)), name[-1])
    size = len(unit)
    head = name[:-size]
    if any(c in _NOT_IN_NAME for c in head):
        return False
    if unit == "办" and head[-1:] in _HANDLING:
        return False  # 资安院本年度接办: taking a job over, no office
    if unit == "办" and following.isascii() and following.isalnum():
        return False  # 外交部詹大使办|APEC论坛: holding an event, no office
    tags = pos_tags(head)
    if any(tag.startswith(_NOT_NAME_TAGS) for _, tag in tags):
        return False
    if tags and tags[0][1] == "v":
        return False  # 看到环保署, 尊重环保署: a verb before a body, not a unit's name
    if any(is_common_word(part) for part in (name, name[-size - 1 :], name[-size - 2 :])):
        return False  # 公司, 好处, 服务中心
    return not (following and is_common_word(unit + following[0]))


def _parents(hits: Sequence[Hit]) -> list[Hit]:
    return [
        hit
        for hit in hits
        if isinstance(hit.payload, LexiconEntry)
        and hit.payload.label == "Organization"
        and hit.payload.kind in _PARENT_KINDS
    ]


def government_subunits(view: NormalizedText, hits: Sequence[Hit]) -> Iterator[Candidate]:
    """Departments after a known government body, listed after one, or quoted near one."""
    text = view.text
    parents = _parents(hits)
    if not parents:
        return
    found: list[tuple[int, int, tuple[int, int] | None]] = []  # start, end, alias
    for hit in parents:
        m = _AFTER_PARENT.match(text, hit.end)
        if m is None or not _unit_like(m.group(1), text[m.end() : m.end() + 1]):
            continue
        if m.start(1) == hit.end:
            # 经济部技术处: written together, the unit is named with its parent (every
            # ministry has a 资讯处), and the unit's own name is an alias.
            found.append((hit.start, m.end(1), (m.start(1), m.end(1))))
        else:
            found.append((m.start(1), m.end(1), None))
        pos = m.end()
        while (more := _LISTED.match(text, pos)) and _unit_like(
            more.group(1), text[more.end() : more.end() + 1]
        ):
            found.append((more.start(1), more.end(1), None))
            pos = more.end()
        nested = _NESTED.match(text, pos)
        if nested and _unit_like(nested.group(1), text[nested.end() : nested.end() + 1]):
            found.append((nested.start(1), nested.end(1), None))
    for m in _QUOTED.finditer(text):
        near = any(
            abs(hit.start - m.start()) <= _NEARBY or abs(m.end() - hit.end) <= _NEARBY
            for hit in parents
        )
        if near and _unit_like(m.group(1), ""):
            found.append((m.start(1), m.end(1), None))
    for start, end, alias in found:
        yield Candidate(start, end, "government_subunit", 0.75, "Organization", alias)
