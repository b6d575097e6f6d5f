class BankAccount:
    """A bank account with an owner and a balance."""

    def __init__(self, owner, balance=0):
        pass

    def deposit(self, amount):
        """Add amount to the balance and return the new balance."""
        pass

    def withdraw(self, amount):
        """Take amount from the balance and return the new balance."""
        pass


if __name__ == "__main__":
    account = BankAccount("ana")
    account.deposit(30)
    print(account.owner, account.withdraw(10))
