"""Entities stage: lexicon matching, product rules, persons and places, spans."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from loaders.extract.entities import make_stage
from loaders.extract.matcher import Matcher
from loaders.extract.organization_rules import (
    diplomatic_mission,
    organization_acronym,
    organization_name,
)
from loaders.extract.product_rules import (
    acronym_definition,
    acronym_first,
    code_product,
    domain_name,
    find_candidates,
    latin_brand,
    latin_camel,
    latin_compound,
    latin_kind,
    latin_mixed,
    latin_platform,
    modifier_de_system,
    named_craft,
    named_vehicle,
    naming_cue,
    product_phrase,
    programme_name,
    project_into_effect,
    quoted_name,
    repeated_system,
    sector_cloud,
    titled_plan,
)
from loaders.extract.registry import ExtractOptions
from loaders.keys import entity_key
from loaders.model import Entity, Transcript, Turn
from loaders.normalize import normalized_view, to_simplified
from presskg.pipeline import load_transcript

STAGE = make_stage(ExtractOptions())


def transcript(*texts: str, speaker: str = "甲") -> Transcript:
    turns, parts, pos = [], [], 0
    for i, text in enumerate(texts, 1):
        label = f"{speaker}:"
        start = pos + len(label)
        turns.append(Turn(seq=i, speaker=speaker, text=text, start=start, end=start + len(text)))
        parts.append(label + text + "\n")
        pos += len(parts[-1])
    return Transcript(key="t", text="".join(parts), turns=turns)


def names(t: Transcript, label: str) -> set[str]:
    return {t.entities[m.entity].name for m in t.mentions if m.label == label}


def surfaces_of(c, text: str) -> tuple[str, float]:  # type: ignore[no-untyped-def]
    view = normalized_view(text)
    s, e = view.span(c.start, c.end)
    return text[s:e], c.confidence


def surfaces(view_text: str, rule) -> list[str]:  # type: ignore[no-untyped-def]
    view = normalized_view(view_text)
    out = []
    for c in rule(view):
        s, e = view.span(c.start, c.end)
        out.append(view_text[s:e])
    return out


# -- normalised view
@given(st.text(alphabet="區塊鏈網際網路與ＡＩ…①ｅ－ 3.0abcＢ中文", max_size=40))
def test_view_spans_stay_inside_the_original(text: str) -> None:
    view = normalized_view(text)
    for i in range(len(view.text)):
        s, e = view.span(i, i + 1)
        assert 0 <= s < e <= len(text)


def test_view_maps_length_changes_back() -> None:
    text = "透過網際網路…推動區塊鏈"
    view = normalized_view(text)
    start = view.text.index("区块链")
    s, e = view.span(start, start + 3)
    assert text[s:e] == "區塊鏈"


_PHRASES = ["簡報", "網際網路", "軟體", "資訊安全", "電子郵件", "行動裝置", "與", "跟", "區塊鏈"]


@given(st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=8))
def test_every_phrase_maps_back_to_the_words_it_replaced(words: list[str]) -> None:
    text = "".join(words)
    converted = [to_simplified(w) for w in words]
    assume("".join(converted) == to_simplified(text))  # OpenCC cut the text at our words
    changes = [len(c) - len(w) for c, w in zip(converted, words, strict=True) if len(c) != len(w)]
    assume(not changes or sum(changes) != 0)  # changes that cancel out in one run: see _aligned
    view = normalized_view(text)
    pos = 0
    for word, simple in zip(words, converted, strict=True):
        s, e = view.span(pos, pos + len(simple))
        assert text[s:e] == word, (text, word)
        pos += len(simple)


def test_two_length_changes_in_one_run() -> None:
    text = "軟體與網際網路的資訊安全簡報"
    view = normalized_view(text)
    assert view.text == "软件与互联网的信息安全演示文稿"
    for simple, word in [("信息安全", "資訊安全"), ("演示文稿", "簡報"), ("与", "與")]:
        start = view.text.index(simple)
        s, e = view.span(start, start + len(simple))
        assert text[s:e] == word


# -- matcher
def test_capitalised_names_in_english_text_need_their_capital() -> None:
    m = Matcher([("Signal", 1), ("Meta", 2)])
    english = m.find(normalized_view("the WiFi signal and its meta data; Signal and Meta too"))
    assert [h.payload for h in english] == [1, 2]
    chinese = m.find(normalized_view("大家用signal聯絡，meta 也在"))
    assert [h.payload for h in chinese] == [1, 2]


def test_english_writes_technologies_in_lowercase() -> None:
    tech = dataclasses.make_dataclass("Entry", ["label"])("Technology")
    product = dataclasses.make_dataclass("Entry", ["label"])("Product")
    forms = [("Machine Learning", tech), ("Robotics", tech), ("Scratch", tech)]
    m = Matcher([*forms, ("Google Chat", product)])
    text = "machine learning and robotics from scratch, google chat; Google Chat and Scratch"
    found = [(h.form, h.payload.label) for h in m.find(normalized_view(text))]
    assert found == [
        ("Machine Learning", "Technology"),
        ("Robotics", "Technology"),
        ("Google Chat", "Product"),
        ("Scratch", "Technology"),  # an everyday word too: only as a name
    ]


def test_the_citizen_certificate_is_a_product_and_a_certificate_a_technology() -> None:
    t = STAGE(transcript("可以用自然人憑證報稅，數位憑證也可以簽章。"))
    assert "自然人凭证" in names(t, "Product")
    assert names(t, "Technology") & {"自然人凭证", "自然人憑證"} == set()
    assert "数字证书" in names(t, "Technology")


def test_leftmost_longest_and_latin_word_boundaries() -> None:
    m = Matcher([("中国工商银行", 1), ("中国", 2), ("AI", 3)], blockers=["中国银行业"])
    hits = m.find(normalized_view("中国工商银行SAID AI, ai 中国银行业"))
    assert [(h.form, h.payload) for h in hits] == [("中国工商银行", 1), ("AI", 3)]


def test_blockers_hold_in_taiwan_spelling() -> None:
    # Taiwan text 數位 normalises to 数字: a blocker written 数位 must hold there too
    m = Matcher([("数位发展部", 1)], blockers=["数位发展部会"])
    assert m.find(normalized_view("規劃全新的數位發展部會籌設")) == []
    assert [h.payload for h in m.find(normalized_view("數位發展部今天成立"))] == [1]


# -- product rules, each on its own
def test_rule_latin_mixed() -> None:
    found = surfaces("以融e行、融安e信为代表,打造工商银行e支付产品,A股", latin_mixed)
    assert found == ["融e行", "融安e信", "e支付"]
    # a capitalised word closes the name (e驿Pay); App says what kind of thing it is
    assert surfaces("内置的“e驿Pay”支付功能，融e行App也", latin_mixed) == ["e驿Pay", "融e行"]
    # a letter before an amount's unit stands for digits left out (anonymised figures)
    assert surfaces("營業額才x億，我們要做x億的市場", latin_mixed) == []


def test_rule_latin_brand() -> None:
    assert surfaces("发布了e-ICBC 3.0与e-ICBC2.0和e-mail", latin_brand) == [
        "e-ICBC 3.0",
        "e-ICBC2.0",
    ]


def test_rule_acronym_definition_gives_an_alias() -> None:
    view = normalized_view("我行启动实施了智慧银行信息系统(ECOS)转型工程")
    (cand,) = list(acronym_definition(view))
    s, e = view.span(cand.start, cand.end)
    assert view.original[s:e] == "智慧银行信息系统"
    assert cand.alias is not None
    assert view.original[slice(*view.span(*cand.alias))] == "ECOS"
    text = "在交通上有「公共運輸整合資訊流通服務平台」（Public Transport data eXchange，PTX），有"
    view = normalized_view(text)
    (cand,) = list(acronym_definition(view))  # quoted, with its English name before the acronym
    assert view.original[slice(*view.span(cand.start, cand.end))] == "公共運輸整合資訊流通服務平台"
    assert cand.alias is not None and view.original[slice(*view.span(*cand.alias))] == "PTX"
    # a launched name runs back to its launch verbs, chained or not
    text = "与北京证券交易所合作，建成上线账户穿透核查系统（ATVS）。"
    assert surfaces(text, acronym_definition) == ["账户穿透核查系统"]
    # only the kind word left of a verb-led name is no name: 情報監看|系統（KIS）
    assert list(acronym_definition(normalized_view("樂思軟件的情報監看系統（KIS）。"))) == []


def test_rule_naming_cue() -> None:
    text = "推出了融资产品叫融e借,还有一站式服务平台,叫小微金融服务平台。智能投顾产品,就是AI投,"
    assert surfaces(text, naming_cue) == ["融e借", "小微金融服务平台", "AI投"]
    assert surfaces("他叫张三,我们叫它老办法", naming_cue) == []
    # a quoted phrase is no name, nor its first word; "and such" ends a name
    assert surfaces("现在有一个叫做「公共建设的工程经费编列手册」", naming_cue) == []
    assert surfaces("中华电信好像有一个叫Multipay之类的", naming_cue) == ["Multipay"]
    # a quoted Latin name shaped like a brand needs no kind before the cue (2023-08-01)
    assert surfaces("他的中軌衛星的部分叫做「O3b mPOWER」，所以", naming_cue) == ["O3b mPOWER"]
    assert surfaces("這個部分叫做「Plurality」，也就是", naming_cue) == []
    # 就是說 ("that is to say") names nothing
    assert surfaces("它是所謂的危害產品，就是說跟 TikTok 一樣", naming_cue) == []
    # a clause after the cue names nothing: a verb, a pronoun or a numeral opens it
    for clause in (
        "這一個平台現在所有的數據資料是透過API的方式取用",
        "他們在group的平台，也就是好幾個solution，所以",
        "大學的服務，也就是每一個社區都教老人家用 LINE，第一件事",
    ):
        assert surfaces(clause, naming_cue) == [], clause
    # a strong cue vouches for a short quoted name; an unclosed quote gives no short name
    assert surfaces("我们搭建了名为“启星”的科技型企业评价平台", naming_cue) == ["启星"]
    assert surfaces("片名叫《夠好的祖先（Good Enough Ancestor）》，內容", naming_cue) == []
    assert surfaces("自主研发的名为“织机”的RPA流程机器人平台", naming_cue) == ["织机"]
    # a quoted name glossing itself in brackets: the name, with the gloss as its alias
    view = normalized_view("之前在一個叫做「星際學院（Star Academy）」的平台上")
    (cand,) = list(naming_cue(view))
    assert view.surface(cand.start, cand.end) == "星際學院"
    assert cand.alias is not None and view.surface(*cand.alias) == "Star Academy"


def test_naming_cue_needs_a_head_for_terms_and_capitals_for_english() -> None:
    # 叫做/称为 also introduce terms, nicknames and English words: not product names
    assert surfaces("老師是說標題跟內容不符也叫做「假新聞」，那就多了", naming_cue) == []
    assert surfaces("我們通常的講法是說這叫做「循證決策」，或者是", naming_cue) == []
    assert surfaces("大家可以叫我雅婷，也可以叫我Wendy。", naming_cue) == []
    assert surfaces("所以這個叫做accountability，就是給出交代", naming_cue) == []
    assert surfaces("推一個叫做「服務的應用水準」，應用服務水準", naming_cue) == []
    assert surfaces("講從g0v的方向，有一個叫做「vTaiwan」的討論平台", naming_cue) == ["vTaiwan"]
    assert surfaces("是，這個平台叫做「公務人員政策參與平台」，這個平台是", naming_cue) == [
        "公務人員政策參與平台"
    ]
    view = normalized_view("我們跟一家叫做「基督教好牧人協會」已經一起做一個實驗")
    assert [c.label for c in naming_cue(view)] == ["Organization"]
    # a team or a partner named after the cue is a body (2019-07-17)
    for text in ("這兩位是參加團隊，叫做NKU。", "我們有一個合作夥伴叫做ODI，他們"):
        assert [c.label for c in naming_cue(normalized_view(text))] == ["Organization"], text


def test_rule_quoted_name() -> None:
    assert surfaces("以融e行为代表的“三融”平台", quoted_name) == ["“三融”平台"]
    assert surfaces("银行业首款风险信息服务平台——“融安e信”", quoted_name) == ["融安e信"]
    assert surfaces("给客户“ONE ICBC”的一致体验", quoted_name) == []
    # a quoted database or website names itself; the internet of things and lists do not
    assert surfaces("經濟部有個「社會創新組織登錄資料庫」，還有「創業圓夢網」", quoted_name) == [
        "社會創新組織登錄資料庫",
        "創業圓夢網",
    ]
    assert surfaces("看見「萬物聯網」，叫做「國網中心發布算力、資料庫」", quoted_name) == []
    text = "依托“建行裕农通”普惠金融服务平台"  # the kind runs to its last word
    assert surfaces(text, quoted_name) == ["“建行裕农通”普惠金融服务平台"]
    # quoted names listed before 等 and a kind of product
    text = "我们依托“建行惠懂你”和“小微快贷”等产品,打造了平台"
    assert surfaces(text, quoted_name) == ["建行惠懂你", "小微快贷"]
    assert surfaces("「真的假的」等等都可以", quoted_name) == []
    # 产品 and 服务 say what a quoted name is without being part of it
    assert surfaces("建行“快贷”产品余额达到8000多亿元", quoted_name) == ["快贷"]
    assert surfaces("提供「一站式整合」服務", quoted_name) == ["一站式整合"]
    # a law or a draft a body puts out is no product (2026-04-26), a launched app is
    assert surfaces("已經推出《詐欺犯罪危害防制條例》草案", quoted_name) == []
    assert surfaces("去年推出了「防詐達人」", quoted_name) == ["防詐達人"]
    # what was launched may be said to be the quoted name, or to be called it
    assert surfaces("但最近剛上線的是「來監督」，這個是", quoted_name) == ["來監督"]
    assert surfaces("推出一個叫「社群備註」的功能", quoted_name) == ["社群備註"]
    assert surfaces("我們搭建一個「demo」，展示制度", quoted_name) == []  # a kind, in English
    assert surfaces("我行自主研发了“惠懂你”，还开通了“e抵快贷”", quoted_name) == [
        "惠懂你",
        "e抵快贷",
    ]
    assert surfaces("致力打造“最安全银行”", quoted_name) == []  # a goal, not a product
    # a quoted model's name, and a quoted name after the kind of device or account it is
    assert surfaces("联合研发的“鲸算”金融大模型，已在", quoted_name) == ["鲸算"]
    assert surfaces("国科会的「TAIDE」模型", quoted_name) == ["TAIDE"]
    assert surfaces("資助了超過 150 種不同的「垂直領域」模型訓練", quoted_name) == []
    assert surfaces("需要「去中心、可驗證、可攜帶」的小模型", quoted_name) == []
    assert surfaces("配备了移动展业终端“邮驿通”。这个终端", quoted_name) == ["邮驿通"]
    # a show is named before or after its kind (2022-07-07, 2017-01-09)
    text = "我主持「數位心聲」的節目，也上過節目「科技島嶼」，還有《早安FM》節目"
    assert surfaces(text, quoted_name) == ["科技島嶼", "數位心聲", "早安FM"]
    # what a body launched, named after 的 (推出的「產業新尖兵試辦計畫」, 研发的“汇通码”)
    assert surfaces("勞動力發展署推出的「產業新尖兵試辦計畫」", quoted_name) == [
        "產業新尖兵試辦計畫"
    ]
    assert surfaces("清算机构研发的“汇通码”已在大湾区试点", quoted_name) == ["汇通码"]
    # a works programme's short name, and a quoted name before a long kind of platform
    assert surfaces("实施产业基础再造“磐基”工程，", quoted_name) == ["磐基"]
    assert surfaces("建成“工枢云”工业互联网平台", quoted_name) == ["“工枢云”工业互联网平台"]
    assert surfaces("深度开发“原字号”", quoted_name) == []  # developing an industry
    # a quoted project is named; a law, a declaration or a workshop before 專案 is not
    assert surfaces("也做過像「國家寶藏」專案，號召大家", quoted_name) == ["國家寶藏"]
    assert surfaces("引進《計畫管理法》的專案管理師，「世界人權宣言」的概念", quoted_name) == []


def test_rule_product_phrase_needs_a_second_signal() -> None:
    view = normalized_view("我们推出了风控平台,也上线了SmartPay平台")
    scored = {view.text[c.start : c.end]: c.confidence for c in product_phrase(view)}
    assert scored["风控平台"] < 0.6 <= scored["smartpay平台"]
    kept = [view.text[c.start : c.end] for c in find_candidates(view)]
    assert "风控平台" not in kept
    once = "同指导国家公共信用信息中心建成运行了全国知识产权质押信息平台"
    assert names(STAGE(transcript(once)), "Product") == set()
    again = STAGE(transcript(once, "不断加强全国知识产权质押信息平台建设"))
    assert "全国知识产权质押信息平台" in names(again, "Product")  # a long name used again
    # Taiwan builds (建置) its systems; a phrase that counts or describes is no name
    # (2021-04-27 永續金融力, 2018-07-12 協作會議)
    view = normalized_view(
        "建置農業融資轉介服務平台，建置作品發表的平台，建置一個app，建置MSP是一個平台"
    )
    assert [view.text[c.start : c.end] for c in product_phrase(view)] == ["农业融资转介服务平台"]
    kept = STAGE(transcript("為協助農漁民朋友，建置農業融資轉介服務平台，對於農漁民"))
    assert names(kept, "Product") == {"農業融資轉介服務平台"}
    defined = "像國家災害防救科技中心建置之災害消息廣播平台(CBS)"
    assert surfaces(defined, acronym_definition) == ["災害消息廣播平台"]


# -- the stage
def test_lexicon_entities_are_canonical_with_kind() -> None:
    t = STAGE(transcript("工行与ICBC和中国工商银行都在运用區塊鏈和AI技术,路透社报道"))
    assert names(t, "Organization") == {"中国工商银行", "路透社"}
    assert names(t, "Technology") == {"区块链", "人工智能"}
    assert t.entities[entity_key("Organization", "中国工商银行")].kind == "bank"
    for m in t.mentions:
        assert t.text[m.start : m.end] == m.surface


def test_products_are_found_by_rules_and_matched_again() -> None:
    t = STAGE(
        transcript(
            "我行启动了智慧银行信息系统(ECOS)。以融e行、融e购为代表的“三融”平台",
            "ECOS进展顺利,融e行客户很多",
        )
    )
    products = names(t, "Product")
    assert {"智慧银行信息系统", "融e行", "融e购", "三融平台"} <= products
    ecos = t.entities[entity_key("Product", "智慧银行信息系统")]
    assert "ECOS" in ecos.aliases
    assert sum(1 for m in t.mentions if m.turn == 2 and m.label == "Product") == 2


def test_speakers_and_short_forms_come_first() -> None:
    t = transcript("有请王行长介绍,王敬东先生是副行长")
    key = "Person:王敬东"
    t.entities[key] = Entity(key, "Person", "王敬东", aliases=["王行长"])
    STAGE(t)
    assert [m.surface for m in t.mentions if m.entity == key] == ["王行长", "王敬东"]


def test_persons_with_a_title_and_thanks_is_no_person() -> None:
    t = STAGE(transcript("谢谢大家。数位发展部部长唐凤表示,李明先生也来了"))
    assert names(t, "Person") == {"唐凤", "李明"}


def test_full_names_without_a_title() -> None:
    # from the corpus: 2016-04-16 (柯华葳, 蔡玉玲, 蔡志忠) and 2016-05-04 (公序良俗)
    t = STAGE(
        transcript(
            "我是在跟柯華葳協作、在跟蔡玉玲協作。像蔡志忠的目標讀者就是我",
            "如果違反公序良俗的話，要怎麼辦？請大家發言後記得把麥克風按掉，唐鳳去年也說過",
            "请问中方有何评论？外交部长王毅于今天凌晨赴维也纳",
        )
    )
    assert names(t, "Person") == {"柯華葳", "蔡玉玲", "蔡志忠", "王毅"}


def test_full_names_jieba_cuts_after_the_second_character() -> None:
    # 2021-07-29: jieba reads 吴展|玮, both tagged as names; 萧规|曹|随 is an idiom
    t = STAGE(transcript("我們可以看到光是一個吳展瑋，或者一個江明宗，他們", "就是蕭規曹隨，這樣"))
    assert names(t, "Person") == {"吳展瑋", "江明宗"}
    # 2025-01-23: jieba tags the game 井字棋 (tic-tac-toe) as a name
    t = STAGE(transcript("你不會吹噓：「我是世界上最好的井字棋玩家！」"))
    assert names(t, "Person") == set()


def test_full_names_before_a_personal_title() -> None:
    # from the corpus: 2020-02-11 (jieba tags 沈伯洋 a place), 2018-06-20, 2020-09-26
    t = STAGE(
        transcript(
            "同時邀請我跟沈伯洋老師。像翁章梁老師直接來這邊開直播。像有賴全裕教授發現",
            "原住民委員會的朋友、商管群老師都來了",
        )
    )
    assert names(t, "Person") == {"沈伯洋", "翁章梁", "賴全裕"}


def test_places_from_lexicon_and_pos() -> None:
    t = STAGE(transcript("我们在河北、雄安新区和澎湖縣望安鄉推动"))
    assert {"河北", "雄安新区", "澎湖"} <= names(t, "Place")
    # venues named as places (2017-10-18: 有考慮華山、松菸，南部要有世貿、高雄展覽館)
    t = STAGE(transcript("有考慮華山、松菸，也可以在世貿或高雄展覽館，世貿組織不是"))
    venues = {"华山1914文化创意产业园区", "松山文创园区", "台北世界贸易中心", "高雄展览馆"}
    assert venues <= names(t, "Place")
    assert "世界贸易组织" in names(t, "Organization")  # 世貿組織 is the WTO


def test_traditional_and_simplified_give_the_same_keys() -> None:
    text = "中國工商銀行推出了融e行,運用人工智慧與區塊鏈,與中央社合作"
    a = STAGE(transcript(text))
    b = STAGE(transcript(to_simplified(text)))
    assert {m.entity for m in a.mentions} == {m.entity for m in b.mentions}


def test_names_inside_link_addresses_are_not_mentions() -> None:
    t = STAGE(transcript("透過 [360直播](https://www.youtube.com/watch?v=1) 與 YouTube 觀看"))
    assert [m.surface for m in t.mentions if m.label == "Product"] == ["YouTube"]


def test_rule_organization_name_at_a_word_boundary() -> None:
    assert surfaces("最近有看臺灣事實查核中心的報告", organization_name) == ["臺灣事實查核中心"]
    assert surfaces("然後士林地院的法官", organization_name) == ["士林地院"]
    # running a body is no part of its name (2020-03-25 幣寶台灣來訪)
    running = surfaces("經營加密貨幣交易所需要執照", organization_name)
    assert not any(name.startswith("經營") for name in running)
    assert surfaces("很早以前跟司法院討論過", organization_name) == []  # 法院 inside 司法院
    # having or lacking a body is no part of its name
    assert surfaces("行政院沒有台東聯合服務中心", organization_name) == ["台東聯合服務中心"]
    assert surfaces("謝謝基金會，也謝謝政委辦公室", organization_name) == []  # thanks to a body
    assert surfaces("這個中心", organization_name) == []
    assert surfaces("以人為中心的設計", organization_name) == []
    assert surfaces("成立諮詢委員會", organization_name) == []  # a kind of body
    assert surfaces("我們培養年輕一代去念大學", organization_name) == []  # going to one
    # a university named after its place is one body, though jieba knows it as a word
    assert surfaces("她在哥倫比亞大學念書，不是國立大學", organization_name) == ["哥倫比亞大學"]
    # giving or belonging to a body, or joining in one, names no body
    assert surfaces("他把股權全部捐給基金會，然後", organization_name) == []
    assert surfaces("我們就結成聯盟，一起", organization_name) == []
    assert surfaces("數位發展部隸屬於交通委員會", organization_name) == []
    assert surfaces("她任教於中原大學", organization_name) == ["中原大學"]
    assert surfaces("勵馨基金會的社工", organization_name) == ["勵馨基金會"]
    # a verb taking a body as its object, or a word introducing the name, comes before it
    assert surfaces("是跟芬蘭或者是冰島組成聯盟，大家", organization_name) == []
    assert surfaces("证监会会同中国证券业协会发布", organization_name) == ["中国证券业协会"]
    assert surfaces("非常感謝部長蒞臨公會聽我們建言", organization_name) == []  # a visit
    # a demonstrative opens no name, and the verbs after it do not either
    assert surfaces("有人把這水抽去冷卻資料中心", organization_name) == []
    assert surfaces("那瑪夏區農會的人", organization_name) == ["那瑪夏區農會"]  # a place's 那
    assert surfaces("我们的子公司建信金融科技有限责任公司", organization_name) == [
        "建信金融科技有限责任公司"
    ]
    # a federation (總會) is a body, "will always" (總會有) is not; a body named after 及 and
    # what a body is to us are not part of its name (2018-08-16, 2021-06-17)
    assert surfaces("我們有請全國中小企業總會來", organization_name) == ["全國中小企業總會"]
    assert surfaces("我們總會有辦法，大家總會想到", organization_name) == []
    assert surfaces("經濟部中小企業處及中小企業總會", organization_name) == ["中小企業總會"]
    assert surfaces("協辦單位全國中小企業總會", organization_name) == ["全國中小企業總會"]
    assert surfaces("國家通訊及網際安全中心", organization_name) == ["國家通訊及網際安全中心"]
    # a meeting's report on a body (2018-07-02: 現在先由我報告災防科技中心…)
    assert surfaces("現在先由我報告災防科技中心大眾", organization_name) == ["災防科技中心"]


def test_rule_organization_name_companies_exchanges_and_branches() -> None:
    assert surfaces("与上海数据交易所合作", organization_name) == ["上海数据交易所"]
    assert surfaces("课征证券交易所得税", organization_name) == []  # income from trading
    assert surfaces("中證指數有限公司發布", organization_name) == ["中證指數有限公司"]
    assert surfaces("建设银行新加坡分行成为", organization_name) == ["建设银行新加坡分行"]


def test_rule_organization_name_inside_words_and_with_joiners() -> None:
    # the organisation word ends a longer word; 及 joins nouns; 無 prefixes a noun
    assert surfaces("直接跟技術服務中心來進行", organization_name) == ["技術服務中心"]
    assert surfaces("我們要去跟無店面商業同業公會，他們有", organization_name) == [
        "無店面商業同業公會"
    ]
    assert surfaces("部裡面有一個國家通訊及網際安全中心，這地方", organization_name) == [
        "國家通訊及網際安全中心"
    ]
    assert surfaces("根據瑞典哥德堡大學發布的最新研究", organization_name) == ["哥德堡大學"]
    # not: a word that merely ends in 法院, bodies of a kind, a joiner before one word
    assert surfaces("監督立法院的運作", organization_name) == []
    assert surfaces("我想國內很多高科技聯盟，還有", organization_name) == []
    assert surfaces("就是政務委員及東服中心", organization_name) == []


def test_organization_names_become_organizations() -> None:
    t = STAGE(transcript("我們跟臺灣事實查核中心合作。"))
    assert "臺灣事實查核中心" in names(t, "Organization")


def test_rule_programme_name_needs_a_second_signal() -> None:
    assert surfaces("說明我們前瞻計畫的特別預算", programme_name) == ["前瞻計畫"]
    assert surfaces("這支計畫", programme_name) == []
    assert surfaces("這是政策計畫", programme_name) == []
    # having a plan is no part of its name, nor is the year it runs; a type of plan is none
    text = "科技部內有111年度原住民整合計畫"
    assert surfaces(text, programme_name) == ["原住民整合計畫"]
    assert surfaces("在2019年度前瞻計畫", programme_name) == ["前瞻計畫"]
    assert surfaces("我們有整合型計畫", programme_name) == []
    # a 專案 is one (the view writes it 项目); 项目 as written and a body's project are not
    assert surfaces("推動假訊息危害防治專案", programme_name) == ["假訊息危害防治專案"]
    assert surfaces("增加網站開發項目，也列入行政院專案", programme_name) == []
    assert surfaces("國發會個人資料保護專案辦公室", programme_name) == []  # an office
    assert surfaces("所有部會中長程計畫、部會自行管考計畫", programme_name) == []
    # two-character verbs belong to a name (危害防治, 產業創新); verbs done to a plan do not
    assert surfaces("政委在假訊息危害防治方案的院會後", programme_name) == ["假訊息危害防治方案"]
    assert surfaces("推動5+2產業創新計畫", programme_name) == ["5+2產業創新計畫"]
    assert surfaces("地方政府提出計畫，我們研究計畫", programme_name) == []
    assert surfaces("國發會引進計畫", programme_name) == []  # a body doing something to a plan
    # from the corpus: a plan being drafted or approved, or named after when it was, starts
    # after the verb and the time word (2021-04-27 永續金融力, 2017-12-13 南方四島)
    assert surfaces("之前研擬綠色金融行動方案的時候", programme_name) == ["綠色金融行動方案"]
    assert surfaces("行政院核定東沙環礁國家公園計畫", programme_name) == ["東沙環礁國家公園計畫"]
    assert surfaces("修正南方四島國家公園計畫", programme_name) == ["南方四島國家公園計畫"]
    assert surfaces("一整個計畫叫做地方創生計畫", programme_name) == ["地方創生計畫"]  # named after
    assert surfaces("有一段時間擔任行政院虛擬世界法規調適計畫的召集人", programme_name) == [
        "行政院虛擬世界法規調適計畫"
    ]  # a role held is not part of the name
    # plans of each region or sector name no plan
    assert surfaces("加强对各地区碳达峰行动方案的审核", programme_name) == []
    # verbs of talk, search and rule are done to a plan (2017-07-09, 2023-07-20, 2024-01-25)
    assert surfaces("請教授討論數位國家創新經濟方案", programme_name) == ["數位國家創新經濟方案"]
    assert surfaces("依第十項規定資通安全維護計畫", programme_name) == ["資通安全維護計畫"]
    # a zone a plan draws is no plan (2020-08-14: 緊急應變計畫區八公里內)
    assert surfaces("地方說明會部分廣邀緊急應變計畫區八公里內住民", programme_name) == []
    # what a clause is about is no part of a name (2020-12-01: 第79案是有關…方案)
    assert surfaces("環保署報告第79案是有關機車排氣定檢精進方案協作會議", programme_name) == [
        "機車排氣定檢精進方案"
    ]
    assert surfaces("出台分领域分行业实施方案和重点行业实施方案", programme_name) == []


def test_rule_titled_plan() -> None:
    text = "国务院印发《2030年前碳达峰行动方案》，以及《关于完整准确全面贯彻新发展理念的意见》"
    assert surfaces(text, titled_plan) == ["2030年前碳达峰行动方案"]
    assert surfaces(text, programme_name) == []  # the title is read whole, not its tail
    assert surfaces("印發《成渝地區雙城經濟圈建設規劃綱要》", titled_plan) == [
        "成渝地區雙城經濟圈建設規劃綱要"
    ]
    # a long name is read whole (2023-08-01), never from the middle of a word
    assert surfaces("還有「行政部門關鍵民生系統精進雲端備份及回復計畫」", programme_name) == [
        "行政部門關鍵民生系統精進雲端備份及回復計畫"
    ]
    assert surfaces("「強化國家通訊網路韌性方案推動成果」", programme_name) == [
        "強化國家通訊網路韌性方案"
    ]
    once = STAGE(transcript("說明我們海洋保育計畫的特別預算。"))
    assert "海洋保育計畫" not in names(once, "Product")  # one weak mention is not enough
    twice = STAGE(transcript("說明我們海洋保育計畫的特別預算。", "第四期的海洋保育計畫有兩項。"))
    assert "海洋保育計畫" in names(twice, "Product")


def test_rule_acronym_first() -> None:
    assert surfaces("加入了我們的GCTF，也就是台美雙方的訓練架構", acronym_first) == ["GCTF"]
    assert surfaces("GCTF（全球合作暨訓練架構）", acronym_first) == ["GCTF"]
    assert surfaces("AI，也就是人工智慧", acronym_first) == []


def test_quoted_programme_and_working_groups() -> None:
    assert surfaces("推動「生生用平板」計畫", quoted_name) == ["生生用平板"]
    # a quoted concept is no product (37 gold files name 開放政府, none as a thing)
    assert surfaces("說明「開放政府」的概念", quoted_name) == []
    assert surfaces("政府放棄「告訴新創公司要做什麼」的概念", quoted_name) == []
    t = STAGE(transcript("需要一個專門叫做「數位國家」的分組來協調。"))
    assert "數位國家" not in names(t, "Product")


def test_rule_modifier_de_system() -> None:
    assert surfaces("也就是自動量刑參考的系統，把判決", modifier_de_system) == [
        "自動量刑參考的系統"
    ]
    assert surfaces("資安上電子卷證的系統都做出來", modifier_de_system) == ["電子卷證的系統"]
    for generic in ("這個計畫的系統", "相關的平台", "我們的系統", "子項計畫的平台"):
        assert [c.confidence >= 0.6 for c in modifier_de_system(normalized_view(generic))] in (
            [],
            [False],
        )
    # a meeting's platform is where it meets, an office's or a body's is whose (2020-12-01,
    # 2018-10-01, 2018-04-18)
    for whose in ("透過協作會議的平台，大家", "透過戶政機關的系統來", "就是衛福部分享的系統，"):
        assert surfaces(whose, modifier_de_system) == []
    view = normalized_view("都是在支援，共享一個包含情資通報的平台，可以說全部")
    assert [c.confidence < 0.6 for c in modifier_de_system(view)] == [True]  # 包含: no cue
    t = STAGE(transcript("我們通過生物識別的平台，建立了能力。"))
    assert names(t, "Product") == set()  # a known technology's platform is a description


def test_rule_latin_compound_names_products_firms_and_languages() -> None:
    def labelled(text: str) -> list[tuple[str, str]]:
        view = normalized_view(text)
        return [(view.surface(c.start, c.end), c.label) for c in latin_compound(view)]

    assert labelled("我們用 SocialCalc 和 OpenClaw 做，後來改用 TypeScript 寫") == [
        ("SocialCalc", "Product"),
        ("OpenClaw", "Product"),
        ("TypeScript", "Technology"),
    ]
    assert labelled("新創團隊VoiceTube，還有 ElevenLabs 跟 FinTech") == [
        ("VoiceTube", "Organization"),
        ("ElevenLabs", "Organization"),
        ("FinTech", "Technology"),
    ]
    # surnames, romanised given names, hashtags and English turns are not names of things
    assert labelled("McBride 和 LePage 說，JiaChen 也在 #TaiwanCanHelp 裡") == []
    assert labelled("We moved from OpenOffice to LibreOffice last year.") == []
    t = STAGE(transcript("很多 YouTubers 都用 GitHub，我們也有 WordStar。"))
    names = {e.name for e in t.entities.values()}
    assert "WordStar" in names and "YouTubers" not in names


def test_rule_latin_camel_and_quoted_qualifier() -> None:
    assert surfaces("透過像 iTaiwan 的 WI-FI", latin_camel) == ["iTaiwan"]
    assert surfaces("the item is ipad", latin_camel) == []
    # a capital inside an English gloss (2017-09-08): no brand of its own
    assert surfaces("資訊流通服務平台（Public Transport data eXchange，PTX）", latin_camel) == []
    assert surfaces("在 vTaiwan 上討論，用 eTag 收費，還有 eSports 比賽", latin_camel) == [
        "vTaiwan",
        "eTag",
    ]
    t = STAGE(transcript("如果大家看「Civix」連署平台的話，Civix 上面很多。"))
    joined = t.entities[entity_key("Product", "Civix連署平台")]
    assert "Civix" in joined.aliases


def test_known_product_with_modifier_or_edition() -> None:
    t = STAGE(transcript("我用虛擬健保卡看診，我們跟LINE today合作。"))
    assert {"虛擬健保卡", "LINE today"} <= names(t, "Product")
    english = STAGE(transcript("we post on LINE today and Facebook maybe tomorrow"))
    assert names(english, "Product") == {"LINE", "Facebook"}
    # a common noun after the name is said of the product, not an edition of it (2017-01-26)
    said = STAGE(transcript("Mark也一直講Facebook mission是keep people connected"))
    assert names(said, "Product") == {"Facebook"}


def test_generic_plans_and_systems_are_not_names() -> None:
    for text in ("這是中長程計畫", "子項計畫", "細部計畫的審查", "這個計畫", "各項計畫"):
        assert surfaces(text, programme_name) == [], text
    assert surfaces("社會企業行動方案", programme_name) == ["社會企業行動方案"]
    assert surfaces("也就是科技防災相關的系統", modifier_de_system) == []


def test_rule_organization_acronym() -> None:
    assert surfaces("就是把 TWCERT/CC 交付給資安院來營運", organization_acronym) == ["TWCERT/CC"]
    assert surfaces("包含 N-CERT 等等，都是在支援", organization_acronym) == ["N-CERT"]
    assert surfaces("去建立他們自己的 CERT，讓企業先聯防", organization_acronym) == []
    assert surfaces("使用 TCP/IP 協定", organization_acronym) == []
    view = normalized_view("我們跟資安主管聯盟 CISO 有這樣的聯絡管道")
    [body] = organization_acronym(view)
    assert (view.text[body.start : body.end], body.alias) == ("资安主管联盟", (10, 14))
    listed = "像是 CISO、SEMI、無店面公會，我的作法"
    assert surfaces(listed, organization_acronym) == ["CISO", "SEMI"]
    assert surfaces("上有好心在做好事的人非常地多，AI、APP、VR", organization_acronym) == []
    assert surfaces("以合作社為首，接下來才是公司、NPO", organization_acronym) == []


def test_government_subunits_need_a_known_parent() -> None:
    t = STAGE(
        transcript(
            "我們也跟衛福部的社工司、資訊處有非常好的溝通，我跟教育部資科司也進行相關的鏈結",
            "數發部下設民主網絡司底下有一個『多元宇宙科』",
            "其實過去司法院常常辦類似司法列車，經濟部跟國科會合作，這家公司的好處",
            "第三個報告案是資安院本年度接辦的重要工作",  # 2024-01-25: taking a job over
            "像之前外交部詹大使辦APEC數位創新論壇，之前公平交易委員會也說過",
        )
    )
    orgs = names(t, "Organization")
    assert "公平交易委员会" in orgs  # the time word before the body is no part of it
    assert not any(name.endswith("大使辦") or name.startswith("之前") for name in orgs)
    assert {"社工司", "資訊處", "教育部資科司", "多元宇宙科"} <= orgs
    assert "民主网络司" in orgs  # a department of 數發部 the lexicon knows
    # written together, a unit is named with its parent and keeps its own name as an alias
    assert "資科司" in t.entities[entity_key("Organization", "教育部資科司")].aliases
    assert not {"常常辦", "跟國科", "好處", "公司", "資安院本年度接辦", "本年度接辦"} & orgs


def test_persons_named_with_a_title_of_office() -> None:
    t = STAGE(
        transcript(
            "是否已和候任部長黃彥男針對部務進行溝通？",
            "第四位是數位產業署林俊秀副署長，等一下",
            "但是現在正華署長、何院長非常緊密在合作",
            "請主席唐鳳多給我們指導，謝謝。剛剛內政部長官提到的，擔任部長時每一次的會面",
        )
    )
    persons = names(t, "Person")
    assert {"黃彥男", "林俊秀", "正華", "唐鳳"} <= persons
    assert not {"黃彥", "官提", "時每", "唐鳳多", "謝謝"} & persons
    t = STAGE(transcript("安排國內數位政委唐鳳唐政委跟我們媒體朋友見面"))
    assert names(t, "Person") == {"唐鳳"}  # the name, then its surname and title again
    t = STAGE(transcript("我記得我們同仁已經邀呂署長來做 panel 了。"))
    assert names(t, "Person") == set()  # 邀|呂署長: invited 呂, no one called 邀呂
    t = STAGE(transcript("我這邊有兩個問題就教唐部長。"))
    assert names(t, "Person") == set()  # 就教|唐部長: consult 唐, no one called 教唐
    t = STAGE(transcript("同時，我跟李懷仁次長也同步到松山指揮部去看貨物運送的狀態"))
    assert names(t, "Person") == {"李懷仁"}  # jieba tags 李|懷仁: the surname belongs to it
    t = STAGE(transcript("出席的有中国建设银行董事长田国立先生和行长张金良先生。"))
    assert {"田国立", "张金良"} <= names(t, "Person")  # an honorific closes the name
    t = STAGE(transcript("今天有林峻丞董事長、台經院康廷嶽副所長，還有中心主任李明德就此說明"))
    assert {"康廷嶽", "李明德"} <= names(t, "Person")
    t = STAGE(transcript("我行与住建部门合作，支持保交楼。"))
    assert names(t, "Organization") == set()  # 住建部门: housing departments, not the ministry


def test_security_and_digital_government_terms() -> None:
    text = (
        "在解密的時候，也會需要手機上的指紋認證、裝置認證、行為認證；後面就有很強大技術團隊，"
        "可以更深入分析、數位鑑識；不管是資安、AI、隱私強化技術等等；獨立的個資會"
    )
    t = STAGE(transcript(text))
    assert {"装置认证", "行为认证", "数字取证", "隐私计算", "指纹识别"} <= names(t, "Technology")
    assert "个人资料保护委员会" in names(t, "Organization")
    simplified = STAGE(transcript(to_simplified(text)))
    assert {m.entity for m in t.mentions} == {m.entity for m in simplified.mentions}


def test_taiwan_places_whole_names_not_fragments() -> None:
    t = STAGE(
        transcript(
            "望安鄉的鄉長，還有西嶼坪上方的完全禁漁區。",
            "淡海新市鎮、花東縱谷跟燕子口隧道都受到影響，松山機場也停飛。",
            "這個是我國動植物非洲豬瘟的輸入以後，大家在新社群討論。",
            "我們在西螺跟池上做農業，也去過三峽和頭城。",  # well-known towns by bare name
        )
    )
    found = names(t, "Place")
    assert {"望安鄉", "淡海新市鎮", "花東縱谷國家風景區", "燕子口", "臺北松山機場"} <= found
    assert {"西螺鎮", "池上鄉", "三峽區", "頭城鎮"} <= found
    assert any(n.startswith("西屿坪") for n in found)
    assert not {"安鄉", "西嶼", "新市鎮", "非洲", "非洲豬瘟", "新社區"} & found


def test_rule_organization_name_bodies_units_and_governments() -> None:
    assert surfaces("我是澎湖區漁會代表", organization_name) == ["澎湖區漁會"]
    assert surfaces("把當地恆春旅遊醫院擴建", organization_name) == ["恆春旅遊醫院"]
    assert surfaces("最近墨西哥政府也劃設了保護區", organization_name) == ["墨西哥政府"]
    assert surfaces("台南市政府也有來", organization_name) == ["台南市政府"]
    assert surfaces("內政部警政署保七總隊", organization_name) == ["保七總隊"]
    for text in ("民眾能夠體會政府的用心", "謝謝大隊長分享", "謝謝政府", "萬能政府"):
        assert surfaces(text, organization_name) == [], text


def test_introduction_cut_at_its_verb() -> None:
    from loaders.extract.roles import parse_introduction

    intro = parse_introduction("我們先跟大家介紹數位部牛信仁副部長", "牛信仁")
    assert intro is not None and intro.organization == "數位部"


def test_telecom_terms_and_an_address_that_ends_at_chinese_text() -> None:
    t = STAGE(
        transcript(
            "所謂不管是 DSRC、V2X 各種車聯網技術，Wi-Fi 6E 提供智慧家庭、智慧工廠等應用。",
            "公開資料夾（http://penghu.pdis.tw/），我這邊有一個QR code，其實也是同一份。",
            # driving aids, factory vehicles, a screen's plugs (2020-05-12, 2019-05-17) and the
            # national social-innovation platform by its short name (in 14 gold files)
            "我們做 ADAS 跟 AGV，也做逆向工程，投影機接 HDMI 或 VGA。",
            "可以放到社創平台上，還有端對端的加密。",
        )
    )
    found = names(t, "Technology")
    assert {"专用短程通信", "车联网", "Wi-Fi 6E", "智能家居", "智能工厂", "二维码"} <= found
    assert {"高级驾驶辅助系统", "自动导引车", "逆向工程", "HDMI", "VGA", "端到端加密"} <= found
    assert "社會創新平台" in names(t, "Product")


def test_rule_code_product() -> None:
    text = "如果發現相關的不法，希望透過海巡的118系統，可以直接在海上通聯"
    assert surfaces(text, code_product) == ["118系統"]
    assert surfaces("針對「165反詐騙專線」，若是有剩餘資源", code_product) == ["165反詐騙專線"]
    assert surfaces("另也持續編列經費來推廣113保護專線；綜上", code_product) == ["113保護專線"]
    # a typesetting space before the kind (2026-02-10), and five-digit lines (12345, 95588)
    assert surfaces("我們有 1922 熱線，也有 1990 諮詢專線", code_product) == [
        "1922 熱線",
        "1990 諮詢專線",
    ]
    assert surfaces("市民可以撥打12345热线反映", code_product) == ["12345热线"]
    # the message names the short code it comes from (111 簡訊, 1922簡訊)
    assert surfaces("收到 111 簡訊就是政府發的", code_product) == ["111"]
    assert surfaces("撥打1922簡訊給大家，還有111簡訊平台", code_product) == ["1922", "111簡訊平台"]
    assert surfaces("用 1919 寄簡訊，或 111 專屬簡訊", code_product) == ["1919", "111"]
    counts = ("2018年的系統都換了", "我們有300個平台", "共 120 套系統")
    for count in (*counts, "在 2018 年的系統上", "總共 10000 個平台"):
        assert surfaces(count, code_product) == []
    # a number one dials is a service line; not a count or a phone number
    assert surfaces("拿起手機或者是市話打 1922，就可以", code_product) == ["1922"]
    for other in ("被重打100大板", "你們都是打4121266嗎？", "打 1,200 通電話"):
        assert surfaces(other, code_product) == []
    # a number one reports to, sends to or calls by its five digits; a quoted message code
    assert surfaces("他可能去通報 165。整個流程", code_product) == ["165"]
    assert surfaces("他當然是去 165 報案，這部分", code_product) == ["165"]
    assert surfaces("隨機碼發送到 1922，這是防疫專線", code_product) == ["1922"]
    assert surfaces("客户可以致电95588。", code_product) == ["95588"]
    assert surfaces("從「111」這個官方號碼發送給大家", code_product) == ["111"]
    assert surfaces("共用「111」的簡訊號碼來發送", code_product) == ["111"]
    for other in ("發送到 2000 人", "打 10000 次", "共「100」個名額"):
        assert surfaces(other, code_product) == []


def test_rule_named_craft() -> None:
    text = "我們有一艘大型500噸的澎湖艦，常年進駐在澎湖地區"
    assert surfaces(text, named_craft) == ["澎湖艦"]
    text = "利用黑鷹直升機跟海豚直升機接力，把這些設備運送到災區"
    assert surfaces(text, named_craft) == ["黑鷹直升機", "海豚直升機"]
    kinds = ("請國防部派遣直升機", "目前救護直升機的部分", "持續退役軍艦", "是一個旗艦", "從環保艦")
    for kind in kinds:
        assert surfaces(kind, named_craft) == []


def test_rule_named_vehicle_needs_a_second_mention() -> None:
    text = "這次使用到的應變網路行動車、低軌衛星的接收器"
    assert [c.confidence for c in named_vehicle(normalized_view(text))] == [0.5]
    assert surfaces(text, named_vehicle) == ["應變網路行動車"]
    assert surfaces("可能會有類似巡迴車", named_vehicle) == []
    assert names(STAGE(transcript(text)), "Product") == set()
    twice = STAGE(transcript(text, "應變網路行動車是第一次在緊急狀況下出動"))
    assert "應變網路行動車" in names(twice, "Product")


def test_rule_sector_cloud_names_a_sector_platform_not_the_cloud() -> None:
    text = "行政院推動十朵雲，有關於金融雲、健康雲，在中央當然也有教育雲"
    assert surfaces(text, sector_cloud) == ["金融雲", "健康雲", "教育雲"]
    assert names(STAGE(transcript("政务云里面的数据")), "Product") == {"政务云"}
    for kind in ("政府雲端服務", "走到公有雲上", "做成文字雲", "教育雲計算的課程"):
        assert surfaces(kind, sector_cloud) == []


def test_quoted_site_names_and_quoted_aliases() -> None:
    assert surfaces("偷拍論壇「創意私房」曾經被停止解析", quoted_name) == ["創意私房"]
    assert surfaces("透過這個 Super App「Diia」來完成", quoted_name) == ["Diia"]
    assert surfaces("開發的防詐騙軟體「美玉姨」", quoted_name) == ["美玉姨"]
    # a quoted name that ends in its kind; not an instruction, a phrase or a heading
    text = "就落实“中国和东盟国家海上搜救热线平台”进行了探讨，「不要相信APP」，「準則6：評估系統」"
    assert surfaces(text, quoted_name) == ["中国和东盟国家海上搜救热线平台"]
    assert set(surfaces("微信小程序“国家政务服务平台”", quoted_name)) == {"国家政务服务平台"}
    assert surfaces("平台『人別驗證功能』上線", quoted_name) == []  # a feature, not the site
    t = STAGE(transcript("「Civix」平台的25案裡面，到「Civix」上去找"))
    joined = t.entities[entity_key("Product", "Civix平台")]
    assert "Civix" in joined.aliases
    t = STAGE(transcript("我們希望透過公共政策的平台，其實是在收斂"))
    assert names(t, "Product") == set()  # one noun before 的平台 says what it is for


def test_rule_repeated_system_needs_three_mentions() -> None:
    text = "指揮中心開始啟動確診者自主回報系統，確診者會收到簡訊"
    assert surfaces(text, repeated_system) == ["自主回報系統"]
    for kind in ("大型跨境數位平台的挑戰", "污水下水道系統的建設", "相關的整合平台"):
        assert surfaces(kind, repeated_system) == []
    again = "只要到自主回報系統來填資料"
    assert names(STAGE(transcript(text, again)), "Product") == set()
    thrice = STAGE(transcript(text, again, "本來自主回報系統的功能也是有"))
    assert "自主回報系統" in names(thrice, "Product")


def test_a_service_system_with_a_specific_subject_is_named_once() -> None:
    once = STAGE(transcript("人總已經有很多函釋跟人事法規命令查詢系統，所以過去"))
    assert names(once, "Product") == {"人事法規命令查詢系統"}
    # a short or generic subject is a kind of system: 會員管理系統, 這個通報系統
    for kind in ("我們有會員管理系統", "目前這個通報系統還在", "、資料處理、API 服務填報系統"):
        assert names(STAGE(transcript(kind)), "Product") == set(), kind


def test_persons_who_introduce_themselves() -> None:
    t = STAGE(
        transcript(
            "唐鳳您好，我是Cheers雜誌的記者，我叫竣傑，您好。",
            "我是中央社記者王小明，想請問政委。",
            "我叫做郁翔，來自台南。記者朋友們好，我是記者，謝謝。",
        )
    )
    assert names(t, "Person") == {"竣傑", "王小明", "郁翔"}


def test_learned_societies_and_firms_of_professionals_are_organizations() -> None:
    assert surfaces("像日本再生醫學會的會長說", organization_name) == ["日本再生醫學會"]
    assert surfaces("萬國法律事務所的律師", organization_name) == ["萬國法律事務所"]
    # 學會 as "learn" is no society: 小學生學會, 學會了
    for learned in ("很多小學生學會寫程式", "孩子學會了", "時間才能學會"):
        assert surfaces(learned, organization_name) == [], learned


def test_schools_and_bureaus_are_organizations() -> None:
    assert surfaces("那後來到直潭國小，就是離開", organization_name) == ["直潭國小"]
    assert surfaces("台北市立大安國中的學生", organization_name) == ["台北市立大安國中"]
    assert surfaces("政府有意推動國小開課，很多國小老師，普通的中學", organization_name) == []
    t = STAGE(
        transcript(
            "我是財政部賦稅署科長，經濟部國貿局跟標檢局也有做",
            "原能會看到環保署說基於安全，交通部也一樣",
        )
    )
    orgs = names(t, "Organization")
    assert {"賦稅署", "經濟部國貿局"} <= orgs
    assert "看到環保署" not in orgs


def test_bureaus_after_a_place_and_committees_after_a_ministry() -> None:
    assert surfaces("我有問東京水道局為何還要用", organization_name) == ["東京水道局"]
    assert surfaces("全球布局，大陸當局，這個格局", organization_name) == []
    assert "台灣觀光局香港辦事處" in surfaces("台灣觀光局香港辦事處的同仁", organization_name)
    t = STAGE(transcript("經濟部貿易調查委員會的主委也來了"))
    assert "經濟部貿易調查委員會" in names(t, "Organization")


def test_a_count_of_districts_is_not_a_place() -> None:
    t = STAGE(transcript("賦稅署及五區國稅局的同仁，還有台北市大安區的里長"))
    places = names(t, "Place")
    assert "五區" not in places
    t = STAGE(transcript("公司上市之後，登島要先申請，黑市很多，新村那邊的市場，台中市東區"))
    assert names(t, "Place") == {"台中", "東區"}  # 台中市 is the lexicon's 台中


def test_rule_latin_platform() -> None:
    text = "我架了一個網站，在 sli.do 上面，也放在vTaiwan上，在GRB上查得到，在hackpad上，在app上"
    found = {surfaces_of(c, text) for c in latin_platform(normalized_view(text))}
    assert found == {("sli.do", 0.6), ("vTaiwan", 0.6), ("GRB", 0.5), ("hackpad", 0.5)}
    assert surfaces("我們在Join上課，到 Polis 上去", latin_platform) == []
    t = STAGE(transcript("就像我在wiselike上面很喜歡說的", "大家也可以在 wiselike 上問我"))
    assert "wiselike" in names(t, "Product")  # a plain word, kept because it is used again
    t = STAGE(transcript("放在hackpad上就好"))
    assert "hackpad" not in names(t, "Product")  # used once: an English word, maybe


def test_an_organization_read_back_into_a_known_body_or_field_starts_with_it() -> None:
    t = STAGE(
        transcript(
            "是國家教育研究院課程發展委員會的委員", "交通部觀光局日月潭國家風景區管理處的處長"
        )
    )
    orgs = {to_simplified(name) for name in names(t, "Organization")}  # as the lexicon writes it
    assert {"国家教育研究院课程发展委员会", "交通部观光局日月潭国家风景区管理处"} <= orgs
    assert not {"教育研究院课程发展委员会", "光局日月潭国家风景区管理处"} & orgs
    # a body named after a field starts with the field (開放資料 is a known technology)
    t = STAGE(transcript("請教我們的開放資料諮詢委員會"))
    assert names(t, "Organization") == {"開放資料諮詢委員會"}


def test_names_in_latin_letters() -> None:
    t = STAGE(
        transcript(
            "Dan Brown的《起源》，還有 Jeffery Sachs 教授。May I ask，Grace 跟 Will 都來了",
            "加州州長 Gavin Newsom 推動，像 Chairman of the Taipei Taxi Association 說的",
            "Open Contracting Partnership 跟 National Institute of Standards and Technology",
            "Google 的 Gemini 跟微軟的 Azure Stack，Google 的 CEO，衛福部的 PO，MIT 的 Media Lab",
        )
    )
    assert names(t, "Person") == {"Dan Brown", "Jeffery Sachs", "Gavin Newsom"}
    t2 = STAGE(transcript("見了 Suzan DelBene 跟 Yasmin Green，去了 Morgan Stanley、Georgia Tech"))
    assert names(t2, "Person") == {"Suzan DelBene", "Yasmin Green"}
    # a title before the name vouches for it, whatever the given name
    t3 = STAGE(
        transcript(
            "任務小組主席Bill Foster，NIST 院長 Laurie E. Locascio，主席 Open Source Initiative"
        )
    )
    assert names(t3, "Person") == {"Bill Foster", "Laurie E. Locascio"}
    # a hyphenated surname and a middle initial (2018-10-19, 2018-09-21, 2018-01-19)
    t4 = STAGE(
        transcript("其實經Tim Berners-Lee已經開放了，Daniel R. Russel 跟 Eric S. Raymond 說")
    )
    assert names(t4, "Person") == {"Tim Berners-Lee", "Daniel R. Russel", "Eric S. Raymond"}
    t5 = STAGE(transcript("從 Grace E. 開始，還有 Tim IBM 那邊"))  # no surname after the initial
    assert names(t5, "Person") == set()
    # a figure after an owner and 的 is no product (2023-08-08: Cloudflare 的 PA 500 億)
    t6 = STAGE(transcript("變成像 Cloudflare 的 PA 500 億以上的公司，Google 的 Pixel 8 手機"))
    assert names(t6, "Product") == {"Pixel 8"}
    # what every body has is no product (2023-07-19: 套個扶輪社的 Logo 就好了)
    t7 = STAGE(transcript("你們套個扶輪社的 Logo 就好了，或是 Google 的 Website"))
    assert names(t7, "Product") == set()
    orgs = names(t, "Organization")
    assert {
        "Taipei Taxi Association",
        "Open Contracting Partnership",
        "National Institute of Standards and Technology",
    } <= orgs
    assert "Media Lab" not in names(t, "Product")
    assert {"Azure Stack"} <= names(t, "Product")
    assert not {"CEO", "PO"} & (names(t, "Product") | orgs)


def test_quoted_name_before_its_kind() -> None:
    assert surfaces("都會放在國網的「民生公共物聯網」的平台", quoted_name) == ["民生公共物聯網"]
    assert surfaces("「亞洲‧矽谷」這個方案，我當時", quoted_name) == ["亞洲‧矽谷"]
    assert surfaces("「Plurality」這個概念，其實", quoted_name) == []


def products_of(*turns: str) -> set[str]:
    return names(STAGE(transcript(*turns)), "Product")


def test_a_brand_leads_its_products_names() -> None:
    t = STAGE(
        transcript(
            "我們用 Google Docs 跟 Apple Wallet，還有 Windows Hello，Google Taiwan 的同仁",
            "去年 YouTube Live was introduced，還有 Facebook for Good 計畫",
        )
    )
    products = names(t, "Product")
    assert {"Google Docs", "Apple Wallet", "Windows Hello", "YouTube Live"} <= products
    assert not {"Google Taiwan", "YouTube Live was introduced", "Facebook for Good"} & products
    # the kind of thing a brand makes, in lowercase, as an acronym or a model number
    # (2017-01-10, 2023-07-14, 2020-06-30), but not a year or a figure
    products = products_of(
        "可以在Nokia phone上使用嗎？那時候叫做 IBM PC，不過Nokia 8110好像沒有5G",
        "Google 2020 年的報告，Google 500 億的營收，Google phone，歡迎在sli.do 01225提出",
    )
    assert {"Nokia phone", "IBM PC", "Nokia 8110", "Google phone"} <= products
    assert not {"Google 2020", "Google 500", "sli.do 01225"} & products  # an event's code
    # a company then a Chinese word for a kind of product (2026-02-12, 2017-11-10, 2017-06-23)
    products = products_of(
        "就是一般的 Google 搜尋，還有Apple錢包，丟到微軟翻譯",
        "Google 新聞稿說 Google 支付不一樣，Google 廣告聯播網",
    )
    assert {"Google 搜尋", "Apple錢包", "微軟翻譯", "Google 支付", "Google 廣告聯播網"} <= products
    assert not {"Google 新聞", "Google 新聞稿"} & products
    # an owner in Chinese leads no name: 微軟 PhotoDNA is PhotoDNA, and 蘋果 is Apple
    t = STAGE(transcript("像微軟 PhotoDNA 這樣的工具，我以前在蘋果當顧問，大家吃蘋果"))
    assert "PhotoDNA" in names(t, "Product") and "微軟 PhotoDNA" not in names(t, "Product")
    assert [
        m.surface for m in t.mentions if m.entity == entity_key("Organization", "苹果公司")
    ] == ["蘋果"]


def test_rule_domain_name() -> None:
    assert surfaces("到 join.gov.tw 上面，或 slido.com。", domain_name) == [
        "join.gov.tw",
        "slido.com",
    ]
    assert surfaces("請看 https://join.gov.tw/x，寄到 a@b.com，版本 3.0", domain_name) == []
    # a kind of address (gov.tw 結尾) or a stand-in is not a site
    found = surfaces("帳號是「gov.tw」結尾，或 something.gov.tw，或 gov.uk", domain_name)
    assert found == ["gov.uk"]
    orgs = surfaces("部分國立大學跟國民中學，還有同業公會，中央政府", organization_name)
    assert orgs == []  # kinds of body, not bodies
    found = surfaces(
        "社區發展協會、托嬰中心、普通高中、立委辦公室，還有澎湖區漁會", organization_name
    )
    assert found == ["澎湖區漁會"]
    found = surfaces("長榮海運、萬海航運跟國泰人壽，還有兩岸航運、國際海運", organization_name)
    assert found == ["長榮海運", "萬海航運", "國泰人壽"]  # companies, not the sector


def test_civil_service_titles_and_a_surname_split_off() -> None:
    t = STAGE(
        transcript(
            "在右邊錢慕賢科長，大家都很熟了",
            "是工程會的張兆琦專委",
            "這個由唐鳳政委來說明",
        )
    )
    persons = names(t, "Person")
    assert {"錢慕賢", "張兆琦", "唐鳳"} <= persons
    assert not {"慕賢", "由唐鳳"} & persons


def test_public_figures_come_from_the_persons_lexicon() -> None:
    t = STAGE(transcript("像川普、蔡英文總統和黃仁勳都提過，Elon Musk 也是；奧特曼是超人"))
    assert {"特朗普", "蔡英文", "黄仁勋", "马斯克"} <= names(t, "Person")
    assert not any("奥特曼" in n or "奧特曼" in n for n in names(t, "Person"))


def test_a_latin_name_before_a_chinese_kind_of_body() -> None:
    t = STAGE(transcript("像 Gogolook 公司跟 Expedia集團，還有 SDGs 公司、Omnicom集團"))
    assert {"Gogolook", "Expedia", "Omnicom"} <= names(t, "Organization")
    assert "SDGs" not in names(t, "Organization")


def test_rule_latin_kind() -> None:
    text = "大家可以上 SayIt 平台，或是用 Loomio 系統、NECTAR平台，還有 Web App、Data平台"
    assert surfaces(text, latin_kind) == ["SayIt", "Loomio", "NECTAR"]
    assert surfaces("we use WhatsApp and the Uber app", latin_kind) == []
    text = "像 Brave 瀏覽器、MetaMask 錢包，或是微軟的 Phi 模型"
    assert surfaces(text, latin_kind) == ["Brave", "MetaMask", "Phi"]
    assert surfaces("像 WhatsApp 這樣的通訊軟體", latin_kind) == []
    t = STAGE(transcript("EMIC系統上線了", "後來 EMIC系統 也整合了"))
    assert "EMIC" in names(t, "Product")  # capitals before 系統: kept when used again


def test_a_full_name_right_before_a_title_of_office() -> None:
    t = STAGE(
        transcript(
            "在前徐國勇發言人跟現在的發言人",
            "謝謝唐鳳政委，由唐鳳政委說明，請管處洪處長補充",
            "衛福部長也來了，高雄市長也在",
        )
    )
    persons = names(t, "Person")
    assert {"徐國勇", "唐鳳"} <= persons
    assert not {"謝唐鳳", "由唐鳳", "管處洪", "衛福部", "高雄市"} & persons
    # a surname before a longer title, or a verb before a surname, is no person
    t = STAGE(
        transcript(
            "因為主持是邱常務次長，所以那邊發過來公文",
            "準備請前前任的劉前理事長也是現任的理事來規劃",
            "我可以講我的想法，我並沒有講唐政委的想法",
        )
    )
    assert not {"邱常務", "劉前", "講唐"} & names(t, "Person")


def test_a_given_name_that_is_also_a_noun_before_a_title_of_office() -> None:
    t = STAGE(
        transcript(
            "教育部的廖興國主任秘書，還有林萬億政委、經濟部林全能次長",
            "我們再回過頭來討論處長所說的，我滿贊同政委所說的，也邀請吳委員總統一起",
        )
    )
    persons = names(t, "Person")
    assert {"廖興國", "林萬億", "林全能"} <= persons
    assert not {"來討論", "滿贊同", "吳委員"} & persons


def test_a_taiwan_spelling_of_a_known_name_is_known() -> None:
    # 檔案 → 文件 → 文档: the conversion is not idempotent, so keys come from written forms
    t = STAGE(
        transcript(
            "我們採取叫做「星際檔案系統」（IPFS），",
            "像剛剛講到星際檔案系統的技術，分散式的星際檔案系統是另外的骨幹，星際檔案系統很好",
        )
    )
    assert "星際檔案系統" not in names(t, "Product")
    assert "IPFS" in names(t, "Technology")


def test_security_and_ai_terms_and_their_everyday_look_alikes() -> None:
    t = STAGE(
        transcript(
            "我們做紅隊演練，防零時差攻擊，用 CAPTCHA 擋女巫攻擊，再用公鑰跟私鑰簽章",
            "微調模型之前，我們稍微調整一下順序，紅隊跟藍隊比賽，整個做法是分散式的",
        )
    )
    techs = names(t, "Technology")
    assert {"红队测试", "零日漏洞", "验证码", "女巫攻击", "公钥", "私钥", "模型微调"} <= techs
    assert "分布式架构" not in techs  # 分散式 alone says "distributed", no technology
    red = [m.surface for m in t.mentions if m.entity == entity_key("Technology", "红队测试")]
    assert red == ["紅隊演練"]  # 紅隊 alone is a team
    t = STAGE(transcript("AI 是輔助式智慧，開戶要做 KYC，還有大型主機跟中軌衛星"))
    assert {"辅助式智能", "大型机", "中轨卫星"} <= names(t, "Technology")
    # procedures, resources and policy words are no technologies (KYC, 算力, 數位治理)
    t = STAGE(transcript("開戶要做 KYC，要有算力，也要談數位治理跟群眾募資"))
    assert names(t, "Technology") == set()
    t = STAGE(transcript("YouTube 的推薦演算法、RLHF、Transformer 架構、多智慧體系統和機器人學"))
    assert {
        "推荐系统",
        "基于人类反馈的强化学习",
        "Transformer",
        "多智能体系统",
        "机器人学",
    } <= names(t, "Technology")


def test_ai_models_by_their_own_names() -> None:
    t = STAGE(transcript("比起 O1 Pro 跟 O3 Mini High，DeepSeek R1 的服務，還有 o3 模型"))
    assert {"o1 pro", "o3 mini high", "DeepSeek-R1", "o3"} <= names(t, "Product")
    assert "DeepSeek" not in names(t, "Product")  # the model, not the company's name alone


def test_foreign_names_transcribed_with_a_dot() -> None:
    t = STAGE(
        transcript(
            "美国前国务卿希拉里·克林顿曾经访华，斐济总理乔萨亚·沃伦盖·姆拜尼马拉马将于下周访问",
            "微軟的薩蒂亞·納德拉也提到，這跟「亞洲‧矽谷」不同，甘克帆‧巴宴爾也來了",
        )
    )
    persons = names(t, "Person")
    assert {"希拉里·克林顿", "乔萨亚·沃伦盖·姆拜尼马拉马", "薩蒂亞·納德拉"} <= persons
    assert not any("矽谷" in n or "巴宴" in n for n in persons)


def test_short_names_inside_ordinary_words_are_not_entities() -> None:
    t = STAGE(
        transcript(
            "變成大概知道，給他一台電腦，九成都是在做這個，師資安排，專門委員林文信",
            "大部分人大概都同意，說明報告在這裡，行政協調很重要，把工作中視為瑣事的環節",
            "如果你有辦法廣泛傾聽，要有共同社群的感覺",
        )
    )
    found = {m.surface for m in t.mentions}
    inside = {"成大", "台電", "成都", "資安", "員林", "人大", "明報", "政協", "中視", "法廣"}
    assert not (inside | {"共同社"}) & found
    t = STAGE(transcript("台電跟台大、成都和資安都在談"))
    assert {"台電", "台大", "成都", "資安"} <= {m.surface for m in t.mentions}
    # the universities' short names (成大, 清大), where no verb makes them (變成|大家)
    t = STAGE(transcript("我是成大臺文系，後來去清大", "釐清大家的想法，變成大數據，造成大量浪費"))
    assert {"成大", "清大"} == {m.surface for m in t.mentions if m.label == "Organization"}
    assert "大數據" in {m.surface for m in t.mentions}
    # CCTV is the broadcaster where its channels are spoken of, else cameras (2018-07-02)
    t = STAGE(transcript("像災情有接CCTV，各單位都有接。"))
    assert "中央广播电视总台" not in names(t, "Organization")
    t = STAGE(transcript("央视新闻频道报道了，CCTV的记者也问了"))
    assert [m.surface for m in t.mentions if m.label == "Organization"] == ["央视新闻频道", "CCTV"]
    # a bank's and the legislature's short names (2018-01-12, 2020-07-22)
    t = STAGE(transcript("星展也有贊助，立院那邊還在審"))
    assert {"星展银行", "立法院"} <= names(t, "Organization")


def test_versions_of_a_known_product_are_products_of_their_own() -> None:
    # from the corpus: 2017-05-25 (Win7), 2017-09-12 (Windows XP), 2021-11-22 (VISTA)
    t = STAGE(transcript("那時候還在用 Win7，後來 Windows XP 停止支援，VISTA 也沒人用"))
    assert {"Windows 7", "Windows XP", "Windows Vista"} <= names(t, "Product")
    # CODEX, the food-standards commission, and "deep blue" voters name no product
    t = STAGE(transcript("建議在國際組織CODEX先進行討論", "voters who are deep blue or deep green"))
    assert not names(t, "Product")


def test_technology_forms_longer_than_the_short_name_are_read_whole() -> None:
    # from the corpus: 2018-09-21 (寬頻網路), 2025-08-27 (零信任網路架構), 2026-07-29 (自監督式學習)
    t = STAGE(transcript("要有寬頻網路，也要有零信任網路架構，還有自監督式學習的模型"))
    surfaces = {m.surface for m in t.mentions if m.label == "Technology"}
    assert {"寬頻網路", "零信任網路架構", "自監督式學習"} <= surfaces
    # an agent is no smart sport (智慧體育) and no smart health check (智能體檢)
    t = STAGE(transcript("推動智慧體育與智能體檢", "AI 智慧體會在替你做事"))
    assert [m.surface for m in t.mentions if m.label == "Technology"] == ["AI 智慧體"]


def test_typeset_hyphens_read_as_the_ascii_hyphen() -> None:
    # from the corpus: 2025-10-11 (Wi‑Fi with U+2011), 2025-08-21 (GPT‑4)
    t = STAGE(transcript("家裡的 Wi\u2011Fi 跟 GPT\u20104 都用得到"))
    found = {(m.surface, m.label) for m in t.mentions}
    assert {("Wi\u2011Fi", "Technology"), ("GPT\u20104", "Product")} <= found


def test_mainland_programmes_and_platforms_are_products() -> None:
    t = STAGE(transcript("推进“一带一路”建设和西部大开发，企业信息可在信用中国网站查询"))
    assert names(t, "Product") == {"西部大开发", "信用中国"}  # 一带一路 qualifies, names none


def test_a_version_after_a_known_product_names_its_own_node() -> None:
    # from the corpus: 2026-06-24 (Claude 2, Claude 3), 2023-08-11 (LLaMa 2), 2021-01-25
    t = STAGE(transcript("我們用 Claude 3 跟 Llama 2，還有 iPhone 15 Pro"))
    assert names(t, "Product") == {"Claude 3", "Llama 2", "iPhone 15 Pro"}
    # a count, a month or a thousands separator after the number is no version
    t = STAGE(transcript("Claude 3 個月前，iPhone 12 月發表，跟 Join 5,000 人連署一樣"))
    assert names(t, "Product") == {"Claude", "iPhone", "Join"}
    # the same version written with a hyphen is the same node
    t = STAGE(transcript("GPT 4 跟 GPT-4 一樣"))
    assert len([e for e in t.entities.values() if e.label == "Product"]) == 1


def test_no_bare_name_inside_a_title_a_picture_or_a_set_phrase() -> None:
    # from the corpus: 2021-05-13 (《哈利波特》), 2025-05-21 (柴犬圖, 簡言之)
    t = STAGE(transcript("就像《哈利波特》一樣，大家笑著分享柴犬圖。簡言之，我跟江明宗討論過"))
    assert names(t, "Person") == {"江明宗"}


def test_vaccine_brands_are_products_and_high_end_is_not() -> None:
    # from the corpus: 2025-08-25 (AZ、莫德納、BNT、高端), 2021-08-09 (Moderna)
    t = STAGE(transcript("有人偏好國產的高端疫苗，也有人等 AZ 或莫德納、BNT。這是高端製造。"))
    assert names(t, "Product") == {"AZ疫苗", "莫德纳疫苗", "BNT疫苗", "高端疫苗"}


def test_a_mixed_name_matches_with_or_without_the_typesetting_space() -> None:
    # from the corpus: 2021-05-12 (健保 IC 卡), 2022-09-19 (X 光片)
    t = STAGE(transcript("拿健保 IC 卡去看 X 光片，也可以用健保IC卡"))
    found = {(m.surface, m.label) for m in t.mentions}
    assert {("健保 IC 卡", "Product"), ("健保IC卡", "Product"), ("X 光", "Technology")} <= found
    assert len({m.entity for m in t.mentions if m.label == "Product"}) == 1


def test_titles_the_view_rewrites_still_cue_names() -> None:
    # Taiwan's 執行長 is 首席执行官 in the normalised view
    t = STAGE(transcript("我們請執行長王大明說明，也謝謝李小華執行長"))
    assert names(t, "Person") == {"王大明", "李小華"}


def test_everyday_information_technology() -> None:
    # from the corpus: 2021-10-15 (全文檢索, 輸入法, 超連結, 聲控), 2020-05-20 (傳真)
    t = STAGE(transcript("當年有全文檢索、輸入法、超連結，後來有聲控，以前只能用傳真跟撥接"))
    assert {"全文检索", "输入法", "超链接", "语音控制", "传真", "拨号上网"} <= names(
        t, "Technology"
    )


def _mentioned(t: Transcript, label: str) -> set[str]:
    """Names of the entities of `label` the text of `t` mentions."""
    return {t.entities[m.entity].name for m in t.mentions if m.label == label}


def _transcript(tmp_path: Path, name: str, text: str) -> Transcript:
    """`text` written to a file `name` and read as a user's transcript is."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_transcript(path)


