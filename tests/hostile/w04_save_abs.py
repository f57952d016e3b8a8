# class 2: writing outside
# tries: numpy.save, PIL Image.save and a mobject's rendered image saved to absolute host paths (/tmp, /root, the
# repo, the run folder), the kind of call a model might write innocently.
import numpy as np
class HOSTILE(Scene):
    def construct(self):
        for p in ('/tmp/@MARK@-w04', '/root/@MARK@-w04', '@REPO_DIR@/@MARK@-w04', '@RUN_DIR@/@MARK@-w04'):
            try: np.save(p + '.npy', np.arange(3))
            except Exception: pass
            try: self.camera.get_image().save(p + '.png')
            except Exception: pass
            try: Circle().get_image().save(p + '-m.png')
            except Exception: pass
        self.add(Circle()); self.wait(0.2)
