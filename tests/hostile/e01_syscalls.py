# class 5: escaping the sandbox
# tries: through ctypes, every call that could leave the sandbox: unshare of each namespace, setns on its own
# namespace files, mount, umount, pivot_root, chroot, ptrace, process_vm_readv, bpf, keyctl, add_key,
# io_uring_setup, userfaultfd, perf_event_open, open_by_handle_at, clone and clone3 with namespace flags,
# init_module, kexec_load, reboot, personality; any that succeeds is drawn.
import ctypes, os
class HOSTILE(Scene):
    def construct(self):
        libc = ctypes.CDLL(None, use_errno=True)
        sc = libc.syscall; sc.restype = ctypes.c_long
        buf = ctypes.create_string_buffer(256)
        calls = {f'unshare {f:#x}': (lambda f=f: libc.unshare(f)) for f in (0x10000000, 0x20000, 0x40000000, 0x20000000, 0x8000000, 0x4000000, 0x2000000, 0x80)}
        nsfd = [os.open(f'/proc/self/ns/{n}', os.O_RDONLY) for n in ('mnt', 'net', 'user') if os.path.exists(f'/proc/self/ns/{n}')]
        calls.update({
            'setns': lambda: libc.setns(nsfd[0], 0),
            'mount tmpfs': lambda: libc.mount(b'none', b'/tmp', b'tmpfs', 0, None),
            'mount proc': lambda: libc.mount(b'proc', b'/scene', b'proc', 0, None),
            'umount /': lambda: libc.umount2(b'/', 2),
            'pivot_root': lambda: sc(155, b'/tmp', b'/tmp'),
            'chroot': lambda: libc.chroot(b'/tmp'),
            'ptrace attach 1': lambda: libc.ptrace(16, 1, 0, 0),
            'ptrace traceme': lambda: libc.ptrace(0, 0, 0, 0),
            'process_vm_readv': lambda: sc(310, 1, 0, 0, 0, 0, 0),
            'bpf': lambda: sc(321, 0, buf, 128),
            'keyctl': lambda: sc(250, 0, 0, 0, 0, 0),
            'add_key': lambda: sc(248, b'user', b'x', b'y', 1, -3),
            'io_uring_setup': lambda: sc(425, 8, buf),
            'userfaultfd': lambda: sc(323, 0),
            'perf_event_open': lambda: sc(298, buf, 0, -1, -1, 0),
            'open_by_handle_at': lambda: sc(304, -100, buf, 0),
            'name_to_handle_at': lambda: sc(303, -100, b'/', buf, buf, 0),
            'clone newuser': lambda: sc(56, 0x10000000 | 17, 0, 0, 0, 0),
            'clone newns': lambda: sc(56, 0x20000 | 17, 0, 0, 0, 0),
            'clone3': lambda: sc(435, buf, 88),
            'init_module': lambda: sc(175, buf, 16, b''),
            'kexec_load': lambda: sc(246, 0, 0, 0, 0),
            'reboot': lambda: sc(169, 0xfee1dead, 0x28121969, 0x4321fedc, 0),
            'personality': lambda: sc(135, 0x0040000),
            'sethostname': lambda: libc.sethostname(b'pwned', 5),
            'setuid 0': lambda: libc.setuid(0),
            'fsopen': lambda: sc(430, b'tmpfs', 0),
            'open_tree': lambda: sc(428, -100, b'/', 1),
        })
        won = []
        for name, call in calls.items():
            rc = call()
            if rc == 0 and name.startswith('clone'): os._exit(0)  # the child of a clone that worked
            if rc >= 0 and name != 'clone3': won.append(f'{name}={rc}')
        if won: show(self, won)
        self.add(Circle()); self.wait(0.2)
