"""DRF parsers that hand the import action the raw body of a JSON Lines or CSV upload."""

from rest_framework.parsers import BaseParser

from .parsing import CSV_TYPES, JSONL_TYPES, read_body


class _RawParser(BaseParser):
    format_name = ""

    def parse(self, stream, media_type=None, parser_context=None):
        return {"format": self.format_name, "body": read_body(stream)}


class JsonLinesParser(_RawParser):
    media_type = JSONL_TYPES[0]
    format_name = "jsonl"


class JsonLinesAltParser(JsonLinesParser):
    media_type = JSONL_TYPES[1]


class JsonLinesAlt2Parser(JsonLinesParser):
    media_type = JSONL_TYPES[2]


class CsvParser(_RawParser):
    media_type = CSV_TYPES[0]
    format_name = "csv"


IMPORT_PARSERS = [JsonLinesParser, JsonLinesAltParser, JsonLinesAlt2Parser, CsvParser]
