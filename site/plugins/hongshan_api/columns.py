"""Registry part 专栏: the 企业之声 and 创业指导 columns, each one page gathering what the site
already holds on its theme.

A column shows the editors' stories of its kind (ShowcaseStoryPage.kind), the published Q&A of
its consultation channel (the asker never appears: the API leaves askers out), for 创业指导 the
registration and licensing guides, and a link that opens the question form on its channel.
Pages: /columns/voice/ and /columns/startup/.
"""

from __future__ import annotations

from dataclasses import dataclass

from .client import ApiClient
from .vocabulary import vocabulary_fetch

# The newest answered questions a column shows; the channel's list has the rest.
QA_COUNT = 10


@dataclass(frozen=True)
class Column:
    code: str  # the story kind too
    intro: str
    channel: str  # its consultation channel
    ask_label: str
    # Empty: the channel's own label (企业之声 is the column of the channel of that name), read
    # from the API's vocabulary as every choice label the site shows.
    title: str = ""
    guide_matter_types: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return f"columns/{self.code}/"


COLUMNS = (
    Column(
        code="voice",
        intro="企业反映经营中遇到的问题、对政策和服务提出意见建议的栏目。"
        "刊登企业的来稿和采访，以及经本局答复、企业同意公开的问答。",
        channel="enterprise_voice",
        ask_label="我要反映（企业之声）",
    ),
    Column(
        code="startup",
        title="创业指导",
        intro="为准备创业和刚起步的小微企业提供指导：创业经验、登记注册与许可办事指南、"
        "登记注册咨询的公开答复。",
        channel="registration",
        ask_label="创业登记在线咨询",
        guide_matter_types=("registration", "licensing"),
    ),
)

URLS = ("column_voice", "column_startup")
PLATFORM_LINKS = {
    "showcase": (("column_voice", "企业之声专栏"), ("column_startup", "创业指导专栏")),
    "market-access": (("column_startup", "创业指导"),),
}


def fetch(client: ApiClient) -> dict:
    return {
        "channels": vocabulary_fetch(client)["lists"]["consultation_channels"],
        "answers": {
            column.code: list(
                client.registry_list("api/v1/consultations/", {"channel": column.channel})
            )
            for column in COLUMNS
        },
    }


def newest_answers(consultations: list[dict], count: int = QA_COUNT) -> list[dict]:
    return sorted(
        consultations, key=lambda c: c.get("answered_at") or c["submitted_at"], reverse=True
    )[:count]


def write(generator, writer, data: dict) -> None:
    pages = generator.content.pages
    for column in COLUMNS:
        consultations = data["answers"][column.code]
        title = column.title or data["channels"][column.channel]
        generator._write(
            f"{column.path}index.html",
            "column",
            writer,
            page_title=title,
            title=title,
            column=column,
            stories=[s for s in pages.get("story", []) if s.get("kind") == column.code],
            guides=[
                guide
                for guide in pages.get("guide", [])
                if guide.get("matter_type") in column.guide_matter_types
            ],
            answers=newest_answers(consultations),
            answer_total=len(consultations),
            channel_url=f"/consultations/channel/{column.channel}/",
            ask_url=f"/forms/consultations/?channel={column.channel}",
        )
