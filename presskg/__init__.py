"""presskg: knowledge graphs from press-conference transcripts.

The API is imported lazily so `loaders` and `graph` can use `presskg.errors`
without importing the whole package first.

>>> import presskg
>>> sorted(presskg.__all__)[:3]
['BuildReport', 'PressKG', 'PressKGError']
"""

from __future__ import annotations

from typing import Any

__all__ = ["BuildReport", "PressKG", "PressKGError", "build", "open_store"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "PressKGError":
        from presskg.errors import PressKGError

        return PressKGError
    if name in __all__:
        from presskg import api

        return getattr(api, name)
    raise AttributeError(f"module 'presskg' has no attribute {name!r}")
