"""Decide by content whether an uploaded file is a photo we accept, and decode it.

Order matters: cheap checks on the bytes first, then Pillow reads only the header
(``Image.open`` is lazy), the pixel limit is checked on ``Image.size`` and only
then is the image decoded. Pillow itself merely warns between about 89 and 179
megapixels, so its own bomb guard is not enough.
"""

import io
import re
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# Pillow format name -> (file extension, content type). Nothing else is accepted.
ACCEPTED_FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}

# Markup or code hidden in an image file (a polyglot) would run if a browser or
# server ever treated the file as HTML, SVG or PHP. Stored files are re-encoded
# from pixels anyway; this refusal tells staff the file is suspect. The markers
# are long enough that compressed pixel data matches one by chance about once
# in several thousand maximum-size uploads.
HIDDEN_CODE = re.compile(
    rb"<(?:script|html|body|iframe|object|embed|!doctype|\?php)|<svg[\s>/]|javascript:", re.IGNORECASE
)

NOT_AN_IMAGE = _("The file is not a JPEG, PNG or WebP image. Other formats (e.g. SVG, GIF, PDF) are not accepted.")


def read_upload(upload):
    """The upload's bytes, refused when empty or above ``NEWSROOM_PHOTO_MAX_BYTES``."""
    limit = settings.NEWSROOM_PHOTO_MAX_BYTES
    size = getattr(upload, "size", None)
    if size is not None and size > limit:
        raise too_large(size, limit)
    upload.seek(0)
    data = upload.read(limit + 1)
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    if len(data) > limit:
        raise too_large(len(data), limit)
    return data


def too_large(size, limit):
    return ValidationError(
        _("The file is %(size)s; photos may be at most %(limit)s."),
        params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        code="too_large",
    )


def check_for_hidden_code(data):
    if HIDDEN_CODE.search(data):
        raise ValidationError(
            _("The file contains web page or program code (e.g. HTML, script or PHP) besides the picture, "
              "so it is refused. Export the photo again from an image program."),
            code="hidden_code",
        )


def open_image(data):
    """The image with only its header read: nothing is decoded yet."""
    try:
        with warnings.catch_warnings():
            # The size is checked by check_size() before anything is decoded.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(ACCEPTED_FORMATS))
    except Image.DecompressionBombError as error:
        raise too_many_pixels(None, settings.NEWSROOM_PHOTO_MAX_PIXELS) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error
    return image


def check_size(image):
    """Refuse too many pixels (read from the header) and animations, before decoding."""
    limit = settings.NEWSROOM_PHOTO_MAX_PIXELS
    width, height = image.size
    if width < 1 or height < 1:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image")
    if width * height > limit:
        raise too_many_pixels((width, height), limit)
    if getattr(image, "n_frames", 1) > 1:
        raise ValidationError(
            _("Animated images are not accepted. Upload a single still picture."), code="animated"
        )
    return image


def too_many_pixels(size, limit):
    megapixels = round(limit / 1_000_000)
    if size is None:
        return ValidationError(
            _("The picture is far too large (more than %(limit)s megapixels) and is refused."),
            params={"limit": megapixels},
            code="too_many_pixels",
        )
    return ValidationError(
        _("The picture has %(width)s × %(height)s pixels; at most %(limit)s megapixels are accepted. "
          "Scale it down before uploading."),
        params={"width": size[0], "height": size[1], "limit": megapixels},
        code="too_many_pixels",
    )


def decode(image):
    """Decode all pixels; a truncated or corrupt file fails here, not later."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("The image file is damaged or incomplete (e.g. the upload broke off). Please upload it again."),
            code="broken",
        ) from error
    return image


def load_upload(upload):
    """The decoded image of an accepted upload; ``ValidationError`` in German otherwise."""
    data = read_upload(upload)
    image = open_image(data)
    check_for_hidden_code(data)
    return decode(check_size(image))
