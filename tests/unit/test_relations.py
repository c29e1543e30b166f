"""Relations stage: patterns over sentence templates, first person resolved to the speaker."""

from __future__ import annotations

from pathlib import Path

from loaders.extract.entities import make_stage as make_entities
from loaders.extract.registry import ExtractOptions
from loaders.extract.relations import extract_relations, product_owners
from loaders.keys import entity_key
from loaders.lexicon import load_lexicon
from loaders.model import Entity, Speaker, Transcript, Turn
from loaders.normalize import to_simplified
from presskg.pipeline import load_transcript

ENTITIES = make_entities(ExtractOptions())
BANK = entity_key("Organization", "中国工商银行")


def run(text: str, keys: bool = False) -> set[tuple[str, str, str]]:
    label = "王敬东:"
    t = Transcript("t", label + text)
    t.turns.append(Turn(1, "王敬东", text, len(label), len(label) + len(text)))
    t.entities[BANK] = Entity(BANK, "Organization", "中国工商银行", ["工行"], kind="bank")
    t.speakers["王敬东"] = Speaker("王敬东", "Person:王敬东", "王敬东", "official", False, BANK)
    ENTITIES(t)
    names = {k: k if keys else e.name for k, e in t.entities.items()}
    return {(r.type, names[r.source], names[r.target]) for r in extract_relations(t)}


def test_part_of_from_representatives() -> None:
    found = run("以融e行、融e购、融e联为代表的“三融”平台总客户规模达3.43亿户。")
    assert {("PART_OF", p, "三融平台") for p in ("融e行", "融e购", "融e联")} <= found


def test_part_of_from_includes() -> None:
    found = run("“三融”平台包括融e行和融e购。")
    assert {("PART_OF", "融e行", "三融平台"), ("PART_OF", "融e购", "三融平台")} <= found


def test_offers_resolves_first_person_to_the_speakers_organisation() -> None:
    found = run("去年我行推出了融资产品叫融e借。")
    assert ("OFFERS", "中国工商银行", "融e借") in found


def test_uses_technology() -> None:
    found = run("我们推出了融e借,融e借运用人工智能和大数据技术审批。")
    assert {("USES", "融e借", "人工智能"), ("USES", "融e借", "大数据")} <= found


def test_partners_with() -> None:
    found = run("我行与贵州省政府合作建设了区块链平台。")
    assert ("PARTNERS_WITH", "中国工商银行", "贵州省政府") in found


def test_a_body_acting_together_with_another_and_issuing_a_plan() -> None:
    found = run("国家发展改革委将会同国家能源局等部门推进,国务院印发《2030年前碳达峰行动方案》。")
    assert ("PARTNERS_WITH", "国家发展和改革委员会", "国家能源局") in found
    assert ("OFFERS", "国务院", "2030年前碳达峰行动方案") in found


def test_words_the_view_converts_still_cue_relations() -> None:
    # the Taiwan-phrase conversion writes 建立 as 创建 and 核心 as 内核, mainland text too
    found = run("以融e行、融e购为核心的“三融”平台,去年我行建立了融e借。")
    assert {("PART_OF", "融e行", "三融平台"), ("OFFERS", "中国工商银行", "融e借")} <= found


def test_traditional_text_reads_alike() -> None:
    text = "我行與貴州省政府合作。以融e行、融e購為代表的「三融」平台運用人工智慧。"
    assert run(text, keys=True) == run(to_simplified(text), keys=True)
    assert len(run(text)) == 4


def test_first_person_owner_of_a_named_programme() -> None:
    found = run("說明我們海洋保育計畫的特別預算，第四期的海洋保育計畫有兩項。")
    assert ("OFFERS", "中国工商银行", "海洋保育計畫") in found
    known = run("我們LINE的帳號很多人看。")
    assert not any(kind == "OFFERS" for kind, _, _ in known)  # a known brand is not ours


def test_joint_subject_offers() -> None:
    found = run("我跟數位產業署的呂署長開了一個叫做「全民 AI 通識課」的課。")
    assert ("OFFERS", "中国工商银行", "全民 AI 通識課") in found


def test_offers_from_an_organisation_owning_a_named_product() -> None:
    found = run("希望透過海巡署的118系統，可以直接在海上通聯。")
    assert ("OFFERS", "海巡署", "118系統") in found  # 118系統 is named by a rule, not known
    assert not any(r[0] == "OFFERS" for r in run("透過海巡署，以及118系統，可以通聯。"))


def test_offers_from_a_company_owning_a_known_product() -> None:
    # from the corpus: 2025-08-21 (Google 的 AI Overviews), 2023-12-08 (Meta 的 Llama)
    assert ("OFFERS", "谷歌", "AI Overviews") in run("Google 的 AI Overviews 會摘要內容。")
    assert ("OFFERS", "Meta", "Llama") in run("像 Meta 的 Llama 這種開放權重模型。")
    # a media outlet's page on a platform is not the outlet's product
    assert not any(r[0] == "OFFERS" for r in run("中央社的 Facebook 粉絲專頁有轉貼。"))


