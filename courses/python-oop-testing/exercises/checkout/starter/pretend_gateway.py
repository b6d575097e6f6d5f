"""A stand-in for the payment service, for pressing Run."""


class PretendGateway:
    """Stands in for a payment service when you press Run."""

    def charge(self, amount):
        print(f"charging {amount:.2f}")
        return "receipt-1"
