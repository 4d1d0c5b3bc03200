"""Page types of this section (see apps.py)."""
