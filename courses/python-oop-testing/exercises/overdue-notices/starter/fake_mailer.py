"""A stand-in for the email server, for tests."""


class FakeMailer:
    """Keeps every email in a list instead of sending it."""

    def __init__(self):
        self.sent = []

    def send(self, to, subject):
        self.sent.append((to, subject))
