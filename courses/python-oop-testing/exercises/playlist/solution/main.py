class Playlist:
    """A named list of songs, each a (title, seconds) pair."""

    def __init__(self, name):
        self.name = name
        self.songs = []

    def __len__(self):
        return len(self.songs)

    def __contains__(self, title):
        return any(song_title == title for song_title, _ in self.songs)

    def __repr__(self):
        word = "song" if len(self) == 1 else "songs"
        return f"Playlist({self.name!r}, {len(self)} {word})"

    def add(self, title, seconds):
        self.songs.append((title, seconds))

    @property
    def total_seconds(self):
        return sum(seconds for _, seconds in self.songs)

    def duration(self):
        """The total length as "m:ss"."""
        total = self.total_seconds
        return f"{total // 60}:{total % 60:02d}"


if __name__ == "__main__":
    mix = Playlist("Road trip")
    mix.add("Intro", 95)
    mix.add("Finale", 241)
    print(mix, mix.duration())
