# class 4: starving the run
# tries: 100 MB on stdout and stderr, in long lines without newlines and with terminal escape sequences (a title
# change, a clipboard write), then an exception: the log tail the parent keeps must stay bounded and inert.
import sys, os
class HOSTILE(Scene):
    def construct(self):
        chunk = ('\x1b]0;pwned-title\x07\x1b]52;c;cHduZWQ=\x07\x1b[2J' + 'A' * 4000) * 256
        for _ in range(100): os.write(1, chunk.encode())
        sys.stderr.write('\x1b[31m' + 'B' * 300000 + '\n')
        raise ValueError('\x1b]0;pwned\x07 after 100 MB of output\r\x1b[2K')
