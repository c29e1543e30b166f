"""Stage `questions`: which turns are questions and which later turns answer each.

A question is a reporter's turn that asks something (a question mark, a
question word or a request such as 想請部長介紹), or a reporter's turn long
enough to be one (reporters at a press conference rarely speak otherwise;
short remarks such as 你只講一半 are follow-ups, not questions). The answers
are the officials' turns after it, up to the next question. The host's words
in between are not answers, and neither are the hand-overs of an official who
moderates (a spokesperson saying 還有沒有媒體朋友？): a speaker who hands the
floor to a reporter is a moderator, and their short turns are moderation, unless
the turn replies right after a question (沒有，我覺得很好。 from an official who also
hands the floor over).

Reporters often speak several turns in a row (one sets the scene, the next
asks; or two questions in two turns). When some turns of such a run ask
something, the others only set the scene. The officials' turns after a run are
spread over its questions: each official's first turn answers the first
question, the second the second, and so on, so every question of the run is
tied to the officials who took it up (a turn answers one question). When the
reporter names whom each question is for (請教郭董事長, 請教一下唐鳳政委: see
addressees.py), an official's turns go to the questions put to them instead. An
official who names an earlier questioner (有關 iThome 問到這個問題) returns to that
question. Thanks and closing words (謝謝各位, 記者會到此結束) answer nothing.

Where nobody asks as a reporter (a dialogue, a meeting, a visit whose sides both
ask), the transcript is read as a conversation: a turn whose last sentence asks is
put to whoever speaks next (see `_link_conversation`). Where reporters ask, an official
who ends by asking the reporter after them is answered by that reporter's reply (see
`_link_asked_back`).
"""

from __future__ import annotations

import re

from loaders.extract.addressees import ROOM, address_forms, addressed
from loaders.extract.registry import ExtractOptions, Stage, register
from loaders.model import Transcript, Turn
from loaders.normalize import to_simplified

__all__ = ["ASKING", "CLOSING", "HANDOVER", "link_answers", "moderators", "question_turns"]

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
    r"有没有.{0,8}(?:问题|提问|媒体|记者)|媒体朋友|请.{0,8}(?:回答|回应|答复|提问|发问|补充|说明)|"
    r"请.{1,8}(?:说|讲)一下|"
    r"开放.{0,4}提问|(?:可以|欢迎|向).{0,10}(?:提问|发问)|"
    r"\b(?:next question|any (?:other |more )?questions?)\b",
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


#: A reporter's turn that opens by counting its question (第二個，有關於…; 第三個問題是…;
#: 最後一個問題) asks even without a question word: it is one of a list of questions.
NUMBERED = re.compile(
    r"^(?:第[二三四五六七八九十两兩2-9]|另外(?:一个|一個)?(?:问题|問題)|"
    r"(?:还有|還有|最后|最後)(?:一个|一個)(?:问题|問題))"
)


def _asks(turn: Turn) -> bool:
    text = turn.text.strip()
    return ASKING.search(text) is not None or NUMBERED.match(text) is not None


def _is_question(turn: Turn) -> bool:
    return _asks(turn) or len(turn.text.strip()) >= QUESTION_LENGTH


#: Words that only thank or close the conference (simplified): no answer in them.
CLOSING = re.compile(
    r"到此结束|到这[里边]结束|圆满结束|就到这[里边]|到[此这]为止|到这边为止|散会|"
    r"\b(?:that concludes|this concludes|thank you all for coming)\b",
    re.IGNORECASE,
)
_THANKS = re.compile(r"^(?:谢谢|感谢|多谢|thank you|thanks)", re.IGNORECASE)


def _closes(turn: Turn) -> bool:
    """A turn of thanks (謝謝 TTC 及所有同仁) or closing words is no answer."""
    text = turn.text.strip()
    if len(text) > 80:
        return False
    text = to_simplified(text)
    if len(text) < MODERATION_LENGTH and _THANKS.match(text) and not ASKING.search(text):
        return True
    return CLOSING.search(text) is not None


