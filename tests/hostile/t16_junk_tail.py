# class 3: tricking the trusted parent with what the scene leaves
# tries: its real clip followed by 64 MB of sparse zeros (free to make in tmpfs): mp4 readers ignore what follows the
# last box, so it passes the check, and the junk is stored verbatim in clips/ and the shared cache.
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = f'media/videos/scene/480p15/{type(self).__name__}.mp4'
        with open(p, 'r+b') as f: f.seek(0, 2); f.truncate(f.tell() + (64 << 20))
