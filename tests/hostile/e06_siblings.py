# class 5: escaping the sandbox
# tries: another scene's processes and files: every pid it can see (signal 0 to pids 2-5000), the uids just below
# and above its own (a sibling's uid is in the same range), and the siblings' folders where the pool server keeps
# them on the host (/tmp/manim_nb_pool_*/jobs/*).
import os, glob
class HOSTILE(Scene):
    def construct(self):
        won = []
        pids = [int(p) for p in os.listdir('/proc') if p.isdigit()]
        if pids != [1]: won.append(f'sees pids {pids[:10]}')
        for pid in range(2, 5000):
            try: os.kill(pid, 0); won.append(f'pid {pid} alive')
            except OSError: pass
        mine = os.getuid()
        for tgt in (mine - 1, mine + 1, 65534, 1000, 0):
            try: os.setreuid(tgt, tgt); won.append(f'became {tgt}')
            except OSError: pass
        for j in glob.glob('/tmp/manim_nb_pool_*/jobs/*') + glob.glob('/proc/[0-9]*/root/scene'):
            if j == '/proc/1/root/scene': continue  # its own folder
            try: won.append((j, os.listdir(j)))
            except OSError: pass
        if won: show(self, won)
        self.add(Circle()); self.wait(0.2)
