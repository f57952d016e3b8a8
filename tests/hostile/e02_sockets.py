# class 5: escaping the sandbox
# tries: the test's TCP listener on 127.0.0.1, its unix socket by path, its abstract unix socket, UDP to the host,
# a raw/packet socket, netlink (route) to bring an interface up, and any interface with an address.
import socket
class HOSTILE(Scene):
    def construct(self):
        won = []
        for fam, typ, addr in ((socket.AF_INET, socket.SOCK_STREAM, ('127.0.0.1', @TCP_PORT@)),
                               (socket.AF_INET6, socket.SOCK_STREAM, ('::1', @TCP_PORT@)),
                               (socket.AF_UNIX, socket.SOCK_STREAM, '@UNIX_PATH@'),
                               (socket.AF_UNIX, socket.SOCK_STREAM, '\0@ABSTRACT@'),
                               (socket.AF_INET, socket.SOCK_STREAM, ('1.1.1.1', 443))):
            try:
                s = socket.socket(fam, typ); s.settimeout(2); s.connect(addr); s.sendall(b'hello from @MARK@'); won.append(repr(addr))
            except OSError: pass
        try:
            u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.sendto(b'@MARK@', ('127.0.0.1', @TCP_PORT@)); won.append('udp sent')
        except OSError: pass
        for fam, typ, proto in ((socket.AF_PACKET, socket.SOCK_RAW, 0), (socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)):
            try: socket.socket(fam, typ, proto); won.append(f'raw {fam}')
            except OSError: pass
        try:
            import fcntl, struct
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            fcntl.ioctl(s, 0x8914, struct.pack('16sH', b'lo', 1))  # SIOCSIFFLAGS: lo up
            won.append('lo up')
        except OSError: pass
        if won: show(self, won)
        self.add(Circle()); self.wait(0.2)
