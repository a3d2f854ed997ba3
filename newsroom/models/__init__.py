"""Newsroom models, split by domain and re-exported here."""
from .channels import ContentChange, ReleaseSlugHistory, SearchDocument
from .people import Person
from .photos import Consent, ConsentGround, Photo, PhotoPerson, photo_upload_to
from .releases import PressRelease, Quote, ReleasePhoto, Section, Status, Topic
from .workflow import Action, ShareLink, WorkflowEvent

__all__ = [
    "Action",
    "Consent",
    "ConsentGround",
    "ShareLink",
    "WorkflowEvent",
    "ContentChange",
    "Person",
    "Photo",
    "PhotoPerson",
    "PressRelease",
    "Quote",
    "ReleasePhoto",
    "ReleaseSlugHistory",
    "SearchDocument",
    "Section",
    "Status",
    "Topic",
    "photo_upload_to",
]
