"""A generated stand-in for the seed's group photo: no download, no real faces."""

import io

from PIL import Image, ImageDraw


def group_photo_placeholder(width=1600, height=1067, people=4):
    """A JPEG of ``people`` simple silhouettes in front of a wall, as bytes."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        shade = 200 - int(60 * y / height)
        draw.line([(0, y), (width, y)], fill=(shade - 40, shade - 10, shade + 20))
    draw.rectangle([0, int(height * 0.78), width, height], fill=(90, 80, 70))
    step = width // (people + 1)
    colours = [(0, 79, 143), (150, 40, 40), (40, 110, 60), (90, 60, 120)]
    for index in range(people):
        x = step * (index + 1)
        head = height // 11
        draw.ellipse([x - head, height // 4, x + head, height // 4 + 2 * head], fill=(225, 190, 160))
        draw.rounded_rectangle(
            [x - int(head * 1.8), height // 4 + 2 * head + 10, x + int(head * 1.8), height],
            radius=head,
            fill=colours[index % len(colours)],
        )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()
