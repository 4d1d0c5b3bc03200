#!/usr/bin/env python3
"""Measure the trademark similarity checks (近似查询) against a scan of the database in Python.

    .venv/bin/python bench/trademark_similarity.py [--marks 30000] [--queries 200]

Everything happens in a throwaway SQLite database, media folder and index prefix (the
development database and index are never touched):

1. `migrate`, `make_demo_data --enterprises 2000 --trademarks N` (logos included), and the
   trademark index built from it (`search_reindex --kind trademark`).
2. Text check: `--queries` proposed names (half existing marks' names, half a name with one
   character changed for a character read the same — the homophones the check exists for),
   each answered by the engine path (`selectors.trademark_similar`: engine candidates, rows
   fetched, ranked by similarity.py) and by the baseline: every mark's name read from the
   database and scored by the same `name_similarity`, top 20 kept.
3. Logo check: `--queries` logos of existing marks, rescaled, recoloured or cropped, each
   fingerprinted (as the upload would be) and answered by the engine path
   (`selectors.trademark_similar_logo`: marks sharing a fingerprint tile, ranked by distance)
   and by the baseline: every mark's stored fingerprint read from the database, Hamming
   distances in Python. Both timings include fingerprinting the upload.

Prints p50/p95 in milliseconds for each, the ratio to its baseline, and how often both
agree (the engine's top 20 against the exhaustive scan's top 20; for logos, whether the
transformed logo's original is in the top 3 of each).

The local engine (noida-db) scans linearly: its figures say little about a real
Elasticsearch cluster, where the same queries run on inverted indexes.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import time
from collections import Counter

from common import scratch_django_setup

TOP = 20


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(function, *args, **kwargs) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return (time.perf_counter() - started) * 1000, result


def report(label: str, engine_ms: list[float], scan_ms: list[float]) -> None:
    e50, e95 = percentile(engine_ms, 0.5), percentile(engine_ms, 0.95)
    s50, s95 = percentile(scan_ms, 0.5), percentile(scan_ms, 0.95)
    print(f"{label}, {len(engine_ms)} queries:")
    print(f"  engine path      p50 {e50:8.1f} ms   p95 {e95:8.1f} ms")
    print(f"  baseline (scan)  p50 {s50:8.1f} ms   p95 {s95:8.1f} ms")
    print(f"  ratio engine/scan: p50 {e50 / s50:.2f}×, p95 {e95 / s95:.2f}×")


def homophone_variant(name: str, by_sound: dict[str, list[str]], rng: random.Random) -> str:
    """`name` with one character replaced by another character of the same toneless reading."""
    from registry_api.trademarks.similarity import syllables_of

    positions = [i for i, ch in enumerate(name) if len(by_sound.get(syllables_of(ch)[0], [])) > 1]
    if not positions:
        return name + "牌"
    i = rng.choice(positions)
    sound = syllables_of(name[i])[0]
    choices = [ch for ch in by_sound[sound] if ch != name[i]]
    return name[:i] + rng.choice(choices) + name[i + 1 :]


def text_queries(names: list[str], count: int, rng: random.Random) -> list[str]:
    from registry_api.trademarks.similarity import syllables_of

    by_sound: dict[str, list[str]] = {}
    for name in names:
        for ch in name:
            sound = syllables_of(ch)
            if sound and ch not in by_sound.setdefault(sound[0], []):
                by_sound[sound[0]].append(ch)
    picked = rng.sample(names, count)
    return [
        name if i % 2 == 0 else homophone_variant(name, by_sound, rng)
        for i, name in enumerate(picked)
    ]


def scan_text(name: str) -> list[tuple[float, str, int]]:
    """The baseline: every mark's name from the database, scored in Python."""
    from registry_api.trademarks.models import Trademark
    from registry_api.trademarks.selectors import MIN_SIMILARITY
    from registry_api.trademarks.similarity import name_similarity

    scored = []
    for pk, number, existing in Trademark.objects.values_list(
        "id", "registration_number", "name"
    ).iterator(chunk_size=5000):
        score = name_similarity(name, existing).score
        if score >= MIN_SIMILARITY:
            scored.append((-score, number, pk))
    scored.sort()
    return scored[:TOP]


def bench_text(queries: list[str]) -> None:
    from registry_api.trademarks.selectors import trademark_similar

    engine_ms, scan_ms, agreement = [], [], []
    for name in queries:
        ms, marks = timed(trademark_similar, name=name, classes=[])
        engine_ms.append(ms)
        ms, scanned = timed(scan_text, name)
        scan_ms.append(ms)
        expected = {pk for _, _, pk in scanned}
        found = {m.trademark.pk for m in marks}
        agreement.append(len(expected & found) / len(expected) if expected else 1.0)
    report("Text similarity (name, all classes)", engine_ms, scan_ms)
    print(
        f"  engine top {TOP} ∩ scan top {TOP}: mean {statistics.mean(agreement):.1%} of the scan's"
    )


