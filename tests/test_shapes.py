"Video shapes: `frame_config`'s sizes, a portrait clip's real size, every template laid out with no layout issue in portrait and square frames, and templates revealing their content sentence by sentence."
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import av, pytest

from manim_nb.qa import qa
from manim_nb.render import ASPECTS, RenderJob, frame_config, render_job
from manim_nb.storyboard import SceneSpec
from manim_nb.templates import TEMPLATES, template_source

SCENES = {
    'title_card': SceneSpec(seq=1, layout='title_card', text='Welcome to a short tour of the Pythagorean theorem. It links the three '
                            'sides of every right triangle. By the end you will see why it holds.',
                            params=dict(title='The Pythagorean Theorem', subtitle='Why a squared plus b squared equals c squared')),
    'bullets': SceneSpec(seq=2, layout='bullets', text='Energy comes in several forms. Kinetic energy belongs to anything that moves. '
                         'Potential energy is stored by position, like a raised weight. And heat is the random motion of tiny particles.',
                         params=dict(title='Forms of energy', bullets=['Kinetic energy: the energy of motion',
                                     'Potential energy: stored by position or shape', 'Heat: random motion of particles'])),
    'equation': SceneSpec(seq=3, layout='equation', text='Start from the energy of a moving body. Half the mass times the velocity squared '
                          'gives its kinetic energy. Doubling the speed makes it four times larger.',
                          params=dict(title='Kinetic energy', equation=r'E_k = \frac{1}{2} m v^2', then=r'E_k(2v) = 4 \cdot \frac{1}{2} m v^2',
                                      caption='Energy grows with the square of the speed')),
    'graph': SceneSpec(seq=4, layout='graph', text='Here is the sine function. It rises to one, falls to minus one, and repeats every two pi. '
                       'Watch the dot trace one full wave.',
                       params=dict(title='The sine wave', function='np.sin(x)', x_range=(-6.3, 6.3), label=r'y = \sin x')),
    'split_shape': SceneSpec(seq=5, layout='split_shape', text='Take a right triangle with legs a and b. Build a square on each side. '
                             'The two smaller squares together have exactly the area of the largest one.',
                             params=dict(title='Squares on the sides', shape='right_triangle', squares=True, label='a^2 + b^2 = c^2',
                                         text=['Legs a and b meet at a right angle', 'A square stands on every side',
                                               'Small squares add up to the big one'])),
    'split_paragraph': SceneSpec(seq=6, layout='split_shape', text='A hexagon has six equal sides. Bees build their honeycomb from '
                                 'hexagons, because they tile the plane with little wax.',
                                 params=dict(title='Hexagons', shape='hexagon', label='regular hexagon',
                                             text='Six equal sides and six equal angles: hexagons tile the plane without gaps.')),
    'explainer': SceneSpec(seq=7, layout='title_and_main_content', anim='Show a pendulum swinging next to its period formula.',
                           text='A pendulum swings back and forth with a steady rhythm. Its period is T = 2π√(L/g), where L is the length '
                                'of the string. Notice that the mass of the bob does not appear. A longer string means a slower swing.'),
}

CAPTIONED = 'explainer+captions'  # the fallback with the caption strip on: captions fit the narrower frame too

def _source(name):
    s = SCENES[name.split('+')[0]]
    secs = max(3.0, len(s.text.split()) / 2.5)  # about espeak's pace
    code = template_source(s, 'Physics', secs)
    if name == CAPTIONED: code = code.replace('\n    def construct_scene', '\n    show_captions = True\n\n    def construct_scene')
    return code, s.name, secs

def test_frame_config_sizes():
    got = {a: frame_config('l', a) for a in ASPECTS}
    assert [(c['pixel_width'], c['pixel_height']) for c in got.values()] == [(854, 480), (480, 854), (480, 480)]
    assert [(round(c['frame_width'], 2), round(c['frame_height'], 2)) for c in got.values()] == [(14.22, 8.0), (8.0, 14.22), (8.0, 8.0)]
    assert (frame_config('h', '9:16')['pixel_width'], frame_config('m', '1:1')['pixel_height']) == (1080, 720)
    with pytest.raises(ValueError, match='aspect must be one of'): frame_config('l', '4:3')

def test_a_portrait_clip_is_480_by_854(tmp_path):
    s = SCENES['title_card'].model_copy(update=dict(text='A portrait title.'))
    r = render_job(RenderJob(template_source(s, 'Shapes', 2.0), s.name, tmp_path, aspect='9:16'))
    assert r.ok, r.error
    with av.open(str(r.clip)) as c: assert (c.streams.video[0].width, c.streams.video[0].height) == (480, 854)

def test_every_template_is_covered():
    assert {s.layout for s in SCENES.values()} >= set(TEMPLATES)

@pytest.fixture(scope='module')
def checked():
    "The layout QA (a sandboxed dry run with the geometry record) of every scene in portrait and square, two at a time."
    def one(job):
        name, aspect = job
        code, cls, secs = _source(name)
        return job, qa(code, cls, narration_s=secs, dry_run=True, aspect=aspect)
    with ThreadPoolExecutor(2) as ex: return dict(ex.map(one, [(n, a) for a in ('9:16', '1:1') for n in [*SCENES, CAPTIONED]]))

@pytest.mark.parametrize('aspect', ['9:16', '1:1'])
@pytest.mark.parametrize('name', [*sorted(SCENES), CAPTIONED])
def test_templates_lay_out_cleanly_in_every_shape(checked, name, aspect):
    r = checked[(name, aspect)]
    assert r.rendered, r.error
    c = frame_config('l', aspect)
    assert (r.frame['pixel_width'], r.frame['pixel_height'], r.frame['width']) == (c['pixel_width'], c['pixel_height'], c['frame_width'])
    assert r.issues == [], [i['message'] for i in r.issues]

SAID = ['Energy comes in several forms.', 'Kinetic energy belongs to anything that moves.', 'Potential energy is stored by position.',
        'Heat is the random motion of particles.']

@pytest.mark.parametrize('aspect', ['16:9', '9:16'])
def test_bullets_appear_when_their_sentence_starts(aspect):
    "Measured sentence times given to the scene: each bullet (its dot) first shows within a frame of its sentence's start."
    starts = [0.0, 1.6, 4.3, 7.1]
    s = SceneSpec(seq=2, layout='bullets', text=' '.join(SAID), params=dict(title='Forms of energy', bullets=[
        'Kinetic energy: the energy of motion', 'Potential energy: stored by position', 'Heat: random motion of particles']))
    sentences = [[x, a, a + 2.2] for x, a in zip(SAID, starts)]
    code = template_source(s, 'Physics', 10.0).replace('\n    def construct_scene', f'\n    sentences = {sentences!r}\n\n    def construct_scene')
    r = render_job(RenderJob(code, s.name, Path(tempfile.mkdtemp(prefix='shapes_')), geometry=True, dry_run=True, aspect=aspect))
    assert r.ok and r.geometry, (r.error, r.geometry_error)
    first = {}
    for snap in r.geometry['snapshots']:
        for u in snap['units']: first.setdefault(u[0], snap['t0'])
    dots = sorted(t for oid, t in first.items() if r.geometry['objects'][oid]['label'].startswith('Dot'))
    assert len(dots) == 3 and all(abs(t - want) <= 1.5 / 15 for t, want in zip(dots, starts[1:])), dots
    assert min(first.values()) == 0.0  # the heading at once: never an empty screen
