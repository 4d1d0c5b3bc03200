"""drf-spectacular hooks: the schema at /api/v1/schema/ describes the registry API, nothing else.

Wagtail's admin API and its content API v2 (/api/cms/v2/) are views drf-spectacular cannot
describe (their serializers exist only inside a routed request); Wagtail documents them itself.
"""

API_PREFIX = "/api/v1/"


def registry_endpoints_only(endpoints):
    """PREPROCESSING_HOOKS: keep the endpoints under /api/v1/."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]
