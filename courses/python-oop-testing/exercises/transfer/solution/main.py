class BankError(Exception):
    """Anything the bank refuses to do."""


class UnknownAccountError(BankError):
    def __init__(self, name):
        super().__init__(f"no account named {name!r}")
        self.name = name


class InsufficientFundsError(BankError):
    def __init__(self, name, balance, amount):
        super().__init__(f"{name} has {balance}, cannot send {amount}")
        self.name = name
        self.balance = balance
        self.amount = amount


class Bank:
    def __init__(self):
        self.balances = {}

    def open(self, name, amount=0):
        self.balances[name] = amount

    def transfer(self, source, target, amount):
        """Move amount from source to target, all or nothing."""
        for name in (source, target):
            if name not in self.balances:
                raise UnknownAccountError(name)
        if amount <= 0:
            raise ValueError(f"amount must be above zero, got {amount}")
        if self.balances[source] < amount:
            raise InsufficientFundsError(source, self.balances[source], amount)
        self.balances[source] -= amount
        self.balances[target] += amount


def run_transfers(bank, transfers):
    """Try each (source, target, amount); return "ok" or the refusal message for each."""
    results = []
    for source, target, amount in transfers:
        try:
            bank.transfer(source, target, amount)
        except BankError as error:
            results.append(str(error))
        else:
            results.append("ok")
    return results


if __name__ == "__main__":
    bank = Bank()
    bank.open("ana", 100)
    bank.open("ben")
    print(run_transfers(bank, [("ana", "ben", 30)]), bank.balances)
