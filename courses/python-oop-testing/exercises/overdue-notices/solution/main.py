from datetime import date


def send_overdue_notices(loans, today, mailer):
    """Email every borrower whose loan is overdue; return how many emails were sent.

    loans is a list of (title, email, due) with due a date; a loan is overdue when its due date
    is before today. mailer.send(to, subject) sends one email, with the subject "Overdue: <title>",
    and may raise ConnectionError: a failed email is skipped, not counted, and the rest are sent.
    """
    sent = 0
    for title, email, due in loans:
        if due < today:
            try:
                mailer.send(email, f"Overdue: {title}")
            except ConnectionError:
                continue
            sent += 1
    return sent


class PrintingMailer:
    """Stands in for a real mail server when you press Run."""

    def send(self, to, subject):
        print(f"to {to}: {subject}")


if __name__ == "__main__":
    loans = [("Dune", "ana@example.org", date(2030, 2, 20)), ("Emma", "ben@example.org", date(2030, 3, 9))]
    print(send_overdue_notices(loans, date(2030, 3, 1), PrintingMailer()), "sent")
