"""Records an execution trace for the visualiser (Python Tutor's idea): ``trace(request)`` runs a
program, or one test of an exercise, under ``sys.settrace`` and returns JSON in the shape
``preload/contract/visualize.ts`` declares: each step's line, call frames with their variables,
the heap objects they reach (lists, tuples, sets, dicts, objects) and how much output had been
printed. Only the learner's files are traced (``shown``); the tests and the harness run untraced.
Capped at ``limit`` steps: past it the program is stopped and the trace says so.
"""
import io
import json
import os
import runpy
import sys
import traceback
import types

import drona_wasm

ITEMS_SHOWN = 50
OBJECTS_SHOWN = 100
REPR_LIMIT = 120
OUTPUT_LIMIT = 64 * 1024
PLAIN = (int, float, complex, bool, str, bytes, type(None))


class StepLimit(BaseException):
    """Raised in the program at the step cap: a BaseException, so `except Exception` lets it pass."""


class _Output(io.TextIOBase):
    def __init__(self):
        self.parts, self.size = [], 0

    def writable(self):
        return True

    def write(self, text):
        if self.size < OUTPUT_LIMIT:
            self.parts.append(text[: OUTPUT_LIMIT - self.size])
        self.size += len(text)
        return len(text)

    def text(self):
        return "".join(self.parts)


def _short(text):
    return text if len(text) <= REPR_LIMIT else text[: REPR_LIMIT - 1] + "…"


class _Recorder:
    def __init__(self, shown, limit, output):
        self.shown, self.limit, self.output = shown, limit, output
        self.steps, self.ids, self.truncated, self.raising = [], {}, False, None

    def _ref(self, obj, heap, order):
        key = id(obj)
        if key not in self.ids:
            self.ids[key] = str(len(self.ids) + 1)
        ref = self.ids[key]
        if ref not in heap and len(heap) < OBJECTS_SHOWN:
            heap[ref] = None  # placed first, so a cycle refers back instead of recursing
            order.append(ref)
            heap[ref] = self._object(obj, ref, heap, order)
        return {"ref": ref}

    def value(self, obj, heap, order):
        if isinstance(obj, PLAIN):
            return {"type": type(obj).__name__, "repr": _short(repr(obj))}
        if isinstance(obj, (list, tuple, set, frozenset, dict)) or self._has_attributes(obj):
            return self._ref(obj, heap, order)
        if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType)):
            return {"type": "function", "repr": "function %s" % getattr(obj, "__qualname__", "?")}
        if isinstance(obj, type):
            return {"type": "class", "repr": "class %s" % obj.__name__}
        return {"type": type(obj).__name__, "repr": _short(repr(obj))}

    @staticmethod
    def _has_attributes(obj):
        return isinstance(getattr(obj, "__dict__", None), dict) and not isinstance(obj, (type, types.ModuleType, types.FunctionType))

    def _object(self, obj, ref, heap, order):
        entry = {"id": ref, "type": type(obj).__name__}
        if isinstance(obj, dict):
            pairs, entry["kind"] = list(obj.items()), "dict"
        elif isinstance(obj, (list, tuple, set, frozenset)):
            items = list(obj) if not isinstance(obj, (set, frozenset)) else sorted(obj, key=repr)
            entry["kind"] = "list" if isinstance(obj, list) else "tuple" if isinstance(obj, tuple) else "set"
            entry["items"] = [self.value(item, heap, order) for item in items[:ITEMS_SHOWN]]
            if len(items) > ITEMS_SHOWN:
                entry["more"] = len(items) - ITEMS_SHOWN
            return entry
        else:
            pairs, entry["kind"] = [(k, v) for k, v in vars(obj).items() if not k.startswith("__")], "object"
        entry["entries"] = [{"key": self.value(k, heap, order), "value": self.value(v, heap, order)} for k, v in pairs[:ITEMS_SHOWN]]
        if len(pairs) > ITEMS_SHOWN:
            entry["more"] = len(pairs) - ITEMS_SHOWN
        return entry

    def _variables(self, frame, heap, order):
        names = frame.f_locals.items()
        return [
            {"name": name, "value": self.value(value, heap, order)}
            for name, value in names
            if not name.startswith("__") and not isinstance(value, types.ModuleType) and not (frame.f_code.co_name == "<module>" and name.startswith("@"))
        ]

    def record(self, frame, event, extra):
        if len(self.steps) >= self.limit:
            self.truncated = True
            raise StepLimit()
        stack, current = [], frame
        while current is not None:
            if current.f_code.co_filename in self.shown:
                stack.append(current)
            current = current.f_back
        heap, order = {}, []
        frames = [{"name": f.f_code.co_name, "line": f.f_lineno, "variables": self._variables(f, heap, order)} for f in reversed(stack)]
        step = {
            "event": event,
            "file": os.path.relpath(frame.f_code.co_filename, drona_wasm.WORK),
            "line": frame.f_lineno,
            "frames": frames,
            "stdout": min(self.output.size, OUTPUT_LIMIT),
        }
        step.update(extra(heap, order))
        step["heap"] = [heap[ref] for ref in order if heap[ref] is not None]
        self.steps.append(step)

    def tracer(self, frame, event, arg):
        if frame.f_code.co_filename not in self.shown:
            return None
        return self.local

    def local(self, frame, event, arg):
        if event == "line":
            self.record(frame, "line", lambda heap, order: {})
        elif event == "return":
            # A frame an exception leaves "returns" None: the exception step already showed it.
            if self.raising is not frame:
                self.record(frame, "return", lambda heap, order: {"returned": self.value(arg, heap, order)})
            self.raising = None
        elif event == "exception" and not isinstance(arg[1], StepLimit):
            self.raising = frame
            self.record(frame, "exception", lambda heap, order: {"exception": "%s: %s" % (arg[0].__name__, arg[1])})
        return self.local


