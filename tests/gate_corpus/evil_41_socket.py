# expect: reject: import of module `socket` is not allowed
from manim import *
import socket


class Scene1(Scene):
    def construct(self):
        socket.create_connection(('evil', 80))
