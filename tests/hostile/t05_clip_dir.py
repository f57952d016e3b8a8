# class 3: tricking the trusted parent with what the scene leaves
# tries: a folder (holding a FIFO and a deep tree) where the clip should be: a parent that recurses or copies trees
# hangs or copies too much.
import os
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = f'media/videos/scene/480p15/{type(self).__name__}.mp4'
        os.unlink(p); os.makedirs(p + '/a' * 60); os.mkfifo(p + '/fifo')
