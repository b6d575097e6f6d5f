class BankAccount:
    """A bank account with an owner and a balance."""

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        """Add amount to the balance and return the new balance."""
        self._check_amount(amount)
        self.balance += amount
        return self.balance

    def withdraw(self, amount):
        """Take amount from the balance and return the new balance."""
        self._check_amount(amount)
        if amount > self.balance:
            raise ValueError(f"cannot withdraw {amount}: the balance is only {self.balance}")
        self.balance -= amount
        return self.balance

    def _check_amount(self, amount):
        if amount <= 0:
            raise ValueError(f"amount must be above zero, got {amount}")


if __name__ == "__main__":
    account = BankAccount("ana")
    account.deposit(30)
    print(account.owner, account.withdraw(10))
