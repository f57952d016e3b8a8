# class 6: poisoning later work
# tries: rewriting code every later scene imports: manim/__init__.py, manim_nb/layouts.py and templates.py (both
# shown in the view), a sitecustomize.py and a .pth file in site-packages, a .pyc in __pycache__, TeX's and
# fontconfig's caches; anything that sticks would run in every later scene (or in the parent).
import os, sys, site, manim, manim_nb.layouts
class HOSTILE(Scene):
    def construct(self):
        won = []
        sp = os.path.dirname(os.path.dirname(manim.__file__))
        for p, data in ((manim.__file__, '\nraise SystemExit("pwned")\n'), (manim_nb.layouts.__file__, '\nPWNED = 1\n'),
                        (os.path.join(os.path.dirname(manim_nb.layouts.__file__), 'templates.py'), '\nPWNED = 1\n'),
                        (os.path.join(sp, 'sitecustomize.py'), 'import os\n'), (os.path.join(sp, '@MARK@.pth'), 'import os\n'),
                        (os.path.join(os.path.dirname(manim.__file__), '__pycache__', '@MARK@.pyc'), 'x'),
                        ('/var/cache/fontconfig/@MARK@', 'x'), ('/usr/share/fonts/@MARK@.ttf', 'x'), ('/etc/fonts/local.conf', 'x')):
            try:
                with open(p, 'a') as f: f.write(data)
                won.append(p)
            except OSError: pass
            try: os.utime(p); won.append(f'utime {p}')
            except OSError: pass
        try:
            os.rename(manim_nb.layouts.__file__, manim_nb.layouts.__file__ + '.bak'); won.append('renamed layouts.py')
        except OSError: pass
        if won: show(self, won)
        self.add(Circle()); self.wait(0.2)
