"""The Dagster resource that says where sitrep reads and writes.

One resource carries the settings of SPEC §2 (inbox, data dir) and the model and week scheme,
so tests and production differ only in how it is built.
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from sitrep.config import Settings
from sitrep.store.warehouse import Warehouse


class SitrepResource(dg.ConfigurableResource):
    """Inbox, data dir, spaCy model and week scheme of a sitrep deployment."""

    inbox: str
    data_dir: str
    spacy_model: str
    week_scheme: str = "acled"
    max_article_bytes: int = 2_000_000
    nlp_processes: int = 2
    nlp_batch_size: int = 200
    publish_uri: str = ""

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> "SitrepResource":
        s = settings or Settings()
        return cls(
            inbox=str(s.inbox), data_dir=str(s.data_dir), spacy_model=s.spacy_model,
            week_scheme=s.week_scheme, max_article_bytes=s.max_article_bytes,
            nlp_processes=s.nlp_processes, nlp_batch_size=s.nlp_batch_size, publish_uri=s.publish_uri,
        )

    def settings(self) -> Settings:
        return Settings(
            inbox=Path(self.inbox), data_dir=Path(self.data_dir), spacy_model=self.spacy_model,
            week_scheme=self.week_scheme, max_article_bytes=self.max_article_bytes,
            nlp_processes=self.nlp_processes, nlp_batch_size=self.nlp_batch_size, publish_uri=self.publish_uri,
        )

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir).resolve()

    def warehouse(self) -> Warehouse:
        return Warehouse(self.settings().warehouse_path.resolve())
