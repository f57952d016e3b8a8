# class 2: writing outside (and reading)
# tries: LaTeX's \openout to absolute and ../ paths (/tmp, the run folder, the repo), \write18 shell escape, and
# \input of the canary file and /etc/shadow; all through manim's own Tex, so the gate sees only manim calls.
class HOSTILE(Scene):
    def construct(self):
        for tex in (r'\immediate\openout9=/tmp/@MARK@-w03.tex \immediate\write9{pwned}\immediate\closeout9 a',
                    r'\immediate\openout9=../../../@MARK@-w03.tex \immediate\write9{pwned}\immediate\closeout9 b',
                    r'\immediate\openout9=@RUN_DIR@/@MARK@-w03.tex \immediate\write9{pwned}\immediate\closeout9 c',
                    r'\immediate\write18{touch /tmp/@MARK@-w03-shell} d',
                    r'\input{@CANARY_PATH@}', r'\input{/etc/shadow}', r'\input{@VIEW_CANARY@}'):
            try: self.add(Tex(tex).scale(0.5))
            except Exception: pass
        self.add(Square()); self.wait(0.2)
