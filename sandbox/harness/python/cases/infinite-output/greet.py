def greet(name):
    while True:
        print("spam " * 100)
