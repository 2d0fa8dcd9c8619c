"""The PDF report: the HTML report printed by headless Chromium (A4 landscape, from its print CSS).

Chromium is found at $WORKSHOP_CHROMIUM, else as `chromium`, `chromium-browser`,
`google-chrome` or `google-chrome-stable` on the PATH. It runs with a throw-away profile, no
network services and no sandbox (the page is our own self-contained file, without scripts)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .compile import ReportError

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_SECONDS = 180
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
)


def find_chromium() -> Path | None:
    """The browser that prints the PDF, or None when none is installed."""
    configured = os.environ.get("WORKSHOP_CHROMIUM")
    if configured:
        path = Path(configured)
        return path if path.is_file() and os.access(path, os.X_OK) else None
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def require_chromium() -> Path:
    """The browser, or a one-line ReportError that says how to get one."""
    browser = find_chromium()
    if browser is None:
        where = os.environ.get("WORKSHOP_CHROMIUM")
        detail = f"WORKSHOP_CHROMIUM={where} is not an executable file" if where else "no Chromium found"
        raise ReportError(
            f"--format pdf: {detail}; install Chromium (Debian: apt-get install chromium) "
            "or set WORKSHOP_CHROMIUM to its path, or choose html,md,json"
        )
    return browser


def html_to_pdf(html: str, browser: Path | None = None) -> bytes:
    """Print an HTML document to PDF bytes; any failure is one ReportError line."""
    chromium = browser or require_chromium()
    with tempfile.TemporaryDirectory(prefix="workshop-pdf-") as folder:
        work = Path(folder)
        page = work / "report.html"
        pdf = work / "report.pdf"
        page.write_text(html, encoding="utf-8")
        command = [
            str(chromium),
            *FLAGS,
            f"--user-data-dir={work / 'profile'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired:
            raise ReportError(f"--format pdf: {chromium} did not finish within {TIMEOUT_SECONDS} s") from None
        except OSError as error:
            raise ReportError(f"--format pdf: cannot run {chromium}: {error.strerror or error}") from None
        if result.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            lines = [line for line in result.stderr.splitlines() if line.strip()]
            why = lines[-1].strip() if lines else f"exit code {result.returncode}"
            raise ReportError(f"--format pdf: {chromium} made no PDF ({why})")
        return pdf.read_bytes()
