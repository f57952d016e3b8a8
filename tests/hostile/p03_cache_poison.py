# class 6: poisoning later work
# tries: to poison the shared cache and the run folder's cache: writes fake entries under MANIM_NB_CACHE/render,
# /llm and /tts (every two-letter shard), and under the default ~/.cache/manim_nb, each a clip or answer that a later
# run would take as its own.
import os
class HOSTILE(Scene):
    def construct(self):
        for root in ('@CACHE_DIR@', '@RUN_DIR@/cache', os.path.expanduser('~/.cache/manim_nb'), '/root/.cache/manim_nb'):
            for kind in ('render', 'llm', 'tts'):
                for shard in ('00', 'ff', '@MARK@'[:2]):
                    try:
                        os.makedirs(f'{root}/{kind}/{shard}', exist_ok=True)
                        open(f'{root}/{kind}/{shard}/@MARK@-p03.mp4', 'w').write('poison')
                    except OSError: pass
        self.add(Circle()); self.wait(0.2)
