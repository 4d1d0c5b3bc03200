"""The logo check (图形近似): fingerprints of real Pillow images, a library of demo logos in the
real engine, the API's answer to changed copies, and the refusal of bad uploads."""

import io
import os
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image, ImageChops, ImageDraw, ImageOps

from registry_api.trademarks import logos, services
from registry_api.trademarks.demo_data import (
    build_trademark,
    has_logo,
    logo_plan_for,
    make_demo_trademarks,
)
from registry_api.trademarks.demo_logos import draw_logo
from registry_api.trademarks.models import NiceClass, Trademark
from search.services import search_reindex
from tests.search.conftest import refresh
from tests.trademarks.conftest import make_mark

SIMILAR = "/api/v1/trademarks/similar/"
LIBRARY_MARKS = 1200  # about 300 of them figurative or combined, so with a logo
SEED = 11
SAMPLES = 8


def png_bytes(image: Image.Image, fmt: str = "PNG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def fingerprint(image: Image.Image) -> str:
    return logos.logo_fingerprint(io.BytesIO(png_bytes(image)))


def crop(image: Image.Image, share: float) -> Image.Image:
    edge = round(image.width * share)
    return image.crop((edge, edge, image.width - edge, image.height - edge))


def recolour(image: Image.Image) -> Image.Image:
    """Every colour replaced by another (foreground and background alike): channels rotated
    and inverted, so white ground becomes black and red ink turns light cyan."""
    r, g, b = ImageOps.invert(image.convert("RGB")).split()
    return Image.merge("RGB", (g, b, r))


def jpeg(image: Image.Image) -> Image.Image:
    return Image.open(io.BytesIO(png_bytes(image.convert("RGB"), "JPEG", quality=60)))


TRANSFORMS = {
    "50%": lambda im: im.resize((im.width // 2, im.height // 2), Image.Resampling.LANCZOS),
    "200%": lambda im: im.resize((im.width * 2, im.height * 2), Image.Resampling.LANCZOS),
    "recoloured": recolour,
    "inverted": ImageOps.invert,
    "cropped 3%": lambda im: crop(im, 0.03),
    "cropped 5%": lambda im: crop(im, 0.05),
    "jpeg": jpeg,
}


# --- The fingerprint alone ---------------------------------------------------------------


def shape(kind: str, ink=(178, 34, 34), ground=(255, 255, 255)) -> Image.Image:
    image = Image.new("RGB", (160, 160), ground)
    draw = ImageDraw.Draw(image)
    if kind == "disc":
        draw.ellipse((30, 30, 130, 130), fill=ink)
    elif kind == "bar":
        draw.rectangle((20, 70, 140, 90), fill=ink)
    elif kind == "corner":
        draw.polygon([(20, 20), (140, 20), (20, 140)], fill=ink)
    return image


def test_the_same_image_has_the_same_fingerprint():
    image = shape("disc")
    assert logos.hash_distance(fingerprint(image), fingerprint(image.copy())) == 0
    assert len(fingerprint(image)) == logos.HASH_DIGITS
    assert logos.logo_similarity(fingerprint(image), fingerprint(image)) == 1.0


def test_unrelated_shapes_are_far_apart():
    disc, bar, corner = (fingerprint(shape(k)) for k in ("disc", "bar", "corner"))
    for a, b in [(disc, bar), (disc, corner), (bar, corner)]:
        assert logos.hash_distance(a, b) > 100
        assert logos.logo_similarity(a, b) < 0.4


def test_colours_and_size_do_not_change_the_layout():
    red = fingerprint(shape("disc"))
    assert fingerprint(shape("disc", ink=(255, 255, 255), ground=(0, 60, 30))) == red
    small = shape("disc").resize((80, 80), Image.Resampling.LANCZOS)
    assert logos.hash_distance(fingerprint(small), red) <= 30


def test_transparency_is_background():
    image = Image.new("RGBA", (160, 160), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((30, 30, 130, 130), fill=(178, 34, 34, 255))
    assert logos.hash_distance(fingerprint(image), fingerprint(shape("disc"))) <= 8


def test_index_terms_are_the_tiles_on_an_outline():
    blocks = logos.hash_blocks(fingerprint(shape("disc")))
    assert blocks and all(":" in b for b in blocks)
    assert not any(b.endswith((":0000", ":ffff")) for b in blocks)
    assert len({b.split(":")[0] for b in blocks}) == len(blocks)
    # A logo that fills its whole box has no outline tile: its full tiles are its terms.
    square = Image.new("RGB", (100, 100), "white")
    ImageDraw.Draw(square).rectangle((10, 10, 89, 89), fill="black")
    assert logos.hash_blocks(fingerprint(square))


# --- Demo logos in the engine --------------------------------------------------------------


@pytest.fixture(scope="module")
def logo_library(django_db_setup, django_db_blocker, search_engine, tmp_path_factory):
    """A demo library of LIBRARY_MARKS marks, indexed once for the module (committed, so
    deleted after), with the original PNGs of SAMPLES logos and the near-duplicate pairs."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("logo-library"))),
    ):
        make_demo_trademarks(LIBRARY_MARKS, seed=SEED)
        search_reindex(kinds=["trademark"])
        refresh()
        by_number = dict(Trademark.objects.values_list("registration_number", "pk"))
        marks = [build_trademark(i, seed=SEED, enterprises=[])[0] for i in range(LIBRARY_MARKS)]
        with_logo = [i for i, mark in enumerate(marks) if has_logo(mark)]
        plans = {i: logo_plan_for(i, seed=SEED, enterprises=[]) for i in with_logo}
        originals = [i for i in with_logo if plans[i].copy_of is None]
        step = len(originals) // SAMPLES
        samples = {}
        for i in originals[::step][:SAMPLES]:
            pk = by_number[marks[i].registration_number]
            with default_storage.open(Trademark.objects.get(pk=pk).logo.name) as file:
                samples[pk] = Image.open(io.BytesIO(file.read())).convert("RGB")
        copies = [
            (by_number[marks[plans[i].copy_of].registration_number], i)
            for i in with_logo
            if plans[i].copy_of is not None
        ]
        yield {"logos": len(with_logo), "samples": samples, "copies": copies, "plans": plans}
        Trademark.objects.all().delete()
        NiceClass.objects.all().delete()


def logo_upload(image: Image.Image, name="logo.png", fmt="PNG") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(image, fmt), content_type=f"image/{fmt.lower()}")


def ranked_ids(api, image: Image.Image, **extra) -> list[int]:
    response = api.post(SIMILAR, {"logo": logo_upload(image), **extra}, format="multipart")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["name"] is None and len(body["logo_hash"]) == logos.HASH_DIGITS
    for row in body["results"]:
        assert 0 <= row["score"] <= 1 and row["reasons"] == ["图形近似"]
    scores = [row["score"] for row in body["results"]]
    assert scores == sorted(scores, reverse=True)
    return [row["trademark"]["id"] for row in body["results"]]


@pytest.mark.engine
@pytest.mark.django_db
def test_library_has_hundreds_of_logos_and_some_near_duplicates(logo_library):
    assert logo_library["logos"] >= 280
    assert len(logo_library["copies"]) >= 2
    assert Trademark.objects.exclude(logo_hash="").count() == logo_library["logos"]


@pytest.mark.engine
@pytest.mark.django_db
@pytest.mark.parametrize("change", list(TRANSFORMS))
def test_a_changed_copy_finds_its_original_in_the_top_3(api, logo_library, change):
    for pk, original in logo_library["samples"].items():
        assert ranked_ids(api, original)[0] == pk  # the unchanged logo first, score 1
        ranked = ranked_ids(api, TRANSFORMS[change](original))
        assert pk in ranked[:3], (change, pk, ranked[:5])


@pytest.mark.engine
@pytest.mark.django_db
def test_demo_near_duplicates_find_each_other(api, logo_library):
    for original_pk, copy_index in logo_library["copies"]:
        image = draw_logo(logo_library["plans"][copy_index]).convert("RGB")
        assert original_pk in ranked_ids(api, image)[:3]


@pytest.mark.engine
@pytest.mark.django_db
def test_classes_restrict_the_logo_check(api, logo_library):
    pk, image = next(iter(logo_library["samples"].items()))
    numbers = list(Trademark.objects.get(pk=pk).classes.values_list("number", flat=True))
    assert ranked_ids(api, image, classes=f"[{numbers[0]}]")[0] == pk
    other = next(n for n in range(1, 46) if n not in numbers)
    assert pk not in ranked_ids(api, image, classes=f"[{other}]")


@pytest.mark.engine
@pytest.mark.django_db
def test_answer_carries_logo_urls_and_no_personal_names(api, logo_library):
    pk, image = next(iter(logo_library["samples"].items()))
    response = api.post(SIMILAR, {"logo": logo_upload(image)}, format="multipart")
    first = response.json()["results"][0]["trademark"]
    assert first["logo_url"].startswith("/media/trademarks/logos/demo/")
    assert first["logo_thumbnail_url"].startswith("/media/trademarks/logos/demo/thumbs/")
    persons = Trademark.objects.filter(owner_type="natural_person").values_list(
        "owner_name", flat=True
    )
    text = response.content.decode()
    assert persons and not any(name in text for name in persons)


# --- Uploads the check refuses -------------------------------------------------------------


def bomb_png(width: int = 20_000, height: int = 20_000) -> bytes:
    """A 1-bit PNG whose header says width × height pixels (400 million here): a few tens of
    kilobytes on disk, gigabytes if decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\0" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def noise_png(side: int) -> bytes:
    return png_bytes(Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)))


BAD_UPLOADS = {
    "text named .png": (b"This is not an image.\n", logos.NOT_AN_IMAGE),
    "svg": (b'<svg xmlns="http://www.w3.org/2000/svg"/>', logos.NOT_AN_IMAGE),
    "bmp": (png_bytes(shape("disc"), "BMP"), logos.NOT_AN_IMAGE),
    "over 2 MB": (None, logos.TOO_LARGE),
    "decompression bomb": (None, logos.TOO_MANY_PIXELS),
    "5000 pixels wide": (png_bytes(Image.new("1", (5000, 10))), logos.TOO_MANY_PIXELS),
    "truncated": (png_bytes(shape("disc"))[:400], logos.BROKEN),
    "one colour": (png_bytes(Image.new("RGB", (100, 100), (9, 9, 9))), logos.EMPTY),
}


@pytest.fixture(scope="module")
def big_uploads():
    return {"over 2 MB": noise_png(1000), "decompression bomb": bomb_png()}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(BAD_UPLOADS))
def test_bad_uploads_get_a_chinese_error_on_logo_and_nothing_is_stored(
    api, settings, big_uploads, case
):
    content, message = BAD_UPLOADS[case]
    content = content if content is not None else big_uploads[case]
    if case == "over 2 MB":
        assert len(content) > logos.LIMITS.max_bytes
    upload = SimpleUploadedFile("logo.png", content, content_type="image/png")
    marks = Trademark.objects.count()  # the module's library may be there
    response = api.post(SIMILAR, {"logo": upload}, format="multipart")
    assert response.status_code == 400
    body = response.json()["error"]
    assert body["code"] == "validation_error"
    assert body["fields"] == {"logo": [message]}
    assert not os.path.exists(settings.MEDIA_ROOT) or not any(os.scandir(settings.MEDIA_ROOT))
    assert Trademark.objects.count() == marks


@pytest.mark.parametrize("fmt", ["JPEG", "GIF", "WEBP"])
def test_other_accepted_formats_fingerprint_alike(fmt):
    image = shape("corner")
    fingerprints = logos.logo_fingerprint(io.BytesIO(png_bytes(image, fmt)))
    assert logos.hash_distance(fingerprints, fingerprint(image)) <= 12


@pytest.mark.django_db
def test_name_and_logo_together_or_neither_are_field_errors(api):
    both = api.post(
        SIMILAR, {"name": "红山", "logo": logo_upload(shape("disc"))}, format="multipart"
    )
    assert both.status_code == 400
    assert list(both.json()["error"]["fields"]) == ["logo"]
    neither = api.post(SIMILAR, {"classes": "[25]"}, format="multipart")
    assert neither.status_code == 400
    assert "商标图样" in neither.json()["error"]["fields"]["name"][0]
    bad_classes = api.post(
        SIMILAR, {"logo": logo_upload(shape("disc")), "classes": "25, x"}, format="multipart"
    )
    assert bad_classes.json()["error"]["fields"] == {
        "classes": ["类别须为类别号列表，如 [25, 43]。"]
    }


@override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9")
@pytest.mark.django_db
def test_engine_down_is_503(api):
    response = api.post(SIMILAR, {"logo": logo_upload(shape("disc"))}, format="multipart")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "search_unavailable"


def test_schema_documents_both_request_shapes(api, db):
    schema = api.get("/api/v1/schema/?format=json").json()
    content = schema["paths"][SIMILAR]["post"]["requestBody"]["content"]
    assert set(content) >= {"application/json", "multipart/form-data"}
    logo_ref = content["multipart/form-data"]["schema"]["$ref"].rsplit("/", 1)[1]
    logo_schema = schema["components"]["schemas"][logo_ref]
    assert logo_schema["properties"]["logo"]["format"] == "binary"


# --- Logos kept on marks -------------------------------------------------------------------


@pytest.mark.django_db
def test_an_uploaded_logo_is_fingerprinted_with_a_thumbnail(api, nice_classes):
    upload = SimpleUploadedFile("disc.png", png_bytes(shape("disc").resize((400, 400))))
    mark = make_mark("10000009", "红日", mark_type="combined", logo=upload)
    assert mark.logo_hash == fingerprint(shape("disc").resize((400, 400)))
    thumbnail = logos.thumbnail_name(mark.logo.name)
    with default_storage.open(thumbnail) as file:
        assert max(Image.open(file).size) <= logos.THUMBNAIL_SIZE
    body = api.get(f"/api/v1/trademarks/{mark.pk}/").json()
    assert body["logo_url"] == f"/media/{mark.logo.name}"
    assert body["logo_thumbnail_url"] == f"/media/{thumbnail}"
    services.trademark_update(trademark=mark, logo=None)
    assert mark.logo_hash == ""
    assert api.get(f"/api/v1/trademarks/{mark.pk}/").json()["logo_thumbnail_url"] is None


@pytest.mark.django_db
def test_the_model_refuses_a_bomb_as_the_admin_would(nice_classes):
    upload = SimpleUploadedFile("bomb.png", bomb_png(5000, 5000))
    with pytest.raises(ValidationError) as raised:
        make_mark("10000010", "炸弹", mark_type="combined", logo=upload)
    assert raised.value.message_dict == {"logo": [logos.TOO_MANY_PIXELS]}
    assert not Trademark.objects.filter(registration_number="10000010").exists()


def test_changed_copies_of_a_shape_differ_from_the_original():
    # Guards the test's own transformations: each really changes the pixels.
    image = shape("corner")
    for change, transform in TRANSFORMS.items():
        changed = transform(image).convert("RGB")
        if changed.size == image.size:
            assert ImageChops.difference(changed, image).getbbox(), change
