"""Photos through the admin's upload form: good files come out clean and upright,
hostile files are refused in German and leave nothing behind."""

import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from PIL import Image

from newsroom.admin_photos import PhotoAdmin
from newsroom.imaging import file_names
from newsroom.models import Photo, PhotoPerson

from . import images
from .factories import PersonFactory

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/newsroom/photo/add/"


def upload_post(data, name="foto.jpg", content_type="image/jpeg", **overrides):
    post = {
        "image": SimpleUploadedFile(name, data, content_type=content_type),
        "alt_text": "Zwei Hälften, rot und blau",
        "caption": "Testbild",
        "credit": "Pressestelle",
        "usage_note": "",
        "shown-TOTAL_FORMS": "0",
        "shown-INITIAL_FORMS": "0",
        "shown-MIN_NUM_FORMS": "0",
        "shown-MAX_NUM_FORMS": "1000",
    }
    post.update(overrides)
    return post


def media_listing(settings):
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {str(path.relative_to(root)): path.stat().st_size for path in root.rglob("*") if path.is_file()}


def stored_bytes(name):
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def assert_clean(data):
    for marker in images.METADATA_MARKERS:
        assert marker not in data, marker
    image = Image.open(io.BytesIO(data))
    assert not image.getexif()
    assert not {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment"} & set(image.info)
    return image


def close(colour, expected, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected))


GOOD = {
    "jpeg-rotated-gps-xmp-iptc": (images.jpeg_rotated_with_gps, "foto.jpg", "image/jpeg"),
    "cmyk-jpeg": (images.cmyk_jpeg, "cmyk.jpg", "image/jpeg"),
    "16-bit-rgb-png": (images.png_16bit_rgb, "tief.png", "image/png"),
    "16-bit-grey-png": (images.png_16bit_grey, "grau.png", "image/png"),
    "webp-with-exif-xmp": (images.webp_with_metadata, "bild.webp", "image/webp"),
    "png-with-alpha": (images.png_with_alpha, "alpha.png", "image/png"),
    "jpeg-with-srgb-profile": (lambda: images.jpeg_with_icc(images.srgb_icc()), "profil.jpg", "image/jpeg"),
    "jpeg-with-broken-profile": (lambda: images.jpeg_with_icc(b"not a profile" * 20), "kaputt.jpg", "image/jpeg"),
}


@pytest.mark.parametrize("kind", GOOD)
def test_good_upload_is_stored_clean_in_every_file(editor_client, kind):
    make, name, content_type = GOOD[kind]
    response = editor_client.post(ADD_URL, upload_post(make(), name=name, content_type=content_type))
    assert response.status_code == 302, response.content.decode()[:2000]
    photo = Photo.objects.get()
    names = file_names(photo)
    assert len(names) == 1 + 2 * len(photo.renditions) >= 3
    for stored_name in names:
        assert stored_name.startswith("photos/") and name.rsplit(".", 1)[0] not in stored_name
        assert_clean(stored_bytes(stored_name))
    original = Image.open(io.BytesIO(stored_bytes(photo.image.name)))
    assert (original.width, original.height) == (photo.width, photo.height)


