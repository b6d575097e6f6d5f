def simplify_path(path):
    """Return the shortest absolute path equal to path, resolving ".", ".." and repeated "/"."""
    stack = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if stack:
                stack.pop()
        else:
            stack.append(part)
    return "/" + "/".join(stack)
