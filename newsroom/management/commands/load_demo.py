"""Load the seed release, its people and photo, and the demo staff accounts.

Idempotent: existing rows are found by their slug or name and left as they are,
so a second run changes nothing (and keeps what staff edited since).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.html import escape

from newsroom import imaging, publishing, roles
from newsroom.demo import seed
from newsroom.demo.placeholder import group_photo_placeholder
from newsroom.models import Consent, Person, Photo, PhotoPerson, PressRelease, Quote, ReleasePhoto, Section, Topic

# Fixed so the README can name them; they exist only in demo mode, on a local machine.
DEMO_ACCOUNTS = [
    ("redaktion", "Redaktion-Demo-2026", roles.EDITORS, "Rita", "Redaktion"),
    ("freigabe", "Freigabe-Demo-2026", roles.PRESS_OFFICERS, "Frank", "Freigabe"),
]


def paragraphs_html(paragraphs):
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


class Command(BaseCommand):
    help = "Loads the demo press release and demo staff accounts (demo mode only)."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Demo content is only loaded in demo mode (NEWSROOM_DEMO=1).")
        self.written = []  # photo files, removed again if anything below fails
        try:
            with transaction.atomic():
                roles.ensure_staff_groups()
                editor, officer = self.load_accounts()
                people = self.load_people()
                self.load_release(people, editor, officer)
        except BaseException:
            imaging.delete_files(self.written)
            raise
        for username, password, group, *_names in DEMO_ACCOUNTS:
            self.stdout.write(f"Demo account ({group}): {username} / {password}")

    def load_accounts(self):
        users = []
        for username, password, group_name, first_name, last_name in DEMO_ACCOUNTS:
            user, created = get_user_model().objects.get_or_create(
                username=username,
                defaults={"is_staff": True, "first_name": first_name, "last_name": last_name,
                          "email": f"{username}@localhost"},
            )
            if created:
                user.set_password(password)
                user.save(update_fields=["password"])
                user.groups.add(Group.objects.get(name=group_name))
            users.append(user)
        return users

    def load_people(self):
        people = {}
        for key, (name, role, organisation, is_public) in seed.PEOPLE.items():
            defaults = {"name": name, "role": role, "organisation": organisation, "is_public_figure": is_public}
            if key in seed.NAMING_CONSENT:
                defaults["naming_consent_on"], defaults["naming_consent_note"] = seed.NAMING_CONSENT[key]
            if key == seed.PRESS_CONTACT["key"]:
                defaults.update(is_press_contact=True, phone=seed.PRESS_CONTACT["phone"], email=seed.PRESS_CONTACT["email"])
            people[key], _created = Person.objects.get_or_create(slug=key, defaults=defaults)
        return people

    def load_photo(self, people):
        photo = Photo(
            alt_text=seed.PHOTO["alt_text"], caption=seed.PHOTO["caption"], credit=seed.PHOTO["credit"],
            usage_note=seed.PHOTO["usage_note"],
        )
        # The same checks, cleaning and renditions as an upload in the admin.
        prepared = imaging.prepare_upload(ContentFile(group_photo_placeholder(), name="gruppenfoto.jpg"))
        imaging.save_photo(photo, prepared, written=self.written)
        consent = seed.PHOTO["consent"]
        for position, key in enumerate(seed.PHOTO["people"], start=1):
            PhotoPerson.objects.create(
                photo=photo, person=people[key], position=position, consent=Consent.GIVEN,
                consent_given_on=consent["given_on"], consent_note=consent["note"],
            )
        return photo

    def load_release(self, people, editor, officer):
        if PressRelease.objects.filter(slug=seed.RELEASE["slug"]).exists():
            return
        topic, _created = Topic.objects.get_or_create(slug=seed.TOPIC["slug"], defaults={"name": seed.TOPIC["name"]})
        photo = self.load_photo(people)
        release = PressRelease.objects.create(
            title=seed.RELEASE["title"], slug=seed.RELEASE["slug"], lead=seed.RELEASE["lead"],
            dateline=seed.RELEASE["dateline"], press_contact=people[seed.PRESS_CONTACT["key"]],
            hero_photo=photo, created_by=editor, updated_by=editor,
        )
        release.topics.add(topic)
        release.named_people.set([people[key] for key in seed.RELEASE["named"]])
        for number, (heading, paragraphs, placed) in enumerate(seed.SECTIONS, start=1):
            section = Section.objects.create(release=release, position=number, heading=heading, body=paragraphs_html(paragraphs))
            for position, item in enumerate(placed, start=1):
                if item[0] == "photo":
                    ReleasePhoto.objects.create(release=release, section=section, position=position, photo=photo)
                    continue
                _kind, key, attribution, role, text = item
                Quote.objects.create(
                    release=release, section=section, position=position, text=text,
                    person=people[key] if key else None, attribution=attribution, role=role,
                )
        # Through the real workflow, so the demo's audit trail shows four eyes at work.
        publishing.submit(release, by=editor)
        publishing.publish(release, by=officer)
        # The demo keeps the seed's fixed date instead of "now".
        PressRelease.objects.filter(pk=release.pk).update(published_at=seed.PUBLISHED_AT)
