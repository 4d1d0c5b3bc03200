"""Settings of `make run` on one machine: served like production (DEBUG off unless DEBUG=1 is
set), with a secret generated once into an ignored file."""

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import BASE_DIR, SECRET_KEY, env_bool

DEBUG = env_bool("DEBUG", False)

if not SECRET_KEY:
    secret_file = BASE_DIR / ".secret_key"
    if not secret_file.exists():
        secret_file.write_text(get_random_secret_key())
        secret_file.chmod(0o600)
    SECRET_KEY = secret_file.read_text().strip()

# bench/api_enterprises.py compares the API with plain-Django twins of it (public data only).
API_BASELINES = True
