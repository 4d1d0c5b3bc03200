"""Draw each seed lecture's demo video: its title and a running clock on its own colour, as long
as the lecture says it is.

The files are committed (media/<slug>.webm, 30-60 KB each), so setting up the platform runs no
encoder; run this after changing a lecture's title or duration. A lecture whose title, duration
and drawing are those of its file (media/videos.json keeps the key of each) is skipped:

    python content/lectures/make_videos.py            # what changed
    python content/lectures/make_videos.py --force    # all of them

It needs an ffmpeg with libvpx and drawtext: $FFMPEG, `ffmpeg` on the PATH, or the binary of the
`imageio-ffmpeg` wheel; and a CJK font (WenQuanYi Zen Hei, Debian's fonts-wqy-zenhei).
Low resolution (320x180), one frame every five seconds and VP9 at its lowest quality keep an
hour of video to about 50 KB and each file to a few seconds of encoding.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
MEDIA = HERE / "media"
MANIFEST = MEDIA / "videos.json"
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
SIZE, RATE = "320x180", "1/5"
# Dark enough for white text (contrast at least 7:1), and far enough apart to tell lectures apart.
COLOURS = (
    "0x1b4f8a",
    "0x7a1f2b",
    "0x1e5631",
    "0x5b2c83",
    "0x8a4b00",
    "0x124e5c",
    "0x5a3d2b",
    "0x3a3f8f",
    "0x6b2a5a",
    "0x2f4f2f",
)
DRAWING_VERSION = "1"  # bump when the filter below changes: every file is drawn again


def ffmpeg() -> str:
    found = os.environ.get("FFMPEG") or shutil.which("ffmpeg")
    if found:
        return found
    try:
        import imageio_ffmpeg
    except ImportError:
        sys.exit("ffmpeg not found: set FFMPEG, install ffmpeg, or pip install imageio-ffmpeg")
    return imageio_ffmpeg.get_ffmpeg_exe()


def seconds(value) -> int:
    if isinstance(value, int):
        return value
    total = 0
    for part in str(value).split(":"):
        total = total * 60 + int(part)
    return total


def lectures() -> list[dict]:
    found = []
    for path in sorted(HERE.glob("*.md")):
        if path.name == "README.md":
            continue
        meta = yaml.safe_load(path.read_text("utf-8").split("---", 2)[1])
        found.append(
            {"slug": meta["slug"], "title": meta["title"], "duration": seconds(meta["duration"])}
        )
    return found


def key_of(lecture: dict, colour: str) -> str:
    text = f"{DRAWING_VERSION}|{lecture['title']}|{lecture['duration']}|{colour}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def draw(binary: str, lecture: dict, colour: str, output: Path) -> None:
    # The title on two lines at its colon; the clock as 时:分:秒, in steps of five seconds.
    title = lecture["title"].replace("：", "：\n", 1)
    clock = (
        r"%{eif\:floor(t/3600)\:d\:1}\:%{eif\:mod(floor(t/60)\,60)\:d\:2}"
        r"\:%{eif\:mod(floor(t)\,60)\:d\:2}"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as title_file:
        title_file.write(title)
        title_file.flush()
        filters = ",".join(
            [
                f"drawtext=fontfile={FONT}:textfile={title_file.name}:fontcolor=white:"
                "fontsize=16:line_spacing=6:x=(w-tw)/2:y=28",
                f"drawtext=fontfile={FONT}:text='{clock}':fontcolor=white:fontsize=32:"
                "x=(w-tw)/2:y=h-62",
                f"drawtext=fontfile={FONT}:text='红山区市场监管局 网上大讲堂':"
                "fontcolor=0xd8dde3:fontsize=11:x=(w-tw)/2:y=h-20",
            ]
        )
        subprocess.run(
            [
                binary,
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                f"color=c={colour}:size={SIZE}:rate={RATE}:duration={lecture['duration']}",
                "-vf",
                filters,
                "-c:v",
                "libvpx-vp9",
                "-crf",
                "63",
                "-b:v",
                "0",
                "-g",
                "60",
                "-an",
                "-metadata",
                f"title={lecture['title']}",
                str(output),
            ],
            check=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="draw every video again")
    force = parser.parse_args().force
    manifest = json.loads(MANIFEST.read_text("utf-8")) if MANIFEST.exists() else {}
    binary = None
    for index, lecture in enumerate(lectures()):
        colour = COLOURS[index % len(COLOURS)]
        key, output = key_of(lecture, colour), MEDIA / f"{lecture['slug']}.webm"
        if not force and manifest.get(lecture["slug"]) == key and output.exists():
            continue
        binary = binary or ffmpeg()
        draw(binary, lecture, colour, output)
        manifest[lecture["slug"]] = key
        print(f"{output.name}: {lecture['duration']} s, {output.stat().st_size // 1024} KB")
    MANIFEST.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", "utf-8")


if __name__ == "__main__":
    main()
