"""A small test runner for checks in Pyodide, where pytest is not installed.

It runs what exercises write: plain ``def test_*`` functions with ``assert`` (module level and in
``Test*`` classes), ``unittest.TestCase`` classes, and pytest's common API: function-scoped fixtures
(``yield`` ones too, and ``tmp_path``/``capsys``), ``mark.parametrize`` (with pytest's test ids),
``mark.task``, ``mark.skip``, ``raises``, ``fail``, ``skip`` and ``approx``. Results are the
Exercism v3 JSON the Docker harness writes: tests in file order, named as pytest names them
("Class > test_name[id]"), each with its status, message and captured output.
"""
import contextlib
import importlib
import inspect
import io
import itertools
import math
import os
import sys
import tempfile
import traceback
import unittest

OUTPUT_LIMIT = 500
MESSAGE_LIMIT = 2000


class Failed(Exception):
    """pytest.fail and a missing exception in raises(): an error, not a failed assertion, as in pytest."""


class Skipped(Exception):
    pass


def fail(reason="", pytrace=True):
    raise Failed(reason)


def skip(reason=""):
    raise Skipped(reason)


class _Mark:
    def __init__(self, name, args, kwargs):
        self.name, self.args, self.kwargs = name, args, kwargs

    def __call__(self, target):
        if self.args and callable(self.args[0]) and len(self.args) == 1 and not self.kwargs:
            target = self.args[0]
            self.args = ()
        target.__dict__.setdefault("pytestmark", []).append(self)
        return target


class _MarkFactory:
    def __getattr__(self, name):
        return lambda *args, **kwargs: (
            _Mark(name, (), {})(args[0]) if len(args) == 1 and callable(args[0]) and not kwargs and name != "parametrize" else _Mark(name, args, kwargs)
        )


mark = _MarkFactory()


class _Param:
    def __init__(self, values, id=None, marks=()):
        self.values, self.id, self.marks = values, id, marks


def param(*values, id=None, marks=()):
    return _Param(values, id, marks)


def fixture(function=None, **options):
    def wrap(body):
        body._drona_fixture = True
        return body

    return wrap(function) if function is not None else wrap


class _Raises:
    def __init__(self, expected, match):
        self.expected, self.match, self.value, self.type = expected, match, None, None

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if kind is None:
            raise Failed("DID NOT RAISE %s" % (self.expected,))
        if not issubclass(kind, self.expected):
            return False
        self.value, self.type = value, kind
        if self.match is not None:
            import re

            if not re.search(self.match, str(value)):
                raise Failed("Regex pattern did not match.\n Regex: %r\n Input: %r" % (self.match, str(value)))
        return True


def raises(expected, *args, match=None, **kwargs):
    context = _Raises(expected, match)
    if args:
        with context:
            args[0](*args[1:], **kwargs)
        return context
    return context


class approx:
    def __init__(self, expected, rel=None, abs=None):
        self.expected, self.rel, self.abs = expected, rel, abs

    def _close(self, actual, expected):
        rel = 1e-6 if self.rel is None else self.rel
        tolerance = max(rel * math.fabs(expected), 1e-12 if self.abs is None else self.abs)
        return actual == expected or math.fabs(actual - expected) <= tolerance

    def __eq__(self, actual):
        if isinstance(self.expected, (list, tuple)):
            return len(actual) == len(self.expected) and all(self._close(a, e) for a, e in zip(actual, self.expected))
        if isinstance(self.expected, dict):
            return actual.keys() == self.expected.keys() and all(self._close(actual[k], v) for k, v in self.expected.items())
        return self._close(actual, self.expected)

    def __repr__(self):
        return "approx(%r)" % (self.expected,)


def _cut(text, limit):
    text = text.rstrip()
    return text if len(text) <= limit else text[:limit] + "\n[output cut at %d characters]" % limit


def _marks(target, name):
    return [m for m in getattr(target, "pytestmark", []) if m.name == name]


