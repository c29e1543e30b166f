"""Names listed beside a found name: 微軟、KKtix等等; LINE、SKYPE跟TANGO; Proton Mail、Proton Pass.

A tight list (items joined by 、 or a conjunction) names things of one kind, so an item no
rule or lexicon entry recognised, listed next to a found organisation, product or
technology, is one too. Only items that are names by their shape are taken, as the list
alone cannot tell a name from a topic (金融科技、資訊疫情): a Latin name with a capital or
a digit (Latin words in Chinese text are names or terms; lower-case ones are as often
ordinary English), a Chinese organisation with an office's ending (健保局、災防中心), a
smart-X or X-tech technology (智慧零售、健康科技). A person's given name (Peter、數位部)
is not taken; a list holding a person or a place ends there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from loaders.extract.latin_names import given_names
from loaders.extract.rule_text import is_common_word, noun_tail, pos_tags
from loaders.model import Mention
from loaders.normalize import to_simplified

__all__ = ["Sibling", "listed_siblings"]

#: The labels whose lists are read.
LISTED_LABELS = ("Organization", "Product", "Technology")

_CONJUNCTIONS = r"以及|或是|或者|还有|還有|和|與|与|及|跟|或"
_SEPARATOR = rf"\s*(?:、|{_CONJUNCTIONS})\s*"
_SEP_AFTER = re.compile(_SEPARATOR)
_SEP_BEFORE = re.compile(rf"{_SEPARATOR}$")

_LATIN_WORD = r"[A-Za-z0-9](?:[A-Za-z0-9&+\-]|\.(?=[A-Za-z0-9]))*"
_LATIN_ITEM = rf"{_LATIN_WORD}(?: (?=[A-Z0-9]){_LATIN_WORD}){{0,3}}"
_LATIN_AFTER = re.compile(_LATIN_ITEM)
_LATIN_BEFORE = re.compile(rf"{_LATIN_ITEM}$")
_LATIN_NEIGHBOUR = re.compile(r"[A-Za-z0-9À-ɏ.@/_\-]")
_CAPITAL_OR_DIGIT = re.compile(r"[A-Z0-9]")

_HAN = r"\u4e00-\u9fff"
#: What may follow an item: the list goes on or the clause does (LINE跟TANGO, KKtix等等).
_ITEM_FOLLOWERS = frozenset(
    "、和与與及跟或还還等的这這那之都也上在是已就来來把被让讓对對给給从從到为為而以着著了吗嗎呢吧啊"
)
_PUNCTUATION = frozenset("，。；：！？,.;:!?「」『』“”《》（）()[]【】…—\n")

_OFFICE_ENDS = (
    *("局", "署", "處", "处", "所", "中心", "科大", "大學", "大学", "黨", "党", "公司"),
    *("銀行", "银行", "協會", "协会", "基金會", "基金会", "學會", "学会", "集團", "集团"),
    *("雜誌", "杂志", "日報", "日报", "時報", "时报", "電視台", "电视台", "電台", "电台"),
)
_HAN_ORG = re.compile(rf"[{_HAN}]{{3,10}}")
_HAN_TECH = re.compile(rf"(?:智慧|智能)[{_HAN}]{{2,4}}|[{_HAN}]{{2,4}}科技")
_CLAUSE_TAGS = ("v", "d", "c", "p", "r", "u")
#: Characters a Chinese item must not hold: a clause, a courtesy, a pointer (謝謝主秘, 該局).
_NOT_IN_NAME = frozenset(
    "的了是在我你他她它这這那们們有要会會说說就都也还還很把被给給让讓吗嗎呢吧啊等个個些各该該本谢謝感请請"
)
#: Office endings that also end kinds of place (托嬰中心, 食物銀行, 電信公司): the name
#: before them must be no ordinary word.
_KIND_ENDS = ("中心", "銀行", "银行", "公司")


@dataclass(frozen=True)
class Sibling:
    """An unrecognised item of a list beside a found name, with the found name's label."""

    start: int
    end: int
    label: str


def listed_siblings(
    text: str, start: int, end: int, mentions: Sequence[Mention]
) -> Iterator[Sibling]:
    """The siblings of the found names in `text[start:end]` (one turn); `mentions` are
    that turn's, with offsets into `text`."""
    spans = sorted((m.start, m.end, m.label) for m in mentions)
    seen: set[tuple[int, int]] = set()
    for anchor in spans:
        if anchor[2] not in LISTED_LABELS:
            continue
        for sibling in (
            *_walk(text, start, end, spans, anchor, forward=True),
            *_walk(text, start, end, spans, anchor, forward=False),
        ):
            if (sibling.start, sibling.end) not in seen:
                seen.add((sibling.start, sibling.end))
                yield sibling


