# class 6: poisoning later work
# tries: plants manim.cfg everywhere manim (or a later scene, or the next run) might read one: ~/.config/manim,
# /tmp/.config/manim, its folder, $XDG_CONFIG_HOME, the repo, the run folder; each sets a broken quality and a
# magenta background, so a later benign scene that picks it up shows up as magenta (or fails).
import os
CFG = '[CLI]\nbackground_color = #FF00FF\nframe_rate = 60\nmedia_dir = /tmp/@MARK@-p01\n'
class HOSTILE(Scene):
    def construct(self):
        for d in (os.path.expanduser('~/.config/manim'), '/tmp/.config/manim', '.', os.environ.get('XDG_CONFIG_HOME', '/tmp') + '/manim',
                  '/root/.config/manim', '@REPO_DIR@', '@RUN_DIR@', '@RUN_DIR@/scenes', '/tmp'):
            try:
                os.makedirs(d, exist_ok=True)
                for n in ('manim.cfg', 'custom_config.cfg'): open(os.path.join(d, n), 'w').write(CFG)
            except OSError: pass
        self.add(Circle()); self.wait(0.2)
