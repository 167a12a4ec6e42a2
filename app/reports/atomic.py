"""Write a report file whole or not at all: into a temporary file beside it, then rename."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from app.errors import UserFacingError


def _explain(error: OSError, out: Path, what: str) -> UserFacingError:
    folder = out.parent
    if isinstance(error, FileNotFoundError) or error.errno in (errno.ENOENT, errno.ENOTDIR):
        return UserFacingError(
            f"The {what} could not be saved because the folder “{folder}” does not exist. "
            "Choose another folder and try again."
        )
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return UserFacingError(
            f"The {what} could not be saved because the disk is full. "
            "Free some space or choose another drive, then try again."
        )
    if isinstance(error, IsADirectoryError) or out.is_dir():
        return UserFacingError(
            f"The {what} could not be saved because “{out}” is a folder. Choose a file name."
        )
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        if out.exists():
            return UserFacingError(
                f"The {what} could not be saved over “{out.name}”: the file is open in another "
                "program or is read-only. Close it (for example in Excel or your PDF viewer) "
                "or choose another name, then try again."
            )
        return UserFacingError(
            f"The {what} could not be saved because you cannot write to the folder “{folder}”. "
            "Choose another folder, such as your Documents folder, and try again."
        )
    if error.errno == errno.EROFS:
        return UserFacingError(
            f"The {what} could not be saved because “{folder}” is on a read-only drive. "
            "Choose another folder and try again."
        )
    return UserFacingError(
        f"The {what} could not be saved to “{out}”: {error.strerror or error}. "
        "Choose another folder and try again."
    )


@contextlib.contextmanager
def atomic_output(out: Path, *, what: str) -> Iterator[Path]:
    """Yield a temporary path beside ``out``; on success it replaces ``out`` in one step.

    If the body raises (including Cancelled), the temporary file is removed and ``out`` is
    left as it was. Operating-system errors become a UserFacingError naming ``what``
    ("PDF report", "workbook") and saying what to do.
    """
    out = Path(out)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".tmp", dir=out.parent)
    except OSError as error:
        raise _explain(error, out, what) from error
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        os.replace(temp, out)
    except OSError as error:
        raise _explain(error, out, what) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
