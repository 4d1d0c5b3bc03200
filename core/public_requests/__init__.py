"""A public request: what a member of the public sends through a form of the site and staff
work through in the admin (a consultation, an idle-mark inquiry, a trademark-pledge
consultation, a credit repair application).

Each kind owns its model, fields, statuses and service; what they share lives here, one
layer a module:

- `models`: the abstract `PublicRequest` (submission time, change time, newest first) and
  the field of the reference code the submitter is given (`core.codes.dated_reference`).
- `serializers`: the base submission serializer (the honeypot, the contact phone check) and
  the receipt the API answers with.
- `views`: the submit action's throttle (rate from a setting) and its answer: the receipt as
  JSON, or a Chinese HTML page for a browser's form post without JavaScript.
- `queue`: the staff queue of a kind in the Wagtail admin.
"""
