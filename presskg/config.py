"""Settings presskg reads from the environment, with their local defaults.

The Neo4j defaults are those of the local server `make neo4j-up` starts, so
`presskg build FILE --neo4j` works right after it with no variable set.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = [
    "DEFAULT_NEO4J_DATABASE",
    "DEFAULT_NEO4J_PASSWORD",
    "DEFAULT_NEO4J_URI",
    "DEFAULT_NEO4J_USERNAME",
    "Neo4jSettings",
]

DEFAULT_NEO4J_URI = "bolt://127.0.0.1:7687"
DEFAULT_NEO4J_USERNAME = "neo4j"
DEFAULT_NEO4J_PASSWORD = "presskg-local"
DEFAULT_NEO4J_DATABASE = "neo4j"


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and as whom to connect to Neo4j.

    >>> Neo4jSettings.from_env({"NEO4J_URI": "neo4j://db:7687", "NEO4J_PASSWORD": ""}).uri
    'neo4j://db:7687'
    >>> Neo4jSettings.from_env({}).password == DEFAULT_NEO4J_PASSWORD
    True
    """

    uri: str = DEFAULT_NEO4J_URI
    username: str = DEFAULT_NEO4J_USERNAME
    password: str = field(default=DEFAULT_NEO4J_PASSWORD, repr=False)
    database: str = DEFAULT_NEO4J_DATABASE

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Neo4jSettings:
        """Read NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE; empty means default."""
        env = os.environ if environ is None else environ
        return cls(
            uri=env.get("NEO4J_URI") or DEFAULT_NEO4J_URI,
            username=env.get("NEO4J_USERNAME") or DEFAULT_NEO4J_USERNAME,
            password=env.get("NEO4J_PASSWORD") or DEFAULT_NEO4J_PASSWORD,
            database=env.get("NEO4J_DATABASE") or DEFAULT_NEO4J_DATABASE,
        )
