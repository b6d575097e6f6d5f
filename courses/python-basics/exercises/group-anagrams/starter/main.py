def group_anagrams(words):
    """Return the groups of anagrams in words, each group and the list of groups sorted."""
    groups = {}
    for word in words:
        groups[word] = [word]
    return list(groups.values())


if __name__ == "__main__":
    print(group_anagrams(["listen", "Silent", "enlist", "google", "evil", "vile", "listen"]))
