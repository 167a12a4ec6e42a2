"""A report that cannot be written leaves nothing behind and says what to do."""

from __future__ import annotations

import errno

import pytest

from app.errors import Cancelled, UserFacingError
from app.reports import atomic
from app.reports.leadership_workbook import write_leadership_workbook
from app.reports.organisation_pdf import write_organisation_pdf


def test_pdf_into_a_missing_folder_raises_a_user_facing_error(tmp_path, overview):
    out = tmp_path / "no such folder" / "overview.pdf"
    with pytest.raises(UserFacingError, match="does not exist"):
        write_organisation_pdf(overview, out, page_size="A4")
    assert not out.parent.exists()


def test_workbook_into_a_missing_folder_raises_a_user_facing_error(tmp_path, overview):
    out = tmp_path / "missing" / "leadership.xlsx"
    with pytest.raises(UserFacingError, match="does not exist"):
        write_leadership_workbook(overview, out)


def test_a_full_disk_while_writing_leaves_no_file_and_keeps_the_old_one(
    tmp_path, overview, monkeypatch
):
    out = tmp_path / "overview.pdf"
    out.write_bytes(b"the previous report")

    def disk_full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", disk_full)
    with pytest.raises(UserFacingError, match="disk is full"):
        write_organisation_pdf(overview, out, page_size="A4")
    assert out.read_bytes() == b"the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["overview.pdf"]


def test_a_cancelled_report_leaves_nothing_behind(tmp_path, overview):
    def cancel(done: int, total: int) -> None:
        if done:
            raise Cancelled()

    with pytest.raises(Cancelled):
        write_leadership_workbook(overview, tmp_path / "w.xlsx", progress=cancel)
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_folder_is_explained(tmp_path, overview, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(UserFacingError, match="cannot write to the folder"):
        write_leadership_workbook(overview, tmp_path / "w.xlsx")
    assert list(tmp_path.iterdir()) == []
