# class 3: tricking the trusted parent with what the scene leaves
# tries: a huge sparse file where the clip should be (128 MB of holes, costing the scene nothing, under RLIMIT_FSIZE):
# the server copies it out to the run folder on the host's disk before the check refuses it; is the copy removed?
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = f'media/videos/scene/480p15/{type(self).__name__}.mp4'
        with open(p, 'wb') as f: f.truncate(128 << 20)
