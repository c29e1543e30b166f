"""Stage `questions`: which turns are questions and which later turns answer each.

A question is a reporter's turn that asks something (a question mark, a
question word or a request such as 想請部長介紹), or a reporter's turn long
enough to be one (reporters at a press conference rarely speak otherwise;
short remarks such as 你只講一半 are follow-ups, not questions). The answers
are the officials' turns after it, up to the next question. The host's words
in between are not answers, and neither are the hand-overs of an official who
moderates (a spokesperson saying 還有沒有媒體朋友？): a speaker who hands the
floor to a reporter is a moderator, and their short turns are moderation.
"""

from __future__ import annotations

import re

from loaders.extract.registry import ExtractOptions, Stage, register
from loaders.model import Transcript, Turn
from loaders.normalize import to_simplified

__all__ = ["ASKING", "HANDOVER", "link_answers", "moderators"]

ASKING = re.compile(
    r"[?？]|请问|請問|想问|想問|问一下|問一下|是否|能否|可否|如何|怎么|怎麼|为什么|為什麼|"
    r"什么|什麼|哪些|多少|吗|嗎|呢|想请|想請|请.{0,6}(?:介绍|說明|说明|談談|谈谈)|請.{0,6}(?:介紹|說明)|"
    r"\b(what|how|why|when|where|which|who|could you|can you|do you|would you|is there|"
    r"are there)\b",
    re.IGNORECASE,
)
#: What a moderator says when handing the floor over (simplified; matched on simplified text).
HANDOVER = re.compile(
    r"下一位|下一个问题|最后一个问题|最后一题|还有(?:没有)?.{0,6}(?:问题|提问|媒体|朋友|记者|吗)|"
    r"有没有.{0,8}(?:问题|提问|媒体|记者)|媒体朋友|请.{0,8}(?:回答|回应|答复|提问|发问)|"
    r"开放.{0,4}提问|\b(?:next question|any (?:other |more )?questions?)\b",
    re.IGNORECASE,
)
#: A reporter's turn at least this long (characters) is a question even without a cue.
QUESTION_LENGTH = 20
#: A moderator's turn shorter than this is moderation, not an answer.
MODERATION_LENGTH = 20


def _handover(turn: Turn) -> bool:
    return len(turn.text) <= 40 and HANDOVER.search(to_simplified(turn.text)) is not None


def moderators(t: Transcript) -> set[str]:
    """Speaker labels of officials who hand the floor to a reporter (they moderate)."""
    found: set[str] = set()
    for turn, after in zip(t.turns, t.turns[1:], strict=False):
        if turn.role == "official" and after.role == "reporter" and _handover(turn):
            found.add(turn.speaker)
    return found


def _is_question(turn: Turn) -> bool:
    text = turn.text.strip()
    return ASKING.search(text) is not None or len(text) >= QUESTION_LENGTH


def link_answers(t: Transcript) -> Transcript:
    """Mark questions (`is_question`) and point answer turns at them (`answers`)."""
    moderating = moderators(t)
    open_question: int | None = None
    for turn in t.turns:
        turn.is_question = False
        turn.answers = None
        if turn.role == "reporter":
            if _is_question(turn):
                turn.is_question = True
                open_question = turn.seq
            continue
        if turn.role == "host" or open_question is None or turn.role != "official":
            continue
        short = len(turn.text.strip()) < MODERATION_LENGTH
        if short and (turn.speaker in moderating or _handover(turn)):
            continue
        turn.answers = open_question
    return t


@register("questions")
def make_stage(options: ExtractOptions) -> Stage:
    return link_answers
