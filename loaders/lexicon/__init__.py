"""Domain lexicons: YAML files of organisations, technologies, places and products.

A lexicon file holds general knowledge only (names, short names, English names);
names no lexicon holds are found by the product rules. The format, for shipped
files and the user's own (`--lexicon FILE`)::

    # Sources: where the names come from
    label: Organization            # default label of the entries below
    entries:
      - name: 中国工商银行          # canonical name: the node's `name`
        kind: bank                 # Organization only: media, bank, regulator,
                                   #   government, company, other
        aliases: [工商银行, 工行, ICBC]
      - {name: 融资租赁, label: Technology}   # an entry may override the label
      - {name: 微信, label: Product, owner: 腾讯}  # Product only: the organisation making it
      - {name: 视讯, aliases: [視訊], as_written: true}  # only where the text writes a form
      - name: 中央流行疫情指挥中心
        aliases: [疫情指挥中心]
        context_aliases: [指挥中心]  # only in a transcript that writes a context word
        context: [疫情, 防疫]
    blockers:                      # longer words that contain a name without meaning it
      - 中国银行业

Matching is on the normalised view (NFKC, simplified, case-folded), so a name
needs no traditional or upper-case variant; an all-capitals Latin alias (`AI`)
only matches text written in capitals. User entries take precedence over
shipped ones that share a name or alias. A product's `owner` (any name or alias of
an organisation) makes the relations stage read `owner OFFERS product` wherever one
sentence names both. `as_written: true` matches a name only where the text writes one of
its forms, in either script, and not where the view's Taiwan-phrase conversion merely
makes another word look like it: Taiwan's 視訊 (video calling) becomes 视频 there, as do
影片 (a clip) and every mainland 视频. `context_aliases` are short names that count only in
a transcript writing one of the `context` words, in either script (a Latin or digit edge of a
context word standing alone: 7-11 is not inside 2017-11-17): in a transcript about the
epidemic, 指揮中心 is its command centre; elsewhere it is any command centre.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from loaders.model import ENTITY_LABELS
from presskg.errors import InputError

__all__ = ["BUILTIN_DIR", "Lexicon", "LexiconEntry", "LexiconError", "load_lexicon", "read_file"]

BUILTIN_DIR = Path(__file__).parent
_KINDS = ("media", "bank", "regulator", "government", "company", "other")


class LexiconError(InputError):
    """A lexicon file that cannot be read or does not follow the format."""


@dataclass(frozen=True)
class LexiconEntry:
    """One thing the lexicon knows: its label, canonical name, aliases, kind and owner."""

    label: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    owner: str | None = None  # Product only: the organisation that makes it
    as_written: bool = False  # match only where the text writes one of the forms
    context_aliases: tuple[str, ...] = ()  # short names that count only in `context`
    context: tuple[str, ...] = ()  # words of which a transcript must write one

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way of writing it: the name first, then the aliases."""
        return (self.name, *self.aliases, *self.context_aliases)


@dataclass(frozen=True)
class Lexicon:
    """Entries in precedence order (earlier wins) and blocking words."""

    entries: tuple[LexiconEntry, ...] = ()
    blockers: tuple[str, ...] = field(default_factory=tuple)

    def __add__(self, other: Lexicon) -> Lexicon:
        return Lexicon(self.entries + other.entries, self.blockers + other.blockers)


def read_file(path: Path) -> Lexicon:
    """Read one lexicon file; errors name the file and entry and say how to fix them."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise LexiconError(f"cannot read lexicon {path}: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("entries", []), list):
        raise LexiconError(
            f"lexicon {path}: expected a mapping with an 'entries' list "
            "(see the format in loaders/lexicon/__init__.py or docs/quality.md)"
        )
    default = data.get("label")
    entries: list[LexiconEntry] = []
    for i, item in enumerate(data.get("entries") or [], 1):
        where = f"lexicon {path}, entry {i}"
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            raise LexiconError(f"{where}: each entry needs a 'name'")
        label = item.get("label", default)
        if label not in ENTITY_LABELS:
            raise LexiconError(
                f"{where}: label {label!r} is not one of {', '.join(ENTITY_LABELS)}; "
                "set 'label' at the top of the file or on the entry"
            )
        kind = item.get("kind")
        if kind is not None and kind not in _KINDS:
            raise LexiconError(f"{where}: kind {kind!r} is not one of {', '.join(_KINDS)}")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list):
            raise LexiconError(f"{where}: 'aliases' must be a list")
        owner = str(item.get("owner") or "").strip() or None
        if owner is not None and label != "Product":
            raise LexiconError(
                f"{where}: 'owner' names the organisation making a product; "
                f"this entry is a {label}, so remove 'owner' or set 'label: Product'"
            )
        as_written = item.get("as_written", False)
        if not isinstance(as_written, bool):
            raise LexiconError(f"{where}: 'as_written' is true or false, not {as_written!r}")
        context = item.get("context") or []
        context_aliases = item.get("context_aliases") or []
        if not isinstance(context, list) or not isinstance(context_aliases, list):
            raise LexiconError(f"{where}: 'context' and 'context_aliases' must be lists")
        if bool(context) != bool(context_aliases):
            raise LexiconError(
                f"{where}: 'context_aliases' count only where a 'context' word is written; "
                "give both lists or neither"
            )
        entries.append(
            LexiconEntry(
                label=label,
                name=str(item["name"]).strip(),
                aliases=tuple(str(a).strip() for a in aliases if str(a).strip()),
                kind=kind,
                owner=owner,
                as_written=as_written,
                context_aliases=tuple(str(a).strip() for a in context_aliases if str(a).strip()),
                context=tuple(str(c).strip() for c in context if str(c).strip()),
            )
        )
    blockers = tuple(str(b) for b in data.get("blockers") or [])
    return Lexicon(tuple(entries), blockers)


@lru_cache(maxsize=1)
def _builtin() -> Lexicon:
    lexicon = Lexicon()
    for path in sorted(BUILTIN_DIR.glob("*.yaml")):
        lexicon = lexicon + read_file(path)
    return lexicon


def load_lexicon(user_files: Iterable[Path] = (), builtin: bool = True) -> Lexicon:
    """The user's lexicons (first, so they win) followed by the shipped ones."""
    lexicon = Lexicon()
    for path in user_files:
        lexicon = lexicon + read_file(Path(path))
    return lexicon + _builtin() if builtin else lexicon
