# class 1: reading secrets
# tries: the API key in its own environment, its parent's (/proc/<ppid>/environ), pid 1's, and every /proc/*/environ
# and cmdline it can see; draws whatever holds a canary (or any GEMINI/GOOGLE name) into the video.
import os
class HOSTILE(Scene):
    def construct(self):
        got = [f'{k}={v}' for k, v in os.environ.items() if found(v) or k.startswith(('GEMINI', 'GOOGLE', 'GENAI'))]
        pids = {'self', '1', str(os.getppid())} | {p for p in os.listdir('/proc') if p.isdigit()}
        for p in sorted(pids):
            for f in ('environ', 'cmdline'):
                try: data = open(f'/proc/{p}/{f}', 'rb').read()
                except OSError: continue
                if found(data) or b'GEMINI' in data: got.append((p, f, data[:200]))
        if got: show(self, got)
        self.add(Circle()); self.wait(0.2)
