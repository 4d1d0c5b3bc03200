"""Search kind "trademark": marks of the trademark library (商标库), found by name in
characters, full pinyin and initials (`hongshan`, `hs` → 红山), registration number and owner.

Besides the shared fields, the document carries what the similarity check (近似查询) asks the
engine for: the name's characters one by one and its "near" reading (confusable sounds merged,
registry_api/trademarks/similarity.py), so homophones and near-homophones are candidates,
and the logo's fingerprint as tile terms ("3:0ff0", registry_api/trademarks/logos.py), so a
logo check asks for marks whose logos share a part.
Every mark has its page on the static site (/trademarks/<registration number>/), where
search results link.
"""

from elasticsearch.dsl import Date, Keyword, Text

from registry_api.trademarks.logos import hash_blocks
from registry_api.trademarks.models import OwnerType, Trademark
from registry_api.trademarks.similarity import (
    full_pinyin,
    near_pinyin,
    normalize_name,
    pinyin_initials,
)
from search.analysis import pinyin_tokens
from search.documents import SearchDocument, index_options
from search.kind import Follow, row_kind
from search.presenters import join_text, row_document


class TrademarkDocument(SearchDocument):
    """A mark; the document id is the trademark id. A natural-person owner's name is left
    out entirely (as equity_pledge does for pledgors): a masked name finds nothing."""

    registration_number = Keyword()
    mark_name = Keyword()
    name_chars = Text(analyzer=pinyin_tokens)  # "红 山": one token per character
    pinyin_near = Text(analyzer=pinyin_tokens)  # "fon san"
    logo_blocks = Keyword(multi=True)  # the logo fingerprint's outline tiles: "7:0ff0"
    mark_type = Keyword()
    classes = Keyword(multi=True)  # Nice class numbers as strings: "25", "43"
    status = Keyword()
    recognition = Keyword()
    gi_kind = Keyword()
    owner_name = Keyword()
    credit_code = Keyword()
    district_code = Keyword()
    applied_on = Date()
    registered_on = Date()
    expires_on = Date()

    Index = index_options("trademark")


def public_owner_name(trademark: Trademark) -> str:
    """The owner as the index may hold it: never a natural person's name."""
    if trademark.owner_type == OwnerType.NATURAL_PERSON:
        return ""
    return trademark.owner.name if trademark.owner_id else trademark.owner_name


def trademark_document(trademark: Trademark) -> TrademarkDocument:
    owner = trademark.owner
    owner_name = public_owner_name(trademark)
    classes = [entry.nice_class for entry in trademark.class_entries.all()]
    class_text = "、".join(f"第{c.number}类{c.name}" for c in classes)
    name = trademark.name or "（图形商标）"
    return row_document(
        TrademarkDocument,
        "trademark",
        trademark,
        title=name,
        body=join_text(
            f"注册号：{trademark.registration_number}",
            f"注册人：{owner_name}" if owner_name else "",
            class_text,
            trademark.get_status_display(),
            trademark.get_recognition_display() if trademark.recognition else "",
            trademark.get_gi_kind_display() if trademark.gi_kind else "",
        ),
        all_text=join_text(
            trademark.name,
            trademark.registration_number,
            owner_name,
            class_text,
            trademark.get_mark_type_display(),
            trademark.get_recognition_display() if trademark.recognition else "",
            trademark.get_gi_kind_display() if trademark.gi_kind else "",
        ),
        pinyin={"full": full_pinyin(trademark.name), "initials": pinyin_initials(trademark.name)},
        url={"registration_number": trademark.registration_number},
        date=trademark.registered_on or trademark.applied_on,
        registration_number=trademark.registration_number,
        mark_name=trademark.name,
        name_chars=" ".join(normalize_name(trademark.name)),
        pinyin_near=near_pinyin(trademark.name),
        logo_blocks=hash_blocks(trademark.logo_hash),
        mark_type=trademark.mark_type,
        classes=[str(c.number) for c in classes],
        status=trademark.status,
        recognition=trademark.recognition,
        gi_kind=trademark.gi_kind,
        owner_name=owner_name,
        credit_code=owner.credit_code if owner else "",
        district_code=owner.district.code if owner else "",
        applied_on=trademark.applied_on,
        registered_on=trademark.registered_on,
        expires_on=trademark.expires_on,
    )


TRADEMARK = row_kind(
    "trademark",
    "商标",
    TrademarkDocument,
    rows=Trademark.objects.all,
    present=trademark_document,
    related=("owner__district",),
    prefetch=("class_entries__nice_class",),
    follows=(
        # The document shows its owner's name, code and 街镇, and its classes.
        Follow(
            "enterprises.Enterprise", lambda owner: owner.trademarks.values_list("pk", flat=True)
        ),
        Follow("trademarks.TrademarkClass", lambda row: [row.trademark_id], deletes=True),
    ),
)
