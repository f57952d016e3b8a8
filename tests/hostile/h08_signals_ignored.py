# class 4: hanging the run
# tries: ignores and blocks every catchable signal (SIGTERM, SIGINT, SIGHUP, SIGXCPU, ...) and spins.
import signal
class HOSTILE(Scene):
    def construct(self):
        for s in signal.Signals:
            try: signal.signal(s, signal.SIG_IGN)
            except (OSError, ValueError, RuntimeError): pass
        signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.Signals) - {signal.SIGKILL, signal.SIGSTOP})
        while True: pass
