# class 5: escaping the sandbox
# tries: typing a command into the controlling terminal with TIOCSTI (and TIOCLINUX) on fds 0-2, /dev/tty and
# /dev/console, and opening the host's ptys (/dev/pts/*).
import os, fcntl, glob
class HOSTILE(Scene):
    def construct(self):
        won = []
        fds = [0, 1, 2]
        for p in ['/dev/tty', '/dev/console', '/dev/ptmx', *glob.glob('/dev/pts/*')]:
            try: fds.append(os.open(p, os.O_RDWR | os.O_NOCTTY)); won.append(f'opened {p}')
            except OSError: pass
        for fd in fds:
            for req in (0x5412, 0x541C):
                try: fcntl.ioctl(fd, req, b'x'); won.append(f'ioctl {req:#x} on {fd}')
                except OSError: pass
        if won: show(self, won)
        self.add(Circle()); self.wait(0.2)
