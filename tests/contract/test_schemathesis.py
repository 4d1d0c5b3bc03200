"""schemathesis over every operation of /api/v1/schema/, as three callers, against the live
test server: every answer matches the schema, valid input is accepted, invalid input refused."""

import collections
import dataclasses

import hypothesis
import pytest
import schemathesis
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from schemathesis import GenerationMode
from schemathesis.core.failures import Failure, FailureGroup

from registry_api.credit.models import CreditRecord, Department
from registry_api.enterprises.models import District, Enterprise

# Examples per operation and generation mode: small, so that the three callers together stay
# within a few minutes on two cores.
MAX_EXAMPLES = 2

# Failures left, each with the reason it is not fixed here: (failure title, "METHOD /path"
# prefix of the request sent, reason[, condition on the case]). Anything else fails the test.
VALID_REJECTED = "Schema-valid request rejected"
INVALID_ACCEPTED = "Schema-violating request accepted"
# Related rows a write names by key, and how a generated key is looked up.
RELATED_ROWS = {
    "enterprise": (Enterprise, "credit_code"),
    "district": (District, "code"),
    "department": (Department, "code"),
    "record": (CreditRecord, "pk"),
}


def names_a_missing_row(case) -> bool:
    """The body names a related row (an enterprise, district, department or credit record)
    that does not exist: refusing it is right, and no schema can list every row."""
    body = case.body if isinstance(case.body, dict) else {}
    for key, (model, field) in RELATED_ROWS.items():
        if key not in body:
            continue
        try:
            exists = model.objects.filter(**{field: body[key]}).exists()
        except (TypeError, ValueError):
            exists = False
        if not exists:
            return True
    return False


def sends_a_nul(case) -> bool:
    """A text of the body holds NUL (U+0000), which the API refuses under its field."""

    def holds_nul(value) -> bool:
        if isinstance(value, dict):
            return any(holds_nul(k) or holds_nul(v) for k, v in value.items())
        if isinstance(value, list):
            return any(holds_nul(item) for item in value)
        return isinstance(value, str) and "\x00" in value

    return holds_nul(case.body)


EXCLUDED = [
    (
        VALID_REJECTED,
        "POST /api/v1/",
        "a NUL character in any text is refused under its field (core/text.py, for "
        "PostgreSQL's sake); the schema does not repeat that on every string",
        sends_a_nul,
    ),
    *(
        (
            VALID_REJECTED,
            operation,
            "a write names other rows by key (an enterprise's credit code with its check digit, "
            "a district or department code) and a generated key names none, so it is rightly "
            "refused; a new enterprise's credit code needs a valid check digit, and the models' "
            "rules across fields (a minimum not above its maximum, amounts above 0, a complaint's "
            "phone and intake place) are not stated in the schema",
        )
        for operation in (
            "POST /api/v1/complaints/",
            "POST /api/v1/chattel-mortgages/",
            "POST /api/v1/credit-records/",
            "POST /api/v1/enterprises/",
            "POST /api/v1/equity-pledges/",
            "POST /api/v1/financing-needs/",
            "POST /api/v1/job-demands/",
            "POST /api/v1/online-shops/",
            "POST /api/v1/loan-products/",
        )
    ),
    *(
        (
            VALID_REJECTED,
            operation,
            "the body names a related row that does not exist (names_a_missing_row)",
            names_a_missing_row,
        )
        for operation in (
            "PUT /api/v1/",
            "PATCH /api/v1/",
            "POST /api/v1/credit-repair-applications/",
        )
    ),
    (
        VALID_REJECTED,
        "POST /api/v1/trademarks/similar/",
        "a generated `logo` is a few random bytes behind an image signature: rightly refused "
        "as a broken image",
        lambda case: isinstance(case.body, dict) and "logo" in case.body,
    ),
    (
        VALID_REJECTED,
        "POST /api/v1/subscriptions/",
        "a receiver's host rules (Django's URLValidator) and a watched credit code's GB 32100 "
        "check digit are not schema patterns: a generated URL or code breaking them is rightly "
        "refused",
        lambda case: (
            isinstance(case.body, dict)
            and (bool(case.body.get("credit_codes")) or not _valid_url(case.body.get("target_url")))
        ),
    ),
    (
        VALID_REJECTED,
        "GET /api/v1/complaints/track/",
        "?phone= must be the last four digits or the PIN; the view declares a plain string",
    ),
    (
        VALID_REJECTED,
        "POST /api/v1/credit-records/import",
        "the body is JSON Lines or CSV, declared as a binary string; random bytes are rightly "
        "refused",
    ),
    (
        INVALID_ACCEPTED,
        "GET /api/v1/",
        "an empty filter value (?status=) means no filter, as django-filter reads every list's "
        'filters; the enum cannot say that "" is accepted as absent',
        lambda case: "" in (case.query or {}).values(),
    ),
]


