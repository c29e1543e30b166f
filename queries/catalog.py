"""Named Cypher queries: `queries/*.cypher`, each with a header giving its description
and `$parameters` with defaults, so every query runs without arguments.

Header format::

    // Products a speaker mentioned, most mentioned first.
    // $speaker = "吕仲涛"

Parameter defaults are JSON values.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presskg.errors import InputError, UsageError

__all__ = ["QUERY_DIR", "NamedQuery", "all_queries", "get_query", "parse_param"]

QUERY_DIR = Path(__file__).parent
_PARAM = re.compile(r"^//\s*\$(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<value>.+?)\s*$")


@dataclass(frozen=True)
class NamedQuery:
    """A named query: its Cypher text, description and parameter defaults."""

    name: str
    cypher: str
    description: str
    defaults: dict[str, Any] = field(default_factory=dict)

    def params(self, given: dict[str, Any] | None = None) -> dict[str, Any]:
        """Defaults overridden by `given`; an unknown parameter is an error."""
        given = given or {}
        unknown = sorted(set(given) - set(self.defaults))
        if unknown:
            raise UsageError(
                f"query {self.name!r} has no parameter {', '.join(unknown)}; "
                f"its parameters: {', '.join(sorted(self.defaults)) or 'none'}"
            )
        merged = dict(self.defaults)
        for key, value in given.items():
            default = self.defaults[key]
            merged[key] = _coerce(value, default)
        return merged


def _coerce(value: Any, default: Any) -> Any:
    """A --param value takes the type of the default (`--param limit=5` → int)."""
    if not isinstance(value, str) or isinstance(default, str):
        return value
    try:
        if isinstance(default, bool):
            return value.lower() in ("1", "true", "yes")
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
    except ValueError as e:
        raise UsageError(f"parameter value {value!r} is not a {type(default).__name__}") from e
    return value


def load_query(path: Path) -> NamedQuery:
    """Parse one `.cypher` file."""
    text = path.read_text(encoding="utf-8")
    description: list[str] = []
    defaults: dict[str, Any] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        match = _PARAM.match(stripped)
        if match:
            try:
                defaults[match["name"]] = json.loads(match["value"])
            except json.JSONDecodeError as e:
                raise InputError(
                    f"{path}:{number}: default of ${match['name']} is not JSON "
                    f"({match['value']}); quote strings"
                ) from e
        else:
            description.append(stripped.lstrip("/").strip())
    return NamedQuery(path.stem, text, " ".join(d for d in description if d), defaults)


def all_queries(folder: Path = QUERY_DIR) -> dict[str, NamedQuery]:
    """Every named query, by name."""
    return {p.stem: load_query(p) for p in sorted(folder.glob("*.cypher"))}


def get_query(name: str) -> NamedQuery:
    """The named query `name`; an unknown name lists the known ones."""
    queries = all_queries()
    if name not in queries:
        raise UsageError(
            f"no named query {name!r}; known: {', '.join(queries)} (see `presskg queries`)"
        )
    return queries[name]


def parse_param(text: str) -> tuple[str, Any]:
    """`k=v` from the command line; v is JSON when it parses as JSON, else a string.

    >>> parse_param("limit=5"), parse_param("name=区块链")
    (('limit', 5), ('name', '区块链'))
    """
    if "=" not in text:
        raise UsageError(f"--param {text!r}: expected NAME=VALUE, e.g. --param name=区块链")
    key, _, value = text.partition("=")
    key = key.strip().lstrip("$")
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value
