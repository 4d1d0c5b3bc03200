"""API views: /api/v1/subscriptions/ (a partner key's webhooks), their ping and deliveries."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.pagination import RegistryCursorPagination
from registry_api.partners.authentication import partner_key

from . import selectors, services
from .models import Subscription
from .permissions import PartnerKeyOnlyPermission
from .serializers import (
    DeliverySerializer,
    SubscriptionCreatedSerializer,
    SubscriptionSerializer,
    SubscriptionWriteSerializer,
)

NOT_FOUND = "未找到该订阅（只能查看本密钥创建的订阅）。"


class SubscriptionPagination(RegistryCursorPagination):
    ordering = "-created_at"


class DeliveryPagination(RegistryCursorPagination):
    ordering = "-created_at"
    page_size = 20


@extend_schema_view(
    list=extend_schema(summary="本密钥的变更订阅"),
    retrieve=extend_schema(
        summary="一个变更订阅",
        responses={200: SubscriptionSerializer, 404: OpenApiResponse(description=NOT_FOUND)},
    ),
    create=extend_schema(
        summary="创建变更订阅（签名密钥仅在此次应答中出现）",
        request=SubscriptionWriteSerializer,
        responses={201: SubscriptionCreatedSerializer},
    ),
    update=extend_schema(
        summary="修改变更订阅",
        request=SubscriptionWriteSerializer,
        responses={200: SubscriptionSerializer},
    ),
    partial_update=extend_schema(
        summary="修改变更订阅的部分字段（关注名单、登记簿、启用）",
        request=SubscriptionWriteSerializer,
        responses={200: SubscriptionSerializer},
    ),
    destroy=extend_schema(summary="删除变更订阅（其投递记录一并删除）"),
)
class SubscriptionViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """A partner key's webhooks; another key's subscriptions answer 404, as if absent."""

    serializer_class = SubscriptionSerializer
    permission_classes = [PartnerKeyOnlyPermission]
    pagination_class = SubscriptionPagination

    def get_queryset(self):
        key = partner_key(self.request)
        if key is None:  # the schema generator, or a request the permission refuses
            return Subscription.objects.none()
        return selectors.key_subscriptions(key)

    def create(self, request, *args, **kwargs):
        serializer = SubscriptionWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        subscription, secret = services.subscription_create(
            key=partner_key(request), **serializer.validated_data
        )
        subscription.secret = secret
        return Response(
            SubscriptionCreatedSerializer(subscription).data, status=status.HTTP_201_CREATED
        )

    def update(self, request, *args, **kwargs):
        subscription = self.get_object()
        serializer = SubscriptionWriteSerializer(
            data=request.data, partial=kwargs.pop("partial", False)
        )
        serializer.is_valid(raise_exception=True)
        subscription = services.subscription_update(
            subscription=subscription, **serializer.validated_data
        )
        return Response(SubscriptionSerializer(subscription).data)

    def perform_destroy(self, instance):
        services.subscription_delete(subscription=instance)

    @extend_schema(
        summary="发送一个测试事件（ping），由后台投递",
        request=None,
        responses={202: DeliverySerializer, 404: OpenApiResponse(description=NOT_FOUND)},
    )
    @action(detail=True, methods=["post"])
    def ping(self, request, pk=None):
        delivery = services.subscription_ping(subscription=self.get_object())
        return Response(DeliverySerializer(delivery).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        summary="该订阅最近的投递及其状态", responses={200: DeliverySerializer(many=True)}
    )
    @action(detail=True, methods=["get"], pagination_class=DeliveryPagination)
    def deliveries(self, request, pk=None):
        deliveries = selectors.subscription_deliveries(self.get_object())
        page = self.paginate_queryset(deliveries)
        return self.get_paginated_response(DeliverySerializer(page, many=True).data)
