"""API views of 融资服务: equity pledges, historical mortgages, loan products, financing needs."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from registry_api.pagination import RegistryCursorPagination

from . import selectors, services
from .filters import (
    ChattelMortgageFilter,
    EquityPledgeFilter,
    FinancingNeedFilter,
    LoanProductFilter,
)
from .serializers import (
    ChattelMortgageSerializer,
    ChattelMortgageWriteSerializer,
    EquityPledgeSerializer,
    EquityPledgeWriteSerializer,
    FinancingNeedSerializer,
    FinancingNeedWriteSerializer,
    LoanProductSerializer,
    LoanProductWriteSerializer,
    MatchSerializer,
)


class IdPagination(RegistryCursorPagination):
    ordering = "-id"


class RecordViewSet(viewsets.ModelViewSet):
    """Reads are public; writes need a staff user or API token with the model permission."""

    pagination_class = IdPagination
    write_serializer_class = None

    def get_serializer_class(self):
        if self.action in ("create", "update", "partial_update"):
            return self.write_serializer_class
        return self.serializer_class

    def _respond(self, record, code: int) -> Response:
        return Response(
            self.serializer_class(record, context=self.get_serializer_context()).data, status=code
        )

    def create(self, request, *args, **kwargs):
        serializer = self.write_serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        model = self.write_serializer_class.Meta.model
        record = services.record_create(model, **serializer.validated_data)
        return self._respond(record, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        record = self.get_object()
        partial = kwargs.pop("partial", False)
        serializer = self.write_serializer_class(record, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        record = services.record_update(record=record, **serializer.validated_data)
        return self._respond(record, status.HTTP_200_OK)

    def destroy(self, request, *args, **kwargs):
        services.record_delete(record=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="股权出质登记（游标分页）"),
    retrieve=extend_schema(summary="股权出质登记详情"),
)
class EquityPledgeViewSet(RecordViewSet):
    queryset = selectors.equity_pledge_list()
    serializer_class = EquityPledgeSerializer
    write_serializer_class = EquityPledgeWriteSerializer
    filterset_class = EquityPledgeFilter
    ordering_fields = ["id", "registered_on", "amount", "updated_at"]


@extend_schema_view(
    list=extend_schema(summary="动产抵押登记历史记录（2021年1月1日前，游标分页）"),
    retrieve=extend_schema(summary="动产抵押登记历史记录详情"),
)
class ChattelMortgageViewSet(RecordViewSet):
    queryset = selectors.chattel_mortgage_list()
    serializer_class = ChattelMortgageSerializer
    write_serializer_class = ChattelMortgageWriteSerializer
    filterset_class = ChattelMortgageFilter
    ordering_fields = ["id", "registered_on", "secured_amount", "updated_at"]


@extend_schema_view(
    list=extend_schema(summary="贷款产品（游标分页）"),
    retrieve=extend_schema(summary="贷款产品详情"),
)
class LoanProductViewSet(RecordViewSet):
    queryset = selectors.loan_product_list()
    serializer_class = LoanProductSerializer
    write_serializer_class = LoanProductWriteSerializer
    filterset_class = LoanProductFilter
    ordering_fields = ["id", "rate_min", "amount_max", "updated_at"]


INCLUDE_PARAMETER = OpenApiParameter(
    "include",
    OpenApiTypes.STR,
    description="matches：每条需求附带匹配度最高的3个贷款产品",
    enum=["matches"],
)


@extend_schema_view(
    list=extend_schema(summary="融资需求（游标分页）", parameters=[INCLUDE_PARAMETER]),
    retrieve=extend_schema(summary="融资需求详情", parameters=[INCLUDE_PARAMETER]),
)
class FinancingNeedViewSet(RecordViewSet):
    queryset = selectors.financing_need_list()
    serializer_class = FinancingNeedSerializer
    write_serializer_class = FinancingNeedWriteSerializer
    filterset_class = FinancingNeedFilter
    ordering_fields = ["id", "published_on", "amount", "updated_at"]

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.request is not None and self.request.query_params.get("include") == "matches":
            # One query for the products, shared by every need of the page.
            context["match_products"] = selectors.active_loan_products()
        return context

    @extend_schema(summary="为融资需求匹配贷款产品", responses={200: MatchSerializer(many=True)})
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def matches(self, request, pk=None):
        """Active products ranked for the need; those failing a hard constraint come last."""
        matches = selectors.financing_need_matches(self.get_object())
        return Response(MatchSerializer(matches, many=True).data)
