# class 6: poisoning later work
# tries: the pool server is shared by every scene; this scene patches what it inherited from it (manim's config
# and classes, manim_nb's layouts, the json and os modules) and writes to the server through any fd left open,
# hoping later scenes (forked from the same server) or the server itself inherit the change.
import os, json, manim, manim_nb.layouts as L
class HOSTILE(Scene):
    def construct(self):
        config.background_color = '#FF00FF'
        Circle.__init__ = lambda self, *a, **k: (_ for _ in ()).throw(RuntimeError('poisoned Circle'))
        L.TemplateScene.construct = lambda self: None
        json.loads = lambda *a, **k: {'poisoned': True}
        for fd in range(3, 1024):
            try: os.write(fd, b'{"id": "x", "rc": 0, "log": "poisoned"}\n')
            except OSError: pass
        self.add(Square()); self.wait(0.2)
