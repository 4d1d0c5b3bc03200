"""Which models are audited, and which of them the public deletions feed names, by what key."""

from dataclasses import dataclass

from django.apps import apps

# Every concrete model of these apps is audited; an app that is not installed is skipped.
AUDITED_APP_LABELS = (
    "enterprises",
    "credit",
    "finance",
    "services",
    "partners",
    "trademarks",
    "exchange",
    "complaints",
    "network",
    "stalls",
    "training",
    "subscriptions",
    "jobs",
)
# Models of those apps left out: a delivery's bookkeeping is written on every attempt, and its
# payload is the public shape of a change the log already holds.
UNAUDITED_MODELS = {"subscriptions.delivery", "subscriptions.deliveryattempt"}


@dataclass(frozen=True)
class PublicType:
    """A registry kind served by the public API: `key_field` is what its URLs use."""

    app_label: str
    model_name: str
    key_field: str = "pk"


# The deletions feed names only these: the kinds the public API and the static site serve.
# Repair applications, departments, rules and partner keys are not public and never listed.
PUBLIC_TYPES = {
    "enterprise": PublicType("enterprises", "enterprise", "credit_code"),
    "district": PublicType("enterprises", "district", "code"),
    "credit_record": PublicType("credit", "creditrecord"),
    "equity_pledge": PublicType("finance", "equitypledge"),
    "chattel_mortgage": PublicType("finance", "chattelmortgage"),
    "loan_product": PublicType("finance", "loanproduct"),
    "financing_need": PublicType("finance", "financingneed"),
    "agency": PublicType("services", "agency"),
    "consultation": PublicType("services", "consultation"),
    "trademark": PublicType("trademarks", "trademark"),
    "idle_listing": PublicType("exchange", "idlelisting"),
    "trademark_pledge": PublicType("finance", "trademarkpledge"),
    "station": PublicType("network", "station", "code"),
    "branch": PublicType("network", "branch", "code"),
    "stall_card": PublicType("stalls", "stallcard", "number"),
    "training_session": PublicType("training", "trainingsession"),
}
_TYPE_BY_MODEL = {(t.app_label, t.model_name): name for name, t in PUBLIC_TYPES.items()}


def audited_models() -> list[type]:
    """The concrete models of the audited apps that are installed."""
    models = []
    for label in AUDITED_APP_LABELS:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        models.extend(
            model
            for model in config.get_models()
            if not model._meta.abstract
            and not model._meta.proxy
            and model._meta.label_lower not in UNAUDITED_MODELS
        )
    return models


def public_type_of_label(app_label: str, model_name: str) -> str | None:
    return _TYPE_BY_MODEL.get((app_label, model_name))


def public_type_of(model) -> str | None:
    return public_type_of_label(model._meta.app_label, model._meta.model_name)


def key_field_of(model) -> str:
    name = public_type_of(model)
    return PUBLIC_TYPES[name].key_field if name else "pk"
