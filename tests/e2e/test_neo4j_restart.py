"""A Neo4j server killed in the middle of a multi-batch load; the next run completes it.

Runs its own server (tools/neo4j/neo4j.sh on free ports, data in a temporary folder) so
killing it does not disturb the shared one the other tests use.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.neo4j_store import Neo4jStore
from presskg.config import Neo4jSettings
from presskg.errors import StoreUnavailable
from tests.e2e.neo4j_fixtures import NEO4J_SH, free_port, require_neo4j
from tests.e2e.test_neo4j_store import same_graph, sample_graph

pytestmark = pytest.mark.neo4j

PASSWORD = "restart-test-pw"


class Server:
    """A throwaway local Neo4j driven through neo4j.sh."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.bolt_port = free_port()
        self.env = {
            **os.environ,
            "NEO4J_LOCAL_DIR": str(home),
            "NEO4J_BOLT_PORT": str(self.bolt_port),
            "NEO4J_HTTP_PORT": str(free_port()),
            "NEO4J_PASSWORD": PASSWORD,
            "NEO4J_HEAP": "384m",
            "NEO4J_PAGECACHE": "64m",
            "NEO4J_USE_DOCKER": "0",
        }
        self.settings = Neo4jSettings(uri=f"bolt://127.0.0.1:{self.bolt_port}", password=PASSWORD)

    def sh(self, command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(NEO4J_SH), command],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    def up(self) -> None:
        done = self.sh("up")
        assert done.returncode == 0, f"neo4j.sh up failed:\n{done.stderr}"

    def kill(self) -> None:
        """SIGKILL, no clean shutdown: what a crash or a pulled plug does."""
        pid_file = self.home / "neo4j.pid"
        if not pid_file.exists():
            return
        pid = int(pid_file.read_text())
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if _gone(pid):
                return
            time.sleep(0.1)


def _gone(pid: int) -> bool:
    """True once `pid` has exited (a zombie waiting for its reaper counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (FileNotFoundError, IndexError):
        return True
    return state in ("Z", "X")


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Server]:
    if shutil.which("java") is None or shutil.which("mvn") is None:
        reason = "a dedicated Neo4j server needs java and mvn on PATH"
        if require_neo4j():
            pytest.fail(reason, pytrace=False)
        pytest.skip(f"SKIPPED: {reason}")
    server = Server(tmp_path / "neo4j")
    try:
        server.up()
        yield server
    finally:
        server.kill()  # its data is thrown away with tmp_path: no need for a clean stop


def test_killed_server_mid_load_then_rerun_completes_without_duplicates(
    own_server: Server,
) -> None:
    g = sample_graph(turns=200)
    batches = 0

    def kill_after_three(rows: int) -> None:
        nonlocal batches
        batches += 1
        if batches == 3:
            own_server.kill()

    store = Neo4jStore(own_server.settings, batch_size=20, max_retry_time=2.0)
    with store, pytest.raises(StoreUnavailable, match="make neo4j-up"):
        store.write(g, progress=kill_after_three)
    assert batches == 3

    own_server.up()
    with Neo4jStore(own_server.settings, batch_size=20) as store:
        partial = store.counts()
        assert 0 < sum(partial.values()) < g.number_of_nodes() + g.number_of_edges()
        store.write(g)
        same_graph(store.read(), g)
        store.write(g)
        assert sum(store.counts().values()) == g.number_of_nodes() + g.number_of_edges()
