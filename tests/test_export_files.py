"""Writing an export: whole or not at all, and never over a file without being asked."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from storydiff.core.export import files
from storydiff.core.export.files import ExistsError, ExportError, write_atomic, write_text


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_the_whole_file_and_leaves_no_temporary_behind(tmp_path: Path) -> None:
    target = tmp_path / "snapshot.html"
    write_text(target, "<p>Ferry aground</p>\n")
    assert target.read_text() == "<p>Ferry aground</p>\n"
    assert _leftovers(tmp_path) == []


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("yesterday's notes")
    with pytest.raises(ExistsError, match="already exists"):
        write_text(target, "today's report")
    assert target.read_text() == "yesterday's notes"
    write_text(target, "today's report", force=True)
    assert target.read_text() == "today's report"
    assert _leftovers(tmp_path) == []


def test_a_file_appearing_during_the_write_is_not_overwritten(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    """Another program creates the target while we write: it wins, we fail cleanly."""
    target = tmp_path / "facts.csv"
    real_fsync = os.fsync

    def meanwhile(fd: int) -> None:
        real_fsync(fd)
        if not target.exists():
            target.write_text("someone else's file")

    monkeypatch.setattr(files.os, "fsync", meanwhile)
    with pytest.raises(ExistsError):
        write_text(target, "fact,kind\n")
    assert target.read_text() == "someone else's file"
    assert _leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_old_file_untouched(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    target.write_text('{"old": true}')

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    with pytest.raises(ExportError, match="No space left on device"):
        write_text(target, '{"new": true}', force=True)
    assert target.read_text() == '{"old": true}'
    assert _leftovers(tmp_path) == []


def test_kill_9_mid_write_never_leaves_half_a_file(tmp_path: Path) -> None:
    """A process killed while writing leaves the target absent, not truncated."""
    target = tmp_path / "big.html"
    child = textwrap.dedent(f"""
        import os, time
        from storydiff.core.export import files
        real = os.fsync
        def slow(fd):
            real(fd)
            print("written", flush=True)
            time.sleep(60)   # killed here: data in the temporary file, not yet renamed
        files.os.fsync = slow
        files.write_atomic({str(target)!r}, b"x" * 5_000_000)
    """)
    process = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "written"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert not target.exists()
    # the orphaned temporary file is hidden (a dot file) with storydiff's temporary name,
    # so the next export into this folder can clean it once it is stale
    assert all(name.startswith(files.TMP_PREFIX) for name in _leftovers(tmp_path))


def test_an_export_gets_ordinary_permissions_not_private_ones(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = write_atomic(tmp_path / "share.html", b"<p>hi</p>")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_folder_is_refused_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder"):
        write_text(tmp_path, "text", force=True)


def test_missing_folders_are_created(tmp_path: Path) -> None:
    target = tmp_path / "exports" / "2025" / "ferry.md"
    write_text(target, "# Ferry\n")
    assert target.read_text() == "# Ferry\n"



# --- issue 15 item 6: targets that are not regular files, long names, stale temporaries ----

def _storydiff(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "storydiff", *args], cwd=cwd, text=True,
                          capture_output=True, timeout=120)


def _article(folder: Path) -> Path:
    path = folder / "court.txt"
    path.write_text("A judge in Leeds sentenced the former mayor to 8 years on Friday.\n")
    return path


def test_force_onto_a_fifo_is_refused_and_the_fifo_stays(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    done = _storydiff("compare", str(_article(tmp_path)), "-f", "md", "-o", str(fifo), "--force",
                      cwd=tmp_path)
    assert done.returncode == 1
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a FIFO, not replaced
    assert _leftovers(tmp_path) == []


def test_a_target_name_near_the_limit_still_writes(tmp_path: Path) -> None:
    target = tmp_path / ("r" * 245 + ".md")
    done = _storydiff("compare", str(_article(tmp_path)), "-o", str(target), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert target.read_text().startswith("# storydiff")
    assert _leftovers(tmp_path) == []


def test_a_temporary_left_by_a_killed_export_is_cleaned_by_the_next(tmp_path: Path) -> None:
    stale = tmp_path / f"{files.TMP_PREFIX}abc123{files.TMP_SUFFIX}"
    stale.write_text("half a fi")
    old = stale.stat().st_mtime - files.STALE_SECONDS - 60
    os.utime(stale, (old, old))
    fresh = tmp_path / f"{files.TMP_PREFIX}def456{files.TMP_SUFFIX}"  # another export, running
    fresh.write_text("in progress")
    write_text(tmp_path / "out.md", "# ok\n")
    assert not stale.exists() and fresh.exists()


def test_huge_numbers_never_become_infinity_in_the_json(tmp_path: Path) -> None:
    import json

    (tmp_path / "a.txt").write_text(f"Officials said {'9' * 400} people attended the rally in "
                                    "Denver on Sunday.\n")
    (tmp_path / "b.txt").write_text("Officials said 500 people attended the rally in Denver on "
                                    "Sunday.\n")
    done = _storydiff("compare", "a.txt", "b.txt", "-f", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr

    def strict(constant: str) -> object:
        raise ValueError(f"not JSON: {constant}")

    report = json.loads(done.stdout, parse_constant=strict)  # Infinity/NaN would raise here
    assert len(report["articles"]) == 2
