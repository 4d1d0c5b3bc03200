"""The API's body parsers: a JSON body is one object, and no body holds unstorable text.

Every view and throttle reads `request.data` as a mapping (`request.data.get(…)`); a body of
`[1]`, `"x"`, `1` or `null` used to reach them and fail there as a 500. Text with NUL or a lone
surrogate (core/text.py) is refused here for every field of every serializer, whatever
its type (a slug or choice field would otherwise look the value up, or echo it back). Both are
field errors (`validation_error`), like any other bad input. Endpoints that take other bodies
declare their own parsers (the credit-record import: JSON Lines or CSV).
"""

from rest_framework import exceptions, parsers

from .text import form_text_problems, json_text_problems

JSON_KINDS = {list: "数组", str: "字符串", int: "数字", float: "数字", bool: "布尔值"}  # or null


class JSONObjectParser(parsers.JSONParser):
    """DRF's JSONParser, refusing a body that is not an object or holds unstorable text."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        if not isinstance(data, dict):
            kind = JSON_KINDS.get(type(data), "空值（null）")
            raise exceptions.ValidationError(
                {"_": [f"请求体应为 JSON 对象（{{…}}），不能是{kind}。"]}
            )
        _refuse(json_text_problems(data))
        return data


class CheckedFormParser(parsers.FormParser):
    """DRF's FormParser, refusing NUL in a field's name or value (URL-encoded as %00)."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        _refuse(form_text_problems(data))
        return data


class CheckedMultiPartParser(parsers.MultiPartParser):
    """DRF's MultiPartParser, refusing NUL in a form field's name or value."""

    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        _refuse(form_text_problems(parsed.data))
        return parsed


def _refuse(problems: dict) -> None:
    if problems:
        raise exceptions.ValidationError(problems)
