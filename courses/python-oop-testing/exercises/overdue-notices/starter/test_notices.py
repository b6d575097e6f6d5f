from datetime import date

from fake_mailer import FakeMailer
from main import send_overdue_notices

TODAY = date(2030, 3, 1)


def test_nothing_overdue_sends_nothing():
    mailer = FakeMailer()
    count = send_overdue_notices([("Dune", "ana@example.org", date(2030, 3, 5))], TODAY, mailer)
    assert mailer.sent == [], f"a loan due after today should send nothing, sent {mailer.sent}"
    assert count == 0, f"with nothing sent the count should be 0, got {count}"
