# class 4 (through the gate): hanging the run with only what the gate accepts
# tries: an animation that never ends: a wait of a million seconds (a render that would take days), behind a
# harmless-looking title.
class HOSTILE(Scene):
    def construct(self):
        self.add(Text('A long pause'))
        self.wait(10**6)
