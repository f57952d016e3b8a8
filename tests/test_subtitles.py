"Offline tests of the subtitle tools in manim_nb.assemble: cues, .srt/.vtt text, the soft mov_text track, chapters, burn-in."
import os

import av
import numpy as np
import pytest

import manim_nb.assemble as asm
from manim_nb.assemble import (AssembleError, Cue, add_subtitles, burn_subtitles, make_cues, media_duration, read_chapters,
                               read_subtitles, srt_text, synth_clip, synth_wav, vtt_text, wrap_text, write_chapters_vtt,
                               write_srt, write_vtt)


def check_cues(cues, duration, max_chars=42, max_lines=2):
    "The invariants every cue list keeps."
    for c in cues:
        assert 0 <= c.start < c.end <= duration, c
        lines = c.text.split('\n')
        assert 1 <= len(lines) <= max_lines and all(0 < len(l) <= max_chars for l in lines), c
        assert all(l == ' '.join(l.split()) for l in lines), c
    for a, b in zip(cues, cues[1:]): assert a.end <= b.start, (a, b)


# --- make_cues ---

def test_cues_in_order_inside_and_apart():
    s = [('One.', 0.0, 2.0), ('Two overlaps one.', 1.5, 3.0), ('Three, past the end.', 9.0, 14.0), ('Four, after the end.', 12, 13)]
    cues = make_cues(s, 10.0)
    check_cues(cues, 10.0)
    assert [(c.start, c.end, c.text) for c in cues] == [(0.0, 1.5, 'One.'), (1.5, 3.0, 'Two overlaps one.'),
                                                        (9.0, 10.0, 'Three, past the end.')]


def test_cues_empty_zero_and_negative_lengths():
    cues = make_cues([('', 0, 1), ('   \n\t', 1, 2), ('Zero', 2, 2), ('Negative', 5, 4), ('Fine', 6, 7)], 10, min_len=0.1)
    assert cues == [Cue(2.0, 2.1, 'Zero'), Cue(5.0, 5.1, 'Negative'), Cue(6.0, 7.0, 'Fine')]
    assert make_cues([], 5) == [] and make_cues([('late', 5, 6)], 5) == []


def test_cues_gap_and_times_that_go_back():
    cues = make_cues([('a', 0, 2), ('b', 1, 3), ('c', 0.5, 4)], 10, min_gap=0.2)
    check_cues(cues, 10)
    assert [c.text for c in cues] == ['a', 'b', 'c']  # reading order is kept
    assert all(b.start - a.end >= 0.2 - 1e-9 for a, b in zip(cues, cues[1:]))


def test_long_sentence_splits_in_time():
    words = ' '.join(f'word{i:02d}' for i in range(43))  # 300 characters
    assert len(words) == 300
    cues = make_cues([(words, 1.0, 11.0)], 20)
    check_cues(cues, 20)
    assert len(cues) >= 4 and cues[0].start == 1.0 and cues[-1].end == 11.0
    assert ' '.join(c.text.replace('\n', ' ') for c in cues) == words
    chars = np.array([len(c.text) for c in cues], float); secs = np.array([c.end - c.start for c in cues])
    assert np.allclose(secs / secs.sum(), chars / chars.sum(), atol=0.02)  # time shared by characters


def test_wrap_balanced_and_long_words():
    assert wrap_text('A somewhat longer sentence that needs two lines to be shown.') == [
        ['A somewhat longer sentence that', 'needs two lines to be shown.']]
    assert all(len(l) <= 10 for c in wrap_text('https://example.org/a/very/long/path', 10) for l in c)
    assert wrap_text('one two three four five six', max_chars=12, max_lines=3) == [['one two', 'three four', 'five six']]


def test_unicode_and_markup():
    cues = make_cues([('Größe: 10 µm — naïve café 日本語 <b>x</b> & y', 0, 3)], 5)
    check_cues(cues, 5)
    assert 'naïve café 日本語' in cues[0].text.replace('\n', ' ')
    v = vtt_text(cues)
    assert '<b>' not in v and '&lt;b&gt;x&lt;/b&gt; &amp; y' in v
    assert '<b>x</b> & y' in srt_text(cues)  # SubRip takes text as it is


# --- files ---

