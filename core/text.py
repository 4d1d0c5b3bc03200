"""Text the platform refuses to store: NUL characters and lone surrogates, with their messages.

NUL (U+0000) cannot be stored in a PostgreSQL text column; a lone UTF-16 surrogate (JSON
"\\ud800" with no partner) is not a character at all and cannot be encoded as UTF-8 to store
or to answer with. Both arrive only from a program or a damaged file, never from typing, so
they are refused with a message that names them, not cleaned up silently. Stored data is not
touched.
"""

import re

NUL_MESSAGE = "不能包含空字符（NUL，U+0000），请删除后重新提交。"
SURROGATE_MESSAGE = "包含无法识别的字符（孤立代理项），请删除后重新提交。"

# DRF's CharField validators raise these codes; the Chinese translation of the NUL one
# ("不允许是用空字符串") reads as "must not be empty". errors.py answers with ours instead.
MESSAGES_BY_CODE = {
    "null_characters_not_allowed": NUL_MESSAGE,
    "surrogate_characters_not_allowed": SURROGATE_MESSAGE,
}

_SURROGATE = re.compile("[\ud800-\udfff]")


def text_problem(value: str) -> str | None:
    """The Chinese message for the first thing in `value` we refuse to store, or None."""
    if "\x00" in value:
        return NUL_MESSAGE
    if _SURROGATE.search(value) is not None:
        return SURROGATE_MESSAGE
    return None


def text_shown(value: str) -> str:
    """`value` safe to echo in an answer: refused characters become U+FFFD."""
    return _SURROGATE.sub("\ufffd", value.replace("\x00", "\ufffd"))


def json_shown(data):
    """`data` (parsed JSON) with every key and string made safe by `text_shown`: for keeping a
    refused row in a report or an import record (PostgreSQL's JSON refuses both characters)."""
    if isinstance(data, str):
        return text_shown(data)
    if isinstance(data, dict):
        return {json_shown(key): json_shown(value) for key, value in data.items()}
    if isinstance(data, list):
        return [json_shown(value) for value in data]
    return data


def json_text_problems(data, path: str = "") -> dict[str, list[str]]:
    """{field path: [message]} for every key or string in a parsed JSON document we refuse.

    Paths are dotted (`values.甲方`, `photos.0`); a top-level field is just its name, as in
    the API's field errors.
    """
    problems: dict[str, list[str]] = {}

    def visit(value, where: str) -> None:
        if isinstance(value, str):
            problem = text_problem(value)
            if problem is not None:
                problems.setdefault(where or "_", []).append(problem)
        elif isinstance(value, dict):
            for key, item in value.items():
                name = f"{where}.{text_shown(key)}" if where else text_shown(key)
                key_problem = text_problem(key)
                if key_problem is not None:
                    problems.setdefault(name, []).append(f"字段名{key_problem}")
                visit(item, name)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                visit(item, f"{where}.{index}" if where else str(index))

    visit(data, path)
    return problems


def form_text_problems(data) -> dict[str, list[str]]:
    """The same for a form post's QueryDict. Lone surrogates cannot arrive there (Django decodes
    form bytes with replacement), NUL can (%00)."""
    problems: dict[str, list[str]] = {}
    for key, values in data.lists():
        messages = [f"字段名{problem}"] if (problem := text_problem(key)) else []
        messages += sorted({problem for value in values if (problem := text_problem(value))})
        if messages:
            problems[text_shown(key)] = messages
    return problems
