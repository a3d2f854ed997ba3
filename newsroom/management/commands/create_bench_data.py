"""Fill an empty PostgreSQL database with releases shaped like the seed, for load tests.

Each release has the seed's thirteen sections, ten quotes, ten named people, a
hero photo showing four people and placed in the text, a press contact and one
or two topics; titles and leads vary so that search has something to find. A
few releases are drafts or withdrawn, as in a real archive. Rows go in with
PostgreSQL's COPY (``make bench`` builds 100,000 releases in minutes), then the
tables are vacuumed so that plans and index-only scans are those of a settled
database.
"""

import datetime
import itertools
import json

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone
from django.utils.html import escape

from newsroom.demo import seed
from newsroom.demo.placeholder import group_photo_placeholder
from newsroom.imaging import prepare_upload
from newsroom.models import (
    Person, Photo, PhotoPerson, PressRelease, Quote, ReleasePhoto, SearchDocument, Section, Status, Topic,
)
from newsroom.sanitizer import clean_html
from newsroom.search_index import plain, text_of_html

IMAGE_NAME = "photos/bench-group-photo.jpg"
CONSENT_DATE = datetime.date(2026, 1, 1)
IMAGE_SIZE = (1600, 1067)
SUBJECTS = [
    ("Integration", "integration"), ("Ausbildung", "ausbildung"), ("Weiterbildung", "weiterbildung"),
    ("Jobbörse", "jobboerse"), ("Langzeitarbeitslosigkeit", "langzeitarbeitslosigkeit"),
    ("Familie und Beruf", "familie-und-beruf"), ("Arbeitgeberservice", "arbeitgeberservice"),
    ("Bürgergeld", "buergergeld"),
]
PLACES = ["Polch", "Koblenz", "Mayen", "Andernach", "Bendorf", "Vallendar", "Weißenthurm", "Münstermaifeld"]


def columns(model, *names):
    return [model._meta.get_field(name).column for name in names]


