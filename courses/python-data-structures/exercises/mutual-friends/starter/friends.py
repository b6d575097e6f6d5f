"""Who is friends with whom: each person and the list of their friends (read-only, shared by main.py and the tests)."""

FRIENDS = {
    "ana": ["ben", "cy", "dee"],
    "ben": ["ana", "cy", "eve"],
    "cy": ["ana", "ben"],
    "dee": ["ana"],
    "eve": ["ben"],
}
