# class 2: writing outside
# tries: files in /tmp, /var/tmp, /dev/shm, /root, the repository, the run folder (absolute and ../../..), the shared
# cache and the default cache (~/.cache/manim_nb); the test looks for them on the host afterwards.
import os
class HOSTILE(Scene):
    def construct(self):
        for p in ('/tmp/@MARK@-w01', '/var/tmp/@MARK@-w01', '/dev/shm/@MARK@-w01', '/root/@MARK@-w01', '@REPO_DIR@/@MARK@-w01',
                  '@RUN_DIR@/@MARK@-w01', '../../../@MARK@-w01', '../../../../../../../../tmp/@MARK@-w01b',
                  '@CACHE_DIR@/@MARK@-w01', '/root/.cache/manim_nb/@MARK@-w01', '@RUN_DIR@/work/@MARK@-w01'):
            try:
                os.makedirs(os.path.dirname(p) or '.', exist_ok=True)
                with open(p, 'w') as f: f.write('pwned')
            except OSError: pass
        self.add(Square()); self.wait(0.2)
