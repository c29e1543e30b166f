"""Extraction stage `aliases`: one canonical entity per thing, within and across transcripts.

Keys come from `entity_key(label, canonical name)`, so the same thing gets the
same key in every transcript and the store merges it by key. The canonical name
is the lexicon's full name when the lexicon knows any form of the entity
(第一财经电视 → 第一财经, 工行 → 中国工商银行); otherwise an entity whose name
another entity of the same label lists as an alias folds into that one
(ECOS → 智慧银行信息系统). Variant spellings (e-ICBC3.0 / e-ICBC 3.0) and
traditional/simplified forms already share a key through `variant_key`.
Every reference to a rewritten key is rewritten: mentions, relations,
affiliations, speakers' organisations and figures.
"""

from __future__ import annotations

from dataclasses import replace

from loaders.extract.registry import ExtractOptions, Stage, register
from loaders.keys import entity_key
from loaders.lexicon import Lexicon, LexiconEntry, load_lexicon
from loaders.model import Entity, Transcript
from loaders.normalize import variant_key, variant_keys

__all__ = ["AliasResolver", "make_stage"]

_CANONICAL_LABELS = ("Organization", "Product", "Technology", "Place")


class AliasResolver:
    """Maps every form the lexicon knows to its entry; rewrites a transcript's keys."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._index: dict[tuple[str, str], LexiconEntry] = {}
        for entry in lexicon.entries:
            for form in entry.forms:
                for key in variant_keys(form):
                    self._index.setdefault((entry.label, key), entry)

    def lexicon_entry(self, entity: Entity) -> LexiconEntry | None:
        """The lexicon entry that names `entity`, by its name first, then its aliases."""
        for form in (entity.name, *entity.aliases):
            entry = self._index.get((entity.label, variant_key(form)))
            if entry is not None:
                return entry
        return None

    def __call__(self, t: Transcript) -> Transcript:
        renames: dict[str, str] = {}
        merged: dict[str, Entity] = {}
        for entity in list(t.entities.values()):
            entry = self.lexicon_entry(entity) if entity.label in _CANONICAL_LABELS else None
            if entry is not None:
                target = Entity(
                    entity_key(entry.label, entry.name),
                    entry.label,
                    entry.name,
                    list(entry.aliases),
                    kind=entry.kind or entity.kind,
                    role=entity.role,
                    anonymous=entity.anonymous,
                )
            else:
                target = Entity(
                    entity.key,
                    entity.label,
                    entity.name,
                    [],
                    entity.kind,
                    entity.role,
                    entity.anonymous,
                )
            _merge_into(merged, target, entity)
            if target.key != entity.key:
                renames[entity.key] = target.key
        # Names that another entity of the same label already lists as an alias fold into it.
        owners: dict[tuple[str, str], str] = {}
        for entity in merged.values():
            for alias in entity.aliases:
                owners.setdefault((entity.label, variant_key(alias)), entity.key)
        for key, entity in list(merged.items()):
            owner = owners.get((entity.label, variant_key(entity.name)))
            if owner and owner != key and owner in merged and entity.label != "Person":
                _merge_into(merged, merged[owner], entity)
                del merged[key]
                renames[key] = owner
                for old, new in list(renames.items()):
                    if new == key:
                        renames[old] = owner
        t.entities = merged
        if renames:
            _rewrite(t, renames)
        return t


def _merge_into(merged: dict[str, Entity], target: Entity, source: Entity) -> None:
    held = merged.setdefault(target.key, target)
    for form in [source.name, *source.aliases, *target.aliases]:
        if form != held.name and form not in held.aliases:
            held.aliases.append(form)
    if held.kind is None:
        held.kind = source.kind
    if held.role is None:
        held.role = source.role


def _rewrite(t: Transcript, renames: dict[str, str]) -> None:
    def new(key: str | None) -> str | None:
        return renames.get(key, key) if key is not None else None

    t.mentions = [replace(m, entity=renames.get(m.entity, m.entity)) for m in t.mentions]
    relations = []
    for rel in t.relations:
        rel = replace(
            rel,
            source=renames.get(rel.source, rel.source),
            target=renames.get(rel.target, rel.target),
        )
        if rel.source != rel.target and rel not in relations:
            relations.append(rel)
    t.relations = relations
    affiliations = []
    for aff in t.affiliations:
        aff = replace(aff, organization=renames.get(aff.organization, aff.organization))
        if aff not in affiliations:
            affiliations.append(aff)
    t.affiliations = affiliations
    for speaker in t.speakers.values():
        speaker.organization = new(speaker.organization)
    t.figures = [replace(f, about=new(f.about)) for f in t.figures]


@register("aliases")
def make_stage(options: ExtractOptions) -> Stage:
    """Index the lexicon once; the returned stage canonicalises one transcript."""
    return AliasResolver(load_lexicon(options.lexicons))
