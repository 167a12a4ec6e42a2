"""The document model: where the default data file lives, copies and backups of the open file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.errors import DataFileError, UserFacingError
from app.i18n import _
from db.backup import backup_sqlite_file
from db.database import Database

DATA_FILE_SUFFIX = ".upskill"
APP_NAME = "UpskillPlanner"
APP_AUTHOR = "UpskillPlanner"


def default_data_file() -> Path:
    """The file a new user gets without choosing anything, in the user's data directory."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR) / f"organisation{DATA_FILE_SUFFIX}"


def log_directory() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, APP_AUTHOR)


def suggested_backup_name(database: Database) -> str:
    stem = Path(str(database.url.database)).stem if database.is_sqlite else "organisation"
    return f"{stem}-backup-{datetime.now().strftime('%Y-%m-%d-%H%M')}{DATA_FILE_SUFFIX}"


def copy_data_file(database: Database, destination: Path) -> Path:
    """A consistent copy of the open data file (Save a copy / Back up / `upskill backup`)."""
    if not database.is_sqlite:
        raise UserFacingError(
            _(
                "This data lives on a database server; ask its administrator for a backup "
                "(pg_dump), or use File > Save a copy from a local data file."
            )
        )
    source = Path(str(database.url.database))
    if destination.expanduser().resolve() == source.resolve():
        raise UserFacingError(_("Choose a different file: that is the file that is open now."))
    try:
        return backup_sqlite_file(source, destination)
    except OSError as exc:
        raise DataFileError(
            _(
                "Could not write {file}: {reason}. Choose another folder or free some disk space."
            ).format(file=destination, reason=exc.strerror or exc)
        ) from exc
