"""One settings module, driven by environment variables.

SEEDBED_DB            SQLite file (default ./seedbed.sqlite3), used unless DATABASE_URL is set
DATABASE_URL          e.g. postgres://postgres@127.0.0.1:5432/seedbed
SEEDBED_SECRET_KEY    Django secret key; otherwise one is generated once and kept
                      in .seedbed-secret-key beside the SQLite file (or in the working
                      directory when PostgreSQL is used)
SEEDBED_DEBUG         "1" to turn Django's debug pages on (never in production)
SEEDBED_ALLOWED_HOSTS comma-separated host names (default: localhost, 127.0.0.1)
SEEDBED_EMAIL_BACKEND Django e-mail backend (default: the console backend; for a real mail
                      server: django.core.mail.backends.smtp.EmailBackend)
SEEDBED_EMAIL_HOST    SMTP server (default: localhost), with SEEDBED_EMAIL_PORT (default: 25),
                      SEEDBED_EMAIL_HOST_USER and SEEDBED_EMAIL_HOST_PASSWORD (default: none)
                      and SEEDBED_EMAIL_USE_TLS ("1" for STARTTLS, e.g. on port 587)
SEEDBED_DEFAULT_FROM_EMAIL the sender of Seedbed's e-mails (default: seedbed@localhost)
"""
import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


SQLITE_PATH = Path(os.environ.get("SEEDBED_DB") or "seedbed.sqlite3").expanduser().resolve()

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
    _state_dir = Path.cwd()
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(SQLITE_PATH),
            "OPTIONS": {
                # WAL lets the web server read while an import writes; IMMEDIATE avoids
                # "database is locked" upgrades inside write transactions.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
    _state_dir = SQLITE_PATH.parent


def _secret_key() -> str:
    if os.environ.get("SEEDBED_SECRET_KEY"):
        return os.environ["SEEDBED_SECRET_KEY"]
    path = _state_dir / ".seedbed-secret-key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(key)
        except FileExistsError:
            return path.read_text().strip()
        except OSError:
            pass  # read-only location: a per-process key still works, sessions just don't survive restarts
        return key


SECRET_KEY = _secret_key()
DEBUG = env_bool("SEEDBED_DEBUG")
ALLOWED_HOSTS = env_list("SEEDBED_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",  # django-axes: records failed logins and locks out repeated guessing
    "seedbed.core",
    "seedbed.people",
    "seedbed.activity",
    "seedbed.groups",
    "seedbed.mentoring",
    "seedbed.accounts",
    "seedbed.recognition",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires: turns a lockout into its response
]

ROOT_URLCONF = "seedbed.urls"
WSGI_APPLICATION = "seedbed.wsgi.application"

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
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"  # stewards go on to the people, members to their own page
LOGOUT_REDIRECT_URL = "login"

# Login throttling by django-axes. Its backend comes first: it refuses a locked-out login
# before ModelBackend checks the password (it needs the request, as every login view passes).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5  # the fifth failure (with no success in between) locks out
# A lockout lasts until 15 minutes after the latest failure (so attempts while locked out start
# the 15 minutes again); 15 minutes without a failure also clear a count below the limit.
AXES_COOLOFF_TIME = timedelta(minutes=15)
# Count and lock per (username, client address) pair: guessing one user's password from one
# address locks neither other users there nor that user elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True  # a successful login forgets earlier failures
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"  # a friendly page instead of a bare text response
AXES_HTTP_RESPONSE_CODE = 429  # Too Many Requests (django-axes' default, stated here on purpose)

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# No STATIC_ROOT: whitenoise's finders serve the package's own static files directly, so a
# laptop install needs no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
EMAIL_BACKEND = os.environ.get("SEEDBED_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("SEEDBED_EMAIL_HOST") or "localhost"
EMAIL_PORT = int(os.environ.get("SEEDBED_EMAIL_PORT") or 25)
EMAIL_HOST_USER = os.environ.get("SEEDBED_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SEEDBED_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("SEEDBED_EMAIL_USE_TLS")
EMAIL_TIMEOUT = 30  # seconds: a mail server that does not answer must not hang a page
DEFAULT_FROM_EMAIL = os.environ.get("SEEDBED_DEFAULT_FROM_EMAIL") or "seedbed@localhost"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
