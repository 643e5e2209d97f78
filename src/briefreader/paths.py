"""Every location on disk briefreader uses, with BRIEFREADER_* overrides for each."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "briefreader"


@dataclass(frozen=True, slots=True)
class Paths:
    """Where config, data (bookmarks, reading state) and cache (the index) live."""

    config_file: Path
    data_dir: Path
    cache_dir: Path

    @classmethod
    def from_environment(cls, environ: os._Environ[str] | dict[str, str] | None = None) -> Paths:
        """Platform defaults, each overridden by its BRIEFREADER_* variable when set."""
        env = os.environ if environ is None else environ
        config = env.get("BRIEFREADER_CONFIG")
        data = env.get("BRIEFREADER_DATA_DIR")
        cache = env.get("BRIEFREADER_CACHE_DIR")
        return cls(
            config_file=Path(config)
            if config
            else Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml",
            data_dir=Path(data) if data else Path(platformdirs.user_data_dir(APP_NAME)),
            cache_dir=Path(cache) if cache else Path(platformdirs.user_cache_dir(APP_NAME)),
        )

    def index_dir(self, library_key: str) -> Path:
        """The index folder for one library, named by a hash of its key."""
        digest = hashlib.blake2b(library_key.encode("utf-8", "surrogateescape"), digest_size=8)
        return self.cache_dir / "index" / digest.hexdigest()

    @property
    def bookmarks_db(self) -> Path:
        return self.data_dir / "bookmarks.sqlite3"

    @property
    def state_file(self) -> Path:
        return self.data_dir / "state.json"


def bundled_articles_dir() -> Path:
    """The sample library that ships with briefreader (in the wheel, or the source tree)."""
    packaged = Path(__file__).parent / "bundled_articles"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "articles"