def test_an_opening_announcement_names_things_as_turn_zero(tmp_path: Path) -> None:
    """A briefing's unlabelled opening (before the first 问) is read; its metadata is not."""
    from graph.build import build_graph
    from loaders.keys import utterance_key

    t = _transcript(
        tmp_path,
        "2018-07-06-briefing.txt",
        "原标题：2018年7月6日外交部发言人陆慷主持例行记者会\n\n"
        "　　应法兰西共和国政府邀请，国务院副总理胡春华将于7月8日至13日对法国进行访问。\n"
        "　　问：请问中方对此有何评论？\n"
        "　　答：胡春华副总理此访将推动两国务实合作。\n",
    )
    opening = t.preamble
    assert opening is not None and opening.seq == 0
    assert opening.text.startswith("应法兰西共和国政府邀请")  # not the 原标题 line
    assert t.text[opening.start : opening.end] == opening.text
    named = {(t.entities[m.entity].name, m.turn) for m in t.mentions}
    assert {("胡春华", 0), ("国务院", 0), ("胡春华", 2)} <= named
    assert [turn.seq for turn in t.turns] == [1, 2]  # the opening is no turn of its own
    # workers send transcripts without their text: the opening travels with them
    graph = build_graph([dataclasses.replace(t, text="", context=[])])
    opening_key = utterance_key(t.key, 0)
    assert graph.nodes[opening_key]["seq"] == 0
    assert "Person:胡春华" in graph.succ[opening_key]
    assert not any("SAID" in by_key for by_key in graph.pred[opening_key].values())


