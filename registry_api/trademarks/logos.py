"""Trademark logos (商标图样): upload checks, a layout fingerprint, thumbnails, index terms.

The fingerprint must find a logo again after the changes an applicant makes to "another" mark:
a rescale, new colours (even swapped foreground and background) and a few per cent cropped
off the edges. So it records the logo's layout, not its pixels: the background is the
border's commonest colour, each pixel becomes background / main colour / other colour (the
same three levels whatever the palette), the picture is trimmed to what is drawn (crop and
margins stop mattering), padded to a square and shrunk to a 16×16 grid of two bits a cell
(drawn at all; mostly in the main colour): 512 bits, 128 hex digits, compared by Hamming
distance. A 64-bit DCT pHash of the same layout was tried first and dropped on measurement:
on symmetric shapes (a disc, a square) many DCT coefficients sit near the median, so a
rescaled copy flipped up to 30 of 64 bits and ranked below unrelated logos.

The engine has no Hamming distance: the fingerprint's tiles of 4×4 cells that lie on an
outline are indexed as terms ("7:0ff0"); a search asks for marks sharing tiles (more and
rarer shared tiles score higher) and the Python side ranks the candidates by the distance.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageChops, ImageOps

from core.images import ImageLimits, ImageRefused, open_image

LIMITS = ImageLimits(
    label="商标图样",
    max_bytes=2 * 1024 * 1024,
    max_side=4096,
    max_pixels=16_000_000,
    formats=("PNG", "JPEG", "MPO", "GIF", "WEBP"),
)
THUMBNAIL_SIZE = 120
THUMBNAIL_FOLDER = "thumbs"

DRAWN = 40  # a pixel this far (largest channel difference) from the background is drawn
WORK_SIZE = 128  # the picture is shrunk to this before the layout is read (speed only)
GRID = 16  # cells a side of the fingerprint's grid
TILE = 4  # cells a side of one index term
HASH_BITS = 2 * GRID * GRID
HASH_DIGITS = HASH_BITS // 4
INK, MAIN = 64, 224  # a cell's mean level (0 / 128 / 255) from which it counts as drawn, main
# A pixel within this share of the background-to-main-colour distance is background; within
# MAIN_NEAR of it, the main colour; in between, another colour (letters in a second colour).
NEAR = 0.5
MAIN_NEAR = 0.25
ZERO_SCORE_BITS = 160  # logo_similarity's scale

NOT_AN_IMAGE = LIMITS.not_an_image()
TOO_LARGE = LIMITS.too_large()
TOO_MANY_PIXELS = LIMITS.too_many_pixels()
BROKEN = LIMITS.broken()
EMPTY = "商标图样中没有可识别的图形（整幅为同一颜色）。"

LOGO_SIMILAR = "图形近似"


class LogoError(ValueError):
    """An upload that is not a usable logo; the message is the public's Chinese field error."""


@dataclass(frozen=True)
class LogoCheck:
    image: Image.Image  # decoded, RGB, at most WORK_SIZE on its longer side
    format: str
    size: tuple[int, int]


def logo_open(file) -> LogoCheck:
    """Check and decode an uploaded logo (core/images.py: file size, format, the
    header's pixel count before any decoding, a complete file), shrunk for fingerprinting."""
    try:
        image = open_image(file, LIMITS)
    except ImageRefused as exc:
        raise LogoError(str(exc)) from exc
    return LogoCheck(image=flatten_logo(image), format=image.format, size=image.size)


