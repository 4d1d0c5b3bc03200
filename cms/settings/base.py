"""Settings shared by every environment; the environment is read here and only here."""

import os
import tomllib
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Everything this installation writes (database, cache, media, sockets); VAR_DIR moves it, e.g.
# to run a second platform beside the first for a benchmark.
VAR_DIR = Path(os.environ.get("VAR_DIR", str(BASE_DIR / "var")))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
# Plain-Django twins of two API views for bench/api_enterprises.py (cms/urls.py).
API_BASELINES = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list(
    "CSRF_TRUSTED_ORIGINS", ["http://127.0.0.1:8000", "http://localhost:8000"]
)

INSTALLED_APPS = [
    "cms.pages",
    "cms.guides",
    "cms.legal",
    "cms.learning",
    "cms.showcase",
    "cms.reports",
    "cms.publishing",
    "registry_api.enterprises",
    "registry_api.credit",
    "registry_api.finance",
    "registry_api.trademarks",
    "registry_api.exchange",
    "registry_api.services",
    "registry_api.partners",
    "registry_api.audit",
    "registry_api.workdays",
    "registry_api.complaints",
    "registry_api.network",
    "registry_api.training",
    "registry_api.stalls",
    "registry_api.assessment",
    "registry_api.subscriptions",
    "registry_api.ecommerce",
    "registry_api.jobs",
    "search",
    "search.mirror",
    "search.analytics",
    "cms.dashboard",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "search.timing.ServerTimingMiddleware",
    "core.error_envelope.ApiErrorEnvelopeMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "registry_api.audit.middleware.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates", BASE_DIR / "core" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite by default; DATABASE_URL (e.g. postgres://user@host:5432/name) switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the task worker writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE", "timeout": 20}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文")]
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", "简体中文")]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail -------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "红山区市场监督管理局"
# The public origin of the platform: admin e-mails, API links, feed and sitemap addresses.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
# The admin's own search uses the database backend (see docs/decisions/0003);
# public search is ours, in `search/`.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# mp4 and webm: lecture videos (网上大讲堂), played by the site's HTML5 player.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "pptx", "xlsx", "mp4", "webm"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Refused before decoding: a small file that expands to a huge bitmap (a decompression bomb).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100

# --- Cache ---------------------------------------------------------------------------------
# One cache every process sees (gunicorn workers, the task worker): throttle counters and other
# short-lived shared state. Embedded by default (files under var/cache); CACHE_URL is not read:
# a deployment with Redis sets CACHES in its own settings module.
CACHES = {
    "default": {
        "BACKEND": "core.cache.FolderCache",
        "LOCATION": os.environ.get("CACHE_DIR", str(VAR_DIR / "cache")),
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 100_000, "CULL_FREQUENCY": 10},
    }
}

# --- Background tasks ----------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Webhook receivers on loopback or private networks (registry_api/subscriptions/targets.py):
# refused unless this is on, as it is in the test settings (their receivers are on 127.0.0.1).
SUBSCRIPTION_ALLOW_PRIVATE_TARGETS = env_bool("SUBSCRIPTION_ALLOW_PRIVATE_TARGETS", False)

