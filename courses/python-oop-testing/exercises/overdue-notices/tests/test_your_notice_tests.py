"""Checks the learner's tests: they must pass on the real send_overdue_notices and fail on broken ones."""
import main
from learner_tests import LearnerTests

REAL = main.send_overdue_notices
CHECK = LearnerTests("test_notices", main, "send_overdue_notices")


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


def test_your_tests_pass_on_the_real_code():
    CHECK.must_pass(REAL)


def test_catches_sending_nothing():
    CHECK.must_catch(sends_nothing, "never sends anything and returns 0 (give it an overdue loan and check what the fake mailer kept)")


def test_catches_due_today_treated_as_overdue():
    CHECK.must_catch(_broken(late=lambda due, today: due <= today), "also emails loans due today, which are not late yet")


def test_catches_wrong_subject():
    CHECK.must_catch(_broken(subject="Overdue"), "sends the subject 'Overdue' without the title")


def test_catches_wrong_recipient():
    CHECK.must_catch(_broken(to_first=True), "sends every notice to the first borrower's address (use two overdue borrowers)")


def test_catches_stopping_at_a_failure():
    CHECK.must_catch(_broken(stop_on_failure=True), "stops sending after the first ConnectionError (make a fake that fails for one address)")


def test_catches_counting_failed_emails():
    CHECK.must_catch(_broken(count_failures=True), "counts an email that raised ConnectionError as sent")
