"""Shipped lexicons: well-formed, large enough, and free of the example's product names."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract.relations import product_owners
from loaders.keys import entity_key
from loaders.lexicon import BUILTIN_DIR, LexiconError, load_lexicon, read_file
from loaders.normalize import variant_key
from presskg.pipeline import load_transcript

FORBIDDEN = ("融e行", "融e购", "融e联", "融安e信", "融e借", "AI投", "ECOS", "e-ICBC")


def test_every_shipped_file_loads_and_names_its_sources() -> None:
    for path in sorted(BUILTIN_DIR.glob("*.yaml")):
        lexicon = read_file(path)
        assert lexicon.entries, path
        assert "Sources" in path.read_text(encoding="utf-8"), path


def test_technology_lexicon_has_at_least_150_concepts() -> None:
    techs = [e for e in load_lexicon().entries if e.label == "Technology"]
    assert len(techs) >= 150


def test_no_form_names_two_shipped_entries() -> None:
    owner: dict[str, int] = {}
    shared = []
    for i, entry in enumerate(load_lexicon().entries):
        for form in set(entry.forms):
            key = variant_key(form)
            if owner.setdefault(key, i) != i:
                shared.append((form, entry.name))  # another entry, even one of the same name
    assert shared == []  # one form, one thing: the first entry would take every mention


def test_no_product_of_the_example_is_shipped() -> None:
    for path in BUILTIN_DIR.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for name in FORBIDDEN:
            assert name not in text, (path, name)


def test_banks_have_short_and_english_names() -> None:
    by_name = {e.name: e for e in load_lexicon().entries}
    icbc = by_name["中国工商银行"]
    assert {"工行", "工商银行", "ICBC"} <= set(icbc.aliases)
    assert icbc.kind == "bank"
    assert by_name["路透社"].kind == "media"


def test_user_lexicon_comes_first(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "label: Product\nentries:\n  - {name: 小蓝卡, aliases: [Blue Card]}\n", encoding="utf-8"
    )
    lexicon = load_lexicon([path])
    assert lexicon.entries[0].name == "小蓝卡"
    assert lexicon.entries[0].label == "Product"


@pytest.mark.parametrize(
    "body, message",
    [
        ("entries: 3\n", "entries"),
        ("entries:\n  - {aliases: [x]}\n", "name"),
        ("entries:\n  - {name: x, label: Thing}\n", "label"),
        ("label: Organization\nentries:\n  - {name: x, kind: club}\n", "kind"),
        ("label: Technology\nentries:\n  - {name: x, owner: 谷歌}\n", "owner"),
        ("label: Technology\nentries:\n  - {name: x, as_written: maybe}\n", "as_written"),
        ("label: Organization\nentries:\n  - {name: x, context_aliases: [y]}\n", "context"),
    ],
)
def test_bad_files_say_what_is_wrong(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        read_file(path)


def test_every_shipped_owner_is_a_shipped_organisation() -> None:
    lexicon = load_lexicon()
    organisations = {
        variant_key(form) for e in lexicon.entries if e.label == "Organization" for form in e.forms
    }
    owned = [e for e in lexicon.entries if e.owner]
    assert len(owned) >= 100
    assert [e.name for e in owned if variant_key(e.owner or "") not in organisations] == []


def test_a_user_product_may_name_its_owner_by_any_alias(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("label: Product\nentries:\n  - {name: 小蓝卡, owner: ICBC}\n", encoding="utf-8")
    owners = product_owners(load_lexicon([path]))
    assert owners[entity_key("Product", "小蓝卡")] == entity_key("Organization", "中国工商银行")


def test_an_entry_as_written_matches_only_where_the_text_writes_it(tmp_path: Path) -> None:
    """視訊 (video calling), 影片 (a clip) and 视频 (any video) are all 视频 in the view."""
    from loaders.extract.matcher import Matcher
    from loaders.normalize import normalized_view

    path = tmp_path / "mine.yaml"
    path.write_text(
        "label: Technology\nentries:\n  - {name: 视讯, aliases: [視訊], as_written: true}\n",
        encoding="utf-8",
    )
    entry = read_file(path).entries[0]
    matcher = Matcher((form, entry) for form in entry.forms)

    def found(text: str) -> list[str]:
        view = normalized_view(text)
        return [view.original[h.orig_start : h.orig_end] for h in matcher.find(view)]

    assert found("我們透過視訊的方式開會，也用视讯") == ["視訊", "视讯"]
    assert found("看一支影片，这段视频很好看") == []
    # without the flag the view's rewriting would take all three
    plain = Matcher((form, entry.name) for form in entry.forms)
    assert len(plain.find(normalized_view("看一支影片，这段视频很好看"))) == 2


def test_taiwan_words_match_in_text_converted_by_plain_t2s() -> None:
    """OpenCC's t2s keeps Taiwan words (資訊系統 → 资讯系统); the view leaves them so."""
    from loaders.extract.matcher import Matcher
    from loaders.normalize import normalized_view

    matcher = Matcher([("信息系统", "it")])
    for text in ("資訊系統", "资讯系统", "信息系统"):
        assert [h.payload for h in matcher.find(normalized_view(text))] == ["it"]


