"""`python -m monitor` runs the same command line as `trade-monitor`."""

from __future__ import annotations

from monitor.cli import main

if __name__ == "__main__":
    main()
