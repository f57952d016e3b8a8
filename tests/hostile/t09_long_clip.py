# class 3: tricking the trusted parent with what the scene leaves (decode bomb, cheap to make)
# tries: a 100-second clip for a narration of about two seconds, built in a fraction of a second by muxing one tiny
# all-skip h264 packet 1499 times after a keyframe (the pipeline accepts up to 30 minutes, 27000 frames, made the
# same way; 100 s keep the test short): the video is stretched by minutes of a still frame.
import io, os, av, numpy as np
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = f'media/videos/scene/480p15/{type(self).__name__}.mp4'
        buf = io.BytesIO()
        with av.open(buf, 'w', format='mp4') as c:
            vs = c.add_stream('libx264', rate=15, options={'crf': '23', 'preset': 'veryfast', 'threads': '1', 'bframes': '0'})
            vs.width, vs.height, vs.pix_fmt = 854, 480, 'yuv420p'
            f = av.VideoFrame.from_ndarray(np.full((480, 854, 3), 40, np.uint8), format='rgb24').reformat(format='yuv420p')
            for i in range(3): f.pts = i; c.mux(vs.encode(f))
            c.mux(vs.encode())
        buf.seek(0)
        with av.open(buf) as ic, av.open(p, 'w') as oc:
            iv = ic.streams.video[0]; ov = oc.add_stream_from_template(iv)
            pk = [x for x in ic.demux(iv) if x.dts is not None]
            step = round(1 / (15 * iv.time_base))
            for i in range(1500):
                q = av.Packet(bytes(pk[0] if i == 0 else pk[1])); q.pts = q.dts = i * step; q.time_base = iv.time_base
                q.stream = ov; q.is_keyframe = i == 0; oc.mux(q)
