"""Build the site with the registry part "network" as site/build.py does, in a child process.

Until pelicanconf.py names the part in HONGSHAN_REGISTRY_PARTS, the child loads a config that
is the real one with "network" appended (nothing else differs); once it is named there, the
real config is used as it is."""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"

RUNNER = """
import importlib.util, sys
spec = importlib.util.spec_from_file_location("site_build", {build!r})
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)
build.CONFIG = build.Path({config!r})
sys.exit(build.main(sys.argv[1:]))
"""

CONFIG = """
import runpy
globals().update({{k: v for k, v in runpy.run_path({real!r}).items() if k.isupper()}})
HONGSHAN_REGISTRY_PARTS = [*HONGSHAN_REGISTRY_PARTS, "network"]
"""


def part_configured() -> bool:
    return "network" in runpy.run_path(str(SITE / "pelicanconf.py"))["HONGSHAN_REGISTRY_PARTS"]


def network_build(api_url: str, output: Path, *extra: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(SITE / "build.py")]
    if not part_configured():
        config = output.parent / f"{output.name}-pelicanconf.py"
        config.write_text(CONFIG.format(real=str(SITE / "pelicanconf.py")), "utf-8")
        runner = RUNNER.format(build=str(SITE / "build.py"), config=str(config))
        command = [sys.executable, "-c", runner]
    return subprocess.run(
        [*command, "--api", api_url, "--output", str(output), *extra],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
