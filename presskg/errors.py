"""One exception tree; the CLI maps each branch to an exit code without a traceback."""

from __future__ import annotations

__all__ = [
    "InputError",
    "PressKGError",
    "QueryError",
    "StoreBusy",
    "StoreUnavailable",
    "UsageError",
]


class PressKGError(Exception):
    """Base of every error presskg raises on purpose. `exit_code` is what the CLI returns."""

    exit_code = 1


class InputError(PressKGError):
    """A file or value the user gave cannot be used (names the file, line and the fix)."""


class QueryError(PressKGError):
    """A Cypher query failed (names the query or clause and the fix)."""


class UsageError(PressKGError):
    """The command line itself is wrong."""

    exit_code = 2


class StoreUnavailable(PressKGError):
    """The store cannot be reached or opened (Neo4j down, wrong password, locked folder)."""

    exit_code = 3


class StoreBusy(StoreUnavailable):
    """Another process holds the store's write lock."""
