"""Rules match the normalised view, whose Taiwan-phrase conversion rewrites some words
(簡訊 → 短信, 執行長 → 首席执行官): a pattern must spell each word the view's way too."""

from __future__ import annotations

import importlib
import re

import pytest

from loaders.normalize import view_spellings

#: Modules whose patterns run on the normalised view.
VIEW_MODULES = (
    "loaders.extract.product_rules",
    "loaders.extract.organization_rules",
    "loaders.extract.relations",
    "loaders.extract.figures",
    "loaders.extract.latin_names",
    "loaders.extract.subunits",
    "loaders.extract.entities",
)
_CHARACTER_CLASS = re.compile(r"\[[^\]]*\]")


def _words_the_view_misses(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    source = _CHARACTER_CLASS.sub("", pattern.pattern)  # classes hold characters, not words
    missed = []
    for word in sorted(set(re.findall(r"[\u4e00-\u9fff]{2,}", source))):
        missed += [(word, form) for form in view_spellings(word) if form not in pattern.pattern]
    return missed


@pytest.mark.parametrize("module", VIEW_MODULES)
def test_rule_words_are_spelled_as_the_view_writes_them(module: str) -> None:
    found = {}
    for name, value in vars(importlib.import_module(module)).items():
        if isinstance(value, re.Pattern) and (missed := _words_the_view_misses(value)):
            found[name] = missed
    assert found == {}
