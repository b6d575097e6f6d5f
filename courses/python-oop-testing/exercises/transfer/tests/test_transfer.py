import pytest

from main import Bank, BankError, InsufficientFundsError, UnknownAccountError, run_transfers


def new_bank():
    bank = Bank()
    bank.open("ana", 100)
    bank.open("ben")
    return bank


def test_transfer_moves_money():
    bank = new_bank()
    bank.transfer("ana", "ben", 30)
    assert bank.balances == {"ana": 70, "ben": 30}, f"after transfer('ana', 'ben', 30) from ana 100, ben 0 the balances should be {{'ana': 70, 'ben': 30}}, got {bank.balances!r}"


def test_unknown_account():
    bank = new_bank()
    for source, target in [("ana", "zed"), ("zed", "ana")]:
        with pytest.raises(UnknownAccountError) as caught:
            bank.transfer(source, target, 5)
        assert isinstance(caught.value, BankError), "UnknownAccountError should be a subclass of BankError"
        assert str(caught.value) == "no account named 'zed'", f"transfer({source!r}, {target!r}, 5) should say \"no account named 'zed'\", got {str(caught.value)!r}"
        assert getattr(caught.value, "name", None) == "zed", f"the UnknownAccountError should keep .name == 'zed', got {getattr(caught.value, 'name', None)!r}"


def test_insufficient_funds_keeps_details():
    bank = new_bank()
    with pytest.raises(InsufficientFundsError) as caught:
        bank.transfer("ben", "ana", 50)
    error = caught.value
    assert isinstance(error, BankError), "InsufficientFundsError should be a subclass of BankError"
    assert str(error) == "ben has 0, cannot send 50", f"transfer('ben', 'ana', 50) should say 'ben has 0, cannot send 50', got {str(error)!r}"
    details = (getattr(error, "name", None), getattr(error, "balance", None), getattr(error, "amount", None))
    assert details == ("ben", 0, 50), f"the error should keep .name, .balance, .amount == ('ben', 0, 50), got {details!r}"


def test_refused_transfer_changes_nothing():
    bank = new_bank()
    for source, target, amount in [("ben", "ana", 50), ("ana", "zed", 5), ("zed", "ana", 5)]:
        try:
            bank.transfer(source, target, amount)
        except Exception:
            pass  # the refusal itself is checked elsewhere; here only the balances matter
        assert bank.balances == {"ana": 100, "ben": 0}, f"a refused transfer({source!r}, {target!r}, {amount}) should change nothing, but the balances became {bank.balances!r}"


@pytest.mark.parametrize("amount", [0, -10])
def test_amount_must_be_positive(amount):
    bank = new_bank()
    with pytest.raises(ValueError):
        bank.transfer("ana", "ben", amount)
    assert bank.balances == {"ana": 100, "ben": 0}, f"transfer('ana', 'ben', {amount}) should change nothing, got {bank.balances!r}"


def test_run_transfers_reports_and_continues():
    bank = new_bank()
    transfers = [("ana", "ben", 30), ("ben", "ana", 50), ("ana", "zed", 5), ("ben", "ana", 10)]
    try:
        result = run_transfers(bank, transfers)
    except BankError as error:
        raise AssertionError(f"run_transfers stopped with {type(error).__name__}: {error}; catch BankError for each transfer and carry on")
    expected = ["ok", "ben has 30, cannot send 50", "no account named 'zed'", "ok"]
    assert result == expected, f"run_transfers(bank, {transfers!r}) should return {expected!r}, got {result!r}"
    assert bank.balances == {"ana": 80, "ben": 20}, f"after those transfers the balances should be {{'ana': 80, 'ben': 20}}, got {bank.balances!r}"


def test_run_transfers_lets_other_errors_through():
    with pytest.raises(ValueError):
        run_transfers(new_bank(), [("ana", "ben", -5)])
