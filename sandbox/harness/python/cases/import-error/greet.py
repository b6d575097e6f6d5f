import not_a_module

def greet(name):
    return name
