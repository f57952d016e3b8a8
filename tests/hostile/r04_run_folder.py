# class 1: reading secrets
# tries: the run folder (manifest.json, its cache of LLM answers, other scenes' code) and the shared cache, by
# absolute path and by climbing out of its own folder with ../; draws whatever it could open.
import os
class HOSTILE(Scene):
    def construct(self):
        got = []
        for p in ('@RUN_DIR@/manifest.json', '@RUN_DIR@/storyboard.json', '@RUN_DIR@/scenes', '@RUN_DIR@/cache', '@CACHE_DIR@'):
            try: got.append((p, open(p, 'rb').read(80) if os.path.isfile(p) else os.listdir(p)))
            except OSError: pass
        for k in range(1, 8):
            up = '/'.join(['..'] * k)
            try: names = os.listdir(up)
            except OSError: continue
            if {'manifest.json', 'storyboard.json', 'jobs', 'server.log'} & set(names): got.append((up, names))
        if got: show(self, got)
        self.add(Circle()); self.wait(0.2)
