"""The `directory` delivery (the default): each digest becomes `<digest_id>.eml` and `<digest_id>.html`.

Files are written to a temporary name and renamed into place, so a reader
never sees half a digest, and delivering the same digest again rewrites the
same files with the same bytes rather than adding a copy.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from monitor.config import Settings
from monitor.digest.delivery.base import Receipt
from monitor.digest.message import build_message
from monitor.errors import DeliveryError
from monitor.events.digests import DigestQueued


class DirectoryDelivery:
    """Writes digests as files into a folder (created when missing)."""

    name = "directory"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def deliver(self, digest: DigestQueued) -> Receipt:
        """Write the .eml (the whole email) and the .html (to open in a browser)."""
        eml = build_message(digest).as_bytes()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_atomically(self.folder / f"{digest.digest_id}.html", digest.html.encode("utf-8"))
            _write_atomically(self.folder / f"{digest.digest_id}.eml", eml)
        except OSError as exc:
            raise DeliveryError(f"cannot write digest {digest.digest_id} into {self.folder}: {exc}") from exc
        return Receipt(detail=str(self.folder / f"{digest.digest_id}.eml"))


def _write_atomically(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def create(settings: Settings) -> DirectoryDelivery:
    """The `directory` method, writing into `delivery.directory` (relative to the config file)."""
    return DirectoryDelivery(settings.path(settings.delivery.directory))