def test_headings_notes_and_boilerplate_before_the_first_turn_are_no_preamble(
    tmp_path: Path,
) -> None:
    t = _transcript(
        tmp_path,
        "2022-08-19-interview.md",
        "# 2022-08-19 遠見採訪\n\n"
        "🌐此為逐字稿共筆頁面，敬請直接編修。\n\n"
        "> （工作坊共筆：https://example.org）\n\n"
        "（以下開始記錄）\n\n"
        "### 唐鳳：\n大家好。\n",
    )
    assert t.preamble is None
    assert all(m.turn == 1 for m in t.mentions)


def test_briefing_titles_vouch_for_names_and_a_body_word_is_no_name(tmp_path: Path) -> None:
    t = _transcript(
        tmp_path,
        "briefing.txt",
        "问：请介绍访问安排。\n"
        "答：应国家副主席李源潮邀请，南非副总统将访华。胡春华副总理此访将推动合作。"
        "外长王毅将会见他。会上委员长都退席了。\n",
    )
    persons = _mentioned(t, "Person")
    assert {"李源潮", "胡春华", "王毅"} <= persons
    assert not {"应国家", "都退席"} & persons


def test_an_accord_named_after_a_city_is_no_mention_of_the_city(tmp_path: Path) -> None:
    t = _transcript(
        tmp_path,
        "accord.md",
        "# 2023-12-08 訪談\n\n### 問：\n會怎麼做？\n\n"
        "### 唐鳳：\n按照《蒙特婁協定》與京都議定書來做，明年我也會去蒙特婁開會。\n",
    )
    places = [m.surface for m in t.mentions if m.label == "Place"]
    assert places == ["蒙特婁"]  # the city where one goes, not the two accords


