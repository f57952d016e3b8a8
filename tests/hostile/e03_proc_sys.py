# class 5: escaping the sandbox
# tries: /proc/sysrq-trigger, /proc/sys/kernel/core_pattern (a host-run command on crash), /proc/sys/kernel/hostname,
# /sys (cgroups, devices), /proc/kcore, /proc/1/root's parent, and /proc/self/cgroup-derived host cgroup paths.
import os
class HOSTILE(Scene):
    def construct(self):
        won = []
        for p, data in (('/proc/sysrq-trigger', b'h'), ('/proc/sys/kernel/core_pattern', b'|/tmp/@MARK@-core'),
                        ('/proc/sys/kernel/hostname', b'pwned'), ('/proc/sys/vm/drop_caches', b'3'),
                        ('/sys/fs/cgroup/pids/cgroup.procs', b'1'), ('/proc/sys/kernel/modprobe', b'/tmp/@MARK@')):
            try:
                with open(p, 'wb') as f: f.write(data)
                won.append(p)
            except OSError: pass
        for p in ('/sys', '/sys/fs/cgroup', '/proc/kcore', '/proc/1/root/..', '/dev/kmsg', '/dev/mem', '/dev/vda', '/dev/sda'):
            try:
                if os.path.isdir(p): names = os.listdir(p); won += [p] if names and p != '/proc/1/root/..' else []
                else: open(p, 'rb').read(16); won.append(p)
            except OSError: pass
        if won: show(self, won)
        self.add(Circle()); self.wait(0.2)