def _idval(value, argname, index):
    if isinstance(value, str):
        return value.encode("unicode_escape").decode("ascii")
    if isinstance(value, bytes):
        return value.decode("ascii", "backslashreplace")
    if value is None or isinstance(value, (int, float, complex, bool)):
        return str(value)
    if inspect.isclass(value) or inspect.isfunction(value):
        return value.__name__
    return "%s%d" % (argname, index)


def _expand(function):
    """(id, arguments, marks) for each case of a test, as pytest's parametrize makes them."""
    cases = [(None, {}, [])]
    for marker in _marks(function, "parametrize"):
        names, values = marker.args[0], list(marker.args[1])
        names = [n.strip() for n in names.split(",")] if isinstance(names, str) else list(names)
        ids = marker.kwargs.get("ids")
        expanded = []
        for index, value in enumerate(values):
            extra, own_id = [], None
            if isinstance(value, _Param):
                extra, own_id, value = list(value.marks), value.id, value.values if len(names) > 1 else value.values[0]
            row = tuple(value) if len(names) > 1 else (value,)
            if own_id is None and ids is not None:
                own_id = ids[index] if not callable(ids) else None
            if own_id is None:
                own_id = "-".join(_idval(v, n, index) for n, v in zip(names, row))
            expanded.append((own_id, dict(zip(names, row)), extra))
        cases = [
            (own_id if case_id is None else "%s-%s" % (case_id, own_id), {**case_args, **args}, case_marks + marks)
            for case_id, case_args, case_marks in cases
            for own_id, args, marks in expanded
        ]
    return cases


class _Capsys:
    def __init__(self, out, err):
        self._out, self._err = out, err

    def readouterr(self):
        out, err = self._out.getvalue(), self._err.getvalue()
        self._out.seek(0), self._out.truncate(), self._err.seek(0), self._err.truncate()
        return type("CaptureResult", (), {"out": out, "err": err})()


def _call_with_fixtures(function, module, arguments, finalizers, capture):
    values = dict(arguments)
    for name in inspect.signature(function).parameters:
        if name in values or name == "self":
            continue
        if name == "tmp_path":
            import pathlib

            values[name] = pathlib.Path(tempfile.mkdtemp())
            continue
        if name == "capsys":
            values[name] = _Capsys(*capture)
            continue
        provider = getattr(module, name, None)
        if not getattr(provider, "_drona_fixture", False):
            raise LookupError("fixture '%s' not found" % name)
        value = _call_with_fixtures(provider, module, {}, finalizers, capture)
        if inspect.isgenerator(value):
            generator = value
            value = next(generator)
            finalizers.append(lambda g=generator: next(g, None))
        values[name] = value
    return function(**{k: v for k, v in values.items() if k in inspect.signature(function).parameters})


def _outcome(error):
    if error is None:
        return "pass", None
    if isinstance(error, Skipped):
        return "pass", "skipped"
    if isinstance(error, AssertionError):
        return "fail", _cut(str(error).strip() or "The assertion failed.", MESSAGE_LIMIT)
    return "error", _cut("%s: %s" % (type(error).__name__, error), MESSAGE_LIMIT)


CAPTURE_LIMIT = 1024 * 1024


class _Captured(io.StringIO):
    """A test's output, kept up to the driver's output limit; past it the flood goes to the real
    output, where the driver's limit ends the run as Docker's does (not a memory error)."""

    def write(self, text):
        if self.tell() > CAPTURE_LIMIT:
            os.write(1, text.encode("utf-8", "replace"))
            return len(text)
        return super().write(text)


def _run_one(body, module, arguments):
    out, err = _Captured(), _Captured()
    finalizers, error = [], None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            _call_with_fixtures(body, module, arguments, finalizers, (out, err))
        except Exception as caught:  # noqa: B902 - every error is the test's result
            error = caught
        for finalize in reversed(finalizers):
            try:
                finalize()
            except Exception as caught:  # noqa: B902
                error = error or caught
    return error, out.getvalue() + err.getvalue()


# Each unittest subTest's result, named as the Docker harness names it ("Case > test (x=1)");
# run_files reports them before their parent test.
_subtests = []