def test_rule_diplomatic_mission() -> None:
    text = "中国驻泰国使馆和中国驻宋卡总领馆已启动应急机制"
    assert surfaces(text, diplomatic_mission) == ["中国驻泰国使馆", "中国驻宋卡总领馆"]
    assert surfaces("美国驻华使馆发表声明", diplomatic_mission) == ["美国驻华使馆"]
    assert surfaces("外交部駐曼谷代表處也來了", diplomatic_mission) == ["駐曼谷代表處"]
    # missions in general, a phrase, and a village office are no mission
    for other in (
        "正对各国驻华大使馆发出照会",
        "臺灣駐各個國家大使館",
        "驻泰的办事处",
        "他在驻村办事处",
        "我們駐臺灣這邊代表處的同仁",
    ):
        assert surfaces(other, diplomatic_mission) == []


def test_a_head_of_state_title_vouches_for_a_transcribed_name(tmp_path: Path) -> None:
    t = _transcript(
        tmp_path,
        "visit.txt",
        "问：访问有何安排？\n"
        "答：访问期间，将会见卡博雷总统，同蒂耶巴总理举行会谈。美国国务卿蒂勒森表示欢迎。"
        "秘书长谢谢，拜托总干事自行确认。\n",
    )
    persons = _mentioned(t, "Person")
    assert {"卡博雷", "蒂耶巴", "蒂勒森"} <= persons
    assert not {"谢谢", "拜托"} & persons


