"""The /forms/ pages: the public forms' answers without JavaScript (mounted in cms/urls.py)."""

from django.urls import path

import core.converters  # noqa: F401  (registers the <row_id:…> path converter)

from .complaints import ComplaintFormPage, ComplaintTrackPage
from .consultations import ConsultationAskPage, ConsultationLookupPage
from .ecommerce import OnlineShopApplyPage, OnlineShopLookupPage
from .events import EventRegistrationPage
from .finance import FinancingNeedLookupPage, FinancingNeedPostPage
from .jobs import JobDemandLookupPage, JobDemandPostPage
from .registrations import registration_cancel_page, registration_lookup_page
from .trademarks import SimilarCheckPage
from .trainings import TrainingRegistrationPage

urlpatterns = [
    path("complaints/", ComplaintFormPage.as_view(), name="complaint-form-page"),
    path("complaints/track/", ComplaintTrackPage.as_view(), name="complaint-track-page"),
    path(
        "consultations/",
        ConsultationAskPage.as_view({"get": "list", "post": "create"}),
        name="consultation-ask-page",
    ),
    path(
        "consultations/lookup/",
        ConsultationLookupPage.as_view(),
        name="consultation-lookup-page",
    ),
    path(
        "jobs/", JobDemandPostPage.as_view({"get": "list", "post": "create"}), name="job-post-page"
    ),
    path("jobs/lookup/", JobDemandLookupPage.as_view(), name="job-lookup-page"),
    path(
        "ecommerce/",
        OnlineShopApplyPage.as_view({"get": "list", "post": "create"}),
        name="ecommerce-apply-page",
    ),
    path("ecommerce/lookup/", OnlineShopLookupPage.as_view(), name="ecommerce-lookup-page"),
    path(
        "finance/needs/",
        FinancingNeedPostPage.as_view({"get": "list", "post": "create"}),
        name="financing-need-post-page",
    ),
    path(
        "finance/needs/lookup/",
        FinancingNeedLookupPage.as_view({"get": "lookup"}),
        name="financing-need-lookup-page",
    ),
    path("trademarks/similar/", SimilarCheckPage.as_view(), name="trademark-similar-page"),
    path(
        "events/<row_id:pk>/register/",
        EventRegistrationPage.as_view(),
        name="event-registration-page",
    ),
    path("registrations/", registration_lookup_page, name="registration-lookup-page"),
    path("registrations/cancel/", registration_cancel_page, name="registration-cancel-page"),
    path(
        "trainings/<row_id:pk>/register/",
        TrainingRegistrationPage.as_view(),
        name="training-registration-page",
    ),
]
