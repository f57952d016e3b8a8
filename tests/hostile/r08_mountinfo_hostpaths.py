# class 1: reading secrets
# tries: /proc/self/mountinfo names the host paths behind the view; it tries to open each host path directly, and
# the canary's folder, the run folder and /root relative to the roots of those mounts.
import os
class HOSTILE(Scene):
    def construct(self):
        got = []
        info = open('/proc/self/mountinfo').read().splitlines()
        roots = sorted({l.split()[3] for l in info} | {l.split()[4] for l in info})
        for r in roots:
            for tail in ('', '/..', '/../..', '/../../..'):
                p = os.path.normpath(r + tail)
                for q in (p + '@CANARY_PATH@', os.path.join(p, 'root'), os.path.join(p, os.path.basename('@CANARY_PATH@'))):
                    try: data = open(q, 'rb').read(200)
                    except OSError: continue
                    if found(data): got.append(q)
        if got: show(self, got)
        self.add(Circle()); self.wait(0.2)
