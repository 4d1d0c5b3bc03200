"""Search kind "stall_card": the food-stall registration cards (食品摊位备案卡).

A card's document holds what its public page shows: the stall's name, the card number,
category, place, 街镇 and issuing station, linking to /stalls/<number>/. The vendor is not in
the index at all (neither the full name nor the ID number or mobile). Revoked cards stay
searchable: their page says they are revoked, which is what someone checking a stall needs.
"""

from elasticsearch.dsl import Keyword

from registry_api.network.models import Station
from registry_api.stalls.models import StallCard
from registry_api.stalls.selectors import card_public_list
from search.documents import SearchDocument, index_options
from search.fields import DistrictFields, district_fields
from search.kind import Follow, row_kind
from search.presenters import join_text, row_document


class StallCardDocument(SearchDocument, DistrictFields):
    """A card; the document id is the card's id."""

    number = Keyword()
    category = Keyword()
    station_code = Keyword()

    Index = index_options("stall_card")


def stall_card_document(card: StallCard) -> StallCardDocument:
    station: Station = card.station
    category = card.get_category_display()
    return row_document(
        StallCardDocument,
        "stall_card",
        card,
        title=card.stall_name,
        body=join_text(
            f"备案卡编号：{card.number}",
            f"经营类别：{category}",
            f"经营地点：{card.location}",
            f"发卡服务站：{station.name}",
        ),
        all_text=join_text(
            card.stall_name,
            card.number,
            category,
            card.location,
            card.district.name,
            station.name,
            "食品摊位备案卡",
        ),
        date=card.valid_from,
        url={"number": card.number},
        number=card.number,
        category=card.category,
        station_code=station.code,
        **district_fields(card.district),
    )


STALL_CARD = row_kind(
    "stall_card",
    "食品摊位",
    StallCardDocument,
    rows=card_public_list,
    present=stall_card_document,
    follows=(
        Follow("network.Station", lambda station: station.stall_cards.values_list("pk", flat=True)),
        Follow(
            "enterprises.District",
            lambda district: district.stall_cards.values_list("pk", flat=True),
        ),
    ),
)
