"""StreamField blocks of lectures: the timestamped transcript and the slides/handouts list."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.pages.blocks import AttachmentBlock, field_error

from .media import MATERIAL_EXTENSIONS, material_problem
from .transcript import (
    format_timestamp,
    parse_timestamp,
    segment_anchor,
    transcript_problems,
)


class TimestampFormField(forms.CharField):
    """Editors type "12:34" or 754; the block stores whole seconds."""

    def prepare_value(self, value):
        return format_timestamp(value) if isinstance(value, int) else value

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        try:
            return parse_timestamp(text)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from error


class TimestampBlock(blocks.FieldBlock):
    """A moment of a lecture in whole seconds, entered as "分:秒" or seconds."""

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = TimestampFormField(
            required=required, help_text=help_text, widget=forms.TextInput(attrs={"size": 8})
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        return None if value in (None, "") else int(value)

    def get_prep_value(self, value):
        return None if value in (None, "") else int(value)

    class Meta:
        icon = "time"


class TranscriptSegmentBlock(blocks.StructBlock):
    start = TimestampBlock(label="开始时间", help_text="如 12:34 或 1:02:05，也可填秒数")
    end = TimestampBlock(required=False, label="结束时间", help_text="可不填")
    text = blocks.TextBlock(label="讲稿内容")

    class Meta:
        icon = "openquote"
        label = "讲稿片段"
        form_classname = "transcript-segment"


def segment_json(value) -> dict:
    start = value["start"]
    return {
        "start": start,
        "end": value.get("end"),
        "timestamp": format_timestamp(start),
        "anchor": segment_anchor(start),
        "text": value["text"],
    }


class TranscriptBlock(blocks.StreamBlock):
    """The transcript: segments in time order; the API lists them flat with their anchors."""

    segment = TranscriptSegmentBlock()

    def clean(self, value):
        value = super().clean(value)
        timings = [(child.value["start"], child.value.get("end")) for child in value]
        problems = transcript_problems(timings)
        if problems:
            by_segment: dict[int, dict[str, ValidationError]] = {}
            for problem in problems:
                by_segment.setdefault(problem.index, {}).setdefault(
                    problem.field, ValidationError(problem.message)
                )
            raise StreamBlockValidationError(
                block_errors={
                    index: StructBlockValidationError(block_errors=errors)
                    for index, errors in by_segment.items()
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        return [segment_json(child.value) for child in value or []]


class MaterialBlock(AttachmentBlock):
    """A downloadable file of a lecture, limited to the formats people open everywhere."""

    def clean(self, value):
        value = super().clean(value)
        problem = material_problem(value["document"])
        if problem:
            raise field_error("document", problem)
        return value

    class Meta:
        icon = "doc-full"
        help_text = f"限 {'、'.join(ext.upper() for ext in MATERIAL_EXTENSIONS)} 文件"


class MaterialsBlock(blocks.StreamBlock):
    slides = MaterialBlock(label="课件")
    handout = MaterialBlock(label="讲义")
