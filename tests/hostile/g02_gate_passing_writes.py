# class 2 (through the gate): writing outside with only manim calls the static gate accepts
# tries: config.media_dir / images_dir / tex_dir / text_dir retargeted to the run folder, the repo and /tmp, so
# manim's own caches (TeX, Text SVGs) and frames land there; then typesets and renders as usual.
class HOSTILE(Scene):
    def construct(self):
        config.tex_dir = '@RUN_DIR@/@MARK@-g02-tex'
        config.text_dir = '@REPO_DIR@/@MARK@-g02-text'
        config.images_dir = '/tmp/@MARK@-g02-images'
        config.media_dir = '@CACHE_DIR@/@MARK@-g02-media'
        self.add(Tex(r'$x^2$'), Text('g02').shift(DOWN))
        self.wait(0.3)
