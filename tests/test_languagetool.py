"""LanguageTool via language_tool_python 3.4.0 against a replayed server (real wire fixtures)."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from pytest_httpserver import HTTPServer

from afterword.checks.grammar import make_checker, start_warmup
from afterword.checks.grammar.languagetool import installed_version
from afterword.config import CheckSettings
from afterword.dictionary import add_word

LT = Path(__file__).resolve().parent / "fixtures" / "languagetool"
EN_TEXT = "LanguageTool Extensin is the best onee there shud be."
GRAMMAR_TEXT = "I has a apple and teh dog runned"


def _fixture(name: str) -> str:
    return (LT / name).read_text("utf-8")


def _serve(httpserver: HTTPServer, check_body: str) -> None:
    httpserver.expect_request("/v2/languages", method="GET").respond_with_data(
        _fixture("languages.json"), content_type="application/json"
    )
    httpserver.expect_request("/v2/check", method="POST").respond_with_data(
        check_body, content_type="application/json"
    )


def _remote(httpserver: HTTPServer) -> CheckSettings:
    return CheckSettings(languagetool="remote", languagetool_url=httpserver.url_for("/"))


def _form(httpserver: HTTPServer) -> dict[str, list[str]]:
    posts = [req for req, _ in httpserver.log if req.path == "/v2/check"]
    assert len(posts) == 1
    assert posts[0].headers["Content-Type"] == "application/x-www-form-urlencoded"
    return parse_qs(posts[0].get_data(as_text=True))


def test_remote_spelling_matches_become_spelling_issues(httpserver: HTTPServer) -> None:
    _serve(httpserver, _fixture("check_en.json"))
    checker = make_checker(_remote(httpserver), "en")
    issues = checker.check(EN_TEXT, "en")

    assert checker.name == "languagetool-remote"
    assert [req.path for req, _ in httpserver.log] == ["/v2/languages", "/v2/check"]
    assert _form(httpserver) == {"language": ["en-US"], "text": [EN_TEXT]}
    spans = [(EN_TEXT[i.offset : i.offset + i.length], i.source, i.severity) for i in issues]
    assert spans == [
        ("Extensin", "spelling", "error"),
        ("onee", "spelling", "error"),
        ("shud", "spelling", "error"),
    ]
    assert issues[0].rule == "MORFOLOGIK_RULE_EN_US"
    assert issues[0].replacements[0] == "Extension"
    assert issues[2].replacements == ["shut", "shed", "HUD", "shad", "shun"]  # the first five


def test_remote_grammar_and_a_an_are_mapped_by_category_and_issue_type(httpserver: HTTPServer) -> None:
    _serve(httpserver, _fixture("check_en_grammar.json"))
    issues = make_checker(_remote(httpserver), "en").check(GRAMMAR_TEXT, "en")

    by_word = {GRAMMAR_TEXT[i.offset : i.offset + i.length]: i for i in issues}
    assert by_word["has"].source == "grammar" and by_word["has"].replacements == ["have"]
    assert by_word["a"].rule == "EN_A_VS_AN" and by_word["a"].source == "spelling"  # issueType misspelling
    assert by_word["a"].replacements == ["an"]
    assert by_word["teh"].source == "spelling" and by_word["teh"].replacements[0] == "the"
    assert all(i.severity == "error" for i in issues)


def test_vocabulary_words_are_not_reported_as_typos(httpserver: HTTPServer) -> None:
    _serve(httpserver, _fixture("check_en.json"))
    issues = make_checker(_remote(httpserver), "en").check(EN_TEXT, "en", {"Extensin", "onee"})
    assert [EN_TEXT[i.offset : i.offset + i.length] for i in issues] == ["shud"]


def test_words_in_the_user_dictionary_are_not_reported_as_typos(httpserver: HTTPServer) -> None:
    _serve(httpserver, _fixture("check_en.json"))
    assert add_word("Onee") is True  # any case: the dictionary is case-folded
    issues = make_checker(_remote(httpserver), "en").check(EN_TEXT, "en", {"Extensin"})
    assert [EN_TEXT[i.offset : i.offset + i.length] for i in issues] == ["shud"]


def test_the_user_dictionary_does_not_hide_grammar_matches(httpserver: HTTPServer) -> None:
    _serve(httpserver, _fixture("check_en_grammar.json"))
    assert add_word("has") is True
    issues = make_checker(_remote(httpserver), "en").check(GRAMMAR_TEXT, "en")
    assert "has" in {GRAMMAR_TEXT[i.offset : i.offset + i.length] for i in issues}


def test_server_error_falls_back_to_the_offline_checker(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v2/languages").respond_with_data(
        _fixture("languages.json"), content_type="application/json"
    )
    httpserver.expect_request("/v2/check").respond_with_data("Internal Server Error", status=500)
    checker = make_checker(_remote(httpserver), "en")
    issues = checker.check("I recieve your email.", "en")

    assert checker.name.startswith("offline-en (harper + rules)")
    assert "languagetool-remote failed" in checker.name
    assert [(i.offset, i.replacements[0]) for i in issues] == [(2, "receive")]


def test_server_down_falls_back_and_says_why() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = CheckSettings(languagetool="remote", languagetool_url=f"http://127.0.0.1:{port}/")
    checker = make_checker(settings, "en")
    issues = checker.check("Its a pleasure.", "en")
    assert checker.name == "offline-en (harper + rules) (languagetool-remote failed: connection refused)"
    assert issues[0].replacements == ["It's"]


def test_japanese_remote_adds_our_rules(httpserver: HTTPServer) -> None:
    empty = json.loads(_fixture("check_en.json")) | {"matches": []}
    _serve(httpserver, json.dumps(empty))
    checker = make_checker(_remote(httpserver), "ja")
    text = "部長がおっしゃられた通りです。"
    issues = checker.check(text, "ja")

    assert _form(httpserver)["language"] == ["ja-JP"]
    assert checker.name == "languagetool-remote + offline-ja (janome + rules)"
    assert [(text[i.offset : i.offset + i.length], i.replacements) for i in issues] == [
        ("おっしゃられた", ["おっしゃった"])
    ]


def test_local_without_download_or_consent_is_offline_and_downloads_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    assert installed_version() is None
    checker = make_checker(CheckSettings(languagetool="local"), "en")
    assert checker.name == "offline-en (harper + rules)"
    warm = start_warmup(CheckSettings(languagetool="local"), "en")
    assert warm.languagetool is False
    assert warm.wait(30)
    assert not (tmp_path / "lt").exists()  # nothing was downloaded, not even a folder made


def test_no_java_means_offline_even_with_consent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no `java` on PATH
    checker = make_checker(CheckSettings(languagetool="local"), "ja", allow_download=True)
    assert checker.name == "offline-ja (janome + rules)"


def test_off_and_public_are_explicit() -> None:
    assert make_checker(CheckSettings(languagetool="off"), "en").name == "offline-en (harper + rules)"
    assert make_checker(CheckSettings(languagetool="public"), "en").name == "languagetool-public"
