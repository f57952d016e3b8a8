# class 3: tricking the trusted parent with what the scene leaves
# tries: a clip cut in the middle of its data (moov at the end lost), then garbage after a valid header.
import os
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.5)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = f'media/videos/scene/480p15/{type(self).__name__}.mp4'
        data = open(p, 'rb').read()
        open(p, 'wb').write(data[:len(data) // 2] + os.urandom(4096))
