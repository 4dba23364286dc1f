"""Prints how every fault/fuzz input ended, after the run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # fuzzkit, for the test modules and fuzz_extract.py

import fuzzkit  # noqa: E402


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if fuzzkit.TALLY.inputs:
        terminalreporter.write_line(fuzzkit.TALLY.line())
