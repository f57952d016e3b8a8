# class 3: tricking the trusted parent with what the scene leaves
# tries: the clip as a hardlink to scene.py (a file the parent wrote) and a device node via mknod; the first is
# the scene's own file, the second needs CAP_MKNOD.
import os, stat
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = f'media/videos/scene/480p15/{type(self).__name__}.mp4'
        os.unlink(p)
        try: os.mknod(p, stat.S_IFCHR | 0o666, os.makedev(1, 1))  # /dev/mem
        except OSError: os.link('scene.py', p)
