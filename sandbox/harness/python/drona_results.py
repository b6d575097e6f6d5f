"""Pytest plugin: writes the Exercism v3 test-runner results JSON for a check.

Loaded with ``-p drona_results``; the output file comes from the DRONA_RESULTS variable.
Tests are reported in file order; a failed assertion's message is the one the test wrote
(``assert add(2, 3) == 5, "add(2, 3) should be 5"``); each test's captured output is cut
to 500 characters, as the Exercism interface asks. Each unittest ``subTest`` is reported on its
own, as Exercism does ("Case > test_x (name='Ada')", before its parent, which fails if one did).
"""
import contextlib
import json
import os
import unittest

import pytest

OUTPUT_LIMIT = 500
MESSAGE_LIMIT = 2000

_order = []
_results = {}
_errors = []
_subtests = {}


def _cut(text, limit):
    if text is None:
        return None
    text = text.rstrip()
    if len(text) <= limit:
        return text
    return text[:limit] + "\n[output cut at %d characters]" % limit


def _name(item):
    parts = item.nodeid.split("::")[1:]
    return " > ".join(parts) if parts else item.nodeid


def _task_id(item):
    marker = item.get_closest_marker("task")
    if marker is None:
        return None
    value = marker.kwargs.get("taskno", marker.args[0] if marker.args else None)
    return value if isinstance(value, int) else None


def pytest_configure(config):
    config.addinivalue_line("markers", "task(taskno): the exercise task a test belongs to")
    unittest.TestCase.subTest = _each_subtest(unittest.TestCase.subTest)


def _each_subtest(original):
    # Records each subtest's result and lets the loop go on, the same under pytest 7 (where a
    # failing subtest ends its test) and pytest 9 (which reports subtests by its own rules).
    @contextlib.contextmanager
    def subTest(self, msg=unittest.case._subtest_msg_sentinel, **params):
        nodeid = os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" ", 1)[0]
        parent = _results.get(nodeid)
        if parent is None:
            with original(self, msg, **params):
                yield
            return
        entry = {"name": "%s %s" % (parent["name"], unittest.case._SubTest(self, msg, params)._subDescription()), "status": "pass"}
        if "task_id" in parent:
            entry["task_id"] = parent["task_id"]
        _subtests.setdefault(nodeid, []).append(entry)
        with original(self, msg, **params):
            try:
                yield
            except unittest.SkipTest:
                raise
            except AssertionError as error:
                entry["status"], entry["message"] = "fail", _cut(str(error).strip() or "The assertion failed.", MESSAGE_LIMIT)
            except Exception as error:  # noqa: B902 - any error is this subtest's result
                entry["status"], entry["message"] = "error", _cut("%s: %s" % (type(error).__name__, error), MESSAGE_LIMIT)

    return subTest


def pytest_collection_modifyitems(session, config, items):
    for item in items:
        _order.append(item.nodeid)
        entry = {"name": _name(item), "status": "error", "message": "The test did not run."}
        task = _task_id(item)
        if task is not None:
            entry["task_id"] = task
        _results[item.nodeid] = entry


def pytest_collectreport(report):
    if report.failed:
        _errors.append(_clean_collect_error(report.longreprtext))


def _clean_collect_error(text):
    # Keep the part a learner needs: the error lines, not pytest's framing.
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("_ _")]
    return _cut("\n".join(lines[-12:]), MESSAGE_LIMIT)


@pytest.hookimpl(tryfirst=True)
def pytest_report_teststatus(report, config):
    # pytest 9 prints a letter per subtest while the test's output is captured, so the letters
    # would land in the test's output; the subtests are reported in the results instead.
    if type(report).__name__ == "SubtestReport":
        return "subtests", "", ""
    return None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    entry = _results.get(item.nodeid)
    if entry is None:
        return
    if report.when == "call" or (report.when == "setup" and report.failed):
        failed = sum(1 for sub in _subtests.get(item.nodeid, []) if sub["status"] != "pass")
        if report.passed and failed:
            entry["status"] = "fail"
            entry["message"] = "%d subtest%s failed" % (failed, "s" if failed > 1 else "")
        elif report.passed:
            entry["status"] = "pass"
            entry.pop("message", None)
        elif report.skipped:
            entry["status"] = "pass"
            entry["message"] = "skipped"
        else:
            error = call.excinfo.value if call.excinfo is not None else None
            if isinstance(error, AssertionError):
                entry["status"] = "fail"
                text = str(error).strip()
                entry["message"] = _cut(text or "The assertion failed.", MESSAGE_LIMIT)
            else:
                entry["status"] = "error"
                kind = type(error).__name__ if error is not None else "Error"
                entry["message"] = _cut("%s: %s" % (kind, error), MESSAGE_LIMIT)
    if report.when in ("call", "teardown"):
        output = "".join(section for _, section in report.sections if section)
        captured = (report.capstdout or "") + (report.capstderr or "")
        text = captured or output
        if text.strip():
            entry["output"] = _cut(text, OUTPUT_LIMIT)


def pytest_sessionfinish(session, exitstatus):
    path = os.environ.get("DRONA_RESULTS")
    if not path:
        return
    tests = [test for nodeid in _order for test in _subtests.get(nodeid, []) + [_results[nodeid]]]
    if _errors:
        status, message = "error", "\n\n".join(_errors)
    elif not tests:
        status, message = "error", "No tests were found."
    elif all(test["status"] == "pass" for test in tests):
        status, message = "pass", None
    else:
        status, message = "fail", None
    results = {"version": 3, "status": status, "tests": tests}
    if message:
        results["message"] = message
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(results, handle)
