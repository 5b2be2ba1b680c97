"""The JSON access log line (shop.logs.access_line): written straight to the JSON handler when only it would
see the line, through logging otherwise, the same line either way."""
import io
import json
import logging

import pytest

from shop import logs


@pytest.fixture()
def json_stream(monkeypatch):
    """Logging as production sets it up (configure_json_logging; the app's logger without handlers of its
    own), into a StringIO; the loggers are restored afterwards. Call it in the test's body: pytest adds its
    capture handlers to the root logger when the test starts."""
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    monkeypatch.setattr(root, "level", root.level)
    monkeypatch.setattr(logging.getLogger("shop"), "handlers", [])
    stream = io.StringIO()

    def configure() -> io.StringIO:
        logs.configure_json_logging("INFO")
        root.handlers[0].setStream(stream)  # its stderr, as production's, written into the StringIO
        return stream
    return configure


def _lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def _refuse_records(*args, **kwargs):
    raise AssertionError("the line went through a LogRecord")


def test_the_direct_line_is_the_line_logging_writes(json_stream, monkeypatch):
    """With only the JSON handler, access_line writes without a LogRecord, and its line has the same fields
    and values, in the same order, as the one JsonFormatter writes through logging (but the time)."""
    json_stream = json_stream()
    with monkeypatch.context() as patched:
        patched.setattr(logs.log, "makeRecord", _refuse_records)
        logs.access_line("abc-123", "GET", "/vi/products/trà?q=1", 200, 0.01234, "203.0.113.9")
        logs.access_line("", "POST", "/en/checkout", 303, 0.5, None)
    handler = logging.getLogger().handlers[0]
    handler.addFilter(lambda record: True)  # a filter: the line must go through logging now
    logs.access_line("abc-123", "GET", "/vi/products/trà?q=1", 200, 0.01234, "203.0.113.9")
    logs.access_line("", "POST", "/en/checkout", 303, 0.5, None)
    direct, through_logging = _lines(json_stream)[:2], _lines(json_stream)[2:]
    for line in direct + through_logging:
        assert line.pop("ts").endswith("+00:00")
    assert [list(line) for line in direct] == [list(line) for line in through_logging]
    assert direct == through_logging
    assert direct[0] == {"level": "INFO", "logger": "shop.request", "message": "GET /vi/products/trà?q=1 200",
                         "request_id": "abc-123", "method": "GET", "path": "/vi/products/trà?q=1", "status": 200,
                         "ms": 12.3, "remote": "203.0.113.9"}


def test_another_handler_or_a_quiet_level_keeps_logging_in_charge(json_stream, caplog):
    """A second handler (here pytest's capture) gets the line as a record; below INFO nothing is written."""
    json_stream = json_stream()
    logging.getLogger().addHandler(caplog.handler)
    with caplog.at_level(logging.INFO, logger="shop.request"):
        logs.access_line("r-1", "GET", "/en/products", 200, 0.002, "127.0.0.1")
    assert [r.getMessage() for r in caplog.records if r.name == "shop.request"] == ["GET /en/products 200"]
    assert _lines(json_stream)[0]["request_id"] == "r-1"
    logging.getLogger("shop.request").setLevel(logging.WARNING)
    try:
        logs.access_line("r-2", "GET", "/en/products", 200, 0.002, "127.0.0.1")
    finally:
        logging.getLogger("shop.request").setLevel(logging.NOTSET)
    assert [line["request_id"] for line in _lines(json_stream)] == ["r-1"]


def test_a_failing_stream_never_fails_the_request(json_stream, monkeypatch):
    """A stream that cannot be written (a closed pipe) is reported by logging's handleError, as for any log
    line; access_line itself returns normally."""
    json_stream().close()
    reported = []
    monkeypatch.setattr(logging.getLogger().handlers[0], "handleError", reported.append)
    logs.access_line("r-3", "GET", "/en/products", 200, 0.002, "127.0.0.1")
    assert [record.getMessage() for record in reported] == ["GET /en/products 200"]
