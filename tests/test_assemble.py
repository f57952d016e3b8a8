"Offline tests of manim_nb.assemble: mux (hold / pad / silent), concat, stream layout, decodability."
import numpy as np
import av
import pytest

from manim_nb.assemble import (AUDIO_RATE, AssembleError, concat, media_duration, mux, read_audio,
                               synth_clip, synth_wav)


def streams(path):
    with av.open(str(path)) as c:
        return [(s.type, s.codec_context.name) for s in c.streams]


def decode_all(path):
    "Decode every packet of every stream; returns (video frames, audio seconds, (w, h), fps)."
    with av.open(str(path)) as c:
        vs = c.streams.video[0]
        size, fps = (vs.codec_context.width, vs.codec_context.height), float(vs.average_rate)
        nv, na, last = 0, 0, -1
        for f in c.decode(c.streams.video[0]):
            assert f.pts > last  # strictly increasing video timestamps
            last = f.pts
            nv += 1
    with av.open(str(path)) as c:
        for f in c.decode(audio=0): na += f.samples
        rate = c.streams.audio[0].codec_context.sample_rate
    return nv, na / rate, size, fps


def stream_durations(path):
    with av.open(str(path)) as c:
        return {s.type: float(s.duration * s.time_base) for s in c.streams}


@pytest.fixture(scope='module')
def media(tmp_path_factory):
    d = tmp_path_factory.mktemp('media')
    return dict(d=d, c1=synth_clip(d / 'c1.mp4', 1.0), c3=synth_clip(d / 'c3.mp4', 3.0),
                w2=synth_wav(d / 'w2.wav', 2.0), w05=synth_wav(d / 'w05.wav', 0.05, rate=16000),
                w3=synth_wav(d / 'w3.wav', 3.0, rate=44100))


def test_media_duration(media):
    assert media_duration(media['w2']) == pytest.approx(2.0)
    assert media_duration(media['c1']) == pytest.approx(1.0, abs=0.1)
    assert media_duration(media['c3']) == pytest.approx(3.0, abs=0.1)


def test_read_audio_resamples(media):
    assert len(read_audio(media['w3'])) == 3 * AUDIO_RATE  # 44.1 kHz -> 48 kHz
    assert len(read_audio(media['c1'])) == 0  # no audio stream


def test_mux_holds_last_frame(media):
    out = media['d'] / 'held.mp4'
    assert mux(media['c1'], media['w2'], out) == pytest.approx(2.0, abs=0.1)
    assert streams(out) == [('video', 'h264'), ('audio', 'aac')]
    nv, secs, size, fps = decode_all(out)
    assert (nv, size, fps) == (30, (854, 480), 15.0)
    assert secs == pytest.approx(2.0, abs=0.05)
    sd = stream_durations(out)
    assert sd['video'] == pytest.approx(sd['audio'], abs=0.05)
    a = read_audio(out)
    assert np.abs(a[int(1.5 * AUDIO_RATE):int(1.9 * AUDIO_RATE)]).max() > 0.1  # narration still sounds over the held frame


def test_mux_pads_audio(media):
    out = media['d'] / 'padded.mp4'
    assert mux(media['c3'], media['w2'], out) == pytest.approx(3.0, abs=0.1)
    nv, secs, _, _ = decode_all(out)
    assert nv == 45 and secs == pytest.approx(3.0, abs=0.05)
    a = read_audio(out)
    assert np.abs(a[int(0.5 * AUDIO_RATE):int(1.5 * AUDIO_RATE)]).max() > 0.1
    assert np.abs(a[int(2.2 * AUDIO_RATE):]).max() < 0.01  # padded with silence


def test_mux_no_audio_is_silent_track(media):
    out = media['d'] / 'silent.mp4'
    assert mux(media['c1'], None, out) == pytest.approx(1.0, abs=0.1)
    assert streams(out) == [('video', 'h264'), ('audio', 'aac')]
    nv, secs, _, _ = decode_all(out)
    assert nv == 15 and secs == pytest.approx(1.0, abs=0.05)
    assert np.abs(read_audio(out)).max() < 1e-3


def test_mux_very_short_audio(media):
    out = media['d'] / 'short.mp4'
    assert mux(media['c1'], media['w05'], out) == pytest.approx(1.0, abs=0.1)
    assert decode_all(out)[0] == 15


