"""Roles and questions stages: outlets in speaker labels, moderators, questions without a mark."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract.addressees import ROOM, address_forms, addressed
from loaders.extract.questions import link_answers, moderators
from loaders.extract.registry import ExtractOptions
from loaders.extract.roles import Outlets, make_stage, parse_introduction
from loaders.keys import entity_key, person_key
from loaders.lexicon import load_lexicon
from loaders.model import Transcript, Turn
from presskg.pipeline import load_transcript

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


def titled(tmp_path: Path, title: str, turns: list[tuple[str, str]]) -> Transcript:
    """A transcript file with a title line, read by the whole pipeline (the title matters)."""
    path = tmp_path / "titled.md"
    body = "".join(f"### {label}：\n{said}\n\n" for label, said in turns)
    path.write_text(f"# {title}\n\n{body}", encoding="utf-8")
    return load_transcript(path)


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


def test_a_council_or_a_briefing_ending_in_bao_is_no_newspaper() -> None:
    # from the corpus: 2016-02-04 (行政院科技會報 speaks at a research panel)
    t = transcript(
        [
            ("簡宏偉", "問卷的回收率大概是多少？"),
            ("科技會報", "我們想請問抽樣的方式是什麼？"),
            ("廠商", "我們是用分層抽樣。"),
        ]
    )
    assert t.speakers["科技會報"].role == "official"
    assert transcript([("自由時報", "請問部長？")]).speakers["自由時報"].role == "reporter"


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


def test_a_channel_of_an_outlet_is_no_reporter_name() -> None:
    t = transcript(
        [
            ("央视新闻频道记者", "当前粮食供应和储备情况如何？"),
            ("孟玮", "总体向好。"),
            ("光明日报客户端记者", "请问下一步如何推进？"),
        ]
    )
    for label in ("央视新闻频道记者", "光明日报客户端记者"):
        assert t.speakers[label].anonymous
    assert org_of(t, "央视新闻频道记者") == "央视新闻频道"  # the lexicon's 中央广播电视总台
    assert org_of(t, "光明日报客户端记者") == "光明日报客户端"


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


def test_questioner_labels_are_anonymous_reporters() -> None:
    labels = ["媒體提問", "現場提問", "線上提問", "提問者2", "聽眾I", "觀眾", "匿名"]
    labels.append("Audience Question")
    t = transcript([(label, "請問部長，這個系統何時上線？") for label in labels])
    for label in labels:
        speaker = t.speakers[label]
        assert (speaker.role, speaker.anonymous) == ("reporter", True), label
    assert not any(e.label == "Person" and not e.anonymous for e in t.entities.values())


def test_outlet_named_without_its_media_word() -> None:
    t = transcript(
        [("年代", "請問部長，衛星何時到位？"), ("新唐人", "請問防詐的進度？"), ("唐鳳", "下週。")]
    )
    for label in ("年代", "新唐人"):
        assert t.speakers[label].role == "reporter" and t.speakers[label].anonymous
    assert "年代新闻" in t.entities[t.speakers["年代"].organization].aliases
    assert t.speakers["唐鳳"].role == "official"
    # a company's short name as a label is a newsroom's: 蘋果 is 蘋果日報, not Apple
    t = transcript([("蘋果", "請問萌典的授權是什麼？"), ("唐鳳", "CC0。")])
    assert t.speakers["蘋果"].role == "reporter"


def test_a_run_of_questions_is_answered_turn_by_turn() -> None:
    t = transcript(
        [
            ("張秀禎", "請問媒體朋友有沒有什麼問題？"),
            ("提問者", "想請問第一個問題：這是第一次形成具體的政策嗎？"),
            ("提問者", "第二，地方政府及漁民有一些聲音，接下來會怎麼樣溝通及協調？"),
            ("唐鳳", "我想是這樣，我們一共開了25次的協作會議，有一半形成具體政策。"),
            ("唐鳳", "第二，所謂「協作」並不是合作，是大家彼此不認識，還是願意集思廣益。"),
            ("提問者", "我們剛剛瞭解，鄉長及縣長都希望不要貿然實施，也希望有配套的做法。"),
            ("提問者", "這個共識凝聚的過程，有沒有一個時間點？"),
            ("花敬群", "跟大家報告，我們現在要開始針對劃設的草案提出，所以是第一階段。"),
            ("張秀禎", "謝謝各位媒體朋友，今天的記者會到此結束，謝謝。"),
        ]
    )
    assert [turn.seq for turn in t.turns if turn.is_question] == [2, 3, 7]  # 6 sets the scene
    assert [turn.answers for turn in t.turns] == [None, None, None, 2, 3, None, None, 7, None]


def test_a_question_printed_with_its_answer_unlabelled_is_not_left_open() -> None:
    answer = "关于你关心的粮食供应和储备情况，从粮食生产看，总体向好。" * 6
    t = transcript(
        [
            ("央视新闻频道记者", "当前粮食供应和储备情况如何？\n" + answer),
            ("凤凰卫视记者", "请问国内天然气保供的情况如何？"),
            ("孟玮", "天然气问题也是入冬以来大家非常关心的一个问题，供应总体平稳。"),
        ]
    )
    assert [turn.is_question for turn in t.turns] == [True, True, False]
    assert t.turns[2].answers == 2  # not the first question, whose answer it already holds


def test_an_official_returns_to_an_earlier_questioner() -> None:
    t = transcript(
        [
            ("iThome", "請問資安院的人力比 TWNIC 時期多多少？"),
            ("唐鳳", "全部 250 多人都在支援，看院長要不要額外說明？"),
            ("自由時報", "請問電子公文系統有查到漏洞嗎？"),
            ("唐鳳", "我們目前並沒有接收到系統這方面的情資。"),
            ("何全德", "有關 iThome 問到這個問題，我們會主動邀請供應鏈相關的企業加入。"),
            ("唐鳳", "謝謝 TTC 及所有同仁的協助。"),
            ("羅秉成", "我請龐處長說一下。"),
        ]
    )
    assert [turn.answers for turn in t.turns] == [None, 1, None, 3, 1, None, None]


def test_a_department_delegate_is_not_a_reporter_of_an_outlet_ending_in_she() -> None:
    t = transcript(
        [
            ("主持人", "接下來請各部會代表發言。"),
            ("衛福部社工司代表", "社工司這邊補充說明兩點。"),
            ("中央社蘇思云", "請問代表，補助何時發放？"),
        ]
    )
    assert t.speakers["衛福部社工司代表"].role != "reporter"
    assert not any(e.name == "衛福部社" for e in t.entities.values())
    assert t.speakers["中央社蘇思云"].role == "reporter"


def test_a_moderating_official_replying_right_after_a_question_answers_it() -> None:
    t = transcript(
        [
            ("唐鳳", "還有沒有媒體朋友？"),
            ("問", "想問一下，您對這次的松會怎麼看？"),
            ("唐鳳", "沒有，我覺得很好。"),
            ("問", "（笑）很好？"),
            ("唐鳳", "能夠對話總是一件好事。"),
            ("問", "想問一下，在職場上面，你會特別去關注這一塊嗎？"),
            ("唐鳳", "其實作為一個性別流動的人，我是覺得每一個人都有他的難處，要一個一個看。"),
            ("唐鳳", "這樣可以寫很多則了。"),
        ]
    )
    assert "唐鳳" in moderators(t)
    assert [turn.answers for turn in t.turns] == [None, None, 2, None, 4, None, 6, None]


def test_each_official_answers_the_question_put_to_them() -> None:
    t = transcript(
        [
            ("提問者", "剛剛提到大數據找出漏水，想請教董事長，這個技術能不能出口？"),
            ("提問者", "另外請教一下唐鳳政委，這次去紐約有什麼收穫？"),
            ("唐鳳", "這一次到紐約的收獲之一，是跟駐處的小組有相當多的討論，也談了永續發展目標。"),
            ("唐鳳", "我們在能夠提出貢獻的地方，不一定是對方的國家政府，可以是市政府。"),
            ("提問者", "永續發展目標是什麼？"),
            ("唐鳳", "有十七項，整個國際社會討論出來要一起解決的問題，包含永續城鄉。"),
            ("郭俊銘", "為什麼我們要開發這一套？我們覺得台灣 IT 跟 IoT 的人才應該是夠的。"),
            ("提問者", "請教郭董事長，這樣會增加多少支出？另外想請問現場的各位有什麼看法？"),
            ("提問者", "另外一個問題請教唐鳳政委，您怎麼看 AI 的發展？"),
            ("唐鳳", "我們接下來兩三年，會一起想您講的這些問題，這是很重要的議題。"),
            ("郭俊銘", "我先請羅前總工程師說明，因為他最清楚整個狀況。"),
            ("羅健成", "我報告一下，這個團隊一年多來都是用自己的筆電跟公司的伺服器運作。"),
        ]
    )
    answers = {turn.seq: turn.answers for turn in t.turns if turn.answers is not None}
    # 唐鳳 answers the question put to her; 郭俊銘 returns to his after 唐鳳's follow-up
    assert answers == {3: 2, 4: 2, 6: 5, 7: 1, 10: 9, 11: 8, 12: 8}


def test_address_forms_learn_a_title_from_surname_and_title() -> None:
    t = transcript(
        [
            ("提問者", "請問一下郭董事長，經費有沒有解決？"),
            ("郭俊銘", "台水公司長期以來是滿保守的公司，出國預算非常低，這是事實。"),
            ("提問者", "董事長，您剛剛提到管線，請問哪幾處要改善？"),
            ("唐鳳", "我補充一下，這是很好的問題。"),
        ]
    )
    questions = [turn for turn in t.turns if turn.is_question]
    forms = address_forms(t, questions)
    assert [addressed(q.text, forms) for q in questions] == [{"郭俊銘"}, {"郭俊銘"}]
    assert addressed("想請問現場的PO有沒有哪一位可以分享？", forms) == {ROOM}
    assert addressed("請問這個計畫什麼時候開始？", forms) == set()


def test_a_moderator_inviting_questions_or_closing_answers_nothing() -> None:
    t = transcript(
        [
            ("張秀禎", "謝謝政委，下一個問題。"),
            ("提問者", "我想請教有關於電競運動產業的發展，您計畫怎麼做？"),
            ("唐鳳", "我在當初接這個協調的時候，其實是當作開放政府的第一個示範案例在做的。"),
            ("張秀禎", "今天也有公私部門代表，也可以向他們提問。"),
            ("提問者", "在12月1日要舉行的協作會議，目前有比較確定正反方的人選是誰？"),
            ("唐鳳", "我們希望所有各方的利益關係人都可以邀集到，從連署人這一方是邀請提案人本人。"),
            ("張秀禎", "會議進行超過一個小時了，我們先到這邊結束，政委樂意再回答，謝謝大家。"),
        ]
    )
    assert "張秀禎" in moderators(t)
    assert [turn.answers for turn in t.turns] == [None, None, 2, None, None, 5, None]


def test_officials_introduced_in_label_brackets_and_the_opening_lines(tmp_path: Path) -> None:
    path = tmp_path / "briefing.txt"
    path.write_text(
        "国务院新闻办公室于2024年1月12日举行新闻发布会，请海关总署副署长王令浚介绍情况，并答记者问。\n\n"
        "寿小丽（国务院新闻办公室新闻局副局长、新闻发言人）：\n"
        "今天我们邀请到海关总署新闻发言人、统计分析司司长吕大良先生。\n\n"
        "王令浚：\n大家上午好！\n\n"
        "中央广播电视总台央视记者：\n请问今年外贸形势如何？\n\n"
        "吕大良：\n今年外贸面临的外部环境依然复杂严峻。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    who = {
        label: (org_of(t, label), s.title, s.department, s.role) for label, s in t.speakers.items()
    }
    assert who["寿小丽"] == ("国务院新闻办公室", "副局长", "新闻局", "official")
    assert who["王令浚"] == ("海关总署", "副署长", None, "official")
    assert who["吕大良"] == ("海关总署", "司长", "统计分析司", "official")
    assert who["中央广播电视总台央视记者"][0] == "中央广播电视总台"
    assert t.speakers["中央广播电视总台央视记者"].anonymous  # 央视 is the outlet, not a name
    assert t.turns[-1].answers == t.turns[-2].seq


def test_the_host_and_officials_a_roster_names(tmp_path: Path) -> None:
    path = tmp_path / "scio.txt"
    path.write_text(
        "国新办举行上半年金融统计数据情况新闻发布会\n\n出席人员：\n中国人民银行副行长 刘国强\n"
        "中国人民银行货币政策司司长 孙国峰\n主持人：\n"
        "国务院新闻办公室新闻局副局长、新闻发言人 寿小丽\n\n"
        "寿小丽：\n女士们、先生们，大家上午好。下面请刘国强先生作介绍。\n\n"
        "刘国强：\n上半年人民币贷款增加12.76万亿元。\n\n寿小丽：\n下面请各位记者提问。\n\n"
        "新华社记者：\n数字人民币试点进展如何？\n\n孙国峰：\n试点稳步推进。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    who = {label: (org_of(t, label), s.title, s.role) for label, s in t.speakers.items()}
    assert who["寿小丽"] == ("国务院新闻办公室", "新闻发言人", "host")
    assert who["刘国强"] == ("中国人民银行", "副行长", "official")
    assert who["孙国峰"] == ("中国人民银行", "司长", "official")
    assert t.turns[-1].answers == t.turns[-2].seq


def test_a_second_guest_of_an_interview_answers_too(tmp_path: Path) -> None:
    said = "我們是一九八七年左右開始解嚴，同一年教育部連線到網際網路的前身，兩件事同時發生。" * 3
    guest = "我先呼應一下唐政委講的，我負責過Windows，會覺得很奇妙，產業界的轉型也是一樣的。" * 3
    turns = [
        ("張育寧", "請問八七年的時候你在做什麼？"),
        ("唐鳳", said + "你知道嗎？"),
        ("張育寧", "九六年呢？"),
        ("唐鳳", said),
        ("張育寧", "想接著問 Cathy，產業界的需求是什麼？"),
        ("葉怡君", guest + "你想想看，這是不是很奇妙？"),
        ("張育寧", "那政委怎麼看？"),
        ("唐鳳", said + "對吧？"),
        ("張育寧", "Cathy 最後還有什麼想說的？"),
        ("葉怡君", guest),
        ("張育寧", "謝謝兩位。"),
        ("唐鳳", said),
    ]
    path = tmp_path / "2021-11-22-旭時報採訪.md"
    body = "".join(f"### {label}：\n{text}\n\n" for label, text in turns)
    path.write_text("# 2021-11-22 旭時報採訪\n\n" + body, encoding="utf-8")
    t = load_transcript(path)
    assert t.speakers["張育寧"].role == "reporter"
    assert t.speakers["葉怡君"].role == "official"  # asks back as often as 唐鳳, at length
    assert t.turns[5].answers == t.turns[4].seq


def test_a_label_of_an_office_and_a_name_written_together() -> None:
    # from the corpus: 2020-03-25 幣寶台灣來訪, meetings' 杜委員文苓 and 社發處張處長富林
    t = transcript(
        [
            ("唐鳳", "從7月11日的事情開始？"),
            ("幣寶台灣執行長特助林本宜", "對，日本是在2017年修法。"),
            ("杜委員文苓", "我補充一下。"),
            ("內政部移民署曹副組長顧齡", "移民署這邊說明。"),
            ("原民會鍾興華副主任委員", "原民會這邊沒有意見。"),
        ]
    )
    held = {label: (s.name, s.title) for label, s in t.speakers.items()}
    assert held["幣寶台灣執行長特助林本宜"] == ("林本宜", "執行長特助")
    assert held["杜委員文苓"] == ("杜文苓", "委員")
    assert held["內政部移民署曹副組長顧齡"] == ("曹顧齡", "副組長")
    assert held["原民會鍾興華副主任委員"][0] != "華委員"  # the title goes on: no name after it
    assert t.entities[t.speakers["幣寶台灣執行長特助林本宜"].organization].name == "幣寶台灣"
    # a surname in Latin letters beside a title (2026-04-27 加拿大參議院人權委員會)
    t = transcript(
        [
            ("主席", "今天在現場出席的是 Knockri 的執行長 Jahanzaib Ansari。"),
            ("Jahanzaib Ansari", "謝謝主席。"),
            ("McCallum 參議員", "請問你們怎麼處理偏見？"),
            ("Jahanzaib Ansari", "我們用結構化面試。"),
            ("NCC 委員", "我補充一下。"),
        ]
    )
    assert t.speakers["NCC 委員"].name != "NCC"  # an acronym beside a title is a body's
    senator = t.speakers["McCallum 參議員"]
    assert (senator.name, senator.title, senator.organization) == ("McCallum", "參議員", None)
    ceo = t.speakers["Jahanzaib Ansari"]
    assert ceo.organization is not None and t.entities[ceo.organization].name == "Knockri"


def test_officials_of_one_body_introduced_in_a_row_share_it() -> None:
    known = Outlets(load_lexicon(())).is_organization
    host = "出席今天发布会的有：中国建设银行董事长田国立先生，行长张金良先生，副行长纪志宏先生。"
    for name, title in (("张金良", "行长"), ("纪志宏", "副行长")):
        intro = parse_introduction(host, name, known)
        assert intro is not None and (intro.organization, intro.title) == ("中国建设银行", title)
    # the words before a title may be a name, not a body: nothing is inherited from them
    host = "先跟大家介紹老朋友牛信仁司長，還有副執行長林炫佑"
    intro = parse_introduction(host, "林炫佑", known)
    assert intro is not None and intro.organization is None
    # a joiner between a body and a title is neither part of the body nor a department
    intro = parse_introduction("今天有民進黨的委員鄭寶清", "鄭寶清", known)
    assert intro is not None and (intro.organization, intro.department) == ("民進黨", None)
    # thanks before a body open the introduction (2022-11-28 政大公行系研究交流會)
    intro = parse_introduction("我們也非常感謝社科院的副院長林子欽老師與會", "林子欽", known)
    assert intro is not None and (intro.organization, intro.department) == ("社科院", None)


def test_a_bare_answer_label_is_the_one_official_the_opening_names(tmp_path: Path) -> None:
    piece = (
        "中国人民银行有关负责人就数字人民币试点答记者问\n\n"
        "中国人民银行数字货币研究所所长穆长春就相关问题回答了记者提问。\n\n"
        "问：数字人民币与支付宝有什么区别？\n答：数字人民币是法定货币，支付宝是支付工具。\n"
    )
    path = tmp_path / "qa.txt"
    path.write_text(piece, encoding="utf-8")
    t = load_transcript(path)
    answerer = t.speakers["答"]
    assert (answerer.name, answerer.title, answerer.department) == ("穆长春", "所长", None)
    # the lexicon knows the institute as a body of its own
    assert org_of(t, "答") == "中国人民银行数字货币研究所" and not answerer.anonymous
    # with no one named, the answerer stays anonymous
    path.write_text(piece.replace("数字货币研究所所长穆长春", "有关负责人"), encoding="utf-8")
    assert load_transcript(path).speakers["答"].anonymous
    # a spokesperson holding the regular briefing answers it
    path.write_text(
        "外交部发言人华春莹主持例行记者会\n\n中新网7月6日电 外交部发言人华春莹6日主持例行记者会，"
        "就希腊债务问题等答记者问。\n\n问：中方如何看待公投结果？\n答：我们注意到了相关情况。\n",
        encoding="utf-8",
    )
    spokesperson = load_transcript(path).speakers["答"]
    assert (spokesperson.name, spokesperson.title) == ("华春莹", "发言人")


def test_a_numbered_question_asks_without_a_question_word() -> None:
    t = transcript(
        [
            ("問", "想請教政委，國發會引用了未來46％的工作會被AI取代，是不是可以說明？"),
            ("問", "第二個，有關於行政院要列資安禁用黑名單，目前還沒有出爐，時間也delay了。"),
            ("唐鳳", "我自己把AI理解成輔助式的智慧，我們常常看到的那個引用數據其實指的是任務。"),
            ("唐鳳", "另外，在資安處的督導之下，對所有資安產品的測試能量都不斷提升。"),
        ]
    )
    assert [turn.is_question for turn in t.turns] == [True, True, False, False]
    assert [turn.answers for turn in t.turns] == [None, None, 1, 2]


def test_interviewers_named_without_an_outlet_ask_the_questions(tmp_path: Path) -> None:
    path = tmp_path / "2019-03-12-中央社採訪.md"
    path.write_text(
        "# 2019-03-12 中央社、自由時報採訪\n\n"
        "### 黃子維：\n請坐。\n\n"
        "### 楊明珠：\n政委您好，這一次來日本，有見到日本該見的人嗎？\n\n"
        "### 唐鳳：\n有一些重要的涉台人士，有見到面，交換了很多意見。\n\n"
        "### 楊明珠：\n包括什麼？\n\n"
        "### 唐鳳：\n第一個是，大家對於假訊息的因應，非常有興趣。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    assert {label: s.role for label, s in t.speakers.items()} == {
        "楊明珠": "reporter",
        "唐鳳": "official",
        "黃子維": "official",
    }
    assert [turn.answers for turn in t.turns] == [None, None, 2, None, 4]
    # the same speakers at a meeting (no interview in the title) keep their roles
    path.write_text(path.read_text(encoding="utf-8").replace("採訪", "會議"), encoding="utf-8")
    assert load_transcript(path).speakers["楊明珠"].role == "official"


@pytest.mark.parametrize(
    ("title", "interview"),
    [
        ("蘋果日報訪問", True),
        ("中央社紐約訪問", True),
        ("訪問團來訪", True),
        ("黃建霖來訪", True),
        ("開放政府聯絡人會議", False),
    ],
)
def test_interview_and_visit_titles_make_the_visitors_ask(
    tmp_path: Path, title: str, interview: bool
) -> None:
    # from the corpus: 2018-10-19 蘋果日報訪問 (王雪玲 asks), 2017-06-19 …訪問團來訪 (the
    # visiting political scientists ask); at a meeting nobody asks for an outlet, yet a
    # question that ends a turn is still answered by the next speaker (a conversation)
    path = tmp_path / "t.md"
    path.write_text(
        f"# 2018-10-19 {title}\n\n"
        "### 王雪玲：\n這個法令一開始是您的創意，是不是？\n\n"
        "### 唐鳳：\n不能這樣說。最一開始是我們有一個概念叫做沙盒，是從英國學過來的。\n\n"
        "### 王雪玲：\n那您怎麼看無人載具？\n\n"
        "### 唐鳳：\n已經在立法院，在委員會初審過了，我們也會持續跟大家溝通。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    assert (t.speakers["王雪玲"].role == "reporter") is interview
    assert [turn.answers for turn in t.turns] == [None, 1, None, 3]


def test_a_team_visit_is_a_conversation_where_the_host_asks_too(tmp_path: Path) -> None:
    # from the corpus: 2018-08-16 Expedia 來訪, where the minister asks the team's lawyer
    title = "2018-08-16 Expedia 來訪"
    asked = [
        ("邱佩冠", "我們想設立金流中心，政委覺得可行嗎？"),
        ("唐鳳", "可以，只要符合規定就多一個營業項目。"),
        ("邱佩冠", "那主管機關會怎麼看？"),
    ]
    team = [
        ("唐鳳", "我有一個問題：簡報上的執照是怎麼回事？"),
        ("胡浩叡", "觀光局已經肯認不需要證照。"),
        ("邱佩冠", "謝謝政委。"),
        ("胡浩叡", "我們會補文件。"),
        ("唐鳳", "好的。"),
        ("胡浩叡", "我們再跟金管會確認。"),
    ]
    t = titled(tmp_path, title, asked + team)
    assert all(speaker.role != "reporter" for speaker in t.speakers.values())
    assert [turn.answers for turn in t.turns][:5] == [None, 1, None, 3, 4]
    # two parties: the visitor asks as an interviewer does
    answer = ("唐鳳", "主管機關會看是否符合規定，我們也會協助大家溝通。")
    one_to_one = titled(tmp_path, title, [*asked, answer])
    assert one_to_one.speakers["邱佩冠"].role == "reporter"


def test_a_bare_question_label_is_no_party_of_a_visit(tmp_path: Path) -> None:
    # from the corpus: 2020-07-20 倡議家來訪 (the visitor's questions, and a few turns
    # labelled only 問): still a one-to-one visit, whose visitor interviews
    turns = [
        ("劉嫈楓", "這次接任數位政委，您有想要推動什麼樣的事情嗎？"),
        ("唐鳳", "我主要不是來做特定的事情，而是成為通道。"),
        ("問", "口罩地圖是怎麼開始的？"),
        ("唐鳳", "那是反向採購的好例子。"),
        ("劉嫈楓", "有感到哪件事成形其實算不錯？"),
        ("唐鳳", "中間有一些事成了，也滿不錯了。"),
        ("問", "那幽默呢？"),
        ("唐鳳", "幽默勝於謠言。"),
        ("劉嫈楓", "最後一個問題，您怎麼看黑客松？"),
        ("唐鳳", "它讓大家一起解決問題。"),
        ("問", "還有什麼想對讀者說的嗎？"),
        ("唐鳳", "一起來參與。"),
        ("劉嫈楓", "謝謝。"),
    ]
    t = titled(tmp_path, "2020-07-20 倡議家來訪", turns)
    assert t.speakers["劉嫈楓"].role == "reporter"
    assert [turn.answers for turn in t.turns][:6] == [None, 1, None, 3, None, 5]


@pytest.mark.parametrize(
    ("title", "asker", "outlet"),
    [
        # from the corpus: 2021-09-22 (an unknown outlet, then a full name)
        ("「永續飲食生活節」線上策展採訪", "綠媒體林美慧", None),
        # 2025-10-11: a long transcribed name; the title's outlet is PBS, not Taiwan's 公視
        ("美國公共電視《火線》專訪", "瑪格麗特・胡佛", "美国公共电视网"),
        # 2021-08-16: a five-character Japanese name
        ("軟銀集團第一次採訪", "近藤彌生子", None),
        # an interpreter relays the interviewer's questions
        ("軟銀集團第一次採訪", "翻譯", None),
        # 2016-12-23: a legislator hosting a radio show, titled in the heading
        ("許智傑委員快樂聯播網專訪", "許智傑", None),
    ],
)
def test_interviewers_labelled_otherwise_than_by_a_short_name_ask(
    tmp_path: Path, title: str, asker: str, outlet: str | None
) -> None:
    path = tmp_path / "t.md"
    path.write_text(
        f"# 2025-10-11 {title}\n\n"
        f"### {asker}：\n您怎麼看民主與科技的關係？\n\n"
        "### 唐鳳：\n我認為科技應該讓人與人之間更容易找到共識，而不是製造對立。\n\n"
        f"### {asker}：\n那麼隱私呢？\n\n"
        "### 唐鳳：\n隱私是民主的基礎，我們在設計每一個系統時都先想到它。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    assert t.speakers[asker].role == "reporter"
    assert [turn.answers for turn in t.turns] == [None, 1, None, 3]
    if outlet is not None:
        assert t.speakers[asker].organization == entity_key("Organization", outlet)


def test_the_one_a_title_says_is_interviewed_answers_however_long_the_host_talks(
    tmp_path: Path,
) -> None:
    host = "我覺得這件事情非常有意思，因為大家都在討論，我自己也在想這個問題，"
    path = tmp_path / "podcast.md"
    path.write_text(
        "# 2024-03-21 「寶博朋友說」Podcast 專訪唐鳳部長逐字稿\n\n"
        + "".join(
            f"### 葛如鈞：\n{host * 3}你怎麼看？\n\n### 唐鳳：\n對，我同意，這很重要。\n\n"
            for _ in range(4)
        ),
        encoding="utf-8",
    )
    t = load_transcript(path)
    assert (t.speakers["葛如鈞"].role, t.speakers["唐鳳"].role) == ("reporter", "official")
    assert [turn.answers for turn in t.turns][:2] == [None, 1]


def test_the_one_outlet_an_interview_title_names_is_the_interviewers(tmp_path: Path) -> None:
    body = (
        "### 王炘珏：\n想請問您怎麼看縣市的永續指標？\n\n"
        "### 唐鳳：\n我覺得指標本身是一個對話的開始。\n\n"
        "### 王炘珏：\n那您覺得企業可以做什麼？\n\n"
        "### 唐鳳：\n可以從自己的供應鏈開始。\n"
    )
    path = tmp_path / "interview.md"
    path.write_text("# 2020-09-26 今周刊採訪\n\n" + body, encoding="utf-8")
    t = load_transcript(path)
    assert t.speakers["王炘珏"].role == "reporter"
    assert org_of(t, "王炘珏") == "今周刊" and org_of(t, "唐鳳") is None
    # two outlets in the title: who works where is not said
    path.write_text("# 2019-03-12 中央社、自由時報採訪\n\n" + body, encoding="utf-8")
    assert org_of(load_transcript(path), "王炘珏") is None
    # an outlet the lexicon does not know, named after the kind it is
    path.write_text("# 2021-04-15 日本雜誌 PHPspecial 採訪\n\n" + body, encoding="utf-8")
    assert org_of(load_transcript(path), "王炘珏") == "PHPspecial"
    path.write_text("# 2021-11-22 旭時報採訪\n\n" + body, encoding="utf-8")  # a medium's word
    assert org_of(load_transcript(path), "王炘珏") == "旭時報"
    path.write_text("# 2026-02-10 瑞典電視台《論壇》專訪\n\n" + body, encoding="utf-8")
    assert org_of(load_transcript(path), "王炘珏") == "瑞典電視台"  # the programme's outlet
    # a body the lexicon does not know, named by a body's word or as one Latin name
    for title, body_name, kind in (
        ("軟銀集團第一次採訪", "軟銀集團", "company"),  # a company, not a newsroom
        ("新潮社採訪", "新潮社", "media"),
        ("VERSE 採訪", "VERSE", "media"),
        ("TechSequences 訪談", "TechSequences", "media"),
    ):
        path.write_text(f"# 2021-08-16 {title}\n\n" + body, encoding="utf-8")
        t = load_transcript(path)
        assert org_of(t, "王炘珏") == body_name
        assert t.entities[t.speakers["王炘珏"].organization or ""].kind == kind
    for title in ("Laura Loomer 專訪", "敏迪專訪", "Live Interview with Ketagalan Media"):
        path.write_text(f"# 2025-02-19 {title}\n\n" + body, encoding="utf-8")
        assert org_of(load_transcript(path), "王炘珏") is None  # a person, a word


def test_a_label_naming_a_body_is_its_unnamed_official(tmp_path: Path) -> None:
    path = tmp_path / "meeting.md"
    path.write_text(
        "# 2023-01-01 部務會議\n\n### 唐鳳：\n請資訊處報告。\n\n"
        "### 資訊處：\n報告部長，系統已經上線。\n\n### 謝俊科：\n我補充一下。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    body = t.speakers["資訊處"]
    assert body.anonymous and body.role == "official" and org_of(t, "資訊處") == "資訊處"
    assert not any(
        e.label == "Person" and e.name == "資訊處" and not e.anonymous for e in t.entities.values()
    )
    assert not t.speakers["謝俊科"].anonymous  # a name ending in 科 is a person
    path.write_text(
        "# 2023-01-01 部務會議\n\n### 唐鳳：\n請主計處說明。\n\n"
        "### 主計處：\n預算已經編列。\n\n### 秘書處：\n場地已經安排。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    for office in ("主計處", "秘書處"):  # staff offices, though 主计 and 秘书 are no words alone
        assert t.speakers[office].anonymous and org_of(t, office) == office
    path.write_text(
        "# 2018-01-01 會議\n\n### 主席：\n開始。\n\n### 主秘：\n報告主席。\n", encoding="utf-8"
    )
    officer = load_transcript(path).speakers["主秘"]
    assert officer.anonymous and officer.title == "主秘"  # an office, not a name


def test_minutes_label_officials_by_body_surname_and_office(tmp_path: Path) -> None:
    path = tmp_path / "minutes.md"
    path.write_text(
        "# 2015-07-22 收費原則會議\n\n### 蔡政務委員：\n請國發會說明。\n\n"
        "### 國發會莊分析師：\n草案分為三類，各機關意見如何？\n\n"
        "### 國發會簡處長：\n乙類擬改為有償授權。\n\n### 農委會林務局：\n我們同意。\n\n"
        "### 法規會：\n私法關係可以處理。\n\n### 佚名：\n沒有意見。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    # a government body's analyst is its official, not a reporter asking for a firm
    assert t.speakers["國發會莊分析師"].role == "official"
    assert all(s.role == "official" and s.anonymous for s in t.speakers.values())
    head = t.speakers["國發會簡處長"]
    assert (org_of(t, "國發會簡處長"), head.title) == ("国家发展委员会", "处长")
    assert t.speakers["蔡政務委員"].title == "政务委员"
    for body in ("農委會林務局", "法規會"):  # a known body's bureau; an ordinary word's council
        assert org_of(t, body) is not None, body
    assert not any(e.label == "Person" and not e.anonymous for e in t.entities.values())


def test_a_person_whose_given_name_ends_like_a_body_is_a_person(tmp_path: Path) -> None:
    path = tmp_path / "visit.md"
    path.write_text(
        "# 2020-01-01 來訪\n\n### 大瀧淳司：\n您好。\n\n### 唐鳳：\n您好，歡迎。\n",
        encoding="utf-8",
    )
    assert not load_transcript(path).speakers["大瀧淳司"].anonymous


def test_a_host_label_with_a_name_is_that_host(tmp_path: Path) -> None:
    path = tmp_path / "briefing.txt"
    path.write_text(
        "国务院新闻办公室新闻发布会\n\n"
        "【主持人 袭艳春】今天我们请来了中国人民银行副行长范一飞先生。\n"
        "【范一飞】谢谢主持人。\n【中央电视台记者】请问试点进展如何？\n【范一飞】进展顺利。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    host = t.speakers["主持人 袭艳春"]
    assert (host.role, host.name, host.anonymous) == ("host", "袭艳春", False)
    assert org_of(t, "范一飞") == "中国人民银行"  # not 来了中国人民银行
    assert [turn.answers for turn in t.turns] == [None, None, None, 3]


def test_an_interpreter_and_a_five_character_label_naming_a_role_are_no_persons(
    tmp_path: Path,
) -> None:
    path = tmp_path / "t.md"
    path.write_text(
        "# 2021-08-16 軟銀集團第一次採訪\n\n"
        "### 近藤彌生子：\n您怎麼看未來的工作？\n\n"
        "### 唐鳳：\n我認為未來的工作會更重視人與人之間的協作，而不是單打獨鬥。\n\n"
        "### 翻譯：\n她想請教，那教育要怎麼改變？\n\n"
        "### 唐鳳：\n教育要從背誦知識，改成培養自主學習、互動與共好的素養。\n\n"
        "### 國研院代表：\n我補充一下我們的做法，是不是可以？\n\n"
        "### 唐鳳：\n當然可以，請說。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    assert t.speakers["翻譯"].anonymous
    assert t.speakers["國研院代表"].role == "official"
    assert [turn.answers for turn in t.turns][:4] == [None, 1, None, 3]
    assert not t.turns[4].is_question  # a body's representative asking back is no interviewer


def test_a_title_beside_a_name_and_an_analyst_for_a_firm() -> None:
    t = transcript(
        [
            ("主持人", "欢迎出席中国建设银行业绩发布会，出席的有董事长田启航、行长邵明哲。"),
            ("董事长 田启航", "各位朋友，大家下午好。"),
            ("中金公司分析师", "请问明年的净息差怎么看？"),
            ("行长 邵明哲", "我们预计降幅收窄。"),
            ("财新记者", "房地产风险如何？"),
            ("邵明哲 行长", "总体可控。"),
        ]
    )
    vice = transcript([("中国银行行长助理 苏晓岚", "大家好。")]).speakers["中国银行行长助理 苏晓岚"]
    assert (vice.name, vice.title) == ("苏晓岚", "行长助理")
    assert vice.organization == entity_key("Organization", "中国银行")
    chair = t.speakers["董事长 田启航"]
    assert (chair.name, chair.role, chair.title) == ("田启航", "official", "董事长")
    assert chair.person == person_key("田启航")
    assert t.speakers["邵明哲 行长"].person == t.speakers["行长 邵明哲"].person
    analyst = t.speakers["中金公司分析师"]
    assert (analyst.role, analyst.title, analyst.anonymous) == ("reporter", "分析师", True)
    assert org_of(t, "中金公司分析师") == "中金公司"
    assert t.entities[analyst.organization or ""].kind != "media"
    assert t.entities[t.speakers["财新记者"].organization or ""].kind == "media"
    assert [turn.answers for turn in t.turns] == [None, None, None, 3, None, 5]


@pytest.mark.parametrize(
    ("title", "body", "kind"),
    [
        # from the corpus: 2016-12-19, 2017-06-19 and 2017-11-08
        ("臺灣金融科技股份有限公司黃建霖來訪", "臺灣金融科技股份有限公司", "company"),
        ("「臺灣旅美政治學人協會」訪問團來訪", "臺灣旅美政治學人協會", "other"),
        ("商業周刊來訪", "商业周刊", "media"),
        ("韓國社創中心第二次來訪", "韓國社創中心", "other"),  # which visit is no part of it
        ("戶政司及資管處來訪", None, None),  # two bodies: neither is who asks
    ],
)
def test_the_body_a_visit_title_names_is_the_visitors(
    tmp_path: Path, title: str, body: str | None, kind: str | None
) -> None:
    path = tmp_path / "t.md"
    path.write_text(
        f"# 2016-12-19 {title}\n\n"
        "### 黃建霖：\n我們想請問政府的資料開放以後，可以怎麼合作？\n\n"
        "### 唐鳳：\n可以先把需求放到平台上，我們會請各部會回應，再一起討論。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    assert t.speakers["黃建霖"].role == "reporter"
    key = t.speakers["黃建霖"].organization
    assert (t.entities[key].name if key else None) == body
    assert (t.entities[key].kind if key else None) == kind


def test_the_official_a_press_qa_document_names_by_office_answers(tmp_path: Path) -> None:
    path = tmp_path / "qa.txt"
    path.write_text(
        "中国人民银行有关负责人就《跨境支付服务管理办法》答记者问\n\n"
        "一、《办法》出台的背景是什么？\n\n跨境支付是重要纽带。\n\n"
        "二、《办法》的主要内容是什么？\n\n共七章。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    answerer = t.speakers["答"]
    assert (answerer.name, answerer.role, answerer.anonymous) == (
        "中国人民银行有关负责人",
        "official",
        True,
    )
    assert t.entities[answerer.organization or ""].name == "中国人民银行"
    assert [turn.answers for turn in t.turns] == [None, 1, None, 3]


def test_a_deputy_s_title_does_not_address_the_minister() -> None:
    forms = {"周明远": {"周明远", "部长"}, "沈嘉禾": {"沈嘉禾", "副部长"}}
    assert addressed("请问沈嘉禾副部长，中小企业有哪些新的考虑？", forms) == {"沈嘉禾"}
    assert addressed("请问部长，5G应用的情况怎么样？", forms) == {"周明远"}


def test_the_one_a_visit_title_says_is_called_on_answers_however_long_the_visitor_talks(
    tmp_path: Path,
) -> None:
    # from the corpus: 2022-12-06 「Bu Zhi DAO」團隊 Jacky Wang 拜會唐鳳部長 (the visitor
    # presents at length and asks now and then; 唐鳳 chairs and asks back)
    pitch = "我們的團隊過去一年在做社區的募資工具，也在幾個縣市試辦，累積了不少經驗，"
    t = titled(
        tmp_path,
        "2022-12-06 「Bu Zhi DAO」團隊 Jacky Wang 拜會唐鳳部長逐字稿",
        [
            ("唐鳳", "請先自我介紹。"),
            ("Jacky Wang", pitch * 4),
            ("唐鳳", "這個工具現在有多少人在用？"),
            ("Jacky Wang", "大概兩千人。" + pitch * 3 + "部長覺得政府可以怎麼參與？"),
            ("唐鳳", "可以先從社創中心的徵案開始。"),
        ],
    )
    assert t.speakers["唐鳳"].role == "official"  # the one called on, not the visitor
    assert [turn.answers for turn in t.turns] == [None, None, None, 3, 4]


def test_a_conversation_without_interviewers_links_the_questions_that_end_a_turn() -> None:
    # a dialogue (2025-01-23 與松本紹圭對談): both ask; a question answers one question and
    # asks the next
    t = transcript(
        [
            ("唐鳳", "是的，我們有整整一個小時的時間。"),
            ("松本紹圭", "您怎麼看「好祖先」這個說法？"),
            ("唐鳳", "我覺得很好。您說的祖先，是指像露西那樣的嗎？（笑）"),
            ("松本紹圭", "對，差不多。"),
            ("唐鳳", "那我們繼續。"),
        ]
    )
    assert [turn.is_question for turn in t.turns] == [False, True, True, False, False]
    assert [turn.answers for turn in t.turns] == [None, None, 2, 3, None]


def test_a_question_sent_in_online_is_answered_by_the_chair_who_reads_it() -> None:
    # from the corpus: 2017-06-23 「共通性應用程式介面規範」說明會 (the chair reads out the
    # Sli.do questions, each in its own turn, and answers them herself)
    t = transcript(
        [
            ("唐鳳", "隨時大家想講什麼都可以講，線上跟線下都可以。"),
            ("唐鳳", "sli.do：「原來用web service開發的文件是否要轉換？」"),
            ("唐鳳", "不需要轉換，本來的文件可以繼續用。"),
            ("潘國才", "我補充一下，舊的文件也可以自動產生。"),
            ("唐鳳", "Sli.do：「今天所講的都是api的「說明文件」？」"),
            ("唐鳳", "是的，只有說明文件。"),
            ("唐鳳", "sli.do：「糖醋好吃＋1」。"),
            (
                "唐鳳",
                "sli.do：「可以嗎」——確實可以，任何政策一下子在試營運，"
                "尤其跟本來運作方式不一樣的時候，都會有這樣的問題。",
            ),
        ]
    )
    asking = [turn.seq for turn in t.turns if turn.is_question]
    assert asking == [2, 5]
    assert [turn.answers for turn in t.turns] == [None, None, 2, 2, None, 5, None, None]


def test_a_conversation_question_may_end_in_thanks_or_ask_without_a_question_mark() -> None:
    # from the corpus: 2016-09-10 公視VR對談 (students ask, then thank; or ask for views)
    t = transcript(
        [
            ("葉庭瑄", "你如何在十六歲就知道自己想做什麼？謝謝。"),
            ("唐鳳", "我十四歲就開始做研究了。"),
            ("廖宸育", "我有三個興趣，不知道要選哪一個。我想聽聽看唐鳳您的想法。"),
            ("唐鳳", "我建議不要放棄其他的興趣。"),
            ("廖宸育", "好，我會再想想。"),
            ("唐鳳", "加油。"),
        ]
    )
    assert [turn.is_question for turn in t.turns] == [True, False, True, False, False, False]
    assert [turn.answers for turn in t.turns] == [None, 1, None, 3, None, None]
    # a request put to you as a yes-or-no question (2022-08-16 遊戲振興會: 你們要不要介紹…)
    t = transcript(
        [
            ("王俊秀", "你們要不要介紹 MOJOY，因為之前有跟部長報告 NFT 的事。"),
            ("劉信", "國內的公司我們有組成叫做 MOJOY 的平台。"),
            ("王俊秀", "我不知道要不要再補充，就這樣。"),
            ("劉信", "好。"),
        ]
    )
    assert [turn.is_question for turn in t.turns] == [True, False, False, False]


def test_an_answer_that_says_it_answers_makes_the_turn_before_it_a_question() -> None:
    # from the corpus: 2022-08-08 協進會演講 (members comment and close with thanks; the
    # minister hopes she has answered, or hands the rest to a colleague)
    t = transcript(
        [
            ("唐鳳", "接下來大家可以自由提問。"),
            ("陳泉錫", "資訊部門的角色需要以作用法加以法定，謝謝。"),
            ("唐鳳", "這是資訊人員有主動性的時候，希望有回答老師的問題。"),
            ("卓政宏", "數位部未來跟監理單位對話時能有什麼樣的機制，謝謝。"),
            ("唐鳳", "監理機關其實動得滿快，先初步回答到這邊，其他的部分請正華回答。"),
            ("呂正華", "臺灣在這個時間點也有數位部的成立，謝謝大家。"),
            ("高志明", "我們也很期待。"),
        ]
    )
    assert [turn.is_question for turn in t.turns] == [False, True, False, True, False, False, False]
    assert [turn.answers for turn in t.turns] == [None, None, 2, None, 4, 4, None]


def test_a_question_to_the_room_is_answered_by_everyone_until_its_asker_speaks() -> None:
    # a focus group (2015-11-10 焦點座談): one person's question gets that person's answer;
    # the moderator's question to the room gets everyone's, until the moderator speaks again
    t = transcript(
        [
            ("唐鳳", "關鍵字是什麼？小字典還是搜尋引擎的？"),
            ("許雲翔", "是從閱聽者角度出發，比較像標題。"),
            ("許明暉", "我對社群媒體很無知，是來學習的。"),
            ("許雲翔", "是否還有想要表達的？"),
            ("林純秀", "想給一點建議。"),
            ("唐鳳", "快速歸納一下。"),
            ("許雲翔", "謝謝大家。"),
        ]
    )
    assert [turn.answers for turn in t.turns] == [None, 1, None, None, 4, 4, None]


def test_the_visitors_a_visit_title_names_ask_however_much_they_say(tmp_path: Path) -> None:
    # from the corpus: 2019-12-18 邱娉勻來訪 (the visitor speaks at length about her work)
    story = "我在設計學院教書，也做了很多展覽，這些年看到很多學生的作品，"
    replies = ("可以，我們來想辦法。您什麼時候方便？", "好，沒問題。", "好，就這樣。")
    turns = [
        (who, said)
        for r in replies
        for who, said in (("邱娉勻", story * 4 + "政府可以怎麼幫忙嗎？"), ("唐鳳", r))
    ]
    t = titled(tmp_path, "2019-12-18 邱娉勻來訪", turns)
    assert (t.speakers["邱娉勻"].role, t.speakers["唐鳳"].role) == ("reporter", "official")
    # 唐鳳 asks back (您什麼時候方便？): the visitor's next turn answers her as well
    assert [turn.answers for turn in t.turns] == [None, 1, 2, 3, None, 5]


def test_an_official_asking_back_is_answered_by_the_reporter_after_them(tmp_path: Path) -> None:
    # from the corpus: 2020-04-22 柯淑萍來訪 (the visitor asks; 唐鳳 answers and asks back)
    t = titled(
        tmp_path,
        "2020-04-22 柯淑萍來訪",
        [
            ("柯淑萍", "政府可以怎麼幫我們印這本繪本？"),
            ("唐鳳", "可以做成電子書。您現在需要的是重點式採購？"),
            ("柯淑萍", "是，這個是我的附件。那稅籍編號要怎麼申請？"),
            ("唐鳳", "可以問國稅局。"),
        ],
    )
    assert [turn.is_question for turn in t.turns] == [True, True, True, False]
    assert [turn.answers for turn in t.turns] == [None, 1, 2, 3]


def test_the_visitors_a_title_names_ask_even_when_they_speak_at_length(tmp_path: Path) -> None:
    # from the corpus: 2016-12-19 臺灣金融科技股份有限公司黃建霖來訪 (the visitor presents at
    # length and asks now and then; a second guest of an interview would not be read so)
    pitch = "我們公司做的是開放應用程式介面的平台，讓銀行跟新創可以對接，已經有幾家在試，"
    exchanges = (
        ("政府的資料可以開放給我們嗎？", "可以，我們來談。您覺得哪些資料最需要？"),
        ("還在評估。", "好，那我們再約。這樣可以嗎？"),
        ("可以。", "那就這樣。"),
    )
    turns = [
        (who, said) for a, r in exchanges for who, said in (("黃建霖", pitch * 3 + a), ("唐鳳", r))
    ]
    t = titled(tmp_path, "2016-12-19 臺灣金融科技股份有限公司黃建霖來訪", turns)
    assert (t.speakers["黃建霖"].role, t.speakers["唐鳳"].role) == ("reporter", "official")
    assert t.turns[1].answers == 1


def test_an_english_question_followed_by_a_statement_is_no_question_left_open() -> None:
    t = transcript(
        [
            ("Audrey Tang", "You had a question? But these two are completely separate."),
            ("Cindy Wang", "Okay, so these four are separate."),
            ("Audrey Tang", "Are you also recording?"),
            ("Cindy Wang", "Yeah."),
        ]
    )
    assert [turn.answers for turn in t.turns] == [None, None, None, 3]


def test_the_moderators_a_panel_names_put_its_questions(tmp_path: Path) -> None:
    # from the corpus: 2026-07-24 座談 (two named moderators, panellists, a question from the floor)
    turns = [
        ("Shani Lev", "大家好，歡迎來到這場座談。首先，交給我的共同主持人 Anna。"),
        ("Anna Roth", "大家好。今天的來賓有 Jimmy Lee 和 Netha Rao。"),
        ("Shani Lev", "Jimmy，你認為最大的挑戰是什麼？"),
        ("Jimmy Lee", "我認為是流量下滑，這值得我們警惕。"),
        ("Anna Roth", "請每一位用一句話回答：最大的轉變是什麼？"),
        ("Netha Rao", "讀者不再點進來了。"),
        ("Jimmy Lee", "搜尋引擎改變了我們的關係。"),
        ("觀眾（Gabriel）", "我想請問兩位，社群要怎麼參與？"),
        ("Netha Rao", "從討論頁開始參與。"),
    ]
    t = titled(tmp_path, "2026-07-24 「AI 現況」座談", turns)
    roles = {label: t.speakers[label].role for label, _ in turns}
    assert roles["Shani Lev"] == roles["Anna Roth"] == "reporter"
    assert roles["Jimmy Lee"] == roles["Netha Rao"] == "official"
    assert [turn.answers for turn in t.turns] == [None, None, None, 3, None, 5, 5, None, 8]
    # without a question from the floor the panel is read as a conversation
    talk = titled(tmp_path, "2026-07-24 「AI 現況」座談", turns[:7])
    assert talk.speakers["Anna Roth"].role == "official"


def test_a_few_turns_labelled_ask_do_not_hide_the_named_interviewers(tmp_path: Path) -> None:
    # from the corpus: 2020-07-29 遠見雜誌「00世代」訪談 (named reporters, and three turns of 問)
    turns = [
        ("李建興", "年輕人走出國外，如何跟國外接軌，您怎麼看？"),
        ("唐鳳", "網路上很難知道對方的年齡。"),
        ("林讓均", "同溫層越來越厚，您是這樣看的嗎？"),
        ("唐鳳", "我並不覺得同溫層有什麼不好。"),
        ("問", "臺灣在這方面的成效怎麼樣？"),
        ("唐鳳", "成效很好。"),
        ("李建興", "您對假新聞有不同的詮釋嗎？"),
        ("唐鳳", "假訊息有一個法律的定義。"),
    ]
    t = titled(tmp_path, "2020-07-29 遠見雜誌「00世代」訪談", turns)
    assert {label: t.speakers[label].role for label, _ in turns} == {
        "李建興": "reporter",
        "林讓均": "reporter",
        "問": "reporter",
        "唐鳳": "official",
    }
    assert [turn.answers for turn in t.turns] == [None, 1, None, 3, None, 5, None, 7]


def test_a_note_in_brackets_after_a_name_says_how_they_speak_not_who_they_are() -> None:
    # from the corpus: 2022-08-08 協進會演講 and 2021-08-10 障礙公民座談
    t = transcript(
        [
            ("張培鏞（司儀）", "接下來請唐部長致詞。"),
            ("唐鳳", "謝謝大家。"),
            ("周月清（代發言）", "我們想請問無障礙的部分怎麼處理？"),
            ("唐鳳", "我們會處理。"),
        ]
    )
    host, proxy = t.speakers["張培鏞（司儀）"], t.speakers["周月清（代發言）"]
    assert (host.name, host.role, host.anonymous) == ("張培鏞", "host", False)
    assert (proxy.name, proxy.anonymous) == ("周月清", False)
