"""The Wagtail API v2 router, mounted at /api/cms/v2/.

Wagtail refuses most bad parameters itself (400, put in the error format by
core/error_envelope.py). A few reached the database or the search backend and answered 500
(found by hand against `make run`): an offset past any database integer, a search text the
SQLite full-text syntax cannot read (an unpaired `"`, a NUL), and a `search_operator` other
than `and`/`or`. `CheckedParameters` refuses those first.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

# Far beyond any listing here (a few thousand pages), far below the database's integer.
MAX_OFFSET = 10**9
SEARCH_OPERATORS = ("and", "or")


def search_text_problem(text: str) -> str | None:
    """Why the search text cannot be searched, or None."""
    if any(ord(char) < 32 and char not in "\t\n\r" for char in text):
        return "search must not contain control characters"
    if text.count('"') % 2:
        return 'search has an unpaired quotation mark (")'
    return None


class CheckedParameters:
    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        parameters = self.request.GET
        offset = parameters.get("offset", "")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        if "search" in parameters:
            problem = search_text_problem(parameters["search"])
            if problem:
                raise BadRequestError(problem)
        operator = parameters.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")


class CheckedPagesAPIViewSet(CheckedParameters, PagesAPIViewSet):
    pass


class CheckedImagesAPIViewSet(CheckedParameters, ImagesAPIViewSet):
    pass


class CheckedDocumentsAPIViewSet(CheckedParameters, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CheckedPagesAPIViewSet)
api_router.register_endpoint("images", CheckedImagesAPIViewSet)
api_router.register_endpoint("documents", CheckedDocumentsAPIViewSet)
