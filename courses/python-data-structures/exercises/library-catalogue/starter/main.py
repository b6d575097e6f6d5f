from collections import deque


def parse_catalogue(text):
    """Return a list of {"title", "author", "year"} dicts from "title;author;year" lines."""
    books = []
    for line in text.splitlines():
        title, author, year = line.split(";")
        books.append({"title": title, "author": author, "year": year})
    return books


def index_by_author(books):
    """Return a dict from each author to their titles, sorted alphabetically."""
    return {}


def books_between(books, start, end):
    """Return the titles published from start to end (inclusive), oldest first, ties by title."""
    return []


def join_waitlist(waitlists, title, name):
    """Add name to the back of title's queue (once) and return their position, from 1."""
    return 0


def next_borrower(waitlists, title):
    """Remove and return the first name waiting for title, or None."""
    return None


if __name__ == "__main__":
    with open("books.txt", encoding="utf-8") as file:
        print(parse_catalogue(file.read()))
