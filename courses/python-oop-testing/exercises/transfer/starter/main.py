class BankError(Exception):
    """Anything the bank refuses to do."""


class UnknownAccountError(Exception):
    def __init__(self, name):
        super().__init__(name)


class InsufficientFundsError(Exception):
    def __init__(self, name, balance, amount):
        super().__init__(name)


class Bank:
    def __init__(self):
        self.balances = {}

    def open(self, name, amount=0):
        self.balances[name] = amount

    def transfer(self, source, target, amount):
        """Move amount from source to target, all or nothing."""
        self.balances[source] -= amount
        self.balances[target] += amount


def run_transfers(bank, transfers):
    """Try each (source, target, amount); return "ok" or the refusal message for each."""
    results = []
    for source, target, amount in transfers:
        bank.transfer(source, target, amount)
        results.append("ok")
    return results


if __name__ == "__main__":
    bank = Bank()
    bank.open("ana", 100)
    bank.open("ben")
    print(run_transfers(bank, [("ana", "ben", 30)]), bank.balances)
