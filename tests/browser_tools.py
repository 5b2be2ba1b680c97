"""Helpers for the browser tests: Chromium, axe-core and the Nu Html Checker.

Plain functions, no fixtures, so any test module or conftest can use them::

    from browser_tools import chromium_path, launch_args, axe_violations, vnu_errors

    browser = pw.chromium.launch(executable_path=chromium_path(), args=launch_args())

Everything here works offline:

* Chromium is Debian's ``/usr/bin/chromium`` (Playwright's own browser
  download cannot be fetched here); ``scripts/setup-browser.sh`` installs it.
* axe-core is the copy bundled inside the ``axe-playwright-python`` wheel
  (``axe_playwright_python/axe.min.js``); it is injected with
  ``page.evaluate`` so it is never fetched and the page's CSP does not block it.
* The Nu Html Checker is ``vnu.jar`` from the npm package ``vnu-jar``,
  installed under ``.tools/`` by ``scripts/setup-browser.sh``. Documents are
  always piped in or written to temporary files: vnu refuses to fetch
  loopback URLs, so it cannot be pointed at the test server.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR_RELATIVE = Path(".tools/node_modules/vnu-jar/build/dist/vnu.jar")
SETUP_HINT = "run `bash scripts/setup-browser.sh` from the repository root"

# JVM flags for vnu: C1 only (TieredStopAtLevel=1) and the serial GC start
# faster (about 2.1 s -> 1.4 s for one run here, and no slower on a batch of
# 30 large pages). C1-compiled frames are bigger, so vnu's schema evaluation
# then overflows the default 1 MB stack ("StackOverflowError while evaluating
# HTML schema", exit 1, no JSON) unless the stack is raised.
JAVA_FLAGS = ("-Xss16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
VNU_TIMEOUT = 300  # seconds, for one java run


# --------------------------------------------------------------------------
# Chromium
# --------------------------------------------------------------------------

def chromium_path() -> str | None:
    """Path of Debian's Chromium if it is installed and executable, else None.

    The ``CHROMIUM_PATH`` environment variable, when set, takes precedence.
    """
    for candidate in (os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium"):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def launch_args() -> list[str]:
    """Command-line flags for ``chromium.launch(args=...)``.

    Playwright adds ``--headless`` itself. The networking flags matter on a
    machine with no internet: without them Chromium keeps trying to reach
    Google's update, sync and QUIC endpoints.
    """
    return [
        "--no-sandbox",  # running as root, and in containers without user namespaces
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]


# --------------------------------------------------------------------------
# axe-core
# --------------------------------------------------------------------------

@functools.cache
def _axe_script() -> str:
    """Source of the axe-core build bundled in axe-playwright-python."""
    import axe_playwright_python

    path = Path(axe_playwright_python.__file__).with_name("axe.min.js")
    if not path.is_file():  # pragma: no cover - depends on the installed wheel
        raise RuntimeError(
            f"axe.min.js not found at {path}; reinstall axe-playwright-python"
        )
    return path.read_text(encoding="utf-8")


def axe_version() -> str:
    """Version of the bundled axe-core, read from its banner comment."""
    match = re.search(r"axe v(\S+)", _axe_script()[:200])
    return match.group(1) if match else "unknown"


def _target_to_str(target) -> str:
    # A target is a CSS selector, or for nodes inside iframes / shadow roots a
    # list of selectors, one per level.
    if isinstance(target, list):
        return " >>> ".join(_target_to_str(t) for t in target)
    return str(target)


def axe_violations(
    page,
    impacts: Iterable[str] = ("serious", "critical"),
    *,
    context: str | dict | None = None,
    options: Mapping | None = None,
    max_targets: int = 5,
) -> list[dict]:
    """Run axe-core on a Playwright sync ``Page`` and return its violations.

    Only violations whose impact is in ``impacts`` are returned (pass
    ``impacts=None`` for all of them), each as a dict with ``id``,
    ``impact``, ``help``, ``nodes`` (how many elements fail), ``targets``
    (the first ``max_targets`` selectors) and ``html`` (the first failing
    element's markup).

    ``context`` is axe's context (a selector, or {"include": ..., "exclude":
    ...}); ``options`` is merged into axe's run options, e.g.
    ``{"runOnly": ["wcag2a", "wcag2aa"]}`` or
    ``{"rules": {"color-contrast": {"enabled": False}}}``.

    By default axe does not descend into iframes: a frame without axe
    injected is not audited anyway, and axe would wait for its ping to time
    out (about 0.8 s a page here). To audit frames, inject the script into
    them yourself and pass ``options={"iframes": True}``.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # evaluate() goes through the DevTools protocol: no network request,
        # and not subject to the page's Content-Security-Policy (unlike
        # page.add_script_tag, which a strict script-src would block).
        page.evaluate(_axe_script())
    run_options = {"resultTypes": ["violations"], "iframes": False}
    if options:
        run_options.update(options)
    violations = page.evaluate(
        """async ([context, options]) => {
            const results = await axe.run(context || document, options);
            return results.violations;
        }""",
        [context, run_options],
    )
    wanted = None if impacts is None else set(impacts)
    found = []
    for v in violations:
        if wanted is not None and v.get("impact") not in wanted:
            continue
        nodes = v.get("nodes", [])
        found.append(
            {
                "id": v["id"],
                "impact": v.get("impact"),
                "help": v.get("help", ""),
                "nodes": len(nodes),
                "targets": [_target_to_str(n.get("target")) for n in nodes[:max_targets]],
                "html": nodes[0].get("html", "") if nodes else "",
            }
        )
    return found