def test_a_known_name_is_not_read_with_a_character_beside_it(tmp_path: Path) -> None:
    t = _transcript(
        tmp_path,
        "interview.md",
        "# 2016-12-23 訪談\n\n### 許智傑：\n報紙說數位政委唐鳳提建言，但唐鳳政委怎麼看？\n\n"
        "### 唐鳳：\n我們請宗浩去上課，也很高興能夠來敏迪現場。\n",
    )
    persons = _mentioned(t, "Person")
    assert "唐鳳" in persons
    assert not {"唐鳳提", "但唐鳳", "宗浩去", "來敏迪"} & persons


def test_rule_project_into_effect() -> None:
    text = "实施新一轮高标准农田建设规划，实施国家黑土地保护工程和现代种业提升工程"
    assert surfaces(text, project_into_effect) == [
        "高标准农田建设规划",
        "国家黑土地保护工程",
        "现代种业提升工程",
    ]
    for other in ("实施重大工程", "实施了很多工程", "我们实施这项工程", "实施的工程"):
        assert surfaces(other, project_into_effect) == []


def test_a_regulators_briefing_reads_bodies_and_platform_companies(tmp_path: Path) -> None:
    t = _transcript(
        tmp_path,
        "briefing.txt",
        "主持人：\n今天我们邀请到中国银保监会副主席梁涛先生。\n"
        "梁涛：\n普惠型小微企业贷款余额达到14.6万亿元。我们与美团、京东等平台合作。\n",
    )
    assert "普惠型" not in _mentioned(t, "Person")  # 普 opens a word, not a name
    assert {"美团", "京东", "中国银行保险监督管理委员会"} <= _mentioned(t, "Organization")


