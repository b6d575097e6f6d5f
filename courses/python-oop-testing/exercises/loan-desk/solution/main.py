from datetime import date, timedelta

FINE_PER_DAY = 0.25


class LoanDesk:
    """Books on loan and their due dates."""

    def __init__(self, today=date.today):
        self.today = today
        self.loans = {}

    def lend(self, title, days=14):
        due = self.today() + timedelta(days=days)
        self.loans[title] = due
        return due

    def overdue(self):
        return sorted(title for title, due in self.loans.items() if due < self.today())

    def fine(self, title):
        days_late = (self.today() - self.loans[title]).days
        return max(days_late, 0) * FINE_PER_DAY

    def return_book(self, title):
        charge = self.fine(title)
        del self.loans[title]
        return charge


if __name__ == "__main__":
    desk = LoanDesk()
    print(desk.lend("Dune"), desk.overdue())
