# class 4 (through what the scene leaves): hanging the run
# tries: a clip that is cheap to make and slow to decode: one 2 KB PNG frame (inflates to 1.2 MB of pixels) muxed
# 3000 times at 854x480, 15 fps, in a fraction of a second, then one packet of garbage. The confined check decodes
# all of it (~15 s, past the scene's 8 s timeout: the check has its own 120 s) before the last packet makes it
# refuse the clip. Without that packet (and with packet durations) it is accepted, and the parent decodes and
# re-encodes it again (no timeout): at 22000 frames, 110 s of check and 238 s in the parent, measured.
import io, av, numpy as np
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.2)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = f'media/videos/scene/480p15/{type(self).__name__}.mp4'
        buf = io.BytesIO()
        with av.open(buf, 'w', format='mp4') as c:
            vs = c.add_stream('png', rate=15); vs.width, vs.height, vs.pix_fmt = 854, 480, 'rgb24'
            f = av.VideoFrame.from_ndarray(np.zeros((480, 854, 3), np.uint8), format='rgb24')
            for i in range(2): f.pts = i; c.mux(vs.encode(f))
            c.mux(vs.encode())
        buf.seek(0)
        with av.open(buf) as ic, av.open(p, 'w') as oc:
            iv = ic.streams.video[0]; ov = oc.add_stream_from_template(iv)
            pk = next(x for x in ic.demux(iv) if x.dts is not None)
            step = round(1 / (15 * iv.time_base))
            for i in range(@FRAMES@):
                q = av.Packet(bytes(pk)); q.pts = q.dts = i * step; q.time_base = iv.time_base
                q.stream = ov; q.is_keyframe = True; oc.mux(q)
            q = av.Packet(b'\x89PNG\r\n\x1a\n' + bytes(64)); q.pts = q.dts = @FRAMES@ * step; q.time_base = iv.time_base
            q.stream = ov; q.is_keyframe = True; oc.mux(q)
