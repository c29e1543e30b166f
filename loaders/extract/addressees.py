"""Which officials a question turn addresses (請問郭董事長, 請教唐鳳政委, 想請教董事長).

Reporters at a press conference name whom they ask: by full name, by surname and title
(郭董事長, 王行长, 吕总) or by the title alone once it is known whose title it is. When one
reporter asks two officials in a row, the questions stage ties each official's answer to
the question put to them rather than spreading the answers over both.
"""

from __future__ import annotations

import re
from collections import Counter

from loaders.extract.roles import TITLES
from loaders.model import Transcript, Turn
from loaders.normalize import to_simplified, view_spellings

__all__ = ["ROOM", "address_forms", "addressed"]

#: Titles a reporter puts after a surname (郭董事长, 唐政委, 吕总), longest first.
_ADDRESS_TITLES = tuple(
    sorted(
        {*TITLES, *view_spellings("执行长"), "政委", "董", "总", "主委", "老师", "委员", "部长"},
        key=len,
    )[::-1]
)
_TITLE = re.compile("|".join(map(re.escape, _ADDRESS_TITLES)))
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
#: Titles that, alone, are also parts of ordinary words (委员会, 主任委员, 经理人): they
#: name an official only with a surname.
_NOT_ALONE = {"委员", "主任", "经理", "老师", "组长", "秘书", "专员", "研究员", "负责人"}


def address_forms(t: Transcript, questions: list[Turn]) -> dict[str, set[str]]:
    """Speaker label of each named official → the forms `questions` address them by.

    Their name; surname + title as the questions write it (郭董事长), for a surname no
    other official shares; a title alone (董事长) once the roles stage or a question has
    tied it to exactly one official.
    """
    names = {
        label: to_simplified(speaker.name or label)
        for label, speaker in t.speakers.items()
        if speaker.role == "official" and not speaker.anonymous
    }
    names = {label: name for label, name in names.items() if _HAN_NAME.fullmatch(name)}
    shared = Counter(name[0] for name in names.values())
    forms: dict[str, set[str]] = {label: {name} for label, name in names.items()}
    by_surname = {name[0]: label for label, name in names.items() if shared[name[0]] == 1}
    holders: dict[str, set[str]] = {}
    for label in names:
        title = t.speakers[label].title
        if title:
            holders.setdefault(to_simplified(title), set()).add(label)
    if by_surname:  # 郭董事长 in a question: the form names 郭俊铭, and 董事长 is his title
        asked = "\n".join(to_simplified(q.text) for q in questions)
        for m in _TITLE.finditer(asked, 1):
            official = by_surname.get(asked[m.start() - 1])
            if official is not None:
                forms[official].add(asked[m.start() - 1] + m.group())
                holders.setdefault(m.group(), set()).add(official)
    for title, labels in holders.items():
        if len(labels) == 1 and len(title) >= 2 and title not in _NOT_ALONE:
            forms[next(iter(labels))].add(title)
    return forms


#: Asking the room rather than one official: 想请问现场的PO, 请教各位, 问一下在座的.
_TO_THE_ROOM = re.compile(r"(?:请问|请教|问一下|请)(?:一下)?(?:现场|在场|在座|各位|其他)")
#: The label `addressed` gives a question put to everyone but a named official.
ROOM = "*"


def addressed(text: str, forms: dict[str, set[str]]) -> set[str]:
    """Labels of the officials `text` names (by any of their `forms`), or {ROOM}."""
    simple = to_simplified(text)
    named = {label for label, own in forms.items() if any(_names(simple, form) for form in own)}
    if not named and _TO_THE_ROOM.search(simple):
        return {ROOM}
    return named


def _names(text: str, form: str) -> bool:
    """Whether `text` writes `form` other than as the end of a deputy's title: 部长 is not
    named by 请问沈嘉禾副部长."""
    at = text.find(form)
    while at >= 0:
        if form.startswith("副") or text[at - 1 : at] != "副":
            return True
        at = text.find(form, at + 1)
    return False
