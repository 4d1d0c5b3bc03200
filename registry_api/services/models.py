"""Models of this registry (see apps.py)."""
