"""What tests share: stores, servers, reports and files, imported from here and never
from another test module (tests/test_architecture.py holds it)."""
