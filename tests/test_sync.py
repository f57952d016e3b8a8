"Narration in sync: sentences split right, times measured from the spoken segments, manim-voiceover's API in a real run."
import json, wave
from pathlib import Path

import av
import numpy as np
import pytest

from manim_nb.core import SceneCode
from manim_nb.narration import narrate, read_voice_log, BadVoiceLog, strip_trailer
from manim_nb.pipeline import Run, RunOptions
from manim_nb.providers import OfflineProvider
from manim_nb.storyboard import SceneSpec, Storyboard
from manim_nb.voiceover import segments, split_sentences

SPLITS = {  # text -> sentences a reader sees
    'Dr. Smith measured 3.14 cm, e.g. in Fig. 2. Then he left.': 2,
    'The value is approx. 2.5 m/s. Next, we compute v = d/t. Done!': 3,
    'Consider $f(x) = x^2 + 1$. Its derivative is $f\'(x) = 2x$. What happens at x = 0.5?': 3,
    'Pi is about 3.14159... It never ends.': 2,
    'See Eq. 3 and Vol. 2 for details. They agree.': 2,
    'We use i.e. the U.S. standard. Mr. Jones agrees.': 2,
    'Is it 1.5? Yes! It is 1.5.': 3,
    'The set \\(\\{x : x > 0.5\\}\\) is open. So is its complement? No.': 3,
    '"Stop." She said it twice.': 2,
    'One sentence without a full stop': 1,
    '': 0,
}

@pytest.mark.parametrize('text', list(SPLITS))
def test_splitter_hard_cases(text):
    got = split_sentences(text)
    assert len(got) == SPLITS[text], got
    assert ' '.join(got) == ' '.join(text.split())  # nothing lost, nothing added

def test_bookmarks_cut_segments_not_sentences():
    segs = segments("First part. Then <bookmark mark='A'/>the rest, <bookmark mark='B'/>and the end.<bookmark mark='C'/>")
    assert [g['text'] for g in segs] == ['First part.', 'Then', 'the rest,', 'and the end.', '']
    assert [g['marks'] for g in segs] == [[], [], ['A'], ['B'], ['C']] and [g['sentence'] for g in segs[:4]] == [0, 1, 1, 1]

def test_narrate_times_are_the_joins(tmp_path):
    tm = narrate('One short sentence. And <bookmark mark="x"/>another one, a little longer.', tmp_path/'n.wav', 'espeak')
    with wave.open(str(tmp_path/'n.wav')) as w: total = w.getnframes() / w.getframerate()
    assert abs(tm['duration'] - total) < 1e-3
    (a0, a1), (b0, b1) = [s[1:] for s in tm['sentences']]
    assert a0 == 0 and a1 == b0 and abs(b1 - total) < 1e-3 and b0 < tm['bookmarks']['x'] < b1
    seg = [p for p in (tmp_path/'seg').iterdir()]
    assert len(seg) == 3  # 'One short sentence.', 'And', 'another one, a little longer.'

def test_voice_log_is_untrusted():
    ok = read_voice_log(b'[{"text": " a  b ", "start": 0}, {"text": "c", "start": 1.5}]', clip_s=3)
    assert ok == [dict(text='a b', start=0.0), dict(text='c', start=1.5)]
    for bad in (b'{}', b'[1]', b'[{"text": "a", "start": "0"}]', b'[{"text": "a", "start": 9}]', b'[{"text": "a", "start": NaN}]',
                b'[{"text": "a", "start": 2}, {"text": "b", "start": 1}]', b'x' * (5 * 2**20), json.dumps([dict(text='a', start=0)] * 5000).encode()):
        with pytest.raises(BadVoiceLog): read_voice_log(bad, clip_s=3)

VOICEOVER = '''from manim import *
from manim_voiceover import VoiceoverScene
from manim_voiceover.services.gtts import GTTSService

class Scene1(VoiceoverScene):
    def construct(self):
        self.set_speech_service(GTTSService(lang="en"))
        dot = Square(side_length=1.5, color=BLUE, fill_opacity=1).shift(3 * RIGHT)
        with self.voiceover(text="Here is a square.") as tracker:
            self.play(FadeIn(dot), run_time=tracker.duration / 2)
        with self.voiceover(text="Now it slides <bookmark mark='A'/>all the way to the left.") as tracker:
            self.wait_until_bookmark("A")
            self.play(dot.animate.shift(6 * LEFT), run_time=1)
'''

class Given(OfflineProvider):
    "Templates, except for scenes whose code the test gives."
    code = {}
    def generate(self, scenes, run):
        out = super().generate(scenes, run)
        for s in scenes:
            if s.seq in self.code: out[s.seq] = SceneCode(self.code[s.seq], 'individual', 1, scene=s.name)
        return out

