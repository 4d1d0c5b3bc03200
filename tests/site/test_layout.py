"""The static site stays outside Django: not a package, no Django imports (decision 0002)."""

import ast
import re
from pathlib import Path

SITE_DIR = Path(__file__).resolve().parents[2] / "site"

FORBIDDEN_ROOTS = {"django", "wagtail", "rest_framework", "cms", "registry_api", "search"}
DJANGO_IMPORT = re.compile(r"^\s*(import|from)\s+django\b", re.MULTILINE)


def site_sources():
    return [p for p in SITE_DIR.rglob("*.py") if "output" not in p.relative_to(SITE_DIR).parts]


def imported_roots(path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_site_is_not_a_python_package():
    assert not (SITE_DIR / "__init__.py").exists()
    assert not (SITE_DIR / "plugins" / "__init__.py").exists()


def test_nothing_under_site_imports_django_or_the_project():
    sources = site_sources()
    assert len(sources) > 3
    offenders = {
        str(path.relative_to(SITE_DIR)): sorted(imported_roots(path) & FORBIDDEN_ROOTS)
        for path in sources
        if imported_roots(path) & FORBIDDEN_ROOTS
    }
    assert offenders == {}
    assert [p for p in sources if DJANGO_IMPORT.search(p.read_text(encoding="utf-8"))] == []
