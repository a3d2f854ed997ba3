"""Newsroom settings: one module, configured by environment variables.

Without any variable set the settings are production-safe: DEBUG is off, no
host is allowed, and start-up fails without a real SECRET_KEY. Demo mode
(NEWSROOM_DEMO=1, set by ``make run``) allows demo data and accounts and keeps
a generated secret key in ``var/``. Every variable is listed in the README.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("NEWSROOM_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
DEMO_MODE = env_bool("NEWSROOM_DEMO")


def local_secret_key():
    """A key generated once per checkout and kept in var/, for demo and debug only."""
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or DEMO_MODE):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment, or run in demo mode (make run)."
        )
    SECRET_KEY = local_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if (DEBUG or DEMO_MODE) else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The public address, used where no request is at hand (mails, feeds built offline).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "newsroom",
    "pages",
    # The admin with a site that demands a second factor (newsroom.security).
    "newsroom.security.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "ckeditor",
    "reversion",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_static",
    "django_otp.plugins.otp_totp",
    "two_factor",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above WhiteNoise, so static files get the policy too, and early error responses
    # (400 for a foreign host) as well.
    "newsroom.security.middleware.NewsroomCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "newsroom.pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Order matters: responses pass upwards, so the ETag and 304 come last (issue 5).
    "django.middleware.http.ConditionalGetMiddleware",
    "newsroom.freshness.PublicCacheMiddleware",
    "newsroom.redirects.SlugRedirectFallbackMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Django's RedisCache, reusing its redis-py clients and missing while the server cannot be
    # reached (newsroom/pagecache/redis.py says why). The timeouts bound what a server that
    # drops packets costs a request; a cache answers on the same network in a millisecond.
    CACHES = {"default": {
        "BACKEND": "newsroom.pagecache.redis.RedisCache", "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Application cache tier (newsroom.pagecache) and front cache purging; README "Performance".
NEWSROOM_PAGE_CACHE = env_bool("NEWSROOM_PAGE_CACHE", True)
NEWSROOM_PAGE_CACHE_SECONDS = int(os.environ.get("NEWSROOM_PAGE_CACHE_SECONDS", "3600"))
NEWSROOM_PAGE_CACHE_PREFIXES = [
    "/pressemeldungen/", "/themen/", "/personen/", "/archiv/", "/suche/",
    "/sitemap", "/robots.txt", "/impressum/", "/datenschutz/", "/barrierefreiheit/", "/leichte-sprache/",
]
# Writes to models of these apps invalidate every cached public page.
NEWSROOM_PAGE_CACHE_APPS = ["newsroom", "pages"]
# Archive-wide figures (list counts, page indexes, public validators) kept per generation
# (newsroom.pagination.remembered); independent of the page cache.
NEWSROOM_COUNT_CACHE = env_bool("NEWSROOM_COUNT_CACHE", True)
NEWSROOM_PURGE_BACKEND = os.environ.get("NEWSROOM_PURGE_BACKEND", "")
NEWSROOM_PURGE_URLS = env_list("NEWSROOM_PURGE_URLS")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Django's two finders; the app one leaves out CKEditor's bundled HTML pages (newsroom.security).
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "newsroom.security.staticfiles.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Swapping "default" for django-storages' S3 backend moves media to object storage (README).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Press photos (newsroom.imaging): limits are checked before an upload is decoded.
# Pillow refuses more than about 179 megapixels on its own, whatever the limit here.
NEWSROOM_PHOTO_MAX_BYTES = int(os.environ.get("NEWSROOM_PHOTO_MAX_BYTES", 25 * 1024 * 1024))
NEWSROOM_PHOTO_MAX_PIXELS = int(os.environ.get("NEWSROOM_PHOTO_MAX_PIXELS", 50_000_000))
# Rendition widths in pixels, each made once at upload in WebP and JPEG.
NEWSROOM_PHOTO_WIDTHS = [int(width) for width in env_list("NEWSROOM_PHOTO_WIDTHS", "480,800,1200,1600")]

# Who the site speaks for: imprint, feeds and structured data use these.
NEWSROOM_PUBLISHER = os.environ.get("NEWSROOM_PUBLISHER", "Jobcenter Mayen-Koblenz")
NEWSROOM_FEED_ITEMS = 20
# Feed ids are tag: URIs (RFC 4151) under a domain the agency held on that date; never change it.
NEWSROOM_TAG_AUTHORITY = os.environ.get("NEWSROOM_TAG_AUTHORITY", "jobcenter-mayen-koblenz.de,2026")
# Seconds browsers and caches may reuse a public page or feed; cut short before a
# scheduled publication (newsroom.freshness.next_public_change).
NEWSROOM_PUBLIC_MAX_AGE = int(os.environ.get("NEWSROOM_PUBLIC_MAX_AGE", "300"))

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEMO_MODE else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "pressestelle@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")

# Editorial workflow. A one-person office may force publication without giving a
# reason; the override is recorded in the audit trail all the same.
NEWSROOM_FORCE_PUBLISH_WITHOUT_REASON = env_bool("NEWSROOM_FORCE_PUBLISH_WITHOUT_REASON")
NEWSROOM_SHARE_LINK_DAYS = int(os.environ.get("NEWSROOM_SHARE_LINK_DAYS", "7"))

CKEDITOR_CONFIGS = {
    "default": {
        # Only what a press release needs; the server-side sanitizer holds the line anyway.
        "toolbar": "Newsroom",
        "toolbar_Newsroom": [
            ["Format"],
            ["Bold", "Italic"],
            ["NumberedList", "BulletedList"],
            ["Link", "Unlink"],
            ["RemoveFormat"],
            ["Undo", "Redo"],
        ],
        "format_tags": "p;h3;h4",
        "versionCheck": False,
        # scayt and exportpdf call outside services; the others would allow raw HTML or uploads.
        "removePlugins": "scayt,exportpdf,wsc,sourcearea,sourcedialog,image,uploadimage,flash,iframe,forms",
        "removeDialogTabs": "link:advanced;link:target",
        "linkShowTargetTab": False,
        "linkShowAdvancedTab": False,
        "height": 220,
        "width": "100%",
        "language": "de",
    }
}

SILENCED_SYSTEM_CHECKS = [
    # django-ckeditor bundles CKEditor 4, past its end of life. The risk is contained:
    # every stored HTML fragment passes newsroom.sanitizer on every write path, the
    # toolbar has no source mode and no uploads, and public pages run no editor code.
    "ckeditor.W001",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}


# --- Security (issue 7; README "Security", SECURITY.md) -----------------------
# Production is the default: HTTPS settings come from the environment and are
# checked by `manage.py check --deploy`; demo mode and DEBUG relax only what a
# local http:// site needs.
LOCAL_MODE = DEBUG or DEMO_MODE

# Behind a TLS-terminating web server: trust its X-Forwarded-Proto and
# X-Forwarded-For (the login lock-out needs the client's real address).
NEWSROOM_BEHIND_PROXY = env_bool("NEWSROOM_BEHIND_PROXY")
if NEWSROOM_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"  # no address leaves the site with a click
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Cookies only staff ever get (public pages set none): never readable by scripts,
# never sent cross-site, and only over HTTPS outside demo mode and DEBUG.
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not LOCAL_MODE)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not LOCAL_MODE)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A staff session ends after this many seconds without a request.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(60 * 60)))
SESSION_SAVE_EVERY_REQUEST = True

# Content Security Policy (django-csp 4). Public pages run no script of their
# own and no inline code at all, so no 'unsafe-inline' and no nonces (a cached
# page would replay a nonce). JSON-LD data blocks are not scripts and need nothing.
_CSP_REPORT = {"report-uri": os.environ["CSP_REPORT_URI"]} if os.environ.get("CSP_REPORT_URI") else {}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "manifest-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        **({"upgrade-insecure-requests": True} if SECURE_SSL_REDIRECT else {}),
        **_CSP_REPORT,
    },
}
# The admin (and the staff sign-in below /admin/) gets a looser policy:
# CKEditor 4 builds its toolbar with inline event handlers and inline styles.
# Still no third-party source, no plugins, no framing by others.
NEWSROOM_ADMIN_PATH_PREFIX = "/admin/"
NEWSROOM_ADMIN_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    **_CSP_REPORT,
}

# django-permissions-policy: the site uses no powerful browser feature.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen",
        "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment",
        "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "usb", "xr-spatial-tracking",
    ]
}

# Login lock-out (django-axes): after AXES_FAILURE_LIMIT failed logins for one user
# name, or from one address, further attempts are refused for the cool-off time.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsroom.security.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "newsroom.security.client_ip.client_ip"
AXES_VERBOSE = False

# Two-factor sign-in (django-two-factor-auth on django-otp): TOTP apps plus
# one-time backup codes. Required for everyone who may publish (and superusers),
# for editors when NEWSROOM_2FA_FOR_EDITORS is on; never enforced in demo mode,
# so the demo accounts stay usable (README).
NEWSROOM_2FA_FOR_EDITORS = env_bool("NEWSROOM_2FA_FOR_EDITORS")
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "admin:index"
OTP_TOTP_ISSUER = NEWSROOM_PUBLISHER
# Our admin site sends staff to the two-factor login itself; no monkey-patching.
TWO_FACTOR_PATCH_ADMIN = False

# Legal pages (app "pages"): the page title is the h1, so their text starts at h2.
CKEDITOR_CONFIGS["legal_page"] = {**CKEDITOR_CONFIGS["default"], "format_tags": "p;h2;h3"}
