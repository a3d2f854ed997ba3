"""The agency's press release "Arbeitskraft kennt keine Herkunft" as structured data.

Taken from shared/seed/, with the defects of the old website mended: the furniture
line "Header Pressemeldungen" is dropped, the doubled first paragraph and caption
appear once, both spellings of Abdul-Ahmad Rashid are one person, and quotes are
records attributed to people. Kretzschmann (county office) and Kretschmer (Jobcenter)
are two people. The seed has no date, lead, press contact or credit: the values
below marked "demo" are fixed stand-ins.
"""

import datetime
import zoneinfo

PUBLISHED_AT = datetime.datetime(2026, 11, 24, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))  # demo

TOPIC = {"slug": "integration", "name": "Integration"}

# key: (name, role, organisation, is_public_figure)
PEOPLE = {
    "schumacher": ("Frau Schumacher", "Geschäftsführerin", "Jobcenter Mayen-Koblenz", True),
    "al-emam": ("Mohamad Al Emam", "Vorsitzender des Migrationsbeirates", "Landkreis Mayen-Koblenz", True),
    "kretzschmann": ("Petra Kretzschmann", "Büroleiterin", "Kreisverwaltung Mayen-Koblenz", True),
    "amico": ("Ricardo Amico", "", "", True),
    # The seed writes "Maximiliam"; kept as written until the office confirms the spelling.
    "mumm": ("Maximiliam Mumm", "", "", True),
    "rashid": ("Abdul-Ahmad Rashid", "Moderator", "ZDF", True),
    "ollig": ("Dennis Ollig", "Geschäftsführer", "8elf.org", True),
    # A client of the Jobcenter: social data (section 35 SGB I), named only with consent.
    "pikelna": ("Anastasiia Pikelna", "", "", False),
    "vicente": ("Miguel Vicente", "Beauftragter der Landesregierung für Migration und Integration", "Land Rheinland-Pfalz", True),
    "kretschmer": ("Christoph Kretschmer", "stellvertretender Geschäftsführer", "Jobcenter Mayen-Koblenz", True),
}

PRESS_CONTACT = {"key": "kretschmer", "phone": "+49 261 000000-0", "email": "presse@jobcenter-myk.example"}  # demo

PHOTO = {
    "alt_text": "Vier Personen stehen nebeneinander vor einer Stellwand der Veranstaltung in Polch.",  # demo
    "caption": "Gäste der Veranstaltung „Arbeitskraft kennt keine Herkunft“ in Polch",  # demo
    "credit": "Jobcenter Mayen-Koblenz",  # demo
    "people": ["kretzschmann", "amico", "mumm", "rashid"],
    "usage_note": "Frei zur Berichterstattung über die Veranstaltung und das Jobcenter Mayen-Koblenz.",  # demo
    # Everyone shown signed the event's photo consent form (section 22 KUG).  # demo
    "consent": {
        "given_on": datetime.date(2026, 11, 20),
        "note": "Einwilligungserklärung der Veranstaltung, Ablage Pressestelle",
    },
}

# Private people named in the text, with the day they agreed to be named.  # demo
NAMING_CONSENT = {"pikelna": (datetime.date(2026, 11, 18), "Schriftliche Einwilligung, Ablage Pressestelle")}

RELEASE = {
    "slug": "arbeitskraft-kennt-keine-herkunft",
    "title": "„Arbeitskraft kennt keine Herkunft“",
    "dateline": "Polch",
    "lead": (  # demo
        "Jobcenter Mayen-Koblenz und Migrationsbeirat haben in Polch Unternehmen, Verwaltung und "
        "Menschen aus dem Leistungsbezug zusammengebracht. Ihre Erfahrungen zeigen: Integration "
        "gelingt, wo Vertrauen und Zusammenarbeit wachsen."
    ),
    "named": ["schumacher", "al-emam", "kretzschmann", "amico", "mumm", "rashid", "ollig", "pikelna", "vicente", "kretschmer"],
}

