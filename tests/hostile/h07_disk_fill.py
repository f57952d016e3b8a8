# class 4: starving the machine
# tries: fills its folder, /tmp and /dev/shm: one big file, then many small files, until the caps stop it; then
# still renders (the clip must fit in what is left, or the scene fails cleanly).
import os
class HOSTILE(Scene):
    def construct(self):
        for where in ('.', '/tmp', '/dev/shm'):
            try:
                with open(f'{where}/big', 'wb') as f:
                    while True: f.write(b'\0' * (8 << 20))
            except OSError: pass
            try:
                for i in range(30000): open(f'{where}/f{i}', 'w').close()
            except OSError: pass
        os.remove('big')
        self.add(Circle()); self.wait(0.2)
