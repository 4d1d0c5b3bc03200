"""A search kind declared as an app declares one (tests/search/test_following.py adds it to
SEARCH_KINDS): intake places, with their 街镇 followed."""

from elasticsearch.dsl import Keyword

from registry_api.complaints.models import IntakePlace
from search.documents import INDEX_SETTINGS, SearchDocument
from search.kind import Follow, Kind
from search.sources import Source


class IntakePlaceDocument(SearchDocument):
    district_name = Keyword()

    class Index:
        name = "intake_place"
        settings = INDEX_SETTINGS


def intake_place_document(place: IntakePlace) -> IntakePlaceDocument:
    return IntakePlaceDocument(
        meta={"id": str(place.pk)},
        kind="intake_place",
        title=place.name,
        all_text=f"{place.name} {place.address}",
        district_name=place.district.name,
    )


INTAKE_PLACE = Kind(
    name="intake_place",
    label="受理点",
    document=IntakePlaceDocument,
    source=Source(
        kind="intake_place",
        rows=IntakePlace.objects.all,
        id_field="pk",
        updated_field="pk",
        related=("district",),
    ),
    present=intake_place_document,
    in_site_search=False,
    follows=(
        Follow(
            "enterprises.District",
            lambda district: district.intake_places.values_list("pk", flat=True),
        ),
    ),
)
