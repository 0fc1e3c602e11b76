"""The store's schema, as an ordered list of migrations.

Migration N (1-based) takes a database at ``user_version`` N-1 to N. Migrations are
append-only: once released, a migration is never edited, only followed by a new one.
Each runs inside the transaction that also bumps ``user_version`` (see migrations.py).
The migrations themselves are in the modules of their era (schema_v1_3.py, …, schema_v17.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.store.migrations import Migration
from desktop.store.schema_v1_3 import v1_initial, v2_unique_revisions, v3_covering_list_indexes
from desktop.store.schema_v4_5 import v4_sync, v5_desk_review
from desktop.store.schema_v6_9 import v6_followups, v7_desk_pull_speed, v8_desk_board, v9_handcarry
from desktop.store.schema_v10_15 import (
    v10_search_tokens,
    v11_desk_marks,
    v12_deskkeys,
    v13_approval_devices,
    v14_chain,
    v15_opened,
)
from desktop.store.schema_v16 import v16_confirmed_aspects
from desktop.store.schema_v17 import v17_counted_reports

MIGRATIONS: Sequence[Migration] = (
    v1_initial,
    v2_unique_revisions,
    v3_covering_list_indexes,
    v4_sync,
    v5_desk_review,
    v6_followups,
    v7_desk_pull_speed,
    v8_desk_board,
    v9_handcarry,
    v10_search_tokens,
    v11_desk_marks,
    v12_deskkeys,
    v13_approval_devices,
    v14_chain,
    v15_opened,
    v16_confirmed_aspects,
    v17_counted_reports,
)
