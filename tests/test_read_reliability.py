"""Reading never hangs and one bad article never costs the batch (issue 15's reading items).

Each case runs the CLI in a subprocess, as a user would, with a timeout: a hang fails the test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

FIRE = "A fire broke out at a warehouse on Monday night, the fire service said. Nobody was hurt."
COURT = "A court in Leeds jailed a former councillor for four years on Friday for fraud, prosecutors said."


def run(*args, stdin=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "storydiff", "compare", *map(str, args), "-f", "json"],
                          capture_output=True, text=True, stdin=stdin, timeout=timeout)


def titles_and_errors(result):
    assert "Traceback" not in result.stderr, result.stderr
    report = json.loads(result.stdout)
    return [a["path"] for a in report["articles"]], result.stderr


def test_a_lone_surrogate_in_a_json_record_costs_nothing(write):
    records = [{"text": "Flood waters rose \ud800 on Monday. At least 12 people died, officials said."},
               {"text": FIRE}]
    path = write("batch.json", json.dumps(records))  # json.dumps writes the surrogate as \ud800
    result = run(path)
    assert result.returncode == 0, result.stderr
    paths, _ = titles_and_errors(result)
    assert len(paths) == 2
    assert "died" in result.stdout


def test_a_bad_jsonl_line_costs_that_line_only(write):
    deep = "[" * 100_000 + "]" * 100_000
    huge = '{"text": "Prices rose.", "id": ' + "7" * 5000 + "}"
    lines = [json.dumps({"text": FIRE}), deep, huge, json.dumps({"text": COURT})]
    result = run(write("feed.jsonl", "\n".join(lines)))
    assert result.returncode == 0, result.stderr
    paths, stderr = titles_and_errors(result)
    assert len(paths) == 2
    assert "feed.jsonl:2" in stderr and "feed.jsonl:3" in stderr
    assert "feed.jsonl:1" not in stderr and "feed.jsonl:4" not in stderr


def test_a_nul_byte_in_one_jsonl_line_costs_that_line_only(write):
    # Found by the property below: one line '{"text": "\x00' used to make the whole
    # feed "binary file (contains NUL bytes)".
    lines = [json.dumps({"text": FIRE}), '{"text": "\x00', json.dumps({"text": COURT})]
    result = run(write("feed.jsonl", "\n".join(lines)))
    assert result.returncode == 0, result.stderr
    paths, stderr = titles_and_errors(result)
    assert len(paths) == 2
    assert "feed.jsonl:2" in stderr and "binary" not in stderr


def test_a_record_past_the_article_limit_costs_that_record_only(write, monkeypatch):
    # A 1 GB batch may hold one 200 MB record: it used to be compared (no result after
    # 420 s at 3.2 GB); it is one article, and past the article limit.
    from storydiff.core.read import load

    monkeypatch.setattr(load, "MAX_FILE_BYTES", 2_000)
    lines = [json.dumps({"text": FIRE}), json.dumps({"text": COURT * 40}), json.dumps({"text": COURT})]
    loaded = load.load_paths([str(write("feed.jsonl", "\n".join(lines)))])
    assert [a.text for a in loaded.articles] == [FIRE, COURT]
    assert [e.path.rsplit(":", 1)[-1] for e in loaded.errors] == ["2"]
    assert "article too large" in loaded.errors[0].reason


def test_a_txt_file_with_nul_bytes_is_still_refused_as_binary(write):
    result = run(write("dump.txt", b"Storm \x00\x00\x00 hit the coast."), write("fire.txt", FIRE))
    assert "dump.txt" in result.stderr and "NUL" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_and_a_link_to_dev_zero_in_a_folder_never_hang(write, tmp_path):
    write("fire.txt", FIRE)
    write("court.txt", COURT)
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    result = run(tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    paths, stderr = titles_and_errors(result)
    assert len(paths) == 2
    assert "pipe.txt: not a regular file (a FIFO)" in stderr
    assert "zero.txt: not a regular file (a device)" in stderr


def test_standard_input_is_read_up_to_the_size_limit(write):
    with open("/dev/zero", "rb") as zero:
        result = run("-", write("fire.txt", FIRE), stdin=zero, timeout=120)
    assert "Traceback" not in result.stderr
    assert "-: standard input too large" in result.stderr
    assert result.returncode == 0


@pytest.mark.parametrize("text", [
    "GIF89a turned 37 this year, and the looping images it made possible are still everywhere.\n",
    "BZh is how the broadcaster's ticker abbreviated the region; the storm reached it on Monday.\n",
])
def test_prose_that_starts_like_a_binary_signature_is_read(write, text):
    result = run(write("note.txt", text), write("fire.txt", FIRE))
    assert result.returncode == 0, result.stderr
    paths, stderr = titles_and_errors(result)
    assert len(paths) == 2, stderr


def test_real_binary_files_are_still_refused(write):
    gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04"
    bz2 = __import__("bz2").compress(b"hello")
    result = run(write("a.txt", gif), write("b.txt", bz2), write("fire.txt", FIRE))
    assert "a.txt: binary file (a GIF image)" in result.stderr
    assert "b.txt: binary file (bzip2-compressed data)" in result.stderr


def test_the_app_reads_standard_input_up_to_the_size_limit_too():
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run([sys.executable, "-m", "storydiff", "-"], stdin=zero, capture_output=True,
                                text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == "storydiff: -: standard input too large (the limit is 21 MB for an article)"


def test_property_a_batch_always_loads_its_good_records(tmp_path_factory):
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from storydiff.core.read.load import load_paths

    folder = tmp_path_factory.mktemp("batches")
    surrogate = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
    bad_line = st.one_of(
        st.integers(1_000, 60_000).map(lambda n: "[" * n + "]" * n),
        st.integers(4_301, 8_000).map(lambda n: '{"text": "x", "n": ' + "9" * n + "}"),
        st.text(min_size=1, max_size=20).map(lambda t: '{"text": "' + t.replace('"', "")),
    )
    odd_record = st.lists(surrogate, min_size=1, max_size=5).map(
        lambda cs: json.dumps({"text": f"Storm {''.join(cs)} hit the coast on Monday, forecasters said."}))
    line = st.one_of(st.tuples(st.just("good"), st.sampled_from([FIRE, COURT]).map(lambda t: json.dumps({"text": t}))),
                     st.tuples(st.just("good"), odd_record), st.tuples(st.just("bad"), bad_line))

    @settings(max_examples=25, deadline=None)
    @given(st.lists(line, min_size=1, max_size=6))
    def check(lines):
        path = folder / "feed.jsonl"
        path.write_text("\n".join(text for _, text in lines), encoding="utf-8", errors="surrogatepass")
        loaded = load_paths([str(path)])
        assert len(loaded.articles) == sum(kind == "good" for kind, _ in lines)
        for article in loaded.articles:
            article.text.encode("utf-8")  # printable and exportable: no lone surrogate left

    check()
