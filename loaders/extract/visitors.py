"""The visitor a title names: `2022-07-11 HITCON 團隊來訪`, `若水國際來訪`, `GDDA 拜會`.

A visit's title names who came; a person is named by a person's name (蔡曜隆來訪, James Sha
來訪), so a visitor that is not a person's name, nor a word of the language (產業拜會), nor
a name with a title (許毓仁委員拜會), is a body: a company, a team, a foundation. A body
followed by a title (若水國際執行長來訪) is the body its officer comes from. The
transcript then calls it by that name throughout, which no other rule can tell from a
product's or a word's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from loaders.extract.latin_names import given_names
from loaders.extract.matcher import Hit
from loaders.extract.roles import TITLES, visit_head
from loaders.extract.rule_text import SURNAMES, Candidate, is_common_word, pos_tags
from loaders.lexicon import LexiconEntry
from loaders.normalize import NormalizedText

__all__ = ["title_visitor"]

_ITEM = re.compile(r"[^、及与和]+")
_QUOTES = "「」『』《》“”\"'"
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*(?: [A-Za-z0-9&.\-]+){0,4}")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{3,16}")
#: Latin words that end a body's name, whatever name comes first (Henry Luce Foundation).
_BODY_ENDS = ("foundation", "inc", "inc.", "ltd", "group", "institute", "association", "team")
_TITLE = re.compile("|".join(sorted(TITLES, key=len, reverse=True)))
_TITLE_AT_END = re.compile(f"(?:{_TITLE.pattern})$")
_PERSON_TAGS = ("nr", "nrfg", "nrt")
#: Words that end a visitor who is a person or people (as the view writes them).
_PEOPLE_ENDS = ("导演", "同学", "老师", "教授", "先生", "女士", "小姐", "师", "线上", "在线")
#: Who sends a visitor: a company (Google Anita) or its product (FB Civic Integrity 團隊).
_SENDERS = ("Organization", "Product")


def title_visitor(view: NormalizedText, hits: Sequence[Hit]) -> Iterator[Candidate]:
    """The bodies a visit's title names as its visitors (view spans of the title); a known
    organisation at the front of a visitor (Google Anita, FB Civic Integrity 團隊) is who
    sent them, not a new body (`hits` are the title's lexicon hits)."""
    known = [h for h in hits if isinstance(h.payload, LexiconEntry) and h.payload.label in _SENDERS]
    head = visit_head(view.text)
    if head is None:
        return
    for item in _ITEM.finditer(view.text, *head):
        start, end = item.start(), item.end()
        while start < end and (view.text[start].isspace() or view.text[start] in _QUOTES):
            start += 1
        while end > start and (view.text[end - 1].isspace() or view.text[end - 1] in _QUOTES):
            end -= 1
        titled = _TITLE_AT_END.search(view.text, start, end)
        if titled and titled.start() - start >= 2:
            end = titled.start()  # 若水国际|执行长来访: the title's holder comes from the body
            if any(h.end == end and h.start >= start for h in known):
                continue  # 资策会|董事长, 台湾微软|总经理: a body already known
        if any(h.start == start and h.end < end for h in known):
            continue
        s, e = view.span(start, end)
        if _a_body(view.original[s:e], view.text[start:end]):
            yield Candidate(start, end, "title_visitor", 0.8, "Organization")


def _a_body(original: str, text: str) -> bool:
    """Whether a visitor's name (as written, and as the view writes it) names a body."""
    if _LATIN_NAME.fullmatch(original):
        words = original.split(" ")
        names = given_names()  # Google Anita: a company's visitor, by her name
        return words[-1].lower() in _BODY_ENDS or not any(word in names for word in words)
    if not _HAN_NAME.fullmatch(text) or is_common_word(text) or _TITLE.search(text):
        return False
    if text.endswith(_PEOPLE_ENDS):
        return False  # 汪怡昕导演, 仁爱国小同学, 谘商心理师: people, not a body
    if len(text) <= 3 and text[0] in SURNAMES:
        return False  # 蔡曜隆, 譚大倫: a person's name, tagged or not
    return pos_tags(text)[-1][1] not in _PERSON_TAGS  # 中时|谢锦芳: an outlet's reporter
