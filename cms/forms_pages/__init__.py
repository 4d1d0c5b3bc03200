"""The public forms without JavaScript: Django pages under /forms/ in the static site's look.

Each page is the API view it stands for, subclassed (`pages.SitePageMixin`): the same
serializer, throttles, parsers, duplicate refusal and service call, with the API's answer,
success or error envelope, rendered through the static site's templates
(site/plugins/hongshan_api/forms_pages.py) instead of JSON.
"""
