"""Write a report file whole or not at all: into a temporary file beside it, then rename."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from app.errors import UserFacingError
from app.i18n import _


def _explain(error: OSError, out: Path, what: str) -> UserFacingError:
    # {what} below comes translated from the caller: "PDF report" or "workbook".
    folder = out.parent
    if isinstance(error, FileNotFoundError) or error.errno in (errno.ENOENT, errno.ENOTDIR):
        return UserFacingError(
            _(
                "The {what} could not be saved because the folder “{folder}” does not exist. "
                "Choose another folder and try again."
            ).format(what=what, folder=folder)
        )
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return UserFacingError(
            _(
                "The {what} could not be saved because the disk is full. "
                "Free some space or choose another drive, then try again."
            ).format(what=what)
        )
    if isinstance(error, IsADirectoryError) or out.is_dir():
        return UserFacingError(
            _(
                "The {what} could not be saved because “{file}” is a folder. Choose a file name."
            ).format(what=what, file=out)
        )
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        if out.exists():
            return UserFacingError(
                _(
                    "The {what} could not be saved over “{file}”: the file is open in another "
                    "program or is read-only. Close it (for example in Excel or your PDF viewer) "
                    "or choose another name, then try again."
                ).format(what=what, file=out.name)
            )
        return UserFacingError(
            _(
                "The {what} could not be saved because you cannot write to the folder "
                "“{folder}”. Choose another folder, such as your Documents folder, and try again."
            ).format(what=what, folder=folder)
        )
    if error.errno == errno.EROFS:
        return UserFacingError(
            _(
                "The {what} could not be saved because “{folder}” is on a read-only drive. "
                "Choose another folder and try again."
            ).format(what=what, folder=folder)
        )
    return UserFacingError(
        _(
            "The {what} could not be saved to “{file}”: {reason}. "
            "Choose another folder and try again."
        ).format(what=what, file=out, reason=error.strerror or error)
    )


@contextlib.contextmanager
def atomic_output(out: Path, *, what: str) -> Iterator[Path]:
    """Yield a temporary path beside ``out``; on success it replaces ``out`` in one step.

    If the body raises (including Cancelled), the temporary file is removed and ``out`` is
    left as it was. Operating-system errors become a UserFacingError naming ``what``
    ("PDF report", "workbook", translated by the caller) and saying what to do.
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
