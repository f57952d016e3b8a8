"Offline tests of manim_nb.tts: providers, dispatch, PCM helpers, missing espeak-ng."
import math, shutil, struct, wave
from pathlib import Path

import pytest

from manim_nb import tts
from manim_nb.tts import (VOICES, TTSError, estimate_duration, pcm_to_wav, rate_from_mime,
                          register_voice, speak, wav_duration)

needs_espeak = pytest.mark.skipif(not (shutil.which('espeak-ng') or shutil.which('espeak')),
                                  reason='espeak-ng not installed')


def test_rate_from_mime():
    assert rate_from_mime('audio/L16;codec=pcm;rate=24000') == 24000
    assert rate_from_mime('audio/L16;codec=pcm;RATE=44100') == 44100
    assert rate_from_mime('audio/L16') == 24000
    assert rate_from_mime('', default=16000) == 16000


def test_pcm_to_wav_roundtrip(tmp_path):
    pcm = b''.join(struct.pack('<h', int(1000 * math.sin(i / 10))) for i in range(12000))
    d = pcm_to_wav(pcm, tmp_path / 'sub' / 'a.wav', rate=24000)
    assert d == pytest.approx(0.5)
    with wave.open(str(tmp_path / 'sub' / 'a.wav')) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()) == (1, 2, 24000, 12000)
        assert w.readframes(12000) == pcm


def test_pcm_to_wav_stereo_and_odd_bytes(tmp_path):
    d = pcm_to_wav(b'\x01\x00' * 4 * 1000 + b'\x07', tmp_path / 's.wav', rate=1000, channels=2)
    assert d == pytest.approx(2.0)  # 4000 samples / 2 channels / 1000 Hz; the stray byte is dropped
    assert wav_duration(tmp_path / 's.wav') == pytest.approx(2.0)


def test_empty_pcm(tmp_path):
    assert pcm_to_wav(b'', tmp_path / 'e.wav') == 0.0
    assert wav_duration(tmp_path / 'e.wav') == 0.0


def test_none_provider_estimates_and_removes_stale(tmp_path):
    p = tmp_path / 'a.wav'
    p.write_bytes(b'stale')
    words = ' '.join(['word'] * 26)
    assert speak(words, p, provider='none') == pytest.approx(10.0)
    assert not p.exists()
    assert speak('', p, provider='none') == 1.5
    assert speak('a b', p, provider='none', min_s=0.1, wps=1) == pytest.approx(2.0)
    assert estimate_duration('one two') == 1.5


def test_unknown_provider(tmp_path):
    with pytest.raises(TTSError, match='choose one of.*espeak'):
        speak('hi', tmp_path / 'a.wav', provider='nope')


def test_register_provider(tmp_path, monkeypatch):
    monkeypatch.setitem(VOICES, 'fake', None)  # restored after the test
    calls = []

    @register_voice('fake')
    def fake(text, path, rate=8000, **kw):
        calls.append((text, path, kw))
        return pcm_to_wav(b'\x00\x00' * rate, path, rate=rate)

    assert speak('hello', str(tmp_path / 'f.wav'), provider='fake', rate=4000, voice='x') == 1.0
    assert calls == [('hello', tmp_path / 'f.wav', {'voice': 'x'})]
    assert isinstance(calls[0][1], Path)


@needs_espeak
def test_espeak_writes_wav(tmp_path):
    p = tmp_path / 'deep' / 'n.wav'
    d = speak('The period of a pendulum depends on its length.', p)
    assert d > 1.0 and d == wav_duration(p)
    slow = speak('The period of a pendulum depends on its length.', tmp_path / 'slow.wav', wpm=90)
    assert slow > d * 1.3


@needs_espeak
def test_espeak_hostile_text_is_only_spoken(tmp_path):
    marker = tmp_path / 'pwned'
    text = f'"; touch {marker}; $(touch {marker}) `touch {marker}` -w /etc/passwd --help'
    assert speak(text, tmp_path / 'h.wav') > 1.0
    assert not marker.exists()


@needs_espeak
def test_espeak_empty_text_is_silence(tmp_path):
    assert speak('   ', tmp_path / 'e.wav') == pytest.approx(1.5)
    assert wav_duration(tmp_path / 'e.wav') == pytest.approx(1.5)


@needs_espeak
def test_espeak_bad_voice(tmp_path):
    with pytest.raises(TTSError, match='espeak-ng --voices'):
        speak('hi', tmp_path / 'v.wav', voice='klingon-xx')
    assert not (tmp_path / 'v.wav').exists()


def test_espeak_missing_via_path(tmp_path, monkeypatch):
    monkeypatch.setenv('PATH', str(tmp_path))
    with pytest.raises(TTSError, match='apt-get install espeak-ng') as e:
        speak('hi', tmp_path / 'a.wav')
    assert '--tts none' in str(e.value)


def test_espeak_missing_via_which(tmp_path, monkeypatch):
    monkeypatch.setattr(tts.shutil, 'which', lambda name: None)
    with pytest.raises(TTSError, match='not installed'):
        speak('hi', tmp_path / 'a.wav', provider='espeak')
    assert speak('hi', tmp_path / 'a.wav', provider='none') == 1.5  # the advertised fallback works
