"""Lighthouse (npm `lighthouse`, Debian Chromium, mobile) on the shop's main pages in English and Chinese.

Thresholds: accessibility, best practices and SEO 100, performance at least 95.
The scores of every page go to instance/lighthouse/scores.json (with the audits
that cost points), whether the thresholds are met or not.

Lighthouse is heavy (about 20 s a page on this machine), so CI runs it once:
`.ci/run` sets LIGHTHOUSE=0 for its PostgreSQL pass, where the pages are the same
(the live server keeps its own SQLite file in both passes). Everything is local:
the live server on 127.0.0.1 (a secure context for Chromium, so the HTTPS audit
passes without TLS), Lighthouse's own robots.txt and sitemap checks read our
/robots.txt, and Chromium runs with its background networking off.
"""
from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.browser.conftest import missing_browser_parts, require_or_skip
from tests.browser_tools import chromium_path

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / ".tools" / "node_modules" / "lighthouse" / "cli" / "index.js"
SCORES_FILE = ROOT / "instance" / "lighthouse" / "scores.json"
THRESHOLDS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
LOCALES = ("en", "zh")
PAGES = ("home", "catalog", "product", "cart", "checkout", "fairs")
CHROME_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--disable-domain-reliability")
RUN_TIMEOUT = 240  # seconds for one page


def _path(page: str, locale: str, product_slug: str) -> str:
    return {"home": f"/{locale}/", "catalog": f"/{locale}/products", "product": f"/{locale}/products/{product_slug}",
            "cart": f"/{locale}/cart", "checkout": f"/{locale}/checkout", "fairs": f"/{locale}/fairs"}[page]


def _cart_cookie(base_url: str, product_slug: str) -> str:
    """A session cookie whose cart holds one item (added through the real form), its message already seen."""
    import requests
    http = requests.Session()
    html = http.get(f"{base_url}/en/products/{product_slug}", timeout=30).text
    token = re.search(r'name="csrf_token" value="([^"]+)"', html)
    packaging = re.search(r'name="packaging_id" value="(\d+)"', html)
    assert token and packaging, "the product page has no add-to-cart form"
    response = http.post(f"{base_url}/en/cart/add", timeout=30, data={
        "csrf_token": token[1], "packaging_id": packaging[1], "quantity": "1",
        "next": f"/en/products/{product_slug}"})
    assert response.status_code == 200, response.status_code
    http.get(f"{base_url}/en/cart", timeout=30)  # shows and so consumes the "added" message
    cookie = http.cookies.get("session")
    assert cookie, "no session cookie after adding to the cart"
    return f"session={cookie}"


def _failing_audits(report: dict) -> list[str]:
    """'category/audit: score (value)' for every weighted audit below a full score."""
    out = []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                out.append(f"{category['id']}/{ref['id']}: {audit['score']} {audit.get('displayValue', '')}".strip())
    return out


def _run(url: str, headers: dict[str, str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "report.json"
        headers_file = Path(tmp) / "headers.json"
        headers_file.write_text(json.dumps(headers))
        command = ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={output}",
                   f"--chrome-path={chromium_path()}", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
                   "--only-categories=performance,accessibility,best-practices,seo", "--form-factor=mobile",
                   "--quiet", "--disable-full-page-screenshot", f"--extra-headers={headers_file}"]
        # Lighthouse itself asks to be run again when Chromium's trace comes back incomplete (NO_NAVSTART,
        # NO_FCP on a busy machine): such a run measured nothing, so it is tried again, twice at most.
        for _attempt in range(3):
            result = subprocess.run(command, capture_output=True, text=True, timeout=RUN_TIMEOUT, check=False,
                                    env={**os.environ, "CHROME_PATH": chromium_path() or ""})
            if result.returncode == 0 and output.exists():
                report = json.loads(output.read_text())
                if not report.get("runtimeError"):
                    return report
            if "run Lighthouse again" not in result.stderr and result.returncode != 0:
                break
        raise AssertionError(f"lighthouse failed on {url}: {result.stderr[-2000:]}")


def _measure(url: str, headers: dict[str, str]) -> dict:
    """Scores of one page. Only the cart and checkout get the cart's cookie; the other pages are seen as a
    first visitor sees them."""
    report = _run(url, headers)
    scores = {name: category["score"] for name, category in report["categories"].items()}
    performance = [scores["performance"]]
    # Performance varies from run to run with the machine's load (the simulated phone scales the CPU
    # time it observes); as Lighthouse's docs advise, a low score is measured again and the median of
    # three runs counts. The other categories do not vary and are never re-run.
    if (scores["performance"] or 0) < THRESHOLDS["performance"]:
        performance += [_run(url, headers)["categories"]["performance"]["score"] for _ in range(2)]
        scores["performance"] = statistics.median(score or 0 for score in performance)
    return {"url": url, "scores": scores, "performance_runs": performance,
            "lcp": report["audits"]["largest-contentful-paint"].get("displayValue"),
            "below_full_score": _failing_audits(report)}


@pytest.fixture(scope="module")
def lighthouse_scores(live_server):
    """Lighthouse run on every page in en and zh; the summary is written to instance/lighthouse/scores.json."""
    if os.environ.get("LIGHTHOUSE", "1") == "0":
        pytest.skip("LIGHTHOUSE=0: Lighthouse runs in another pass of this CI run (see .ci/run)")
    missing = missing_browser_parts()
    if not LIGHTHOUSE.exists():
        missing.append("npm lighthouse under .tools/")
    require_or_skip(missing, "the Lighthouse test needs Chromium and npm lighthouse")
    cookie = _cart_cookie(live_server.url, live_server.product_slug)
    results = {}
    try:
        for locale in LOCALES:
            for page in PAGES:
                results[f"{page}/{locale}"] = _measure(live_server.url + _path(page, locale, live_server.product_slug),
                                                       {"Cookie": cookie} if page in ("cart", "checkout") else {})
    finally:  # what was measured is written even when a run breaks off
        SCORES_FILE.parent.mkdir(parents=True, exist_ok=True)
        SCORES_FILE.write_text(json.dumps({"thresholds": THRESHOLDS, "pages": results}, indent=2,
                                          ensure_ascii=False))
    return results


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("page", PAGES)
def test_lighthouse_scores(lighthouse_scores, page, locale):
    """The page scores 100 in accessibility, best practices and SEO and at least 95 in performance on a phone."""
    result = lighthouse_scores[f"{page}/{locale}"]
    low = {name: score for name, score in result["scores"].items()
           if score is None or score < THRESHOLDS[name]}
    assert not low, f"{result['url']}: {low}; audits below full score: {result['below_full_score']}"
