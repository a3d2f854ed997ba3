"""Real image files for upload tests: good ones with metadata, and hostile ones."""

import io
import struct
import zlib

from PIL import ExifTags, Image

RED, BLUE = (220, 20, 20), (20, 20, 220)
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Polch"/>'
    b"</rdf:RDF></x:xmpmeta>"
)
# Bytes that betray metadata in JPEG, PNG or WebP files.
METADATA_MARKERS = [
    b"Exif\x00\x00", b"eXIf", b"EXIF", b"XMP ", b"xmpmeta", b"ns.adobe.com/xap", b"Photoshop 3.0", b"8BIM", b"Polch",
]


def two_halves(width, height, mode="RGB", first=RED, second=BLUE):
    """Left half ``first``, right half ``second``: after a quarter turn it shows which way is up."""
    image = Image.new(mode, (width, height), second)
    image.paste(first, (0, 0, width // 2, height))
    return image


def exif_with_gps(orientation=1):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Kamerahersteller"
    exif[ExifTags.Base.Model] = "Modell 7"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (50.0, 17.0, 36.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (7.0, 18.0, 0.0)
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.MakerNote] = b"MAKERNOTE-serial-123456"
    return exif


def with_iptc(jpeg):
    """Insert an APP13 Photoshop/IPTC segment (city "Polch") right after SOI."""
    record = b"\x1c\x02\x5a" + struct.pack(">H", 5) + b"Polch"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(record)) + record
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:2] + segment + jpeg[2:]


def jpeg_rotated_with_gps(width=1800, height=1200):
    """Pixels stored lying on their side (Orientation 6 = turn 90° clockwise to view)."""
    buffer = io.BytesIO()
    two_halves(width, height).save(buffer, format="JPEG", exif=exif_with_gps(orientation=6), xmp=XMP, quality=90)
    return with_iptc(buffer.getvalue())


def cmyk_jpeg(width=900, height=600):
    buffer = io.BytesIO()
    two_halves(width, height, "CMYK", first=(0, 230, 230, 20), second=(230, 230, 0, 20)).save(
        buffer, format="JPEG", exif=exif_with_gps(), quality=90
    )
    return buffer.getvalue()


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_16bit_rgb(width=640, height=480):
    """A 16-bit-per-channel RGB PNG (Pillow cannot write these) with an eXIf chunk."""
    red, blue = struct.pack(">HHH", 56000, 5000, 5000), struct.pack(">HHH", 5000, 5000, 56000)
    row = b"\x00" + red * (width // 2) + blue * (width - width // 2)
    header = struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0)
    exif = exif_with_gps().tobytes()
    return (
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"eXIf", exif)
        + png_chunk(b"IDAT", zlib.compress(row * height)) + png_chunk(b"IEND", b"")
    )


def png_16bit_grey(width=500, height=400):
    row = struct.pack("<H", 60000) * (width // 2) + struct.pack("<H", 3000) * (width - width // 2)
    image = Image.frombytes("I;16", (width, height), row * height)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def webp_with_metadata(width=1000, height=700):
    buffer = io.BytesIO()
    two_halves(width, height, "RGBA").save(buffer, format="WEBP", exif=exif_with_gps(), xmp=XMP, quality=90)
    return buffer.getvalue()


def png_with_alpha(width=600, height=400):
    image = two_halves(width, height, "RGBA", first=(*RED, 255), second=(0, 0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", exif=exif_with_gps())
    return buffer.getvalue()


def plain_jpeg(width=1600, height=1000):
    buffer = io.BytesIO()
    two_halves(width, height).save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def png_bomb(side):
    """A 1-bit PNG of ``side`` × ``side`` pixels, all black: tiny file, huge image."""
    row = b"\x00" + b"\x00" * ((side + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row * 500) for _ in range(side // 500)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", data) + png_chunk(b"IEND", b"")


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
    b'<script>alert(document.cookie)</script><rect width="100" height="100"/></svg>'
)
PHP_AS_JPEG = b"<?php system($_GET['cmd']); ?>\n"


def truncated_jpeg():
    data = plain_jpeg()
    return data[: len(data) // 2]


def jpeg_html_polyglot():
    """A valid JPEG whose comment segment carries an HTML page with script."""
    buffer = io.BytesIO()
    two_halves(400, 300).save(buffer, format="JPEG", comment=b"<html><body><script>alert(1)</script></body></html>")
    return buffer.getvalue()


def animated_webp():
    frames = [Image.new("RGB", (200, 100), colour) for colour in (RED, BLUE)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="WEBP", save_all=True, append_images=frames[1:], duration=200, loop=0)
    return buffer.getvalue()


def jpeg_with_icc(profile_bytes, width=800, height=500):
    buffer = io.BytesIO()
    two_halves(width, height).save(buffer, format="JPEG", icc_profile=profile_bytes, quality=90)
    return buffer.getvalue()


def srgb_icc():
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def s15(value):
    return struct.pack(">i", round(value * 65536))


def icc_rgb_profile(red, green, blue, description=b"Swapped primaries"):
    """A minimal ICC v2 matrix/TRC RGB profile with the given D50 primaries (gamma 2.2).

    With red and blue primaries swapped, stored red pixels mean blue: a converter that
    honours the profile turns them blue, one that ignores it leaves them red.
    """

    def xyz(values):
        return b"XYZ \x00\x00\x00\x00" + b"".join(s15(v) for v in values)

    desc = (b"desc\x00\x00\x00\x00" + struct.pack(">I", len(description) + 1) + description + b"\x00"
            + b"\x00" * 8 + b"\x00\x00" + b"\x00" + b"\x00" * 67)
    curve = b"curv\x00\x00\x00\x00" + struct.pack(">I", 1) + struct.pack(">H", round(2.2 * 256)) + b"\x00\x00"
    text = b"text\x00\x00\x00\x00" + b"No copyright\x00"
    tags = [(b"desc", desc), (b"cprt", text), (b"wtpt", xyz((0.9642, 1.0, 0.8249))),
            (b"rXYZ", xyz(red)), (b"gXYZ", xyz(green)), (b"bXYZ", xyz(blue)),
            (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve)]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        body += b"\x00" * (-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = (struct.pack(">I", size) + b"lcms" + bytes([2, 0x10, 0, 0]) + b"mntrRGB XYZ " + b"\x00" * 12
              + b"acsp" + b"\x00" * 24 + struct.pack(">I", 0) + s15(0.9642) + s15(1.0) + s15(0.8249)
              + b"\x00" * 48)
    return header + struct.pack(">I", len(tags)) + table + data


SRGB_D50 = {"red": (0.4361, 0.2225, 0.0139), "green": (0.3851, 0.7169, 0.0971), "blue": (0.1431, 0.0606, 0.7141)}


def swapped_primaries_icc():
    return icc_rgb_profile(SRGB_D50["blue"], SRGB_D50["green"], SRGB_D50["red"])
