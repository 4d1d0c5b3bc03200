"""Registration for a place at something with a capacity (an event, a training session):
the shared core that each kind's concrete model, API and admin build on.

- `models`: the abstract `Registration` (name and phone, both private; organisation;
  confirmation code; status 已报名 / 已取消 / 已签到) and the abstract `RegistrationTarget`
  fields a registrable thing carries (名额, 开放报名, 报名截止).
- `services`: register under a short locked transaction that cannot oversell, cancel by
  code and phone, look up by code, mark attended.
- `serializers`: the public form, the receipt, the look-up and the availability; none of
  them carries a name or a phone.
- `views`: the API views a kind subclasses (availability + register, look-up, cancel).
- `admin`: the staff listing of a kind in the Wagtail admin (CSV, 标记签到).
- `urls`: the three routes of a kind.
"""
