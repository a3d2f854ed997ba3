"""Turn a decoded upload into the files the public may fetch.

Every output is encoded from a fresh image that carries pixels only: the EXIF
orientation is applied first, then nothing of the upload's metadata (EXIF with
GPS and maker notes, XMP, IPTC, comments, text chunks) can reach a saved file.
Colours are converted to sRGB, the web's assumed space, so no profile is needed.
"""

import io
from dataclasses import dataclass, field

from django.conf import settings
from PIL import Image, ImageCms, ImageOps

from .upload import ACCEPTED_FORMATS

SRGB = ImageCms.createProfile("sRGB")
SIXTEEN_BIT_GREY = {"I", "I;16", "I;16B", "I;16L", "I;16N"}
JPEG_OPTIONS = {"quality": 85, "optimize": True, "progressive": True}
WEBP_OPTIONS = {"quality": 80, "method": 4}


@dataclass
class Encoded:
    width: int
    height: int
    jpeg: bytes
    webp: bytes


@dataclass
class PreparedPhoto:
    """A checked, cleaned photo in memory: nothing is stored yet."""

    extension: str
    content_type: str
    width: int
    height: int
    original: bytes
    renditions: list = field(default_factory=list)


def upright(image):
    """Apply the EXIF Orientation tag, so the pixels stand as the camera meant."""
    return ImageOps.exif_transpose(image)


def to_srgb(image):
    """8-bit RGB, RGBA or greyscale in sRGB, whatever the upload's mode and profile."""
    icc = image.info.get("icc_profile")
    if image.mode in SIXTEEN_BIT_GREY:
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    elif image.mode in {"P", "PA", "LA", "La", "RGBa"}:
        has_alpha = image.mode != "P" or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
    elif image.mode == "1":
        image = image.convert("L")
    if icc:
        image = apply_profile(image, icc)
    if image.mode not in {"RGB", "RGBA", "L"}:
        image = image.convert("RGB")  # CMYK without a profile, YCbCr, LAB, ...
    return image


def apply_profile(image, icc):
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if image.mode != "CMYK" and "srgb" in ImageCms.getProfileDescription(source).lower():
            return image
        output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, source, SRGB, outputMode=output_mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        # A broken profile: keep the pixels as they are rather than refuse the photo.
        return image


def pixels_only(image):
    """A new image with the same pixels and no info, EXIF or profile attached."""
    return Image.frombytes(image.mode, image.size, image.tobytes())


def flatten(image):
    """JPEG has no transparency: put the picture on white."""
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, (255, 255, 255))
    background.paste(image, mask=image.getchannel("A"))
    return background


def encode(image, image_format):
    buffer = io.BytesIO()
    if image_format == "JPEG":
        flatten(image).save(buffer, format="JPEG", **JPEG_OPTIONS)
    elif image_format == "WEBP":
        image.save(buffer, format="WEBP", **WEBP_OPTIONS)
    else:
        image.save(buffer, format="PNG")
    return buffer.getvalue()


def rendition_widths(original_width):
    """The configured widths, never wider than the original (which then counts as one)."""
    return sorted({min(width, original_width) for width in settings.NEWSROOM_PHOTO_WIDTHS})


def make_renditions(image):
    renditions = []
    for width in rendition_widths(image.width):
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.LANCZOS, reducing_gap=3.0)
        renditions.append(Encoded(width, height, encode(resized, "JPEG"), encode(resized, "WEBP")))
    return renditions


def prepare(image):
    """Everything to store for a decoded upload: the cleaned original and its renditions."""
    image_format = image.format
    extension, content_type = ACCEPTED_FORMATS[image_format]
    clean = pixels_only(to_srgb(upright(image)))
    return PreparedPhoto(
        extension=extension,
        content_type=content_type,
        width=clean.width,
        height=clean.height,
        original=encode(clean, image_format),
        renditions=make_renditions(clean),
    )
