"""Webhook subscriptions of partner-key clients to changes of public registry records."""