def _moved_at(clip) -> float:
    "Video time of the first frame where the square's right edge has moved left of where it rested."
    rest = None
    with av.open(str(clip)) as c:
        st = c.streams.video[0]
        for f in c.decode(st):
            img = f.to_ndarray(format='rgb24').astype(int)
            cols = np.nonzero(((img[..., 2] - img[..., 0]) > 60).sum(axis=0) > 5)[0]  # columns showing the blue square
            if not len(cols): continue
            right = cols.max()
            if rest is not None and right < rest - 1: return float(f.pts * st.time_base)
            rest = right if rest is None else max(rest, right)
    return float('inf')

def test_voiceover_scene_in_sync(tmp_path):
    sb = Storyboard(title='Sync', scenes=[SceneSpec(seq=1, text='Here is a square. Now it slides all the way to the left.', layout='custom')])
    Given.code = {1: VOICEOVER}
    run = Run(sb, tmp_path/'out', RunOptions(provider='offline', tts='espeak', no_cache=True, qa=False), provider=Given()).execute()
    rec = run.manifest.scene(1)
    assert rec['voiceover'] and rec['codegen_source'] == 'individual' and not rec.get('voice_note')
    assert list(rec['voice_plan']) == ['Here is a square.', "Now it slides <bookmark mark='A'/>all the way to the left."]
    blocks = rec['placed']['blocks']
    mark = blocks[1]['start'] + rec['voice_plan'][blocks[1]['text']]['bookmarks']['A']
    # the bookmark is where the segment after it starts in our narration: the start of the block plus the spoken "Now it slides"
    seg = narrate('Now it slides', tmp_path/'probe.wav', 'espeak')
    assert abs(mark - blocks[1]['start'] - seg['duration']) < 1e-3
    moved = _moved_at(run.path('clip', 1))
    print(f"bookmark at {mark:.3f} s, first moved frame at {moved:.3f} s")
    assert abs(moved - mark) <= 0.1, (moved, mark)  # the first moved frame, within 0.1 s
    # the narration track: the second block's audio starts where the render says the block started
    with wave.open(str(run.path('voice', 1))) as w:
        x = np.frombuffer(w.readframes(w.getnframes()), '<i2').astype(float); r = w.getframerate()
    assert np.abs(x[int((blocks[1]['start'] - 0.12) * r):int((blocks[1]['start'] - 0.02) * r)]).max() < 300  # silence before it
    assert np.abs(x[int(blocks[1]['start'] * r):int((blocks[1]['start'] + 0.4) * r)]).max() > 1000
    with av.open(str(run.out/'final.mp4')) as c:
        assert abs(float(c.duration / 1e6) - rec['placed']['duration']) < 0.2
    code = run.path('code', 1).read_text()
    assert 'from manim_nb.voiceover import VoiceoverScene' in code and strip_trailer(code) in code and 'Scene1.voiceovers = ' in code
    # a log that cannot be believed (here: a block after the clip's end) is refused: the blocks go one after another
    from manim_nb.pipeline import _place_voices
    _place_voices(run, sb.scenes[0], json.dumps([dict(text='Here is a square.', start=99.0)]).encode())
    rec = run.manifest.scene(1)
    assert 'voiceover log refused' in rec['voice_note'] and [b['start'] for b in rec['placed']['blocks']] == [0.0, blocks[0]['end']]

CHATTY = '''from manim import *
from manim_voiceover import VoiceoverScene

class Scene1(VoiceoverScene):
    def construct(self):
        for i in range(300):
            with self.voiceover(text=f"Block number {i} says many words " * 20): pass
'''

def test_voiceover_texts_are_bounded(tmp_path):
    "Scene code chooses what the parent speaks: a scene asking for far more than its narration gets the budget, then silence."
    sb = Storyboard(title='Chatty', scenes=[SceneSpec(seq=1, text='A short narration.', layout='custom')])
    Given.code = {1: CHATTY}
    run = Run(sb, tmp_path/'out', RunOptions(provider='offline', tts='none', no_cache=True, qa=False, timeout=60), provider=Given()).execute()
    rec = run.manifest.scene(1)
    spoken = sum(len(t) for t in rec['voice_plan'])
    assert rec['voiceover'] and 0 < spoken <= 3000 and 'left unspoken' in rec['note']
    assert rec['render_status'] == 'ok' and rec['placed']['unplanned']  # the render ran; the blocks past the budget are silent