def question_turns(t: Transcript) -> dict[int, bool]:
    """The reporters' turns that ask (seq → whether a cue says so), read by runs.

    In a run of consecutive reporter turns where some turn asks (a question mark or word),
    a turn that does not ask sets the scene; otherwise a long turn is a question.
    """
    found: dict[int, bool] = {}
    run: list[Turn] = []
    for turn in [*t.turns, None]:
        if turn is not None and turn.role == "reporter":
            run.append(turn)
            continue
        if turn is not None and turn.role == "host" and run:
            continue  # the host's words inside a run do not end it
        asking = [r for r in run if _asks(r)]
        for r in asking or [r for r in run if _is_question(r)]:
            found[r.seq] = bool(asking)
        run = []
    return found


def _returning(turn: Turn, asked_by: dict[str, int]) -> int | None:
    """The question of an earlier questioner an answer names at its start, if any."""
    head = turn.text[:40]  # names are kept as written and simplified: no conversion here
    for name, seq in asked_by.items():
        at = head.find(name)
        if at >= 0 and re.match(r".{0,6}[问問]", head[at + len(name) :]):
            return seq
    return None


#: A statement this long (Han characters) after a reporter's question, in paragraphs of its
#: own with no question in them, is the answer printed without its speaker's label.
_INLINE_ANSWER = 150
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _answered_inside(turn: Turn) -> bool:
    """Whether a question turn carries its answer unlabelled: the question ends a paragraph
    and long paragraphs that ask nothing follow (当前粮食供应情况如何？\n关于你关心的…)."""
    paragraphs = [p.strip() for p in turn.text.splitlines() if p.strip()]
    for i, paragraph in enumerate(paragraphs[:-1]):
        if paragraph.endswith(("?", "？")):
            rest = paragraphs[i + 1 :]
            han = sum(len(_HAN.findall(p)) for p in rest)  # English askers muse on at length
            return han >= _INLINE_ANSWER and not any(ASKING.search(p) for p in rest)
    return False


#: What may close a question after its question mark: a stage direction, quotes, brackets.
_STAGE_DIRECTION = re.compile(r"[（(][^（）()]{0,8}[）)]$")
_CLOSERS = "」』”\"'…）)"
#: Marks that end a sentence (an English question too, when another sentence follows it):
#: the last sentence of a turn is what it leaves the room with.
_SENTENCE_END = re.compile(r"[。！!；;\n]|\.(?=\s)|(?<=[?？])\s+(?=[A-Z])")
#: How many turns after a question in a conversation may answer it.
CONVERSATION_REPLIES = 4


#: A question put to the room rather than to one person (simplified): 与会的各位是否还有…？
_TO_THE_ROOM = re.compile(
    r"各位|大家|在座|与会|还有(?:没有)?|有没有人|谁|哪一?位|\b(?:anyone|everyone)\b"
)


def _without_closing(text: str) -> str:
    """`text` without the stage directions, quotes and brackets that close it (…嗎？」（笑）),
    read back from its end only: a turn may be long."""
    while True:
        text = text.rstrip()
        direction = _STAGE_DIRECTION.search(text, max(0, len(text) - 10))
        if direction:
            text = text[: direction.start()]
        elif text[-1:] and text[-1] in _CLOSERS:
            text = text[:-1]
        else:
            return text


#: Thanks after a question (…夢想？謝謝。): the question is still what the turn leaves open.
_TRAILING_THANKS = re.compile(
    r"(?<=[?？])\s*(?:谢谢|謝謝|感谢|感謝|thank you|thanks)[^?？]{0,8}$", re.IGNORECASE
)


