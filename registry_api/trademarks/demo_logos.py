"""Demo logos of the trademark library: a shape with a letter or two, drawn with Pillow.

A plan (`LogoPlan`) says what a logo shows and follows from the seed and the mark's place in
the plan alone; `near_duplicate` varies a plan the way a look-alike would (colour, scale,
trimmed edges, nudged shapes). Letters use Pillow's bundled font, so every machine draws the
same pixels without a system font.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass, replace
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

LOGO_SIZE = 160
SHAPES = ("ellipse", "rectangle", "rounded", "triangle", "diamond", "hexagon", "ring", "star")
LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ23456789"
PALETTE = [
    (178, 34, 34), (0, 92, 158), (34, 120, 60), (196, 120, 0), (90, 40, 140), (20, 20, 20),
    (0, 128, 128), (200, 60, 120), (120, 80, 40), (60, 60, 160),
]  # fmt: skip


@dataclass(frozen=True)
class LogoPlan:
    """What a demo logo shows; a near-duplicate is an earlier plan with small changes."""

    shape: str
    letters: str
    colour: tuple
    background: tuple
    letter_colour: tuple
    rotation: int
    box: tuple  # the shape's box inside the LOGO_SIZE square
    letter_offset: tuple
    scale: float = 1.0
    crop: int = 0
    copy_of: int | None = None  # plan position of the mark whose logo this one varies


def _contrast(a: tuple, b: tuple) -> int:
    return max(abs(x - y) for x, y in zip(a, b, strict=True))


def new_logo_plan(seed: int, index: int) -> LogoPlan:
    """A fresh design for plan position `index`: the shape fills most of the square, with a
    margin of 18–34 pixels (so trimming a few per cent off the edges keeps the whole logo)."""
    rng = random.Random(f"{seed}-logo-{index}")
    colour = rng.choice(PALETTE)
    margin = rng.randint(18, 34)
    width = rng.randint(LOGO_SIZE - 2 * margin - 40, LOGO_SIZE - 2 * margin)
    height = rng.randint(LOGO_SIZE - 2 * margin - 40, LOGO_SIZE - 2 * margin)
    left = rng.randint(margin, LOGO_SIZE - margin - width)
    top = rng.randint(margin, LOGO_SIZE - margin - height)
    return LogoPlan(
        shape=rng.choice(SHAPES),
        letters="".join(rng.choice(LETTERS) for _ in range(rng.choice([1, 1, 2]))),
        colour=colour,
        background=(255, 255, 255) if rng.random() < 0.8 else (250, 244, 228),
        # Letters knocked out of the shape (background colour) or in a second colour.
        letter_colour=(255, 255, 255)
        if rng.random() < 0.6
        else rng.choice([c for c in PALETTE if _contrast(c, colour) >= 100]),
        rotation=rng.choice([0, 0, 0, 15, 30, 45]),
        box=(left, top, left + width, top + height),
        letter_offset=(rng.randint(-12, 12), rng.randint(-12, 12)),
    )


def near_duplicate(plan: LogoPlan, rng: random.Random) -> LogoPlan:
    """The same design recoloured, a little larger or smaller, trimmed at the edges, or with
    the shape and letters nudged a few pixels."""
    change = rng.choice(["colour", "scale", "crop", "nudge"])
    if change == "colour":
        return replace(plan, colour=rng.choice([c for c in PALETTE if c != plan.colour]))
    if change == "scale":
        return replace(plan, scale=rng.choice([0.8, 0.9, 1.15, 1.3]))
    if change == "crop":
        return replace(plan, crop=rng.randint(3, 8))
    left, top, right, bottom = plan.box
    grow = rng.randint(-4, 4)
    dx, dy = plan.letter_offset
    return replace(
        plan,
        box=(left - grow, top - grow, right + grow, bottom + grow),
        letter_offset=(dx + rng.randint(-3, 3), dy + rng.randint(-3, 3)),
    )


def _polygon(shape: str, box: tuple) -> list[tuple]:
    left, top, right, bottom = box
    cx, cy, rx, ry = (left + right) / 2, (top + bottom) / 2, (right - left) / 2, (bottom - top) / 2
    if shape == "triangle":
        return [(cx, top), (right, bottom), (left, bottom)]
    if shape == "diamond":
        return [(cx, top), (right, cy), (cx, bottom), (left, cy)]
    points, corners = [], 6 if shape == "hexagon" else 10
    for k in range(corners):
        angle = math.pi * 2 * k / corners - math.pi / 2
        reach = 1 if shape == "hexagon" or k % 2 == 0 else 0.45
        points.append((cx + rx * reach * math.cos(angle), cy + ry * reach * math.sin(angle)))
    return points


@lru_cache(maxsize=4)
def _font(size: int):
    # Pillow's bundled font: the same letters on every machine, no system font needed.
    return ImageFont.load_default(size=size)


def draw_logo(plan: LogoPlan) -> Image.Image:
    """A demo logo: one filled shape with one or two letters, on a plain background."""
    image = Image.new("RGB", (LOGO_SIZE, LOGO_SIZE), plan.background)
    draw = ImageDraw.Draw(image)
    box = plan.box
    if plan.shape == "ellipse":
        draw.ellipse(box, fill=plan.colour)
    elif plan.shape == "rectangle":
        draw.rectangle(box, fill=plan.colour)
    elif plan.shape == "rounded":
        draw.rounded_rectangle(box, radius=18, fill=plan.colour)
    elif plan.shape == "ring":
        draw.ellipse(box, outline=plan.colour, width=14)
    else:
        draw.polygon(_polygon(plan.shape, box), fill=plan.colour)
    if plan.rotation:
        image = image.rotate(
            plan.rotation, resample=Image.Resampling.BICUBIC, fillcolor=plan.background
        )
        draw = ImageDraw.Draw(image)
    letters_colour = plan.colour if plan.shape == "ring" else plan.letter_colour
    cx = (box[0] + box[2]) / 2 + plan.letter_offset[0]
    cy = (box[1] + box[3]) / 2 + plan.letter_offset[1]
    draw.text((cx, cy), plan.letters, font=_font(60), fill=letters_colour, anchor="mm")
    if plan.scale != 1.0:
        side = round(LOGO_SIZE * plan.scale)
        image = image.resize((side, side), Image.Resampling.LANCZOS)
    if plan.crop:
        edge = plan.crop
        image = image.crop((edge, edge, image.width - edge, image.height - edge))
    return image


def logo_png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()
