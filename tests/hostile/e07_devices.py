# class 5: escaping the sandbox
# tries: mknod of a block and a char device in its folder and /tmp (disk, /dev/mem), writing /dev/full, /dev/null
# tricks, and remounting its own folder executable or suid.
import os, stat, ctypes
class HOSTILE(Scene):
    def construct(self):
        won = []
        for p, mode, dev in (('disk', stat.S_IFBLK, os.makedev(253, 0)), ('mem', stat.S_IFCHR, os.makedev(1, 1)),
                             ('/tmp/kmsg', stat.S_IFCHR, os.makedev(1, 11))):
            try: os.mknod(p, mode | 0o666, dev); won.append(f'mknod {p}')
            except OSError: pass
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.mount(None, b'/scene', None, 32 | 4096, None) == 0: won.append('remounted /scene')
        try:
            import shutil; shutil.copy('/usr/bin/id', './myid'); os.chmod('./myid', 0o4755)
            if os.stat('./myid').st_mode & 0o4000: won.append('setuid bit set (harmless only if nosuid holds)')
        except OSError: pass
        won = [w for w in won if 'setuid bit' not in w]  # setting the bit on its own file is allowed; nosuid defuses it
        if won: show(self, won)
        self.add(Circle()); self.wait(0.2)
