"""Shared by this course's tests (a course's support/ folder, courses/FORMAT.md): runs the tests a
learner wrote against the real function and against versions with a bug switched on, so a hidden
test can say which bug the learner's tests let through."""
import importlib


def _cases(function):
    """The argument sets pytest would call a test with: one empty set, or one per parametrize row."""
    cases = [{}]
    for mark in getattr(function, "pytestmark", []):
        if mark.name != "parametrize":
            continue
        names = mark.args[0]
        names = [name.strip() for name in names.split(",")] if isinstance(names, str) else list(names)
        rows = [tuple(row) if len(names) > 1 else (row,) for row in mark.args[1]]
        cases = [{**case, **dict(zip(names, row))} for case in cases for row in rows]
    return cases


class LearnerTests:
    """The learner's tests in `test_module` (a name, e.g. "test_discount") of `function` (a name) in `module`."""

    def __init__(self, test_module, module, function):
        self.test_module = test_module
        self.module = module
        self.function = function

    def run(self, implementation):
        """Runs every test in the learner's file against implementation; returns (names run, failures)."""
        learner = importlib.import_module(self.test_module)
        tests = [(name, value) for name, value in vars(learner).items() if name.startswith("test") and callable(value)]
        failures = []
        saved = {module: getattr(module, self.function, None) for module in (self.module, learner)}
        try:
            for module in saved:
                setattr(module, self.function, implementation)
            for name, test in tests:
                for arguments in _cases(test):
                    try:
                        test(**arguments)
                    except TypeError as error:
                        if "required positional argument" in str(error) and not arguments:
                            failures.append(f"{name} needs arguments the checker cannot give (use plain values or parametrize, not fixtures): {error}")
                        else:
                            failures.append(f"{name}{arguments or ''}: TypeError: {error}")
                    except KeyboardInterrupt:
                        raise
                    except BaseException as error:  # noqa: B902 - pytest.raises fails with a BaseException subclass
                        failures.append(f"{name}{arguments or ''}: {type(error).__name__}: {error}")
        finally:
            for module, value in saved.items():
                if value is not None:
                    setattr(module, self.function, value)
        return [name for name, _ in tests], failures

    def must_pass(self, real):
        """The learner's tests exist and all pass on the real function."""
        names, failures = self.run(real)
        assert names, f"{self.test_module}.py has no test functions: add functions whose names start with test_"
        assert not failures, f"These tests fail on the correct {self.function}, so the test itself is wrong: " + " | ".join(failures)

    def must_catch(self, broken, what):
        """At least one of the learner's tests fails on broken, a version of the function that `what`."""
        names, failures = self.run(broken)
        assert failures, f"All your tests ({', '.join(names) or 'none'}) passed with a broken {self.function} that {what}. Add a test that this bug would fail."