def _last_sentence(turn: Turn) -> str:
    """What a turn leaves the room with: its last sentence, closing marks and thanks dropped."""
    text = _without_closing(turn.text)
    thanks = _TRAILING_THANKS.search(text, max(0, len(text) - 24))
    if thanks:
        text = text[: thanks.start()]
    return _SENTENCE_END.split(text.rstrip("。！!；;.\n "))[-1]


#: A last sentence that asks without a question mark (我想聽聽看您的想法。, 你們要不要介紹
#: MOJOY。; simplified).
_REQUEST = re.compile(
    r"(?:想|希望)(?:听听|请教|请您)|请(?:您|你)?(?:分享|谈谈|说说)"
    r"|(?:你|您|妳)们?(?:要不要|可不可以|能不能|愿不愿意|有没有)"
)


def _ends_asking(turn: Turn) -> bool:
    """Whether a turn's last sentence asks (…怎麼做？, 或是露西？（笑）, 想聽聽您的想法。)."""
    return _sentence_asks(_last_sentence(turn))


def _sentence_asks(sentence: str) -> bool:
    return (
        "?" in sentence or "？" in sentence or _REQUEST.search(to_simplified(sentence)) is not None
    )


#: An answer that says it answers (希望有回答老師的問題, 先回答到這邊; simplified).
_SAYS_IT_ANSWERS = re.compile(
    r"(?:希望有|试着|尝试)回答|(?<!请)(?<!先请)回答(?:到这|到此)(?![^。！？?\n]*[吗？?])"
)


#: A question relayed from an online channel and read out by the chair (sli.do：「…？」,
#: 網友問：…？): simplified, the channel label and what was sent.
_RELAYED = re.compile(
    r"^(?:sli\.?do|slido|网友|线上|网路|网络|直播)[^：:\n「“]{0,10}[：:]\s*(.+)$",
    re.IGNORECASE | re.DOTALL,
)
#: How much of a turn's start can hold the channel label (`sli.do上有問：`).
_RELAY_HEAD = 20
#: At most this many characters may follow the relayed words in the reading turn; more
#: is the chair answering in the same turn (sli.do：「…」——確實…).
_RELAY_TAIL = 30


def _relayed(turn: Turn) -> bool | None:
    """Whether a turn that reads out what was sent in online asks (sli.do：「…？」); None for
    a turn that reads nothing out. Only the turn's start is simplified to find the label."""
    text = turn.text.strip()
    if _RELAYED.match(to_simplified(text[:_RELAY_HEAD])) is None:
        return None
    m = _RELAYED.match(to_simplified(text))
    if m is None:
        return None
    sent = m.group(1)
    if sent[:1] in _QUOTE_PAIRS:
        close = _closing_quote(sent)
        if close < 0 or len(sent) - close - 1 > _RELAY_TAIL:
            return False
        sent = sent[1:close]
    return ASKING.search(sent) is not None or "怎样" in sent


_QUOTE_PAIRS = {"「": "」", "“": "”"}


def _closing_quote(text: str) -> int:
    """Where the quote that opens `text` closes, quotes inside it skipped (「…「說明文件」？」)."""
    opening, closing = text[0], _QUOTE_PAIRS[text[0]]
    depth = 0
    for i, char in enumerate(text):
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return i
    return -1


