"""The part of pytest's API that exercises use, for checks in the WebAssembly driver (see drona_pytest)."""
from drona_pytest import approx, fail, fixture, mark, param, raises, skip  # noqa: F401
