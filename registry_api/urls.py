"""The registry API, mounted at /api/v1/: one router for every registry, plus schema and docs.
The CMS's own endpoints under /api/v1/ (reports, contracts) are mounted beside it, in cms/urls.py:
the registries know nothing of the CMS."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from registry_api.audit.views import DeletionListView
from registry_api.complaints.views import (
    ComplaintSubmitView,
    ComplaintTrackView,
    IntakePlaceListView,
)
from registry_api.credit.views import CreditRecordViewSet, RepairApplicationViewSet
from registry_api.ecommerce.views import OnlineShopLookupView, OnlineShopViewSet
from registry_api.enterprises.views import DistrictViewSet, EnterpriseViewSet
from registry_api.exchange.views import IdleListingViewSet
from registry_api.finance.views import (
    ChattelMortgageViewSet,
    EquityPledgeViewSet,
    FinancingNeedViewSet,
    LoanProductViewSet,
    TrademarkPledgeViewSet,
)
from registry_api.jobs.views import JobDemandLookupView, JobDemandViewSet
from registry_api.services.views import (
    AgencyViewSet,
    ConsultationLookupView,
    ConsultationViewSet,
)
from registry_api.trademarks.statistics_views import TrademarkStatisticsView
from registry_api.trademarks.views import TrademarkViewSet
from registry_api.vocabulary import VocabularyView

router = DefaultRouter()
router.register("districts", DistrictViewSet, basename="district")
router.register("enterprises", EnterpriseViewSet, basename="enterprise")
router.register("equity-pledges", EquityPledgeViewSet, basename="equity-pledge")
router.register("chattel-mortgages", ChattelMortgageViewSet, basename="chattel-mortgage")
router.register("loan-products", LoanProductViewSet, basename="loan-product")
router.register("financing-needs", FinancingNeedViewSet, basename="financing-need")
router.register("agencies", AgencyViewSet, basename="agency")
router.register("consultations", ConsultationViewSet, basename="consultation")
router.register("job-demands", JobDemandViewSet, basename="job-demand")
router.register("credit-records", CreditRecordViewSet, basename="credit-record")
router.register("trademarks", TrademarkViewSet, basename="trademark")
router.register("trademark-pledges", TrademarkPledgeViewSet, basename="trademark-pledge")
router.register("idle-marks", IdleListingViewSet, basename="idle-mark")
router.register("online-shops", OnlineShopViewSet, basename="online-shop")
router.register(
    "credit-repair-applications", RepairApplicationViewSet, basename="credit-repair-application"
)

urlpatterns = [
    # Before the router: its trademarks/<pk>/ route would take "statistics" for a pk.
    path(
        "trademarks/statistics/",
        TrademarkStatisticsView.as_view(),
        name="trademark-statistics",
    ),
    path("complaints/", ComplaintSubmitView.as_view(), name="complaint-submit"),
    path("complaints/track/<str:code>/", ComplaintTrackView.as_view(), name="complaint-track"),
    path("complaints/places/", IntakePlaceListView.as_view(), name="complaint-place-list"),
    path(
        "consultations/lookup/<str:code>/",
        ConsultationLookupView.as_view(),
        name="consultation-lookup",
    ),
    path(
        "job-demands/lookup/<str:code>/",
        JobDemandLookupView.as_view(),
        name="job-demand-lookup",
    ),
    path(
        "online-shops/lookup/<str:code>/",
        OnlineShopLookupView.as_view(),
        name="online-shop-lookup",
    ),
    # The village and community network's apps route their own resources.
    path("", include("registry_api.network.urls")),
    path("", include("registry_api.training.urls")),
    path("", include("registry_api.stalls.urls")),
    path("", include("registry_api.assessment.urls")),
    path("", include("registry_api.subscriptions.urls")),
    path("", include(router.urls)),
    path("deletions/", DeletionListView.as_view(), name="deletion-list"),
    path("vocabulary/", VocabularyView.as_view(), name="vocabulary"),
    path("search/", include("search.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]
