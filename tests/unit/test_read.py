"""Bytes → text: the encoding matrix, short files, broken bytes, binary and empty input."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from loaders.read import decode, read_document
from presskg.errors import InputError

LIVE = (
    "主持人：各位记者朋友，下午好。[04-26 16:51]\n金融时报记者：请问王行长，融e行的用户有多少？\n"
)
TRAD = "主持人：各位記者朋友，下午好。\n記者：請問部長，這個計畫何時開始？\n"
ENGLISH = "Host: Good afternoon.\nReporter: When does the plan start?\n"

# (text, encodings it must round-trip through)
MATRIX = [
    (LIVE, ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk"]),
    (TRAD, ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "big5", "gb18030"]),
    (ENGLISH, ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]),
]


def _with_bom(text: str, enc: str) -> bytes:
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}
    return bom[enc] + text.encode(enc)


@pytest.mark.parametrize(
    ("text", "enc"), [(text, enc) for text, encs in MATRIX for enc in encs], ids=str
)
def test_encoding_matrix_round_trips(text: str, enc: str) -> None:
    assert decode(text.encode(enc), "t.txt").text == text


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [LIVE, TRAD, ENGLISH, "你好", "中"])
def test_utf16_with_bom_round_trips(text: str, enc: str) -> None:
    doc = decode(_with_bom(text, enc), "t.txt")
    assert (doc.text, doc.encoding) == (text, enc)


# Short files: a few characters are all the detector gets.
SHORT = ["主持人：你好", "问：好吗？", "答：好。", "中", "你好", "記者：請問", "部長：謝謝"]


@pytest.mark.parametrize("enc", ["utf-8", "gb18030", "gbk", "big5"])
@pytest.mark.parametrize("text", SHORT)
def test_short_files_are_not_misread(text: str, enc: str) -> None:
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        pytest.skip(f"{text!r} has no {enc} form")
    assert decode(data, "t.txt").text == text


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["主持人：你好", "記者：請問部長", "问：好吗？"])
def test_short_utf16_without_bom(text: str, enc: str) -> None:
    # Pure-Han UTF-16 whose bytes all happen to be printable ASCII ("你好" → "`O}Y") is
    # indistinguishable from ASCII text; a colon or any full-width mark settles it.
    assert decode(text.encode(enc), "t.txt").text == text


def test_mixed_line_endings_are_kept_and_split() -> None:
    text = "主持人：第一段\r\n继续\r记者：问题\n答复\r\n"
    doc = decode(text.encode("utf-8"), "t.txt")
    assert doc.text == text


def test_nul_bytes_become_spaces_with_a_warning_naming_the_line() -> None:
    doc = decode("主持人：你好\n记者：问\x00题".encode(), "t.txt")
    assert doc.text == "主持人：你好\n记者：问 题"
    assert doc.warnings == ["t.txt:2: NUL characters replaced with spaces"]


def test_lone_surrogate_in_utf16_is_replaced_with_a_warning() -> None:
    body = "主持人：".encode("utf-16-le") + b"\x00\xd8" + "你好".encode("utf-16-le")
    for data in (body, b"\xff\xfe" + body):
        doc = decode(data, "t.txt")
        assert doc.text == "主持人：\ufffd你好"
        assert doc.warnings and doc.warnings[0].startswith("t.txt:1: 1 invalid utf-16-le")


def test_lone_surrogate_and_stray_bytes_in_utf8_are_replaced_with_the_line() -> None:
    data = "主持人：你好\n".encode() + b"\xed\xa0\x80" + "记者：问题".encode()
    doc = decode(data, "t.txt")
    assert doc.text.startswith("主持人：你好\n\ufffd")
    assert doc.warnings[0].startswith("t.txt:2: 1 invalid utf-8")
    latin1 = decode(b"Host: caf\xe9 opens\nGuest: thanks", "t.txt")
    assert latin1.text == "Host: caf\ufffd opens\nGuest: thanks"
    assert latin1.warnings[0].startswith("t.txt:1:")


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xff\xfe \x00\n\x00"]
)
def test_empty_input_is_refused_naming_the_file(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^e\.txt: the file is empty"):
        decode(data, "e.txt")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(20_000),
        b"\x00" * 100,
        bytes(range(256)) * 8,
        b"PK\x03\x04" + random.Random(3).randbytes(3000),
    ],
    ids=["png", "nuls", "all-bytes", "zip"],
)
def test_binary_input_is_refused_naming_the_file(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^b\.png: looks like a binary file"):
        decode(data, "b.png")


def test_read_document_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)
    path = tmp_path / "gbk.txt"
    path.write_bytes(LIVE.encode("gbk"))
    doc = read_document(path)
    assert (doc.text, doc.encoding, doc.source) == (LIVE, "gb18030", str(path))


SAVED_PAGE = """<!DOCTYPE html>
<html><head><meta charset="gbk"><title>国新办举行上半年金融统计数据新闻发布会</title>
<script>var ad = "主持人：广告";</script><style>p { margin: 0 }</style></head>
<body><div class="nav">首页 &gt; 新闻</div>
<div class="article">
<p>　　国务院新闻办公室于2021年7月13日举行新闻发布会，请中国人民银行副行长刘国强介绍情况。</p>
<p>　　<strong>寿小丽：</strong></p>
<p>　　女士们、先生们，大家上午好。下面请刘国强先生作介绍。</p>
<p>　　<strong>刘国强：</strong></p>
<p>　　上半年人民币贷款增加12.76万亿元。</p>
<p>　　<strong>新华社记者：</strong></p>
<p>　　数字人民币试点进展如何？</p>
<p>　　<strong>刘国强：</strong></p>
<p>　　试点场景已超过132万个&nbsp;&amp;&nbsp;稳步推进。</p>
</div></body></html>
"""


def test_a_saved_web_page_is_read_as_its_text(tmp_path: Path) -> None:
    from presskg.pipeline import load_transcript

    path = tmp_path / "briefing.html"
    path.write_bytes(SAVED_PAGE.encode("gbk"))
    doc = read_document(path)
    assert doc.encoding == "gb18030"
    assert "<p>" not in doc.text and "广告" not in doc.text and "margin" not in doc.text
    assert doc.text.startswith("# 国新办举行上半年金融统计数据新闻发布会")
    t = load_transcript(path)
    assert [turn.speaker for turn in t.turns] == ["寿小丽", "刘国强", "新华社记者", "刘国强"]
    assert t.turns[-1].text == "试点场景已超过132万个 & 稳步推进。"
    assert t.turns[-1].answers == 3
    speaker = t.speakers["刘国强"]
    assert (t.entities[speaker.organization].name, speaker.title) == ("中国人民银行", "副行长")
    for turn in t.turns:
        assert t.text[turn.start : turn.end] == turn.text  # spans point into the page's text
    # the same page without the .html suffix is recognised by its markup
    plain = tmp_path / "briefing.txt"
    plain.write_bytes(SAVED_PAGE.encode("utf-8"))
    assert read_document(plain).text == doc.text


def test_text_that_mentions_a_tag_is_no_web_page(tmp_path: Path) -> None:
    path = tmp_path / "talk.txt"
    path.write_text("主持人：我们用<p>标签排版。\n记者：好的。\n", encoding="utf-8")
    assert read_document(path).text.startswith("主持人：我们用<p>标签排版。")
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.html: the web page holds no text"):
        read_document(empty)