class _Keep(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.error = None
        self.failed_subtests = 0

    def addFailure(self, test, err):
        self.error = err[1]

    def addError(self, test, err):
        self.error = err[1]

    def addSubTest(self, test, subtest, err):
        entry = {"name": subtest._subDescription()}
        entry["status"], message = _outcome(err[1] if err is not None else None)
        if message:
            entry["message"] = message
        self.failed_subtests += entry["status"] != "pass"
        _subtests.append(entry)

    def addSkip(self, test, reason):
        self.error = Skipped(reason)


def _unittest_case(cls, method):
    def body():
        result = _Keep()
        cls(method).run(result)
        if result.error is not None:
            raise result.error
        if result.failed_subtests:
            raise AssertionError("%d subtest%s failed" % (result.failed_subtests, "s" if result.failed_subtests > 1 else ""))

    return body


def _collect(module):
    """(name, body, arguments, marks) in the order the file defines them."""
    items = []
    for name, value in list(vars(module).items()):
        if inspect.isclass(value) and value.__module__ == module.__name__:
            if issubclass(value, unittest.TestCase):
                for method in unittest.TestLoader().getTestCaseNames(value):
                    items.append(("%s > %s" % (name, method), _unittest_case(value, method), {}, getattr(getattr(value, method), "pytestmark", [])))
            elif name.startswith("Test") and "__init__" not in vars(value):
                instance = value()
                for method_name, method in vars(value).items():
                    if method_name.startswith("test") and callable(method):
                        bound = getattr(instance, method_name)
                        for case_id, args, marks in _expand(method):
                            items.append(("%s > %s%s" % (name, method_name, "[%s]" % case_id if case_id is not None else ""), bound, args, list(getattr(method, "pytestmark", [])) + marks))
        elif name.startswith("test") and inspect.isfunction(value) and value.__module__ == module.__name__:
            for case_id, args, marks in _expand(value):
                items.append((name + ("[%s]" % case_id if case_id is not None else ""), value, args, list(getattr(value, "pytestmark", [])) + marks))
    return items


def _import_error(path):
    kind, error, tb = sys.exc_info()
    while tb is not None and not tb.tb_frame.f_code.co_filename.startswith("/work/"):
        tb = tb.tb_next
    text = "".join(traceback.format_exception(kind, error, tb))
    lines = [line for line in text.splitlines() if line.strip()]
    return _cut("ImportError while importing test module '%s'.\n%s" % (path, "\n".join(lines[-12:])), MESSAGE_LIMIT)


def run_files(paths):
    tests, errors = [], []
    for path in paths:
        name = os.path.splitext(os.path.basename(path))[0]
        sys.modules.pop(name, None)
        try:
            module = importlib.import_module(name)
        except BaseException:  # noqa: B902 - a module that cannot load is the check's error
            errors.append(_import_error(path))
            continue
        for test_name, body, arguments, marks in _collect(module):
            entry = {"name": test_name}
            task = next((m for m in marks if m.name == "task"), None)
            if task is not None:
                value = task.kwargs.get("taskno", task.args[0] if task.args else None)
                if isinstance(value, int):
                    entry["task_id"] = value
            if any(m.name == "skip" for m in marks):
                error, output = Skipped("skipped"), ""
            else:
                error, output = _run_one(body, module, arguments)
            entry["status"], message = _outcome(error)
            if message:
                entry["message"] = message
            if output.strip():
                entry["output"] = _cut(output, OUTPUT_LIMIT)
            for sub in _subtests:
                sub["name"] = "%s %s" % (test_name, sub["name"])
                if "task_id" in entry:
                    sub["task_id"] = entry["task_id"]
            tests.extend(_subtests)
            del _subtests[:]
            tests.append(entry)
    if errors:
        status, message = "error", "\n\n".join(errors)
    elif not tests:
        status, message = "error", "No tests were found."
    else:
        status, message = ("pass" if all(t["status"] == "pass" for t in tests) else "fail"), None
    results = {"version": 3, "status": status, "tests": tests}
    if message:
        results["message"] = message
    return results
