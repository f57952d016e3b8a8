# class 2: writing outside
# tries: symlinks and hardlinks from its folder to host places (the run folder, /root, the repo, /tmp), then writes
# through them; and a hardlink to a file of the view (the interpreter) to write into it.
import os, sys
class HOSTILE(Scene):
    def construct(self):
        for i, target in enumerate(('@RUN_DIR@/@MARK@-w02', '/root/@MARK@-w02', '@REPO_DIR@/@MARK@-w02', '/tmp/@MARK@-w02')):
            try:
                os.symlink(target, f'link{i}')
                with open(f'link{i}', 'w') as f: f.write('through a symlink')
            except OSError: pass
        for src in (sys.executable, os.path.realpath(sys.executable), '/usr/bin/env', '@VIEW_CANARY@'):
            try:
                os.link(src, 'hard'); open('hard', 'ab').write(b'#')
                show(self, f'wrote into {src} through a hardlink')
            except OSError: pass
            try: os.unlink('hard')
            except OSError: pass
        self.add(Circle()); self.wait(0.2)