def _link_conversation(t: Transcript) -> Transcript:
    """Questions and answers where nobody asks for an outlet (a dialogue, a meeting, a
    visit where both sides ask): a turn whose last sentence asks, followed by someone
    else, is a question. The next speaker answers it; a question put to the room
    (各位還有沒有…？) is answered by the turns after it until its asker speaks again, at
    most `CONVERSATION_REPLIES`. A reply that ends asking is a question in turn. A turn
    that says it answers (希望有回答老師的問題) answers the turn before it, and an answer
    that hands the rest to a colleague (請正華回答) is followed by that colleague's. A
    question sent in online and read out (sli.do：「…？」) is put to the room, its reader
    included: the reader's own next turns answer it. What is read out answers nothing."""
    open_question: Turn | None = None
    answerers: list[str] = []
    room = handed = relayed = False
    for previous, turn, after in zip([None, *t.turns], t.turns, [*t.turns[1:], None], strict=False):
        turn.is_question = False
        turn.answers = None
        asks = _relayed(turn)
        if asks is not None:  # read out: it answers nothing
            turn.is_question = asks
            open_question, answerers, room, relayed = (turn if asks else None), [], True, True
            continue
        if open_question is not None:
            another = bool(answerers) and turn.speaker not in answerers and not (room or handed)
            if (
                (turn.speaker == open_question.speaker and not relayed)
                or another
                or len(answerers) >= CONVERSATION_REPLIES
            ):
                open_question = None
            elif turn.role != "host" and not _closes(turn):
                turn.answers = open_question.seq
                answerers.append(turn.speaker)
        if (
            turn.answers is None
            and previous is not None
            and previous.speaker != turn.speaker
            and _SAYS_IT_ANSWERS.search(to_simplified(turn.text))
        ):
            previous.is_question = True  # 希望有回答老師的問題: the turn before it asked
            turn.answers = previous.seq
            open_question, answerers, room, relayed = previous, [turn.speaker], False, False
        last = _last_sentence(turn)
        # an answer handing the rest to a colleague (其他的部分請正華回答): they answer too
        handed = turn.answers is not None and HANDOVER.search(to_simplified(last)) is not None
        if after is not None and after.speaker != turn.speaker and _sentence_asks(last):
            turn.is_question = True
            open_question, answerers, relayed = turn, [], False
            room = _TO_THE_ROOM.search(to_simplified(last)) is not None
    return t


def link_answers(t: Transcript) -> Transcript:
    """Mark questions (`is_question`) and point answer turns at them (`answers`)."""
    if not any(turn.role == "reporter" for turn in t.turns):
        return _link_conversation(t)
    moderating = moderators(t)
    questions = question_turns(t)
    forms = address_forms(t, [turn for turn in t.turns if turn.seq in questions])
    to_whom = {turn.seq: addressed(turn.text, forms) for turn in t.turns if turn.seq in questions}
    asked_by: dict[str, int] = {}  # a questioner's name or outlet → their latest question
    run: list[int] = []  # the questions the officials are answering
    earlier: list[int] = []  # the run before it
    given: dict[str, int] = {}  # answer turns each official has given to the run
    answered_before: set[tuple[str, int]] = set()  # (official, question) of earlier runs
    answered_now: set[tuple[str, int]] = set()
    last: int | None = None  # the question the latest answer of this run went to
    answered = False
    for turn, previous in zip(t.turns, [None, *t.turns], strict=False):
        turn.is_question = False
        turn.answers = None
        if turn.role == "reporter":
            if turn.seq in questions:
                if answered:
                    earlier, run, given, answered = run, [], {}, False
                    answered_before |= answered_now
                    answered_now, last = set(), None
                turn.is_question = True
                if _answered_inside(turn):
                    run, answered = [], False  # its answer stands unlabelled in the turn
                    continue
                # Answers are spread only over questions that ask; long remarks with no
                # question in them (a meeting's statements) are answered as one, the last.
                run = [*run, turn.seq] if questions[turn.seq] else [turn.seq]
                for name in _questioner_names(t, turn):
                    asked_by[name] = turn.seq
            continue
        if turn.role != "official" or not run:
            continue
        short = len(turn.text.strip()) < MODERATION_LENGTH
        moderator = turn.speaker in moderating
        replying = previous is not None and previous.is_question  # 沒有，我覺得很好。
        if (short and moderator and not replying) or (_handover(turn) and (short or moderator)):
            continue
        if _closes(turn):
            continue
        before = {k: v for k, v in asked_by.items() if v < run[0]}
        back = _returning(turn, before) if before else None
        if back is not None:
            run, given = [back], {}
        answered = True
        nth = given.get(turn.speaker, 0)
        given[turn.speaker] = nth + 1
        targets = _put_to(turn.speaker, run, earlier, to_whom, answered_before, last)
        turn.answers = last = targets[nth % len(targets)]
        answered_now.add((turn.speaker, turn.answers))
    _link_asked_back(t, moderating)
    return t


