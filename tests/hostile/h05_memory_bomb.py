# class 4: starving the machine
# tries: allocates and touches memory without end (RLIMIT_AS must stop it).
class HOSTILE(Scene):
    def construct(self):
        hog = []
        while True: hog.append(bytearray(256 << 20))
