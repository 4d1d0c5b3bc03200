"""/forms/trainings/<id>/register/: a 大讲堂 session's registration posted without JavaScript."""

from __future__ import annotations

from registry_api.training.selectors import session_public_list
from registry_api.training.serializers import TrainingSessionSerializer
from registry_api.training.views import TrainingRegistrationView, session_site_url

from .pages import site_forms_module
from .registrations import RegistrationPageMixin


def session_summary(pk: int) -> dict:
    """The session as /api/v1/trainings/<id>/ gives it to the build (places as they are
    now), with its place on the 大讲堂 list."""
    session = session_public_list().get(pk=pk)
    return {**TrainingSessionSerializer(session).data, "url": session_site_url(pk)}


class TrainingRegistrationPage(RegistrationPageMixin, TrainingRegistrationView):
    """Answered with the 报名确认码 or the form again; GET goes to the 大讲堂 list."""

    def built_page(self, pk: int) -> str:
        return session_site_url(pk)

    def render_target(self, target, **context) -> str:
        return site_forms_module().render_training_registration(
            session=session_summary(target.pk), **context
        )
