class Playlist:
    """A named list of songs, each a (title, seconds) pair."""

    def __init__(self, name):
        self.name = name
        self.songs = []

    def add(self, title, seconds):
        self.songs.append((title, seconds))

    def total_seconds(self):
        return 0

    def duration(self):
        """The total length as "m:ss"."""
        return ""


if __name__ == "__main__":
    mix = Playlist("Road trip")
    mix.add("Intro", 95)
    mix.add("Finale", 241)
    print(mix, mix.duration())
