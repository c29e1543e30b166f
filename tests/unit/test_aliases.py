"""Aliases stage: one canonical entity per thing, every reference rewritten."""

from __future__ import annotations

from loaders.extract.aliases import make_stage
from loaders.extract.registry import ExtractOptions
from loaders.keys import entity_key
from loaders.model import Affiliation, Entity, Figure, Mention, Relation, Speaker, Transcript

STAGE = make_stage(ExtractOptions())


def test_roles_outlet_as_written_becomes_the_lexicon_entity() -> None:
    old = entity_key("Organization", "第一财经电视")
    t = Transcript("t", "x")
    t.entities[old] = Entity(old, "Organization", "第一财经电视")
    t.speakers["记者"] = Speaker("记者", "Person:t:记者", "记者", "reporter", True, old)
    t.affiliations.append(Affiliation("Person:t:记者", old))
    t.mentions.append(Mention(old, "Organization", "第一财经电视", 0, 6, 1))
    STAGE(t)
    new = entity_key("Organization", "第一财经")
    assert list(t.entities) == [new]
    assert "第一财经电视" in t.entities[new].aliases
    assert t.entities[new].kind == "media"
    assert t.speakers["记者"].organization == new
    assert t.affiliations[0].organization == new
    assert t.mentions[0].entity == new


def test_short_english_and_full_names_are_one_node() -> None:
    t = Transcript("t", "x")
    for name in ("工行", "ICBC", "中国工商银行", "工商银行"):
        key = entity_key("Organization", name)
        t.entities[key] = Entity(key, "Organization", name)
    STAGE(t)
    assert list(t.entities) == [entity_key("Organization", "中国工商银行")]


def test_an_alias_named_as_its_own_entity_folds_into_its_owner() -> None:
    owner = entity_key("Product", "智慧银行信息系统")
    stray = entity_key("Product", "ECOS")
    t = Transcript("t", "x")
    t.entities[owner] = Entity(owner, "Product", "智慧银行信息系统", ["ECOS"])
    t.entities[stray] = Entity(stray, "Product", "ECOS")
    t.relations.append(Relation("PART_OF", stray, owner, (1,)))
    t.figures.append(Figure("1亿", 1e8, "", False, 1, 0, 3, about=stray))
    STAGE(t)
    assert list(t.entities) == [owner]
    assert t.relations == []  # a thing is not part of itself
    assert t.figures[0].about == owner


def test_spelling_variants_share_a_key() -> None:
    assert entity_key("Product", "e-ICBC3.0") == entity_key("Product", "e-ICBC 3.0")
    assert entity_key("Technology", "區塊鏈") == entity_key("Technology", "区块链")
