# class 3: tricking the trusted parent with what the scene leaves
# tries: a valid h264 clip of another size and frame rate (1920x1080 at 60 fps) written where the 480p15 clip goes,
# so the assembly would have to join mismatched scenes.
import av, numpy as np
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = f'media/videos/scene/480p15/{type(self).__name__}.mp4'
        with av.open(p, 'w') as c:
            vs = c.add_stream('libx264', rate=60); vs.width, vs.height, vs.pix_fmt = 1920, 1080, 'yuv420p'
            for i in range(6):
                f = av.VideoFrame.from_ndarray(np.full((1080, 1920, 3), 200, np.uint8), format='rgb24'); f.pts = i
                c.mux(vs.encode(f))
            c.mux(vs.encode())