def test_the_title_names_known_bodies_at_turn_zero_but_no_guessed_products(
    tmp_path: Path,
) -> None:
    path = tmp_path / "meeting.md"
    path.write_text(
        "# 2023-07-20 數位發展部研商開放政府行動方案會議\n\n"
        "### 唐鳳：\n我們開始。\n\n### 主秘：\n好的。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    ministry = [m for m in t.mentions if m.surface == "數位發展部"]
    assert [m.turn for m in ministry] == [0]
    assert t.text[ministry[0].start : ministry[0].end] == "數位發展部"
    assert not any(e.label == "Product" for e in t.entities.values())
    # with no prose before the first turn, the title is utterance 0, and it travels with a
    # transcript sent to the graph without its text
    from graph.build import build_graph
    from loaders.keys import utterance_key

    graph = build_graph([dataclasses.replace(t, text="", context=[])])
    opening = utterance_key(t.key, 0)
    assert graph.nodes[opening]["text"] == t.title
    assert ministry[0].entity in graph.succ[opening]


def test_the_opening_is_the_title_and_the_prose_before_the_first_turn(tmp_path: Path) -> None:
    path = tmp_path / "briefing.md"
    path.write_text(
        "# 2024-03-27 數位發展部記者會\n\n今天由數位發展部說明韌性方案。\n\n### 唐鳳：\n大家好。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    assert t.preamble is not None and t.opening is not None
    assert t.opening.start < t.preamble.start and t.opening.end == t.preamble.end
    assert t.text[t.opening.start : t.opening.end].startswith(t.title)
    assert t.opening.text.endswith("今天由數位發展部說明韌性方案。")


def test_a_name_listed_beside_a_found_one_is_of_its_kind() -> None:
    t = STAGE(
        transcript(
            "我們用 LINE、Viber 跟 Threema 傳訊，也試過 Proton Mail、Proton Drive 等等",
            "資料放在健保局、地質所及衛福部，工具是 Excel 或 Numbers 2，或用Slack跟Zulip等工具",
            "場域包含智慧製造、智慧零售、健康科技，也談過 AI 跟 Quantum Sensing",
        )
    )
    assert {"Viber", "Threema", "Proton Drive", "Numbers 2", "Zulip"} <= names(t, "Product")
    assert {"健保局", "地質所"} <= names(t, "Organization")
    assert {"智慧零售", "健康科技", "Quantum Sensing"} <= names(t, "Technology")
    # named again alone, the name is still a mention
    t = STAGE(transcript("我們用 LINE 跟 Threema 傳訊", "後來 Threema 停了"))
    assert [m.turn for m in t.mentions if m.surface == "Threema"] == [1, 2]


def test_a_list_item_must_be_a_name_by_its_shape() -> None:
    t = STAGE(
        transcript(
            "我們跟微軟、Peter 及 the team 合作，也用 LINE、APP 跟 LOL版，LINE 跟 viber",
            "包括台積電、最後總統簽署，還有 Google、鄉親朋友",
            "談 AI、資訊疫情和錯誤資訊，LINE 或 x，LINE 跟 GA",
            "Yeah. Actually, PDIS started it. Well, Google and I'm fine",
            "我們合作的有微軟、物流公司。",
        )
    )
    found = {m.surface for m in t.mentions if m.rule == "listed_sibling"}
    assert found == set()
    # a person or a place ends the list: what lies beyond is not read
    t = STAGE(transcript("有微軟、Paris、Fabrikam 跟 Northwind"))
    assert not {m.surface for m in t.mentions if m.rule == "listed_sibling"}


def test_a_visit_s_title_names_its_visitor_a_body_unless_a_person(tmp_path: Path) -> None:
    def visitors(title: str, body: str) -> set[str]:
        t = _transcript(tmp_path, "visit.md", f"# {title}\n\n### 甲：\n{body}\n")
        return {m.surface for m in t.mentions if m.rule == "title_visitor"}

    # the name again in the turns is a mention of the same body
    t = _transcript(
        tmp_path, "v.md", "# 2022-07-11 ROOTCON 團隊來訪\n\n### 甲：\n今年 ROOTCON 辦在馬尼拉。\n"
    )
    assert sorted((m.surface, m.turn) for m in t.mentions if m.rule == "title_visitor") == [
        ("ROOTCON", 0),
        ("ROOTCON", 1),
    ]
    assert visitors("2019-06-12 晨曦智聯來訪", "歡迎晨曦智聯。") == {"晨曦智聯"}
    assert visitors("2019-05-02 Contoso 團隊第二次來訪", "謝謝。") == {"Contoso"}
    # an officer's title after the body: the officer comes from that body
    assert visitors("2018-11-14 晨曦智聯執行長來訪", "謝謝。") == {"晨曦智聯"}
    assert visitors("2018-11-14 台灣微軟總經理來訪", "謝謝。") == set()  # 微軟 is known
    # a title's quoted name is read; its terse description is not
    t = _transcript(
        tmp_path, "q.md", "# 2017-03-03 研商重構「漁獲公開資訊整合平台」會議\n\n### 甲：\n好。\n"
    )
    assert _mentioned(t, "Product") == {"漁獲公開資訊整合平台"}
    assert visitors("2018-10-29 Mary Reed Foundation 來訪", "謝謝。") == {"Mary Reed Foundation"}
    assert visitors("2016-11-03 新加坡代表處及Pinkoi來訪", "謝謝。") == {"新加坡代表處", "Pinkoi"}
    # a person, a person with a title, an outlet's reporter, a company's envoy, a word
    for title in (
        "2017-01-06 蔡曜隆來訪",
        "2019-12-18 邱娉勻來訪",
        "2019-12-18 晨曦科技王大明來訪",
        "2019-12-18 研究生來訪",
        "2016-11-10 許毓仁委員拜會",
        "2020-07-29 James Sha來訪",
        "2019-07-18 中時謝錦芳來訪",
        "2019-07-18 Google Anita來訪",
        "2023-07-19 產業拜會唐鳳部長逐字稿",
        "2019-03-07 羅文嘉、余天來訪",
        "2023-02-13 汪怡昕導演拜會唐鳳部長逐字稿",
        "2021-01-12 仁愛國小同學來訪",
        "2021-06-02 山本幸男線上拜會",
    ):
        assert visitors(title, "謝謝。") == set(), title


def test_departments_displays_and_the_words_that_hide_a_hospital() -> None:
    t = STAGE(
        transcript(
            "衛福部醫事司跟長照司，還有法務部矯正署、台北榮總",
            "我們做的是膽固醇液晶，也有 OLED 跟 TFT LCD，8K影像用眼控操作",
            "這樣的光榮總是屬於大家，繁榮總體經濟",
        )
    )
    assert {"卫生福利部医事司", "卫生福利部长期照顾司", "法务部矫正署"} <= names(t, "Organization")
    assert "台北荣民总医院" in names(t, "Organization")
    assert [m.turn for m in t.mentions if m.entity.endswith("台北荣民总医院")] == [1]
    technologies = names(t, "Technology")
    assert {"胆固醇液晶", "有机发光二极管", "8K", "眼动追踪"} <= technologies


def test_taiwan_e_invoice_carriers_and_certificate_cards_are_products() -> None:
    t = STAGE(transcript("用手機條碼存雲端發票，醫師用醫事憑證，日本是個人編號卡"))
    assert {"手机条码", "云端发票", "医事凭证", "My Number Card"} <= names(t, "Product")
