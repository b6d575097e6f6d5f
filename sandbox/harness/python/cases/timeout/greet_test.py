import unittest
from greet import greet


class GreetTest(unittest.TestCase):
    def test_ada(self):
        self.assertEqual(greet("Ada"), "Hello, Ada!")

    def test_empty(self):
        self.assertEqual(greet(""), "Hello, !")
