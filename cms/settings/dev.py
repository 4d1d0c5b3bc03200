"""Development settings: debug on, and a secret generated once into an ignored file."""

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import BASE_DIR, SECRET_KEY, env_bool

DEBUG = env_bool("DEBUG", True)

if not SECRET_KEY:
    secret_file = BASE_DIR / ".secret_key"
    if not secret_file.exists():
        secret_file.write_text(get_random_secret_key())
        secret_file.chmod(0o600)
    SECRET_KEY = secret_file.read_text().strip()
