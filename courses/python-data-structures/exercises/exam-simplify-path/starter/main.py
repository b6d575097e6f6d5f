def simplify_path(path):
    """Return the shortest absolute path equal to path, resolving ".", ".." and repeated "/"."""
    return path
