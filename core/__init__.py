"""The floor every app stands on: what the CMS, the registries and search all share.

The API's error format (`errors`, `error_envelope`, `text`), cheap conditional GET
(`conditional`), list exports (`export`), cursor pagination (`pagination`), request parsers
(`parsers`), shared throttle counters (`throttling`), OpenAPI helpers (`openapi`), masking of
personal data (`privacy`), image checks (`images`), public form helpers (`public_forms`),
on-commit collection (`on_commit`) and the static site's item paths (`site_urls`).

`core` imports no app of this project (`make lint` checks it with import-linter): an app
may use everything here, nothing here may know an app. See docs/decisions/0018.
"""
