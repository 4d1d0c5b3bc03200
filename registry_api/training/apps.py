"""App config for training plans and the 大讲堂 sessions of the network."""

from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "registry_api.training"
    label = "training"
    verbose_name = "培训与大讲堂"
    # A registration changes the places left on /trainings/: the site is built again.
    site_shows = ("TrainingRegistration",)
