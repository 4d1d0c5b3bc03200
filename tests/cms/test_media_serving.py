"""/media/ answers HTTP range requests, as browsers need to seek in lecture videos."""

import pytest

from cms.media_serving import byte_range

# Requests pass the whole middleware stack, and closing a streamed response fires
# request_finished, which checks the database connection.
pytestmark = pytest.mark.django_db

DATA = bytes(range(256)) * 40  # 10,240 bytes


@pytest.fixture
def media_file(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "lecture.webm").write_bytes(DATA)
    return "/media/documents/lecture.webm"


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_whole_file_says_it_accepts_ranges(client, media_file):
    response = client.get(media_file)
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "video/webm"
    assert body(response) == DATA


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [("bytes=0-", 0, 10239), ("bytes=100-199", 100, 199), ("bytes=-40", 10200, 10239)],
)
def test_a_range_is_answered_with_206_and_exactly_those_bytes(
    client, media_file, header, start, end
):
    response = client.get(media_file, headers={"Range": header})
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/{len(DATA)}"
    assert int(response["Content-Length"]) == end - start + 1
    assert body(response) == DATA[start : end + 1]


def test_a_range_past_the_end_is_416(client, media_file):
    response = client.get(media_file, headers={"Range": "bytes=20000-"})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(DATA)}"


def test_several_ranges_get_the_whole_file(client, media_file):
    response = client.get(media_file, headers={"Range": "bytes=0-1,5-6"})
    assert response.status_code == 200 and body(response) == DATA


def test_missing_files_and_paths_outside_media_are_refused(client, media_file):
    missing = client.get("/media/documents/none.webm", headers={"Range": "bytes=0-"})
    assert missing.status_code == 404
    outside = client.get("/media/documents/..%2F..%2Fsettings.py", headers={"Range": "bytes=0-"})
    assert outside.status_code in (400, 404)


@pytest.mark.parametrize(
    ("header", "size", "expected"),
    [
        ("bytes=0-99", 50, (0, 49)),
        ("bytes=5-", 10, (5, 9)),
        ("items=0-1", 10, None),
        ("bytes=-", 10, None),
    ],
)
def test_byte_range(header, size, expected):
    assert byte_range(header, size) == expected


@pytest.mark.parametrize("header", ["bytes=10-", "bytes=5-2", "bytes=-0"])
def test_unsatisfiable_byte_ranges(header):
    with pytest.raises(ValueError):
        byte_range(header, 10)
