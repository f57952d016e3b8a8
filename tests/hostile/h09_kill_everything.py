# class 4: hanging or breaking the run
# tries: kill(-1, SIGKILL), killpg of its group, SIGKILL/SIGSTOP to every pid number it can name (the pool server,
# the parent, siblings, if visible), then a normal render.
import os, signal
class HOSTILE(Scene):
    def construct(self):
        hit = []
        for pid in range(2, 40000):
            try: os.kill(pid, signal.SIGSTOP); hit.append(pid)
            except OSError: pass
        try: os.kill(-1, signal.SIGKILL)
        except OSError: pass
        if hit: show(self, hit[:20])
        self.add(Circle()); self.wait(0.2)
