from datetime import date, timedelta


class LoanDesk:
    """Books on loan and their due dates."""

    def __init__(self, today=date.today):
        self.loans = {}

    def lend(self, title, days=14):
        due = date.today() + timedelta(days=days)
        self.loans[title] = due
        return due

    def overdue(self):
        return sorted(title for title, due in self.loans.items() if due < date.today())

    def fine(self, title):
        return 0

    def return_book(self, title):
        return 0


if __name__ == "__main__":
    desk = LoanDesk()
    print(desk.lend("Dune"), desk.overdue())
