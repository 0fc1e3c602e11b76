"""The desk's photos: cleaned again on every opening, whatever the device claims.

A correspondent's app removes a photo's metadata on import (services/photos.py), but the
desk cannot know the sending app was unmodified: a photo may arrive with GPS, a camera
serial number or a comment. So every photo the desk hands out — to a file, a screen, an
export — goes through the same `import_photo` as a capture, and the bytes as received
never leave the store.
"""

from __future__ import annotations

from desktop.domain.photo_limits import MAX_ATTACHMENT_BYTES
from desktop.services.photos import CleanPhoto, import_photo
from desktop.store.database import Store
from desktop.store.desk.core import DeskRepository

# The largest edge a correspondent can choose (Settings): the desk never scales a photo
# down further than its sender could have.
MAX_EDGE = 8000


def clean_photo(store: Store, report_id: str, position: int) -> CleanPhoto | None:
    """Photo `position` of a received report, re-encoded without metadata; None when the
    desk holds no complete photo there. Raises PhotoError for one that does not decode."""
    data = DeskRepository(store).attachment_data(report_id, position)
    if data is None:
        return None
    return import_photo(data, max_edge=MAX_EDGE, max_input_bytes=MAX_ATTACHMENT_BYTES)