def test_srt_vtt_exact(tmp_path):
    cues = [Cue(0.0, 1.5, 'Hello'), Cue(61.25, 3723.004, 'Two\nlines')]
    srt = '1\n00:00:00,000 --> 00:00:01,500\nHello\n\n2\n00:01:01,250 --> 01:02:03,004\nTwo\nlines\n\n'
    vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nHello\n\n00:01:01.250 --> 01:02:03.004\nTwo\nlines\n\n'
    assert srt_text(cues) == srt and vtt_text(cues) == vtt
    assert write_srt(cues, tmp_path / 'a.srt').read_text() == srt
    assert write_vtt(cues, tmp_path / 'a.vtt').read_text() == vtt
    srt_lib = pytest.importorskip('srt')  # an independent parser agrees
    assert [(s.start.total_seconds(), s.end.total_seconds(), s.content) for s in srt_lib.parse(srt)] == [
        (c.start, c.end, c.text) for c in cues]


def test_chapters_vtt(tmp_path):
    p = write_chapters_vtt([('B & C', 5, 12), ('  Intro  ', 0, 6)], tmp_path / 'ch.vtt')
    assert p.read_text() == 'WEBVTT\n\n1\n00:00:00.000 --> 00:00:05.000\nIntro\n\n2\n00:00:05.000 --> 00:00:12.000\nB &amp; C\n\n'
    assert not [f for f in os.listdir(tmp_path) if f.startswith('.')]


# --- the soft track ---

@pytest.fixture(scope='module')
def media(tmp_path_factory):
    d = tmp_path_factory.mktemp('subs')
    wide = synth_clip(d / 'wide.mp4', 4.0, audio=True)
    cues = make_cues([('Hello <world> & all.', 0.3, 1.4), ('A second sentence, long enough to need two lines here.', 1.4, 2.6),
                      ('Gräßlich — 日本語.', 3.0, 3.8)], media_duration(wide))
    return dict(d=d, wide=wide, cues=cues,
                portrait=synth_clip(d / 'portrait.mp4', 1.0, size=(480, 854), audio=True),
                square=synth_clip(d / 'square.mp4', 1.0, size=(480, 480)))


def packets(path, kind):
    with av.open(str(path)) as c:
        s = getattr(c.streams, kind)[0]
        return [(bytes(p), p.pts, p.dts) for p in c.demux(s) if p.dts is not None]


def test_soft_track_reads_back(media):
    out = add_subtitles(media['wide'], media['d'] / 'subbed.mp4', media['cues'],
                        chapters=[('Start', 0, 2), ('Middle & end', 2, 4)])
    with av.open(str(out)) as c:
        assert (len(c.streams.video), len(c.streams.audio), len(c.streams.subtitles)) == (1, 1, 1)
        s = c.streams.subtitles[0]
        assert s.codec_context.name == 'mov_text' and s.metadata['language'] == 'eng'
    got = read_subtitles(out)
    assert [c.text for c in got] == [c.text for c in media['cues']]
    frame = 1 / 15
    for a, b in zip(got, media['cues']): assert abs(a.start - b.start) < frame and abs(a.end - b.end) < frame
    assert read_chapters(out) == [('Start', 0.0, 2.0), ('Middle & end', 2.0, 4.0)]
    for kind in ('video', 'audio'): assert packets(out, kind) == packets(media['wide'], kind)  # copied, not re-encoded
    assert abs(media_duration(out) - media_duration(media['wide'])) < 0.05


def test_soft_track_in_place_keeps_chapters(media, tmp_path):
    src = tmp_path / 'v.mp4'; src.write_bytes(media['wide'].read_bytes())
    add_subtitles(src, src, media['cues'][:1], chapters=[('Only', 0, 4)])
    add_subtitles(src, src, media['cues'], language='fra')  # chapters=None keeps the ones there
    assert read_chapters(src) == [('Only', 0.0, 4.0)] and read_subtitles(src) == media['cues']
    with av.open(str(src)) as c: assert [s.metadata['language'] for s in c.streams.subtitles] == ['fra']
    assert sorted(os.listdir(tmp_path)) == ['v.mp4']