# Each section: sub-heading (or ""), its paragraphs, then what follows its text:
# ("quote", speaker key or None, attribution, role, text) or ("photo",).
SECTIONS = [
    (
        "",
        [
            "Zu Beginn begrüßte die Geschäftsführerin des Jobcenters, Frau Schumacher, die Teilnehmenden. "
            "Sie betonte die Bedeutung eines Arbeitsmarktes, der Menschen unabhängig von Herkunft faire "
            "Chancen eröffnet, und verwies auf die Rolle klarer Prozesse und passgenauer Unterstützungsangebote.",
            "Der Vorsitzende des Migrationsbeirates, Mohamad Al Emam, machte deutlich, wie wichtig der "
            "gemeinsame Ansatz ist. Die Kooperation sei aus einer gemeinsamen Idee entstanden, die von Anfang "
            "an getragen gewesen sei vom Wunsch, über positive Beispiele der Integration zu sprechen.",
        ],
        [
            ("quote", "al-emam", "", "Vorsitzender des Migrationsbeirates",
             "Unser Ziel war es immer, das sichtbar zu machen, was gut funktioniert"),
        ],
    ),
    (
        "",
        [
            "Die Resonanz nach der Veranstaltung zeige, dass die Zusammenarbeit mit dem Jobcenter "
            "„harmonisch, konstruktiv und auf Augenhöhe“ verlaufe, so Al Emam. Für die Zukunft wünsche man "
            "sich weitere gemeinsame Projekte, bei denen der Beirat seine Expertise einbringen könne, um "
            "Integrationsprozesse aktiv mitzugestalten.",
        ],
        [],
    ),
    (
        "Kommunale Perspektive: Integration als gemeinsame Aufgabe",
        [
            "Aus Sicht der Kreisverwaltung unterstrich Petra Kretzschmann, Büroleiterin der Kreisverwaltung "
            "Mayen-Koblenz, die Bedeutung vernetzter Strukturen. Integration gelinge dort am besten, wo "
            "Verwaltung, Wirtschaft und soziale Akteure eng zusammenarbeiten.",
        ],
        [
            ("quote", "kretzschmann", "", "Büroleiterin der Kreisverwaltung Mayen-Koblenz",
             "Berufliche Integration ist ein zentraler Schlüssel für gesellschaftliche Teilhabe"),
        ],
    ),
    (
        "",
        [
            "Veranstaltungen wie diese zeigten, dass Verwaltungsarbeit wirksam wird, wenn sie praxisnah, offen "
            "und kooperativ gestaltet ist, betonte Kretzschmann. Für den Landkreis sei es entscheidend, "
            "bestehende Netzwerke weiter auszubauen und bürokratische Hürden gemeinsam abzubauen, um "
            "nachhaltige Perspektiven für Zugewanderte und Betriebe zu schaffen.",
        ],
        [("photo",)],
    ),
    (
        "Praxis zeigt: Integration rechnet sich für Unternehmen",
        [
            "Wie erfolgreich Integration in der Praxis aussehen kann, zeigte unter anderem der "
            "Erfahrungsbericht von Dennis Ollig, Geschäftsführer von 8elf.org, der auf dem Podium aus "
            "Unternehmenssicht berichtete. Der erste Kontakt zum Jobcenter sei eher zufällig entstanden – "
            "über eine Praktikumsanfrage von Anastasiia Pikelna, die vom Jobcenter betreut wurde.",
        ],
        [
            ("quote", "ollig", "", "Geschäftsführer von 8elf.org",
             "Wir hatten das Jobcenter ehrlich gesagt vorher gar nicht als Partner auf dem Radar"),
        ],
    ),
    (
        "",
        ["Umso positiver sei die Überraschung gewesen, erklärte Ollig:"],
        [
            ("quote", "ollig", "", "Geschäftsführer von 8elf.org",
             "Wir hatten sofort den richtigen Ansprechpartner am Telefon – ohne Umwege, ohne Bürokratie."),
        ],
    ),
    (
        "",
        [
            "Während des Praktikums habe sich schnell gezeigt, dass Pikelna fachlich wie menschlich "
            "hervorragend ins Team passe. Besonders ihr professioneller Instagram-Auftritt habe überzeugt:",
        ],
        [
            ("quote", "ollig", "", "Geschäftsführer von 8elf.org",
             "Wir betreuen selbst viele Social-Media-Accounts – ihr Profil hat sofort ihre Kreativität und "
             "ihr Verständnis für digitale Kommunikation gezeigt."),
        ],
    ),
    (
        "",
        ["Heute engagiert sich das Unternehmen aktiv bei Bewerbertagen des Jobcenters. Ollig ist überzeugt:"],
        [
            ("quote", "ollig", "", "Geschäftsführer von 8elf.org",
             "Menschen im Leistungsbezug können – mit Motivation und etwas Flexibilität seitens der "
             "Arbeitgeber – ein echter Gewinn sein."),
        ],
    ),
    (
        "Stimmen aus dem Leistungsbezug: Motivation und neue Perspektiven",
        [
            "Auch Teilnehmende aus dem Leistungsbezug schilderten ihre Eindrücke. Ein Besucher der Jobbörse "
            "berichtete, er erlebe das Jobcenter als verlässlichen Ansprechpartner, insbesondere bei "
            "Orientierung, Bewerbungen und ersten Kontakten zu Arbeitgebern. Die Veranstaltung habe er als "
            "motivierend und wertschätzend empfunden.",
        ],
        [
            ("quote", None, "Ein Besucher der Jobbörse", "",
             "Die Geschichten aus verschiedenen Kulturen zeigen, dass Integration wirklich gelingen kann."),
        ],
    ),
    (
        "",
        [
            "Besonders eindrücklich sei für ihn gewesen, potenzielle Arbeitgeber persönlich kennenzulernen – "
            "sogar den zukünftigen Arbeitgeber seiner Frau.",
        ],
        [("quote", None, "Ein Besucher der Jobbörse", "", "Das gibt Mut und ein gutes Gefühl.")],
    ),
    (
        "Netzwerke stärken, Potenziale sichtbar machen",
        [
            "Durch den Abend führte Moderator Abdul-Ahmad Rashid (ZDF), der die unterschiedlichen "
            "Perspektiven zusammenführte. Weitere Impulse kamen unter anderem von Miguel Vicente, Beauftragter "
            "der Landesregierung für Migration und Integration, sowie von Vertreterinnen und Vertretern aus "
            "Verwaltung, Kommunen und Wirtschaft.",
            "Christoph Kretschmer, stellvertretender Geschäftsführer des Jobcenters Mayen-Koblenz, erläuterte "
            "die Motivation hinter dem Veranstaltungsformat:",
        ],
        [
            ("quote", "kretschmer", "", "stellvertretender Geschäftsführer des Jobcenters Mayen-Koblenz",
             "Wir sehen täglich, wie viel Potenzial in Menschen steckt – ganz unabhängig von ihrer Herkunft. "
             "Diese Veranstaltung soll dieses Potenzial sichtbar machen und Arbeitgeber und Bewerber an einen "
             "Tisch bringen."),
        ],
    ),
    (
        "",
        ["Die Kooperation mit dem Migrationsbeirat sei dabei ein zentraler Erfolgsfaktor."],
        [
            ("quote", "kretschmer", "", "stellvertretender Geschäftsführer des Jobcenters Mayen-Koblenz",
             "Der Beirat ist ein Türöffner. Gute Integration gelingt nur, wenn soziale, gesellschaftliche und "
             "berufliche Themen zusammengedacht werden."),
        ],
    ),
    (
        "",
        [
            "Die Veranstaltung in Polch hat eindrucksvoll gezeigt, dass Integration im Landkreis Mayen-Koblenz "
            "bereits an vielen Stellen erfolgreich gelebt wird. Die persönlichen Erfahrungsberichte aus "
            "Unternehmen, Verwaltung und Leistungsbezug machen deutlich:",
            "Arbeitskraft kennt keine Herkunft – erfolgreiche Integration braucht Vertrauen, Zusammenarbeit und "
            "den Mut, neue Wege gemeinsam zu gehen.",
        ],
        [],
    ),
]
