"""Parsing: the three formats, detection, spans, context lines, and text with no turns."""

from __future__ import annotations

import re

import pytest

from loaders.formats import detect_format, parse_text
from loaders.read import decode, read_document
from presskg.errors import InputError
from presskg.pipeline import parse_document
from tests.conftest import EXAMPLE


def test_icbc_example_has_38_timed_turns() -> None:
    t = parse_document(read_document(EXAMPLE))
    assert t.format == "live"
    assert len(t.turns) == 38
    assert all(re.fullmatch(r"04-26 \d\d:\d\d", turn.time or "") for turn in t.turns)
    assert t.turns[0].speaker == "主持人"
    assert all(turn.text == t.text[turn.start : turn.end] for turn in t.turns)


def test_live_continuation_paragraphs_and_full_width_colon() -> None:
    text = "主持人：第一段\n第二段  [04-26 16:51]\nReporter: question?\n\n  more\n"
    result = parse_text(text, "live")
    assert [(t.speaker, t.text, t.time) for t in result.turns] == [
        ("主持人", "第一段\n第二段", "04-26 16:51"),
        ("Reporter", "question?\n\n  more", None),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_spans_are_exact_with_any_line_ending(newline: str) -> None:
    text = newline.join(["前言", "主持人：你好", "继续", "记者：问题  [04-26 17:12]", ""])
    result = parse_text(text, "live")
    assert [t.text for t in result.turns] == [f"你好{newline}继续", "问题"]
    for turn in result.turns:
        assert text[turn.start : turn.end] == turn.text
        assert text[turn.label_start : turn.label_end] == turn.speaker
    assert [c.text for c in result.context] == ["前言"]


def test_markdown_headings_and_quoted_context() -> None:
    text = (
        "# 2016-10-01 萌典記者會\n\n> (投影片：開場)\n\n### 唐鳳：\n\n大家好。\n\n"
        "> (掌聲)\n\n## 記者：\n\n請問？\n\n### 主持人\n謝謝。\n"
    )
    result = parse_text(text, "markdown")
    assert (result.title, result.date) == ("2016-10-01 萌典記者會", "2016-10-01")
    assert [(t.speaker, t.text) for t in result.turns] == [
        ("唐鳳", "大家好。"),
        ("記者", "請問？"),
        ("主持人", "謝謝。"),
    ]
    assert "> (掌聲)" in [c.text for c in result.context]


def test_qa_labels_with_and_without_names() -> None:
    text = "问（新华社记者）：利率会降吗？\n答：不会。\n問：還有呢？\nA: none.\n"
    assert detect_format(text) == "qa"
    result = parse_text(text, "qa")
    assert [t.speaker for t in result.turns] == ["问（新华社记者）", "答", "問", "A"]


def test_a_title_alone_is_not_markdown() -> None:
    assert detect_format("# 2016-10-01 title only\n\nprose without speakers") is None


def test_text_without_turns_is_kept_as_one_turn_with_a_warning() -> None:
    doc = decode("这是一段没有说话人标签的文字。\n第二行。".encode(), "plain.txt")
    t = parse_document(doc)
    assert t.format == "plain"
    assert [turn.text for turn in t.turns] == [doc.text]
    assert (
        t.warnings
        and "plain.txt: no speaker turns found (tried live, markdown, qa)" in (t.warnings[0])
    )


def test_forced_format_without_turns_is_refused_naming_the_file_and_format() -> None:
    doc = decode("没有标签的文字".encode(), "plain.txt")
    with pytest.raises(InputError, match=r"^plain\.txt: no turns in format 'qa'"):
        parse_document(doc, "qa")


def test_live_label_with_a_bracketed_description_is_the_name() -> None:
    text = (
        "寿小丽（国务院新闻办公室新闻局副局长、新闻发言人）：\n女士们、先生们，上午好！\n"
        "王令浚：\n大家上午好！\n寿小丽：\n下面请大家提问。\n"
    )
    result = parse_text(text, "live")
    assert [turn.speaker for turn in result.turns] == ["寿小丽", "王令浚", "寿小丽"]
    first = result.turns[0]
    assert text[first.label_start : first.label_end] == "寿小丽"
    assert text[first.label_end : first.start].startswith("（国务院新闻办公室")
    assert first.text == "女士们、先生们，上午好！"


def test_live_labels_in_brackets_or_with_one_space_and_a_heading_line() -> None:
    text = (
        "国务院新闻办公室新闻发布会\n\n【主持人 袭艳春】女士们、先生们，下午好。\n"
        "【范一飞】谢谢主持人。\n主持人 王兆星：请提问。\nAudrey Tang: Thank you.\n"
        "For example: not a label.\n"
    )
    assert detect_format(text) == "live"
    result = parse_text(text, "live")
    assert [t.speaker for t in result.turns] == [
        "主持人 袭艳春",
        "范一飞",
        "主持人 王兆星",
        "Audrey Tang",
    ]
    assert result.turns[1].text == "谢谢主持人。"
    for turn in result.turns:
        assert text[turn.label_start : turn.label_end] == turn.speaker
    assert result.title == "国务院新闻办公室新闻发布会"
    assert "For example: not a label." in result.turns[-1].text


def test_a_bracketed_heading_with_nothing_under_it_is_no_turn() -> None:
    text = (
        "中国建设银行2024年度业绩发布会实录\n\n【致辞与业绩介绍】\n\n"
        "主持人：下午好。\n\n董事长 田启航：谢谢。\n\n【问答环节】\n\n"
        "中金公司分析师：请问息差？\n\n【主持人】\n请下一位。\n"
    )
    result = parse_text(text, "live")
    assert [t.speaker for t in result.turns] == [
        "主持人",
        "董事长 田启航",
        "中金公司分析师",
        "主持人",
    ]
    assert [t.seq for t in result.turns] == [1, 2, 3, 4]
    assert result.turns[1].text == "谢谢。"  # the heading after it is not its text


def test_a_time_stamped_before_each_label_and_a_colon_inside_a_turn() -> None:
    text = (
        "中国银行新品发布会文字实录\n\n[10:00:05] 主持人：欢迎各位来宾。\n\n"
        "[10:03:20] 中国银行副行长 林振邦：大家上午好。\n\n这里我还想特别提一点：合作很顺利。\n\n"
        "[10:40:02] 新华社记者：请问安全如何保障？\n\n[10:41:10] 林振邦：我们采用国密算法。\n"
    )
    result = parse_text(text, "live")
    assert [(t.speaker, t.time) for t in result.turns] == [
        ("主持人", "10:00:05"),
        ("中国银行副行长 林振邦", "10:03:20"),
        ("新华社记者", "10:40:02"),
        ("林振邦", "10:41:10"),
    ]
    assert result.turns[1].text.endswith("这里我还想特别提一点：合作很顺利。")
    assert result.turns[0].text == "欢迎各位来宾。"  # the next turn's stamp is not its text
    for turn in result.turns:
        assert text[turn.label_start : turn.label_end] == turn.speaker


def test_numbered_questions_of_a_press_qa_document_are_question_and_answer_turns() -> None:
    text = (
        "中国人民银行有关负责人就《跨境支付服务管理办法》答记者问\n\n"
        "为规范跨境支付服务活动，人民银行发布了《办法》。\n\n"
        "一、《办法》出台的背景是什么？\n\n跨境支付是重要纽带。\n\n近年来发展很快。\n\n"
        "二、《办法》的主要内容是什么？\n\n共七章。\n"
    )
    assert detect_format(text) == "qa"
    result = parse_text(text, "qa")
    assert [(t.seq, t.speaker, t.text) for t in result.turns] == [
        (1, "问", "《办法》出台的背景是什么？"),
        (2, "答", "跨境支付是重要纽带。\n\n近年来发展很快。"),
        (3, "问", "《办法》的主要内容是什么？"),
        (4, "答", "共七章。"),
    ]
    assert result.title.startswith("中国人民银行有关负责人")
    assert "为规范跨境支付服务活动" in result.context[0].text


def test_a_roster_before_the_first_turn_is_preamble_and_its_time_the_date() -> None:
    text = (
        "国新办举行上半年金融统计数据情况新闻发布会\n\n时间：2021年7月13日 10:00\n出席人员：\n"
        "中国人民银行副行长 刘国强\n中国人民银行货币政策司司长 孙国峰\n主持人：\n"
        "国务院新闻办公室新闻局副局长、新闻发言人 寿小丽\n\n"
        "寿小丽：\n女士们、先生们，大家上午好。\n刘国强：\n各位记者朋友，大家上午好。\n"
        "主持人：\n下面请提问。\n"
    )
    result = parse_text(text, "live")
    assert [t.speaker for t in result.turns] == ["寿小丽", "刘国强", "主持人"]
    assert "中国人民银行副行长 刘国强" in result.context[0].text
    assert result.date == "2021-07-13"
    # a host's opening words are a turn even when they come first
    opening = parse_text("主持人：各位记者朋友，大家好。\n王敬东：谢谢。\n", "live")
    assert [t.speaker for t in opening.turns] == ["主持人", "王敬东"]


def test_live_labels_after_the_paragraph_indent_of_web_and_word_text() -> None:
    text = (
        "　　国务院新闻办公室新闻发布会\n\n　　寿小丽：\n　　女士们、先生们，大家上午好。\n\n"
        "　　刘国强：\n　　各位记者朋友，大家上午好。\n　　一是贷款增加。\n\n"
        "　　新华社记者：\n　　数字人民币试点进展如何？\n"
    )
    assert detect_format(text) == "live"
    result = parse_text(text, "live")
    assert [t.speaker for t in result.turns] == ["寿小丽", "刘国强", "新华社记者"]
    assert result.turns[1].text.endswith("一是贷款增加。")
    for turn in result.turns:
        assert text[turn.label_start : turn.label_end] == turn.speaker
    assert result.title == "国务院新闻办公室新闻发布会"
    # where labels stand at the line's start, an indented line continues the turn
    flush = "主持人:欢迎。\n  第一：贷款增加。\n王敬东:谢谢。\n记者:请问？\n"
    assert [t.speaker for t in parse_text(flush, "live").turns] == ["主持人", "王敬东", "记者"]


def test_qa_answers_on_the_question_line_and_a_heading_line() -> None:
    text = (
        "人民银行有关负责人就降准答记者问\n\n"
        "问：此次降准的主要考虑是什么？答：为支持实体经济发展。\n问：释放多少资金？答：约1万亿元。\n"
    )
    assert detect_format(text) == "qa"
    result = parse_text(text, "qa")
    assert [(t.speaker, t.text) for t in result.turns] == [
        ("问", "此次降准的主要考虑是什么？"),
        ("答", "为支持实体经济发展。"),
        ("问", "释放多少资金？"),
        ("答", "约1万亿元。"),
    ]
    assert result.title == "人民银行有关负责人就降准答记者问"
    # a 答 inside a sentence is no label
    inside = parse_text("问：他怎么答：很简单吗？\n答：是的。\n", "qa")
    assert [t.speaker for t in inside.turns] == ["问", "答"]
