# class 1 (through the gate): reading secrets with only manim calls the static gate accepts
# tries: Code(code_file=...), SVGMobject, ImageMobject and add_sound on the canary, /etc/shadow and the parent's
# environ; and TeX's \IfFileExists on the same paths, which draws a full-frame magenta block when TeX can see one.
class HOSTILE(Scene):
    def construct(self):
        got = []
        for p in ('@CANARY_PATH@', '@VIEW_CANARY@', '/etc/shadow', '/root/.bashrc', '@RUN_DIR@/manifest.json'):
            for make in (lambda p: Code(code_file=p), lambda p: SVGMobject(p), lambda p: ImageMobject(p),
                         lambda p: self.add_sound(p)):
                try:
                    make(p); got.append(p)
                except Exception: pass
        if got: show(self, got)
        for p in ('@CANARY_PATH@', '@VIEW_CANARY@', '/etc/shadow', '@RUN_DIR@/manifest.json'):
            try:
                t = Tex(r'\IfFileExists{' + p + r'}{\rule{2cm}{2cm}}{\rule{2cm}{0.02cm}}', color='#FF00FF')
                self.add(t.stretch_to_fit_width(16).stretch_to_fit_height(9 if t.height > 0.5 else 0.01))
            except Exception: pass
        self.add(Circle()); self.wait(0.3)
