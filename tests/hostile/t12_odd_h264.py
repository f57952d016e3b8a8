# class 3: tricking the trusted parent with what the scene leaves
# tries: a genuine h264 clip of the right size and rate but other encoder settings (baseline profile, so other
# SPS/PPS): the per-scene mux copies it, but the final join no longer matches and falls back to decoding and
# re-encoding every scene in the trusted parent.
import av, numpy as np
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = f'media/videos/scene/480p15/{type(self).__name__}.mp4'
        with av.open(p, 'w') as c:
            vs = c.add_stream('libx264', rate=15, options={'profile': 'baseline', 'preset': 'ultrafast'})
            vs.width, vs.height, vs.pix_fmt = 854, 480, 'yuv420p'
            for i in range(15):
                f = av.VideoFrame.from_ndarray(np.full((480, 854, 3), 10 * i, np.uint8), format='rgb24'); f.pts = i
                c.mux(vs.encode(f))
            c.mux(vs.encode())
