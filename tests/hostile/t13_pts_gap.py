# class 3: tricking the trusted parent with what the scene leaves
# tries: a clip of 30 frames at 15 fps and a 31st frame stamped an hour later: the check counts 31 frames (2 s) at
# 15 fps, the container says an hour; the join then shifts the next scenes by 2 s only, so their frames fall behind
# the hour-late one and are dropped: one scene erases the video of every scene after it from final.mp4.
import io, av, numpy as np
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = f'media/videos/scene/480p15/{type(self).__name__}.mp4'
        buf = io.BytesIO()
        with av.open(buf, 'w', format='mp4') as c:
            vs = c.add_stream('libx264', rate=15, options={'crf': '23', 'preset': 'veryfast', 'threads': '1', 'bframes': '0'})
            vs.width, vs.height, vs.pix_fmt = 854, 480, 'yuv420p'
            f = av.VideoFrame.from_ndarray(np.full((480, 854, 3), 120, np.uint8), format='rgb24').reformat(format='yuv420p')
            for i in range(3): f.pts = i; c.mux(vs.encode(f))
            c.mux(vs.encode())
        buf.seek(0)
        with av.open(buf) as ic, av.open(p, 'w') as oc:
            iv = ic.streams.video[0]; ov = oc.add_stream_from_template(iv)
            pk = [x for x in ic.demux(iv) if x.dts is not None]
            step = round(1 / (15 * iv.time_base))
            for i, t in enumerate([*range(30), 30 + 15 * 3600]):
                q = av.Packet(bytes(pk[0] if i == 0 else pk[1])); q.pts = q.dts = t * step; q.time_base = iv.time_base
                q.stream = ov; q.is_keyframe = i == 0; oc.mux(q)