def test_rotated_photo_is_stored_upright_in_every_file(editor_client):
    editor_client.post(ADD_URL, upload_post(images.jpeg_rotated_with_gps(1800, 1200)))
    photo = Photo.objects.get()
    # Stored lying 1800 × 1200 with Orientation 6: upright it is 1200 wide, red on top.
    assert (photo.width, photo.height) == (1200, 1800)
    for stored_name in file_names(photo):
        image = assert_clean(stored_bytes(stored_name)).convert("RGB")
        assert image.height > image.width, stored_name
        assert close(image.getpixel((image.width // 2, 5)), images.RED), stored_name
        assert close(image.getpixel((image.width // 2, image.height - 5)), images.BLUE), stored_name


@pytest.mark.parametrize(
    "kind", ["cmyk-jpeg", "16-bit-rgb-png", "webp-with-exif-xmp", "jpeg-with-srgb-profile", "jpeg-with-broken-profile"]
)
def test_colours_come_out_as_8_bit_srgb(editor_client, kind):
    make, name, content_type = GOOD[kind]
    editor_client.post(ADD_URL, upload_post(make(), name=name, content_type=content_type))
    photo = Photo.objects.get()
    for stored_name in file_names(photo):
        image = Image.open(io.BytesIO(stored_bytes(stored_name)))
        assert image.mode in {"RGB", "RGBA"}, stored_name
        rgb = image.convert("RGB")
        assert rgb.getpixel((2, 2))[0] > 150 > rgb.getpixel((2, 2))[2], stored_name  # reddish left
        assert rgb.getpixel((rgb.width - 3, 2))[2] > 150, stored_name  # bluish right


def test_renditions_have_the_configured_widths_and_both_formats(editor_client, settings):
    settings.NEWSROOM_PHOTO_WIDTHS = [480, 800, 1200, 1600]
    editor_client.post(ADD_URL, upload_post(images.plain_jpeg(1400, 700)))
    photo = Photo.objects.get()
    assert [rendition["width"] for rendition in photo.renditions] == [480, 800, 1200, 1400]
    for rendition in photo.renditions:
        jpeg = Image.open(io.BytesIO(stored_bytes(rendition["jpeg"])))
        webp = Image.open(io.BytesIO(stored_bytes(rendition["webp"])))
        assert (jpeg.format, webp.format) == ("JPEG", "WEBP")
        assert jpeg.size == webp.size == (rendition["width"], rendition["height"])
        assert rendition["height"] == round(700 * rendition["width"] / 1400)


HOSTILE = {
    "decompression-bomb-100mp": (lambda: images.png_bomb(10000), "klein.png", "10000 × 10000 Pixel"),
    "decompression-bomb-900mp": (lambda: images.png_bomb(30000), "klein.png", "viel zu groß"),
    "svg-with-script": (lambda: images.SVG_WITH_SCRIPT, "bild.svg", "kein Bild im Format JPEG, PNG oder WebP"),
    "svg-named-jpg": (lambda: images.SVG_WITH_SCRIPT, "bild.jpg", "kein Bild im Format JPEG, PNG oder WebP"),
    "php-named-jpg": (lambda: images.PHP_AS_JPEG, "shell.jpg", "kein Bild im Format JPEG, PNG oder WebP"),
    "php-inside-jpeg": (lambda: images.plain_jpeg(200, 100) + images.PHP_AS_JPEG, "shell.jpg", "Programmcode"),
    "truncated-jpeg": (images.truncated_jpeg, "halb.jpg", "beschädigt oder unvollständig"),
    "empty-file": (lambda: b"", "leer.jpg", "Datei ist leer."),
    "jpeg-html-polyglot": (images.jpeg_html_polyglot, "poly.jpg", "Programmcode"),
    "animated-webp": (images.animated_webp, "anim.webp", "Animierte Bilder"),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_upload_is_refused_in_german_and_stores_nothing(editor_client, settings, kind):
    make, name, message = HOSTILE[kind]
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    before = media_listing(settings)
    response = editor_client.post(ADD_URL, upload_post(make(), name=name))
    assert response.status_code == 200
    errors = BeautifulSoup(response.content, "html.parser").select(".errorlist")
    assert message in " ".join(error.get_text(" ") for error in errors)
    assert not Photo.objects.exists() and not PhotoPerson.objects.exists()
    assert media_listing(settings) == before


def test_file_over_the_byte_limit_is_refused(editor_client, settings):
    settings.NEWSROOM_PHOTO_MAX_BYTES = 10_000
    response = editor_client.post(ADD_URL, upload_post(images.plain_jpeg()))
    assert "höchstens 9,8\xa0KB" in response.content.decode()
    assert not Photo.objects.exists()


def test_failure_after_files_were_written_removes_them(editor_client, settings, monkeypatch):
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    before = media_listing(settings)

    def broken_save_related(self, request, form, formsets, change):
        raise IntegrityError("simulated failure after the photo was saved")

    monkeypatch.setattr(PhotoAdmin, "save_related", broken_save_related)
    with pytest.raises(IntegrityError):
        editor_client.post(ADD_URL, upload_post(images.plain_jpeg()))
    assert not Photo.objects.exists()
    assert media_listing(settings) == before


def test_alt_text_and_credit_rules(editor_client):
    response = editor_client.post(ADD_URL, upload_post(images.plain_jpeg(), alt_text="Testbild", credit=""))
    text = response.content.decode()
    assert "nicht die Bildunterschrift wiederholen" in text
    assert "Dieses Feld ist zwingend erforderlich." in text
    assert not Photo.objects.exists()


def test_upload_is_required_on_add(editor_client):
    post = upload_post(b"")
    del post["image"]
    response = editor_client.post(ADD_URL, post)
    assert "Wählen Sie eine Bilddatei aus." in response.content.decode()


def test_people_and_consent_are_saved_with_the_upload(editor_client):
    person = PersonFactory(name="Petra Kretzschmann")
    post = upload_post(
        images.plain_jpeg(),
        **{
            "shown-TOTAL_FORMS": "1",
            "shown-0-person": str(person.pk),
            "shown-0-position": "1",
            "shown-0-consent": "given",
            "shown-0-consent_given_on": "20.11.2026",
            "shown-0-consent_until": "",
            "shown-0-consent_ground": "",
            "shown-0-consent_note": "Formular in der Akte",
        },
    )
    assert editor_client.post(ADD_URL, post).status_code == 302
    shown = PhotoPerson.objects.get()
    assert shown.consent == "given" and shown.consent_given_on.isoformat() == "2026-11-20"


def test_consent_given_needs_a_date(editor_client, settings):
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    before = media_listing(settings)
    person = PersonFactory()
    post = upload_post(
        images.plain_jpeg(),
        **{"shown-TOTAL_FORMS": "1", "shown-0-person": str(person.pk), "shown-0-position": "1",
           "shown-0-consent": "given", "shown-0-consent_given_on": ""},
    )
    response = editor_client.post(ADD_URL, post)
    assert "Datum" in response.content.decode()
    assert not Photo.objects.exists()
    assert media_listing(settings) == before


def test_replacing_the_image_removes_the_old_files_after_commit(
    editor_client, django_capture_on_commit_callbacks
):
    editor_client.post(ADD_URL, upload_post(images.plain_jpeg()))
    photo = Photo.objects.get()
    old_names = file_names(photo)
    post = upload_post(images.webp_with_metadata(), name="neu.webp", content_type="image/webp")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/admin/newsroom/photo/{photo.pk}/change/", post)
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.image.name.endswith(".webp")
    assert not set(old_names) & set(file_names(photo))
    assert not any(default_storage.exists(name) for name in old_names)
    assert all(default_storage.exists(name) for name in file_names(photo))


def test_two_uploads_of_the_same_file_never_share_a_name(editor_client):
    data = images.plain_jpeg()
    editor_client.post(ADD_URL, upload_post(data))
    editor_client.post(ADD_URL, upload_post(data))
    first, second = Photo.objects.all()
    assert not set(file_names(first)) & set(file_names(second))


def test_typed_foto_prefix_is_not_printed_twice(editor_client):
    editor_client.post(ADD_URL, upload_post(images.plain_jpeg(), credit="Foto: Jobcenter Mayen-Koblenz"))
    assert Photo.objects.get().credit == "Jobcenter Mayen-Koblenz"


def test_colour_profile_is_converted_to_srgb(editor_client):
    # Stored red pixels under a profile with red and blue primaries swapped are blue.
    data = images.jpeg_with_icc(images.swapped_primaries_icc())
    editor_client.post(ADD_URL, upload_post(data, name="weitraum.jpg"))
    photo = Photo.objects.get()
    for stored_name in file_names(photo):
        image = assert_clean(stored_bytes(stored_name)).convert("RGB")
        assert close(image.getpixel((3, 3)), images.BLUE, tolerance=50), stored_name
        assert close(image.getpixel((image.width - 4, 3)), images.RED, tolerance=50), stored_name


def test_clean_photos_command_cleans_photos_stored_before_the_pipeline(django_capture_on_commit_callbacks):
    from django.core.management import call_command

    from .factories import PhotoFactory

    old = PhotoFactory(image=SimpleUploadedFile("alt.jpg", images.jpeg_rotated_with_gps(1200, 800)))
    broken = PhotoFactory(image=SimpleUploadedFile("kaputt.jpg", images.truncated_jpeg()))
    old_name = old.image.name
    assert b"Exif" in stored_bytes(old_name)
    out, err = io.StringIO(), io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("clean_photos", "--missing-only", stdout=out, stderr=err)
    assert "1 photos cleaned, 1 refused." in out.getvalue()
    assert f"Photo {broken.pk}" in err.getvalue()
    old.refresh_from_db()
    assert (old.width, old.height) == (800, 1200)
    assert [rendition["width"] for rendition in old.renditions] == [480, 800]
    for stored_name in file_names(old):
        assert_clean(stored_bytes(stored_name))
    assert not default_storage.exists(old_name)  # deleted once the photo's transaction committed
