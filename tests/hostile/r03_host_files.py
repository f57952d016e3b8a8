# class 1: reading secrets
# tries: host files an attacker wants: /etc/shadow, /etc/passwd, /etc/hostname, /root/.bashrc, ~/.bashrc of the
# parent, ssh keys, the coding client's config, /home; anything read is drawn into the video.
import os
class HOSTILE(Scene):
    def construct(self):
        got = []
        for p in ('/etc/shadow', '/etc/passwd', '/etc/hostname', '/etc/hosts', '/root/.bashrc', '/root/.ssh/id_rsa',
                  '/root/.ssh/authorized_keys', '/root/.config', '/home', '/etc/machine-id', '/var/log/syslog',
                  os.path.expanduser('~/.bashrc')):
            try:
                data = open(p, 'rb').read(300) if not os.path.isdir(p) else repr(os.listdir(p)).encode()
            except OSError: continue
            if p != os.path.expanduser('~/.bashrc') or found(data): got.append((p, data[:60]))
        if got: show(self, got)
        self.add(Triangle()); self.wait(0.2)