def test_soft_track_cues_past_the_end_and_errors(media, tmp_path):
    out = add_subtitles(media['wide'], tmp_path / 'o.mp4', [Cue(3.5, 9.0, 'tail'), Cue(5.0, 6.0, 'gone')])
    assert read_subtitles(out) == [Cue(3.5, 4.0, 'tail')]
    with pytest.raises(AssembleError, match='overlap'): add_subtitles(media['wide'], tmp_path / 'x.mp4', [Cue(0, 2, 'a'), Cue(1, 3, 'b')])
    with pytest.raises(AssembleError, match='ISO 639'): add_subtitles(media['wide'], tmp_path / 'x.mp4', [], language='english')
    with pytest.raises(AssembleError, match='does not exist'): add_subtitles(tmp_path / 'missing.mp4', tmp_path / 'x.mp4', [])
    wav = synth_wav(tmp_path / 'a.wav', 0.5)
    with pytest.raises(AssembleError, match='no video stream'): add_subtitles(wav, tmp_path / 'x.mp4', media['cues'])
    with pytest.raises(AssembleError, match='no video stream'): burn_subtitles(wav, tmp_path / 'x.mp4', media['cues'])
    (tmp_path / 'junk.mp4').write_bytes(b'not a video')
    with pytest.raises(AssembleError, match='not a readable video'): burn_subtitles(tmp_path / 'junk.mp4', tmp_path / 'x.mp4', [])
    assert sorted(os.listdir(tmp_path)) == ['a.wav', 'junk.mp4', 'o.mp4']


def test_failed_writes_leave_nothing(media, tmp_path, monkeypatch):
    (tmp_path / 'old.mp4').write_bytes(b'previous')
    def boom(*a, **k): raise RuntimeError('disk on fire')
    monkeypatch.setattr(asm, '_tx3g', boom)
    with pytest.raises(AssembleError, match='disk on fire'): add_subtitles(media['wide'], tmp_path / 'new.mp4', media['cues'])
    with pytest.raises(AssembleError, match='disk on fire'): add_subtitles(media['wide'], tmp_path / 'old.mp4', media['cues'])
    monkeypatch.setattr(asm, '_draw', boom)
    with pytest.raises(AssembleError, match='disk on fire'): burn_subtitles(media['wide'], tmp_path / 'new.mp4', media['cues'])
    assert sorted(os.listdir(tmp_path)) == ['old.mp4'] and (tmp_path / 'old.mp4').read_bytes() == b'previous'


# --- burn-in ---

def frame_at(path, t):
    with av.open(str(path)) as c: return next(f for f in c.decode(video=0) if f.time >= t - 1e-6).to_ndarray(format='rgb24').astype(int)


def box_rows(h):
    "Rows where the subtitle box goes: above the 8% margin, within the bottom quarter."
    return slice(int(h * 0.75), int(h * 0.92))


def test_burn_draws_only_during_cues(media):
    out = burn_subtitles(media['wide'], media['d'] / 'burned.mp4', media['cues'])
    h, w = 480, 854
    rows, cols = box_rows(h), slice(w // 4, 3 * w // 4)
    during, between = frame_at(out, 2.0), frame_at(out, 2.8)
    src_during, src_between = frame_at(media['wide'], 2.0), frame_at(media['wide'], 2.8)
    d = np.abs(during - src_during)[rows, cols].max(axis=2)
    assert d.max() > 150 and d.mean() > 5  # white text, a darkened box
    assert np.abs(between - src_between).mean() < 2 and np.abs(between - src_between)[rows, cols].max() < 40  # codec noise
    assert np.abs(during - src_during)[: h // 2].mean() < 2  # the top half is untouched
    assert packets(out, 'audio') == packets(media['wide'], 'audio')
    with av.open(str(out)) as c:
        v = c.streams.video[0]
        assert (v.codec_context.name, v.frames, float(v.average_rate)) == ('h264', 60, 15.0)
    from manim_nb.render import check_clip, expected_extradata
    assert check_clip(str(out), w, h, 15, 100, extradata=expected_extradata(w, h, 15))['frames'] == 60


@pytest.mark.parametrize('kind', ['portrait', 'square'])
def test_burn_other_shapes(media, kind, tmp_path):
    src = media[kind]
    with av.open(str(src)) as c: w, h = c.streams.video[0].width, c.streams.video[0].height
    cue = make_cues([('This sentence is a little too wide for a narrow portrait frame, surely.', 0, 1)], 1)
    out = burn_subtitles(src, tmp_path / 'b.mp4', cue)
    diff = np.abs(frame_at(out, 0.5) - frame_at(src, 0.5)).max(axis=2) > 60
    ys, xs = np.nonzero(diff)
    assert len(ys) > 100
    assert xs.min() >= 0.04 * w and xs.max() <= 0.96 * w  # at most ~90% of the width, centred
    assert ys.max() <= 0.93 * h and ys.min() >= 0.5 * h  # bottom, inside the title-safe area
    assert abs((xs.min() + xs.max()) / 2 - w / 2) < 0.05 * w
    with av.open(str(out)) as c: assert len(c.streams.audio) == (1 if kind == 'portrait' else 0)
