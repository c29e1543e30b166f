"""Fixtures for tests against the real local Neo4j (`make neo4j-up`).

Import them into a test module (`from tests.e2e.neo4j_fixtures import neo4j_server,
neo4j_store`). Without a server the tests are skipped with the reason, loudly; with
PRESSKG_REQUIRE_NEO4J=1 (as `make test` and CI set it) they fail instead.
"""

from __future__ import annotations

import os
import socket
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.neo4j_store import Neo4jStore
from presskg.config import Neo4jSettings
from presskg.errors import StoreUnavailable

__all__ = ["NEO4J_SH", "free_port", "neo4j_server", "neo4j_store", "require_neo4j"]

NEO4J_SH = Path(__file__).resolve().parents[2] / "tools" / "neo4j" / "neo4j.sh"


def require_neo4j() -> bool:
    """True when a missing Neo4j must fail the run rather than skip its tests."""
    return os.environ.get("PRESSKG_REQUIRE_NEO4J", "") not in ("", "0")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jStore]:
    """One store on the server of NEO4J_URI for the whole session, or a skip saying why."""
    settings = Neo4jSettings.from_env()
    try:
        store = Neo4jStore(settings)
    except StoreUnavailable as e:
        reason = f"Neo4j tests need a server at {settings.uri} (run `make neo4j-up`): {e}"
        if require_neo4j():
            pytest.fail(f"PRESSKG_REQUIRE_NEO4J is set and {reason}", pytrace=False)
        warnings.warn(f"SKIPPING Neo4j tests: {reason}", stacklevel=1)
        pytest.skip(f"SKIPPED: {reason}")
    with store:
        yield store


@pytest.fixture
def neo4j_store(neo4j_server: Neo4jStore) -> Iterator[Neo4jStore]:
    """The session store, emptied before the test (constraints stay)."""
    neo4j_server.clear()
    yield neo4j_server
