"""Real-browser helpers: Debian's headless Chromium driven by Playwright, and axe-core audits."""
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}


def launch_browser(playwright):
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed (scripts/install.sh --test installs it)")
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core in the page (injected from node_modules, never a CDN) and return grave violations."""
    if not AXE.exists():
        pytest.fail("axe-core is not installed (npm install)")
    page.evaluate(AXE.read_text(encoding="utf-8"))  # through DevTools, so the page's strict CSP stays on
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in impacts]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2, ensure_ascii=False)
