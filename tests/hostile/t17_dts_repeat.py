# class 3: tricking the trusted parent with what the scene leaves
# tries: its own rendered clip with one sample duration set to 0 in the mp4's time-to-sample table (stts): every
# frame still decodes at 15 fps, so the check accepts it, but two frames now share a timestamp and the parent's
# packet-copy mux refuses to write them; does that exception escape Run.execute() and cost the whole video?
import struct
class HOSTILE(Scene):
    def construct(self): self.add(Circle()); self.wait(2)
    def render(self, *a, **k):
        super().render(*a, **k)
        p = f'media/videos/scene/480p15/{type(self).__name__}.mp4'
        data = bytearray(open(p, 'rb').read())
        i = data.find(b'stts') - 4
        size, (n, d) = struct.unpack('>I', data[i:i + 4])[0], struct.unpack('>II', data[i + 16:i + 24])
        entries = [(n // 2 - 1, d), (1, 0), (n - n // 2, d)]
        body = struct.pack('>II', 0, len(entries)) + b''.join(struct.pack('>II', *e) for e in entries)
        new = struct.pack('>I', 8 + len(body)) + b'stts' + body
        delta = len(new) - size
        for name in (b'moov', b'trak', b'mdia', b'minf', b'stbl'):
            j = data.find(name) - 4
            data[j:j + 4] = struct.pack('>I', struct.unpack('>I', data[j:j + 4])[0] + delta)
        if data.find(b'moov') < data.find(b'mdat'):  # moov first: the chunk offsets move by delta too
            j = data.find(b'stco') - 4
            cnt = struct.unpack('>I', data[j + 12:j + 16])[0]
            for k in range(cnt):
                o = j + 16 + 4 * k
                data[o:o + 4] = struct.pack('>I', struct.unpack('>I', data[o:o + 4])[0] + delta)
        data[i:i + size] = new
        open(p, 'wb').write(data)
