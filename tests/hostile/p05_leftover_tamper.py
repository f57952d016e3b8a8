# class 6: poisoning later work / outliving the scene
# tries: leaves a named process (its own, in a new session, with SIGTERM ignored) that keeps trying, every 50 ms,
# to write into the run folder, the shared cache and /tmp, and to signal any other process; the scene then hangs
# so the timeout path (not a normal exit) has to clean it up.
import os, ctypes, signal, time
class HOSTILE(Scene):
    def construct(self):
        if os.fork() == 0:
            os.setsid(); signal.signal(signal.SIGTERM, signal.SIG_IGN)
            ctypes.CDLL(None).prctl(15, b'@MARK@', 0, 0, 0)
            while True:
                for p in ('@RUN_DIR@/@MARK@-p05', '@CACHE_DIR@/@MARK@-p05', '/tmp/@MARK@-p05'):
                    try: open(p, 'w').write('late')
                    except OSError: pass
                for pid in range(1, 300):
                    try: os.kill(pid, signal.SIGSTOP) if pid != os.getpid() else None
                    except OSError: pass
                time.sleep(0.05)
        time.sleep(10**6)