def _walk(
    text: str,
    start: int,
    end: int,
    spans: list[tuple[int, int, str]],
    anchor: tuple[int, int, str],
    forward: bool,
) -> Iterator[Sibling]:
    """Items of the list from the anchor on, one way, until one is not a name."""
    label = anchor[2]
    at = anchor[1] if forward else anchor[0]
    while True:
        item = _next_item(text, start, end, at, label, forward)
        if item is None:
            return
        a, b = item
        covering = [s for s in spans if s[0] < b and a < s[1]]
        if covering:
            if any(s[2] != label for s in covering):
                return  # a person, a place or a thing of another kind: not one list
            at = max(s[1] for s in covering) if forward else min(s[0] for s in covering)
            continue
        yield Sibling(a, b, label)
        at = b if forward else a


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _next_item(
    text: str, start: int, end: int, at: int, label: str, forward: bool
) -> tuple[int, int] | None:
    """The span of the item after (or before) offset `at`, if a separator leads to one. A
    comma is none: in English it also ends a sentence's opening word (Yeah, So, Actually)."""
    if forward:
        sep = _SEP_AFTER.match(text, at, end)
        if sep is None:
            return None
        return _item_after(text, sep.end(), end, label)
    window = text[max(start, at - 40) : at]
    sep = _SEP_BEFORE.search(window)
    if sep is None:
        return None
    return _item_before(text, start, at - len(window) + sep.start(), label)


def _item_after(text: str, at: int, end: int, label: str) -> tuple[int, int] | None:
    if at >= end:
        return None
    if _is_latin(text[at]):
        found = _LATIN_AFTER.match(text, at, end)
        if found is None:
            return None
        b = found.end()
        nxt = text[b : b + 1]
        if nxt and not (nxt in _ITEM_FOLLOWERS or nxt in _PUNCTUATION or nxt.isspace()):
            return None  # LOL版, B型企業: a word of a longer name
        return (at, b) if _latin_name(text[at:b]) else None
    for b in range(at + 2, min(end, at + 10) + 1):
        if b == end or text[b] in _PUNCTUATION or text[b] in "、等":
            return (at, b) if _han_name(text[at:b], label) else None
        if _SEP_AFTER.match(text, b) and _han_name(text[at:b], label):
            return at, b
    return None


def _item_before(text: str, start: int, at: int, label: str) -> tuple[int, int] | None:
    if at <= start:
        return None
    if _is_latin(text[at - 1]):
        found = _LATIN_BEFORE.search(text, max(start, at - 40), at)
        if found is None:
            return None
        a = found.start()
        if a > start and _LATIN_NEIGHBOUR.match(text[a - 1]):
            return None  # Ākina, data.gov.tw/apis.json: part of a longer word or address
        return (a, at) if _latin_name(text[a:at]) else None
    for a in range(at - 2, max(start, at - 10) - 1, -1):
        if a == start or text[a - 1] in _PUNCTUATION or text[a - 1] in "、 ":
            if _han_name(text[a:at], label):
                return a, at
            break
        if _SEP_BEFORE.search(text, max(start, a - 3), a) and _han_name(text[a:at], label):
            return a, at
    # the list's first item, with no mark before it (放在健保局、地質所): its noun words
    size = noun_tail(text[max(start, at - 10) : at])
    return (at - size, at) if size >= 2 and _han_name(text[at - size : at], label) else None


def _latin_name(item: str) -> bool:
    """A Latin item that is a name by its shape: a capital or a digit in its first word,
    three characters if all capitals, not a person's given name, not an app's bare kind."""
    item = item.strip()
    first = item.split(" ")[0]
    if len(item) < 2 or not _CAPITAL_OR_DIGIT.search(first) or item.isdigit():
        return False
    if len(item) == 2 and not any(char.islower() for char in item):
        return False  # GA, PC, CC: two capitals name too many things to take one's kind
    if first in given_names():
        return False
    return item.lower() not in {"app", "apps", "api", "ok"}


def _han_name(item: str, label: str) -> bool:
    """A Chinese item that is a name of the list's kind by its shape."""
    if any(char in _NOT_IN_NAME for char in item):
        return False
    simplified = to_simplified(item)
    if is_common_word(simplified):
        return False
    if any(tag.startswith(_CLAUSE_TAGS) and tag != "vn" for _, tag in pos_tags(simplified)):
        return False  # 最后总统|签署, 所以|请防救灾中心: a clause, not a name
    if label == "Organization":
        if not item.endswith(_OFFICE_ENDS) or _HAN_ORG.fullmatch(item) is None:
            return False
        kind = next((end for end in _KIND_ENDS if item.endswith(end)), None)
        return kind is None or not is_common_word(to_simplified(item[: -len(kind)]))
    if label == "Technology":
        return _HAN_TECH.fullmatch(item) is not None
    return False