def test_mux_audio_slightly_longer_rounds_up_a_frame(media, tmp_path):
    w = synth_wav(tmp_path / 'w.wav', 1.01)
    mux(media['c1'], w, tmp_path / 'o.mp4')
    nv, secs, _, _ = decode_all(tmp_path / 'o.mp4')
    assert nv == 16 and secs == pytest.approx(16 / 15, abs=0.03)


def test_mux_overwrites_atomically(media, tmp_path):
    out = tmp_path / 'o.mp4'
    out.write_bytes(b'old')
    mux(media['c1'], None, out)
    assert streams(out)[0] == ('video', 'h264')
    assert [p.name for p in tmp_path.iterdir()] == ['o.mp4']  # no temporary file left


def test_mux_remuxes_a_clip_that_has_audio(media, tmp_path):
    clip = synth_clip(tmp_path / 'with_audio.mp4', 1.0, audio=True)
    assert streams(clip) == [('video', 'h264'), ('audio', 'aac')]
    assert mux(clip, media['w2'], tmp_path / 'o.mp4') == pytest.approx(2.0, abs=0.1)
    assert streams(tmp_path / 'o.mp4') == [('video', 'h264'), ('audio', 'aac')]


def test_mux_errors(media, tmp_path):
    with pytest.raises(AssembleError, match='no video stream'):
        mux(media['w2'], None, tmp_path / 'o.mp4')
    with pytest.raises(Exception):
        mux(tmp_path / 'missing.mp4', None, tmp_path / 'o.mp4')
    assert not (tmp_path / 'o.mp4').exists()


def test_concat_three(media, tmp_path):
    parts = [mux(media['c1'], media['w2'], tmp_path / 'a.mp4'), mux(media['c3'], media['w2'], tmp_path / 'b.mp4'),
             mux(media['c1'], None, tmp_path / 'c.mp4')]
    out = tmp_path / 'final.mp4'
    d = concat([tmp_path / 'a.mp4', tmp_path / 'b.mp4', tmp_path / 'c.mp4'], out)
    assert d == pytest.approx(sum(parts), abs=0.1) and d == pytest.approx(6.0, abs=0.1)
    assert streams(out) == [('video', 'h264'), ('audio', 'aac')]
    nv, secs, size, fps = decode_all(out)
    assert size == (854, 480) and fps == 15.0
    assert nv == pytest.approx(d * fps, abs=1) and nv == 90
    assert secs == pytest.approx(d, abs=0.05)
    sd = stream_durations(out)
    assert sd['video'] == pytest.approx(sd['audio'], abs=0.05)
    a = read_audio(out)  # audio stays in sync: tone during 0-2 s and 2-4 s, silence 4.2-6 s
    assert np.abs(a[int(2.5 * AUDIO_RATE):int(3.5 * AUDIO_RATE)]).max() > 0.1
    assert np.abs(a[int(4.2 * AUDIO_RATE):]).max() < 0.01


def test_concat_silent_clips_and_single(media, tmp_path):
    # raw clips with no audio stream concat too (they get silence)
    d = concat([media['c1'], media['c3']], tmp_path / 'raw.mp4')
    assert d == pytest.approx(4.0, abs=0.1)
    assert streams(tmp_path / 'raw.mp4') == [('video', 'h264'), ('audio', 'aac')]
    assert concat([media['c1']], tmp_path / 'one.mp4') == pytest.approx(1.0, abs=0.1)


def test_concat_scales_same_aspect(media, tmp_path):
    big = synth_clip(tmp_path / 'big.mp4', 0.4, size=(1280, 720))
    d = concat([media['c1'], big], tmp_path / 'o.mp4')
    assert d == pytest.approx(1.4, abs=0.1)
    assert decode_all(tmp_path / 'o.mp4')[2] == (854, 480)


def test_concat_refuses_mismatch(media, tmp_path):
    sq = synth_clip(tmp_path / 'sq.mp4', 0.4, size=(480, 480))
    with pytest.raises(AssembleError, match='480x480.*one quality'):
        concat([media['c1'], sq], tmp_path / 'o.mp4')
    fast = synth_clip(tmp_path / 'fast.mp4', 0.4, fps=30)
    with pytest.raises(AssembleError, match='30 fps'):
        concat([media['c1'], fast], tmp_path / 'o.mp4')
    with pytest.raises(AssembleError, match='at least one'):
        concat([], tmp_path / 'o.mp4')
    assert sorted(p.name for p in tmp_path.iterdir()) == ['fast.mp4', 'sq.mp4']
