"""Stage `questions`: which turns are questions and which later turns answer each.

A question is a reporter's turn that asks something (a question mark or a
question word); the answers are the officials' turns after it, up to the
next question. The host's words in between are not answers.
"""

from __future__ import annotations

import re

from loaders.extract.registry import ExtractOptions, Stage, register
from loaders.model import Transcript

__all__ = ["ASKING", "link_answers"]

ASKING = re.compile(
    r"[?？]|请问|請問|想问|想問|问一下|問一下|是否|能否|可否|如何|怎么|怎麼|为什么|為什麼|"
    r"什么|什麼|哪些|多少|吗|嗎|呢|\b(what|how|why|when|where|which|who|could you|can you|"
    r"do you|would you|is there|are there)\b",
    re.IGNORECASE,
)


def link_answers(t: Transcript) -> Transcript:
    """Mark questions (`is_question`) and point answer turns at them (`answers`)."""
    open_question: int | None = None
    for turn in t.turns:
        turn.is_question = False
        turn.answers = None
        if turn.role == "reporter":
            if ASKING.search(turn.text):
                turn.is_question = True
                open_question = turn.seq
            continue
        if turn.role == "host":
            continue
        if open_question is not None and turn.role == "official":
            turn.answers = open_question
    return t


@register("questions")
def make_stage(options: ExtractOptions) -> Stage:
    return link_answers