def test_offers_from_a_known_maker_named_in_the_same_sentence() -> None:
    # from the corpus: 2023-12-08 (OpenAI … ChatGPT), 2016-11-16 (Uber … UberX)
    owners = product_owners(load_lexicon())

    def with_owners(text: str) -> set[tuple[str, str, str]]:
        label = "王敬东:"
        t = Transcript("t", label + text)
        t.turns.append(Turn(1, "王敬东", text, len(label), len(label) + len(text)))
        ENTITIES(t)
        return {
            (r.type, t.entities[r.source].name, t.entities[r.target].name)
            for r in extract_relations(t, owners)
        }

    found = with_owners("OpenAI 這次把 ChatGPT 開放給大家。Uber 在台灣有 UberX。")
    assert {("OFFERS", "OpenAI", "ChatGPT"), ("OFFERS", "Uber", "UberX")} <= found
    # a version of a known product is its maker's too
    assert ("OFFERS", "Anthropic", "Claude 3") in with_owners("Anthropic 推出的 Claude 3 很強。")
    # the maker and the product in different sentences, or a maker that is not theirs
    apart = with_owners("OpenAI 來過台灣。ChatGPT 很多人用。微軟跟 ChatGPT 都在談。")
    assert not any(kind == "OFFERS" for kind, _, _ in apart)


def test_offers_from_a_maker_named_inside_its_products_name() -> None:
    # from the corpus: 2024-03-11 (Google 關鍵字廣告, Google 廣告聯播網, and Google alone)
    found = run("包含 Google 關鍵字廣告、Google 廣告聯播網，Google 也會配合。")
    assert {
        ("OFFERS", "谷歌", "Google 關鍵字廣告"),
        ("OFFERS", "谷歌", "Google 廣告聯播網"),
    } <= found
    # the product, not the maker inside it, fills its place in the sentence
    found = run("Google 搜尋運用了人工智慧，Google 也這樣說。")
    assert {("USES", "Google 搜尋", "人工智能"), ("OFFERS", "谷歌", "Google 搜尋")} <= found
    # named only inside a product's name, the maker is not mentioned and offers nothing
    assert not any(kind == "OFFERS" for kind, _, _ in run("我手機裡有Apple錢包。"))


def test_offers_said_outright() -> None:
    assert ("OFFERS", "Meta", "Threads") in run("Meta 旗下的 Threads 已經提供了這種功能。")
    found = run("同樣是在衛福部裡面的疾管署就有一個叫做「疾管家」的LINE BOT，大家可以用。")
    assert ("OFFERS", "疾病管制署", "疾管家") in found
    assert ("OFFERS", "Gogolook", "Whoscall") in run(
        "與 Gogolook（Whoscall）合作，在群聊裡自動建議。"
    )
    assert not any(r[0] == "OFFERS" for r in run("Meta 跟 Threads 都在，疾管署跟 LINE 也在。"))


def test_bodies_working_together() -> None:
    # from the corpus: 2019-04-30 and 2019-11-05
    found = run("也就是工業局、臺灣資通產業標準協會一起來做規範。")
    assert ("PARTNERS_WITH", "经济部工业局", "臺灣資通產業標準協會") in found
    helped = run("像行政院資訊處、資策會的朋友們幫台水一起寫出了機器學徒。")
    pairs = {(a, b) for kind, a, b in helped if kind == "PARTNERS_WITH"}
    assert len(pairs) == 3  # each two of the three bodies
    assert not run("工業局、臺灣資通產業標準協會都還在討論，大家一起來看。") & {
        ("PARTNERS_WITH", "经济部工业局", "臺灣資通產業標準協會")
    }


def test_part_of_stated() -> None:
    found = run("所以「健保快易通」其實是「我的E政府」的一部分。")
    assert ("PART_OF", "健保快易通", "我的E政府") in found


def test_offers_the_kind_launched_then_its_name() -> None:
    # the ICBC example, turn 15: 智能投顾 is a technology between the verb and the name
    found = run("同时,我们去年推出了智能投顾产品,就是AI投,它是用人工智能的方法。")
    assert ("OFFERS", "中国工商银行", "AI投") in found
    assert not any(r[0] == "OFFERS" for r in run("我们去年推出了智能投顾产品。"))


def test_quoted_names_listed_after_a_launch_verb_are_each_offered(tmp_path: Path) -> None:
    path = tmp_path / "bank.txt"
    path.write_text(
        "主持人：\n欢迎参加招商银行业绩发布会，出席的有招商银行行长田惠宇先生。\n"
        "田惠宇：\n我们推出了“朝朝宝”和“闪电贷”等产品，闪电贷全年发放贷款超过4000亿元。\n",
        encoding="utf-8",
    )
    t = load_transcript(path)
    found = {(r.type, t.entities[r.source].name, t.entities[r.target].name) for r in t.relations}
    assert {("OFFERS", "招商银行", "朝朝宝"), ("OFFERS", "招商银行", "闪电贷")} <= found
    assert not any(kind == "PART_OF" for kind, _, _ in found)  # not across the comma
