"""The frozen application's entry point (packaging/gatewatch.spec): `gatewatch`."""

import multiprocessing
import sys

from desktop.launch import main

if __name__ == "__main__":
    # The desk opens a pull's backlog in worker processes (desktop/services/desk/open.py):
    # a frozen worker is this executable again, and must run the worker, not the app.
    multiprocessing.freeze_support()
    sys.exit(main())
