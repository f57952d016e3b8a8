# class 4: hanging the run / outliving the scene
# tries: a double-forked grandchild in a new session that ignores SIGTERM/SIGHUP and execs a sleeper carrying the
# test's mark; the scene itself then finishes normally. The sleeper must not outlive the scene.
import os, sys, signal
class HOSTILE(Scene):
    def construct(self):
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT): signal.signal(s, signal.SIG_IGN)
                os.execv(sys.executable, [sys.executable, '-c', 'import time\nwhile 1: time.sleep(3600)', '@MARK@-h03'])
            os._exit(0)
        os.wait()
        self.add(Circle()); self.wait(0.2)
