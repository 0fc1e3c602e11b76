"""`gatewatch desk …`: one module per group of desk commands."""
