# class 3: tricking the trusted parent with what the scene leaves
# tries: replaces its scene.py by symlinks to host files (the run folder's copy of its code, /root, /tmp) and
# fails, so the template fallback re-renders the scene: nothing may be written through the links.
import os
class HOSTILE(Scene):
    def construct(self):
        os.unlink('scene.py'); os.symlink('@RUN_DIR@/@MARK@-t15.py', 'scene.py')
        os.symlink('/root/@MARK@-t15', 'scene.rejected.py'); os.symlink('/tmp/@MARK@-t15', 'media')
        raise RuntimeError('fail on purpose, so the fallback renders this scene again')
