"""The API's operations as its OpenAPI schema lists them (what /api/v1/schema/ serves), so a
test can run over every list or write endpoint without keeping its own list of them."""

from functools import cache

from drf_spectacular.generators import SchemaGenerator

WRITE_METHODS = ("post", "put", "patch")


@cache
def api_schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def api_operations(*methods: str) -> list[tuple[str, str, dict]]:
    """(path, method, operation) of every operation under /api/ with one of `methods`."""
    return [
        (path, method, operation)
        for path, item in api_schema()["paths"].items()
        if path.startswith("/api/")
        for method, operation in item.items()
        if method in methods
    ]


def parameter(operation: dict, name: str) -> dict | None:
    return next((p for p in operation.get("parameters", []) if p["name"] == name), None)


def request_schema(operation: dict, media_type: str) -> dict:
    """The body schema of `operation` for `media_type`, its $ref resolved ({} if none)."""
    content = operation.get("requestBody", {}).get("content", {})
    schema = content.get(media_type, {}).get("schema", {})
    if "$ref" in schema:
        schema = api_schema()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def plain_string_fields(schema: dict) -> list[str]:
    """Writable free-text properties of a body schema (no enum, format or read-only)."""
    return [
        name
        for name, prop in schema.get("properties", {}).items()
        if prop.get("type") == "string"
        and not {"enum", "format", "readOnly", "$ref", "allOf", "oneOf"} & set(prop)
    ]
