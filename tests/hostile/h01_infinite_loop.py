# class 4: hanging the run
# tries: a busy loop that never returns (the wall-clock timeout must end it).
class HOSTILE(Scene):
    def construct(self):
        self.add(Circle())
        while True: pass
