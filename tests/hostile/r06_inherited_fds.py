# class 1: reading secrets
# tries: descriptors the sandbox might have leaked into the scene: every fd 0-4095 (fstat, readlink, read from the
# start), and the link targets of /proc/self/fd/* (host paths), looking for canaries or the parent's files.
import os
class HOSTILE(Scene):
    def construct(self):
        got = []
        for fd in range(4096):
            try: st = os.fstat(fd)
            except OSError: continue
            try: target = os.readlink(f'/proc/self/fd/{fd}')
            except OSError: target = '?'
            try: data = os.pread(fd, 1 << 16, 0)
            except OSError: data = b''
            if found(data) or (fd > 2 and 'scene' not in target): got.append((fd, target, data[:40]))
        if got: show(self, got)
        self.add(Square()); self.wait(0.2)
