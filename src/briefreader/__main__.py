"""Run briefreader with `python -m briefreader`."""

from briefreader.cli import main

raise SystemExit(main())
