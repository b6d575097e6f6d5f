"""Checks the learner's tests: they must pass on the real send_overdue_notices and fail on broken ones."""
import importlib

import main

REAL = main.send_overdue_notices


def sends_nothing(loans, today, mailer):
    return 0


def _broken(late=lambda due, today: due < today, subject="Overdue: {}", to_first=False, stop_on_failure=False, count_failures=False):
    """A send_overdue_notices with one bug switched on."""

    def send(loans, today, mailer):
        sent = 0
        for title, email, due in loans:
            if not late(due, today):
                continue
            try:
                mailer.send(loans[0][1] if to_first else email, subject.format(title))
            except ConnectionError:
                if stop_on_failure:
                    break
                if not count_failures:
                    continue
            sent += 1
        return sent

    return send


includes_due_today = _broken(late=lambda due, today: due <= today)
wrong_subject = _broken(subject="Overdue")
everyone_to_first_borrower = _broken(to_first=True)
stops_at_first_failure = _broken(stop_on_failure=True)
counts_failures_too = _broken(count_failures=True)


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


def _run_learner_tests(implementation):
    """Runs every test in test_notices.py against implementation; returns (names run, failures)."""
    learner = importlib.import_module("test_notices")
    tests = [(name, value) for name, value in vars(learner).items() if name.startswith("test") and callable(value)]
    failures = []
    saved = {module: getattr(module, "send_overdue_notices", None) for module in (main, learner)}
    try:
        main.send_overdue_notices = learner.send_overdue_notices = implementation
        for name, test in tests:
            for arguments in _cases(test):
                try:
                    test(**arguments)
                except KeyboardInterrupt:
                    raise
                except BaseException as error:  # noqa: B902 - pytest.raises fails with a BaseException subclass
                    failures.append(f"{name}{arguments or ''}: {type(error).__name__}: {error}")
    finally:
        for module, value in saved.items():
            if value is not None:
                module.send_overdue_notices = value
    return [name for name, _ in tests], failures


def _must_catch(broken, what):
    names, failures = _run_learner_tests(broken)
    assert failures, f"All your tests ({', '.join(names) or 'none'}) passed with a broken send_overdue_notices that {what}. Add a test that this bug would fail."


def test_your_tests_pass_on_the_real_code():
    names, failures = _run_learner_tests(REAL)
    assert names, "test_notices.py has no test functions: add functions whose names start with test_"
    assert not failures, "These tests fail on the correct send_overdue_notices, so the test itself is wrong: " + " | ".join(failures)


def test_catches_sending_nothing():
    _must_catch(sends_nothing, "never sends anything and returns 0 (give it an overdue loan and check what the fake mailer kept)")


def test_catches_due_today_treated_as_overdue():
    _must_catch(includes_due_today, "also emails loans due today, which are not late yet")


def test_catches_wrong_subject():
    _must_catch(wrong_subject, "sends the subject 'Overdue' without the title")


def test_catches_wrong_recipient():
    _must_catch(everyone_to_first_borrower, "sends every notice to the first borrower's address (use two overdue borrowers)")


def test_catches_stopping_at_a_failure():
    _must_catch(stops_at_first_failure, "stops sending after the first ConnectionError (make a fake that fails for one address)")


def test_catches_counting_failed_emails():
    _must_catch(counts_failures_too, "counts an email that raised ConnectionError as sent")
