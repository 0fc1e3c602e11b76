"""The store's life on this computer through the services the window and the command line
share: backups written, restored and checked (desktop/services/safety.py); a store made,
found, opened with its search index brought up to date, and wiped
(desktop/services/unlock.py)."""

from pathlib import Path

import pytest

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report import Report, ReportContent
from desktop.services.safety import check_integrity, restore_backup, wipe_store, write_backup
from desktop.services.unlock import (
    create_store,
    store_exists,
    unlock,
    unlock_indexed,
)
from desktop.store.errors import StoreExistsError, WrongPassphraseError
from desktop.store.reports import ReportRepository
from desktop.store.search import SEARCH_FORM_SETTING
from desktop.store.settings import SettingsRepository
from tests.helpers.reports import example

PASSPHRASE = "a long test passphrase"


def test_a_store_is_made_once_found_and_wiped(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    assert not store_exists(folder)
    assert wipe_store(folder) == 0  # nothing there: nothing found, no error
    create_store(folder, PASSPHRASE).close()
    assert store_exists(folder)
    with pytest.raises(StoreExistsError):
        create_store(folder, PASSPHRASE)
    assert wipe_store(folder) > 0
    assert not store_exists(folder)


def test_a_backup_restores_elsewhere_whole_and_under_its_passphrase(tmp_path: Path) -> None:
    report = Report.new(ReportContent.from_json(example()))
    with create_store(tmp_path / "store", PASSPHRASE) as store:
        ReportRepository(store, default_gazetteer()).add(report)
        write_backup(store, tmp_path / "backup.gwbackup")
    with pytest.raises(WrongPassphraseError):
        restore_backup(tmp_path / "other", tmp_path / "backup.gwbackup", "not it", replace=False)
    restore_backup(tmp_path / "other", tmp_path / "backup.gwbackup", PASSPHRASE, replace=False)
    with pytest.raises(StoreExistsError):  # a store there is replaced only when asked
        restore_backup(tmp_path / "other", tmp_path / "backup.gwbackup", PASSPHRASE, replace=False)
    with unlock(tmp_path / "other", PASSPHRASE) as restored:
        assert check_integrity(restored).ok
        assert ReportRepository(restored).get(report.id).row.id == report.id


def test_unlock_indexed_brings_an_older_index_up_to_this_versions_rules(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with create_store(folder, PASSPHRASE) as store:
        settings = SettingsRepository(store)
        current = settings.get(SEARCH_FORM_SETTING)
        settings.set(SEARCH_FORM_SETTING, 0)  # as an older build left it
    with unlock(folder, PASSPHRASE) as store:
        assert SettingsRepository(store).get(SEARCH_FORM_SETTING) == 0  # plain unlock: as it was
    with unlock_indexed(folder, PASSPHRASE) as store:
        assert SettingsRepository(store).get(SEARCH_FORM_SETTING) == current
