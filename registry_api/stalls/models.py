"""Models of the stalls app."""
