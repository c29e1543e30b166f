"""`make bench`: run every benchmark and update docs/benchmarks.md.

Neo4j figures need the local server (`make neo4j-up`); the page figures need
headless Chromium. Each benchmark prints its own table.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = [
    ["benchmarks/pipeline.py", "--neo4j", "--write-docs"],
    ["benchmarks/neo4j_load.py", "--write-docs"],
    ["benchmarks/page.py", "--write-docs"],
    ["benchmarks/quality.py"],
]


def main() -> int:
    failed = []
    for command in BENCHMARKS:
        print(f"== {' '.join(command)}", flush=True)
        if subprocess.run([sys.executable, *command], cwd=ROOT, check=False).returncode != 0:
            failed.append(command[0])
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
