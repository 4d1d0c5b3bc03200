"""App config for training plans and the 大讲堂 sessions of the network."""

from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "registry_api.training"
    label = "training"
    verbose_name = "培训与大讲堂"
    # /trainings/ shows the public sessions with their materials and, for those open to
    # registration, the places left: a change to any of them builds the site again.
    site_shows = ("TrainingSession", "SessionMaterial", "TrainingRegistration")
