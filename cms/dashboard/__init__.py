"""The staff dashboard: the Wagtail admin home shows each user the work waiting for them."""