def _valid_url(value) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(value)
    except (ValidationError, TypeError):
        return False
    return True


@dataclasses.dataclass
class Report:
    operations: int = 0
    examples: int = 0
    failures: dict = dataclasses.field(default_factory=lambda: collections.defaultdict(list))

    excluded: collections.Counter = dataclasses.field(default_factory=collections.Counter)

    def add(self, case, mode: GenerationMode, failure: Failure, response) -> None:
        sent = f"{case.method} {case.formatted_path} query={case.query} body={case.body!r}"
        if any(
            failure.title == title and sent.startswith(operation) and when(case)
            for title, operation, _reason, *condition in EXCLUDED
            for when in condition or [lambda _case: True]
        ):
            self.excluded[failure.title] += 1
            return
        answer = f"{response.status_code} {response.text[:200]}"
        self.failures[failure.title].append(f"[{mode.value}] {sent[:300]} -> {answer}")


def without_cursor(case):
    """A positive case with no `cursor`: a cursor is opaque and only those the server handed
    out are valid, so a generated string is rightly refused (400 invalid_cursor)."""
    if isinstance(case.query, dict):
        case.query.pop("cursor", None)
    return case


def example_runner(operation, mode: GenerationMode, headers: dict, report: Report):
    """A Hypothesis test sending `MAX_EXAMPLES` cases of `operation` and recording failures."""

    strategy = operation.as_strategy(generation_mode=mode)
    if mode is GenerationMode.POSITIVE:
        strategy = strategy.map(without_cursor)

    @hypothesis.given(case=strategy)
    @hypothesis.settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(hypothesis.HealthCheck),
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
    )
    def run(case):
        report.examples += 1
        response = case.call(headers=headers)
        try:
            case.validate_response(response, headers=headers)
        except FailureGroup as group:
            for failure in group.exceptions:
                report.add(case, mode, failure, response)
        except Failure as failure:
            report.add(case, mode, failure, response)

    return run


def fuzz(base_url: str, authorization: str | None) -> Report:
    schema = schemathesis.openapi.from_url(f"{base_url}/api/v1/schema/")
    headers = {"Authorization": authorization} if authorization else {}
    report = Report()
    for result in schema.get_all_operations():
        operation = result.ok()
        report.operations += 1
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                example_runner(operation, mode, headers, report)()
            except hypothesis.errors.Unsatisfiable:
                pass  # negative mode on an operation with nothing that can be made invalid
    return report


@pytest.mark.engine
@pytest.mark.parametrize("caller", ["anonymous", "partner key", "staff token"])
def test_every_operation_keeps_the_contract(
    caller, search_engine, live_server, registry, partner_key, staff_token
):
    authorization = {"anonymous": None, "partner key": partner_key, "staff token": staff_token}
    report = fuzz(live_server.url, authorization[caller])
    print(f"\n{caller}: {report.operations} operations, {report.examples} examples")
    print(f"excluded (reasons in EXCLUDED): {dict(report.excluded)}")
    for kind, items in sorted(report.failures.items()):
        print(f"{kind}: {len(items)}")
        for item in items[:60]:
            print("   ", item.replace("\n", " | "))
    assert report.operations > 50
    assert dict(report.failures) == {}
