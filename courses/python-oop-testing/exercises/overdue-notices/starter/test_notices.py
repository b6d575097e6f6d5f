from datetime import date

from main import send_overdue_notices

TODAY = date(2030, 3, 1)


class FakeMailer:
    """Keeps every email in a list instead of sending it."""

    def __init__(self):
        self.sent = []

    def send(self, to, subject):
        self.sent.append((to, subject))


def test_nothing_overdue_sends_nothing():
    mailer = FakeMailer()
    loans = [("Dune", "ana@example.org", date(2030, 3, 5))]
    count = send_overdue_notices(loans, TODAY, mailer)
    assert mailer.sent == [], f"a loan due after today should send nothing, sent {mailer.sent}"
    assert count == 0, f"with nothing sent the count should be 0, got {count}"
