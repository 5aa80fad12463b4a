"""Safe writes: a file is replaced whole or not at all, and every failure leaves no temp file behind."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from goalwriter.io import safe_write
from goalwriter.io.safe_write import StagedFiles, WriteError, clean_filename, lock_files, unique_names, write_atomic


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_replaces_the_whole_file(tmp_path):
    target = tmp_path / "Rivera, Maya - IEP goals draft.docx"
    target.write_bytes(b"old")
    assert write_atomic(target, b"new contents") == target
    assert target.read_bytes() == b"new contents"
    assert leftovers(tmp_path) == []


def test_new_file_gets_ordinary_permissions(tmp_path):
    target = write_atomic(tmp_path / "a.docx", b"x")
    mode = stat.S_IMODE(target.stat().st_mode)
    assert mode & stat.S_IRUSR and mode & stat.S_IWUSR
    assert mode == safe_write._NEW_FILE_MODE


@pytest.mark.parametrize("lock", ["~$vera, Maya - IEP goals draft.docx", "~$Rivera, Maya - IEP goals draft.docx",
                                  ".~lock.Rivera, Maya - IEP goals draft.docx#"])
def test_a_document_open_in_word_or_libreoffice_is_not_touched(tmp_path, lock):
    target = tmp_path / "Rivera, Maya - IEP goals draft.docx"
    target.write_bytes(b"what the teacher has open")
    (tmp_path / lock).write_bytes(b"owner")
    assert lock_files(target) == [tmp_path / lock]
    with pytest.raises(WriteError, match=r"is open in (Word|LibreOffice); close it there") as info:
        write_atomic(target, b"new")
    assert lock in str(info.value)
    assert target.read_bytes() == b"what the teacher has open"
    assert leftovers(tmp_path) == []


def test_a_read_only_target_is_refused(tmp_path):
    target = tmp_path / "a.docx"
    target.write_bytes(b"keep me")
    target.chmod(0o444)
    try:
        with pytest.raises(WriteError, match="is read-only; nothing was written"):
            write_atomic(target, b"new")
    finally:
        target.chmod(0o644)
    assert target.read_bytes() == b"keep me"
    assert leftovers(tmp_path) == []


def test_a_locked_target_fails_on_replace_and_the_temp_is_removed(tmp_path, monkeypatch):
    target = tmp_path / "a.docx"
    target.write_bytes(b"keep me")

    def refuse(_src, _dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safe_write.os, "replace", refuse)
    message = "cannot replace “a.docx”: it is open in another program or read-only"
    with pytest.raises(WriteError, match=re.escape(message)):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"keep me"
    assert leftovers(tmp_path) == []


def test_an_unwritable_folder_is_reported(tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safe_write.tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError, match=re.escape(f"cannot write to the folder “{tmp_path}”: permission denied")):
        write_atomic(tmp_path / "a.docx", b"new")
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_writing_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "a.docx"
    real_fsync = os.fsync

    def disk_full(fd):
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safe_write.os, "fsync", disk_full)
    with pytest.raises(WriteError, match="No space left on device"):
        write_atomic(target, b"x" * 10000)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("where", "message"),
    [("missing/a.docx", "does not exist"), ("file.txt/a.docx", "is not a folder"), ("folder", "is a folder")],
)
def test_bad_targets(tmp_path, where, message):
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "folder").mkdir()
    with pytest.raises(WriteError, match=message):
        write_atomic(tmp_path / where, b"x")


def test_a_folder_under_a_file_cannot_be_created(tmp_path):
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(WriteError, match="cannot create the folder"):
        write_atomic(tmp_path / "file.txt" / "sub" / "a.docx", b"x", create_folder=True)


def test_staged_batch_is_all_or_nothing(tmp_path):
    old = tmp_path / "b.docx"
    old.write_bytes(b"old b")
    with StagedFiles() as staged:
        staged.add(tmp_path / "a.docx", b"a")
        staged.add(old, b"new b")
        assert len(leftovers(tmp_path)) == 2 and not (tmp_path / "a.docx").exists()
        # leaving the block without commit (a cancel, an error) removes the temps and changes nothing
    assert leftovers(tmp_path) == []
    assert not (tmp_path / "a.docx").exists() and old.read_bytes() == b"old b"
    with StagedFiles() as staged:
        staged.add(tmp_path / "new" / "deeper" / "a.docx", b"a", create_folder=True)
    assert not (tmp_path / "new").exists()  # the folders made for it are gone again
    with StagedFiles() as staged:
        staged.add(tmp_path / "a.docx", b"a")
        staged.add(old, b"new b")
        assert staged.commit() == [tmp_path / "a.docx", old]
    assert (tmp_path / "a.docx").read_bytes() == b"a" and old.read_bytes() == b"new b"
    assert leftovers(tmp_path) == []


def test_staged_commit_rechecks_a_target_opened_meanwhile(tmp_path):
    target = tmp_path / "a.docx"
    with StagedFiles() as staged:
        staged.add(target, b"a")
        (tmp_path / "~$a.docx").write_bytes(b"owner")
        with pytest.raises(WriteError, match="open in Word"):
            staged.commit()
    assert not target.exists()
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("Rivera, Maya - IEP goals draft.docx", "Rivera, Maya - IEP goals draft.docx"),
        ('a<b>:c"d/e\\f|g?h*.docx', "ab-c'd-e-f-gh.docx"),
        ("tab\tand\x07bell.docx", "tabandbell.docx"),
        ("trailing dots... ", "trailing dots"),
        ("CON.docx", "_CON.docx"),
        ("lpt1", "_lpt1"),
        ("...", "export"),
        ("李雷 - IEP at a glance.docx", "李雷 - IEP at a glance.docx"),
        ("O'Brien, Seán 😀.docx", "O'Brien, Seán 😀.docx"),
        ("x" * 300 + ".docx", "x" * 145 + ".docx"),
    ],
)
def test_clean_filename(name, clean):
    assert clean_filename(name) == clean


def test_unique_names_ignore_case():
    assert unique_names(["A.docx", "a.docx", "b", "A.docx"]) == ["A.docx", "a (2).docx", "b", "A (3).docx"]
