"""`make demo`: the whole sealed path on one machine, from a fresh clone.

1. a desk store with a fresh newsroom key pair (the private key stays in that store);
2. a newsroom server on 127.0.0.1 (a free port) for the public key, in its own process;
3. a correspondent store enrolled with a one-time invite (the newsroom key fingerprint is
   checked), filled with the demo story in Burmese and English (a few drafts stay drafts),
   one report with a photo;
4. a sync (reports and the photo sealed at queue time, sent, receipts stored);
5. a pull into the desk store (verified, opened, stored);
6. where each store lives and its passphrase; then the correspondent's app opens (you type
   the passphrase) and the server runs until the app closes. ``--no-gui``: stop here.

Everything lives under ``./demo-data/<time>/`` (gitignored), or ``--dir``.
"""

from __future__ import annotations

import argparse
import io
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw

from desktop.domain.gazetteer import default_gazetteer
from desktop.domain.report_state import ReportState
from desktop.services import sync
from desktop.services.correspondent import capture
from desktop.services.correspondent.demo import demo_reports
from desktop.services.desk import connection as desk_connection
from desktop.services.desk import core as desk
from desktop.services.photos import import_photo
from desktop.store.attachments import AttachmentRepository
from desktop.store.database import Store, create_store, open_store
from desktop.store.reports import ReportRepository
from sync.protocol import Invite, encode_invite
from sync.server.store import ServerStore
from sync.server.testing import init_server

WORDS = ("laiza", "gate", "river", "bamboo", "truck", "tea", "salt", "ridge", "rain", "jade")


def passphrase() -> str:
    """A demo passphrase that is easy to type: four words and two digits."""
    words = [secrets.choice(WORDS) for _ in range(4)]
    return "-".join(words) + f"-{secrets.randbelow(90) + 10}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(data_dir: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        command = [sys.executable, "-m", "sync.server", "--data-dir", str(data_dir)]
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [*command, "serve", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped at once; see {log}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit(f"the server did not start within 30 s; see {log}")


def gate_photo() -> tuple[str, bytes, int, int]:
    """A made-up photo of a barricade (no camera, so no metadata to begin with)."""
    image = Image.new("RGB", (640, 420), (120, 150, 110))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 300, 640, 420), fill=(90, 80, 70))
    for x in range(40, 640, 70):
        draw.line((x, 200, x + 40, 320), fill=(160, 120, 60), width=9)
    draw.line((0, 250, 640, 250), fill=(60, 60, 60), width=3)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    clean = import_photo(out.getvalue())
    return clean.media_type, clean.data, clean.width, clean.height


def fill(store: Store) -> tuple[int, int]:
    """The demo story in Burmese and English: queued through the window's path (so each
    is sealed at once), drafts kept; a photo on the first report. Returns (queued, drafts)."""
    gazetteer = default_gazetteer()
    reports = ReportRepository(store, gazetteer)
    queued = drafts = 0
    photo = gate_photo()
    for report, draft in demo_reports("my") + demo_reports("en"):
        reports.add(report, state=ReportState.DRAFT)
        if queued == 0 and not draft:
            media_type, data, width, height = photo
            AttachmentRepository(store).add(report.id, media_type, data, width=width, height=height)
        if draft:
            drafts += 1
        else:
            capture.queue_draft(store, gazetteer, report.id)
            queued += 1
    return queued, drafts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="where to put the demo (default ./demo-data/…)")
    parser.add_argument("--no-gui", action="store_true", help="exit after the desk's pull")
    args = parser.parse_args(argv)
    root: Path = args.dir or Path("demo-data") / datetime.now().strftime("%Y%m%d-%H%M%S")
    root = root.absolute()
    if root.exists() and any(root.iterdir()):
        raise SystemExit(f"{root} is not empty: choose another --dir")
    root.mkdir(parents=True, exist_ok=True)
    desk_dir, corr_dir, server_dir = root / "desk", root / "correspondent", root / "server"
    desk_pass, corr_pass = passphrase(), passphrase()

    print("1. Desk store and newsroom key pair …")
    with create_store(desk_dir, desk_pass) as desk_store:
        public = desk_connection.init_desk(desk_store)
    (root / "newsroom.pub").write_text(public.to_text() + "\n", encoding="ascii")

    print("2. Newsroom server on 127.0.0.1 …")
    init_server(server_dir, public)
    with ServerStore.open(server_dir) as admin:
        _, invite_token, _ = admin.tokens.create_invite("demo laptop", 7)
        _, desk_token = admin.tokens.create_desk_token("demo desk")
    invite = encode_invite(Invite(invite_token, public.fingerprint))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(server_dir, port, root / "server.log")
    try:
        print("3. Correspondent store: enrol, fill with the demo story …")
        with create_store(corr_dir, corr_pass) as corr:
            identity = sync.enroll(corr, url, invite, "demo laptop")
            queued, drafts = fill(corr)
            print("4. Sync …")
            sent = 0
            while True:
                outcome = sync.sync_once(corr)
                sent += outcome.sent
                if outcome.error is not None or not outcome.more:
                    break
            if not outcome.done:
                raise SystemExit(f"the sync stopped: {outcome.error}: {outcome.message}")
        print("5. Desk pull …")
        with open_store(desk_dir, desk_pass) as desk_store:
            desk_connection.connect(desk_store, url, desk_token)
            pulled = desk.pull(desk_store)
        print()
        print(f"Newsroom key     {public.kem}, fingerprint {public.fingerprint}")
        print(f"Server           {url}  (data: {server_dir}, log: {root / 'server.log'})")
        print(f"Correspondent    {corr_dir}")
        print(f"  passphrase     {corr_pass}")
        print(f"  device         {identity.device_id}: {queued} reports sent ({sent} now),")
        print(f"                 {drafts} drafts kept on the device")
        print(f"Desk             {desk_dir}")
        print(f"  passphrase     {desk_pass}")
        print(
            f"  pulled         {pulled.reports} reports, {pulled.photos} photo(s), "
            f"{pulled.refused} refused"
        )
        print(f"Try: GATEWATCH_PASSPHRASE='{desk_pass}' gatewatch --data-dir {desk_dir} desk list")
        if args.no_gui:
            return 0
        print()
        print("Opening the correspondent's app: type its passphrase above.")
        print("The server keeps running until the app closes.")
        env = {k: v for k, v in os.environ.items() if k != "GATEWATCH_PASSPHRASE"}
        gatewatch = shutil.which("gatewatch", path=str(Path(sys.executable).parent))
        script = "import sys; from desktop.cli import main; sys.exit(main())"
        command = [gatewatch] if gatewatch else [sys.executable, "-c", script]
        # Our own console script (or interpreter), with the demo's folder.
        return subprocess.call([*command, "--data-dir", str(corr_dir)], env=env)  # noqa: S603
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    sys.exit(main())
