def greet(name):
    print(f"greeting {name}")
    return f"Hello, {name}!"