# --- REST framework ------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "registry_api.partners.authentication.PartnerKeyAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"
    ],
    # Each partner key at its own rate (PartnerKey.rate); other callers are not counted by it.
    # Anonymous reads per client address at REGISTRY_ANON_READ_RATE (loopback without
    # X-Forwarded-For, i.e. this machine's own processes, exempt: docs/operations.md).
    "DEFAULT_THROTTLE_CLASSES": [
        "registry_api.partners.throttling.PartnerKeyRateThrottle",
        "core.throttling.AnonymousReadThrottle",
    ],
    # Proxies in front of gunicorn that append to X-Forwarded-For (the front web server).
    "NUM_PROXIES": int(os.environ.get("API_NUM_PROXIES", "1")),
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # A JSON body is one object; no body holds NUL or lone surrogates (core/parsers.py).
    "DEFAULT_PARSER_CLASSES": [
        "core.parsers.JSONObjectParser",
        "core.parsers.CheckedFormParser",
        "core.parsers.CheckedMultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "core.openapi_schema.RegistrySchema",
    "EXCEPTION_HANDLER": "core.errors.api_exception_handler",
    "UNICODE_JSON": True,
    "DEFAULT_PAGINATION_CLASS": "core.pagination.RegistryCursorPagination",
    "PAGE_SIZE": 50,
}
# Anonymous reads of the API per client address ("N/s|min|hour|day"); keyed reads use the key's.
REGISTRY_ANON_READ_RATE = os.environ.get("REGISTRY_ANON_READ_RATE", "600/min")
# Complaint intake abuse limits (registry_api/complaints/throttling.py).
COMPLAINT_SUBMIT_RATE = os.environ.get("COMPLAINT_SUBMIT_RATE", "20/hour")
COMPLAINT_PHONE_RATE = os.environ.get("COMPLAINT_PHONE_RATE", "5/day")
COMPLAINT_TRACK_RATE = os.environ.get("COMPLAINT_TRACK_RATE", "30/hour")
# Public request forms, per client address (core/public_requests/views.py).
CONSULTATION_SUBMIT_RATE = os.environ.get("CONSULTATION_SUBMIT_RATE", "10/hour")
IDLE_INQUIRY_SUBMIT_RATE = os.environ.get("IDLE_INQUIRY_SUBMIT_RATE", "10/hour")
TRADEMARK_PLEDGE_CONSULTATION_RATE = os.environ.get("TRADEMARK_PLEDGE_CONSULTATION_RATE", "10/hour")
FINANCING_NEED_SUBMIT_RATE = os.environ.get("FINANCING_NEED_SUBMIT_RATE", "10/hour")
CREDIT_REPAIR_SUBMIT_RATE = os.environ.get("CREDIT_REPAIR_SUBMIT_RATE", "10/hour")
ECOMMERCE_SUBMIT_RATE = os.environ.get("ECOMMERCE_SUBMIT_RATE", "10/hour")
JOB_DEMAND_SUBMIT_RATE = os.environ.get("JOB_DEMAND_SUBMIT_RATE", "10/hour")
# Event and training registrations (core/registrations/views.py).
REGISTRATION_SUBMIT_RATE = os.environ.get("REGISTRATION_SUBMIT_RATE", "10/hour")
# ... and per phone number in the body, for each kind (the number only as a keyed digest).
PUBLIC_REQUEST_PHONE_RATE = os.environ.get("PUBLIC_REQUEST_PHONE_RATE", "5/day")
# The same content from the same phone (else address) within this window is refused
# (core/duplicates.py): complaints and every public request form. 0 turns the check off.
DUPLICATE_SUBMISSION_MINUTES = int(os.environ.get("DUPLICATE_SUBMISSION_MINUTES", "30"))
# Public computations per client address (core.throttling.PublicDoorThrottle): a similarity
# check costs seconds of engine work, a contract fill-in renders a DOCX.
TRADEMARK_SIMILAR_RATE = os.environ.get("TRADEMARK_SIMILAR_RATE", "20/hour")
CONTRACT_FILL_RATE = os.environ.get("CONTRACT_FILL_RATE", "30/hour")
SPECTACULAR_SETTINGS = {
    # ASCII: client generators (openapi-python-client) name their package after the title.
    "TITLE": "Hongshan Registry API",
    "DESCRIPTION": (
        "红山区市场监督管理局 开放数据接口。"
        "Registry API of the Hongshan District Market Supervision Administration. "
        "Errors: every status of 400 or more answers the `Error` component (docs/api.md)."
    ),
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "EXTENSIONS_INFO": {"x-title-zh": "红山区市场监督管理局 开放数据接口"},
    "PREPROCESSING_HOOKS": ["core.openapi_hooks.registry_endpoints_only"],
    # Choice sets sharing a field name get a name each (else drf-spectacular hashes one).
    "ENUM_NAME_OVERRIDES": {
        "ComplaintKindEnum": "registry_api.complaints.models.Kind",
        "ComplaintCategoryEnum": "registry_api.complaints.models.Category",
        "CreditCategoryEnum": "registry_api.credit.models.Category",
        "EnterpriseStatusEnum": "registry_api.enterprises.models.Enterprise.Status",
        "RegistrationStatusEnum": "registry_api.finance.models.RecordStatus",
        "FinancingNeedStatusEnum": "registry_api.finance.models.FinancingNeed.Status",
        "TrademarkPledgeStatusEnum": "registry_api.finance.models.TrademarkPledge.Status",
        "CollateralEnum": "registry_api.finance.models.Collateral",
        "AgencyKindEnum": "registry_api.services.models.Agency.Kind",
        # Not "…TradeEnum": "ade" before "Enum" reads as drf-spectacular's hash suffix.
        "JobTradesEnum": "registry_api.jobs.models.Trade",
        "ShopCategoryEnum": "registry_api.ecommerce.models.Category",
    },
    # A row's id in a path (core/converters.py): an integer the database can hold.
    "PATH_CONVERTER_OVERRIDES": {
        "row_id": {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
    },
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Search --------------------------------------------------------------------------------
# Unset means the local noida-db engine, which `make run` / `make test` start themselves.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "hongshan")
# A public request's engine call waits for a slot and answers within this many seconds, or the
# API answers 503 with Retry-After (search/client.py). Slots: engine calls at once per process.
SEARCH_BUDGET_SECONDS = float(os.environ.get("SEARCH_BUDGET_SECONDS", "3"))
SEARCH_CONCURRENCY = int(os.environ.get("SEARCH_CONCURRENCY", "1"))
# Seconds a site-wide search answer is reused for the same request while the index is
# unchanged (search/result_cache.py); 0 turns the cache off.
SEARCH_RESULT_SECONDS = int(os.environ.get("SEARCH_RESULT_SECONDS", "300"))
# The search kinds, in the order the public sees them (result tabs, the API's `kinds`): each
# app declares its own next to its models, in its `search.py` (search/registry.py).
SEARCH_KINDS = [
    "cms.pages.search.NEWS",
    "registry_api.enterprises.search.ENTERPRISE",
    "cms.pages.search.NOTICE",
    "cms.guides.search.GUIDE",
    "cms.learning.search.LECTURE",
    "cms.learning.search.EVENT",
    "cms.showcase.search.STORY",
    "cms.legal.search.LAW",
    "cms.legal.search.CONTRACT",
    "registry_api.credit.search.CREDIT_RECORD",
    "registry_api.finance.search.EQUITY_PLEDGE",
    "registry_api.finance.search.LOAN_PRODUCT",
    "registry_api.services.search.AGENCY",
    "registry_api.services.search.CONSULTATION",
    "registry_api.jobs.search.JOB_DEMAND",
    "registry_api.network.search.STATION",
    "registry_api.stalls.search.STALL_CARD",
    "registry_api.trademarks.search.TRADEMARK",
    "registry_api.exchange.search.IDLE_LISTING",
    "registry_api.ecommerce.search.ONLINE_SHOP",
    "cms.reports.search.REPORT",
]

# --- Static site ---------------------------------------------------------------------------
# The Pelican build reads the public API at this address and writes below SITE_OUTPUT_DIR.
SITE_DIR = BASE_DIR / "site"
SITE_OUTPUT_DIR = Path(os.environ.get("SITE_OUTPUT_DIR", str(SITE_DIR / "output")))
SITE_API_URL = os.environ.get("SITE_API_URL", "http://127.0.0.1:8000")
# The warm build process (`site/build.py --serve`, started by run_platform) listens here; the
# worker builds in a child process when nothing answers (cms/publishing/builder.py).
SITE_BUILDER_SOCKET = Path(
    os.environ.get("SITE_BUILDER_SOCKET", str(VAR_DIR / "run" / "site-builder.sock"))
)
# Public URLs of items on the static site; the Pelican theme writes the same paths.
# Where items live on the static site, from the file the site build reads too.
with open(BASE_DIR / "site" / "urls.toml", "rb") as _site_urls:
    SITE_URL_PATTERNS = {
        name: "/" + path for name, path in tomllib.load(_site_urls)["urls"].items()
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"elastic_transport": {"level": "WARNING"}},
}