def flatten_logo(image: Image.Image) -> Image.Image:
    """RGB on white (transparency is background), shrunk for speed."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("P", "LA", "PA") or "transparency" in image.info:
        image = image.convert("RGBA")
    if image.mode == "RGBA":
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, image)
    image = image.convert("RGB")
    image.thumbnail((WORK_SIZE, WORK_SIZE), Image.Resampling.BOX)
    return image


def _distance(image: Image.Image, colour: tuple) -> Image.Image:
    """Per pixel, the largest channel difference from `colour` (0–255), as an L image."""
    bands = ImageChops.difference(image, Image.new("RGB", image.size, colour)).split()
    return ImageChops.lighter(ImageChops.lighter(bands[0], bands[1]), bands[2])


def _commonest(pixels: list[tuple]) -> tuple:
    """The commonest colour, counted on a 32-step grid so anti-aliasing does not split it."""
    counts: dict[tuple, list] = {}
    for r, g, b in pixels:
        key = (r >> 3, g >> 3, b >> 3)
        entry = counts.setdefault(key, [0, r, g, b])
        entry[0] += 1
    best = max(counts.values(), key=lambda e: e[0])
    return (best[1], best[2], best[3])


def layout(image: Image.Image) -> Image.Image | None:
    """The logo as three grey levels (0 background, 255 main colour, 128 other colours),
    trimmed to its drawn part and padded to a square; None when nothing is drawn."""
    width, height = image.size
    data = image.load()
    border = [data[x, 0] for x in range(width)] + [data[x, height - 1] for x in range(width)]
    border += [data[0, y] for y in range(height)] + [data[width - 1, y] for y in range(height)]
    background = _commonest(border)
    from_background = _distance(image, background)
    drawn = from_background.point(lambda v: 255 if v > DRAWN else 0)
    box = drawn.getbbox()
    if box is None:
        return None
    pixels = image.crop(box)
    drawn_pixels = [
        p
        for p, d in zip(
            pixels.get_flattened_data(), drawn.crop(box).get_flattened_data(), strict=True
        )
        if d
    ]
    main = _commonest(drawn_pixels)
    to_main = _distance(pixels, main)
    from_bg = from_background.crop(box)
    gap = max(max(abs(a - b) for a, b in zip(main, background, strict=True)), 1)
    bg_limit, main_limit = int(gap * NEAR), int(gap * MAIN_NEAR)
    is_bg = from_bg.point(lambda v: 255 if v <= bg_limit else 0)
    is_main = to_main.point(lambda v: 255 if v <= main_limit else 0)
    grey = Image.new("L", pixels.size, 128)
    grey.paste(255, mask=is_main)
    grey.paste(0, mask=is_bg)
    side = max(grey.size)
    square = Image.new("L", (side, side), 0)
    square.paste(grey, ((side - grey.width) // 2, (side - grey.height) // 2))
    return square


def grid_bits(square: Image.Image) -> str:
    """The layout on a GRID×GRID grid, two bits a cell (drawn at all; in the main colour),
    written tile by tile (4×4 cells, 16 bits, 4 hex digits), ink plane first: a tile is
    what the index stores as one term."""
    cells = list(square.resize((GRID, GRID), Image.Resampling.BOX).get_flattened_data())
    digits = []
    for threshold in (INK, MAIN):
        for tile_y in range(0, GRID, TILE):
            for tile_x in range(0, GRID, TILE):
                bits = 0
                for y in range(tile_y, tile_y + TILE):
                    for x in range(tile_x, tile_x + TILE):
                        bits = (bits << 1) | (cells[y * GRID + x] >= threshold)
                digits.append(f"{bits:04x}")
    return "".join(digits)


def logo_hash_of(image: Image.Image) -> str:
    """The fingerprint (HASH_DIGITS hex digits) of a decoded RGB logo; "" if nothing is drawn."""
    square = layout(image)
    if square is None:
        return ""
    return grid_bits(square)


def logo_fingerprint(file) -> str:
    """Check an uploaded logo (LogoError with the Chinese message) and fingerprint it."""
    check = logo_open(file)
    fingerprint = logo_hash_of(check.image)
    if not fingerprint:
        raise LogoError(EMPTY)
    return fingerprint


def hash_distance(a: str, b: str) -> int:
    """Differing bits of two fingerprints (Hamming distance, 0 … HASH_BITS)."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def logo_similarity(a: str, b: str) -> float:
    """1 for the same fingerprint, falling to 0 at ZERO_SCORE_BITS differing bits: measured on
    demo logos, a rescaled, recoloured or trimmed copy differs in 0–70 bits, an unrelated logo
    in 180 on average (tests/trademarks/test_logos.py)."""
    return round(max(0.0, 1 - hash_distance(a, b) / ZERO_SCORE_BITS), 4)


def hash_blocks(fingerprint: str) -> list[str]:
    """Index terms of a fingerprint: its 16-bit tiles tagged with their place ("7:0ff0" …).

    Only tiles on an outline (some cells drawn, some not) are terms: empty tiles are in every
    logo, full ones in most, and the local engine's cost grows with every term a query asks
    for (32 tiles: 4.5 s on 30,000 marks; the ~13 outline tiles: 1.8 s). Measured on demo
    logos, a changed copy shares outline tiles with its original as well as all tiles do. A
    logo without an outline tile (a full square) keeps its full tiles."""
    step = TILE * TILE // 4
    tiles = [(i, fingerprint[i * step : (i + 1) * step]) for i in range(len(fingerprint) // step)]
    drawn = [(i, tile) for i, tile in tiles if tile != "0" * step]
    outline = [(i, tile) for i, tile in drawn if tile != "f" * step]
    return [f"{i}:{tile}" for i, tile in outline or drawn]


def thumbnail_name(logo_name: str) -> str:
    """Where a logo's list thumbnail lives: next to it, in thumbs/, always PNG."""
    path = PurePosixPath(logo_name)
    return str(path.parent / THUMBNAIL_FOLDER / f"{path.stem}.png")


def thumbnail_png(image: Image.Image) -> bytes:
    """A list thumbnail (longer side THUMBNAIL_SIZE) of a decoded logo, as PNG bytes."""
    thumb = image.copy()
    thumb.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    thumb.save(buffer, "PNG", optimize=False, compress_level=3)
    return buffer.getvalue()


def thumbnail_write(logo_name: str, png: bytes) -> str:
    """Store (or replace) the thumbnail of the logo stored as `logo_name`."""
    name = thumbnail_name(logo_name)
    if default_storage.exists(name):
        default_storage.delete(name)
    return default_storage.save(name, ContentFile(png))
