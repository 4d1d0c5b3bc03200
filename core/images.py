"""Checks of images uploaded by the public (complaint photos, trademark logos).

An upload is refused, with a Chinese message for the field, when it is too big as a file,
not an image of an accepted format, too big in pixels — read from the header before anything
is decoded, since a decompression bomb is a few kilobytes that decode to gigabytes — or broken.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

FORMATS = ("PNG", "JPEG", "GIF", "WEBP")


class ImageRefused(ValueError):
    """An upload that is not a usable image; the message is the field's Chinese error."""


@dataclass(frozen=True)
class ImageLimits:
    label: str  # what the public calls the image: 照片, 商标图样
    max_bytes: int
    max_side: int
    max_pixels: int
    formats: tuple[str, ...] = FORMATS

    def not_an_image(self) -> str:
        # MPO is how many cameras write a JPEG: accepted, not worth naming to the public.
        names = ["WebP" if f == "WEBP" else f for f in self.formats if f != "MPO"]
        listed = "、".join(names[:-1]) + f" 或 {names[-1]}" if len(names) > 1 else names[0]
        return f"请上传 {listed} 格式的{self.label}。"

    def too_large(self) -> str:
        return f"{self.label}文件不能超过{self.max_bytes // (1024 * 1024)}MB。"

    def too_many_pixels(self) -> str:
        return (
            f"{self.label}尺寸过大：宽、高均不能超过{self.max_side}像素，"
            f"总像素不能超过{self.max_pixels // 10_000}万。"
        )

    def broken(self) -> str:
        return f"{self.label}文件已损坏或不完整，无法读取。"


def file_size(file) -> int:
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, io.SEEK_END)
        size = file.tell()
    return size


def open_image(file, limits: ImageLimits) -> Image.Image:
    """The decoded image (loaded, so a truncated file fails here), or ImageRefused."""
    size = file_size(file)
    if size > limits.max_bytes:
        raise ImageRefused(limits.too_large())
    if size == 0:
        raise ImageRefused(limits.not_an_image())
    file.seek(0)
    with warnings.catch_warnings():
        # Pillow warns past MAX_IMAGE_PIXELS and raises past twice that: both refuse here.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(file)
            if image.format not in limits.formats:
                raise ImageRefused(limits.not_an_image())
            width, height = image.size
            if max(width, height) > limits.max_side or width * height > limits.max_pixels:
                raise ImageRefused(limits.too_many_pixels())
            image.load()
        except ImageRefused:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageRefused(limits.too_many_pixels()) from exc
        except UnidentifiedImageError as exc:
            raise ImageRefused(limits.not_an_image()) from exc
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise ImageRefused(limits.broken()) from exc
        finally:
            file.seek(0)
    return image
