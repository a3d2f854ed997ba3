import datetime
import io

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from newsroom.models import Person, Photo, PhotoPerson, PressRelease, Quote, ReleasePhoto, Section, Status, Topic


def jpeg_bytes(width=120, height=80, colour=(0, 80, 140)):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="JPEG")
    return buffer.getvalue()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    is_staff = True


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    role = "Referentin"
    organisation = "Jobcenter"
    is_public_figure = True


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    image = factory.LazyFunction(lambda: ContentFile(jpeg_bytes(), name="photo.jpg"))
    file_size = factory.LazyAttribute(lambda photo: photo.image.size)
    alt_text = "Zwei Menschen an einem Tisch"
    caption = "Beratungsgespräch"
    credit = "Jobcenter"


class PhotoPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PhotoPerson

    photo = factory.SubFactory(PhotoFactory)
    person = factory.SubFactory(PersonFactory)
    position = factory.Sequence(lambda n: n + 1)
    # Shown with recorded consent unless a test says otherwise (sections 22, 23 KUG).
    consent = "given"
    consent_given_on = datetime.date(2026, 1, 1)


class PressReleaseFactory(factory.django.DjangoModelFactory):
    """A draft by default; ``published=True`` gives a public release, an hour old."""

    class Meta:
        model = PressRelease

    title = factory.Sequence(lambda n: f"Pressemeldung {n}")
    slug = factory.Sequence(lambda n: f"pressemeldung-{n}")
    lead = "Ein kurzer Vorspann."
    dateline = "Koblenz"

    class Params:
        published = factory.Trait(
            status=Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1)),
            number=factory.Sequence(lambda n: n + 1),
            number_year=2026,
        )


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    release = factory.SubFactory(PressReleaseFactory)
    position = factory.Sequence(lambda n: n + 1)
    heading = factory.Sequence(lambda n: f"Zwischenüberschrift {n}")
    body = "<p>Absatz.</p>"


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    section = factory.SubFactory(SectionFactory)
    release = factory.SelfAttribute("section.release")
    person = factory.SubFactory(PersonFactory)
    text = "Ein Satz, der zitiert wird."
    position = 1


class ReleasePhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReleasePhoto

    section = factory.SubFactory(SectionFactory)
    release = factory.SelfAttribute("section.release")
    photo = factory.SubFactory(PhotoFactory)
    position = 2
