def edit(commands):
    """Apply "type:...", "delete:N", "undo" and "redo" commands to empty text; return the final text."""
    text = ""
    for command in commands:
        action, _, argument = command.partition(":")
        if action == "type":
            text += argument
    return text


if __name__ == "__main__":
    print(edit(["type:cat", "type:s", "undo"]))