def test_a_context_alias_counts_only_where_a_context_word_is_written(tmp_path: Path) -> None:
    """指揮中心 is the epidemic command centre in a transcript about the epidemic only."""
    from loaders.extract.entities import make_stage
    from loaders.extract.registry import ExtractOptions
    from loaders.model import Transcript, Turn

    path = tmp_path / "mine.yaml"
    path.write_text(
        "label: Organization\nentries:\n  - name: 流行疫情指挥中心\n"
        "    context_aliases: [指挥中心]\n    context: [疫情, 防疫]\n",
        encoding="utf-8",
    )
    stage = make_stage(ExtractOptions(lexicons=(path,)))

    def found(*turns: str) -> list[str]:
        text, rows = "", []
        for seq, said in enumerate(turns, 1):
            rows.append(Turn(seq, "甲", said, len(text) + 2, len(text) + 2 + len(said)))
            text += "甲：" + said + "\n"
        t = stage(Transcript("t", text, turns=rows))
        return [text[m.start : m.end] for m in t.mentions if m.label == "Organization"]

    assert found("疫情期間，我們每天看記者會。", "後來指揮中心決定開放") == ["指揮中心"]
    assert found("颱風來的時候，指揮中心決定開放") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the shipped lexicon: the chains where stores are spoken of, not "the whole family"
        ("一個是去全家、一個是去7-11，可以去i-bon印出來。", {"全家便利商店", "统一超商", "i-bon"}),
        ("全家人都來了，2017-11-17 那天。", set()),
        ("要去超商取貨的時候，大家又願意全家一起出去郊遊了。", set()),
        # Cofacts' bot where rumours are spoken of, not the everyday "really?"
        ("假訊息很多，「真的假的」就是一個例子。", {"Cofacts"}),
        ("他說：真的假的？我不相信。", set()),
        # the crowdfunding platform, not the sound of disapproval
        ("在 flyingV 或者是嘖嘖上面募資。", {"flyingV", "啧啧募资平台"}),
        ("嘖嘖，這樣不行。", set()),
        # fine-tuning where language models are spoken of, not a slight adjustment
        ("用 GPT 的時候可以先微調。", {"GPT", "模型微调"}),
        ("當時課綱又被微調，我們稍微調整了做法。", set()),
        ("開源模型只要稍微調一點點就好。", {"开放模型"}),
        # post-training, not "and then train"
        ("預訓練之後還有後訓練。", {"预训练", "后训练"}),
        ("然後訓練一些專才。", set()),
        # a bank's short name, not the end of another word before a word 行 opens
        ("中行與建行的行長都來了。", {"中国银行", "中国建设银行"}),
        ("這我舉其中行動方案的例子，系統內建行動的功能。", set()),
    ],
)
def test_short_names_that_are_also_words_count_only_in_their_context(
    tmp_path: Path, text: str, names: set[str]
) -> None:
    path = tmp_path / "t.md"
    path.write_text(f"# 2020-04-22 來訪\n\n### 柯淑萍：\n{text}\n", encoding="utf-8")
    t = load_transcript(path)
    found = {t.entities[m.entity].name for m in t.mentions if m.label != "Person"}
    assert found == names
