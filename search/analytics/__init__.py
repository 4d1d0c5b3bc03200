"""Search analytics without personal data: what is searched, what finds nothing, what is clicked."""
