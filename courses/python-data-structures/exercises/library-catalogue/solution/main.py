from collections import deque


def parse_catalogue(text):
    """Return a list of {"title", "author", "year"} dicts from "title;author;year" lines."""
    books = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split(";")]
        if len(fields) != 3:
            raise ValueError(f"line {number}: expected title;author;year, got {line!r}")
        title, author, year = fields
        try:
            year = int(year)
        except ValueError:
            raise ValueError(f"line {number}: the year {year!r} is not a whole number") from None
        books.append({"title": title, "author": author, "year": year})
    return books


def index_by_author(books):
    """Return a dict from each author to their titles, sorted alphabetically."""
    index = {}
    for book in books:
        index.setdefault(book["author"], []).append(book["title"])
    return {author: sorted(titles) for author, titles in index.items()}


def books_between(books, start, end):
    """Return the titles published from start to end (inclusive), oldest first, ties by title."""
    chosen = [book for book in books if start <= book["year"] <= end]
    return [book["title"] for book in sorted(chosen, key=lambda book: (book["year"], book["title"]))]


def join_waitlist(waitlists, title, name):
    """Add name to the back of title's queue (once) and return their position, from 1."""
    queue = waitlists.setdefault(title, deque())
    if name not in queue:
        queue.append(name)
    return list(queue).index(name) + 1


def next_borrower(waitlists, title):
    """Remove and return the first name waiting for title, or None."""
    queue = waitlists.get(title)
    if not queue:
        return None
    return queue.popleft()


if __name__ == "__main__":
    with open("books.txt", encoding="utf-8") as file:
        books = parse_catalogue(file.read())
    print(index_by_author(books))
    print(books_between(books, 1800, 1970))
