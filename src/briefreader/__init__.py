"""briefreader: a terminal reader for a folder of news articles."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("briefreader")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
