# class 5: escaping the sandbox
# tries: setuid and capability binaries of the view (su, sudo, mount, umount, passwd, newuidmap, newgidmap, ping,
# unshare -r, chsh); no_new_privs and nosuid must make them powerless.
import os, subprocess
class HOSTILE(Scene):
    def construct(self):
        won = []
        for argv in (['su', '-c', 'id -u'], ['sudo', '-n', 'id', '-u'], ['mount', '-t', 'tmpfs', 'x', '/tmp'],
                     ['unshare', '-r', 'id', '-u'], ['unshare', '-m', 'true'], ['newuidmap', '1', '0', '0', '1'],
                     ['passwd', '-d', 'root'], ['ping', '-c', '1', '127.0.0.1'], ['setpriv', '--reuid=0', 'id', '-u']):
            try: r = subprocess.run(argv, capture_output=True, timeout=5, stdin=subprocess.DEVNULL)
            except (OSError, subprocess.SubprocessError): continue
            if r.returncode == 0: won.append((argv[0], r.stdout[:20]))
        sid = [p for p in ('/usr/bin/su', '/usr/bin/mount', '/usr/bin/sudo', '/usr/bin/passwd') if os.path.exists(p) and os.stat(p).st_mode & 0o4000]
        if won: show(self, won)
        self.add(Text(f'setuid files: {len(sid)}', font_size=24)); self.wait(0.2)
