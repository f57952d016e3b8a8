# class 4: hanging the run
# tries: FIFOs: one in a sibling's folder and in the run folder's work area (where the parent takes clips from),
# then blocks forever opening its own FIFO for reading.
import os
class HOSTILE(Scene):
    def construct(self):
        for p in ('@RUN_DIR@/work/Scene1/@MARK@-fifo', '@RUN_DIR@/clips/@MARK@-fifo', '/tmp/@MARK@-fifo', '../@MARK@-fifo'):
            try: os.mkfifo(p, 0o666)
            except OSError: pass
        os.mkfifo('wait-here')
        open('wait-here').read()
