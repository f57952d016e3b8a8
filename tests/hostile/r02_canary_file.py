# class 1: reading secrets
# tries: the root-only canary file by its host path, through /proc/1/root and /proc/self/root, by relative climbing
# from its folder, and the canary the test hid (0600) inside manim_nb's own folder, which IS shown in the view.
import os
class HOSTILE(Scene):
    def construct(self):
        got = []
        paths = ['@CANARY_PATH@', '/proc/1/root@CANARY_PATH@', '/proc/self/root@CANARY_PATH@',
                 '../../../../../../..@CANARY_PATH@', '@VIEW_CANARY@']
        for p in paths:
            try: data = open(p, 'rb').read()
            except OSError as e: continue
            got.append((p, data[:100]))
        try:  # the shown copy: can we at least stat it, and can a chmod make it readable?
            os.chmod('@VIEW_CANARY@', 0o644); got.append('chmod worked')
        except OSError: pass
        if got: show(self, got)
        self.add(Square()); self.wait(0.2)
