from datetime import date

from fake_mailer import FakeMailer
from main import send_overdue_notices

TODAY = date(2030, 3, 1)


class FailingMailer(FakeMailer):
    """A fake whose server refuses one address."""

    def __init__(self, refused):
        super().__init__()
        self.refused = refused

    def send(self, to, subject):
        if to == self.refused:
            raise ConnectionError(f"cannot reach {to}")
        super().send(to, subject)


def test_nothing_overdue_sends_nothing():
    mailer = FakeMailer()
    count = send_overdue_notices([("Dune", "ana@example.org", date(2030, 3, 5))], TODAY, mailer)
    assert mailer.sent == [], f"a loan due after today should send nothing, sent {mailer.sent}"
    assert count == 0, f"with nothing sent the count should be 0, got {count}"


def test_each_overdue_borrower_gets_their_notice():
    mailer = FakeMailer()
    loans = [
        ("Dune", "ana@example.org", date(2030, 2, 20)),
        ("Emma", "ben@example.org", date(2030, 2, 27)),
        ("Solaris", "cy@example.org", date(2030, 3, 9)),
    ]
    count = send_overdue_notices(loans, TODAY, mailer)
    expected = [("ana@example.org", "Overdue: Dune"), ("ben@example.org", "Overdue: Emma")]
    assert mailer.sent == expected, f"expected {expected}, sent {mailer.sent}"
    assert count == 2, f"two emails were sent, so the count should be 2, got {count}"


def test_due_today_is_not_overdue():
    mailer = FakeMailer()
    count = send_overdue_notices([("Dune", "ana@example.org", TODAY)], TODAY, mailer)
    assert mailer.sent == [] and count == 0, f"a loan due today is not overdue yet, but sent {mailer.sent} (count {count})"


def test_failed_email_is_skipped_and_not_counted():
    mailer = FailingMailer(refused="ana@example.org")
    loans = [("Dune", "ana@example.org", date(2030, 2, 20)), ("Emma", "ben@example.org", date(2030, 2, 27))]
    count = send_overdue_notices(loans, TODAY, mailer)
    assert mailer.sent == [("ben@example.org", "Overdue: Emma")], f"after ana's email fails, ben's should still be sent; sent {mailer.sent}"
    assert count == 1, f"only one email got through, so the count should be 1, got {count}"
