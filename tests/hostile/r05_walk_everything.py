# class 1: reading secrets
# tries: a brute-force hunt: walk the whole visible file system (for at most 4 s) and read every readable regular
# file under 2 MB, looking for the canaries.
import os, time
class HOSTILE(Scene):
    def construct(self):
        t0, got, n = time.monotonic(), [], 0
        for root, dirs, files in os.walk('/', onerror=lambda e: None):
            if time.monotonic() - t0 > 4: break
            if root.startswith(('/proc', '/dev', '/sys')): dirs[:] = []; continue
            for f in files:
                p = os.path.join(root, f)
                try:
                    if os.path.islink(p) or os.path.getsize(p) > 2_000_000: continue
                    with open(p, 'rb') as fh: data = fh.read()
                    n += 1
                except OSError: continue
                if found(data): got.append(p)
        if got: show(self, got)
        self.add(Text(f'{n} files read', font_size=24)); self.wait(0.2)
