"""The web app's settings (web/settings.py): loopback detection and what the environment
sets."""

from __future__ import annotations

import pytest

from tollwatch.web.settings import (
    ALLOW_PRIVATE_ENV,
    CACHE_ENV,
    LOOPBACK_HOSTS,
    TOKEN_ENV,
    Settings,
    is_loopback_host,
)


@pytest.mark.parametrize(("host", "loop"), [
    ("127.0.0.1", True), ("127.8.9.10", True), ("localhost", True), ("LocalHost", True),
    ("::1", True), ("[::1]", True), ("0.0.0.0", False), ("::", False), ("10.0.0.1", False),
    ("192.168.0.10", False), ("example.org", False), ("localhost.example.org", False),
    ("", False), ("127.0.0.1:80", False)])
def test_is_loopback_host(host: str, loop: bool) -> None:
    assert is_loopback_host(host) is loop


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in (TOKEN_ENV, ALLOW_PRIVATE_ENV, CACHE_ENV):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_loopback_defaults(clean_env: pytest.MonkeyPatch) -> None:
    s = Settings.from_env("127.0.0.1")
    assert s.token is None and s.public_reads is True
    assert s.allowed_hosts == LOOPBACK_HOSTS
    assert s.allow_private_fetch is False and s.cache is True


def test_beyond_loopback_reads_need_the_token_and_any_host_is_accepted(
        clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv(TOKEN_ENV, "s3cret")
    s = Settings.from_env("0.0.0.0")
    assert s.token == "s3cret" and s.public_reads is False and s.allowed_hosts == ()


def test_an_empty_token_is_no_token(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv(TOKEN_ENV, "")
    assert Settings.from_env().token is None


@pytest.mark.parametrize(("value", "allowed"), [
    ("1", True), ("true", True), ("YES", True), (" on ", True), ("0", False),
    ("no", False), ("", False), ("maybe", False)])
def test_private_fetches_from_the_environment(clean_env: pytest.MonkeyPatch, value: str,
                                              allowed: bool) -> None:
    clean_env.setenv(ALLOW_PRIVATE_ENV, value)
    assert Settings.from_env().allow_private_fetch is allowed


@pytest.mark.parametrize(("value", "cache"), [("0", False), ("1", True), ("", True),
                                              ("off", True)])
def test_the_cache_is_off_only_for_zero(clean_env: pytest.MonkeyPatch, value: str,
                                        cache: bool) -> None:
    clean_env.setenv(CACHE_ENV, value)
    assert Settings.from_env().cache is cache


def test_overrides_win(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv(TOKEN_ENV, "from-env")
    s = Settings.from_env("127.0.0.1", token="given", warm=True, page_size=7)
    assert (s.token, s.warm, s.page_size) == ("given", True, 7)
