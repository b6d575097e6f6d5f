from datetime import date, timedelta

from main import LoanDesk


class StubClock:
    """A clock the test controls: calling it returns .current."""

    def __init__(self, current):
        self.current = current

    def __call__(self):
        return self.current

    def advance(self, days):
        self.current += timedelta(days=days)


def test_lend_uses_the_injected_clock():
    clock = StubClock(date(2030, 1, 10))
    due = LoanDesk(today=clock).lend("Dune", days=14)
    assert due == date(2030, 1, 24), f"with a clock saying 2030-01-10, lend('Dune', days=14) should return 2030-01-24, got {due!r}; use the today function you were given"


def test_not_overdue_on_the_due_date():
    clock = StubClock(date(2030, 1, 10))
    desk = LoanDesk(today=clock)
    desk.lend("Dune", days=7)
    clock.advance(7)
    result = desk.overdue()
    assert result == [], f"on the due date itself (2030-01-17) overdue() should be [], got {result!r}"


def test_overdue_titles_sorted():
    clock = StubClock(date(2030, 1, 10))
    desk = LoanDesk(today=clock)
    desk.lend("Emma", days=3)
    desk.lend("Dune", days=2)
    desk.lend("Solaris", days=30)
    clock.advance(5)
    result = desk.overdue()
    assert result == ["Dune", "Emma"], f"five days after lending Emma (3 days), Dune (2) and Solaris (30), overdue() should be ['Dune', 'Emma'], got {result!r}"


def test_fine_per_day_late():
    clock = StubClock(date(2030, 1, 10))
    desk = LoanDesk(today=clock)
    desk.lend("Dune", days=14)
    on_time = desk.fine("Dune")
    clock.advance(18)
    late = desk.fine("Dune")
    assert on_time == 0, f"fine('Dune') on the day it was lent should be 0, got {on_time!r}"
    assert late == 1.0, f"fine('Dune') four days after its due date should be 4 x 0.25 = 1.0, got {late!r}"


def test_return_book_removes_the_loan_and_charges():
    clock = StubClock(date(2030, 1, 10))
    desk = LoanDesk(today=clock)
    desk.lend("Dune", days=1)
    clock.advance(3)
    charge = desk.return_book("Dune")
    assert charge == 0.5, f"return_book('Dune') two days late should return 0.5, got {charge!r}"
    assert "Dune" not in desk.loans, f"after return_book('Dune') the loan should be gone, loans are {desk.loans!r}"


def test_real_clock_by_default():
    due = LoanDesk().lend("Dune")
    expected = date.today() + timedelta(days=14)
    assert due == expected, f"LoanDesk() with no clock should use the real date: lend('Dune') should return {expected!r}, got {due!r}"
