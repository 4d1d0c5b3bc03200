"""`make run`'s front server passes the /forms/ pages, GET and POST, on to Django."""

import requests

from tests.front.test_front_server import front, site, upstream  # noqa: F401 (fixtures)


def test_the_forms_pages_are_the_applications(front):  # noqa: F811
    assert requests.get(front + "/forms/complaints/track/?code=X").json()["path"] == (
        "/forms/complaints/track/"
    )
    posted = requests.post(front + "/forms/consultations/", data={"subject": "手续"}).json()
    assert posted["method"] == "POST" and posted["path"] == "/forms/consultations/"