TRANSFORMS = ("rescaled", "recoloured", "cropped 4% per edge")


def transformed(image, kind: int, rng: random.Random):
    """A rescaled, recoloured or cropped copy of a logo, as an uploaded file would be."""
    from PIL import Image, ImageOps

    image = image.convert("RGB")
    width, height = image.size
    if kind == 0:
        scale = rng.choice([0.5, 0.75, 1.5, 2.0])
        return image.resize((round(width * scale), round(height * scale)), Image.LANCZOS)
    if kind == 1:
        gray = ImageOps.grayscale(image)
        colours = [(20, 60, 160), (200, 30, 30), (10, 120, 60), (250, 240, 200)]
        dark, light = rng.sample(colours, 2)
        return ImageOps.colorize(gray, black=dark, white=light)
    margin = max(1, round(min(width, height) * 0.04))
    return image.crop((margin, margin, width - margin, height - margin))


def bench_logos(count: int, rng: random.Random) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from registry_api.trademarks import logos
    from registry_api.trademarks.models import Trademark
    from registry_api.trademarks.selectors import trademark_similar_logo

    with_logo = list(Trademark.objects.exclude(logo_hash="").values_list("id", "logo"))
    if not with_logo:
        print("Logo similarity: no mark has a logo; skipped.")
        return
    engine_ms, scan_ms = [], []
    engine_top3, scan_top3 = Counter(), Counter()  # per transformation
    for i, (pk, path) in enumerate(rng.sample(with_logo, min(count, len(with_logo)))):
        from django.core.files.storage import default_storage

        with default_storage.open(path) as handle:
            image = transformed(Image.open(handle), i % 3, rng)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        upload = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")

        started = time.perf_counter()
        marks = trademark_similar_logo(fingerprint=logos.logo_fingerprint(upload), classes=[])
        engine_ms.append((time.perf_counter() - started) * 1000)
        engine_top3[TRANSFORMS[i % 3]] += pk in [m.trademark.pk for m in marks[:3]]

        upload.seek(0)
        started = time.perf_counter()
        fingerprint = logos.logo_fingerprint(upload)
        ranked = sorted(
            (logos.hash_distance(fingerprint, stored), number, mark_pk)
            for mark_pk, number, stored in Trademark.objects.exclude(logo_hash="")
            .values_list("id", "registration_number", "logo_hash")
            .iterator(chunk_size=5000)
        )[:TOP]
        scan_ms.append((time.perf_counter() - started) * 1000)
        scan_top3[TRANSFORMS[i % 3]] += pk in [mark_pk for _, _, mark_pk in ranked[:3]]
    report(f"Logo similarity ({len(with_logo)} logos)", engine_ms, scan_ms)
    for kind in TRANSFORMS:
        total = sum(1 for i in range(len(engine_ms)) if TRANSFORMS[i % 3] == kind)
        print(
            f"  original in top 3, {kind}: engine {engine_top3[kind]}/{total}, "
            f"scan {scan_top3[kind]}/{total}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--marks", type=int, default=30_000)
    parser.add_argument("--enterprises", type=int, default=2_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()

    scratch = scratch_django_setup(
        "trademark-bench-", SEARCH_INDEX_PREFIX=f"bench-tm-{os.getpid()}"
    )
    from django.conf import settings

    settings.MEDIA_ROOT = scratch / "media"
    from django.core.management import call_command

    from registry_api.trademarks.models import Trademark
    from search.client import search_client

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("make_demo_data", enterprises=args.enterprises, trademarks=args.marks, verbosity=0)
    print(f"demo data ({args.marks} marks): {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    call_command("search_reindex", kind=["trademark"], verbosity=0)
    print(f"trademark index: {time.perf_counter() - started:.1f} s")
    try:
        rng = random.Random(args.seed)
        names = list(Trademark.objects.exclude(name="").values_list("name", flat=True))
        bench_text(text_queries(names, args.queries, rng))
        bench_logos(args.queries, rng)
    finally:
        client, prefix = search_client(), settings.SEARCH_INDEX_PREFIX
        for name in client.indices.get(index=f"{prefix}-*", ignore_unavailable=True):
            client.indices.delete(index=name, ignore_unavailable=True)


if __name__ == "__main__":
    main()
