# class 4: hanging the run / outliving the scene
# tries: the scene's own process leaves the process group the timeout kills (setsid), names itself so the test can
# find it, and sleeps forever (no CPU, so RLIMIT_CPU never fires): does it outlive the run?
import os, ctypes, time
class HOSTILE(Scene):
    def construct(self):
        ctypes.CDLL(None).prctl(15, b'@MARK@', 0, 0, 0)  # PR_SET_NAME
        os.setsid()
        while True: time.sleep(3600)
