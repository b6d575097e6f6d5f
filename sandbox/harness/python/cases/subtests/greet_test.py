import unittest
from greet import greet


class GreetTest(unittest.TestCase):
    def test_names(self):
        for name, expected in [("Ada", "Hello, Ada!"), ("Alan", "Hi, Alan!")]:
            with self.subTest(name=name):
                self.assertEqual(greet(name), expected)
