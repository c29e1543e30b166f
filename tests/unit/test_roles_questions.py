"""Roles and questions stages: outlets in speaker labels, moderators, questions without a mark."""

from __future__ import annotations

from loaders.extract.questions import link_answers
from loaders.extract.registry import ExtractOptions
from loaders.extract.roles import make_stage
from loaders.keys import person_key
from loaders.model import Transcript, Turn

ROLES = make_stage(ExtractOptions())


def transcript(turns: list[tuple[str, str]]) -> Transcript:
    text, rows = "", []
    for seq, (label, said) in enumerate(turns, 1):
        head = f"### {label}：\n"
        start = len(text) + len(head)
        rows.append(Turn(seq, label, said, start, start + len(said)))
        text += head + said + "\n"
    t = Transcript("t", text)
    t.turns.extend(rows)
    return link_answers(ROLES(t))


def org_of(t: Transcript, label: str) -> str | None:
    key = t.speakers[label].organization
    return t.entities[key].name if key else None


def test_outlet_labels_are_reporters_not_officials() -> None:
    t = transcript(
        [
            ("主持人", "請媒體提問。"),
            ("日本放送協會", "請問部長，衛星備援何時完成？"),
            ("唐鳳", "今年年底完成。"),
            ("TVBS", "想請部長說明短網址平台的進度。"),
            ("唐鳳", "下個月上線。"),
        ]
    )
    assert t.speakers["日本放送協會"].role == "reporter"
    assert t.speakers["TVBS"].role == "reporter"
    assert t.speakers["唐鳳"].role == "official"
    assert [turn.answers for turn in t.turns] == [None, None, 2, None, 4]


def test_named_reporters_in_labels_are_shared_persons() -> None:
    t = transcript(
        [
            ("中央社 蘇思云", "請問部長今天的重點？"),
            ("唐鳳", "重點是韌性。"),
            ("中央社蘇思云", "那預算呢？"),
            ("Yahoo 財經 楊絡懸", "請問預算多少？"),
            ("華視新聞 張至人", "請問何時上路？"),
        ]
    )
    for label, name in [("中央社 蘇思云", "蘇思云"), ("中央社蘇思云", "蘇思云")]:
        assert t.speakers[label].person == person_key(name)
        assert org_of(t, label) == "中央社"
    assert t.speakers["Yahoo 財經 楊絡懸"].name == "楊絡懸"
    assert org_of(t, "Yahoo 財經 楊絡懸") == "Yahoo財經"
    assert org_of(t, "華視新聞 張至人") == "華視新聞"


def test_agency_and_its_outlet_resolve_to_known_media() -> None:
    t = transcript([("新华社中国经济信息社记者", "请问工行的金融科技投入是多少？")])
    outlet = t.entities[t.speakers["新华社中国经济信息社记者"].organization]
    assert outlet.name == "新华社中国经济信息社"
    assert "中国经济信息社" in outlet.aliases
    assert outlet.kind == "media"


def test_question_without_a_mark_and_moderator_turns() -> None:
    t = transcript(
        [
            ("問", "沒有找出訊息來源？"),
            ("唐鳳", "對。"),
            ("Kolas Yotaka", "還有沒有媒體朋友？"),
            ("問", "政委您看起來對於各部會即時澄清的能力很有信心，您提到以後用最迅速的方式。"),
            ("唐鳳", "我是對發言人有信心。"),
            ("Kolas Yotaka", "對大家很有信心。"),
            ("問", "你只講一半。"),
            ("Kolas Yotaka", "其實臺灣是一個民主的國家，不可能用強硬的手段壓迫言論自由。"),
        ]
    )
    assert [turn.is_question for turn in t.turns] == [
        True, False, False, True, False, False, False, False,
    ]  # fmt: skip
    assert [turn.answers for turn in t.turns] == [None, 1, None, None, 4, None, None, 4]


def test_official_introduced_by_surname_or_heading() -> None:
    from loaders.extract.roles import introduced_by_surname, titled_in_heading

    intro = introduced_by_surname("首先是數位部唐部長、第二位是次長", "唐鳳")
    assert intro is not None and (intro.organization, intro.title) == ("數位部", "部長")
    assert introduced_by_surname("謝謝唐部長", "唐鳳") is None
    heading = titled_in_heading("2022-09-01 數位部長唐鳳線上視訊記者會逐字稿", "唐鳳")
    assert heading is not None and (heading.organization, heading.title) == ("數位部", "部長")
    assert titled_in_heading("2022-09-01 唐鳳線上記者會", "唐鳳") is None
