"""Search kind "station": the consumer-rights service stations (消费维权服务站).

A station's document holds what its public page shows of it (name, 街镇, community or
village, address, hours, services, office phone) and links to /stations/<code>/. Its people
are not in the index: a person's name is shown on the station's page only, and only with
their consent. Closed stations (已撤销) are not indexed.
"""

from elasticsearch.dsl import Keyword

from registry_api.network.models import Station
from search.documents import SearchDocument, index_options
from search.fields import DistrictFields, district_fields
from search.kind import Follow, row_kind
from search.presenters import join_text, row_document


class StationDocument(SearchDocument, DistrictFields):
    """A station; the document id is the station's id."""

    station_code = Keyword()
    community_name = Keyword()

    Index = index_options("station")


def station_rows():
    return Station.objects.exclude(status=Station.Status.CLOSED)


def station_document(station: Station) -> StationDocument:
    community = station.community.name if station.community_id else ""
    return row_document(
        StationDocument,
        "station",
        station,
        title=station.name,
        body=join_text(
            f"地址：{station.address}",
            f"服务时间：{station.opening_hours}" if station.opening_hours else "",
            f"服务内容：{station.services}" if station.services else "",
        ),
        all_text=join_text(
            station.name,
            station.district.name,
            community,
            station.address,
            station.services,
            "消费维权 投诉举报 调解",
        ),
        date=None,
        url={"code": station.code},
        station_code=station.code,
        community_name=community,
        **district_fields(station.district),
    )


STATION = row_kind(
    "station",
    "维权服务站",
    StationDocument,
    rows=station_rows,
    present=station_document,
    related=("district", "community"),
    follows=(
        Follow(
            "enterprises.District",
            lambda district: station_rows().filter(district=district).values_list("pk", flat=True),
        ),
    ),
)
