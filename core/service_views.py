"""Viewset writes that go through an app's service functions and answer with the read shape."""

from rest_framework import status
from rest_framework.response import Response

WRITE_ACTIONS = ("create", "update", "partial_update")


class ServiceWriteMixin:
    """Create and update validate the body with `write_serializer_class`, save through the
    view's `service_create` / `service_update` (the app's services, the model's rules) and
    answer with `serializer_class`, the public shape."""

    write_serializer_class = None

    def get_serializer_class(self):
        if self.action in WRITE_ACTIONS:
            return self.write_serializer_class
        return self.serializer_class

    def write_data(self, request):
        """The body a create validates; a view may fill in what the caller implies."""
        return request.data

    def service_create(self, validated: dict):
        raise NotImplementedError

    def service_update(self, instance, validated: dict):
        raise NotImplementedError

    def read_response(self, instance, code: int) -> Response:
        data = self.serializer_class(instance, context=self.get_serializer_context()).data
        return Response(data, status=code)

    def create(self, request, *args, **kwargs):
        serializer = self.write_serializer_class(data=self.write_data(request))
        serializer.is_valid(raise_exception=True)
        instance = self.service_create(serializer.validated_data)
        return self.read_response(instance, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        instance = self.get_object()
        partial = kwargs.pop("partial", False)
        serializer = self.write_serializer_class(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        instance = self.service_update(instance, serializer.validated_data)
        return self.read_response(instance, status.HTTP_200_OK)


class ServiceDestroyMixin:
    """Delete goes through the view's `service_delete`, which may refuse (e.g. 409)."""

    def service_delete(self, instance) -> None:
        raise NotImplementedError

    def destroy(self, request, *args, **kwargs):
        self.service_delete(self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