#: How a reply opens (simplified): 是，…; 对。; 没有，…; yes, …
_REPLY_OPENING = re.compile(
    r"^(?:是(?!否)|对|不是|没有|好(?!像)|嗯|可以(?![请问再])|不会|"
    r"(?:yes|yeah|yep|no|right|sure|okay|ok)\b)",
    re.IGNORECASE,
)
#: Asking the one spoken to (simplified): 你觉得呢？, 您是说…？, do you …?
_TO_YOU = re.compile(r"你|您|妳|\byou\b", re.IGNORECASE)


def _link_asked_back(t: Transcript, moderating: set[str]) -> None:
    """An official's turn that ends by asking the reporter after it (您覺得哪些資料最需要？
    at a visit, 我回答清楚了嗎？) is a question too, which that reporter's next turn answers
    when it asks nothing back, opens as a reply (是，…; 對。) or was asked as "you". A question
    handed to a colleague (看院長要不要補充？) is answered by no reporter asking the next
    question, and a moderator handing the floor over asks nobody anything."""
    for turn, after in zip(t.turns, t.turns[1:], strict=False):
        if not (
            turn.role == "official"
            and after.role == "reporter"
            and after.answers is None
            and turn.speaker not in moderating
            and not _handover(turn)
            and _ends_asking(turn)
        ):
            continue
        replying = _REPLY_OPENING.match(to_simplified(after.text.strip())) is not None
        to_you = _TO_YOU.search(to_simplified(_last_sentence(turn))) is not None
        if not _asks(after) or replying or to_you:
            turn.is_question = True
            after.answers = turn.seq


def _put_to(
    official: str,
    run: list[int],
    earlier: list[int],
    to_whom: dict[int, set[str]],
    answered_before: set[tuple[str, int]],
    last: int | None,
) -> list[int]:
    """The questions of `run` an official's answer goes to, in order.

    Those put to this official by name or title, with those put to no one in particular;
    else one from the run before that was put to them and that they had not answered
    (郭董事長 answers after 唐鳳 took a follow-up); else those put to no one or to the
    room (想請問現場的PO); else, when every question was put to someone else, the one
    the answer before went to (an official hands over to a colleague: 我先請羅前總工程師
    說明); else the whole run.
    """
    if len(run) == 1 and not to_whom.get(run[0]):
        back = [q for q in earlier if official in to_whom.get(q, set())]
        if back and not any((official, q) in answered_before for q in back):
            return back
        return run
    mine = [q for q in run if official in to_whom.get(q, set())]
    open_questions = [q for q in run if not to_whom.get(q)]
    if mine or len(run) == 1:
        return [q for q in run if q in mine or q in open_questions] if mine else run
    for_anyone = [q for q in run if not to_whom.get(q) or ROOM in to_whom[q]]
    if for_anyone:
        return for_anyone
    return [last] if last is not None else run


def _questioner_names(t: Transcript, turn: Turn) -> list[str]:
    """How an official may name this questioner: the label, the name, the outlet."""
    speaker = t.speakers.get(turn.speaker)
    names = [turn.speaker]
    if speaker is not None:
        names.append(speaker.name)
        org = t.entities.get(speaker.organization) if speaker.organization else None
        if org is not None:
            names += [org.name, *org.aliases]
    forms = [form for n in names for form in (n, to_simplified(n))]
    return [n for n in dict.fromkeys(forms) if len(n) >= 2]


@register("questions")
def make_stage(options: ExtractOptions) -> Stage:
    return link_answers