class Command(BaseCommand):
    help = "Creates N seed-shaped press releases in an empty PostgreSQL database (for make bench)."

    def add_arguments(self, parser):
        parser.add_argument("--releases", type=int, default=10_000)
        parser.add_argument("--years", type=int, default=20, help="How many years the archive spans.")

    def handle(self, *args, releases, years, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Benchmark data needs PostgreSQL (set DATABASE_URL).")
        if PressRelease.objects.exists():
            raise CommandError("The database already holds press releases; use an empty one.")
        self.renditions = json.dumps(self.store_photo())
        with transaction.atomic():
            people = self.create_people()
            topics = [Topic.objects.create(name=name, slug=slug).pk for name, slug in SUBJECTS]
            self.copy_archive(releases, years, people, topics)
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(
                    no_style(), [Photo, PhotoPerson, PressRelease, Section, Quote, ReleasePhoto,
                                 PressRelease.topics.through, PressRelease.named_people.through]
                ):
                    cursor.execute(sql)
            self.index_for_search()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        self.stdout.write(f"Created {releases} press releases.")

    def index_for_search(self):
        """The weighted vectors ``search_index.rebuild_document`` writes; the body, the
        same in every release, is analysed once."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT setweight(to_tsvector('german', %s), 'C')", [self.body_text])
            body_vector = cursor.fetchone()[0]
            cursor.execute(
                "UPDATE newsroom_searchdocument AS document SET vector ="
                " setweight(to_tsvector('german', release.title), 'A')"
                " || setweight(to_tsvector('german', release.lead), 'B') || %s::tsvector"
                " FROM newsroom_pressrelease AS release WHERE release.id = document.release_id",
                [body_vector],
            )

    def seed_body_text(self, bodies):
        """The body part of a seed-shaped release's search document (``search_index.document_parts``)."""
        parts = []
        for (heading, _paragraphs, _placed), body in zip(seed.SECTIONS, bodies):
            parts += [plain(heading), plain(text_of_html(body))]
        for _heading, _paragraphs, placed in seed.SECTIONS:
            for _kind, key, attribution, role, text in (item for item in placed if item[0] == "quote"):
                parts += [plain(text), plain(seed.PEOPLE[key][0] if key else attribution), plain(role)]
        return " ".join(part for part in parts if part)

    def store_photo(self):
        """The one group photo every release shows, with the renditions an upload gets
        (``newsroom.imaging``), under fixed names that later builds reuse."""
        prepared = prepare_upload(ContentFile(group_photo_placeholder(*IMAGE_SIZE), name="bench.jpg"))
        if not default_storage.exists(IMAGE_NAME):
            default_storage.save(IMAGE_NAME, ContentFile(prepared.original))
        self.image_bytes = default_storage.size(IMAGE_NAME)
        renditions = []
        for encoded in prepared.renditions:
            rendition = {"width": encoded.width, "height": encoded.height}
            for image_format, extension in (("jpeg", "jpg"), ("webp", "webp")):
                name = f"{IMAGE_NAME.removesuffix('.jpg')}-{encoded.width}w.{extension}"
                if not default_storage.exists(name):
                    default_storage.save(name, ContentFile(getattr(encoded, image_format)))
                rendition[image_format] = name
            renditions.append(rendition)
        return renditions

    def create_people(self):
        people = {}
        for key, (name, role, organisation, is_public) in seed.PEOPLE.items():
            contact = key == seed.PRESS_CONTACT["key"]
            people[key] = Person.objects.create(
                name=name, slug=key, role=role, organisation=organisation, is_public_figure=is_public,
                is_press_contact=contact, phone=seed.PRESS_CONTACT["phone"] if contact else "",
                email=seed.PRESS_CONTACT["email"] if contact else "",
            ).pk
        return people

    def copy_archive(self, count, years, people, topics):
        now = timezone.now()
        step = datetime.timedelta(days=365 * years) / count
        bodies = [clean_html("".join(f"<p>{escape(text)}</p>" for text in paragraphs))
                  for _heading, paragraphs, _placed in seed.SECTIONS]
        numbers = {}
        self.body_text = self.seed_body_text(bodies)
        with connection.cursor() as cursor:
            writers = {
                "photo": (Photo, columns(Photo, "id", "image", "width", "height", "file_size", "alt_text", "caption",
                                         "credit", "usage_note", "renditions", "created_at")),
                "shown": (PhotoPerson, columns(PhotoPerson, "photo", "person", "position", "consent",
                                               "consent_given_on", "consent_ground", "consent_note")),
                "release": (PressRelease, columns(
                    PressRelease, "id", "title", "slug", "number", "number_year", "lead", "dateline", "status",
                    "published_at", "press_contact", "hero_photo", "created_at", "updated_at")),
                "section": (Section, columns(Section, "id", "release", "position", "heading", "body")),
                "quote": (Quote, columns(Quote, "release", "section", "position", "text", "person", "attribution",
                                         "role")),
                "placed": (ReleasePhoto, columns(ReleasePhoto, "release", "section", "position", "photo")),
                "topics": (PressRelease.topics.through, ["pressrelease_id", "topic_id"]),
                "named": (PressRelease.named_people.through, ["pressrelease_id", "person_id"]),
                "document": (SearchDocument, columns(SearchDocument, "release", "text", "folded")),
            }
            rows = {name: [] for name in writers}
            for pk in range(1, count + 1):
                published_at = now - datetime.timedelta(hours=1) - step * (count - pk)
                self.add_release(rows, pk, published_at, numbers, bodies, people, topics)
                if pk % 2000 == 0 or pk == count:
                    self.flush(cursor, writers, rows)
                    self.stdout.write(f"  {pk} / {count}", ending="\r")
        self.stdout.write("")

    def flush(self, cursor, writers, rows):
        # Parents before children, so foreign keys hold at every statement.
        for name in ["photo", "shown", "release", "section", "quote", "placed", "topics", "named", "document"]:
            model, names = writers[name]
            with cursor.copy(f'COPY "{model._meta.db_table}" ({", ".join(names)}) FROM STDIN') as copy:
                for row in rows[name]:
                    copy.write_row(row)
            rows[name].clear()

    def add_release(self, rows, pk, published_at, numbers, bodies, people, topics):
        subject, subject_slug = SUBJECTS[pk % len(SUBJECTS)]
        place = PLACES[pk % len(PLACES)]
        status = Status.DRAFT if pk % 50 == 0 else Status.WITHDRAWN if pk % 97 == 0 else Status.PUBLISHED
        number = year = None
        if status != Status.DRAFT:
            year = timezone.localtime(published_at).year
            number = numbers[year] = numbers.get(year, 0) + 1
        else:
            published_at = None
        rows["photo"].append((pk, IMAGE_NAME, *IMAGE_SIZE, self.image_bytes, seed.PHOTO["alt_text"],
                              seed.PHOTO["caption"], seed.PHOTO["credit"], "", self.renditions,
                              published_at or timezone.now()))
        for position, key in enumerate(seed.PHOTO["people"], start=1):
            # Recorded consent, as in the demo: otherwise pages would hide the photo.
            rows["shown"].append((pk, people[key], position, "given", CONSENT_DATE, "", ""))
        title = f"{subject} in {place}: {seed.RELEASE['title']} ({pk})"
        lead = f"{subject} im Landkreis Mayen-Koblenz. {seed.RELEASE['lead']}"
        rows["release"].append((
            pk, title, f"{subject_slug}-{pk}", number, year, lead, place, status, published_at,
            people[seed.PRESS_CONTACT["key"]], pk, published_at or timezone.now(), published_at or timezone.now(),
        ))
        first_section = (pk - 1) * len(seed.SECTIONS)
        for index, ((heading, _paragraphs, placed), body) in enumerate(zip(seed.SECTIONS, bodies)):
            section = first_section + index + 1
            rows["section"].append((section, pk, index + 1, heading, body))
            for position, item in enumerate(placed, start=1):
                if item[0] == "photo":
                    rows["placed"].append((pk, section, position, pk))
                    continue
                _kind, key, attribution, role, text = item
                rows["quote"].append((pk, section, position, text, people[key] if key else None, attribution, role))
        for topic in itertools.islice(itertools.cycle(topics), pk % len(topics), pk % len(topics) + 1 + pk % 2):
            rows["topics"].append((pk, topic))
        for key in seed.RELEASE["named"]:
            rows["named"].append((pk, people[key]))
        text = " ".join((plain(title), plain(lead), self.body_text))
        rows["document"].append((pk, text, text.casefold()))
