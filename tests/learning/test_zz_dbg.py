import re
import pytest
from django.contrib.auth.models import User
from tests.learning.pages import publish_lecture
pytestmark = pytest.mark.django_db
def test_dbg(client, learning):
    client.force_login(User.objects.create_superuser("x", password="y"))
    lecture = publish_lecture(learning)
    html = client.get(f"/admin/pages/{lecture.pk}/edit/").content.decode()
    i = html.find("transcript")
    print([m.start() for m in re.finditer("12:34|12\\\\u003A34|754", html)][:5])
    j = html.find("754"); print(html[j-300:j+100] if j > 0 else "no 754")
    k = html.find("segment"); print(html[k-100:k+300])
