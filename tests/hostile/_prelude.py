# Shared by every hostile case (the test puts it in front of each case; it is not a case itself).
# `show(scene, loot)` is how a case reports that an attack WORKED: it fills the frame with magenta and draws what it
# got, so the loot is exfiltrated through the video itself. The test looks for magenta frames in every clip.
# Plain Python and manim only, so the static gate judges each case by its attack, not by this prelude.
from manim import *

NEEDLES = (b'sk-canary-', b'file-canary-')  # the format of what the test hides (an attacker knows key formats)
HEX = b'0123456789abcdef'

def found(data) -> bool:
    "Does `data` (bytes or str) hold one of the test's canaries (a needle and 16 hex digits)?"
    if isinstance(data, str): data = data.encode('utf-8', 'replace')
    data = data or b''
    for needle in NEEDLES:
        i = data.find(needle)
        while i >= 0:
            tail = data[i + len(needle):i + len(needle) + 16]
            if len(tail) == 16 and all(c in HEX for c in tail): return True
            i = data.find(needle, i + 1)
    return False

def show(scene, loot):
    "The attack worked: a magenta frame with the loot drawn on it."
    scene.add(Rectangle(width=30, height=20, fill_color='#FF00FF', fill_opacity=1, stroke_width=0))
    try: scene.add(Text(repr(loot)[:70], font_size=16, color=BLACK))
    except Exception: pass
    scene.wait(0.3)