def format_violations(violations: list[dict]) -> str:
    """One readable line per violation, for assertion messages."""
    return "\n".join(
        f"[{v['impact']}] {v['id']}: {v['help']} ({v['nodes']} node(s): "
        f"{', '.join(v['targets'])})"
        for v in violations
    )


# --------------------------------------------------------------------------
# Nu Html Checker
# --------------------------------------------------------------------------

@functools.cache
def _vnu_jar_cached() -> str | None:
    override = os.environ.get("VNU_JAR")
    for candidate in (override, ROOT / VNU_JAR_RELATIVE):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    return None


def vnu_jar() -> str:
    """Path of vnu.jar (``$VNU_JAR`` or ``.tools/...``); RuntimeError if missing.

    A successful lookup is cached; a failed one is retried on the next call.
    """
    jar = _vnu_jar_cached()
    if jar is None:
        _vnu_jar_cached.cache_clear()
        raise RuntimeError(
            f"Nu Html Checker not found at {ROOT / VNU_JAR_RELATIVE}; {SETUP_HINT}"
        )
    return jar


@functools.cache
def _java() -> str:
    java = shutil.which("java")
    if java is None:
        raise RuntimeError(f"java not found on PATH; {SETUP_HINT}")
    return java


def vnu_available() -> bool:
    """True when both java and vnu.jar are present (for skipif markers)."""
    try:
        _java()
        vnu_jar()
    except RuntimeError:
        return False
    return True


def _run_vnu(args: list[str], stdin: str | None = None) -> list[dict]:
    cmd = [_java(), *JAVA_FLAGS, "-jar", vnu_jar(), "--stdout", "--format", "json", *args]
    proc = subprocess.run(
        cmd,
        input=stdin.encode("utf-8") if stdin is not None else None,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=VNU_TIMEOUT,
        check=False,
    )
    out = proc.stdout.decode("utf-8", "replace")
    # Exit status: 0 = no errors, 1 = errors found (or the checker failed).
    # Trust the JSON, not the status; no JSON means the checker itself broke.
    try:
        start = out.index("{")
        data = json.loads(out[start:])
    except ValueError:
        raise RuntimeError(
            f"vnu produced no JSON (exit {proc.returncode}): "
            f"{(out + proc.stderr.decode('utf-8', 'replace')).strip()[:2000]}"
        ) from None
    return data.get("messages", [])


def _is_error(msg: dict) -> bool:
    # "non-document-error" = the document could not be read at all.
    return msg.get("type") in ("error", "non-document-error")


def _format_message(msg: dict) -> str:
    line = msg.get("lastLine", msg.get("firstLine"))
    col = msg.get("firstColumn")
    where = f"line {line}" if line is not None else "document"
    if line is not None and col is not None:
        where += f":{col}"
    text = f"{where}: {msg.get('message', '').strip()}"
    extract = msg.get("extract")
    if extract:
        text += f"  [{' '.join(extract.split())}]"
    return text


def _filter(messages: Iterable[dict], ignore: Iterable[str]) -> list[str]:
    patterns = [re.compile(p) for p in ignore]
    errors = []
    for msg in messages:
        if not _is_error(msg):
            continue
        if any(p.search(msg.get("message", "")) for p in patterns):
            continue
        errors.append(_format_message(msg))
    return errors


def vnu_errors(html: str, *, ignore: Iterable[str] = ()) -> list[str]:
    """Validate one HTML document (piped to vnu on stdin).

    Returns the errors as ``"line L:C: message  [extract]"`` strings; warnings
    and info messages are dropped, as are errors whose message matches one of
    the ``ignore`` regular expressions. One java start costs about 1.5 s:
    for several pages use :func:`vnu_errors_many`.
    """
    return _filter(_run_vnu(["-"], stdin=html), ignore)


def vnu_errors_many(
    docs: Mapping[str, str], *, ignore: Iterable[str] = ()
) -> dict[str, list[str]]:
    """Validate several HTML documents in one java run.

    ``docs`` maps any name (e.g. the URL path the page came from) to its HTML.
    Returns the same names mapped to their error lists (empty when valid).
    """
    if not docs:
        return {}
    names = list(docs)
    with tempfile.TemporaryDirectory(prefix="vnu-") as tmp:
        tmpdir = Path(tmp).resolve()
        by_file: dict[str, str] = {}
        paths = []
        for i, name in enumerate(names):
            # The file name carries no part of the key: keys may be URLs.
            path = tmpdir / f"doc{i:04d}.html"
            path.write_text(docs[name], encoding="utf-8")
            by_file[path.name] = name
            paths.append(str(path))
        messages = _run_vnu(paths)
    grouped: dict[str, list[dict]] = {name: [] for name in names}
    for msg in messages:
        # vnu reports "file:/tmp/vnu-xxx/doc0000.html".
        url = msg.get("url")
        filename = Path(unquote(urlparse(url).path)).name if url else None
        name = by_file.get(filename) if filename else None
        if name is None:
            if _is_error(msg):  # an error we cannot attribute: do not lose it
                for key in names:
                    grouped[key].append(msg)
            continue
        grouped[name].append(msg)
    return {name: _filter(grouped[name], ignore) for name in names}
