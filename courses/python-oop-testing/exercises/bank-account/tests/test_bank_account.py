import pytest

from main import BankAccount


def test_new_account_starts_at_zero():
    account = BankAccount("ana")
    owner = getattr(account, "owner", "(no owner attribute)")
    balance = getattr(account, "balance", "(no balance attribute)")
    assert owner == "ana", f"BankAccount('ana').owner should be 'ana', got {owner!r}"
    assert balance == 0, f"BankAccount('ana').balance should be 0, got {balance!r}"


def test_opening_balance():
    balance = getattr(BankAccount("ben", 50), "balance", "(no balance attribute)")
    assert balance == 50, f"BankAccount('ben', 50).balance should be 50, got {balance!r}"


def test_deposit_adds():
    account = BankAccount("ana")
    first = account.deposit(30)
    second = account.deposit(5)
    assert (first, second) == (30, 35), f"on a new account, deposit(30) then deposit(5) should return 30 then 35, got {first!r} then {second!r}"
    assert account.balance == 35, f"after deposit(30) and deposit(5) the balance should be 35, got {account.balance!r}"


def test_withdraw_subtracts():
    account = BankAccount("ana", 50)
    result = account.withdraw(20)
    assert result == 30, f"BankAccount('ana', 50).withdraw(20) should return 30, got {result!r}"
    assert account.balance == 30, f"after withdraw(20) from 50 the balance should be 30, got {account.balance!r}"


def test_accounts_are_separate():
    ana = BankAccount("ana")
    ben = BankAccount("ben")
    ana.deposit(100)
    assert ben.balance == 0, f"ana.deposit(100) changed ben's balance to {ben.balance!r}; keep each balance on self"


def test_cannot_overdraw():
    account = BankAccount("ana", 20)
    with pytest.raises(ValueError):
        account.withdraw(500)
    assert account.balance == 20, f"a refused withdraw(500) should leave the balance at 20, got {account.balance!r}"


@pytest.mark.parametrize("amount", [0, -5])
def test_amount_must_be_positive(amount):
    account = BankAccount("ana", 20)
    with pytest.raises(ValueError):
        account.deposit(amount)
    with pytest.raises(ValueError):
        account.withdraw(amount)
    assert account.balance == 20, f"refused deposit({amount}) and withdraw({amount}) should leave the balance at 20, got {account.balance!r}"
