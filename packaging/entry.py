"""The frozen application's entry point (packaging/gatewatch.spec): `gatewatch`."""

import sys

from desktop.launch import main

if __name__ == "__main__":
    sys.exit(main())
