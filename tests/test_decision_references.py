"""Every decision record the code and docs cite exists (comments once cited a DESIGN.md that
the repository does not have)."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITED = re.compile(r"docs/decisions/(\d{4})")


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "*.py", "*.md", "*.html", "*.toml", "Makefile"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [ROOT / name for name in listed]


def test_every_cited_decision_record_exists():
    records = {path.name[:4] for path in (ROOT / "docs" / "decisions").glob("[0-9]*.md")}
    missing = {}
    for path in tracked_text_files():
        for number in CITED.findall(path.read_text(encoding="utf-8", errors="replace")):
            if number not in records:
                missing.setdefault(number, []).append(str(path.relative_to(ROOT)))
    assert missing == {}


def test_no_citation_of_a_design_document_outside_the_repository():
    citing = [
        str(path.relative_to(ROOT))
        for path in tracked_text_files()
        if "DESIGN.md decision" in path.read_text(encoding="utf-8", errors="replace")
        and path.name != Path(__file__).name
    ]
    assert citing == []
