"""Runs a learner's program, or checks it, inside Pyodide (the WebAssembly driver).

``run(entry)`` behaves like ``python3 entry``: tracebacks printed the way CPython prints them
(frames before the learner's code left out), ``SystemExit`` honoured. ``check(test_files)``
runs the tests with the bundled runner in ``drona_pytest`` and returns the Exercism v3 results
JSON that the Docker harness (``drona_results.py``) writes. Before any learner code runs,
``seal()`` takes away Python's way into JavaScript, so code cannot reach the host through it.
"""
import io
import os
import runpy
import sys
import traceback

WORK = "/work"


def _learner_frames(tb):
    while tb is not None and not tb.tb_frame.f_code.co_filename.startswith(WORK + "/"):
        tb = tb.tb_next
    return tb


def print_error(error):
    traceback.print_exception(type(error), error, _learner_frames(error.__traceback__), file=sys.stderr)


def exit_code(error):
    code = error.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def seal():
    """No module that leads to JavaScript can be imported, nor found among the loaded ones."""
    for name in list(sys.modules):
        if name == "js" or name.split(".")[0] in ("pyodide", "_pyodide", "pyodide_js", "_pyodide_core", "micropip"):
            sys.modules[name] = None
    for name in ("js", "pyodide", "_pyodide", "pyodide_js", "_pyodide_core", "micropip", "pyodide.ffi", "pyodide.code", "pyodide.http"):
        sys.modules[name] = None


def _streams():
    # Unbuffered like PYTHONUNBUFFERED=1 in the Docker runner, so output streams while the program runs.
    sys.stdout = io.TextIOWrapper(open(1, "wb", buffering=0, closefd=False), encoding="utf-8", errors="backslashreplace", write_through=True)
    sys.stderr = io.TextIOWrapper(open(2, "wb", buffering=0, closefd=False), encoding="utf-8", errors="backslashreplace", write_through=True)
    sys.stdin = io.TextIOWrapper(open(0, "rb", closefd=False), encoding="utf-8")


def _prepare(argv):
    os.chdir(WORK)
    sys.argv = list(argv)
    sys.path[:0] = [WORK]
    _streams()


def run(entry):
    _prepare([entry])
    seal()
    try:
        runpy.run_path(os.path.join(WORK, entry), run_name="__main__")
    except SystemExit as error:
        return exit_code(error)
    except BaseException as error:  # noqa: B902 - the learner's error, printed as Python would
        print_error(error)
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return 0


def check(test_files_json):
    """The exit code and the results, as JSON: {"exitCode": 0, "results": {...} or null}."""
    import json

    import drona_pytest

    test_files = json.loads(test_files_json)
    _prepare(["pytest", *test_files])
    seal()
    try:
        results = drona_pytest.run_files(test_files)
    except SystemExit as error:
        return json.dumps({"exitCode": exit_code(error), "results": None})
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return json.dumps({"exitCode": 0 if results["status"] == "pass" else 1, "results": results})
