def group_anagrams(words):
    """Return the groups of anagrams in words, each group and the list of groups sorted."""
    groups = {}
    for word in words:
        key = "".join(sorted(word.lower()))
        groups.setdefault(key, set()).add(word)
    sorted_groups = [sorted(group, key=str.lower) for group in groups.values()]
    return sorted(sorted_groups, key=lambda group: group[0].lower())


if __name__ == "__main__":
    print(group_anagrams(["listen", "Silent", "enlist", "google", "evil", "vile", "listen"]))