def test_template_code_carries_measured_sentences(tmp_path):
    sb = Storyboard(title='T', scenes=[SceneSpec(seq=1, text='Squares have four sides. Each corner is right. That is all.',
                                                 layout='bullets', params=dict(title='Squares', bullets=['Four sides', 'Right corners', 'All']))])
    run = Run(sb, tmp_path/'out', RunOptions(provider='offline', tts='espeak', no_cache=True, qa=False)).execute()
    rec = run.manifest.scene(1)
    sents = rec['narration']['sentences']
    assert [s[0] for s in sents] == ['Squares have four sides.', 'Each corner is right.', 'That is all.']
    assert sents[0][1] == 0 and sents[0][2] == sents[1][1] and abs(sents[-1][2] - rec['audio_s']) < 1e-3
    code = run.path('code', 1).read_text()
    assert f"Scene1.sentences = {sents!r}" in code
    # a changed sentence re-speaks that sentence only
    seg = sorted(p.name for p in (run.out/'audio'/'seg').iterdir())
    sb.scenes[0].text = 'Squares have four sides. Each corner is a right angle. That is all.'
    Run(sb, tmp_path/'out', RunOptions(provider='offline', tts='espeak', no_cache=True, qa=False)).execute()
    assert len(set(p.name for p in (run.out/'audio'/'seg').iterdir()) - set(seg)) == 1

STORY = Storyboard(title='Tides', scenes=[
    SceneSpec(seq=1, text='Why does the sea rise and fall twice a day? The answer is the Moon.', layout='title_card',
              params=dict(title='Tides', subtitle='The Moon at work')),
    SceneSpec(seq=2, text='The Moon pulls the near side of the ocean a little harder than Earth itself. It pulls Earth harder than the far side. '
                          'So the water bulges on both sides, e.g. at noon and at midnight.', layout='bullets',
              params=dict(title='Two bulges', bullets=['Near side pulled most', 'Earth pulled less', 'Far side pulled least'])),
    SceneSpec(seq=3, text='The pull falls off with the cube of the distance. Double the distance, and the tide is about 8 times weaker.',
              layout='equation', params=dict(equation='F_{tide} \\propto \\frac{M r}{d^3}', caption='Tidal force')),
    SceneSpec(seq=4, text='Earth turns under the two bulges. So a beach passes through high water twice a day.', anim='A circle with a dot on it turns.',
              layout='custom')])

@pytest.mark.parametrize('aspect,size', [('9:16', (480, 854)), ('1:1', (480, 480))])
def test_shapes_with_subtitles_and_chapters(tmp_path, aspect, size):
    from manim_nb.assemble import read_chapters, read_subtitles
    run = Run(STORY, tmp_path/'out', RunOptions(provider='offline', tts='espeak', no_cache=True, aspect=aspect, subtitles=True)).execute()
    final = run.out/'final.mp4'
    with av.open(str(final)) as c:
        v = c.streams.video[0]
        assert (v.width, v.height) == size
        subs = [s for s in c.streams.subtitles]
        assert len(subs) == 1 and subs[0].codec_context.name == 'mov_text' and subs[0].metadata.get('language') == 'eng'
        duration = float(c.duration / 1e6)
    spoken = [s for q in (1, 2, 3, 4) for s in run.manifest.scene(q)['narration']['sentences']]
    srt = (run.out/'final.srt').read_text()
    blocks = [b.splitlines() for b in srt.strip().split('\n\n')]
    assert len(blocks) == len(spoken) == 9  # one cue per sentence ('e.g.' does not end one)
    times = [tuple(_srt_s(x) for x in b[1].split(' --> ')) for b in blocks]
    assert all(0 <= a < b <= duration + 1e-3 for a, b in times) and all(b0 <= a1 for (_, b0), (a1, _) in zip(times, times[1:]))
    assert [' '.join(b[2:]) for b in blocks] == [s[0] for s in spoken] and all(len(b) <= 4 for b in blocks)  # in order, at most two lines
    assert [c.text.replace('\n', ' ') for c in read_subtitles(final)] == [s[0] for s in spoken]  # the muxed track says the same
    chapters = read_chapters(final)
    assert [c[0] for c in chapters] == ['Tides', 'Two bulges', 'The pull falls off with the cube of the distance.', 'Earth turns under the two bulges.'] and len(chapters) == 4
    assert (run.out/'final.chapters.vtt').read_text().count(' --> ') == 4 and (run.out/'final.vtt').read_text().startswith('WEBVTT')
    for q in (1, 2, 3, 4):  # the layout QA finds nothing on any template scene in this shape
        rep = json.loads(run.path('qa', q).read_text())
        assert rep['issues'] == [] and rep['frame']['pixel_width'] == size[0], (q, rep['issues'])

def _srt_s(stamp):
    h, m, s = stamp.strip().replace(',', '.').split(':')
    return int(h) * 3600 + int(m) * 60 + float(s)

def test_burned_subtitles_have_no_track_but_files(tmp_path):
    sb = Storyboard(title='T', scenes=STORY.scenes[:1])
    run = Run(sb, tmp_path/'out', RunOptions(provider='offline', tts='espeak', no_cache=True, burn_subtitles=True, qa=False)).execute()
    with av.open(str(run.out/'final.mp4')) as c: assert not list(c.streams.subtitles) and len(c.streams.audio) == 1
    assert (run.out/'final.srt').read_text().count(' --> ') == 2
    with pytest.raises(Exception, match='not both'): RunOptions(subtitles=True, burn_subtitles=True).resolved()
