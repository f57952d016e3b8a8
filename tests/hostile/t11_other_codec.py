# class 3: tricking the trusted parent with what the scene leaves
# tries: a clip of the right size and rate in another codec (MPEG-4 part 2), 750 frames: it passes a check that
# looks only at size, rate and decodability, and then the trusted parent decodes and re-encodes it (no timeout,
# no sandbox) to mux it, and every other scene with it when the joined clips no longer match.
import io, av, numpy as np
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = f'media/videos/scene/480p15/{type(self).__name__}.mp4'
        buf = io.BytesIO()
        with av.open(buf, 'w', format='mp4') as c:
            vs = c.add_stream('mpeg4', rate=15); vs.width, vs.height, vs.pix_fmt = 854, 480, 'yuv420p'
            f = av.VideoFrame.from_ndarray(np.full((480, 854, 3), 90, np.uint8), format='rgb24').reformat(format='yuv420p')
            for i in range(3): f.pts = i; c.mux(vs.encode(f))
            c.mux(vs.encode())
        buf.seek(0)
        with av.open(buf) as ic, av.open(p, 'w') as oc:
            iv = ic.streams.video[0]; ov = oc.add_stream_from_template(iv)
            pk = [x for x in ic.demux(iv) if x.dts is not None]
            step = round(1 / (15 * iv.time_base))
            for i in range(750):
                q = av.Packet(bytes(pk[0] if i == 0 else pk[1])); q.pts = q.dts = i * step; q.time_base = iv.time_base
                q.stream = ov; q.is_keyframe = i == 0; oc.mux(q)
