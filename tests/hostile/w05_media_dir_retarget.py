# class 2: writing outside
# tries: retargets manim's config (media_dir, video_dir, images_dir, partial movie dir) to the run folder and /tmp
# before rendering, so manim itself writes its movie files there.
class HOSTILE(Scene):
    def construct(self):
        config.media_dir = '@RUN_DIR@/@MARK@-w05'
        config.video_dir = '/tmp/@MARK@-w05/videos'
        config.images_dir = '@REPO_DIR@/@MARK@-w05-images'
        config.partial_movie_dir = '/tmp/@MARK@-w05/partial'
        config.output_file = '@RUN_DIR@/clips/@MARK@-w05.mp4'
        self.add(Circle()); self.wait(0.2)
