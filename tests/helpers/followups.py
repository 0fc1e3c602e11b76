"""A correspondent's store as it stands after enrolment and a sync that brought a question,
without a server: a device identity with throwaway keys, and a question stored as
`sync_followups` stores an opened one."""

from datetime import UTC, datetime

from desktop.store import followups as followup_store
from desktop.store.database import Store
from desktop.store.followups import NewQuestion
from desktop.store.identity import DeviceIdentity, IdentityRepository
from sync.envelope import DeviceSigningKey, NewsroomKeyPair

QUESTION_ID = "0b7f9a52-7a45-4d8e-9a4f-3c1a6f1d2e01"
MESSAGE_ID = "0b7f9a52-7a45-4d8e-9a4f-3c1a6f1d2e02"


def enrol_offline(store: Store) -> None:
    """Enrol `store` with a newsroom nobody runs (its server address answers nothing)."""
    newsroom = NewsroomKeyPair.generate("x25519").public_key
    IdentityRepository(store).save(
        DeviceIdentity(
            device_id="gw-0123456789abcdef0123",
            signing_key=DeviceSigningKey.generate().private_bytes(),
            server_url="http://127.0.0.1:9",
            token="t" * 43,
            newsroom_key=newsroom.to_text(),
            newsroom_fingerprint=newsroom.fingerprint,
            tls_fingerprint=None,
            proxy=None,
            label=None,
            enrolled_at=datetime.now(UTC),
        )
    )


def store_question(store: Store, report_id: str, text: str = "Which side closed first?") -> None:
    """The desk's question `QUESTION_ID` about `report_id`, as received."""
    with store.transaction() as conn:
        followup_store.add_question(
            conn,
            NewQuestion(
                question_id=QUESTION_ID,
                message_id=MESSAGE_ID,
                report_id=report_id,
                text=text,
                desk_label="desk 1",
                asked_at=datetime(2025, 3, 1, 6, tzinfo=UTC),
            ),
            datetime(2025, 3, 1, 6, 5, tzinfo=UTC),
        )
