def greet(name):
    while True:
        pass
