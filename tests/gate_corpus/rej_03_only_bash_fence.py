# expect: reject: no code found
Run this:
```bash
manim -ql scene.py
```