def _test_body(test_files, test_name):
    """The test the results call `test_name`, from one of `test_files`, ready to call with its fixtures."""
    import importlib

    import drona_pytest

    for test_file in test_files:
        module = importlib.import_module(os.path.splitext(test_file)[0])
        for name, body, arguments, _marks in drona_pytest._collect(module):
            if name == test_name:
                finalizers, capture = [], (io.StringIO(), io.StringIO())
                return lambda: drona_pytest._call_with_fixtures(body, module, arguments, finalizers, capture)
    raise LookupError("no test is named %r" % test_name)


def trace(request_json):
    """request: {"entry": "main.py", "shown": ["main.py"], "limit": 1000, "test": optional, "testFiles": [...]}."""
    request = json.loads(request_json)
    drona_wasm._prepare([request["entry"]])
    drona_wasm.seal()
    output = _Output()
    sys.stdout = sys.stderr = output
    sys.stdin = io.StringIO("")
    shown = {os.path.join(drona_wasm.WORK, path) for path in request["shown"]}
    recorder = _Recorder(shown, request["limit"], output)
    error = None
    try:
        if request.get("test"):
            body = _test_body(request["testFiles"], request["test"])
        else:
            path = os.path.join(drona_wasm.WORK, request["entry"])
            body = lambda: runpy.run_path(path, run_name="__main__")  # noqa: E731
        sys.settrace(recorder.tracer)
        try:
            body()
        finally:
            sys.settrace(None)
    except StepLimit:
        pass
    except SystemExit as stopped:
        drona_wasm.exit_code(stopped)
    except BaseException as raised:  # noqa: B902 - the learner's error ends the trace and is shown
        error = "".join(traceback.format_exception(type(raised), raised, drona_wasm._learner_frames(raised.__traceback__))).rstrip()
    return json.dumps({"steps": recorder.steps, "stdout": output.text(), "truncated": recorder.truncated, "error": error})
