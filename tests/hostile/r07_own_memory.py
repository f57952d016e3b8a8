# class 1: reading secrets
# tries: its own memory, which is a fork of the pool server: a child scans every readable private mapping (with
# ctypes, as /proc/self/mem is closed to it) for a canary the server, or the parent that started it, might still
# hold; the child reports through a pipe so a bad mapping only kills the child.
import os, ctypes
class HOSTILE(Scene):
    def construct(self):
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            hits, total = b'', 0
            for line in open('/proc/self/maps').read().splitlines():
                f = line.split()
                a, b = (int(x, 16) for x in f[0].split('-'))
                if f[1][0] != 'r' or len(f) > 5 and not f[5].startswith('['): continue  # anonymous and heap/stack only
                if f[-1] in ('[vvar]', '[vsyscall]', '[vvar_vclock]') or b - a > 512 << 20: continue
                data = ctypes.string_at(a, b - a); total += len(data)
                if found(data): hits += b'hit '
            os.write(w, hits + str(total).encode()); os._exit(0)
        os.close(w); os.waitpid(pid, 0)
        res = os.read(r, 4096)
        if b'hit' in res: show(self, res)
        self.add(Text(f'{int(res.split()[-1] or 0) >> 20} MB scanned', font_size=24)); self.wait(0.2)
