def edit(commands):
    """Apply "type:...", "delete:N", "undo" and "redo" commands to empty text; return the final text."""
    text = ""
    history = []  # the text before each change, most recent last
    undone = []  # texts that redo can bring back, most recent last
    for command in commands:
        action, _, argument = command.partition(":")
        if action in ("type", "delete"):
            history.append(text)
            undone.clear()
            if action == "type":
                text += argument
            else:
                text = text[: max(len(text) - int(argument), 0)]
        elif action == "undo" and history:
            undone.append(text)
            text = history.pop()
        elif action == "redo" and undone:
            history.append(text)
            text = undone.pop()
    return text


if __name__ == "__main__":
    print(edit(["type:cat", "type:s", "undo"]))
